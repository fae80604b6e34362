import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { computeMetrics } from '../../../src/core/metrics';
import type { FromMetricsWebview } from '../../../src/shared/protocol/metrics';
import { Dashboard } from '../../../webview/metrics/dashboard';

const NOW = '2026-11-27T12:00:00Z';
const dated = { uri: 'old.md', text: '---\nid: OLD\nstarted_at: 2024-01-10T10:00:00Z\nresolved_at: 2024-01-10T11:00:00Z\n---\n' };

/** The dashboard page in jsdom (globals set for the test only); returns the page text and what it posted. */
async function show(sources: { uri: string; text: string }[], since?: string) {
  const dom = new JSDOM('<!doctype html><body><div id="app"></div></body>');
  const saved = Reflect.get(globalThis, 'document');
  Object.assign(globalThis, { document: dom.window.document });
  try {
    const posted: FromMetricsWebview[] = [];
    let drawn = 0;
    const root = dom.window.document.getElementById('app')!;
    const rendered = new Promise<void>((resolve) => {
      const dashboard = new Dashboard(root, {
        post: (message) => { posted.push(message); if (message.type === 'rendered') resolve(); },
        draw: async () => { drawn++; return true; },
      });
      dashboard.receive({ type: 'metrics', options: { by: 'month', windowMonths: 12 }, result: computeMetrics(sources, { now: NOW, since }), unreadable: 0 });
    });
    await rendered;
    return { text: root.textContent ?? '', posted, drawn, tables: root.querySelectorAll('table').length, selects: root.querySelectorAll('vscode-single-select').length };
  } finally {
    if (saved === undefined) Reflect.deleteProperty(globalThis, 'document');
    else Object.assign(globalThis, { document: saved });
  }
}

describe('metrics dashboard without incidents', () => {
  it('shows an empty workspace as a message, not as empty charts and tables', async () => {
    const page = await show([], '2025-12-01');
    assert.match(page.text, /No post-mortems yet/);
    assert.match(page.text, /New Post-mortem/);
    assert.equal(page.drawn, 0);
    assert.equal(page.tables, 0);
    assert.equal(page.selects, 2, 'the grouping and window controls stay');
    assert.deepEqual(page.posted.at(-1), { type: 'rendered', charts: 0, failedCharts: 0, tables: 0 });
  });

  it('says when the incidents fall before the window, so a longer window is the fix', async () => {
    const page = await show([dated], '2025-12-01');
    assert.match(page.text, /No incidents in this window/);
    assert.match(page.text, /1 incident falls before this window/);
  });
});
