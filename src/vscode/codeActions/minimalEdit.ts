/**
 * The smallest single replacement turning `before` into `after`: common prefix and suffix are kept,
 * so a fix-all touching two lines does not replace (and scroll, and re-highlight) the whole file.
 * Never splits a surrogate pair or a CRLF pair.
 */
export function minimalReplacement(before: string, after: string): { start: number; end: number; newText: string } | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Step back out of a pair whose halves would end up on both sides of the edit.
  const splits = (s: string, i: number) => i > 0 && i < s.length && ((isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i))) || (s.charCodeAt(i - 1) === 13 && s.charCodeAt(i) === 10));
  while (prefix > 0 && (splits(before, prefix) || splits(after, prefix))) prefix--;
  while (suffix > 0 && (splits(before, before.length - suffix) || splits(after, after.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
