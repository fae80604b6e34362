import { appendAll } from '../collections/appendAll';
import { findAwsSecrets } from './awsSecret';
import { allowListOf, DEFAULT_REDACTION, type RedactionSettings } from './config';
import { findEmails } from './email';
import { findIps } from './ip';
import { findJwts } from './jwt';
import { findLabelledPhones } from './labelledPhone';
import { findLinkPhones } from './linkPhone';
import { KIND_INFO, placeholder, type RedactionFinding } from './kinds';
import { findPhones } from './phone';
import { findPrivateKeys } from './privateKey';
import { findSlackWebhooks } from './slackWebhook';
import { findTeamPatterns } from './teamPatterns';
import { findTokens } from './tokens';
import { findUrlPasswords } from './urlPassword';
import { findUrlTokens } from './urlToken';
import { findWebhookUrls } from './webhookUrl';

/**
 * Every secret and piece of personal data in `text`, in order, none overlapping (where two kinds
 * overlap the one starting first wins, then the longer, then the secret). Allowed values are dropped.
 * Linear in the text: each scanner is one bounded pass.
 */
export function findSensitive(text: string, settings: RedactionSettings = DEFAULT_REDACTION): RedactionFinding[] {
  return scanSensitive(text, settings).found;
}

/**
 * What `findSensitive` finds, and beside it what looked like personal data or a secret but was let
 * through by the allow list (documentation addresses such as `jane@example.com` and
 * `203.0.113.7`, the team's `redaction.allow`): Attach Evidence says what it kept, as it says what
 * it redacted (trial T24: a copy keeping an e-mail and an IP said nothing).
 */
export function scanSensitive(text: string, settings: RedactionSettings = DEFAULT_REDACTION): { found: RedactionFinding[]; allowed: RedactionFinding[] } {
  const tokens = findTokens(text);
  const found: RedactionFinding[] = [];
  for (const part of [
    findPrivateKeys(text), tokens, findAwsSecrets(text, keyIdAnchors(text, tokens)),
    findSlackWebhooks(text), findWebhookUrls(text), findJwts(text), findUrlPasswords(text), findUrlTokens(text),
    findEmails(text), findPhones(text), findLinkPhones(text), findLabelledPhones(text), findIps(text), findTeamPatterns(text, settings.patterns),
  ]) appendAll(found, part);
  const allow = allowListOf(settings);
  const rank = (f: RedactionFinding) => (KIND_INFO[f.kind].category === 'secret' ? 0 : 1);
  found.sort((a, b) => a.start - b.start || b.end - a.end || rank(a) - rank(b));
  const out: RedactionFinding[] = [];
  const allowed: RedactionFinding[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    if (allow.allows(f.kind, text.slice(f.start, f.end))) {
      allowed.push(f);
      continue;
    }
    out.push(f);
    lastEnd = f.end;
  }
  return { found: out, allowed };
}

/**
 * Where access key ids are, for the secret keys next to them: the ids found, and ids already
 * redacted (`[redacted: aws-access-key]`), so redacting the id first does not hide its secret.
 */
function keyIdAnchors(text: string, tokens: readonly RedactionFinding[]): { start: number; end: number }[] {
  const anchors: { start: number; end: number }[] = tokens.filter((t) => t.kind === 'aws-access-key');
  const mark = placeholder(KIND_INFO['aws-access-key'].label);
  for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + mark.length)) anchors.push({ start: i, end: i + mark.length });
  return anchors.sort((a, b) => a.start - b.start);
}

/** `text` with each finding replaced by its placeholder (`[redacted: email]`). */
export function redactText(text: string, findings: readonly RedactionFinding[]): string {
  let out = '';
  let last = 0;
  for (const f of findings) {
    if (f.start < last) continue;
    out += text.slice(last, f.start) + placeholder(f.label);
    last = f.end;
  }
  return out + text.slice(last);
}
