import type { PostmortemDocument } from '../document/model';
import type { Diagnostic } from '../types';
import { evidenceReferences, normalisePath, type EvidenceReference } from './references';

export const MISSING_FILE = 'evidence/missing-file';
export const ORPHAN = 'evidence/orphan';
export const UNSCANNED_ARCHIVE = 'evidence/unscanned-archive';
export const LINK_OUTSIDE = 'evidence/link-outside';
export const TOO_MANY_FILES = 'evidence/too-many-files';

/** A symlink in an evidence folder whose target is not in the folder: not followed (trial19b F2). */
export function linkOutsideMessage(path: string, target: string | undefined, folder: string): string {
  const to = target === undefined ? 'a target that does not resolve (missing, or a loop)' : `${JSON.stringify(target)}, outside ${folder}/`;
  return `Expected the files in ${folder}/ to be in it, found "${path}", a link to ${to}: it was not followed, so nothing there was checked for orphans or archives. Copy the evidence in with \`postmortem evidence add\``;
}

/** The walk of an evidence folder stopped at `limit` files: the rest was not checked. */
export function tooManyFilesMessage(folder: string, limit: number): string {
  return `Expected at most ${limit.toLocaleString('en-US')} files in ${folder}/, found more: the check stopped there, so the files after the first ${limit.toLocaleString('en-US')} were not checked for orphans or archives`;
}

/**
 * Links into evidence folders whose file does not exist. `exists` answers for a path relative to
 * the post-mortem's folder (normalised, `/`-separated); the host knows the disk, the core does not.
 */
export function missingEvidence(doc: PostmortemDocument, exists: (path: string) => boolean): Diagnostic[] {
  return missingFromReferences(evidenceReferences(doc), exists);
}

/** The same from references read earlier (the editor's lint reads them, on its lint thread). */
export function missingFromReferences(references: readonly EvidenceReference[], exists: (path: string) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of references) {
    const path = normalisePath(ref.path);
    if (path !== undefined && exists(path)) continue;
    out.push({
      code: MISSING_FILE,
      severity: 'warning',
      range: ref.range,
      message: `Expected the evidence file "${ref.path}" beside this post-mortem, found none (moved, renamed or not committed?)`,
    });
  }
  return out;
}

/**
 * Files in evidence folders that no post-mortem links to: `files` relative to one root, and the
 * normalised paths (relative to the same root) that post-mortems reference.
 */
export function orphanEvidence(files: readonly string[], referenced: ReadonlySet<string>): string[] {
  const lower = new Set([...referenced].map((p) => p.toLowerCase()));
  return files.filter((f) => !referenced.has(f) && !lower.has(f.toLowerCase())).sort();
}

export function orphanMessage(path: string): string {
  return `Expected every evidence file to be linked from a post-mortem, found "${path}" linked from none (link it under ## Evidence, or delete it)`;
}

/**
 * An archive in an evidence folder (`logs.zip`, `app.log.gz`, by its bytes): `evidence add`
 * refuses one unless `--unscanned`, since the files in it cannot be scanned for secrets; one put
 * there by hand (a copy, a commit) passed no check at all, and lint said nothing (misc16).
 */
export function unscannedArchiveMessage(path: string, format: string): string {
  return `Expected evidence that can be scanned for secrets, found "${path}", an archive (${format}, by its bytes): the files in it were never scanned (\`postmortem evidence add\` refuses archives unless --unscanned). Unpack it and attach its files with \`postmortem evidence add\`; if it was checked by hand, set "${UNSCANNED_ARCHIVE}": "off"`;
}
