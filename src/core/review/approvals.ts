/**
 * The review record of a post-mortem, as its front matter keeps it (issue 17):
 *
 * ```yaml
 * reviewers: [dana, lee]
 * approvals:
 *   - by: dana
 *     at: 2026-11-23T10:02:00Z
 *     verdict: approved          # or changes-requested
 *     note: Root cause goes past the trigger now.
 * ```
 *
 * A reviewer's latest verdict counts (asking for changes after approving withdraws the approval).
 * An approval counts only when dated in the window it can have been given in (ApprovalWindow), and
 * only when given by someone other than the post-mortem's authors (trial13b F8: the author's own
 * approval passed the `--require-approvals` gate while both requested reviewers had said nothing).
 * Shapes are the schema's job: entries that cannot be read are skipped here, and `schema/*`
 * reports them.
 */

import { parseInstant } from '../time/instant';
import { isFutureTime } from '../time/plausibleTime';
import { formatIsoUtc } from '../time/zones';

export type Verdict = 'approved' | 'changes-requested';

export interface ApprovalEntry {
  readonly by: string;
  /** As written (`YYYY-MM-DDTHH:MM:SSZ` when the command wrote it). */
  readonly at?: string;
  readonly verdict: Verdict;
  readonly note?: string;
  /** Position in the `approvals` list. */
  readonly index: number;
}

/**
 * When an approval can have been given: not before the incident ended (`resolved_at`, else
 * `started_at`: nobody reviews a post-mortem of what has not happened) and not after now, past the
 * clock-skew tolerance timeline/future allows (trial13a F4: an approval dated a month before the
 * incident, or in 2099, passed the `--require-approvals` gate).
 */
export interface ApprovalWindow {
  /** Epoch ms of the incident's end (or start), when the front matter has one that can be read. */
  readonly notBeforeMs?: number;
  /** The front-matter key `notBeforeMs` came from, for the message. */
  readonly notBeforeKey?: string;
  readonly nowMs: number;
}

/** An approval that does not count, and why (a clause for the message). */
export interface UncountedApproval {
  readonly entry: ApprovalEntry;
  readonly reason: string;
}

/** An approval its own reviewer withdrew by asking for changes later. */
export interface WithdrawnApproval {
  readonly approval: ApprovalEntry;
  readonly request: ApprovalEntry;
}

export interface ReviewState {
  readonly reviewers: readonly string[];
  /** Handles of the post-mortem's authors (`authors`, `author`), as written, without `@`. */
  readonly authors: readonly string[];
  readonly entries: readonly ApprovalEntry[];
  /** Reviewers whose latest verdict is a counted approval, in the order they approved. */
  readonly approvedBy: readonly string[];
  /** Those approvals' entries, in the same order as `approvedBy`. */
  readonly approvals: readonly ApprovalEntry[];
  /** Reviewers whose latest verdict asks for changes: open requests. */
  readonly changesRequestedBy: readonly string[];
  /** The open requests' entries, in the same order as `changesRequestedBy`. */
  readonly openRequests: readonly ApprovalEntry[];
  /** Approvals left out: given by an author; dated outside the window, or with an `at` that cannot be read (only with a window). */
  readonly uncounted: readonly UncountedApproval[];
  /** Approvals withdrawn by the same reviewer's later request for changes. */
  readonly withdrawn: readonly WithdrawnApproval[];
}

const handle = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().replace(/^@/, '') : undefined);

/** An `@handle` inside a longer author value (`Jonas Weber (@jonas)`); not the `@` of an e-mail address. */
const MENTION = /(?<![\w.+-])@([A-Za-z0-9][\w.-]*)/g;

/**
 * The authors' handles: each value of `authors` (a list or one string) and `author`, whole (`jonas`,
 * `@jonas`), plus every `@handle` inside a longer value (`Jonas Weber (@jonas)`).
 */
export function authorHandles(meta: Readonly<Record<string, unknown>>): string[] {
  const values = [meta.authors, meta.author].flatMap((v) => (Array.isArray(v) ? v : [v]));
  const out: string[] = [];
  for (const value of values) {
    const whole = handle(value);
    if (!whole) continue;
    out.push(whole);
    for (const m of whole.matchAll(MENTION)) if (m[1] && m[1] !== whole) out.push(m[1]);
    // An author written as an e-mail address (`dana@acme.com`, `Dana <dana@acme.com>`) is `@dana` too:
    // the author's own `by: "@dana"` passed the gate (trial15a F12).
    for (const m of whole.slice(0, 1000).matchAll(EMAIL)) out.push(m[1]);
  }
  return out;
}

