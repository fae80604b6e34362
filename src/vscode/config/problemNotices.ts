// No `vscode` import: unit-tested under plain Node.
import { CONFIG_FILE_NAME } from '../../core/config/load';

/** Where a config problem comes from: the rc file named at its start, else the editor's settings. */
export function problemSource(problem: string): string {
  const end = problem.indexOf(`${CONFIG_FILE_NAME}: `);
  return end > 0 ? problem.slice(0, end + CONFIG_FILE_NAME.length) : 'settings';
}

export interface ProblemsToReport {
  /** Problems not logged before (each text is logged once). */
  readonly log: readonly string[];
  /** At most one problem per source that has not been shown since it was last changed. */
  readonly show: readonly string[];
}

/**
 * Keeps config problems from turning into a popup per linted file: every folder under a broken
 * rc file reports the same problem. A source (one rc file, or the settings) is shown once, and
 * again only after it changed and is still wrong.
 */
export class ProblemNotices {
  private readonly logged = new Set<string>();
  private readonly shown = new Set<string>();

  take(problems: readonly string[]): ProblemsToReport {
    const log: string[] = [];
    const show: string[] = [];
    for (const problem of problems) {
      if (this.logged.has(problem)) continue;
      this.logged.add(problem);
      log.push(problem);
      const source = problemSource(problem);
      if (this.shown.has(source)) continue;
      this.shown.add(source);
      show.push(problem);
    }
    return { log, show };
  }

  /** The source changed: its problems (if still there) are news again. */
  forget(source: string): void {
    this.shown.delete(source);
    for (const problem of [...this.logged]) if (problemSource(problem) === source) this.logged.delete(problem);
  }
}
