import type { PostmortemDocument } from '../../document/model';
import { SECTION_ORDER, SECTION_TITLES, sectionIdOf, type SectionId } from '../../document/sectionNames';
import { openBlockAt } from '../../document/sections';
import { atxHeading } from '../../text/atxHeading';
import type { Rule } from '../../lint/rule';
import type { Fix, Range } from '../../types';
import { requiredSectionsOf } from './requiredSections';
import { insertionLine, insertSkeletons } from './skeleton';

/** Where "the document lacks X" is shown: the H1 title, else the closing `---` of the front matter, else line 1. */
function documentAnchor(doc: PostmortemDocument): Range {
  const h1 = doc.headings.find((h) => h.level === 1);
  if (h1) return doc.lines.lineRange(h1.line);
  return doc.lines.lineRange(doc.frontMatter ? doc.frontMatter.closeLine : 0);
}

/**
 * The sections a post-mortem needs at its status (see `requiredSectionsOf`: the file's own
 * `required_sections` from its template, else the configured list for its severity, else
 * `requiredSections`; drafts only the draft sections among them). One diagnostic per missing
 * section, each with a fix that inserts its heading and a placeholder in canonical order; a second
 * fix inserts all of them.
 */
export const sectionsMissing: Rule = {
  code: 'sections/missing',
  defaultSeverity: 'warning',
  description: 'The sections required for the status are present (configurable: `requiredSections`, `requiredSectionsDraft`, `requiredSectionsBySeverity`; a template\'s `required_sections` in the file).',
  check(ctx) {
    const { doc } = ctx;
    const { sections: required, source } = requiredSectionsOf(doc.meta, ctx.config, ctx.status);
    const present = new Set(doc.sections.map((s) => s.id));
    const missing = SECTION_ORDER.filter((id) => required.includes(id) && !present.has(id));
    if (missing.length === 0) return;
    const byLine = new Map<number, SectionId[]>();
    for (const id of missing) {
      const line = insertionLine(doc, id);
      byLine.set(line, [...(byLine.get(line) ?? []), id]);
    }
    const all: Fix | undefined = missing.length > 1
      ? { title: `Insert all ${missing.length} missing sections`, edits: [...byLine].map(([line, ids]) => insertSkeletons(doc, line, ids)) }
      : undefined;
    const why = ctx.status === 'draft' ? `even a draft needs it${source ? `; ${source}` : ''}` : `required once status is ${ctx.status}${source ? `, ${source}` : ''}`;
    const range = documentAnchor(doc);
    const hidden = hiddenHeadings(ctx.doc, ctx.config.sectionAliases);
    for (const id of missing) {
      const title = SECTION_TITLES[id];
      const inside = hidden?.headings.get(id);
      if (hidden && inside !== undefined) {
        // The heading is there, swallowed by a block never closed: a skeleton would make a second one (trial C20).
        ctx.report({
          range,
          message: `Expected a "## ${title}" section (${why}): the heading on line ${inside + 1} is inside the ${hidden.kind} opened on line ${hidden.line + 1}, which is never closed, so it is read (and rendered) as part of it, not as a section; close the ${hidden.kind}`,
        });
        continue;
      }
      const inComment = commentHidingHeading(ctx.doc, id);
      if (inComment) {
        // The heading is there, inside a comment that another comment's `-->` ends: a skeleton would make a second one (trial 12 T4).
        ctx.report({
          range,
          message: `Expected a "## ${title}" section (${why}): the heading on line ${inComment.line + 1} is inside the HTML comment opened on line ${inComment.openLine + 1}, which runs to line ${inComment.closeLine + 1}, so it is read (and rendered) as the comment's text, not as a section; end the comment before the heading (document/comment-hides-content)`,
        });
        continue;
      }
      const one: Fix = { title: `Insert a "## ${title}" section`, edits: [insertSkeletons(doc, insertionLine(doc, id), [id])], isPreferred: true };
      ctx.report({
        range,
        message: `Expected a "## ${title}" section (${why})`,
        fixes: all ? [one, all] : [one],
      });
    }
  },
};

/**
 * The sections whose `##` heading sits after a fence or HTML block that is never closed (a deleted
 * `-->` or closing fence): their line by id, with where the block opened. Undefined when none is open.
 */
function hiddenHeadings(doc: PostmortemDocument, aliases: Parameters<typeof sectionIdOf>[1]): { line: number; kind: string; headings: Map<SectionId, number> } | undefined {
  const bodyStart = doc.frontMatter ? doc.frontMatter.closeLine + 1 : 0;
  const line = openBlockAt(doc.lines, bodyStart, doc.lines.lineCount);
  if (line === undefined) return undefined;
  const opener = doc.lines.lineText(line).trimStart();
  const kind = opener.startsWith('```') || opener.startsWith('~~~') ? 'code fence' : opener.startsWith('<!--') ? 'HTML comment' : 'HTML block';
  const headings = new Map<SectionId, number>();
  for (let l = line + 1; l < doc.lines.lineCount; l++) {
    const h = atxHeading(doc.lines.lineText(l));
    if (!h || h.level !== 2) continue;
    const id = sectionIdOf(h.title.trim(), aliases);
    if (id && !headings.has(id)) headings.set(id, l);
  }
  return { line, kind, headings };
}

/** The first heading of section `id` inside a closed HTML comment (document/comment-hides-content), with the comment's lines. */
function commentHidingHeading(doc: PostmortemDocument, id: SectionId): { line: number; openLine: number; closeLine: number } | undefined {
  for (const hiding of doc.hidingComments ?? []) {
    const heading = hiding.headings.find((h) => h.id === id);
    if (heading) return { line: heading.line, openLine: hiding.openLine, closeLine: hiding.closeLine };
  }
  return undefined;
}
