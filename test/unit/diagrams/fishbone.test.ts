import { strict as assert } from 'node:assert';
import {
  addCause, deleteCause, findCause, indentCause, moveCause, outdentCause, renameCause, renameEffect, reorderCause,
} from '../../../src/core/diagrams/fishbone/edit';
import { DEFAULT_CATEGORIES, newFishbone, type Fishbone } from '../../../src/core/diagrams/fishbone/model';
import { parseFishbone } from '../../../src/core/diagrams/fishbone/parse';
import { printFishbone } from '../../../src/core/diagrams/fishbone/print';
import { changedLines, fixture } from './fixtures';

const labelsOf = (m: Fishbone): unknown => m.categories.map((c) => [c.label, c.causes.map((x) => [x.label, x.causes.map((y) => y.label)])]);
const idOf = (m: Fishbone, label: string): string => {
  const walk = (nodes: Fishbone['categories']): string | undefined => {
    for (const n of nodes) if (n.label === label) return n.id; else { const hit = walk(n.causes); if (hit) return hit; }
    return undefined;
  };
  const id = walk(m.categories);
  assert.ok(id, `no node ${label}`);
  return id;
};

describe('fishbone parse/print', () => {
  const text = fixture('fishbone.mmd');

  it('reads effect, categories and nested causes, decoding entities', () => {
    const { model, problems, writable } = parseFishbone(text);
    assert.deepEqual(problems, []);
    assert.equal(writable, true);
    assert.equal(model.effect, 'Checkout returned 502 for 41 minutes');
    assert.deepEqual(model.categories.map((c) => c.label), [...DEFAULT_CATEGORIES]);
    assert.equal(model.categories[1].causes[1].label, 'Runbook step #4 out of date');
    assert.equal(model.categories[2].causes[0].causes[0].label, 'Default from library upgrade');
    assert.equal(model.categories[5].causes[0].label, 'Payment provider latency > 2s');
  });

  it('prints canonical text back unchanged, with and without reusing source lines', () => {
    const { model } = parseFishbone(text);
    assert.equal(printFishbone(model), text);
    assert.equal(printFishbone(model, { canonical: true }), text);
  });

  it('a new fishbone has the six default categories and re-reads to the same labels', () => {
    const model = newFishbone('Search is slow');
    const printed = printFishbone(model);
    assert.equal(printed, 'ishikawa-beta\n  Search is slow\n    People\n    Process\n    Technology\n    Environment\n    Measurement\n    Vendors');
    assert.deepEqual(labelsOf(parseFishbone(printed).model), labelsOf(model));
  });

  it('round-trips hostile labels exactly as typed (after whitespace collapsing)', () => {
    const hostile = ['Ishikawa was here', 'ishikawa-beta', '%%{init: {"theme":"dark"}}%%', '<script>alert(1)</script>', 'a; b & c # d', '50% <b>bold</b>', 'emoji 🔥 done', '  spaced   out  ', ''];
    let model = newFishbone('Effect #1; <x>', ['People']);
    for (const h of hostile) model = addCause(model, model.categories[0].id, h).model;
    const printed = printFishbone(model);
    const back = parseFishbone(printed);
    assert.deepEqual(back.problems, []);
    assert.equal(back.model.effect, 'Effect #1; <x>');
    assert.deepEqual(back.model.categories[0].causes.map((c) => c.label), hostile.map((h) => h.replace(/\s+/g, ' ').trim()));
    for (const line of printed.split('\n').slice(1)) {
      assert.doesNotMatch(line.trim(), /^ishikawa/i);
      // Nothing Mermaid would draw as `&lt;` or read as a comment or directive; a lone `%` ("50%") stays.
      assert.doesNotMatch(line, /[<>&]|%%/);
    }
  });

  it('writes "p99 > 2s", "#4411" and "50%" readably, encoding only what Mermaid or Markdown would misread (trial12 T13)', () => {
    const cases: [string, string][] = [
      ['Freshness SLO had no alert: "stale > 5 min" #1 <b>html</b>', 'Freshness SLO had no alert: "stale #gt; 5 min" #1 #lt;b#gt;html#lt;/b#gt;'],
      ['Ticket #4411; p99 > 2s; 50% of traffic', 'Ticket #35;4411; p99 #gt; 2s; 50% of traffic'],
      ['%%{init: {"theme":"dark"}}%% and 100%%', '#37;#37;{init: {"theme":"dark"}}#37;#37; and 100#37;#37;'],
      ['``` closes a fence, ~~~ too, `one` and ~two~ do not', '#96;#96;#96; closes a fence, #126;#126;#126; too, `one` and ~two~ do not'],
      ['R&D #amp; #gt; #12;', 'R#amp;D #35;amp; #35;gt; #35;12;'],
    ];
    for (const [label, line] of cases) {
      let model = newFishbone('Effect', ['People']);
      model = addCause(model, model.categories[0].id, label).model;
      const printed = printFishbone(model);
      assert.equal(printed.split('\n')[3], `      ${line}`);
      assert.equal(parseFishbone(printed).model.categories[0].causes[0].label, label, 'reads back as typed');
    }
  });

  it('keeps unknown or hand-written lines verbatim while they are unchanged', () => {
    const hand = 'ishikawa\n  Outage #1\n    People\n      Issue #42 in tracker\n    Process';
    const { model } = parseFishbone(hand);
    assert.equal(printFishbone(model), hand);
    const edited = renameCause(model, idOf(model, 'Process'), 'Process & policy');
    assert.deepEqual(changedLines(hand, printFishbone(edited)), { removed: ['    Process'], added: ['    Process #amp; policy'] });
  });

  it('reports comments, a missing keyword and ambiguous indentation, and is then not writable', () => {
    const commented = parseFishbone('ishikawa-beta\n  E\n    People\n    %% note\n');
    assert.equal(commented.writable, false);
    assert.equal(commented.problems[0].line, 3);
    const wrong = parseFishbone('flowchart TB\n  A');
    assert.equal(wrong.writable, false);
    assert.match(wrong.problems[0].message, /ishikawa-beta/);
    const between = parseFishbone('ishikawa-beta\n  E\n    People\n        deep\n      between');
    assert.equal(between.writable, false);
    assert.equal(between.problems[0].line, 4);
    assert.equal(between.problems[0].message,
      'Expected indentation of 4 spaces (a child of "E") or 8 spaces (a sibling of "deep"), found 6: between two levels, Mermaid would attach this cause somewhere unexpected.');
    const nested = parseFishbone('ishikawa-beta\n  E\n    People\n      Skills\n          gap\n        between');
    assert.match(nested.problems[0].message, /^Expected indentation of 6 spaces \(a child of "People"\) or 10 spaces \(a sibling of "gap"\), found 8:/);
    const rootBetween = parseFishbone('ishikawa-beta\n  E\n    People\n   Process');
    assert.match(rootBetween.problems[0].message, /^Expected indentation of 4 spaces \(a sibling of "People"\), found 3:/);
    assert.equal(parseFishbone('').writable, false);
    // trial13b F13: "Expected indentation of 1 spaces".
    assert.match(parseFishbone('ishikawa-beta\nE\n People\n   gap\n  x').problems[0]?.message ?? '', /^Expected indentation of 1 space \(a child of "E"\) or 3 spaces \(a sibling of "gap"\), found 2:/);
  });
});

