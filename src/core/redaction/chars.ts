/** Character tests for the hand scanners (no regular expressions: every scan is one bounded pass). */

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

export function isAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

/** `[A-Za-z0-9_]`: what a token must not touch on either side. */
export function isWordChar(c: number): boolean {
  return isAlnum(c) || c === 95;
}

export function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** base64url: `[A-Za-z0-9_-]`. */
export function isBase64Url(c: number): boolean {
  return isWordChar(c) || c === 45;
}

/** The code unit at `i`, or -1 outside the text (so boundary checks need no special case). */
export function at(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** End of the run of `test` characters starting at `from`, looking at most `max` characters. */
export function runEnd(text: string, from: number, test: (c: number) => boolean, max: number): number {
  const limit = Math.min(text.length, from + max);
  let i = from;
  while (i < limit && test(text.charCodeAt(i))) i++;
  return i;
}

/** Case-insensitive ASCII comparison of `text` at `i` with lower-case `word`. */
export function matchesAt(text: string, i: number, word: string): boolean {
  if (i < 0 || i + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(i + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}
