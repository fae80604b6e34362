import { isYamlBroken, nodeAtPath, readFrontMatter, yamlNodeRange, type FrontMatter } from '../document/frontMatter';
import { editRefusal } from '../frontMatter/checkedEdit';
import { appendToFlowEdit, flowScalarText, isFlowCollection, rootFlowMapping } from '../frontMatter/flowEdits';
import { flowRootValueEdit } from '../frontMatter/flowRootEdits';
import { applyEdits } from '../fix/applyEdits';
import { LineIndex } from '../text/lineIndex';
import type { TextEdit } from '../types';
import { readReviewState, type Verdict } from './approvals';
import { isJsSpace } from '../text/trimChars';

export type RecordResult = { readonly kind: 'edits'; readonly edits: TextEdit[] } | { readonly kind: 'refused'; readonly message: string };

/** One verdict as *Approve* / *Request Changes* writes it. `at` is a UTC instant (`…Z`). */
export interface VerdictRecord {
  readonly by: string;
  readonly at: string;
  readonly verdict: Verdict;
  readonly note?: string;
}

/** A YAML scalar that reads back as the same string: plain when safe, else double-quoted (JSON is valid YAML). */
function yamlScalar(text: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_ .,/@()+-]*$/.test(text) && !/[ ]$/.test(text) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(text) && !/^[\d.+-]+$/.test(text)
    ? text
    : JSON.stringify(text);
}

interface Block {
  /** Line of `key:`, or -1 when the key is absent. */
  readonly keyLine: number;
  /** Last line of the key's block sequence (the key line itself when empty). */
  readonly lastLine: number;
  /** Indentation of its `- ` items ("  " by default). */
  readonly indent: string;
  /** What follows `key:` on its line (a flow list, `[]`, or nothing). */
  readonly inline: string;
}

function findBlock(lines: LineIndex, closeLine: number, key: string): Block {
  for (let line = 1; line < closeLine; line++) {
    const text = lines.lineText(line);
    if (!text.startsWith(`${key}:`)) continue;
    const inline = withoutTrailingComment(text.slice(key.length + 1)).trim();
    let lastLine = line;
    let indent: string | undefined;
    for (let next = line + 1; next < closeLine; next++) {
      const t = lines.lineText(next);
      if (t.trim() === '') continue;
      // The block goes on while lines are indented or are `- ` items at column 0 (both are valid YAML).
      if (!/^[ \t]/.test(t) && !t.startsWith('-')) break;
      if (indent === undefined) indent = /^([ \t]*)-/.exec(t)?.[1];
      lastLine = next;
    }
    return { keyLine: line, lastLine, indent: indent ?? '  ', inline };
  }
  return { keyLine: -1, lastLine: closeLine - 1, indent: '  ', inline: '' };
}

/**
 * Adds one item to a top-level list of the front matter with the smallest edit: after the list's
 * last item (keeping its indentation), or as a new key before the closing `---`. A flow list
 * (`[a, b]`) of plain names is extended in place; a flow list of mappings is refused (rewriting
 * the user's style is not this command's business).
 */
function appendItem(text: string, key: string, item: readonly string[], flowItem: FlowItem, scalarItem?: string): RecordResult {
  const lines = new LineIndex(text);
  const fm = readFrontMatter(lines);
  if (!fm) return { kind: 'refused', message: 'This file has no front matter (a block between --- lines at the top) to record the review in.' };
  if (isYamlBroken(fm)) return { kind: 'refused', message: 'The front matter has YAML errors; fix them first, then record the review.' };
  if (rootFlowMapping(fm)) return appendInFlowRoot(fm, lines, key, flowItem);
  const eol = lines.eol;
  const block = findBlock(lines, fm.closeLine, key);
  const itemText = (indent: string) => item.map((l, i) => `${indent}${i === 0 ? '- ' : '  '}${l}`).join(eol);
  if (block.keyLine === -1) {
    const at = lines.lineStart(fm.closeLine);
    const position = lines.positionAt(at);
    return { kind: 'edits', edits: [{ range: { start: position, end: position }, newText: `${key}:${eol}${itemText('  ')}${eol}` }] };
  }
  if (block.inline === '') {
    const end = lines.lineRange(block.lastLine).end;
    return { kind: 'edits', edits: [{ range: { start: end, end }, newText: `${eol}${itemText(block.indent)}` }] };
  }
  const keyRange = lines.lineRange(block.keyLine);
  if (block.inline === '[]') {
    return { kind: 'edits', edits: [{ range: keyRange, newText: `${key}:${eol}${itemText('  ')}` }] };
  }
  const values = fm.data?.[key];
  if (scalarItem !== undefined && block.inline.startsWith('[') && Array.isArray(values) && values.every((v) => typeof v === 'string')) {
    return { kind: 'edits', edits: [{ range: keyRange, newText: `${key}: [${[...values, scalarItem].map(yamlScalar).join(', ')}]` }] };
  }
  return { kind: 'refused', message: `\`${key}:\` is written in a form this command does not edit (${block.inline.slice(0, 40)}); add the entry by hand.` };
}

