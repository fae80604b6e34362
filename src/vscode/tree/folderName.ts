/**
 * The workspace folder a file is in, by name, when the window has more than one (a multi-root
 * workspace): two rows "Validate cache settings in CI" from `shop` and `platform` differed only by
 * the post-mortem title (trial14b F8). Undefined in a single-folder window, or outside every folder.
 * The deepest folder wins (a folder may be nested in another). No `vscode` here, so it is testable.
 */
export function folderNameOf(uri: string, folders: readonly { readonly name: string; readonly uri: string }[]): string | undefined {
  if (folders.length < 2) return undefined;
  let best: { name: string; length: number } | undefined;
  for (const f of folders) {
    const root = f.uri.endsWith('/') ? f.uri : `${f.uri}/`;
    if (uri.startsWith(root) && (!best || root.length > best.length)) best = { name: f.name, length: root.length };
  }
  return best?.name;
}
