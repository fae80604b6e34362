import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOnce, repoRoot, runCli, workspace } from './harness';

/** The example's fault tree block (the second mermaid block of the checkout review). */
function exampleTree(): string {
  const text = readFileSync(join(repoRoot, 'examples', 'postmortems', '2026-11-20-checkout-pool-exhaustion.md'), 'utf8');
  const start = text.indexOf('```mermaid\nflowchart TB');
  return text.slice(start, text.indexOf('\n```\n', start) + 4);
}

const page = (body: string) => `---\ntype: postmortem\nid: PM-1\ntitle: T\nstatus: draft\n---\n# T\n\n## Root cause analysis\n\n${body}\n`;

describe('postmortem fta reads the file as lint does (trial19b F3, F4)', () => {
  before(buildOnce);

  it('a file with lone CR line breaks: the same tree and numbers as with LF, and the line breaks said', () => {
    const lf = page(exampleTree());
    const ws = workspace({ 'lf.md': lf, 'cr.md': lf.replace(/\n/g, '\r') });
    try {
      const a = runCli(ws.dir, 'fta', 'lf.md');
      const b = runCli(ws.dir, 'fta', 'cr.md');
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      assert.equal(b.stdout.replaceAll('cr.md', 'lf.md'), a.stdout);
      assert.match(b.stderr, /lone CR/);
    } finally {
      ws.cleanup();
    }
  });

  it('a fault tree inside an HTML comment is not analysed: the real one is diagram 1', () => {
    // Without edges: a `-->` line would end the comment there, as CommonMark (and the code host) reads it.
    const commented = '<!-- an example to copy:\n```mermaid\nflowchart TB\n  %% ft:fault-tree v2\n  %% ft:event E1 basic p=0.5\n  E1["Example top event<br/>p = 0.5"]@{ shape: circle }\n```\n-->';
    const ws = workspace({ 'a.md': page(`${commented}\n\n${exampleTree()}`), 'only.md': page(commented) });
    try {
      const r = runCli(ws.dir, 'fta', 'a.md');
      assert.equal(r.code, 0, r.stderr);
      assert.doesNotMatch(r.stdout, /Example top event/);
      assert.match(r.stdout, /Checkout returns errors/);
      assert.match(r.stdout, /diagram 1\b/);
      const only = runCli(ws.dir, 'fta', 'only.md');
      assert.equal(only.code, 2);
      assert.match(only.stderr, /No fault tree in only\.md/);
    } finally {
      ws.cleanup();
    }
  });

  // trial19b F12: 500 events of 0.1 under an OR printed "rare-event approximation 50" beside the exact 1, as a probability.
  it('a rare-event approximation above 1 is said not to be a probability', () => {
    const events = Array.from({ length: 20 }, (_, k) => `E${k + 1}`);
    const tree = ['```mermaid', 'flowchart TB', '  %% ft:fault-tree v2', '  %% ft:gate G1 or', '  G1["Top<br/>OR"]:::ftOr', `  G1 --> ${events.join(' & ')}`,
      ...events.flatMap((e) => [`  %% ft:event ${e} basic p=0.1`, `  ${e}["Cause ${e}<br/>p = 0.1"]@{ shape: circle }`]), '  classDef ftOr stroke:#1a7f37,stroke-width:3px', '```'].join('\n');
    const ws = workspace({ 'wide.md': page(tree) });
    try {
      const r = runCli(ws.dir, 'fta', 'wide.md');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /rare-event approximation 2 \(above 1, so not a probability/);
    } finally {
      ws.cleanup();
    }
  });
});
