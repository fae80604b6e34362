import { appendToFlowEdit, isFlowCollection } from '../../frontMatter/flowEdits';
import { editRefusal } from '../../frontMatter/checkedEdit';
import { flowRootValueEdit } from '../../frontMatter/flowRootEdits';
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { isYamlBroken, nodeAtPath, yamlNodeRange } from '../../document/frontMatter';
import { sectionTables, type TableView } from '../../document/plainSectionTables';
import type { PostmortemDocument, SectionUnit } from '../../document/model';
import { withoutClosingPipe } from '../../text/closingPipe';
import type { Range, TextEdit } from '../../types';
import { readImpactCell, type CellReading } from '../../impact/impactCell';

/** The front matter's `impact` keys, in the order the `pm-impact` snippet's table lists them. */
export const IMPACT_KEYS = ['users_affected', 'downtime_minutes', 'revenue_usd', 'recovery_cost_usd', 'business'] as const;
export type ImpactKey = (typeof IMPACT_KEYS)[number];

/** Row labels as the `pm-impact` snippet writes them (and the reverse fix writes them). */
const LABELS: Record<ImpactKey, string> = {
  users_affected: 'Users affected',
  downtime_minutes: 'Downtime (minutes)',
  revenue_usd: 'Revenue lost (USD)',
  recovery_cost_usd: 'Recovery cost (USD)',
  business: 'Business impact',
};

/**
 * "Users affected", "Affected customers": both words on one line of the label, in either order.
 * Two searches instead of `/\busers?\b.*\baffected\b|…/`, which rescanned the rest of the label
 * from every "user" in it (quadratic on a long label).
 */
function namesAffectedUsers(label: string): boolean {
  return label.split(/[\n\r\u2028\u2029]/).some((line) => /\baffected\b/.test(line) && /\b(?:users?|customers?)\b/.test(line));
}

/** Which key a row's label is about; undefined for rows the front matter has no key for. */
export function keyOfLabel(label: string): ImpactKey | undefined {
  const l = label.toLowerCase();
  if (namesAffectedUsers(l)) return 'users_affected';
  if (/\bdowntime\b|\boutage duration\b/.test(l)) return 'downtime_minutes';
  if (/\brevenue\b/.test(l)) return 'revenue_usd';
  if (/\brecovery cost\b/.test(l)) return 'recovery_cost_usd';
  if (/\bbusiness\b/.test(l)) return 'business';
  return undefined;
}

export interface TableValue {
  readonly key: ImpactKey;
  readonly value: number | string;
  /** Where the value's text is on its row (for the reverse fix). */
  readonly range: Range;
  /** How the value was read when that took a guess ("no unit written: read as minutes"). */
  readonly note?: string;
}

/** A row of the Impact table for a front-matter key, read or not (see `CellReading`). */
export interface ImpactRow {
  readonly key: ImpactKey;
  readonly label: string;
  /** The cell as written (plain text). */
  readonly text: string;
  readonly reading: CellReading | { readonly kind: 'text'; readonly value: string };
  readonly range: Range;
}

/** The text range of a table cell on its line: without the pipes and the padding. */
function cellTextRange(doc: PostmortemDocument, line: number, from: number, to: number): Range {
  const raw = doc.lines.lineText(line).slice(from, to);
  const lead = /^\|?\s*/.exec(raw)![0].length;
  const text = withoutClosingPipe(raw.slice(lead));
  return { start: { line, character: from + lead }, end: { line, character: from + lead + text.length } };
}

/**
 * The Impact section's tables, read once per parsed document: four rules and the fixes ask for the
 * rows (readImpactRows), and the tree they walked before was cached by the parse; the line reading is not.
 */
const tablesMemo = new WeakMap<SectionUnit, TableView[]>();
function impactTables(section: SectionUnit): TableView[] {
  let tables = tablesMemo.get(section);
  if (!tables) {
    tables = sectionTables(section.text, section.title, () => section.mdast);
    tablesMemo.set(section, tables);
  }
  return tables;
}

/** The first Impact section, if any. */
function impactSection(doc: PostmortemDocument) {
  return doc.sections.find((s) => s.id === 'impact');
}

