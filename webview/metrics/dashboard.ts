import { beforeTrendNote, feedbackSentence, reviewsNotCounted, formatElapsedMinutes, formatMinutes, formatMinutesShort, formatRate, incidentName, incidentsPerPeriod, leftOutNote, periodsWithIncidents, plural, readingNotes, severalServicesItemsNote, severalServicesMttrNote, struckOpenNote, timeToCloseSentence } from '../../src/core/metrics/render/format';
import { reviewOutcomeCounts, reviewsDue, withinDeadline } from '../../src/core/metrics/render/reviewOutcomes';
import type { GroupStats, IncidentRef, IncidentSummary, MetricsResult, Stats } from '../../src/core/metrics/types';
import { WINDOW_MONTHS, type FromMetricsWebview, type MetricsViewOptions, type ToMetricsWebview } from '../../src/shared/protocol/metrics';
import { rootCauseNote } from '../../src/core/metrics/render/charts';
import { formatDurationShort } from '../../src/core/time/duration';
import { plainLabel } from '../../src/core/text/plainLabel';
import { anchorTurnedLabels, chartsFor, removeEmptyBars, thinCrowdedLabels, trimFractionalTicks, type ChartSource } from './charts';
import { headlineTiles, unbroken } from './headline';
import { el, table, type Cell } from './dom';

export interface DashboardHost {
  post(message: FromMetricsWebview): void;
  /** Draws Mermaid source into the element; resolves false when Mermaid refuses it. */
  draw(host: HTMLElement, chart: ChartSource): Promise<boolean>;
}

/** Links named past this many characters wrap inside their cell (a path); shorter ones (ids) never break. */
const LONG_LABEL = 24;
/** Files named per line of Missing data; the rest are counted. */
const MISSING_LINKS = 20;

const WINDOW_LABEL: Record<number, string> = { 3: 'Last 3 months', 6: 'Last 6 months', 12: 'Last 12 months', 24: 'Last 24 months', 0: 'All time' };

/**
 * A value with its units ("2 hours 55 minutes"): each number is glued to its unit with a no-break
 * space, so a narrow panel may put "55 minutes" on a second line but never leaves a unit alone.
 */
export function value(text: string, title?: string): HTMLElement {
  return el('span', { class: 'value', ...(title ? { title } : {}) }, text.replace(/(\d) (?=\D)/g, '$1\u00a0'));
}

/**
 * A duration in short units ("1 h 40 m", narrow columns) with the words ("1 hour 40 minutes") in its
 * tooltip. It never breaks inside: "1 h" on one line and "40 m" on the next reads as two values.
 */
export function duration(minutes: number | null): HTMLElement {
  return el('span', { class: 'value duration', ...(minutes === null ? {} : { title: formatMinutes(minutes) }) }, unbroken(formatMinutesShort(minutes)));
}

/** Time past a deadline, cut as the lint message says it ("4 d 20 h" until 21 hours). */
function elapsed(minutes: number): HTMLElement {
  return el('span', { class: 'value duration', title: formatElapsedMinutes(minutes) }, unbroken(formatDurationShort(minutes)));
}

function statsValues(s: Stats): Cell[] {
  return [value(String(s.count)), duration(s.median), duration(s.p90), duration(s.mean)];
}

/** The dashboard page: options bar, charts, tables. Rebuilt from each metrics message. */
export class Dashboard {
  private options: MetricsViewOptions | undefined;
  /** The charts of the page shown, to draw again in a new theme (followTheme.ts). */
  private charts: readonly { chart: ChartSource; host: HTMLElement }[] = [];
  /** Drawing in progress: Mermaid's renderer is not re-entrant, so a redraw waits for it. */
  private drawing: Promise<unknown> = Promise.resolve();

  constructor(private readonly root: HTMLElement, private readonly host: DashboardHost) {}

  receive(message: ToMetricsWebview): void {
    if (message.type === 'error') {
      this.charts = [];
      this.root.replaceChildren(el('p', { class: 'error', role: 'alert' }, message.message));
      return;
    }
    this.options = message.options;
    void this.show(message.result, message.unreadable);
  }

