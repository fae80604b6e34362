import { at, isDigit, isLower, isUpper } from './chars';
import type { RedactionFinding } from './kinds';

/**
 * Secrets in a URL's query, found by the parameter's name: `?access_token=…`, `&api_key=…`, `&sig=…`
 * (Azure SAS, Power Automate and Teams workflow webhooks), `X-Amz-Signature=…` (S3 pre-signed URLs),
 * `private_token=…` (GitLab), `password=…`. Only the value is replaced, so the link still says where
 * it pointed. A value too short or too plain to be a secret (`token=abc`, `token=${TOKEN}`,
 * `<your-token>`, `xxxx`) is left alone.
 */
export function findUrlTokens(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  NAMES.lastIndex = 0;
  for (let m = NAMES.exec(text); m; m = NAMES.exec(text)) {
    const start = m.index + m[0].length;
    let end = start;
    while (end < text.length && end - start < MAX_VALUE && isValueChar(text.charCodeAt(end))) end++;
    while (end > start && at(text, end - 1) === 46) end--; // a sentence's period
    const name = m[0].slice(1, -1).toLowerCase();
    if (!looksSecret(text.slice(start, end), PASSWORD_NAMES.has(name))) continue;
    out.push({ kind: 'url-token', start, end, label: 'url-token' });
    NAMES.lastIndex = end;
  }
  return out;
}

/** A parameter named for a secret, after `?`, `&` or `;`. Literal alternatives only. */
const NAMES = /[?&;](?:access_token|refresh_token|id_token|auth_token|token|private_token|api_key|apikey|api-key|client_secret|secret|password|passwd|pwd|sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature|x-goog-credential)=/gi;

/** Names whose value is a password a person chose: shorter values count. */
const PASSWORD_NAMES = new Set(['password', 'passwd', 'pwd', 'secret', 'client_secret']);

const MAX_VALUE = 2048;

/** `[A-Za-z0-9._~%+/=-]`: what a query value holds unescaped or percent-encoded (base64 too). */
function isValueChar(c: number): boolean {
  return isDigit(c) || isUpper(c) || isLower(c) || c === 46 || c === 95 || c === 126 || c === 37 || c === 43 || c === 47 || c === 61 || c === 45;
}

/**
 * Long enough, and not a placeholder: 16 characters or more with a digit or both cases (a password:
 * 6 or more), not `${…}`, `{{…}}`, `%7B…`, `<…>`, `[redacted…]`, nor one character repeated.
 */
function looksSecret(value: string, password: boolean): boolean {
  if (value.length < (password ? 6 : 16)) return false;
  if (/^(?:%7B|%24|%3C|\*|x+$|X+$|redacted|your)/i.test(value)) return false;
  let digit = false;
  let upper = false;
  let lower = false;
  let same = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    digit ||= isDigit(c);
    upper ||= isUpper(c);
    lower ||= isLower(c);
    same &&= c === value.charCodeAt(0);
  }
  return !same && (password || digit || (upper && lower));
}