/** An e-mail address's local part (bounded runs; the lookbehind starts it only at the run's start: linear). */
const EMAIL = /(?<![\w.%+-])([\w.%+-]{1,64})@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+/g;

/**
 * Whether `by` is one of the authors (handles compared without `@` and case). An approver written as
 * an e-mail address is compared by the address and by its local part; a handle written for an
 * author's name, by the name with case and `.`/`_`/`-`/spaces aside (`kim.lee` is "Kim Lee").
 */
export function isAuthor(authors: readonly string[], by: string): boolean {
  return authorMatch(authors, by)?.kind === 'same';
}

/** Case and the separators a handle made of a name uses (`kim.lee`, `kim_lee`, `Kim Lee`) aside. */
const folded = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s._-]+/g, '');

/** An author written as a personal name only (two to four words, no handle or address): "Kim Lee". */
const PERSONAL_NAME = /^[\p{L}\p{M}'’.-]{1,40}(?: [\p{L}\p{M}'’.-]{1,40}){1,3}$/u;

/**
 * How `by` names an author: `same` (the handle, the address or its local part, or the name folded:
 * `kim.lee` for "Kim Lee"), or `maybe` — a handle made of part of an author written as a name only
 * (`kim`, `lee`, `klee`, `kiml` for "Kim Lee"): most likely that author, though another Kim may
 * exist, so it is said rather than counted (trial16a F15: `by: "@kim"` for the author "Kim Lee"
 * passed the gate). An author whose handle is written (`Kim Lee (@kimlee)`) is matched by it and by
 * the whole name beside it (writtenNameIs), not by part of the name.
 */
