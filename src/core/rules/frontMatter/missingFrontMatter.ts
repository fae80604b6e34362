import type { Rule } from '../../lint/rule';

/** A post-mortem (recognised by its path) without front matter, or with one that is not a mapping. */
export const missingFrontMatter: Rule = {
  code: 'front-matter/missing',
  defaultSeverity: 'error',
  description: 'A post-mortem starts with YAML front matter (a mapping between `---` lines).',
  subCodes: ['front-matter/not-mapping'],
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (fm && fm.problems.length > 0 && !fm.data) return; // yaml/syntax explains it
    if (fm && !fm.data) {
      report({ code: 'front-matter/not-mapping', range: fm.range, message: 'Expected the front matter to be a mapping of keys (`title: …`), found another YAML value' });
      return;
    }
    if (fm) return;
    const title = doc.headings.find((h) => h.level === 1)?.title ?? 'Untitled incident';
    const eol = doc.lines.eol;
    const skeleton = ['---', 'type: postmortem', `title: ${JSON.stringify(title)}`, 'status: draft', '---', ''].join(eol);
    // After a byte-order mark, never before it.
    const at = { line: 0, character: doc.text.charCodeAt(0) === 0xfeff ? 1 : 0 };
    report({
      range: doc.lines.lineRange(0),
      message: 'Expected YAML front matter at the top of the file (`---`, `title:`, `status:`, … `---`)',
      fixes: [{ title: 'Add post-mortem front matter', edits: [{ range: { start: at, end: at }, newText: skeleton }] }],
    });
  },
};
