/**
 * A Slack link as Markdown, so an import keeps its address (trial 12 T5: `<https://…|grafana>` became
 * just "grafana"). One writer for every place Slack puts a link: mrkdwn `<url|label>` in a message's
 * text, an attachment's or a section block's, a rich-text `link` element, an attachment's `title_link`.
 */

import { MILESTONES } from '../timeline/entryGrammar';

const MILESTONE_WORDS = new Set<string>(MILESTONES);

/** A link text: backslash, brackets escaped so it cannot close the link early (CommonMark backslash escapes). */
const escapeLabel = (label: string) => label.replace(/[\\[\]]/g, (c) => `\\${c}`);

/** A link destination: parentheses and backslash escaped, whitespace (never in a real URL) percent-encoded. */
const escapeUrl = (url: string) => url.replace(/[\\()]/g, (c) => `\\${c}`).replace(/\s/g, (c) => encodeURIComponent(c));

/** The address without its scheme and a trailing slash: a label that is only this says nothing the URL does not. */
const bare = (url: string) => url.replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');

/** The digits of a text: a phone link's label and target are the same number however each is spaced. */
const digitsOf = (text: string) => text.replace(/\D/g, '');

/** `tel:`, `sms:`, `callto:`: links whose address is a phone number. */
const PHONE_LINK = /^(?:tel|sms|callto):/i;

/**
 * `[label](url)`; the URL alone when the label is the address itself (Slack writes `<http://x.com|x.com>`
 * for a typed x.com), the label alone for a mailto whose label is the address and for a phone link
 * whose label is its number (Slack writes `<tel:+6433050000|+64 3 305 0000>` for a typed number: the
 * number once, as typed, trial 13 F13). A label that is a milestone word becomes `resolved (url)`:
 * `[resolved]` in an entry is read as a milestone marker.
 */
export function markdownLink(label: string, url: string): string {
  const text = label.trim();
  const address = url.trim();
  if (!address) return text;
  if (text && PHONE_LINK.test(address) && digitsOf(text) === digitsOf(address.slice(address.indexOf(':') + 1))) return text;
  if (!text || text === address || text === bare(address)) return /^mailto:/i.test(address) && text ? text : address;
  if (MILESTONE_WORDS.has(text.toLowerCase())) return `${text} (${address})`;
  return `[${escapeLabel(text)}](${escapeUrl(address)})`;
}
