// GET /api/runbooks and /api/runbooks/:id with what validation found: each runbook's warnings,
// and the files the server left out with every problem.
import path from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadServerRunbooks } from '../../../src/server/loadServerRunbooks.js';
import { bearer, testApp } from '../support/testApp.js';

const DIR = 'test/fixtures/server/catalog';
const CWD = path.resolve(import.meta.dirname, '../../..');
const PROBLEM_KEYS = ['column', 'file', 'line', 'message', 'rule', 'severity'];

async function catalogApp() {
  const { catalog } = await loadServerRunbooks(DIR, CWD);
  return testApp({ catalog });
}

describe('the runbook catalog over HTTP', () => {
  it('GET /api/runbooks: every runbook with its problems, and the rejected files with theirs', async () => {
    const t = await catalogApp();
    const res = await request(t.app).get('/api/runbooks').set('Authorization', bearer('viewer')).expect(200);
    const body = res.body as { runbooks: { id: string; file: string; problems: Record<string, unknown>[] }[]; rejected: { file: string; id?: string; problems: Record<string, unknown>[] }[] };
    expect(Object.keys(body).sort()).toEqual(['rejected', 'runbooks']);
    expect(body.runbooks.map((r) => [r.id, r.file, r.problems.map((p) => p.rule)])).toEqual([
      ['clean', `${DIR}/clean.yaml`, []],
      ['warned', `${DIR}/warned.yaml`, ['unreachable-node']],
    ]);
    expect(body.runbooks[1]).toMatchObject({ title: 'Loads, with a warning', start: 'look' });
    expect(body.runbooks[1]?.problems[0]).toEqual({
      file: `${DIR}/warned.yaml`,
      line: 24,
      column: 3,
      severity: 'warning',
      rule: 'unreachable-node',
      message: "node 'orphan' is never reached from start 'look'; point a `next`, branch or answer at it, or delete it",
    });
    expect(body.rejected.map((r) => [r.file, r.id, r.problems.map((p) => `${String(p.severity)} ${String(p.rule)}`)])).toEqual([
      [`${DIR}/dangling.yaml`, 'dangling', ['warning unused-source', 'error dangling-target']],
      [`${DIR}/schema.yaml`, undefined, ['error schema']],
    ]);
    for (const p of [...body.runbooks, ...body.rejected].flatMap((r) => r.problems)) expect(Object.keys(p).sort()).toEqual(PROBLEM_KEYS);
  });

  it('GET /api/runbooks/:id: the runbook, its file and its problems; a rejected one is 404', async () => {
    const t = await catalogApp();
    const warned = await request(t.app).get('/api/runbooks/warned').set('Authorization', bearer('viewer')).expect(200);
    expect(Object.keys(warned.body as object).sort()).toEqual(['file', 'problems', 'runbook']);
    expect(warned.body).toMatchObject({ runbook: { id: 'warned' }, file: `${DIR}/warned.yaml`, problems: [{ rule: 'unreachable-node', line: 24 }] });
    const clean = await request(t.app).get('/api/runbooks/clean').set('Authorization', bearer('viewer')).expect(200);
    expect((clean.body as { problems: unknown[] }).problems).toEqual([]);
    const rejected = await request(t.app).get('/api/runbooks/dangling').set('Authorization', bearer('viewer')).expect(404);
    expect((rejected.body as { error: { code: string } }).error.code).toBe('runbook_not_found');
  });

  it('a server given runbooks without files lists them with no problems and nothing rejected', async () => {
    const t = testApp();
    const list = await request(t.app).get('/api/runbooks').set('Authorization', bearer('viewer')).expect(200);
    expect(list.body).toEqual({ runbooks: [expect.objectContaining({ id: 'db-slow', problems: [] })], rejected: [] });
    const one = await request(t.app).get('/api/runbooks/db-slow').set('Authorization', bearer('viewer')).expect(200);
    expect(one.body).toEqual({ runbook: expect.objectContaining({ id: 'db-slow' }) as unknown, problems: [] });
  });
});
