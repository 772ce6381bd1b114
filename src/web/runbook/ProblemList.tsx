import type { ApiProblem } from '../api/apiTypes.js';
import { problemLocation, sortProblems } from './problemText.js';
import './catalog.css';

/** Validation problems as `runpath validate` prints them: `file:line:col severity message [rule]`, errors first. */
export function ProblemList({ problems, label }: { problems: readonly ApiProblem[]; label: string }) {
  return (
    <ul class="problems" aria-label={label}>
      {sortProblems(problems).map((p, i) => (
        <li key={i} class={`problem problem-${p.severity}`} data-rule={p.rule}>
          <code class="problem-where">{problemLocation(p)}</code>
          <span class={`problem-severity severity-${p.severity}`}>{p.severity}</span>
          <span class="problem-message">{p.message}</span>
          <code class="problem-rule">[{p.rule}]</code>
        </li>
      ))}
    </ul>
  );
}
