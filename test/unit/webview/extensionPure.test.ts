import assert from 'node:assert/strict';
import { findMermaidBlocks, parseFaultTree, parseFishbone } from '../../../src/core/diagrams';
import { decodeBase64, exportPath } from '../../../src/vscode/diagrams/exportFiles';
import { blockInsertion, diagramLine, newDiagramText } from '../../../src/vscode/diagrams/templates';
import { renderPostmortemTemplate } from '../../../src/core/template/newPostmortem';
import { parsePostmortem } from '../../../src/core/document/parse';
import { buildDiagramHtml, contentSecurityPolicy, makeNonce } from '../../../src/vscode/diagrams/webviewHtml';

describe('diagram webview HTML', () => {
  it('carries the strict CSP with a fresh nonce on its only script', () => {
    const nonce = makeNonce();
    assert.notEqual(nonce, makeNonce());
    assert.match(nonce, /^[A-Za-z0-9_-]{22}$/);
    const html = buildDiagramHtml({ cspSource: 'https://x.vscode-cdn.net', nonce, scriptUri: 'https://x/main.js', styleUri: 'https://x/main.css', title: '<b>"t"</b>' });
    assert.ok(html.includes(`content="${contentSecurityPolicy('https://x.vscode-cdn.net', nonce).replace(/'/g, '&#39;')}"`));
    assert.equal(contentSecurityPolicy('SRC', 'N'), "default-src 'none'; script-src 'nonce-N' SRC; style-src SRC 'unsafe-inline'; img-src SRC data:; font-src SRC");
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes(`<script type="module" nonce="${nonce}" src="https://x/main.js">`));
    assert.ok(html.includes('<title>&#60;b&#62;&#34;t&#34;&#60;/b&#62;</title>'));
    assert.throws(() => buildDiagramHtml({ cspSource: 'a', nonce: "x' 'unsafe-inline", scriptUri: '', styleUri: '', title: '' }));
  });
});

describe('new diagram blocks', () => {
  it('inserts parseable, writable blocks with blank lines around them', () => {
    for (const kind of ['fishbone', 'fault-tree'] as const) {
      const parsed = kind === 'fishbone' ? parseFishbone(newDiagramText(kind)) : parseFaultTree(newDiagramText(kind));
      assert.equal(parsed.writable, true, kind);
      const lines = ['# Title', 'Some text', 'More'];
      const { text, fenceLine } = blockInsertion(kind, lines, 2, '\n');
      const doc = [...lines.slice(0, 2), ...text.split('\n').slice(0, -1), ...lines.slice(2)].join('\n');
      const blocks = findMermaidBlocks(doc);
      assert.equal(blocks.length, 1);
      assert.equal(blocks[0].kind, kind);
      assert.equal(blocks[0].range.start.line, fenceLine);
      assert.equal(doc.split('\n')[fenceLine - 1], '');
    }
  });
});

describe('where a new diagram goes', () => {
  const text = renderPostmortemTemplate({ title: 'Checkout 5xx', now: new Date('2026-11-27T05:40:00Z'), zone: 'UTC' });
  const lines = text.split('\n');
  const rootCauseEnd = lines.indexOf('## Response') - 1; // the blank line before the next section

  it('goes where the person put the cursor, after a line with text', () => {
    const summary = lines.indexOf('## Summary');
    assert.equal(diagramLine(text, summary, true), summary + 1);
    assert.equal(diagramLine(text, summary + 1, true), summary + 1, 'a blank line: that line');
  });

  it('never into the front matter: a new file has its cursor on line 1, so the diagram goes to the Root cause section', () => {
    assert.equal(diagramLine(text, 0, true), rootCauseEnd);
    assert.equal(diagramLine(text, 3, true), rootCauseEnd);
    const fm = [...lines.slice(0, rootCauseEnd), ...blockInsertion('fishbone', lines, rootCauseEnd, '\n').text.split('\n'), ...lines.slice(rootCauseEnd)].join('\n');
    assert.equal(parsePostmortemTitle(fm), 'Checkout 5xx', 'the front matter still reads');
  });

  it('from the walkthrough (the cursor was not put there for this) at the end of Root cause, else at the end', () => {
    assert.equal(diagramLine(text, lines.indexOf('## Summary'), false), rootCauseEnd);
    const noRootCause = '---\ntitle: x\n---\n\n# x\n\n## Summary\n\nText.\n';
    assert.equal(diagramLine(noRootCause, 0, false), noRootCause.split('\n').length);
  });
});

describe('export files', () => {
  it('names the file after the post-mortem and the block', () => {
    assert.equal(exportPath('/ws/postmortems/2026-11-20-checkout.md', 1, 'svg'), '/ws/postmortems/2026-11-20-checkout.diagram-2.svg');
    assert.equal(exportPath('/a.postmortem.md', 0, 'png'), '/a.postmortem.diagram-1.png');
  });

  it('decodes base64 without Buffer', () => {
    assert.deepEqual([...decodeBase64('iVBORw==')], [0x89, 0x50, 0x4e, 0x47]);
  });
});

function parsePostmortemTitle(text: string): unknown {
  return parsePostmortem(text).meta.title;
}
