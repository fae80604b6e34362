import { at, isAlnum, isAsciiLetter } from './chars';
import type { RedactionFinding } from './kinds';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

/** `[A-Za-z0-9._%+-]`: the local part as people write it (quoted local parts are not looked for). */
function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 46;
}

/** Endings that are file names, not top-level domains: `logo@2x.png`, `module@1.2.js`. */
const FILE_ENDINGS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'js', 'ts', 'json', 'md', 'txt', 'log', 'yaml', 'yml', 'css', 'html', 'py', 'go', 'rs', 'java', 'lock']);

/**
 * E-mail addresses: `local@domain.tld` with a letters-only top-level domain of two or more letters.
 * Not taken: `user@host` inside a URL (`https://user@…`, `ssh://git@…`; the URL check owns user-info),
 * package versions (`pkg@1.2.3`), retina images (`logo@2x.png`), `@mentions` (no local part).
 */
export function findEmails(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  let from = 0;
  for (;;) {
    const atSign = text.indexOf('@', from);
    if (atSign < 0) break;
    from = atSign + 1;
    let start = atSign;
    while (start > 0 && atSign - start < MAX_LOCAL && isLocalChar(at(text, start - 1))) start--;
    if (isLocalChar(at(text, start - 1))) continue; // longer than a local part can be
    while (start < atSign && (at(text, start) === 46 || at(text, start) === 45)) start++;
    if (start === atSign || at(text, atSign - 1) === 46) continue;
    const before = at(text, start - 1);
    if (before === 47 || before === 58 || before === 64) {
      // `://user@host` and `scheme:user@` are URL user-info; `mailto:` is an address.
      if (!(before === 58 && text.slice(Math.max(0, start - 7), start).toLowerCase() === 'mailto:')) continue;
    }
    let end = atSign + 1;
    while (end < text.length && end - atSign <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++;
    while (end > atSign + 1 && (at(text, end - 1) === 46 || at(text, end - 1) === 45)) end--; // sentence end
    const domain = text.slice(atSign + 1, end);
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

/** Dot-separated labels, none empty or starting/ending with `-`, the last letters only (2+). */
function isDomainName(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (!label || label.startsWith('-') || label.endsWith('-')) return false;
  }
  const tld = labels[labels.length - 1];
  if (tld.length < 2 || FILE_ENDINGS.has(tld.toLowerCase())) return false;
  for (let i = 0; i < tld.length; i++) if (!isAsciiLetter(tld.charCodeAt(i))) return false;
  return true;
}
