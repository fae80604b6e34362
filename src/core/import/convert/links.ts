import { isTicketKey } from '../../actions/ticketKeys';

/**
 * Markdown links `[text](url)` replaced by their text, as `/\[([^\]]+)\]\([^)]*\)/g` did: the link
 * text runs to the first `]`, the destination to the first `)`. Scanned by hand so a line of many
 * `[` or `[x](` without a closing bracket costs one pass (the pattern rescanned the rest of the line
 * from each opener: quadratic); the next `]` and `)` are looked up once and reused while ahead.
 */
export function unlinked(text: string, options: { emptyText?: boolean } = {}): string {
  let out = '';
  let copied = 0;
  let close = -1;
  let paren = -1;
  for (let open = text.indexOf('['); open >= 0; open = text.indexOf('[', open + 1)) {
    if (close <= open) close = text.indexOf(']', open + 1);
    // No `]` after this `[`: none after any later one either.
    if (close < 0) break;
    if ((close === open + 1 && !options.emptyText) || text[close + 1] !== '(') continue;
    if (paren <= close + 1) paren = text.indexOf(')', close + 2);
    if (paren < 0) break;
    out += text.slice(copied, open) + text.slice(open + 1, close);
    copied = paren + 1;
    open = paren;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** A word that only points somewhere: a URL, `#123`, `owner/repo#123`, `!123` (a merge request), a tracker key. */
function isPointer(word: string): boolean {
  return /^<?https?:\/\/\S+$/i.test(word) || /^(?:[\w.-]{1,100}\/[\w.-]{1,100})?[#!]\d{1,9}$/.test(word) || isTicketKey(word);
}

/**
 * A value that only points somewhere: links whose text is a pointer (`[#12345](…)`,
 * `[flutter/plugins#1127](…)`), URLs, `#123`, tracker keys — a ticket or a fix's reference, not
 * words about the incident or the work. `[Investigate the flush errors](…)` is words: false.
 */
export function isPointerOnly(value: string): boolean {
  const v = value.replace(/[*_`]/g, '').trim();
  if (!v || v.length > 1000) return false;
  // Links `[text](url)` out first; the value is short, so looking ahead from each `[` stays small.
  let rest = '';
  let links = 0;
  for (let i = 0; i < v.length; i++) {
    const close = v[i] === '[' ? v.indexOf('](', i + 1) : -1;
    const paren = close > i ? v.indexOf(')', close + 2) : -1;
    const text = close > i ? v.slice(i + 1, close).trim() : '';
    if (paren > close && !text.includes('[') && !/\s/.test(v.slice(close + 2, paren)) && (text === '' || isPointer(text))) {
      links++;
      rest += ' ';
      i = paren;
    } else rest += v[i];
  }
  const parts = rest.split(/[\s,;]/).filter((p) => p.length > 0 && !/^(?:[-–—&]|and)$/.test(p));
  return links + parts.length > 0 && parts.length <= 10 && parts.every(isPointer);
}
