import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import { parsePostmortem } from '../../../src/core/document/parse';
import { lintText } from '../../../src/core/lint/engine';
import type { RuleContext } from '../../../src/core/lint/rule';
import { blamelessLanguage } from '../../../src/core/rules/blameless/language';

/**
 * Issue 9: each blaming phrase found in a prose span was checked against every phrase kept before
 * it in that span (overlapping phrases are one finding), so a paragraph of N findings cost N²/2
 * checks: 100 KB of "lazy, sloppy." (14,000 findings) took 31× the time of 10 KB, 300 KB ~280×.
 */
const HEAD = '---\ntype: postmortem\ntitle: Many findings\nstatus: draft\n---\n\n# Many findings\n\n## Summary\n\n';

function paragraph(unit: string, size: number): string {
  return HEAD + unit.repeat(Math.max(1, Math.round(size / unit.length))) + '\n';
}

const found = (text: string) => lintText(text, { rules: [blamelessLanguage] }).diagnostics.map((d) => d.message.match(/"([^"]*)"/)?.[1]);

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU time of the rule alone (the Markdown trees are parsed before the clock starts), best of three. */
function ruleTime(text: string): { ms: number; findings: number } {
  let best = Infinity;
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const doc = parsePostmortem(text, {});
    for (const s of doc.sections) void s.mdast;
    let n = 0;
    const ctx: RuleContext = { doc, config: DEFAULT_CONFIG, now: new Date(0), status: 'draft', report: () => void n++ };
    const t0 = cpuMs();
    blamelessLanguage.check(ctx);
    best = Math.min(best, cpuMs() - t0);
    findings = n;
  }
  return { ms: best, findings };
}

describe('blameless/language with many findings in one paragraph', () => {
  it('reports each phrase once; of overlapping phrases the one listed first', () => {
    // "their fault of" holds "their fault" and "fault of": one finding, "their fault" (listed first).
    assert.deepEqual(found(paragraph('human error, their fault of it, careless. ', 120)), ['human error', 'their fault', 'careless', 'human error', 'their fault', 'careless', 'human error', 'their fault', 'careless']);
    // "Dana's fault of" holds "…'s fault" and "fault of"; "his fault" alone; nothing left out or doubled.
    assert.deepEqual(found(paragraph("Dana's fault of timing. His fault. ", 70)), ["Dana's fault", 'His fault', "Dana's fault", 'His fault']);
  });

  it('grows linearly in CPU time with the number of findings (×30 findings: at most ×90 time)', function () {
    this.timeout(600_000);
    // Under MAX_PARAGRAPH_CHARS (200,000): a longer paragraph is not given to the Markdown reader at all.
    const small = ruleTime(paragraph('lazy, sloppy. ', 6_020));
    const large = ruleTime(paragraph('lazy, sloppy. ', 180_600));
    assert.ok(large.findings >= 30 * small.findings - 2, `findings ${small.findings} → ${large.findings}`);
    // A 2 ms floor: at 10 KB the rule takes a few ms and one GC pause must not decide.
    assert.ok(large.ms < 90 * Math.max(small.ms, 2), `super-linear: ${small.findings} findings ${small.ms.toFixed(1)} ms, ${large.findings} findings ${large.ms.toFixed(1)} ms`);
  });
});
