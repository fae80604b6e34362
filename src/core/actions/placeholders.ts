import { trimEndWhile } from '../text/trimChars';
import { ownerKey } from './ownerKey';

/**
 * The placeholders an action item starts with — the `pm-action` snippet's defaults and the
 * template's example item (`<!-- - [ ] What to change @owner due:YYYY-MM-DD P2 … TICKET-1 -->`) —
 * kept here so the snippet, the completion that inserts it and the lint rule that flags a
 * placeholder left in place share them (trial 9 T1: `@owner` and `TICKET-1` counted as a real
 * owner and ticket).
 */
export const ACTION_PLACEHOLDER = {
  text: 'What to change',
  owner: 'owner',
  due: 'YYYY-MM-DD',
  ticket: 'TICKET-1',
} as const;

/**
 * Owners that stand for nobody yet: the snippet's `@owner`, and what people write when the owner is
 * not decided (`@someone`, `TBD`, an Owner cell saying `unassigned`). One list for the lint rule
 * (actions/placeholder reports them) and the index (`postmortem actions`, the metrics and the
 * sidebar count such an item as having no owner, not as a person called "TBD"). Compared as
 * `ownerKey` compares owners: without `@`, any case. Not here: initials that are also placeholder
 * words somewhere (`TK`, "to come" in print) — `@tk` is far more often a person.
 */
const PLACEHOLDER_OWNERS: ReadonlySet<string> = new Set([
  ACTION_PLACEHOLDER.owner, 'owners', 'owner-name', 'ownername', 'name', 'your-name', 'yourname', 'username', 'user', 'handle', 'assignee',
  'someone', 'somebody', 'anyone', 'anybody', 'nobody', 'none', 'noone', 'no-one', 'unassigned', 'unowned', 'unknown', 'who', 'whoever',
  'tbd', 'tba', 'tbc', 'todo', 'xxx', 'n/a', 'na', '?', '??', '???', '-', '--', '—', '–',
  // What an Owner cell says in words.
  'no owner', 'no one', 'no one yet', 'nobody yet', 'not assigned', 'not yet assigned', 'to be assigned', 'to be decided',
  'to be determined', 'to be confirmed', 'pending', 'unclaimed', 'needs owner', 'needs an owner', 'owner needed', 'owner tbd',
]);

/** Emphasis and code marks around a cell's text, and the marks a placeholder may end with (`TBD?`). */
const EMPHASIS = '*_`~';
const FINAL_MARKS = '.?!:;';

/** Longer than any placeholder: a cell that long names someone, or more than one. */
const MAX_PLACEHOLDER = 40;

/**
 * True when `owner` (with or without `@`) is a placeholder, not a person: also dressed up as
 * written in a cell — `*TBD*`, `` `TBD` ``, `TBD?`, `Not  assigned.` (emphasis, a final mark, spacing).
 */
export function isPlaceholderOwner(owner: string): boolean {
  return isBarePlaceholder(owner) || placeholderAside(owner) !== undefined;
}

/**
 * `tbd (alex)`, `TBD / alex`: a placeholder with a name beside it. Not a person called "tbd (alex)":
 * the owner is not decided, but the name may be who is meant, so messages name it as a suggestion
 * rather than the index taking it as the owner (it may as well be who to ask).
 */
export function placeholderAside(owner: string): { readonly placeholder: string; readonly aside: string } | undefined {
  const written = owner.trim();
  if (written.length > MAX_PLACEHOLDER) return undefined;
  const open = written.indexOf('(');
  const slash = written.indexOf('/');
  const at = open > 0 && (slash <= 0 || open < slash) ? open : slash;
  if (at <= 0) return undefined;
  const placeholder = written.slice(0, at).trim();
  let aside = written.slice(at + 1).trim();
  if (written[at] === '(') {
    if (!aside.endsWith(')')) return undefined;
    aside = aside.slice(0, -1).trim();
  }
  if (!aside || !isBarePlaceholder(placeholder) || isBarePlaceholder(aside)) return undefined;
  return { placeholder, aside };
}

function isBarePlaceholder(owner: string): boolean {
  const written = owner.trim();
  if (written.length > MAX_PLACEHOLDER) return false;
  if (PLACEHOLDER_OWNERS.has(ownerKey(written))) return true;
  // Trimmed by hand (trimEndWhile), not with `/[…]+$/`, which is quadratic on a run of marks.
  const isMark = (ch: string) => EMPHASIS.includes(ch);
  let start = 0;
  while (start < written.length && isMark(written[start])) start++;
  const unwrapped = trimEndWhile(trimEndWhile(written.slice(start), isMark), (ch) => FINAL_MARKS.includes(ch));
  const bare = unwrapped.replace(/\s+/g, ' ').trim();
  return bare !== '' && PLACEHOLDER_OWNERS.has(ownerKey(bare));
}

/**
 * A placeholder owner as messages show it: `@TBD` when it reads as a handle, quoted otherwise
 * (`"—"`, `"Not assigned"`), so no message says "@—".
 */
export function shownPlaceholderOwner(owner: string): string {
  return /^@?[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u.test(owner) ? `@${owner.replace(/^@/, '')}` : `"${owner}"`;
}

/**
 * The `pm-action` snippet body: tab stops over the placeholders. `due` is a date to offer as the
 * default (the editor's completion gives today + `postmortem.defaultDueDays`); without one the
 * `YYYY-MM-DD` placeholder, which lint reports until a date is typed (a static snippet cannot add days).
 */
export function actionSnippetBody(due?: string): string {
  const p = ACTION_PLACEHOLDER;
  return `- [ ] \${1:${p.text}} @\${2:${p.owner}} due:\${3:${due ?? p.due}} \${4|P1,P2,P3,P4|} \${5:${p.ticket}}$0`;
}

/** Which placeholders an item still holds, as the words a message names them by. */
export function actionPlaceholders(item: { readonly description: string; readonly owner?: { readonly value: string }; readonly ticket?: { readonly value: string } }): string[] {
  const left: string[] = [];
  // The description keeps an unreadable `due:YYYY-MM-DD`: the words without it.
  const words = item.description.length > 200 ? '' : item.description.split(/\s+/).filter((w) => w && !/^due:/i.test(w)).join(' ');
  if (words.toLowerCase() === ACTION_PLACEHOLDER.text.toLowerCase()) left.push(`the text "${ACTION_PLACEHOLDER.text}"`);
  if (item.owner && isPlaceholderOwner(item.owner.value)) {
    const aside = placeholderAside(item.owner.value)?.aside;
    left.push(`the owner ${shownPlaceholderOwner(item.owner.value)}${aside ? ` (if ${aside} is the owner, write ${aside} alone)` : ''}`);
  }
  if (item.ticket?.value.toUpperCase() === ACTION_PLACEHOLDER.ticket) left.push(`the ticket ${ACTION_PLACEHOLDER.ticket}`);
  return left;
}
