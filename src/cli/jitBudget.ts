import { setFlagsFromString } from 'node:v8';

/**
 * How much a function runs before V8 considers optimising it, for this short-lived process.
 *
 * V8's default (67,584 bytecode budget units) suits a long-running server: it optimises early and
 * recovers the compile cost over hours. A `postmortem lint` run lasts seconds and runs a few
 * hundred functions (68 rules, the Markdown and YAML readers), each on every thread: with the
 * default, optimising compiles took about a third of the run's CPU (measured on the real-shaped
 * bench set, 2,000 files on 2 cores: 8.4 s CPU with the default, 5.6–6.0 s with this budget, the
 * same output). Functions that are truly hot still get optimised, later.
 *
 * Set before any work starts and before the lint worker threads exist (V8 flags are per process,
 * so the workers share it). Only the CLI sets it: the editor's worker lives in VS Code's extension
 * host, a process shared with other extensions, where tuning V8 is not ours to do. A budget the
 * user gave (`node --interrupt-budget=…`, NODE_OPTIONS) wins.
 */
export const CLI_INTERRUPT_BUDGET = 1_000_000;

export function tuneJitForShortRun(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '', set: (flags: string) => void = setFlagsFromString): boolean {
  // NODE_OPTIONS is one string of options (Node refuses V8 budgets there today; read it anyway, as Node splits it).
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].some(isInterruptBudgetFlag);
  if (given) return false;
  set(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
  return true;
}

/**
 * Whether one option sets V8's `--interrupt-budget`: as V8 reads flag names, with one or two dashes,
 * `_` and `-` alike, a value after `=` or none. Only that flag: `--interrupt-budget-for-feedback-allocation`
 * is another budget, and a user giving it has not given ours.
 */
export function isInterruptBudgetFlag(option: string): boolean {
  // NODE_OPTIONS may quote an option: "--interrupt-budget=5000".
  const unquoted = option.startsWith('"') ? option.slice(1, option.endsWith('"') ? -1 : undefined) : option;
  const equals = unquoted.indexOf('=');
  const name = (equals === -1 ? unquoted : unquoted.slice(0, equals)).replace(/_/g, '-');
  return name === '--interrupt-budget' || name === '-interrupt-budget';
}
