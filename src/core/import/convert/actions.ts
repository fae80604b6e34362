import { isIsoDate } from '../../actions/itemGrammar';
import type { ConvertLog, SourceLine } from './model';
import { readLeadingStamp } from './stamps';
import { splitRow, tableBodyRows, tableHeaderAt } from './tables';

const BULLET = /^(\s*)([-*+]|\d{1,9}[.)])\s+(?!\[[ xX]\]\s)/;
/** DONE markers: upper-case words, a leading/trailing "done", a bracketed one, a tick, or a struck-through item. */
const DONE_UPPER = /\b(?:DONE|FIXED|COMPLETED?)\b|✅|✔/;
const DONE_WORD = /^(?:\*\*)?(?:done|fixed|completed?)\b|[([](?:done|fixed|completed?)[)\]]|[-—:]\s*(?:done|fixed|completed?)\.?\s*$|^~~.+~~$/i;
const DONE_STATUS = /^(?:done|closed|complete|completed|fixed|resolved|yes|✅|✔|x)$/i;
const pad = (n: number) => String(n).padStart(2, '0');

/** `due:YYYY-MM-DD` from a cell such as "2026-12-04", "Dec 4, 2026" or "12/04/2026" (flagged). */
function dueOf(text: string, src: SourceLine, log: ConvertLog): string | undefined {
  const clean = text.replace(/[*_`]/g, '').trim();
  if (isIsoDate(clean)) return clean;
  const s = readLeadingStamp(clean);
  if (!s?.date || s.end < clean.length - 1) return undefined;
  if (s.date.ambiguous) log.flag('ambiguous-date', src.line, `Due date "${clean}" could be day/month or month/day; read as month first`);
  return `${s.date.year}-${pad(s.date.month)}-${pad(s.date.day)}`;
}

/** An owner cell as an `@owner` token: spaces become hyphens so the name stays one token. */
function ownerOf(text: string): string | undefined {
  const clean = text.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').trim().replace(/^@/, '');
  if (!clean || /^(?:n\/a|none|tbd|-|—|\?)$/i.test(clean)) return undefined;
  return clean.split(/\s*,\s*/)[0].replace(/\s+/g, '-');
}

/**
 * Action items as a GFM task list: rows of an Action/Owner/Due/Status table become
 * `- [ ] action @owner due:YYYY-MM-DD`, plain list items become tasks, and items marked DONE
 * (or struck through) become `[x]`. The rest of the section is kept as written.
 */
export function convertActions(lines: readonly SourceLine[], log: ConvertLog): string[] {
  const out: string[] = [];
  // Items under a heading such as "Immediate actions (completed)" are done.
  let doneGroup = false;
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i];
    const text = src.text;
    const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(text);
    if (heading) doneGroup = /\b(?:completed?|done|finished)\b/i.test(heading[1]);
    const header = tableHeaderAt(lines, i);
    if (header) {
      const actionCol = header.findIndex((h) => /action|item|task|description|what|remediation|follow/.test(h));
      if (actionCol !== -1) {
        const ownerCol = header.findIndex((h) => /owner|assignee|who|responsible/.test(h));
        const dueCol = header.findIndex((h) => /due|deadline|eta|target/.test(h));
        const statusCol = header.findIndex((h) => /status|state|done/.test(h));
        const rows = tableBodyRows(lines, i);
        for (const row of rows) {
          const cells = splitRow(row.text);
          const status = statusCol !== -1 ? cells[statusCol] ?? '' : '';
          const done = DONE_STATUS.test(status.replace(/[*_~`]/g, '').trim());
          const owner = ownerCol !== -1 ? ownerOf(cells[ownerCol] ?? '') : undefined;
          const due = dueCol !== -1 ? dueOf(cells[dueCol] ?? '', row, log) : undefined;
          const parts = [cells[actionCol] ?? ''];
          cells.forEach((c, k) => {
            if (k === actionCol || !c.trim()) return;
            if (k === ownerCol && owner) parts.push(`@${owner}`);
            else if (k === dueCol && due) parts.push(`due:${due}`);
            else if (k === statusCol && done) log.replaced.push(c);
            else parts.push(k === statusCol ? `(status: ${c})` : c);
          });
          if (due) log.replaced.push(cells[dueCol]);
          out.push(`- [${done ? 'x' : ' '}] ${parts.filter(Boolean).join(' ')}`);
        }
        i += 1 + rows.length;
        log.replaced.push(text);
        continue;
      }
    }
    const bullet = BULLET.exec(text);
    if (bullet && bullet[1].length < 2) {
      const rest = text.slice(bullet[0].length);
      const done = doneGroup || DONE_UPPER.test(rest) || DONE_WORD.test(rest.trim());
      out.push(`${bullet[0]}[${done ? 'x' : ' '}] ${rest}`);
      continue;
    }
    out.push(text);
  }
  return out;
}
