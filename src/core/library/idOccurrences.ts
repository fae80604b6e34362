import { isScalar, isSeq } from 'yaml';
import { isYamlBroken, nodeAtPath, readFrontMatter } from '../document/frontMatter';
import { rootFlowMapping } from '../frontMatter/flowEdits';
import { LineIndex } from '../text/lineIndex';

/** Where a post-mortem id is written: its own `id:`, a `related` entry, or running text. */
export type IdPlace = 'id' | 'related' | 'text';

export interface IdOccurrence {
  readonly id: string;
  /** Zero-based line and UTF-16 columns (end exclusive). */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly place: IdPlace;
}

/** The schema's id shape (`PM-2026-014`): what a rename may write. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Characters of an id: a maximal run of them is one candidate token. */
function isIdChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 46 || code === 95;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:/;

/**
 * Every place a known post-mortem id is written in `text`: the front matter's `id:` value, entries
 * of `related` (block or flow list), and whole-word mentions in the body outside fenced code
 * (`see PM-2026-005.` — a trailing `.`, `-` or `_` is punctuation, not part of the id). Only ids
 * `isKnown` accepts are reported, except the file's own `id:`, which is always its definition.
 * One pass over the characters: linear in the text.
 */
export function findIdOccurrences(text: string, isKnown: (id: string) => boolean): IdOccurrence[] {
  const lines = text.split(/\r\n|\r|\n/);
  const result: IdOccurrence[] = [];
  let frontMatterEnd = -1;
  if (lines.length > 1 && lines[0].replace(/^\uFEFF/, '').trimEnd() === '---') {
    for (let i = 1; i < lines.length; i++) {
      const t = lines[i].trimEnd();
      if (t === '---' || t === '...') {
        frontMatterEnd = i;
        break;
      }
    }
  }
  let key: string | undefined;
  let fence: string | undefined;
  // One flow mapping (`{type: postmortem, id: PM-1, related: [PM-2]}`, trial15a F10): no `id:` line
  // starts a row, so its values are found by their YAML nodes (parsed only for such a front matter).
  const flow = frontMatterEnd > 1 && lines[1].trimStart().startsWith('{') ? flowRootOccurrences(text, isKnown) : undefined;
  for (const o of flow ?? []) result.push(o);
  for (let line = 0; line < lines.length; line++) {
    const row = lines[line];
    if (line <= frontMatterEnd) {
      if (line === 0 || line === frontMatterEnd || flow) continue;
      const top = TOP_KEY.exec(row);
      if (top) key = top[1];
      else if (row.trim() && !/^[ \t-]/.test(row)) key = undefined;
      if (key !== 'id' && key !== 'related') continue;
      const from = top ? top[0].length : 0;
      const commentAt = row.indexOf(' #', from);
      scanTokens(row, from, commentAt < 0 ? row.length : commentAt, (id, start, end) => {
        if (key === 'id') {
          if (top) result.push({ id, line, start, end, place: 'id' });
        } else if (isKnown(id)) result.push({ id, line, start, end, place: 'related' });
      });
      if (key === 'id') key = undefined; // `id` is one scalar: its line only.
      continue;
    }
    const open = FENCE.exec(row);
    if (fence !== undefined) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && row.trim() === open[1]) fence = undefined;
      continue;
    }
    if (open) {
      fence = open[1];
      continue;
    }
    scanTokens(row, 0, row.length, (id, start, end) => {
      if (isKnown(id)) result.push({ id, line, start, end, place: 'text' });
    });
  }
  return result;
}

/** The `id` value and known `related` entries of a flow-mapping front matter, from their nodes; undefined when it is not one or does not parse. */
function flowRootOccurrences(text: string, isKnown: (id: string) => boolean): IdOccurrence[] | undefined {
  const lines = new LineIndex(text);
  const fm = readFrontMatter(lines);
  if (!fm?.data || isYamlBroken(fm) || !rootFlowMapping(fm)) return undefined;
  const out: IdOccurrence[] = [];
  const add = (node: unknown, place: IdPlace) => {
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number') || !node.range) return;
    const id = String(node.value);
    if (place === 'related' && !isKnown(id)) return;
    // A quoted value's range holds its quotes: the id is inside them.
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    const at = lines.positionAt(fm.contentOffset + node.range[0] + quoted);
    if (text.slice(fm.contentOffset + node.range[0] + quoted, fm.contentOffset + node.range[0] + quoted + id.length) !== id) return;
    out.push({ id, line: at.line, start: at.character, end: at.character + id.length, place });
  };
  add(nodeAtPath(fm, ['id']).value, 'id');
  const related = nodeAtPath(fm, ['related']).value;
  if (isSeq(related)) for (const item of related.items) add(item, 'related');
  else add(related, 'related');
  return out;
}

/** Calls `found` for each maximal id-character run in `text[from, to)`, trailing `.`/`-`/`_` dropped. */
function scanTokens(text: string, from: number, to: number, found: (id: string, start: number, end: number) => void): void {
  let i = from;
  while (i < to) {
    if (!isIdChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && isIdChar(text.charCodeAt(i))) i++;
    let end = i;
    while (end > start && /[._-]/.test(text[end - 1])) end--;
    let first = start;
    while (first < end && /[._-]/.test(text[first])) first++;
    if (first < end) found(text.slice(first, end), first, end);
  }
}

/** The occurrence under a cursor (its end counts: a cursor right after the id is on it). */
export function idOccurrenceAt(occurrences: readonly IdOccurrence[], line: number, character: number): IdOccurrence | undefined {
  return occurrences.find((o) => o.line === line && o.start <= character && character <= o.end);
}

/** Why `newId` cannot replace `oldId`, or undefined when it can. */
export function renameProblem(oldId: string, newId: string, knownIds: ReadonlySet<string>): string | undefined {
  if (newId === oldId) return undefined;
  if (!ID_PATTERN.test(newId)) return `Expected an id of letters, digits, ".", "-" and "_" (like PM-2026-014), found "${newId}"`;
  if (knownIds.has(newId)) return `Expected a new id; "${newId}" is already the id of a post-mortem`;
  return undefined;
}
