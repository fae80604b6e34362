import type { Rule } from '../../lint/rule';
import type { PostmortemDocument } from '../../document/model';
import { findSensitive } from '../../redaction/scan';
import { KIND_INFO, placeholder, type RedactionFinding, type RedactionKind } from '../../redaction/kinds';
import type { RedactionSettings } from '../../redaction/config';
import type { TextEdit } from '../../types';
import { frontMatterScalarAt } from './frontMatterScalar';

/**
 * One scan per document and settings, shared by every `redaction/*` rule: the kinds are found
 * together (overlaps resolved once) and each rule reports its own.
 */
const scans = new WeakMap<PostmortemDocument, { settings: RedactionSettings; findings: RedactionFinding[] }>();

function findingsOf(doc: PostmortemDocument, settings: RedactionSettings): RedactionFinding[] {
  const cached = scans.get(doc);
  if (cached && cached.settings === settings) return cached.findings;
  const findings = findSensitive(doc.text, settings);
  scans.set(doc, { settings, findings });
  return findings;
}

/**
 * A rule reporting one kind of sensitive value, anywhere in the file: prose, code blocks (logs are
 * pasted there), comments and the front matter are all committed and shared alike. The "Redact" fix
 * replaces the value with a typed placeholder and is safe to apply unattended.
 */
/**
 * Kinds found by shape alone, where a version number (`OpenSSL 3.0.2.1`), a metric or a ticket
 * number can look the same: their Redact fix is offered, never applied by `lint --fix` or Fix All.
 */
const GUESSED: ReadonlySet<RedactionKind> = new Set(['ip-address', 'phone']);

export function redactionRule(kind: RedactionKind, description: string, advice: string): Rule {
  const info = KIND_INFO[kind];
  return {
    code: `redaction/${kind}`,
    defaultSeverity: info.category === 'secret' ? 'error' : 'warning',
    description,
    check(ctx) {
      for (const f of findingsOf(ctx.doc, ctx.config.redaction)) {
        if (f.kind !== kind) continue;
        const range = ctx.doc.lines.rangeOf(f.start, f.end);
        const label = kind === 'team-pattern' ? `a value matching the team pattern "${f.label}"` : info.noun;
        ctx.report({
          range,
          message: `Expected no ${info.category === 'secret' ? 'secrets' : 'personal data'} in a post-mortem, found ${label}; ${advice}`,
          fixes: [{ title: `Redact (replace with ${placeholder(f.label)})`, edits: [redactEdit(ctx.doc, f)], isPreferred: !GUESSED.has(kind) }],
        });
      }
    },
  };
}

/**
 * The Redact edit. In prose, code and comments the placeholder replaces the value as it is. In the
 * front matter it is written so the YAML value stays the scalar it was (trial18a F1: `title: ghp_…`
 * became `title: [redacted: github-token]`, a list): inside quotes it is escaped as those quotes
 * need; a plain (unquoted) scalar is written double-quoted, whole, since `[` at its start makes a
 * list and the placeholder's `: ` inside it a mapping. Line breaks of a multi-line plain scalar stay:
 * a double-quoted scalar folds them the same way.
 */
function redactEdit(doc: PostmortemDocument, f: RedactionFinding): TextEdit {
  const text = placeholder(f.label);
  const lines = doc.lines;
  const scalar = frontMatterScalarAt(doc, f.start, f.end);
  if (!scalar) return { range: lines.rangeOf(f.start, f.end), newText: text };
  switch (scalar.type) {
    case 'QUOTE_DOUBLE':
      return { range: lines.rangeOf(f.start, f.end), newText: escapeDoubleQuoted(text) };
    case 'QUOTE_SINGLE':
      return { range: lines.rangeOf(f.start, f.end), newText: text.replace(/'/g, "''") };
    case 'PLAIN': {
      const source = doc.text.slice(scalar.start, scalar.end);
      const replaced = source.slice(0, f.start - scalar.start) + text + source.slice(f.end - scalar.start);
      return { range: lines.rangeOf(scalar.start, scalar.end), newText: `"${escapeDoubleQuoted(replaced)}"` };
    }
    default:
      // A block scalar (`|`, `>`) holds any text on its lines.
      return { range: lines.rangeOf(f.start, f.end), newText: text };
  }
}

/** Text as the inside of a YAML double-quoted scalar: `\` and `"` escaped (line breaks fold as in a plain scalar). */
function escapeDoubleQuoted(text: string): string {
  return text.replace(/[\\"]/g, (c) => `\\${c}`);
}
