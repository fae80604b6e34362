import assert from 'node:assert/strict';
import type { DocumentMessage } from '../../../src/shared/protocol/messages';
import {
  contentFingerprint, diagramStateOf, validateDiagramPanelState, validateMetricsPanelState, type DiagramPanelState,
} from '../../../src/shared/protocol/state';
import { checkSavedDiagram, findSavedBlock } from '../../../src/vscode/diagrams/restoreBlock';
import { buildNoticeHtml } from '../../../src/vscode/diagrams/webviewHtml';

const FISH = ['ishikawa-beta', '  Checkout returned 502', '    People', '      New on-call'].join('\n');
const TREE = ['flowchart TB', '  %% ft:fault-tree v1', '  top["Checkout down"]'].join('\n');
const fence = (body: string) => ['```mermaid', body, '```'];
/** A post-mortem with a fishbone (fence on line 3, 0-based 2) and a fault tree after it. */
const DOC = ['# Checkout outage', '', ...fence(FISH), '', 'Some text.', '', ...fence(TREE), ''].join('\n');
const URI = 'file:///work/incidents/checkout.md';

function docMessage(content: string, blockIndex: number, firstLine: number): DocumentMessage {
  return { type: 'document', kind: 'fishbone', content, version: 3, blockIndex, kindIndex: blockIndex, firstLine, fileName: 'checkout.md', uri: URI };
}
const FISH_STATE: DiagramPanelState = diagramStateOf(docMessage(FISH, 0, 3), 'k2');
const inWorkspace = (uri: string) => uri.startsWith('file:///work/');

describe('saved panel state (what a webview keeps for a window reload)', () => {
  it('is what the diagram page saves from a document message, and it passes its own check', () => {
    assert.deepEqual(FISH_STATE, { v: 1, uri: URI, kind: 'fishbone', blockIndex: 0, firstLine: 3, fingerprint: contentFingerprint(FISH), selected: 'k2' });
    assert.deepEqual(validateDiagramPanelState(FISH_STATE), { ok: true, message: FISH_STATE });
    const withoutSelection = diagramStateOf(docMessage(FISH, 0, 3), undefined);
    assert.equal(Object.hasOwn(withoutSelection, 'selected'), false);
    assert.equal(validateDiagramPanelState(withoutSelection).ok, true);
    // The splitter and the export choices travel with it.
    const view = diagramStateOf(docMessage(FISH, 0, 3), 'k2', { split: 42.5, exportBackground: 'dark', exportScale: 3 });
    assert.deepEqual(validateDiagramPanelState(view), { ok: true, message: view });
  });

  it('fingerprints the block text, not its line breaks', () => {
    assert.match(contentFingerprint(FISH), /^[0-9a-f]{8}$/);
    assert.equal(contentFingerprint(FISH.replace(/\n/g, '\r\n')), contentFingerprint(FISH));
    assert.notEqual(contentFingerprint(FISH), contentFingerprint(`${FISH}\n      Second cause`));
    assert.notEqual(contentFingerprint(''), contentFingerprint(' '));
  });

  it('refuses any other shape, saying why', () => {
    const bad: [unknown, RegExp][] = [
      [undefined, /no saved state/],
      [null, /no saved state/],
      ['{"v":1}', /not a plain object/],
      [[FISH_STATE], /not a plain object/],
      [{ selected: 'k2' }, /missing field "v"/], // what older versions of the page saved
      [{ ...FISH_STATE, v: 2 }, /invalid field "v"/],
      [{ ...FISH_STATE, uri: '' }, /invalid field "uri"/],
      [{ ...FISH_STATE, uri: `file:///${'a'.repeat(4_000)}` }, /invalid field "uri"/],
      [{ ...FISH_STATE, kind: 'sequence' }, /invalid field "kind"/],
      [{ ...FISH_STATE, blockIndex: -1 }, /invalid field "blockIndex"/],
      [{ ...FISH_STATE, blockIndex: 1.5 }, /invalid field "blockIndex"/],
      [{ ...FISH_STATE, firstLine: '3' }, /invalid field "firstLine"/],
      [{ ...FISH_STATE, fingerprint: 'DEADBEEF' }, /invalid field "fingerprint"/],
      [{ ...FISH_STATE, selected: 7 }, /invalid field "selected"/],
      [{ ...FISH_STATE, split: 0 }, /invalid field "split"/],
      [{ ...FISH_STATE, split: 99 }, /invalid field "split"/],
      [{ ...FISH_STATE, split: Number.NaN }, /invalid field "split"/],
      [{ ...FISH_STATE, split: '40' }, /invalid field "split"/],
      [{ ...FISH_STATE, exportBackground: 'red' }, /invalid field "exportBackground"/],
      [{ ...FISH_STATE, exportScale: 10 }, /invalid field "exportScale"/],
      [{ ...FISH_STATE, command: 'workbench.action.terminal.new' }, /unexpected field "command"/],
      [{ ...FISH_STATE, type: 'document' }, /unexpected field "type"/],
      [JSON.parse(`{"__proto__":{"v":1},${JSON.stringify(FISH_STATE).slice(1)}`), /unexpected field "__proto__"/],
    ];
    for (const [value, why] of bad) {
      const checked = validateDiagramPanelState(value);
      assert.equal(checked.ok, false, JSON.stringify(value));
      if (!checked.ok) assert.match(checked.error, why, JSON.stringify(value));
    }
    class State { v = 1; uri = URI; kind = 'fishbone'; blockIndex = 0; firstLine = 3; fingerprint = '00000000'; }
    assert.equal(validateDiagramPanelState(new State()).ok, false);
  });

  it('keeps the metrics filters only when they are ones the dashboard offers', () => {
    const good = { v: 1, options: { by: 'quarter', windowMonths: 24 } };
    assert.deepEqual(validateMetricsPanelState(good), { ok: true, message: good });
    for (const bad of [
      undefined, { options: good.options }, { v: 1, options: { by: 'week', windowMonths: 24 } },
      { v: 1, options: { by: 'month', windowMonths: 5 } }, { ...good, extra: true }, { v: 1, options: { ...good.options, since: '2020' } },
    ]) assert.equal(validateMetricsPanelState(bad).ok, false, JSON.stringify(bad));
  });
});

