import { colonSlip, colonSlipHint } from '../../frontMatter/colonSlip';
import type { Rule } from '../../lint/rule';

/** YAML that does not parse: each error at its exact position; the colon slip (`title: A: B`) with a fix that quotes the value. */
export const yamlSyntax: Rule = {
  code: 'yaml/syntax',
  defaultSeverity: 'error',
  description: 'The front matter must be valid YAML. A plain value holding ": " (`title: Outage: DB down`) gets a fix that quotes it.',
  check({ doc, report }) {
    const slipped = new Set<number>();
    for (const p of doc.frontMatter?.problems ?? []) {
      // Valid YAML not read (a `<<` merge key): yaml/merge-key says so.
      if (p.kind) continue;
      const line = p.range.start.line;
      const text = doc.lines.lineText(line);
      const slip = colonSlip(text);
      if (!slip) {
        report({ range: p.range, message: `Invalid YAML: ${p.message}` });
        continue;
      }
      // YAML may report the slip twice (nested mapping, then a missing indicator): one diagnostic per line.
      if (slipped.has(line)) continue;
      slipped.add(line);
      const range = { start: { line, character: slip.start }, end: { line, character: slip.end } };
      report({
        range,
        message: `Invalid YAML${colonSlipHint(text)} (YAML: ${p.message}). Until then no front-matter value of this file is read`,
        fixes: [{ title: `Quote the value of \`${slip.key}\``, edits: [{ range, newText: slip.quoted }], isPreferred: true }],
      });
    }
  },
};
