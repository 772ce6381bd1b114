import { lazyPart } from '../app/lazyPart.js';

/**
 * The Markdown renderer (marked + DOMPurify, a third of the bundle) loads on its own, so the first
 * paint of a page does not wait for it. The app asks for it once it has drawn (main.tsx).
 */
const renderer = lazyPart(() => import('./renderMarkdown.js').then((module) => module.renderMarkdown));

export const loadMarkdown = renderer.load;

/**
 * Markdown from a runbook (instructions, descriptions), rendered safely. Until the renderer has
 * loaded, the source shows as plain text: readable, and never interpreted.
 */
export function Markdown({ source, class: className }: { source: string; class: string }) {
  const render = renderer.use();
  if (!render) return <div class={`${className} markdown-pending`}>{source}</div>;
  return <div class={`markdown ${className}`} dangerouslySetInnerHTML={{ __html: render(source) }} />;
}
