import { frontMatterFenceSlip } from '../../frontMatter/fenceSlip';
import type { Rule } from '../../lint/rule';

/** A post-mortem (recognised by its path) without front matter, or with one that is not a mapping. */
export const missingFrontMatter: Rule = {
  code: 'front-matter/missing',
  defaultSeverity: 'error',
  description: 'A post-mortem starts with YAML front matter (a mapping between `---` lines).',
  subCodes: ['front-matter/not-mapping', 'front-matter/not-closed'],
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (fm && fm.problems.length > 0 && !fm.data) return; // yaml/syntax explains it
    if (fm && !fm.data) {
      report({ code: 'front-matter/not-mapping', range: fm.range, message: 'Expected the front matter to be a mapping of keys (`title: …`), found another YAML value' });
      return;
    }
    if (fm) return;
    // Meant but not read: say what is wrong, not "missing" (trial13a F3).
    const slip = frontMatterFenceSlip(doc.lines);
    if (slip?.kind === 'unclosed') {
      const mistyped = slip.mistypedLine;
      report({
        code: 'front-matter/not-closed',
        range: doc.lines.lineRange(mistyped ?? 0),
        message: mistyped === undefined
          ? 'Expected a `---` line closing the front matter opened on line 1, found none: none of its values are read'
          : `Expected a \`---\` line closing the front matter opened on line 1, found ${JSON.stringify(doc.lines.lineText(mistyped).trim())} on line ${mistyped + 1}: none of its values are read`,
        fixes: mistyped === undefined ? [] : [{ title: `Change line ${mistyped + 1} to \`---\``, edits: [{ range: doc.lines.lineRange(mistyped), newText: '---' }], isPreferred: true }],
      });
      return;
    }
    if (slip) {
      const late = slip.kind === 'late' ? slip : undefined;
      // Blank lines alone before it: removing them is the whole fix. A comment may matter to someone: they move it.
      const fixes = late?.onlyBlankBefore
        ? [{ title: 'Remove the blank lines before the front matter', edits: [{ range: { start: { line: 0, character: doc.text.charCodeAt(0) === 0xfeff ? 1 : 0 }, end: { line: late.openLine, character: 0 } }, newText: '' }], isPreferred: true }]
        : [];
      const message = slip.kind === 'toml'
        ? `Expected YAML front matter between \`---\` lines, found TOML between \`+++\` lines (1 and ${slip.closeLine + 1}): none of its values are read`
        : `Expected the front matter to start on line 1, found its \`---\` on line ${slip.openLine + 1} after ${slip.before}: none of its values are read`;
      report({ range: doc.lines.lineRange(late ? late.openLine : 0), message, fixes });
      return;
    }
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
