import { at, isAlnum, isDigit, isLower, isUpper, matchesAt } from './chars';
import type { RedactionFinding } from './kinds';

const LENGTH = 40;
/** How far from an access key id a secret key is looked for (the same `key id / secret` pair in a log). */
const NEAR = 200;
/** Names a secret access key is written under (lower case; `_`, `-` and nothing between words alike). */
const SECRET = /secret/i;
const NAMES = ['aws_secret_access_key', 'secret_access_key', 'secretaccesskey', 'secret-access-key', 'aws_secret_key', 'aws-secret-key'];

function isKeyChar(c: number): boolean {
  return isAlnum(c) || c === 43 || c === 47;
}

/**
 * A standalone run of exactly 40 `[A-Za-z0-9/+]` at `i` that looks random: upper and lower case
 * letters and a digit or `/`/`+` (so not a SHA-1 in hex, not a word).
 */
function secretAt(text: string, i: number): number | undefined {
  const before = at(text, i - 1);
  if (isKeyChar(before)) return undefined;
  let upper = false;
  let lower = false;
  let other = false;
  let j = i;
  while (j < text.length && j - i <= LENGTH && isKeyChar(text.charCodeAt(j))) {
    const c = text.charCodeAt(j);
    upper ||= isUpper(c);
    lower ||= isLower(c);
    other ||= isDigit(c) || c === 43 || c === 47;
    j++;
  }
  if (j - i !== LENGTH || at(text, j) === 61 || !(upper && lower && other)) return undefined;
  return j;
}

/** Secret keys in `[from, to)`: each standalone 40-character run. */
function secretsIn(text: string, from: number, to: number, out: RedactionFinding[]): void {
  let i = Math.max(0, from);
  const end = Math.min(text.length, to);
  while (i < end) {
    if (isKeyChar(text.charCodeAt(i)) && !isKeyChar(at(text, i - 1))) {
      const e = secretAt(text, i);
      if (e !== undefined) {
        out.push({ kind: 'aws-secret-key', start: i, end: e, label: 'aws-secret-key' });
        i = e;
        continue;
      }
    }
    i++;
  }
}

/**
 * AWS secret access keys have no prefix: a 40-character string is only taken for one next to an
 * access key id (`accessKeyIds`: where they are) or after a name such as `aws_secret_access_key =`.
 */
export function findAwsSecrets(text: string, accessKeyIds: readonly { start: number; end: number }[]): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  let windowEnd = 0;
  for (const id of accessKeyIds) {
    // Windows in order, never overlapping: each character is looked at once.
    const from = Math.max(windowEnd, id.start - NEAR);
    secretsIn(text, from, id.start, out);
    secretsIn(text, id.end, id.end + NEAR, out);
    windowEnd = id.end + NEAR;
  }
  // Every name holds `secret`: one pass for it spares the six passes in nearly every text. A
  // literal without the `u` flag folds ASCII case only (as indexOfInsensitive), in native code.
  if (!SECRET.test(text)) return out;
  for (const name of NAMES) {
    let from = 0;
    for (;;) {
      const i = indexOfInsensitive(text, name, from);
      if (i < 0) break;
      from = i + name.length;
      // `name = "…"`, `name: …`, `"name": "…"`, `name=>…`: a few separator characters, then the value.
      let j = from;
      while (j < text.length && j - from < 8 && ' \t"\':=>'.includes(text[j])) j++;
      const e = secretAt(text, j);
      if (e !== undefined) out.push({ kind: 'aws-secret-key', start: j, end: e, label: 'aws-secret-key' });
    }
  }
  return out;
}

/** `text.toLowerCase().indexOf(word)` without copying the text (lower-casing can change its length). */
function indexOfInsensitive(text: string, word: string, from: number): number {
  const first = word.charCodeAt(0);
  for (let i = from; i + word.length <= text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c === first && matchesAt(text, i, word)) return i;
  }
  return -1;
}
