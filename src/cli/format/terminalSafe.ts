// Runbook text is untrusted: a control character or escape sequence copied from a file into the
// terminal could move the cursor or rewrite earlier output. Replace each with U+FFFD (one column wide,
// so carets under the source line stay aligned). Tabs are kept; line breaks only when asked.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as above, line feed included
const CONTROL_AND_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? CONTROL : CONTROL_AND_NEWLINE, '\uFFFD');
}
