import type { Diagnostic } from '../../core/types';
import { formatDurationShort, formatDurationWords, formatIsoUtc, isFrontMatterUnreadProblem, isUnreadTimeProblem, summaryAsOf, type PostmortemSummary } from '../../core/api';
import type { ReviewProgress } from '../../core/rules/review/reviewProgress';
import { formatLocalDate, isUtcZone, localClockOf } from '../../core/time/zones';

/** What the status bar says about one post-mortem, computed from its summary. */
export interface ReviewStatus {
  readonly severity?: string;
  readonly status?: string;
  /** Review deadline (epoch ms): resolved_at + reviewDeadlineHours; undefined before resolution. */
  readonly deadline?: number;
  readonly published: boolean;
  /** The day `resolved_at` falls on in the document's own `timezone:` (`YYYY-MM-DD`), said for an old unpublished review. */
  readonly resolvedDay?: string;
  readonly deadlineHours?: number;
  /**
   * Why there is no deadline though the file has a `resolved_at` (or no severity and status though it
   * has a front matter): the front matter was not read, or `resolved_at` is not used (after now, a
   * placeholder, out of order). The summary's problem, word for word, as `postmortem list` prints it.
   */
  readonly notRead?: { readonly short: string; readonly problem: string };
  /**
   * For a `published` post-mortem: what its lint says still stands in the way of publishing
   * (`review/not-approved`, and errors such as a required field missing). The bar never says
   * "review done" over them (trial18b F2): it reads the review as the lint does, from the lint's own
   * diagnostics, not by a second reading of `approvals:`.
   */
  readonly publishBlockers: readonly Diagnostic[];
  /**
   * For an `in-review` post-mortem: its approvals so far and needed, from the same lint, read as
   * review/not-approved reads them once it is published (reviewProgress): the bar never counts an
   * approval the lint will not (an author's, one dated before the incident ended).
   */
  readonly review?: ReviewProgress;
}

/** The lint's diagnostics that contradict "the review is complete" on a published post-mortem. */
export function publishBlockers(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'review/not-approved' || d.severity === 'error');
}

/**
 * As of `nowMs`, by the reader of the list and the metrics (summaryAsOf): a `resolved_at` that has
 * not happened yet starts no deadline (trial12 T2: "review due in 2d 1h" from a time 1.5 h ahead).
 */
export function reviewStatus(source: PostmortemSummary, deadlineHours: number, nowMs: number, lint: readonly Diagnostic[] = [], review?: ReviewProgress): ReviewStatus {
  const summary = summaryAsOf(source, nowMs);
  const resolved = summary.milestones.resolved;
  const frontMatter = summary.problems.find(isFrontMatterUnreadProblem);
  // `resolved_at` (after now, out of order, a placeholder) or `resolved_at: VALUE` (not a valid time).
  const resolvedUnread = summary.problems.find((p) => isUnreadTimeProblem(p) && (p.includes('`resolved_at`') || p.includes('`resolved_at: ')));
  const notRead = frontMatter ? { short: 'front matter not read', problem: frontMatter } : resolvedUnread ? { short: unusedResolvedShort(resolvedUnread), problem: resolvedUnread } : undefined;
  return {
    severity: summary.severity,
    status: summary.status,
    deadline: resolved !== undefined ? resolved + deadlineHours * 3_600_000 : undefined,
    published: summary.status === 'published',
    ...(resolved !== undefined ? { resolvedDay: formatLocalDate(resolved, summary.timezone) } : {}),
    deadlineHours,
    ...(notRead ? { notRead } : {}),
    publishBlockers: summary.status === 'published' ? publishBlockers(lint) : [],
    ...(summary.status === 'in-review' && review ? { review } : {}),
  };
}

/**
 * Why `resolved_at` starts no deadline, in the few words the status bar has room for (trial17b F9:
 * "resolved_at not used" left the reader guessing; the tooltip says the whole problem).
 */
function unusedResolvedShort(problem: string): string {
  if (problem.includes('has not happened yet')) return 'resolved_at is in the future: no review deadline';
  if (problem.includes('(time/order)')) return 'resolved_at is out of order: no review deadline';
  if (problem.includes('Unix epoch') || problem.includes('before 1970') || problem.includes(', not a time;')) return 'resolved_at is a placeholder: no review deadline';
  if (problem.includes('(schema/format)')) return 'resolved_at is not a valid time: no review deadline';
  return 'resolved_at is not readable: no review deadline';
}

/**
 * Days past the deadline after which the status bar stops calling an unpublished review "overdue":
 * chasing a review is useful in the weeks after an incident; a review resolved years ago (history
 * imported or converted, trial12 T16b: "review overdue 1423d 10h" in yellow on a 2023 incident) is
 * not published, and the bar says that, once, without the warning. Lint's review/overdue still reports it.
 */
export const OVERDUE_DAYS = 30;

/** The status bar's words about the review deadline, whether they warn, and the tooltip's line. */
export interface DeadlineWords {
  readonly text: string;
  readonly warn: boolean;
  readonly detail: string;
}

/**
 * `writerZone`: the writer's zone (postmortem.zone, else the machine's); the deadline is also said on
 * its clock, as the other hovers do (trial13b F13: 23:40Z is 00:40 on the next day in Berlin).
 */
