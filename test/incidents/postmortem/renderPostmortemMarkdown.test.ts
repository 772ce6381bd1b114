import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildPostmortem } from '../../../src/incidents/postmortem/buildPostmortem.js';
import { renderPostmortemMarkdown } from '../../../src/incidents/postmortem/renderPostmortemMarkdown.js';
import type { TimelineEvent } from '../../../src/incidents/timelineEvent.js';
import { RUNBOOK_HASH, SECRET_FOLLOW_UP, SECRET_NOTE, T0, alice, scriptedIncident } from './scriptedIncident.js';

const markdown = renderPostmortemMarkdown(buildPostmortem(scriptedIncident()));
const lines = markdown.split('\n');

describe('renderPostmortemMarkdown: the scripted incident', () => {
  it('has the header, summary and the impact window with what bounds it', () => {
    expect(lines[0]).toBe('# Postmortem: DbLatencyHigh on main');
    expect(lines).toContain('- **Incident:** `inc-42`');
    expect(lines).toContain('- **Severity:** sev2 (sev3 → sev2 at seq 7, 2024-05-01T12:03:00.000Z by alice)');
    expect(lines).toContain('- **Status:** resolved');
    expect(lines).toContain('p99 query latency above 500ms on main');
    expect(lines).toContain(
      "- **Window:** 2024-05-01T11:57:30.000Z to 2024-05-01T12:12:30.000Z (**15m 0s**), from the first alert's start (startsAt, notification at seq 2) to the mitigation (seq 14).",
    );
    expect(lines).toContain('- **Resolved:** 2024-05-01T12:40:00.000Z, 42m 30s after the start (seq 26).');
  });

  it('has the key times with exact durations and seqs', () => {
    const table = lines.slice(lines.indexOf('## Key times') + 2, lines.indexOf('## Key times') + 8);
    expect(table).toEqual([
      '| moment | time (UTC) | after opening | seq |',
      '|---|---|---|---|',
      '| Opened | 2024-05-01T12:00:00.000Z | 0s | 1 |',
      '| Acknowledged | 2024-05-01T12:02:30.000Z | 2m 30s | 6 |',
      '| Mitigated | 2024-05-01T12:12:30.000Z | 12m 30s | 14 |',
      '| Resolved | 2024-05-01T12:40:00.000Z | 40m 0s | 26 |',
    ]);
  });

  it('has the roles with the handoff', () => {
    expect(lines).toContain('Held at the end: commander bob.');
    expect(lines).toContain('- **commander:** bob, handed over from alice (seq 21, 2024-05-01T12:16:00.000Z, assigned by alice)');
  });

  it('has the diagnosis path: value, condition, answers, the mitigation, the failed check with its fallback, the end', () => {
    const query = '`histogram_quantile(0.99, rate(db_query_seconds_bucket{cluster="main"}[5m]))`';
    expect(lines).toContain(`### Database latency is high (\`db-latency\`, version \`${RUNBOOK_HASH.slice(0, 12)}\`)`);
    expect(lines).toContain(
      `1. **Check** \`latency\` (Is p99 latency high?): read **920 ms (0.92 s)**; took p99 above 500ms (&gt; 0.5) → \`ask\`. Run by alice, seq 8, 2024-05-01T12:04:00.000Z. Query on prom: ${query}.`,
    );
    expect(lines).toContain('2. **Question** `ask` (Was anything deployed in the last hour?): answered **Deploy** → `rollback`, by bob, seq 11, 2024-05-01T12:06:00.000Z.');
    expect(lines).toContain('3. **Action** `rollback` (Roll back the deploy): done (mitigation) → `verify`, by bob, seq 14, 2024-05-01T12:12:30.000Z. Note: rolled back build 4711');
    expect(lines).toContain(
      `4. **Check** \`verify\` (Is latency back to normal?): could not be read (error): Prometheus 'prom' could not be queried (network error); followed \`on_error\` → \`confirm\`. Run by alice, seq 16, 2024-05-01T12:13:00.000Z. Query on prom: ${query}.`,
    );
    expect(lines).toContain('**End:** resolved at `fine` (seq 24, 2024-05-01T12:20:00.000Z).');
  });

  it('has actions (mitigation first), starred entries, notes, alerts, feedback, follow-ups by kind and the version', () => {
    expect(lines).toContain('- **Mitigation:** Roll back the deploy (`rollback`) in `db-latency`, done by bob (seq 14, 2024-05-01T12:12:30.000Z). Note: rolled back build 4711');
    expect(lines).toContain('- seq 14, 2024-05-01T12:12:30.000Z, bob: mitigation rollback done: "rolled back build 4711"');
    expect(lines).toContain('- 2024-05-01T12:14:00.000Z, carol (seq 18): _(redacted)_');
    expect(lines.some((l) => l.startsWith('- seq 13, 2024-05-01T12:07:00.000Z, alert (alertmanager): received, firing; DbLatencyHigh') && l.includes('Grouping: grouped by group key'))).toBe(true);
    expect(lines).toContain('- seq 25, 2024-05-01T12:38:00.000Z, alert (alertmanager): resolved alerts `fp-1`, `fp-2`. Grouping: grouped by group key: this incident already has group {}:{alertname="DbLatencyHigh"}');
    expect(lines).toContain('- [ ] alert on replica lag above 1s (owner: carol; added by alice, seq 28)');
    expect(lines).toContain('- [ ] canary database driver upgrades (no owner yet; added by alice, seq 29)');
    expect(lines).toContain('- [ ] _(redacted)_ (owner: bob; added by bob, seq 30)');
    expect(lines.indexOf('### Detect (notice it sooner)')).toBeLessThan(lines.indexOf('### Prevent (keep it from happening again)'));
    expect(lines.some((l) => l.startsWith('- `db-latency`: sha256 `') && l.endsWith('`, text pinned at seq 3 from `runbooks/db-latency.yaml`; walked from seq 4'))).toBe(true);
    expect(lines.at(-2)).toBe('_Redacted entries left out: seq 18, seq 30._');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('leaves redacted text out entirely', () => {
    expect(markdown).not.toContain('hunter2');
    expect(markdown).not.toContain(SECRET_NOTE);
    expect(markdown).not.toContain(SECRET_FOLLOW_UP);
    expect(markdown).not.toContain('SECRET42');
  });

  it('shows HTML in a note as text: no tag survives a Markdown renderer', async () => {
    expect(markdown).toContain('Replica lag is &lt;img src=x onerror=alert(1)&gt; 2s, see \\*dashboard\\*');
    const html = await marked.parse(markdown, { gfm: true });
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('Replica lag is &lt;img src=x onerror=alert(1)&gt; 2s, see *dashboard*');
    expect(html).not.toContain('<em>dashboard</em>');
  });
});

describe('renderPostmortemMarkdown: other incidents', () => {
  const event = (seq: number, type: string, data: unknown): TimelineEvent => ({ incidentId: 'inc-1', seq, id: `e${seq}`, at: new Date(T0 + seq * 1000).toISOString(), type, actor: alice, data });

  it('asks for follow-ups of the three kinds when there are none, and says what is not there yet', () => {
    const md = renderPostmortemMarkdown(buildPostmortem([event(1, 'incident.opened', { title: 'Slow', severity: 'sev4' })]));
    expect(md).toContain('- [ ] To do: add follow-ups, each typed as detect (notice it sooner), prevent (keep it from happening again) or correct (fix what it damaged or exposed), each with an owner.');
    expect(md).toContain('_No summary was given._');
    expect(md).toContain('| Mitigated | not yet | | |');
    expect(md).toContain('- **Window:** from 2024-05-01T12:00:01.000Z, the opening (seq 1; no alert gave an earlier start); not mitigated or resolved yet.');
    expect(md).toContain('_No runbook was walked._');
    expect(md).not.toContain('Redacted entries');
  });

  it('keeps hostile text in titles, notes and names from forming Markdown structure', async () => {
    const hostile = '# Heading\n- item\n[link](javascript:alert(1)) <script>x</script> | a | b |\n1. one\n\n```\ncode';
    const md = renderPostmortemMarkdown(buildPostmortem([
      event(1, 'incident.opened', { title: '<b>bold</b> # not a heading', severity: 'sev4' }),
      event(2, 'note.added', { text: hostile }),
    ]));
    const html = await marked.parse(md, { gfm: true });
    // The note renders as one list item of plain text, line breaks kept; nothing in it became markup.
    expect(html).toContain(
      '<li>2024-05-01T12:00:02.000Z, alice (seq 2): # Heading<br>- item<br>[link](javascript:alert(1)) &lt;script&gt;x&lt;/script&gt; | a | b |<br>1. one<br>```<br>code</li>',
    );
    expect(html).not.toMatch(/<(script|b|a|ol|pre)[\s>]/i);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html.match(/<table/g)).toHaveLength(1);
    expect(html.match(/<code>/g)).toEqual(['<code>']);
    expect(html).toContain('<h1>Postmortem: &lt;b&gt;bold&lt;/b&gt; # not a heading</h1>');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});
