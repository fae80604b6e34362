import * as vscode from 'vscode';
import type { UserConfig } from '../../core/config/config';

/** Settings that only the editor uses (not part of the core's config). */
export interface EditorSettings {
  readonly folder: string;
  readonly userName: string;
  readonly maxFiles: number;
  readonly maxFileSizeBytes: number;
}

/**
 * The `postmortem.*` settings as the lowest config layer; with a `scope` (a file), the values of
 * its workspace folder win over the workspace's and the user's (those settings are resource-scoped).
 * Only values the user actually set are passed on, so the core's defaults (and `.postmortemrc.json`)
 * decide everything else.
 */
export function settingsLayer(scope?: vscode.ConfigurationScope): UserConfig {
  // `null`, not undefined, without a file: "any resource", which resource-scoped settings expect.
  const c = vscode.workspace.getConfiguration('postmortem', scope ?? null);
  const layer: { -readonly [K in keyof UserConfig]: UserConfig[K] } = {};
  const explicit = <T>(key: string): T | undefined => {
    const i = c.inspect<T>(key);
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  };
  layer.globs = explicit<string[]>('globs');
  layer.requiredSections = explicit<string[]>('requiredSections');
  layer.reviewDeadlineHours = explicit<number>('reviewDeadlineHours');
  layer.rules = explicit<UserConfig['rules']>('rules');
  layer.blamelessPhrases = explicit<string[]>('blamelessPhrases');
  layer.requiredApprovals = explicit<number>('requiredApprovals');
  layer.blamelessWarningFrom = explicit<UserConfig['blamelessWarningFrom']>('blamelessWarningFrom');
  layer.defaultDueDays = explicit<number>('defaultDueDays');
  layer.templatesFolder = explicit<string>('templatesFolder');
  layer.redaction = explicit<UserConfig['redaction']>('redaction');
  for (const key of Object.keys(layer) as (keyof UserConfig)[]) if (layer[key] === undefined) delete layer[key];
  return layer;
}

/**
 * `scope` (a workspace folder or file) picks the folder's value of the resource-scoped `folder`
 * setting. The others are window-scoped (package.json declares no scope: one value per window) and
 * are read without a resource: VS Code logs a warning for each read of one for a resource.
 */
export function editorSettings(scope?: vscode.ConfigurationScope): EditorSettings {
  const resource = vscode.workspace.getConfiguration('postmortem', scope ?? null);
  const window = vscode.workspace.getConfiguration('postmortem');
  return {
    folder: resource.get<string>('folder', 'postmortems') || 'postmortems',
    userName: (window.get<string>('userName', '') ?? '').replace(/^@/, '').trim(),
    maxFiles: Math.max(1, window.get<number>('index.maxFiles', 5000)),
    maxFileSizeBytes: Math.max(1, window.get<number>('index.maxFileSizeKB', 1024)) * 1024,
  };
}
