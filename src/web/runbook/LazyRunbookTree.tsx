import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { RunbookTreeProps } from './RunbookTree.js';
// In the first bundle: esbuild does not load the stylesheet of a lazily imported chunk.
import './runbookTree.css';

type Tree = ComponentType<RunbookTreeProps>;

let tree: Tree | undefined;
let loading: Promise<Tree> | undefined;

/** Loads the tree and its layout library (dagre) apart from the first paint (see preloadLazyParts). */
export function loadRunbookTree(): Promise<Tree> {
  loading ??= import('./RunbookTree.js').then((module) => {
    tree = module.RunbookTree;
    return module.RunbookTree;
  });
  return loading;
}

/** The runbook tree, drawn once its code has loaded (a moment after the page's first paint). */
export function RunbookTree(props: RunbookTreeProps) {
  const [Loaded, setLoaded] = useState<Tree | undefined>(() => tree);
  useEffect(() => {
    if (Loaded) return;
    let live = true;
    void loadRunbookTree().then((loaded) => {
      if (live) setLoaded(() => loaded);
    });
    return () => {
      live = false;
    };
  }, [Loaded]);
  if (!Loaded) return <p class="muted tree-loading" aria-busy="true">Drawing the runbook tree…</p>;
  return <Loaded {...props} />;
}
