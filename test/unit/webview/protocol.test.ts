import assert from 'node:assert/strict';
import { validateFromWebview, validateToWebview } from '../../../src/shared/protocol/validate';

describe('diagram protocol validators', () => {
  it('accepts every well-formed message from the webview', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'edit', requestId: 3, baseVersion: 12, content: 'ishikawa-beta\n  Effect' },
      { type: 'undo', requestId: 4 },
      { type: 'redo', requestId: 5 },
      { type: 'export', format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' },
      { type: 'export', format: 'png', data: 'iVBORw0KGgo=' },
      { type: 'export', format: 'png', data: 'iVBORw0KGgo=', saveAs: true },
      { type: 'reveal', line: 4 },
      { type: 'log', level: 'warn', message: 'something' },
      { type: 'drawn', ok: true, ms: 42 },
    ];
    for (const m of good) assert.deepEqual(validateFromWebview(m), { ok: true, message: m }, JSON.stringify(m));
  });

  it('accepts every well-formed message from the extension', () => {
    const good: unknown[] = [
      { type: 'document', kind: 'fault-tree', content: 'flowchart TB', version: 1, blockIndex: 0, kindIndex: 0, firstLine: 9, fileName: 'pm.md', uri: 'file:///w/pm.md' },
      { type: 'gone', reason: 'deleted' },
      { type: 'editResult', requestId: 1, ok: false, version: 4, reason: 'stale' },
      { type: 'editResult', requestId: 1, ok: true, version: 5 },
      { type: 'exportRequest', format: 'png' },
      { type: 'zoom', action: 'in' },
      { type: 'zoom', action: 'out' },
      { type: 'zoom', action: 'reset' },
    ];
    for (const m of good) assert.equal(validateToWebview(m).ok, true, JSON.stringify(m));
  });

  it('ignores hostile or malformed messages from the webview, saying why', () => {
    const bad: [unknown, RegExp][] = [
      [null, /plain object/],
      ['edit', /plain object/],
      [[{ type: 'ready' }], /plain object/],
      [{}, /unknown message type/],
      [{ type: 'toString' }, /unknown message type/],
      [{ type: '__proto__' }, /unknown message type/],
      [{ type: 'runCommand', command: 'workbench.action.terminal.new' }, /unknown message type "runCommand"/],
      [{ type: 'edit', requestId: 1, baseVersion: 1 }, /missing field "content"/],
      [{ type: 'edit', requestId: -1, baseVersion: 1, content: '' }, /invalid field "requestId"/],
      [{ type: 'edit', requestId: 1.5, baseVersion: 1, content: '' }, /invalid field "requestId"/],
      [{ type: 'edit', requestId: 1, baseVersion: '7', content: '' }, /invalid field "baseVersion"/],
      [{ type: 'edit', requestId: 1, baseVersion: 1, content: 42 }, /invalid field "content"/],
      [{ type: 'edit', requestId: 1, baseVersion: 1, content: 'x'.repeat(1_000_001) }, /invalid field "content"/],
      [{ type: 'edit', requestId: 1, baseVersion: 1, content: '', uri: 'file:///etc/passwd' }, /unexpected field "uri"/],
      [{ type: 'ready', extra: true }, /unexpected field "extra"/],
      [{ type: 'export', format: 'pdf', data: '<svg>' }, /invalid field "format"/],
      [{ type: 'export', format: 'svg', data: '<script>alert(1)</script>' }, /SVG data/],
      [{ type: 'export', format: 'png', data: 'not base64!' }, /PNG data/],
      [{ type: 'log', level: 'debug', message: 'x' }, /invalid field "level"/],
      [{ type: 'export', format: 'svg', data: '<svg></svg>', saveAs: 'yes' }, /invalid field "saveAs"/],
      [{ type: 'export', format: 'svg', data: '<svg></svg>', path: '/etc/cron.d/x' }, /unexpected field "path"/],
      [{ type: 'reveal', line: -1 }, /invalid field "line"/],
      [{ type: 'reveal', line: 2.5 }, /invalid field "line"/],
      [{ type: 'reveal' }, /missing field "line"/],
      [{ type: 'reveal', line: 1, uri: 'file:///etc/passwd' }, /unexpected field "uri"/],
    ];
    for (const [m, why] of bad) {
      const r = validateFromWebview(m);
      assert.equal(r.ok, false, JSON.stringify(m));
      if (!r.ok) assert.match(r.error, why);
    }
  });

  it('refuses objects that are not plain data (class instances, inherited fields)', () => {
    class Ready { type = 'ready'; }
    assert.equal(validateFromWebview(new Ready()).ok, false);
    assert.equal(validateFromWebview(Object.create({ type: 'ready' })).ok, false);
    const polluted = JSON.parse('{"type":"ready","__proto__":{"x":1}}');
    assert.equal(validateFromWebview(polluted).ok, false);
  });

  it('ignores hostile messages sent to the webview', () => {
    const bad: unknown[] = [
      { type: 'document', kind: 'sequence', content: '', version: 1, blockIndex: 0, kindIndex: 0, firstLine: 0, fileName: 'a', uri: 'file:///a' },
      { type: 'document', kind: 'fishbone', content: '', version: 1, blockIndex: 0, kindIndex: 0, firstLine: 0 },
      { type: 'document', kind: 'fishbone', content: '', version: Number.NaN, blockIndex: 0, kindIndex: 0, firstLine: 0, fileName: 'a', uri: 'file:///a' },
      { type: 'document', kind: 'fishbone', content: '', version: 1, blockIndex: 0, kindIndex: 0, firstLine: 0, fileName: 'a' },
      { type: 'document', kind: 'fishbone', content: '', version: 1, blockIndex: 0, kindIndex: 0, firstLine: 0, fileName: 'a', uri: '' },
      { type: 'editResult', requestId: 1, ok: 'yes', version: 1 },
      { type: 'exportRequest', format: 'svg', path: '/tmp/x' },
      { type: 'html', html: '<img src=x onerror=alert(1)>' },
    ];
    for (const m of bad) assert.equal(validateToWebview(m).ok, false, JSON.stringify(m));
  });

  it('accepts a zoom message only with a known action and nothing else', () => {
    assert.deepEqual(validateToWebview({ type: 'zoom' }), { ok: false, error: 'zoom: missing field "action"' });
    assert.deepEqual(validateToWebview({ type: 'zoom', action: 'fit' }), { ok: false, error: 'zoom: invalid field "action"' });
    assert.deepEqual(validateToWebview({ type: 'zoom', action: 1.5 }), { ok: false, error: 'zoom: invalid field "action"' });
    assert.deepEqual(validateToWebview({ type: 'zoom', action: 'in', scale: 40 }), { ok: false, error: 'zoom: unexpected field "scale"' });
    // The webview never sends one: a zoom arriving at the extension is not a message it knows.
    assert.equal(validateFromWebview({ type: 'zoom', action: 'in' }).ok, false);
  });
});
