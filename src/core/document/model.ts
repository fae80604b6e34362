import type { Root } from 'mdast';
import type { LineIndex } from '../text/lineIndex';
import type { ParsedActionText } from '../actions/itemGrammar';
import type { ZoneReading } from '../time/zoneMarker';
import type { LocalTimeIssue } from '../time/zones';
import type { Range } from '../types';
import type { CommentHiding } from './commentHiding';
import type { FrontMatter } from './frontMatter';
import type { HeadingLine, OpenAtEnd, Section } from './sections';
import type { RawTimelineEntry } from '../timeline/extract';

export interface SectionUnit extends Section {
  /** The section's own text, heading included. */
  readonly text: string;
  /** Section Markdown parsed on its own (on first access); positions are relative to `startLine`. */
  readonly mdast: Root;
  /** A timeline section's entries as written (before dates and zones are resolved); lines relative to `startLine`. */
  readonly rawTimeline?: readonly RawTimelineEntry[];
  /** Set when the section was too large to read as Markdown: why (its size and the limit). */
  readonly notChecked?: string;
}

/** One timeline entry: a list item (or table row) under `## Timeline`. */
export interface TimelineEntry {
  readonly line: number;
  /** The whole list item line or table row. */
  readonly range: Range;
  /** Where the entry's text starts on its line (after the bullet), so stamp offsets map to columns. */
  readonly textStart: number;
  readonly text: string;
  readonly form: 'list' | 'table';
  /** Columns of the written date/time/zone on the line; undefined when no time could be read. */
  readonly stampRange?: Range;
  /** Epoch ms (UTC) once date and zone are resolved; undefined when the time cannot be read. */
  readonly instant?: number;
  /** The end of a written time range (`14:05-14:20`), in epoch ms: the entry's time is its start. */
  readonly rangeEndInstant?: number;
  /** True when the date came from the previous entry or `started_at`. */
  readonly dateInherited: boolean;
  /**
   * In a table with a Date column of its own (`| Date | Time | Event |`): that cell's columns on the
   * line (empty cell: start = end). A fix that writes a date writes it there, the time in the stamp.
   */
  readonly dateCell?: { readonly start: number; readonly end: number };
  /** The zone applied: written on the entry, else the front matter's `timezone`, else UTC. */
  readonly zone: string;
  readonly zoneWritten: boolean;
  /**
   * Set when the entry has a time but no date and was more than 12 hours before the entry above,
   * so the resolver read it on the next day (the clock crossed midnight, or the time is a typo):
   * the local date it was given (YYYY-MM-DD) and the line of the entry above. A reading, not a fact:
   * timeline/next-day states it, and fixes that rewrite such an entry say so.
   */
  readonly nextDay?: { readonly date: string; readonly previousLine: number };
  /**
   * Set on the first entry under a Timeline sub-heading that names its day in words (`### Tuesday, 24
   * November`, `### Day 2`) or looks like a day but cannot be read (`### Nov 31`): the day it was
   * read as (YYYY-MM-DD) and what was inferred (the year, or the day counted from `started_at`), or
   * why it was not read (the entries then keep the day above). timeline/day-heading states it.
   */
  readonly dayHeading?: { readonly date?: string; readonly inferred?: 'year' | 'day'; readonly problem?: string; readonly weekday?: number; readonly dayNumber?: number };
  /**
   * Set when the entry has a time but no date, the entry above was written in another zone, and its
   * date as written (`2026-12-06 05:52Z`) would give this time another day than the one it takes:
   * the day of the entry above in this entry's zone (`2026-12-05` in Los Angeles). The date read,
   * the one the written date would give (after the 12-hour rule, like `date`), that reading's
   * instant, and the line of the entry above. timeline/carried-date states it.
   */
  readonly carriedAcrossZones?: { readonly date: string; readonly asWritten: string; readonly asWrittenInstant: number; readonly previousLine: number };
  /** Set when the local time falls in a DST gap or overlap of `zone`: `instant` is then a guess. */
  readonly localTimeIssue?: LocalTimeIssue;
  /**
   * A zone abbreviation with several meanings read in one that nothing in the document chose (`CST`
   * as US Central while `timezone:` is UTC): the reading taken and the others, for
   * timeline/ambiguous-zone to say. Absent when the document's zone chose the reading.
   */
  readonly zoneGuess?: { readonly written: string; readonly reading: ZoneReading; readonly others: readonly ZoneReading[] };
  /**
   * A zone abbreviation with several meanings that nothing chose (`IST` under `timezone: UTC`): the
   * entry has no instant (`problem` says why) and timeline/unparseable offers a fix per reading.
   */
  readonly zoneChoices?: { readonly written: string; readonly readings: readonly ZoneReading[] };
  readonly problem?: string;
  readonly milestones: readonly string[];
  readonly source?: string;
  readonly description: string;
}

/** One action item: a GFM task-list item (or table row) under `## Action items`. */
export interface ActionItem extends ParsedActionText {
  readonly line: number;
  readonly range: Range;
  readonly textStart: number;
  readonly text: string;
  readonly isDone: boolean;
  /** Range of the `[ ]` / `[x]` box (list form) or the status cell (table form). */
  readonly checkboxRange?: Range;
  readonly form: 'task' | 'table';
  /** Sub-heading the item sits under inside the section, if any ("Short term"). */
  readonly group?: string;
  /** Table form: the row's empty Ticket cell (columns on the line), where a created ticket is written. */
  readonly ticketCell?: { readonly start: number; readonly end: number };
  /** Struck out (`~~…~~` on the task line or over the whole description): set only when true, by the reader (actions/struck.ts `isStruckItem`). */
  readonly struck?: true;
}

export interface FiveWhys {
  readonly headingLine: number;
  readonly headingRange: Range;
  readonly answers: readonly { readonly line: number; readonly text: string }[];
}

export interface PostmortemDocument {
  readonly text: string;
  readonly lines: LineIndex;
  readonly frontMatter?: FrontMatter;
  /** Front-matter data when it is a mapping (empty object otherwise). */
  readonly meta: Readonly<Record<string, unknown>>;
  readonly headings: readonly HeadingLine[];
  readonly sections: readonly SectionUnit[];
  readonly timeline: readonly TimelineEntry[];
  readonly actionItems: readonly ActionItem[];
  readonly fiveWhys?: FiveWhys;
  /** IANA zone from the front matter, `UTC` by default. */
  readonly timezone: string;
  /** A code fence or HTML comment opened and never closed: everything after it is its text. */
  readonly openAtEnd?: OpenAtEnd;
  /** HTML comments, closed, that hide a section heading or (ended by another comment's `-->`) items or entries. */
  readonly hidingComments?: readonly CommentHiding[];
}
