import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseFaultTree } from '../../src/core/diagrams';
import { SCREENSHOTS, useDiagramWebview } from './harness';
import { bannerText, causesOf, documentMessage, openOn, sentEdits } from './standInExtension';

/**
 * The block changes in the document while a name field, the node menu or a selection is open in the
 * panel (a teammate's change on disk, a git pull; trial13b F10): the panel acts on the row the person
 * picked, wherever it is now, or refuses with a word — never on the row that moved into its place.
 */

const FISH = [
  'ishikawa-beta', '  Checkout pool exhausted', '    People', '      New on-call',
  '    Technology', '      Connection pool capped at 20 per instance', '        Default changed in the October library upgrade',
  '      One query per cart line held the connection',
].join('\n');
/** The teammate's change: a cause inserted first under Technology, so every cause below it moves down one row. */
const FISH_PULLED = FISH.replace('    Technology\n', '    Technology\n      Teammate added this cause on disk\n');
const TREE = [
  'flowchart TB', '  %% ft:fault-tree v1', '  %% ft:gate G1 or', '  G1["Site down"]', '  G1 --> E1 & E3',
  '  %% ft:event E1 basic p=0.1', '  E1["Power loss"]@{ shape: circle }', '  %% ft:event E3 basic p=0.3', '  E3["Cache eviction storm"]@{ shape: circle }',
].join('\n');
const TREE_PULLED = TREE.replace('G1 --> E1 & E3', 'G1 --> E9 & E1 & E3').replace('  %% ft:event E1', '  %% ft:event E9 basic p=0.05\n  E9["Teammate event"]@{ shape: circle }\n  %% ft:event E1');

const doc = (kind: 'fishbone' | 'fault-tree', content: string, version: number) => documentMessage(kind, content, version, 'checkout.md');

