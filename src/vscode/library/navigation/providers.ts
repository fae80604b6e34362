import * as vscode from 'vscode';
import { openForWrite } from '../../editing/openForWrite';
import { checkWrite } from '../../editing/writeGuard';
import { describeEntry, libraryEntry, renameProblem } from '../../../core/api';
import { indexStateSentence } from '../../index/indexState';
import { rangeOf, type IdResolver } from './idResolver';
import { isLintedUri, notAFileReason } from '../../recognise';

/** Go to Definition on an id in `related` or in text: the `id:` line of the post-mortem that has it. */
export class IdDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly ids: IdResolver) {}

  async provideDefinition(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const at = this.ids.atInFile(doc, position);
    if (!at) return undefined;
    return this.ids.definitions(at.id);
  }
}

/** Find All References: every `id:`, `related` entry and mention of the id in the workspace's post-mortems. */
export class IdReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly ids: IdResolver) {}

  async provideReferences(doc: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[] | undefined> {
    const at = this.ids.atInFile(doc, position);
    if (!at) return undefined;
    const all = await this.ids.everyOccurrence(at.id, doc);
    // Only the files known: said, so a short list is not taken for every reference (trial14b F6).
    const unknown = indexStateSentence(this.ids.indexer.state);
    if (unknown) void vscode.window.showWarningMessage(`References of ${at.id} in the open files only: ${unknown}`);
    return all.filter((o) => context.includeDeclaration || o.place !== 'id').map((o) => new vscode.Location(o.uri, rangeOf(o)));
  }
}

/** Hover on an id: the post-mortem's title, date, severity, duration, open items and summary. */
export class IdHoverProvider implements vscode.HoverProvider {
  constructor(private readonly ids: IdResolver) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const at = this.ids.atInFile(doc, position);
    if (!at || at.place === 'id') return undefined;
    const targets = this.ids.targets(at.id);
    if (!targets.length) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    for (const target of targets) {
      const entry = libraryEntry(target.uri, target.summary);
      md.appendMarkdown('**').appendText(`${at.id} · ${entry.label}`).appendMarkdown('**');
      const line = describeEntry(entry);
      if (line) md.appendMarkdown('\n\n').appendText(line);
      if (target.summary.services.length) md.appendMarkdown('\n\n').appendText(`Services: ${target.summary.services.join(', ')}`);
      if (target.summary.abstract) md.appendMarkdown('\n\n').appendText(target.summary.abstract.length > 500 ? `${target.summary.abstract.slice(0, 499)}…` : target.summary.abstract);
      md.appendMarkdown('\n\n');
    }
    if (targets.length > 1) md.appendText(`${targets.length} post-mortems have this id.`);
    return new vscode.Hover(md, rangeOf(at));
  }
}

/** Rename an id: its `id:` line and every `related` entry and mention, across files, as one edit. */
export class IdRenameProvider implements vscode.RenameProvider {
  constructor(private readonly ids: IdResolver) {}

  prepareRename(doc: vscode.TextDocument, position: vscode.Position): vscode.Range | { range: vscode.Range; placeholder: string } {
    // A rename from the import preview or a git version would edit that view (and the files): refused, with why.
    const view = notAFileReason(doc.uri);
    if (view) throw new Error(`Ids are renamed from the workspace's files: ${view}.`);
    const at = this.ids.at(doc, position);
    if (!at) throw new Error('Place the cursor on a post-mortem id (its `id:`, a `related` entry or a mention) to rename it.');
    return { range: rangeOf(at), placeholder: at.id };
  }

  async provideRenameEdits(doc: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
    const view = notAFileReason(doc.uri);
    if (view) throw new Error(`Ids are renamed from the workspace's files: ${view}.`);
    const at = this.ids.at(doc, position);
    if (!at) return undefined;
    const newId = newName.trim();
    const problem = renameProblem(at.id, newId, this.ids.knownIds());
    if (problem) throw new Error(problem);
    const occurrences = await this.ids.everyOccurrence(at.id, doc);
    // A rename in the files known would leave the others pointing at the old id: refused and said.
    const unknown = indexStateSentence(this.ids.indexer.state);
    if (unknown) throw new Error(`${at.id} was not renamed: ${unknown}`);
    const edit = new vscode.WorkspaceEdit();
    for (const o of occurrences) edit.replace(o.uri, rangeOf(o), newId);
    // VS Code applies a rename to files no editor shows too (and may save them): each is checked.
    for (const [uri] of edit.entries()) {
      const opened = await openForWrite(uri);
      const check = opened.ok ? await checkWrite(opened.doc, [newId]) : opened;
      if (!check.ok) throw new Error(check.message);
    }
    const unread = this.ids.indexer.skipped.size;
    if (unread) void vscode.window.showWarningMessage(`${at.id} is renamed in the post-mortems that were read; ${unread} could not be read (listed under "Not read" in the views) and may still say ${at.id}.`);
    return edit;
  }
}

/** Ctrl+T: post-mortems by title and id. */
export class PostmortemSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly ids: IdResolver) {}

  async provideWorkspaceSymbols(query: string): Promise<vscode.SymbolInformation[]> {
    await this.ids.indexer.ready();
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const result: vscode.SymbolInformation[] = [];
    for (const [uri, summary] of this.ids.indexer.index.entries()) {
      const entry = libraryEntry(uri, summary);
      const name = summary.id ? `${summary.id} ${entry.label}` : entry.label;
      const haystack = name.toLowerCase();
      if (!words.every((w) => haystack.includes(w))) continue;
      result.push(new vscode.SymbolInformation(name, vscode.SymbolKind.File, describeEntry(entry) || 'post-mortem', new vscode.Location(vscode.Uri.parse(uri), new vscode.Position(0, 0))));
    }
    return result;
  }
}

/** Ids in `related` and in text become links to their post-mortem. */
export class IdLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly ids: IdResolver) {}

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    if (!isLintedUri(doc.uri)) return links;
    for (const o of this.ids.occurrences(doc)) {
      if (o.place === 'id') continue;
      const targets = this.ids.targets(o.id);
      if (targets.length !== 1 || targets[0].uri === doc.uri.toString()) continue;
      const link = new vscode.DocumentLink(rangeOf(o), vscode.Uri.parse(targets[0].uri));
      link.tooltip = `Open ${o.id}: ${targets[0].summary.title ?? ''}`.trim();
      links.push(link);
    }
    return links;
  }
}

