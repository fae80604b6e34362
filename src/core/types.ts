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