  private async show(m: MetricsResult, unreadable: number): Promise<void> {
    document.body.dataset.state = 'drawing';
    if (m.incidentCount === 0) {
      this.charts = [];
      this.root.replaceChildren(this.controls(), this.emptyState(m, unreadable));
      this.host.post({ type: 'rendered', charts: 0, failedCharts: 0, tables: 0 });
      document.body.dataset.state = 'rendered';
      return;
    }
    const charts = chartsFor(m);
    const chartHosts = charts.map((c) => ({ chart: c, host: el('div', { class: 'chart-drawing', 'data-chart': c.id }) }));
    const window = m.since ? `since ${m.since.slice(0, 10)}` : 'all time';
    const busy = periodsWithIncidents(m);
    // A month's incidents and those with both times: "0" beside a month that had two read as none (trial T6).
    const perPeriod = incidentsPerPeriod(m);
    const sections: HTMLElement[] = [
      this.controls(),
      // The tiles count the window's incidents only; the Action Items view counts every post-mortem (U4: 20 here, 53 there).
      el('p', { class: 'scope', id: 'tiles-scope' }, `Figures for the ${plural(m.incidentCount, 'incident')} ${window === 'all time' ? 'of all time' : window}` +
        (m.outsideWindow + m.undated.length ? `; ${plural(m.outsideWindow + m.undated.length, 'post-mortem')} outside the window or without a time ${m.outsideWindow + m.undated.length === 1 ? 'is' : 'are'} not counted here (the Action Items view counts every post-mortem)` : '') + '.'),
      this.tiles(m),
      el('p', { class: 'summary' }, `${plural(m.incidentCount, 'incident')} (${window}) from ${plural(m.documents, 'post-mortem')}, grouped by ${m.by}; ` +
        `computed at ${m.now.slice(0, 16).replace('T', ' ')} UTC. ${m.outsideWindow} outside the window, ${m.undated.length} without any incident time` +
        (unreadable ? `, ${unreadable} not read (listed under "Not read" in the Post-mortems view)` : '') + '. ' +
        // One calendar with the library (trial U16): the day each incident started where it happened.
        `Each incident counts in the ${m.by} it started in its own timezone (the date the Post-mortems view shows), and the window takes it by that date.`),
      ...(m.beforeTrend?.length ? [el('p', { class: 'summary', id: 'before-trend' }, beforeTrendNote(m))] : []),
      // Dated in UTC for want of `timezone:`, severities kept as written: the CLI's notes, word for word (trial11 T14, T12).
      ...readingNotes(m).map((note, i) => el('p', { class: 'summary', id: `reading-note-${i}` }, `${note}.`)),
      this.section('Response times', 'response-times', [
        // The section heading names it already: the caption says what the rows cover.
        table('All incidents in the window', ['metric', 'with both times', 'median', 'p90', 'mean', 'missing a time'],
          m.durations.map((d) => [d.label, ...statsValues(d.overall), String(d.missing + d.inconsistent.length)])),
        el('div', { class: 'charts' }, ...chartHosts.filter((c) => c.chart.id !== 'root-causes').map((c) => this.figure(c.chart, c.host))),
        // As the CLI reports: the periods with incidents only ("All time" over ten years listed 120 rows of "0 – – –", trial U13).
        ...m.durations.filter((d) => d.id === 'timeToResolveFromDetection').map((d) => table(`${d.label} per ${m.by}${leftOutNote(busy.leftOut, m.by)}`, [m.by, 'incidents', 'with both times', 'median', 'p90', 'mean'],
          d.trend.filter((t) => busy.shown.has(t.period)).map((t) => [t.period, value(String(perPeriod.get(t.period) ?? 0)), ...statsValues(t)]))),
      ]),
    ];
    const mttr = m.durations.find((d) => d.id === 'timeToResolveFromDetection') ?? m.durations[0];
    if (mttr) {
      const groups = (title: string, key: string, rows: readonly GroupStats[]) => table(`${mttr.label} by ${title}`, [key, 'with both times', 'median', 'p90', 'mean'], rows.map((g) => [g.key, ...statsValues(g)]));
      sections.push(this.section(`${mttr.label} by group`, 'by-group', [
        el('div', { class: 'grid' }, groups('incident type', 'incident type', mttr.byIncidentType), groups('severity', 'severity', mttr.bySeverity), groups('service', 'service', mttr.byService)),
        // The service rows count an incident naming several services under each: said, as the CLI reports say it (trial14a F22).
        ...(severalServicesMttrNote(mttr) ? [el('p', {}, `Note: ${severalServicesMttrNote(mttr)}.`)] : []),
      ]));
    }
    const r = m.repeats;
    sections.push(this.section('Repeat incidents', 'repeat-incidents', [
      el('p', {}, `${r.repeats} of ${r.incidents} incidents repeat an earlier one (${formatRate(r.rate)}; same service and type or tag within ${r.windowDays} days, or linked by related).`),
      table('Repeat chains', ['chain', 'why'], r.chains.map((c) => [this.chain(c.members), el('ul', { class: 'reasons' }, ...c.reasons.map((reason) => el('li', {}, reason)))])),
      ...r.unknownRelated.map((u) => el('p', { class: 'warning' }, `${incidentName(u.id, u.title)} lists ${u.related} as related, but no post-mortem has that id.`)),
    ]));
    const v = m.reviews;
    sections.push(this.section('Review completion', 'review-completion', [
      el('p', {}, `${v.onTime} of ${reviewsDue(v)} reviews due were published ${withinDeadline(v)} (${formatRate(v.completionRate)}); ${reviewOutcomeCounts(v)}${reviewsNotCounted(v)}.`),
      // Folders with different deadlines (multi-root): each row says its own (trial19a F1).
      table('Overdue reviews', ['incident', 'title', 'resolved (UTC)', 'status', ...(v.deadlinesDiffer ? ['deadline'] : []), 'past the deadline'],
        v.overdueReviews.map((o) => [this.link(o.id, o.uri), o.title, o.resolvedAt.slice(0, 16).replace('T', ' '), o.status ?? '', ...(v.deadlinesDiffer ? [`${o.deadlineHours} h`] : []), elapsed(o.minutesOverdue)]),
        'None.', ['id', undefined, 'nowrap', 'nowrap', ...(v.deadlinesDiffer ? ['nowrap' as const] : []), undefined]),
      el('p', { class: 'feedback' }, feedbackSentence(m.feedback)),
    ]));
    const a = m.actions;
    const counts = (title: string, key: string, rows: typeof a.byOwner) => table(title, [key, 'total', 'open', 'overdue', 'done', 'closed'],
      rows.map((c) => [c.key, String(c.total), String(c.open), String(c.overdue), String(c.done), formatRate(c.total ? c.done / c.total : null)]));
    sections.push(this.section('Action items', 'action-items', [
      el('p', {}, `${a.done} of ${a.total} done (${formatRate(a.closureRate)}), ${a.open} open${struckOpenNote(a)}, ${a.overdue} overdue. Time to close: ${timeToCloseSentence(a)}. ` +
        `High-impact, low-effort items still open: ${a.highImpactLowEffort.open} of ${a.highImpactLowEffort.total} (${formatRate(a.highImpactLowEffort.openShare)}).`),
      el('div', { class: 'grid' }, counts('Action items per owner', 'owner', a.byOwner), counts('Action items per service', 'service', a.byService)),
      ...(severalServicesItemsNote(a) ? [el('p', {}, `Note: ${severalServicesItemsNote(a)}.`)] : []),
      table('Overdue action items', ['incident', 'item', 'owner', 'due', 'days overdue'],
        a.overdueItems.map((o) => [this.incident({ id: o.incident, title: o.incidentTitle, uri: o.uri }), `${plainLabel(o.description)}${o.struck ? ' (struck out, still open)' : ''}`, o.owner ? `@${o.owner}` : '', o.due, String(o.daysOverdue)]),
        'None.', [undefined, undefined, undefined, 'nowrap', undefined]),
    ]));
    const causes = chartHosts.find((c) => c.chart.id === 'root-causes');
    sections.push(this.section('Root-cause categories', 'root-causes', causes
      ? [el('p', { id: 'root-cause-note' }, rootCauseNote(m)), this.figure(causes.chart, causes.host)]
      : [el('p', { class: 'empty' }, 'No root-cause categories recorded.')]));
    sections.push(this.section('Incidents', 'incidents', [
      // The id with its title, and the severity with the type, share a column each: beside the text
      // (a 1400 px window split in two) seven columns left a title a few letters wide, "Chec / kout / API" (trial12 T12).
      table('Incidents', ['incident', 'severity, type', 'services', 'started', 'MTTR (detection)'],
        m.incidents.map((i) => [this.titled(i.id, i.uri, i.title), stacked(i.severity, i.incidentType), i.services.join(', '), startedDay(i), duration(i.durations.timeToResolveFromDetection ?? null)]),
        'None.', ['words', undefined, 'words', undefined, undefined]),
    ]));
    if (m.missing.length) {
      // Each count names its post-mortems, as links: "3 incidents without detected_at" alone left the user nothing to open (U5).
      const named = (uri: string) => m.incidents.find((x) => x.uri === uri)?.id ?? fileNameOf(uri);
      sections.push(this.section('Missing data', 'missing-data', [el('ul', {}, ...m.missing.map((f) => {
        const shown = f.uris.slice(0, MISSING_LINKS);
        const links = shown.flatMap((uri, k) => [k ? ', ' : ': ', this.link(named(uri), uri)]);
        const more = f.uris.length > shown.length ? [` and ${f.uris.length - shown.length} more`] : [];
        return el('li', { 'data-field': f.field }, `${plural(f.count, 'incident')} without ${f.field}`, ...links, ...more);
      }))]));
    }
    if (m.problems.length) {
      // Unreadable front matter, and times read as UTC while you write elsewhere: the numbers above rest on them.
      const name = (uri: string) => m.incidents.find((i) => i.uri === uri)?.id ?? fileNameOf(uri);
      sections.push(this.section('Notes', 'problems', [el('ul', {}, ...m.problems.map((p) => el('li', { class: 'warning' }, this.link(name(p.uri), p.uri), `: ${p.message}`)))]));
    }
    this.root.replaceChildren(...sections);
    this.charts = chartHosts;
    const failed = await this.queueDrawing(chartHosts);
    this.host.post({ type: 'rendered', charts: chartHosts.length - failed, failedCharts: failed, tables: this.root.querySelectorAll('table').length });
    document.body.dataset.state = 'rendered';
  }

