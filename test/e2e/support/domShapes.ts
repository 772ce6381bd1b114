// The few DOM shapes the tests read inside the page. The project's type check has no DOM lib (the
// server code must not see one), so functions passed to page.evaluate cast to these. Types only:
// those functions are serialized into the page and can call nothing from this module.

export interface DomElement {
  tagName: string;
  textContent: string | null;
  disabled?: boolean;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number };
  click(): void;
}

export interface PageGlobals {
  document: {
    activeElement: DomElement | null;
    scrollingElement: { scrollWidth: number } | null;
    querySelector(selector: string): DomElement | null;
    querySelectorAll(selector: string): ArrayLike<DomElement>;
  };
  innerWidth: number;
  getComputedStyle(element: DomElement): { outlineStyle: string; outlineWidth: string; boxShadow: string };
  localStorage: object;
  sessionStorage: object;
}

/** `elements` (an evaluateAll argument) as DomElements. */
export type Elements = readonly DomElement[];
