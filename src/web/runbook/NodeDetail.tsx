import type { ComponentChildren } from 'preact';
import type { ActionNode, CheckNode, EndNode, QuestionNode, Runbook } from '../api/apiTypes.js';
import { Markdown } from '../markdown/Markdown.js';
import { runbookEdges } from '../../runbook/graph/runbookEdges.js';
import { outcomeLabel } from './outcomeLabel.js';
import { safeLinkUrl } from './safeLinkUrl.js';
import './nodeDetail.css';

export interface NodeDetailProps {
  runbook: Runbook;
  nodeId: string;
  /** Makes each target a button that shows that node (in the catalog); without it targets are plain text. */
  onSelect?: (nodeId: string) => void;
  /** The level of the node's heading (2 on a page of its own, 3 inside a panel). */
  headingLevel?: 2 | 3 | 4;
}

/** One node of a runbook, read-only, as its author wrote it: what it reads or asks or says, and where each outlet leads. */
export function NodeDetail({ runbook, nodeId, onSelect, headingLevel = 2 }: NodeDetailProps) {
  const node = runbook.nodes[nodeId];
  const Heading = `h${headingLevel}` as 'h2';
  if (!node) {
    return (
      <article class="node-detail node-detail-missing" aria-label={`Node ${nodeId}`} data-node={nodeId}>
        <Heading class="node-detail-title">No node <code>{nodeId}</code></Heading>
        <p class="muted">This runbook has no node with that id: a target points at a node that does not exist (see its problems).</p>
      </article>
    );
  }
  const title = node.title;
  return (
    <article class={`node-detail node-detail-${node.type}`} aria-label={`Node ${nodeId}`} data-node={nodeId}>
      <header class="node-detail-head">
        <span class={`node-kind kind-${node.type}`}>{node.type}</span>
        {node.type === 'action' && node.mitigation === true ? <span class="node-kind kind-mitigation">mitigation</span> : null}
        <code class="node-detail-id">{nodeId}</code>
        {nodeId === runbook.start ? <span class="node-kind kind-start">start</span> : null}
      </header>
      {title !== undefined && title !== '' ? <Heading class="node-detail-title">{title}</Heading> : null}
      {node.description !== undefined && node.description !== '' ? (
        <Markdown class="node-description" source={node.description} />
      ) : null}
      {node.type === 'check' ? <CheckBody runbook={runbook} nodeId={nodeId} node={node} onSelect={onSelect} /> : null}
      {node.type === 'question' ? <QuestionBody node={node} onSelect={onSelect} /> : null}
      {node.type === 'action' ? <ActionBody node={node} onSelect={onSelect} /> : null}
      {node.type === 'end' ? <EndBody node={node} /> : null}
      {node.max_visits !== undefined ? (
        <p class="muted node-visits">A walk may enter this node at most {node.max_visits} {node.max_visits === 1 ? 'time' : 'times'}.</p>
      ) : null}
    </article>
  );
}

type Select = ((nodeId: string) => void) | undefined;

/** Where an outlet leads: a button that shows the node, or its id. */
export function Target({ id, onSelect }: { id: string; onSelect: Select }) {
  if (!onSelect) return <code class="node-target">{id}</code>;
  return (
    <button type="button" class="link-button node-target" aria-label={`Show node ${id}`} onClick={() => { onSelect(id); }}>
      <code>{id}</code>
    </button>
  );
}

function Leads() {
  return <span class="outlet-arrow"> <span aria-hidden="true">→</span><span class="visually-hidden">leads to</span> </span>;
}

