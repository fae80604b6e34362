import * as vscode from 'vscode';
import { checkWrite } from '../editing/writeGuard';
import {
  AmbiguousDateOrderError, ImportError, importSummary, importerFor, IMPORTERS, importTimelineEvents, MissingZoneError, previewInsertions, readImportTarget, UnknownColumnError,
  type DateOrder, type ImportedEvent, type ImportTarget, type ImportFormat, type MergeResult, type SkippedRecords, type TimelineImportOptions,
} from '../../core/import';
import { redactionNote, type EventRedaction } from '../../core/redaction/events';
import type { ConfigStore } from '../config/configStore';
import { toRange } from '../convert';
import { canRunGit } from './gitLog';
import { defaultExportZone, type DocumentZone, type SettledZone } from '../../core/import/exportZone';
import { typedZone, zoneChoices, zoneNameProblem } from './zoneChoices';
import { workspaceExports } from './readExport';
import { showPreviewDiff } from './previewDocument';
import { importPickerTitle } from './pickerTitle';
import { dateOrderChoices } from './dateOrderChoices';
import { baseName } from '../recognise';
import { editorWriterZone } from '../timeline/writerZone';
import { entries, insertLabel } from './confirmWords';

export type { ImportFormat };

/** Arguments for scripted use and the tests; anything missing is asked for. */
export interface ImportTimelineArgs {
  readonly format?: ImportFormat;
  /** Uri (string) of the export file or Slack folder; for git, of the repository folder. */
  readonly input?: string;
  /** Uri (string) of the post-mortem; default: the active editor's document. */
  readonly document?: string;
  readonly timeColumn?: string;
  readonly textColumn?: string;
  readonly zone?: string;
  /** How numeric CSV dates (06/12/2026) are read when no row tells; asked when needed and not given. */
  readonly dateOrder?: DateOrder;
  /** Test-only: false inserts without the confirmation dialog; 'diff' opens the diff as Show Diff does and inserts nothing. */
  readonly confirm?: boolean | 'diff';
}

export interface ImportTimelineOutcome {
  readonly added: number;
  /** Imported values replaced by `[redacted: …]` placeholders (none with `postmortem.import.redact` off). */
  readonly redacted?: number;
  readonly applied: boolean;
  /** The preview shown (or, without confirmation, that would have been shown). */
  readonly preview: string;
  readonly message: string;
  /** The summary shown in the confirmation (counts, what was skipped and why, notes), once the export was read. */
  readonly summary?: string;
}

/** The formats of the core's importer registry, as Quick Pick items. */
const FORMAT_ITEMS: readonly (vscode.QuickPickItem & { format: ImportFormat })[] = IMPORTERS.map((i) => ({ format: i.format, label: i.label, description: i.description }));


async function targetDocument(args: ImportTimelineArgs): Promise<vscode.TextDocument | undefined> {
  if (args.document) return vscode.workspace.openTextDocument(vscode.Uri.parse(args.document));
  const doc = vscode.window.activeTextEditor?.document;
  return doc?.languageId === 'markdown' ? doc : undefined;
}

async function pickInput(format: ImportFormat, near: vscode.Uri): Promise<vscode.Uri | undefined> {
  const importer = importerFor(format)!;
  const picked = await vscode.window.showOpenDialog({
    title: importPickerTitle(importer),
    defaultUri: vscode.Uri.joinPath(near, '..'),
    canSelectFiles: importer.input !== 'folder',
    canSelectFolders: importer.input !== 'file',
    canSelectMany: false,
    filters: importer.extensions && importer.input !== 'folder' ? { [importer.label]: [...importer.extensions] } : undefined,
  });
  return picked?.[0];
}

/**
 * "Post-mortem: Import Timeline…": reads an export, merges its events into `## Timeline` (core
 * mergeTimeline: window ± margin, UTC, source tags, no duplicates), previews the insertions and,
 * once confirmed, applies them as ONE undoable WorkspaceEdit — refused if the document changed
 * since the preview was computed.
 */
