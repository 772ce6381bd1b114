import { describe, expect, it } from 'vitest';
import { displayUrl } from '../../../src/metrics/prometheus/displayUrl.js';
import { redactSecrets, secretsOf } from '../../../src/metrics/prometheus/redactSecrets.js';

describe('redactSecrets', () => {
  it('masks a bearer token, a password and the basic header value', () => {
    const basic = Buffer.from('ops:pass word!').toString('base64');
    const secrets = [...secretsOf({ bearer: 'tok/en+1' }), ...secretsOf({ username: 'ops', password: 'pass word!' })];
    const text = `Bearer tok/en+1 or tok%2Fen%2B1; Basic ${basic}; pass word! or pass%20word!`;
    expect(redactSecrets(text, secrets)).toBe('Bearer *** or ***; Basic ***; *** or ***');
    expect(secretsOf(undefined)).toEqual([]);
  });

  it('leaves very short secrets alone rather than garbling every message', () => {
    expect(redactSecrets('a bad query', ['a'])).toBe('a bad query');
  });
});

describe('displayUrl', () => {
  it('drops credentials, query, fragment and trailing slashes', () => {
    expect(displayUrl('https://ops:pw@prom.example:9090/prom/?token=x#y')).toBe('https://prom.example:9090/prom');
    expect(displayUrl('http://prom:9090/')).toBe('http://prom:9090');
    expect(displayUrl('not a url secret')).toBe('(an invalid URL)');
  });
});
