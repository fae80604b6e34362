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
 * The `postmortem.*` settings as the lowest config layer. Only values the user actually set are
 * passed on, so the core's defaults (and `.postmortemrc.json`) decide everything else.
 */
export function settingsLayer(scope?: vscode.ConfigurationScope): UserConfig {
  const c = vscode.workspace.getConfiguration('postmortem', scope);
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
  for (const key of Object.keys(layer) as (keyof UserConfig)[]) if (layer[key] === undefined) delete layer[key];
  return layer;
}

export function editorSettings(): EditorSettings {
  const c = vscode.workspace.getConfiguration('postmortem');
  return {
    folder: c.get<string>('folder', 'postmortems') || 'postmortems',
    userName: (c.get<string>('userName', '') ?? '').replace(/^@/, '').trim(),
    maxFiles: Math.max(1, c.get<number>('index.maxFiles', 5000)),
    maxFileSizeBytes: Math.max(1, c.get<number>('index.maxFileSizeKB', 1024)) * 1024,
  };
}
