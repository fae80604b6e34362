import * as vscode from 'vscode';
import type { ConfigStore } from '../config/configStore';
import { ConvertCommand, type ConvertArgs } from './convertCommand';
import { canRunGit } from './gitLog';
import { importTimeline, type ImportTimelineArgs } from './importTimeline';
import { PreviewDocuments } from './previewDocument';

const IMPORT_TIMELINE_COMMAND = 'postmortem.importTimeline';
const IMPORT_GIT_TIMELINE_COMMAND = 'postmortem.importGitTimeline';
const CONVERT_COMMAND = 'postmortem.convertToStandardFormat';

/**
 * Timeline import and conversion. The git import is registered only where git can run (a Node
 * extension host), and the `postmortem.canRunGit` context key, set only there, shows and enables it.
 * Not `!isWeb`: a browser workbench such as code-server reports isWeb even with a Node extension
 * host that can run git, while vscode.dev never sets the key, so the command never appears there.
 */
export function registerImports(context: vscode.ExtensionContext, config: ConfigStore): void {
  const convert = new ConvertCommand(config);
  context.subscriptions.push(
    convert,
    PreviewDocuments.register(),
    vscode.commands.registerCommand(IMPORT_TIMELINE_COMMAND, (args?: ImportTimelineArgs) => importTimeline(config, args)),
    vscode.commands.registerCommand(CONVERT_COMMAND, (arg?: ConvertArgs | vscode.Uri) => convert.run(arg instanceof vscode.Uri ? { document: arg.toString() } : arg)),
  );
  if (canRunGit()) {
    context.subscriptions.push(vscode.commands.registerCommand(IMPORT_GIT_TIMELINE_COMMAND, (args?: ImportTimelineArgs) => importTimeline(config, args, 'git')));
    void vscode.commands.executeCommand('setContext', 'postmortem.canRunGit', true);
  }
}
