import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ResolvedConfig } from '../../core/config/config';
import { parsePostmortem } from '../../core/document/parse';
import { LINK_OUTSIDE, linkOutsideMessage, missingEvidence, ORPHAN, orphanMessage, TOO_MANY_FILES, tooManyFilesMessage, UNSCANNED_ARCHIVE, unscannedArchiveMessage } from '../../core/evidence/check';
import { fileSignatureOf, TEXT_HEAD_BYTES } from '../../core/evidence/fileSignature';
import { readUserFileHead } from '../files/userFile';
import { isInsideFolder } from '../../core/files/writeTarget';
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
export function checkEvidenceOnDisk(files: readonly EvidenceFileLike[], configs: ReadonlyMap<string, ResolvedConfig>, maxFiles = MAX_FILES): {
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
  const refused: { path: string; diagnostic: PlainDiagnostic }[] = [];
  for (const [folder, config] of folders) {
    const severity = severityOf(config, ORPHAN, 'warning');
    const archiveSeverity = severityOf(config, UNSCANNED_ARCHIVE, 'warning');
    if (!severity && !archiveSeverity) continue;
    const listing = listFiles(folder, maxFiles);
    // A link out of the folder is not followed (it led lint round the whole machine: trial19b F2), and said.
    const outsideSeverity = severityOf(config, LINK_OUTSIDE, 'warning');
    const show = (path: string) => relative(dirname(folder), path).split(sep).join('/');
    if (outsideSeverity) for (const link of listing.outside) refused.push({ path: link.path, diagnostic: { code: LINK_OUTSIDE, severity: outsideSeverity, range: AT_START, message: linkOutsideMessage(show(link.path), link.target, show(folder)) } });
    const capSeverity = severityOf(config, TOO_MANY_FILES, 'error');
    if (listing.capped && capSeverity) refused.push({ path: folder, diagnostic: { code: TOO_MANY_FILES, severity: capSeverity, range: AT_START, message: tooManyFilesMessage(show(folder), maxFiles) } });
    for (const path of listing.files) {
      const display = relative(dirname(folder), path).split(sep).join('/');
      if (archiveSeverity) archiveCheck.check(path, display, archiveSeverity);
      if (!severity || referenced.has(path)) continue;
      orphans.push({ path, diagnostic: { code: ORPHAN, severity, range: AT_START, message: orphanMessage(display) } });
    }
  }
  // Archives linked from a post-mortem in some other evidence folder are its evidence too.
  // Only a file that is where its link says, under the post-mortem's folder: not one a symlink on the way leads elsewhere.
  for (const [path, folder] of referencedIn) {
    const severity = severityOf(configs.get(folder.configKey), UNSCANNED_ARCHIVE, 'warning');
    if (severity && isInside(realOrUndefined(path), realOrUndefined(folder.dir))) archiveCheck.check(path, relative(folder.dir, path).split(sep).join('/'), severity);
  }
  return { perFile, onFiles: [...refused, ...orphans, ...archiveCheck.found] };
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

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** `path` is `root` or in it (both real paths, compared as the writers compare them); false when either could not be resolved. */
function isInside(path: string | undefined, root: string | undefined): boolean {
  return path !== undefined && root !== undefined && isInsideFolder(path, root);
}

interface Listing {
  readonly files: string[];
  /** Symlinks whose target is not in the evidence folder (or does not resolve): not followed. */
  readonly outside: { readonly path: string; readonly target: string | undefined }[];
  /** The walk stopped at MAX_FILES: the rest of the folder was not looked at. */
  readonly capped: boolean;
}

/**
 * Files under `folder` (hidden files such as `.DS_Store` and `.gitkeep` are not evidence), breadth
 * first, bounded. Nothing outside the folder is listed or read: a symlink (or the folder itself)
 * whose real path leaves the folder is returned in `outside`, not followed — a link to `/` listed
 * the whole machine, and read the bytes of its archives (trial19b F2). A folder reached twice (a
 * link to `..` inside it) is walked once. Reaching `maxFiles` is said (`capped`), not silent.
 */
function listFiles(folder: string, maxFiles: number): Listing {
  const files: string[] = [];
  const outside: { path: string; target: string | undefined }[] = [];
  const parent = realOrUndefined(dirname(folder));
  const root = realOrUndefined(folder);
  // The folder itself a link out of the post-mortem's folder (`pm.assets -> /`): not walked at all.
  if (root === undefined || !isInside(root, parent) || root === parent) {
    outside.push({ path: folder, target: root });
    return { files, outside, capped: false };
  }
  const walked = new Set<string>([root]);
  const queue = [folder];
  let capped = false;
  for (let next = 0; next < queue.length; next++) {
    const dir = queue[next];
    for (const name of safeList(dir).sort()) {
      if (name.startsWith('.')) continue;
      if (files.length >= maxFiles) {
        capped = true;
        break;
      }
      const path = join(dir, name);
      let real: string | undefined = path;
      if (isSymlink(path)) {
        real = realOrUndefined(path);
        if (!isInside(real, root)) {
          outside.push({ path, target: real });
          continue;
        }
      }
      if (isDir(path)) {
        const key = realOrUndefined(path) ?? path;
        if (walked.has(key)) continue;
        walked.add(key);
        queue.push(path);
      } else files.push(path);
    }
    if (capped) break;
  }
  return { files, outside, capped };
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
