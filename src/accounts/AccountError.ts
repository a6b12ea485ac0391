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

/**
 * A refusal of the accounts domain, in French: `message` for the operator of the users command (its
 * flags, its subcommands), `webMessage` for the CCI on the /admin « Comptes » page, in the words of
 * that page (its lists and buttons). The same when nothing of the command is named.
 */
export class AccountError extends Error {
  readonly webMessage: string;

  constructor(
    readonly code: AccountErrorCode,
    message: string,
    webMessage?: string,
  ) {
    super(message);
    this.name = 'AccountError';
    this.webMessage = webMessage ?? message;
  }

  get isUsage(): boolean {
    return USAGE_CODES.includes(this.code);
  }
}
