import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TimelineEntry } from '../api/apiTypes.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { NoteComposer } from './NoteComposer.js';
import { useRoom } from './roomContext.js';
import { FILTER_LABEL, TIMELINE_FILTERS, timelineWindow, type TimelineFilter } from './timelineFilter.js';
import { TimelineItem } from './TimelineItem.js';

/** How many entries are rendered at first, and added by each "Show earlier". */
const PAGE = 200;
/** Within this many pixels of the bottom counts as "at the bottom": new entries scroll into view. */
const BOTTOM_SLACK = 48;

/**
 * The live timeline, oldest first and newest at the bottom (it follows new entries while you are
 * at the bottom), with filters, stars, redaction and the note composer. Only the newest entries
 * are rendered; "Show earlier" adds more.
 */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { room, runbook, may } = useRoom();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [limit, setLimit] = useState(PAGE);
  const [failure, setFailure] = useState<unknown>();
  const view = useMemo(() => timelineWindow(entries, filter, limit), [entries, filter, limit]);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const keepFromBottom = useRef<number | undefined>(undefined);

  // The panel's size changes too (the window, the header wrapping): stay pinned to the bottom.
  useLayoutEffect(() => {
    const box = scroller.current;
    const list = box?.querySelector('ol');
    if (!box || !list) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current && keepFromBottom.current === undefined) box.scrollTop = box.scrollHeight;
    });
    observer.observe(box);
    observer.observe(list);
    return () => {
      observer.disconnect();
    };
  }, []);

  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    if (keepFromBottom.current !== undefined) {
      // "Show earlier" added entries above: keep what the reader looked at where it was.
      box.scrollTop = box.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = undefined;
    } else if (atBottom.current) {
      box.scrollTop = box.scrollHeight;
    }
  }, [view]);

  const onStar = useCallback((seq: number, starred: boolean) => {
    setFailure(undefined);
    room.send({ type: 'star', seq, starred }).catch(setFailure);
  }, [room]);
  const onRedact = useCallback((seq: number, reason: string) => {
    setFailure(undefined);
    room.send({ type: 'redact', seq, ...(reason !== '' ? { reason } : {}) }).catch(setFailure);
  }, [room]);

  return (
    <section class="room-timeline panel" aria-label="Incident timeline">
      <div class="timeline-head">
        <h2 class="panel-title">Timeline</h2>
        <div class="timeline-filters" role="radiogroup" aria-label="Show">
          {TIMELINE_FILTERS.map((f) => (
            <label key={f} class={`filter-choice${f === filter ? ' chosen' : ''}`}>
              <input type="radio" name="timeline-filter" value={f} checked={f === filter}
                onChange={() => { setFilter(f); setLimit(PAGE); atBottom.current = true; }} />
              {FILTER_LABEL[f]}
            </label>
          ))}
        </div>
      </div>
      {/* Before the list in the Tab order (after it on screen): a keyboard user reaches the note box
          without tabbing through every entry's buttons. */}
      {may.respond ? <NoteComposer /> : null}
      <ErrorNotice error={failure} />
      <div ref={scroller} class="timeline-scroll"
        onScroll={(e) => {
          const box = e.currentTarget;
          atBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight < BOTTOM_SLACK;
        }}>
        {view.hidden > 0 ? (
          <button type="button" class="show-earlier" onClick={() => {
            const box = scroller.current;
            keepFromBottom.current = box ? box.scrollHeight - box.scrollTop : undefined;
            setLimit((l) => l + PAGE);
          }}>
            Show earlier ({view.hidden} more)
          </button>
        ) : null}
        {view.matching === 0 ? <p class="muted timeline-empty">{filter === 'all' ? 'Nothing recorded yet.' : `No ${FILTER_LABEL[filter].toLowerCase()} entries yet.`}</p> : null}
        <ol class="timeline" aria-label="Timeline" aria-live="polite" aria-relevant="additions">
          {view.shown.map((entry) => (
            <TimelineItem key={entry.seq} entry={entry} runbook={runbook} mayStar={may.respond} mayRedact={may.command} onStar={onStar} onRedact={onRedact} />
          ))}
        </ol>
      </div>
    </section>
  );
}
