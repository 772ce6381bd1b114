import { useMemo } from 'preact/hooks';
import type { TimelineEntry } from '../api/apiTypes.js';
import { LocalTime } from '../components/LocalTime.js';
import { checkOutcome, lastCheckEntry, tookOtherBranch } from './checkOutcome.js';
import { CheckResultView } from './CheckResultView.js';
import { actorName, nodeName } from './describeEntry.js';
import { useRoom } from './roomContext.js';

/**
 * The last check result of the walk (value, sparkline, branch taken), from the timeline: the
 * recorded value is the truth, so when it took another branch than the preview the user
 * confirmed, this says so.
 */
export function LastCheckResult({ entries }: { entries: readonly TimelineEntry[] }) {
  const { incident, runbook, confirmedPreview } = useRoom();
  const startedSeq = incident.walk?.startedSeq;
  const entry = useMemo(() => (startedSeq === undefined ? undefined : lastCheckEntry(entries, startedSeq)), [entries, startedSeq]);
  const outcome = useMemo(() => (entry ? checkOutcome([entry]) : undefined), [entry]);
  if (!entry || !outcome) return null;
  const differs = tookOtherBranch(confirmedPreview, outcome, entry.seq);
  return (
    <section class="last-check panel" aria-label="Last check result" data-seq={entry.seq}>
      <h2 class="panel-title">Last check: {nodeName(outcome.data.node, runbook)}</h2>
      <p class="muted last-check-meta">
        recorded by {actorName(entry.actor)} at <LocalTime iso={entry.at} />
      </p>
      {differs && confirmedPreview ? (
        <p class="notice notice-warn" role="status">
          The recorded value took another branch than the preview proposed (→ {nodeName(confirmedPreview.next, runbook)}): the metric changed between the two reads, and the walk follows the recorded value.
        </p>
      ) : null}
      <CheckResultView outcome={outcome} mode="recorded" {...(runbook ? { runbook } : {})} />
    </section>
  );
}
