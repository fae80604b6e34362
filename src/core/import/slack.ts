import { ImportError, oneLine, parseJsonFile, type ImportedEvent } from './events';

export interface SlackFile {
  /** File name, e.g. `2026-11-20.json`: named in error messages. */
  readonly name: string;
  readonly text: string;
}

interface SlackMessage {
  ts?: unknown;
  user?: unknown;
  username?: unknown;
  text?: unknown;
  subtype?: unknown;
  user_profile?: { display_name?: unknown; real_name?: unknown };
}

/** Message subtypes that are channel housekeeping, not incident events. */
const NOISE = new Set(['channel_join', 'channel_leave', 'channel_topic', 'channel_purpose', 'channel_name', 'bot_add', 'bot_remove', 'pinned_item', 'unpinned_item']);

/** `users.json` of a Slack export: `[{ id, name, real_name, profile: { display_name } }]` → id → name. */
export function parseSlackUsers(file: SlackFile): Map<string, string> {
  const users = new Map<string, string>();
  const data = parseJsonFile(file.name, file.text);
  if (!Array.isArray(data)) throw new ImportError(`${file.name}: expected a list of users`);
  for (const u of data as { id?: unknown; name?: unknown; real_name?: unknown; profile?: { display_name?: unknown } }[]) {
    const name = [u?.profile?.display_name, u?.real_name, u?.name].find((n) => typeof n === 'string' && n.trim());
    if (typeof u?.id === 'string' && typeof name === 'string') users.set(u.id, name.trim());
  }
  return users;
}

/**
 * The per-day JSON files of a Slack channel export (`[{ ts, user, text }, …]`). Mentions
 * `<@U123>` become names when `users` knows them; links `<https://…|label>` become their label.
 * Slack escapes a literal `<` as `&lt;`, so no part of a `<…>` holds one; excluding it keeps each
 * scan within one `<…>` (otherwise a message of many unclosed `<@U|` is quadratic).
 */
export function parseSlackExport(files: readonly SlackFile[], users: ReadonlyMap<string, string> = new Map()): ImportedEvent[] {
  if (files.length === 0) throw new ImportError('The Slack export has no day files (expected files such as 2026-11-20.json)');
  const events: ImportedEvent[] = [];
  const name = (id: string) => users.get(id) ?? id;
  for (const file of files) {
    const data = parseJsonFile(file.name, file.text);
    if (!Array.isArray(data)) throw new ImportError(`${file.name}: expected a list of messages, found ${data === null ? 'null' : typeof data}`);
    data.forEach((raw: SlackMessage, i) => {
      const where = `${file.name} message ${i + 1}`;
      if (!raw || typeof raw !== 'object') throw new ImportError(`${where}: expected an object with ts, user and text`);
      if (typeof raw.subtype === 'string' && NOISE.has(raw.subtype)) return;
      if (typeof raw.ts !== 'string' || !/^\d{9,11}(?:\.\d+)?$/.test(raw.ts)) throw new ImportError(`${where}: expected "ts" as Slack epoch seconds ("1763647740.000100"), found ${JSON.stringify(raw.ts)}`);
      if (typeof raw.text !== 'string') throw new ImportError(`${where}: expected "text" to be a string`);
      const text = oneLine(raw.text.replace(/<@([A-Z0-9]+)(?:\|([^<>]+))?>/g, (_, id: string, label?: string) => `@${label ?? name(id)}`)
        .replace(/<(https?:[^|<>]+)\|([^<>]+)>/g, '$2').replace(/<(https?:[^<>]+)>/g, '$1').replace(/<!(here|channel|everyone)>/g, '@$1')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
      if (!text) return;
      const who = typeof raw.user === 'string' ? name(raw.user) : [raw.user_profile?.display_name, raw.username].find((n): n is string => typeof n === 'string');
      events.push({ instant: Math.floor(Number(raw.ts) * 1000), text: who ? `${who}: ${text}` : text, source: 'chat', origin: where });
    });
  }
  return events;
}
