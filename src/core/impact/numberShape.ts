/**
 * What a number written with separators is, told by its shape alone: `1,200` and `1,200.50` (US),
 * `1.200.000` and `1.200,50` (German), `1 200` and `1'200` (French, Swiss), `1,5` (a decimal comma).
 * `1.200` alone cannot be told apart — 1200 in Berlin, 1.2 in Boston — so it is not read but
 * explained. A reading that depends on the locale the writer used carries a note saying so.
 */
export type NumberShape =
  | { readonly value: number; readonly note?: string }
  | { readonly reason: string };

/** Characters people write between thousands: space, no-break spaces, apostrophes. */
const SPACE_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f\u2009'\u2019]\d{3})+(?:[.,]\d+)?$/;

/** `token` is digits and separators only (see `numberToken`); `scaled`: a `k`/`M` follows it. */
export function numberShape(token: string, scaled = false): NumberShape {
  if (/^\d+$/.test(token)) return { value: Number(token) };
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(token)) return { value: Number(token.replace(/,/g, '')) };
  // `1.2M`: a scale after it makes the dot a decimal point.
  if (/^\d{1,3}\.\d{3}$/.test(token) && !scaled) {
    return { reason: `is the dot in ${token} a thousands separator or a decimal point? Write ${token.replace('.', '')} or ${Number(token)}` };
  }
  if (/^\d+\.\d+$/.test(token)) return { value: Number(token) };
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(token)) {
    const value = Number(token.replace(/\./g, ''));
    return { value, note: `read ${token} as ${value}: dots as thousands separators` };
  }
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(token)) {
    const value = Number(token.replace(/\./g, '').replace(',', '.'));
    return { value, note: `read ${token} as ${value}: dots as thousands separators, a decimal comma` };
  }
  if (SPACE_GROUPS.test(token)) return { value: Number(token.replace(/[ \u00a0\u202f\u2009'\u2019]/g, '').replace(',', '.')) };
  // One comma, not before a group of three: only a decimal comma is written so (`1,5`, `12,50`).
  if (/^\d+,\d+$/.test(token)) {
    const value = Number(token.replace(',', '.'));
    return { value, note: `read ${token} as ${value}: a decimal comma` };
  }
  return { reason: `separators in ${token} that cannot be read one way only; write the number without thousands separators, e.g. 1200 or 1200.5` };
}

const SEPARATORS = '.,\'\u2019 \u00a0\u202f\u2009';

/**
 * The number at `from` in `text` (which starts with a digit there): digits, and separators each
 * followed by a digit, so `47 min` gives `47` and `1 200 €` gives `1 200`. A scan, not a regex:
 * a run of separators costs no backtracking.
 */
export function numberToken(text: string, from: number): string {
  let end = from;
  while (end < text.length) {
    const c = text[end];
    if (c >= '0' && c <= '9') end++;
    else if (SEPARATORS.includes(c) && end + 1 < text.length && text[end + 1] >= '0' && text[end + 1] <= '9') end += 2;
    else break;
  }
  return text.slice(from, end);
}
