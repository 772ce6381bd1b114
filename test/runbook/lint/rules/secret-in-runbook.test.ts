import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(url: string, instructions: string): string {
  return `
    runpath: 1
    id: demo
    title: Demo
    sources:
      prom: { type: prometheus, url: "${url}" }
    start: check
    nodes:
      check:
        type: check
        source: prom
        query: up
        branches: [{ when: { op: eq, value: 0 }, next: act }]
        default: done
        on_no_data: done
        on_error: done
      act:
        type: action
        title: Call the API
        instructions: "${instructions}"
        next: done
      done: { type: end, outcome: resolved }
  `;
}

describe('secret-in-runbook', () => {
  it('reports credentials in a source url, at the userinfo, without repeating them', () => {
    const problems = lintYaml(runbook('https://admin:s3cret@prom.example:9090', 'Restart it.'));
    expect(found(problems, 'secret-in-runbook')).toEqual(['5:43 error']);
    const [message] = messages(problems, 'secret-in-runbook');
    expect(message).toContain("the url of source 'prom' carries credentials");
    expect(message).not.toContain('s3cret');
  });

  it('reports a bearer token and password= in any string', () => {
    const problems = lintYaml(runbook('${PROMETHEUS_URL}',
      'curl -H \\"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc\\" https://api.example/?password=hunter2'));
    expect(found(problems, 'secret-in-runbook')).toEqual(['19:52 error', '19:109 error']);
    expect(messages(problems, 'secret-in-runbook')).toEqual([
      "an `Authorization:` header with a literal value is written into the runbook; remove it (and rotate it), and reference `${ENV_VAR}` or the server's source config instead",
      "a credential parameter with a literal value is written into the runbook; remove it (and rotate it), and reference `${ENV_VAR}` or the server's source config instead",
    ]);
  });

  it('accepts references to secrets and prose about them', () => {
    const problems = lintYaml(runbook('https://${PROM_USER}:${PROM_PASSWORD}@prom.example',
      'Send Authorization: Bearer ${API_TOKEN} with token=<your token>; Bearer authentication comes from SSO.'));
    expect(found(problems, 'secret-in-runbook')).toEqual([]);
  });
});
