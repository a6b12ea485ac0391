export type AccountErrorCode =
  | 'LOGIN_INVALID'
  | 'LOGIN_TAKEN'
  | 'LOGIN_UNKNOWN'
  | 'PASSWORD_INVALID'
  | 'ROLE_INVALID'
  | 'NAME_INVALID'
  | 'ORG_INVALID'
  | 'ACCOUNTS_BUSY'
  | 'ACCOUNTS_CORRUPT';

/** Codes that mean "the operator asked for something unusable" (CLI exit 2), not a broken file or host. */
const USAGE_CODES: readonly AccountErrorCode[] = ['LOGIN_INVALID', 'LOGIN_TAKEN', 'LOGIN_UNKNOWN', 'PASSWORD_INVALID', 'ROLE_INVALID', 'NAME_INVALID', 'ORG_INVALID'];

/** A refusal of the accounts domain; `message` is French, for the operator of the users command. */
export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }

  get isUsage(): boolean {
    return USAGE_CODES.includes(this.code);
  }
}