export function authorMatch(authors: readonly string[], by: string): { readonly kind: 'same' | 'maybe'; readonly author: string } | undefined {
  const key = by.trim().replace(/^@/, '').toLowerCase();
  const local = /^([\w.%+-]{1,64})@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+$/.exec(key)?.[1];
  const same = authors.find((a) => a.toLowerCase() === key || (local !== undefined && a.toLowerCase() === local) || (PERSONAL_NAME.test(a) && folded(a) === folded(key)) || writtenNameIs(a, key));
  if (same !== undefined) return { kind: 'same', author: same };
  const handleKey = folded(local ?? key);
  if (!handleKey) return undefined;
  for (const a of authors) {
    if (!PERSONAL_NAME.test(a)) continue;
    const words = a.normalize('NFKC').toLowerCase().split(' ').map((w) => w.replace(/[.'’-]/g, '')).filter(Boolean);
    const [first, last] = [words[0]!, words[words.length - 1]!];
    const forms = [first, last, first[0] + last, first + last[0]];
    if (forms.includes(handleKey)) return { kind: 'maybe', author: a };
  }
  return undefined;
}

/**
 * Whether `key` is the whole name written beside an author's handle or address: "Hana Sato" for
 * `Hana Sato (@hana)` or `Hana Sato <hana@acme.com>`. Only the whole name (folded as `folded` does):
 * `Approve` writes `postmortem.userName`, often a full name, and the author's own approval passed the
 * gate (trial19c F1). Part of such a name stays unmatched: the handle says who the author is.
 */
function writtenNameIs(author: string, key: string): boolean {
  if (author.length > 200) return false;
  // The bracketed parts (bounded, no nesting) out; what is left must read as a personal name.
  const name = author.replace(/[(<][^()<>]{0,120}[)>]/g, ' ').split(/\s+/).filter(Boolean).join(' ');
  return name !== author.trim() && PERSONAL_NAME.test(name) && folded(name) === folded(key);
}

/** The `at` of an entry in epoch ms: an ISO time with a zone (the schema asks for UTC); undefined when it cannot be read. */
export function approvalTimeMs(entry: ApprovalEntry): number | undefined {
  return entry.at === undefined ? undefined : parseInstant(entry.at)?.ms;
}

/**
 * The review record. With `window`, an approval counts only when its `at` can be read and falls in
 * the window; the others are listed in `uncounted`. A request for changes counts whatever its date
 * (it blocks publishing; a wrong date does not make it less of a request).
 */
export function readReviewState(meta: Readonly<Record<string, unknown>>, window?: ApprovalWindow): ReviewState {
  const reviewers = Array.isArray(meta.reviewers) ? meta.reviewers.map(handle).filter((r): r is string => r !== undefined) : [];
  const entries: ApprovalEntry[] = [];
  if (Array.isArray(meta.approvals)) {
    meta.approvals.forEach((raw: unknown, index) => {
      if (!raw || typeof raw !== 'object') return;
      const r = raw as Record<string, unknown>;
      const by = handle(r.by);
      const verdict = r.verdict === 'approved' || r.verdict === 'changes-requested' ? r.verdict : undefined;
      if (!by || !verdict) return;
      const at = r.at instanceof Date ? r.at.toISOString() : typeof r.at === 'string' ? r.at : undefined;
      entries.push({ by, verdict, index, ...(at ? { at } : {}), ...(typeof r.note === 'string' ? { note: r.note } : {}) });
    });
  }
  const authors = authorHandles(meta);
  const uncounted: UncountedApproval[] = [];
  const candidates: ApprovalEntry[] = [];
  for (const e of entries) {
    const match = e.verdict === 'approved' ? authorMatch(authors, e.by) : undefined;
    const reason = e.verdict !== 'approved' ? undefined
      : match?.kind === 'same' ? BY_AN_AUTHOR
        : match ? maybeByAnAuthor(match.author, e.by)
          : window ? outsideWindow(e, window) : undefined;
    if (reason) uncounted.push({ entry: e, reason });
    else candidates.push(e);
  }
  // Latest verdict per reviewer: by `at` when both entries have one that can be read, else by list order.
  const latest = new Map<string, ApprovalEntry>();
  const withdrawnBy = new Map<string, WithdrawnApproval>();
  for (const e of candidates) {
    const key = e.by.toLowerCase();
    const before = latest.get(key);
    const [beforeMs, ms] = [before && approvalTimeMs(before), approvalTimeMs(e)];
    const later = !before || beforeMs === undefined || ms === undefined || ms >= beforeMs;
    if (!later) continue;
    if (before?.verdict === 'approved' && e.verdict === 'changes-requested') withdrawnBy.set(key, { approval: before, request: e });
    else if (e.verdict === 'approved') withdrawnBy.delete(key);
    latest.set(key, e);
  }
  const approvals: ApprovalEntry[] = [];
  const openRequests: ApprovalEntry[] = [];
  for (const e of latest.values()) {
    if (e.verdict === 'approved') approvals.push(e);
    else openRequests.push(e);
  }
  const approvedBy = approvals.map((e) => e.by);
  return { reviewers, authors, entries, approvedBy, approvals, changesRequestedBy: openRequests.map((e) => e.by), openRequests, uncounted, withdrawn: [...withdrawnBy.values()] };
}

/** Why an approval that may be an author's is left out (a clause after "@x's approval"), and how to have it counted. */
export function maybeByAnAuthor(author: string, by: string): string {
  return `perhaps given by an author: "${author}" in \`authors\` may be @${by}, and a review needs someone other than its authors; if @${by} is someone else, write the author's handle in \`authors\` ("${author} (@handle)")`;
}

/** Why an author's approval is left out (a clause after "@x's approval"). */
export const BY_AN_AUTHOR = 'given by an author of this post-mortem (`authors`): a review needs someone other than its authors';

function outsideWindow(e: ApprovalEntry, window: ApprovalWindow): string | undefined {
  const ms = approvalTimeMs(e);
  if (ms === undefined) return e.at === undefined ? 'without an `at` (when it was given)' : `whose \`at\` (${e.at}) cannot be read as a time`;
  if (isFutureTime(ms, window.nowMs)) return `dated ${formatIsoUtc(ms)}, after now (${formatIsoUtc(window.nowMs)})`;
  if (window.notBeforeMs !== undefined && ms < window.notBeforeMs) {
    return `dated ${formatIsoUtc(ms)}, before the incident's \`${window.notBeforeKey ?? 'resolved_at'}\` (${formatIsoUtc(window.notBeforeMs)})`;
  }
  return undefined;
}
