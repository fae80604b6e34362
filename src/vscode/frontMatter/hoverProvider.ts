import * as vscode from 'vscode';
import { schemaNodeAt } from '../../core/schema/validator';
import type { Recogniser } from '../recogniserType';
import { yamlContextAt } from './yamlContext';

/** Hover on a front-matter key: the schema's description and, for enums, the allowed values. */
export class FrontMatterHoverProvider implements vscode.HoverProvider {
  constructor(private readonly isPostmortem: Recogniser) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const ctx = yamlContextAt(doc, position);
    if (!ctx?.key || position.character < ctx.keyStart || !this.isPostmortem(doc)) return undefined;
    const path = [...ctx.parents, ctx.key];
    const node = schemaNodeAt(path);
    if (!node?.description) return undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${path.join('.')}**\n\n${node.description}`);
    const values = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
    if (values) md.appendMarkdown(`\n\nOne of: ${values.map((v) => `\`${String(v)}\``).join(', ')}`);
    return new vscode.Hover(md, new vscode.Range(position.line, ctx.keyStart, position.line, ctx.keyEnd));
  }
}
