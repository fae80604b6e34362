import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SCREENSHOTS, useDiagramWebview } from './harness';
import { bannerText, causesOf, documentMessage, openOn, overtakenResult, sentEdits } from './standInExtension';

/**
 * Names typed fast in the outline while a teammate's changes keep arriving (autosave, a script, a
 * git pull; trial14b F7: every typed name was lost and "New cause" rows were written instead). Edits
 * the text overtakes are made again, by row identity, on the text as it is now; a new row's open
 * field is added again with what was typed; what cannot be applied is shown, never dropped silently.
 */

const FISH = [
  'ishikawa-beta', '  Checkout pool exhausted', '    People', '      New on-call',
  '    Process', '      No load test before Black Friday',
  '    Technology', '      Connection pool capped at 20 per instance',
].join('\n');
const teammate = (content: string, n: number): string => content.replace('    Process\n', `    Process\n      Teammate cause ${n}\n`);

const doc = (content: string, version: number) => documentMessage('fishbone', content, version, 'race.md');

describe('diagram webview: names typed while the text keeps changing (trial14b F7)', function () {
  const webview = useDiagramWebview();

  it('a new row being named when a teammate change arrives stays, with its field and typed text; Enter writes the name', async () => {
    const w = await openOn(webview, doc(FISH, 1), 'New on-call');
    await w.page.keyboard.press('Enter');
    await w.page.keyboard.type('Pager went to a');
    await w.nextDrawing(() => w.send(doc(teammate(FISH, 1), 2)));
    const field = w.page.locator('#outline input.rename');
    assert.equal(await field.inputValue(), 'Pager went to a', 'the field is still open with what was typed');
    await w.page.keyboard.type(' former employee');
    const sent = await w.nextPosted('edit', () => w.page.keyboard.press('Enter'));
    assert.equal(sent.baseVersion, 2, 'made on the text as it is now');
    assert.deepEqual(causesOf(sent.content), [
      'People', 'New on-call', 'Pager went to a former employee', 'Process', 'Teammate cause 1', 'No load test before Black Friday',
      'Technology', 'Connection pool capped at 20 per instance',
    ]);
    assert.doesNotMatch(await bannerText(w), /not written/);
    await w.page.close();
  });

  it('an edit overtaken by a teammate change before it was written is made again on the new text, and sent', async () => {
    const w = await openOn(webview, doc(FISH, 1), 'New on-call');
    await w.page.keyboard.press('Enter');
    await w.page.keyboard.type('Runbook link dead');
    const first = await w.nextPosted('edit', () => w.page.keyboard.press('Enter'));
    assert.equal(first.requestId, 1);
    // The teammate's change reaches the document first: the extension refuses edit 1 (made on version 1).
    await w.send(doc(teammate(FISH, 1), 2));
    const again = await w.nextPosted('edit', () => w.send(overtakenResult(1, 2)));
    assert.equal(again.baseVersion, 2);
    assert.deepEqual(causesOf(again.content), [
      'People', 'New on-call', 'Runbook link dead', 'Process', 'Teammate cause 1', 'No load test before Black Friday',
      'Technology', 'Connection pool capped at 20 per instance',
    ]);
    assert.match(await bannerText(w), /made again on the text as it is now/);
    await w.page.close();
  });

  it('an edit that was written before the teammate change is not made twice', async () => {
    const w = await openOn(webview, doc(FISH, 1), 'New on-call');
    await w.page.keyboard.press('Enter');
    await w.page.keyboard.type('Runbook link dead');
    const first = await w.nextPosted('edit', () => w.page.keyboard.press('Enter'));
    // Written (version 2), then the teammate's change (version 3) is reported before the answer to edit 1.
    await w.send(doc(teammate(first.content, 1), 3));
    // The page keeps its view until the answer says whether edit 1 was written; then it shows the text.
    await w.nextDrawing(() => w.send({ type: 'editResult', requestId: 1, ok: true, version: 3 }));
    assert.equal(await w.page.locator('#outline li.row', { hasText: 'Teammate cause 1' }).count(), 1);
    await w.page.waitForTimeout(200);
    assert.equal((await sentEdits(w)).length, 1, 'nothing sent again');
    assert.equal(await w.page.locator('#outline li.row', { hasText: 'Runbook link dead' }).count(), 1);
    await w.page.close();
  });

  it('a rename whose row a teammate deleted is not written, and the typed name stays in the banner', async () => {
    const w = await openOn(webview, doc(FISH, 1), 'New on-call');
    await w.page.keyboard.press('F2');
    await w.page.keyboard.type('On-call in first week');
    await w.nextPosted('edit', () => w.page.keyboard.press('Enter'));
    await w.send(doc(FISH.replace('      New on-call\n', ''), 2));
    await w.send(overtakenResult(1, 2));
    await w.page.waitForTimeout(200);
    assert.equal((await sentEdits(w)).length, 1, 'nothing else is written');
    assert.match(await bannerText(w), /What you typed: “On-call in first week”/);
    await w.page.close();
  });

  it('eight names typed fast while a teammate adds a cause every 0.3 s: all eight written, no “New cause” (trial14b F7 steps)', async () => {
    const w = await openOn(webview, doc(FISH, 1));
    // A stand-in for the extension: applies an edit made on the current block, refuses one the text
    // overtook (as BlockTracker.checkWrite does) and then sends the text; the teammate's changes arrive on a timer.
    await w.page.evaluate(`(() => {
      const fake = window.__fake = { doc: ${JSON.stringify(FISH)}, version: 1, contentVersion: 1, teammate: 0, busy: false, queue: [] };
      const send = (m) => window.postMessage(m, '*');
      const document = () => send({ ...${JSON.stringify(doc('', 0))}, content: fake.doc, version: fake.version });
      const step = () => {
        const m = fake.queue.shift();
        if (!m) { fake.busy = false; return; }
        fake.busy = true;
        setTimeout(() => {
          if (m.baseVersion < fake.contentVersion) {
            send({ ...${JSON.stringify(overtakenResult(0, 0))}, requestId: m.requestId, version: fake.version });
            document();
          } else {
            fake.doc = m.content; fake.version += 1;
            send({ type: 'editResult', requestId: m.requestId, ok: true, version: fake.version });
          }
          step();
        }, 40);
      };
      const posted = window.__posted;
      const push = posted.push.bind(posted);
      posted.push = (...ms) => { const r = push(...ms); for (const m of ms) if (m.type === 'edit') { fake.queue.push(m); if (!fake.busy) step(); } return r; };
      fake.timer = setInterval(() => {
        fake.teammate += 1;
        fake.doc = fake.doc.replace('    Process\\n', '    Process\\n      Teammate cause ' + fake.teammate + '\\n');
        fake.version += 1; fake.contentVersion = fake.version;
        document();
        if (fake.teammate >= 12) clearInterval(fake.timer);
      }, 300);
    })()`);
    await w.page.locator('#outline li.row', { hasText: 'New on-call' }).click();
    for (let i = 1; i <= 8; i++) {
      await w.page.keyboard.press('Enter');
      await w.page.keyboard.type(`Facilitator cause ${i}`, { delay: 15 });
      await w.page.keyboard.press('Enter');
      await w.page.waitForTimeout(250);
    }
    await w.page.waitForFunction(() => (window as unknown as { __fake: { teammate: number; busy: boolean } }).__fake.teammate >= 12);
    await w.page.waitForFunction(() => !(window as unknown as { __fake: { busy: boolean } }).__fake.busy && document.body.dataset.state === 'saved', undefined, { timeout: 10_000 });
    const final = await w.page.evaluate(() => (window as unknown as { __fake: { doc: string } }).__fake.doc);
    const written = causesOf(final);
    await w.page.screenshot({ path: join(SCREENSHOTS, 'webview-fishbone-typing-race.png') });
    for (let i = 1; i <= 8; i++) assert.ok(written.includes(`Facilitator cause ${i}`), `cause ${i} written: ${written.join(' | ')}`);
    for (let i = 1; i <= 12; i++) assert.ok(written.includes(`Teammate cause ${i}`), `teammate cause ${i} kept`);
    assert.ok(!written.includes('New cause'), 'no placeholder row written');
    const people = written.slice(written.indexOf('People') + 1, written.indexOf('Process'));
    assert.deepEqual(people, ['New on-call', ...Array.from({ length: 8 }, (_, i) => `Facilitator cause ${i + 1}`)], `in the order typed, where they were typed: ${written.join(' | ')}`);
    await w.page.close();
  });
});