  /** The charts shown, drawn again (the theme changed): the tables, the scroll position and the focus stay. */
  async redrawCharts(): Promise<void> {
    const charts = this.charts;
    if (!charts.length) return;
    document.body.dataset.state = 'drawing';
    await this.queueDrawing(charts);
    // A newer page may have replaced these charts meanwhile: its own drawing says when it is done.
    if (this.charts === charts) document.body.dataset.state = 'rendered';
  }

  /** Draws `charts` after any drawing in progress, one at a time; resolves to how many failed. */
  private queueDrawing(charts: readonly { chart: ChartSource; host: HTMLElement }[]): Promise<number> {
    const run = this.drawing.then(async () => {
      let failed = 0;
      for (const c of charts) {
        c.host.classList.remove('render-failed');
        if (await this.host.draw(c.host, c.chart)) {
          removeEmptyBars(c.host, c.chart);
          if (c.chart.wholeNumbers) trimFractionalTicks(c.host);
          anchorTurnedLabels(c.host);
          thinCrowdedLabels(c.host);
        } else failed++;
      }
      return failed;
    });
    this.drawing = run.catch(() => undefined);
    return run;
  }

  /** No incident in the window: say why and what to do, instead of drawing empty charts and tables. */
  private emptyState(m: MetricsResult, unreadable: number): HTMLElement {
    const reasons: string[] = [];
    if (m.documents === 0) {
      reasons.push('No post-mortems were found in this workspace. Create one with "Post-mortem: New Post-mortem…"; ' +
        'the dashboard counts incidents by their started_at, detected_at or resolved_at time.');
    }
    if (m.outsideWindow) reasons.push(`${plural(m.outsideWindow, 'incident')} fall${m.outsideWindow === 1 ? 's' : ''} before this window: choose a longer one, or All time.`);
    if (m.undated.length) reasons.push(`${plural(m.undated.length, 'post-mortem')} ha${m.undated.length === 1 ? 's' : 've'} no started_at, detected_at or resolved_at, so ${m.undated.length === 1 ? 'it is' : 'they are'} not counted.`);
    if (unreadable) reasons.push(`${plural(unreadable, 'post-mortem')} could not be read (listed under "Not read" in the Post-mortems view).`);
    return el('section', { class: 'empty-state', role: 'status' },
      el('h2', {}, m.documents === 0 ? 'No post-mortems yet' : 'No incidents in this window'),
      ...reasons.map((r) => el('p', {}, r)));
  }

