import type { PrometheusAuth } from './prometheusSourceOptions.js';

/** The strings that must never appear in a reason: the credentials and their encodings on the wire. */
export function secretsOf(auth: PrometheusAuth | undefined): string[] {
  if (!auth) return [];
  if ('bearer' in auth) return [auth.bearer, encodeURIComponent(auth.bearer)];
  const basic = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
  return [auth.password, encodeURIComponent(auth.password), basic];
}

/**
 * Masks credentials in text that came from elsewhere (a proxy's error page may echo the request).
 * Secrets shorter than 4 characters are left alone: masking them would garble ordinary words.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  return out;
}
