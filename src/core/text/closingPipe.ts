import { isJsSpace } from './trimChars';

/**
 * A table cell's raw text without its closing pipe and the spaces before it (`a  |` → `a`), by
 * hand: the pattern it replaces (`/\s*(?<!\\)\|?$/`) restarted at every character of a long run of
 * spaces that is not at the end of the cell, which is quadratic on user text. An escaped pipe
 * (`\|`) is the cell's content and stays; trailing spaces go either way.
 */
export function withoutClosingPipe(raw: string): string {
  let end = raw.length;
  if (end > 0 && raw[end - 1] === '|' && raw[end - 2] !== '\\') end--;
  while (end > 0 && isJsSpace(raw[end - 1])) end--;
  return end === raw.length ? raw : raw.slice(0, end);
}
