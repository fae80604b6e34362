import type { Rule } from '../../../core/lint/rule';
import type { Fix, Severity } from '../../../core/types';
import type { FileReport } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifTool {
  readonly name: string;
  readonly version: string;
  readonly informationUri?: string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule code (and sub-code) in tool.driver.rules with its
 * description, results pointing at files relative to the repository root (`%SRCROOT%`). Each result's
 * ready-to-apply fixes go in `fixes` (artifactChanges → replacements); a fix that needs a choice
 * first (an owner, a date) is not one SARIF can carry, so it is left out.
 */
export function toSarif(reports: readonly FileReport[], rules: readonly Rule[], tool: SarifTool, rootUri: string) {
  const descriptors: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string }; helpUri?: string }[] = [];
  const indexOf = new Map<string, number>();
  const addRule = (id: string, description: string, severity: Severity) => {
    if (indexOf.has(id)) return;
    indexOf.set(id, descriptors.length);
    descriptors.push({
      id, shortDescription: { text: description }, defaultConfiguration: { level: LEVEL[severity] },
      ...(tool.informationUri ? { helpUri: `${tool.informationUri}/blob/main/docs/rules.md` } : {}),
    });
  };
  for (const rule of rules) for (const code of [rule.code, ...(rule.subCodes ?? [])]) addRule(code, rule.description, rule.defaultSeverity);
  const results = reports.flatMap((r) => r.diagnostics.map((d) => {
    if (!indexOf.has(d.code)) addRule(d.code, describeUnknown(d.code, rules), d.severity);
    const fixes = (d.fixes ?? []).filter((f) => !f.input && f.edits.length > 0).map((f) => sarifFix(f, r.rel));
    return {
      ruleId: d.code,
      ruleIndex: indexOf.get(d.code)!,
      level: LEVEL[d.severity],
      message: { text: d.message },
      ...(fixes.length ? { fixes } : {}),
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: encodeURI(r.rel), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
        },
      }],
    };
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: tool.name, version: tool.version, semanticVersion: tool.version, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), rules: descriptors } },
      originalUriBaseIds: { '%SRCROOT%': { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

/** A SARIF fix: one artifact change with a replacement per edit (an empty region is an insertion point). */
function sarifFix(fix: Fix, rel: string) {
  return {
    description: { text: fix.title },
    artifactChanges: [{
      artifactLocation: { uri: encodeURI(rel), uriBaseId: '%SRCROOT%' },
      replacements: fix.edits.map((e) => ({
        deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
        insertedContent: { text: e.newText },
      })),
    }],
    ...(fix.isPreferred ? { properties: { preferred: true } } : {}),
  };
}

/** A code no rule declares (e.g. `internal/rule-error`): borrow the description of the rule it is a sub-code of. */
function describeUnknown(code: string, rules: readonly Rule[]): string {
  if (code === 'internal/rule-error') return 'A rule failed on this file (a bug in postmortem; please report it).';
  const parent = rules.find((r) => code.startsWith(`${r.code}/`));
  return parent?.description ?? code;
}

export function formatSarif(...args: Parameters<typeof toSarif>): string {
  return `${JSON.stringify(toSarif(...args), null, 2)}\n`;
}
