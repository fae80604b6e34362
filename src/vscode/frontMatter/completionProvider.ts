import * as vscode from 'vscode';
import { schemaNodeAt } from '../../core/schema/validator';
import { formatIsoUtc } from '../../core/time/zones';
import type { Recogniser } from '../recogniserType';
import { frontMatterEnd, yamlContextAt } from './yamlContext';

/** What the workspace knows that completion can offer. */
export interface CompletionFacts {
  owners(): readonly string[];
  knownIds(): ReadonlySet<string> | undefined;
  /** The contributing-factor vocabulary of the document's folder (`factors:`). */
  factors?(doc: vscode.TextDocument): readonly { readonly id: string; readonly description: string }[];
}

const PEOPLE_KEYS = new Set(['facilitator', 'authors', 'participants']);

/**
 * Front-matter completion: keys from the schema (with descriptions), enum values (severity,
 * status), owners seen elsewhere in the workspace for people fields, known ids for `related`, and
 * the current time in UTC for `*_at` fields.
 */
export class FrontMatterCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = [':', ' ', '-'];

  constructor(private readonly isPostmortem: Recogniser, private readonly facts: CompletionFacts) {}

  provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
    // The position test first: it is cheap, and most triggers (a space typed in prose) end there.
    const ctx = yamlContextAt(doc, position);
    if (!ctx || !this.isPostmortem(doc)) return undefined;
    const line = position.line;
    if (ctx.onKey && !ctx.listItem) {
      const node = schemaNodeAt(ctx.parents);
      if (!node?.properties) return undefined;
      const present = existingKeys(doc, ctx.indent);
      const range = new vscode.Range(line, ctx.keyStart, line, Math.max(position.character, ctx.keyStart));
      return Object.entries(node.properties)
        .filter(([key]) => !present.has(key) || key === ctx.key)
        .map(([key, child], i) => {
          const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
          item.insertText = ctx.key === key ? key : `${key}: `;
          item.range = ctx.key === key ? new vscode.Range(line, ctx.keyStart, line, ctx.keyEnd) : range;
          item.documentation = child.description ? new vscode.MarkdownString(child.description) : undefined;
          item.sortText = String(i).padStart(3, '0');
          if (ctx.key !== key && (child.enum || key.endsWith('_at'))) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
          return item;
        });
    }
    if (position.character < ctx.valueStart) return undefined;
    const valueRange = new vscode.Range(line, ctx.valueStart, line, Math.max(position.character, ctx.valueStart));
    const key = ctx.listItem ? ctx.parents[ctx.parents.length - 1] : ctx.key;
    if (!key) return undefined;
    const path = ctx.listItem ? ctx.parents : [...ctx.parents, key];
    const items: vscode.CompletionItem[] = [];
    const node = schemaNodeAt(path);
    for (const value of node?.enum ?? (node?.const !== undefined ? [node.const] : [])) {
      const item = new vscode.CompletionItem(String(value), vscode.CompletionItemKind.EnumMember);
      item.range = valueRange;
      items.push(item);
    }
    if (key.endsWith('_at') && !ctx.listItem) {
      const now = formatIsoUtc(Date.now());
      const item = new vscode.CompletionItem({ label: 'now', description: `${now} (UTC)` }, vscode.CompletionItemKind.Value);
      item.insertText = now;
      item.filterText = `now ${now}`;
      item.range = valueRange;
      item.detail = 'The current time in UTC';
      item.preselect = true;
      items.push(item);
    }
    if (PEOPLE_KEYS.has(key)) {
      for (const owner of this.facts.owners()) {
        const item = new vscode.CompletionItem(owner, vscode.CompletionItemKind.User);
        item.detail = 'Action-item owner in this workspace';
        item.range = valueRange;
        items.push(item);
      }
    }
    if (key === 'related') {
      for (const id of this.facts.knownIds() ?? []) {
        const item = new vscode.CompletionItem(id, vscode.CompletionItemKind.Reference);
        item.detail = 'Post-mortem in this workspace';
        item.range = valueRange;
        items.push(item);
      }
    }
    if (key === 'factors') {
      this.facts.factors?.(doc).forEach((factor, i) => {
        const item = new vscode.CompletionItem({ label: factor.id, description: factor.description }, vscode.CompletionItemKind.EnumMember);
        item.documentation = factor.description;
        item.range = valueRange;
        item.sortText = String(i).padStart(3, '0');
        items.push(item);
      });
    }
    return items;
  }
}

/** Keys already written at this indentation (only top level is checked exactly; nested levels are rare). */
function existingKeys(doc: vscode.TextDocument, indent: number): Set<string> {
  const keys = new Set<string>();
  const end = frontMatterEnd(doc) ?? 0;
  for (let l = 1; l < end; l++) {
    const m = /^(\s*)([A-Za-z_][\w-]*)\s*:/.exec(doc.lineAt(l).text);
    if (m && m[1].length === indent) keys.add(m[2]);
  }
  return keys;
}
