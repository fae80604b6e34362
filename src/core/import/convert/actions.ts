import { sectionIdOf } from '../../document/sectionNames';
import { headingText } from './headingLine';
import type { ConvertLog, SourceLine } from './model';
import { doneReading, isDoneItem, isDoneStatus, isOpenStatus, ticketOpened } from './done';
import { flatTableRows, flattenedParagraphAt, splitRow, tableBodyRows, tableHeaderAt } from './tables';
import { dueOf, flagOwnerRead, inBrackets, itemStatus, ownerOf, saysNoDue, withOwnerAndDue, type DueContext } from './itemFields';
import { notWorkReason } from './notWork';
import { isTicketKey } from '../../actions/ticketKeys';
import { continuesParagraph } from '../../actions/continuation';
import { parseActionText } from '../../actions/itemGrammar';
import { ConvertLog as Log } from './model';

const BULLET = /^(\s*)([-*+]|\d{1,9}[.)])\s+(?!\[[ xX]\]\s)/;
const EMPTY_TASK = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]\s*$/;
const TASK = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]\s+/;
/** Template guidance and placeholders: "Every action item should have an owner", "{{ summary }}", "{link to issues}". */
const GUIDANCE = /\b(?:each|every|all)\s(?:action\s)?items?\b|^[*_]?\{|\{\{/i;
const DONE_UPPER = /\b(?:DONE|FIXED|COMPLETED?)\b|✅|✔/;

/** "Action item: …", "**Action point:** …", "Actions planned: …", "TODO: …": a follow-up wherever it stands. */
const FOLLOW_UP_LABEL = /^\s{0,3}(?:[-*+]\s{1,4})?(?:\*\*|__)?(?:action\s(?:item|point)s?|actions?\splanned|follow[-\s]?up|todo|to-do|ai)(?:\*\*|__)?\s{0,2}:\s{0,2}(?:\*\*|__)?\s{0,2}\S/i;

export function isFollowUpLine(text: string): boolean {
  return text.length < 2000 && FOLLOW_UP_LABEL.test(text) && !/^\s{0,3}(?:\*\*|__)?follow[-\s]?up(?:\*\*|__)?\s{0,2}:\s{0,2}(?:\*\*|__)?\s{0,2}(?:none|n\/a)\b/i.test(text);
}

/** A paragraph that asks for work: "We should document this.", "Add alerts for …", "Can we detect it?". */
const ACTION_WORDS = /\b(?:should|will(?![\s]{0,2}(?:[.!,;)]|$))|we'll|need to|needs to|must|plan to|going to|could|would be (?:useful|good|better)|create|add|document|implement|investigate|fix|update|ensure|improve|review|set up|setup|move|consider|automate|monitor|alert|make|look into|expand|added|adding|fixed|filed|raise|raised)\b/i;
const NOT_AN_ACTION = /^(?:none|n\/a|no\b|nothing\b|it is unclear|it's unclear|unclear|there (?:is|are) no|no (?:fixes|actions?|changes)\b)/i;

/**
 * A question that asks for work ("Can we detect it earlier?", "How do we avoid this?"), not one
 * that wonders about the cause ("Perhaps this is a general thing that happens when nodes become too
 * old?", trial F7: it became an open item). Judged per sentence; bounded by the paragraph's 30 lines.
 */
function asksForWork(paragraph: string): boolean {
  if (!paragraph.includes('?')) return false;
  let start = 0;
  for (let k = 0; k < paragraph.length && k < 20_000; k++) {
    const c = paragraph[k];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (c === '?' && WORK_QUESTION.test(paragraph.slice(start, k).trimStart())) return true;
    start = k + 1;
  }
  return false;
}
const WORK_QUESTION = /^(?:[*_]{1,2})?(?:can|could|should|shall|how|what|why|where|do|does|did|would|will|is there|are there|when)\b/i;

/** A one-line paragraph that starts with a verb, not a pronoun or an article: "Limit memory available to build pods." */
const IMPERATIVE = /^(?!(?:we|the|this|that|these|those|it|its|there|a|an|as|in|on|at|for|our|i|you|they|he|she|if|when|while|after|before|during|no|not|some|all|one|because|since|so|but|and|or|here|what|why|how|who|each|every|both|many|most|much|overall|unfortunately|luckily|fortunately|thankfully|ideally)\b)[A-Z][a-z]{2,14}\s[a-z]/i;
/** The first letter must still be a capital: the i flag above is for the words it leaves out. */
const CAPITAL_START = /^[A-Z]/;

/** "**Total downtime**: 3h 20m", "Detection: 4 min": a list of figures, not of tasks. */
const STAT_ITEM = /^(?:\*\*|__)?[\p{L}][\p{L}\p{N} ()/-]{0,40}(?:\*\*|__)?\s{0,2}[:=–—-]\s{0,2}(?:\*\*|__)?\s{0,2}[~≈<>]?\d/u;
/** "P1 – customer-facing outage": a list explaining codes. */
const CODE_ITEM = /^(?:\*\*|__)?(?:P|SEV|S|Sev)\s?-?\d\b(?:\*\*|__)?\s{0,2}[:=–—-]/;

export { ownerOf } from './itemFields';

/** A column holding each item's tracker reference: "Bug", "Bug #", "Tracking bug", "Ticket", "Issue", "Jira", Jira's "Key" / "Issue key". */
const TICKET_HEADER = /^(?:(?:tracking|issue|jira|ticket)\s)?(?:bug|ticket|issue|jira|key)s?(?:\s?(?:#|no\.?|number|id|link))?$/;
/** The column that holds the work: "Action item", "Task", "Description", Jira's "Summary" (trial 17c F1), and other languages' words. */
const ACTION_HEADER = /action|item|task|description|summary|what|remediation|follow|アクション|対策|内容|maßnahme|aufgabe|acción|ação|tâche|tarea|tarefa/;
/** A column of row numbers: "#", "No.", "Nr", "ID", or no header at all — with only numbers in it (trial 17c F12). */
const ROW_NUMBER_HEADER = /^(?:#|no\.?|nr\.?|n[º°]|№|num(?:ber)?|id|s\.?\s?no\.?|sr\.?(?:\s?no\.?)?|sl\.?(?:\s?no\.?)?|idx|index|)$/;
const ROW_NUMBER = /^\d{1,4}\.?$/;
/** "**TODO**", "DONE", "**In progress**" at the end of a cell: a status word the row's done state has taken. */
const STATUS_WORD = /\s{0,3}(?:\*\*|__)?\s{0,2}\b(?:TODO|DONE|OPEN|FIXED|COMPLETED?|IN PROGRESS|WIP)\b\s{0,2}(?:\*\*|__)?\s{0,3}$/;

function withoutStatusWord(cell: string): string {
  return cell.length > 400 ? cell : cell.replace(STATUS_WORD, '');
}

/**
 * A Status cell that says only what an empty box says ("Open", "Outstanding", "To do", "Offen"):
 * read as the item's state and not kept in its words (trial18c F14: "(status: Open)" was left in the
 * text). A state that says more ("In progress", "Blocked", "Pending") stays beside the item as written.
 */
const PLAIN_OPEN = /^(?:open|outstanding|to\s?-?do|not\s(?:yet\s)?(?:done|started)|undone|no|new|offen|ouvert|abierto|aberto|未着手|未対応)\.?$/i;

/** A box at the start of a table's Action cell: `[ ]`, `[x]`, `☐`, `☑`, `☒`. */
const CELL_BOX = /^\s{0,3}(?:\[([ xX])\]|([☐☑☒]))\s{1,3}(?=\S)/u;

/**
 * Whether an item whose Action cell starts with a box is done: the box, unless the row's status
 * says the other (the column the team keeps up to date wins, and the disagreement is said).
 */
function boxedDone(box: RegExpExecArray, saysOpen: boolean, saysDone: boolean, action: string, row: SourceLine, log: ConvertLog): boolean {
  const ticked = box[1] !== undefined ? box[1] !== ' ' : box[2] !== '☐';
  if (ticked && saysOpen) log.flag('box-and-status', row.line, `The item "${action.trim()}" is ticked (${box[0].trim()}) but its row says it is still open: written open, as the row's status says — tick it if the work is done`);
  else if (!ticked && saysDone) log.flag('box-and-status', row.line, `The item "${action.trim()}" has an empty box (${box[0].trim()}) but its row says it is done: written done, as the row's status says — untick it if the work is still open`);
  return saysOpen ? false : saysDone || ticked;
}

/** `[@xster](https://github.com/xster)`, `[@gspen...](https://github.com/gspencergoog)`: an owner cell that is a mention as GitHub shows it. */
const MENTION_LINK = /^\[@([A-Za-z0-9-]{1,39})(\.\.\.|…)?\]\((https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9-]{1,39}))\/?\)$/;

/**
 * An owner cell written as a GitHub mention link, kept a link (the format reads `[@kim](https://github.com/kim)`
 * as the owner kim), so its address is not dropped. A wiki export that cut the name short
 * (`[@gspen...](https://github.com/gspencergoog)`) gives the name of the address, said.
 */
function linkedOwner(cell: string, row: SourceLine, log: ConvertLog): string | undefined {
  const m = MENTION_LINK.exec(cell.trim());
  if (!m) return undefined;
  if (m[1].toLowerCase() === m[4].toLowerCase() && !m[2]) return cell.trim();
  if (!m[2] || !m[4].toLowerCase().startsWith(m[1].toLowerCase())) return undefined;
  log.replaced.push(cell);
  log.notes.push({ line: row.line, message: `The owner "${cell.trim()}" is a name cut short ("@${m[1]}${m[2]}"): written as @${m[4]}, the user its address names` });
  return `[@${m[4]}](${m[3]})`;
}

/** The format's kinds (docs/format.md "Kinds"), from the words a Type column uses. */
const KINDS: readonly [RegExp, string][] = [
  [/^prevent(?:ion|ive|ative)?$/, 'prevent'], [/^mitigat(?:e|ion|ing)$/, 'mitigate'], [/^detect(?:ion)?$/, 'detect'],
  [/^process$/, 'process'], [/^(?:runbook|playbook)$/, 'runbook'], [/^training$/, 'training'], [/^(?:kb|knowledge base)$/, 'kb'],
];

function kindOf(cell: string): string | undefined {
  const t = cell.replace(/[*_`]/g, '').trim().toLowerCase();
  return KINDS.find(([re]) => re.test(t))?.[1];
}

/**
 * A ticket cell as a ticket the format reads: a key, URL, link or `#123` as written; a bare bug
 * number ("Bug 5554823", "5554823", "b/5554823") as a key named after the column (`BUG-5554823`).
 */
function ticketOf(cell: string, header: string): string | undefined {
  const t = cell.replace(/[*_`]/g, '').trim();
  if (isTicketKey(t) || /^(?:https?:\/\/\S+|<https?:\/\/\S+>|#\d{1,12}|\[[^\]]{1,200}\]\(https?:\/\/[^)\s]{1,2000}\))$/.test(t)) return t;
  const m = /^(?:(bug|issue|ticket|b)\s?[/#:]?\s?)?#?(\d{1,12})$/i.exec(t);
  if (!m) return undefined;
  const word = /^(?:tracking\s)?(bug|ticket|issue|jira)/.exec(header)?.[1] ?? 'bug';
  return `${word.toUpperCase()}-${m[2]}`;
}

/**
 * Headings under which the team lists what it already did: "Immediate actions", "Actions taken",
 * "What we did", "Mitigations applied". A past-tense item there is done work, not a plan.
 */
const TAKEN_GROUP = /\b(?:immediate|taken|already|so\sfar|what\swe(?:'ve|’ve|\shave)?\s(?:did|done|changed|fixed)|(?:applied|implemented)$)/i;
/** A line that only labels the list after it as finished work: "Done:", "**Completed**", "Already done:". */
const DONE_LABEL = /^(?:\*\*|__)?(?:already\s)?(?:done|completed?|finished|fixed|resolved|closed|erledigt|terminé|hecho|concluído|完了)(?:\s(?:items|actions|tasks))?\s{0,2}:?(?:\*\*|__)?\s{0,2}:?$/i;
/** A line that labels the list after it as work still to do: "Open:", "To do:", "Pending", "Next steps:". */
const OPEN_LABEL = /^(?:\*\*|__)?(?:open|to\s?do|todo|pending|remaining|in\sprogress|planned|next\ssteps|still\sto\sdo|not\s(?:yet\s)?done)(?:\s(?:items|actions|tasks))?\s{0,2}:?(?:\*\*|__)?\s{0,2}:?$/i;

/** Whether the list starting at `i` has a top-level item the writer marked done (✅, "Done:", struck through): its past-tense neighbours are done too. */
function listHasMarkedItem(lines: readonly SourceLine[], i: number): boolean {
  let seen = 0;
  for (let k = i; k < lines.length && seen < 200; k++) {
    const t = lines[k].text;
    if (!t.trim()) {
      if (k + 1 < lines.length && BULLET.test(lines[k + 1].text)) continue;
      break;
    }
    const b = BULLET.exec(t);
    if (b && b[1].length < 2) {
      seen++;
      if (doneReading(t.slice(b[0].length)) === 'marked') return true;
    } else if (!/^\s/.test(t)) break;
  }
  return false;
}

/** The list items starting at `i` (top level) and whether they all read as figures or code explanations. */
function isProseList(lines: readonly SourceLine[], i: number): boolean {
  const items: string[] = [];
  for (let k = i; k < lines.length && items.length < 200; k++) {
    const t = lines[k].text;
    if (!t.trim()) break;
    const b = BULLET.exec(t);
    if (b && b[1].length < 2) items.push(t.slice(b[0].length));
    else if (!/^\s/.test(t)) break;
  }
  return items.length >= 2 && (items.every((x) => STAT_ITEM.test(x)) || items.every((x) => CODE_ITEM.test(x)));
}

/**
 * Action tables flattened into wrapped paragraphs by a wiki export (Flutter's Beta-1 post-mortem:
 * `| Action Item | Owner | Issue | Notes | |---…| | Ensure … | [@xster](…) || [Done](…) | | Build …`),
 * rebuilt as table lines — each row on the line its first cell starts on — for the table reader
 * below, joined as the timeline's reader joins flattened time tables (tables.ts). One whose cells do not part into rows of its header's width is
 * kept as written and said, never passed over (trial 17c F2: 0 items, "complete").
 */
function unflattenActionTables(lines: readonly SourceLine[], log: ConvertLog): readonly SourceLine[] {
  let out: SourceLine[] | undefined;
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^\s{0,3}(`{3,}|~{3,})/.test(l.text)) fence = !fence;
    // Not a row of a table written properly (a cell holding "---" and words).
    const flat = fence || (i > 0 && /^\s*\|/.test(lines[i - 1].text)) ? undefined : flattenedParagraphAt(lines, i);
    if (!flat) {
      out?.push(l);
      continue;
    }
    out ??= lines.slice(0, i);
    const table = flatTableRows(flat.joined);
    if (!table) {
      // Only a paragraph with a delimiter cell (`| --- |`) is a table that lost its line breaks.
      if (/\|\s{0,3}:?-{3,}:?\s{0,3}\|/.test(flat.joined)) {
        log.flag('table-not-read', l.line, 'This paragraph is a table whose line breaks were lost (as a wiki export writes it), and its cells do not part into rows as wide as its header: kept as written, not read as action items; put each row of the table on a line of its own and convert again');
      }
      for (let k = i; k < flat.end; k++) out.push(lines[k]);
      i = flat.end - 1;
      continue;
    }
    const lineAt = (at: number): number => {
      let a = 0;
      while (a + 1 < flat.starts.length && flat.starts[a + 1] <= at) a++;
      return lines[i + a].line;
    };
    const row = (cells: readonly { text: string }[]) => `| ${cells.map((c) => c.text).join(' | ')} |`;
    out.push({ line: l.line, text: row(table.header) }, { line: l.line, text: `|${table.header.map(() => '---').join('|')}|` });
    for (const r of table.rows) out.push({ line: lineAt(r[0].at), text: row(r) });
    i = flat.end - 1;
  }
  return out ?? lines;
}

/** `**Ana Lima** 11:50 PM`: a chat paste's speaker, a bold name of two or three capitalised words opening the line. */
const SPEAKER = /^\s{0,3}(?:\*\*|__)(\p{Lu}\p{Ll}{1,20})(?: \p{Lu}[\p{Ll}'’-]{1,20}){1,2}(?:\*\*|__)\s/u;

/**
 * First names of the people a document names: its chat speakers (`**Ana Lima** 11:50 PM`) and the
 * names given (authors, facilitator, incident lead). By line, bounded; no regular expression runs over the whole text.
 */
export function peopleNamed(lines: readonly string[], names: readonly (string | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const l of lines.length > 20_000 ? lines.slice(0, 20_000) : lines) {
    const m = l.length < 400 ? SPEAKER.exec(l) : null;
    if (m) out.add(m[1]);
  }
  for (const n of names) {
    const first = n?.replace(/^@/, '').split(/[\s-]/)[0];
    if (first && /^\p{Lu}\p{Ll}{1,20}$/u.test(first)) out.add(first);
  }
  return out;
}

/** Words that open such an item without naming anyone ("This will …", "Note: …"), for a short document that writes none of them in lower case. */
const NOT_A_NAME = /^(?:This|That|These|Those|It|We|They|He|She|You|Who|Whom|Which|What|How|Why|When|Where|There|Here|Someone|Everyone|Nobody|Team|Teams|Need|Needs|Time|Plan|Plans|Way|Ways|Work|Move|Go|Try|Note|Notes|Action|Actions|Update|Fix|Todo|Owner|Status|Due|Goal|Next|Then|Also|Speak|Talk|Reach|Listen|Reply|Respond|Refer|Write|Send|Report|Switch|Migrate|Upgrade|Subscribe|Apply|Commit|Stick|Adhere|Agree|Return|Revert|Add|Link|Point|Post)$/;
/** "Subscribe to the list": `to` before an article or determiner is a preposition, not "Kim to add". */
const TO_A_THING = /^\p{Lu}\p{Ll}{1,20}\sto\s(?:the|a|an|our|their|its|his|her|this|that|these|those|all|any|some|each|every|my|your)\b/iu;

/** "Ben to add …", "Ben will add …", "Ana: document …": an item opening with a first name and what that person is to do. */
const NAMED_OWNER = /^(\p{Lu}\p{Ll}{1,20})(?:\s(?:to|will)\s|:\s)(?=\p{Ll})/u;

/**
 * The owner an item names as meeting notes and chat pastes write it ("Ben to add a check by Nov 6",
 * "Ana: document the rollback"), when the name is one of the people the document names (`people`):
 * `@Ben` is written at the end, the words stay, and a note says what was read (trial18c F12: no owner
 * and no word). Another capitalised word there ("Need to …", "Switched to …") is no name.
 */
function namedOwner(text: string, src: SourceLine, log: ConvertLog, ctx: DueContext): string {
  const m = !/(?:^|\s)@\S/.test(text) ? NAMED_OWNER.exec(text.replace(/^(?:\*\*|__)/, '')) : null;
  if (!m) return text;
  if (!ctx.people?.has(m[1])) {
    // "Kim to add …" where the document names no Kim: not read (a guess), but said — unless the
    // word is one the document writes in lower case ("Need to …", "Time to …") or a word of the
    // language there ("This will …", "Switched to …").
    const word = m[1];
    const lower = word.toLowerCase();
    // "Leads to review …": the document writes "lead" (the word without its plural or verb ending).
    const stem = lower.replace(/(?:es|s|ed|ing)$/, '');
    const written = ctx.lowerWords?.has(lower) || (stem.length > 2 && stem !== lower && ctx.lowerWords?.has(stem));
    if (written || NOT_A_NAME.test(word) || TO_A_THING.test(text.replace(/^(?:\*\*|__)/, '')) || (word.length > 4 && /(?:ed|ing|ly)$/.test(lower))) return text;
    log.flag('owner-not-read', src.line, `"${text.length > 50 ? `${text.slice(0, 47)}…` : text}" may name its owner, ${word}, but the document names ${word} nowhere else (no author, speaker or incident lead): not read as the owner — if ${word} owns it, write @${word} at its end`);
    return text;
  }
  log.notes.push({ line: src.line, message: `"${text.length > 50 ? `${text.slice(0, 47)}…` : text}" names its owner as the team's notes do: read as @${m[1]} (${m[1]} is named in the document); the words stay as written` });
  return `${text.trimEnd()} @${m[1]}`;
}

/**
 * Action items as a GFM task list: rows of an Action/Owner/Due/Status table become
 * `- [ ] action @owner due:YYYY-MM-DD`, list items and follow-up paragraphs become tasks, and
 * items marked DONE (or struck through) become `[x]`. Lists of figures or of code explanations,
 * intros ("We are committed to:") and "None." stay as written.
 */
export function convertActions(input: readonly SourceLine[], log: ConvertLog, title = '', ctx: DueContext = {}): string[] {
  const lines = unflattenActionTables(input, log);
  const out: string[] = [];
  // Items under a heading such as "Immediate actions (completed)" are done (also the section's own heading).
  let doneGroup = /\b(?:completed?|done|finished)\b/i.test(title);
  let takenGroup = TAKEN_GROUP.test(title);
  // The current list has an item its writer marked done (its past-tense neighbours are done too).
  let listMarked = false;
  // Items read as done only because they are told in the past tense: a guess, said (trial 14a F2).
  const pastTense: { line: number; text: string }[] = [];
  // Items told in the past tense that open a ticket for work ahead ("ticket raised to investigate …"): left open, said.
  const tracking: { line: number; text: string }[] = [];
  const judged = (text: string, line: number, loose: boolean): boolean => {
    const reading = doneReading(text, loose);
    if (reading === 'past') pastTense.push({ line, text });
    if (reading === undefined && ticketOpened(text) === 'tracking') tracking.push({ line, text });
    return reading !== undefined;
  };
  let otherGroup = false;
  let proseList = false;
  // Bullets right under a numbered item ("1. **Migration** … :" then "- step") are its details.
  let underNumbered = false;
  let paragraphStart = true;
  let fence = false;
  const notWork: Partial<Record<'response step' | 'reference', number[]>> = {};
  // Items wrapped over lines with their owner, due date or ticket under the first line: joined, said once.
  const joinedLines: number[] = [];
  /**
   * The item `first` (the text after its bullet or box on line `i`) with the lines continuing its
   * paragraph (indented or lazy), when those hold an owner, due date or ticket the first line lacks:
   * the format reads tokens on the task line only, so the lines become one (trial 17c F4: the
   * `([Issue](…/issues/1791))` of a line wrapped at 80 columns was no ticket). Undefined otherwise:
   * the lines stay as written.
   */
  const joinedItem = (first: string, i: number): { text: string; end: number } | undefined => {
    let end = i + 1;
    while (end < lines.length && end < i + 30 && continuesParagraph(lines[end].text) && !/^\s*\|/.test(lines[end].text)) end++;
    if (end === i + 1) return undefined;
    const whole = [first.trimEnd(), ...lines.slice(i + 1, end).map((l) => l.text.trim())].join(' ');
    if (whole.length > 2000) return undefined;
    const scratch = new Log();
    const read = (t: string) => parseActionText(withOwnerAndDue(t, lines[i], scratch, ctx) ?? t, { dueInWords: true });
    const one = read(first);
    const joinedText = withOwnerAndDue(whole, lines[i], scratch, ctx) ?? whole;
    const all = parseActionText(joinedText, { dueInWords: true });
    // "(added an @emergency role on Discord)": a mention in a sentence names a thing, not the item's owner.
    const owner = all.owner && !/\b(?:a|an|the|this|that|our|their|its|his|her|my|your)\s{1,3}[[(]?@?$/i.test(joinedText.slice(Math.max(0, all.owner.start - 12), all.owner.start + 1));
    if ((!one.owner && owner) || (!one.due && all.due) || (!one.ticket && all.ticket)) {
      joinedLines.push(lines[i].line);
      return { text: whole, end };
    }
    return undefined;
  };
  // Under "### Fixes": the changes that fixed it, so a bare link there is a fix that landed.
  let fixesGroup = /^(?:the\s)?(?:fixes|fixed|fixes landed|pull requests|prs|patches)$/i.test(title.replace(/[*_`:]/g, '').trim());
  for (let i = 0; i < lines.length; i++) {
    const src = lines[i];
    const text = src.text;
    if (/^\s{0,3}(`{3,}|~{3,})/.test(text)) fence = !fence;
    if (fence || /^\s{0,3}(`{3,}|~{3,})/.test(text)) {
      out.push(text);
      continue;
    }
    if (!text.trim()) {
      paragraphStart = true;
      out.push(text);
      continue;
    }
    const wasParagraphStart = paragraphStart;
    paragraphStart = false;
    const heading = headingText(text);
    if (heading !== undefined) {
      doneGroup = /\b(?:completed?|done|finished)\b/i.test(heading);
      takenGroup = TAKEN_GROUP.test(heading.replace(/[*_`:]/g, '').trim());
      fixesGroup = /^(?:the\s)?(?:fixes|fixed|fixes landed|pull requests|prs|patches)$/i.test(heading.replace(/[*_`:]/g, '').trim());
      // "### What went wrong" inside Action items: lessons, not tasks.
      const id = sectionIdOf(heading);
      otherGroup = id === 'lessons' || id === 'summary' || id === 'impact' || id === 'timeline' || id === 'root-cause';
      underNumbered = false;
      paragraphStart = true;
      out.push(text);
      continue;
    }
    if (EMPTY_TASK.test(text)) continue;
    if (otherGroup) {
      out.push(text);
      continue;
    }
    const task = TASK.exec(text);
    if (task) {
      const joined = joinedItem(text.slice(task[0].length), i);
      const itemText = joined?.text ?? text.slice(task[0].length);
      // "- [ ] Add an index (Owner: Ana, Status: Done)": the box is the state written; a Status part that
      // says otherwise stays in the words and is said, never dropped in silence (review18 R2).
      const box = /\[[xX]\]/.test(task[0]) ? 'done' : 'open';
      const status = itemStatus(itemText);
      const conflict = status !== undefined && status !== box;
      if (conflict) log.flag('status-conflict', src.line, `The task box [${box === 'done' ? 'x' : ' '}] says ${box}, but the item's Status part says ${status}: the box is kept as the state and the Status part is left in the words; tick or clear the box to match, then remove the Status part`);
      out.push(task[0] + namedOwner(withOwnerAndDue(itemText, src, log, ctx, conflict) ?? itemText, src, log, ctx));
      if (joined) i = joined.end - 1;
      continue;
    }
    const header = tableHeaderAt(lines, i);
    if (header) {
      const actionCol = header.findIndex((h) => ACTION_HEADER.test(h));
      const rows = tableBodyRows(lines, i);
      if (actionCol === -1 && rows.some((row) => splitRow(row.text).some((c) => c.replace(/[*_`]/g, '').trim()))) {
        // Never "complete" about a table the reader passed over (trial 17c F1: Jira's Key/Summary table gave 0 items, exit 0).
        const names = splitRow(text).filter(Boolean).map((h) => `"${h}"`).join(', ');
        log.flag('table-not-read', src.line, `The table under Action items (columns ${names}) has no column read as the action (Action, Item, Task, Description, Summary, …): its ${rows.length} row${rows.length === 1 ? ' is' : 's are'} kept as a table, not as action items; name the column that holds the work "Action item" and convert again`);
      }
      if (actionCol !== -1) {
        const ownerCol = header.findIndex((h) => /owner|assignee|who|responsible|担当|verantwortlich|responsable|responsável/.test(h));
        const dueCol = header.findIndex((h) => /due|deadline|eta|target|期限|締切|fällig|frist|\btermin\b|zieldatum|^bis$|échéance|date limite|fecha límite|plazo|prazo|data limite|uiterlijk|scadenza/.test(h));
        const statusCol = header.findIndex((h) => /status|state|done|状態|ステータス|statut|estado/.test(h));
        // The SRE book's `| Action Item | Type | Owner | Bug |`: the type is the item's kind, the bug its ticket.
        const typeCol = header.findIndex((h, k) => k !== actionCol && /^(?:action\s)?(?:type|kind|category)\b/.test(h));
        const ticketCol = header.findIndex((h, k) => k !== actionCol && k !== ownerCol && TICKET_HEADER.test(h));
        // `| # | Action |` with 1, 2, 3: row numbers, not words of the item ("…config 1", trial 17c F12).
        const numberCols = new Set(header.map((_, k) => k).filter((k) => k !== actionCol && ROW_NUMBER_HEADER.test(header[k].replace(/[*_`]/g, '').trim())
          && rows.some((row) => ROW_NUMBER.test(splitRow(row.text)[k] ?? ''))
          && rows.every((row) => { const c = (splitRow(row.text)[k] ?? '').trim(); return !c || ROW_NUMBER.test(c); })));
        const rowNumbers: string[] = [];
        const kinds = new Set<string>();
        const tickets: string[] = [];
        for (const row of rows) {
          const cells = splitRow(row.text);
          // Template rows with nothing in them are not tasks.
          if (cells.every((c) => !c.replace(/[*_`]/g, '').trim())) {
            out.push(row.text);
            continue;
          }
          // "| [ ] Add lag alert |": a box typed in the Action cell is the item's box, not its text
          // (trial 16a F14: it became "- [ ] [ ] Add lag alert", titled "[ ] Add lag alert").
          const box = CELL_BOX.exec(cells[actionCol] ?? '');
          if (box) {
            log.replaced.push(box[0].trim());
            cells[actionCol] = cells[actionCol].slice(box[0].length);
          }
          const status = statusCol !== -1 ? cells[statusCol] ?? '' : '';
          // Done when the status says so, or another cell is only a done word ("| Notes |" holding "Done"),
          // or the action itself is marked; an open status ("In progress") wins.
          const doneCells = cells.map((c, k) => k !== actionCol && isDoneStatus(c));
          // "n/a **DONE**" in a Bug column, "Bug 4324 **TODO**": a marker at the end of another cell.
          const marked = cells.some((c, k) => k !== actionCol && k !== ownerCol && k !== dueCol && !doneCells[k] && isDoneItem(c) && !isOpenStatus(c));
          const openMark = cells.some((c, k) => k !== actionCol && /\b(?:TODO|OPEN|IN PROGRESS|WIP)\b/.test(c));
          const saysOpen = isOpenStatus(status) || openMark;
          const saysDone = !saysOpen && (doneCells.some(Boolean) || marked);
          const done = box ? boxedDone(box, saysOpen, saysDone, cells[actionCol], row, log) : saysDone || (!saysOpen && judged(cells[actionCol] ?? '', row.line, takenGroup));
          const owner = ownerCol !== -1 ? ownerOf(cells[ownerCol] ?? '') : undefined;
          if (owner) flagOwnerRead(owner, row, log);
          // A Due cell names a due date: one not read is said, never dropped (trial 17c F5: "15/Nov/26").
          const dueCell = dueCol !== -1 ? cells[dueCol] ?? '' : '';
          const mustRead = !doneCells[dueCol] && !saysNoDue(dueCell.replace(/[*_`]/g, '').trim());
          const due = dueCol !== -1 ? dueOf(dueCell, row, log, ctx, mustRead) : undefined;
          const parts = [cells[actionCol] ?? ''];
          cells.forEach((cell, k) => {
            if (k === actionCol || !cell.trim()) return;
            if (numberCols.has(k)) {
              rowNumbers.push(cell.trim());
              log.replaced.push(cell);
              return;
            }
            // "Bug 4324 **TODO**": the status word has been read (done or open above); the rest is the cell.
            const c = k !== statusCol ? withoutStatusWord(cell) : cell;
            if (c !== cell) log.replaced.push(cell);
            if (!c.trim() || /^(?:n\/a|none|-|—)$/i.test(c.replace(/[*_`]/g, '').trim())) return;
            const linked = k === ownerCol && owner ? linkedOwner(c, row, log) : undefined;
            if (linked) parts.push(linked);
            else if (k === ownerCol && owner) parts.push(owner.rest ? `@${owner.owner} ${inBrackets(owner.rest)}` : `@${owner.owner}`);
            else if (k === dueCol && due) parts.push(`due:${due}`);
            // A status read ("Done", or "Open" and the like) is the item's box, not words of its text (trial18c F14).
            else if (doneCells[k] || (k === statusCol && PLAIN_OPEN.test(c.replace(/[*_`]/g, '').trim()))) log.replaced.push(c);
            else if (k === typeCol && kindOf(c)) {
              parts.push(`kind:${kindOf(c)}`);
              kinds.add(c.trim().toLowerCase());
            } else if (k === ticketCol && ticketOf(c, header[ticketCol])) {
              const ticket = ticketOf(c, header[ticketCol])!;
              if (ticket !== c.trim()) tickets.push(`"${c.trim()}" → ${ticket}`);
              parts.push(ticket);
            } else parts.push(k === statusCol ? `(status: ${c})` : k === typeCol ? `(${header[typeCol]}: ${c.trim()})` : c);
          });
          if (due) log.replaced.push(cells[dueCol]);
          out.push(`- [${done ? 'x' : ' '}] ${parts.filter(Boolean).join(' ')}`);
        }
        if (rowNumbers.length) log.notes.push({ line: src.line, message: `The ${[...numberCols].map((k) => `"${splitRow(text)[k] || '(no header)'}"`).join(', ')} column's numbers (${rowNumbers.slice(0, 3).join(', ')}${rowNumbers.length > 3 ? ', …' : ''}) are row numbers: left out of the items' text` });
        if (kinds.size) log.notes.push({ line: src.line, message: `The "${header[typeCol]}" column is written as each item's kind: (${[...kinds].join(', ')}); other values stay in the text` });
        if (tickets.length) log.notes.push({ line: src.line, message: `The "${header[ticketCol]}" column's numbers are written as tickets the format reads: ${tickets.slice(0, 3).join(', ')}${tickets.length > 3 ? `, and ${tickets.length - 3} more` : ''}` });
        i += 1 + rows.length;
        log.replaced.push(text);
        continue;
      }
    }
    const bullet = BULLET.exec(text);
    if (bullet && bullet[1].length < 2) {
      if (wasParagraphStart) {
        proseList = isProseList(lines, i);
        listMarked = listHasMarkedItem(lines, i);
      }
      const numbered = /\d/.test(bullet[2]);
      const itemText = text.slice(bullet[0].length);
      if (proseList || (!numbered && underNumbered) || GUIDANCE.test(itemText.replace(/^[*_]+/, '')) || /^(?:n\/a|none|nothing|tbd|-)\.?$/i.test(itemText.replace(/[*_]/g, '').trim())) {
        out.push(proseList ? text : `    ${text.trimStart()}`);
        continue;
      }
      underNumbered = numbered;
      const rest = text.slice(bullet[0].length);
      // Judged on the whole item: "(fixed by …)" often sits on a continuation line.
      let item = rest;
      for (let k = i + 1; k < lines.length && k < i + 30 && lines[k].text.trim() && !/^\s{0,1}(?:[-*+]|\d{1,9}[.)])\s/.test(lines[k].text) && !/^\s{0,3}#/.test(lines[k].text); k++) item += ` ${lines[k].text.trim()}`;
      // A step of the response told in the past, or a bare link under "Fixes": work already done, never an open item.
      const why = notWorkReason(item);
      const finished = why === 'response step' || (why === 'reference' && fixesGroup);
      if (finished) (notWork[why] ??= []).push(src.line);
      // "— Status: Outstanding", "(…, Status: Open)": the item's own status field decides, not its words (trial18c F9).
      const status = itemStatus(item);
      const done = status ? status === 'done' : doneGroup || finished || judged(item, src.line, takenGroup || listMarked);
      const joined = joinedItem(rest, i);
      const whole = joined?.text ?? rest;
      const owned = withOwnerAndDue(whole, src, log, ctx) ?? whole;
      out.push(`${bullet[0]}[${done ? 'x' : ' '}] ${namedOwner(owned, src, log, ctx)}`);
      if (joined) i = joined.end - 1;
      continue;
    }
    // Indented text, the rest of a paragraph, tables, quotes and link definitions ("[issue]: https://…") stay as written.
    if (/^\s/.test(text) || !wasParagraphStart || /^[|>]/.test(text.trim()) || /^\[[^\]]{1,200}\]:\s/.test(text.trim())) {
      out.push(text);
      continue;
    }
    // A paragraph that asks for work is a follow-up; intros ("We are committed to:") and "None." are not.
    const t = text.trim();
    // "Done:" / "Open:" on a line of its own: the list after it is finished work, or still to do.
    if (wasParagraphStart && (DONE_LABEL.test(t) || OPEN_LABEL.test(t))) {
      doneGroup = DONE_LABEL.test(t);
      out.push(text);
      continue;
    }
    const single = i + 1 >= lines.length || !lines[i + 1].text.trim();
    // The whole paragraph is judged: "As part of this incident we created a channel.\nWe should document this."
    let whole = t;
    for (let k = i + 1; k < lines.length && k < i + 30 && lines[k].text.trim() && !BULLET.test(lines[k].text) && !TASK.test(lines[k].text) && !/^\s{0,3}#/.test(lines[k].text); k++) whole += ` ${lines[k].text.trim()}`;
    const followUp = isFollowUpLine(t) || (t.length >= 12 && !GUIDANCE.test(whole.replace(/^[*_]+/, '')) && !/:\s*$/.test(whole) && !NOT_AN_ACTION.test(t.replace(/^[*_]+/, ''))
      && (ACTION_WORDS.test(whole) || asksForWork(whole) || DONE_UPPER.test(whole) || /\((?:done|completed?)\)/i.test(whole) || (single && t.length <= 200 && CAPITAL_START.test(t) && IMPERATIVE.test(t))));
    if (followUp) {
      const why = notWorkReason(whole);
      const finished = why === 'response step' || (why === 'reference' && fixesGroup);
      if (finished) (notWork[why] ??= []).push(src.line);
      const done = doneGroup || finished || judged(whole, src.line, takenGroup);
      const joined = joinedItem(t, i);
      if (joined) {
        out.push(`- [${done ? 'x' : ' '}] ${withOwnerAndDue(joined.text, src, log, ctx) ?? joined.text}`);
        i = joined.end - 1;
        continue;
      }
      out.push(`- [${done ? 'x' : ' '}] ${withOwnerAndDue(t, src, log, ctx) ?? t}`);
      // The rest of the paragraph continues the item.
      while (i + 1 < lines.length && lines[i + 1].text.trim() && !BULLET.test(lines[i + 1].text) && !TASK.test(lines[i + 1].text) && !/^\s{0,3}#/.test(lines[i + 1].text)) {
        i++;
        out.push(`  ${lines[i].text.trim()}`);
      }
      continue;
    }
    out.push(text);
  }
  if (joinedLines.length) {
    const where = joinedLines.length === 1 ? `line ${joinedLines[0] + 1}` : `lines ${joinedLines.slice(0, 5).map((l) => l + 1).join(', ')}${joinedLines.length > 5 ? ', …' : ''}`;
    log.notes.push({ line: joinedLines[0], message: `${joinedLines.length === 1 ? 'An action item is' : `${joinedLines.length} action items are`} wrapped over several lines with an owner, due date or ticket under the first (${where} of the original): each written on one line, where the format reads them (tokens are read on the task line only)` });
  }
  // Said, so the count of action items is not a puzzle: list items that were not made tasks, and why.
  const steps = notWork['response step'] ?? [];
  const refs = notWork.reference ?? [];
  if (steps.length) log.notes.push({ line: steps[0], message: `${steps.length === 1 ? 'This list item tells' : `${steps.length} list items (the first here) tell`} what was done during the response ("The team then raised …", "Got guidance …"), not work still to do: written as done ([x]), never open` });
  if (pastTense.length) {
    const first = pastTense[0];
    const quoted = first.text.replace(/\s+/g, ' ').trim();
    const example = `"${quoted.length > 60 ? `${quoted.slice(0, 57)}…` : quoted}"`;
    const where = pastTense.length === 1 ? `line ${first.line + 1}` : `lines ${pastTense.slice(0, 5).map((p) => p.line + 1).join(', ')}${pastTense.length > 5 ? ', …' : ''}`;
    const what = pastTense.length === 1 ? 'This item is told' : `${pastTense.length} items (the first here) are told`;
    log.notes.push({ line: first.line, message: `${what} in the past tense (${example}) and nothing else marks ${pastTense.length === 1 ? 'it' : 'them'} done: written as done ([x]), a guess — untick any that is still to do` });
    log.inFile.push(`${pastTense.length === 1 ? 'one action item was' : `${pastTense.length} action items were`} ticked as done only because ${pastTense.length === 1 ? 'it is' : 'they are'} told in the past tense (${example}; ${where} of the original): untick any that is still to do.`);
  }
  if (tracking.length) {
    const first = tracking[0];
    const quoted = first.text.replace(/\s+/g, ' ').trim();
    const example = `"${quoted.length > 60 ? `${quoted.slice(0, 57)}…` : quoted}"`;
    log.notes.push({ line: first.line, message: `${tracking.length === 1 ? 'This item tells' : `${tracking.length} items (the first here) tell`} that a ticket was opened for the work (${example}): the opening is past, the work it tracks is not told as done, so written as open ([ ]) — tick it if that work is done (a case opened with a vendor's support is a step of the response, written done)` });
  }
  if (refs.length) log.notes.push({ line: refs[0], message: `${refs.length === 1 ? 'This list item is' : `${refs.length} list items (the first here) are`} only a link under a Fixes heading (a fix that landed, no words of work to do): written as done ([x]), never open` });
  return out;
}

/** The words a document writes in lower case (letters only), once per document: linear, bounded. */
export function lowerCaseWords(text: string): Set<string> {
  const out = new Set<string>();
  const limit = Math.min(text.length, 2_000_000);
  let start = -1;
  for (let i = 0; i <= limit; i++) {
    const c = i < limit ? text[i] : ' ';
    const letter = /\p{L}/u.test(c);
    if (letter && start === -1) start = i;
    else if (!letter && start !== -1) {
      if (/\p{Ll}/u.test(text[start]) && i - start <= 30) out.add(text.slice(start, i));
      start = -1;
    }
  }
  return out;
}
