import * as vscode from 'vscode';
import { actionSnippetBody } from '../../core/actions/placeholders';
import { addDays } from '../../core/rules/actions/itemEdits';
import { renderPostmortemSnippet } from '../../core/template/newPostmortem';
import { writerToday } from '../../core/time/writerZone';
import { frontMatterEnd } from '../frontMatter/yamlContext';
import type { Recogniser } from '../recogniserType';
import { utcStamp } from '../timeline/placeEntry';
import { editorWriterZone } from '../timeline/writerZone';
import type { SectionId } from '../../core/document/sectionNames';
import { sectionAtLine, snippetSortText } from './snippetRank';

const MILESTONES = 'detected,acknowledged,escalated,mitigated,resolved,started';

interface SnippetDef {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
}

/**
 * The `pm-` snippets as completions that appear while typing. VS Code turns quick suggestions off in
 * Markdown, so contributed snippets only show on Ctrl+Space and a newcomer takes them for broken:
 * this provider answers the `-` of `pm-` in a post-mortem. It also computes what a static snippet
 * cannot: `pm-postmortem` (the shared template with the writer's zone) and `pm-timeline` (now in UTC).
 *
 * The static snippets (snippets/postmortem.code-snippets) stay contributed, for Insert Snippet and
 * Ctrl+Space; so that Ctrl+Space does not list them twice, they come from here only on the `-` trigger.
 */
export class PmSnippetCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['-'];
  private staticSnippets: Promise<SnippetDef[]> | undefined;

  /**
   * `dueDays`: the document's `postmortem.defaultDueDays`, for `pm-action`'s due date;
   * `sectionAliases`: its section names, to rank the snippets by the section the cursor is in.
   */
  constructor(private readonly isPostmortem: Recogniser, private readonly extensionUri: vscode.Uri, private readonly dueDays: (uri: vscode.Uri) => number = () => 14,
    private readonly sectionAliases?: (uri: vscode.Uri) => Readonly<Record<SectionId, readonly string[]>>) {}

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position, _token: vscode.CancellationToken, context: vscode.CompletionContext): Promise<vscode.CompletionItem[] | undefined> {
    // Cheapest test first: this runs on every `-` typed in any Markdown file (list bullets included).
    const before = doc.lineAt(position.line).text.slice(0, position.character);
    const m = /^(\s*)([\w-]*)$/.exec(before);
    if (!m) return undefined;
    const typed = context.triggerKind === vscode.CompletionTriggerKind.TriggerCharacter;
    // A `-` opens the list only after `pm` (a bullet's `-` must not pop anything up).
    if (typed && !/^pm-/i.test(m[2])) return undefined;
    const range = new vscode.Range(position.line, m[1].length, position.line, position.character);
    const end = frontMatterEnd(doc);
    if (end === undefined && this.mayStartPostmortem(doc, position.line)) return [this.templateItem(range)];
    if (!this.isPostmortem(doc) || position.line <= (end ?? -1)) return undefined;
    // Inside an HTML comment (the template's guidance under each heading) a snippet is never content:
    // an action item typed there is not an item and lint does not see it (trial14b F8).
    if (insideHtmlComment(doc, position)) return undefined;
    const items = timelineItems(range);
    if (typed) for (const s of await this.loadStatic()) items.push(s.prefix === 'pm-action' ? this.actionItem(s, doc, range) : staticItem(s, range));
    // The section's own snippets first: under Action items pm-action, not a timeline entry (trial19a F6).
    const section = sectionAtLine((n) => doc.lineAt(n).text, (end ?? -1) + 1, position.line, this.sectionAliases?.(doc.uri));
    for (const item of items) item.sortText = snippetSortText(typeof item.label === 'string' ? item.label : item.label.label, section);
    return items;
  }

  /**
   * `pm-postmortem` starts a document: offered in a file without front matter that is a
   * post-mortem by its path, or holds nothing but the line being typed.
   */
  private mayStartPostmortem(doc: vscode.TextDocument, line: number): boolean {
    if (this.isPostmortem(doc)) return true;
    if (doc.lineCount > 200) return false;
    for (let l = 0; l < doc.lineCount; l++) if (l !== line && doc.lineAt(l).text.trim()) return false;
    return true;
  }

  private templateItem(range: vscode.Range): vscode.CompletionItem {
    const writer = editorWriterZone();
    const item = new vscode.CompletionItem('pm-postmortem', vscode.CompletionItemKind.Snippet);
    item.insertText = new vscode.SnippetString(renderPostmortemSnippet({ now: new Date(), zone: writer.zone }));
    item.range = range;
    item.detail = `A whole post-mortem (draft), timezone: ${writer.zone}`;
    item.documentation = new vscode.MarkdownString(`The template *New Post-mortem* and \`postmortem new\` write: front matter with \`started_at\` now in UTC and \`timezone: ${writer.zone}\` (${writer.source}), every section with a short prompt, one example timeline entry.${writer.notice ? `\n\n${writer.notice}` : ''}`);
    return item;
  }

  /**
   * `pm-action` with the due date a static snippet cannot compute: today where the writer is plus
   * `postmortem.defaultDueDays` (14 by default, as the README says), instead of `YYYY-MM-DD`.
   */
  private actionItem(s: SnippetDef, doc: vscode.TextDocument, range: vscode.Range): vscode.CompletionItem {
    const days = this.dueDays(doc.uri);
    const due = addDays(writerToday(Date.now(), editorWriterZone().zone), days);
    const item = staticItem({ ...s, body: [actionSnippetBody(due)] }, range);
    item.detail = `${s.description} Due ${due} (${days} days from today, postmortem.defaultDueDays).`;
    return item;
  }

  private loadStatic(): Promise<SnippetDef[]> {
    this.staticSnippets ??= readSnippets(vscode.Uri.joinPath(this.extensionUri, 'snippets', 'postmortem.code-snippets'));
    return this.staticSnippets;
  }
}

