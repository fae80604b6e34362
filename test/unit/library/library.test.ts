import assert from 'node:assert/strict';
import { describeEntry, groupLibrary, LIBRARY_GROUPINGS, libraryEntries, libraryGrouping, readSummary } from '../../../src/core/api';

const pm = (fields: Record<string, string | string[]>, body = '## Summary\n\nThe pool ran out.\n') => {
  const yaml = Object.entries(fields).map(([k, v]) => (Array.isArray(v) ? `${k}:\n${v.map((x) => `  - ${x}`).join('\n')}` : `${k}: ${v}`)).join('\n');
  return `---\ntype: postmortem\n${yaml}\n---\n\n${body}`;
};

const files: Record<string, string> = {
  'file:///w/postmortems/a.md': pm({ id: 'PM-1', title: 'Checkout pool exhausted', status: 'published', severity: 'SEV1', services: ['checkout', 'payments'], factors: ['capacity', 'change'], started_at: '2026-11-20T14:02:00Z', resolved_at: '2026-11-20T15:10:00Z' },
    '## Summary\n\nThe pool ran out.\n\n## Action items\n\n- [ ] Alert on pool @dana due:2026-12-01\n- [x] Roll back @ravi\n'),
  'file:///w/postmortems/b.md': pm({ id: 'PM-2', title: 'Search stale', status: 'draft', severity: 'sev3', services: ['search'], factors: ['Capacity'], timezone: 'America/Los_Angeles', started_at: '2025-12-31T23:30:00' }),
  'file:///w/postmortems/c%20d.md': pm({ status: 'in-review' }, '# Heading title\n\nNo summary section.\n'),
};
const entries = libraryEntries(Object.entries(files).map(([uri, text]) => [uri, readSummary(text)] as const));
const grouped = (by: string, filter = {}) => groupLibrary(entries, libraryGrouping(by)!, filter).map((g) => [g.label, g.entries.map((e) => e.summary.id ?? e.label)]);

describe('post-mortem library (core)', () => {
  it('describes a row by date, severity, duration and open items, and only by what is known', () => {
    const a = entries.find((e) => e.summary.id === 'PM-1')!;
    assert.equal(describeEntry(a), '2026-11-20 · SEV1 · 1h 8m · 1 open item');
    const c = entries.find((e) => e.uri.endsWith('c%20d.md'))!;
    assert.equal(c.label, 'Heading title');
    assert.equal(describeEntry(c), '');
  });

  it('dates an incident on the day of its own zone, not UTC', () => {
    // 23:30 on New Year's Eve in Los Angeles is already 2026 in UTC: the review belongs to 2025.
    const b = entries.find((e) => e.summary.id === 'PM-2')!;
    assert.equal(b.date, '2025-12-31');
  });

  it('lists a post-mortem under each of its services, groups alphabetically, the none group last', () => {
    assert.deepEqual(grouped('service'), [['checkout', ['PM-1']], ['payments', ['PM-1']], ['search', ['PM-2']], ['No service', ['Heading title']]]);
  });

  it('orders severities SEV1 first, whatever their case, and statuses draft → in review → published', () => {
    assert.deepEqual(grouped('severity'), [['SEV1', ['PM-1']], ['SEV3', ['PM-2']], ['No severity', ['Heading title']]]);
    assert.deepEqual(grouped('status').map((g) => g[0]), ['draft', 'in-review', 'published']);
  });

  it('groups by year newest first and by factor case-insensitively', () => {
    assert.deepEqual(grouped('year'), [['2026', ['PM-1']], ['2025', ['PM-2']], ['No start date', ['Heading title']]]);
    assert.deepEqual(grouped('factor'), [['capacity', ['PM-1', 'PM-2']], ['change', ['PM-1']], ['No factors', ['Heading title']]]);
  });

  it('filters by status, severity, service and every word of the text', () => {
    assert.deepEqual(grouped('service', { status: 'PUBLISHED' }), [['checkout', ['PM-1']], ['payments', ['PM-1']]]);
    assert.deepEqual(grouped('service', { severity: 'SEV3' }), [['search', ['PM-2']]]);
    assert.deepEqual(grouped('severity', { service: 'Payments' }), [['SEV1', ['PM-1']]]);
    assert.deepEqual(grouped('severity', { text: 'pool checkout' }), [['SEV1', ['PM-1']]]);
    assert.deepEqual(grouped('severity', { text: 'pool nothing' }), []);
  });

  it('finds "Café" and "Zürich" typed without accents, and the other way round (trial7 T17)', () => {
    const accented = libraryEntries([['file:///w/postmortems/e.md', readSummary(pm({ id: 'PM-5', title: 'Café payments down in Zürich' }))] as const]);
    const ids = (text: string) => groupLibrary(accented, libraryGrouping('severity')!, { text }).flatMap((g) => g.entries.map((e) => e.summary.id));
    assert.deepEqual(ids('cafe zurich'), ['PM-5']);
    assert.deepEqual(ids('CAFÉ'), ['PM-5']);
    assert.deepEqual(ids('cafés'), []);
  });

  it('has one registry entry per --by value, each with a label and an icon', () => {
    assert.deepEqual(LIBRARY_GROUPINGS.map((g) => g.id), ['service', 'severity', 'status', 'year', 'factor']);
    for (const g of LIBRARY_GROUPINGS) assert.ok(g.label && g.icon && g.none.label);
  });
});
