import type { Rule } from '../../lint/rule';
import type { PostmortemDocument } from '../../document/model';
import { findSensitive } from '../../redaction/scan';
import { KIND_INFO, placeholder, type RedactionFinding, type RedactionKind } from '../../redaction/kinds';
import type { RedactionSettings } from '../../redaction/config';

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
          fixes: [{ title: `Redact (replace with ${placeholder(f.label)})`, edits: [{ range, newText: placeholder(f.label) }], isPreferred: !GUESSED.has(kind) }],
        });
      }
    },
  };
}
