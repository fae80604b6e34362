import assert from 'node:assert/strict';
import { computeMetrics, renderMetricsText, type MetricsSource } from '../../../src/core/metrics';
import { windowStartDay } from '../../../src/core/metrics/periods';
import { renderDashboard } from './renderDashboard';

const NOW = '2026-11-27T12:00:00Z';
const WS = 'file:///tmp/trial/vws';

/** Post-mortems as the extension host gives them: file uris, workspace-relative labels. */
function pm(path: string, front: string, body = ''): MetricsSource {
  return { uri: `${WS}/${path}`, label: path, text: `---\n${front.trim()}\n---\n\n# Incident\n\n${body}` };
}

const SOURCES = [
  pm('postmortems/checkout-1.md', `
id: PM-1
title: Checkout down
status: published
incident_type: outage
services: [checkout]
started_at: 2026-10-01T10:00:00Z
detected_at: 2026-10-01T10:00:00Z
resolved_at: 2026-10-01T11:40:30Z
published_at: 2026-10-02T10:00:00Z
`),
  // No id: named by its workspace-relative path, never by its file:// uri.
  pm('postmortems/e-types.md', `
title: Checkout down again
status: in-review
incident_type: outage
services: [checkout]
related: [PM-404]
started_at: 2026-10-20T10:00:00Z
detected_at: 2026-10-20T10:00:00Z
resolved_at: 2026-10-20T12:55:00Z
`, `## Action items

- [ ] Add an alert @ann due:2026-11-01
`),
];

