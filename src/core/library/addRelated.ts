import { nodeAtPath, readFrontMatter } from '../document/frontMatter';
import { editRefusal } from '../frontMatter/checkedEdit';
import { appendToFlowEdit, flowScalarText, isFlowCollection, rootFlowMapping } from '../frontMatter/flowEdits';
import { flowRootValueEdit } from '../frontMatter/flowRootEdits';
import { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../types';

/**
 * The edit that adds `id` to the front matter's `related` list: a new `- id` line after the last
 * entry of a block list, `, id` inside a one-line flow list, or a new `related:` list before the
 * closing `---`. Undefined when the id is already listed or there is no front matter to write to.
 */
export function addRelatedEdit(text: string, id: string): TextEdit | undefined {
  const lines = text.split('\n');
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return undefined;
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i].replace(/\r$/, '').trimEnd();
    if (t === '---' || t === '...') {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  // One flow mapping (`{type: postmortem, …}`, trial15a F10): a `related:` line would be no YAML there.
  // Only such a front matter is parsed here (this runs on the editor's thread).
  if (lines[1]?.trimStart().startsWith('{')) return addToFlowRoot(text, id);
  const eol = lines[0].endsWith('\r') ? '\r\n' : '\n';
  const keyLine = lines.findIndex((l, i) => i > 0 && i < close && /^related[ \t]*:/.test(l));
  if (keyLine < 0) {
    return { range: { start: { line: close, character: 0 }, end: { line: close, character: 0 } }, newText: `related:${eol}  - ${id}${eol}` };
  }
  const row = lines[keyLine].replace(/\r$/, '');
  const flow = /^related[ \t]*:[ \t]*\[([^\]\n]*)\][ \t]*(?:#.*)?$/.exec(row);
  if (flow) {
    const items = flow[1].split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
    if (items.includes(id)) return undefined;
    const at = row.indexOf(']');
    const insert = flow[1].trim() ? `, ${id}` : id;
    return { range: { start: { line: keyLine, character: at }, end: { line: keyLine, character: at } }, newText: insert };
  }
  if (!/^related[ \t]*:[ \t]*(#.*)?$/.test(row)) return undefined; // A scalar or something odd: the schema reports it.
  let last = keyLine;
  let indent = '  ';
  for (let i = keyLine + 1; i < close; i++) {
    const l = lines[i].replace(/\r$/, '');
    const item = listItem(l);
    if (item) {
      if (item.value === id) return undefined;
      indent = item.indent;
      last = i;
      continue;
    }
    if (!l.trim() || /^[ \t]/.test(l)) continue;
    break;
  }
  const end = lines[last].replace(/\r$/, '').length;
  return { range: { start: { line: last, character: end }, end: { line: last, character: end } }, newText: `${eol}${indent}- ${id}` };
}

/** A `  - value # comment` line: its indent and value without quotes (a plain scan, no backtracking). */
function listItem(line: string): { indent: string; value: string } | undefined {
  const body = line.trimStart();
  if (!/^-[ \t]/.test(body)) return undefined;
  const comment = body.indexOf(' #');
  const value = (comment < 0 ? body.slice(2) : body.slice(2, comment)).trim().replace(/^["']|["']$/g, '');
  return { indent: line.slice(0, line.length - body.length), value };
}

/** `related` inside a flow-mapping front matter: added as `related: [id]`, or appended to its flow list; read back first. */
function addToFlowRoot(text: string, id: string): TextEdit | undefined {
  const lines = new LineIndex(text);
  const fm = readFrontMatter(lines);
  if (!fm?.data || !rootFlowMapping(fm)) return undefined;
  const written = fm.data.related;
  if (written === undefined || written === null) return flowRootValueEdit(fm, lines, 'related', `[${flowScalarText(id)}]`, [id])?.edit;
  const { value } = nodeAtPath(fm, ['related']);
  if (!Array.isArray(written) || written.map(String).includes(id) || !isFlowCollection(value)) return undefined;
  const edit = appendToFlowEdit(fm, lines, value, flowScalarText(id));
  return edit && !editRefusal(fm, lines, edit, ['related'], [...written, id]) ? edit : undefined;
}
