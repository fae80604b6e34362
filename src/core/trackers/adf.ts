/**
 * Markdown to Atlassian Document Format (ADF) and back to text, for Jira Cloud's REST API v3, whose
 * `description` is an ADF document (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/).
 * A ticket body is Markdown (draft.ts); Jira showed it as written, `**bold**`, backticks, `> ` and
 * `- ` included (trial18d F10). It is read with the document reader's own Markdown parser
 * (remark, hardened: document/markdown.ts) and each node becomes its ADF node: paragraphs, the
 * quote, lists, code blocks, and on text the marks strong, em, strike, code and link. What ADF does
 * not allow where it stands (a quote in a list, a heading in a quote) keeps its text as paragraphs.
 * The marker comment becomes a paragraph of its text (ADF has no comments).
 *
 * Both directions walk with a stack, never recursion: the nesting is the text's.
 */
import type { Nodes, Parents } from 'mdast';
import { parseSectionMarkdown } from '../document/markdown';

export type AdfMark =
  | { readonly type: 'strong' | 'em' | 'strike' | 'code' }
  | { readonly type: 'link'; readonly attrs: { readonly href: string } };

/** An ADF node as this file writes or reads it (the schema's nodes, loosely typed). */
export interface AdfNode {
  type: string;
  text?: string;
  marks?: AdfMark[];
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

const MARKER_LINE = /^<!-- (postmortem-item: \S+) -->$/;
/** How long the `> ` and list prefixes of a line read back by adfText may grow. */
const MAX_PREFIX = 64;

/** Where a Markdown node lands: which ADF nodes its parent may hold. */
type Place = 'doc' | 'quote' | 'item' | 'list' | 'inline';

interface Frame {
  readonly node: Nodes;
  /** The ADF content array the node's output goes into. */
  readonly into: AdfNode[];
  readonly place: Place;
  /** Marks of the enclosing emphasis, strong, strike and link (inline only). */
  readonly marks: readonly AdfMark[];
}

/** The Markdown body as an ADF document (version 1), valid by the published ADF JSON schema. */
export function toAdf(markdown: string): AdfDoc {
  const content: AdfNode[] = [];
  const root = parseSectionMarkdown(markdown);
  const stack: Frame[] = [];
  const pushChildren = (parent: Parents, into: AdfNode[], place: Place, marks: readonly AdfMark[]) => {
    for (let i = parent.children.length - 1; i >= 0; i--) stack.push({ node: parent.children[i]!, into, place, marks });
  };
  pushChildren(root, content, 'doc', []);
  while (stack.length) {
    const { node, into, place, marks } = stack.pop()!;
    if (place === 'inline') {
      inline(node, into, marks, pushChildren);
      continue;
    }
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const p: AdfNode = { type: 'paragraph', content: [] };
        into.push(p);
        pushChildren(node, p.content!, 'inline', []);
        break;
      }
      case 'blockquote': {
        // ADF allows a quote at the top only; inside one or in a list item its blocks stand in its place.
        if (place !== 'doc') {
          pushChildren(node, into, place, []);
          break;
        }
        const q: AdfNode = { type: 'blockquote', content: [] };
        into.push(q);
        pushChildren(node, q.content!, 'quote', []);
        break;
      }
      case 'list': {
        const l: AdfNode = { type: node.ordered ? 'orderedList' : 'bulletList', content: [] };
        if (node.ordered && typeof node.start === 'number' && node.start !== 1 && node.start >= 0) l.attrs = { order: node.start };
        into.push(l);
        pushChildren(node, l.content!, 'list', []);
        break;
      }
      case 'listItem': {
        const li: AdfNode = { type: 'listItem', content: [] };
        into.push(li);
        pushChildren(node, li.content!, 'item', []);
        break;
      }
      case 'code': {
        const block: AdfNode = { type: 'codeBlock' };
        if (node.lang) block.attrs = { language: node.lang };
        if (node.value) block.content = [{ type: 'text', text: node.value }];
        into.push(block);
        break;
      }
      case 'thematicBreak':
        if (place === 'doc') into.push({ type: 'rule' });
        break;
      case 'html': {
        // The marker comments, one a line: their text, a line each. Other HTML is shown as written.
        const p: AdfNode = { type: 'paragraph', content: [] };
        for (const line of node.value.split('\n')) {
          const marker = MARKER_LINE.exec(line.trim());
          addText(p.content!, marker ? marker[1]! : line, []);
        }
        into.push(p);
        break;
      }
      case 'table': {
        // A row a paragraph, its cells parted by " | ".
        for (let r = node.children.length - 1; r >= 0; r--) {
          const row = node.children[r]!;
          const cells: Nodes[] = [];
          row.children.forEach((cell, c) => {
            if (c) cells.push({ type: 'text', value: ' | ' });
            for (const child of cell.children) cells.push(child);
          });
          stack.push({ node: { type: 'paragraph', children: cells as never }, into, place, marks: [] });
        }
        break;
      }
      case 'definition':
        break;
      default:
        if ('children' in node) pushChildren(node, into, place, []);
        else if ('value' in node && typeof node.value === 'string' && node.value) into.push({ type: 'paragraph', content: [{ type: 'text', text: node.value }] });
    }
  }
  return { type: 'doc', version: 1, content: tidy(content) };
}