export async function importTimeline(config: ConfigStore, args: ImportTimelineArgs = {}, onlyFormat?: ImportFormat): Promise<ImportTimelineOutcome | undefined> {
  const doc = await targetDocument(args);
  if (!doc) {
    void vscode.window.showWarningMessage('Open the post-mortem whose timeline should receive the entries, then run Import Timeline again.');
    return undefined;
  }
  const gitAllowed = canRunGit();
  let format = args.format ?? onlyFormat;
  if (!format) {
    const items = FORMAT_ITEMS.filter((f) => f.format !== 'git' || gitAllowed);
    format = (await vscode.window.showQuickPick(items, { title: 'Import timeline entries from…', placeHolder: 'Format of the export' }))?.format;
    if (!format) return undefined;
  }
  const input = args.input ? vscode.Uri.parse(args.input) : await pickInput(format, doc.uri);
  if (!input) return undefined;

  const text = doc.getText();
  const version = doc.version;
  let events: ImportedEvent[];
  let result: MergeResult;
  let redactions: EventRedaction[];
  let skipped: readonly SkippedRecords[];
  let notes: string[];
  let zone: SettledZone | undefined;
  // The one pipeline of both hosts (core/import/registry.ts), reading the file once with its own
  // section names, and its redaction settings; redacting is on unless `postmortem.import.redact` is false.
  const fileConfig = await config.ensureFor(doc.uri);
  const redact = vscode.workspace.getConfiguration('postmortem', doc.uri).get<boolean>('import.redact', true) !== false;
  const pipeline: TimelineImportOptions = { redact, redaction: fileConfig.redaction };
  try {
    const read = await readWithZone(format, input, args, readImportTarget(text, fileConfig.sectionAliases), pipeline);
    if (!read) return undefined;
    ({ events, result, zone, redactions, skipped, notes } = read);
  } catch (e) {
    // Messages that are whole sentences end with their own period.
    const message = e instanceof ImportError ? `${e.message.endsWith('.') ? e.message.slice(0, -1) : e.message}. Nothing was inserted.` : `Could not import ${baseName(input)}: ${(e as Error).message}`;
    void vscode.window.showErrorMessage(message);
    return { added: 0, applied: false, preview: '', message };
  }

  const zoneNote = zone ? ` Times without a zone were read in ${zone.zone} (${zone.because}).` : '';
  const redactedCount = redactions.reduce((n, r) => n + r.count, 0);
  const redactNote = redactionNote(redactions, 'set "postmortem.import.redact": false and import again');
  const readNotes = notes.map((n) => `\n\n${n}.`).join('');
  const summary = `${importSummary(events.length, result, skipped)}.${zoneNote}${readNotes}${redactNote ? `\n\n${redactNote.trimEnd()}` : ''}`;
  if (result.edits.length === 0) {
    void vscode.window.showInformationMessage(`${summary} Nothing to add to ${baseName(doc.uri)}.`);
    return { added: 0, applied: false, preview: '', message: summary, redacted: redactedCount, summary };
  }
  const preview = previewInsertions(text, result.edits, baseName(doc.uri)) + notes.map((n) => `note: ${n}\n`).join('') + redactNote;
  if (args.confirm === 'diff') {
    await showPreviewDiff(doc, text, result.edits);
    return { added: result.added.length, applied: false, preview, message: 'Cancelled', redacted: redactedCount, summary };
  }
  if (args.confirm !== false && !(await confirm(doc, text, result, summary))) {
    return { added: result.added.length, applied: false, preview, message: 'Cancelled', redacted: redactedCount, summary };
  }
  if (doc.version !== version) {
    const message = `${baseName(doc.uri)} changed while importing; nothing was inserted. Run Import Timeline again.`;
    void vscode.window.showWarningMessage(message);
    return { added: result.added.length, applied: false, preview, message, redacted: redactedCount, summary };
  }
  const check = await checkWrite(doc, result.edits.map((e) => e.newText));
  if (!check.ok || doc.version !== version) {
    const message = check.ok ? `${baseName(doc.uri)} changed while importing; nothing was inserted. Run Import Timeline again.` : check.message;
    void vscode.window.showWarningMessage(message);
    return { added: result.added.length, applied: false, preview, message, redacted: redactedCount, summary };
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) edit.insert(doc.uri, toRange(e.range).start, e.newText);
  const applied = await vscode.workspace.applyEdit(edit);
  const message = applied ? `Added ${entries(result.added.length, 'timeline ')} to ${baseName(doc.uri)} (Undo reverts them).` : 'The edit was refused; nothing was inserted.';
  if (applied) void vscode.window.showInformationMessage(message);
  else void vscode.window.showWarningMessage(message);
  return { added: result.added.length, applied, preview, message, redacted: redactedCount, summary };
}

/**
 * Reads the export, asking for what a CSV leaves open instead of failing: the time or text column
 * when no header names it (Quick Pick of the header), and the zone of zone-less times (the front
 * matter's `timezone:` when set, else a Quick Pick). Undefined when the user cancels a question.
 * `zone` is set only when a zone was actually needed, so the summary mentions it only then.
 */
