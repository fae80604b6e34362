import type { PostmortemDocument } from '../../document/model';
import { SECTION_ORDER, SECTION_TITLES, type SectionId } from '../../document/sectionNames';
import type { Position, TextEdit } from '../../types';
import { openBlockAt } from '../../document/sections';

/** What each inserted section asks for, as an HTML comment (invisible when rendered). */
export const SECTION_PLACEHOLDERS: Readonly<Record<SectionId, string>> = {
  summary: '<!-- What happened, in two or three sentences. -->',
  impact: '<!-- Who was affected and how much: users, minutes of downtime, revenue. -->',
  timeline: '<!-- One entry per line, times in UTC: - YYYY-MM-DD HH:MMZ [detected] What happened -->',
  'root-cause': '<!-- Why it happened: the conditions in the system, not who acted. A ### Five whys list or a diagram helps. -->',
  response: '<!-- How it was detected, mitigated and resolved; what helped and what slowed the response. -->',
  'action-items': '<!-- - [ ] What to change @owner due:YYYY-MM-DD P2 impact:high effort:low TICKET-1 -->',
  lessons: '<!-- What went well, what went wrong, where we got lucky. -->',
};

const rank = (id: SectionId) => SECTION_ORDER.indexOf(id);

/**
 * Where a missing section goes, in document order: before the first present section that comes
 * after it canonically, right after the last present section before that one that comes before it
 * canonically; with nothing after it, after the canonically latest section before it; else at the
 * end. Returns the line to insert before (`lineCount` = end of the document).
 */
export function insertionLine(doc: PostmortemDocument, id: SectionId): number {
  const line = canonicalLine(doc, id);
  // Never inside a block left open (a stray fence or `<!--` swallows the rest of the file): the
  // skeleton would become code or a comment, and be inserted again on every run. Before it instead.
  const bodyStart = doc.frontMatter ? doc.frontMatter.closeLine + 1 : 0;
  return openBlockAt(doc.lines, bodyStart, line) ?? line;
}

function canonicalLine(doc: PostmortemDocument, id: SectionId): number {
  const known = doc.sections.filter((s): s is typeof s & { id: SectionId } => s.id !== undefined);
  const nextIndex = known.findIndex((s) => rank(s.id) > rank(id));
  if (nextIndex !== -1) {
    const before = known.slice(0, nextIndex).filter((s) => rank(s.id) < rank(id));
    return before.length ? before[before.length - 1].endLine : known[nextIndex].headingLine;
  }
  let latest: (typeof known)[number] | undefined;
  for (const s of known) if (rank(s.id) < rank(id) && (!latest || rank(s.id) >= rank(latest.id))) latest = s;
  return latest ? latest.endLine : doc.lines.lineCount;
}

function block(id: SectionId, eol: string): string {
  return `## ${SECTION_TITLES[id]}${eol}${eol}${SECTION_PLACEHOLDERS[id]}${eol}`;
}

/** One edit inserting the skeletons of `ids` (in canonical order) before `line`, with blank lines around, in the document's EOL. */
export function insertSkeletons(doc: PostmortemDocument, line: number, ids: readonly SectionId[]): TextEdit {
  const { lines, text } = doc;
  const eol = lines.eol;
  const sorted = [...ids].sort((a, b) => rank(a) - rank(b));
  const body = sorted.map((id) => block(id, eol)).join(eol);
  if (line >= lines.lineCount || (line === lines.lineCount - 1 && lines.lineStart(line) === text.length)) {
    // At the end: close the last line, leave one blank line, then the skeleton.
    const at: Position = lines.positionAt(text.length);
    let prefix = '';
    if (text.length > 0) {
      if (!/\r?\n$/.test(text)) prefix = eol + eol;
      else if (!/(?:\r?\n){2}$/.test(text) && text.trim().length > 0) prefix = eol;
    }
    return { range: { start: at, end: at }, newText: prefix + body };
  }
  // After a byte order mark, which must stay the file's first character.
  const at: Position = { line, character: line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0 };
  const previousBlank = line === 0 || lines.lineText(line - 1).trim() === '';
  return { range: { start: at, end: at }, newText: (previousBlank ? '' : eol) + body + eol };
}
