// Incidents the browser tests start from, opened over the HTTP API (the form has its own test).
import { api } from '../../integration/server/serveProcess.js';

let opened = 0;

/** Opens an incident walking checkout-5xx (its demo scenario answers every check); its id. */
export async function openCheckoutIncident(url: string, token: string, title: string): Promise<string> {
  opened++;
  const answer = await api(url, token, 'POST', '/api/incidents', { title, severity: 'sev2', runbook: 'checkout-5xx' }, `e2e-open-${process.pid}-${opened}`);
  if (answer.status !== 201) throw new Error(`opening an incident answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as { id: string }).id;
}

/** Adds a note over the HTTP API (another client than the page). */
export async function addNoteOverApi(url: string, token: string, incidentId: string, text: string): Promise<number> {
  opened++;
  const answer = await api(url, token, 'POST', `/api/incidents/${encodeURIComponent(incidentId)}/events`, { type: 'note', text }, `e2e-note-${process.pid}-${opened}`);
  if (answer.status !== 201) throw new Error(`adding a note answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const events = (answer.body as { events: { seq: number }[] }).events;
  return events.at(-1)?.seq ?? 0;
}
