import { ENTRY_TEXT_LIMIT, ImportError, oneLine, parseJsonFile, type ImportedEvent, type ImportRead, type SkippedRecords } from './events';
import { SlackNameBook, type UsersFileSearch } from './slackNames';
import { slackMessageText } from './slackText';
import { changeEventSkip, isChangeEvent, slackChanges } from './slackEdits';

export interface SlackFile {
  /** File name, e.g. `2026-11-20.json`: named in error messages. */
  readonly name: string;
  readonly text: string;
}

export interface SlackDirectory {
  /** `channels.json` of the export: channel ids to names, for `<#C1>` mentions without a label. */
  readonly channels?: ReadonlyMap<string, string>;
  /** Where users.json was found or looked for, for the note on names (default: none given). */
  readonly usersFile?: UsersFileSearch;
}

/**
 * Message subtypes that are channel housekeeping, not incident events: counted and said, never
 * imported. `tombstone` is the "This message was deleted." stand-in a deleted thread parent leaves.
 */
const HOUSEKEEPING = new Set(['channel_join', 'channel_leave', 'channel_topic', 'channel_purpose', 'channel_name', 'channel_archive', 'channel_unarchive', 'group_join', 'group_leave', 'bot_add', 'bot_remove', 'pinned_item', 'unpinned_item', 'tombstone']);

/** `users.json` of a Slack export: `[{ id, name, real_name, profile: { display_name } }]` → id → name. */
export function parseSlackUsers(file: SlackFile): Map<string, string> {
  const users = new Map<string, string>();
  const cleaned: { removed: number; names: number; first?: string } = { removed: 0, names: 0 };
  const data = parseJsonFile(file.name, file.text);
  if (!Array.isArray(data)) throw new ImportError(`${file.name}: expected a list of users`);
  for (const u of data as { id?: unknown; name?: unknown; real_name?: unknown; profile?: { display_name?: unknown } }[]) {
    const name = [u?.profile?.display_name, u?.real_name, u?.name].find((n) => typeof n === 'string' && n.trim());
    if (typeof u?.id !== 'string' || typeof name !== 'string') continue;
    // Control characters in a name (U+202E turns the rest around) are dropped here, once, and said
    // once: dropped from every message instead, they were counted once per message (trial18a F12).
    const n = name.match(NAME_CONTROLS)?.length ?? 0;
    const clean = name.replace(NAME_CONTROLS, '').replace(/[\t\r\n\u2028\u2029]/g, ' ').trim();
    if (n > 0) {
      cleaned.removed += n;
      cleaned.names++;
      cleaned.first ??= u.id;
    }
    users.set(u.id, clean || u.id);
  }
  if (cleaned.removed) cleanedNames.set(users, { ...cleaned, file: file.name });
  return users;
}

const NAME_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Per users map: the control characters parseSlackUsers dropped from names, for parseSlackExport's notes. */
const cleanedNames = new WeakMap<ReadonlyMap<string, string>, { removed: number; names: number; first?: string; file: string }>();

/** The note for control characters dropped from user names, or undefined. */
function cleanedNamesNote(users: ReadonlyMap<string, string>): string | undefined {
  const c = cleanedNames.get(users);
  if (!c) return undefined;
  return `removed ${c.removed} control character${c.removed === 1 ? '' : 's'} (NUL, ESC, bidirectional overrides…) from ${c.names} user name${c.names === 1 ? '' : 's'} in ${c.file} (first: ${c.first}); the messages show ${c.names === 1 ? 'it' : 'them'} without`;
}

/** `channels.json` of a Slack export: `[{ id, name }]` → id → name. */
export function parseSlackChannels(file: SlackFile): Map<string, string> {
  const channels = new Map<string, string>();
  const data = parseJsonFile(file.name, file.text);
  if (!Array.isArray(data)) throw new ImportError(`${file.name}: expected a list of channels`);
  for (const c of data as { id?: unknown; name?: unknown }[]) {
    if (typeof c?.id === 'string' && typeof c.name === 'string' && c.name.trim()) channels.set(c.id, c.name.trim());
  }
  return channels;
}

/** Counts records by why they were skipped, keeping where the first few were. */
class SkipTally {
  private readonly byWhy = new Map<string, { count: number; where: string[]; kinds: Set<string> }>();

