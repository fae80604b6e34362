import type { OpenAtEnd } from './sections';

/** How a block left open at the end is named to the writer, and what would close it. */
export interface OpenBlockWords {
  readonly kind: 'code block' | 'HTML comment' | 'HTML block';
  /** How it opened, as written: the fence run, `<!--`, `<pre>`, `<?`, `<!DOCTYPE`, `<![CDATA[`. */
  readonly opener: string;
  /** What ends it: the fence run, `-->`, `</pre>`, `?>`, `>`, `]]>`. */
  readonly closer: string;
}

const RAW_TAG = /<([A-Za-z][A-Za-z0-9-]{0,15})/;
const DECLARATION = /<!([A-Za-z]{1,20})/;

/**
 * The words for a block still open at the end (sections.ts OpenAtEnd), from its opening line: a
 * fence, a comment, or one of the HTML blocks CommonMark keeps open until their end marker
 * (`<pre>`/`<script>`/`<style>`/`<textarea>` until the closing tag, `<?` until `?>`, `<!X` until
 * `>`, `<![CDATA[` until `]]>`), which hide what follows as a comment does (trial15a F14).
 */
export function openBlockWords(open: OpenAtEnd, openerLine: string): OpenBlockWords {
  if (open.fence !== undefined) return { kind: 'code block', opener: open.fence, closer: open.fence };
  switch (open.html) {
    case 'raw': {
      const name = (RAW_TAG.exec(openerLine)?.[1] ?? 'pre').toLowerCase();
      return { kind: 'HTML block', opener: `<${name}>`, closer: `</${name}>` };
    }
    case 'instruction':
      return { kind: 'HTML block', opener: '<?', closer: '?>' };
    case 'declaration':
      return { kind: 'HTML block', opener: `<!${DECLARATION.exec(openerLine)?.[1] ?? ''}`, closer: '>' };
    case 'cdata':
      return { kind: 'HTML block', opener: '<![CDATA[', closer: ']]>' };
    default:
      return { kind: 'HTML comment', opener: '<!--', closer: '-->' };
  }
}
