import { findMermaidBlocks, type MermaidBlock } from '../../core/diagrams/blocks';
import { kindIndexOf } from '../../core/diagrams/diagramTitle';
import { parseFaultTree } from '../../core/diagrams/faultTree/parse';
import { parseFishbone } from '../../core/diagrams/fishbone/parse';
import type { Range } from '../../core/types';
import type { DiagramKind } from '../../shared/protocol/messages';

/**
 * Follows one diagram block of a document across edits and decides whether a write from the panel
 * is safe. No `vscode` here: the extension feeds it the text, version and change ranges of each
 * document change, so the decisions are unit-tested in plain mocha.
 *
 * Identity: a change that ends before the block's opening fence shifts it by the lines it adds or
 * removes; a change inside it edits it in place. When a change touches the opening fence line (or
 * no change list is known), the block is found again by its exact content — at the same index
 * first, else the one block with that content — and failing that by its lines: the one block of
 * its kind that shares most of them, at least half (VS Code reloads a file changed on disk as one
 * change from the first changed line to the last, which may start above the block and end inside
 * it; trial14b F2). Anything ambiguous counts as gone: the panel stops writing rather than write
 * into the wrong place.
 */

/** A change as VS Code reports it: `range` in the coordinates of the text before the change. */
export interface TextChange {
  readonly range: Range;
  readonly text: string;
}

export type TrackedState =
  | { readonly status: 'tracked'; readonly block: MermaidBlock; readonly kind: DiagramKind }
  | { readonly status: 'gone'; readonly reason: string };

export interface TrackUpdate {
  /** The block's content differs from before this update (typed in the text, undone, or written by the panel). */
  readonly contentChanged: boolean;
  /** The change is the panel's own write coming back (the content is exactly the one it was writing). */
  readonly own: boolean;
  /** The block was lost, or found again, by this update. */
  readonly statusChanged: boolean;
}

export type WriteDecision =
  | { readonly ok: true; readonly range: Range; readonly text: string }
  | { readonly ok: false; readonly reason: string };

const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

export class BlockTracker {
  private block: MermaidBlock | undefined;
  private lastContent: string;
  private kind: DiagramKind;
  private goneReason = '';
  private version: number;
  /**
   * Document version at which the block's content last changed other than by the panel's own write:
   * edits made before it are stale. The panel's own writes do not count (T8): its next edit is built
   * on them even when it names the version before them (its answer or echo had not come back yet).
   */
  private contentVersion: number;
  private text: string;
  /** The block's position among the document's blocks of its kind ("Fault tree 1"), as of the last update. */
  private kindPosition: number;

  private constructor(text: string, version: number, block: MermaidBlock, kind: DiagramKind, kindPosition: number) {
    this.text = text;
    this.kindPosition = kindPosition;
    this.version = version;
    this.contentVersion = version;
    this.block = block;
    this.lastContent = block.content;
    this.kind = kind;
  }

  /** Starts tracking block `index` of `text`; undefined when there is no fishbone or fault tree there. */
  static open(text: string, version: number, index: number): BlockTracker | undefined {
    const blocks = findMermaidBlocks(text);
    const block = blocks[index];
    if (!block || block.kind === 'other') return undefined;
    return new BlockTracker(text, version, block, block.kind, kindIndexOf(blocks, block));
  }

  /** 0-based position of the tracked block among the document's blocks of its kind (its last known one when gone). */
  get kindIndex(): number {
    return this.kindPosition;
  }

  get state(): TrackedState {
    return this.block ? { status: 'tracked', block: this.block, kind: this.kind } : { status: 'gone', reason: this.goneReason };
  }

  get documentVersion(): number {
    return this.version;
  }

  /**
   * Follows the block into the document's new text. `changes` as reported by the editor, when known;
   * `writing`: the content the panel is writing now, if any (its echo is not a change by someone else).
   */
  update(text: string, version: number, changes?: readonly TextChange[], writing?: string): TrackUpdate {
    const wasTracked = this.block !== undefined;
    const blocks = findMermaidBlocks(text);
    let found: MermaidBlock | undefined;
    if (this.block && changes) {
      const line = shiftedStartLine(this.block.range.start.line, changes);
      if (line !== undefined) found = blocks.find((b) => b.range.start.line === line);
    }
    found ??= this.findByContent(blocks) ?? (this.block ? this.findByLines(blocks) : undefined);
    this.text = text;
    this.version = version;
    if (!found) {
      if (this.block) {
        const name = this.kind === 'fishbone' ? 'fishbone' : 'fault tree';
        this.goneReason = `The ${name} block was deleted, or changed in the text so much that the panel cannot tell which block it is now: reopen it with “Edit ${name}” above the block.`;
      }
      this.block = undefined;
      return { contentChanged: false, own: false, statusChanged: wasTracked };
    }
    const contentChanged = found.content !== this.lastContent;
    const own = contentChanged && wasTracked && writing !== undefined && found.content === writing.replace(/\r\n/g, '\n');
    if ((contentChanged && !own) || !wasTracked) this.contentVersion = version;
    this.block = found;
    this.lastContent = found.content;
    if (found.kind !== 'other') this.kind = found.kind;
    this.kindPosition = kindIndexOf(blocks, found);
    return { contentChanged, own, statusChanged: !wasTracked };
  }

