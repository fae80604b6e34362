import type { Diagnostic, Fix } from '../types';
import { fenceInMessage } from '../text/fenceInMessage';
import { openingFenceRange, type MermaidBlock } from './blocks';

/** An ATX heading as CommonMark reads it: never diagram text, so a sure sign the diagram ran on. */
const HEADING = /^ {0,3}#{1,6}(\s|$)/;
/** Inside a closed block, only a heading at column 0 counts (a hand-written effect may start with "#"). */
const HEADING_AT_MARGIN = /^#{1,6}(\s|$)/;

/**
 * A mermaid block whose closing fence was lost. Unclosed, CommonMark (so GitHub, the preview and
 * the section splitter) takes everything to the end of the file as the diagram. If a later code
 * block's bare opening fence closes it instead, the prose up to there is the diagram; that case is
 * recognised for fishbones and fault trees by a heading inside the block (other diagram kinds may
 * accept a `#` line, and Mermaid judges those). Either way one diagnostic replaces a parse error
 * per swallowed line. The fix closes the block before the first heading (not preferred: it guesses
 * where the diagram ended); an unclosed block without a heading is closed at the end of the file.
 */
export function runawayBlock(block: MermaidBlock, text: string, eol: string, firstErrorLine?: () => number | undefined): Diagnostic | undefined {
  const lines = block.content.split('\n');
  const heading = lines.findIndex((l) => (block.closed ? HEADING_AT_MARGIN : HEADING).test(l));
  const where = `Diagram ${block.index + 1} (line ${block.range.start.line + 1})`;
  if (block.closed) {
    if (block.kind === 'other' || heading < 0) return undefined;
    // A `# of failed logins rose` effect is fine diagram text: only a block its parser cannot read
    // from the heading on has run on.
    const error = firstErrorLine?.();
    if (firstErrorLine && (error === undefined || error < heading)) return undefined;
    return {
      code: 'diagram/unclosed-fence', severity: 'error', range: openingFenceRange(block), fixes: [closeBefore(block, lines, heading, eol)],
      message: `${where} runs on past the heading "${lines[heading].trim()}" (line ${block.contentStartLine + heading + 1}) to the fence on line ${block.range.end.line + 1}: its own closing ${fenceInMessage(block.fence)} is probably missing.`,
    };
  }
  let fix: Fix;
  if (heading >= 0) fix = closeBefore(block, lines, heading, eol);
  else {
    const end = block.range.end;
    fix = { title: 'Close the diagram at the end of the file', edits: [{ range: { start: end, end }, newText: text.endsWith('\n') ? `${block.fence}${eol}` : `${eol}${block.fence}${eol}` }] };
  }
  return {
    code: 'diagram/unclosed-fence', severity: 'error', range: openingFenceRange(block), fixes: [fix],
    message: `${where} has no closing ${fenceInMessage(block.fence)}: it runs to the end of the file, so everything after it is diagram text.`,
  };
}

/** Closes the block after its last non-blank line before the heading, leaving blank lines outside. */
function closeBefore(block: MermaidBlock, lines: readonly string[], heading: number, eol: string): Fix {
  let last = heading - 1;
  while (last >= 0 && lines[last].trim() === '') last--;
  const at = { line: block.contentStartLine + last + 1, character: 0 };
  return {
    title: `Close the diagram before line ${block.contentStartLine + heading + 1} (${lines[heading].trim()})`,
    edits: [{ range: { start: at, end: at }, newText: `${block.fence}${eol}` }],
  };
}
