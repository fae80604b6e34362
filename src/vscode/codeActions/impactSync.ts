import * as vscode from 'vscode';
import type { ResolvedConfig } from '../../core/config/config';
import { parsePostmortem } from '../../core/document/parse';
import { fillFrontMatterFromTable, tableFromFrontMatter } from '../../core/rules/impact/impactFixes';
import { toTextEdit } from '../convert';

/** Lines where the impact numbers live: a heading naming impact, or the front matter's `impact:` key. */
const IMPACT_LINE = /^(?:#{1,6}\s.*\bimpact\b|\s*impact\s*:)/i;

/**
 * "Write the numbers once": on the Impact heading or the `impact:` key, offer to copy the Impact
 * table's numbers into the front matter, or the front matter's into a new Impact table. Only those
 * lines are looked at, so moving the cursor elsewhere costs nothing.
 */
export function impactSyncActions(doc: vscode.TextDocument, range: vscode.Range, sectionAliases: ResolvedConfig['sectionAliases']): vscode.CodeAction[] {
  if (range.start.line !== range.end.line || !IMPACT_LINE.test(doc.lineAt(range.start.line).text)) return [];
  const parsed = parsePostmortem(doc.getText(), { sectionAliases });
  const actions: vscode.CodeAction[] = [];
  for (const fix of [fillFrontMatterFromTable(parsed), tableFromFrontMatter(parsed)]) {
    if (!fix) continue;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.RefactorRewrite);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(doc.uri, fix.edits.map(toTextEdit));
    actions.push(action);
  }
  return actions;
}
