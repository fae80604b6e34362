import { at, isAlnum, isBase64Url, isWordChar, runEnd } from './chars';
import type { RedactionFinding, RedactionKind } from './kinds';

/**
 * A token recognised by its documented prefix and the characters and length that follow it. The
 * lengths are those the providers document, with room for the longer forms they have announced.
 */
interface TokenShape {
  readonly kind: RedactionKind;
  readonly prefixes: readonly string[];
  readonly body: (c: number) => boolean;
  readonly min: number;
  readonly max: number;
}

const isUpperAlnum = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const isGitLabBody = (c: number): boolean => isBase64Url(c) || c === 46;

export const TOKEN_SHAPES: readonly TokenShape[] = [
  // GitHub: `ghp_` + 36 alphanumerics (personal), gho_/ghu_/ghs_/ghr_ (OAuth, user-to-server, server, refresh);
  // fine-grained personal tokens: `github_pat_` + 22 + `_` + 59.
  { kind: 'github-token', prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], body: isAlnum, min: 36, max: 251 },
  { kind: 'github-token', prefixes: ['github_pat_'], body: isWordChar, min: 70, max: 244 },
  // GitLab: `glpat-` + 20 (older) or a longer routable form with `.`; deploy, runner, trigger and OAuth tokens alike.
  { kind: 'gitlab-token', prefixes: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'gloas-', 'glsoat-', 'glcbt-'], body: isGitLabBody, min: 20, max: 255 },
  // Slack: bot, user, app-level, refresh and legacy tokens.
  { kind: 'slack-token', prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xapp-'], body: isBase64Url, min: 10, max: 255 },
  // AWS access key ids: long-term (AKIA) and temporary (ASIA), 16 upper-case letters and digits.
  { kind: 'aws-access-key', prefixes: ['AKIA', 'ASIA'], body: isUpperAlnum, min: 16, max: 16 },
  // Google API keys: `AIza` + 35 base64url characters.
  { kind: 'google-api-key', prefixes: ['AIza'], body: isBase64Url, min: 35, max: 35 },
  // Stripe live secret and restricted keys (test-mode keys reach no money and are not flagged).
  { kind: 'stripe-key', prefixes: ['sk_live_', 'rk_live_'], body: isAlnum, min: 24, max: 247 },
];

/**
 * Every token of a documented shape in `text`. Linear: a candidate starts only where the character
 * before is not a token character, and its body is read at most `max` characters far.
 */
export function findTokens(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  for (const shape of TOKEN_SHAPES) {
    for (const prefix of shape.prefixes) {
      let from = 0;
      for (;;) {
        const start = text.indexOf(prefix, from);
        if (start < 0) break;
        from = start + prefix.length;
        const before = at(text, start - 1);
        if (isWordChar(before) || before === 45) continue;
        const bodyStart = start + prefix.length;
        let end = runEnd(text, bodyStart, shape.body, shape.max + 1);
        // A GitLab token's `.` is inside it; one at its end ends the sentence (`… glpat-….`).
        while (end > bodyStart && at(text, end - 1) === 46) end--;
        const length = end - bodyStart;
        if (length < shape.min || length > shape.max) continue;
        // A token ends where its characters do: `ghp_…36….` at a sentence end, not inside a longer word.
        if (isWordChar(at(text, end))) continue;
        out.push({ kind: shape.kind, start, end, label: shape.kind });
        from = end;
      }
    }
  }
  return out;
}
