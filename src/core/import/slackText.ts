/**
 * The readable text of one Slack message as a channel export stores it. People's messages carry it
 * in `text`; alerting bots (PagerDuty, Datadog, Opsgenie, Grafana) often leave `text` empty and post
 * in legacy `attachments` (`pretext`, `title`, `text`, `fields`, `fallback`, sometimes `blocks`) or
 * in Block Kit `blocks` (`header`, `section` text and fields, `context`, `rich_text`). The shapes are
 * those of Slack's reference (docs.slack.dev: "Secondary message attachments", "Rich text block").
 * Nesting is walked to its documented fixed depth, never recursively (a hostile file cannot nest deeper).
 */

import { appendAll } from '../collections/appendAll';

/** How ids in a message become names: `@maria`, `#inc-checkout`. */
export interface SlackNames {
  user(id: string): string;
  channel(id: string): string;
}

/** Where the text came from: the summary says so only for what is not a plain `text`. */
export type SlackTextSource = 'text' | 'attachments' | 'blocks' | 'files';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Slack's mrkdwn escapes as plain text. Mentions `<@U123>` become names, channels `<#C1|inc-checkout>`
 * `#inc-checkout`, links `<https://…|label>` their label. Slack escapes a literal `<` as `&lt;`, so no
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
    .replace(/<((?:https?|mailto):[^|<>]+)\|([^<>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** One rich-text inline element (`text`, `link`, `user`, `channel`, `emoji`, `broadcast`, …) as words. */
function inlineText(e: Obj, names: SlackNames): string {
  switch (e.type) {
    case 'text': return typeof e.text === 'string' ? e.text : '';
    case 'link': return str(e.text) || str(e.url);
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

/** The words of Block Kit blocks: headers, sections (text and fields), context lines, rich text. */
export function blocksText(blocks: unknown, names: SlackNames): string[] {
  const out: string[] = [];
  for (const block of list(blocks)) {
    if (block.type === 'rich_text') appendAll(out, richText(block, names));
    else if (block.type === 'context') out.push(list(block.elements).map((e) => textObject(e, names)).filter(Boolean).join(' '));
    else {
      out.push(textObject(block.text, names));
      out.push(list(block.fields).map((f) => textObject(f, names)).filter(Boolean).join(', '));
    }
  }
  return out.map((t) => t.trim()).filter(Boolean);
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
    const fields = list(a.fields).map((f) => [str(f.title), str(f.value)].filter(Boolean).join(': ')).filter(Boolean).map((t) => plainMrkdwn(t, names)).filter(fresh);
    const fallback = plainMrkdwn(str(a.fallback), names);
    const main = shown.length ? shown : fresh(fallback) ? [fallback] : blocksText(a.blocks, names).filter(fresh);
    const words = [...main, ...(fields.length ? [fields.join(', ')] : [])];
    if (words.length) out.push(words.join(' — '));
  }
  return out;
}

/**
 * The message's text and where it was found: `text` (for a bot, with its attachments' details), else
 * (a bot's alert) its blocks and attachments, else the names of the files it shared. Empty when none of these holds a word.
 */
export function slackMessageText(raw: Obj, names: SlackNames): { text: string; from: SlackTextSource } | undefined {
  const own = typeof raw.text === 'string' ? plainMrkdwn(raw.text, names).trim() : '';
  if (own) {
    // A bot's attachments hold the alert's details beside its one-line text; a person's are link
    // previews (`from_url`), which repeat the link. Words already in the text are not repeated.
    const isBot = typeof raw.bot_id === 'string' || raw.subtype === 'bot_message';
    const details = isBot ? attachmentsText(list(raw.attachments).filter((a) => a.from_url === undefined && a.original_url === undefined), names, own) : [];
    return { text: [own, ...details].join(' — '), from: 'text' };
  }
  const blocks = blocksText(raw.blocks, names);
  if (blocks.length) return { text: [...blocks, ...attachmentsText(raw.attachments, names)].join(' — '), from: 'blocks' };
  const attached = attachmentsText(raw.attachments, names);
  if (attached.length) return { text: attached.join(' — '), from: 'attachments' };
  const files = list(raw.files).map((f) => str(f.title) || str(f.name)).filter(Boolean);
  if (files.length) return { text: `shared ${files.length === 1 ? 'a file' : 'files'}: ${files.join(', ')}`, from: 'files' };
  return undefined;
}
