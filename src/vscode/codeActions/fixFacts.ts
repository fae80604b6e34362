import type { FixFacts } from '../../core/lint/rule';
import { editorSettings } from '../config/settings';
import type * as vscode from 'vscode';

/** `now` as YYYY-MM-DD in the editor's zone: the date a person means by "today". */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * What the core's fixes may offer in the editor: your handle (`postmortem.userName`), the owners
 * the workspace index has seen (once it has started), and today's local date.
 */
export function editorFixFacts(uri: vscode.Uri, owners: () => readonly string[]): FixFacts {
  const userName = editorSettings(uri).userName;
  return { ...(userName ? { userName } : {}), knownOwners: owners(), today: localDay(new Date()) };
}
