import { readImpactCell } from '../../impact/impactCell';
import { keyOfLabel } from '../../rules/impact/impactTable';
import type { ConvertLog, SourceLine } from './model';

/** `**Affected customers:** 305 teams`, `- Users affected: 1,200`, `Revenue lost: $12,000`: a label (bold or plain) and its value on one line. */
const LABELLED = /^\s{0,3}(?:[-*+]\s{1,4})?(?:\*\*|__)?([A-Za-z][A-Za-z ()/-]{2,40}?)(?:\*\*|__)?\s{0,2}:\s{0,2}(?:\*\*|__)?\s{0,2}(\S.{0,200})$/;

type CountKey = 'users_affected' | 'revenue_usd' | 'recovery_cost_usd';
const COUNTS: readonly CountKey[] = ['users_affected', 'revenue_usd', 'recovery_cost_usd'];

/**
 * Impact numbers written as labelled lines under Impact, the Summary or the preamble (PostHog's
 * `**Affected customers:** 305 teams`; trial18c F4: not mentioned at all), read by the Impact
 * table's own cell reader (readImpactCell), for the keys it has: users affected, revenue, recovery
 * cost. A number is taken when `held` lacks the key (a note; a guess is a warning); one that is not
 * a count of what the key holds ("305 teams" is no number of users) is kept as written and said.
 * The downtime and stated durations have their own readers (summaryFields, statedDurations).
 */
export function impactFromLabels(lines: readonly SourceLine[], held: Readonly<Record<string, unknown>>, log: ConvertLog): Partial<Record<CountKey, number>> {
  const found: Partial<Record<CountKey, number>> = {};
  let fence = false;
  for (const src of lines.slice(0, 2000)) {
    if (/^\s{0,3}(?:`{3,}|~{3,})/.test(src.text)) fence = !fence;
    if (fence || src.text.length > 300) continue;
    const m = LABELLED.exec(src.text);
    if (!m) continue;
    const label = m[1].trim();
    const key = keyOfLabel(label);
    if (!key || !(COUNTS as readonly string[]).includes(key)) continue;
    const k = key as CountKey;
    const value = m[2].replace(/(?:\*\*|__)\s*$/, '').replace(/[*_`]/g, '').trim();
    const quoted = `"${label}: ${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`;
    const reading = readImpactCell(k, label, value.replace(/\.$/, ''));
    if (reading.kind === 'blank') continue;
    if (held[k] !== undefined || found[k] !== undefined) {
      const kept = held[k] ?? found[k];
      if (reading.kind !== 'number' || reading.value !== kept) log.notes.push({ line: src.line, message: `${quoted} is kept as written: impact.${k} is ${String(kept)}, read before it (check they agree)` });
      continue;
    }
    if (reading.kind === 'number') {
      found[k] = reading.value;
      if (reading.note) log.flag('guessed-impact', src.line, `impact.${k}: ${reading.value}, read from ${quoted} by a guess (${reading.note}); check it`);
      else log.notes.push({ line: src.line, message: `impact.${k}: ${reading.value}, read from ${quoted}` });
      continue;
    }
    // "305 teams running SDK versions < 1.257.1": a count of something else than users.
    const noun = k === 'users_affected' ? /^\d[\d,.' ]*\s{1,3}(\p{L}+)/u.exec(value)?.[1] : undefined;
    const why = noun && reading.reason.startsWith('more than a number')
      ? `it counts ${noun}, not users: impact.users_affected is a number of users — write it if you know how many users that is`
      : reading.reason.replace(' in the cell', '');
    log.flag('not-read', src.line, `${quoted} is kept as written, not read into impact.${k} (${why}); check it`);
  }
  return found;
}
