/**
 * Edits and deletions in a Slack export. Besides the messages, a day file may hold the events that
 * changed them: `message_changed` (its `message` is the message as edited, with the original's
 * `ts`) and `message_deleted` (`deleted_ts`). Neither is a message of its own, and neither has
 * "no text" (trial15a F19). The timeline is read as the channel shows it: an edited message with
 * its latest words at its own time (Slack shows it there, marked "edited"; the edit's time is not
 * when anything happened), a deleted message not at all (whoever deleted it chose to; it may have
 * held a secret).
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const EDIT_SUBTYPE = 'message_changed';
export const DELETE_SUBTYPE = 'message_deleted';
/** A thread's parent as it stood when a reply came (`message_replied`): the parent and the reply are read where they are. */
export const REPLIED_SUBTYPE = 'message_replied';

/** Subtypes that are events about another message, never a message of their own. */
export function isChangeEvent(m: Obj): boolean {
  return m.subtype === EDIT_SUBTYPE || m.subtype === DELETE_SUBTYPE || m.subtype === REPLIED_SUBTYPE;
}

/** The edit and deletion events of an export, by the `ts` of the message each one changes. */
export interface SlackChanges {
  /** The message as last edited, and where its edit event is. */
  readonly edited: ReadonlyMap<string, { readonly message: Obj; readonly where: string }>;
  /** Where the deletion event of each deleted message is. */
  readonly deleted: ReadonlyMap<string, string>;
  /** The `ts` of every message that is not such an event: an edit or deletion of another one changes nothing here. */
  readonly messages: ReadonlySet<string>;
}

/** One pass over the day files (in order: a later edit of the same message wins, as in Slack). */
export function slackChanges(days: readonly { readonly file: { readonly name: string }; readonly messages: readonly unknown[] }[]): SlackChanges {
  const edited = new Map<string, { message: Obj; where: string }>();
  const deleted = new Map<string, string>();
  const messages = new Set<string>();
  for (const { file, messages: list } of days) {
    list.forEach((raw, i) => {
      if (!isObj(raw)) return;
      const where = `${file.name} message ${i + 1}`;
      if (raw.subtype === EDIT_SUBTYPE && isObj(raw.message) && typeof raw.message.ts === 'string') edited.set(raw.message.ts, { message: raw.message, where });
      else if (raw.subtype === DELETE_SUBTYPE && typeof raw.deleted_ts === 'string') deleted.set(raw.deleted_ts, where);
      else if (typeof raw.ts === 'string') messages.add(raw.ts);
    });
  }
  return { edited, deleted, messages };
}

/** What an edit, deletion or thread notice is in the import's summary: skipped with why, or applied to its message (undefined). */
export function changeEventSkip(m: Obj, changes: SlackChanges): string | undefined {
  if (m.subtype === EDIT_SUBTYPE) {
    const ts = isObj(m.message) ? m.message.ts : undefined;
    if (typeof ts !== 'string') return 'edit event{s} naming no message';
    if (changes.deleted.has(ts)) return 'edit event{s} of a message deleted later';
    return changes.messages.has(ts) ? undefined : 'edit event{s} of a message not in these files (its day file was not given, or it was deleted)';
  }
  if (m.subtype === DELETE_SUBTYPE) {
    return typeof m.deleted_ts === 'string' && changes.messages.has(m.deleted_ts) ? undefined : 'deletion event{s} of a message not in these files';
  }
  return m.subtype === REPLIED_SUBTYPE ? 'thread notice{s} (message_replied: a copy of a thread\'s first message made when a reply came; the message and its replies are read where they are)' : undefined;
}
