import { ApiError } from '../api/apiError.js';

/** A refusal or failure, in words (its code kept for support), announced to screen readers. */
export function ErrorNotice({ error }: { error: unknown }) {
  if (error === undefined || error === null) return null;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'something went wrong; try again';
  const code = error instanceof ApiError ? error.code : undefined;
  return (
    <p class="notice notice-error" role="alert">
      {message}
      {code ? <span class="notice-code"> ({code})</span> : null}
    </p>
  );
}
