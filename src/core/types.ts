/**
 * Shared value types of the editor-agnostic core. Positions follow the LSP/VS Code convention:
 * zero-based line and zero-based character offset in UTF-16 code units, so hosts convert 1:1.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** One replacement in the document's text; ranges refer to the text the diagnostic was computed on. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A fix is data: the host turns it into a WorkspaceEdit / file write. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** True when the fix is safe to apply without a person looking (used by --fix and fix-all). */
  readonly isPreferred?: boolean;
  /**
   * What the fix assumed ("assuming 00:10 on line 16 is the next day, 2026-12-02"): hosts that apply
   * it unseen (`lint --fix`) print it, so a reading the fix writes down as fact is still said.
   */
  readonly note?: string;
  /**
   * Set when the fix reads a time written without a zone in some zone (the front matter's
   * `timezone`, the default UTC, your zone): `zone` is that zone, `said` how `lint --fix` prints it
   * ("read resolved_at's 2026-12-04T01:05:00 (no zone) as Asia/Kathmandu, the front matter's
   * timezone"). Fix-all never applies such fixes once the document's zone changed in the same run.
   */
  readonly readsZone?: { readonly zone: string; readonly said: string };
  /**
   * Set when the person chooses a value first (an owner, a date): the edits' `newText` holds
   * `input.placeholder` where the value goes. Such a fix is never preferred and never applied as is.
   */
  readonly input?: FixInput;
}

/** The value a fix asks for: hosts show `choices` in a pick list and let the person type another. */
export interface FixInput {
  readonly kind: 'owner' | 'date';
  /** What the pick list or input box asks. */
  readonly prompt: string;
  /** Offered values, best first (your own name, owners seen in the workspace; dates). May be empty. */
  readonly choices: readonly string[];
  /** The text in the edits that the chosen value replaces. */
  readonly placeholder: string;
}

export interface Diagnostic {
  /** Stable string code, e.g. `timeline/out-of-order`. Never renamed once shipped. */
  readonly code: string;
  readonly severity: Severity;
  readonly range: Range;
  /** Says what was expected, remark-lint style: "Expected …, found …". */
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** Extra locations, e.g. the conflicting earlier timeline entry. */
  readonly related?: readonly { readonly range: Range; readonly message: string }[];
  /**
   * Where else the editor offers this diagnostic's fixes: one diagnostic on the Timeline heading
   * speaks for many entries, and Ctrl+. on any of their lines finds its fixes too.
   */
  readonly fixesAlsoAt?: readonly Range[];
}
