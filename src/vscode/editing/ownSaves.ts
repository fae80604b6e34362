import * as vscode from 'vscode';

/**
 * VS Code's own saves of each document and the texts the document held lately, as the extension host
 * sees them. With `files.autoSave: afterDelay` (the default in vscode.dev, github.dev and
 * code-server) VS Code saves a document a moment after each edit while an extension may be writing
 * the next one. Then the extension host may find the document "not dirty" while the file still holds
 * an earlier text of it (seen in code-server 1.100: one to three edits behind, with no save under
 * way), or a save half written. The write guard read that file and refused the edit as "changed on
 * disk (another program, a teammate's change or a git pull)" (trial17b F2: names typed in the diagram
 * editor were lost). With this, the guard waits for a save under way and tells a text the document
 * itself held (VS Code's save lagging behind) from someone else's.
 */

/** How long the guard waits for a save under way before it decides (VS Code's save participants time out at 1.5 s). */
export const SAVE_WAIT_MS = 3000;
/** Texts remembered per document: its last versions' (a burst of edits while auto-saves lag behind). */
const REMEMBERED = 64;

interface Watched {
  /** Saves under way: will-save seen, did-save not yet. */
  pending: number;
  /** Resolved when no save is under way any more. */
  idle: (() => void)[];
  /** Hashes of the texts the document held since the guard first looked at it (and those VS Code saved), newest last; lengths beside them. */
  held: { hash: number; length: number }[];
  /** True once the guard asked about the document: its texts are remembered from then on. */
  remembering: boolean;
}

const watched = new Map<string, Watched>();
let started = 0;

function entry(uri: vscode.Uri): Watched {
  const key = uri.toString();
  let w = watched.get(key);
  if (!w) {
    w = { pending: 0, idle: [], held: [], remembering: false };
    watched.set(key, w);
  }
  return w;
}

function remember(w: Watched, text: string): void {
  const h = { hash: hashText(text), length: text.length };
  const last = w.held[w.held.length - 1];
  if (last && last.hash === h.hash && last.length === h.length) return;
  w.held.push(h);
  if (w.held.length > REMEMBERED) w.held.splice(0, w.held.length - REMEMBERED);
}

function settle(w: Watched): void {
  if (w.pending > 0) return;
  const idle = w.idle.splice(0);
  for (const resolve of idle) resolve();
}

/** Starts watching saves (once per activation; the returned disposable stops it). */
export function watchOwnSaves(): vscode.Disposable {
  started += 1;
  const subs = [
    vscode.workspace.onWillSaveTextDocument((e) => {
      const w = entry(e.document.uri);
      w.pending += 1;
      if (w.remembering) remember(w, e.document.getText());
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const w = watched.get(e.document.uri.toString());
      if (w?.remembering && e.contentChanges.length > 0) remember(w, e.document.getText());
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const w = entry(doc.uri);
      if (w.remembering) remember(w, doc.getText());
      w.pending = Math.max(0, w.pending - 1);
      settle(w);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const w = watched.get(doc.uri.toString());
      if (!w) return;
      w.pending = 0;
      settle(w);
      watched.delete(doc.uri.toString());
    }),
  ];
  return new vscode.Disposable(() => {
    started -= 1;
    for (const s of subs) s.dispose();
    if (started === 0) {
      for (const w of watched.values()) {
        w.pending = 0;
        settle(w);
      }
      watched.clear();
    }
  });
}

/** True while VS Code is saving `uri` (its will-save came, its did-save not yet). */
export function saveUnderWay(uri: vscode.Uri): boolean {
  return (watched.get(uri.toString())?.pending ?? 0) > 0;
}

/**
 * Resolves true once no save of `uri` is under way (at once when none is), false when one still is
 * after `ms` (a save participant hanging, a slow disk).
 */
export function afterSaves(uri: vscode.Uri, ms = SAVE_WAIT_MS): Promise<boolean> {
  const w = watched.get(uri.toString());
  if (!w || w.pending === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const at = w.idle.indexOf(done);
      if (at >= 0) w.idle.splice(at, 1);
      resolve(false);
    }, ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    w.idle.push(done);
  });
}

/**
 * Starts remembering the texts `doc` holds (the guard calls it on every check; only documents an
 * extension writes to pay for the hashing, one pass over the text per change).
 */
export function rememberTexts(doc: vscode.TextDocument): void {
  if (started === 0 || doc.isClosed) return;
  const w = entry(doc.uri);
  if (!w.remembering) {
    w.remembering = true;
    remember(w, doc.getText());
  }
}

/** True when `text` is one `uri`'s document held lately (since rememberTexts), or one VS Code saved of it. */
export function heldByDocument(uri: vscode.Uri, text: string): boolean {
  const w = watched.get(uri.toString());
  if (!w || w.held.length === 0) return false;
  const length = text.length;
  if (!w.held.some((s) => s.length === length)) return false;
  const hash = hashText(text);
  return w.held.some((s) => s.hash === hash && s.length === length);
}

/** FNV-1a over UTF-16 code units (32 bits; paired with the length). One pass, no allocation. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
