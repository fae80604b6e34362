import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fta from '../../../src/cli/commands/fta';
import { newFaultTreeTemplate } from '../../../src/core/diagrams/faultTree/model';
import { printFaultTree } from '../../../src/core/diagrams/faultTree/print';
import { lintText } from '../../../src/core/lint/engine';
import { builtinTemplateSource } from '../../../src/core/template/builtinSource';
import { FIVE_WHYS_QUESTIONS, fiveWhysTemplateLines, isFaultTreePlaceholder, isUnansweredWhy } from '../../../src/core/template/placeholders';
import { renderBuiltinTemplate } from './builtinTemplate';

const NOW = new Date('2026-12-07T03:00:00Z');
const lint = (text: string) => lintText(text, { now: NOW }).diagnostics;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

/** trial14b F5: the template's placeholders passed as content. */
describe('template placeholders are placeholders to lint (one list, shared with the templates)', () => {
  it('the built-in template writes its five whys from the shared list', () => {
    assert.ok(builtinTemplateSource().includes(`### Five whys\n\n${fiveWhysTemplateLines().join('\n')}\n`));
    assert.equal(fiveWhysTemplateLines()[0], '1. Why did the incident happen? …');
    assert.equal(FIVE_WHYS_QUESTIONS.length, 5);
  });

  it('a question with nothing after it is unanswered; one with an answer is not', () => {
    for (const t of ['Why did that happen? …', 'Why did that happen?', '  why did  that happen? ...', 'Why did the incident happen? ___']) assert.equal(isUnansweredWhy(t), true, t);
    for (const t of ['Why did that happen? The pool was exhausted.', 'The pool was exhausted', 'Why did that happen? … because the pool was full', '']) assert.equal(isUnansweredWhy(t), false, t);
  });

  it('published with the template\'s whys unanswered: Root cause analysis is empty and the five whys count 0 answers', () => {
    const text = renderBuiltinTemplate('published');
    const ds = lint(text);
    const empty = ds.filter((d) => d.code === 'sections/empty').map((d) => d.message);
    assert.ok(empty.includes('Expected content in "Root cause analysis" once status is published; it has only headings or placeholders (the five whys are still the template\'s unanswered questions)'), empty.join('\n'));
    const shallow = ds.filter((d) => d.code === 'analysis/five-whys-shallow');
    assert.equal(shallow.length, 1);
    assert.equal(shallow[0].message, 'Expected at least 5 answers in the five whys (a numbered list), found 0 (5 are still the template\'s unanswered questions, like "Why did that happen? …"): keep asking "why" until you reach something in the system you can change');
    assert.equal(shallow[0].range.start.line, lineOf(text, '### Five whys'));
  });

  it('answered whys count, and the section has content', () => {
    const text = renderBuiltinTemplate('published')
      .replace('1. Why did the incident happen? …', '1. Why did the incident happen? The connection pool was exhausted.')
      .replace('2. Why did that happen? …', '2. Retries tripled the load.');
    const ds = lint(text);
    assert.ok(!ds.some((d) => d.code === 'sections/empty' && d.message.includes('Root cause analysis')));
    const shallow = ds.find((d) => d.code === 'analysis/five-whys-shallow');
    assert.match(shallow?.message ?? '', /found 2 \(3 are still the template's unanswered questions/);
    const five = lint(renderBuiltinTemplate('published').replace(/\n(\d)\. Why did (?:the incident|that) happen\? …/g, '\n$1. Because of reason $1.'));
    assert.ok(!five.some((d) => d.code === 'analysis/five-whys-shallow'), 'five answers pass');
  });

  describe('fault tree', () => {
    const block = (status: string) => `---\ntype: postmortem\ntitle: T\nstatus: ${status}\n---\n\n## Root cause analysis\n\n\`\`\`mermaid\n${printFaultTree(newFaultTreeTemplate())}\n\`\`\`\n`;

    it('the inserted template\'s labels are flagged: info in a draft, warning from in-review, on the node\'s line', () => {
      for (const [status, severity] of [['draft', 'info'], ['published', 'warning']] as const) {
        const text = block(status);
        const found = lint(text).filter((d) => d.code === 'fault-tree/placeholder');
        assert.deepEqual(found.map((d) => d.severity), [severity, severity, severity], status);
        assert.deepEqual(found.map((d) => d.message), [
          'Fault tree (diagram 1): Expected the top event (what failed), found the template\'s "Top event (what failed)" (G1): rename it or delete it; the analysis of a tree with placeholders is about the template, not the incident',
          'Fault tree (diagram 1): Expected a cause, found the template\'s "First cause" (E1): rename it or delete it; the analysis of a tree with placeholders is about the template, not the incident',
          'Fault tree (diagram 1): Expected a cause, found the template\'s "Second cause" (E2): rename it or delete it; the analysis of a tree with placeholders is about the template, not the incident',
        ]);
        assert.ok(text.split('\n')[found[2].range.start.line].includes('Second cause'), 'on the line that draws it');
      }
    });

    it('renamed labels are not flagged; the editor\'s later placeholders are', () => {
      const renamed = block('published').replace(/Top event \(what failed\)/g, 'Checkout down').replace(/First cause/g, 'Pool exhausted').replace(/Second cause/g, 'Retry storm');
      assert.deepEqual(lint(renamed).filter((d) => d.code === 'fault-tree/placeholder'), []);
      for (const l of ['Third cause', 'Twelfth cause', 'Cause 13']) assert.equal(isFaultTreePlaceholder(l), true, l);
      for (const l of ['Cause 3', 'Second cause of the outage', 'Pool exhausted']) assert.equal(isFaultTreePlaceholder(l), false, l);
    });

    it('postmortem fta says the tree still holds placeholders and marks them where named', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pm-fta-'));
      try {
        writeFileSync(join(dir, 'pm.md'), block('draft'));
        let out = '';
        const code = await fta(['pm.md'], { out: (t) => { out += t; }, err: (t) => { out += t; }, cwd: dir, now: () => NOW });
        assert.equal(code, 0);
        assert.match(out, /\nPlaceholders: 3 nodes still carry the template's labels \(G1, E1, E2\): rename them; until then the figures below are about the template, not the incident\n/);
        assert.match(out, /Single points of failure \(2\): E1 "First cause" \(template placeholder\), E2 "Second cause" \(template placeholder\)/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
