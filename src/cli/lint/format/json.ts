import type { Fix, TextEdit } from '../../../core/types';
import type { FileReport } from './report';

/** One edit of a fix, 1-based like the diagnostic's position. */
export interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  newText: string;
}

/**
 * A fix offered for a diagnostic. `preferred` fixes are the ones `--fix` applies. A fix with
 * `choice` needs a value first (an owner, a date): its edits hold `choice.placeholder` where the value
 * goes, and `choice.values` lists the suggested ones.
 */
export interface JsonFix {
  title: string;
  preferred: boolean;
  edits: JsonEdit[];
  choice?: { kind: string; prompt: string; values: string[]; placeholder: string };
}

/** One object per diagnostic, 1-based lines and columns (columns in UTF-16 code units, like editors). */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  fixes: JsonFix[];
}

function jsonEdit(e: TextEdit): JsonEdit {
  return { line: e.range.start.line + 1, column: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1, newText: e.newText };
}

function jsonFix(f: Fix): JsonFix {
  return {
    title: f.title,
    preferred: f.isPreferred === true,
    edits: f.edits.map(jsonEdit),
    ...(f.input ? { choice: { kind: f.input.kind, prompt: f.input.prompt, values: [...f.input.choices], placeholder: f.input.placeholder } } : {}),
  };
}

export function toJsonDiagnostics(reports: readonly FileReport[]): JsonDiagnostic[] {
  return reports.flatMap((r) => r.diagnostics.map((d) => ({
    file: r.display,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    fixes: (d.fixes ?? []).map(jsonFix),
  })));
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toJsonDiagnostics(reports), null, 2)}\n`;
}
