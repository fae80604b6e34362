import type { Rule } from '../../lint/rule';
import { WHAT, type NumericImpactKey } from '../../impact/impactCell';
import { shownCell } from '../../impact/shownCell';
import { readImpactRows } from './impactTable';

/**
 * An Impact-table value the tool does not read (`1.200`, `€12,500`, `~40 min`, `2–3 h`): the
 * front-matter fill and impact/table-mismatch pass it by, so without a word the metrics would just
 * lack the number. Said on the cell with the value and how to write it so it is read. Info while
 * drafting, a warning from in-review, when the numbers are about to be counted.
 */
export const impactUnreadCell: Rule = {
  code: 'impact/unread-cell',
  defaultSeverity: 'warning',
  description: 'Every number in the Impact table (`| Measure | Value |`) is one the tool can read: in USD for money, without an ambiguous separator (`1.200`), not approximate; info in a draft, a warning from in-review.',
  check(ctx) {
    for (const row of readImpactRows(ctx.doc)) {
      if (row.reading.kind !== 'unread') continue;
      ctx.report({
        range: row.range,
        severity: ctx.status === 'draft' ? 'info' : undefined,
        message: `Expected ${WHAT[row.key as NumericImpactKey]} in the Impact table's "${shownCell(row.label)}" row, found \`${shownCell(row.text)}\` (not read into \`impact.${row.key}\`): ${row.reading.reason}`,
      });
    }
  },
};
