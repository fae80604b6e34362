import { readOwnerCell } from '../../actions/tableCells';
import { handleProblem } from '../../actions/ownerHandle';
import { DUE_LABEL_WORDS } from '../../actions/dueWords';
import { readStatusCell } from '../../actions/statusCell';
import { unlinked } from './links';
import { dueOf, type DueContext } from './dueValues';
import { dueLabelAt, dueWordsAtEnd, looksLikeDate, trimEnd } from './dueLabels';
import type { ConvertLog, SourceLine } from './model';

export { dueOf, type DueContext } from './dueValues';


const NO_OWNER = /^(?:n\/a|none|tbd|-|—|\?)$/i;
/** A due value that says there is none yet: not a date left unread. */
const NO_DUE = /^(?:n\/a|none|tbd|tbc|-|—|\?|ongoing|offen|ouvert|pendiente|pendente|未定)\.?$/i;

/** A due value that says there is none yet (`TBD`, `n/a`, `-`), or an empty one: not a date left unread. */
export function saysNoDue(value: string): boolean {
  return !value || NO_DUE.test(value);
}

/** The words around the owner without what joined them to it: `, @bob` → `@bob`, `&` → ``. "and Bob" keeps its "and". */
function restAround(text: string, start: number, end: number): string {
  const isJoin = (c: string) => c === ',' || c === ';' || c === '&' || c === '+' || c === '/' || /\s/.test(c);
  const before = text.slice(0, start);
  const after = text.slice(end);
  let b = before.length;
  while (b > 0 && isJoin(before[b - 1])) b--;
  let a = 0;
  while (a < after.length && isJoin(after[a])) a++;
  return `${before.slice(0, b)} ${after.slice(a)}`.trim();
}

export interface OwnerRead {
  /**
   * The owner as the format's `@owner` token name, made only of the name's own characters
   * (letters, digits, `.`, `_`) joined by hyphens where spaces, apostrophes or a slash stood
   * (`Ana Lima` → `Ana-Lima`), so the whole name is the token lint reads back.
   */
  readonly owner: string;
  /** A second person the text named (`Alice and Bob`, `Devon / Kevin`): not the owner, as lint's actions/one-owner reads it. */
  readonly other?: { readonly name: string; readonly written: string };
  /** What the text held besides the owner (`and Bob`, `(lead)`), to keep as words: nothing is lost. */
  readonly rest?: string;
  /** The name as written when a `/` in it became a hyphen (`Eng/Ops` → `@Eng-Ops`): one owner, said. */
  readonly joined?: string;
}

/**
 * The name at the start of an owner cell's owner ("Smith" of "Smith (lead)", all of "Ana Lima",
 * "O'Brien", "Eng/Ops"): letters, digits, `_ . - ' ’ /` and spaces; a bracket, colon, question mark
 * or any other sign ends it. Its span is relative to `value`.
 */
