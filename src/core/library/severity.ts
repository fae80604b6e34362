/** SEV1 = 1 … SEV9 = 9 (also `sev-2`, `Sev 3`); anything unreadable sorts after every severity (10). */
export function severityRank(severity: string | undefined): number {
  const m = severity ? /^sev[ -]?([0-9])$/i.exec(severity.trim()) : null;
  return m ? Number(m[1]) : 10;
}

export interface SeverityRead {
  /** `SEV1`…`SEV4` for a severity of the format however written (`sev1`, `Sev-1`, `SEV 1`, `sev_1`), else the value as written (trimmed). */
  readonly key: string;
  /** True when the value is one of SEV1–SEV4 (in any of those spellings). */
  readonly standard: boolean;
}

const STANDARD = /^sev[ _-]?([1-4])$/i;

/**
 * The one reading of a `severity:` value by the metrics and the library's grouping: one of the
 * format's SEV1–SEV4 in any case or with a separator is that severity (`sev1` and `Sev-1` both
 * SEV1: trial11 T12 found `sev1` folded and `Sev-1` a row of its own); anything else (`1`, `P1`,
 * `SEV0`, `critical`) is kept as written, and the reports say how many were (lint's schema/enum
 * offers the fix).
 */
export function readSeverity(written: string): SeverityRead {
  const value = written.trim();
  const m = STANDARD.exec(value);
  return m ? { key: `SEV${m[1]}`, standard: true } : { key: value, standard: false };
}
