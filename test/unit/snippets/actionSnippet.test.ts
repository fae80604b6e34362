import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionSnippetBody } from '../../../src/core/actions/placeholders';
import { resolveConfig } from '../../../src/core/config/resolve';
import { lintText } from '../../../src/core/lint/engine';

/**
 * Trial 9 T1: `pm-action` inserted and tabbed through without typing wrote `@owner`, `TICKET-1` and a
 * due date of today, and lint said nothing. Its defaults are now the placeholders lint reports.
 */
const snippets = JSON.parse(readFileSync(join(__dirname, '../../../snippets/postmortem.code-snippets'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
const expand = (body: string) => body.replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
const doc = (status: string, item: string) => `---\ntype: postmortem\nid: PM-2026-009\ntitle: Snippet\nstatus: ${status}\n---\n# Snippet\n\n## Action items\n\n${item}\n`;

describe('pm-action snippet defaults are placeholders lint reports (trial 9 T1)', () => {
  it('the static snippet is the core body (one source for the snippet and the completion)', () => {
    const snippet = Object.values(snippets).find((s) => s.prefix === 'pm-action')!;
    assert.deepEqual(snippet.body, [actionSnippetBody()]);
  });

  it('tabbed through without typing: the placeholders and the due date are reported, info in a draft, warning in review', () => {
    for (const [status, severity] of [['draft', 'info'], ['in-review', 'warning']] as const) {
      const { diagnostics } = lintText(doc(status, expand(actionSnippetBody())), { config: resolveConfig(), now: new Date('2026-12-06T12:00:00Z') });
      const placeholder = diagnostics.find((d) => d.code === 'actions/placeholder');
      assert.ok(placeholder, JSON.stringify(diagnostics.map((d) => d.code)));
      assert.equal(placeholder.severity, severity);
      assert.match(placeholder.message, /found the placeholder the text "What to change", the owner @owner, the ticket TICKET-1/);
      assert.ok(diagnostics.some((d) => d.code === 'actions/bad-due'), 'due:YYYY-MM-DD is reported');
    }
  });

  it('the completion offers today + defaultDueDays as the due date', () => {
    assert.equal(expand(actionSnippetBody('2026-12-20')), '- [ ] What to change @owner due:2026-12-20 P1 TICKET-1');
  });

  it('a real item is not reported', () => {
    const { diagnostics } = lintText(doc('in-review', '- [ ] Alert on pool saturation @dana due:2026-12-20 P1 OPS-12'), { config: resolveConfig(), now: new Date('2026-12-06T12:00:00Z') });
    assert.deepEqual(diagnostics.filter((d) => d.code === 'actions/placeholder'), []);
  });
});
