import { ImportError, oneLine, parseJsonFile, type ImportedEvent } from './events';
import { parseExportTime } from './times';

interface Alert {
  status?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  startsAt?: unknown;
  endsAt?: unknown;
}

/** Alertmanager writes this for an alert that has not ended. */
const NO_END = /^0001-01-01/;

function describe(a: Alert): string {
  const labels = a.labels ?? {};
  const ann = a.annotations ?? {};
  const name = typeof labels.alertname === 'string' ? labels.alertname : 'alert';
  const summary = [ann.summary, ann.description, ann.message].find((s): s is string => typeof s === 'string' && s.trim() !== '');
  const where = ['service', 'job', 'instance', 'severity'].map((k) => (typeof labels[k] === 'string' ? `${k}=${labels[k]}` : undefined)).filter(Boolean);
  return oneLine(`${name}${summary ? `: ${summary}` : ''}${where.length ? ` (${where.join(', ')})` : ''}`);
}

/**
 * Alertmanager webhook JSON (`{ alerts: [{ status, labels, annotations, startsAt, endsAt }] }`),
 * one payload or a list of them: each alert gives a "firing" event at `startsAt` and, once ended,
 * a "resolved" event at `endsAt`. The same alert repeated across payloads is merged later by the
 * duplicate check (same minute, same text).
 */
export function parseAlertmanager(text: string, name = 'Alertmanager JSON'): ImportedEvent[] {
  if (!text.trim()) throw new ImportError(`${name}: the file is empty`);
  const data = parseJsonFile(name, text);
  const payloads = Array.isArray(data) ? data : [data];
  const events: ImportedEvent[] = [];
  payloads.forEach((p: { alerts?: unknown }, pi) => {
    const prefix = payloads.length > 1 ? `${name} payload ${pi + 1}` : name;
    if (!p || typeof p !== 'object' || !Array.isArray(p.alerts)) throw new ImportError(`${prefix}: expected an object with an "alerts" list (an Alertmanager webhook payload)`);
    (p.alerts as Alert[]).forEach((a, i) => {
      const where = `${prefix} alert ${i + 1}`;
      if (!a || typeof a !== 'object') throw new ImportError(`${where}: expected an object`);
      if (typeof a.startsAt !== 'string') throw new ImportError(`${where}: expected "startsAt" as an RFC 3339 time`);
      const label = describe(a);
      events.push({ instant: parseExportTime(a.startsAt, `${where} startsAt`), text: `FIRING ${label}`, source: 'alert', origin: where, part: 'firing' });
      if (typeof a.endsAt === 'string' && !NO_END.test(a.endsAt) && a.status === 'resolved') {
        events.push({ instant: parseExportTime(a.endsAt, `${where} endsAt`), text: `RESOLVED ${label}`, source: 'alert', origin: where, part: 'resolved' });
      }
    });
  });
  return events;
}
