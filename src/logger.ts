import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout. Callers must never log message text, file names or user ids:
 * the logs are kept longer than the conversations and must carry no personal data.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { app: 'ha30-assistant' }, timestamp: pino.stdTimeFunctions.isoTime });
}
