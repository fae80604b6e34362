import { normalisePath } from '../evidence/references';

/**
 * Where a relative link points, in workspace terms. Paths are `/`-separated and relative to the
 * workspace root; `''` is the root itself.
 */

/** The link's path part as written (decoded), and what follows it (`?query#anchor`), kept on rewrites. */
export interface LinkTarget {
  readonly path: string;
  readonly suffix: string;
  /** Written from the workspace root (`/docs/x.md`), as GitHub and VS Code read a leading `/`. */
  readonly fromRoot: boolean;
}

/**
 * `../runbooks/db.md#failover` → path `../runbooks/db.md`, suffix `#failover`; undefined for what is
 * not a workspace file: a scheme (`https:`, `mailto:`, `C:`), `//host`, an anchor or query alone.
 */
export function linkTarget(url: string): LinkTarget | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('\\\\')) return undefined;
  const cut = url.search(/[?#]/);
  const raw = cut >= 0 ? url.slice(0, cut) : url;
  if (!raw.trim()) return undefined;
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // A stray `%` is part of the name.
  }
  return { path, suffix: cut >= 0 ? url.slice(cut) : '', fromRoot: path.startsWith('/') };
}

/** The post-mortem's folder: `postmortems/2026/x.md` → `postmortems/2026`, `x.md` → `''`. */
export function folderOf(documentPath: string): string {
  const slash = documentPath.lastIndexOf('/');
  return slash < 0 ? '' : documentPath.slice(0, slash);
}

/**
 * The workspace path a link names, or undefined when it climbs out of the workspace (not checked:
 * what is there is not ours to know). `a/./b/../c` → `a/c`.
 */
export function resolveLink(folder: string, target: LinkTarget): string | undefined {
  return normalisePath(target.fromRoot || !folder ? target.path : `${folder}/${target.path}`);
}

/** The link from `folder` to workspace path `to`: `runbooks` → `docs/db.md` gives `../docs/db.md`. */
export function relativeLink(folder: string, to: string): string {
  const from = folder ? folder.split('/') : [];
  const dest = to.split('/');
  let same = 0;
  while (same < from.length && same < dest.length - 1 && from[same] === dest[same]) same++;
  return [...from.slice(same).map(() => '..'), ...dest.slice(same)].join('/');
}

/** A path as a link destination: `%`, spaces, parentheses and angle brackets escaped. */
export function encodeLinkPath(path: string): string {
  return path.replace(/[%\s()<>]/g, (c) => encodeURIComponent(c).replace(/[()]/g, (p) => (p === '(' ? '%28' : '%29')));
}