async function readWithZone(
  format: ImportFormat, input: vscode.Uri, args: ImportTimelineArgs, target: ImportTarget, pipeline: TimelineImportOptions,
): Promise<{ events: ImportedEvent[]; result: MergeResult; redactions: EventRedaction[]; skipped: readonly SkippedRecords[]; notes: string[]; zone?: SettledZone } | undefined> {
  const importer = importerFor(format)!;
  const options: { timeColumn?: string; textColumn?: string; zone?: string; dateOrder?: DateOrder } = { timeColumn: args.timeColumn, textColumn: args.textColumn, zone: args.zone, dateOrder: args.dateOrder };
  let zone: SettledZone | undefined;
  // Each question settles one option, so four rounds (time column, text column, zone, date order) suffice.
  for (let round = 0; ; round++) {
    try {
      return { ...(await importTimelineEvents(target, importer, { input, csv: options }, workspaceExports, pipeline)), zone };
    } catch (e) {
      // Only CSV exports take these options; for the others the (host-neutral) message stands.
      if (format !== 'csv' || round === 4) throw e;
      if (e instanceof UnknownColumnError && options[`${e.which}Column`] === undefined) {
        const picked = await askColumn(e.which, e.header, baseName(input));
        if (picked === undefined) return undefined;
        options[`${e.which}Column`] = picked;
      } else if (e instanceof MissingZoneError && options.zone === undefined) {
        const writer = editorWriterZone().zone;
        zone = defaultExportZone(undefined, target.zone, writer) ?? (await askZone(target.zone, writer, baseName(input)));
        if (!zone) return undefined;
        options.zone = zone.zone;
      } else if (e instanceof AmbiguousDateOrderError && options.dateOrder === undefined) {
        const order = await askDateOrder(e, baseName(input));
        if (!order) return undefined;
        options.dateOrder = order;
      } else throw e;
    }
  }
}

/** Quick Pick of the two readings of a numeric date no row of the export settles (12/6/2026: 6 December or 12 June). */
async function askDateOrder(e: AmbiguousDateOrderError, exportName: string): Promise<DateOrder | undefined> {
  const picked = await vscode.window.showQuickPick(dateOrderChoices(e.example), {
    title: `Which order are the dates of ${exportName} in?`,
    placeHolder: 'No date in the export has a day above 12 to tell; every date is read in the order you pick',
    ignoreFocusOut: true,
  });
  return picked?.order;
}

/** Quick Pick of the CSV's header cells; answers with the 1-based column number (headers may repeat). */
async function askColumn(which: 'time' | 'text', header: readonly string[], exportName: string): Promise<string | undefined> {
  const items = header.map((h, i) => ({ label: h.trim() || `(column ${i + 1})`, description: `column ${i + 1}`, column: String(i + 1) }));
  const picked = await vscode.window.showQuickPick(items, {
    title: `Which column of ${exportName} holds the ${which === 'time' ? 'time of each event' : 'event text'}?`,
    placeHolder: `No header looks like the ${which} column; pick it`,
    ignoreFocusOut: true,
  });
  return picked?.column;
}

/**
 * Quick Pick of likely zones (the meanings of an abbreviation the front matter gives, when it has
 * several), with "Other…" opening an input box that accepts what the CLI's --zone accepts.
 */
async function askZone(doc: DocumentZone, writerZone: string, exportName: string): Promise<SettledZone | undefined> {
  const why = doc.problem ?? (doc.zone ? `the post-mortem says timezone: ${doc.zone}, but you write in ${writerZone}` : 'the post-mortem has no timezone: in its front matter');
  const picked = await vscode.window.showQuickPick(zoneChoices(doc.zone, writerZone, doc.meanings), {
    title: `The times in ${exportName} have no time zone`,
    placeHolder: `Which zone was the export written in? (${why})`,
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.zone) return { zone: picked.zone, because: 'chosen when asked' };
  const typed = await vscode.window.showInputBox({
    title: `Time zone of ${exportName}`,
    prompt: 'IANA time zone name, such as Europe/Berlin or America/New_York, or an offset such as +05:30',
    ignoreFocusOut: true,
    validateInput: zoneNameProblem,
  });
  const zone = typed === undefined ? undefined : typedZone(typed);
  return zone ? { zone, because: 'typed when asked' } : undefined;
}

/** A modal listing the entries; "Show Diff" opens the before/after diff and asks again beside it. */
async function confirm(doc: vscode.TextDocument, text: string, result: MergeResult, summary: string): Promise<boolean> {
  const insert = insertLabel(result.added.length);
  const shown = result.added.slice(0, 15).join('\n') + (result.added.length > 15 ? `\n… and ${result.added.length - 15} more` : '');
  const choice = await vscode.window.showInformationMessage(`Import into ${baseName(doc.uri)}?`, { modal: true, detail: `${summary}\n\n${shown}` }, insert, 'Show Diff');
  if (choice === insert) return true;
  if (choice !== 'Show Diff') return false;
  await showPreviewDiff(doc, text, result.edits);
  return (await vscode.window.showInformationMessage(`Insert the ${entries(result.added.length)} shown in the diff into ${baseName(doc.uri)}?`, insert, 'Cancel')) === insert;
}
