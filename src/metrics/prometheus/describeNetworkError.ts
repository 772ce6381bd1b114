function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node tries every address of a host; each attempt's error is inside an AggregateError.
  const inner = (error as { errors?: unknown }).errors;
  return Array.isArray(inner) ? inner.map(codeOf).find((c) => c !== undefined) : undefined;
}

/** The system error code behind a failed fetch (`fetch failed` hides it in `cause`), the deepest specific one first. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  let generic: string | undefined;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = codeOf(current);
    // undici's socket error often wraps the system error (ECONNRESET…) that says more.
    if (code === 'UND_ERR_SOCKET') generic ??= code;
    else if (code !== undefined) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return generic;
}

/**
 * Why a request never got an HTTP answer, for a responder: `who` names the source and its URL.
 * Error messages themselves are not quoted: they may carry the request's URL or headers.
 */
export function describeNetworkError(error: unknown, who: string, host: string): string {
  const code = networkErrorCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return `${who} is not answering (connection refused); check the URL or that it is up`;
    case 'ENOTFOUND':
      return `${who} cannot be reached: the host name ${host} is not found (DNS); check the URL`;
    case 'EAI_AGAIN':
      return `${who} cannot be reached: looking up ${host} failed for now (DNS); check the network or try again`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return `${who} closed the connection before answering; check that the URL points at Prometheus (not a TLS port with http://) and that it is healthy`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return `${who} cannot be reached (${code}: no route to the host); check the network or the URL`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `${who} did not accept the connection in time; check the URL, a firewall, or that it is up`;
    case 'UND_ERR_HEADERS_OVERFLOW':
    case 'HPE_HEADER_OVERFLOW':
      return `${who} answered with oversized headers; check that the URL points at Prometheus`;
  }
  if (code !== undefined && (code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('ERR_SSL') || code === 'EPROTO')) {
    return `${who} failed the TLS handshake (${code}); check the certificate or whether the URL should be http://`;
  }
  if (code !== undefined && code.startsWith('HPE_')) {
    return `${who} answered something that is not valid HTTP (${code}); check that the URL points at Prometheus`;
  }
  return `${who} could not be queried (${code ?? 'network error'}); check the URL or that it is up`;
}
