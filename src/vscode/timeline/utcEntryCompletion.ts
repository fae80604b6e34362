import * as vscode from 'vscode';
import { frontMatterEnd } from '../frontMatter/yamlContext';
import type { Recogniser } from '../recogniserType';
import { utcStamp } from './placeEntry';

const MILESTONES = 'detected,acknowledged,escalated,mitigated,resolved,started';

/**
 * `pm-timeline` (and its older name `pm-timeline-utc`): a timeline entry stamped with the current
 * UTC time. A contributed snippet cannot do this ($CURRENT_HOUR is local time, and a local stamp is
 * flagged by timeline/not-utc at once), so these are completion items computed when shown. The
 * static snippet with a local time and offset is `pm-timeline-local`.
 */
export class UtcEntryCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly isPostmortem: Recogniser) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    // Cheapest test first: this runs on every word typed in any Markdown file.
    const before = doc.lineAt(position.line).text.slice(0, position.character);
    const m = /^(\s*)([\w-]*)$/.exec(before);
    if (!m || !this.isPostmortem(doc) || position.line <= (frontMatterEnd(doc) ?? -1)) return undefined;
    const stamp = utcStamp(Date.now());
    const range = new vscode.Range(position.line, m[1].length, position.line, position.character);
    return ['pm-timeline', 'pm-timeline-utc'].map((label, i) => {
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(`- ${stamp} [\${1|${MILESTONES}|}] \${2:What the system did or what responders saw}$0`);
      item.range = range;
      item.detail = `Timeline entry at ${stamp} (UTC, now)`;
      item.documentation = new vscode.MarkdownString('A timeline entry stamped with the current time in **UTC**. For your local time with its offset, use `pm-timeline-local`.');
      // The plain prefix first: it is the one the docs and the template teach.
      item.sortText = `pm-timeline-${i}`;
      return item;
    });
  }
}
