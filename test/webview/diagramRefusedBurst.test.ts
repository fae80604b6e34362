import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, useDiagramWebview } from './harness';
import { bannerText, causesOf, documentMessage, openOn, sentEdits } from './standInExtension';

/**
 * trial17b F1: causes added fast (Enter, a name, Enter…) when the extension refuses an edit without
 * the text changing (VS Code's auto-save racing the write guard, trial17b F2; any refusal). The edits
 * refused were named in the banner, but the new row being named was anchored on a refused row: it was
 * dropped without a word, the selection fell to the effect row, and the next Enter added a category.
 * Every name lands where it was typed, or the banner names it; the selection never jumps to the effect.
 */

const FISH = [
  'ishikawa-beta', '  Checkout pool exhausted', '    People', '      New on-call',
  '    Process', '      No load test before Black Friday',
  '    Technology', '      Connection pool capped at 20 per instance',
].join('\n');
const doc = (content: string, version: number) => documentMessage('fishbone', content, version, 'refused.md');
const REASON = 'Nothing was written to postmortems/refused.md: VS Code was still saving it.';

describe('diagram webview: an edit refused in the middle of a burst of new causes (trial17b F1)', function () {
  const webview = useDiagramWebview();

  it('the row being named stays open in its category, the refused names are in the banner, and the next names are causes there', async () => {
    const w = await openOn(webview, doc(FISH, 1), 'New on-call');
    const k = w.page.keyboard;
    await k.press('Enter');
    await k.type('U1');
    const first = await w.nextPosted('edit', () => k.press('Enter'));
    // Edit 1 is unanswered: U2 waits behind it, U3 is being typed when the refusal comes.
    await k.press('Enter');
    await k.type('U2');
    await k.press('Enter');
    await k.press('Enter');
    await k.type('U3');
    await w.nextDrawing(() => w.send({ type: 'editResult', requestId: first.requestId, ok: false, version: 1, reason: REASON }));
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-refused-burst-banner.png') });
    const banner = await bannerText(w);
    assert.match(banner, /VS Code was still saving it/, `the refusal's reason: ${banner}`);
    assert.match(banner, /What you typed: “U1”, “U2”/, `names each refused name: ${banner}`);
    const selected = (await w.page.locator('#outline li.selected').getAttribute('data-key')) ?? '';
    assert.notEqual(selected, 'effect', 'the selection did not fall to the effect');
    const field = w.page.locator('#outline input.rename');
    assert.equal(await field.count(), 1, 'the name field of the row being typed is still open');
    assert.equal(await field.inputValue(), 'U3', 'with what was typed');
    // The burst goes on: U3 finished, U4 added after it.
    const third = await w.nextPosted('edit', () => k.press('Enter'));
    assert.equal(third.baseVersion, 1);
    assert.deepEqual(causesOf(third.content), ['People', 'New on-call', 'U3', 'Process', 'No load test before Black Friday', 'Technology', 'Connection pool capped at 20 per instance']);
    await w.send({ type: 'editResult', requestId: third.requestId, ok: true, version: 2 });
    await k.press('Enter');
    await k.type('U4');
    const fourth = await w.nextPosted('edit', () => k.press('Enter'));
    assert.deepEqual(causesOf(fourth.content).slice(0, 5), ['People', 'New on-call', 'U3', 'U4', 'Process'], 'U4 is a cause after U3, not a category');
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-refused-burst.png') });
    for (const e of await sentEdits(w)) assert.equal(causesOf(e.content).filter((c) => c === 'New category').length, 0, 'no category was ever written');
    await w.page.close();
  });

  it('a new row whose every anchor is gone: its typed name is in the banner, and the category it was in is selected, not the effect', async () => {
    const w = await openOn(webview, doc(FISH, 1), 'New on-call');
    const k = w.page.keyboard;
    await k.press('Enter');
    await k.type('V1');
    const first = await w.nextPosted('edit', () => k.press('Enter'));
    await k.press('Enter');
    await k.type('V2');
    // The row V1 was added after is gone from the text meanwhile (deleted by a teammate): nothing to anchor on.
    await w.send(doc(FISH.replace('      New on-call\n', ''), 2));
    await w.nextDrawing(() => w.send({ type: 'editResult', requestId: first.requestId, ok: false, version: 2, reason: REASON }));
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-refused-burst-gone.png') });
    const banner = await bannerText(w);
    assert.match(banner, /V1/, `names V1: ${banner}`);
    assert.match(banner, /V2/, `names V2: ${banner}`);
    assert.equal(await w.page.locator('#outline li.selected').textContent(), 'People', `the category it was typed in: ${banner}`);
    // Enter there adds a category (the person sees which row is selected), never silently.
    await w.page.close();
  });
});
