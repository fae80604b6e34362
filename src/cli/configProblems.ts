import type { UserConfig } from '../core/config/config';
import { settingOfProblem } from '../core/config/resolve';
import type { CliIo } from './io';

/**
 * Prints the config problems once each. A problem about a setting the command does not use (a lint
 * severity, for `postmortem actions`) is a warning; the others are errors. Returns the number of
 * errors: the command exits 2 when there are any.
 */
export function reportConfigProblems(io: CliIo, command: string, problems: readonly string[], uses: readonly (keyof UserConfig)[] | 'all'): number {
  let errors = 0;
  for (const problem of new Set(problems)) {
    const setting = settingOfProblem(problem);
    // A problem with no setting (unreadable file, not JSON) may hide any setting: always an error.
    const relevant = uses === 'all' || setting === undefined || uses.includes(setting);
    if (relevant) errors++;
    io.err(`postmortem ${command}: ${relevant ? '' : 'warning: '}config: ${problem}${relevant ? '' : ` (not used by \`postmortem ${command}\`)`}\n`);
  }
  return errors;
}