/** The item as one line of flow YAML, and what it reads back as. */
interface FlowItem {
  readonly text: string;
  readonly value: unknown;
}

/**
 * The front matter is one flow mapping (`{type: postmortem, …}`, trial15a F10): the item goes into
 * its list (`approvals: [{…}]`, added when absent), read back before it is offered. Lines found by
 * `key:` at a line start would be parts of that mapping, and a block list after it no YAML.
 */
function appendInFlowRoot(fm: FrontMatter, lines: LineIndex, key: string, item: FlowItem): RecordResult {
  const written = fm.data?.[key];
  const { value } = nodeAtPath(fm, [key]);
  const byHand = (why: string): RecordResult => ({ kind: 'refused', message: `The front matter is written as one flow mapping ({…}) and ${why}; add ${item.text} to \`${key}\` by hand.` });
  if (written === undefined || written === null) {
    const added = flowRootValueEdit(fm, lines, key, `[${item.text}]`, [item.value]);
    return added?.edit ? { kind: 'edits', edits: [added.edit] } : byHand(added?.refused ?? 'it could not be edited');
  }
  if (!Array.isArray(written) || !isFlowCollection(value)) return byHand(`\`${key}\` is not a list written [like, this]`);
  const edit = appendToFlowEdit(fm, lines, value, item.text);
  const refused = edit ? editRefusal(fm, lines, edit, [key], [...written, item.value]) : 'its text could not be located';
  return edit && !refused ? { kind: 'edits', edits: [edit] } : byHand(refused ?? 'it could not be edited');
}

/** The edit that records a verdict under `approvals:`. */
export function recordVerdict(text: string, record: VerdictRecord): RecordResult {
  const by = record.by.trim().replace(/^@/, '');
  if (!by) return { kind: 'refused', message: 'Who reviews? Set "postmortem.userName" to your handle.' };
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?Z$/.test(record.at)) return { kind: 'refused', message: `Expected the verdict's time in UTC (YYYY-MM-DDTHH:MM:SSZ), found "${record.at}"` };
  const note = record.note?.replace(/[\r\n]+/g, ' ').trim();
  const entry = { by, at: record.at, verdict: record.verdict, ...(note ? { note } : {}) };
  const flow = { text: `{${Object.entries(entry).map(([k, v]) => `${k}: ${flowScalarText(v)}`).join(', ')}}`, value: entry };
  return appendItem(text, 'approvals', [`by: ${yamlScalar(by)}`, `at: ${record.at}`, `verdict: ${record.verdict}`, ...(note ? [`note: ${yamlScalar(note)}`] : [])], flow);
}

/** The edits that add reviewers to `reviewers:` (those already listed are skipped; none left: `refused` says so). */
export function addReviewers(text: string, names: readonly string[]): RecordResult {
  const lines = new LineIndex(text);
  const fm = readFrontMatter(lines);
  const existing = new Set(readReviewState(fm?.data ?? {}).reviewers.map((r) => r.toLowerCase()));
  const wanted = [...new Set(names.map((n) => n.trim().replace(/^@/, '')).filter(Boolean))].filter((n) => !existing.has(n.toLowerCase()));
  if (wanted.length === 0) return { kind: 'refused', message: names.length ? 'Everyone named is already a reviewer.' : 'No reviewer named.' };
  let current = text;
  // One name at a time on the updated text, so each insertion sees the last one's place; the
  // result is folded back into a single edit of the front matter for one undo step.
  for (const name of wanted) {
    const step = appendItem(current, 'reviewers', [yamlScalar(name)], { text: flowScalarText(name), value: name }, name);
    if (step.kind === 'refused') return step;
    current = applyEdits(current, step.edits).text;
  }
  const fmEnd = lines.lineRange((fm?.closeLine ?? 0)).end;
  const newLines = new LineIndex(current);
  const newFm = readFrontMatter(newLines)!;
  return { kind: 'edits', edits: [{ range: { start: { line: 0, character: 0 }, end: fmEnd }, newText: current.slice(0, newLines.offsetAt(newLines.lineRange(newFm.closeLine).end)) }] };
}

