import { ownerLabel } from '../../actions/ownerLabel';
import type { MetricsResult } from '../types';
import { beforeTrendNote, feedbackSentence, formatElapsedMinutes, formatMinutes, formatRate, incidentName, incidentsPerPeriod, leftOutNote, periodsWithIncidents, plural, readingNotes, reviewsNotCounted, severalServicesItemsNote, severalServicesMttrNote, statsCells, struckOpenNote, timeToCloseSentence, undatedLeftOut } from './format';
import { reviewOutcomeCounts, reviewsDue, withinDeadline, withinDeadlineShort } from './reviewOutcomes';
import { appendAll, maxOf } from '../../collections/appendAll';
import { plainLabel } from '../../text/plainLabel';

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => maxOf(rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd());
}

/** The terminal report of `postmortem metrics`. */
export function renderMetricsText(m: MetricsResult): string {
  const out: string[] = [];
  const window = m.since || m.until ? ` from ${m.since ?? 'the start'} to ${m.until ?? 'now'}` : '';
  out.push(`${plural(m.incidentCount, 'incident')}${window} (${plural(m.documents, 'document')} read, ${m.outsideWindow} outside the window, ${m.undated.length} without any incident time); now = ${m.now}`);
  for (const note of readingNotes(m)) out.push(`note: ${note}`);
  out.push('');
  for (const d of m.durations) {
    out.push(`${d.label}: median ${formatMinutes(d.overall.median)}, p90 ${formatMinutes(d.overall.p90)}, mean ${formatMinutes(d.overall.mean)} over ${plural(d.overall.count, 'incident')}` +
      (d.missing ? `; ${d.missing} without ${d.from} or ${d.to}` : '') + (d.inconsistent.length ? `; ${d.inconsistent.length} with ${d.to} before ${d.from}: ${d.inconsistent.join(', ')}` : ''));
  }
  const mttr = m.durations[0];
  if (mttr && m.periods.length) {
    const { shown, leftOut } = periodsWithIncidents(m);
    if (m.beforeTrend?.length) out.push('', beforeTrendNote(m));
    // Every incident of the period and those with both times: "0" beside a month that had two read as none (trial T6).
    const perPeriod = incidentsPerPeriod(m);
    out.push('', `${mttr.label} by ${m.by}${leftOutNote(leftOut, m.by)}:`);
    appendAll(out, table([[m.by, 'incidents', 'with both times', 'median', 'p90', 'mean'], ...mttr.trend.filter((t) => shown.has(t.period)).map((t) => [t.period, String(perPeriod.get(t.period) ?? 0), ...statsCells(t)])]).map((l) => `  ${l}`));
    out.push('', `${mttr.label} by incident type (incidents with both times):`);
    appendAll(out, table([['type', 'with both times', 'median', 'p90', 'mean'], ...mttr.byIncidentType.map((g) => [g.key, ...statsCells(g)])]).map((l) => `  ${l}`));
    out.push('', `${mttr.label} by severity (incidents with both times):`);
    appendAll(out, table([['severity', 'with both times', 'median', 'p90', 'mean'], ...mttr.bySeverity.map((g) => [g.key, ...statsCells(g)])]).map((l) => `  ${l}`));
    // As the Markdown report has it (trial14a F22: the terminal had no by-service table).
    out.push('', `${mttr.label} by service (incidents with both times):`);
    appendAll(out, table([['service', 'with both times', 'median', 'p90', 'mean'], ...mttr.byService.map((g) => [g.key, ...statsCells(g)])]).map((l) => `  ${l}`));
    const several = severalServicesMttrNote(mttr);
    if (several) out.push(`  note: ${several}`);
  }
  const r = m.repeats;
  out.push('', `Repeat incidents: ${r.repeats} of ${r.incidents} (${formatRate(r.rate)}), window ${r.windowDays} days`);
  for (const c of r.chains) out.push(`  chain: ${c.members.map((i) => incidentName(i.id, i.title)).join(' → ')}`);
  for (const u of r.unknownRelated) out.push(`  ${incidentName(u.id, u.title)} lists unknown related id ${u.related}`);
  const v = m.reviews;
  out.push('', `Reviews published ${v.deadlinesDiffer ? withinDeadline(v) : withinDeadlineShort(v)}: ${v.onTime} of ${reviewsDue(v)} due (${formatRate(v.completionRate)}); ${reviewOutcomeCounts(v)}${reviewsNotCounted(v)}`);
  for (const o of v.overdueReviews) out.push(`  overdue: ${incidentName(o.id, o.title)} resolved ${o.resolvedAt}, ${formatElapsedMinutes(o.minutesOverdue)} past ${v.deadlinesDiffer ? `its ${o.deadlineHours} h deadline` : 'the deadline'} (${o.uri})`);
  out.push(`Review feedback: ${feedbackSentence(m.feedback)}`);
  const a = m.actions;
  out.push('', `Action items: ${a.done} of ${a.total} done (${formatRate(a.closureRate)}), ${a.open} open${struckOpenNote(a)}, ${a.overdue} overdue; time to close: ${timeToCloseSentence(a)}${undatedLeftOut(a.undatedItemsLeftOut)}`);
  out.push(`  high-impact low-effort items still open: ${a.highImpactLowEffort.open} of ${a.highImpactLowEffort.total} (${formatRate(a.highImpactLowEffort.openShare)})`);
  const owners = a.byOwner.filter((o) => o.open > 0);
  if (owners.length) appendAll(out, table([['owner', 'open', 'overdue', 'done'], ...owners.map((o) => [o.key, String(o.open), String(o.overdue), String(o.done)])]).map((l) => `  ${l}`));
  // The table lists who has work open; the others are said, so its done column adds up with the line above (trial T8).
  const settled = a.byOwner.filter((o) => o.open === 0);
  if (settled.length) out.push(`  ${plural(settled.length, 'owner')} with nothing open not listed (${settled.reduce((n, o) => n + o.done, 0)} done): ${settled.slice(0, 8).map((o) => o.key).join(', ')}${settled.length > 8 ? ` and ${settled.length - 8} more` : ''}`);
  if (a.byService.length) {
    appendAll(out, table([['service', 'open', 'overdue', 'done'], ...a.byService.map((o) => [o.key, String(o.open), String(o.overdue), String(o.done)])]).map((l) => `  ${l}`));
    const several = severalServicesItemsNote(a);
    if (several) out.push(`  note: ${several}`);
  }
  for (const o of a.overdueItems) out.push(`  overdue ${plural(o.daysOverdue, 'day')}: ${plainLabel(o.description)}${o.struck ? ' [struck out, still open]' : ''} (${o.owner ? ownerLabel(o.owner) : 'no owner'}, due ${o.due}, ${incidentName(o.incident, o.incidentTitle)})`);
  if (m.actionKinds.some((k) => k.kind !== 'none')) out.push(`  by kind: ${m.actionKinds.map((k) => `${k.kind} ${k.done}/${k.total} done`).join(', ')}`);
  if (m.rootCauses.length) out.push('', `Root-cause categories: ${m.rootCauses.map((c) => `${c.category} ${c.incidents}`).join(', ')}`);
  if (m.factors.length) out.push('', `Contributing factors: ${m.factors.map((f) => `${f.factor} ${f.incidents}${f.repeats ? ` (${f.repeats} repeat${f.repeats === 1 ? '' : 's'})` : ''}`).join(', ')}`);
  if (m.missing.length) {
    out.push('', 'Missing fields:');
    for (const f of m.missing) out.push(`  ${plural(f.count, 'incident')} without ${f.field}`);
  }
  // "note:", the word `postmortem list` and the library view use for the same messages (trial12 T16e).
  for (const p of m.problems) out.push(`note: ${p.uri}: ${p.message}`);
  return out.join('\n') + '\n';
}
