import type { Fix, TextEdit } from '../../../core/types';
import type { FileReport } from './report';
import type { PlainDiagnostic } from '../lintOne';

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
  return reports.flatMap((r) => r.diagnostics.map((d) => toJsonDiagnostic(r.display, d)));
}

function toJsonDiagnostic(file: string, d: PlainDiagnostic): JsonDiagnostic {
  return {
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    fixes: (d.fixes ?? []).map(jsonFix),
  };
}

/**
 * One file's diagnostics as they appear in `--format json`'s array: each element as
 * `JSON.stringify(array, null, 2)` writes it (indented one level), joined by `,\n`; '' for none.
 * Made where the file is linted (on a worker thread, in parallel), so that the main thread only joins
 * them at the end: the 12 MB of JSON for 2,000 post-mortems were formatted on one thread after every
 * worker had finished.
 */
export function jsonElements(file: string, diagnostics: readonly PlainDiagnostic[]): string {
  if (diagnostics.length === 0) return '';
  // The array's own layout without its brackets: "[\n" + elements + "\n]".
  return JSON.stringify(diagnostics.map((d) => toJsonDiagnostic(file, d)), null, 2).slice(2, -2);
}

/** The same text as `JSON.stringify(toJsonDiagnostics(reports), null, 2)`, from each report's own elements when it carries them. */
export function formatJson(reports: readonly FileReport[]): string {
  return [...formatJsonPieces(reports)].join('');
}

/** Pieces of a joined JSON text larger than this are handed out on their own (see formatJsonPieces). */
const PIECE_CHARS = 256 * 1024;

/**
 * formatJson's text in pieces of about PIECE_CHARS, to be written one after the other: the whole of
 * it for 2,000 post-mortems is 12 MB, which as one string was copied twice more (joined, then
 * encoded) after every file had been linted.
 */
export function* formatJsonPieces(reports: readonly FileReport[]): Generator<string> {
  let pending: string[] = [];
  let pendingChars = 0;
  let first = true;
  for (const r of reports) {
    const elements = r.jsonElements ?? jsonElements(r.display, r.diagnostics);
    if (elements === '') continue;
    pending.push(first ? `[\n${elements}` : `,\n${elements}`);
    first = false;
    pendingChars += elements.length;
    if (pendingChars >= PIECE_CHARS) {
      yield pending.join('');
      pending = [];
      pendingChars = 0;
    }
  }
  if (first) {
    yield '[]\n';
    return;
  }
  pending.push('\n]\n');
  yield pending.join('');
}
