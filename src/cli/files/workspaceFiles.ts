import { readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { UNLISTED_FOLDERS, withFolders, type WorkspaceFiles } from '../../core/links/workspaceFiles';

/** Beyond this many entries the listing stops and links are not checked (a home folder, a vendored tree). */
export const MAX_LISTED = 200_000;

/**
 * Every file and folder under `root` (`/`-separated, relative), for links/missing-file: node_modules
 * and .git are not walked (links into them are not checked), symlinks are listed but not followed.
 * Undefined when there are more than MAX_LISTED entries: a partial list would call real files missing.
 */
export function listWorkspaceFiles(root: string, max = MAX_LISTED): WorkspaceFiles | undefined {
  const files: string[] = [];
  const stack: string[] = [''];
  const unlisted = new Set(UNLISTED_FOLDERS);
  let count = 0;
  while (stack.length) {
    const rel = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(rel ? join(root, rel) : root, { withFileTypes: true });
    } catch {
      continue; // unreadable: links into it read as missing, as they would to anyone without access
    }
    for (const entry of entries) {
      if (++count > max) return undefined;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!unlisted.has(entry.name)) stack.push(path);
        files.push(path);
      } else files.push(path);
    }
  }
  return { paths: withFolders(files), unlisted: UNLISTED_FOLDERS };
}
