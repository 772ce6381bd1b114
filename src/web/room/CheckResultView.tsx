import type { CheckNode, Runbook } from '../api/apiTypes.js';
import { branchText, nodeName } from './describeEntry.js';
import { checkThresholds } from './checkThresholds.js';
import { fallbackField, type CheckOutcome } from './checkOutcome.js';
import { formatCheckValue } from './formatCheckValue.js';
import { Sparkline } from './Sparkline.js';

const SERIES_SHOWN = 10;

interface CheckResultViewProps {
  outcome: CheckOutcome;
  runbook?: Runbook;
  /** A preview proposes the branch; a recorded check took it. */
  mode: 'preview' | 'recorded';
}

function labelText(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return pairs.length === 0 ? '{}' : `{${pairs.join(', ')}}`;
}

/** A check's value (in its unit), series, sparkline, and the branch proposed or taken; or why the source failed. */
export function CheckResultView({ outcome, runbook, mode }: CheckResultViewProps) {
  const { data } = outcome;
  const found = runbook && Object.hasOwn(runbook.nodes, data.node) ? runbook.nodes[data.node] : undefined;
  const node: CheckNode | undefined = found?.type === 'check' ? found : undefined;
  const unit = node?.unit;
  const next = nodeName(data.next, runbook);
  const ran = [data.source, data.durationMs === undefined ? undefined : `${Math.round(data.durationMs)} ms`].filter(Boolean).join(', ');
  return (
    <div class={`check-result check-result-${outcome.kind}`} data-result={mode}>
      {outcome.kind === 'evaluated' ? (
        <>
          <p class="check-value">
            <span class="check-value-label">{mode === 'preview' ? 'Value now' : 'Recorded value'}</span>
            <strong class="check-value-number">{formatCheckValue(outcome.data.value, unit)}</strong>
            {outcome.data.series.length > 1 ? <span class="muted"> ({outcome.data.reduce} of {outcome.data.series.length} series)</span> : null}
          </p>
          {outcome.data.series.length > 1 ? (
            <ul class="check-series">
              {outcome.data.series.slice(0, SERIES_SHOWN).map((s, i) => (
                <li key={i} class={s.matched ? 'matched' : undefined}>
                  <code>{labelText(s.labels)}</code> {formatCheckValue(s.value, unit, true)}{s.matched ? <span class="series-match"> ✓ matches</span> : null}
                </li>
              ))}
              {outcome.data.series.length > SERIES_SHOWN ? <li class="muted">and {outcome.data.series.length - SERIES_SHOWN} more</li> : null}
            </ul>
          ) : null}
        </>
      ) : (
        <p class="check-failure" role={mode === 'preview' ? 'alert' : undefined}>
          <strong>The source {outcome.data.status === 'no_data' ? 'returned no data' : outcome.data.status === 'timeout' ? 'timed out' : 'failed'}:</strong>{' '}
          {outcome.data.reason}
        </p>
      )}
      {data.trend && data.trend.length > 0 ? <Sparkline trend={data.trend} thresholds={node ? checkThresholds(node) : []} {...(unit ? { unit } : {})} /> : null}
      <p class={`check-branch${mode === 'preview' ? ' proposal' : ''}`}>
        {outcome.kind === 'evaluated' ? (
          <>
            <span class="check-branch-head">{mode === 'preview' ? 'Engine proposes' : 'Took'} → {next}</span>
            <span class="check-branch-why">{branchText(data.node, outcome.data.branch, runbook)}</span>
          </>
        ) : (
          <>
            <span class="check-branch-head">{mode === 'preview' ? 'Engine proposes' : 'Took'} → {next}</span>
            <span class="check-branch-why">the fallback for a failed source ({fallbackField(outcome.data.status)})</span>
          </>
        )}
      </p>
      {data.query ? (
        <details class="check-query-sent">
          <summary>Query as sent{ran ? ` (${ran})` : ''}</summary>
          <pre><code>{data.query}</code></pre>
        </details>
      ) : null}
    </div>
  );
}
