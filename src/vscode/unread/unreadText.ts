// No `vscode` import: the words for unread files are unit-tested under plain Node.
import type { NotRead } from '../index/notRead';

/** "2 post-mortems were not read: their action items are not listed or counted here." */
export function unreadSentence(count: number): string {
  return count === 1
    ? '1 post-mortem was not read: its action items are not listed or counted here.'
    : `${count} post-mortems were not read: their action items are not listed or counted here.`;
}

/** The Problems entry for an unread file: where, how serious, and what to do. */
export function unreadDiagnostic(notRead: NotRead): { code: string; severity: 'error' | 'warning'; line: number; character: number; message: string } {
  switch (notRead.kind) {
    case 'nul':
      // As the CLI's file/nul: not text, so nothing in it is checked.
      return {
        code: 'file/nul', severity: 'error', line: notRead.line ?? 0, character: notRead.character ?? 0,
        message: `Not read: the file ${notRead.reason}: not a text file, or text damaged by a tool; it is not checked and its action items are not counted. Remove the NUL bytes.`,
      };
    case 'too-large':
      return {
        code: 'document/too-large', severity: 'warning', line: 0, character: 0,
        message: `Not read: the file is ${notRead.reason}: it is not checked and its action items are not counted. Split it, or raise the setting.`,
      };
    default:
      return { code: 'file/unreadable', severity: 'warning', line: 0, character: 0, message: `Not read: the file ${notRead.reason}.` };
  }
}
