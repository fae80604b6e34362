import type { PostmortemDocument } from '../document/model';
import { parsePostmortem } from '../document/parse';
import type { SectionId } from '../document/sectionNames';
import { documentZone, type DocumentZone } from './exportZone';
import { readAlertmanager } from './alertmanager';
import { readCsvTimeline, type CsvOptions } from './csv';
import { eventNotes, eventsOnly, ImportError, type ImportedEvent, type ImportFormat, type ImportRead, type SkippedRecords } from './events';
import { GIT_LOG_FORMAT, parseGitLog } from './git';
import { mergeTimeline, type MergeOptions, type MergeResult } from './merge';
import { parseSlackChannels, parseSlackExport, parseSlackUsers, type SlackFile } from './slack';
import type { UsersFileSearch } from './slackNames';
import { DEFAULT_REDACTION, type RedactionSettings } from '../redaction/config';
import { redactEvents, type EventRedaction } from '../redaction/events';

/**
 * Where an export lives, as the host reaches it: the CLI gives the disk, the extension
 * workspace.fs (virtual file systems too). `P` is the host's own path type (string or Uri).
 */
export interface ExportSource<P> {
  readText(path: P): Promise<string>;
  isDirectory(path: P): Promise<boolean>;
  isFile(path: P): Promise<boolean>;
  /** Names of the entries of a folder. */
  list(folder: P): Promise<string[]>;
  child(folder: P, name: string): P;
  parent(path: P): P;
  baseName(path: P): string;
  /**
   * `git log` of a repository folder over the window, in `GIT_LOG_FORMAT` with `--date=iso-strict`;
   * absent where git cannot run (the web worker).
   */
  gitLog?(folder: P, since: string, until: string | undefined, format: string): Promise<string>;
}

export interface ImportRequest<P> {
  readonly input: P;
  /** CSV only: columns, zone and source tag (the file name is added here). */
  readonly csv?: Omit<CsvOptions, 'name'>;
  /** Slack only: a users.json to map ids to names; else one beside the export or a folder up is used. */
  readonly users?: P;
  /** The incident window ± margin (git reads only that much history). */
  readonly window: MergeResult['window'];
}

/** One export format: how hosts name and pick it, and how its events are read. */
export interface Importer {
  readonly format: ImportFormat;
  readonly label: string;
  readonly description: string;
  /** What the user points at: a file, a folder (a repository), or either (a Slack channel folder or one day). */
  readonly input: 'file' | 'folder' | 'file-or-folder';
  /** File-picker filters for `file` inputs. */
  readonly extensions?: readonly string[];
  read<P>(request: ImportRequest<P>, source: ExportSource<P>): Promise<ImportRead>;
}

const slack: Importer = {
  format: 'slack', label: 'Slack channel export', description: 'per-day JSON files (a channel folder or one day file)', input: 'file-or-folder', extensions: ['json'],
  async read<P>({ input, users }: ImportRequest<P>, source: ExportSource<P>) {
    // A channel folder of per-day files, or one day file; users.json and channels.json beside it or one level up (the export's root).
    const isDir = await source.isDirectory(input);
    const dir = isDir ? input : source.parent(input);
    const entries = isDir ? await source.list(input) : [];
    const days = isDir ? entries.filter((n) => DAY_FILE.test(n)).sort() : [source.baseName(input)];
    if (isDir && days.length === 0) await refuseExportRoot(source, input, entries);
    if (!isDir) refuseListFile(source.baseName(input));
    const files: SlackFile[] = [];
    for (const name of days) files.push({ name, text: await source.readText(source.child(dir, name)) });
    const folders = [dir, source.parent(dir)];
    const usersFile = users ?? (await firstFile(source, folders, 'users.json'));
    const channelsFile = await firstFile(source, usersFile === undefined ? folders : [source.parent(usersFile)], 'channels.json');
    const read = async (file: P) => ({ name: source.baseName(file), text: await source.readText(file) });
    const names = usersFile !== undefined ? parseSlackUsers(await read(usersFile)) : undefined;
    const channels = channelsFile !== undefined ? parseSlackChannels(await read(channelsFile)) : undefined;
    // Folder names say where users.json was looked for in either host (paths or URIs).
    const search: UsersFileSearch = usersFile !== undefined ? { found: source.baseName(usersFile) } : { lookedIn: folders.map((f) => `${source.baseName(f)}/`) };
    return parseSlackExport(files, names, { ...(channels ? { channels } : {}), usersFile: search });
  },
};

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;
/** The lists at the top of a Slack export, beside its channel folders. */
const EXPORT_LISTS: Readonly<Record<string, string>> = {
  'users.json': 'list of users', 'channels.json': 'list of channels', 'groups.json': 'list of private channels',
  'dms.json': 'list of direct messages', 'mpims.json': 'list of group messages', 'integration_logs.json': 'log of integrations', 'canvases.json': 'list of canvases',
};
/** Channel folders named in a refusal; the rest are counted. */
const NAMED_CHANNELS = 5;

/**
 * A folder without day files: the export's top folder (it holds users.json or channels.json) is
 * said so, with its channel folders to pick from (trial 13a F23: "has no day files" sent the user
 * looking in the wrong place); any other folder is named with what was expected in it.
 */
