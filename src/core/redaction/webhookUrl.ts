import { at } from './chars';
import type { RedactionFinding } from './kinds';

/**
 * Webhook URLs of chat and alerting tools other than Slack (slackWebhook.ts): whoever holds one can
 * post to the channel or open incidents, so the whole URL is the secret — Microsoft Teams incoming
 * webhooks, Discord webhooks, Google Chat space webhooks (key and token in the query) and PagerDuty
 * Events integration URLs (the routing key in the path). Power Automate workflow URLs carry their
 * secret in `sig=`, which urlToken.ts finds.
 */
export function findWebhookUrls(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  for (const prefix of PREFIXES) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(prefix, from);
      if (i < 0) break;
      from = i + prefix.length;
      let end = from;
      while (end < text.length && end - from < MAX_URL && isUrlChar(text.charCodeAt(end))) end++;
      // `….` or `…,` at a sentence's end is not the URL's.
      while (end > from && isTrailingPunctuation(at(text, end - 1))) end--;
      if (end - from < MIN_SECRET_PART) continue;
      const start = text.startsWith('https://', hostStart(text, i) - 8) ? hostStart(text, i) - 8 : hostStart(text, i);
      out.push({ kind: 'webhook-url', start, end, label: 'webhook-url' });
      from = end;
    }
  }
  return out;
}

/** Where each tool's webhook path starts (a Teams tenant's subdomain comes before `webhook.office.com`). */
const PREFIXES = [
  'webhook.office.com/webhookb2/', 'outlook.office.com/webhook/', 'discord.com/api/webhooks/', 'discordapp.com/api/webhooks/',
  'chat.googleapis.com/v1/spaces/', 'events.pagerduty.com/integration/',
];

/** Fewer characters after the prefix than this are a mention of the service (`discord.com/api/webhooks/`), not a webhook. */
const MIN_SECRET_PART = 12;
const MAX_URL = 2048;

/** The host's first label: a tenant's subdomain (`acme.webhook.office.com`) is part of the URL. */
function hostStart(text: string, i: number): number {
  let s = i;
  while (s > 0 && i - s < 253 && isHostChar(text.charCodeAt(s - 1))) s--;
  return s;
}

function isHostChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46;
}

/** What a URL holds up to its end: ASCII, not whitespace, quotes, angle brackets, `|`, backtick, `)` or `]` (Markdown and Slack link ends). */
function isUrlChar(c: number): boolean {
  return c > 32 && c < 127 && c !== 34 && c !== 39 && c !== 60 && c !== 62 && c !== 124 && c !== 96 && c !== 41 && c !== 93;
}

function isTrailingPunctuation(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63;
}
