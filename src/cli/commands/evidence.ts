import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { applyEdits } from '../../core/fix/applyEdits';
import { addEvidenceEdits, evidenceEntriesBlocker, linkTimelineEntryEdit, type EvidenceEntry } from '../../core/evidence/section';
import { assetsFolderName, LARGE_EVIDENCE_BYTES, linkDestination, safeEvidenceName, uniqueName } from '../../core/evidence/paths';
import { evidenceCopy, type EvidenceCopy } from '../../core/evidence/textCopy';
import { DEFAULT_REDACTION } from '../../core/redaction/config';
import { evidenceRedactionNotes } from '../../core/evidence/redactionNote';
import { instantProblem, parseInstant } from '../../core/time/instant';
import { isFutureTime } from '../../core/time/plausibleTime';
import { formatIsoUtc } from '../../core/time/zones';
import type { TextEdit } from '../../core/types';
import { parseCommandArgs, usageMessage, wholeNumber } from '../args';
import { reportConfigProblems } from '../configProblems';
import { describeIoError } from '../files/read';
import { collectPostmortems } from '../files/collect';
import { rewriteRefusal } from '../files/encoding';
import { findGitRoot } from '../files/roots';
import { hardLinkNote, writeFileSafely } from '../files/safeWrite';
import { MAX_EVIDENCE_BYTES, readUserFile } from '../files/userFile';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIo } from '../io';
import { terminalSafe } from '../style';
import { realPath } from './convertTarget';

export const EVIDENCE_HELP = `Usage: postmortem evidence add FILE SOURCE... [options]

Copies each SOURCE (a screenshot, log excerpt, chat export, PDF) into the evidence folder beside
the post-mortem FILE (<name>.assets/ for <name>.md) and links it from the FILE's "## Evidence"
section (added at the end when missing) with a caption and the UTC time it was captured.

Text evidence (logs, transcripts, JSON, CSV) is scanned for secrets and personal data: what is
found is replaced with [redacted: <kind>] in the copy (the SOURCE is never changed) and listed.
UTF-8, UTF-16 (what Windows PowerShell's > writes) and Windows-1252 are read; the copy keeps the
file's encoding. A text file in another encoding, and an archive or compressed file (.gz, .zip,
.tar, .bz2, .xz, .7z, .zst — known by its bytes, whatever its name), are refused (nothing attached)
unless --unscanned: what is in them cannot be scanned. Images and PDFs (by their bytes) are not read.
Files over 5 MB are copied with a warning: keep large binaries in Git LFS.

Options:
  --caption <text>        What it shows (default: the file name). Images get it as alt text.
  --captured <time>       When it was captured: ISO 8601 with a zone, not after now, or "now"
                          (default: the SOURCE's modification time).
  --timeline-line <n>     Also link it from the timeline entry on line n of FILE: (evidence: …).
  --no-redact             Copy text evidence as it is, secrets included (they are still listed).
  --unscanned             Copy text that cannot be decoded (not UTF-8, UTF-16 or Windows-1252)
                          or an archive as it is, not scanned for secrets (warned).
  -h, --help              Show this help.

Examples:
  postmortem evidence add postmortems/2026-11-20-checkout.md ~/Desktop/grafana.png --caption "Checkout 5xx rate"
  postmortem evidence add pm.md app.log --timeline-line 24

Exit codes: 0 attached, 1 attached with values redacted in a copy (listed), 2 usage errors,
unreadable or undecodable files or archives, or FILE changed meanwhile (nothing linked).
`;

/** `evidence`: only `add` so far; `postmortem lint` reports missing and orphaned evidence. */
export default async function evidence(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '-h' || sub === '--help') {
    io.out(EVIDENCE_HELP);
    return sub === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (sub !== 'add') return usage(io, `Expected "add", found "${terminalSafe(sub)}"`);
  return add(rest, io);
}

