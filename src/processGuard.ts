import { type Logger, scrubError } from './logger';

/**
 * The last line of defence: an error that escaped every handler (a library stream without an
 * 'error' listener, a forgotten promise) is logged without personal data and the server keeps
 * serving — one bad request must never end the process for everyone.
 */
export function guardProcess(logger: Logger, target: NodeJS.Process = process): void {
  target.on('uncaughtException', (error: Error) => {
    logger.error({ event: 'uncaught_exception', err: scrubError(error), stack: error.stack?.split('\n').slice(1, 8).join('\n') }, 'unexpected error, still serving');
  });
  target.on('unhandledRejection', (reason: unknown) => {
    logger.error({ event: 'unhandled_rejection', err: scrubError(reason) }, 'unexpected rejection, still serving');
  });
}