describe('metrics dashboard names incidents and durations as the CLI does', () => {
  it('names an incident without an id by its workspace-relative path and title, in chains, warnings and overdue lists', async () => {
    const { root } = await renderDashboard(SOURCES, { now: NOW });
    const text = root.textContent ?? '';
    assert.doesNotMatch(text, /file:\/\//, 'no raw uri anywhere on the page');
    assert.match(text, /postmortems\/e-types\.md "Checkout down again" lists PM-404 as related/);
    const chain = root.querySelector('table[data-table="Repeat chains"] ol.chain')!;
    assert.deepEqual([...chain.querySelectorAll('li')].map((li) => li.textContent), ['PM-1 Checkout down', 'postmortems/e-types.md Checkout down again']);
    const overdueItem = root.querySelector('table[data-table="Overdue action items"] tbody td')!;
    assert.equal(overdueItem.textContent, 'postmortems/e-types.md Checkout down again');
    const overdueReview = root.querySelector('table[data-table="Overdue reviews"] tbody td')!;
    assert.equal(overdueReview.textContent, 'postmortems/e-types.md');
    // The id is a link that opens the file (the title beside it is plain text).
    assert.equal(chain.querySelectorAll('button.link')[1].textContent, 'postmortems/e-types.md');
  });

  it('writes the same durations as the text report (short in the cell, the words in its tooltip), numbers never parted from their units, and titles each section once', async () => {
    const { root } = await renderDashboard(SOURCES, { now: NOW });
    const cli = renderMetricsText(computeMetrics(SOURCES, { now: NOW }));
    const words = (cell: Element) => cell.textContent?.replace(/\u00a0/g, ' ');
    const past = root.querySelector('table[data-table="Overdue reviews"] tbody tr')!.lastElementChild!;
    assert.equal(words(past), '35 d');
    assert.equal(past.querySelector('span.value')?.getAttribute('title'), '35 days');
    assert.match(cli, /35 days past the deadline/);
    const mttr = [...root.querySelectorAll('table[data-table="All incidents in the window"] tbody tr')][0];
    const cells = [...mttr.querySelectorAll('td')].map(words);
    assert.deepEqual(cells.slice(0, 4), ['MTTR (detection → resolution)', '2', '2 h 18 m', '2 h 48 m']);
    const tooltips = [...mttr.querySelectorAll('td span.value[title]')].map((v) => v.getAttribute('title'));
    assert.deepEqual(tooltips.slice(0, 2), ['2 hours 18 minutes', '2 hours 48 minutes']);
    assert.match(cli, /median 2 hours 18 minutes, p90 2 hours 48 minutes/);
    // A narrow panel never breaks a duration: not "2 / h" (the trial's "2.9 / h"), nor "2 h / 18 m".
    assert.equal(mttr.querySelectorAll('td')[2].textContent, '2\u00a0h\u00a018\u00a0m');
    assert.equal(mttr.querySelectorAll('td span.value').length, 4, 'count, median, p90 and mean');
    const headings = [...root.querySelectorAll('h2, caption')].map((h) => h.textContent);
    assert.equal(headings.filter((h) => h === 'Response times').length, 1, headings.join(' | '));
  });

  it('starts with headline tiles that say what they compare, each pointing at its section', async () => {
    const { root } = await renderDashboard(SOURCES, { now: NOW });
    const tiles = [...root.querySelectorAll('.tiles .tile')];
    assert.deepEqual(tiles.map((t) => t.getAttribute('data-tile')), ['mttr', 'reviews', 'closure', 'open', 'repeats', 'feedback']);
    assert.ok(root.querySelector('.tiles')!.compareDocumentPosition(root.querySelector('h2')!) & 4, 'the tiles come before the first section');
    const mttr = tiles[0]!;
    assert.equal(mttr.querySelector('.tile-value')?.textContent, '2\u00a0h\u00a018\u00a0m');
    assert.equal(mttr.querySelector('.tile-detail')?.textContent, '2 incidents with both times', 'one period only: nothing to compare with');
    for (const id of ['response-times', 'review-completion', 'action-items', 'repeat-incidents']) assert.ok(root.querySelector(`section#${id}`), id);
  });

  it('says on the reviews tile how many reviews are not due yet, as the CLI does, instead of "– / 0 of 0" (trial T12)', async () => {
    const fresh = (n: number) => pm(`postmortems/fresh-${n}.md`, `
id: PM-F${n}
title: Fresh incident ${n}
status: draft
started_at: 2026-11-26T20:00:00Z
detected_at: 2026-11-26T20:00:00Z
resolved_at: 2026-11-27T0${n}:00:00Z
`);
    const tile = async (sources: MetricsSource[]) => {
      const { root } = await renderDashboard(sources, { now: NOW });
      const t = root.querySelector('.tile[data-tile="reviews"]')!;
      return { value: t.querySelector('.tile-value')?.textContent, detail: t.querySelector('.tile-detail')?.textContent, title: t.getAttribute('title') };
    };
    const onlyFresh = await tile([fresh(1), fresh(2)]);
    assert.deepEqual([onlyFresh.value, onlyFresh.detail], ['–', '2 not yet due']);
    assert.match(onlyFresh.title ?? '', /0 of 0 reviews that were due .*; 2 more are not due yet \(the deadline is 48 hours after resolution\)/);
    assert.match(renderMetricsText(computeMetrics([fresh(1), fresh(2)], { now: NOW })), /2 not yet due/);
    const mixed = await tile([...SOURCES, fresh(3)]);
    assert.deepEqual([mixed.value, mixed.detail], ['50%', '1 of 2, 1 overdue, 1 not yet due']);
    const none = await tile([pm('postmortems/open.md', 'title: Still open\nstarted_at: 2026-11-26T20:00:00Z')]);
    assert.equal(none.detail, 'no resolved incident');
  });

  it('keeps dates, severities and types whole, lets a long path wrap inside its cell, and names the files behind Missing data (U3, U5)', async () => {
    const long = pm('postmortems/2026-10-17-replay-sdk-fetch-wrapper-incident.postmortem.md', `
title: Post-Mortem Changes to SDK fetch wrapper
incident_type: degradation
severity: SEV2
started_at: 2026-10-17T10:00:00Z
resolved_at: 2026-10-17T12:00:00Z
`);
    const { root, posted } = await renderDashboard([...SOURCES, long], { now: NOW });
    const row = [...root.querySelectorAll('table[data-table="Incidents"] tbody tr')].find((tr) => tr.textContent?.includes('replay-sdk'))!;
    const cells = [...row.querySelectorAll('td')];
    // The trial: "degradatio/n", "2026-11-/28", and the path printed over the title column.
    // Each whole on its line: the severity over the type in one column, the day in another.
    assert.deepEqual([...row.querySelectorAll('.nowrap')].map((c) => c.textContent), ['SEV2', 'degradation', '2026-10-17']);
    assert.deepEqual([...cells[1].querySelectorAll('div.nowrap')].map((c) => c.textContent), ['SEV2', 'degradation']);
    const link = cells[0].querySelector('button.link')!;
    assert.equal(link.textContent, 'postmortems/2026-10-17-replay-sdk-fetch-wrapper-incident.postmortem.md');
    assert.equal(link.className, 'link long', 'a long name wraps in its cell');
    assert.equal(root.querySelector('table[data-table="Incidents"] tbody tr button.link')!.className, 'link', 'a short id stays whole');
    const noDetected = root.querySelector('#missing-data li[data-field="detected_at"]')!;
    assert.equal(noDetected.textContent, '1 incident without detected_at: postmortems/2026-10-17-replay-sdk-fetch-wrapper-incident.postmortem.md');
    noDetected.querySelector<HTMLButtonElement>('button.link')!.click();
    assert.deepEqual(posted.at(-1), { type: 'open', uri: `${WS}/postmortems/2026-10-17-replay-sdk-fetch-wrapper-incident.postmortem.md` });
  });

  it('says above the tiles which incidents they count, and that the Action Items view counts all (U4)', async () => {
    const outside = pm('postmortems/old.md', `
id: PM-OLD
title: Old
started_at: 2024-01-01T10:00:00Z
`);
    const { root } = await renderDashboard([...SOURCES, outside], { now: NOW, since: '2025-11-27' });
    const scope = root.querySelector('#tiles-scope')!;
    assert.ok(scope.compareDocumentPosition(root.querySelector('.tiles')!) & 4, 'before the tiles');
    assert.equal(scope.textContent, 'Figures for the 2 incidents since 2025-11-27; 1 post-mortem outside the window or without a time is not counted here (the Action Items view counts every post-mortem).');
  });

  it('lists the months with incidents in the per-month table and says how many it left out, as the CLI does (U13)', async () => {
    const { root } = await renderDashboard(SOURCES, { now: NOW, since: '2026-01-01' });
    const caption = [...root.querySelectorAll('caption')].map((c) => c.textContent).find((c) => c?.startsWith('MTTR (detection → resolution) per month'));
    const m = computeMetrics(SOURCES, { now: NOW, since: '2026-01-01' });
    assert.equal(caption, `MTTR (detection → resolution) per month (${m.periods.length - 1} months without incidents left out)`);
    assert.ok(m.periods.length > 5, m.periods.join());
    const rows = [...root.querySelectorAll(`table[data-table="${caption}"] tbody tr`)].map((tr) => tr.querySelector('td')?.textContent);
    assert.deepEqual(rows, ['2026-10'], 'both incidents are in October');
  });

  it('makes every incident named in a table a link that opens its file, and gives each chart its numbers as text', async () => {
    const { root, posted } = await renderDashboard(SOURCES, { now: NOW });
    const named: [string, number][] = [['Incidents', 0], ['Overdue reviews', 0], ['Overdue action items', 0], ['Repeat chains', 0]];
    for (const [table, column] of named) {
      const rows = [...root.querySelectorAll(`table[data-table="${table}"] tbody tr`)];
      assert.ok(rows.length > 0, `${table} has rows`);
      for (const row of rows) {
        const cell = row.querySelectorAll('td')[column]!;
        const links = [...cell.querySelectorAll('button.link')];
        // A chain names several incidents: each is a link.
        const expected = table === 'Repeat chains' ? cell.querySelectorAll('li').length : 1;
        assert.equal(links.length, expected, `${table}: ${cell.textContent}`);
      }
    }
    const link = root.querySelector<HTMLButtonElement>('table[data-table="Incidents"] tbody tr button.link')!;
    link.click();
    assert.deepEqual(posted.at(-1), { type: 'open', uri: `${WS}/postmortems/checkout-1.md` });
    const figures = [...root.querySelectorAll('figure')];
    assert.ok(figures.length >= 3, `${figures.length} charts`);
    for (const f of figures) {
      const text = f.querySelector('details.chart-text p')?.textContent ?? '';
      assert.match(text, /\d/, `${f.querySelector('figcaption')?.textContent}: its numbers as text`);
    }
  });

  it('shows an overdue item\'s words without Markdown markers, and a "last 12 months" window to the current month (trial T7, T20)', async () => {
    const marked = pm('postmortems/marked.md', `
id: PM-MD
title: Flags down
started_at: 2025-12-20T10:00:00Z
`, `## Action items

- [ ] **Strike team formation**: tune \`max_conn\` @ann due:2026-11-01
`);
    const now = '2026-12-06T10:00:00Z';
    const since = windowStartDay(Date.parse(now), 12, 'UTC');
    const { root } = await renderDashboard([...SOURCES, marked], { now, since });
    const rows = [...root.querySelectorAll('table[data-table="Overdue action items"] tbody tr')].map((r) => r.children[1]?.textContent);
    assert.ok(rows.includes('Strike team formation: tune max_conn'), rows.join(' | '));
    // 16 days before 2026-12-06 is inside "the last 12 months"; the window starts 2025-12-06.
    assert.match(root.querySelector('#tiles-scope')!.textContent!, /^Figures for the 3 incidents since 2025-12-06\./);
    const perMonth = [...root.querySelectorAll('figure figcaption')].map((f) => f.textContent);
    assert.ok(perMonth.length > 0);
    const axis = root.querySelector('figure details.chart-text p')?.textContent ?? '';
    assert.match(axis, /^2025-12: 1, .*2026-12: 0$/, axis);
  });
});
