import { markdownCode as code, markdownText as md } from '../../text/markdownText';
import type { MetricsResult } from '../types';
import { CHARTED_DURATIONS, durationTrendChart, incidentCountChart, rootCauseChart, rootCauseNote, type ChartOptions, type ChartSource } from './charts';
import { beforeTrendNote, feedbackSentence, formatElapsedMinutes, formatMinutes, formatRate, incidentName, incidentsPerPeriod, leftOutNote, periodsWithIncidents, plural, readingNotes, reviewsNotCounted, severalServicesItemsNote, severalServicesMttrNote, statsCells, struckOpenNote, timeToCloseSentence, undatedLeftOut } from './format';
import { reviewOutcomeCounts, reviewsDue, withinDeadline } from './reviewOutcomes';

export { mermaidString } from './charts';

function mdTable(header: string[], rows: string[][]): string[] {
  return [`| ${header.map(md).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)];
}

const MARKDOWN_CHARTS: ChartOptions = { inChartTitle: true, emptyBarsBelowAxis: true, barColours: true };

function fenced(chart: ChartSource): string[] {
  return ['```mermaid', chart.source, '```'];
}

/** A report a team can commit: renders on GitHub/GitLab (tables and Mermaid charts). */
export function renderMetricsMarkdown(m: MetricsResult): string {
  const out: string[] = [];
  // Lines and blocks of lines, appended one by one: a table of 150,000 incidents would overflow
  // the call stack as `out.push(...rows)`.
  const put = (...parts: (string | readonly string[])[]) => {
    for (const part of parts) {
      if (typeof part === 'string') out.push(part);
      else for (const line of part) out.push(line);
    }
  };
  const window = m.since || m.until ? `${m.since ?? 'the start'} to ${m.until ?? m.now}` : 'all time';
  out.push('# Post-mortem metrics', '');
  out.push(`${plural(m.incidentCount, 'incident')} (${window}), grouped by ${m.by}; computed at ${m.now}. ` +
    `${m.documents} documents read, ${m.outsideWindow} outside the window, ${m.undated.length} without any incident time.`, '');
  const notes = readingNotes(m);
  if (notes.length) put(notes.map((n) => `- Note: ${md(n)}.`), '');
  out.push('## Response times', '');
  put(mdTable(['metric', 'with both times', 'median', 'p90', 'mean', 'missing a time'],
    m.durations.map((d) => [d.label, ...statsCells(d.overall), String(d.missing + d.inconsistent.length)])), '');
  if (m.incidentCount === 0) out.push('No incidents in this window, so there is nothing to chart.', '');
  const busy = periodsWithIncidents(m);
  if (m.periods.length && m.incidentCount > 0) {
    const perPeriod = incidentsPerPeriod(m);
    if (m.beforeTrend?.length) out.push(beforeTrendNote(m, md), '');
    put('### Incidents over time', '', fenced(incidentCountChart(m, MARKDOWN_CHARTS)), '');
    for (const d of m.durations.filter((x) => CHARTED_DURATIONS.includes(x.id))) {
      out.push(`### ${d.label}`, '');
      if (d.overall.count > 0) put(fenced(durationTrendChart(d, m, MARKDOWN_CHARTS)), '');
      // The table lists the periods with incidents; the chart above keeps the whole span.
      if (busy.leftOut) out.push(`Per ${m.by} with incidents${leftOutNote(busy.leftOut, m.by)}:`, '');
      put(mdTable([m.by, 'incidents', 'with both times', 'median', 'p90', 'mean'], d.trend.filter((t) => busy.shown.has(t.period)).map((t) => [t.period, String(perPeriod.get(t.period) ?? 0), ...statsCells(t)])), '');
    }
  }
  const mttr = m.durations[0];
  if (mttr) {
    put(`### ${mttr.label} by incident type`, '', mdTable(['incident type', 'with both times', 'median', 'p90', 'mean'], mttr.byIncidentType.map((g) => [g.key, ...statsCells(g)])), '');
    put(`### ${mttr.label} by severity`, '', mdTable(['severity', 'with both times', 'median', 'p90', 'mean'], mttr.bySeverity.map((g) => [g.key, ...statsCells(g)])), '');
    put(`### ${mttr.label} by service`, '', mdTable(['service', 'with both times', 'median', 'p90', 'mean'], mttr.byService.map((g) => [g.key, ...statsCells(g)])), '');
    const several = severalServicesMttrNote(mttr);
    if (several) out.push(`Note: ${md(several)}.`, '');
  }
  const r = m.repeats;
  out.push('## Repeat incidents', '', `${r.repeats} of ${r.incidents} incidents repeat an earlier one (${formatRate(r.rate)}; same service and type or tag within ${r.windowDays} days, or linked by \`related\`).`, '');
  if (r.chains.length) put(mdTable(['chain', 'why'], r.chains.map((c) => [c.members.map((i) => incidentName(i.id, i.title)).join(' → '), c.reasons.join('; ')])), '');
  for (const u of r.unknownRelated) out.push(`- ${md(incidentName(u.id, u.title))} lists ${code(u.related)} as related, but no post-mortem has that id.`);
  if (r.unknownRelated.length) out.push('');
  const v = m.reviews;
  out.push('## Review completion', '', `${v.onTime} of ${reviewsDue(v)} reviews due were published ${withinDeadline(v)} (${formatRate(v.completionRate)}); ` +
    `${reviewOutcomeCounts(v)}${reviewsNotCounted(v, md)}.`, '');
  // Folders with different deadlines: each row says its own (trial19a F1).
  const ownDeadline = (o: (typeof v.overdueReviews)[number]) => (v.deadlinesDiffer ? [`${o.deadlineHours} h`] : []);
  if (v.overdueReviews.length) put(mdTable(['incident', 'title', 'resolved', 'status', ...(v.deadlinesDiffer ? ['deadline'] : []), 'past the deadline'], v.overdueReviews.map((o) => [o.id, o.title, o.resolvedAt, o.status ?? '', ...ownDeadline(o), formatElapsedMinutes(o.minutesOverdue)])), '');
  out.push('## Review feedback', '', feedbackSentence(m.feedback), '');
  const a = m.actions;
  out.push('## Action items', '', `${a.done} of ${a.total} done (${formatRate(a.closureRate)}), ${a.open} open${struckOpenNote(a)}, ${a.overdue} overdue. ` +
    `Time to close: ${md(timeToCloseSentence(a))}. ` +
    `High-impact low-effort items still open: ${a.highImpactLowEffort.open} of ${a.highImpactLowEffort.total} (${formatRate(a.highImpactLowEffort.openShare)})${undatedLeftOut(a.undatedItemsLeftOut)}.`, '');
  put(mdTable(['owner', 'open', 'overdue', 'done'], a.byOwner.map((o) => [o.key, String(o.open), String(o.overdue), String(o.done)])), '');
  put(mdTable(['service', 'open', 'overdue', 'done'], a.byService.map((o) => [o.key, String(o.open), String(o.overdue), String(o.done)])), '');
  const severalItems = severalServicesItemsNote(a);
  if (severalItems) out.push(`Note: ${md(severalItems)}.`, '');
  if (a.overdueItems.length) put('### Overdue items', '', mdTable(['item', 'owner', 'due', 'days overdue', 'incident'], a.overdueItems.map((o) => [o.description, o.owner ?? '', o.due, String(o.daysOverdue), incidentName(o.incident, o.incidentTitle)])), '');
  if (m.actionKinds.some((k) => k.kind !== 'none')) {
    put('### By kind', '', mdTable(['kind', 'items', 'done', 'closed'], m.actionKinds.map((k) => [k.kind, String(k.total), String(k.done), formatRate(k.closedShare)])), '');
  }
  if (m.rootCauses.length) put('## Root-cause categories', '', rootCauseNote(m), '', fenced(rootCauseChart(m, MARKDOWN_CHARTS)), '');
  if (m.factors.length) {
    const columns = m.periods.flatMap((p, i) => (busy.shown.has(p) ? [i] : []));
    out.push('## Contributing factors', '');
    if (busy.leftOut) out.push(`Incidents per ${m.by} with incidents${leftOutNote(busy.leftOut, m.by)}.`, '');
    put(mdTable(['factor', 'incidents', 'of them repeats', ...columns.map((i) => m.periods[i])], m.factors.map((f) => [f.factor, String(f.incidents), String(f.repeats), ...columns.map((i) => String(f.byPeriod[i]))])), '');
  }
  if (m.missing.length) {
    out.push('## Missing data', '');
    for (const f of m.missing) out.push(`- ${plural(f.count, 'incident')} without ${f.field}: ${md(f.uris.join(', '))}`);
    out.push('');
  }
  if (m.problems.length) {
    // Unreadable front matter, and times read as UTC while the writer is elsewhere: the numbers above rest on them.
    // "Notes", as the page `postmortem list --format md` writes (trial12 T16e).
    out.push('## Notes', '');
    for (const p of m.problems) out.push(`- ${code(p.uri)}: ${md(p.message)}`);
    out.push('');
  }
  if (m.incidents.length) {
    put('## Incidents', '', mdTable(['id', 'title', 'severity', 'type', 'services', 'started', 'MTTR (detection)'],
      m.incidents.map((i) => [i.id, i.title, i.severity ?? '', i.incidentType ?? '', i.services.join(', '), i.startedAt ?? '', formatMinutes(i.durations.timeToResolveFromDetection ?? null)])), '');
  }
  return out.join('\n');
}
