import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown, renderMetricsText, type MetricsSource } from '../../../src/core/metrics';

const NOW = '2026-11-27T12:00:00Z';

function pm(uri: string, front: string, label?: string): MetricsSource {
  return { uri, ...(label ? { label } : {}), text: `---\n${front.trim()}\n---\n\n## Summary\n` };
}

const FIRST = `
id: PM-1
title: Checkout down
incident_type: outage
services: [checkout]
started_at: 2026-10-01T10:00:00Z
resolved_at: 2026-10-01T11:00:00Z
status: published
published_at: 2026-10-01T12:00:00Z
`;
const UNTITLED_NO_ID = `
incident_type: outage
services: [checkout]
related: [PM-404]
started_at: 2026-10-05T10:00:00Z
resolved_at: 2026-10-05T11:00:00Z
status: draft
`;

describe('how reports name incidents', () => {
  it('names an incident without an id by the label the host gives (its workspace-relative path), not its uri', () => {
    const m = computeMetrics([pm('file:///ws/pm/one.md', FIRST, 'pm/one.md'), pm('file:///ws/pm/e-types.md', UNTITLED_NO_ID, 'pm/e-types.md')], { now: NOW });
    assert.deepEqual(m.repeats.chains.map((c) => c.incidents), [['PM-1', 'pm/e-types.md']]);
    assert.deepEqual(m.repeats.chains[0].members.map((i) => i.uri), ['file:///ws/pm/one.md', 'file:///ws/pm/e-types.md'], 'the uri stays, to open the file');
    assert.deepEqual(m.reviews.overdueReviews.map((o) => o.id), ['pm/e-types.md']);
    const text = renderMetricsText(m);
    assert.match(text, /chain: PM-1 "Checkout down" → pm\/e-types\.md\n/, 'titles where there are any');
    assert.match(text, /pm\/e-types\.md lists unknown related id PM-404/);
    assert.doesNotMatch(text.replace(/\(file:\/\/\/ws\/pm\/e-types\.md\)/, ''), /file:\/\//, 'the uri appears only where the file is located');
    const md = renderMetricsMarkdown(m);
    assert.match(md, /\| PM-1 "Checkout down" → pm\/e-types\.md \|/);
    assert.match(md, /- pm\/e-types\.md lists `PM-404` as related/);
  });

  it('falls back to the uri without a label (the CLI passes relative paths as uris) and keeps duplicate ids of different incidents apart by file', () => {
    const other = FIRST.replace('2026-10-01T10:00:00Z', '2026-10-01T10:30:00Z');
    const m = computeMetrics([pm('a/x.md', UNTITLED_NO_ID), pm('a/one.md', FIRST, 'one.md'), pm('b/one.md', other, 'b/one.md')], { now: NOW });
    assert.deepEqual(m.incidents.map((i) => i.id), ['PM-1', 'PM-1 (b/one.md)', 'a/x.md']);
  });

  it('a copy (same id and start) is left out, named in a note (trial 14a F7)', () => {
    const m = computeMetrics([pm('a/one.md', FIRST, 'one.md'), pm('b/one.md', FIRST, 'b/one.md')], { now: NOW });
    assert.deepEqual(m.incidents.map((i) => i.id), ['PM-1']);
    assert.match(m.problems[0]!.message, /b\/one\.md has the same start as one\.md: left out as a copy of that incident/);
  });

  it('names the incident of an overdue action item with its title', () => {
    const withItem = computeMetrics([{ uri: 'a.md', text: `---\n${FIRST.trim()}\n---\n\n## Action items\n\n- [ ] Add an alert @ann due:2026-11-01\n` }], { now: NOW });
    assert.match(renderMetricsText(withItem), /overdue 26 days: Add an alert \(@ann, due 2026-11-01, PM-1 "Checkout down"\)/);
    assert.match(renderMetricsMarkdown(withItem), /\| Add an alert \| ann \| 2026-11-01 \| 26 \| PM-1 "Checkout down" \|/);
  });
});

describe('a title of unbounded length in a report', () => {
  it('is cut at 120 characters with … in text and md lines (a 15 KB title flooded them); JSON keeps it whole', () => {
    // 15 KB: the front matter's own limit is 32,000 characters (past it the front matter is not read, and said so).
    const long = `Checkout ${'x'.repeat(15_000)}`;
    const front = (id: string, day: string) => `id: ${id}\ntitle: ${long}\nincident_type: outage\nservices: [checkout]\nstarted_at: 2026-10-${day}T10:00:00Z\nresolved_at: 2026-10-${day}T11:00:00Z\nstatus: draft`;
    const m = computeMetrics([pm('a.md', front('PM-1', '01')), pm('b.md', `${front('PM-2', '05')}\nrelated: [PM-1]`)], { now: NOW });
    for (const out of [renderMetricsText(m), renderMetricsMarkdown(m)]) {
      const line = out.split('\n').find((l) => l.includes('PM-1 "Checkout'))!;
      assert.ok(line, out.slice(0, 2000));
      assert.ok(line.length < 400, `${line.length} characters`);
      assert.match(line, /PM-1 "Checkout x{110}…"/);
    }
    assert.equal(m.incidents[0].title.length, long.length);
  });
});
