import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ImportError, mergeTimeline, parseAlertmanager, parseCsvTimeline, parseGitLog, parseSlackExport } from '../../../src/core/import';
import { convertPostmortem, wordsLost } from '../../../src/core/import/convert';
import { computeMetrics } from '../../../src/core/metrics';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { parsePostmortem } from '../../../src/core/document/parse';

/** Markdown-ish noise: fragments of the shapes the converter and importers look for. */
const fragment = fc.constantFrom(
  '# T\n', '## Timeline\n', '## Action items\n', '## Follow-ups\n', '| Time | Event |\n', '|---|---|\n', '| 11:40 PM | x |\n',
  '- 23:59 a\n', '- 00:01 b\n', '**Date:** 03/04/2026\n', '**Severity:** Sev 1\n', 'All times PST\n', '```\n', '---\n', 'title: x\n',
  '- DONE y\n', '| Action | Owner | Due | Status |\n', '### 2018/02/26\n', '\r\n', '\uFEFF', '💥', '"', ',', '\t', 'started_at: 2026-01-01T00:00:00Z\n',
);
const doc = fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.oneof(fragment, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((a) => a.join('')));
const onlyImportErrors = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ImportError, `unexpected ${(e as Error).stack}`);
  }
};

describe('convert, import and metrics on random input', function () {
  this.timeout(30_000);
  it('convert never throws and keeps every word', () => {
    fc.assert(fc.property(doc, (text) => {
      const r = convertPostmortem(text);
      assert.deepEqual(wordsLost(text, r.text, r.replaced), []);
    }), { numRuns: 300 });
  });

  it('importers and the merge throw only ImportError, with a message', () => {
    fc.assert(fc.property(doc, doc, (input, target) => {
      onlyImportErrors(() => parseCsvTimeline(input, { zone: 'UTC' }));
      onlyImportErrors(() => parseAlertmanager(input));
      onlyImportErrors(() => parseGitLog(input));
      onlyImportErrors(() => parseSlackExport([{ name: 'd.json', text: input }]));
      onlyImportErrors(() => mergeTimeline(target, [{ instant: 0, text: input, source: 'chat', origin: 't' }]));
    }), { numRuns: 300 });
  });

  it('metrics never throw on random documents', () => {
    fc.assert(fc.property(fc.array(doc, { maxLength: 5 }), (texts) => {
      const m = computeMetrics(texts.map((text, i) => ({ uri: `${i}.md`, text })), { now: '2026-11-27T12:00:00Z' });
      assert.equal(m.documents, texts.length);
    }), { numRuns: 200 });
  });
});

describe('timeline merge on random events', function () {
  this.timeout(30_000);
  const base = '---\nstarted_at: 2026-11-20T14:00:00Z\nresolved_at: 2026-11-20T16:00:00Z\n---\n\n## Timeline\n\n- 2026-11-20 14:09Z [detected] Alert\n- 15:00Z (chat) Note\n';
  const event = fc.record({
    instant: fc.integer({ min: Date.parse('2026-11-20T12:00:00Z'), max: Date.parse('2026-11-20T18:00:00Z') }),
    text: fc.string({ minLength: 1, maxLength: 40 }),
    source: fc.constantFrom('chat', 'alert', 'deploy'),
    origin: fc.constant('fuzz'),
  });

  it('only inserts, keeps the timeline in order, and adds nothing the second time', () => {
    fc.assert(fc.property(fc.array(event, { maxLength: 30 }), (events) => {
      const first = mergeTimeline(base, events);
      const once = applyEdits(base, first.edits).text;
      const lines = once.split('\n');
      let i = 0;
      for (const line of base.split('\n')) {
        while (i < lines.length && lines[i] !== line) i++;
        assert.ok(i++ < lines.length, `lost line ${line}`);
      }
      const instants = parsePostmortem(once).timeline.map((e) => e.instant ?? NaN);
      assert.deepEqual(instants, [...instants].sort((a, b) => a - b));
      assert.deepEqual(mergeTimeline(once, events).edits, []);
    }), { numRuns: 150 });
  });
});
