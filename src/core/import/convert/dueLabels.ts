import { asciiDigits } from '../../text/halfWidth';
import { monthOf } from '../../time/monthNames';

/**
 * The words that name an action item's due date in the languages convert reads times in, and in
 * English beyond the format's `due:`: "(@anna, bis 15.03.2026)", "fällig am 20.03.2026", "d'ici le
 * 15/03/2026", "avant le", "para el", "uiterlijk", "até", "期限: 2026/03/15", "3月15日まで", "by 3/15",
 * "due Mar 15" (trial 15a F7: the German date stayed in the title and convert said "complete").
 *
 * Two kinds: a *label* names a due date whatever follows ("fällig", "Frist", "échéance", "plazo",
 * "prazo", "期限", "deadline"), so a value not read is said; a *preposition* ("bis", "avant",
 * "para", "até", "voor", "entro", "by") names one only before something that looks like a
 * date (`looksLikeDate`): "bis zu 5 %" and "para el equipo" are no due dates. Every expression is
 * anchored or bounded (the text is the user's).
 */
export interface DueWords {
  /** Where the words start (the label's first character) in the text searched. */
  readonly start: number;
  /** The label as written ("bis", "fällig am", "期限:"). */
  readonly label: string;
  /** What follows the label, without the tokens after it ("15.03.2026"). */
  readonly value: string;
  /** The label names a due date whatever follows (not a mere preposition). */
  readonly strong: boolean;
  /** `@owner`, tickets and other tokens after the value, kept as written. */
  readonly tokens: readonly string[];
  /** English `due` and `by` without a colon: a due date only when the whole value is one (as lint reads them). */
  readonly english: boolean;
}