  add(why: string, where: string, kind?: string): void {
    const entry = this.byWhy.get(why) ?? { count: 0, where: [], kinds: new Set<string>() };
    entry.count++;
    if (entry.where.length < 3) entry.where.push(where);
    if (kind && entry.kinds.size < 6) entry.kinds.add(kind);
    this.byWhy.set(why, entry);
  }

  list(): SkippedRecords[] {
    return [...this.byWhy].map(([why, { count, where, kinds }]) => {
      const detail = kinds.size ? [...kinds].join(', ') : `${where.join(', ')}${count > where.length ? ', …' : ''}`;
      return { count, what: `${count} ${why.replace('{s}', count === 1 ? '' : 's').replace('{them}', count === 1 ? 'it' : 'them')} (${detail})` };
    });
  }
}

/**
 * The per-day JSON files of a Slack channel export (`[{ ts, user, text }, …]`), read as a person
 * reads the channel: a bot's message with blocks is read from them (its `text` is their notification
 * fallback), an alert whose `text` is empty from its attachments or blocks,
 * channel housekeeping (joins, topic changes) is skipped and counted, and a message with no words
 * anywhere is counted as skipped, never dropped unsaid (trial 11 T1). Authors are named from
 * `users`, else from the message's own `user_profile`; the notes say which (trial 11 T13).
 */