/** `value  # comment` → `value`, by hand: `/\s+#.*$/` restarts at every space of a long run (quadratic). */
function withoutTrailingComment(value: string): string {
  for (let i = 1; i < value.length; i++) if (value.charCodeAt(i) === 35 /* # */ && isJsSpace(value[i - 1])) return value.slice(0, i);
  return value;
}

/** What *Request Review* writes: the reviewers added and, for a draft, `status: in-review`, as one edit of the front matter. */
export type ReviewRequestResult =
  | { readonly kind: 'refused'; readonly message: string }
  | {
    readonly kind: 'edits';
    readonly edits: TextEdit[];
    /** Handles added to `reviewers:`, as written. */
    readonly added: readonly string[];
    /** Handles named that were reviewers already. */
    readonly already: readonly string[];
    /** The status the edit moved from (`draft`), when it set `status: in-review`. */
    readonly movedFrom?: string;
    /** Why the status was left as it is, when it is not `in-review` after the edit. */
    readonly statusNote?: string;
  };

/**
 * *Request Review* (trial18b F3): adds the reviewers not listed yet and moves a `draft` to
 * `in-review` (the checks that start at in-review then run, and Approve checks the criteria), in
 * one edit so that one Undo reverts both. Any other status is left as it is, and `statusNote` says
 * why; a status that cannot be edited safely is said, not guessed.
 */
export function requestReviewEdits(text: string, names: readonly string[]): ReviewRequestResult {
  const lines = new LineIndex(text);
  const fm = readFrontMatter(lines);
  if (!fm) return { kind: 'refused', message: 'This file has no front matter (a block between --- lines at the top) to record the review in.' };
  if (isYamlBroken(fm)) return { kind: 'refused', message: 'The front matter has YAML errors; fix them first, then record the review.' };
  const existing = new Set(readReviewState(fm.data ?? {}).reviewers.map((r) => r.toLowerCase()));
  const named = [...new Set(names.map((n) => n.trim().replace(/^@/, '')).filter(Boolean))];
  if (!named.length) return { kind: 'refused', message: 'No reviewer named.' };
  const added = named.filter((n) => !existing.has(n.toLowerCase()));
  const already = named.filter((n) => existing.has(n.toLowerCase()));
  let current = text;
  if (added.length) {
    const step = addReviewers(text, added);
    if (step.kind === 'refused') return step;
    current = applyEdits(text, step.edits).text;
  }
  const status = fm.data?.status;
  let movedFrom: string | undefined;
  let statusNote: string | undefined;
  if (status === 'draft') {
    const step = statusEdit(current, 'in-review');
    if (typeof step === 'string') statusNote = `status stays draft: ${step}; set \`status: in-review\` by hand`;
    else {
      current = applyEdits(current, [step]).text;
      movedFrom = 'draft';
    }
  } else if (status === undefined || status === null) statusNote = 'the front matter has no `status:`; add `status: in-review` to start the review checks';
  else if (status === 'published') statusNote = 'status stays published';
  else if (status !== 'in-review') statusNote = `status stays ${JSON.stringify(status)} (not a status this command moves; expected draft)`;
  if (current === text) {
    return { kind: 'refused', message: `Everyone named is already a reviewer (${already.map((n) => `@${n}`).join(', ')})${statusNote ? `; ${statusNote}` : status === 'in-review' ? ', and the status is in-review already' : ''}.` };
  }
  const newLines = new LineIndex(current);
  const newFm = readFrontMatter(newLines)!;
  const edit: TextEdit = { range: { start: { line: 0, character: 0 }, end: lines.lineRange(fm.closeLine).end }, newText: current.slice(0, newLines.offsetAt(newLines.lineRange(newFm.closeLine).end)) };
  return { kind: 'edits', edits: [edit], added, already, ...(movedFrom ? { movedFrom } : {}), ...(statusNote ? { statusNote } : {}) };
}

/** The edit that sets `status:` to `to`, read back before it is offered; a string says why not. */
function statusEdit(text: string, to: string): TextEdit | string {
  const lines = new LineIndex(text);
  const fm = readFrontMatter(lines);
  if (!fm || isYamlBroken(fm)) return 'the front matter could not be read after adding the reviewers';
  const range = yamlNodeRange(fm, lines, nodeAtPath(fm, ['status']).value);
  if (!range) return 'its `status:` value could not be located';
  const edit: TextEdit = { range, newText: to };
  return editRefusal(fm, lines, edit, ['status'], to) ?? edit;
}
