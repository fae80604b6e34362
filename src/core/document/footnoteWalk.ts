import type { Processor } from 'unified';
import type { Extension, Tokenize, TokenizeContext } from './micromarkTypes';

/**
 * How many events back from a `]` remark-gfm's footnote extension looks for the `![^` it might
 * close. It looked back through every event of the paragraph from every `]` (to find `![^label]`,
 * a footnote call after `!`): a paragraph of 20,000 `]` took 2.3 s, 40,000 took 10 s (quadratic),
 * and any `]` after a long paragraph paid for the whole of it. A footnote label is a short word, so
 * its opener is a few events back; past this many the `]` is text, as it was when none was found.
 */
export const MAX_FOOTNOTE_WALK = 64;

/** Event types at which the extension stops looking (it only goes on to check the first). */
const STOPS = new Set(['labelImage', 'gfmFootnoteCall', 'labelLink', 'label', 'image', 'link']);

function bounded(tokenize: Tokenize): Tokenize {
  return function (this: TokenizeContext, effects, ok, nok) {
    const events = this.events;
    for (let i = events.length - 1, seen = 0; i >= 0 && seen < MAX_FOOTNOTE_WALK; i--, seen++) {
      if (STOPS.has(events[i][1].type)) return tokenize.call(this, effects, ok, nok);
    }
    return (code) => nok(code);
  };
}

/**
 * A unified plugin, used after remark-gfm: bounds the footnote extension's look-back from `]` to
 * MAX_FOOTNOTE_WALK events. Every other construct is left as remark-gfm made it.
 */
export function boundedFootnoteWalk(this: Processor): void {
  const extensions = (this.data().micromarkExtensions ?? []) as unknown as Extension[];
  for (const extension of extensions) {
    const at = extension.text?.[93];
    for (const construct of Array.isArray(at) ? at : at ? [at] : []) {
      if (construct.name === 'gfmPotentialFootnoteCall') construct.tokenize = bounded(construct.tokenize);
    }
  }
}
