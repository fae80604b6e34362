/**
 * The little of micromark's tokenizer types that the bounded-walk plugins (footnoteWalk.ts,
 * autolinkWalk.ts) touch: events with their tokens, and the text constructs of an extension.
 * Written here rather than imported: micromark's own types describe far more than we rely on.
 */
export interface Token {
  readonly type: string;
  /** Set by micromark's label end on a `[` that was closed (or cannot be). */
  readonly _balanced?: boolean;
  /** Set by remark-gfm's autolink literal where a walk back found no open `[`. */
  _gfmAutolinkLiteralWalkedInto?: boolean;
}
export type State = (code: number | null) => unknown;
export interface TokenizeContext {
  readonly events: readonly (readonly [string, Token, unknown])[];
}
export type Tokenize = (this: TokenizeContext, effects: unknown, ok: State, nok: State) => State;
export interface Construct {
  name?: string;
  tokenize: Tokenize;
}
export interface Extension {
  text?: Record<number, Construct | Construct[] | undefined>;
}