function Row({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function CheckBody({ runbook, nodeId, node, onSelect }: { runbook: Runbook; nodeId: string; node: CheckNode; onSelect: Select }) {
  const source = runbook.sources[node.source];
  // The edges carry each condition in words (with compare's offset), the same text the tree shows.
  const outlets = runbookEdges({ ...runbook, nodes: { [nodeId]: node } });
  const branches = outlets.filter((e) => e.kind === 'branch');
  return (
    <>
      <dl class="node-facts">
        <Row term="Source"><code>{node.source}</code>{source ? <span class="muted"> ({source.type}{source.description ? `: ${source.description}` : ''})</span> : null}</Row>
        {node.unit !== undefined ? <Row term="Unit">{node.unit}</Row> : null}
        <Row term="Series combine">{node.reduce ?? 'any'}{node.reduce === undefined ? <span class="muted"> (default)</span> : null}</Row>
        {node.compare ? <Row term="Baseline">the same query {node.compare.offset} ago</Row> : null}
      </dl>
      <h4 class="node-detail-sub">Query</h4>
      <pre class="node-query"><code>{node.query}</code></pre>
      <h4 class="node-detail-sub">Branches, tried in order</h4>
      <ol class="node-outlets">
        {branches.map((b) => (
          <li key={b.index}>
            <span class="outlet-when">{b.label}</span>
            {b.title !== undefined ? <> <span class="outlet-label">{b.title}</span></> : null}
            <Leads />
            <Target id={b.to} onSelect={onSelect} />
          </li>
        ))}
      </ol>
      <ul class="node-outlets node-fallbacks" aria-label="Otherwise">
        {node.default !== undefined ? <li><span class="outlet-when">no branch matches</span><Leads /><Target id={node.default} onSelect={onSelect} /></li> : null}
        <li><span class="outlet-when">no data</span><Leads /><Target id={node.on_no_data} onSelect={onSelect} /></li>
        <li>
          <span class="outlet-when">the source fails</span>{node.default === undefined ? <span class="muted"> (or no branch matches)</span> : null}<Leads /><Target id={node.on_error} onSelect={onSelect} />
        </li>
      </ul>
    </>
  );
}

function QuestionBody({ node, onSelect }: { node: QuestionNode; onSelect: Select }) {
  return (
    <>
      <p class="node-question-text">{node.question}</p>
      <h4 class="node-detail-sub">Answers</h4>
      <ul class="node-outlets">
        {node.answers.map((a, i) => (
          <li key={i}>
            <span class="outlet-when">{a.label}</span>
            <Leads />
            <Target id={a.next} onSelect={onSelect} />
            {a.description !== undefined ? <span class="outlet-description muted">{a.description}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function ActionBody({ node, onSelect }: { node: ActionNode; onSelect: Select }) {
  return (
    <>
      {node.mitigation === true ? <p class="mitigation-note">Completing this step marks the incident's time to mitigate.</p> : null}
      <Markdown class="node-instructions" source={node.instructions} />
      {node.links && node.links.length > 0 ? (
        <>
          <h4 class="node-detail-sub">Links</h4>
          <ul class="node-links">
            {node.links.map((link, i) => {
              const url = safeLinkUrl(link.url);
              return <li key={i}>{url ? <a href={url} target="_blank" rel="noopener noreferrer">{link.title}</a> : <span>{link.title} <code>{link.url}</code></span>}</li>;
            })}
          </ul>
        </>
      ) : null}
      <ul class="node-outlets">
        <li><span class="outlet-when">done</span><Leads /><Target id={node.next} onSelect={onSelect} /></li>
        {node.on_skip !== undefined ? <li><span class="outlet-when">skipped</span><Leads /><Target id={node.on_skip} onSelect={onSelect} /></li> : <li class="muted">skipped: the same</li>}
      </ul>
    </>
  );
}

function EndBody({ node }: { node: EndNode }) {
  return (
    <>
      <p class={`end-outcome outcome-${node.outcome}`}>The walk ends: <strong>{outcomeLabel(node.outcome)}</strong></p>
      {node.handoff !== undefined ? <p>Hand off to <strong>{node.handoff}</strong>.</p> : null}
      {node.summary !== undefined ? <p class="node-summary">{node.summary}</p> : null}
    </>
  );
}
