import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../src/core/lint/engine';

interface Snippet { readonly prefix: string; readonly body: readonly string[] }

const snippets = JSON.parse(readFileSync(join(__dirname, '../../../snippets/postmortem.code-snippets'), 'utf8')) as Record<string, Snippet>;

/** The text VS Code inserts when the user tabs through every placeholder without typing. */
function expand(body: readonly string[]): string {
  return body.join('\n')
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const POSTMORTEM = (block: string): string => `---
type: postmortem
id: PM-2026-001
title: Snippet check
status: draft
severity: SEV2
started_at: 2026-11-20T09:00:00Z
facilitator: Dana Lee
---

# Snippet check

## Summary

Fine.

## Root cause

${block}
`;

describe('diagram snippets insert diagrams the linter accepts', () => {
  for (const prefix of ['pm-fishbone', 'pm-faulttree']) {
    it(`${prefix}: no diagram problem on the inserted block (a v1 fault tree was the first problem a new user saw, trial7 T5)`, () => {
      const snippet = Object.values(snippets).find((s) => s.prefix === prefix);
      assert.ok(snippet, prefix);
      const { diagnostics } = lintText(POSTMORTEM(expand(snippet.body)));
      // The snippet's own defaults are placeholders to rename: said as info in a draft, nothing else.
      const diagramProblems = diagnostics.filter((d) => /^(fault-tree|fishbone|mermaid|diagram)/.test(d.code) && d.code !== 'fishbone/placeholder');
      assert.deepEqual(diagramProblems.map((d) => `${d.code}: ${d.message}`), []);
      assert.ok(diagnostics.filter((d) => d.code === 'fishbone/placeholder').every((d) => d.severity === 'info'));
    });
  }

  it('the fault-tree snippet mirrors each probability into its label, so editing one edits both', () => {
    const body = Object.values(snippets).find((s) => s.prefix === 'pm-faulttree')!.body.join('\n');
    assert.equal(body.match(/\$\{2:0\.01\}/g)?.length, 2);
    assert.equal(body.match(/\$\{4:0\.02\}/g)?.length, 2);
  });
});
