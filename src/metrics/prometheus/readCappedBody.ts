/** The body as text, or `tooLarge` once more than `maxBytes` arrived (the rest is not read). */
export type CappedBody = { text: string; bytes: number } | { tooLarge: true };

/** Reads a response body without ever holding more than `maxBytes` of it. */
export async function readCappedBody(response: Response, maxBytes: number): Promise<CappedBody> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    return { tooLarge: true };
  }
  if (!response.body) return { text: '', bytes: 0 };
  // The DOM typings leave chunks untyped; fetch bodies are byte streams.
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks, size).toString('utf8'), bytes: size };
}
