import type * as vscode from 'vscode';
import type { Diagnostic, Fix } from '../../core/types';

/**
 * The core's fixes of the latest lint of each document, so code actions can find a diagnostic's
 * fixes without linting again. Entries are valid only for the document version they were made for.
 */
export class FixStore {
  private readonly byUri = new Map<string, { version: number; diagnostics: readonly Diagnostic[] }>();

  set(uri: vscode.Uri, version: number, diagnostics: readonly Diagnostic[]): void {
    this.byUri.set(uri.toString(), { version, diagnostics });
  }

  delete(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
  }

  /** All core diagnostics of the document, or undefined when they were made for another version. */
  diagnostics(doc: vscode.TextDocument): readonly Diagnostic[] | undefined {
    const entry = this.byUri.get(doc.uri.toString());
    return entry && entry.version === doc.version ? entry.diagnostics : undefined;
  }

  /**
   * The fixes of the core diagnostic shown as `shown`, matched by code, range and message: two
   * diagnostics of one rule at one place (sections/missing reports each missing section at the H1)
   * are told apart by their message, so each offers its own fixes (trial17b F3: "Insert a "## Response"
   * section" twice, and "## Lessons learned" not insertable alone). VS Code hands code actions copies
   * of the shown diagnostics, so identity cannot be used.
   */
  fixesFor(doc: vscode.TextDocument, shown: vscode.Diagnostic): readonly Fix[] {
    const code = typeof shown.code === 'object' ? String(shown.code.value) : String(shown.code ?? '');
    const r = shown.range;
    const match = this.diagnostics(doc)?.find((d) => d.code === code && d.message === shown.message
      && d.range.start.line === r.start.line && d.range.start.character === r.start.character
      && d.range.end.line === r.end.line && d.range.end.character === r.end.character);
    return match?.fixes ?? [];
  }
}
