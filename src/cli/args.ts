import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs with the CLI's conventions: unknown options and missing values become a
 * UsageError with the command's name (exit 2), and `--help`/`-h` is always accepted.
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(parseErrorMessage(command, e));
  }
}

/**
 * node:util parseArgs errors in the CLI's words: "Unknown option '--bogus'. Run `postmortem lint
 * --help`." (Node's own text explains `--` for positionals, which is not what the user got wrong).
 */
export function parseErrorMessage(command: string, e: unknown): string {
  const { code, message } = e as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  let what: string;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) what = `Unknown option '${option}'.`;
  else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /does not take an argument/.test(message)) what = `Option '${option}' takes no value.`;
  else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) what = `Option '${option}' needs a value${/ambiguous/.test(message) ? ` (to give one starting with "-", write ${option}=-value)` : ''}.`;
  else what = message.split('\n')[0];
  return usageMessage(command, what);
}

/**
 * The one shape of every usage error of every command (trial F19): the command, what was expected
 * and found as a sentence, and where the options are explained —
 * "postmortem lint: Expected --format to be one of text, json, sarif, found "xml". Run `postmortem lint --help`."
 * `command` may be a subcommand ("tickets create").
 */
export function usageMessage(command: string, what: string): string {
  const sentence = what.trim().replace(/^[a-z]/, (c) => c.toUpperCase());
  return `postmortem ${command}: ${/[.?!]$/.test(sentence) ? sentence : `${sentence}.`} Run \`postmortem ${command} --help\`.`;
}

/** A usage error (exit 2) worded by `usageMessage`. */
export function usageError(command: string, what: string): UsageError {
  return new UsageError(usageMessage(command, what));
}

/** `--now 2026-11-27T12:00:00Z` (tests, reproducible CI output); the io clock otherwise. */
export function parseNow(value: string | undefined, fallback: () => Date, command: string): Date {
  if (value === undefined) return fallback();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw usageError(command, `Expected --now to be an ISO date-time like 2026-11-27T12:00:00Z, found "${value}"`);
  }
  return date;
}

/** An option that takes one of a few words (`--format text|json`): anything else is a usage error naming them. */
export function oneOf<T extends string>(command: string, value: string | undefined, allowed: readonly T[], fallback: T, what: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(command, `Expected ${what} to be one of ${allowed.join(', ')}, found "${value}"`);
}