/** A value column's heading: the second column holds the number even with notes beside it. */
const VALUE_HEADING = /^(?:values?|counts?|numbers?|#|amounts?|totals?|figures?|impact|results?|wert|valeur|valor)$/i;

/**
 * The headings of a table whose row label is followed by more than one column and whose second
 * column is not headed as the value (`| Measure | Before | During |`, `| Measure | EU | US |`):
 * reading the second column would take a number from a column chosen by position, not meaning.
 */
function severalValueColumns(table: TableView): string | undefined {
  const heads = table.rows[0]?.cells.map((c) => c.text) ?? [];
  if (heads.length <= 2 || VALUE_HEADING.test(heads[1].slice(0, 20))) return undefined;
  return heads.slice(1, 4).map((h) => `"${h.length > 30 ? `${h.slice(0, 30)}…` : h}"`).join(', ') + (heads.length > 4 ? ', …' : '');
}

/**
 * The rows of the Impact section's measure table (`| Measure | Value |`, as the `pm-impact`
 * snippet writes it) whose label names a front-matter key: the first row for a key claims it, read
 * or not, so a later row cannot stand in for one that could not be read.
 */
export function readImpactRows(doc: PostmortemDocument): ImpactRow[] {
  const section = impactSection(doc);
  // A GFM table needs a `|` (its delimiter row cannot be told from a heading underline without one):
  // most Impact sections are prose or bullets and need no Markdown tree here.
  if (!section || !section.text.includes('|')) return [];
  const rows: ImpactRow[] = [];
  for (const table of impactTables(section)) {
    const several = severalValueColumns(table);
    for (const row of table.rows.slice(1)) {
      const [labelCell, valueCell] = row.cells;
      if (!labelCell || !valueCell || valueCell.to < 0) continue;
      const label = labelCell.text;
      const key = keyOfLabel(label);
      if (!key || rows.some((r) => r.key === key)) continue;
      const text = valueCell.text;
      const line = row.line + section.startLine;
      const range = cellTextRange(doc, line, valueCell.from, valueCell.to);
      // Under several value columns the business text is not taken either (which column?); the numeric rows say why.
      const reading: ImpactRow['reading'] = key === 'business' ? { kind: 'text', value: several ? '' : text }
        : several && row.cells.slice(1).some((c) => /\d/.test(c.text)) ? { kind: 'unread', reason: `one of several value columns (${several}): which one is the number? keep one value column, as \`| Measure | Value |\`` }
        : readImpactCell(key, label, text);
      rows.push({ key, label, text, range, reading });
    }
  }
  return rows;
}

/** The values the Impact table gives: its rows read as numbers (or the business text), the others left to impact/unread-cell. */
export function readImpactTable(doc: PostmortemDocument): TableValue[] {
  const values: TableValue[] = [];
  for (const { key, reading, range } of readImpactRows(doc)) {
    if (reading.kind === 'text' && reading.value) values.push({ key, value: reading.value, range });
    if (reading.kind === 'number') values.push({ key, value: reading.value, range, ...(reading.note ? { note: reading.note } : {}) });
  }
  return values;
}

/** True when the Impact section already has a table (then the reverse fix does not add another). */
export function hasImpactTable(doc: PostmortemDocument): boolean {
  const section = impactSection(doc);
  return Boolean(section?.text.includes('|') && impactTables(section).length > 0);
}

function yamlValue(value: number | string): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/**
 * The edit that writes `values` into the front matter's `impact` mapping: a new `impact:` block
 * before the closing `---`, or the missing keys added under an existing (empty or block) `impact:`.
 * Undefined when the front matter is not open to a plain edit (unclosed, broken, a flow mapping).
 */
export function frontMatterImpactEdit(doc: PostmortemDocument, values: readonly { key: ImpactKey; value: number | string }[]): TextEdit | undefined {
  const fm = doc.frontMatter;
  if (!fm || fm.closeLine < 0 || isYamlBroken(fm) || values.length === 0) return undefined;
  const eol = doc.lines.eol;
  const { key, value } = nodeAtPath(fm, ['impact']);
  const lineEnd = (line: number) => ({ line, character: doc.lines.lineText(line).length });
  // Flow style (`{type: postmortem, …}` or `impact: {users_affected: 10}`): the keys go inside the
  // braces, read back before they are offered; a block `impact:` after a flow mapping is no YAML (trial15a F10).
  const flowText = values.map((v) => `${v.key}: ${yamlValue(v.value)}`).join(', ');
  const written = doc.meta.impact && typeof doc.meta.impact === 'object' && !Array.isArray(doc.meta.impact) ? doc.meta.impact : {};
  const expected = { ...written, ...Object.fromEntries(values.map((v) => [v.key, v.value])) };
  if (isFlowCollection(value) && isMap(value)) {
    const edit = appendToFlowEdit(fm, doc.lines, value, flowText);
    return edit && !editRefusal(fm, doc.lines, edit, ['impact'], expected) ? edit : undefined;
  }
  const isEmpty = value === null || value === undefined || (isScalar(value) && value.value === null);
  const inFlowRoot = isEmpty ? flowRootValueEdit(fm, doc.lines, 'impact', `{${flowText}}`, expected) : undefined;
  if (inFlowRoot) return inFlowRoot.edit;
  if (!key) {
    const at = { line: fm.closeLine, character: 0 };
    return { range: { start: at, end: at }, newText: `impact:${eol}${values.map((v) => `  ${v.key}: ${yamlValue(v.value)}${eol}`).join('')}` };
  }
  const keyRange = yamlNodeRange(fm, doc.lines, key as YamlNode);
  if (!keyRange) return undefined;
  if (isEmpty) {
    return { range: { start: lineEnd(keyRange.start.line), end: lineEnd(keyRange.start.line) }, newText: values.map((v) => `${eol}  ${v.key}: ${yamlValue(v.value)}`).join('') };
  }
  if (!isMap(value) || value.flow || value.items.length === 0) return undefined;
  const first = yamlNodeRange(fm, doc.lines, value.items[0].key as YamlNode);
  const last = value.items[value.items.length - 1];
  const lastRange = yamlNodeRange(fm, doc.lines, (last.value ?? last.key) as YamlNode);
  if (!first || !lastRange) return undefined;
  const indent = ' '.repeat(first.start.character);
  // The end of the last item's value; a block value ends at the start of the next line.
  const endLine = lastRange.end.character === 0 && lastRange.end.line > lastRange.start.line ? lastRange.end.line - 1 : lastRange.end.line;
  return { range: { start: lineEnd(endLine), end: lineEnd(endLine) }, newText: values.map((v) => `${eol}${indent}${v.key}: ${yamlValue(v.value)}`).join('') };
}

/** The front matter's `impact` values that the table format can show. */
export function frontMatterImpact(doc: PostmortemDocument): { key: ImpactKey; value: number | string }[] {
  const impact = doc.meta.impact;
  if (!impact || typeof impact !== 'object' || Array.isArray(impact)) return [];
  const out: { key: ImpactKey; value: number | string }[] = [];
  for (const key of IMPACT_KEYS) {
    const v = (impact as Record<string, unknown>)[key];
    if ((typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() && key === 'business')) out.push({ key, value: v });
  }
  return out;
}

/** Table cells show numbers with thousands separators, as people write them. */
function cellValue(value: number | string): string {
  return typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * The edit that adds the `pm-impact` table, filled from the front matter, at the end of the Impact
 * section. Undefined without an Impact section, when it already has a table, or without values.
 */
export function impactTableEdit(doc: PostmortemDocument): TextEdit | undefined {
  const section = impactSection(doc);
  const values = frontMatterImpact(doc);
  if (!section || values.length === 0 || hasImpactTable(doc)) return undefined;
  let last = section.headingLine >= 0 ? section.headingLine : section.startLine;
  for (let line = section.endLine - 1; line > last; line--) {
    if (doc.lines.lineText(line).trim()) {
      last = line;
      break;
    }
  }
  const eol = doc.lines.eol;
  const rows = ['| Measure | Value |', '| --- | --- |', ...values.map((v) => `| ${LABELS[v.key]} | ${cellValue(v.value)} |`)];
  const at = { line: last, character: doc.lines.lineText(last).length };
  return { range: { start: at, end: at }, newText: `${eol}${eol}${rows.join(eol)}` };
}

export function impactLabel(key: ImpactKey): string {
  return LABELS[key];
}
