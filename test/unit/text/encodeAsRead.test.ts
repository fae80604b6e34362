import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../../src/core/fix/applyEdits';
import { allKept, composeKept, type KeptRun } from '../../../src/core/fix/keptRuns';
import { decodeMarkdown, linesAsMarkdownReadsThem, type MarkdownEncoding } from '../../../src/core/text/decodeMarkdown';
import { reencode, type ReadForm } from '../../../src/core/text/encodeAsRead';
import { LineIndex } from '../../../src/core/text/lineIndex';
import type { TextEdit } from '../../../src/core/types';

/**
 * A post-mortem's bytes, read, edited and written back: the same encoding, BOM and line breaks.
 * The model is a list of tokens (runs of text, and line breaks of each kind); an edit replaces whole
 * tokens with new ones, as the rules' edits never split a CRLF. What the writer must give is the
 * model's rendering: every original token as it was in the file, every new line break in the style
 * of the file's first one, in the file's encoding and BOM.
 */

type Break = '\r\n' | '\n' | '\r';
type Token = { readonly text: string; readonly br?: Break; readonly original: boolean };
type Form = { readonly encoding: MarkdownEncoding; readonly bom: boolean };

const FORMS: readonly Form[] = [
  { encoding: 'UTF-8', bom: false }, { encoding: 'UTF-8', bom: true },
  { encoding: 'UTF-16LE', bom: false }, { encoding: 'UTF-16LE', bom: true },
  { encoding: 'UTF-16BE', bom: false }, { encoding: 'UTF-16BE', bom: true },
];

function encode(text: string, encoding: MarkdownEncoding): Buffer {
  if (encoding === 'UTF-8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(text, 'utf16le');
  return encoding === 'UTF-16LE' ? le : le.swap16();
}

/** Text without line breaks: ASCII, accents, CJK, astral characters (two UTF-16 code units), tabs. */
const chunk = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '#', '-', '\t', 'é', 'ß', '中', '🚀', '𝔘', '\u2028', 'ｶ'), minLength: 1, maxLength: 6 });
const breakArb = fc.constantFrom<Break>('\r\n', '\n', '\r');
const tokenArb = (original: boolean) => fc.oneof(
  chunk.map((text): Token => ({ text, original })),
  breakArb.map((br): Token => ({ text: br, br, original })),
);
/** New tokens an edit writes: text, and line breaks as a rule writes them (LF, or CRLF when it copied a CRLF style). */
const newTokens = fc.array(fc.oneof(chunk.map((text): Token => ({ text, original: false })), fc.constantFrom<Break>('\n', '\r\n').map((br): Token => ({ text: br, br, original: false }))), { maxLength: 4 });
const editsArb = fc.array(fc.record({ at: fc.nat(), drop: fc.nat({ max: 3 }), insert: newTokens }), { maxLength: 4 });

/** What the tools read of a token: a lone CR of the file as LF. */
const readText = (t: Token) => (t.original && t.br === '\r' ? '\n' : t.text);

/** Applies the model's edits (token index, tokens dropped, tokens inserted) to the tokens and, as TextEdits, to their read text. */
function applyBoth(tokens: readonly Token[], text: string, edits: readonly { at: number; drop: number; insert: readonly Token[] }[]): { tokens: Token[]; text: string; kept: KeptRun[] } {
  const starts: number[] = [];
  let offset = 0;
  for (const t of tokens) {
    starts.push(offset);
    offset += readText(t).length;
  }
  starts.push(offset);
  const lines = new LineIndex(text);
  // Non-overlapping token ranges, in order.
  const ranges: { s: number; e: number; insert: readonly Token[] }[] = [];
  let free = 0;
  for (const edit of edits) {
    const s = free + (edit.at % (tokens.length - free + 1));
    const e = Math.min(tokens.length, s + edit.drop);
    ranges.push({ s, e, insert: edit.insert });
    free = e + 1;
    if (free > tokens.length) break;
  }
  const out: Token[] = [];
  let at = 0;
  const textEdits: TextEdit[] = [];
  for (const r of ranges) {
    out.push(...tokens.slice(at, r.s), ...r.insert);
    at = r.e;
    textEdits.push({ range: { start: lines.positionAt(starts[r.s]), end: lines.positionAt(starts[r.e]) }, newText: r.insert.map((t) => t.text).join('') });
  }
  out.push(...tokens.slice(at));
  const applied = applyEdits(text, textEdits);
  assert.deepEqual(applied.skipped, []);
  return { tokens: out, text: applied.text, kept: applied.kept };
}

