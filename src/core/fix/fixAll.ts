import { lintText, type LintOptions } from '../lint/engine';
import type { PostmortemDocument } from '../document/model';
import { isYamlBroken } from '../document/frontMatter';
import { LineIndex } from '../text/lineIndex';
import type { Diagnostic, Fix, TextEdit } from '../types';
import { applyEdits } from './applyEdits';
import { allKept, composeKept, type KeptRun } from './keptRuns';
import { TakenSpans } from './takenSpans';

export interface FixAllResult {
  readonly text: string;
  /** Diagnostics fixed, by code. */
  readonly fixed: Readonly<Record<string, number>>;
  readonly remaining: readonly Diagnostic[];
  /** Diagnostics whose fix was held back: applying it brought the same diagnostic back, or left the front matter unreadable. */
  readonly looping?: readonly Diagnostic[];
  /** The notes (Fix.note) of the fixes applied, each once, prefixed with the diagnostic's code. */
  readonly notes?: readonly string[];
  /** The document as `text` reads, from the last lint (what `remaining` was found in). */
  readonly doc: PostmortemDocument;
  /** Which characters of `text` are the input's, untouched by any fix (keptRuns.ts): a writer keeps the file's own bytes there. */
  readonly kept: readonly KeptRun[];
}

/**
 * Choose the preferred fixes of `diagnostics` that can be applied together: a fix whose edits touch
 * an already chosen one waits for the next pass, whole — never half-applied. O(n log n) in the
 * number of edits (TakenSpans), not O(n²).
 */
function compatibleFixes(text: string, diagnostics: readonly Diagnostic[], allowed: (fix: Fix) => boolean = () => true): { diagnostic: Diagnostic; fix: Fix }[] {
  const lines = new LineIndex(text);
  const candidates: { diagnostic: Diagnostic; fix: Fix; spans: [number, number][] }[] = [];
  const points: number[] = [];
  for (const diagnostic of diagnostics) {
    const fix = diagnostic.fixes?.find((f) => f.isPreferred);
    if (!fix || !allowed(fix)) continue;
    const spans = fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as [number, number]);
    for (const [s, e] of spans) points.push(s, e);
    candidates.push({ diagnostic, fix, spans });
  }
  const taken = new TakenSpans(points);
  const chosen: { diagnostic: Diagnostic; fix: Fix }[] = [];
  for (const { diagnostic, fix, spans } of candidates) {
    // A fix's own edits must not touch each other either (applyEdits would skip one of them).
    if (spans.some(([s, e]) => e < s || taken.touches(s, e)) || !selfCompatible(spans)) continue;
    for (const [s, e] of spans) taken.add(s, e);
    chosen.push({ diagnostic, fix });
  }
  return chosen;
}

/** A fix's edits as applyEdits will take them: sorted, none starting before the previous one ends. */
function selfCompatible(spans: readonly [number, number][]): boolean {
  if (spans.length < 2) return true;
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < sorted.length; i++) if (sorted[i][0] < sorted[i - 1][1]) return false;
  return true;
}

