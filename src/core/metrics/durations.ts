import type { IncidentRecord } from './incident';
import { summarise } from './stats';
import type { DurationMetric, DurationMetricId, GroupStats } from './types';

interface DurationDef {
  readonly id: DurationMetricId;
  readonly label: string;
  readonly from: 'started_at' | 'detected_at';
  readonly to: 'detected_at' | 'mitigated_at' | 'resolved_at';
}

/**
 * Time to mitigate is measured from detection, like MTTR (detection → resolution): both say how
 * long responders took once they knew. Time to detect covers the gap before that.
 */
export const DURATIONS: readonly DurationDef[] = [
  { id: 'timeToResolveFromDetection', label: 'MTTR (detection → resolution)', from: 'detected_at', to: 'resolved_at' },
  { id: 'timeToResolveFromStart', label: 'MTTR (start → resolution)', from: 'started_at', to: 'resolved_at' },
  { id: 'timeToDetect', label: 'Time to detect (start → detection)', from: 'started_at', to: 'detected_at' },
  { id: 'timeToMitigate', label: 'Time to mitigate (detection → mitigation)', from: 'detected_at', to: 'mitigated_at' },
];

const FIELD: Record<DurationDef['from'] | DurationDef['to'], keyof IncidentRecord> = {
  started_at: 'started', detected_at: 'detected', mitigated_at: 'mitigated', resolved_at: 'resolved',
};

/** Minutes between the two times, or why there is no value. */
export function durationOf(r: IncidentRecord, def: DurationDef): number | 'missing' | 'inconsistent' {
  const from = r[FIELD[def.from]] as number | undefined;
  const to = r[FIELD[def.to]] as number | undefined;
  if (from === undefined || to === undefined) return 'missing';
  if (to < from) return 'inconsistent';
  return Math.round((to - from) / 60000);
}

export interface DatedIncident {
  readonly record: IncidentRecord;
  readonly label: string;
  readonly period: string;
}

function groupStats(values: Map<string, number[]>): GroupStats[] {
  return [...values.entries()]
    .map(([key, v]) => ({ key, ...summarise(v) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const arr = map.get(key);
  if (arr) arr.push(value);
  else map.set(key, [value]);
}

/** The services an incident is counted under: each one it names once, `(no service)` when it names none. */
export function servicesOf(services: readonly string[]): readonly string[] {
  if (services.length === 0) return ['(no service)'];
  return services.length === 1 ? services : [...new Set(services)];
}

export function durationMetrics(incidents: readonly DatedIncident[], periods: readonly string[]): DurationMetric[] {
  return DURATIONS.map((def) => {
    const all: number[] = [];
    const byType = new Map<string, number[]>();
    const bySeverity = new Map<string, number[]>();
    const byService = new Map<string, number[]>();
    const byPeriod = new Map<string, number[]>();
    let missing = 0;
    let severalServices = 0;
    const inconsistent: string[] = [];
    for (const { record, label, period } of incidents) {
      const d = durationOf(record, def);
      if (d === 'missing') {
        missing++;
        continue;
      }
      if (d === 'inconsistent') {
        inconsistent.push(label);
        continue;
      }
      all.push(d);
      push(byType, record.incidentType ?? '(no type)', d);
      push(bySeverity, record.severity ?? '(no severity)', d);
      // Under each service it names, once (trial14a F22: the rows then add up to more than the incidents, and the reports say so).
      const services = servicesOf(record.services);
      if (services.length > 1) severalServices++;
      for (const s of services) push(byService, s, d);
      push(byPeriod, period, d);
    }
    return {
      id: def.id, label: def.label, from: def.from, to: def.to,
      overall: summarise(all),
      byIncidentType: groupStats(byType),
      bySeverity: groupStats(bySeverity).sort((a, b) => a.key.localeCompare(b.key)),
      byService: groupStats(byService),
      severalServices,
      trend: periods.map((period) => ({ period, ...summarise(byPeriod.get(period) ?? []) })),
      missing,
      inconsistent,
    };
  });
}
