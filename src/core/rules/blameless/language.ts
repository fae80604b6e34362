import type { Nodes, Root } from 'mdast';
import { walk } from '../../document/mdastUtil';
import type { ResolvedConfig } from '../../config/config';
import type { Rule } from '../../lint/rule';
import { documentPeople } from './personSubject';
import { anchorText, anchorWords, anchorsPerRange, mayMatch, mayMatchWords } from './anchors';
import { blameMatchers, type BlameMatcher } from './phrases';
import { diagramLabelSpans, scanLabels } from './diagramLabels';
import { BEFORE } from './context';

/**
 * Offsets (relative to the section's text) of its prose: mdast `text` nodes, so code, inline code,
 * HTML comments, URLs and the front matter are never scanned. Autolinked URLs are skipped too.
 */
function proseSpans(mdast: Root): [number, number][] {
  const spans: [number, number][] = [];
  walk(mdast, (node: Nodes, parent) => {
    if (node.type !== 'text' || !node.position) return;
    if (parent?.type === 'link' && /^(?:https?:\/\/|www\.|mailto:)/i.test(node.value)) return;
    const start = node.position.start.offset;
    const end = node.position.end.offset;
    if (start !== undefined && end !== undefined) spans.push([start, end]);
  });
  return spans;
}

interface Finding {
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  readonly suggestion: string;
}

/**
 * Findings per section tree, relative to the section's start. The parser's SectionCache hands back
 * the same tree for an unchanged section, so a keystroke re-scans only the edited section.
 */
const memo = new WeakMap<Root, { matchers: unknown; findings: Finding[] }>();

function scanSection(mdast: Root, sectionText: (s: number, e: number) => string, matchers: ReturnType<typeof blameMatchers>, allowed: (m: BlameMatcher) => boolean): Finding[] {
  const cached = memo.get(mdast);
  if (cached && cached.matchers === matchers) return cached.findings;
  const findings: Finding[] = [];
  // Only the matchers the section's words allow (anchors.ts): a prose span is part of the section's
  // text, so a matcher that cannot match the section matches none of its spans. The order is kept
  // (the phrase listed first wins an overlap).
  const live = matchers.filter(allowed);
  for (const [from, to] of proseSpans(mdast)) {
    // The source text, not the node's value: ranges must match the document exactly.
    const source = sectionText(from, to);
    // Overlapping phrases ("their fault" and "fault of") are one finding, the phrase listed first.
    // Which characters a kept finding covers, so each check costs the match's length, not the
    // number of findings so far (that was quadratic in a paragraph of findings): one matcher's
    // matches never overlap, so the checks of all matchers cost at most (matchers × span) steps.
    const taken = new Uint8Array(source.length);
    for (const { re, suggestion, keep } of live) {
      re.lastIndex = 0;
      for (const m of source.matchAll(re)) {
        const s = m.index ?? 0;
        const e = s + m[0].length;
        if (covered(taken, s, e)) continue;
        // The words before it, across inline marks ("**not** human error" is three text nodes): from the section's text.
        if (keep && !keep(sectionText(Math.max(0, from + s - BEFORE), from + s))) continue;
        taken.fill(1, s, e);
        findings.push({ start: from + s, end: from + e, phrase: m[0].replace(/\s+/g, ' '), suggestion });
      }
    }
  }
  memo.set(mdast, { matchers, findings });
  return findings;
}

function covered(taken: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return true;
  return false;
}

const STATUS_ORDER = ['draft', 'in-review', 'published'] as const;

/** Whether blaming wording is a warning at `status`: from `from` on (`never`: always info). */
function isWarning(status: (typeof STATUS_ORDER)[number], from: ResolvedConfig['blamelessWarningFrom']): boolean {
  return from !== 'never' && STATUS_ORDER.indexOf(status) >= STATUS_ORDER.indexOf(from);
}

/**
 * Blameless reviews look for what in the system let an action cause harm, not at who acted. Each
 * blaming phrase gets a finding (listed in Problems) with a blameless way to say it. `blamelessPhrases` adds phrases;
 * with `blamelessPhrasesReplace` they replace the built-in list.
 */
export const blamelessLanguage: Rule = {
  code: 'blameless/language',
  defaultSeverity: 'info',
  description: 'Words that assign blame to people ("human error", "X\'s fault", "Bob forgot to", "the on-call engineer missed", "because of @dana", "caused by @erin", …) are replaced by what in the system made the action possible, in prose and in diagram labels (fishbone causes, fault-tree and flowchart node and edge labels); not flagged: a system as subject ("the job failed to start", "our tests should have caught this", "the Postgres operator failed to …"), a denial ("it was not human error", "Maria missed nothing"), and "did not" before anything but a verb of omission ("did not receive the page", "did not have access"; "did not check" is flagged). On the labelled sentences of test/fixtures/blameless/sentences.txt, recall 92% (49 of the 53 sentences that point at a person are flagged) and precision 96% (49 of the 51 flagged sentences point at a person). Info while drafting, a warning from `in-review` on (`blamelessWarningFrom`).',
  check(ctx) {
    const { doc } = ctx;
    const matchers = blameMatchers(ctx.config.blamelessPhrases, ctx.config.blamelessPhrasesReplace, documentPeople(doc.meta));
    const severity = isWarning(ctx.status, ctx.config.blamelessWarningFrom) ? 'warning' : 'info';
    if (matchers.length === 0) return;
    // Which anchor words each section holds, from one search per word over the document (anchors.ts).
    const ranges = doc.sections.map((s) => { const start = doc.lines.lineStart(s.startLine); return [start, start + s.text.length] as const; });
    const present = anchorsPerRange(doc.text, ranges, anchorWords(matchers));
    doc.sections.forEach((section, k) => {
      // Raw text first: a phrase found in prose is also in the raw text, so a section without any
      // match needs no Markdown tree at all (most sections; trees are parsed lazily).
      // Only the patterns whose anchor words the section holds are run (anchors.ts).
      const words = present?.[k];
      const lower = words ? undefined : anchorText(section.text);
      const allowed = (m: BlameMatcher) => (words ? mayMatchWords(m, words) : mayMatch(m, lower!));
      if (!matchers.some((m) => allowed(m) && ((m.re.lastIndex = 0), m.re.test(section.text)))) return;
      const base = doc.lines.lineStart(section.startLine);
      for (const f of scanSection(section.mdast, (s, e) => doc.text.slice(base + s, base + e), matchers, allowed)) {
        ctx.report({
          range: doc.lines.rangeOf(base + f.start, base + f.end),
          severity,
          message: `Expected blameless wording: "${f.phrase}" points at a person; instead, ${f.suggestion}`,
        });
      }
    });
    // Diagram labels (fishbone causes, fault-tree events): code to Markdown, prose to the reader.
    for (const f of scanLabels(doc.text, diagramLabelSpans(doc.text, doc.lines), matchers)) {
      ctx.report({
        range: doc.lines.rangeOf(f.start, f.end),
        severity,
        message: `Expected blameless wording in a diagram label: "${f.phrase}" points at a person; instead, ${f.suggestion}`,
      });
    }
  },
};