export function deadlineWords(s: ReviewStatus, now: number, writerZone?: string): DeadlineWords | undefined {
  if (s.published) return publishedWords(s.publishBlockers);
  if (s.deadline === undefined) return undefined;
  const hours = s.deadlineHours ?? 48;
  const left = s.deadline - now;
  const local = writerZone && !isUtcZone(writerZone) ? ` = ${localClockOf(s.deadline, writerZone).clock} ${writerZone}` : '';
  const when = `Review deadline: ${formatIsoUtc(s.deadline)}${local} (${hours} h after \`resolved_at\`)`;
  if (left >= 0) return { text: `review due in ${shortSpan(left)}`, warn: false, detail: `${when} — ${spanInWords(left)} left` };
  if (-left <= OVERDUE_DAYS * 86_400_000) return { text: `review overdue ${shortSpan(left)}`, warn: true, detail: `${when} — **overdue by ${spanInWords(left)}**` };
  return {
    text: `review not published (resolved ${s.resolvedDay})`,
    warn: false,
    detail: `${when} passed ${spanInWords(left)} ago. More than ${OVERDUE_DAYS} days past it, the status bar no longer marks the review as overdue ` +
      '(an old review, often imported or converted, that no one is chasing); lint still reports it as `review/overdue`. ' +
      'When it is published, set `status: published` and `published_at`.',
  };
}

/** A published post-mortem: "review done" only when its lint agrees; else what it says is missing. */
function publishedWords(blockers: readonly Diagnostic[]): DeadlineWords {
  if (!blockers.length) return { text: 'review done', warn: false, detail: 'Published: the review is complete.' };
  const notApproved = blockers.find((d) => d.code === 'review/not-approved');
  const others = blockers.filter((d) => d !== notApproved);
  const errors = `${others.length} error${others.length === 1 ? '' : 's'}`;
  const text = notApproved ? `not approved${others.length ? ` · ${errors}` : ''}` : `${errors} before publishing`;
  const lines = blockers.map((d) => `- \`${d.code}\` (line ${d.range.start.line + 1}): ${escapeMarkdown(d.message)}`);
  return {
    text,
    warn: true,
    detail: `Marked \`published\`, but the review is not complete: the lint reports ${notApproved ? 'it as not approved' : ''}${notApproved && others.length ? ' and ' : ''}${others.length ? errors : ''} (see Problems).\n\n${lines.join('\n')}`,
  };
}

/** The status bar's words about an in-review post-mortem's approvals, and the tooltip's paragraph. */
export interface ApprovalWords {
  /** Absent when publishing needs no approval (`requiredApprovals: 0`). */
  readonly text?: string;
  readonly detail: string;
}

/**
 * What a reviewer or the author needs to know of an in-review post-mortem: approvals so far of those
 * needed to publish, or the request for changes that blocks it, and in the tooltip who approved,
 * whose approval is not counted (and why, in the lint's words), whom the review waits for.
 */
export function approvalWords(s: ReviewStatus): ApprovalWords | undefined {
  const r = s.review;
  if (!r) return undefined;
  const handles = (list: readonly string[]) => list.map((h) => `@${h}`).join(', ');
  const stamped = (e: { readonly by: string; readonly atMs?: number }) => `@${e.by}${e.atMs === undefined ? '' : ` (${formatIsoUtc(e.atMs)})`}`;
  const lines: string[] = [];
  if (r.approved.length) lines.push(`- Approved by ${escapeMarkdown(r.approved.map(stamped).join(', '))}`);
  if (r.changesRequested.length) {
    const one = r.changesRequested.length === 1;
    lines.push(`- Changes requested by ${escapeMarkdown(r.changesRequested.map(stamped).join(', '))}: still open (a later approval by the same reviewer answers ${one ? 'it' : 'them'})`);
  }
  for (const u of r.uncounted) lines.push(`- Not counted: ${escapeMarkdown(u)}`);
  if (r.waitingFor.length) lines.push(`- No approval yet from the requested reviewer${r.waitingFor.length === 1 ? '' : 's'} ${escapeMarkdown(handles(r.waitingFor))}`);
  else if (r.reviewers === 0) lines.push('- No reviewer requested yet: *Post-mortem: Request Review…* adds them to `reviewers:`');
  const list = lines.length ? `\n\n${lines.join('\n')}` : '';
  if (r.required === 0) return { detail: `**Review:** publishing needs no approval here (\`requiredApprovals: 0\`).${list}` };
  const count = `approvals ${r.approved.length} of ${r.required}`;
  const ready = r.approved.length >= r.required && r.changesRequested.length === 0;
  const head = `**Review:** ${count} needed to publish (\`requiredApprovals\`), counted as \`review/not-approved\` counts them once the status is \`published\`.`;
  const next = ready ? '\n\nEnough approvals to publish: set `status: published` and `published_at`.' : '';
  const text = r.changesRequested.length ? `changes requested by ${shortList(r.changesRequested.map((e) => `@${e.by}`))}` : count;
  return { text, detail: `${head}${list}${next}` };
}

/** `@a`, `@a, @b`, `@a, @b +3`: the status bar has room for two names. */
function shortList(names: readonly string[]): string {
  return names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} +${names.length - 2}`;
}

/**
 * The lint's message inside the tooltip's Markdown (it quotes the user's values): emphasis, links,
 * HTML and `$(icon)` are escaped; its backtick code spans are kept.
 */
function escapeMarkdown(text: string): string {
  // Odd parts are the code spans (a backtick pair), which Markdown shows as written.
  return text.split(/(`[^`]*`)/).map((part, i) => (i % 2 ? part : part.replace(/[\\*_[\]<>|~$]/g, '\\$&'))).join('');
}

/** `5 h 12 m`, `2 d 3 h`, `40 m`, `12 d`: core's short form (tables and tiles use it), as long before or after the deadline as `ms` is. */
function shortSpan(ms: number): string {
  return formatDurationShort(Math.abs(ms) / 60_000);
}

/** The same in words for the tooltip: `5 hours 12 minutes`. */
function spanInWords(ms: number): string {
  return formatDurationWords(Math.abs(ms) / 60_000);
}