/**
 * What the file must hold: original tokens as they were, new line breaks in `style` unless a CR would
 * then stand just before an LF (two breaks read as one CRLF): CRLF then. A lone CR of the file that
 * the edits brought just before an LF of the file cannot be written (undefined).
 */
function render(tokens: readonly Token[], style: Break): string | undefined {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.br || t.original) {
      if (t.original && t.br === '\n' && out.endsWith('\r') && i > 0 && tokens[i - 1].br) return undefined;
      out += t.text;
      continue;
    }
    const next = tokens[i + 1];
    const nextIsLf = next !== undefined && next.original && next.br === '\n';
    const prevIsCr = i > 0 && tokens[i - 1].br !== undefined && out.endsWith('\r');
    const joins = (prevIsCr && style.startsWith('\n')) || (style.endsWith('\r') && nextIsLf);
    out += joins ? '\r\n' : style;
  }
  return out;
}

/** The file's tokens: a lone CR just before an LF is one CRLF, as any reader takes it. */
function asRead(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last?.br === '\r' && t.br === '\n') out[out.length - 1] = { text: '\r\n', br: '\r\n', original: true };
    else out.push(t);
  }
  return out;
}

function formOf(original: string, form: Form): ReadForm {
  const withBom = form.bom ? `\uFEFF${original}` : original;
  return { ...form, bytes: encode(withBom, form.encoding), text: linesAsMarkdownReadsThem(withBom), withLineBreaks: withBom };
}

