import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, defaultWebDir, webRoutes } from '../../../src/server/http/webRoutes.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function builtClient(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-web-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/app-ABC.js"></script>');
  await writeFile(path.join(dir, 'assets', 'app-ABC.js'), 'console.log(1)');
  return dir;
}

function appServing(dir: string): express.Express {
  const app = express();
  app.use(webRoutes(dir));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: 'route_not_found' } });
  });
  return app;
}

describe('webRoutes', () => {
  it('answers every page path with index.html under a CSP that allows no inline script and no other origin', async () => {
    const app = appServing(await builtClient());
    for (const page of ['/', '/incidents', '/incidents/abc', '/runbooks/checkout-5xx']) {
      const res = await request(app).get(page).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('/assets/app-ABC.js');
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('serves hashed assets for a year, and a missing asset is a 404, not the page', async () => {
    const app = appServing(await builtClient());
    const res = await request(app).get('/assets/app-ABC.js').expect(200);
    expect(res.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    expect(res.headers['content-type']).toMatch(/javascript/);
    await request(app).get('/assets/app-OLD.js').expect(404);
  });

  it('leaves the API, the socket path and ops endpoints to their own routes', async () => {
    const app = appServing(await builtClient());
    for (const other of ['/api/nope', '/socket.io/', '/healthz', '/metrics']) {
      expect((await request(app).get(other).expect(404)).body).toEqual({ error: { code: 'route_not_found' } });
    }
  });

  it('says how to build the client when it is not built', async () => {
    const res = await request(appServing(path.join(os.tmpdir(), 'runpath-no-such-build'))).get('/incidents').expect(503);
    expect(res.text).toMatch(/npm run build/);
  });

  it('finds dist/web of this package by default', () => {
    expect(defaultWebDir()).toBe(path.resolve(import.meta.dirname, '../../../dist/web'));
  });
});

describe('webRoutes: the session in the page', () => {
  it('names the signed-in user in a meta tag (escaped), and says nobody when the cookie signs in no one', async () => {
    const dir = await builtClient();
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><meta name="runpath-session"><script type="module" src="/assets/app-ABC.js"></script>');
    const app = express();
    app.use(webRoutes(dir, (req) => Promise.resolve(req.get('cookie') === 'ok' ? { name: '<ana>"', role: 'commander' } : undefined)));
    const signedIn = await request(app).get('/incidents').set('Cookie', 'ok').expect(200);
    expect(signedIn.text).toContain('<meta name="runpath-session" content="{&#34;user&#34;:{&#34;name&#34;:&#34;&#60;ana&#62;\\&#34;&#34;,&#34;role&#34;:&#34;commander&#34;}}">');
    expect(signedIn.text).not.toContain('<ana>');
    const nobody = await request(app).get('/incidents').expect(200);
    expect(nobody.text).toContain('<meta name="runpath-session" content="{}">');
  });
});
