import type { FileReport } from './report';

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
  })));
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toJsonDiagnostics(reports), null, 2)}\n`;
}
