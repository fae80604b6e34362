import type { SectionId } from '../document/sectionNames';
import { isFrontMatterUnreadProblem, readSummary } from '../index/readSummary';
import { summaryAsOf } from '../index/summaryAsOf';
import type { PostmortemSummary } from '../index/summary';
import type { ZonelessTimes } from '../time/readAsUtcNote';
import { readSeverity } from '../library/severity';

/**
 * A post-mortem given to the metrics: its summary (the workspace index holds them), or its text,
 * read here by the same reader (`readSummary`). `label` is how a person names the file (its
 * workspace-relative path); it names an incident without an `id` in reports, where a `file:///…`
 * uri would be noise. Without it the uri is used.
 */
export type MetricsSource = ({ readonly uri: string; readonly summary: PostmortemSummary } | { readonly uri: string; readonly text: string }) & {
  readonly label?: string;
  /**
   * This file's own `reviewDeadlineHours` (its folder's `.postmortemrc.json`): in a multi-root
   * workspace each folder's deadline applies to its own files, as the status bar and
   * `review/overdue` apply it (trial19a F1). Without it, the options' deadline.
   */
  readonly reviewDeadlineHours?: number;
};

export interface IncidentAction {
  readonly line: number;
  readonly description: string;
  readonly owner?: string;
  /** An `@` token that is not a handle (`@Devon-/-Kevin`), as written: no owner was read from it (actions/bad-owner). */
  readonly badOwner?: string;
  /** An owner written under the task line, where it is not read (IndexedActionItem.ownerBelow): still no owner. */
  readonly ownerBelow?: true;
  readonly due?: string;
  readonly doneDate?: string;
  readonly isDone: boolean;
  readonly impact?: string;
  readonly effort?: string;
  readonly kind?: string;
  /** Struck out (`~~…~~`) as the reader decided (IndexedActionItem.struck): still open when its box is not ticked. */
  readonly struck?: true;
}

/** What the metrics need from one post-mortem; times in epoch ms (UTC). */
export interface IncidentRecord {
  readonly uri: string;
  readonly id?: string;
  readonly title?: string;
  readonly status?: string;
  readonly severity?: string;
  readonly incidentType?: string;
  readonly services: readonly string[];
  readonly tags: readonly string[];
  readonly factors: readonly string[];
  readonly related: readonly string[];
  /** `review_feedback` ratings (1–5) of the review itself. */
  readonly reviewRatings: readonly number[];
  /** True when `severity` is not one of SEV1–SEV4: it is kept as written (readSeverity). */
  readonly severityAsWritten?: boolean;
  /** The severity as written when it was read as one of SEV1–SEV4 written otherwise (`sev1`, `Sev-1`). */
  readonly severityWritten?: string;
  /** The calendar the incident is dated by: the document's `timezone:` (UTC without one). */
  readonly zone?: string;
  /** True when the document names no `timezone:`: `zone` is then the fallback, and the reports say so. */
  readonly noTimezone?: boolean;
  readonly started?: number;
  readonly detected?: number;
  readonly mitigated?: number;
  readonly resolved?: number;
  readonly published?: number;
  readonly actions: readonly IncidentAction[];
  readonly fishboneCategories: readonly string[];
  readonly problems: readonly string[];
  /** Front-matter times without a zone read as UTC (see time/readAsUtcNote.ts). */
  readonly readAsUtc?: ZonelessTimes;
  /** The file's own review deadline (MetricsSource.reviewDeadlineHours), when it was given one. */
  readonly reviewDeadlineHours?: number;
}

/**
 * The metrics' view of a summary: no reading of its own (the summary is the one reading of the
 * file), only the normalisation the reports group by (severity upper case, incident type lower case).
 */
export function incidentOf(source: MetricsSource, sectionAliases?: Readonly<Record<SectionId, readonly string[]>>, nowMs: number = Date.now(), writerZone?: string): IncidentRecord {
  const { uri } = source;
  const s = summaryAsOf('summary' in source ? source.summary : readSummary(source.text, sectionAliases ? { sectionAliases } : {}), nowMs, writerZone);
  return {
    uri,
    id: s.id,
    title: s.title,
    status: s.status,
    // `sev1`, `Sev-1` are SEV1; `P1`, `1` stay as written and are counted in a note (trial11 T12).
    ...(s.severity?.trim() ? severityFields(s.severity) : {}),
    incidentType: s.incidentType?.toLowerCase(),
    services: s.services,
    tags: s.tags,
    factors: s.factors,
    related: s.related,
    reviewRatings: s.reviewRatings,
    zone: s.timezone,
    ...(s.noTimezone ? { noTimezone: true } : {}),
    ...s.milestones,
    actions: s.actionItems.map((a) => ({
      line: a.line, description: a.description, owner: a.owner, badOwner: a.badOwner, due: a.due, doneDate: a.doneDate, isDone: a.isDone, impact: a.impact, effort: a.effort, kind: a.kind,
      ...(a.struck ? { struck: true as const } : {}),
      ...(a.ownerBelow ? { ownerBelow: true as const } : {}),
    })),
    fishboneCategories: s.rootCauseCategories,
    // A front matter meant but not read says why (not closed, not on line 1: readSummary), not "no front matter".
    problems: s.noFrontMatter && !s.problems.some(isFrontMatterUnreadProblem) ? ['no front matter'] : s.problems,
    ...(s.readAsUtc ? { readAsUtc: s.readAsUtc } : {}),
    ...(source.reviewDeadlineHours !== undefined ? { reviewDeadlineHours: source.reviewDeadlineHours } : {}),
  };
}

function severityFields(written: string): { severity: string; severityAsWritten?: boolean; severityWritten?: string } {
  const read = readSeverity(written);
  if (!read.standard) return { severity: read.key, severityAsWritten: true };
  return read.key === written.trim() ? { severity: read.key } : { severity: read.key, severityWritten: written.trim() };
}
