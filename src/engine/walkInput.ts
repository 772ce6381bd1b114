/** One sample of a range result: [unix time in seconds, value]. */
export type Sample = [timestampSeconds: number, value: number];

/** One series of a check's result. */
export interface ObservedSeries {
  labels: Record<string, string>;
  /** The instant value (the newest sample for range results). */
  value: number;
  /** Samples oldest first, needed by conditions with `for`. */
  samples?: Sample[];
  /** The same series at the check's `compare.offset`, needed by conditions on `change`. */
  baseline?: number;
}

/** What a metric source saw when it ran a check's query. */
export type CheckObservation =
  | {
      status: 'ok';
      series: ObservedSeries[];
      /** Evaluation time (unix seconds): the end of every `for` window. Defaults to the newest sample. */
      at?: number;
    }
  | { status: 'no_data' }
  | { status: 'error'; reason: string }
  | { status: 'timeout'; reason?: string };

/** The input the current node waits for. */
export type WalkInput =
  | { kind: 'check'; observation: CheckObservation }
  | { kind: 'answer'; label: string }
  | { kind: 'action'; result: 'done' | 'skipped'; note?: string };
