import { parseDuration } from '../../engine/parseDuration.js';
import type { PrometheusSourceOptions } from './prometheusSourceOptions.js';
import { sourceEnvPrefix } from './sourceEnvPrefix.js';

type Env = Readonly<Record<string, string | undefined>>;

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

function set(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Fills `${VAR}` from the environment, or names the first variable that is not set. */
function expand(template: string, env: Env): { url: string } | { missing: string } {
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (set(env, name) === undefined) return { missing: name };
  }
  return { url: template.replace(PLACEHOLDER, (_, name: string) => env[name] ?? '') };
}

/** Why a URL cannot be a Prometheus base URL; the URL is not quoted (it may hold a secret). */
function urlProblem(url: string, prefix: string): string | undefined {
  if (!URL.canParse(url)) return 'is not a valid URL; write it like http://prometheus:9090 (with any path prefix)';
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `uses ${parsed.protocol}; use http:// or https://`;
  if (parsed.username || parsed.password) return `has a user name or password in it; put them in ${prefix}USERNAME and ${prefix}PASSWORD instead`;
  if (parsed.search || parsed.hash) return 'has a query string or fragment; give the base URL only (a path prefix is fine)';
  return undefined;
}

/**
 * The options for a Prometheus source, from what the operator configured. The URL comes from
 * `override` (`--source name=URL` or server config), else `RUNPATH_SOURCE_<NAME>_URL`, else the
 * runbook's `url` with `${VAR}` filled from the environment. Credentials come only from
 * `RUNPATH_SOURCE_<NAME>_BEARER_TOKEN` or `_USERNAME` and `_PASSWORD`, never from the runbook;
 * `_TIMEOUT` (a duration such as `10s`) sets the per-query timeout. NAME is the source name
 * upper-cased with `-` as `_`. Errors say what to set; they never quote a credential.
 */
export function prometheusOptionsFromEnv(
  name: string,
  url: string | undefined,
  env: Env,
  override?: string,
): PrometheusSourceOptions | { error: string } {
  const prefix = sourceEnvPrefix(name);
  const fromEnv = set(env, `${prefix}URL`);
  let chosen: string;
  let origin: string;
  if (override !== undefined && override !== '') {
    chosen = override;
    origin = `--source ${name}=…`;
  } else if (fromEnv !== undefined) {
    chosen = fromEnv;
    origin = `${prefix}URL`;
  } else if (url !== undefined && url !== '') {
    const expanded = expand(url, env);
    if ('missing' in expanded) {
      return {
        error: `the runbook's URL for source '${name}' uses \${${expanded.missing}}, which is not set; set ${expanded.missing}, set ${prefix}URL, or pass --source ${name}=http://prometheus:9090`,
      };
    }
    chosen = expanded.url;
    origin = 'the runbook';
  } else {
    return { error: `no URL for Prometheus source '${name}': pass --source ${name}=http://prometheus:9090, set ${prefix}URL, or give the source a url in the runbook` };
  }
  const problem = urlProblem(chosen, prefix);
  if (problem !== undefined) return { error: `the URL for source '${name}' (from ${origin}) ${problem}` };

  const options: PrometheusSourceOptions = { name, url: chosen };
  const bearer = set(env, `${prefix}BEARER_TOKEN`);
  const username = set(env, `${prefix}USERNAME`);
  const password = env[`${prefix}PASSWORD`];
  if (bearer !== undefined && (username !== undefined || password !== undefined)) {
    return { error: `source '${name}' has both ${prefix}BEARER_TOKEN and ${prefix}USERNAME/${prefix}PASSWORD set; keep one` };
  }
  if (bearer !== undefined) options.auth = { bearer };
  else if (username !== undefined && password !== undefined) options.auth = { username, password };
  else if (username !== undefined) return { error: `source '${name}' has ${prefix}USERNAME but no ${prefix}PASSWORD; set both for basic auth` };
  else if (password !== undefined && password !== '') return { error: `source '${name}' has ${prefix}PASSWORD but no ${prefix}USERNAME; set both for basic auth` };

  const timeout = set(env, `${prefix}TIMEOUT`);
  if (timeout !== undefined) {
    let seconds = 0;
    try {
      seconds = parseDuration(timeout);
    } catch {
      seconds = 0;
    }
    if (seconds <= 0) return { error: `${prefix}TIMEOUT is '${timeout}'; write a duration above zero such as 5s, 1500ms or 1m` };
    options.timeoutMs = seconds * 1000;
  }
  return options;
}
