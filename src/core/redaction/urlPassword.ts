import { at, isAlnum, isAsciiLetter } from './chars';
import type { RedactionFinding } from './kinds';

const MAX_SCHEME = 32;
const MAX_USERINFO = 256;

/** Characters that end a URL's user-info part before any `@`: it was not user-info. */
function endsUserinfo(c: number): boolean {
  // whitespace, / ? # < > " ' ` [ ] and the end of the text
  return c <= 32 || c === 47 || c === 63 || c === 35 || c === 60 || c === 62 || c === 34 || c === 39 || c === 96 || c === 91 || c === 93;
}

/** Passwords that are obviously not real: `***`, `xxx`, `<password>`, `${DB_PASS}`, `%s`, `[redacted: …]`. */
export function isPlaceholderPassword(password: string): boolean {
  const first = password.charCodeAt(0);
  if (first === 60 || first === 123 || first === 36 || first === 37 || first === 91) return true;
  if (/^(?:\*+|x+|\.+|•+)$/i.test(password)) return true;
  return /^(?:password|passwd|pass|pwd|secret|redacted|hidden)$/i.test(password);
}

/**
 * `scheme://user:password@host`: the password part only, so the fix keeps the rest of the URL
 * readable (`postgres://app:[redacted: password]@db:5432`).
 */
export function findUrlPasswords(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  let from = 0;
  for (;;) {
    const sep = text.indexOf('://', from);
    if (sep < 0) break;
    from = sep + 3;
    let s = sep;
    while (s > 0 && sep - s < MAX_SCHEME && (isAlnum(at(text, s - 1)) || at(text, s - 1) === 43 || at(text, s - 1) === 45 || at(text, s - 1) === 46)) s--;
    if (s === sep || !isAsciiLetter(at(text, s))) continue;
    const infoStart = sep + 3;
    let colon = -1;
    let atSign = -1;
    for (let i = infoStart; i < text.length && i - infoStart <= MAX_USERINFO; i++) {
      const c = text.charCodeAt(i);
      if (endsUserinfo(c)) break;
      if (c === 58 && colon < 0) colon = i;
      // The last `@` before the host: passwords may hold an unescaped `@`.
      if (c === 64) atSign = i;
    }
    if (atSign < 0 || colon < 0 || colon > atSign || colon === infoStart) continue;
    if (atSign + 1 >= text.length || endsUserinfo(at(text, atSign + 1))) continue;
    const password = text.slice(colon + 1, atSign);
    if (!password || isPlaceholderPassword(password)) continue;
    out.push({ kind: 'url-password', start: colon + 1, end: atSign, label: 'password' });
    from = atSign + 1;
  }
  return out;
}
