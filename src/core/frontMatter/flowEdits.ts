import { isCollection, isMap, isPair, type Node as YamlNode } from 'yaml';
import { isSimpleFrontMatter, type FrontMatter } from '../document/frontMatter';
import type { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../types';

/** A flow collection (`{…}` or `[…]`) as the YAML package gives it: its range and items. */
interface FlowCollection {
  readonly range?: readonly number[] | null;
  readonly items: readonly unknown[];
}

/**
 * The front matter's top-level mapping when it is written in flow style (`{type: postmortem, id: …}`
 * between the `---` lines, trial15a F10). Fixes that add a key as a line before the closing `---`
 * would put a block key after a flow mapping there, which is no YAML; they insert into it instead.
 */
export function rootFlowMapping(fm: FrontMatter): FlowCollection | undefined {
  // Simple front matter is `key: value` lines (frontMatter/simpleYaml.ts): never one flow mapping, and
  // asking its YAML document would parse what the simple reader was there to spare.
  if (isSimpleFrontMatter(fm)) return undefined;
  const root = fm.yaml.contents;
  return isMap(root) && root.flow ? root : undefined;
}

/** A value node written in flow style (`impact: {users_affected: 10}`, `reviewers: [kim]`). */
export function isFlowCollection(node: unknown): node is FlowCollection {
  return isCollection(node) && node.flow === true;
}

/**
 * The edit that adds `itemText` (`key: value` for a mapping, a value for a list) as the last item of a
 * flow collection: right after the last item's own text, so a trailing comma or a comment after it
 * stays where it was (`{a: 1, # why` + `}` → `{a: 1, key: v, # why`), or before the closing bracket
 * of an empty one. Undefined when the package gives no ranges to place it by.
 */
export function appendToFlowEdit(fm: FrontMatter, lines: LineIndex, collection: FlowCollection, itemText: string): TextEdit | undefined {
  const range = collection.range;
  if (!range) return undefined;
  const last = collection.items[collection.items.length - 1];
  if (last === undefined) {
    // `{}` / `[ ]`: the closing bracket is the last character of the collection's range.
    const close = range[1] - 1;
    if (close <= range[0]) return undefined;
    const at = lines.positionAt(fm.contentOffset + close);
    return { range: { start: at, end: at }, newText: itemText };
  }
  const end = itemEnd(last);
  if (end === undefined) return undefined;
  const at = lines.positionAt(fm.contentOffset + end);
  // Spread over lines (one item a line, as people lay out a long mapping): the new item gets its
  // own line, indented as the last one, and a comment after the last item stays on the new line's end.
  const opened = lines.positionAt(fm.contentOffset + range[0]).line;
  if (at.line === opened) return { range: { start: at, end: at }, newText: `, ${itemText}` };
  const lineText = lines.lineText(at.line);
  const indent = /^[ \t]*/.exec(lineText)![0];
  // `status: draft, # why`: written with a comma after each item; the new line keeps that style and the comment its item.
  if (/^[ \t]*,[ \t]*(?:#.*)?$/.test(lineText.slice(at.character))) {
    const lineEnd = { line: at.line, character: lineText.length };
    return { range: { start: lineEnd, end: lineEnd }, newText: `${lines.eol}${indent}${itemText},` };
  }
  return { range: { start: at, end: at }, newText: `,${lines.eol}${indent}${itemText}` };
}

/** Where an item's own text ends: a pair's value (`{a: }`: where the empty value is, after the colon), its key when it has no value (`{a}`), or the node. */
function itemEnd(item: unknown): number | undefined {
  if (isPair(item)) return (item.value as YamlNode | null)?.range?.[1] ?? (item.key as YamlNode | null)?.range?.[1];
  return (item as YamlNode | null)?.range?.[1];
}

/**
 * A value written for a flow collection: plain when YAML reads it back as the same string there
 * (no `,`, brackets, `: ` or `#`, no word YAML reads as another type), else double-quoted (JSON is
 * valid YAML). ISO times stay plain (`2026-12-01T14:09:00Z`).
 */
export function flowScalarText(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z0-9_][A-Za-z0-9_ .:/@()+-]*$/.test(value) && !/[ :]$/.test(value) && !/: /.test(value)
    && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.+-]+$/.test(value);
  return plain ? value : JSON.stringify(value);
}
