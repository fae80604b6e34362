/**
 * What the redaction check finds, one kind per rule code (`redaction/<kind>`). Secrets are errors
 * (a leaked token must be revoked, not only removed); personal data is a warning.
 */
export const REDACTION_KINDS = [
  'github-token', 'gitlab-token', 'slack-token', 'slack-webhook', 'aws-access-key', 'aws-secret-key',
  'google-api-key', 'stripe-key', 'jwt', 'private-key', 'url-password', 'webhook-url', 'url-token',
  'email', 'phone', 'ip-address', 'team-pattern',
] as const;

export type RedactionKind = (typeof REDACTION_KINDS)[number];

export type RedactionCategory = 'secret' | 'personal';

export interface KindInfo {
  readonly category: RedactionCategory;
  /** What the placeholder says: `[redacted: <label>]`. */
  readonly label: string;
  /** A noun phrase for messages: "a GitHub token". */
  readonly noun: string;
}

export const KIND_INFO: Readonly<Record<RedactionKind, KindInfo>> = {
  'github-token': { category: 'secret', label: 'github-token', noun: 'a GitHub access token' },
  'gitlab-token': { category: 'secret', label: 'gitlab-token', noun: 'a GitLab access token' },
  'slack-token': { category: 'secret', label: 'slack-token', noun: 'a Slack token' },
  'slack-webhook': { category: 'secret', label: 'slack-webhook', noun: 'a Slack webhook URL' },
  'aws-access-key': { category: 'secret', label: 'aws-access-key', noun: 'an AWS access key id' },
  'aws-secret-key': { category: 'secret', label: 'aws-secret-key', noun: 'an AWS secret access key' },
  'google-api-key': { category: 'secret', label: 'google-api-key', noun: 'a Google API key' },
  'stripe-key': { category: 'secret', label: 'stripe-key', noun: 'a Stripe live key' },
  jwt: { category: 'secret', label: 'jwt', noun: 'a JSON Web Token' },
  'private-key': { category: 'secret', label: 'private-key', noun: 'a private key block' },
  'url-password': { category: 'secret', label: 'password', noun: 'a password in a URL' },
  'webhook-url': { category: 'secret', label: 'webhook-url', noun: 'a webhook URL (Teams, Discord, Google Chat or PagerDuty)' },
  'url-token': { category: 'secret', label: 'url-token', noun: 'a token or signature in a URL\'s query' },
  email: { category: 'personal', label: 'email', noun: 'an e-mail address' },
  phone: { category: 'personal', label: 'phone', noun: 'a phone number' },
  'ip-address': { category: 'personal', label: 'ip-address', noun: 'an IP address' },
  'team-pattern': { category: 'personal', label: 'team-pattern', noun: 'a value matching a team pattern' },
};

/** One thing to redact: `text.slice(start, end)` is the value, `label` goes into the placeholder. */
export interface RedactionFinding {
  readonly kind: RedactionKind;
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export function placeholder(label: string): string {
  return `[redacted: ${label}]`;
}
