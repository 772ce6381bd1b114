import { render } from 'preact';
import { App } from './app/App.js';
import { loadMarkdown } from './markdown/Markdown.js';
import { loadRunbookTree } from './runbook/LazyRunbookTree.js';
import './styles/app.css';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}

// The parts a page needs a moment later (the tree and its layout, the Markdown renderer) load once
// the first paint is done, so a responder never waits for them on an incident's first screen.
const later = (): void => {
  void loadRunbookTree();
  void loadMarkdown();
};
if ('requestIdleCallback' in window) requestIdleCallback(later, { timeout: 500 });
else setTimeout(later, 50);
