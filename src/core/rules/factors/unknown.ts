import { isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { likelyMeant } from '../../text/editDistance';

/**
 * `factors:` is counted in the library and the metrics: a factor outside the vocabulary
 * (`.postmortemrc.json` `factors`, else the default set) is a group of one that nobody compares.
 * A slip (`capcity`, `Monitoring gap`) gets the vocabulary's id as the fix.
 */
export const factorsUnknown: Rule = {
  code: 'factors/unknown',
  defaultSeverity: 'warning',
  description: 'Every entry of `factors` is a contributing factor of the vocabulary (`.postmortemrc.json` `factors`, else the default set).',
  check({ doc, config, report }) {
    const fm = doc.frontMatter;
    const factors = doc.meta.factors;
    if (!fm || isYamlBroken(fm) || !Array.isArray(factors)) return;
    const ids = config.factors.map((f) => f.id);
    const known = new Set(ids);
    factors.forEach((value, index) => {
      if (typeof value !== 'string' || known.has(value.trim())) return;
      const written = value.trim();
      const normalised = written.toLowerCase().replace(/[\s_]+/g, '-');
      const meant = known.has(normalised) ? normalised : likelyMeant(normalised, ids, normalised.length >= 7 ? 2 : 1);
      const node = nodeAtPath(fm, ['factors', index]).value;
      const range = yamlNodeRange(fm, doc.lines, node);
      if (!range) return;
      const list = ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, …` : ids.join(', ');
      report({
        range,
        message: `Expected a contributing factor of the vocabulary (${list}), found "${written}"${meant ? `; did you mean "${meant}"?` : ''}`,
        ...(meant ? { fixes: [{ title: `Change to \`${meant}\``, edits: [{ range, newText: meant }], isPreferred: true }] } : {}),
      });
    });
  },
};
