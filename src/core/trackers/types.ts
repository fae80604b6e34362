/**
 * What every ticket tracker (GitHub Issues, GitLab issues, Jira Cloud, …) offers the post-mortem
 * tools: create an issue, find the issues earlier runs created (by the hidden item marker in their
 * body), and read the states of many tickets at once. Each provider is one file in this folder and
 * one line in registry.ts. Providers use only `fetch` (injected), so they run in the CLI, the
 * extension's Node host and, where the tracker allows browser calls, the web-worker host.
 */

/** What a ticket is made from: one action item, as the tracker will show it. */
export interface TicketDraft {
  /** Stable id of the item (marker.ts): the same item gives the same id on every run. */
  readonly itemId: string;
  readonly title: string;
  /** Markdown body (GitHub, GitLab); Jira turns it into ADF paragraphs. Ends with the hidden marker. */
  readonly body: string;
  /** Tracker user name (login, username, Jira account id), already mapped through `owners`. */
  readonly assignee?: string;
  /** `YYYY-MM-DD`; trackers without due dates get it in the body only. */
  readonly due?: string;
  readonly priority?: 'P1' | 'P2' | 'P3' | 'P4';
  readonly labels: readonly string[];
}

/** A ticket that exists in the tracker. */
export interface TicketRef {
  /** What is written into the item: a URL (GitHub, GitLab) or a key (Jira `OPS-12`, linked). */
  readonly writeBack: string;
  /** Shown to the user: `acme/shop#12`, `OPS-12`. */
  readonly label: string;
  readonly url: string;
}

/** A ticket found by the marker of an item, with its body as text (createTickets checks it is this item's). */
export interface FoundTicket {
  readonly ticket: TicketRef;
  /** The body as plain text, lines kept (Jira: the ADF's text, a line per paragraph or break). */
  readonly body: string;
}

/** What a marker lookup found, and how far back it looked. */
export interface MarkerLookup {
  /** Per item id, the tickets whose body carries its marker among those read (normally one), newest first; the scan stops once every id has one. */
  readonly found: ReadonlyMap<string, readonly FoundTicket[]>;
  /** How many tickets were read. */
  readonly scanned: number;
  /**
   * False when the look-back limit ended the scan with older tickets unread while some id was not
   * found: a ticket created for it before those would be missed (said, trial18d F3).
   */
  readonly complete: boolean;
}

export interface TicketState {
  readonly state: 'open' | 'closed';
  /**
   * When it was closed, as the tracker says (an ISO 8601 instant: `2026-12-06T23:30:00Z`, Jira's
   * `2026-12-07T12:30:00.000+1300`). The date a `done:` gets is the writer's (closedOnFor), not this
   * value's date, which is UTC's or the tracker's zone's (trial13a F5).
   */
  readonly closedAt?: string;
  readonly url?: string;
}

/** How a provider reaches the network and the clock: injected so tests and hosts choose. */
export interface TrackerDeps {
  readonly fetch: typeof fetch;
  /** Per-request time limit (ms); default 20 s. */
  readonly timeoutMs?: number;
  /** Starts the time limit of one request and returns its cancel; default `setTimeout` (tests end the wait on an event). */
  readonly timer?: (ms: number, onTimeout: () => void) => () => void;
  /** Where the token came from, for messages: "GITHUB_TOKEN", "your GitHub sign-in". Never the token. */
  readonly tokenSource: string;
  /** Conditional requests: ETag and body per URL, kept by the host between status refreshes. */
  readonly etags?: Map<string, { etag: string; body: unknown }>;
}

export interface Tracker {
  /** "GitHub Issues (acme/shop)": names the tracker in every message. */
  readonly name: string;
  create(draft: TicketDraft): Promise<TicketRef>;
  /**
   * Tickets whose body carries the marker of one of `itemIds`, among the most recently created
   * tickets of the repository or project — whatever their labels: the labels configured now are not
   * those of a ticket created before, or changed in the tracker since (trial18d F3). Bounded
   * look-back; `complete` says whether it reached the oldest.
   */
  findByMarkers(itemIds: readonly string[]): Promise<MarkerLookup>;
  /**
   * States of the tickets written in items (`#12`, a URL, `OPS-12`); tickets that are not this
   * tracker's are left out of the result, unreadable ones come back as errors per ticket.
   */
  fetchStates(tickets: readonly string[]): Promise<Map<string, TicketState | TrackerError>>;
  /** Whether a ticket written in an item belongs to this tracker (so status knows what to ask). */
  owns(ticket: string): boolean;
  /**
   * The identity of a ticket written in an item, as `TicketRef.label` says it (`acme/shop#12`,
   * `OPS-12`), or undefined when it is not this tracker's: `#12` and its address are one ticket.
   */
  ticketKey(ticket: string): string | undefined;
}

export type TrackerErrorKind =
  | 'offline' | 'timeout' | 'auth' | 'forbidden' | 'not-found' | 'validation' | 'rate-limit' | 'server' | 'malformed' | 'config' | 'cors';

/** A failure in the user's words: which tracker, what happened, what to do. */
export class TrackerError extends Error {
  constructor(
    readonly kind: TrackerErrorKind,
    message: string,
    /** For rate limits: when the tracker accepts requests again. */
    readonly resetAt?: Date,
    /** The request may have reached the tracker (dropped connection, timeout, 5xx): look before retrying a create. */
    readonly ambiguous = false,
  ) {
    super(message);
    this.name = 'TrackerError';
  }
}
