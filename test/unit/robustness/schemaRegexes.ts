import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The regular expressions JSON schemas run on user text, for the regex audit: ajv compiles each
 * `pattern` (and `patternProperties` key) of schemas/*.json with the `u` flag, VS Code the ones in
 * package.json's settings; a `format` runs ajv-formats' code, whose regular expressions are found
 * by following the format's definition through the module's own declarations.
 */
export interface SchemaRegex {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

const ROOT = join(__dirname, '..', '..', '..');
const FORMATS_JS = join(ROOT, 'node_modules', 'ajv-formats', 'dist', 'formats.js');

export function schemaFiles(): string[] {
  return [
    ...readdirSync(join(ROOT, 'schemas')).filter((f) => f.endsWith('.json')).map((f) => join('schemas', f)),
    'package.json',
  ];
}

/** Every `pattern` string, `patternProperties` key and `format` name in a JSON document (a walk with an explicit stack). */
export function schemaKeywords(json: unknown): { patterns: string[]; formats: Set<string> } {
  const patterns: string[] = [];
  const formats = new Set<string>();
  const stack: unknown[] = [json];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const x of node) stack.push(x);
      continue;
    }
    const obj = node as Record<string, unknown>;
    if (typeof obj.pattern === 'string') patterns.push(obj.pattern);
    if (typeof obj.format === 'string') formats.add(obj.format);
    if (obj.patternProperties && typeof obj.patternProperties === 'object') for (const key of Object.keys(obj.patternProperties)) patterns.push(key);
    for (const v of Object.values(obj)) stack.push(v);
  }
  return { patterns, formats };
}

/**
 * The regular expression literals a format of ajv-formats' `fullFormats` (the mode `addFormats(ajv)`
 * uses) can run: everything its entry refers to, followed through the module's top-level functions
 * and constants (`date-time` → getDateTime → getTime → TIME, date → DATE, DATE_TIME_SEPARATOR).
 */
export function formatRegexes(format: string): SchemaRegex[] {
  const file = ts.createSourceFile(FORMATS_JS, readFileSync(FORMATS_JS, 'utf8'), ts.ScriptTarget.Latest, true);
  const declarations = new Map<string, ts.Node>();
  let entry: ts.Node | undefined;
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) declarations.set(statement.name.text, statement);
    if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) declarations.set(d.name.text, d);
    // exports.fullFormats = { …, "date-time": fmtDef(…), … }
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.left.getText() === 'exports.fullFormats') {
      const literal = statement.expression.right;
      if (ts.isObjectLiteralExpression(literal)) {
        for (const p of literal.properties) {
          const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
          if (name === format) entry = p;
        }
      }
    }
  }
  if (!entry) throw new Error(`ajv-formats has no format "${format}" in fullFormats`);
  const found: SchemaRegex[] = [];
  const seen = new Set<ts.Node>([entry]);
  const work: ts.Node[] = [entry];
  while (work.length) {
    const node = work.pop() as ts.Node;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText();
        const slash = text.lastIndexOf('/');
        found.push({ where: `ajv-formats "${format}" (formats.js:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1})`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if (ts.isIdentifier(n)) {
        const d = declarations.get(n.text);
        if (d && !seen.has(d)) {
          seen.add(d);
          work.push(d);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
  }
  return found;
}

/** All of them: the schemas' patterns and the regular expressions of the formats they name. */
export function schemaRegexes(): SchemaRegex[] {
  const out: SchemaRegex[] = [];
  const formats = new Set<string>();
  for (const file of schemaFiles()) {
    const { patterns, formats: named } = schemaKeywords(JSON.parse(readFileSync(join(ROOT, file), 'utf8')));
    for (const source of patterns) out.push({ where: `${file} pattern`, source, flags: 'u' });
    // Only schemas/ are compiled by ajv with ajv-formats; package.json's formats are VS Code's.
    if (file.startsWith('schemas')) for (const f of named) formats.add(f);
  }
  for (const f of formats) for (const r of formatRegexes(f)) out.push(r);
  return out;
}
