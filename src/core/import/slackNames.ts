import type { SlackNames } from './slackText';

/** Where the export's users.json was, or where it was looked for (folder names, host-neutral). */
export type UsersFileSearch = { readonly found: string } | { readonly lookedIn: readonly string[] };

type Obj = Record<string, unknown>;

const nameIn = (...candidates: unknown[]) => candidates.map((n) => (typeof n === 'string' ? n.trim() : '')).find(Boolean);

/** The name a message's own `user_profile` gives its author (`display_name`, else `real_name`). */
function profileName(raw: Obj): string | undefined {
  const p = raw.user_profile;
  return typeof p === 'object' && p !== null ? nameIn((p as Obj).display_name, (p as Obj).real_name, (p as Obj).name) : undefined;
}

/**
 * Ids to names for one export, remembering where each name came from so the summary can say it:
 * users.json first; else the `user_profile` a message of that person carries (real exports embed it
 * in each message, so a channel folder copied without users.json still has names); else the id.
 */
export class SlackNameBook implements SlackNames {
  private readonly fromProfiles = new Map<string, string>();
  private readonly usedProfiles = new Set<string>();
  private readonly unnamed = new Set<string>();
  private readonly usedFile = new Set<string>();

  constructor(private readonly users: ReadonlyMap<string, string>, private readonly channels: ReadonlyMap<string, string> = new Map()) {}

  /** Remembers the profile name a message carries for its author (the first one seen wins). */
  learn(raw: Obj): void {
    const name = profileName(raw);
    if (typeof raw.user === 'string' && name && !this.fromProfiles.has(raw.user)) this.fromProfiles.set(raw.user, name);
  }

  /** Whether users.json or a message's profile has a name for `id`. */
  canName(id: string): boolean {
    return this.users.has(id) || this.fromProfiles.has(id);
  }

  user(id: string): string {
    const known = this.users.get(id);
    if (known) {
      this.usedFile.add(id);
      return known;
    }
    const profile = this.fromProfiles.get(id);
    if (profile) {
      this.usedProfiles.add(id);
      return profile;
    }
    this.unnamed.add(id);
    return id;
  }

  channel(id: string): string {
    return this.channels.get(id) ?? id;
  }

  /**
   * What the user should know about the names: users.json not found (and where it was looked for),
   * people named from the messages' profiles, ids left as they are; when users.json named everyone,
   * that it did (the README promises the summary says where names came from: trial 13a F23).
   * Undefined when no message named anyone.
   */
  note(search: UsersFileSearch): string | undefined {
    const parts: string[] = [];
    if ('found' in search && this.usedFile.size && !this.usedProfiles.size && !this.unnamed.size) return `${people(this.usedFile.size)} named from ${search.found}`;
    if (this.usedProfiles.size) {
      const named = [...this.usedProfiles].map((id) => `${id} as ${this.fromProfiles.get(id)}`);
      parts.push(`${people(this.usedProfiles.size)} named from the messages' own profiles (${few(named)})`);
    }
    if (this.unnamed.size) parts.push(`${people(this.unnamed.size)} shown by id (${few([...this.unnamed])})`);
    if (parts.length === 0) return undefined;
    const where = 'found' in search
      ? `${people(this.usedProfiles.size + this.unnamed.size)} not in ${search.found}`
      : search.lookedIn.length ? `users.json not found (looked in ${search.lookedIn.join(' and ')})` : 'no users.json given';
    return `${where}: ${parts.join('; ')}`;
  }
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** At most five, then how many more. */
function few(items: readonly string[]): string {
  return items.length <= 5 ? items.join(', ') : `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
}
