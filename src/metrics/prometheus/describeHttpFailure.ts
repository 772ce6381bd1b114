import { queryFailed, type QueryOutcome } from './queryResult.js';
import { sourceEnvPrefix } from './sourceEnvPrefix.js';

/** What came back besides the status: Prometheus's JSON error if there was one, else a text snippet. */
export interface FailedAnswer {
  status: number;
  errorType?: string;
  error?: string;
  snippet?: string;
  /** A redirect's target, already stripped of credentials and query. */
  location?: string;
}

function detail(answer: FailedAnswer): string {
  const kind = answer.errorType ? `, ${answer.errorType}` : '';
  const text = answer.error ?? answer.snippet;
  return `HTTP ${answer.status}${kind}${text ? `: ${text}` : ''}`;
}

/** A reason for an HTTP answer that is not a query result; `who` names the source and its URL. */
export function describeHttpFailure(answer: FailedAnswer, who: string, sourceName: string): QueryOutcome {
  const { status } = answer;
  // Prometheus answers 400 bad_data for a parse error and 422 execution for one that fails to run.
  if (status === 400 || status === 422 || answer.errorType === 'bad_data' || answer.errorType === 'execution') {
    return queryFailed(`${who} says the query is invalid (${detail(answer)}); fix the check's query`);
  }
  if (answer.errorType === 'timeout') {
    return queryFailed(`${who} gave up on the query (${detail(answer)}); the query is too heavy for its query timeout, or Prometheus is overloaded`, 'timeout');
  }
  if (status === 503) return queryFailed(`${who} is overloaded or not ready (${detail(answer)}); try again shortly`);
  if (status === 401 || status === 403) {
    const env = sourceEnvPrefix(sourceName);
    return queryFailed(`${who} refused the credentials (${detail(answer)}); check ${env}BEARER_TOKEN or ${env}USERNAME and ${env}PASSWORD`);
  }
  if (status === 404) {
    return queryFailed(`${who} has no query API there (${detail(answer)}); check the URL and its path prefix (e.g. http://host:9090/prometheus)`);
  }
  if (status === 429) return queryFailed(`${who} is rate limiting queries (${detail(answer)}); try again shortly`);
  if (status >= 300 && status < 400) {
    const where = answer.location ? ` to ${answer.location}` : '';
    return queryFailed(`${who} redirects${where} (HTTP ${status}); configure the final URL instead`);
  }
  if (status >= 500 || status < 300) return queryFailed(`${who} failed (${detail(answer)}); check that Prometheus (or the proxy in front of it) is healthy`);
  return queryFailed(`${who} refused the query (${detail(answer)})`);
}
