import { render } from 'preact';
import { App } from './app/App.js';
import './styles/app.css';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