async function refuseExportRoot<P>(source: ExportSource<P>, folder: P, entries: readonly string[]): Promise<never> {
  const name = source.baseName(folder);
  const lists = entries.filter((n) => n in EXPORT_LISTS);
  if (lists.length === 0) throw new ImportError(`${name} holds no Slack day files (expected a channel folder of files such as 2026-11-20.json)`);
  const channels: string[] = [];
  let more = 0;
  // Bounded: a folder of thousands of entries is asked about at most this many times.
  for (const entry of entries.filter((n) => !n.includes('.')).sort().slice(0, 200)) {
    if (!(await source.isDirectory(source.child(folder, entry)))) continue;
    if (channels.length < NAMED_CHANNELS) channels.push(entry);
    else more++;
  }
  const pick = channels.length ? `: import one of its channel folders (${channels.join(', ')}${more ? ` and ${more} more` : ''})` : ', and it holds no channel folders';
  throw new ImportError(`${name} is the top folder of a Slack export (it holds ${lists.length > 1 ? `${lists.slice(0, -1).join(', ')} and ${lists[lists.length - 1]}` : lists[0]}), not a channel${pick}`);
}

/** users.json, channels.json… given as the export: said for what it is, not read as messages. */
function refuseListFile(name: string): void {
  const what = EXPORT_LISTS[name];
  if (what) throw new ImportError(`${name} is the Slack export's ${what}, not a channel's day file: import a channel folder, or one of its day files such as 2026-11-20.json`);
}

/** The first of `folders` holding a file `name`, as a path. */
async function firstFile<P>(source: ExportSource<P>, folders: readonly P[], name: string): Promise<P | undefined> {
  for (const folder of folders) {
    const candidate = source.child(folder, name);
    if (await source.isFile(candidate)) return candidate;
  }
  return undefined;
}

const csv: Importer = {
  format: 'csv', label: 'CSV', description: 'a time column and a text column (alert history of paging tools)', input: 'file', extensions: ['csv', 'tsv', 'txt'],
  async read({ input, csv: options }, source) {
    return readCsvTimeline(await source.readText(input), { ...options, name: source.baseName(input) });
  },
};

const alertmanager: Importer = {
  format: 'alertmanager', label: 'Prometheus Alertmanager', description: 'webhook JSON (alerts[].startsAt/labels/annotations)', input: 'file', extensions: ['json'],
  async read({ input }, source) {
    return readAlertmanager(await source.readText(input), source.baseName(input));
  },
};

const git: Importer = {
  format: 'git', label: 'git log', description: 'commits of a local repository folder over the incident window (desktop only)', input: 'folder',
  async read({ input, window }, source) {
    if (!source.gitLog) throw new ImportError('git log cannot run here (no process to start in this host)');
    return eventsOnly(parseGitLog(await source.gitLog(input, window.start, window.end, GIT_LOG_FORMAT), `git log of ${source.baseName(input)}`));
  },
};

/** Every export format, in menu order. A new importer: one file beside this one and one entry here. */
export const IMPORTERS: readonly Importer[] = [slack, csv, alertmanager, git];

export function importerFor(format: string): Importer | undefined {
  return IMPORTERS.find((i) => i.format === format);
}

/**
 * The post-mortem an import merges into, read once: the window, the merge and the zone the hosts
 * read zone-less export times in all come from this one parse, so they cannot disagree about what
 * its front matter says (the CLI used to read `timezone:` with a reader of its own).
 */
export interface ImportTarget {
  readonly document: PostmortemDocument;
  /** Its front matter's `timezone:` as an import reads it (exportZone.ts): a zone and how it was read, or why there is none. */
  readonly zone: DocumentZone;
}

/** Reads `text` as the pipeline does, with the post-mortem's own `.postmortemrc.json` section names (its Timeline may be called "Chronology"). */
export function readImportTarget(text: string, sectionAliases?: Readonly<Record<SectionId, readonly string[]>>): ImportTarget {
  const document = parsePostmortem(text, { sectionAliases });
  return { document, zone: documentZone(document.meta) };
}

export interface TimelineImportOptions {
  readonly marginMinutes?: number;
  /** What the host does to events before they are merged (the CLI drops control characters). */
  readonly clean?: (events: ImportedEvent[]) => ImportedEvent[];
  /**
   * Secrets and personal data in imported text are replaced by placeholders before the merge
   * (`[redacted: email]`), by default; `false` keeps the text as exported (an explicit opt-out).
   */
  readonly redact?: boolean;
  /** The file's own `redaction` settings (allow list, team patterns). */
  readonly redaction?: RedactionSettings;
}

/**
 * The one import pipeline of both hosts: the incident window of the target (± margin), the export read
 * by its importer, the events merged into the Timeline found with the file's own section names.
 * Nothing is written here: the host previews `result.edits` and applies them. `skipped` (records read
 * but not imported, by why) goes into `importSummary`; `notes` (what was decided for the export and
 * for single events) are shown with it, the same in both hosts.
 */
export async function importTimelineEvents<P>(
  target: ImportTarget, importer: Importer, request: Omit<ImportRequest<P>, 'window'>, source: ExportSource<P>, options: TimelineImportOptions = {},
): Promise<{ events: ImportedEvent[]; result: MergeResult; redactions: EventRedaction[]; skipped: readonly SkippedRecords[]; notes: string[]; zoneLessTimes: number }> {
  const text = target.document.text;
  const merge: MergeOptions = { ...(options.marginMinutes !== undefined ? { marginMinutes: options.marginMinutes } : {}), document: target.document };
  // git needs the window up front: ask the merge for it with no events.
  const { window } = mergeTimeline(text, [], merge);
  const read = await importer.read({ ...request, window }, source);
  const cleaned = options.clean ? options.clean(read.events) : read.events;
  // Redacted before the merge, so an entry imported (and redacted) before is recognised as a duplicate.
  const { events, redactions } = options.redact === false ? { events: cleaned, redactions: [] } : redactEvents(cleaned, options.redaction ?? DEFAULT_REDACTION);
  return { events, result: mergeTimeline(text, events, merge), redactions, skipped: read.skipped, notes: [...read.notes, ...eventNotes(events)], zoneLessTimes: read.zoneLessTimes ?? 0 };
}
