import { normaliseHeading } from '../document/sectionNames';
import { parsePostmortem } from '../document/parse';
import type { TextEdit } from '../types';
import { isImageName, linkDestination } from './paths';
import { markdownText } from '../text/markdownText';
import { fenceInMessage } from '../text/fenceInMessage';
import { OPEN_BLOCK_KINDS, openBlockWords } from '../document/openBlock';
import type { PostmortemDocument } from '../document/model';
import { scanOutsideFences } from '../document/sections';

/** Headings read as the Evidence section (after normalising case and punctuation). */
export const EVIDENCE_TITLES = ['evidence', 'attachments', 'supporting evidence'];

export function isEvidenceTitle(title: string): boolean {
  return EVIDENCE_TITLES.includes(normaliseHeading(title));
}

export interface EvidenceEntry {
  /** Relative to the post-mortem's folder, `/`-separated: `2026-11-20-checkout.assets/grafana.png`. */
  readonly path: string;
  /** What it shows; for an image also its alt text. */
  readonly caption: string;
  /** When it was captured, epoch ms (written in UTC). */
  readonly capturedAt: number;
}

/** `2026-11-20 14:05Z`, the timeline's own way of writing a UTC time. */
export function utcStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`;
}

/**
 * The caption as Markdown text (markdownText): square brackets and line breaks would end it early,
 * and `<during>` is an HTML tag a code host drops (trial13b F9); shown exactly as typed.
 */
function escapeCaption(caption: string): string {
  return markdownText(caption.replace(/\s+/g, ' ').trim());
}

/** One list item: `- ![Caption](path) — captured 2026-11-20 14:05Z` (a link for files that are not images). */
export function evidenceLine(entry: EvidenceEntry): string {
  const caption = escapeCaption(entry.caption) || escapeCaption(entry.path.split('/').pop()!);
  const link = `${isImageName(entry.path) ? '!' : ''}[${caption}](${linkDestination(entry.path)})`;
  return `- ${link} — captured ${utcStamp(entry.capturedAt)}`;
}

/**
 * Edits adding `entries` at the end of the `## Evidence` section (after its last non-blank line),
 * or a new `## Evidence` section at the end of the document when there is none.
 */
export function addEvidenceEdits(text: string, entries: readonly EvidenceEntry[]): TextEdit[] {
  if (entries.length === 0) return [];
  const doc = parsePostmortem(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = entries.map(evidenceLine);
  const last = lastEvidenceLine(doc);
  if (last !== undefined) {
    const section = evidenceSection(doc)!;
    const end = doc.lines.lineRange(last).end;
    // Right after the heading a blank line first, so the list is not read as part of the heading's paragraph.
    const lead = last === section.headingLine ? `${eol}${eol}` : eol;
    return [{ range: { start: end, end }, newText: lead + lines.join(eol) }];
  }
  const end = doc.lines.positionAt(text.length);
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  const blank = text.length === 0 || text.endsWith('\n\n') || text.endsWith('\r\n\r\n') ? '' : eol;
  return [{ range: { start: end, end }, newText: `${needsBreak ? eol : ''}${blank}## Evidence${eol}${eol}${lines.join(eol)}${eol}` }];
}

function evidenceSection(doc: PostmortemDocument) {
  return doc.sections.find((s) => s.headingLine >= 0 && isEvidenceTitle(s.title));
}

/** The `## Evidence` section's last non-blank line (its heading when empty), after which entries go; undefined when there is none. */
function lastEvidenceLine(doc: PostmortemDocument): number | undefined {
  const section = evidenceSection(doc);
  if (!section) return undefined;
  for (let l = section.endLine - 1; l > section.headingLine; l--) if (doc.lines.lineText(l).trim() !== '') return l;
  return section.headingLine;
}

/**
 * Why entries cannot be added (undefined when they can): where they would go — after the Evidence
 * section's last line, or at the end of the file — is inside a code block, HTML comment or HTML block
 * left open at the end, or an unclosed `<details>`, where they would be code, hidden or collapsed
 * and lint would call the copies orphans (trial18a F6). Where that block ends is the writer's call
 * (lint's document/unclosed-* fix is not applied unattended either), so it is said, not guessed.
 */
export function evidenceEntriesBlocker(text: string): string | undefined {
  const doc = parsePostmortem(text);
  const after = lastEvidenceLine(doc) ?? doc.lines.lineCount;
  const open = doc.openAtEnd;
  if (open && open.line <= after) {
    const words = openBlockWords(open, doc.lines.lineText(open.line));
    const kind = OPEN_BLOCK_KINDS[words.kind];
    const name = words.kind === 'HTML block' ? `the ${words.opener} block` : words.kind === 'code block' ? 'the code block' : 'the HTML comment';
    return `${name} opened on line ${open.line + 1} is never closed (no ${words.kind === 'code block' ? fenceInMessage(words.closer) : words.closer} after it), so the Evidence links would be read as ${kind.reads === 'hidden' ? 'part of the comment, hidden' : kind.reads}. Close it where it ends (postmortem lint offers document/${kind.code}'s fix) and attach again`;
  }
  const details = openDetailsLine(doc, after);
  if (details !== undefined) {
    return `the <details> opened on line ${details + 1} is never closed (no </details> after it), so the Evidence links would be folded away inside it. Close it where it ends and attach again`;
  }
  return undefined;
}

const DETAILS_OPEN = /<details(?=[\s>])/gi;
const DETAILS_CLOSE = /<\/details\s*>/gi;
const INLINE_CODE = /`[^`]*`/g;

/** The line without its `<!-- … -->` comments (one still open at the end cuts the rest): indexOf, linear. */
function withoutComments(line: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = line.indexOf('<!--', at);
    if (open < 0) return out + line.slice(at);
    out += line.slice(at, open);
    const close = line.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
}

/**
 * The line of a `<details>` still open at line `upTo` (the outermost one), outside code blocks,
 * inline code and one-line comments; undefined when every one is closed. One pass over the lines.
 */
function openDetailsLine(doc: PostmortemDocument, upTo: number): number | undefined {
  const bodyStart = doc.frontMatter ? doc.frontMatter.closeLine + 1 : 0;
  const open: number[] = [];
  // Fences tracked as everywhere else (sections.ts): a `<details>` in a code block is code.
  scanOutsideFences(doc.lines, bodyStart, Math.min(upTo + 1, doc.lines.lineCount), (l, line) => {
    if (!/<\/?details/i.test(line)) return;
    const plain = withoutComments(line).replace(INLINE_CODE, '');
    // In order along the line: `<details><summary>…</summary>…</details>` opens and closes.
    const tags = [...plain.matchAll(DETAILS_OPEN)].map((m) => ({ at: m.index, opens: true }))
      .concat([...plain.matchAll(DETAILS_CLOSE)].map((m) => ({ at: m.index, opens: false })))
      .sort((a, b) => a.at - b.at);
    for (const t of tags) {
      if (t.opens) open.push(l);
      else open.pop();
    }
  });
  return open[0];
}

/**
 * The edit appending `(evidence: [name](path))` to the timeline entry on `line` (0-based), or
 * undefined when that line is not a timeline entry.
 */
export function linkTimelineEntryEdit(text: string, line: number, path: string): TextEdit | undefined {
  const doc = parsePostmortem(text);
  const entry = doc.timeline.find((e) => e.line === line && e.form === 'list');
  if (!entry) return undefined;
  const end = entry.range.end;
  const name = path.split('/').pop()!;
  return { range: { start: end, end }, newText: ` (evidence: [${escapeCaption(name)}](${linkDestination(path)}))` };
}
