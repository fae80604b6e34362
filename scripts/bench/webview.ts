import { faultTree60, fishbone60 } from '../../test/webview/fixtures';
import { launchChromium, openWebview, serveWebview, type WebviewPage } from '../../test/webview/harness';

/**
 * Time from an outline edit to the redrawn SVG in the real webview (Chromium, its CSP, the
 * bundled Mermaid), for 60-node diagrams. Each round renames a row (F2, type, Enter) and then adds
 * a row (Enter); the clock starts in the page when the edit is made and stops when Mermaid's SVG
 * is in the page. Goal: < 150 ms.
 */
export interface WebviewBench {
  readonly kind: 'fishbone' | 'fault-tree';
  readonly nodes: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  /** Of which Mermaid's render call (median): the rest is outline, analysis and the message round. */
  readonly mermaidMedianMs: number;
}

const ROUNDS = 10;

async function measure(w: WebviewPage, kind: 'fishbone' | 'fault-tree', content: string): Promise<WebviewBench> {
  const first = await w.nextDrawing(() => w.send({ type: 'document', kind, content, version: 1, blockIndex: 0, firstLine: 0, fileName: 'bench.md' }));
  if (!first.ok) throw new Error(`The ${kind} fixture did not draw.`);
  const rows = w.page.locator('#outline li');
  const nodes = await rows.count();
  await rows.nth(Math.floor(nodes / 2)).click();
  const times: number[] = [];
  const mermaid: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    await w.page.keyboard.press('F2');
    await w.page.keyboard.type(` r${i}`);
    const renamed = await w.nextDrawing(() => w.page.keyboard.press('Enter'));
    const added = await w.nextDrawing(() => w.page.keyboard.press('Enter'));
    await w.page.keyboard.press('Escape');
    for (const d of [renamed, added]) {
      if (!d.ok || d.sinceAction === undefined) throw new Error(`A ${kind} edit did not redraw.`);
      times.push(d.sinceAction);
      mermaid.push(d.renderMs);
    }
  }
  times.sort((a, b) => a - b);
  mermaid.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { kind, nodes, runs: times.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: times[times.length - 1], mermaidMedianMs: mermaid[Math.floor(mermaid.length / 2)] };
}

export async function benchWebview(): Promise<WebviewBench[]> {
  const server = await serveWebview();
  const browser = await launchChromium();
  try {
    const results: WebviewBench[] = [];
    for (const [kind, content] of [['fishbone', fishbone60()], ['fault-tree', faultTree60()]] as const) {
      const w = await openWebview(browser, server.url, 'vscode-dark');
      results.push(await measure(w, kind, content));
      await w.page.close();
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}

export function formatWebviewBench(results: readonly WebviewBench[]): string {
  return results.map((r) => `webview edit → redrawn SVG, ${r.kind} (${r.nodes} outline rows): median ${r.medianMs.toFixed(0)} ms, p95 ${r.p95Ms.toFixed(0)} ms, max ${r.maxMs.toFixed(0)} ms over ${r.runs} edits (Mermaid's render median ${r.mermaidMedianMs.toFixed(0)} ms; goal < 150 ms)`).join('\n');
}

// `npx tsx scripts/bench/webview.ts` runs it on its own.
if (process.argv[1]?.endsWith('webview.ts')) {
  benchWebview().then((r) => console.log(formatWebviewBench(r)), (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
