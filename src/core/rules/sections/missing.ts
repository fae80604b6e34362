import type { PostmortemDocument } from '../../document/model';
import { SECTION_ORDER, SECTION_TITLES, type SectionId } from '../../document/sectionNames';
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
    for (const id of missing) {
      const title = SECTION_TITLES[id];
      const one: Fix = { title: `Insert a "## ${title}" section`, edits: [insertSkeletons(doc, insertionLine(doc, id), [id])], isPreferred: true };
      ctx.report({
        range,
        message: `Expected a "## ${title}" section (${why})`,
        fixes: all ? [one, all] : [one],
      });
    }
  },
};