async function add(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('evidence add', argv, {
    caption: { type: 'string' }, captured: { type: 'string' }, 'timeline-line': { type: 'string' }, 'no-redact': { type: 'boolean' }, unscanned: { type: 'boolean' },
  });
  if (values.help) {
    io.out(EVIDENCE_HELP);
    return EXIT_OK;
  }
  if (positionals.length < 2) return usage(io, 'Expected the post-mortem FILE and at least one SOURCE');
  let captured: number | undefined;
  if (values.captured !== undefined && values.captured !== 'now') {
    const reading = readCapturedTime(String(values.captured), io.now().getTime());
    if ('problem' in reading) return usage(io, reading.problem);
    captured = reading.ms;
  } else if (values.captured === 'now') captured = io.now().getTime();
  const timelineLine = wholeNumber('evidence', '--timeline-line', values['timeline-line'] as string | undefined, { min: 1, max: 999_999_999, what: 'a line number' });

  const file = resolve(io.cwd, positionals[0]);
  const display = relative(io.cwd, file) || basename(file);
  const root = findGitRoot(io.cwd) ?? io.cwd;
  const collected = await collectPostmortems([{ path: file, explicit: true }], { cwd: io.cwd, root, allMarkdown: true });
  if (reportConfigProblems(io, 'evidence', collected.configProblems, ['redaction']) > 0) return EXIT_USAGE;
  const loaded = collected.files[0];
  if (!loaded) {
    io.err(`Cannot read ${positionals[0]}: ${collected.errors[0]?.message ?? collected.notRead[0]?.issue.message ?? collected.skipped[0]?.reason ?? 'not readable'}\n`);
    return EXIT_USAGE;
  }
  // Asked before any copy is made: the links must be written into the post-mortem, in its own encoding and line breaks.
  const refusal = rewriteRefusal(loaded);
  if (refusal) {
    io.err(`${display}: the links could not be written into it: ${refusal}.\nNothing was attached.\n`);
    return EXIT_USAGE;
  }
  // UTF-16 or lone CRs: read (and written back) as they are, said, since the reading was a choice.
  if (loaded.encoding) io.err(`warning: ${display}: ${loaded.encoding.message}\n`);
  const redaction = collected.configs.get(loaded.configKey)?.redaction;
  // Where the links would go must be read as Markdown: not inside a block left open at the end (trial18a F6).
  const blocked = evidenceEntriesBlocker(loaded.text);
  if (blocked) {
    io.err(`Cannot attach to ${display}: ${terminalSafe(blocked)}.\nNothing was attached.\n`);
    return EXIT_USAGE;
  }
  const dir = dirname(file);
  const folderName = assetsFolderName(basename(file));
  const folder = join(dir, folderName);

  // Read every source first: a missing one stops the command before anything is copied.
  const redact = !values['no-redact'];
  const sources: { path: string; bytes: Buffer; mtimeMs: number; copy: EvidenceCopy }[] = [];
  for (const s of positionals.slice(1)) {
    const path = resolve(io.cwd, s);
    try {
      const read = readUserFile(path, MAX_EVIDENCE_BYTES);
      if (!read.ok && read.kind === 'not-regular') return usage(io, `Expected ${terminalSafe(s)} to be a file (it ${read.reason.startsWith('is ') ? read.reason : `is ${read.reason}`})`);
      // The post-mortem is not evidence of itself: its copy would be a second file with its id (trial18a F12).
      if (realPath(path) === realPath(file)) return usage(io, `Expected evidence files, found the post-mortem itself (${terminalSafe(s)})`);
      if (!read.ok) {
        io.err(`Cannot read ${s}: ${read.reason}\nNothing was attached.\n`);
        return EXIT_USAGE;
      }
      // Decoded and scanned before anything is written: a file that cannot be read as text stops the command here.
      const copy = evidenceCopy(basename(path), read.bytes, redaction ?? DEFAULT_REDACTION, redact);
      if (copy.kind === 'undecodable' && !values.unscanned) {
        io.err(`Cannot attach ${terminalSafe(s)}: ${copy.fact} ${copy.why} Re-save it as UTF-8, or pass --unscanned to copy it as it is, unchecked.\nNothing was attached.\n`);
        return EXIT_USAGE;
      }
      // An archive is refused like undecodable text: "Attached" would read as "scanned" (trial15a F11).
      if (copy.kind === 'archive' && !values.unscanned) {
        io.err(`Cannot attach ${terminalSafe(s)}: ${terminalSafe(copy.fact)} Unpack it and attach the files in it, or pass --unscanned to copy it as it is, unchecked.\nNothing was attached.\n`);
        return EXIT_USAGE;
      }
      sources.push({ path, bytes: read.bytes, mtimeMs: read.stat.mtimeMs, copy });
    } catch (e) {
      io.err(`Cannot read ${s}: ${describeIoError(e)}\nNothing was attached.\n`);
      return EXIT_USAGE;
    }
  }

  const shownFolder = relative(io.cwd, folder) || folderName;
  let createdFolder: string | undefined;
  try {
    createdFolder = mkdirSync(folder, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? `a file of that name (or above it) is there, not a folder; move it away and attach again` : code ?? (e as Error).message;
    io.err(`Cannot create the evidence folder ${shownFolder}: ${why}.\nNothing was attached.\n`);
    return EXIT_USAGE;
  }
  /** On a refusal after the folder was made by this run: removed again when nothing is left in it (trial18a F12). */
  const dropFolder = () => {
    if (createdFolder === undefined) return;
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (or gone): left as it is.
    }
  };
  const taken = new Set(readdirSync(folder));
  const copied: string[] = [];
  const entries: EvidenceEntry[] = [];
  /** Files this run copied, by size: a source given twice is attached once. */
  const copiedThisRun: { name: string; bytes: Uint8Array }[] = [];
  const linkedText = loaded.text;
  /** Copies whose name is not the source's: said beside "Attached". */
  const renamed = new Map<string, string>();
  for (const source of sources) {
    const shownSource = terminalSafe(basename(source.path));
    const copyBytes: Uint8Array = source.copy.kind === 'text' ? source.copy.bytes : source.bytes;
    // The same bytes already in the folder (attached before, or given twice now): no second copy (trial18a F12).
    const same = copiedThisRun.find((c) => sameBytes(c.bytes, copyBytes))?.name ?? sameFileIn(folder, taken, copyBytes);
    if (same !== undefined) {
      const path = `${folderName}/${same}`;
      if (copiedThisRun.some((c) => c.name === same) || isLinked(linkedText, path)) {
        io.out(`${shownSource} is already attached as ${path} (the same bytes); not copied again.\n`);
        continue;
      }
      io.out(`${shownSource} is already in ${folderName}/ as ${same} (the same bytes), not linked yet: linked, not copied again.\n`);
      const caption = typeof values.caption === 'string' && values.caption.trim() ? values.caption : basename(source.path);
      entries.push({ path, caption, capturedAt: captured ?? source.mtimeMs });
      continue;
    }
    const safe = safeEvidenceName(basename(source.path));
    const name = uniqueName(safe, taken);
    taken.add(name);
    // A name changed is said: the link and the file are not what the user typed (trial18a F2).
    if (name !== basename(source.path).normalize('NFC')) {
      const why = name !== safe ? `${safe} is taken` : 'characters unsafe in file names or links replaced';
      renamed.set(`${folderName}/${name}`, `${shownSource} (${why})`);
    }
    let bytes: Uint8Array = source.bytes;
    if (source.bytes.length > LARGE_EVIDENCE_BYTES) {
      io.err(`warning: ${basename(source.path)} is ${(source.bytes.length / 1024 / 1024).toFixed(1)} MB; large binaries bloat every clone: consider Git LFS (git lfs track "${folderName}/*").\n`);
    }
    const copy = source.copy;
    if (copy.kind === 'text') {
      if (copy.encodingNote) io.out(`${terminalSafe(copy.encodingNote)}\n`);
      bytes = copy.bytes;
      // The same sentences as the editor's: what was redacted (or copied with --no-redact, a warning), and what the allow list kept.
      const [first, ...rest] = evidenceRedactionNotes(basename(source.path), copy.text, copy.found, copy.allowed, redact, '--no-redact');
      if (first && copy.found.length && !redact) io.err(`warning: ${terminalSafe(first)}\n`);
      else if (first) io.out(`${terminalSafe(first)}\n`);
      for (const note of rest) io.out(`${terminalSafe(note)}\n`);
    } else if (copy.kind === 'binary' && copy.note) io.err(`warning: ${terminalSafe(copy.note)}\n`);
    else if (copy.kind === 'archive') io.err(`warning: ${terminalSafe(basename(source.path))} is an archive (${copy.format}): copied as it is, not scanned for secrets (--unscanned).\n`);
    else if (copy.kind === 'undecodable') io.err(`warning: ${terminalSafe(basename(source.path))} copied as it is, not scanned for secrets (--unscanned).\n`);
    const target = join(folder, name);
    const written = writeFileSafely(target, bytes, { createOnly: true, roots: [dir] });
    if (!written.ok) {
      removeAll(copied);
      dropFolder();
      io.err(`${relative(io.cwd, target)} not written: ${written.message}. Nothing was attached.\n`);
      return EXIT_USAGE;
    }
    copied.push(target);
    copiedThisRun.push({ name, bytes });
    const caption = typeof values.caption === 'string' && values.caption.trim() ? values.caption : basename(source.path);
    entries.push({ path: `${folderName}/${name}`, caption, capturedAt: captured ?? source.mtimeMs });
  }

  const text = loaded.text;
  if (entries.length === 0) {
    io.out(`Nothing new to attach to ${display}; it was not changed.\n`);
    return EXIT_OK;
  }
  const edits: TextEdit[] = addEvidenceEdits(text, entries);
  if (timelineLine !== undefined) {
    const link = linkTimelineEntryEdit(text, timelineLine - 1, entries[0].path);
    if (!link) {
      removeAll(copied);
      dropFolder();
      return usage(io, `Expected line ${timelineLine} of ${display} to be a timeline entry`);
    }
    edits.push(link);
  }
  const written = writeFileSafely(file, { form: loaded.form, ...applyEdits(text, edits) }, { expected: loaded.snapshot, roots: [dir] });
  if (!written.ok) {
    removeAll(copied);
    dropFolder();
    io.err(`${display} not written: ${written.message}. Nothing was attached (the copies were removed).\n`);
    return EXIT_USAGE;
  }
  for (const e of entries) io.out(`Attached ${terminalSafe(e.path)} to ${display}${renamed.has(e.path) ? `, from ${renamed.get(e.path)}` : ''}.\n`);
  if (written.otherLinks) io.err(`note: ${hardLinkNote(display, written.otherLinks)}\n`);
  // What was redacted in a copy is listed above; exit 1 tells CI to look, as import-timeline and tickets create do.
  return redact && sources.some((s) => s.copy.kind === 'text' && s.copy.found.length > 0) ? EXIT_PROBLEMS : EXIT_OK;
}

