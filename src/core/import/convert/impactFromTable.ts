import { parsePostmortem } from '../../document/parse';
import { SECTION_TITLES } from '../../document/sectionNames';
import { readImpactRows, type ImpactKey } from '../../rules/impact/impactTable';
import type { ConvertLog, SourceLine } from './model';

/**
 * The Impact table's numbers (`| Users affected | 14,200 |`) for the front matter's `impact`, read
 * by the reader lint's "Fill `impact` from the Impact table" fix uses (readImpactRows), on the
 * converted Impact section — no second reader of tables or cells (trial17c F17: they stayed in the
 * table, and a published review's `impact` was missing without a word).
 *
 * `out`: the converted body's lines; `original`: the original's lines, to name the row's line;
 * `has`: the keys `impact` already holds (the original's front matter, the Summary's downtime),
 * which win. Each value taken is said (a note, or `convert/guessed-impact` when the cell was read
 * by a guess), each row not read is `convert/not-read`, and a row that disagrees with a value
 * already held is said too.
 */
export function impactFromTable(out: readonly string[], original: readonly SourceLine[], has: Readonly<Record<string, unknown>>, log: ConvertLog): Partial<Record<ImpactKey, number | string>> {
  const start = out.indexOf(`## ${SECTION_TITLES.impact}`);
  if (start === -1) return {};
  let end = start + 1;
  while (end < out.length && !out[end].startsWith('## ')) end++;
  const section = out.slice(start, end);
  if (!section.some((l) => l.includes('|'))) return {};
  const doc = parsePostmortem(['# Impact', '', ...section].join('\n'));
  const found: Partial<Record<ImpactKey, number | string>> = {};
  for (const row of readImpactRows(doc)) {
    const rowText = doc.lines.lineText(row.range.start.line);
    const line = original.find((l) => l.text === rowText)?.line ?? original.find((l) => l.text.trim() === rowText.trim())?.line ?? 0;
    const quoted = `"${rowText.trim().length > 80 ? `${rowText.trim().slice(0, 80)}…` : rowText.trim()}"`;
    const reading = row.reading;
    const value = reading.kind === 'number' ? reading.value : reading.kind === 'text' && reading.value ? reading.value : undefined;
    if (has[row.key] !== undefined) {
      if (value !== undefined && has[row.key] !== value) log.notes.push({ line, message: `impact.${row.key}: ${String(has[row.key])} is kept, from the original's front matter or Summary; the Impact table's row ${quoted} says ${value} (check they agree)` });
      continue;
    }
    if (reading.kind === 'unread') {
      log.flag('not-read', line, `The Impact table's row ${quoted} is kept as written, not read into impact.${row.key} (${reading.reason}); check it`);
      continue;
    }
    if (value === undefined) continue;
    found[row.key] = value;
    if (reading.kind === 'number' && reading.note) log.flag('guessed-impact', line, `impact.${row.key}: ${value}, read from the Impact table's row ${quoted} by a guess (${reading.note}); check it`);
    else log.notes.push({ line, message: `impact.${row.key}: ${typeof value === 'number' ? value : JSON.stringify(value)}, read from the Impact table's row ${quoted}` });
  }
  return found;
}
