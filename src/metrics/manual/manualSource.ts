import type { CheckObservation } from '../../engine/walkInput.js';
import type { CheckRequest, MetricSource } from '../metricSource.js';

/** What a responder reports for a check: the number they read, or that there is none / it cannot be read. */
export type ManualReading = number | 'no_data' | 'error';

/** Asks a person for a check's value (the CLI prompts; the server takes a typed value). */
export type ManualReader = (request: CheckRequest) => Promise<ManualReading>;

/**
 * A source whose values a person reads off a dashboard and types in: one unlabelled series.
 * stepCheck records the source type with the check event, so the timeline shows the value was
 * typed, not queried. A reader that fails or is cancelled is an error observation, never a throw.
 */
export class ManualSource implements MetricSource {
  readonly type = 'manual' as const;

  constructor(
    readonly name: string,
    private readonly read: ManualReader,
  ) {}

  async observe(request: CheckRequest): Promise<CheckObservation> {
    let reading: ManualReading;
    try {
      reading = await this.read(request);
    } catch (err) {
      return { status: 'error', reason: `no manual value for check '${request.nodeId}': ${err instanceof Error ? err.message : String(err)}` };
    }
    if (reading === 'no_data') return { status: 'no_data' };
    if (reading === 'error') return { status: 'error', reason: `the responder could not read a value for check '${request.nodeId}'` };
    return { status: 'ok', series: [{ labels: {}, value: reading }], at: request.at };
  }
}
