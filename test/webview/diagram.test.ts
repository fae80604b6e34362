import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { analyzeFaultTree, parseFaultTree } from '../../src/core/diagrams';
import type { EditMessage } from '../../src/shared/protocol/messages';
import { formatProbability } from '../../webview/diagram/analysisView';
import { HOSTILE_LABELS, hostileFaultTree, hostileFishbone } from './fixtures';
import { launchChromium, openWebview, SCREENSHOTS, serveWebview, type WebviewPage, type WebviewServer } from './harness';

const FISH = ['ishikawa-beta', '  Checkout returned 502', '    People', '      New on-call', '    Process', '      No canary'].join('\n');
const doc = (kind: 'fishbone' | 'fault-tree', content: string, version = 1) =>
  ({ type: 'document', kind, content, version, blockIndex: 0, firstLine: 20, fileName: 'checkout.md' }) as const;
const squash = (s: string) => s.replace(/\s+/g, '');

/** Texts of the drawing: each node's label (HTML labels) or text element (fishbone SVG text). */
async function drawnTexts(w: WebviewPage): Promise<string[]> {
  return w.page.evaluate(() => [...document.querySelectorAll('#drawing svg g.node, #drawing svg text')].map((n) => n.textContent ?? ''));
}

/** What an attacker would need: script elements, event handlers, javascript: links, a changed theme. */
async function assertInert(w: WebviewPage): Promise<void> {
  const state = await w.page.evaluate(() => {
    const svg = document.querySelector('#drawing svg');
    return {
      pwned: (window as unknown as { __pwned?: string }).__pwned,
      scripts: svg?.querySelectorAll('script').length,
      handlers: svg ? [...svg.querySelectorAll('*')].filter((n) => [...n.attributes].some((a) => /^on/i.test(a.name))).length : -1,
      jsLinks: svg?.querySelectorAll('a[href^="javascript" i], a[*|href^="javascript" i]').length,
      imgs: svg?.querySelectorAll('img').length,
      style: svg?.querySelector('style')?.textContent ?? '',
    };
  });
  assert.equal(state.pwned, undefined, 'no script from a label ran');
  assert.deepEqual([state.scripts, state.handlers, state.jsLinks, state.imgs], [0, 0, 0, 0]);
  assert.ok(!/ff0000/i.test(state.style), 'the %%{init}%% label did not change the theme');
  assert.deepEqual(await w.violations(), []);
}

