import * as vscode from 'vscode';
import type { ResolvedConfig } from '../../core/config/config';
import { fixAll } from '../../core/fix/fixAll';
import type { DocumentFiles } from '../../core/links/workspaceFiles';
import { editorWriterZone } from '../timeline/writerZone';
import { minimalReplacement } from './minimalEdit';

/** The edit that applies every preferred fix of the document (undefined when nothing to fix), and how many were fixed. */
export function fixAllEdit(doc: vscode.TextDocument, config: ResolvedConfig, knownIds?: ReadonlySet<string>, files?: DocumentFiles): { edit: vscode.WorkspaceEdit; count: number } | undefined {
  const before = doc.getText();
  const result = fixAll(before, { config, now: new Date(), writerZone: editorWriterZone(doc.uri).zone, files, ...(knownIds ? { workspace: { knownIds } } : {}) });
  const change = minimalReplacement(before, result.text);
  if (!change) return undefined;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.newText);
  const count = Object.values(result.fixed).reduce((a, b) => a + b, 0);
  return { edit, count };
}
