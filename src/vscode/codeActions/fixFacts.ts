import type { FixFacts } from '../../core/lint/rule';
import { writerToday } from '../../core/time/writerZone';
import { editorSettings } from '../config/settings';
import { editorWriterZone } from '../timeline/writerZone';
import type * as vscode from 'vscode';

/** Today where the writer is (the `postmortem.zone` setting, else the machine's zone), as the CLI and Mark done count it. */
export function editorToday(now = Date.now()): string {
  return writerToday(now, editorWriterZone().zone);
}

/**
 * What the core's fixes may offer in the editor: your handle (`postmortem.userName`), the owners
 * the workspace index has seen (once it has started), and the writer's today.
 */
export function editorFixFacts(uri: vscode.Uri, owners: () => readonly string[]): FixFacts {
  const userName = editorSettings(uri).userName;
  return { ...(userName ? { userName } : {}), knownOwners: owners(), today: editorToday() };
}
