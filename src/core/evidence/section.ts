import { normaliseHeading } from '../document/sectionNames';
import { parsePostmortem } from '../document/parse';
import type { TextEdit } from '../types';
import { isImageName, linkDestination } from './paths';
import { markdownText } from '../text/markdownText';

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
  const section = doc.sections.find((s) => s.headingLine >= 0 && isEvidenceTitle(s.title));
  if (section) {
    let last = section.headingLine;
    for (let l = section.endLine - 1; l > section.headingLine; l--) {
      if (doc.lines.lineText(l).trim() !== '') {
        last = l;
        break;
      }
    }
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
