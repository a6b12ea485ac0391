import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/** What a request becomes in a log line: its method and route pattern — never its URL (ids), headers (tokens, cookies) or body. */
function requestSummary(req: unknown): Record<string, unknown> {
  const request = req as { method?: unknown; getRoute?: () => { path?: unknown } | undefined } | undefined;
  let route: unknown;
  try {
    route = request?.getRoute?.()?.path;
  } catch {
    route = undefined;
  }
  return { method: typeof request?.method === 'string' ? request.method : undefined, route: typeof route === 'string' ? route : undefined };
}

const LONG_SECRET = /\b[A-Za-z0-9_-]{24,}(?:\.[A-Za-z0-9_-]{10,}){0,2}\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * The first line of an error message with anything that looks like an id or a token masked: library
 * errors quote URLs (conversation ids) and sometimes headers, and the logs outlive the conversations.
 */
export function scrubError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 300).replace(UUID, '[id]').replace(/Bearer\s+\S+/gi, 'Bearer [masqué]').replace(LONG_SECRET, '[masqué]');
}

/**
 * Structured JSON logs on stdout. Callers must never log message text, file names or user ids:
 * the logs are kept longer than the conversations and must carry no personal data. Requests and
 * errors handed to the logger (restify's own included) are reduced to what is safe.
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { app: 'ha30-assistant' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { req: requestSummary, err: (error: unknown) => ({ message: scrubError(error) }) },
    redact: {
      paths: ['headers', '*.headers', 'authorization', '*.authorization', 'cookie', '*.cookie', 'token', '*.token', 'password', '*.password', 'body', '*.body'],
      censor: '[masqué]',
    },
  });
}
