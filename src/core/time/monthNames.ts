/**
 * Month names as people write them in post-mortems (English, German, French, Spanish, Portuguese,
 * Dutch, Italian, and the usual abbreviations), for the readers of dates in words: convert's stamps and the due
 * dates of action items (actions/dueDate.ts).
 */
const MONTH_WORDS: Readonly<Record<string, number>> = (() => {
  const m: Record<string, number> = {};
  const lists = [
    ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
    ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
    ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  ];
  for (const list of lists) list.forEach((name, k) => { m[name] = k + 1; });
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].forEach((a, k) => { m[a] = k + 1; });
  Object.assign(m, { sept: 9, okt: 10, dez: 12, janv: 1, févr: 2, avr: 4, juil: 7, déc: 12, dic: 12 });
  return m;
})();

/** The month (1–12) a word names (`Dec`, `December`, `dez.`), or undefined. */
export function monthOf(word: string): number | undefined {
  return MONTH_WORDS[word.toLowerCase().replace(/\.$/, '')];
}

/** The English name of month 1–12, for messages ("3 April"). */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
