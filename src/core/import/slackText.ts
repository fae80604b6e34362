/**
 * The readable text of one Slack message as a channel export stores it, read as Slack shows it.
 * People's messages carry it in `text` (their `rich_text` blocks are the composer's copy of the same
 * words); alerting bots (PagerDuty, Datadog, Opsgenie, Grafana) post in Block Kit `blocks` (`header`,
 * `section` text and fields, `context`, `rich_text`) and in legacy `attachments` (`pretext`, `title`,
 * `text`, `fields`, `fallback`, sometimes `blocks`). When a message has blocks, Slack shows them and
 * its `text` is only the notification fallback (docs.slack.dev, chat.postMessage: "If attachments or
 * blocks are included, text will be used as fallback text for notifications only"), so a bot's
 * blocks are read instead of its text, never both. The shapes are those of Slack's reference
 * (docs.slack.dev: "Secondary message attachments", "Rich text block", "Section block").
 * Nesting is walked to its documented fixed depth, never recursively (a hostile file cannot nest deeper).
 */

import { appendAll } from '../collections/appendAll';
import { markdownLink } from './slackLinks';

/** How ids in a message become names: `@maria`, `#inc-checkout`. */
export interface SlackNames {
  user(id: string): string;
  channel(id: string): string;
}

/** Where the text came from: the summary says so only for what is not a plain `text`. */
export type SlackTextSource = 'text' | 'attachments' | 'blocks' | 'files';

