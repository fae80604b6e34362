import assert from 'node:assert/strict';
import fc from 'fast-check';
import { libraryEntries, LibraryList, readSummary, SimilarityIndex, type PostmortemSummary } from '../../../src/core/api';

/**
 * The editor keeps the library rows and the similar-incidents search up to date one file at a time
 * (LibraryList.sync, SimilarityIndex.set/delete). After any sequence of edits, additions and
 * deletions they must give exactly what a fresh build over the final files gives: the same rows in
 * the same order, and for every file the same similar incidents with the same scores and reasons.
 */

const TITLES = ['Checkout pool exhausted', 'DNS resolver failures', 'Mail quota reached', 'Checkout errors after a release', 'Search index rebuild slow', 'Pool exhausted again'];
const SUMMARIES = ['Requests waited for database connections.', 'Services could not resolve internal names.', 'Emails queued for hours.', 'The pool ran out after a deploy.', ''];
const ROOT = ['The connection pool limit was reached.', 'A config change dropped a zone.', 'The provider quota was reached.', ''];
const SERVICES = ['[checkout]', '[platform]', '[checkout, payments]', '[notifications]', '[]'];
const FACTORS = ['[capacity]', '[change]', '[capacity, change]', '[]'];
const ZONES = ['UTC', 'America/Los_Angeles', 'Europe/Berlin'];

const doc = fc.record({
  id: fc.integer({ min: 1, max: 6 }),
  title: fc.constantFrom(...TITLES),
  day: fc.integer({ min: 1, max: 28 }),
  zone: fc.constantFrom(...ZONES),
  services: fc.constantFrom(...SERVICES),
  factors: fc.constantFrom(...FACTORS),
  summary: fc.constantFrom(...SUMMARIES),
  root: fc.constantFrom(...ROOT),
  open: fc.integer({ min: 0, max: 2 }),
}).map((d) => readSummary([
  '---', 'type: postmortem', `id: PM-${d.id}`, `title: ${d.title}`, `timezone: ${d.zone}`, `started_at: 2026-03-${String(d.day).padStart(2, '0')}T23:30:00`,
  `services: ${d.services}`, `factors: ${d.factors}`, '---', '', '## Summary', '', d.summary, '', '## Root cause', '', d.root, '', '## Action items', '',
  ...Array.from({ length: d.open }, (_, k) => `- [ ] Follow-up ${k} @ana due:2026-12-0${k + 1}`), '',
].join('\n')));

const step = fc.oneof(
  fc.record({ op: fc.constant('set' as const), uri: fc.constantFrom('a', 'b', 'c', 'd', 'e'), summary: doc }),
  fc.record({ op: fc.constant('delete' as const), uri: fc.constantFrom('a', 'b', 'c', 'd', 'e') }),
);

describe('library and similar incidents updated one file at a time', () => {
  it('give the same rows and the same similar incidents as a fresh build over the final files', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const files = new Map<string, PostmortemSummary>();
        const list = new LibraryList();
        const search = new SimilarityIndex();
        for (const s of steps) {
          if (s.op === 'set') {
            files.set(s.uri, s.summary);
            search.set(s.uri, s.summary);
          } else {
            files.delete(s.uri);
            search.delete(s.uri);
          }
          list.sync(files.entries());
        }
        assert.deepEqual(list.sync(files.entries()), libraryEntries(files.entries()));
        const fresh = new SimilarityIndex();
        fresh.sync(files.entries());
        assert.equal(search.size, fresh.size);
        for (const uri of files.keys()) assert.deepEqual(search.similarTo(uri, 10, 0), fresh.similarTo(uri, 10, 0), uri);
      }),
      { numRuns: 300 },
    );
  });

  it('recompute only the rows of files whose summary changed', () => {
    const one = readSummary('---\ntype: postmortem\nid: PM-1\ntitle: One\nstarted_at: 2026-01-01T10:00:00Z\n---\n');
    const two = readSummary('---\ntype: postmortem\nid: PM-2\ntitle: Two\nstarted_at: 2026-02-01T10:00:00Z\n---\n');
    const list = new LibraryList();
    const before = list.sync([['one', one], ['two', two]]);
    assert.deepEqual(before.map((e) => e.label), ['Two', 'One']);
    const edited = readSummary('---\ntype: postmortem\nid: PM-2\ntitle: Two, edited\nstarted_at: 2026-02-01T10:00:00Z\n---\n');
    const after = list.sync([['one', one], ['two', edited]]);
    assert.equal(after.find((e) => e.uri === 'one'), before.find((e) => e.uri === 'one'), 'the unchanged row is the same object');
    assert.deepEqual(after.map((e) => e.label), ['Two, edited', 'One']);
    assert.equal(list.sync([['two', edited]]).length, 1, 'a file gone from the index leaves the list');
    assert.equal(list.sync([['two', edited]]), list.sync([['two', edited]]), 'nothing changed: the same sorted list, not sorted again');
  });
});
