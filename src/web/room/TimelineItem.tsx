import { Component } from 'preact';
import type { Runbook, TimelineEntry } from '../api/apiTypes.js';
import { LocalTime } from '../components/LocalTime.js';
import { hasRedactableText } from '../../incidents/redactableText.js';
import { describeEntry, type EntryDescription } from './describeEntry.js';

// An entry's description changes only with the entry object (stars and redactions replace it) or
// the runbook: cache it, so re-rendering 200 entries on each event costs little.
const described = new WeakMap<TimelineEntry, { runbook: Runbook | undefined; description: EntryDescription }>();

function describe(entry: TimelineEntry, runbook: Runbook | undefined): EntryDescription {
  const cached = described.get(entry);
  if (cached && cached.runbook === runbook) return cached.description;
  const description = describeEntry(entry, runbook);
  described.set(entry, { runbook, description });
  return description;
}

const META_TYPES = new Set(['entry.starred', 'entry.redacted']);

export interface TimelineItemProps {
  entry: TimelineEntry;
  runbook: Runbook | undefined;
  mayStar: boolean;
  mayRedact: boolean;
  onStar: (seq: number, starred: boolean) => void;
  onRedact: (seq: number, reason: string) => void;
}

interface TimelineItemState {
  redacting: boolean;
  reason: string;
}

/**
 * One timeline entry: who, when (local time, UTC on hover), what, in words; typed text as text.
 * A class with shouldComponentUpdate: an entry re-renders only when it (or what the user may do) changed.
 */
export class TimelineItem extends Component<TimelineItemProps, TimelineItemState> {
  override state: TimelineItemState = { redacting: false, reason: '' };

  override shouldComponentUpdate(next: TimelineItemProps, nextState: TimelineItemState): boolean {
    const p = this.props;
    return next.entry !== p.entry || next.runbook !== p.runbook || next.mayStar !== p.mayStar || next.mayRedact !== p.mayRedact
      || nextState.redacting !== this.state.redacting || nextState.reason !== this.state.reason;
  }

  render() {
    const { entry, runbook, mayStar, mayRedact, onStar, onRedact } = this.props;
    const { redacting, reason } = this.state;
    const d = describe(entry, runbook);
    const classes = ['entry', `entry-${entry.type.replace('.', '-')}`];
    if (entry.starred) classes.push('starred');
    if (d.mitigation) classes.push('mitigation');
    if (entry.redacted) classes.push('redacted');
    if (d.decision) classes.push('decision');
    const canStar = mayStar && !META_TYPES.has(entry.type);
    const canRedact = mayRedact && !entry.redacted && hasRedactableText(entry.type, entry.data);
    const reasonId = `redact-reason-${entry.seq}`;
    return (
      <li class={classes.join(' ')} data-seq={entry.seq} data-type={entry.type}>
        <div class="entry-line">
          <span class="entry-time"><LocalTime iso={entry.at} /></span>
          <div class="entry-body">
            <strong class="entry-actor">{d.actor}</strong> <span class="entry-text">{d.text}</span>
            {entry.starred ? <span class="entry-star" title="starred"> ★<span class="room-sr-only"> starred</span></span> : null}
            {d.typed !== undefined ? <p class="entry-typed">{d.typed}</p> : null}
            {d.detail !== undefined ? <p class="entry-detail">{d.detail}</p> : null}
            {d.redaction !== undefined ? <p class="entry-redaction">{d.redaction}</p> : null}
          </div>
          {canStar || canRedact ? (
            <div class="entry-actions">
              <span class="entry-seq muted">#{entry.seq}</span>
              {canStar ? (
                <button type="button" class="link-button entry-star-button" title={`${entry.starred ? 'Unstar' : 'Star'} entry #${entry.seq}`}
                  onClick={() => { onStar(entry.seq, !entry.starred); }}>
                  {entry.starred ? 'Unstar' : 'Star'}
                </button>
              ) : null}
              {canRedact && !redacting ? (
                <button type="button" class="link-button entry-redact" title={`Redact the text of entry #${entry.seq}`}
                  onClick={() => { this.setState({ redacting: true }); }}>
                  Redact
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
        {canRedact && redacting ? (
          <form class="redact-form" onSubmit={(event) => {
            event.preventDefault();
            onRedact(entry.seq, reason.trim());
            this.setState({ redacting: false, reason: '' });
          }}>
            <p class="muted">Redacting hides this text from everyone but admins, for good. The entry keeps its place.</p>
            <label for={reasonId}>Reason (optional)</label>
            <input id={reasonId} value={reason} maxLength={1000} autoFocus onInput={(e) => { this.setState({ reason: e.currentTarget.value }); }} />
            <div class="step-buttons">
              <button type="submit" class="danger">Hide the text</button>
              <button type="button" onClick={() => { this.setState({ redacting: false, reason: '' }); }}>Keep it</button>
            </div>
          </form>
        ) : null}
      </li>
    );
  }
}
