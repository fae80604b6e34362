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
    throw new UsageError(`postmortem ${command}: ${(e as Error).message.split('\n')[0]}. Run \`postmortem ${command} --help\`.`);
  }
}

/** `--now 2026-11-27T12:00:00Z` (tests, reproducible CI output); the io clock otherwise. */
export function parseNow(value: string | undefined, fallback: () => Date, command: string): Date {
  if (value === undefined) return fallback();
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`postmortem ${command}: expected --now to be an ISO date-time like 2026-11-27T12:00:00Z, found "${value}"`);
  }
  return date;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`Expected ${what} to be one of ${allowed.join(', ')}, found "${value}"`);
}
