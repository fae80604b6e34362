import type { TimelineEntry } from '../document/model';
import type { SectionId } from '../document/sectionNames';
import type { MermaidBlockKind } from '../diagrams/blocks';
import type { ZonelessTimes } from '../time/readAsUtcNote';
import type { Range } from '../types';
import type { TokenBelow } from '../actions/continuation';

/**
 * One action item as the summary keeps it: plain values (no token spans), cheap to hold for
 * thousands of files and to send to a tree view. Field names match `ActionItem` in document/model.ts.
 */
export interface IndexedActionItem {
  /** Zero-based line in the file. */
  readonly line: number;
  /** The item's text after the checkbox (task form) or the action cell (table form). */
  readonly text: string;
  readonly description: string;
  readonly owner?: string;
  /** An `@` token that is not a handle (`@Devon-/-Kevin`: actions/ownerHandle.ts), as written without its `@`; no owner was read from it. */
  readonly badOwner?: string;
  /** An owner written that is a placeholder (`@owner`, `TBD`: `isPlaceholderOwner`), as written; then `owner` is absent. */
  readonly placeholderOwner?: string;
  /** `YYYY-MM-DD`. */
  readonly due?: string;
  /** A due date written but not readable as `YYYY-MM-DD` (`due:next-week`), as written. */
  readonly badDue?: string;
  /** A due date written without a year (`due Dec 14`): how its year was taken ("year taken from the incident date (2026-11-20)"). */
  readonly dueYearFrom?: string;
  /** Due words with a date that is not read (`due 03/04`, `due by Friday`), as written; `dueUnreadWhy` says why. */
  readonly dueUnread?: string;
  readonly dueUnreadWhy?: string;
  readonly isDone: boolean;
  /** `done:YYYY-MM-DD` when written. */
  readonly doneDate?: string;
  readonly ticket?: string;
  readonly priority?: 'P1' | 'P2' | 'P3' | 'P4';
  readonly impact?: 'low' | 'medium' | 'high';
  readonly effort?: 'low' | 'medium' | 'high';
  /** `kind:prevent` … `kind:kb`: what the item does (SRE workbook); closure is counted per kind. */
  readonly kind?: 'prevent' | 'mitigate' | 'detect' | 'process' | 'runbook' | 'training' | 'kb';
  /** Tasks joined by `<br>` on the item's line (itemGrammar.ts `joinedTasks`): how many; only the first is this item. */
  readonly joinedTasks?: number;
  /** Range of the `[ ]` / `[x]` box (task form) or of the status cell (table form), for mark-done edits. */
  readonly checkboxRange?: Range;
  readonly form: 'task' | 'table';
  /** Sub-heading the item sits under inside the section ("Short term"). */
  readonly group?: string;
  /**
   * A table row's Status cell as written when the status reader cannot read it (`~~Done~~`,
   * `Fertig?`, statusCell.ts `unread`): the item counts as open, and the views say so (trial13b F13).
   */
  readonly statusUnread?: string;
  /**
   * Struck out (`- [ ] ~~Drop the cache~~`, the strike on the task line or over the whole
   * description): still open, the box decides. Set only when true, by the reader (actions/struck.ts
   * `isStruckItem`, as the parser's items): `actions`, the sidebar and the metrics read this field.
   */
  readonly struck?: true;
  /**
   * An open task item without an owner (due date) on its task line, but with one on a line under it
   * (`- [ ] Add alert` / `  owner @a`), where tokens are not read: where it is, so that `actions`,
   * the sidebar and the metrics say it as lint's actions/missing-owner (missing-due) does
   * (actions/continuation.ts `tokenBelow`). The item still has no owner (due date).
   */
  readonly ownerBelow?: TokenBelow;
  readonly dueBelow?: TokenBelow;
  /** A ticket under the task line of an open task item without one (`  ([Issue](…/issues/1791))`): said as lint's actions/no-ticket does; still no ticket. */
  readonly ticketBelow?: TokenBelow;
}

/** A level-2 section of the document (the part before the first one has no heading line: -1). */
export interface SummarySection {
  readonly title: string;
  readonly id?: SectionId;
  readonly headingLine: number;
  readonly startLine: number;
  /** Exclusive. */
  readonly endLine: number;
}

/** Where a Mermaid diagram block is: its opening fence line and its last line. */
export interface DiagramLocation {
  readonly kind: MermaidBlockKind;
  readonly line: number;
  readonly endLine: number;
}

/** The front matter's incident times in epoch ms (UTC), each read in the document's zone. */
export interface Milestones {
  readonly started?: number;
  readonly detected?: number;
  readonly mitigated?: number;
  readonly resolved?: number;
  readonly published?: number;
}

/**
 * Everything but the lint needs to know of one post-mortem, read once by `readSummary` (the fast
 * reader): the workspace index, the action-items tree, `postmortem actions`, the metrics (CLI and
 * dashboard) and the status bar all take this. The full parser (document/parse.ts) stays for lint.
 */