describe('encodeAsRead: an edited text is written in the encoding, BOM and line breaks it was read in', () => {
  it('property: any text, any line-break mix, each encoding and BOM, two rounds of edits ⇒ the expected bytes', () => {
    fc.assert(fc.property(fc.array(tokenArb(true), { maxLength: 30 }).map(asRead), editsArb, editsArb, fc.constantFrom(...FORMS), (tokens, first, second, f) => {
      const original = tokens.map((t) => t.text).join('');
      const form = formOf(original, f);
      const once = applyBoth(tokens, form.text.slice(f.bom ? 1 : 0), first);
      const twice = applyBoth(once.tokens, once.text, second);
      // The BOM is one more kept character in front of the text the model edits.
      const shift = (runs: readonly KeptRun[]) => (f.bom ? [{ at: 0, from: 0, length: 1 }, ...runs.map((r) => ({ at: r.at + 1, from: r.from + 1, length: r.length }))] : [...runs]);
      const kept = composeKept(shift(once.kept), shift(twice.kept));
      const edited = (f.bom ? '\uFEFF' : '') + twice.text;
      const expected = render(twice.tokens, tokens.find((t) => t.br)?.br ?? '\n');
      const written = reencode(form, edited, kept);
      if (expected === undefined) {
        assert.ok(!written.ok && /lone CR/.test(written.why), JSON.stringify(written));
        return;
      }
      assert.ok(written.ok, JSON.stringify(written));
      assert.deepEqual(Buffer.from(written.bytes), encode((f.bom ? '\uFEFF' : '') + expected, f.encoding));
    }), { numRuns: 400 });
  });

  it('property: nothing edited ⇒ the very bytes read, through the reader (decodeMarkdown) for UTF-8 and UTF-16 with a BOM', () => {
    fc.assert(fc.property(fc.array(tokenArb(true), { maxLength: 30 }), fc.constantFrom(...FORMS.filter((f) => f.encoding === 'UTF-8' || f.bom)), (tokens, f) => {
      const bytes = encode((f.bom ? '\uFEFF' : '') + tokens.map((t) => t.text).join(''), f.encoding);
      const d = decodeMarkdown(bytes);
      assert.ok(d.kind === 'text' && d.encoding === f.encoding && d.bom === f.bom);
      const written = reencode({ encoding: d.encoding, bom: d.bom, bytes, text: d.text, withLineBreaks: d.withLineBreaks }, d.text, allKept(d.text.length));
      assert.ok(written.ok);
      assert.deepEqual(Buffer.from(written.bytes), bytes);
    }), { numRuns: 300 });
  });

  it('property: a file whose bytes do not decode without loss is refused, whatever the edit (invalid UTF-8, a lone surrogate, a NUL)', () => {
    const damage = fc.constantFrom('latin-1', 'lone-surrogate', 'nul-utf16', 'cut-utf8');
    fc.assert(fc.property(fc.array(tokenArb(true), { maxLength: 20 }), damage, fc.nat(), chunk, (tokens, kind, where, inserted) => {
      const text = tokens.map((t) => t.text).join('');
      const cut = where % (text.length + 1);
      let bytes: Buffer;
      let form: Form;
      if (kind === 'latin-1' || kind === 'cut-utf8') {
        form = { encoding: 'UTF-8', bom: false };
        const bad = kind === 'latin-1' ? Buffer.from([0xe9]) : Buffer.from([0xe4, 0xb8]);
        bytes = Buffer.concat([Buffer.from(text.slice(0, cut), 'utf8'), bad, Buffer.from(`x${text.slice(cut)}`, 'utf8')]);
      } else {
        form = { encoding: 'UTF-16LE', bom: true };
        const bad = kind === 'nul-utf16' ? '\u0000' : '\uD83D';
        bytes = encode(`\uFEFF${text.slice(0, cut)}${bad}x${text.slice(cut)}`, 'UTF-16LE');
      }
      const d = decodeMarkdown(bytes);
      if (d.kind !== 'text') return; // a NUL byte in what is not UTF-16: not read at all
      assert.equal(d.encoding, form.encoding);
      const read: ReadForm = { encoding: d.encoding, bom: d.bom, bytes, text: d.text, withLineBreaks: d.withLineBreaks };
      const applied = applyEdits(d.text, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: inserted }]);
      const written = reencode(read, applied.text, applied.kept);
      assert.equal(written.ok, false, `${kind}: ${JSON.stringify(d.text)}`);
    }), { numRuns: 300 });
  });

  it('a fix that inserts before the byte-order mark: the BOM is written first, once', () => {
    const text = '\uFEFF# Title\r\n';
    const form: ReadForm = { encoding: 'UTF-16LE', bom: true, bytes: encode(text, 'UTF-16LE'), text, withLineBreaks: text };
    const applied = applyEdits(text, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '---\ntype: postmortem\n---\n' }]);
    const written = reencode(form, applied.text, applied.kept);
    assert.ok(written.ok);
    assert.deepEqual(Buffer.from(written.bytes), encode('\uFEFF---\r\ntype: postmortem\r\n---\r\n# Title\r\n', 'UTF-16LE'));
  });

  it('an edited text with half a character (a lone surrogate) is refused, not written as U+FFFD or invalid UTF-16', () => {
    const text = 'ok\n';
    const form: ReadForm = { encoding: 'UTF-8', bom: false, bytes: encode(text, 'UTF-8'), text, withLineBreaks: text };
    const written = reencode(form, 'ok \uD83D\n', [{ at: 0, from: 0, length: 2 }]);
    assert.ok(!written.ok && /half of a character/.test(written.why), JSON.stringify(written));
  });
});
