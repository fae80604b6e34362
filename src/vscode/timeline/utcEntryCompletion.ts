import * as vscode from 'vscode';
import { frontMatterEnd } from '../frontMatter/yamlContext';
import type { Recogniser } from '../recogniserType';
import { utcStamp } from './placeEntry';

const MILESTONES = 'detected,acknowledged,escalated,mitigated,resolved,started';

/**
 * `pm-timeline-utc`: a timeline entry stamped with the current UTC time. A contributed snippet
 * cannot do this ($CURRENT_HOUR is local time), so it is a completion item computed when shown.
 */
export class UtcEntryCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly isPostmortem: Recogniser) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    if (!this.isPostmortem(doc) || position.line <= (frontMatterEnd(doc) ?? -1)) return undefined;
    const before = doc.lineAt(position.line).text.slice(0, position.character);
    const m = /^(\s*)([\w-]*)$/.exec(before);
    if (!m) return undefined;
    const item = new vscode.CompletionItem('pm-timeline-utc', vscode.CompletionItemKind.Snippet);
    const stamp = utcStamp(Date.now());
    item.insertText = new vscode.SnippetString(`- ${stamp} [\${1|${MILESTONES}|}] \${2:What the system did or what responders saw}$0`);
    item.range = new vscode.Range(position.line, m[1].length, position.line, position.character);
    item.detail = `Timeline entry at ${stamp} (UTC, now)`;
    item.documentation = new vscode.MarkdownString('A timeline entry stamped with the current time in **UTC**.');
    return [item];
  }
}
