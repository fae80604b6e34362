import type * as vscode from 'vscode';

/** Where the cursor is inside the front matter, read line by line (works while the YAML is half-typed). */
export interface YamlContext {
  /** Keys of the enclosing mappings, outermost first (`['impact']` inside `impact:`). */
  readonly parents: readonly string[];
  /** The key written on this line, if any. */
  readonly key?: string;
  /** Columns of the key on the line. */
  readonly keyStart: number;
  readonly keyEnd: number;
  /** True when the cursor is on the key (or on a line with only a partial key typed). */
  readonly onKey: boolean;
  /** The line is a `- item` of a list; `parents` ends with the list's key. */
  readonly listItem: boolean;
  /** Column where the value starts (after `key: ` or `- `). */
  readonly valueStart: number;
  readonly indent: number;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w-]*)\s*:(?:\s|$)/;
const LIST_LINE = /^(\s*)-(?:\s|$)/;

/** The front matter's closing line, or undefined when the document has no (closed) front matter. */
export function frontMatterEnd(doc: vscode.TextDocument): number | undefined {
  if (doc.lineCount < 2 || !/^\uFEFF?---[ \t]*$/.test(doc.lineAt(0).text)) return undefined;
  for (let line = 1; line < Math.min(doc.lineCount, 500); line++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(doc.lineAt(line).text)) return line;
  }
  return undefined;
}

export function yamlContextAt(doc: vscode.TextDocument, position: vscode.Position): YamlContext | undefined {
  const end = frontMatterEnd(doc);
  if (end === undefined || position.line < 1 || position.line >= end) return undefined;
  const text = doc.lineAt(position.line).text;
  const indent = text.length - text.trimStart().length;
  const m = KEY_LINE.exec(text);
  const list = LIST_LINE.exec(text);
  const parents = parentKeys(doc, position.line, list && !m?.[2] ? indent + 1 : indent);
  if (m && !(m[2] && list)) {
    const keyStart = m[1].length;
    const keyEnd = keyStart + m[3].length;
    const colon = text.indexOf(':', keyEnd);
    const valueStart = colon + 1 + (text.slice(colon + 1).length - text.slice(colon + 1).trimStart().length);
    return { parents, key: m[3], keyStart, keyEnd, onKey: position.character <= colon, listItem: false, valueStart, indent };
  }
  if (list) {
    const valueStart = list[0].length;
    return { parents, keyStart: valueStart, keyEnd: valueStart, onKey: false, listItem: true, valueStart, indent };
  }
  // A partial key being typed (`sev`): no colon yet.
  return { parents, keyStart: indent, keyEnd: text.length, onKey: true, listItem: false, valueStart: text.length, indent };
}

/** Keys of the lines above with a smaller indent: the mappings (or lists) that contain this line. */
function parentKeys(doc: vscode.TextDocument, line: number, indent: number): string[] {
  const keys: string[] = [];
  let limit = indent;
  for (let l = line - 1; l >= 1 && limit > 0; l--) {
    const text = doc.lineAt(l).text;
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const lineIndent = text.length - text.trimStart().length;
    if (lineIndent >= limit) continue;
    const m = KEY_LINE.exec(text);
    if (m && !m[2]) keys.unshift(m[3]);
    limit = lineIndent;
  }
  return keys;
}
