import { describe, expect, it } from 'vitest';
import { pageSession, type PageWithMeta } from '../../src/web/app/pageSession.js';

function page(content: string | null | undefined): PageWithMeta {
  return { querySelector: () => (content === undefined ? null : { getAttribute: () => content }) };
}

describe('pageSession', () => {
  it('reads the signed-in user the server put in the page', () => {
    expect(pageSession(page('{"user":{"name":"ana","role":"commander"}}'))).toEqual({ name: 'ana', role: 'commander' });
  });

  it('is null when the server says nobody is signed in, undefined (ask the API) when it did not say', () => {
    expect(pageSession(page('{}'))).toBeNull();
    expect(pageSession(page(undefined))).toBeUndefined();
    expect(pageSession(page(null))).toBeUndefined();
    expect(pageSession(page('not json'))).toBeUndefined();
    expect(pageSession(page('{"user":{"name":"ana","role":"superuser"}}'))).toBeUndefined();
  });
});
