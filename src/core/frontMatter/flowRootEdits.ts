import { isScalar, type Node as YamlNode } from 'yaml';
import { isYamlBroken, nodeAtPath, type FrontMatter } from '../document/frontMatter';
import type { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../types';
import { editRefusal } from './checkedEdit';
import { appendToFlowEdit, rootFlowMapping } from './flowEdits';

/** An edit of the front matter, or why none is offered (a diagnostic says it instead of a fix). */
export type FrontMatterEdit = { readonly edit: TextEdit; readonly refused?: undefined } | { readonly edit?: undefined; readonly refused: string };

/** What a diagnostic says when the fix is held back: the value it would have written, and why not. */
export function refusalNote(key: string, valueText: string, refused: string): string {
  return `; no fix is offered: the front matter is one flow mapping (\`{…}\`) and ${refused}, so add \`${key}: ${valueText}\` to it by hand`;
}

/**
 * For a front matter written as one flow mapping (`{type: postmortem, id: PM-1}`): the edit that
 * adds `key: valueText` inside it, read back before it is offered. Undefined when the top-level
 * mapping is block style, where callers add a line before the closing `---` as before.
 * `valueText` is one line of YAML valid in flow context (flowEdits.flowScalarText, or `{…}`/`[…]`);
 * `expected` is what it must read back as.
 */
export function flowRootKeyEdit(fm: FrontMatter, lines: LineIndex, key: string, valueText: string, expected: unknown): FrontMatterEdit | undefined {
  if (isYamlBroken(fm)) return undefined;
  const root = rootFlowMapping(fm);
  if (!root) return undefined;
  const edit = appendToFlowEdit(fm, lines, root, `${key}: ${valueText}`);
  if (!edit) return { refused: 'its text could not be located' };
  const refused = editRefusal(fm, lines, edit, [key], expected);
  return refused ? { refused } : { edit };
}

/**
 * For a flow-mapping front matter: the edit that sets the top-level `key` to `valueText`, replacing
 * the value node where the key is written (a line-based edit would take the `}` or the next key on
 * that line with it), or adding the key when it is absent. Undefined for a block-style mapping.
 */
export function flowRootValueEdit(fm: FrontMatter, lines: LineIndex, key: string, valueText: string, expected: unknown): FrontMatterEdit | undefined {
  if (isYamlBroken(fm) || !rootFlowMapping(fm)) return undefined;
  if (!fm.data || !Object.hasOwn(fm.data, key)) return flowRootKeyEdit(fm, lines, key, valueText, expected);
  const { key: keyNode, value } = nodeAtPath(fm, [key]);
  const keyEnd = (keyNode as YamlNode | undefined)?.range?.[1];
  const valueRange = (value as YamlNode | undefined)?.range;
  if (keyEnd === undefined) return { refused: 'its text could not be located' };
  // An empty value (`timezone: ,`) has no text of its own: the new one goes right after the key's colon.
  const empty = !valueRange || (isScalar(value) && value.value === null && valueRange[0] === valueRange[1]);
  const colon = empty ? fm.content.indexOf(':', keyEnd) : -1;
  if (empty && colon === -1) return { refused: 'its text could not be located' };
  const [from, to] = empty ? [colon + 1, colon + 1] : [valueRange[0], valueRange[1]];
  const edit: TextEdit = { range: lines.rangeOf(fm.contentOffset + from, fm.contentOffset + to), newText: empty ? ` ${valueText}` : valueText };
  const refused = editRefusal(fm, lines, edit, [key], expected);
  return refused ? { refused } : { edit };
}
