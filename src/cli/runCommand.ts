import { Command, CommanderError } from 'commander';
import { isAppError } from '../errors';

/**
 * What the commands of src/cli share (cli-contract.md): stdout carries the answer only, commander
 * speaks French, and the exit status says 0 done, 1 error (configuration, busy file, internal), 2
 * unusable arguments (nothing was changed).
 */

/** Unusable arguments: exit status 2 with this French message. */
export class UsageError extends Error {}

/** How a command shows a failure it knows: its exit status and the line(s) for stderr. */
export interface Failure {
  exitCode: 1 | 2;
  message: string;
}

/** The French reasons for what commander refuses that every command words the same. */
const COMMON_REASONS = (quoted: string): Record<string, string> => ({
  'commander.unknownOption': `Option inconnue : ${quoted}.`,
  'commander.optionMissingArgument': `Valeur manquante pour l'option ${quoted.split(/[ ,]/)[0] ?? ''}.`,
  'commander.missingMandatoryOptionValue': `Option obligatoire manquante : ${quoted.split(/[ ,]/)[0] ?? ''}.`,
  'commander.excessArguments': 'Argument(s) en trop.',
});

/** Commander's codes a command words itself (a missing sub-command, argument…), given the quoted word of its English message. */
export type Reasons = (quoted: string) => Record<string, string>;

/** A French line for what commander refused (its messages are English), followed by the usage. */
export function usageMessage(error: CommanderError, usage: string, reasons?: Reasons): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const reason = { ...COMMON_REASONS(quoted), ...reasons?.(quoted) }[error.code];
  return `${reason ?? 'Arguments inutilisables.'}\n${usage}`;
}

/** A commander program that prints its help on stderr and leaves its English errors to usageMessage. */
export function frenchProgram(name: string): Command {
  return (
    new Command()
      .name(name)
      .helpOption('-h, --help', 'affiche cette aide')
      .exitOverride()
      // commander's own error lines are English: usageMessage gives French ones instead.
      .configureOutput({ writeOut: (text) => process.stderr.write(text), writeErr: () => undefined })
  );
}

/** Parses the arguments; false when only the help was asked for (and shown). A refusal is a UsageError. */
export function parseArguments(program: Command, argv: readonly string[], usage: string, reasons?: Reasons): boolean {
  try {
    program.parse([...argv], { from: 'user' });
    return true;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return false;
      throw new UsageError(usageMessage(error, usage, reasons));
    }
    throw error;
  }
}

/** Resolves once stdout took the text (a pipe is written asynchronously). */
export function writeOut(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve())));
}

/** A failure no command knows: the AppError's own message, else the stack for the operator. */
function internalFailure(error: unknown): Failure {
  return { exitCode: 1, message: `Erreur interne : ${isAppError(error) ? error.message : ((error as Error).stack ?? String(error))}` };
}

export interface RunOptions {
  /** The failures the command words itself; undefined for the others (an internal error). */
  failure?: (error: unknown) => Failure | undefined;
}

/** A UsageError is a refusal of the arguments (2); the command may know more failures. */
function failureOf(error: unknown, options: RunOptions): Failure {
  return options.failure?.(error) ?? (error instanceof UsageError ? { exitCode: 2, message: error.message } : internalFailure(error));
}

/**
 * Runs a command's main and sets its exit status. process.exitCode rather than process.exit():
 * stdout into a pipe is written asynchronously, and exit() would cut a long answer at the pipe's
 * 64 KB; the process ends by itself once everything is written.
 */
export function runCommand(main: (argv: readonly string[]) => Promise<number> | number, options: RunOptions = {}): void {
  // stdout carries the command's answer only: anything a library prints goes to stderr.
  console.log = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`);
  console.info = console.log;
  console.warn = console.log;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        const failure = failureOf(error, options);
        process.stderr.write(`${failure.message}\n`);
        process.exitCode = failure.exitCode;
      },
    );
}
