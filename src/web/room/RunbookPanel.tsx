import { useState } from 'preact/hooks';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { NodeDetail } from '../runbook/NodeDetail.js';
import { RunbookTree } from '../runbook/LazyRunbookTree.js';
import { useRoom } from './roomContext.js';

const NO_PATH: readonly string[] = [];

/** The walk's runbook as a tree (path taken and current node highlighted); a node picked shows its detail. */
export function RunbookPanel() {
  const { incident, runbook, runbookError, newerRunbook } = useRoom();
  const [selected, setSelected] = useState<string>();
  const walk = incident.walk;
  const title = walk?.runbookTitle ?? incident.runbook?.title;
  const detail = selected !== undefined && runbook && Object.hasOwn(runbook.nodes, selected) ? selected : undefined;
  return (
    <section class="tree-panel panel" aria-label="Runbook">
      <h2 class="panel-title">{title ? <>Runbook: {title}</> : 'Runbook'}</h2>
      {!walk && !incident.runbook ? <p class="muted">No runbook is being walked.</p> : null}
      {newerRunbook ? (
        <p class="notice notice-calm tree-version">The runbook file changed since this walk started; the walk keeps following the version it started with, shown here.</p>
      ) : null}
      {runbook ? (
        <RunbookTree runbook={runbook} path={walk?.state.path ?? NO_PATH} current={walk ? walk.state.current ?? walk.state.ended?.node ?? null : null}
          onSelect={(id) => { setSelected((s) => (s === id ? undefined : id)); }} compact
          {...(detail !== undefined ? { selected: detail } : {})} />
      ) : runbookError !== undefined ? <ErrorNotice error={runbookError} />
        : walk || incident.runbook ? <p aria-busy="true" class="muted">Loading the runbook…</p> : null}
      {runbook && detail !== undefined ? (
        <div class="tree-detail">
          <button type="button" class="link-button tree-detail-close" onClick={() => { setSelected(undefined); }}>Close node detail</button>
          <NodeDetail runbook={runbook} nodeId={detail} headingLevel={3} onSelect={setSelected} />
        </div>
      ) : runbook ? <p class="muted tree-hint">Select a node to read it.</p> : null}
    </section>
  );
}