function inline(node: Nodes, into: AdfNode[], marks: readonly AdfMark[], pushChildren: (parent: Parents, into: AdfNode[], place: Place, marks: readonly AdfMark[]) => void): void {
  switch (node.type) {
    case 'text':
      addText(into, node.value, marks);
      return;
    case 'strong':
      pushChildren(node, into, 'inline', withMark(marks, { type: 'strong' }));
      return;
    case 'emphasis':
      pushChildren(node, into, 'inline', withMark(marks, { type: 'em' }));
      return;
    case 'delete':
      pushChildren(node, into, 'inline', withMark(marks, { type: 'strike' }));
      return;
    case 'inlineCode':
      // ADF's code mark goes with a link only, never with strong, em or strike.
      addText(into, node.value, [{ type: 'code' }, ...marks.filter((m) => m.type === 'link')]);
      return;
    case 'link':
      pushChildren(node, into, 'inline', linkable(node.url) ? withMark(marks.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href: node.url } }) : marks);
      return;
    case 'image':
      addText(into, node.alt || node.url, linkable(node.url) ? withMark(marks.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href: node.url } }) : marks);
      return;
    case 'break':
      into.push({ type: 'hardBreak' });
      return;
    case 'html':
      addText(into, node.value, marks);
      return;
    case 'footnoteReference':
      addText(into, `[^${node.label ?? node.identifier}]`, marks);
      return;
    case 'imageReference':
      addText(into, node.alt ?? '', marks);
      return;
    default:
      if ('children' in node) pushChildren(node, into, 'inline', marks);
      else if ('value' in node && typeof node.value === 'string') addText(into, node.value, marks);
  }
}

/** Text nodes for `text`, a line break as a hardBreak (as the tracker's Markdown shows it); empty text is no node (ADF forbids it). */
function addText(into: AdfNode[], text: string, marks: readonly AdfMark[]): void {
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i) into.push({ type: 'hardBreak' });
    if (!line) return;
    // Next to text of the same marks (`**a <b> c**` is three Markdown nodes): one node.
    const last = into[into.length - 1];
    if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)) last.text += line;
    else into.push(marks.length ? { type: 'text', text: line, marks: [...marks] } : { type: 'text', text: line });
  });
}

function withMark(marks: readonly AdfMark[], mark: AdfMark): readonly AdfMark[] {
  return marks.some((m) => m.type === mark.type) ? marks : [...marks, mark];
}

/** A link target Jira can open: an absolute address (`https:`, `mailto:`), not a path relative to the post-mortem. */
function linkable(url: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(url);
}

/**
 * What ADF requires of containers: a quote and a list hold at least one node, a list item too (an
 * empty one gets an empty paragraph); a paragraph's leading and trailing line breaks go.
 */
function tidy(content: AdfNode[]): AdfNode[] {
  // Post-order over the containers, with a stack: children are tidied before their parent looks at them.
  const order: AdfNode[] = [];
  const stack: AdfNode[] = [...content];
  while (stack.length) {
    const n = stack.pop()!;
    if (!n.content) continue;
    order.push(n);
    for (const c of n.content) if (c.content) stack.push(c);
  }
  const empty = (n: AdfNode) => (n.type === 'blockquote' || n.type === 'bulletList' || n.type === 'orderedList') && !n.content?.length;
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    if (n.type === 'paragraph') {
      const c = n.content!;
      let start = 0;
      let end = c.length;
      while (start < end && c[start]!.type === 'hardBreak') start++;
      while (end > start && c[end - 1]!.type === 'hardBreak') end--;
      if (start || end < c.length) n.content = c.slice(start, end);
    }
    n.content = n.content!.filter((c) => !empty(c));
    if (n.type === 'listItem' && !n.content.length) n.content.push({ type: 'paragraph', content: [] });
  }
  return content.filter((c) => !empty(c) && !(c.type === 'paragraph' && !c.content?.length));
}