/**
 * Apply every preferred fix, re-linting between passes because one fix can move the text another
 * refers to. Stops when nothing changes (at most 10 passes).
 *
 * A fix whose result brings back the same diagnostic where it applied it would only grow the text
 * each pass (a stamp rewritten into `…ZZZZ`): such a pass is undone, that fix is held back and
 * listed in `looping`, and the other fixes go ahead. A fix is never applied twice to the same place.
 *
 * One run reads every time written without a zone in one zone (trial18c F11: a misspelt `timzone:`
 * renamed in the same run as `resolved_at` was read as UTC and the timeline as Asia/Kathmandu). Once a
 * pass changes the document's zone, the fixes that read such times (`Fix.readsZone`) wait for the
 * next run, which reads them all in the zone the document now states — the person sees the renamed
 * key and what it changes first; a pass that would change the zone after such fixes were applied is
 * undone and the fix changing it held. The notes say which zone each applied fix read, and what waits.
 */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  const fixed: Record<string, number> = {};
  const looping: Diagnostic[] = [];
  const notes = new Set<string>();
  /** Held-back fixes, by code and the offset where they start in `current`. */
  let held: { code: string; at: number }[] = [];
  /** Fixes that came back beside others in the last pass, left out of the next one only (offsets in `current`). */
  let deferred: { code: string; at: number }[] = [];
  let current = text;
  let kept = allKept(text.length);
  let linted = lintText(current, options);
  let diagnostics = linted.diagnostics;
  const startZone = linted.doc.timezone;
  /** The zone the applied fixes read times without a zone in; once set, the zone may not change in this run. */
  let runZone: string | undefined;
  /** The document's zone changed in this run: fixes reading times without a zone wait for the next one. */
  let zoneMoved = false;
  const allowed = (fix: Fix) => !fix.readsZone || (!zoneMoved && (runZone === undefined || fix.readsZone.zone === runZone));
  for (let pass = 0; pass < 10; pass++) {
    const lines = new LineIndex(current);
    // A set, not a walk over `held` per diagnostic: thousands of held fixes × thousands of diagnostics.
    const heldKeys = new Set([...held, ...deferred].map((h) => placeKey(h.code, h.at)));
    deferred = [];
    const isHeld = (d: Diagnostic) => heldKeys.size > 0 && heldKeys.has(placeKey(d.code, lines.offsetAt(d.range.start)));
    const chosen = compatibleFixes(current, diagnostics.filter((d) => !isHeld(d)), allowed);
    const edits: TextEdit[] = chosen.flatMap((c) => c.fix.edits);
    const applied = edits.length ? applyEdits(current, edits) : undefined;
    const next = applied ? applied.text : current;
    if (next === current || !applied) break;
    const nextLinted = lintText(next, options);
    if (breaksFrontMatter(linted.doc, nextLinted.doc)) {
      // A fix that leaves the front matter unreadable (a value joined onto the next key, a closing
      // `---` moved) loses every field's meaning: whichever of the pass's fixes does it alone is held
      // back, the others go ahead on the next pass. Fixes are meant never to do this; this is the net.
      const breaking = chosen.filter((c) => breaksFrontMatter(linted.doc, lintText(applyEdits(current, c.fix.edits).text, options).doc));
      for (const c of breaking.length ? breaking : chosen) {
        held.push({ code: c.diagnostic.code, at: lines.offsetAt(c.diagnostic.range.start) });
        looping.push(c.diagnostic);
      }
      continue;
    }
    if (nextLinted.doc.timezone !== linted.doc.timezone) {
      const readers = chosen.filter((c) => c.fix.readsZone);
      if (runZone !== undefined) {
        // Times were already converted in this run's zone: the fix that changes it waits for the next run.
        const changing = chosen.filter((c) => !c.fix.readsZone && lintText(applyEdits(current, c.fix.edits).text, options).doc.timezone !== linted.doc.timezone);
        for (const c of changing.length ? changing : chosen) held.push({ code: c.diagnostic.code, at: lines.offsetAt(c.diagnostic.range.start) });
        continue;
      }
      zoneMoved = true;
      // Fixes that read times in the zone being replaced: undo the pass, redo it without them.
      if (readers.length > 0) continue;
    }
    const nextDiagnostics = nextLinted.diagnostics;
    const shift = new OffsetShift(lines, edits);
    const nextLines = new LineIndex(next);
    const byPlace = diagnosticsByPlace(nextDiagnostics, nextLines);
    const again = chosen.filter((c) => comesBack(c, shift, byPlace, nextLines));
    if (again.length > 0 && again.length < chosen.length) {
      // Fixes applied together can undo each other (closing a stray `<!--` turns a mermaid `<!--`
      // into a comment that swallows the section inserted beside it): undo the pass, let the
      // others go first, and try these again on the text they leave. Only a fix that comes back
      // on its own is held for good (else the next --fix applied it: not idempotent).
      for (const c of again) deferred.push({ code: c.diagnostic.code, at: lines.offsetAt(c.diagnostic.range.start) });
      continue;
    }
    if (again.length > 0) {
      // Undo the pass; retry it without the fixes that re-create their own diagnostic.
      for (const c of again) {
        held.push({ code: c.diagnostic.code, at: lines.offsetAt(c.diagnostic.range.start) });
        looping.push(c.diagnostic);
      }
      continue;
    }
    for (const c of chosen) {
      fixed[c.diagnostic.code] = (fixed[c.diagnostic.code] ?? 0) + 1;
      if (c.fix.note) notes.add(`${c.diagnostic.code}: ${c.fix.note}`);
      if (c.fix.readsZone) {
        runZone ??= c.fix.readsZone.zone;
        notes.add(`${c.diagnostic.code}: ${c.fix.readsZone.said}`);
      }
    }
    held = held.map((h) => ({ code: h.code, at: shift.map(h.at) }));
    current = next;
    kept = composeKept(kept, applied.kept);
    linted = nextLinted;
    diagnostics = nextDiagnostics;
  }
  if (linted.doc.timezone !== startZone) notes.add(zoneMovedNote(startZone, linted.doc.timezone, diagnostics));
  const said = notes.size ? { notes: [...notes] } : {};
  const doc = linted.doc;
  return looping.length ? { text: current, fixed, remaining: diagnostics, looping, ...said, doc, kept } : { text: current, fixed, remaining: diagnostics, ...said, doc, kept };
}

/** What a run that changed the document's zone left for the next one: the fixes that read times without a zone, by code. */
function zoneMovedNote(from: string, to: string, remaining: readonly Diagnostic[]): string {
  const waiting: Record<string, number> = {};
  for (const d of remaining) if (d.fixes?.find((f) => f.isPreferred)?.readsZone) waiting[d.code] = (waiting[d.code] ?? 0) + 1;
  const codes = Object.entries(waiting).map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ');
  const unseen = remaining.some((d) => d.fixes?.some((f) => !f.isPreferred && f.readsZone));
  const left = codes
    ? `; the fixes that read times without a zone were left for the next run, which reads them as ${to}: ${codes}. Check them, then run --fix again`
    : unseen ? `; times without a zone now read as ${to}: check the fixes left for you` : '';
  return `timezone: this run changed the zone times without one are read in, from ${from} to ${to}${left}`;
}

