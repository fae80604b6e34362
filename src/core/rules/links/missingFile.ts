import type { Rule } from '../../lint/rule';
import { localLinks, type LocalLink } from '../../links/localLinks';
import { encodeLinkPath, folderOf, relativeLink, resolveLink } from '../../links/resolve';
import { pathLookup, type DocumentFiles } from '../../links/workspaceFiles';
import type { Fix } from '../../types';

/**
 * A runbook or doc the post-mortem links to (`[runbook](../runbooks/db.md)`) that is not in the
 * workspace: moved, renamed, or never committed — and the reader who follows it during the next
 * incident finds nothing. Needs the host's file list (`files`); URLs are never fetched, links that
 * climb out of the workspace and anchors inside the target are not checked.
 */
export const linksMissingFile: Rule = {
  code: 'links/missing-file',
  defaultSeverity: 'warning',
  description: 'Every link to a workspace file (a runbook, a doc: `../runbooks/db.md`, `/docs/x.md`, reference definitions too) names a file or folder that exists. URLs, links out of the workspace and the `#anchor` inside a target are not checked.',
  needsWorkspace: 'files',
  check(ctx) {
    const files = ctx.files;
    if (!files) return;
    const folder = folderOf(files.documentPath);
    const unlisted = new Set(files.workspace.unlisted ?? []);
    for (const link of localLinks(ctx.doc)) {
      const path = resolveLink(folder, link.target);
      // Out of the workspace, the root itself, or through a folder that was not listed: not ours to judge.
      if (path === undefined || path === '' || files.workspace.paths.has(path)) continue;
      if (path.split('/').some((segment) => unlisted.has(segment))) continue;
      report(ctx.report, link, path, files, folder);
    }
  },
};

function report(emit: Parameters<Rule['check']>[0]['report'], link: LocalLink, path: string, files: DocumentFiles, folder: string): void {
  const written = link.target.path;
  const lookup = pathLookup(files.workspace.paths);
  const sameButCase = lookup.byLowerPath.get(path.toLowerCase());
  if (sameButCase?.length === 1) {
    const actual = sameButCase[0];
    emit({
      range: link.range,
      message: `Expected the linked file "${path}" (written ${written}), found "${actual}": the case differs, which breaks on Linux and GitHub`,
      fixes: fixTo(link, actual, folder, true),
    });
    return;
  }
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  // The post-mortem itself is never the file a link to a runbook meant.
  const sameName = (lookup.byLowerName.get(name) ?? []).filter((p) => p !== files.documentPath);
  if (sameName.length === 1) {
    emit({
      range: link.range,
      message: `Expected the linked file "${path}" (written ${written}) in the workspace, found none; "${sameName[0]}" has that name (moved?)`,
      fixes: fixTo(link, sameName[0], folder, false),
    });
    return;
  }
  const more = sameName.length > 1 ? `; ${sameName.length} files have that name elsewhere` : '';
  emit({ range: link.range, message: `Expected the linked file "${path}" (written ${written}) in the workspace, found none (moved, renamed or not committed?)${more}` });
}

/** "Change link to …": the path part rewritten, relative as before (or from the root when it was), the `#anchor` kept. */
function fixTo(link: LocalLink, to: string, folder: string, preferred: boolean): Fix[] {
  if (!link.pathRange) return [];
  let path = link.target.fromRoot ? `/${to}` : relativeLink(folder, to);
  if (!link.target.fromRoot && link.target.path.startsWith('./') && !path.startsWith('../')) path = `./${path}`;
  const newText = link.pointy ? path.replace(/[<>]/g, encodeURIComponent) : encodeLinkPath(path);
  return [{ title: `Change link to ${path}`, edits: [{ range: link.pathRange, newText }], ...(preferred ? { isPreferred: true } : {}) }];
}
