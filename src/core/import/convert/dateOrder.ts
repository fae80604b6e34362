/**
 * The order of day and month in a document whose dates do not settle it (no `13/05/2026`, no
 * "DD/MM"): guessed from its language, then from its zone, and always said. Trial 14a F13: a
 * Portuguese review's `05/12/2026` was read one way without a word, an English one the other with a
 * warning. Every expression is anchored or bounded (the text is the user's).
 */

/** The guess and what it rests on, for the warning and the line in the converted file. */
export interface GuessedDateOrder {
  readonly dayFirst: boolean;
  /** "the text is Portuguese", "the document's zone is Europe/London". */
  readonly why: string;
  /** The first date the guess decides, as written, its 0-based line, and how it was read (YYYY-MM-DD). */
  readonly example: { readonly written: string; readonly line: number; readonly read: string };
}

/** Short words that tell a language apart from English (overlaps between the others do not matter: only the name differs). */
const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  English: ['the', 'and', 'was', 'were', 'of', 'to', 'is', 'we', 'with', 'this', 'that', 'for', 'at', 'on'],
  Portuguese: ['não', 'foi', 'em', 'para', 'com', 'os', 'do', 'da', 'dos', 'das', 'ao', 'às', 'uma', 'um', 'pelo', 'pela', 'serviço', 'são', 'de', 'o'],
  Spanish: ['el', 'los', 'las', 'fue', 'con', 'del', 'una', 'por', 'servicio', 'se', 'y', 'está', 'están', 'de'],
  French: ['le', 'les', 'des', 'est', 'été', 'pour', 'avec', 'une', 'du', 'au', 'aux', 'nous', 'pas', 'et', 'de'],
  German: ['der', 'die', 'das', 'und', 'ist', 'wurde', 'mit', 'nicht', 'ein', 'eine', 'den', 'dem', 'von', 'auf'],
  Italian: ['il', 'gli', 'della', 'delle', 'è', 'stato', 'per', 'che', 'non', 'sono'],
  Dutch: ['het', 'een', 'werd', 'niet', 'voor', 'van', 'en', 'zijn', 'ook'],
};
/** Languages that write the day first; those of East Asia write the month first (12/5 is 5 December). */
const DAY_FIRST_LANGUAGES = new Set(['Portuguese', 'Spanish', 'French', 'German', 'Italian', 'Dutch']);
/** Zones where English is written with the day first (the UK, Ireland, Australia, New Zealand, India, South Africa …). */
const DAY_FIRST_ZONE = /^(?:Europe|Australia|Africa)\/|^(?:Pacific\/Auckland|Asia\/Kolkata|Asia\/Calcutta|Asia\/Jerusalem|America\/Sao_Paulo)$/;
/** Words of the text looked at: enough to tell a language, bounded on a hostile file. */
const MAX_WORDS = 5000;

/** The language of the text's words, when it is clearly one (at least 3 of its short words, more than English's). */
function languageOf(text: string): string | undefined {
  if (/[\u3040-\u30ff]/.test(text.slice(0, 20_000))) return 'Japanese';
  if (/[\uac00-\ud7af]/.test(text.slice(0, 20_000))) return 'Korean';
  const counts = new Map<string, number>();
  const index = new Map<string, string[]>();
  for (const [language, words] of Object.entries(STOPWORDS)) for (const w of words) (index.get(w) ?? index.set(w, []).get(w)!).push(language);
  let seen = 0;
  for (const m of text.slice(0, 200_000).matchAll(/\p{L}+/gu)) {
    if (++seen > MAX_WORDS) break;
    for (const language of index.get(m[0].toLowerCase()) ?? []) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const english = counts.get('English') ?? 0;
  let best: [string, number] | undefined;
  for (const [language, n] of counts) if (language !== 'English' && (!best || n > best[1])) best = [language, n];
  return best && best[1] >= 3 && best[1] > english ? best[0] : undefined;
}

/** The first numeric date whose order matters (`05/12/2026`: both parts 12 or less, and different), outside the front matter. */
function firstAmbiguousDate(lines: readonly string[]): { written: string; line: number; a: number; b: number; year: number } | undefined {
  for (let line = 0; line < lines.length && line < 100_000; line++) {
    const text = lines[line].length > 2000 ? lines[line].slice(0, 2000) : lines[line];
    for (const m of text.matchAll(/(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])/g)) {
      const a = +m[1];
      const b = +m[3];
      if (a >= 1 && b >= 1 && a <= 12 && b <= 12 && a !== b) return { written: m[0], line, a, b, year: m[4].length === 2 ? 2000 + +m[4] : +m[4] };
    }
  }
  return undefined;
}

/**
 * The order the document's language writes day and month in (day first in Portuguese, Spanish,
 * French, German, Italian, Dutch; month first in Japanese and Korean), else, in English, its
 * zone's; undefined when nothing tells. Also used for due dates without a year (`bis 05/03`).
 */
export function dateOrderOf(text: string, zone: string | undefined, zoneIs = "the document's zone"): { readonly dayFirst: boolean; readonly why: string } | undefined {
  const language = languageOf(text);
  if (language) return { dayFirst: DAY_FIRST_LANGUAGES.has(language), why: `the text is ${language}` };
  if (zone && DAY_FIRST_ZONE.test(zone)) return { dayFirst: true, why: `${zoneIs} is ${zone}` };
  return undefined;
}

/**
 * How to read the document's `05/12/2026` when its dates do not settle it: day first when its text
 * is Portuguese, Spanish, French, German, Italian or Dutch, or (in English) when its zone is one
 * where English writes the day first; month first for Japanese and Korean text. Undefined when no
 * date's order matters, or nothing tells (the reader then reads month first and warns, as before).
 */
export function guessDateOrder(text: string, zone: string | undefined, firstBodyLine = 0, zoneIs?: string): GuessedDateOrder | undefined {
  const lines = text.split('\n');
  const date = firstAmbiguousDate(lines.slice(firstBodyLine));
  if (!date) return undefined;
  const guess = dateOrderOf(text, zone, zoneIs);
  if (!guess) return undefined;
  const [day, month] = guess.dayFirst ? [date.a, date.b] : [date.b, date.a];
  const read = `${date.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ...guess, example: { written: date.written, line: date.line + firstBodyLine, read } };
}
