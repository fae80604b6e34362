import * as vscode from 'vscode';
import { pickWriterZone, runtimeZone, type WriterZone } from '../../core/time/writerZone';

const SETTING = 'postmortem.zone';

/**
 * The writer's zone in the editor: the `postmortem.zone` setting when it names a zone, else the
 * zone of the extension host (the machine's, or `TZ` for the Node host; the browser's on the web).
 * The setting is the person's, window-scoped (one per window, not per folder): read without a
 * resource, as VS Code expects; with one it logged "Accessing a window scoped configuration for a
 * resource is not expected" on every read (trial14b F8).
 */
export function editorWriterZone(): WriterZone {
  const configured = vscode.workspace.getConfiguration('postmortem').get<string>('zone', '');
  return pickWriterZone({
    configured,
    configuredName: `the ${SETTING} setting`,
    machine: runtimeZone(),
    howToSet: `set ${SETTING} to your zone (like Europe/Berlin)`,
  });
}

/** Shows the zone's notice (a fallback or a UTC machine) without blocking the caller; the button opens the setting. */
export function showWriterZoneNotice(writer: WriterZone): void {
  if (!writer.notice) return;
  const open = `Set ${SETTING}`;
  void vscode.window.showInformationMessage(`Post-mortem: ${writer.notice}`, open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', SETTING);
  });
}
