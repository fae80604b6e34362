import { parseFishbone } from '../../src/core/diagrams';
import type { EditMessage } from '../../src/shared/protocol/messages';
import type { WebviewPage } from './harness';

/**
 * What the race tests (diagramRace, diagramTypingRace) play of the extension: the block's text as
 * the extension sends it, version by version, its answers to edits, and what the page sent back and shows.
 */

/** The extension's `document` message for the first diagram block of `fileName`, at `version`. */
export function documentMessage(kind: 'fishbone' | 'fault-tree', content: string, version: number, fileName: string) {
  return { type: 'document', kind, content, version, blockIndex: 0, kindIndex: 0, firstLine: 20, fileName, uri: `file:///work/incidents/${fileName}` } as const;
}

/** Opens a fresh panel on `message`'s block, waits for it to be drawn and, given `row`, selects the outline row holding that text. */
export async function openOn(webview: { open(): Promise<WebviewPage> }, message: ReturnType<typeof documentMessage>, row?: string): Promise<WebviewPage> {
  const w = await webview.open();
  await w.nextDrawing(() => w.send(message));
  if (row !== undefined) await w.page.locator('#outline li.row', { hasText: row }).click();
  return w;
}

/** Why the extension refuses an edit made on a version of the block the text has overtaken (BlockTracker.checkWrite). */
export const OVERTAKEN = 'The block was changed in the text after this edit was made.';

/** The extension's refusal of edit `requestId`: the block is at `version` now. */
export function overtakenResult(requestId: number, version: number) {
  return { type: 'editResult', requestId, ok: false, version, reason: OVERTAKEN } as const;
}

/** The edits the page has sent, in order. */
export async function sentEdits(w: WebviewPage): Promise<EditMessage[]> {
  return (await w.posted()).filter((m): m is EditMessage => m.type === 'edit');
}

/** A fishbone's categories and causes, depth first, as the text written holds them. */
export function causesOf(content: string): string[] {
  const out: string[] = [];
  const stack = [...parseFishbone(content).model.categories].reverse();
  for (let n = stack.pop(); n; n = stack.pop()) {
    out.push(n.label);
    for (let i = n.causes.length - 1; i >= 0; i--) stack.push(n.causes[i]);
  }
  return out;
}

/** The banner's words ('' when it has none). */
export async function bannerText(w: WebviewPage): Promise<string> {
  return (await w.page.locator('#banner').textContent()) ?? '';
}
