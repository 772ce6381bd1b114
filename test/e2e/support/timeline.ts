// Reading the room's stable hooks: the timeline (`ol.timeline > li[data-seq][data-type]`) and the
// current step (`section[aria-label="Current step"][data-node]`).
import type { Page } from 'playwright-core';
import type { Elements } from './domShapes.js';

export const TIMELINE = 'ol.timeline[aria-label="Timeline"]';
export const CURRENT_STEP = 'section[aria-label="Current step"]';

export interface ShownEntry {
  seq: number;
  type: string;
}

/** The entries the timeline shows, in DOM order. */
export async function shownEntries(page: Page): Promise<ShownEntry[]> {
  return page.locator(`${TIMELINE} > li[data-seq]`).evaluateAll((items) =>
    (items as unknown as Elements).map((item) => ({ seq: Number(item.getAttribute('data-seq')), type: item.getAttribute('data-type') ?? '' })));
}

/** Throws unless the seqs are strictly increasing (so: no duplicate, none out of order). */
export function expectSeqOrder(entries: readonly ShownEntry[]): void {
  for (let i = 1; i < entries.length; i++) {
    const before = entries[i - 1];
    const here = entries[i];
    if (before === undefined || here === undefined || here.seq <= before.seq) {
      throw new Error(`the timeline is out of order or repeats an entry at position ${i}: seqs ${entries.map((e) => e.seq).join(', ')}`);
    }
  }
}

/** Throws unless the timeline shows each seq from 1 to `last` exactly once, in increasing order. */
export function expectEveryEventOnce(entries: readonly ShownEntry[], last: number): void {
  expectSeqOrder(entries);
  const seqs = entries.map((e) => e.seq);
  const expected = Array.from({ length: last }, (_, i) => i + 1);
  if (seqs.join(',') !== expected.join(',')) throw new Error(`the timeline shows seqs ${seqs.join(', ')}; expected 1..${last}, each once`);
}

export async function waitForSeq(page: Page, seq: number, timeoutMs: number): Promise<void> {
  await page.locator(`${TIMELINE} > li[data-seq="${seq}"]`).waitFor({ state: 'attached', timeout: timeoutMs });
}

export async function lastShownSeq(page: Page): Promise<number> {
  const entries = await shownEntries(page);
  return entries.reduce((max, e) => Math.max(max, e.seq), 0);
}

/** The node the current step shows, once the room has one. */
export async function currentNode(page: Page): Promise<{ node: string; type: string }> {
  const step = page.locator(CURRENT_STEP);
  await step.waitFor({ timeout: 10_000 });
  return { node: (await step.getAttribute('data-node')) ?? '', type: (await step.getAttribute('data-node-type')) ?? '' };
}

/** Waits until the current step is `node`. */
export async function waitForNode(page: Page, node: string, timeoutMs = 10_000): Promise<void> {
  await page.locator(`${CURRENT_STEP}[data-node="${node}"]`).waitFor({ timeout: timeoutMs });
}
