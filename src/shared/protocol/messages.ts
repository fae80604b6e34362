/**
 * The one message protocol between the extension (src/vscode/diagrams) and the diagram webview
 * (webview/diagram). Both sides import these types and the validators in ./validate; every message
 * that arrives is checked there and anything that does not match exactly is ignored and logged.
 *
 * Sync model: the document is the single source of truth. The extension sends the block's current
 * text with the document version; the webview edits its model, prints the whole block and sends it
 * back with the version it was made against. The extension writes only the block's content range
 * and only when the block has not changed since that version.
 */

export type DiagramKind = 'fishbone' | 'fault-tree';
export type ExportFormat = 'svg' | 'png';
/** What an exported drawing stands on: nothing, a light or dark page (drawn in that theme), or the editor's theme. */
export type ExportBackground = 'transparent' | 'light' | 'dark' | 'theme';
/** PNG exports: pixels per drawing unit. */
export const EXPORT_SCALES = [1, 2, 3, 4] as const;

/** Upper bound for block text and exported drawings crossing the boundary (a hostile peer cannot make us allocate more). */
export const MAX_CONTENT_LENGTH = 1_000_000;
export const MAX_EXPORT_LENGTH = 20_000_000;
export const MAX_TEXT_LENGTH = 2_000;
/** Upper bound for a document URI crossing the boundary (in messages and in the webview's saved state). */
export const MAX_URI_LENGTH = 4_000;

// ---- extension → webview ----

/** The block as it is in the document now. Sent on open, on every change, and to resync after a rejected edit. */
export interface DocumentMessage {
  readonly type: 'document';
  readonly kind: DiagramKind;
  readonly content: string;
  readonly version: number;
  /** 0-based index among the document's mermaid blocks (for export file names and the saved panel state). */
  readonly blockIndex: number;
  /** 0-based index among the document's blocks of the same kind: the title's number ("Fault tree 1"). */
  readonly kindIndex: number;
  /** 0-based document line of the block's first content line: problems are shown in document lines. */
  readonly firstLine: number;
  /** The post-mortem's file name (display only). */
  readonly fileName: string;
  /**
   * The post-mortem's URI. The webview keeps it in its saved state so the panel can come back after
   * a window reload; the extension re-checks it then (see ./state), it never trusts it as sent.
   */
  readonly uri: string;
  /**
   * How the panel writes now, when it differs from the usual (the Markdown tab is closed: each change
   * is saved to the file at once; the file was renamed and the panel followed it). Shown in the banner.
   */
  readonly hostNote?: string;
}

/** The block can no longer be found (deleted, or its identity is ambiguous): the panel must stop writing. */
export interface GoneMessage {
  readonly type: 'gone';
  readonly reason: string;
  /** What the user can do now; without it: close the panel, or undo the change in the text (the block's deletion). */
  readonly whatNow?: string;
}

/** Answer to an `edit` (or an undo/redo): applied (with the document version after it) or rejected (with why). */
export interface EditResultMessage {
  readonly type: 'editResult';
  readonly requestId: number;
  readonly ok: boolean;
  readonly version: number;
  readonly reason?: string;
}

/** Asks the webview for its drawing (the export commands run from the palette). */
export interface ExportRequestMessage {
  readonly type: 'exportRequest';
  readonly format: ExportFormat;
}

/** What Ctrl/Cmd+= / - / 0 do to the drawing's zoom: one step in, one step out, back to 100%. */
export type ZoomAction = 'in' | 'out' | 'reset';

/**
 * Zoom the drawing (the `postmortem.diagramZoom*` commands). VS Code also hands keys pressed in a
 * webview to the workbench, where Ctrl+= would zoom the whole window: the extension binds those
 * keys while a diagram panel is active and forwards them here instead.
 */
export interface ZoomMessage {
  readonly type: 'zoom';
  readonly action: ZoomAction;
}

export type ToWebview = DocumentMessage | GoneMessage | EditResultMessage | ExportRequestMessage | ZoomMessage;

// ---- webview → extension ----

/** The webview is listening: send the document. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Replace the block's content with `content`, made against document `baseVersion`. */
export interface EditMessage {
  readonly type: 'edit';
  readonly requestId: number;
  readonly baseVersion: number;
  readonly content: string;
}

/**
 * Undo/redo in the panel: forwarded to the document's own undo stack. Sent in order with the edits
 * (after every earlier edit was answered) and answered with an `editResult` of the same `requestId`.
 */
export interface HistoryMessage {
  readonly type: 'undo' | 'redo';
  readonly requestId: number;
}

/**
 * A drawing to save: SVG text, or PNG bytes as base64 (no data: prefix). Saved next to the
 * post-mortem, or where the person picks in a Save As dialog (`saveAs`) that starts there.
 */
export interface ExportMessage {
  readonly type: 'export';
  readonly format: ExportFormat;
  readonly data: string;
  readonly saveAs?: boolean;
}

/** A node was clicked in the drawing: show its line (0-based within the block's content) in the text editor. */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly line: number;
}

/** Something went wrong in the webview that the user should see in the output channel. */
export interface LogMessage {
  readonly type: 'log';
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

/** A drawing finished (or failed, the page then says why): the extension learns the webview really draws. */
export interface DrawnMessage {
  readonly type: 'drawn';
  readonly ok: boolean;
  /** Milliseconds from the render request to the SVG in the page, rounded. */
  readonly ms: number;
}

export type FromWebview = ReadyMessage | EditMessage | HistoryMessage | ExportMessage | RevealMessage | LogMessage | DrawnMessage;
