import type { Sample } from '../../engine/walkInput.js';

/** One series of an instant query (`vector` result). */
export interface InstantSeries {
  labels: Record<string, string>;
  value: number;
}

/** One series of a range query (`matrix` result), samples oldest first. */
export interface RangeSeries {
  labels: Record<string, string>;
  samples: Sample[];
}

/** A successful `/api/v1/query` or `/api/v1/query_range` answer, values already numbers. */
export type QueryData =
  | { resultType: 'vector'; series: InstantSeries[] }
  | { resultType: 'scalar'; value: number }
  | { resultType: 'matrix'; series: RangeSeries[] }
  | { resultType: 'string'; value: string };

/** What one HTTP query came to; failures carry a reason a responder can act on. */
export type QueryOutcome =
  | {
      ok: true;
      data: QueryData;
      /** The answer's size as JSON, so the cache can keep its memory bounded. */
      bytes?: number;
    }
  | { ok: false; status: 'error' | 'timeout'; reason: string };

export const queryFailed = (reason: string, status: 'error' | 'timeout' = 'error'): QueryOutcome => ({ ok: false, status, reason });
