import { findMermaidBlocks } from '../../core/diagrams/blocks';
import type { DiagramKind } from '../../shared/protocol/messages';
import { contentFingerprint, validateDiagramPanelState, type DiagramPanelState } from '../../shared/protocol/state';

/**
 * The decisions behind bringing a diagram panel back after a window reload, without `vscode` so
 * they are unit-tested in plain mocha. The saved state comes from the webview: its shape is checked
 * first, its URI must name a workspace file (the host supplies that check), and the block it names
 * must be found again in the text as it is now. Whenever that is not certain, the panel says why
 * instead of editing a block the user did not choose.
 */

export type SavedDiagramCheck =
  | { readonly ok: true; readonly state: DiagramPanelState }
  | { readonly ok: false; readonly message: string };

export type SavedBlockLookup =
  | { readonly ok: true; readonly index: number }
  | { readonly ok: false; readonly message: string };

const KIND_NAME: Record<DiagramKind, string> = { fishbone: 'fishbone', 'fault-tree': 'fault tree' };
const REOPEN = (kind: DiagramKind) => `Open it again with the "Edit ${KIND_NAME[kind]}" CodeLens above its block.`;

/** The last segment of a URI's path, decoded when possible (display only). */
export function fileNameOf(uri: string): string {
  // Up to the query or fragment (a URI string has no line breaks): `/[?#].*$/` was quadratic on `##…`.
  const cut = uri.search(/[?#]/);
  const path = cut < 0 ? uri : uri.slice(0, cut);
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Step 1, before any file is opened: is the saved state ours, and does it name a workspace file? */
export function checkSavedDiagram(raw: unknown, isWorkspaceFile: (uri: string) => boolean): SavedDiagramCheck {
  const checked = validateDiagramPanelState(raw);
  if (!checked.ok) {
    return { ok: false, message: `This diagram panel could not be restored: ${checked.error}. Open the diagram again with the "Edit fishbone" or "Edit fault tree" CodeLens above its block.` };
  }
  const state = checked.message;
  // A `.` or `..` path segment (plain or percent-encoded) could step out of the workspace folder.
  if (/\/(\.|%2e){1,2}(\/|[?#]|$)/i.test(state.uri) || !isWorkspaceFile(state.uri)) {
    return { ok: false, message: `This diagram panel could not be restored: ${fileNameOf(state.uri)} is not a file of this workspace. ${REOPEN(state.kind)}` };
  }
  return { ok: true, state };
}

/**
 * Step 2: which block of `text` the panel showed. The same text first (at the saved index, else at
 * the saved line, else the only block with that text); then a block edited in place (same kind,
 * index and line). Anything else counts as gone.
 */
export function findSavedBlock(text: string, state: DiagramPanelState): SavedBlockLookup {
  const blocks = findMermaidBlocks(text).filter((b) => b.kind === state.kind);
  const same = blocks.filter((b) => contentFingerprint(b.content) === state.fingerprint);
  const exact = same.find((b) => b.index === state.blockIndex) ?? same.find((b) => b.contentStartLine === state.firstLine) ?? (same.length === 1 ? same[0] : undefined);
  if (exact) return { ok: true, index: exact.index };
  const name = fileNameOf(state.uri);
  // firstLine is the 0-based line after the fence: as a 1-based number it is the fence's line.
  const what = `Diagram ${state.blockIndex + 1} of ${name} (the ${KIND_NAME[state.kind]} whose fence was on line ${state.firstLine})`;
  if (same.length > 1) {
    return { ok: false, message: `${what} cannot be told apart: ${name} now has ${same.length} ${KIND_NAME[state.kind]}s with its text, none where it was. ${REOPEN(state.kind)}` };
  }
  const inPlace = blocks.find((b) => b.index === state.blockIndex && b.contentStartLine === state.firstLine);
  if (inPlace) return { ok: true, index: inPlace.index };
  return { ok: false, message: `${what} is no longer in the file: it was deleted, or changed and moved, since this panel last showed it. ${REOPEN(state.kind)}` };
}
