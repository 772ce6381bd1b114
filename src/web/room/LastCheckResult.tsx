import type { TimelineEntry } from '../api/apiTypes.js';
import { LocalTime } from '../components/LocalTime.js';
import { checkOutcome } from './checkOutcome.js';
import { CheckResultView } from './CheckResultView.js';
import { actorName, nodeName } from './describeEntry.js';
import { useRoom } from './roomContext.js';

/** The newest recorded check of the current walk, searched from the end (the timeline may be long). */
export function lastCheckEntry(entries: readonly TimelineEntry[], sinceSeq: number): TimelineEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (entry === undefined || entry.seq < sinceSeq) return undefined;
    if (entry.type === 'check.evaluated' || entry.type === 'check.failed') return entry;
  }
  return undefined;
}

/**
 * The last check result of the walk (value, sparkline, branch taken), from the timeline: the
 * recorded value is the truth, so when it took another branch than the preview the user
 * confirmed, this says so.
 */
export function LastCheckResult({ entries }: { entries: readonly TimelineEntry[] }) {
  const { incident, runbook, confirmedPreview } = useRoom();
  const walk = incident.walk;
  if (!walk) return null;
  const entry = lastCheckEntry(entries, walk.startedSeq);
  const outcome = entry ? checkOutcome([entry]) : undefined;
  if (!entry || !outcome) return null;
  const differs = confirmedPreview !== undefined && confirmedPreview.node === outcome.data.node && entry.seq > confirmedPreview.afterSeq && confirmedPreview.next !== outcome.data.next;
  return (
    <section class="last-check panel" aria-label="Last check result" data-seq={entry.seq}>
      <h2 class="panel-title">Last check: {nodeName(outcome.data.node, runbook)}</h2>
      <p class="muted last-check-meta">
        recorded by {actorName(entry.actor)} at <LocalTime iso={entry.at} />
      </p>
      {differs ? (
        <p class="notice notice-warn" role="status">
          The recorded value took another branch than the preview proposed (→ {nodeName(confirmedPreview.next, runbook)}): the metric changed between the two reads, and the walk follows the recorded value.
        </p>
      ) : null}
      <CheckResultView outcome={outcome} mode="recorded" {...(runbook ? { runbook } : {})} />
    </section>
  );
}
