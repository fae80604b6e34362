import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../cli/harness';

interface Welcome { readonly view: string; readonly contents: string; readonly when?: string }

/**
 * Until the extension has started (a slow or busy extension host: 8 s in trial16b F1), VS Code showed
 * its own "There is no data provider registered that can provide view data." in both views, which a
 * first-time user reads as broken. A welcome text shown while the extension's `postmortem.index`
 * context key is not set yet (it is set at activation, before any view is filled) says it is starting;
 * the "no post-mortems yet" texts show only once the index is built, so the two never show together.
 */
describe('the views before the extension has started (package.json viewsWelcome)', () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { views: Record<string, { id: string }[]>; viewsWelcome: Welcome[] } };
  const views = Object.values(pkg.contributes.views).flat().map((v) => v.id);

  it('every view of the extension says it is starting while postmortem.index is unset, and nothing else then', () => {
    assert.ok(views.length >= 2, views.join(', '));
    for (const view of views) {
      const welcomes = pkg.contributes.viewsWelcome.filter((w) => w.view === view);
      const starting = welcomes.filter((w) => w.when === '!postmortem.index');
      assert.equal(starting.length, 1, `${view}: one starting text`);
      assert.match(starting[0]!.contents, /^Starting Postmortem…/);
      for (const w of welcomes) if (w !== starting[0]) assert.match(w.when ?? '', /postmortem\.index == built/, `${view}: "${w.contents.slice(0, 40)}" shows only once the index is built`);
    }
  });

  it('the extension sets postmortem.index as it activates, so the starting text goes away', () => {
    const source = readFileSync(join(repoRoot, 'src', 'vscode', 'extension.ts'), 'utf8');
    assert.match(source, /executeCommand\('setContext', 'postmortem\.index', state\.kind\)/);
    assert.match(source, /indexContext\(indexer\.state\);/);
  });
});
