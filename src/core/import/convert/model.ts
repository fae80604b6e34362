import type { Diagnostic } from '../../types';

export interface ConvertOptions {
  /** Named in messages and used for the title when the document has none. */
  readonly fileName?: string;
  /** Zone for times when the document states none; without it they are read as UTC and flagged. */
  readonly defaultZone?: string;
}

export interface ConvertResult {
  readonly text: string;
  /** What the converter could not decide, with ranges in the ORIGINAL text. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Fragments of the original rewritten as data rather than kept as text: time stamps converted
   * to UTC, due dates rewritten as `due:`, status cells that became a checkbox, metadata values
   * moved to the front matter. The no-loss check discounts exactly these.
   */
  readonly replaced: readonly string[];
  /**
   * Values the converter derived rather than read (started_at from the earliest timeline entry),
   * with the line of the original they come from: not problems, but the user should know.
   */
  readonly notes: readonly ConvertNote[];
}

export interface ConvertNote {
  readonly line: number;
  readonly message: string;
}

/** Collects diagnostics and replaced fragments while converting. */
export class ConvertLog {
  readonly diagnostics: Diagnostic[] = [];
  readonly replaced: string[] = [];
  readonly notes: ConvertNote[] = [];

  private readonly flagged = new Set<string>();

  /** For problems that apply to the whole document: reported at their first line only. */
  flagOnce(code: string, line: number, message: string, severity: Diagnostic['severity'] = 'warning'): void {
    if (this.flagged.has(code)) return;
    this.flagged.add(code);
    this.flag(code, line, message, severity);
  }

  flag(code: string, line: number, message: string, severity: Diagnostic['severity'] = 'warning', start = 0, end = 0): void {
    this.diagnostics.push({ code: `convert/${code}`, severity, message, range: { start: { line, character: start }, end: { line, character: end } } });
  }
}

/** A line of the original with its number, so messages point at the source. */
export interface SourceLine {
  readonly line: number;
  readonly text: string;
}
