import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** Default info. */
  level?: string;
  /** Where the JSON lines go (default stdout). */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs. Nothing logs tokens, cookies or note text; the redaction paths are a
 * second guard in case an object carrying them is ever logged whole.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const config = {
    level: options.level ?? 'info',
    base: { service: 'runpath' },
    redact: {
      paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'headers.cookie', '*.headers.authorization', '*.headers.cookie', 'text', '*.text'],
      censor: '[redacted]',
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
