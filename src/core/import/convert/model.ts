import type { Diagnostic } from '../../types';
import type { ZoneSource } from './documentZone';

export interface ConvertOptions {
  /** Named in messages and used for the title when the document has none. */
  readonly fileName?: string;
  /** Zone for times when the document states none; without it they are read as UTC and flagged. */
  readonly defaultZone?: string;
  /**
   * Where `defaultZone` came from, said in the report ("your zone: the postmortem.zone setting");
   * default "given for this conversion" (the CLI's --zone).
   */
  readonly defaultZoneFrom?: string;
  /**
   * The writer's own zone (the CLI's `--zone` or process zone, the editor's setting): settles what
   * `IST`, `CST`, `BST` mean when it is one of the meanings' regions. Default: `defaultZone`.
   */
  readonly writerZone?: string;
  /** How to name `writerZone` in messages; default "your zone". */
  readonly writerZoneFrom?: string;
  /**
   * The host decoded the file in another encoding than UTF-8 (its bytes were not UTF-8): a guess,
   * said as a warning on the first such line, so the result is never "complete" without a word.
   */
  readonly decoded?: { readonly encoding: string; readonly line: number; readonly characters: number };
  /**
   * The review status for an original that states none (the CLI's `--status`): `published` for an
   * archive of finished reviews. A status the original states wins (a note says so); default draft.
   */
  readonly status?: ReviewStatus;
  /**
   * The team's scale for severity words (`{ Major: 'SEV2' }`, the CLI's `--severity-scale`): a word
   * the original gives no level beside is mapped only by this; otherwise kept as written and said.
   */
  readonly severityScale?: Readonly<Record<string, string>>;
  /**
   * Where each word of `severityScale` came from, said in the note that maps it ("--severity-scale",
   * "severityScale in teams/.postmortemrc.json"); default "the scale given for this conversion".
   */
  readonly severityScaleFrom?: Readonly<Record<string, string>>;
}

/** The review statuses of the format (schemas/postmortem.schema.json). */
export const REVIEW_STATUSES = ['draft', 'in-review', 'published'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ConvertResult {
  readonly text: string;
  /** What the converter could not decide, with ranges in the ORIGINAL text. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Fragments of the original rewritten as data rather than kept as text: time stamps converted
   * to UTC, due dates rewritten as `due:`, status cells that became a checkbox, metadata values
   * moved to the front matter. The no-loss check discounts exactly these.
   */
  readonly replaced: readonly string[];
  /**
   * Values the converter derived rather than read (started_at from the earliest timeline entry),
   * with the line of the original they come from: not problems, but the user should know.
   */
  readonly notes: readonly ConvertNote[];
  /** What was read and what was not, for the user to see before the converted file is written. */
  readonly report: ConvertReport;
}

/** The honest outcome of one conversion: what became data, and what stayed text or was guessed. */
export interface ConvertReport {
  /** Timeline entries written in canonical form (UTC). */
  readonly entries: number;
  /**
   * A template only: the entries of its example timeline, kept as an HTML comment under the Timeline
   * heading (never written as entries, so nothing counts them as an incident's events).
   */
  readonly exampleEntries?: number;
  /** First and last entry (UTC dates), when there are entries. */
  readonly span?: { readonly first: string; readonly last: string };
  /** Action items written as tasks. */
  readonly actionItems: number;
  /** The zone times were read in, and whether the document states it. */
  readonly zone: {
    readonly zone: string; readonly stated: boolean; readonly source: ZoneSource; readonly from?: string; readonly meaning?: string;
    /** Times were read as UTC by assumption while the writer's zone is another: offered in the report (`--zone Europe/London`). */
    readonly writerElsewhere?: string;
  };
  /** The review status written, and the line it came from — or why it was assumed (no status stated, or none the format knows). */
  readonly status: { readonly value: string; readonly from?: string; readonly assumed?: string };
  /** The encoding the file was decoded in when it was not UTF-8 (a guess by its bytes). */
  readonly decodedAs?: string;
  /** The incident date and where it came from ("a Date field", "the title" …). */
  readonly date?: {
    readonly value: string; readonly source: string; readonly stated: boolean;
    /** No incident time carries it (a day without a time of day): the file has no date the tools read. */
    readonly unwritten?: true;
    /** The day of the `started_at` written, when it is another (list and the metrics date the incident by it). */
    readonly startedOn?: string;
    /** The day of a timeline entry that writes its own date and contradicts the title's (started_at then not written). */
    readonly contradictedBy?: string;
  };
  /** Lines that look like timeline entries but were left as text, with why. */
  readonly unread: readonly { readonly line: number; readonly text: string; readonly why: string }[];
  /**
   * Times of day written inside sentences ("from 9:16 PM to 11:16 PM PDT") when no timeline entry
   * was read: left as text for the writer to turn into entries (empty when entries were read).
   */
  readonly proseTimes: readonly { readonly line: number; readonly time: string; readonly excerpt: string }[];
  /** true when nothing timeline-like was left unread and no date was inferred or ambiguous. */
  readonly complete: boolean;
}

export interface ConvertNote {
  readonly line: number;
  readonly message: string;
  /**
   * The front-matter time the note says was set (`started_at set to …`): a converted template drops
   * the times and these notes with them, by this key, not by the note's wording.
   */
  readonly sets?: IncidentTimeKey;
}

/** The incident's times in the front matter, in the order they happen. */
export const INCIDENT_TIMES = ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'] as const;
export type IncidentTimeKey = (typeof INCIDENT_TIMES)[number];

/** Collects diagnostics and replaced fragments while converting. */
export class ConvertLog {
  readonly diagnostics: Diagnostic[] = [];
  readonly replaced: string[] = [];
  readonly notes: ConvertNote[] = [];
  /**
   * What the conversion assumed, written into the converted file itself (under "Notes from the
   * original"): a doubt said only on the terminal is lost once the file is committed (trial 14a F1).
   */
  readonly inFile: string[] = [];
  /**
   * Doubts about the incident's times (a start withheld, an end not written, a date that is not the
   * start's day): written as front-matter comments that lint reports (time/convert-doubt), so the
   * tools that read the file say them too (trial17c F9, F10).
   */
  readonly timeDoubts: string[] = [];

  private readonly flagged = new Set<string>();

  /** For problems that apply to the whole document: reported at their first line only (once per `key` of the code, when given). */
  flagOnce(code: string, line: number, message: string, severity: Diagnostic['severity'] = 'warning', key = ''): void {
    const once = `${code}\u0000${key}`;
    if (this.flagged.has(once)) return;
    this.flagged.add(once);
    this.flag(code, line, message, severity);
  }

  flag(code: string, line: number, message: string, severity: Diagnostic['severity'] = 'warning', start = 0, end = 0): void {
    this.diagnostics.push({ code: `convert/${code}`, severity, message, range: { start: { line, character: start }, end: { line, character: end } } });
  }
}

/** A line of the original with its number, so messages point at the source. */
export interface SourceLine {
  readonly line: number;
  readonly text: string;
}
