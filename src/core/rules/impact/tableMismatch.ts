import { isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import type { Fix } from '../../types';
import { frontMatterImpact, impactLabel, readImpactTable } from './impactTable';

/**
 * The Impact table and the front matter's `impact` give different numbers for the same measure:
 * the metrics read one, readers the other. Which one is right only the team knows, so both fixes
 * are offered and neither is preferred.
 */
export const impactTableMismatch: Rule = {
  code: 'impact/table-mismatch',
  defaultSeverity: 'warning',
  description: 'The Impact table (`| Measure | Value |`) and the front matter `impact` agree where both give a number; the metrics read the front matter.',
  check(ctx) {
    const { doc } = ctx;
    const fm = doc.frontMatter;
    if (!fm || isYamlBroken(fm)) return;
    const front = new Map(frontMatterImpact(doc).map((v) => [v.key, v.value]));
    if (front.size === 0) return;
    for (const row of readImpactTable(doc)) {
      const written = front.get(row.key);
      if (written === undefined || typeof written !== 'number' || typeof row.value !== 'number' || written === row.value) continue;
      const valueRange = yamlNodeRange(fm, doc.lines, nodeAtPath(fm, ['impact', row.key]).value);
      const fixes: Fix[] = [];
      if (valueRange) fixes.push({ title: `Use the table's ${row.value} in the front matter (impact.${row.key})`, edits: [{ range: valueRange, newText: String(row.value) }] });
      fixes.push({ title: `Use the front matter's ${written} in the table`, edits: [{ range: row.range, newText: String(written) }] });
      ctx.report({
        range: row.range,
        message: `Expected the Impact table's "${impactLabel(row.key)}" (${row.value}${row.note ? `, ${row.note}` : ''}) to match the front matter's \`impact.${row.key}\` (${written})`,
        fixes,
      });
    }
  },
};