export function parseSlackExport(files: readonly SlackFile[], users: ReadonlyMap<string, string> = new Map(), directory: SlackDirectory = {}): ImportRead {
  if (files.length === 0) throw new ImportError('The Slack export has no day files (expected files such as 2026-11-20.json)');
  const days = files.map((file) => {
    const data = parseJsonFile(file.name, file.text);
    if (!Array.isArray(data)) throw new ImportError(`${file.name}: expected a list of messages, found ${data === null ? 'null' : typeof data}`);
    return { file, messages: data as unknown[] };
  });
  const names = new SlackNameBook(users, directory.channels);
  // Profiles first: a mention of someone earlier in the day than their first message is still named.
  for (const { messages } of days) for (const raw of messages) if (raw && typeof raw === 'object') names.learn(raw as Record<string, unknown>);

  const events: ImportedEvent[] = [];
  const skipped = new SkipTally();
  const changes = slackChanges(days);
  // Messages imported with the words of a later edit event: said in a note, with where the edit is.
  const editsRead = { count: 0, where: [] as string[] };
  // Replies in threads: read in time order among the channel's messages, which the entries do not show; said.
  let threadReplies = 0;
  // Messages whose own `text` was empty: where they were read from, said in a note.
  const readElsewhere = { count: 0, where: [] as string[], from: new Set<string>() };
  // Messages read from their blocks, as Slack shows them, whose `text` (the notification fallback) was not used.
  const fallbackText = { count: 0, bots: 0, where: [] as string[] };
  // Messages longer than an entry keeps (with their author): cut, and said (the CSV import says it too).
  const cut = { count: 0, where: [] as string[] };
  for (const { file, messages } of days) {
    messages.forEach((raw, i) => {
      const where = `${file.name} message ${i + 1}`;
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ImportError(`${where}: expected an object with ts, user and text`);
      const m = raw as Record<string, unknown>;
      if (typeof m.subtype === 'string' && HOUSEKEEPING.has(m.subtype)) {
        skipped.add('housekeeping message{s}', where, m.subtype);
        return;
      }
      // An edit or deletion is an event about another message, not one of its own (slackEdits.ts).
      if (isChangeEvent(m)) {
        const skip = changeEventSkip(m, changes);
        if (skip) skipped.add(skip, where);
        return;
      }
      if (typeof m.ts !== 'string' || !/^\d{9,11}(?:\.\d+)?$/.test(m.ts)) throw new ImportError(`${where}: expected "ts" as Slack epoch seconds ("1763647740.000100"), found ${JSON.stringify(m.ts)}`);
      if (m.text !== undefined && typeof m.text !== 'string') throw new ImportError(`${where}: expected "text" to be a string`);
      if (changes.deleted.has(m.ts)) {
        skipped.add('message{s} deleted in Slack afterwards (a deletion event follows), as the channel no longer shows {them}', where);
        return;
      }
      const edit = changes.edited.get(m.ts);
      if (edit) {
        editsRead.count++;
        if (editsRead.where.length < 3) editsRead.where.push(`${where}, edited in ${edit.where.replace(`${file.name} `, '')}`);
      }
      // As edited: the edit event's message holds the new words; who wrote it stays the original's.
      const shown = edit ? { user: m.user, user_profile: m.user_profile, bot_id: m.bot_id, username: m.username, bot_profile: m.bot_profile, subtype: m.subtype, ...edit.message, ts: m.ts } : m;
      const read = slackMessageText(shown, names);
      // Flattened here, cut once below with the author (oneLine).
      const text = read ? read.text.replace(/\s+/g, ' ').trim() : '';
      if (!text) {
        skipped.add('message{s} without any text (nor attachments, blocks or files)', where);
        return;
      }
      if (read!.textAsFallback) {
        fallbackText.count++;
        if (typeof m.bot_id === 'string' || m.subtype === 'bot_message') fallbackText.bots++;
        if (fallbackText.where.length < 3) fallbackText.where.push(where);
      } else if (read!.from !== 'text') {
        readElsewhere.count++;
        readElsewhere.from.add(read!.from);
        if (readElsewhere.where.length < 3) readElsewhere.where.push(where);
      }
      if (typeof m.thread_ts === 'string' && m.thread_ts !== m.ts) threadReplies++;
      const who = author(shown, names);
      const line = who ? `${who}: ${text}` : text;
      if (line.length > ENTRY_TEXT_LIMIT) {
        cut.count++;
        if (cut.where.length < 3) cut.where.push(where);
      }
      // Seconds kept, as Slack's ts has them: two messages of one minute saying the same words stay two entries told apart.
      events.push({ instant: Math.floor(Number(m.ts) * 1000), text: oneLine(line), source: 'chat', origin: where, seconds: true });
    });
  }
  const notes: string[] = [];
  if (readElsewhere.count) {
    const { count, where, from } = readElsewhere;
    const kinds = [...from].sort();
    const sources = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}` : kinds[0];
    notes.push(`${count} message${count === 1 ? '' : 's'} with empty text read from ${count === 1 ? 'its' : 'their'} ${sources} (${where.join(', ')}${count > where.length ? ', …' : ''})`);
  }
  if (fallbackText.count) {
    const { count, bots, where } = fallbackText;
    const what = `${count} ${bots === count ? 'bot ' : ''}message${count === 1 ? '' : 's'}`;
    notes.push(`read ${what} from ${count === 1 ? 'its' : 'their'} blocks, as Slack shows ${count === 1 ? 'it' : 'them'}; ${count === 1 ? 'its' : 'their'} text is only the notification fallback and was not imported (${where.join(', ')}${count > where.length ? ', …' : ''})`);
  }
  if (editsRead.count) {
    const { count, where } = editsRead;
    notes.push(`${count} message${count === 1 ? ' was' : 's were'} edited in Slack afterwards: imported with ${count === 1 ? 'its' : 'their'} latest words at ${count === 1 ? 'its' : 'their'} own time, as the channel shows ${count === 1 ? 'it' : 'them'} (${where.join('; ')}${count > where.length ? '; …' : ''})`);
  }
  if (threadReplies) notes.push(`${threadReplies} thread repl${threadReplies === 1 ? 'y' : 'ies'} imported in time order among the channel's messages (an entry does not say which thread it answered)`);
  if (cut.count) {
    const { count, where } = cut;
    notes.push(`${count} message${count === 1 ? ' was' : 's were'} longer than ${ENTRY_TEXT_LIMIT} characters and cut (marked …; ${where.join(', ')}${count > where.length ? ', …' : ''}): the export holds ${count === 1 ? 'it' : 'them'} whole`);
  }
  const namesNote = names.note(directory.usersFile ?? (users.size ? { found: 'users.json' } : { lookedIn: [] }));
  if (namesNote) notes.push(namesNote);
  const controlsNote = cleanedNamesNote(users);
  if (controlsNote) notes.push(controlsNote);
  return { events, skipped: skipped.list(), notes };
}

/** Who wrote it: a person users.json or a profile names; else the name a bot posted under; else the id. */
function author(m: Record<string, unknown>, names: SlackNameBook): string | undefined {
  const id = typeof m.user === 'string' ? m.user : undefined;
  if (id && names.canName(id)) return names.user(id);
  return nameOfBot(m) ?? (id ? names.user(id) : undefined);
}

/** The name a bot posted under (`username`, `bot_profile.name`), for messages without a person. */
function nameOfBot(m: Record<string, unknown>): string | undefined {
  const profile = m.bot_profile;
  return [m.username, typeof profile === 'object' && profile !== null ? (profile as Record<string, unknown>).name : undefined]
    .map((n) => (typeof n === 'string' ? n.trim() : '')).find(Boolean);
}
