/**
 * Where a key and its scalar value are in front matter the simple reader took (simpleYaml.ts), read
 * from its lines: the offsets (in the front matter's content) the `yaml` package gives those nodes.
 * Rules report at them ("status: draft" is overdue, an unknown `related` id); building the YAML
 * document only for that was most of what a lint spent on front matter. Paths of the shapes
 * `[key]`, `[key, subKey]` and `[key, index]` (an item of a block list) ending at a one-line
 * scalar are read here; anything else is undefined and the caller asks the YAML document.
 * test/unit/frontMatter/simpleNodes.test.ts holds it to the `yaml` package's ranges.
 */
import { isJsSpace } from '../text/trimChars';

export interface ScalarRanges {
  /** The key's name, when the path ends at a key (not at a list item). */
  readonly key?: readonly [number, number];
  readonly value: readonly [number, number];
}

const KEY = /^([A-Za-z_][\w-]*) *:(?: (.*))?$/;
const SUB_KEY = /^( +)([A-Za-z_][\w-]*) *:(?: (.*))?$/;
const LIST_ITEM = /^( *)-(?: (.*))?$/;

/** The scalar written from `from` on in `line` (at `lineStart`): up to a ` #` comment, trailing spaces left out. */
function scalarAt(line: string, from: number, lineStart: number): [number, number] | undefined {
  let end = line.length;
  for (let i = from; i < line.length; i++) {
    if (line.charCodeAt(i) === 35 /* # */ && (i === from || isJsSpace(line[i - 1]))) {
      end = i;
      break;
    }
  }
  let start = from;
  while (start < end && line[start] === ' ') start++;
  while (end > start && line[end - 1] === ' ') end--;
  // Empty (null), a flow list or a quoted value: the YAML document knows their node ranges best.
  if (start === end || line[start] === '[' || line[start] === '"' || line[start] === "'") return undefined;
  return [lineStart + start, lineStart + end];
}

/** Ranges for `path` in simple front matter `content`; undefined when not one of the shapes read here. */
export function simpleScalarRanges(content: string, path: readonly (string | number)[]): ScalarRanges | undefined {
  if (path.length === 0 || path.length > 2 || typeof path[0] !== 'string') return undefined;
  let inBlock = false;
  let index = 0;
  for (let start = 0; start < content.length; ) {
    const nl = content.indexOf('\n', start);
    const next = nl === -1 ? content.length : nl + 1;
    let line = content.slice(start, nl === -1 ? content.length : nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const lineStart = start;
    start = next;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    if (inBlock) {
      // The block of path[0] ends at the next line that is not indented (the next top-level key).
      if (line[0] !== ' ' && line[0] !== '-') return undefined;
      const segment = path[1];
      if (typeof segment === 'string') {
        const sub = SUB_KEY.exec(line);
        if (!sub || sub[2] !== segment) continue;
        const keyStart = sub[1].length;
        if (sub[3] === undefined) return undefined;
        const value = scalarAt(line, line.length - sub[3].length, lineStart);
        return value && { key: [lineStart + keyStart, lineStart + keyStart + segment.length], value };
      }
      const item = LIST_ITEM.exec(line);
      // Lines of a list item's mapping (`  by: lena` under `- role: sre`) are not items.
      if (!item) continue;
      if (index++ !== segment) continue;
      // A mapping as the item (`- by: lena`): not a scalar.
      if (item[2] === undefined || KEY.test(item[2])) return undefined;
      const value = scalarAt(line, line.length - item[2].length, lineStart);
      return value && { value };
    }
    const m = KEY.exec(line);
    if (!m || m[1] !== path[0]) continue;
    const key: [number, number] = [lineStart, lineStart + m[1].length];
    if (path.length === 1) {
      if (m[2] === undefined) return undefined;
      const value = scalarAt(line, line.length - m[2].length, lineStart);
      return value && { key, value };
    }
    // A value on the key's line (a flow list, a scalar) has no block below it.
    if (m[2] !== undefined && m[2].trim() && !/^\s*#/.test(m[2])) return undefined;
    inBlock = true;
  }
  return undefined;
}
