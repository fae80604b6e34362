import { appendAll } from '../collections/appendAll';
import { at, isAlnum, isAsciiLetter, matchesAt } from './chars';
import type { RedactionFinding } from './kinds';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/**
 * `[A-Za-z0-9._%+-]` and letters of alphabetic scripts: the local part as people write it (quoted
 * local parts are not looked for). `joão.silva@banco.com.br` was cut at the `ã` and redacted as
 * `joã[redacted: email]`, the first name kept and lint calling the file clean (trial14a F4).
 */
function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || isSpacedScriptLetter(c);
}

/** Internationalised domains too: `bücher.de`, `пример.рф`. */
function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 46 || isSpacedScriptLetter(c);
}

const LETTER = /[\p{L}\p{M}\p{Nd}]/u;
const LETTER_DIGIT = /\p{Nd}/u;
/** Scripts written without spaces between words: an address there abuts the words around it (`連絡はtanaka@corp.co.jpまで`). */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}\p{sc=Bopomofo}\p{sc=Yi}]/u;

/**
 * A non-ASCII letter (or combining mark, or digit) of a script written with spaces between words
 * (Latin with accents, Greek, Cyrillic, Arabic, Devanagari…). Not CJK, kana, Hangul or Thai: taking
 * them would swallow the sentence around an address written without a space. Not the full-width
 * forms (U+FF00–U+FFEF) nor the CJK punctuation and kana block (U+3000–U+30FF), nor half of a
 * surrogate pair (letters beyond the BMP are not taken).
 */
function isSpacedScriptLetter(c: number): boolean {
  if (c < 0x80 || (c >= 0xd800 && c <= 0xdfff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x30ff)) return false;
  const ch = String.fromCharCode(c);
  return LETTER.test(ch) && !UNSPACED.test(ch);
}

/**
 * Endings that are file names, not top-level domains: `logo@2x.png`, `module@1.2.js`, translations
 * (`ca@valencia.po`) and systemd template units (`pg_dump@15-main.service`, `getty@tty1.timer`).
 */
const FILE_ENDINGS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'js', 'ts', 'json', 'md', 'txt', 'log', 'yaml', 'yml', 'css', 'html', 'py', 'go', 'rs', 'java', 'lock',
  'po', 'service', 'timer', 'socket', 'target', 'mount', 'slice',
]);

/**
 * E-mail addresses: `local@domain.tld` with a letters-only top-level domain of two or more letters,
 * also percent-encoded in a link's query or path (`?email=dana%40acme.com`: trial 13 F13, link
 * targets are redacted as the text is) and as a URL's path segment (`/users/dana@acme.com`).
 * Not taken: `user@host` as a URL's user-info (`https://user@…`, `ssh://git@…`, `https://user:pw@…`;
 * the URL check owns user-info), package versions (`pkg@1.2.3`), retina images (`logo@2x.png`), `@mentions` (no local part).
 */
export function findEmails(text: string): RedactionFinding[] {
  const out = emailsAround(text, '@');
  if (text.includes('%40')) appendAll(out, emailsAround(text, '%40'));
  return out;
}

/** The addresses whose at sign is written `atSign` (`@`, or `%40` in a URL). */
function emailsAround(text: string, atSign: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  let from = 0;
  for (;;) {
    const sign = text.indexOf(atSign, from);
    if (sign < 0) break;
    from = sign + atSign.length;
    let start = sign;
    while (start > 0 && sign - start < MAX_LOCAL && isLocalChar(at(text, start - 1))) start--;
    if (isLocalChar(at(text, start - 1))) continue; // longer than a local part can be
    while (start < sign && (at(text, start) === 46 || at(text, start) === 45)) start++;
    if (start === sign || at(text, sign - 1) === 46) continue;
    // `smp%3A%2F%2Fkey%40host`: a percent-encoded URL's user-info (`:` and `/` encoded), not a mailbox.
    if (atSign !== '@' && hasEncodedUrlPart(text, start, sign)) continue;
    const before = at(text, start - 1);
    // `://user@host` and `://user:password@host` are URL user-info (the URL check owns it); a path's
    // segment is an address (`/users/dana@acme.com`: one `/`, not the `//` before user-info), and so
    // is what follows a colon outside a URL: `Contact:dana@x.com`, `mailto:`, `sip:` (a colon alone
    // used to be read as user-info, and the address was left in the file).
    const pathSegment = before === 47 && at(text, start - 2) !== 47 && at(text, start - 2) !== 58 && inUrl(text, start);
    // `@kim@acme.com` (a mention typed before the address) and `x@lee@acme.com`: the address after the
    // last `@` is still one (trial 15a F15); inside a URL a second `@` is user-info, the URL check's.
    if ((before === 47 && !pathSegment) || ((before === 58 || before === 64) && inUrl(text, start))) continue;
    let end = sign + atSign.length;
    while (end < text.length && end - sign <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
    while (end > sign + atSign.length && (at(text, end - 1) === 46 || at(text, end - 1) === 45)) end--; // sentence end
    const domain = text.slice(sign + atSign.length, end);
    if (!isDomainName(domain)) continue;
    const after = at(text, end);
    if (after === 64 || after === 95 || isAlnum(after)) continue;
    // `git@github.com:acme/shop.git`: an SSH remote, not a mailbox.
    if (after === 58 && at(text, end + 1) > 32) continue;
    out.push({ kind: 'email', start, end, label: 'email' });
    from = end;
  }
  return out;
}

/** How far back a path segment's URL is looked for (`https://` before `/users/dana@acme.com`). */
const MAX_URL_BEFORE = 512;

/**
 * Whether the word ending at `i` is a URL (`://` in it): a path segment of a file (`po/ca@valencia.po`,
 * a locale) is no address, and neither is a URL's `user:password@` (but `Contact:dana@x.com` is one).
 */
function inUrl(text: string, i: number): boolean {
  for (let k = i - 1; k >= 2 && i - k < MAX_URL_BEFORE; k--) {
    const c = text.charCodeAt(k);
    if (c <= 32) return false;
    if (c === 47 && text.charCodeAt(k - 1) === 47 && text.charCodeAt(k - 2) === 58) return true;
  }
  return false;
}

/** Whether `text[from, to)` holds `%3A` or `%2F` (an encoded `:` or `/`). */
function hasEncodedUrlPart(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf('%', from); i >= 0 && i < to; i = text.indexOf('%', i + 1)) {
    if (matchesAt(text, i, '%3a') || matchesAt(text, i, '%2f')) return true;
  }
  return false;
}

/**
 * Dot-separated labels, none empty or starting/ending with `-`, the last letters only (2+): ASCII,
 * or of an alphabetic script (`.рф`), or an internationalised one in its ASCII form (`xn--p1ai`).
 */
function isDomainName(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (!label || label.startsWith('-') || label.endsWith('-')) return false;
  }
  const tld = labels[labels.length - 1];
  if (tld.length < 2 || FILE_ENDINGS.has(tld.toLowerCase())) return false;
  if (tld.toLowerCase().startsWith('xn--') && tld.length > 4) return true;
  for (let i = 0; i < tld.length; i++) {
    const c = tld.charCodeAt(i);
    if (!isAsciiLetter(c) && !(c >= 0x80 && isSpacedScriptLetter(c) && !LETTER_DIGIT.test(tld[i]))) return false;
  }
  return true;
}
