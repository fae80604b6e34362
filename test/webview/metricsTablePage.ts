import { Dashboard } from '../../webview/metrics/dashboard';
import type { ToMetricsWebview } from '../../src/shared/protocol/metrics';
import '../../webview/metrics/styles.css';

/**
 * Test page for the dashboard's tables (bundled by metricsTable.test.ts): the real Dashboard with
 * the real stylesheet, charts left undrawn (the tables are what is measured).
 */
const root = document.createElement('div');
document.body.append(root);
const dashboard = new Dashboard(root, { post: () => {}, draw: async () => true });
Object.assign(window, {
  show(message: ToMetricsWebview): void {
    dashboard.receive(message);
  },

  /**
   * Each cell of a column of the Incidents table (or the `part` of it a selector names), with where
   * its text breaks: the characters before and after every line break, and the column's width in px.
   */
  column(index: number, part?: string) {
    const rows = [...document.querySelectorAll('table[data-table="Incidents"] tbody tr')];
    return rows.map((tr) => {
      const cell = tr.children[index] as HTMLElement;
      const td = (part ? cell.querySelector<HTMLElement>(part) : cell) ?? document.createElement('span');
      const text = td.innerText;
      const breaks: string[] = [];
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      let previousTop: number | undefined;
      let previous = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        for (let k = 0; k < value.length; k++) {
          const range = document.createRange();
          range.setStart(node, k);
          range.setEnd(node, k + 1);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (!rect) { previous = value[k]!; continue; }
          if (previousTop !== undefined && rect.top > previousTop + 2) breaks.push(`${previous}|${value[k]}`);
          previousTop = rect.top;
          previous = value[k]!;
        }
      }
      return { text, breaks, width: cell.getBoundingClientRect().width, title: (td.querySelector('[title]') as HTMLElement | null)?.title ?? '' };
    });
  },

  /** The page's and the Incidents table's box widths: a table wider than its box scrolls in it. */
  widths() {
    const box = document.querySelector('table[data-table="Incidents"]')!.parentElement!;
    return { page: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, table: box.scrollWidth, box: box.clientWidth };
  },
});
