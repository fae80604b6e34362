/** A renamed file or folder, as VS Code's `onWillRenameFiles` / `onDidRenameFiles` list them. */
export interface UriLike {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  with(change: { path: string }): UriLike;
  toString(): string;
}

/**
 * Where `uri` is after `files` were renamed: the new name of the file itself, or its new place when
 * one of its folders was renamed or moved; undefined when none of the renames concerns it.
 */
export function renamedUri<U extends UriLike>(uri: U, files: readonly { readonly oldUri: U; readonly newUri: U }[]): U | undefined {
  const key = uri.toString();
  for (const { oldUri, newUri } of files) {
    if (oldUri.toString() === key) return newUri;
    const folder = oldUri.path.endsWith('/') ? oldUri.path : `${oldUri.path}/`;
    if (oldUri.scheme === uri.scheme && oldUri.authority === uri.authority && uri.path.startsWith(folder)) {
      return newUri.with({ path: `${newUri.path.replace(/\/$/, '')}/${uri.path.slice(folder.length)}` }) as U;
    }
  }
  return undefined;
}