describe('fishbone edits', () => {
  const text = fixture('fishbone.mmd');
  const base = (): Fishbone => parseFishbone(text).model;

  it('rename changes exactly one line', () => {
    const m = base();
    const after = printFishbone(renameCause(m, idOf(m, 'Black Friday traffic 3x normal'), 'Cyber Monday traffic'));
    assert.deepEqual(changedLines(text, after), { removed: ['      Black Friday traffic 3x normal'], added: ['      Cyber Monday traffic'] });
    assert.deepEqual(changedLines(text, printFishbone(renameEffect(m, 'Checkout down'))).added, ['  Checkout down']);
  });

  it('add cause inserts one line in the right place', () => {
    const m = base();
    const { model, id } = addCause(m, idOf(m, 'Measurement'), 'No SLO dashboard', 0);
    assert.ok(findCause(model, id));
    assert.deepEqual(changedLines(text, printFishbone(model)), { removed: [], added: ['      No SLO dashboard'] });
  });

  it('delete removes the cause with its sub-causes', () => {
    const m = base();
    const after = printFishbone(deleteCause(m, idOf(m, 'Connection pool capped at 20')));
    assert.deepEqual(changedLines(text, after).removed, ['      Connection pool capped at 20', '        Default from library upgrade']);
  });

  it('reorder, indent, outdent and move to another category', () => {
    let m = base();
    m = reorderCause(m, idOf(m, 'Retry storm from the mobile client'), -1);
    assert.deepEqual(m.categories[2].causes.map((c) => c.label), ['Retry storm from the mobile client', 'Connection pool capped at 20']);
    m = indentCause(m, idOf(m, 'Connection pool capped at 20'));
    assert.deepEqual(m.categories[2].causes[0].causes.map((c) => c.label), ['Connection pool capped at 20']);
    m = outdentCause(m, idOf(m, 'Connection pool capped at 20'));
    assert.deepEqual(m.categories[2].causes.map((c) => c.label), ['Retry storm from the mobile client', 'Connection pool capped at 20']);
    m = moveCause(m, idOf(m, 'Pool saturation not alerted'), idOf(m, 'Technology'), 0);
    assert.equal(m.categories[2].causes[0].label, 'Pool saturation not alerted');
    assert.deepEqual(m.categories[4].causes, []);
    const reread = parseFishbone(printFishbone(m));
    assert.deepEqual(labelsOf(reread.model), labelsOf(m));
  });

  it('refuses impossible edits by returning the same model', () => {
    const m = base();
    const tech = idOf(m, 'Technology');
    assert.equal(indentCause(m, idOf(m, 'People')), m);
    assert.equal(outdentCause(m, tech), m);
    assert.equal(moveCause(m, tech, idOf(m, 'Default from library upgrade')), m);
    assert.equal(renameCause(m, 'nope', 'x'), m);
  });
});