  private section(title: string, id: string, children: HTMLElement[]): HTMLElement {
    // tabindex -1: a headline tile moves the focus here (not in the Tab order).
    return el('section', { id }, el('h2', { tabindex: '-1' }, title), ...children);
  }

  /**
   * The headline figures, each a button that takes the reader to the section explaining it. A group
   * of buttons, not a list: a `role="listitem"` on the button hid that it can be pressed (trial19a
   * F2). Pressed, the focus moves to the section's heading with the scroll, so the next Tab goes on
   * from there, not from the tile now off-screen.
   */
  private tiles(m: MetricsResult): HTMLElement {
    return el('div', { class: 'tiles', role: 'group', 'aria-label': 'Headline figures' }, ...headlineTiles(m).map((t) => {
      const tile = el('button', { class: `tile tone-${t.tone}`, type: 'button', 'data-tile': t.id, title: `${t.title}. Press for the details.` },
        el('span', { class: 'tile-label' }, t.label), el('span', { class: 'tile-value' }, t.value), el('span', { class: 'tile-detail' }, t.detail));
      tile.addEventListener('click', () => {
        const section = document.getElementById(t.section);
        // The section scrolls (its scroll-margin keeps its heading clear of the sticky controls), then its heading takes the focus.
        section?.scrollIntoView({ block: 'start' });
        section?.querySelector('h2')?.focus({ preventScroll: true });
      });
      return tile;
    }));
  }