function leadingName(value: string): { start: number; end: number } | undefined {
  const m = /^[^\p{L}\p{N}_]{0,3}([\p{L}\p{N}_](?:[\p{L}\p{N}_.'’/ -]{0,200}[\p{L}\p{N}_])?)/u.exec(value);
  return m ? { start: m[0].length - m[1].length, end: m[0].length } : undefined;
}

/**
 * A name as a handle lint reads back whole (actions/ownerHandle.ts): each run of spaces,
 * apostrophes, slashes, hyphens and dots is one hyphen (`Ana Lima` → `Ana-Lima`, `A. Smith` →
 * `A-Smith`), a dot alone between letters stays (`ana.lima`), `_` stays. By hand: no regular
 * expression over user text.
 */
function handleOf(name: string): string {
  let out = '';
  let run = '';
  for (const c of name) {
    if (c === '.' || c === '-' || c === '/' || c === "'" || c === '’' || /\s/.test(c)) {
      run += c;
      continue;
    }
    if (run) out += run === '.' && out ? '.' : out ? '-' : '';
    run = '';
    out += c;
  }
  return out;
}

/**
 * An owner cell (or a labelled "owner: …") read by the action tables' one cell reader,
 * `readOwnerCell`, so the converted item's `@owner` is the person lint and `postmortem actions`
 * take from the same cell (it was `@Alice-and-Bob` here while lint read Alice and flagged Bob).
 * Links are unwrapped and emphasis dropped first; "TBD", "n/a", "-" name no one. The handle is
 * made from the name's characters only: `Devon / Kevin` was `@Devon-/-Kevin`, which lint reads as
 * owner Devon with "-/-Kevin" as text (trial T2); a remark after the name (`Smith (lead)`) stays
 * beside the handle as text.
 */
export function ownerOf(text: string): OwnerRead | undefined {
  const clean = unlinked(text, { emptyText: true }).replace(/[*_`]/g, '').trim();
  if (!clean || NO_OWNER.test(clean.replace(/^@/, ''))) return undefined;
  const cell = readOwnerCell(clean);
  if (!cell.owner) return undefined;
  const value = cell.owner.value;
  // Where the value sits in the cell (a `@name` token's value leaves out its `@`).
  const at = clean.indexOf(value, cell.owner.start);
  const name = leadingName(value);
  if (at < 0 || !name) return undefined;
  const written = value.slice(name.start, name.end);
  // `@ops/payments`, `acme/sre-oncall`: a team as lint reads it (`@org/team`), kept as written (trial 16a F14:
  // it became `@ops-payments`, a team nobody has). `Eng/Ops`, `Devon/Kevin` (two people, or a team?) are not.
  const team = written.includes('/') && handleProblem(written) === undefined;
  const owner = team ? written : handleOf(written);
  // The token's `@` and the signs before the name ("(Smith)") go with it; a rest of signs alone
  // (the ")" of "(Smith)", the "." of "A. B.") is no word to keep, a "?" is a doubt to keep.
  const around = restAround(clean, cell.owner.start, at + name.end);
  const rest = /[\p{L}\p{N}?]/u.test(around) ? around : '';
  return {
    owner,
    ...(cell.otherOwner ? { other: { name: cell.otherOwner.value.trim(), written: clean } } : {}),
    ...(rest ? { rest } : {}),
    ...(written.includes('/') && !team ? { joined: written } : {}),
  };
}

/** A remark kept beside the handle, in brackets once: `(lead)` stays `(lead)`, `and Bob` becomes `(and Bob)`. */
export function inBrackets(rest: string): string {
  return /^\([^()]*\)$/.test(rest) ? rest : `(${rest})`;
}

/**
 * Said when an owner cell named two people (the item has one owner, the other stays in its words),
 * or when a `/` joined two names into one handle: "Eng/Ops" is usually one team, "Ian/Kevin" two people.
 */
export function flagOwnerRead(read: OwnerRead, src: SourceLine, log: ConvertLog): void {
  if (read.other) log.flag('two-owners', src.line, `The owner "${read.other.written}" names two people: ${read.owner} is the item's owner (an item has one owner), ${read.other.name} is kept in the item's text; split the item if both own work`);
  if (read.joined) log.flag('owner-joined', src.line, `The owner "${read.joined}" is written as one owner, @${read.owner} (a handle holds no "/"): right for one team such as "Eng/Ops"; if it names two people, keep one as the owner and write the other in the item's text`);
}

/** A part that is only an owner's handle: "@anna". */
const HANDLE = /^@[\p{L}\p{N}._-]{1,60}$/u;
const OWNER_LABEL = /^(?:owners?|assignee|assigned to|responsible|dri)$/i;
const OWNER_PART = /^(?:owners?|assignee|assigned to|responsible|dri)\s?:/i;
// The due words the action-item grammar reads too (actions/dueWords.ts), plus "ETA" and a bare "by",
// which only a labelled part (`(ETA 2024-04-01)`, `- by 2024-04-01`) makes a due date.
const DUE_LABELS: ReadonlySet<string> = new Set([...DUE_LABEL_WORDS, 'eta', 'by']);
/** "Due on", "DEADLINE", "target  date": a due label, whatever its case and spacing. */
const isDueLabel = (label: string) => DUE_LABELS.has(label.toLowerCase().split(/\s+/).join(' '));

/**
 * A bracket's parts, parted at `,` `;` `、` `，` — but not at the comma of a date written with one
 * (`due Dec 18, 2027`, `December 18, 2027`, `18 Dec, 2027`): a year alone after a comma joins the
 * part before it when that part ends in a day or a month (trial18c F2: `(due Dec 18, 2027)` was read
 * as 2026-12-18, "year taken from the earliest timeline entry", with "(2027)" left in the text).
 */
function partsOf(inner: string): string[] {
  const parts = inner.split(/[,;、，]/);
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const prev = out[out.length - 1];
    const sep = prev === undefined ? '' : inner[out.join(',').length];
    if (prev !== undefined && sep === ',' && /^\s{0,3}\d{4}\s{0,3}$/.test(parts[k]) && /(?:\b[A-Za-z]{3,9}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?|\b\d{1,2}(?:st|nd|rd|th)?\s{1,3}[A-Za-z]{3,9}\.?)\s{0,3}$/.test(prev)) {
      out[out.length - 1] = `${prev},${parts[k]}`;
    } else out.push(parts[k]);
  }
  return out;
}

/** `Status: Outstanding`, `status - Completed`: a part of an item naming its state. */
const STATUS_PART = /^(?:\*\*|__)?status(?:\*\*|__)?\s{0,2}[:：]\s{0,2}(?:\*\*|__)?\s{0,2}(\S[^()]{0,60})$/i;

/**
 * The state a `Status: …` part names, as the action tables' Status cell is read
 * (actions/statusCell.ts): done or open; undefined for a part that is no status or a status that
 * reader does not read ("Status: waiting on vendor" stays text).
 */
export function statusPartReading(part: string): 'done' | 'open' | undefined {
  const m = STATUS_PART.exec(part.replace(/[*_`]/g, '').trim());
  if (!m) return undefined;
  const r = readStatusCell(m[1].trim());
  return r === 'done' || r === 'open' ? r : undefined;
}

/**
 * The state an item's own `Status: …` field gives, read where incident.io and Notion write it:
 * the last ` — `-separated part (`… — Owner: Hemi Walker — Due: 2026-12-18 — Status: Outstanding`)
 * or a part of a closing bracket (`(Owner: Ana, Status: Open)`). The status the team keeps wins over
 * a guess from the words (trial18c F9).
 */
export function itemStatus(text: string): 'done' | 'open' | undefined {
  if (text.length > 2000) return undefined;
  const t = text.trimEnd();
  const dashed = t.split(/\s[-–—|]\s/);
  if (dashed.length > 1) {
    const r = statusPartReading(dashed[dashed.length - 1]);
    if (r) return r;
  }
  if (t.endsWith(')')) {
    const open = t.lastIndexOf('(');
    if (open >= 0) {
      for (const part of t.slice(open + 1, -1).split(/[,;]/)) {
        const r = statusPartReading(part);
        if (r) return r;
      }
    }
  }
  return undefined;
}

/** `@Bruno Lima`: a mention as Notion writes it — `@`, then a name of two or three capitalised words. */
const SPACED_MENTION = /(^|\s)@(\p{Lu}[\p{Ll}'’-]{1,30})((?: \p{Lu}[\p{Ll}'’-]{1,30}){1,2})(?=$|\s{0,3}[(,;]|\s{1,3}due[:\s])/u;

/**
 * A mention written with a space in the name (`@Bruno Lima`, as Notion and Confluence export a
 * person), where nothing but a bracket, a comma or the due date follows: the whole name is the
 * owner, written as the format writes a name with a space (`@Bruno-Lima`, as `Owner: Ana Lima`
 * becomes `@Ana-Lima`), and said. Lint and `postmortem actions` read `@Bruno Lima` as owner Bruno
 * with "Lima" left in the item's text (trial18c F10).
 */
function spacedMention(text: string, src: SourceLine, log: ConvertLog): string {
  if (text.length > 2000) return text;
  const m = SPACED_MENTION.exec(text);
  if (!m) {
    // "@Ana Lima to confirm": the name may go on, or the item's words start there — not guessed, said.
    const maybe = /(^|\s)@(\p{Lu}[\p{Ll}'’-]{1,30}) (\p{Lu}[\p{Ll}'’-]{1,30})(?=\s\p{Ll})/u.exec(text);
    if (maybe) log.notes.push({ line: src.line, message: `The owner is read as @${maybe[2]}, and "${maybe[3]}" after it as the item's words; if "@${maybe[2]} ${maybe[3]}" is one person's name, write @${maybe[2]}-${maybe[3]}` });
    return text;
  }
  const name = `${m[2]}${m[3]}`;
  const handle = handleOf(name);
  if (handle.length > 39) return text;
  const at = m.index + m[1].length;
  log.replaced.push(`@${name}`);
  log.notes.push({ line: src.line, message: `The mention "@${name}" is read as the owner's whole name, @${handle} (a handle holds no space: @${m[2]} alone would leave "${m[3].trim()}" in the item's text); if the owner is @${m[2]}, write the rest apart` });
  return `${text.slice(0, at)}@${handle}${text.slice(at + 1 + name.length)}`;
}

/** "owner: @sre-team", "due 2024-04-01", "Owner - Ana Lima": one labelled part of an item, read. */
function readPart(part: string, src: SourceLine, log: ConvertLog, ctx: DueContext): { owner?: OwnerRead; due?: string } | undefined {
  const t = part.replace(/[*_`]/g, '').trim();
  if (t.length > 80) return undefined;
  // "bis 15.03.2026", "fällig am 20.03.", "d'ici le 15/03/2026", "期限：2026/03/15" (trial 15a F7).
  const inWords = dueLabelAt(t);
  if (inWords) {
    const due = dueOf(inWords.value, src, log, ctx, !NO_DUE.test(inWords.value));
    return due ? { due } : undefined;
  }
  // The label: words up to a colon, or the one or two words before the value.
  const colon = t.indexOf(':');
  let label: string;
  let value: string;
  if (colon > 0) {
    label = t.slice(0, colon).trim();
    value = t.slice(colon + 1).trim();
  } else {
    const words = t.split(/\s+/);
    const two = words.slice(0, 2).join(' ');
    const n = isDueLabel(two) || OWNER_LABEL.test(two) ? 2 : 1;
    label = words.slice(0, n).join(' ');
    value = words.slice(n).join(' ');
  }
  if (!value) return undefined;
  if (OWNER_LABEL.test(label)) {
    // A name of at most three words ("Ana Lima", "@sre-team"), not a sentence.
    if (value.split(/\s+/).length > 3 || /[.!?]$/.test(value)) return undefined;
    const owner = ownerOf(value);
    return owner ? { owner } : undefined;
  }
  if (isDueLabel(label)) {
    const due = dueOf(value, src, log, ctx);
    return due ? { due } : undefined;
  }
  return undefined;
}

/**
 * An item's owner and due date written in words — "Alert earlier on replication lag (owner:
 * @sre-team, due 2024-04-01)", "… minor. Owner: @lucasheriques" — rewritten as the format's
 * tokens `@sre-team due:2024-04-01` at the end of the item (trial T15: the due stayed unread and
 * `actions` showed "(owner:, due 2024-04-01)"). Only parts that read as an owner or a date are
 * taken; the rest of a parenthesis stays. An owner is not added when the item names one already
 * (`@…` elsewhere), nor a due when it has a `due:`. Undefined when nothing was read.
 */
export function withOwnerAndDue(written: string, src: SourceLine, log: ConvertLog, ctx: DueContext = {}, keepStatus = false): string | undefined {
  if (written.length > 2000) return undefined;
  const text = spacedMention(written, src, log);
  const renamed = text !== written;
  let statusRead = false;
  let owner: string | undefined;
  let due: string | undefined;
  const hasDue = /\bdue:\d/.test(text);
  // An owner written as the format does (`@ana` outside parentheses) stays the owner; a labelled one then stays text.
  const hasOwner = /(?:^|\s)@\S/.test(text.replace(/\([^()]{0,200}\)/g, ' '));
  let out = '';
  let copied = 0;
  // Parentheses without parentheses inside, each looked at once; full-width ones too ("（期限：2026/03/15）").
  const nextOpen = (from: number): number => {
    const a = text.indexOf('(', from);
    const b = text.indexOf('（', from);
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  };
  for (let open = nextOpen(0); open >= 0 && open < text.length; open = nextOpen(open + 1)) {
    const wide = text[open] === '（';
    const close = text.indexOf(wide ? '）' : ')', open + 1);
    if (close < 0) break;
    const inner = text.slice(open + 1, close);
    if (inner.includes('(') || inner.includes('（') || inner.length > 200) continue;
    const parts = partsOf(inner);
    const kept: string[] = [];
    let read = false;
    // "(owner: @asmith, 2026-05-20)": a bare date beside an owner is when that owner is due.
    const ownerBracket = parts.some((p) => OWNER_PART.test(p.replace(/[*_`]/g, '').trim()));
    // "(@anna, bis 15.03.2026)": the one handle beside due words is the owner, taken out with them, so no
    // "(, bis …)" is left where lint takes the handle from (trial 15a F7).
    const handles = parts.filter((p) => HANDLE.test(p.trim()));
    const handleOwner = handles.length === 1 && parts.length > 1 && parts.some((p) => dueLabelAt(p.replace(/[*_`]/g, '')) !== undefined);
    for (const part of parts) {
      const bare = part.replace(/[*_`]/g, '').trim();
      if (handleOwner && HANDLE.test(bare) && owner === undefined && !hasOwner) {
        owner = bare.slice(1);
        read = true;
        continue;
      }
      // "(Owner: Ana, Status: Open)": the state is read (the caller's done-ness takes it), not left as text —
      // unless the caller keeps it (a task box that says otherwise, review18 R2).
      if (!keepStatus && statusPartReading(part)) {
        read = true;
        statusRead = true;
        continue;
      }
      const r = readPart(part, src, log, ctx) ?? (ownerBracket && /^\d{4}-\d{1,2}-\d{1,2}$|^[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}$/.test(bare) ? readPart(`due ${bare}`, src, log, ctx) : undefined);
      if (r?.owner && owner === undefined && !hasOwner) {
        owner = r.owner.owner;
        flagOwnerRead(r.owner, src, log);
        if (r.owner.rest) kept.push(r.owner.rest);
      } else if (r?.due && due === undefined && !hasDue) due = r.due;
      else {
        kept.push(part.trim());
        continue;
      }
      read = true;
    }
    if (!read) continue;
    log.replaced.push(text.slice(open, close + 1));
    const rest = kept.filter(Boolean).join(', ');
    out += text.slice(copied, open).trimEnd() + (rest ? ` (${rest})` : '');
    copied = close + 1;
    open = close;
  }
  out += text.slice(copied);
  // GitLab's corrective actions: "Add check - @jdoe - https://…/issues/12400 - due 2026-06-01".
  const dashed = dashedParts(out, src, log, ctx, { owner: hasOwner || owner !== undefined, due: hasDue || due !== undefined }, keepStatus);
  if (dashed) {
    out = dashed.text;
    owner ??= dashed.owner;
    due ??= dashed.due;
  }
  // Labels at the end of the item, outside parentheses: "… Owner: @ana. Due: 2024-04-01".
  if (owner === undefined && due === undefined) {
    // A done mark after them stays after them: "… OWNER: amirh@ (DONE)." (Flutter's wiki, trial 17c F4).
    const tail = /(?:^|[\s.;,|])((?:owners?|assignee|due(?: date)?|deadline)\s?:\s?\S[^()]{0,120}?)(\s{0,3}\((?:done|fixed|completed?)\)\.?)?$/i.exec(out);
    if (tail) {
      let ownerRest = '';
      const segments = tail[1].split(/(?<=\S)[.;,|]?\s+(?=(?:owners?|assignee|due(?: date)?|deadline)\s?:)/i);
      const read = segments.map((seg) => readPart(seg.replace(/[.;,]\s*$/, ''), src, log, ctx));
      if (read.every((r) => r !== undefined && (r.owner === undefined || !hasOwner))) {
        for (const r of read) {
          if (r?.owner && owner === undefined) {
            owner = r.owner.owner;
            flagOwnerRead(r.owner, src, log);
            if (r.owner.rest) ownerRest = ` ${inBrackets(r.owner.rest)}`;
          }
          if (r?.due && due === undefined && !hasDue) due = r.due;
        }
        log.replaced.push(tail[1]);
        const doneMark = tail[2] ?? '';
        out = out.slice(0, out.length - tail[1].length - doneMark.length).trimEnd() + ownerRest + doneMark;
      }
    }
  }
  // Due words ending the item: "Canary einführen, bis 15.03.2026", "Fix alerting by 3/15 @kim", "… 3月15日まで".
  let atEnd = false;
  if (due === undefined && !hasDue) {
    const words = dueWordsAtEnd(out);
    // English "by"/"due" is a due date only when all of it is read (lint reads them so); other
    // languages' words before a date that is not read are said, never left in silence.
    const mustRead = words !== undefined && !words.english && !NO_DUE.test(words.value) && (words.strong || looksLikeDate(words.value));
    const read = words && dueOf(words.value, src, log, ctx, words.english && /^by$/i.test(words.label) ? 'quiet' : mustRead);
    if (words && read) {
      const phrase = out.slice(words.start);
      log.replaced.push(phrase);
      out = trimEnd(out.slice(0, words.start), ' ,;、，–—-') + (words.tokens.length ? ` ${words.tokens.join(' ')}` : '');
      due = read;
      atEnd = true;
    }
  }
  // "— Owner: Hemi Walker — Status: Waiting on vendor": a labelled owner left in the words is said, never passed over (trial18c F9).
  if (owner === undefined && !hasOwner) {
    const left = /(?:^|[\s(,;|])(?:owners?|assignee)\s?:\s?([^\s—–|,;()][^—–|,;()]{0,60})/i.exec(out);
    if (left && !NO_OWNER.test(left[1].trim().replace(/[.]$/, ''))) log.flag('owner-not-read', src.line, `The owner "${left[0].trim()}" is not read: other parts of the item around it are not ones convert reads; if ${left[1].trim()} owns the item, write @${handleOf(left[1].trim())} at its end`);
  }
  if (owner === undefined && due === undefined) return dashed || atEnd || renamed || statusRead ? out.trimEnd() : undefined;
  const tokens: string[] = [];
  if (owner !== undefined) tokens.push(`@${owner}`);
  if (due !== undefined) tokens.push(`due:${due}`);
  return [out.trimEnd(), ...tokens].filter(Boolean).join(' ');
}

/** One " - "-separated part at the end of an item: an owner, a ticket, or a due date. */
function dashedPart(part: string, src: SourceLine, log: ConvertLog, ctx: DueContext, keepStatus: boolean): { token?: string; owner?: OwnerRead; due?: string } | undefined {
  const t = part.trim();
  if (/^@[\p{L}\p{N}._-]{1,60}$/u.test(t)) return { token: t };
  if (/^<?https?:\/\/\S{1,2000}$/.test(t) || /^[A-Z][A-Z0-9]+-\d{1,9}$/.test(t) || /^#\d{1,9}$/.test(t)) return { token: t };
  // "— Status: Outstanding" (incident.io): the item's state, read by the caller (itemStatus); no text is left.
  // Kept as written when the caller says so (a task box that disagrees with it, review18 R2).
  if (statusPartReading(t)) return keepStatus ? { token: `— ${t}` } : {};
  const r = readPart(t, src, log, ctx);
  return r?.owner || r?.due ? r : undefined;
}

/**
 * "Add check - @jdoe - https://…/issues/12400 - due 2026-06-01": the parts after the description
 * read from the end while each is an owner, a ticket or a due date; the separators go (trial9 T12:
 * "Add check - - - due 2026-06-01" was left with no due date). Undefined when no part was read.
 */
function dashedParts(text: string, src: SourceLine, log: ConvertLog, ctx: DueContext, has: { owner: boolean; due: boolean }, keepStatus = false): { text: string; owner?: string; due?: string } | undefined {
  if (text.length > 2000 || !/\s[-–—]\s/.test(text)) return undefined;
  const pieces = text.split(/\s[-–—]\s/);
  const tokens: string[] = [];
  let owner: string | undefined;
  let due: string | undefined;
  let end = pieces.length;
  while (end > 1) {
    const r = dashedPart(pieces[end - 1], src, log, ctx, keepStatus);
    if (!r || (r.owner && (has.owner || owner)) || (r.due && (has.due || due))) break;
    if (r.token) tokens.unshift(r.token);
    if (r.owner) {
      flagOwnerRead(r.owner, src, log);
      if (r.owner.rest) tokens.unshift(inBrackets(r.owner.rest));
    }
    owner ??= r.owner?.owner;
    due ??= r.due;
    end--;
  }
  if (end === pieces.length) return undefined;
  log.replaced.push(text);
  return { text: [pieces.slice(0, end).join(' - ').trimEnd(), ...tokens].join(' '), owner, due };
}
