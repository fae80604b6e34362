import type { PostmortemDocument } from '../../document/model';
import type { Fix } from '../../types';
import { frontMatterImpact, frontMatterImpactEdit, impactTableEdit, readImpactRows, readImpactTable } from './impactTable';

/** What the schema requires in `impact` for a SEV1/SEV2 under review. */
const REQUIRED = ['users_affected', 'downtime_minutes'] as const;

/**
 * "Fill `impact` from the Impact table": the table's values the front matter lacks, written once
 * more where the tools read them. Preferred (fix-all applies it) only when it completes what the
 * schema requires, no value written is 0 — the `pm-impact` snippet's placeholder, which a
 * person may simply not have filled in yet — and none was read by a guess (a decimal comma, a unit
 * not written), which the title names. Cells not read (impact/unread-cell) are named too, so the
 * title does not read as if the table had been copied whole.
 */
export function fillFrontMatterFromTable(doc: PostmortemDocument): Fix | undefined {
  const have = new Set(frontMatterImpact(doc).map((v) => v.key));
  const missing = readImpactTable(doc).filter((v) => !have.has(v.key));
  const edit = frontMatterImpactEdit(doc, missing);
  if (!edit) return undefined;
  const complete = REQUIRED.every((k) => have.has(k) || missing.some((v) => v.key === k));
  const shown = missing.map((v) => `${v.key}: ${typeof v.value === 'number' ? v.value : '…'}${v.note ? ` (${v.note})` : ''}`).join(', ');
  const unread = readImpactRows(doc).filter((r) => r.reading.kind === 'unread' && !have.has(r.key)).map((r) => `${r.key} (${r.text})`);
  return {
    title: `Fill \`impact\` in the front matter from the Impact table (${shown})${unread.length ? `; not read: ${unread.join(', ')}` : ''}`,
    edits: [edit],
    ...(complete && missing.every((v) => v.value !== 0 && !v.note) ? { isPreferred: true } : {}),
  };
}

/** "Add the Impact table from the front matter", for a section without one. */
export function tableFromFrontMatter(doc: PostmortemDocument): Fix | undefined {
  const edit = impactTableEdit(doc);
  return edit ? { title: 'Add an Impact table with the front matter\'s `impact` numbers', edits: [edit] } : undefined;
}