/**
 * The text of an ADF document, as the Markdown it was made from reads: a line per paragraph or line
 * break, `> ` before a quote's lines, `- ` (`1. `) before a list item's, and the marks written as
 * Markdown (`**strong**`, `` `code` ``, `[text](href)`), so a body written by toAdf reads back as the
 * lines of its Markdown (createTickets reads the first line's path and the Owner and Due lines).
 * A body written as text nodes only (earlier versions) reads as its text.
 */
export function adfText(doc: unknown): string {
  const lines: string[] = [];
  let line: string | undefined;
  /** The prefix of the next line of the block being read (after a hard break). */
  let cont = '';
  type Item = { readonly node: unknown; readonly first: string; readonly rest: string } | { readonly end: true };
  const stack: Item[] = [{ node: doc, first: '', rest: '' }];
  const flush = () => {
    if (line !== undefined) lines.push(line);
    line = undefined;
  };
  while (stack.length) {
    const item = stack.pop()!;
    if ('end' in item) {
      flush();
      continue;
    }
    const node = item.node as { type?: unknown; text?: unknown; content?: unknown; marks?: unknown; attrs?: unknown } | null | undefined;
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'text' && typeof node.text === 'string') {
      line = (line ?? item.first) + marked(node.text, node.marks);
      continue;
    }
    if (node.type === 'hardBreak') {
      const prefix = line === undefined ? item.first : cont;
      flush();
      line = prefix;
      continue;
    }
    if (node.type === 'mention' || node.type === 'emoji' || node.type === 'inlineCard' || node.type === 'date' || node.type === 'status') {
      const attrs = (node.attrs ?? {}) as { text?: unknown; url?: unknown; shortName?: unknown };
      const said = [attrs.text, attrs.url, attrs.shortName].find((v) => typeof v === 'string');
      if (typeof said === 'string') line = (line ?? item.first) + said;
      continue;
    }
    if (!Array.isArray(node.content)) continue;
    const children = node.content as unknown[];
    const leaf = node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock';
    if (leaf) {
      flush();
      line = item.first;
      cont = item.rest;
      stack.push({ end: true });
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], first: item.first, rest: item.rest });
      continue;
    }
    let first = item.first;
    let rest = item.rest;
    // Prefixes stop growing past a depth no body of this tool has: a hostile nesting stays linear.
    if (rest.length >= MAX_PREFIX) {
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], first, rest });
      continue;
    }
    if (node.type === 'blockquote') {
      first += '> ';
      rest += '> ';
    }
    const listItem = node.type === 'bulletList' ? '- ' : node.type === 'orderedList' ? '1. ' : undefined;
    for (let i = children.length - 1; i >= 0; i--) {
      if (listItem) {
        stack.push({ node: children[i], first: first + listItem, rest: rest + ' '.repeat(listItem.length) });
      } else if (node.type === 'listItem') {
        // The item's first block takes the bullet; the others line up under its text.
        stack.push({ node: children[i], first: i === 0 ? first : rest, rest });
      } else {
        stack.push({ node: children[i], first, rest });
      }
    }
  }
  flush();
  return lines.join('\n');
}

/** A text node's text with its marks as Markdown writes them. */
function marked(text: string, marks: unknown): string {
  if (!Array.isArray(marks)) return text;
  let out = text;
  const types = new Set(marks.map((m) => (m as { type?: unknown })?.type));
  if (types.has('code')) out = `\`${out}\``;
  if (types.has('em')) out = `*${out}*`;
  if (types.has('strong')) out = `**${out}**`;
  if (types.has('strike')) out = `~~${out}~~`;
  const link = marks.find((m) => (m as { type?: unknown })?.type === 'link') as { attrs?: { href?: unknown } } | undefined;
  if (typeof link?.attrs?.href === 'string') out = `[${out}](${link.attrs.href})`;
  return out;
}
