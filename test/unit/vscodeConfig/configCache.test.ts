import assert from 'node:assert/strict';
import { DEFAULT_CONFIG, type ResolvedConfig } from '../../../src/core/config/config';
import { DEFAULT_SECTION_ALIASES } from '../../../src/core/document/sectionNames';
import { WorkspaceIndex } from '../../../src/core/index';
import { AsyncCache, foldersBetween, parentPath, recognitionKey } from '../../../src/vscode/config/configCache';
import { problemSource, ProblemNotices } from '../../../src/vscode/config/problemNotices';

/** A load the test finishes by hand, to order it against `clear()`. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('AsyncCache (per-folder configs)', () => {
  it('shares one load between concurrent requests and answers synchronously afterwards', async () => {
    const cache = new AsyncCache<string>();
    let loads = 0;
    const gate = deferred<string>();
    const load = () => {
      loads++;
      return gate.promise;
    };
    const a = cache.ensure('/ws/pm', load);
    const b = cache.ensure('/ws/pm', load);
    assert.equal(cache.get('/ws/pm'), undefined, 'nothing to answer before the load ends');
    gate.resolve('nested');
    assert.deepEqual(await Promise.all([a, b]), ['nested', 'nested']);
    assert.equal(loads, 1);
    assert.equal(cache.get('/ws/pm'), 'nested');
    assert.equal(await cache.ensure('/ws/pm', load), 'nested');
    assert.equal(loads, 1, 'a loaded key is not loaded again');
  });

  it('never keeps a value loaded before clear(): the waiter gets the value loaded again', async () => {
    const cache = new AsyncCache<string>();
    const first = deferred<string>();
    const answers = [first.promise, Promise.resolve('after the rc file changed')];
    const waiting = cache.ensure('k', () => answers.shift()!);
    cache.clear(); // The rc file changed while it was being read.
    first.resolve('before the change');
    assert.equal(await waiting, 'after the rc file changed');
    assert.equal(cache.get('k'), 'after the rc file changed');
    assert.deepEqual(cache.keys(), ['k']);
  });

  it('reports a load only when its value lands: a load overtaken by clear() reports nothing', async () => {
    const cache = new AsyncCache<string>();
    const landed: string[] = [];
    const broken = deferred<string>();
    const answers = [broken.promise, Promise.resolve('fixed rc file')];
    const waiting = cache.ensure('k', () => answers.shift()!, (v) => landed.push(v));
    cache.clear(); // The user fixed the broken rc file while it was being read.
    broken.resolve('expected valid JSON');
    assert.equal(await waiting, 'fixed rc file');
    assert.deepEqual(landed, ['fixed rc file'], 'the stale problem is never reported');
    assert.equal(await cache.ensure('k', () => Promise.resolve('again'), (v) => landed.push(v)), 'fixed rc file');
    assert.deepEqual(landed, ['fixed rc file'], 'a cached value does not land (or report) twice');
  });

  it('reports once when a concurrent request shares the load', async () => {
    const cache = new AsyncCache<string>();
    const landed: string[] = [];
    const gate = deferred<string>();
    const a = cache.ensure('k', () => gate.promise, (v) => landed.push(`a:${v}`));
    const b = cache.ensure('k', () => gate.promise, (v) => landed.push(`b:${v}`));
    gate.resolve('broken');
    await Promise.all([a, b]);
    assert.deepEqual(landed, ['a:broken']);
  });

  it('does not report a failed load', async () => {
    const cache = new AsyncCache<string>();
    let landed = 0;
    await assert.rejects(cache.ensure('k', () => Promise.reject(new Error('disk gone')), () => landed++), /disk gone/);
    assert.equal(landed, 0);
  });

  it('lets a failed load be retried', async () => {
    const cache = new AsyncCache<string>();
    await assert.rejects(cache.ensure('k', () => Promise.reject(new Error('disk gone'))), /disk gone/);
    assert.equal(cache.has('k'), false);
    assert.equal(await cache.ensure('k', () => Promise.resolve('ok')), 'ok');
  });
});

describe('folder paths', () => {
  it('walks from a file\'s folder up to its workspace folder, and no further', () => {
    assert.equal(parentPath('/ws/postmortems/payments/x.md'), '/ws/postmortems/payments');
    assert.equal(parentPath('/x.md'), '/');
    assert.deepEqual(foldersBetween('/ws/a/b', '/ws'), ['/ws/a/b', '/ws/a', '/ws']);
    assert.deepEqual(foldersBetween('/ws/a/b', '/ws/'), ['/ws/a/b', '/ws/a', '/ws']);
    assert.deepEqual(foldersBetween('/ws', '/ws'), ['/ws']);
    assert.deepEqual(foldersBetween('/other/a', '/ws'), ['/other/a'], 'a folder outside the root stays alone');
    assert.deepEqual(foldersBetween('/wsx/a', '/ws'), ['/wsx/a'], 'a sibling with a longer name is not inside');
    assert.deepEqual(foldersBetween('/a/b', '/'), ['/a/b', '/a', '/']);
  });

  it('recognition changes only with globs or section aliases', () => {
    const base = { ...DEFAULT_CONFIG, globs: ['**/postmortems/**/*.md'] };
    const regraded: ResolvedConfig = { ...base, rules: { 'schema/enum': 'off' }, reviewDeadlineHours: 24 };
    assert.equal(recognitionKey(base), recognitionKey(regraded));
    assert.notEqual(recognitionKey(base), recognitionKey({ ...base, globs: ['docs/**/*.md'] }));
    assert.notEqual(recognitionKey(base), recognitionKey({ ...base, sectionAliases: { ...base.sectionAliases, timeline: ['sequence'] } }));
  });
});