  /** A chart with its caption and, below it, the same numbers as text (for screen readers, copying, and when Mermaid fails). */
  private figure(chart: ChartSource, host: HTMLElement): HTMLElement {
    return el('figure', {}, el('figcaption', {}, chart.title), host,
      el('details', { class: 'chart-text' }, el('summary', {}, 'As text'), el('p', {}, chart.description)));
  }

  /**
   * A button that asks the extension to open the file (the extension checks the uri is one it listed).
   * A long label (an id as `postmortem new` makes them, a path naming a post-mortem without an id)
   * wraps inside its cell after a hyphen, slash, dot or underscore, never inside a word ("PM-2026 /
   * 1206-", trial12 T12); a short id stays whole.
   */
  private link(label: string, uri: string | undefined): Cell {
    if (!uri) return label;
    const long = label.length > LONG_LABEL;
    const button = el('button', { class: long ? 'link long' : 'link', type: 'button', title: 'Open the post-mortem' }, ...(long ? withBreaks(label) : [label]));
    button.addEventListener('click', () => this.host.post({ type: 'open', uri }));
    return button;
  }

  /** An incident named by its id (a link that opens it) and its title when it has one. */
  private incident(ref: IncidentRef): HTMLElement {
    const span = el('span', { class: 'incident' }, this.link(ref.id, ref.uri));
    const title = ref.title?.trim();
    if (title && title !== ref.id) span.append(' ', el('span', { class: 'incident-title' }, title));
    return span;
  }

  /** The id (a link that opens the file) with the title on the lines below it, when it has one. */
  private titled(id: string, uri: string | undefined, title: string): HTMLElement {
    const cell = el('div', { class: 'titled' }, this.link(id, uri));
    if (title.trim() && title.trim() !== id) cell.append(el('div', { class: 'title-line' }, title));
    return cell;
  }