async function readSnippets(uri: vscode.Uri): Promise<SnippetDef[]> {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as Record<string, SnippetDef>;
    return Object.values(parsed).filter((s) => typeof s.prefix === 'string' && s.prefix.startsWith('pm-') && Array.isArray(s.body));
  } catch {
    return [];
  }
}

/** `pm-timeline` and its older name `pm-timeline-utc`: an entry stamped now in UTC (a static snippet only knows local time). */
function timelineItems(range: vscode.Range): vscode.CompletionItem[] {
  const stamp = utcStamp(Date.now());
  const body = new vscode.SnippetString(`- ${stamp} [\${1|${MILESTONES}|}] \${2:What the system did or what responders saw}$0`);
  const say = {
    'pm-timeline': `A timeline entry stamped now in UTC (${stamp}), the format's standard. For your local time with its offset, use pm-timeline-local.`,
    'pm-timeline-utc': `The same entry as pm-timeline (now in UTC, ${stamp}), under its older name. For your local time with its offset, use pm-timeline-local.`,
  };
  return Object.entries(say).map(([label, documentation], i) => {
    const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Snippet);
    item.insertText = body;
    item.range = range;
    item.detail = i === 0 ? `Timeline entry at ${stamp} (now, UTC)` : `Same as pm-timeline: entry at ${stamp} (now, UTC)`;
    item.documentation = new vscode.MarkdownString(documentation);
    return item;
  });
}

function staticItem(s: SnippetDef, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem(s.prefix, vscode.CompletionItemKind.Snippet);
  item.insertText = new vscode.SnippetString(s.body.join('\n'));
  item.range = range;
  item.detail = s.description;
  item.documentation = new vscode.MarkdownString().appendCodeblock(s.body.join('\n'), 'markdown');
  return item;
}

/** Whether `position` is inside an HTML comment: the last `<!--` before it is not closed before it. */
function insideHtmlComment(doc: vscode.TextDocument, position: vscode.Position): boolean {
  const before = doc.getText(new vscode.Range(new vscode.Position(0, 0), position));
  return before.lastIndexOf('<!--') > before.lastIndexOf('-->');
}
