import { ENTRY_TEXT_LIMIT, ImportError, oneLine, parseJsonFile, type ImportedEvent, type ImportRead, type SkippedRecords } from './events';
import { parseExportTime } from './times';
import { formatIsoUtc } from '../time/zones';

interface Alert {
  status?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  startsAt?: unknown;
  endsAt?: unknown;
}

/** Alertmanager writes this for an alert that has not ended. */
const NO_END = /^0001-01-01/;

/** The annotations that say what happened, in the order the entry gives them after the alert's name. */
const TEXT_ANNOTATIONS = ['summary', 'description', 'message'];
/** The labels that say where, kept in parentheses after the text. */
const WHERE_LABELS = ['service', 'job', 'instance', 'severity'];

/**
 * `Name: summary — description (instance=…, severity=…; runbook_url: https://…)`. Every annotation
 * with words is kept: the summary, then a description or message that says more (the detail a
 * summary like "p99 > 2s" leaves out), then the others (`runbook_url`, `dashboard`) by name in the
 * parentheses — as the CSV import keeps its other columns. Trial 14a F11: the description and the
 * runbook were dropped whenever a summary existed, without a word.
 */
function describe(a: Alert): { text: string; whole: number } {
  const labels = a.labels ?? {};
  const ann = a.annotations ?? {};
  const name = typeof labels.alertname === 'string' ? labels.alertname : 'alert';
  // Cut long before the entry's limit is applied, so a megabyte annotation costs no more than a short one.
  const words = (v: unknown) => (typeof v === 'string' ? v.slice(0, 4 * ENTRY_TEXT_LIMIT).replace(/\s+/g, ' ').trim() : '');
  const texts: string[] = [];
  for (const key of TEXT_ANNOTATIONS) {
    const value = words(ann[key]);
    // A description that repeats the summary adds nothing; one that says more is kept.
    if (value && !texts.some((t) => t.includes(value))) texts.push(value);
  }
  const where = WHERE_LABELS.map((k) => (typeof labels[k] === 'string' ? `${k}=${labels[k]}` : undefined)).filter(Boolean);
  const others = Object.keys(ann).filter((k) => !TEXT_ANNOTATIONS.includes(k) && words(ann[k])).slice(0, 20).map((k) => `${k}: ${words(ann[k])}`);
  const details = [where.join(', '), others.join('; ')].filter(Boolean).join('; ');
  const whole = `${name}${texts.length ? `: ${texts.join(' — ')}` : ''}${details ? ` (${details})` : ''}`;
  return { text: oneLine(whole), whole: whole.length };
}

/** `parseAlertmanager`'s events alone (tests and callers that need no notes). */
export function parseAlertmanager(text: string, name = 'Alertmanager JSON'): ImportedEvent[] {
  return readAlertmanager(text, name).events;
}

/**
 * Alertmanager webhook JSON (`{ alerts: [{ status, labels, annotations, startsAt, endsAt }] }`),
 * one payload or a list of them: each alert gives a "firing" event at `startsAt` and, once ended,
 * a "resolved" event at `endsAt`, each to the second the payload wrote (two firings of one alert
 * 30 s apart are two entries). The same alert repeated across payloads (the same instant and text)
 * is merged later as a repeat. An alert whose `endsAt` is before its `startsAt` cannot be: its
 * resolved entry is left out and said, with both times (trial 14a F33: "RESOLVED" was written half
 * an hour before "FIRING" without a word).
 */
export function readAlertmanager(text: string, name = 'Alertmanager JSON'): ImportRead {
  if (!text.trim()) throw new ImportError(`${name}: the file is empty`);
  const data = parseJsonFile(name, text);
  const payloads = Array.isArray(data) ? data : [data];
  const events: ImportedEvent[] = [];
  const notes: string[] = [];
  let inverted = 0;
  let cut = 0;
  payloads.forEach((p: { alerts?: unknown }, pi) => {
    const prefix = payloads.length > 1 ? `${name} payload ${pi + 1}` : name;
    if (!p || typeof p !== 'object' || !Array.isArray(p.alerts)) throw new ImportError(`${prefix}: expected an object with an "alerts" list (an Alertmanager webhook payload)`);
    (p.alerts as Alert[]).forEach((a, i) => {
      const where = `${prefix} alert ${i + 1}`;
      if (!a || typeof a !== 'object') throw new ImportError(`${where}: expected an object`);
      if (typeof a.startsAt !== 'string') throw new ImportError(`${where}: expected "startsAt" as an RFC 3339 time`);
      const { text: label, whole } = describe(a);
      if (whole > ENTRY_TEXT_LIMIT) cut++;
      const fired = parseExportTime(a.startsAt, `${where} startsAt`);
      events.push({ instant: fired, text: `FIRING ${label}`, source: 'alert', origin: where, part: 'firing', seconds: true });
      if (typeof a.endsAt === 'string' && !NO_END.test(a.endsAt) && a.status === 'resolved') {
        const ended = parseExportTime(a.endsAt, `${where} endsAt`);
        if (ended < fired) {
          inverted++;
          if (notes.length < 10) notes.push(`${where} (${alertName(a)}): endsAt ${formatIsoUtc(ended)} is before startsAt ${formatIsoUtc(fired)}, which cannot be: its FIRING entry is imported, its RESOLVED entry is not; check the alert's times at the source`);
          return;
        }
        events.push({ instant: ended, text: `RESOLVED ${label}`, source: 'alert', origin: where, part: 'resolved', seconds: true });
      }
    });
  });
  if (inverted > 10) notes.push(`… and ${inverted - 10} more alerts that end before they start`);
  if (cut) notes.push(`${cut} alert${cut === 1 ? '\'s text was' : 's\' texts were'} longer than ${ENTRY_TEXT_LIMIT} characters and cut (marked …)`);
  const skipped: SkippedRecords[] = inverted ? [{ count: inverted, what: `${inverted} resolved time${inverted === 1 ? '' : 's'} before ${inverted === 1 ? 'its alert' : 'their alerts'} fired (see the note${inverted === 1 ? '' : 's'})` }] : [];
  return { events, skipped, notes };
}

function alertName(a: Alert): string {
  const name = a.labels?.alertname;
  return typeof name === 'string' ? oneLine(name, 80) : 'no alertname';
}
