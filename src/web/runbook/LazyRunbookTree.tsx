import { lazyPart } from '../app/lazyPart.js';
import type { RunbookTreeProps } from './RunbookTree.js';
// In the first bundle: esbuild does not load the stylesheet of a lazily imported chunk.
import './runbookTree.css';

/** The tree and its layout library (dagre) load apart from the first paint (see main.tsx). */
const tree = lazyPart(() => import('./RunbookTree.js').then((module) => module.RunbookTree));

export const loadRunbookTree = tree.load;

/** The runbook tree, drawn once its code has loaded (a moment after the page's first paint). */
export function RunbookTree(props: RunbookTreeProps) {
  const Loaded = tree.use();
  if (!Loaded) return <p class="muted tree-loading" aria-busy="true">Drawing the runbook tree…</p>;
  return <Loaded {...props} />;
}
