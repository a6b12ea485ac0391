/**
 * A refusal at the HTTP edge: a status and a French message safe to show to anyone (it never
 * carries internal details such as a stack, a token or the text of a library's error).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Close the connection after answering (the body was not fully read). */
    readonly closeConnection = false,
    /** Seconds after which trying again may succeed (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}
