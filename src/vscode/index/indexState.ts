// No `vscode` import: what the views say about the index is unit-tested under plain Node.

/**
 * Where the workspace index stands, so that no view or command reads an index that was never
 * filled as "no post-mortems" (trial14b F6: code-server's file search never answered after a
 * window switch, and both views said "No post-mortems in this workspace yet").
 */
export type IndexState =
  /** Nothing asked for the index yet. */
  | { readonly kind: 'idle' }
  /** Listing the workspace's Markdown files, or reading them. */
  | { readonly kind: 'reading' }
  /** The workspace's file search gave no answer within `seconds`; the build still waits for it. */
  | { readonly kind: 'search-silent'; readonly seconds: number }
  /** Listing the files failed with this error (nothing was read). */
  | { readonly kind: 'failed'; readonly reason: string }
  /** Every file found was read (or is listed as not read, with its reason). */
  | { readonly kind: 'built' };

const RETRY = 'Re-read All Post-mortems (in the view\'s … menu) to try again.';

/** `20 s`, `0.5 s`: a time-out as a person reads it. */
export function formatSeconds(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(1))} s`;
}

/**
 * What the views say above the tree while the index is not built, and what Lint All and Re-read
 * All say when they cannot finish; undefined once it is built (the tree then shows what it holds).
 */
export function indexStateSentence(state: IndexState): string | undefined {
  switch (state.kind) {
    case 'idle':
    case 'reading':
      return 'Reading the workspace…';
    case 'search-silent':
      return `The workspace's file search did not answer in ${formatSeconds(state.seconds)}, so its post-mortems are not known yet (the views fill in if it answers). ${RETRY}`;
    case 'failed':
      return `The workspace's post-mortems could not be listed: ${state.reason}. ${RETRY}`;
    case 'built':
      return undefined;
  }
}

