/** Something in a diagram block the parser could not read; `line` is 0-based within the block content. */
export interface DiagramProblem {
  readonly line: number;
  readonly message: string;
  /** Stable diagnostic code; parse problems are `diagram/parse-error`. */
  readonly code: string;
  /** Default 'error'. Things Mermaid still draws but the editor will not keep are warnings. */
  readonly severity?: 'error' | 'warning';
}

export interface ParseResult<M> {
  readonly model: M;
  readonly problems: readonly DiagramProblem[];
  /**
   * False when the text holds something the model cannot represent: printing the model would lose
   * it, so an editor must refuse to overwrite the block until the text is fixed.
   */
  readonly writable: boolean;
}
