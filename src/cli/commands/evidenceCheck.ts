import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ResolvedConfig } from '../../core/config/config';
import { parsePostmortem } from '../../core/document/parse';
import { missingEvidence, ORPHAN, orphanMessage, UNSCANNED_ARCHIVE, unscannedArchiveMessage } from '../../core/evidence/check';
import { fileSignatureOf, TEXT_HEAD_BYTES } from '../../core/evidence/fileSignature';
import { readUserFileHead } from '../files/userFile';
import { evidenceReferences, mayReferenceEvidence, normalisePath } from '../../core/evidence/references';
import { assetsFolderName } from '../../core/evidence/paths';
import type { PlainDiagnostic } from '../lint/lintOne';

/** Most files listed in one evidence folder (a runaway folder is reported, not walked forever). */
const MAX_FILES = 10_000;

export interface EvidenceFileLike {
  readonly path: string;
  readonly text: string;
  readonly configKey: string;
}

/** A severity for an evidence code from the file's config (`"rules": { "evidence/orphan": "off" }`), or undefined when off. */
function severityOf(config: ResolvedConfig | undefined, code: string, fallback: PlainDiagnostic['severity']): PlainDiagnostic['severity'] | undefined {
  const setting = config?.rules[code];
  return setting === 'off' ? undefined : (setting ?? fallback);
}

/**
 * `evidence/missing-file` for each post-mortem (links into `*.assets/` whose file is not on disk),
 * `evidence/orphan` for files in each post-mortem's own evidence folder (`<name>.assets/`) that
 * none of the checked post-mortems links to, and `evidence/unscanned-archive` for archives there or
 * linked (reported with the orphans, on the file itself).
 */
export function checkEvidenceOnDisk(files: readonly EvidenceFileLike[], configs: ReadonlyMap<string, ResolvedConfig>): {
  perFile: Map<string, PlainDiagnostic[]>;
  /** Orphans and unscanned archives, reported on the evidence file itself. */
  onFiles: { path: string; diagnostic: PlainDiagnostic }[];
} {
  const perFile = new Map<string, PlainDiagnostic[]>();
  const referenced = new Set<string>();
  // Each linked evidence file, with the folder and config of the first post-mortem linking it (for the archive check).
  const referencedIn = new Map<string, { dir: string; configKey: string }>();
  const folders = new Map<string, ResolvedConfig | undefined>();
  // Each folder's names, listed once: one listing per folder instead of one stat per file (2,000 files in
  // one folder: one call, not 2,000), and a stat only for a name that may be there. Compared lower-cased:
  // on a case-insensitive disk (macOS, Windows) `Foo.assets` is the folder of `foo.md`, and the stat decides.
  const namesIn = new Map<string, ReadonlySet<string>>();
  const mayHaveEntry = (dir: string, name: string): boolean => {
    let names = namesIn.get(dir);
    if (!names) namesIn.set(dir, (names = new Set(safeList(dir).map((n) => n.toLowerCase()))));
    return names.has(name.toLowerCase());
  };
  for (const file of files) {
    const config = configs.get(file.configKey);
    const dir = dirname(file.path);
    // Without `.assets` in its text a file references no evidence: not parsed again here.
    if (mayReferenceEvidence(file.text)) {
      const doc = parsePostmortem(file.text);
      const severity = severityOf(config, 'evidence/missing-file', 'warning');
      const missing = missingEvidence(doc, (p) => existsSync(join(dir, ...p.split('/'))));
      if (severity && missing.length) perFile.set(file.path, missing.map((d) => ({ ...d, severity })));
      for (const ref of evidenceReferences(doc)) {
        const p = normalisePath(ref.path);
        if (p === undefined) continue;
        const path = join(dir, ...p.split('/'));
        referenced.add(path);
        if (referencedIn.size < MAX_FILES && !referencedIn.has(path)) referencedIn.set(path, { dir, configKey: file.configKey });
      }
    }
    // The evidence folder named after this file: only it is known to belong to a post-mortem checked here.
    const ownName = assetsFolderName(basename(file.path));
    const own = join(dir, ownName);
    if (!folders.has(own) && mayHaveEntry(dir, ownName) && isDir(own)) folders.set(own, config);
  }
  const orphans: { path: string; diagnostic: PlainDiagnostic }[] = [];
  const archiveCheck = new ArchiveCheck();
  for (const [folder, config] of folders) {
    const severity = severityOf(config, ORPHAN, 'warning');
    const archiveSeverity = severityOf(config, UNSCANNED_ARCHIVE, 'warning');
    if (!severity && !archiveSeverity) continue;
    for (const path of listFiles(folder)) {
      const display = relative(dirname(folder), path).split(sep).join('/');
      if (archiveSeverity) archiveCheck.check(path, display, archiveSeverity);
      if (!severity || referenced.has(path)) continue;
      orphans.push({ path, diagnostic: { code: ORPHAN, severity, range: AT_START, message: orphanMessage(display) } });
    }
  }
  // Archives linked from a post-mortem in some other evidence folder are its evidence too.
  for (const [path, folder] of referencedIn) {
    const severity = severityOf(configs.get(folder.configKey), UNSCANNED_ARCHIVE, 'warning');
    if (severity) archiveCheck.check(path, relative(folder.dir, path).split(sep).join('/'), severity);
  }
  return { perFile, onFiles: [...orphans, ...archiveCheck.found] };
}

const AT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * `evidence/unscanned-archive`: each evidence file's first bytes, once, against the archive
 * signatures `evidence add` refuses (core/evidence/fileSignature.ts); reported on the file, as orphans are.
 */
class ArchiveCheck {
  readonly found: { path: string; diagnostic: PlainDiagnostic }[] = [];
  private readonly seen = new Set<string>();

  check(path: string, display: string, severity: PlainDiagnostic['severity']): void {
    if (this.seen.has(path)) return;
    this.seen.add(path);
    const head = readUserFileHead(path, TEXT_HEAD_BYTES);
    const signature = head && fileSignatureOf(head);
    if (signature?.kind !== 'archive') return;
    this.found.push({ path, diagnostic: { code: UNSCANNED_ARCHIVE, severity, range: AT_START, message: unscannedArchiveMessage(display, signature.format) } });
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Files under `folder` (hidden files such as `.DS_Store` and `.gitkeep` are not evidence), breadth first, bounded. */
function listFiles(folder: string): string[] {
  const out: string[] = [];
  const queue = [folder];
  while (queue.length && out.length < MAX_FILES) {
    const dir = queue.shift()!;
    for (const name of safeList(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (isDir(path)) queue.push(path);
      else out.push(path);
    }
  }
  return out;
}
