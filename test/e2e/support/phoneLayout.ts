// Horizontal overflow at phone width. With isMobile, Chromium widens the layout viewport to fit
// content that overflows (innerWidth grows past the device width), so the page is measured against
// the width the context was given, not against innerWidth alone.
import type { Page } from 'playwright-core';
import type { PageGlobals } from './domShapes.js';

export const PHONE = { width: 390, height: 844 };

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** The outermost elements that stick out past the device width (tag.class right-edge), for the failure message. */
  culprits: string[];
}

export async function measureOverflow(page: Page, deviceWidth = PHONE.width): Promise<Overflow> {
  return page.evaluate((width) => {
    const g = globalThis as unknown as PageGlobals;
    const culprits: string[] = [];
    const wide = new Set<unknown>();
    for (const element of Array.from(g.document.querySelectorAll('body *'))) {
      const right = element.getBoundingClientRect().right;
      if (right <= width + 1) continue;
      wide.add(element);
      if (wide.has(element.parentElement)) continue;
      const classes = (element.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
      culprits.push(`${element.tagName.toLowerCase()}${classes.map((c) => `.${c}`).join('')} (right edge ${Math.round(right)} px)`);
    }
    return { scrollWidth: g.document.scrollingElement?.scrollWidth ?? 0, innerWidth: g.innerWidth, culprits: culprits.slice(0, 8) };
  }, deviceWidth);
}

/** Throws unless the page fits `deviceWidth` (one pixel of rounding allowed). */
export async function expectNoHorizontalOverflow(page: Page, what: string, deviceWidth = PHONE.width): Promise<void> {
  const o = await measureOverflow(page, deviceWidth);
  if (o.scrollWidth > deviceWidth + 1 || o.innerWidth > deviceWidth + 1) {
    throw new Error(`${what} is wider than a ${deviceWidth} px phone: scrollWidth ${o.scrollWidth}, innerWidth ${o.innerWidth}; sticking out: ${o.culprits.join(', ') || 'nothing found'}`);
  }
}