describe('diagram webview in Chromium (real HTML and CSP)', function () {
  let server: WebviewServer;
  let browser: Browser;

  before(async () => {
    server = await serveWebview();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws hostile fishbone labels exactly as typed, runs nothing, changes no config', async () => {
    const w = await openWebview(browser, server.url, 'vscode-dark');
    const drawn = await w.nextDrawing(() => w.send(doc('fishbone', hostileFishbone())));
    assert.equal(drawn.ok, true);
    const texts = (await drawnTexts(w)).map(squash);
    // Ishikawa wraps long causes over several lines: compare without the whitespace of wrapping.
    for (const label of HOSTILE_LABELS) assert.ok(texts.includes(squash(label)), `drawn: ${label}`);
    assert.ok(texts.includes(squash('Checkout <b>502</b> for 41 "minutes"')));
    const outline = await w.page.locator('#outline .label').allTextContents();
    for (const label of HOSTILE_LABELS) assert.ok(outline.includes(label), `outline: ${label}`);
    await assertInert(w);
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-hostile-dark.png'), fullPage: true });
    await w.page.close();
  });

  it('draws hostile fault-tree labels exactly, with the cut sets, SPOFs and probabilities', async () => {
    const w = await openWebview(browser, server.url, 'vscode-light');
    const content = hostileFaultTree();
    const drawn = await w.nextDrawing(() => w.send(doc('fault-tree', content)));
    assert.equal(drawn.ok, true);
    const texts = await drawnTexts(w);
    for (const label of HOSTILE_LABELS) assert.ok(texts.includes(label), `drawn exactly: ${label}`);
    await assertInert(w);
    const expected = analyzeFaultTree(parseFaultTree(content).model, { maxOrder: 6, maxCutSets: 200 });
    assert.equal(await w.page.locator('#p-exact').textContent(), formatProbability(expected.probability!.exact));
    assert.equal(await w.page.locator('#p-rare').textContent(), formatProbability(expected.probability!.rareEvent));
    assert.equal(await w.page.locator('#cut-sets tbody tr').count(), expected.cutSets.length);
    assert.equal(await w.page.locator('#cut-sets tbody tr.spof').count(), expected.singlePointsOfFailure.length);
    assert.equal(await w.page.locator('#importance tbody tr').count(), expected.events.length);
    const spofNodes = await w.page.evaluate(() => [...document.querySelectorAll('#drawing svg g.node.pmSpof')].map((n) => n.textContent));
    assert.deepEqual(new Set(spofNodes), new Set(expected.singlePointsOfFailure.map((id) => expected.events.find((e) => e.id === id)!.label)));
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fault-tree-hostile-light.png'), fullPage: true });
    await w.page.close();
  });

  it('edits from the keyboard: Enter adds, typing renames, Tab indents; one edit in flight at a time', async () => {
    const w = await openWebview(browser, server.url);
    await w.nextDrawing(() => w.send(doc('fishbone', FISH, 7)));
    await w.page.locator('#outline li', { hasText: 'New on-call' }).click();
    const first = await w.nextPosted('edit', () => w.page.keyboard.press('Enter'));
    assert.deepEqual(first, { type: 'edit', requestId: 1, baseVersion: 7, content: FISH.replace('New on-call', 'New on-call\n      New cause') });
    // The new row is being renamed: type over it. The edit waits until the first one is answered.
    await w.page.keyboard.type('Pool <exhausted> #1');
    const drawn = await w.nextDrawing(() => w.page.keyboard.press('Enter'));
    assert.equal(drawn.ok, true);
    assert.ok((await drawnTexts(w)).map(squash).includes(squash('Pool <exhausted> #1')));
    assert.equal((await w.posted()).filter((m) => m.type === 'edit').length, 1);
    const second = await w.nextPosted('edit', () => w.send({ type: 'editResult', requestId: 1, ok: true, version: 8 }));
    assert.equal((second as EditMessage).baseVersion, 8);
    assert.match((second as EditMessage).content, /^ {6}Pool #60;exhausted#62; #35;1$/m);
    await w.send({ type: 'editResult', requestId: 2, ok: true, version: 9 });
    const third = await w.nextPosted('edit', () => w.page.keyboard.press('Tab'));
    assert.match((third as EditMessage).content, /New on-call\n {8}Pool #60;exhausted#62; #35;1\n/);
    assert.equal((third as EditMessage).baseVersion, 9);
    const undo = await w.nextPosted('undo', () => w.page.keyboard.press('Control+z'));
    assert.deepEqual(undo, { type: 'undo' });
    assert.deepEqual(await w.violations(), []);
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-edited.png'), fullPage: true });
    await w.page.close();
  });

  it('shows typing in the text, and refuses to edit text it does not understand', async () => {
    const w = await openWebview(browser, server.url);
    await w.nextDrawing(() => w.send(doc('fishbone', FISH, 1)));
    await w.nextDrawing(() => w.send(doc('fishbone', FISH.replace('No canary', 'No canary stage'), 2)));
    assert.ok((await w.page.locator('#outline .label').allTextContents()).includes('No canary stage'));
    const broken = `${FISH}\n     Misindented`;
    await w.nextDrawing(() => w.send(doc('fishbone', broken, 3)));
    assert.match(await w.page.locator('#banner').textContent() ?? '', /will not overwrite/);
    // Content line 6 of a block whose first line is document line 20 (0-based): line 27 for a person.
    assert.match(await w.page.locator('#notes').textContent() ?? '', /^Line 27: Expected indentation/);
    await w.page.locator('#outline li').first().click();
    await w.page.keyboard.press('Enter');
    await w.page.keyboard.press('Delete');
    assert.equal(await w.page.locator('#add-sibling').isDisabled(), true);
    assert.equal((await w.posted()).filter((m) => m.type === 'edit').length, 0);
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-unparsable.png'), fullPage: true });
    await w.page.close();
  });

  it('stops writing when the block is gone, and ignores hostile messages', async () => {
    const w = await openWebview(browser, server.url);
    await w.nextDrawing(() => w.send(doc('fishbone', FISH, 1)));
    const log = await w.nextPosted('log', () => w.send({ type: 'html', html: '<img src=x onerror="window.__pwned=1">' }));
    assert.match(log.message, /Ignored a message from the extension: unknown message type "html"/);
    const log2 = await w.nextPosted('log', () => w.send({ ...doc('fishbone', 'ishikawa-beta\n  Replaced'), extra: 1 }));
    assert.match(log2.message, /unexpected field "extra"/);
    assert.ok((await w.page.locator('#outline .label').allTextContents()).includes('New on-call'));
    await w.send({ type: 'gone', reason: 'The diagram block was deleted.' });
    await w.page.waitForSelector('body[data-state="gone"]');
    assert.match(await w.page.locator('#banner').textContent() ?? '', /deleted.*no longer writes/);
    await w.page.locator('#outline li').nth(2).click();
    await w.page.keyboard.press('Enter');
    assert.equal((await w.posted()).filter((m) => m.type === 'edit').length, 0);
    await assertInert(w);
    await w.page.close();
  });

  it('follows the light, dark and high-contrast themes', async () => {
    const colors: Record<string, string> = {};
    for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast'] as const) {
      const w = await openWebview(browser, server.url, theme);
      await w.nextDrawing(() => w.send(doc('fault-tree', hostileFaultTree())));
      colors[theme] = await w.page.evaluate(() => getComputedStyle(document.querySelector('#drawing svg g.node rect, #drawing svg g.node circle')!).fill);
      await w.page.screenshot({ path: join(SCREENSHOTS, `webview-theme-${theme}.png`) });
      assert.deepEqual(await w.violations(), []);
      await w.page.close();
    }
    assert.equal(new Set(Object.values(colors)).size, 3, JSON.stringify(colors));
    assert.equal(colors['vscode-high-contrast'], 'rgb(0, 0, 0)');
  });

  it('exports the drawing as SVG and PNG', async () => {
    const w = await openWebview(browser, server.url);
    await w.nextDrawing(() => w.send(doc('fishbone', FISH)));
    const svg = await w.nextPosted('export', () => w.send({ type: 'exportRequest', format: 'svg' }));
    assert.equal(svg.format, 'svg');
    assert.match(svg.data, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(svg.data.includes('New on-call'));
    const png = await w.nextPosted('export', () => w.page.click('#export-png'));
    assert.equal(png.format, 'png');
    assert.equal(Buffer.from(png.data, 'base64').subarray(1, 4).toString(), 'PNG');
    assert.deepEqual(await w.violations(), []);
    await w.page.close();
  });
});
