/**
 * The most common YAML slip in a front matter: a plain value holding ": " (`title: Outage: DB primary
 * down`), which YAML reads as a nested mapping and rejects ("Nested mappings are not allowed in compact
 * mappings"): the whole front matter is then unread. Found on one line, with the value quoted the way
 * the writer meant it.
 */
export interface ColonSlip {
  readonly key: string;
  /** Character offsets of the value in the line. */
  readonly start: number;
  readonly end: number;
  /** The value as a double-quoted YAML string. */
  readonly quoted: string;
}

const KEY = /^[A-Za-z_][\w-]*$/;
/** Characters that start something other than a plain scalar: quotes, flow collections, block scalars, anchors, tags, comments. */
const NOT_PLAIN = new Set(['"', "'", '[', '{', '|', '>', '&', '*', '!', '#', '%', '@', '`']);

export function colonSlip(line: string): ColonSlip | undefined {
  // A lone CR (or another control character) is a line break or worse to YAML, not part of one value:
  // quoting across it would join two keys into one string.
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) return undefined;
  const colon = line.indexOf(': ');
  if (colon <= 0) return undefined;
  const indent = line.length - line.trimStart().length;
  const key = line.slice(indent, colon);
  if (!KEY.test(key)) return undefined;
  let start = colon + 1;
  while (line[start] === ' ' || line[start] === '\t') start++;
  const end = line.trimEnd().length;
  const value = line.slice(start, end);
  if (value === '' || NOT_PLAIN.has(value[0]!)) return undefined;
  // A " #" starts a comment: where the writer's value ends is then not clear.
  if (value.includes(' #')) return undefined;
  if (!value.includes(': ') && !value.endsWith(':')) return undefined;
  return { key, start, end, quoted: JSON.stringify(value) };
}

/** " Quote the value: title: "Outage: DB primary down"" for a problem on a slipped line, else ''. */
export function colonSlipHint(line: string): string {
  const slip = colonSlip(line);
  return slip ? `: the value of \`${slip.key}\` holds ": ", which YAML reads as a nested key. Quote it: ${slip.key}: ${slip.quoted}` : '';
}
