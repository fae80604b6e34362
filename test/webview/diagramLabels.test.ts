import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseFaultTree } from '../../src/core/diagrams';
import type { EditMessage } from '../../src/shared/protocol/messages';
import { SCREENSHOTS, useDiagramWebview, type WebviewPage } from './harness';

/** What a person types or pastes as a label, and labels typed by hand in the text (trial13b F11, F4, F1). */

const FISH = ['ishikawa-beta', '  Checkout pool exhausted', '    People', '      New on-call', '    Technology', '      Retry storm from clients'].join('\n');
const TREE = [
  'flowchart TB', '  %% ft:fault-tree v1', '  %% ft:gate G1 or', '  G1["Site down"]', '  G1 --> E1 & E2',
  '  %% ft:event E1 basic p=0.1', '  E1["Power loss"]@{ shape: circle }', '  %% ft:event E2 basic p=0.3', '  E2["Cache eviction storm"]@{ shape: circle }',
].join('\n');
const doc = (kind: 'fishbone' | 'fault-tree', content: string, version = 1) =>
  ({ type: 'document', kind, content, version, blockIndex: 0, kindIndex: 0, firstLine: 20, fileName: 'checkout.md', uri: 'file:///work/incidents/checkout.md' }) as const;
const edits = async (w: WebviewPage): Promise<EditMessage[]> => (await w.posted()).filter((m): m is EditMessage => m.type === 'edit');
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const PASTE = 'Pasted from terminal: \u001b[31mERROR\u001b[0m conn refused \u0000 end\u0007';

describe('diagram webview: labels as typed and pasted', function () {
  const webview = useDiagramWebview();

  it('removes control characters pasted into a fishbone name, writes the rest and says so (F11)', async () => {
    const w = await webview.open();
    await w.nextDrawing(() => w.send(doc('fishbone', FISH)));
    await w.page.locator('#outline li.row', { hasText: 'Retry storm' }).click();
    await w.page.keyboard.press('F2');
    await w.page.keyboard.insertText(PASTE);
    const sent = await w.nextPosted('edit', () => w.page.keyboard.press('Enter'));
    assert.ok(!CONTROL.test(sent.content), JSON.stringify(sent.content));
    assert.match(sent.content, /^ {6}Pasted from terminal: ERROR conn refused end$/m);
    assert.match(await w.page.locator('#banner').textContent() ?? '', /Removed 4 control characters from the name/);
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-control-characters-removed.png') });
    await w.page.close();
  });

  it('applies the same rule to a fault-tree name and to the effect\'s field, which shows the cleaned text before writing it', async () => {
    const w = await webview.open();
    await w.nextDrawing(() => w.send(doc('fault-tree', TREE)));
    await w.page.locator('#outline li.row', { hasText: 'Power loss' }).click();
    await w.page.keyboard.press('F2');
    await w.page.keyboard.insertText('Power \u001b[1mloss\u001b[0m in rack\u0000');
    const sent = await w.nextPosted('edit', () => w.page.keyboard.press('Enter'));
    assert.equal(parseFaultTree(sent.content).model.nodes.find((n) => n.id === 'E1')?.label, 'Power loss in rack');
    assert.ok(!CONTROL.test(sent.content) && !/#27;|#0;/.test(sent.content), sent.content);
    assert.match(await w.page.locator('#banner').textContent() ?? '', /Removed 3 control characters/);
    await w.page.close();

    const f = await webview.open();
    await f.nextDrawing(() => f.send(doc('fishbone', FISH)));
    await f.page.locator('#outline li.row').first().click();
    const field = f.page.locator('#effect-text');
    await field.fill('');
    await field.focus();
    await f.page.keyboard.insertText('Pool \u0007exhausted');
    await field.press('Enter');
    assert.equal(await field.inputValue(), 'Pool exhausted');
    assert.match(await f.page.locator('#effect-text-error').textContent() ?? '', /Removed 1 control character .*Press Enter to write the rest/);
    assert.equal((await edits(f)).length, 0, 'not written before the person saw the cleaned text');
    const written = await f.nextPosted('edit', () => field.press('Enter'));
    assert.match(written.content, /^ {2}Pool exhausted$/m);
    await f.page.close();
  });

  it('refuses to clear a name: nothing is written and the page says why (F4)', async () => {
    const w = await webview.open();
    await w.nextDrawing(() => w.send(doc('fishbone', FISH)));
    await w.page.locator('#outline li.row', { hasText: 'Retry storm' }).click();
    await w.page.keyboard.press('F2');
    await w.page.keyboard.press('Control+A');
    await w.page.keyboard.press('Backspace');
    await w.page.keyboard.type('   ');
    await w.page.keyboard.press('Enter');
    assert.equal((await edits(w)).length, 0);
    assert.match(await w.page.locator('#banner').textContent() ?? '', /A name cannot be empty: “Retry storm from clients” keeps its name/);
    assert.equal(await w.page.locator('#outline li.selected .label').textContent(), 'Retry storm from clients');
    // A new row left without a name is not added.
    await w.page.keyboard.press('Enter');
    await w.page.keyboard.press('Backspace');
    await w.page.keyboard.press('Enter');
    assert.equal((await edits(w)).length, 0);
    assert.match(await w.page.locator('#banner').textContent() ?? '', /A new row needs a name: nothing was added/);
    assert.equal(await w.page.locator('#outline li.row').count(), 5);
    await w.page.close();
  });

  it('draws a hand-typed raw "<" line as the outline shows it, keeps every node clickable and says how GitHub draws it (F1)', async () => {
    const w = await webview.open();
    const hand = FISH.replace('      Retry storm from clients', '      Pool capped at 20 & no alert <5%> "hot"\n      Retry storm from clients');
    await w.nextDrawing(() => w.send(doc('fishbone', hand)));
    const drawn = (await w.page.locator('#drawing svg text').allTextContents()).join(' ');
    assert.ok(!/&lt;|&amp;|&gt;/.test(drawn), drawn);
    assert.ok(drawn.replace(/\s+/g, '').includes('Poolcappedat20&noalert<5%>"hot"'), drawn);
    assert.equal(await w.page.locator('#drawing .pm-node').count(), 6, 'effect, 2 categories and 3 causes mapped');
    assert.match(await w.page.locator('#notes').textContent() ?? '', /Line 26: .*found a raw "<"/);
    await w.page.locator('#drawing .pm-node', { hasText: /Retry\s*storm/ }).locator('text').first().dblclick();
    await w.page.locator('#drawing-rename').waitFor({ state: 'visible' });
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-raw-markup.png') });
    await w.page.keyboard.press('Escape');
    await w.page.close();
  });
});