export interface PostmortemSummary {
  readonly id?: string;
  /** The front matter's `title`, else the first `#` heading. */
  readonly title?: string;
  readonly status?: string;
  readonly severity?: string;
  readonly incidentType?: string;
  /** The zone front-matter times without their own were read in (valid `timezone`, else the fallback). */
  readonly timezone: string;
  /**
   * True when the front matter names no `timezone:`: the file's dates (the day it is listed on, the
   * month it counts in) are then `timezone`'s, the fallback, and the lists and metrics say so (trial11 T14).
   */
  readonly noTimezone?: boolean;
  /** `resolved_at` in UTC ISO form (`2026-11-20T15:02:00Z`) when it can be read. */
  readonly resolvedAt?: string;
  readonly milestones: Milestones;
  readonly services: readonly string[];
  readonly tags: readonly string[];
  /** Contributing factors from `factors:` (vocabulary ids as written; the lint checks them). */
  readonly factors: readonly string[];
  /** Prose of the Summary section (outside code, HTML and comments), capped: hover and similar incidents. */
  readonly abstract?: string;
  /** Prose of the Root cause section, capped: similar incidents. */
  readonly rootCause?: string;
  /** Ids of earlier post-mortems named in `related`. */
  readonly related: readonly string[];
  /** Ratings (1–5) of the review itself from `review_feedback:`; entries without a whole 1–5 rating are left out (the schema reports them). */
  readonly reviewRatings: readonly number[];
  /** Distinct action-item owners, in order of first appearance. */
  readonly owners: readonly string[];
  readonly actionItems: readonly IndexedActionItem[];
  /** Entries of the Timeline section(s), resolved to UTC as the lint resolves them. */
  readonly timeline: readonly TimelineEntry[];
  readonly sections: readonly SummarySection[];
  readonly diagrams: readonly DiagramLocation[];
  /** Categories of the fishbone diagrams that hold at least one cause (root-cause metrics). */
  readonly rootCauseCategories: readonly string[];
  /**
   * Task items that name an owner or a due date outside the Action items section(s): not action
   * items, so no list counts them; how many, the first lines (0-based) and the sections' titles
   * ('' for the part before the first section). Absent when there are none. `box`: how many of them
   * are written with a mistyped checkbox (`- [] Rotate keys @ana due:…`), which Markdown shows as text.
   * `besideSection`: the post-mortem has an Action items section, so they were kept elsewhere (a
   * "Follow-up checks" list under Response) or typed in the wrong place, and every line was read: a
   * note (lint's actions/outside-section is an info, `actions` exits 0, the tree's icon is an info).
   * Without one (none written, or its heading inside an HTML comment) the file's action items were
   * not found: a warning in the tree, and `actions` exits 1.
   */
  readonly strayActionItems?: { readonly count: number; readonly box: number; readonly lines: readonly number[]; readonly sections: readonly string[]; readonly besideSection: boolean };
  /**
   * Task lines in the Action items section that Markdown reads as a block quote's (`> - [ ] …`) or
   * as raw HTML (`<details><summary>…` with no blank line after it), so they are no action items:
   * how many of each, the first lines (0-based). Absent when there are none (index/hiddenTasks.ts).
   */
  readonly hiddenActionItems?: { readonly count: number; readonly quote: number; readonly html: number; readonly lines: readonly number[] };
  /**
   * Lines in the Action items section meant as action items that Markdown reads as plain bullets: a
   * mistyped checkbox (`- []`, `- [ ]Text`: `box`) or a top-level bullet with an owner or a due date
   * (`- Add alert @kim due:…`: `plain`), or that Markdown reads as text or code: a look-alike bullet
   * (`-` and a no-break space, `•`) or a task line indented into a code block (`asText`), so they are
   * no action items: how many of each, the first lines (0-based). Absent when there are none
   * (index/untakenItems.ts).
   */
  readonly untakenActionItems?: { readonly count: number; readonly box: number; readonly plain: number; readonly asText: number; readonly lines: readonly number[] };
  /** Why some of the file could not be read (broken YAML, front matter not a mapping); the rest is still there. */
  readonly problems: readonly string[];
  /** Front-matter times written without a zone and read as UTC (`timezone: UTC` or none): reports say so. */
  readonly readAsUtc?: ZonelessTimes;
  /** Front-matter time keys written without a zone (read in `timezone`): a time after now names the zone reading as its likely cause (summaryAsOf). */
  readonly zonelessKeys?: readonly string[];
  /** True when there is no front matter at all. */
  readonly noFrontMatter?: boolean;
}


/** True when the item is open and its due date is before `todayUtc` (`YYYY-MM-DD`). */
export function isOverdue(item: Pick<IndexedActionItem, 'isDone' | 'due'>, todayUtc: string): boolean {
  return !item.isDone && item.due !== undefined && item.due < todayUtc;
}
