/**
 * One error type for the whole application. `code` is stable (tests and logs rely on it);
 * `message` is French because it may reach a user or an operator at the console.
 */
export type AppErrorCode =
  | 'CONFIG_INVALID'
  | 'KNOWLEDGE_INVALID'
  | 'KNOWLEDGE_MISSING'
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENT_EMPTY'
  | 'ATTACHMENT_UNREACHABLE'
  | 'ATTACHMENT_FORBIDDEN_ADDRESS'
  | 'STORAGE_CONFLICT';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