describe('ProblemNotices (config problems shown once)', () => {
  const broken = '/ws/postmortems/payments/.postmortemrc.json: expected valid JSON (Unexpected end of JSON input)';
  const badValue = '/ws/postmortems/payments/.postmortemrc.json: Expected "reviewDeadlineHours" to be a non-negative number, found "soon"';
  const setting = 'Expected rule "schema/enum" to be one of off, error, warning, info, hint, found "loud"';

  it('names the rc file a problem comes from, else the settings', () => {
    assert.equal(problemSource(broken), '/ws/postmortems/payments/.postmortemrc.json');
    assert.equal(problemSource(setting), 'settings');
  });

  it('logs each problem once and shows one per source, however many folders report it', () => {
    const notices = new ProblemNotices();
    const first = notices.take([broken, setting]);
    assert.deepEqual(first.log, [broken, setting]);
    assert.deepEqual(first.show, [broken, setting]);
    const sameAgain = notices.take([broken, setting]); // A second folder under the same broken file.
    assert.deepEqual(sameAgain, { log: [], show: [] });
    const other = notices.take([badValue]);
    assert.deepEqual(other, { log: [badValue], show: [] }, 'the file was already shown: logged only');
  });

  it('shows a source again after it changed and is still wrong', () => {
    const notices = new ProblemNotices();
    notices.take([broken, setting]);
    notices.forget('/ws/postmortems/payments/.postmortemrc.json');
    assert.deepEqual(notices.take([broken, setting]), { log: [broken], show: [broken] });
  });
});

describe('WorkspaceIndex with per-file section names', () => {
  it('reads a file\'s action items under the heading its own folder config names', () => {
    const text = '---\nid: PM-1\ntitle: T\n---\n# T\n\n## Homework\n\n- [ ] Add an alert @alice\n';
    const index = new WorkspaceIndex();
    index.set('a', text);
    assert.equal(index.get('a')?.actionItems.length, 0, 'unknown heading with the default names');
    index.set('b', text, { sectionAliases: { ...DEFAULT_SECTION_ALIASES, 'action-items': [...DEFAULT_SECTION_ALIASES['action-items'], 'homework'] } });
    assert.deepEqual(index.get('b')?.actionItems.map((i) => i.text), ['Add an alert @alice']);
  });
});
