/**
 * Whether a follow-up the original lists is already done. Reviews mark finished work in many
 * ways: a status cell ("Done", "Completed", ✅, 完了, erledigt), a word or tick at the start or end
 * of the item, a parenthetical note of what was done ("(fixed by adding a monitor)", "(added an
 * @emergency role)"), "this has already been done", strike-through, or an item written in the
 * past tense ("Switched to pnpm 10", "We've tightened the release workflow"). A converted file
 * must not list those as open work. Every expression is anchored or bounded (item text is user text).
 */

import { readStatusCell } from '../../actions/statusCell';

const UPPER_DONE = /\b(?:DONE|FIXED|COMPLETED?|RESOLVED|MERGED|SHIPPED)\b|✅|✔|☑|✓/;
/** "Done:", "[Done]", "(Completed)" opening the item. */
const LEADING = /^(?:\*\*|__)?[[(]?(?:done|fixed|completed?|resolved|implemented|merged|shipped)[)\]]?(?:\*\*|__)?(?:\s{0,2}[:\-–—]|\s{0,2}$|[)\]])/i;
/** "… Done", "… - done.", "… | Completed", "(done)" at the end: a separator or a capital before the word. */
const TRAILING = /(?:[\-–—:|]\s{0,3}(?:done|fixed|completed?|resolved|implemented|merged|shipped|deployed)|\s(?:Done|Fixed|Completed?|Resolved|Implemented|Merged|Shipped|Deployed)|[([](?:done|fixed|completed?|resolved|implemented|merged|shipped|deployed)[)\]])[.!]?\s{0,3}$/;
/** A parenthetical that reports the work: "(fixed by adding …)", "(added an @emergency role …)", "(monitoring done in grafana)". */
const DONE_PAREN = /\((?:[\p{L}-]{1,20}\s)?(?:done|fixed|completed?|implemented|resolved|added|merged|landed|deployed|shipped|addressed|removed|updated|enabled|disabled|migrated|rolled out)\b/iu;
/** "(hecho)", "- terminé", "(erledigt)", "（完了）": the same in the other languages the section names cover. */
const FOREIGN_DONE = /(?:[([（]|[\-–—:|]\s{0,3})(?:hech[oa]s?|terminad[oa]s?|completad[oa]s?|realizad[oa]s?|faite?s?|terminée?s?|réalisée?s?|erledigt|umgesetzt|abgeschlossen|behoben|feit[oa]s?|concluíd[oa]s?|完了|対応済み?|済み?)(?:[)\]）]|\.?\s{0,3}$)/iu;
/** "This has already been done", "is now in place", "already released". */
const DONE_CLAUSE = /\b(?:ha(?:s|ve)\s(?:already\s|now\s)?been\s(?:done|completed|fixed|implemented|resolved|merged|deployed|addressed|added|released|shipped|put in place|rolled out)|(?:is|are|was|were)\s(?:now\s|already\s)(?:done|complete|completed|fixed|in place|implemented|live|released|deployed|resolved)|already\s(?:done|fixed|implemented|in place|released|deployed|merged|shipped|completed))\b/i;
/** An item that starts in the past tense: "Switched to pnpm 10", "Re-worked our secrets", "We've tightened …". */
const PAST_START = /^((?:we(?:'ve|’ve|\shave)?|the team(?:\shas)?)\s(?:(?:also|now|already|significantly|since|recently)\s)?)?([A-Za-z][a-z]{1,20}(?:-[a-z]{2,20})?ed|built|wrote|made|set up|put|sent|took|rewrote|brought)\s(\S{1,20})/i;
/** Without "we", the verb must be followed by what a clause has ("Increased the scrutiny", "Switched to pnpm"): "Improved alerting" may be a goal. */
const CLAUSE_NEXT = /^(?:to|the|our|a|an|all|this|that|these|those|its|their|it|them|from|in|on|into|up|out|back|off|over|with|for|some|any|each|every|new|more|both)$/i;
/** -ed words that are not the past of a finished task, and verbs that only start the tracking of one. */
const NOT_DONE_PAST = /^(?:need|speed|embed|feed|seed|proceed|exceed|succeed|bleed|breed|shred|red|bed|planned|proposed|suggested|requested|scheduled|blocked|deferred|postponed|needed|related|based|unresolved|detailed|automated|dedicated|filed|opened|created|raised|logged|ticketed|tracked|assigned|discussed|started|expected|wanted|intended|allowed|required|continued|limited|unused|expired|failed|missed|delayed|unclear|affected|impacted|advanced|dependabot)$/i;

/**
 * "The posthog cookie … was rescoped", "A temporary exclusion was added globally": work told in
 * the passive past. Only verbs of changing something (not "was caused", "was noticed", "was
 * planned", nor "was created", which may be a ticket).
 */
const PASSIVE_DONE = /\b(?:was|were|has\sbeen|have\sbeen)\s(?:(?:also|now|then|since|quickly|temporarily|permanently|globally|successfully|immediately)\s)?(?:re-?scoped|added|removed|updated|fixed|patched|changed|deployed|migrated|disabled|enabled|increased|reduced|rotated|revoked|reverted|rolled\sback|upgraded|replaced|implemented|introduced|configured|reconfigured|adjusted|tuned|lowered|merged|released|applied|documented|scaled|restarted|moved|renamed|deleted|cleaned\sup|refactored|rewritten|set\sup|put\sin\splace|rolled\sout|shipped|tightened|hardened|extended|excluded|blocked|restricted|isolated|corrected)\b/i;
/** Words of work still ahead: an item with one is not told as done ("X was added, but we should …"). */
const STILL_TO_DO = /\b(?:should|will|would|need(?:s)?\sto|must|plan(?:s|ned)?\sto|going\sto|to-?do|could|can\swe|yet\sto|not\syet|until)\b/i;

/** The status cell or bracket says done: the action items' own status reader (core/actions/statusCell.ts). */
export function isDoneStatus(cell: string): boolean {
  return readStatusCell(cell) === 'done';
}

/** The status cell says the work is still open ("In progress", "Open", "TODO", "Not done"). */
export function isOpenStatus(cell: string): boolean {
  return readStatusCell(cell) === 'open';
}

/** A ticket being opened, told in the past: "Support Case ID 1129 raised", "raised a ticket to investigate", "filed an issue". */
const RAISED = /(?<!\b(?:to|will|should|must)\s(?:be\s)?)\b(?:raised|filed|opened|logged|lodged|submitted|created)\b/i;
/** A case opened with a vendor's support: asking for help is a step of the response, done once told. */
const SUPPORT_CASE = /\bsupport\s(?:case|ticket|request)s?\b|\bcase\s?(?:id|#|no\.?|number)\b/i;
const TICKET_WORD = /\b(?:ticket|issue|bug|jira|card|task|epic|story|case)s?\b/i;

/**
 * What an item that tells a ticket was opened reports (trial18c F13, one rule for the narrative
 * "The team then raised an AWS … Support Ticket" and the bare "AWS Support Case ID … raised"):
 * `support`, a case opened with a vendor's support — a step of the response, done; `tracking`, a
 * ticket opened for work ahead ("ticket raised to investigate potential solutions", "Created an
 * issue to track …") — the work it tracks is not told as done, so the item stays open. Undefined:
 * the item tells no ticket opened.
 */
export function ticketOpened(text: string): 'support' | 'tracking' | undefined {
  const t = text.length > 4000 ? text.slice(0, 4000) : text;
  // "… should run with the projects opened … issues/48088": work ahead in words, no ticket told as opened.
  if (!RAISED.test(t) || !TICKET_WORD.test(t) || STILL_TO_DO.test(t)) return undefined;
  return SUPPORT_CASE.test(t) ? 'support' : 'tracking';
}

/**
 * How an item reads as finished: `marked` by the writer (a tick, "Done:", strike-through, a done
 * status word or clause), or only told in the `past` tense ("Switched to pnpm 10", "The cookie was
 * rescoped") — a guess the converter says, in the report and in the file (trial 14a F2).
 */
export type DoneReading = 'marked' | 'past';

/**
 * Whether the whole item (its continuation lines joined) reads as finished work, and how. `loose`:
 * the item stands where finished work is listed (beside ticked items, under "Immediate actions"),
 * so a past-tense verb opening it is enough ("Sent communications to all 305 teams"); elsewhere the
 * verb must be followed by what a clause has, since "Improved alerting" may be a goal.
 */
export function doneReading(text: string, loose = false): DoneReading | undefined {
  const t = (text.length > 4000 ? text.slice(0, 4000) : text).trim();
  if (!t) return undefined;
  if (/^~~[^~][\s\S]*~~[.]?$/.test(t)) return 'marked';
  const plain = t.replace(/~~/g, '');
  if (UPPER_DONE.test(plain) || LEADING.test(plain) || TRAILING.test(plain) || FOREIGN_DONE.test(plain) || DONE_PAREN.test(plain) || DONE_CLAUSE.test(plain)) return 'marked';
  const bare = plain.replace(/^(?:\*\*|__)/, '');
  // Judged on the first sentence: "… was rescoped …. This exclusion will be removed when …" tells
  // done work first, and its later plan stays in the item's text for the reader.
  const end = plain.search(/[.!?](?:\s|$)/);
  const first = end === -1 ? plain : plain.slice(0, end + 1);
  if (!STILL_TO_DO.test(first) && PASSIVE_DONE.test(first)) return 'past';
  // "AWS Support Case ID 11297456601 raised": a case opened with support, told as done (said as the past tense is).
  const ticket = ticketOpened(plain);
  if (ticket === 'support') return 'past';
  if (ticket === 'tracking') return undefined;
  const past = PAST_START.exec(bare);
  if (!past) return undefined;
  const verb = past[2].toLowerCase();
  // "Added a ticket to track …", "Created an issue": tracking the work is not doing it.
  if (NOT_DONE_PAST.test(verb) || (!past[1] && !loose && !CLAUSE_NEXT.test(past[3]))) return undefined;
  return /^\S+(?:\s\S+){0,3}\s(?:a|an|the)?\s?(?:ticket|issue|bug|jira|card|task|epic|story)\b/i.test(bare.slice(past.index)) ? undefined : 'past';
}

/** The whole item reads as finished work (marked or told in the past tense). */
export function isDoneItem(text: string, loose = false): boolean {
  return doneReading(text, loose) !== undefined;
}