/**
 * True when the pass brought the fix's own diagnostic back: same code, starting where it started,
 * and either the same message (it survived) or a fix that would again edit the text this fix just wrote. (A diagnostic of the same code elsewhere,
 * or one whose fix goes somewhere else, is progress, not a loop.)
 */
function comesBack(chosen: { diagnostic: Diagnostic; fix: Fix }, shift: OffsetShift, after: ReadonlyMap<string, Diagnostic[]>, afterLines: LineIndex): boolean {
  const at = shift.map(shift.before.offsetAt(chosen.diagnostic.range.start));
  let written: [number, number][] | undefined;
  const there = after.get(placeKey(chosen.diagnostic.code, at));
  if (!there) return false;
  return there.some((d) => {
    // The same diagnostic survived its own fix: the fix does not do what it says, so it is dropped
    // (applying it again would change the text on every run and fixAll would never converge).
    if (d.message === chosen.diagnostic.message) return true;
    const again = d.fixes?.find((f) => f.isPreferred);
    if (!again) return false;
    // The spans this fix wrote, sorted once (a zone-wide fix has one edit per timeline entry).
    written ??= chosen.fix.edits.map((e) => {
      const start = shift.map(shift.before.offsetAt(e.range.start));
      return [start, start + e.newText.length] as [number, number];
    }).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const spans = written;
    return again.edits.some((e) => touchesWritten(spans, afterLines.offsetAt(e.range.start), afterLines.offsetAt(e.range.end)));
  });
}

/** The front matter was read before (present, its YAML sound) and is not after: gone, or its YAML broken. */
function breaksFrontMatter(before: PostmortemDocument, after: PostmortemDocument): boolean {
  if (!before.frontMatter || isYamlBroken(before.frontMatter)) return false;
  return !after.frontMatter || isYamlBroken(after.frontMatter);
}

/** A diagnostic's code and start offset, as one key. */
function placeKey(code: string, at: number): string {
  return `${at} ${code}`;
}

/**
 * The pass's diagnostics by code and start offset, built once: every chosen fix asks "is my
 * diagnostic back where I applied it?", and scanning all diagnostics for each of them made a pass
 * quadratic (20,000 unlisted timeline lines fixed: 18 s, almost all of it here).
 */
function diagnosticsByPlace(diagnostics: readonly Diagnostic[], lines: LineIndex): Map<string, Diagnostic[]> {
  const byPlace = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = placeKey(d.code, lines.offsetAt(d.range.start));
    const list = byPlace.get(key);
    if (list) list.push(d);
    else byPlace.set(key, [d]);
  }
  return byPlace;
}

/** Whether [s, t) edits text inside one of `written` (sorted, not overlapping); an insertion (s = t) strictly inside. */
function touchesWritten(written: readonly [number, number][], s: number, t: number): boolean {
  // The last span starting before t (or before or at s for an insertion) is the only one that can touch.
  let lo = 0;
  let hi = written.length;
  const limit = s === t ? s : t;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (written[mid][0] < limit) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return false;
  const [ws, we] = written[lo - 1];
  return s === t ? ws < s && s < we : s < we && ws < t;
}

/**
 * Where an offset in the text before `edits` lands in the text after them: edits that end at or
 * before it (and start before it) shift it. The edits of a pass do not overlap, so sorted by start
 * their ends rise too, and the edits before an offset are a prefix: a binary search over prefix
 * sums, not a walk over every edit per offset (a fix converting 30,000 stamps asked 30,000 times).
 */
class OffsetShift {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** deltas[i]: the total length change of the first i edits. */
  private readonly deltas: number[] = [0];
  private readonly sorted: boolean;

  constructor(readonly before: LineIndex, private readonly edits: readonly TextEdit[]) {
    const spans = edits.map((e) => ({ start: before.offsetAt(e.range.start), end: before.offsetAt(e.range.end), delta: 0 }));
    for (const [i, sp] of spans.entries()) sp.delta = edits[i].newText.length - (sp.end - sp.start);
    spans.sort((a, b) => a.start - b.start || a.end - b.end);
    let sorted = true;
    for (const [i, sp] of spans.entries()) {
      if (i > 0 && sp.end < this.ends[i - 1]) sorted = false;
      this.starts.push(sp.start);
      this.ends.push(sp.end);
      this.deltas.push(this.deltas[i] + sp.delta);
    }
    this.sorted = sorted;
  }

  map(offset: number): number {
    if (!this.sorted) return offset + this.slowShift(offset);
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < offset && this.ends[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + this.deltas[lo];
  }

  /** Overlapping edits (never chosen together, but kept correct): every edit looked at. */
  private slowShift(offset: number): number {
    let shift = 0;
    for (const e of this.edits) {
      const start = this.before.offsetAt(e.range.start);
      const end = this.before.offsetAt(e.range.end);
      if (end <= offset && start < offset) shift += e.newText.length - (end - start);
    }
    return shift;
  }
}
