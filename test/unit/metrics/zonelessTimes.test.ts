import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsMarkdown, renderMetricsText, type MetricsSource } from '../../../src/core/metrics';
import { renderDashboard } from '../metricsDashboard/renderDashboard';

/**
 * Trial F2: front-matter times without a zone in a file without `timezone:` are read as UTC. When
 * the writer is elsewhere the metrics say so per file (text, JSON, Markdown, dashboard) instead of
 * building numbers on the reading silently.
 */
const NOW = '2026-12-06T12:00:00Z';
const pm = (uri: string, front: string): MetricsSource => ({ uri, text: `---\ntype: postmortem\nid: ${uri}\ntitle: DNS outage\n${front}---\n# DNS outage\n` });
const ZONELESS = pm('fm2.md', 'started_at: 2026-12-05 21:35\ndetected_at: 2026-12-05T21:40:00Z\nresolved_at: 2026-12-05 23:35:00\n');
const STATED_UTC = pm('utc.md', 'timezone: UTC\nstarted_at: 2026-07-05 21:35\n');
const DECLARED = pm('berlin.md', 'timezone: Europe/Berlin\nstarted_at: 2026-12-05 21:35\nresolved_at: 2026-12-05 23:35\n');
const WITH_Z = pm('z.md', 'started_at: 2026-12-05T21:35:00Z\nresolved_at: 2026-12-05T23:35:00Z\n');

describe('metrics name the files whose zone-less times are read as UTC (trial F2)', () => {
  it('lists such a file under problems when the writer is in Europe/Berlin, naming the fields, both readings and the fixes', () => {
    const m = computeMetrics([ZONELESS, STATED_UTC, DECLARED, WITH_Z], { now: NOW, writerZone: 'Europe/Berlin' });
    // berlin.md's times are read in its own `timezone:`, which lint rejects too: said apart (trial T6).
    assert.deepEqual(m.problems.map((p) => p.uri), ['fm2.md', 'utc.md', 'berlin.md', 'berlin.md']);
    assert.match(m.problems[2].message, /^Time read from a value lint rejects: `started_at: 2026-12-05 21:35` is not an ISO 8601 date-time in UTC \(lint: schema\/format\); it was read as Europe\/Berlin time \(the front matter's `timezone`\), 2026-12-05T20:35:00Z/);
    assert.equal(m.problems[0].message,
      'started_at and resolved_at have no zone, so with no `timezone:` they are read as UTC, while you write in Europe/Berlin: ' +
      'started_at is 21:35Z if UTC, 20:35Z if Europe/Berlin (1 hour apart). Add Z to the times, or set `timezone:` (postmortem lint offers both)');
    assert.match(m.problems[1].message, /^started_at has no zone, so `timezone: UTC` reads it as UTC, while you write in Europe\/Berlin: started_at is 21:35Z if UTC, 19:35Z if Europe\/Berlin \(2 hours apart\)/);
    assert.match(renderMetricsText(m), /^note: fm2\.md: started_at and resolved_at have no zone/m);
    assert.match(renderMetricsMarkdown(m), /^## Notes\n\n- `fm2\.md`: started\\_at and resolved\\_at have no zone/m);
    assert.equal(JSON.parse(JSON.stringify(m)).problems.length, 4, 'the JSON carries them');
  });

  it('says nothing for a writer in UTC, without a known zone, or in a zone that is UTC at that date', () => {
    for (const writerZone of ['UTC', 'Etc/UTC', undefined]) {
      assert.deepEqual(computeMetrics([ZONELESS], { now: NOW, ...(writerZone ? { writerZone } : {}) }).problems, [], String(writerZone));
    }
    assert.deepEqual(computeMetrics([ZONELESS], { now: NOW, writerZone: 'Europe/London' }).problems, [], 'London is UTC in December');
    assert.equal(computeMetrics([STATED_UTC], { now: NOW, writerZone: 'Europe/London' }).problems.length, 1, 'but BST in July');
    assert.equal(computeMetrics([ZONELESS], { now: NOW, writerZone: 'Asia/Kolkata' }).problems[0].message.includes('16:05Z if Asia/Kolkata (5 hours 30 minutes apart)'), true);
  });

  it('the dashboard shows them in a Notes section, each file a link', async () => {
    const { root, posted } = await renderDashboard([ZONELESS, WITH_Z], { now: NOW, writerZone: 'America/Los_Angeles' });
    const section = root.querySelector('section#problems');
    assert.ok(section, root.innerHTML.slice(0, 500));
    assert.match(section.textContent ?? '', /fm2\.md: started_at and resolved_at have no zone, .* while you write in America\/Los_Angeles/);
    (section.querySelector('button.link') as HTMLButtonElement).click();
    assert.deepEqual(posted.at(-1), { type: 'open', uri: 'fm2.md' });
  });
});
