import type { Severity } from '../../../core/types';
import type { PlainDiagnostic } from '../lintOne';

/** One linted file and what was found, as all formatters receive it. */
export interface FileReport {
  /** Path for people (relative to the working folder when possible). */
  readonly display: string;
  /** `/`-separated path relative to the repository root (SARIF). */
  readonly rel: string;
  readonly diagnostics: readonly PlainDiagnostic[];
  /** Codes fixed by --fix in this file, with counts. */
  readonly fixed?: Readonly<Record<string, number>>;
  /** What the applied fixes assumed (Fix.note). */
  readonly fixNotes?: readonly string[];
  /** `diagnostics` as `--format json` writes them (json.ts's jsonElements), when made where the file was linted. */
  readonly jsonElements?: string;
  /** An evidence file reported on (an orphan, an archive): not one of the post-mortems checked. */
  readonly evidence?: true;
}

export function countBySeverity(reports: readonly FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) for (const d of r.diagnostics) counts[d.severity]++;
  return counts;
}

export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}
