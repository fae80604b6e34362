import { leadingIsoDay } from '../time/isoDay';

/**
 * The one reader of an action item's status cell, shared by lint, the index, `postmortem actions`,
 * the metrics and `postmortem convert`: a hand-written table and a converted one read the same cell
 * the same way. People write a status as they like — "Done ✅", "✅ Done", "Done.", "done (2026-11-01)",
 * "Closed ✔️", "✔", "Erledigt", "完了", "Fixed in v2" — so a done word may come with ticks, a closing
 * full stop and a trailing note or date. A status it cannot read is `unread`, never silently open:
 * lint reports it (actions/unread-status). Every expression is anchored and bounded (cells are user text).
 */

export type StatusReading =
  /** Nothing in the cell: an open item, nothing to say. */
  | 'empty'
  | 'done'
  /** Closed without being done: a decision not to do it ("Won't do", "Cancelled"). Not open, never overdue. */
  | 'not-doing'
  | 'open'
  /** Something this reader does not understand ("Partially", "~~Done~~", "Fertig?"): read as open, and said. */
  | 'unread';

/**
 * Done: an optional tick, a done word (or a tick alone), up to two more ticks, then a note — a
 * parenthesis, a separator, a date, "on/in/at/since …" ("done (2026-11-01)", "Fixed in v2",
 * "Closed - duplicate", "Resolved by @bob"). Not "when …" or "by <date>" (a target, not a fact).
 * Literals (not built at run time) so the regex audit proves them linear.
 */
const DONE = /^(?:(?:✅|✔|☑|✓|x)\s{0,2})?(?:(?:done|closed|complete|completed|fixed|resolved|merged|shipped|implemented|deployed|landed|yes|完了|対応済み?|済み?|対応完了|解決済み?|erledigt|abgeschlossen|umgesetzt|fertig|behoben|terminée?s?|faite?s?|réalisée?s?|résolue?s?|hech[oa]s?|completad[oa]s?|terminad[oa]s?|resuelt[oa]s?|realizad[oa]s?|concluíd[oa]s?|feit[oa]s?|resolvid[oa]s?|finalizad[oa]s?)|(?:✅|✔|☑|✓|x))(?:\s{0,2}(?:✅|✔|☑|✓|x)){0,2}(?:\s{0,3}[(\[（\-–—,:;/|].{0,120}|\s{1,3}(?:on|in|at|am|le|el|em|since|via|see|per|as of|with)\s.{0,120}|\s{1,3}by\s{1,3}@.{0,120}|\s{1,3}\d.{0,120})?$/iu;
/** Closed without being done, with the same kind of note. */
const NOT_DOING = /^(?:won'?t\s(?:do|fix)|wontfix|wont-?fix|not\sdoing|not\splanned|cancell?ed|dropped|declined|rejected|obsolete|abandoned|superseded)(?:\s{0,3}[(\[（\-–—,:;/|].{0,120}|\s{1,3}(?:on|in|at|am|le|el|em|since|via|see|per|as of|with)\s.{0,120}|\s{1,3}by\s{1,3}@.{0,120}|\s{1,3}\d.{0,120})?$/iu;
/** Still open, in the languages the section names cover; a prefix ("Open - waiting on vendor"). "Not done", "Undone", "No" are open. */
const OPEN = /^(?:open|outstanding|re-?opened|todo|to do|to-do|not\s(?:yet|started|done|fixed|complete|completed|resolved)|undone|no|in progress|in-progress|in review|ongoing|planned|pending|blocked|wip|backlog|new|started|partial|partially|未着手|対応中|未対応|offen|in arbeit|geplant|ouvert|en cours|à faire|pendiente|en curso|abierto|pendente|em andamento|aberto)(?![\p{L}\p{N}])/iu;

/** How a status cell reads. */
export function readStatusCell(cell: string): StatusReading {
  if (!cell.trim()) return 'empty';
  // A long cell is a note, not a status.
  if (cell.length > 300) return 'unread';
  const text = cell
    // Struck-through words are withdrawn: "~~Open~~ Done" is done, "~~Done~~" is not.
    .replace(/~~[^~]*~~/g, ' ')
    .replace(/[*_~`]/g, '')
    .replace(/[\uFE0E\uFE0F]/g, '')
    .replace(/[’‘]/g, "'")
    .trim()
    // A closing full stop or exclamation mark: "Done.", "Fixed!".
    .replace(/[.!]{1,3}$/, '')
    .trim();
  if (!text) return 'unread';
  if (NOT_DOING.test(text)) return 'not-doing';
  if (OPEN.test(text)) return 'open';
  if (DONE.test(text)) return 'done';
  return 'unread';
}

/** The status closes the item: done, or closed without being done. */
export function statusCloses(cell: string): boolean {
  const r = readStatusCell(cell);
  return r === 'done' || r === 'not-doing';
}

/** A `YYYY-MM-DD` starting at a digit not preceded by another digit (candidates; leadingIsoDay checks the day). */
const DAY_START = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g;

/**
 * The closing date of a done status cell — `Done (2026-12-03)`, `Closed 2026-12-03`, `✅ 2026-12-03`,
 * the form *Mark done* writes — as a span in `cell`; undefined when the cell does not read done or
 * has no real calendar day. A date inside a strike (`~~Done 2026-12-01~~ Open`) is withdrawn with
 * its words. The time-to-close of a table row comes from here, as a task item's from `done:` (trial13b F7).
 */
export function statusCellDoneDate(cell: string): { readonly value: string; readonly start: number; readonly end: number } | undefined {
  if (readStatusCell(cell) !== 'done') return undefined;
  // Struck text blanked out, same length, so the spans stay those of `cell`.
  const visible = cell.replace(/~~[^~]*~~/g, (m) => ' '.repeat(m.length));
  for (const m of visible.matchAll(DAY_START)) {
    const start = m.index ?? 0;
    if (leadingIsoDay(m[0])) return { value: m[0], start, end: start + m[0].length };
  }
  return undefined;
}

/** What *Mark done* writes in a Status cell: `Done (YYYY-MM-DD)`, the writer's local day, which statusCellDoneDate reads back. */
export function doneStatusCell(today: string): string {
  return `Done (${today})`;
}
