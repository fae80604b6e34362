/**
 * The workspace's file list, for checking links from a post-mortem to runbooks and docs. The core has
 * no file system: the host lists the files (the CLI from the disk, the extension with findFiles) and
 * passes this plain value in, so it can cross to a worker thread as it is.
 */
export interface WorkspaceFiles {
  /** Every file and every folder of the workspace, relative to its root, `/`-separated, no trailing `/`. */
  readonly paths: ReadonlySet<string>;
  /**
   * Folder names whose contents were not listed (`node_modules`, `.git`): a link through one of them
   * is not checked, since its absence from `paths` says nothing.
   */
  readonly unlisted?: readonly string[];
}

/** What a link check needs of one post-mortem: the workspace's files and where the post-mortem is among them. */
export interface DocumentFiles {
  readonly workspace: WorkspaceFiles;
  /** The post-mortem's own path relative to the same root (`postmortems/2026-11-20-db.md`). */
  readonly documentPath: string;
}

/** Folders the hosts do not list (too large, never a link target people mean). */
export const UNLISTED_FOLDERS: readonly string[] = ['node_modules', '.git'];

/**
 * Files plus every folder that holds them (`a/b/c.md` → `a`, `a/b`, `a/b/c.md`), as `paths` wants:
 * a link to a folder (`../runbooks/`) is fine when some listed file is in it.
 */
export function withFolders(files: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    if (!file || out.has(file)) continue;
    out.add(file);
    for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
      const folder = file.slice(0, slash);
      if (out.has(folder)) break;
      out.add(folder);
    }
  }
  return out;
}

/** Lower-case path → paths, and lower-case file name → paths: for "did you mean" after a miss. */
export interface PathLookup {
  readonly byLowerPath: ReadonlyMap<string, readonly string[]>;
  readonly byLowerName: ReadonlyMap<string, readonly string[]>;
}

const lookups = new WeakMap<ReadonlySet<string>, PathLookup>();

/**
 * Built once per `paths` value (hosts publish a new set when files come or go, never mutate one),
 * and only when a link is missing: a post-mortem whose links all resolve costs a lookup per link.
 */
export function pathLookup(paths: ReadonlySet<string>): PathLookup {
  let lookup = lookups.get(paths);
  if (!lookup) {
    const byLowerPath = new Map<string, string[]>();
    const byLowerName = new Map<string, string[]>();
    for (const path of paths) {
      const lower = path.toLowerCase();
      append(byLowerPath, lower, path);
      append(byLowerName, lower.slice(lower.lastIndexOf('/') + 1), path);
    }
    lookup = { byLowerPath, byLowerName };
    lookups.set(paths, lookup);
  }
  return lookup;
}

function append(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