/** What was read of one message, and from where. */
export interface SlackMessageRead {
  readonly text: string;
  readonly from: SlackTextSource;
  /**
   * The message had a `text` of its own that was not used: its blocks were read, as Slack shows
   * them, and the text is their notification fallback. The summary says how many.
   */
  readonly textAsFallback?: boolean;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Slack's mrkdwn escapes as plain text. Mentions `<@U123>` become names, channels `<#C1|inc-checkout>`
 * `#inc-checkout`, links `<https://…|label>` a Markdown link `[label](https://…)` (the address is kept,
 * trial 12 T5), bare `<https://…>` the URL; phone links `<tel:…|+64 3 305 0000>` the number as typed. Slack escapes a literal `<` as `&lt;`, so no
 * part of a `<…>` holds one; excluding it keeps each scan within one `<…>` (otherwise a message of many
 * unclosed `<@U|` is quadratic).
 */
export function plainMrkdwn(text: string, names: SlackNames): string {
  return text
    .replace(/<@([A-Z0-9]+)(?:\|([^<>]*))?>/g, (_, id: string, label?: string) => `@${label?.trim() || names.user(id)}`)
    .replace(/<#([A-Z0-9]+)(?:\|([^<>]*))?>/g, (_, id: string, label?: string) => `#${label?.trim() || names.channel(id)}`)
    .replace(/<!subteam\^([A-Z0-9]+)(?:\|([^<>]*))?>/g, (_, id: string, label?: string) => (label?.trim() ? label.trim() : `@${id}`))
    .replace(/<!date\^[^|<>]*\|([^<>]*)>/g, '$1')
    .replace(/<!(here|channel|everyone)(?:\|[^<>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto|tel|sms|callto):[^|<>]+)\|([^<>]+)>/g, (_, url: string, label: string) => markdownLink(label, url))
    .replace(/<((?:https?|mailto|tel|sms|callto):[^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** One rich-text inline element (`text`, `link`, `user`, `channel`, `emoji`, `broadcast`, …) as words. */
function inlineText(e: Obj, names: SlackNames): string {
  switch (e.type) {
    case 'text': return typeof e.text === 'string' ? e.text : '';
    case 'link': return markdownLink(str(e.text), str(e.url));
    case 'user': return typeof e.user_id === 'string' ? `@${names.user(e.user_id)}` : '';
    case 'channel': return typeof e.channel_id === 'string' ? `#${names.channel(e.channel_id)}` : '';
    case 'usergroup': return typeof e.usergroup_id === 'string' ? `@${e.usergroup_id}` : '';
    case 'broadcast': return typeof e.range === 'string' ? `@${e.range}` : '';
    case 'emoji': return typeof e.name === 'string' ? `:${e.name}:` : '';
    case 'date': return str(e.fallback);
    default: return str(e.text);
  }
}

/**
 * A `rich_text` block: sections, quotes and preformatted runs hold inline elements; a list holds
 * sections (`rich_text_list` → `rich_text_section` → inline), the deepest Slack documents.
 */
function richText(block: Obj, names: SlackNames): string[] {
  const out: string[] = [];
  const inline = (holder: Obj) => list(holder.elements).map((e) => inlineText(e, names)).join('');
  for (const part of list(block.elements)) {
    if (part.type === 'rich_text_list') out.push(list(part.elements).map(inline).join('; '));
    else out.push(inline(part));
  }
  return out;
}

/** A text object `{ type: 'mrkdwn' | 'plain_text', text }`. */
function textObject(v: unknown, names: SlackNames): string {
  if (!isObj(v) || typeof v.text !== 'string') return '';
  return v.type === 'mrkdwn' ? plainMrkdwn(v.text, names) : v.text;
}

/** Blocks that show no words of the incident (buttons, dividers, menus): not read, not "text". */
const WORDLESS_BLOCKS = new Set(['actions', 'divider', 'input', 'file', 'video']);

/**
 * The words of Block Kit blocks as Slack shows them: headers, sections (text and fields), context
 * lines, rich text, an image's title, a `markdown` block's text. A line repeating one already read
 * (a header the section restates) is read once.
 */
export function blocksText(blocks: unknown, names: SlackNames): string[] {
  const out: string[] = [];
  for (const block of list(blocks)) {
    if (typeof block.type === 'string' && WORDLESS_BLOCKS.has(block.type)) continue;
    if (block.type === 'rich_text') appendAll(out, richText(block, names));
    else if (block.type === 'context') out.push(list(block.elements).map((e) => textObject(e, names)).filter(Boolean).join(' '));
    else if (block.type === 'image') out.push(textObject(block.title, names));
    else if (block.type === 'markdown') out.push(typeof block.text === 'string' ? block.text : '');
    else {
      out.push(textObject(block.text, names));
      out.push(list(block.fields).map((f) => textObject(f, names)).filter(Boolean).join(', '));
    }
  }
  const read = new Set<string>();
  for (const line of out) if (line.trim()) read.add(line.trim());
  return [...read];
}

/**
 * The words of legacy attachments: `pretext`, `title` and `text` (the ones Slack shows), then the
 * `fields` as "Status: Resolved"; `fallback` (the plain-text summary the bot wrote for clients that
 * show no attachments) when none of these is there; an attachment's own `blocks` last.
 */
export function attachmentsText(attachments: unknown, names: SlackNames, already = ''): string[] {
  const out: string[] = [];
  const fresh = (t: string) => t !== '' && !already.includes(t);
  for (const a of list(attachments)) {
    const shown = [str(a.pretext), str(a.title), str(a.text)].filter((t, i, all) => t && all.indexOf(t) === i).map((t) => plainMrkdwn(t, names)).filter(fresh);
    // The title's link (the alert's or monitor's page): on the title when it is shown, else on its own.
    const titleLink = str(a.title_link);
    const title = plainMrkdwn(str(a.title), names);
    const at = titleLink && title ? shown.indexOf(title) : -1;
    if (at >= 0) shown[at] = markdownLink(title, titleLink);
    const linkAlone = titleLink && at < 0 && !already.includes(titleLink) ? [titleLink] : [];
    const fields = list(a.fields).map((f) => [str(f.title), str(f.value)].filter(Boolean).join(': ')).filter(Boolean).map((t) => plainMrkdwn(t, names)).filter(fresh);
    const fallback = plainMrkdwn(str(a.fallback), names);
    let main = shown.length ? shown : fresh(fallback) ? [fallback] : blocksText(a.blocks, names).filter(fresh);
    // A fallback the bot wrote with words the shown parts lack ("Triggered: checkout-api 5xx" beside
    // "Triggered #4411") is kept after them: the service it names is in no other field (trial 12 T16c).
    if (shown.length && fresh(fallback) && hasWordsBeyond(fallback, [already, ...shown, ...fields, ...linkAlone].join(' '))) main = [...shown, fallback];
    const words = [...main, ...linkAlone, ...(fields.length ? [fields.join(', ')] : [])];
    if (words.length) out.push(words.join(' — '));
  }
  return out;
}

/** Letters and digits runs of a text, lower-cased: the words compared between a fallback and what is shown. */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Whether `text` has a word (of two characters or more, or any digit run) that `shown` does not. */
function hasWordsBeyond(text: string, shown: string): boolean {
  const have = new Set(wordsOf(shown));
  return wordsOf(text).some((w) => (w.length > 1 || /\p{N}/u.test(w)) && !have.has(w));
}

/** Link previews Slack unfurled under a message (`from_url`): they repeat a link the message holds. */
const notPreview = (a: Obj) => a.from_url === undefined && a.original_url === undefined;

/**
 * The message's text and where it was found, as Slack shows it: a bot's blocks (its `text` is then
 * only their notification fallback, not read) with its attachments' details below; else `text` (for
 * a bot, with its attachments' details); else (an alert with an empty text) its blocks and
 * attachments; else the names of the files it shared. A person's `rich_text` blocks repeat their
 * text, so their text is read; blocks laid out by an app (a header, sections) in a person's name are
 * read as blocks too. Words already read are not repeated. Undefined when none of these holds a word.
 */
export function slackMessageText(raw: Obj, names: SlackNames): SlackMessageRead | undefined {
  const own = typeof raw.text === 'string' ? plainMrkdwn(raw.text, names).trim() : '';
  const isBot = typeof raw.bot_id === 'string' || raw.subtype === 'bot_message';
  const blocks = blocksText(raw.blocks, names);
  const laidOut = list(raw.blocks).some((b) => b.type !== 'rich_text');
  if (blocks.length && (!own || isBot || laidOut)) {
    const shown = blocks.join(' — ');
    const details = attachmentsText(list(raw.attachments).filter(notPreview), names, shown);
    return { text: [shown, ...details].join(' — '), from: 'blocks', ...(own ? { textAsFallback: true } : {}) };
  }
  if (own) {
    // A bot's attachments hold the alert's details beside its one-line text; a person's are link
    // previews (`from_url`), which repeat the link. Words already in the text are not repeated.
    const details = isBot ? attachmentsText(list(raw.attachments).filter(notPreview), names, own) : [];
    return { text: [own, ...details].join(' — '), from: 'text' };
  }
  const attached = attachmentsText(raw.attachments, names);
  if (attached.length) return { text: attached.join(' — '), from: 'attachments' };
  const files = list(raw.files).map((f) => str(f.title) || str(f.name)).filter(Boolean);
  if (files.length) return { text: `shared ${files.length === 1 ? 'a file' : 'files'}: ${files.join(', ')}`, from: 'files' };
  return undefined;
}
