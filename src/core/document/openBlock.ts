import type { OpenAtEnd } from './sections';

/** The kinds of block that, left open, run to the end of a document. */
export type OpenBlockKind = 'code block' | 'HTML comment' | 'HTML block';

/** What a kind of open block is to the writer, the same for every block of the kind. */
export interface OpenBlockKindWords {
  /** The lint rule that reports it open (`document/<code>`), and the converter's code when it closes one. */
  readonly code: 'unclosed-fence' | 'unclosed-comment' | 'unclosed-html';
  /** What its text is, in GitHub as here: "everything after it is …". */
  readonly reads: string;
  /** What the writer checks the end of when the end was guessed: "check where the … ends". */
  readonly holds: string;
  /** Whether messages name the opener beside the kind ("the HTML block opened here (<pre>)"): a fence or `<!--` says itself. */
  readonly namesOpener: boolean;
}

/** One row a kind: the converter's report of a block it closed speaks from this table (runawayFenceReport.ts). */
export const OPEN_BLOCK_KINDS: Readonly<Record<OpenBlockKind, OpenBlockKindWords>> = {
  'code block': { code: 'unclosed-fence', reads: 'code', holds: 'pasted text', namesOpener: false },
  'HTML comment': { code: 'unclosed-comment', reads: 'hidden', holds: 'comment', namesOpener: false },
  'HTML block': { code: 'unclosed-html', reads: 'raw HTML', holds: 'pasted text', namesOpener: true },
};

/** How a block left open at the end is named to the writer, and what would close it. */
export interface OpenBlockWords {
  readonly kind: OpenBlockKind;
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
