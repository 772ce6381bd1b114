import { useEffect, useState } from 'preact/hooks';

type Renderer = (markdown: string) => string;

let renderer: Renderer | undefined;
let loading: Promise<Renderer> | undefined;

/**
 * Loads the Markdown renderer (marked + DOMPurify, a third of the bundle) on its own, so the first
 * paint of a page does not wait for it. The app asks for it once it has drawn (preloadMarkdown).
 */
export function loadMarkdown(): Promise<Renderer> {
  loading ??= import('./renderMarkdown.js').then((module) => {
    renderer = module.renderMarkdown;
    return module.renderMarkdown;
  });
  return loading;
}

/**
 * Markdown from a runbook (instructions, descriptions), rendered safely. Until the renderer has
 * loaded, the source shows as plain text: readable, and never interpreted.
 */
export function Markdown({ source, class: className }: { source: string; class: string }) {
  const [render, setRender] = useState<Renderer | undefined>(() => renderer);
  useEffect(() => {
    if (render) return;
    let live = true;
    void loadMarkdown().then((loaded) => {
      if (live) setRender(() => loaded);
    });
    return () => {
      live = false;
    };
  }, [render]);
  if (!render) return <div class={`${className} markdown-pending`}>{source}</div>;
  return <div class={`markdown ${className}`} dangerouslySetInnerHTML={{ __html: render(source) }} />;
}
