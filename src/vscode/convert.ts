import * as vscode from 'vscode';
import type { Diagnostic, Position, Range, Severity, TextEdit } from '../core/types';

/** Core positions are LSP-style (zero-based, UTF-16), so conversion is 1:1. */
export function toPosition(p: Position): vscode.Position {
  return new vscode.Position(p.line, p.character);
}

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(toPosition(r.start), toPosition(r.end));
}

export function fromPosition(p: vscode.Position): Position {
  return { line: p.line, character: p.character };
}

export function fromRange(r: vscode.Range): Range {
  return { start: fromPosition(r.start), end: fromPosition(r.end) };
}

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'postmortem';

export function toDiagnostic(d: Diagnostic, uri: vscode.Uri): vscode.Diagnostic {
  const result = new vscode.Diagnostic(toRange(d.range), d.message, SEVERITIES[d.severity]);
  result.source = DIAGNOSTIC_SOURCE;
  result.code = d.code;
  if (d.related?.length) {
    result.relatedInformation = d.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(r.range)), r.message));
  }
  return result;
}

export function toTextEdit(e: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(e.range), e.newText);
}
