import type { Processor } from 'unified';
import type { Construct, Extension, Tokenize, TokenizeContext } from './micromarkTypes';

/**
 * How many events back from a possible autolink (`www.`, `https:`, `a@b.c`) remark-gfm looks for an
 * unclosed `[` it would sit inside (no links in links). It walks back until it finds one or a place
 * an earlier walk found none, but a walk that finds an unclosed `[` marks nothing: after one stray
 * `[`, every later word of the paragraph walked back to it. `[ ` and 40,000 words (80 KB) took 21 s
 * (quadratic). Past this many events the word is taken as outside any label, as it is when the
 * `[` is never closed; only a link label longer than this may then hold an autolink.
 */
export const MAX_AUTOLINK_WALK = 64;

const NAMES = new Set(['wwwAutolink', 'protocolAutolink', 'emailAutolink']);

const wrapped = new WeakSet<Construct>();

function bounded(tokenize: Tokenize): Tokenize {
  return function (this: TokenizeContext, effects, ok, nok) {
    const events = this.events;
    let i = events.length - 1;
    for (let seen = 0; i >= 0 && seen < MAX_AUTOLINK_WALK; i--, seen++) {
      const token = events[i][1];
      if ((token.type === 'labelLink' || token.type === 'labelImage') && !token._balanced) break;
      if (token._gfmAutolinkLiteralWalkedInto) break;
    }
    // Nothing decisive within reach: mark where remark-gfm's own walk is to stop (as "no label").
    if (i >= 0 && events.length - 1 - i >= MAX_AUTOLINK_WALK) events[events.length - 1][1]._gfmAutolinkLiteralWalkedInto = true;
    return tokenize.call(this, effects, ok, nok);
  };
}

/**
 * A unified plugin, used after remark-gfm: bounds the autolink-literal extension's look-back for an
 * unclosed `[` to MAX_AUTOLINK_WALK events. Every other construct is left as remark-gfm made it.
 */
export function boundedAutolinkWalk(this: Processor): void {
  const extensions = (this.data().micromarkExtensions ?? []) as unknown as Extension[];
  for (const extension of extensions) {
    for (const at of Object.values(extension.text ?? {})) {
      for (const construct of Array.isArray(at) ? at : at ? [at] : []) {
        // remark-gfm's constructs are shared by every processor and listed under many characters: wrap each once.
        if (!construct.name || !NAMES.has(construct.name) || wrapped.has(construct)) continue;
        wrapped.add(construct);
        construct.tokenize = bounded(construct.tokenize);
      }
    }
  }
}