  /** The incidents of a chain in time order, one a line (with titles a chain no longer fits one line). */
  private chain(members: readonly IncidentRef[]): Cell {
    return el('ol', { class: 'chain' }, ...members.map((ref) => el('li', {}, this.incident(ref))));
  }

  private controls(): HTMLElement {
    const current = this.options ?? { by: 'month', windowMonths: 12 };
    // vscode-single-select (@vscode-elements/elements): the same control as the diagram editor's Export.
    const select = (id: string, label: string, options: readonly (readonly [string, string])[], value: string): HTMLElement & { value: string } => {
      // `label` is the library's accessible name: it reaches the combobox inside the shadow DOM, where
      // an aria-label on the host did not (the select was read as an unnamed combobox, trial19a F2).
      const s = el('vscode-single-select', { id, label, title: label });
      for (const [v, text] of options) s.append(el('vscode-option', { value: v, ...(v === value ? { selected: '' } : {}) }, text));
      s.value = value;
      return s;
    };
    const by = select('by', 'Group by', [['month', 'By month'], ['quarter', 'By quarter']], current.by);
    const windowSelect = select('window', 'Window', WINDOW_MONTHS.map((n) => [String(n), WINDOW_LABEL[n]!] as const), String(current.windowMonths));
    const send = () => {
      const months = Number(windowSelect.value) as MetricsViewOptions['windowMonths'];
      this.host.post({ type: 'options', options: { by: by.value === 'quarter' ? 'quarter' : 'month', windowMonths: months } });
    };
    by.addEventListener('change', send);
    windowSelect.addEventListener('change', send);
    return el('header', { class: 'controls' }, el('h1', {}, 'Post-mortem metrics'), by, windowSelect);
  }
}

/** Values one a line, each whole ("degradatio/n" was not, U3): the severity over the type. */
function stacked(...values: (string | undefined)[]): Cell {
  return el('div', {}, ...values.filter((v): v is string => !!v?.trim()).map((v) => el('div', { class: 'nowrap' }, v)));
}

/**
 * The day an incident started on its own calendar (its `timezone:`), the day its id, its file name
 * and the Post-mortems view carry — never the UTC day, which is the next one for an evening in
 * São Paulo (trial12 T3). The tooltip gives the UTC time it comes from; a day taken from another
 * milestone says so in the cell, as the column is "started".
 */
function startedDay(i: IncidentSummary): Cell {
  if (!i.date) return '';
  const source = i.datedBy === 'started_at' ? i.startedAt : i.datedBy === 'detected_at' ? i.detectedAt : i.datedBy === 'mitigated_at' ? i.mitigatedAt : i.resolvedAt;
  const utc = source ? `${source.slice(0, 16).replace('T', ' ')} UTC` : '';
  const zone = i.zone ?? 'UTC';
  const title = `${i.datedBy ?? 'started_at'} ${utc}` + (zone === 'UTC' ? '' : `; ${i.date} in ${zone}, the incident's timezone`) +
    (i.datedBy && i.datedBy !== 'started_at' ? ' (no started_at: dated by the first milestone it has)' : '');
  const day = el('span', { class: 'value nowrap', title }, i.date);
  return i.datedBy && i.datedBy !== 'started_at' ? el('span', {}, day, el('span', { class: 'dated-by', title }, `by ${i.datedBy}`)) : day;
}

/**
 * The label in pieces with a `<wbr>` after each `-`, `/`, `.` and `_`: where a long id or path may
 * wrap (a browser does not break after a slash, nor after a hyphen before a digit). Its text stays
 * the label; the cap on pieces keeps a hostile label to a bounded number of nodes.
 */
function withBreaks(label: string): (string | Node)[] {
  const parts: (string | Node)[] = [];
  let start = 0;
  for (let k = 0; k < label.length && parts.length < 200; k++) {
    if ('-/._'.includes(label[k]!)) {
      parts.push(label.slice(start, k + 1), el('wbr'));
      start = k + 1;
    }
  }
  if (start < label.length) parts.push(label.slice(start));
  return parts;
}

/** The last segment of a uri, decoded when it can be: how a problem names a file that is not an incident. */
function fileNameOf(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
