import { formatIsoUtc } from '../time/zones';
import { singleLineTitle } from './singleLine';

/** What a new post-mortem is made from, whichever template renders it. */
export interface NewPostmortemInput {
  readonly title: string;
  /** Creation time; times are this instant in UTC, rounded down to the minute. */
  readonly now: Date;
  /** The writer's IANA zone, written as `timezone:`. */
  readonly zone: string;
  /** When the incident started, as the writer said (epoch ms); unknown: `started_at` stays a placeholder. */
  readonly started?: number;
  readonly id: string;
  readonly author?: string;
  /** `SEV1` … `SEV4`, when chosen. */
  readonly severity?: string;
  /** `incident_type`, when chosen (`security`, `outage`, …). */
  readonly incidentType?: string;
}

/** The variables a template may use, with what each holds (for help texts, docs and "unknown variable" messages). */
export const TEMPLATE_VARIABLES = {
  title: 'the title given',
  id: 'the new id (PM-YYYYMMDD-<slug>, or --id)',
  now: 'the creation time in UTC, to the minute (2026-11-27T05:40:00Z): not when the incident started',
  started: 'when the incident started, as the writer gave it, in UTC (2026-11-26T22:10:00Z); empty when not given',
  date: 'the UTC date (2026-11-27)',
  time: 'the UTC time of day (05:40), always with its zone: with no zone after it, written 05:40Z on a list item or table row (a timeline entry) and 05:40 UTC elsewhere',
  zone: "the writer's IANA zone (Europe/Berlin), as written in `timezone:`",
  author: 'who creates it (postmortem.userName, --author); may be empty',
  severity: 'SEV1 … SEV4 as chosen; may be empty',
  type: 'the incident type as chosen (security, outage, …); may be empty',
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;

/** The values of every template variable, each one line of text ('' when not known). */
export function templateValues(input: NewPostmortemInput): Readonly<Record<TemplateVariable, string>> {
  const minute = Math.floor(input.now.getTime() / 60_000) * 60_000;
  const iso = formatIsoUtc(minute);
  return {
    title: singleLineTitle(input.title) || 'Untitled incident',
    id: singleLineTitle(input.id),
    now: iso,
    started: input.started === undefined ? '' : formatIsoUtc(input.started),
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    zone: singleLineTitle(input.zone) || 'UTC',
    author: singleLineTitle(input.author ?? '').replace(/^@/, ''),
    severity: singleLineTitle(input.severity ?? ''),
    type: singleLineTitle(input.incidentType ?? ''),
  };
}
