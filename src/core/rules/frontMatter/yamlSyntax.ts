import type { Rule } from '../../lint/rule';

/** YAML that does not parse: each error at its exact position. */
export const yamlSyntax: Rule = {
  code: 'yaml/syntax',
  defaultSeverity: 'error',
  description: 'The front matter must be valid YAML.',
  check({ doc, report }) {
    for (const p of doc.frontMatter?.problems ?? []) report({ range: p.range, message: `Invalid YAML: ${p.message}` });
  },
};