// Group 1: labels; group 2: prepositions. Literals, so the regular-expression audit checks them.
const LABEL_AT_START = /^(?:(fällig(?:[ \t]{1,3}(?:am|bis|zum))?|frist|termin|zieldatum|deadline|target[ \t]{1,3}date|échéance|date[ \t]{1,3}limite|fecha[ \t]{1,3}l[ií]mite|plazo|vence(?:[ \t]{1,3}el)?|prazo|data[ \t]{1,3}limite|uiterlijk(?:[ \t]{1,3}op)?|scadenza|期限|締切|締め切り|〆切|截止日期)|(bis(?:[ \t]{1,3}(?:zum|spätestens|am))?|spätestens(?:[ \t]{1,3}(?:am|bis))?|d['’]ici(?:[ \t]{1,3}(?:le|au|la))?|avant(?:[ \t]{1,3}le)?|pour[ \t]{1,3}le|au[ \t]{1,3}plus[ \t]{1,3}tard(?:[ \t]{1,3}le)?|para(?:[ \t]{1,3}el)?|antes(?:[ \t]{1,3}del?)?|a[ \t]{1,3}m[aá]s[ \t]{1,3}tardar(?:[ \t]{1,3}el)?|até(?:[ \t]{1,3}(?:ao|dia|o))?|vóór|voor|entro(?:[ \t]{1,3}il)?))(?:[ \t]{0,3}[:：][ \t]{0,3}|[ \t]{1,3})/iu;
/** The same words inside an item's text, after a space, a comma or a dash; plus English `due` and `by` ("until" is no due date: "keep the flag on until 3/15"). */
const LABEL_IN_TEXT = /(?<=^|[\s,;、，–—-])(?:(fällig(?:[ \t]{1,3}(?:am|bis|zum))?|frist|termin|zieldatum|deadline|target[ \t]{1,3}date|échéance|date[ \t]{1,3}limite|fecha[ \t]{1,3}l[ií]mite|plazo|vence(?:[ \t]{1,3}el)?|prazo|data[ \t]{1,3}limite|uiterlijk(?:[ \t]{1,3}op)?|scadenza|期限|締切|締め切り|〆切|截止日期)|(bis(?:[ \t]{1,3}(?:zum|spätestens|am))?|spätestens(?:[ \t]{1,3}(?:am|bis))?|d['’]ici(?:[ \t]{1,3}(?:le|au|la))?|avant(?:[ \t]{1,3}le)?|pour[ \t]{1,3}le|au[ \t]{1,3}plus[ \t]{1,3}tard(?:[ \t]{1,3}le)?|para(?:[ \t]{1,3}el)?|antes(?:[ \t]{1,3}del?)?|a[ \t]{1,3}m[aá]s[ \t]{1,3}tardar(?:[ \t]{1,3}el)?|até(?:[ \t]{1,3}(?:ao|dia|o))?|vóór|voor|entro(?:[ \t]{1,3}il)?|due(?:[ \t]{1,3}(?:by|on))?|by))(?:[ \t]{0,3}[:：][ \t]{0,3}|[ \t]{1,3})(?=\S)/giu;
/** `3月15日まで`, `2026年3月15日までに` ending the item (digits already ASCII). */
const MADE_BY_SUFFIX = /(?<![\d年])((?:\d{4}[ \t]?年[ \t]?)?\d{1,2}[ \t]?月[ \t]?\d{1,2}[ \t]?日)[ \t]?(?:までに|まで|迄に|迄)[)）。.]?[ \t]*$/u;

/** A token after a due date that stays the item's: an owner, a ticket, a priority, a link. */
const TOKEN = /^(?:@[\p{L}\p{N}._-]{1,60}|#\d{1,9}|[A-Z][A-Z0-9]{1,20}-\d{1,9}|P[1-4]|https?:\/\/\S{1,2000}|(?:due|done|impact|effort|kind):\S{1,40})$/u;
/** The longest value looked at: a due date is a few words; more is a sentence. */
const MAX_VALUE = 40;

/** A labelled part of an item ("bis 15.03.2026", "fällig am 20.03.", "期限：2026/03/15"): its label and value; undefined without a due label. */
export function dueLabelAt(part: string): { label: string; value: string; strong: boolean } | undefined {
  const t = part.trim();
  if (t.length > 120) return undefined;
  const m = LABEL_AT_START.exec(t);
  if (!m) return undefined;
  const value = t.slice(m[0].length).trim();
  if (!value) return undefined;
  const strong = m[1] !== undefined;
  return strong || looksLikeDate(value) ? { label: m[0].trim(), value, strong } : undefined;
}

/** The value's last words that are tokens, split off (`15.03.2026 @anna` → `15.03.2026` and `@anna`). */
function withoutTokens(rest: string): { value: string; tokens: string[] } {
  const words = rest.trim().split(/[ \t]+/);
  let end = words.length;
  while (end > 0 && TOKEN.test(words[end - 1].replace(/[.,;]$/, ''))) end--;
  return { value: trimEnd(words.slice(0, end).join(' '), '.;,'), tokens: words.slice(end) };
}

/** `text` without the characters of `chars` at its end (a space there stands for any white space), by hand: a `[…]+$` pattern is quadratic on a long run. */
export function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text[end - 1]) || (chars.includes(' ') && /\s/.test(text[end - 1])))) end--;
  return text.slice(0, end);
}

/**
 * The due words that end an item's text (outside brackets): "Canary einführen, bis 15.03.2026",
 * "Fix alerting by 3/15 @kim", "カナリア導入 3月15日まで". The last such words whose value is a few
 * words and looks like a date (any value after a label); undefined when none.
 */
export function dueWordsAtEnd(text: string): DueWords | undefined {
  if (text.length > 2000) return undefined;
  // "手順書 2026年4月1日までに @ben": the tokens after it stay the item's.
  const { tokens: after } = withoutTokens(text);
  const body = after.length ? text.slice(0, text.trimEnd().length - after.join(' ').length).trimEnd() : text;
  const ja = MADE_BY_SUFFIX.exec(asciiDigits(body));
  if (ja) {
    const start = ja.index + ja[0].indexOf(ja[1]);
    return { start, label: 'まで', value: text.slice(start, start + ja[1].length), strong: true, tokens: after, english: false };
  }
  let found: DueWords | undefined;
  let seen = 0;
  LABEL_IN_TEXT.lastIndex = 0;
  for (let m = LABEL_IN_TEXT.exec(text); m && seen < 50; m = LABEL_IN_TEXT.exec(text)) {
    seen++;
    const rest = text.slice(m.index + m[0].length);
    if (rest.length > MAX_VALUE + 200 || /[()（）]/.test(rest)) continue;
    const { value, tokens } = withoutTokens(rest);
    if (!value || value.length > MAX_VALUE) continue;
    const strong = m[1] !== undefined;
    const english = /^(?:due|by)\b/i.test(m[0]) && !/[:：]/.test(m[0]);
    if (strong || looksLikeDate(value)) found = { start: m.index, label: m[0].trim(), value, strong, tokens, english };
  }
  return found;
}

/** Words that open a relative or vague due date in the languages read: "nächste Woche", "fin du mois", "next sprint", "来週". */
const VAGUE = /^(?:end|ende|fin|final|finales|eind|fine|mitte|anfang|d[ée]but|principios|in[ií]cio|begin|next|this|n[äa]chste[nmr]?|kommende[nmr]?|heute|morgen|today|tomorrow|tonight|demain|ma[ñn]ana|amanh[ãa]|domani|vandaag|eod|eow|eom|eoq|eoy|asap|prochaine?|semaine|semana|woche|week|mois|monat|mes|m[êe]s|maand|sprint|quartal|trimestre|kwartaal|(?:mon|tues?|wednes|thurs?|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|lundi|mardi|mercredi|jeudi|vendredi|lunes|martes|mi[ée]rcoles|jueves|viernes|segunda|ter[çc]a|quarta|quinta|sexta|maandag|dinsdag|woensdag|donderdag|vrijdag)(?!\p{L})|^(?:来週|今週|月末|今月|来月|年内|今日|明日)/iu;

/** "nächste Woche", "fin du mois", "KW 12", "来週": a date that is relative, vague or a week, never one day. */
export function isVagueDate(value: string): boolean {
  const t = asciiDigits(value).trim();
  return VAGUE.test(t) || /^(?:kw|cw|wk)[ \t]?\d/i.test(t);
}

/**
 * Whether words after a preposition look like a date, read or not: numbers with a date's
 * separators (`15.03.2026`, `3/15`, `2026年`), a day and a month by name (`15. März`, `15 de marzo`,
 * `Mar 15`), a quarter or week number (`Q1 2027`, `KW 12`), a weekday or a relative word
 * (`Freitag`, `nächste Woche`, `end of Q2`). "zu 5 %", "el equipo", "factor 2" are not.
 */
export function looksLikeDate(value: string): boolean {
  const t = asciiDigits(value).trim();
  if (/^\d{1,4}[ \t]?[./\-／年月]\d/.test(t) || /^\d{1,2}[ \t]?月/.test(t)) return true;
  if (/^(?:q|h|t|kw|cw|wk)[ \t]?\d(?!\d)/i.test(t)) return true;
  const dayMonth = /^\d{1,2}(?:\.|er|º|st|nd|rd|th)?[ \t]{1,3}(?:de[ \t]{1,3}|of[ \t]{1,3})?(\p{L}{3,10})/iu.exec(t);
  if (dayMonth && monthOf(dayMonth[1]) !== undefined) return true;
  const monthDay = /^(\p{L}{3,10})\.?[ \t]{1,3}\d{1,2}(?!\d)/u.exec(t);
  if (monthDay && monthOf(monthDay[1]) !== undefined) return true;
  return VAGUE.test(t);
}
