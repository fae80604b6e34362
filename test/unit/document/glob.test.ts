import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Minimatch } from 'minimatch';
import { compileGlob, expandBraces, MAX_ALTERNATIVES } from '../../../src/core/text/glob';
import { assertLinearGrowth } from '../robustness/linearGrowth';

const GLOB_PARTS = ['*', '**', '?', '/', 'a', 'b', 'A', '.', '.md', '[ab]', '[!a]', '[a-c]', '{a,b}', '{,x}', '\\*', 'postmortems', '-', '/**', '**/', '[]a]', '[\\]]', '{a,{b,c}}', '[A-Z]', '!'];
const PATH_PARTS = ['a', 'b', 'A', 'B', 'c', '.', '/', '.md', 'x', '-', '*', 'postmortems', ']', '!', '{'];

describe('glob matching (linear in the path; globs come from cloned repositories)', function () {
  this.timeout(120_000);

  it('agrees with minimatch (dot, no extglobs) on random globs and paths, either case', () => {
    const glob = fc.array(fc.constantFrom(...GLOB_PARTS), { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
    const path = fc.array(fc.constantFrom(...PATH_PARTS), { minLength: 1, maxLength: 10 }).map((p) => p.join('')).filter((p) => !p.split('/').some((s) => s === '.' || s === '..' || s === ''));
    fc.assert(
      fc.property(glob, path, fc.boolean(), (g, p, nocase) => {
        const expected = new Minimatch(g, { dot: true, nocase, noext: true }).match(p);
        assert.equal(compileGlob(g, { nocase }).match(p), expected, `${g} on ${p} (nocase ${nocase})`);
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads the default globs and the documented ones as before', () => {
    const globs = ['**/postmortems/**/*.md', '**/post-mortems/**/*.md', '**/*.postmortem.md', 'incidents/**/*.md'];
    const paths = ['postmortems/a.md', 'docs/postmortems/2026/a.md', 'Postmortems/A.MD', 'x.postmortem.md', 'a/b.postmortem.md', 'incidents/x.md', 'incidents/a/b.md', 'notes/a.md', 'postmortems/a.txt', '.github/postmortems/a.md'];
    for (const g of globs) {
      for (const p of paths) assert.equal(compileGlob(g, { nocase: true }).match(p), new Minimatch(g, { dot: true, nocase: true }).match(p), `${g} ${p}`);
    }
  });

  it('negation and comments as minimatch reads them', () => {
    assert.equal(compileGlob('!**/drafts/**').match('drafts/a.md'), false);
    assert.equal(compileGlob('!**/drafts/**').match('done/a.md'), true);
    assert.equal(compileGlob('#postmortems/*.md').match('#postmortems/a.md'), false);
  });

  it('refuses brace expansions past the limit (matches nothing) instead of building millions of globs', () => {
    assert.equal(expandBraces('{a,b}'.repeat(8))?.length, 256);
    assert.equal(expandBraces('{a,b}'.repeat(9)), undefined);
    assert.equal(compileGlob(`${'{a,b}'.repeat(30)}.md`).match('a'.repeat(30) + '.md'), false);
    assert.ok(MAX_ALTERNATIVES >= 256);
  });

  it('a glob of many stars on a long name grows linearly (minimatch: seconds for a 50-character name)', () => {
    const glob = compileGlob(`postmortems/${'*a'.repeat(9)}*b.md`, { nocase: true });
    assertLinearGrowth('nine stars', (name) => glob.match(`postmortems/${name}.md`), (n) => 'a'.repeat(n), [1_000, 10_000, 100_000]);
    const deep = compileGlob('**/a/**/a/**/a/**/a/**/b.md');
    assertLinearGrowth('globstars', (p) => deep.match(p), (n) => 'a/'.repeat(n / 2) + 'x.md', [1_000, 10_000]);
  });
});
