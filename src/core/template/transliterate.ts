/**
 * Letter-by-letter romanisation where it is trivial: Cyrillic (Russian, Ukrainian, Belarusian,
 * Bulgarian letters; simplified BGN/PCGN), Greek (ELOT 743 simplified) and the Latin letters that
 * have no decomposition (`ß`, `æ`, `ø`, `ł`, …). Scripts that need a dictionary (Chinese, Japanese)
 * or vowel inference (Arabic, Hebrew) are not attempted.
 */
const TABLE: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'i', і: 'i',
  ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u',
  ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  // Greek (accents are removed before the lookup)
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
  // Latin letters without a decomposition
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h',
};

/** The ASCII spelling of one character, or undefined when there is no trivial one. */
export function transliterate(ch: string): string | undefined {
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(TABLE, base) ? TABLE[base] : undefined;
}