describe('restoring a diagram panel after a window reload', () => {
  it('accepts a well-formed state naming a workspace file, asking the host about exactly that URI', () => {
    const asked: string[] = [];
    const checked = checkSavedDiagram(FISH_STATE, (uri) => {
      asked.push(uri);
      return inWorkspace(uri);
    });
    assert.deepEqual(checked, { ok: true, state: FISH_STATE });
    assert.deepEqual(asked, [URI]);
  });

  it('refuses a state that is not ours, or a file outside the workspace, with a message for the panel', () => {
    const broken = checkSavedDiagram({ v: 1, uri: URI }, inWorkspace);
    assert.equal(broken.ok, false);
    if (!broken.ok) assert.match(broken.message, /could not be restored: saved state: missing field "kind".*Edit fishbone/);
    const outside = checkSavedDiagram({ ...FISH_STATE, uri: 'file:///etc/passwd' }, inWorkspace);
    assert.equal(outside.ok, false);
    if (!outside.ok) assert.match(outside.message, /passwd is not a file of this workspace.*"Edit fishbone" CodeLens/);
    // Dot segments could climb out of the folder even where a prefix check says "inside".
    for (const uri of ['file:///work/../etc/passwd', 'file:///work/%2E%2E/etc/passwd', 'file:///work/./x/../../etc/passwd', 'file:///work/..']) {
      assert.equal(checkSavedDiagram({ ...FISH_STATE, uri }, inWorkspace).ok, false, uri);
    }
    assert.equal(checkSavedDiagram({ ...FISH_STATE, uri: 'untitled:Untitled-1' }, inWorkspace).ok, false);
  });

  it('finds the block where it was, and the same text after lines or other blocks moved it', () => {
    assert.deepEqual(findSavedBlock(DOC, FISH_STATE), { ok: true, index: 0 });
    // Three lines added above: the same block, now further down.
    assert.deepEqual(findSavedBlock(`Intro\n\nMore\n${DOC}`, FISH_STATE), { ok: true, index: 0 });
    // Another mermaid block added above it: its index changed, its text did not.
    const withChart = ['```mermaid', 'pie', '  "a": 1', '```', '', DOC].join('\n');
    assert.deepEqual(findSavedBlock(withChart, FISH_STATE), { ok: true, index: 1 });
    const treeState = diagramStateOf({ ...docMessage(TREE, 1, 11), kind: 'fault-tree' }, undefined);
    assert.deepEqual(findSavedBlock(DOC, treeState), { ok: true, index: 1 });
  });

  it('follows a block edited in place while the window was closed (same kind, index and line)', () => {
    const edited = DOC.replace('      New on-call', '      New on-call\n      Pager muted');
    assert.deepEqual(findSavedBlock(edited, FISH_STATE), { ok: true, index: 0 });
  });

  it('says the block is gone when it was deleted, changed kind, or was edited and moved', () => {
    const cases: [string, string][] = [
      ['deleted', DOC.split('\n').filter((_, i) => i < 2 || i > 8).join('\n')],
      ['now a fault tree', DOC.replace(FISH, TREE.replace('Checkout down', 'Other'))],
      ['edited and moved', `Intro\n${DOC.replace('New on-call', 'Someone else')}`],
      ['no blocks at all', '# Checkout outage\n'],
    ];
    for (const [what, text] of cases) {
      const found = findSavedBlock(text, FISH_STATE);
      assert.equal(found.ok, false, what);
      if (!found.ok) assert.match(found.message, /^Diagram 1 of checkout\.md \(the fishbone whose fence was on line 3\) is no longer in the file.*"Edit fishbone" CodeLens/, what);
    }
  });

  it('does not guess between copies of the block when none is where it was', () => {
    const copies = ['Intro', '', ...fence(FISH), '', ...fence(FISH), ''].join('\n');
    const found = findSavedBlock(copies, { ...FISH_STATE, blockIndex: 5, firstLine: 40 });
    assert.equal(found.ok, false);
    if (!found.ok) assert.match(found.message, /cannot be told apart: checkout\.md now has 2 fishbones with its text/);
    // One of the copies where the panel's block was: that one.
    assert.deepEqual(findSavedBlock(copies, { ...FISH_STATE, blockIndex: 1, firstLine: 8 }), { ok: true, index: 1 });
  });

  it('shows the reason in a page without any script, escaped', () => {
    const html = buildNoticeHtml({ cspSource: 'https://x.vscode-cdn.net', title: 'Diagram (not restored)', message: 'a <img src=x onerror=alert(1)> "b"' });
    assert.equal(/<script/i.test(html), false);
    assert.ok(html.includes('a &#60;img src=x onerror=alert(1)&#62; &#34;b&#34;'));
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
  });
});