describe('diagram webview: the block changes under an open field, menu or selection (F10)', function () {
  const webview = useDiagramWebview();

  it('an open rename field follows its cause when a teammate adds one above it: Enter renames that cause, with the text typed', async () => {
    const w = await openOn(webview, doc('fishbone', FISH, 1), 'One query per cart line');
    await w.page.keyboard.press('F2');
    await w.page.keyboard.type('Per-line queries held connections');
    await w.nextDrawing(() => w.send(doc('fishbone', FISH_PULLED, 2)));
    const field = w.page.locator('#outline input.rename');
    assert.equal(await field.inputValue(), 'Per-line queries held connections', 'the typed text is still in the field');
    assert.equal(await w.page.locator('#outline li.selected').getAttribute('data-key'), '1.2', 'the field moved down with its cause');
    await w.page.keyboard.type(' (N+1)');
    const sent = await w.nextPosted('edit', () => w.page.keyboard.press('Enter'));
    assert.equal(sent.baseVersion, 2);
    assert.deepEqual(causesOf(sent.content), [
      'People', 'New on-call', 'Technology', 'Teammate added this cause on disk', 'Connection pool capped at 20 per instance',
      'Default changed in the October library upgrade', 'Per-line queries held connections (N+1)',
    ]);
    await w.page.close();
  });

  it('refuses the rename, with a word, when the cause itself was renamed or deleted meanwhile', async () => {
    const w = await openOn(webview, doc('fishbone', FISH, 1), 'One query per cart line');
    await w.page.keyboard.press('F2');
    await w.page.keyboard.type('Per-line queries');
    await w.nextDrawing(() => w.send(doc('fishbone', FISH.replace('One query per cart line held the connection', 'N+1 queries (teammate)'), 2)));
    assert.equal(await w.page.locator('#outline input.rename').count(), 0, 'the field is closed');
    assert.match(await bannerText(w), /Your rename to “Per-line queries” was not written: “One query per cart line held the connection” changed in the text/);
    await w.page.keyboard.press('Enter');
    assert.deepEqual(await sentEdits(w), [], 'nothing is written');
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-rename-refused-after-change.png') });
    await w.page.close();
  });

  it('a rename field opened in the drawing follows its cause too', async () => {
    const w = await openOn(webview, doc('fishbone', FISH, 1));
    await w.page.locator('#drawing .pm-node', { hasText: /One\s*query/ }).locator('text').first().dblclick();
    const field = w.page.locator('#drawing-rename');
    await field.waitFor({ state: 'visible' });
    await field.fill('Per-line queries');
    await w.nextDrawing(() => w.send(doc('fishbone', FISH_PULLED, 2)));
    assert.equal(await field.inputValue(), 'Per-line queries');
    const sent = await w.nextPosted('edit', () => field.press('Enter'));
    const after = causesOf(sent.content);
    assert.ok(after.includes('Per-line queries') && after.includes('Connection pool capped at 20 per instance') && !after.includes('One query per cart line held the connection'), after.join(' | '));
    await w.page.close();
  });

  it('closes the node menu when the block changes under it: its Delete cannot remove the cause that moved in', async () => {
    const w = await openOn(webview, doc('fishbone', FISH, 1));
    await w.page.locator('#drawing .pm-node', { hasText: /One\s*query/ }).locator('text').first().click({ button: 'right' });
    await w.page.waitForFunction(() => (document.getElementById('node-menu') as unknown as { show: boolean }).show);
    await w.nextDrawing(() => w.send(doc('fishbone', FISH_PULLED, 2)));
    assert.equal(await w.page.evaluate(() => (document.getElementById('node-menu') as unknown as { show: boolean }).show), false);
    assert.match(await bannerText(w), /the menu was closed and nothing was done/);
    // The selection stayed on the right-clicked cause: Delete removes that one, not its neighbour.
    assert.equal(await w.page.locator('#outline li.selected .label').textContent(), 'One query per cart line held the connection');
    await w.page.locator('#outline li.selected').focus();
    const sent = await w.nextPosted('edit', () => w.page.keyboard.press('Delete'));
    assert.deepEqual(causesOf(sent.content), [
      'People', 'New on-call', 'Technology', 'Teammate added this cause on disk', 'Connection pool capped at 20 per instance',
      'Default changed in the October library upgrade',
    ]);
    await w.page.close();
  });

  it('says so when the selected cause is deleted in the text, and selects the first row instead of its neighbour', async () => {
    const w = await openOn(webview, doc('fishbone', FISH, 1), 'Connection pool capped');
    const gone = FISH.replace('      Connection pool capped at 20 per instance\n        Default changed in the October library upgrade\n', '');
    await w.nextDrawing(() => w.send(doc('fishbone', gone, 2)));
    assert.equal(await w.page.locator('#outline li.selected .label').textContent(), 'Checkout pool exhausted');
    assert.match(await bannerText(w), /The row you had selected, “Connection pool capped at 20 per instance”, changed in the text/);
    await w.page.close();
  });

  it('typing in the text beside renames the selected cause in place: it stays selected, without a notice', async () => {
    const w = await openOn(webview, doc('fishbone', FISH, 1), 'New on-call');
    await w.nextDrawing(() => w.send(doc('fishbone', FISH.replace('New on-call', 'New on-cal'), 2)));
    assert.equal(await w.page.locator('#outline li.selected .label').textContent(), 'New on-cal');
    assert.equal(await w.page.locator('#banner').isHidden(), true);
    await w.page.close();
  });

  it('fault tree: the open name field keeps the typed name through a change on disk, and Enter writes it to the same event', async () => {
    const w = await openOn(webview, doc('fault-tree', TREE, 1), 'Cache eviction storm');
    await w.page.keyboard.press('F2');
    await w.page.keyboard.type('Eviction storm renamed');
    await w.nextDrawing(() => w.send(doc('fault-tree', TREE_PULLED, 2)));
    const field = w.page.locator('#outline input.rename');
    assert.equal(await field.inputValue(), 'Eviction storm renamed', 'the field shows what will be written');
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fault-tree-rename-through-change.png') });
    const sent = await w.nextPosted('edit', () => w.page.keyboard.press('Enter'));
    const nodes = parseFaultTree(sent.content).model.nodes;
    assert.equal(nodes.find((n) => n.id === 'E3')?.label, 'Eviction storm renamed');
    assert.equal(nodes.find((n) => n.id === 'E9')?.label, 'Teammate event');
    assert.equal(sent.baseVersion, 2);
    // Escape in a field drawn again also works: it cancels.
    await w.page.keyboard.press('F2');
    await w.page.keyboard.type('x');
    // The rename's edit answered first (an unanswered edit overtaken by the text holds the view until its answer).
    await w.send({ type: 'editResult', requestId: sent.requestId, ok: true, version: 3 });
    await w.nextDrawing(() => w.send(doc('fault-tree', sent.content.replace('Teammate event', 'Teammate event 2'), 4)));
    await w.page.keyboard.press('Escape');
    assert.equal(await field.count(), 0);
    assert.equal((await sentEdits(w)).length, 1);
    await w.page.close();
  });
});