  /** The block with exactly the last known content: the one at the same index, else the only one. */
  private findByContent(blocks: readonly MermaidBlock[]): MermaidBlock | undefined {
    const same = blocks.filter((b) => b.content === this.lastContent);
    const index = this.block?.index;
    return same.find((b) => b.index === index) ?? (same.length === 1 ? same[0] : undefined);
  }

  /**
   * The block of the same kind that shares the most distinct lines with the last known content, when
   * it keeps at least half of them and no other block keeps as many (a teammate's change inside the
   * block: an event added, a label edited). Two copies of the same template tie: none is taken.
   */
  private findByLines(blocks: readonly MermaidBlock[]): MermaidBlock | undefined {
    const old = lineSet(this.lastContent);
    let best: MermaidBlock | undefined;
    let bestShared = 0;
    let tie = false;
    for (const b of blocks) {
      if (b.kind !== this.kind) continue;
      const lines = lineSet(b.content);
      let shared = 0;
      for (const line of lines) if (old.has(line)) shared++;
      if (shared * 2 < old.size) continue;
      if (shared > bestShared) {
        best = b;
        bestShared = shared;
        tie = false;
      } else if (shared === bestShared) tie = true;
    }
    return tie ? undefined : best;
  }

  /**
   * Decides whether the panel may replace the block's content with `content`, an edit made against
   * document version `baseVersion`. On success returns the range to replace and the text to write
   * (with the document's line breaks).
   */
  checkWrite(baseVersion: number, content: string): WriteDecision {
    const block = this.block;
    if (!block) return { ok: false, reason: this.goneReason || 'The diagram block is gone.' };
    if (baseVersion > this.version) return { ok: false, reason: `The edit claims document version ${baseVersion}, but the document is at ${this.version}.` };
    if (baseVersion < this.contentVersion) return { ok: false, reason: 'The block was changed in the text after this edit was made; the panel shows the text as it is now.' };
    const lines = this.text.split('\n');
    const closing = lines[block.range.end.line]?.replace(/\r$/, '') ?? '';
    if (block.range.end.line === block.range.start.line || !CLOSING_FENCE.test(closing)) {
      return { ok: false, reason: 'The block has no closing fence; close it in the text first.' };
    }
    const current = parseAs(this.kind, block.content);
    if (!current.writable) return { ok: false, reason: 'The block holds text the editor does not understand; fix it in the text first.' };
    const next = parseAs(this.kind, content);
    if (!next.writable) {
      const first = next.problems[0];
      return { ok: false, reason: `The new ${this.kind} text does not parse${first ? ` (line ${first.line + 1}: ${first.message})` : ''}.` };
    }
    const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    const hasBody = block.contentRange.start.line < block.range.end.line;
    const text = content.replace(/\r?\n/g, eol) + (hasBody ? '' : eol);
    // Replay the write on a copy and make sure the same block, with exactly this content, comes back:
    // a label that closes the fence or opens another one would otherwise spill into the document.
    const after = spliceText(this.text, block.contentRange, text);
    const again = findMermaidBlocks(after).find((b) => b.range.start.line === block.range.start.line);
    if (!again || again.content !== content.replace(/\r\n/g, '\n') || again.kind !== this.kind) {
      return { ok: false, reason: 'Writing this text would change the Markdown around the block (a label looks like a code fence).' };
    }
    return { ok: true, range: block.contentRange, text };
  }
}

/** The block's distinct non-blank lines, trimmed (indentation may be reprinted). */
function lineSet(content: string): Set<string> {
  const set = new Set<string>();
  for (const line of content.split('\n')) {
    const t = line.trim();
    if (t !== '') set.add(t);
  }
  return set;
}

function parseAs(kind: DiagramKind, content: string): { writable: boolean; problems: readonly { line: number; message: string }[] } {
  return kind === 'fishbone' ? parseFishbone(content) : parseFaultTree(content);
}

/** The opening fence's line after `changes`, or undefined when a change touched that line. */
export function shiftedStartLine(startLine: number, changes: readonly TextChange[]): number | undefined {
  let delta = 0;
  for (const change of changes) {
    const { start, end } = change.range;
    if (end.line < startLine) {
      delta += countLineBreaks(change.text) - (end.line - start.line);
    } else if (start.line <= startLine) {
      return undefined;
    }
  }
  return startLine + delta;
}

function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Replaces `range` of `text` (zero-based line/UTF-16 character) with `insert`. */
export function spliceText(text: string, range: Range, insert: string): string {
  return text.slice(0, offsetAt(text, range.start)) + insert + text.slice(offsetAt(text, range.end));
}

function offsetAt(text: string, pos: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < pos.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + pos.character);
}
