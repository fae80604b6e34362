/**
 * Letters of other scripts that look like Latin ones (Cyrillic and Greek, as Unicode's confusables
 * list pairs them), by the Latin letter they pass for and their Unicode name. A word that mixes them
 * with Latin letters (`@kіm` with a Cyrillic і, `Аction items` with a Cyrillic А) reads as the Latin
 * word and is a different string to every reader (trial16a F1, F3). A word in one script (`@иван`)
 * is no look-alike and is left alone.
 */
const CONFUSABLES: Readonly<Record<string, readonly [latin: string, name: string]>> = {
  '\u0430': ['a', 'CYRILLIC SMALL LETTER A'], '\u0410': ['A', 'CYRILLIC CAPITAL LETTER A'],
  '\u0432': ['B', 'CYRILLIC SMALL LETTER VE'], '\u0412': ['B', 'CYRILLIC CAPITAL LETTER VE'],
  '\u0441': ['c', 'CYRILLIC SMALL LETTER ES'], '\u0421': ['C', 'CYRILLIC CAPITAL LETTER ES'],
  '\u0435': ['e', 'CYRILLIC SMALL LETTER IE'], '\u0415': ['E', 'CYRILLIC CAPITAL LETTER IE'],
  '\u043d': ['H', 'CYRILLIC SMALL LETTER EN'], '\u041d': ['H', 'CYRILLIC CAPITAL LETTER EN'],
  '\u0456': ['i', 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I'], '\u0406': ['I', 'CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I'],
  '\u0458': ['j', 'CYRILLIC SMALL LETTER JE'], '\u0408': ['J', 'CYRILLIC CAPITAL LETTER JE'],
  '\u043a': ['k', 'CYRILLIC SMALL LETTER KA'], '\u041a': ['K', 'CYRILLIC CAPITAL LETTER KA'],
  '\u041c': ['M', 'CYRILLIC CAPITAL LETTER EM'],
  '\u043e': ['o', 'CYRILLIC SMALL LETTER O'], '\u041e': ['O', 'CYRILLIC CAPITAL LETTER O'],
  '\u0440': ['p', 'CYRILLIC SMALL LETTER ER'], '\u0420': ['P', 'CYRILLIC CAPITAL LETTER ER'],
  '\u0455': ['s', 'CYRILLIC SMALL LETTER DZE'], '\u0405': ['S', 'CYRILLIC CAPITAL LETTER DZE'],
  '\u0422': ['T', 'CYRILLIC CAPITAL LETTER TE'],
  '\u0443': ['y', 'CYRILLIC SMALL LETTER U'], '\u0423': ['Y', 'CYRILLIC CAPITAL LETTER U'],
  '\u0445': ['x', 'CYRILLIC SMALL LETTER HA'], '\u0425': ['X', 'CYRILLIC CAPITAL LETTER HA'],
  '\u0501': ['d', 'CYRILLIC SMALL LETTER KOMI DE'], '\u04bb': ['h', 'CYRILLIC SMALL LETTER SHHA'],
  '\u0391': ['A', 'GREEK CAPITAL LETTER ALPHA'], '\u0392': ['B', 'GREEK CAPITAL LETTER BETA'],
  '\u0395': ['E', 'GREEK CAPITAL LETTER EPSILON'], '\u0396': ['Z', 'GREEK CAPITAL LETTER ZETA'],
  '\u0397': ['H', 'GREEK CAPITAL LETTER ETA'], '\u0399': ['I', 'GREEK CAPITAL LETTER IOTA'],
  '\u039a': ['K', 'GREEK CAPITAL LETTER KAPPA'], '\u039c': ['M', 'GREEK CAPITAL LETTER MU'],
  '\u039d': ['N', 'GREEK CAPITAL LETTER NU'], '\u039f': ['O', 'GREEK CAPITAL LETTER OMICRON'],
  '\u03a1': ['P', 'GREEK CAPITAL LETTER RHO'], '\u03a4': ['T', 'GREEK CAPITAL LETTER TAU'],
  '\u03a5': ['Y', 'GREEK CAPITAL LETTER UPSILON'], '\u03a7': ['X', 'GREEK CAPITAL LETTER CHI'],
  '\u03bf': ['o', 'GREEK SMALL LETTER OMICRON'], '\u03b9': ['i', 'GREEK SMALL LETTER IOTA'],
  '\u03bd': ['v', 'GREEK SMALL LETTER NU'],
};

/** One look-alike letter in a word that also holds Latin letters. */
export interface Lookalike {
  /** Index in the text given. */
  readonly index: number;
  readonly char: string;
  readonly latin: string;
  /** "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I". */
  readonly name: string;
}

const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isWordChar = (c: string) => /[\p{L}\p{M}\p{N}]/u.test(c);

/**
 * The look-alike letters of `text` that stand in words mixing them with Latin letters (`kіm`,
 * `Аction`). One pass over the text; words are runs of letters, marks and digits.
 */
export function mixedScriptLookalikes(text: string): Lookalike[] {
  const found: Lookalike[] = [];
  let latin = false;
  let pending: Lookalike[] = [];
  const endWord = () => {
    if (latin) for (const l of pending) found.push(l);
    latin = false;
    pending = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!isWordChar(ch)) {
      endWord();
      continue;
    }
    if (isLatin(ch.charCodeAt(0))) latin = true;
    const c = CONFUSABLES[ch];
    if (c) pending.push({ index: i, char: ch, latin: c[0], name: `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} ${c[1]}` });
  }
  endWord();
  return found;
}

/** `text` with its mixed-script look-alikes written as the Latin letters they pass for. */
export function foldLookalikes(text: string, lookalikes: readonly Lookalike[] = mixedScriptLookalikes(text)): string {
  if (!lookalikes.length) return text;
  const chars = text.split('');
  for (const l of lookalikes) chars[l.index] = l.latin;
  return chars.join('');
}

/** "its "і" is U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I, not the Latin "i"" (the first two named). */
export function describeLookalikes(lookalikes: readonly Lookalike[]): string {
  const named = lookalikes.slice(0, 2).map((l) => `"${l.char}" is ${l.name}, not the Latin "${l.latin}"`);
  return `${named.join(' and ')}${lookalikes.length > 2 ? ` (and ${lookalikes.length - 2} more)` : ''}`;
}
