import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';
import { terminalSafe } from './style';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs with the CLI's conventions: unknown options and missing values become a
 * UsageError with the command's name (exit 2), and `--help`/`-h` is always accepted. After `--`
 * every argument is a positional, so an option written there (`new -- "- x" --dir d`) would
 * silently become part of a title or a file name: it is refused, naming it (trial 13a F26).
 */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as O & { help: { type: 'boolean'; short: 'h' } };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: all, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError(parseErrorMessage(command, e, argv, all));
  }
  const terminator = parsed.tokens.find((t) => t.kind === 'option-terminator');
  if (terminator) {
    const option = argv.slice(terminator.index + 1).find((a) => isKnownOption(a, all));
    if (option !== undefined) {
      throw usageError(command, `Expected options before "--", found ${option} after it: after "--" every argument is taken as written (a title, a file name); move ${option.split('=')[0]} and its value before "--"`);
    }
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** `--dir`, `--dir=x` or `-h` when the command has that option. */
function isKnownOption(arg: string, options: Options): boolean {
  if (arg.startsWith('--')) return Object.hasOwn(options, arg.slice(2).split('=')[0]);
  return /^-[A-Za-z]$/.test(arg) && Object.values(options).some((o) => o.short === arg[1]);
}

/**
 * The argument an unknown-option error is about, whole: Node's message quotes only its first
 * characters (`- leading dash` was named '-'). The first argument before `--` that starts with "-"
 * and is no option of the command, skipping the values of options that take one.
 */
function unknownArgument(argv: readonly string[], options: Options): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return undefined;
    if (!a.startsWith('-') || a === '-') continue;
    if (!isKnownOption(a, options)) return a;
    const name = a.startsWith('--') ? a.slice(2) : Object.keys(options).find((k) => options[k].short === a[1]);
    if (name !== undefined && !name.includes('=') && options[name]?.type === 'string') i++;
  }
  return undefined;
}

/**
 * node:util parseArgs errors in the CLI's words: "Unknown option '--bogus'. Run `postmortem lint
 * --help`." (Node's own text explains `--` for positionals in its own words; here an argument that
 * is no option's shape, such as a title "- leading dash", is named whole with where it goes).
 */
export function parseErrorMessage(command: string, e: unknown, argv: readonly string[] = [], options: Options = {}): string {
  const { code, message } = e as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  let what: string;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const arg = unknownArgument(argv, options) ?? option;
    const notAnOption = arg !== undefined && !/^--?[A-Za-z][\w-]*(?:=.*)?$/.test(arg);
    what = arg === undefined ? message.split('\n')[0]
      : notAnOption ? `Unknown option '${arg}': an argument starting with "-" goes last, after "--", as in postmortem ${command} [options] -- "${arg}".`
        : `Unknown option '${arg}'.`;
  } else if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /does not take an argument/.test(message)) what = `Option '${option}' takes no value.`;
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

/**
 * The one reading of a numeric option (`--margin 90`, `--workers 2`, `--last 6`): decimal digits
 * only, from `min` to `max` — "", hex (`0x10`), exponents (`1e9`), signs, fractions and numbers too
 * large to use are a usage error naming the option and the range, never read as something else or
 * left to fail later (trial18a F5: `--margin 99999999999999999999` was an internal error, `--margin ""` 0).
 * `value` undefined (the option not given) gives undefined.
 */
export function wholeNumber(command: string, option: string, value: string | undefined, range: { readonly min: number; readonly max: number; readonly what?: string }): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= range.min && n <= range.max)) {
    const what = range.what ?? 'a whole number';
    throw usageError(command, `Expected ${option} as ${what} (${range.min} to ${range.max}), found "${terminalSafe(value)}"`);
  }
  return n;
}

