import { isDoneAfterToday } from '../actions/doneAfterToday';
import { ownerKey } from '../actions/ownerKey';
import { writerToday } from '../time/writerZone';
import { formatLocalDate } from '../time/zones';
import { servicesOf, type DatedIncident } from './durations';
import { ratio, summarise } from './stats';
import type { ActionCounts, ActionMetrics, OverdueAction } from './types';

const DAY = 86_400_000;

function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / DAY);
}

/** Counts per key; a row is shown with the first spelling seen of its key (`sameAs` folds spellings). */
class Counter {
  private readonly rows = new Map<string, { label: string; total: number; open: number; overdue: number; done: number }>();
  constructor(private readonly sameAs: (label: string) => string = (label) => label) {}
  add(label: string, isDone: boolean, isOverdue: boolean): void {
    const key = this.sameAs(label);
    const row = this.rows.get(key) ?? { label, total: 0, open: 0, overdue: 0, done: 0 };
    row.total++;
    if (isDone) row.done++;
    else row.open++;
    if (isOverdue) row.overdue++;
    this.rows.set(key, row);
  }
  list(): ActionCounts[] {
    return [...this.rows.values()]
      .map(({ label, ...r }) => ({ key: label, ...r }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.key.localeCompare(b.key));
  }
}

/**
 * Action items of the incidents in the window. Time to close runs from the incident's resolution
 * day to the `done:` date: the day the follow-up work could start to the day it ended. `done:` is
 * the writer's local date (what Mark done writes), so the resolution instant is read as a date on
 * the writer's calendar too: resolved 20:45Z on the 5th is the 6th in Kolkata, and done on the 7th
 * there is 1 day, not the 2 a UTC date said (trial T2).
 * An item is overdue when open and its `due:` date is before today at `now` where the writer is
 * (`writerZone`: the date lint's actions/overdue, `actions` and `done:` use; UTC's when not known).
 */
export function actionMetrics(incidents: readonly DatedIncident[], nowMs: number, writerZone?: string): Omit<ActionMetrics, 'undatedItemsLeftOut'> {
  const today = writerToday(nowMs, writerZone);
  const calendar = writerZone ?? 'UTC';
  const byOwner = new Counter(ownerKey);
  const byService = new Counter();
  const closeDays: number[] = [];
  const overdueItems: OverdueAction[] = [];
  let total = 0;
  let done = 0;
  let doneWithoutDate = 0;
  let doneWithoutResolved = 0;
  let doneBeforeResolution = 0;
  let doneAfterToday = 0;
  const afterToday = new Set<string>();
  const withoutResolved = new Set<string>();
  let hile = 0;
  let hileOpen = 0;
  let struckOpen = 0;
  const severalServices = { items: 0, incidents: 0 };
  for (const { record: r, label } of incidents) {
    const services = servicesOf(r.services);
    if (services.length > 1 && r.actions.length) {
      severalServices.incidents++;
      severalServices.items += r.actions.length;
    }
    const resolvedDate = r.resolved !== undefined ? formatLocalDate(r.resolved, calendar) : undefined;
    for (const a of r.actions) {
      total++;
      const isOverdue = !a.isDone && a.due !== undefined && a.due < today;
      if (!a.isDone && a.struck) struckOpen++;
      if (a.isDone) {
        done++;
        if (!a.doneDate) doneWithoutDate++;
        // A done: date after today is not when the work ended (lint: actions/done-in-future): left out, and said (trial13a F10).
        else if (isDoneAfterToday(a.doneDate, today)) {
          doneAfterToday++;
          afterToday.add(label);
        }
        else if (resolvedDate) {
          // Done before the resolution day (rolled back during the incident): 0 days, and counted so the report says it (trial11 T7).
          const days = daysBetween(resolvedDate, a.doneDate);
          if (days < 0) doneBeforeResolution++;
          closeDays.push(Math.max(0, days));
        }
        else {
          doneWithoutResolved++;
          withoutResolved.add(label);
        }
      }
      // An owner written but not a handle (`@Devon-/-Kevin`) is no one yet, and the row says why it is not a person.
      // One written under the task line is not read either (actions/missing-owner says where): its own row, as lint says it.
      byOwner.add(a.owner ?? (a.badOwner !== undefined ? '(no owner: @ token not a handle)' : a.ownerBelow ? '(no owner: @ token under the task line)' : '(no owner)'), a.isDone, isOverdue);
      for (const s of services) byService.add(s, a.isDone, isOverdue);
      if (a.impact === 'high' && a.effort === 'low') {
        hile++;
        if (!a.isDone) hileOpen++;
      }
      if (isOverdue && a.due) {
        overdueItems.push({ uri: r.uri, incident: label, incidentTitle: r.title, line: a.line + 1, description: a.description, owner: a.owner, due: a.due, daysOverdue: daysBetween(a.due, today), ...(a.struck ? { struck: true as const } : {}) });
      }
    }
  }
  overdueItems.sort((a, b) => b.daysOverdue - a.daysOverdue || a.incident.localeCompare(b.incident));
  return {
    total, done, open: total - done, struckOpen, overdue: overdueItems.length,
    closureRate: ratio(done, total),
    daysToClose: summarise(closeDays),
    doneBeforeResolution,
    doneWithoutDate,
    doneWithoutResolved: { items: doneWithoutResolved, incidents: [...withoutResolved] },
    doneAfterToday: { items: doneAfterToday, incidents: [...afterToday], today },
    closeCalendar: calendar,
    byOwner: byOwner.list(),
    byService: byService.list(),
    severalServices,
    highImpactLowEffort: { total: hile, open: hileOpen, openShare: ratio(hileOpen, hile) },
    overdueItems,
  };
}
