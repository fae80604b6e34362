import * as vscode from 'vscode';
import { isHiddenInCommentProblem, isHiddenItemsProblem, isStrayItemsProblem, type WorkspaceIndex } from '../../core/index';
import { labelText } from '../../core/text/labelText';
import { baseName } from '../recognise';

/**
 * A post-mortem with task items that name an owner or a due date outside its Action items section
 * (typed under another heading, or under an Action items heading an HTML comment hides: trial 12
 * T4). They are not action items, so the view would simply not show them: it lists the file instead,
 * with how many and where, as `postmortem actions` does on its last line. Beside an Action items
 * section that is a note (an info icon; lint's info, `actions` exits 0): a checklist kept elsewhere
 * is fine. Without one the file's action items were not found (a warning icon; `actions` exits 1).
 */
export interface LeftOutFile {
  readonly uri: string;
  /** Workspace-relative path. */
  readonly path: string;
  readonly count: number;
  readonly firstLine: number;
  /** The section titles the items are under ('' for the part before the first section). */
  readonly sections: readonly string[];
  /** The summary's own words: which items, and what comment hides a heading. */
  readonly notes: readonly string[];
  /** The post-mortem has an Action items section: these items are a note, not action items left unread. */
  readonly besideSection: boolean;
  /** Task lines under Action items inside a block quote or an HTML block (actions/hidden-task): not read, a warning. */
  readonly hidden: number;
  /** Lines under Action items meant as items that Markdown reads as plain bullets (`- []`, `- Fix @kim due:…`; actions/not-a-task): not read, a warning. */
  readonly untaken: number;
}

/** The post-mortems with items left out, by path (the same order every time). */
export function leftOutFiles(index: WorkspaceIndex): LeftOutFile[] {
  const files: LeftOutFile[] = [];
  for (const [uri, summary] of index.entries()) {
    const stray = summary.strayActionItems;
    const hidden = summary.hiddenActionItems;
    const untaken = summary.untakenActionItems;
    if (!stray && !hidden && !untaken) continue;
    const firstLine = Math.min(stray?.lines[0] ?? Infinity, hidden?.lines[0] ?? Infinity, untaken?.lines[0] ?? Infinity);
    files.push({
      uri, path: vscode.workspace.asRelativePath(vscode.Uri.parse(uri)), count: stray?.count ?? 0, firstLine: Number.isFinite(firstLine) ? firstLine : 0, sections: stray?.sections ?? [],
      notes: summary.problems.filter((p) => isStrayItemsProblem(p) || isHiddenInCommentProblem(p) || isHiddenItemsProblem(p)),
      // Hidden or untaken lines under Action items were not read: never only a note.
      besideSection: (stray?.besideSection ?? true) && !hidden && !untaken,
      hidden: hidden?.count ?? 0,
      untaken: untaken?.count ?? 0,
    });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** "Not listed": how many items in how many post-mortems, above the groups. */
export function leftOutGroupItem(files: readonly LeftOutFile[]): vscode.TreeItem {
  const items = files.reduce((n, f) => n + f.count, 0);
  const hidden = files.reduce((n, f) => n + f.hidden, 0);
  const untaken = files.reduce((n, f) => n + f.untaken, 0);
  const item = new vscode.TreeItem('Not listed', vscode.TreeItemCollapsibleState.Expanded);
  item.id = 'leftOut';
  item.description = [
    ...(items ? [`${items} task item${items === 1 ? '' : 's'} with an owner or due date outside Action items`] : []),
    ...(hidden ? [`${hidden} task line${hidden === 1 ? '' : 's'} in a quote or HTML block`] : []),
    ...(untaken ? [`${untaken} line${untaken === 1 ? '' : 's'} under Action items with no checkbox or a mistyped one`] : []),
  ].join(', ');
  item.iconPath = noteIcon(files.every((f) => f.besideSection));
  item.tooltip = 'Task items with an owner or a due date that are not under an Action items section (or are under a heading an HTML comment hides), also when typed with a mistyped box (`- []`, `- [ ]Text`), are not action items: they are not listed below, counted in the badge or in the metrics. Beside an Action items section that is a note (a checklist kept elsewhere is fine); in a post-mortem without one, its action items were not found. Task lines under Action items inside a block quote (`> - [ ]`) or an HTML block (`<details>` with no blank line after it) are not read either, nor are lines there with an owner or due date but no checkbox (`- Fix @kim due:…`) or a mistyped one (`- []`, `- [ ]Text`). Lint says each (actions/outside-section, actions/hidden-task, actions/not-a-task, document/comment-hides-content).';
  item.contextValue = 'leftOutGroup';
  return item;
}

/** One post-mortem: its file, how many items and under which sections; clicking opens the first one. */
export function leftOutItem(file: LeftOutFile): vscode.TreeItem {
  const item = new vscode.TreeItem(baseName(vscode.Uri.parse(file.uri)), vscode.TreeItemCollapsibleState.None);
  item.id = `leftOut:${file.uri}`;
  const where = file.sections.map((s) => (s ? `"${labelText(s)}"` : 'the top')).join(', ');
  item.description = [
    ...(file.count ? [`${file.count} task item${file.count === 1 ? '' : 's'} under ${where}, not listed`] : []),
    ...(file.hidden ? [`${file.hidden} task line${file.hidden === 1 ? '' : 's'} in a quote or HTML block, not read`] : []),
    ...(file.untaken ? [`${file.untaken} line${file.untaken === 1 ? '' : 's'} with no checkbox or a mistyped one, not read`] : []),
  ].join('; ');
  item.iconPath = noteIcon(file.besideSection);
  const md = new vscode.MarkdownString(undefined, false);
  md.appendMarkdown('**Not listed** · ').appendText(file.path);
  for (const note of file.notes) md.appendMarkdown('\n\n').appendText(labelText(note));
  item.tooltip = md;
  item.contextValue = 'leftOutFile';
  const uri = vscode.Uri.parse(file.uri);
  const at = new vscode.Range(file.firstLine, 0, file.firstLine, 0);
  item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: at } satisfies vscode.TextDocumentShowOptions] };
  return item;
}

/** An info icon for a note (items beside an Action items section), a warning where the section is missing. */
function noteIcon(note: boolean): vscode.ThemeIcon {
  return note
    ? new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'))
    : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
}