/** Whether two byte arrays are equal. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/**
 * The name of a file in `folder` holding exactly `bytes`, or undefined: only files of the same size
 * are read, one at a time (an evidence folder of large files is not read whole).
 */
function sameFileIn(folder: string, names: ReadonlySet<string>, bytes: Uint8Array): string | undefined {
  for (const name of names) {
    try {
      const path = join(folder, name);
      const st = statSync(path);
      if (!st.isFile() || st.size !== bytes.length) continue;
      if (sameBytes(readFileSync(path), bytes)) return name;
    } catch {
      // Gone or unreadable: not the same file.
    }
  }
  return undefined;
}

/** Whether the post-mortem already links `path` (as written by evidence add: plain or in `<…>`). */
function isLinked(text: string, path: string): boolean {
  return text.includes(`](${linkDestination(path)})`) || text.includes(`](${path})`);
}

/** Removes copies this run made, when the link could not be written (no orphans left behind). */
function removeAll(paths: readonly string[]): void {
  for (const p of paths) {
    try {
      unlinkSync(p);
    } catch {
      // Already gone.
    }
  }
}

function usage(io: CliIo, message: string): number {
  io.err(`${usageMessage('evidence', message)}\n`);
  return EXIT_USAGE;
}

/**
 * `--captured`: an ISO 8601 time with a zone (a capture time without one would be a guess) on a day
 * the month has and not after now (past the clock-skew tolerance). `Date.parse` rolled
 * `2026-02-30T10:00:00Z` over to March 2 without a word (trial13a F14); the front matter's reader
 * refuses it, and so does this.
 */
function readCapturedTime(value: string, nowMs: number): { readonly ms: number } | { readonly problem: string } {
  const expected = `Expected --captured as ISO 8601 with a zone (2026-11-20T14:05:00Z) or "now", found "${terminalSafe(value)}"`;
  // With a zone required, T and Z are the only letters a valid value has: either case reads.
  const written = value.trim().toUpperCase();
  if (!/(?:Z|[+-]\d{2}:?\d{2})$/.test(written)) return { problem: expected };
  const problem = instantProblem(written);
  if (problem) return { problem: `Expected --captured as a time that exists, found "${terminalSafe(value)}" (${problem})` };
  const parsed = parseInstant(written);
  if (!parsed) return { problem: expected };
  if (isFutureTime(parsed.ms, nowMs)) return { problem: `Expected --captured not after now (${formatIsoUtc(nowMs)}), found "${terminalSafe(value)}" (${formatIsoUtc(parsed.ms)}): evidence is captured before it is attached` };
  return { ms: parsed.ms };
}
