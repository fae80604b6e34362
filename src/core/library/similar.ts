import type { PostmortemSummary } from '../index/summary';
import { libraryEntry } from './entry';
import { forEachTerm } from './terms';

/** Field weights of the text: a title word says more about the incident than a summary word. */
const TITLE_WEIGHT = 3;
const ROOT_CAUSE_WEIGHT = 1.5;
const SUMMARY_WEIGHT = 1;
/** BM25's usual constants. */
const K1 = 1.2;
const B = 0.75;
/** Query terms used: the document's most telling words (by weighted tf × idf). */
const QUERY_TERMS = 40;
/** Score added per shared service, per shared factor (capped), and for the same incident type. */
const SERVICE_BOOST = 0.2;
const FACTOR_BOOST = 0.25;
const MAX_FACTOR_BOOST = 0.5;
const TYPE_BOOST = 0.05;
const TAG_BOOST = 0.1;
const MAX_TAG_BOOST = 0.2;
/**
 * Added in proportion to how much of the shorter title the other title shares (by idf), when two or
 * more telling title words are shared. A long write-up of four outages says little per word next to
 * a short one, but "Feature Flags Service Outage" and "Feature Flags Service - Multiple Outages" are
 * plainly the same service failing again.
 */
const TITLE_BOOST = 0.25;
/** Below this a candidate is not proposed (text alone must be about a quarter as close as the document to itself). */
export const MIN_SCORE = 0.25;

interface QueryTerm {
  readonly term: string;
  /** The term's idf (each query term counts once). */
  readonly weight: number;
}

interface DocTerms {
  readonly summary: PostmortemSummary;
  readonly tf: Map<string, number>;
  readonly length: number;
  /** The title's terms (each once). */
  readonly titleTerms: ReadonlySet<string>;
  /** Each term as first written in the file, for the reason line ("connection", not "connect"). */
  readonly words: ReadonlyMap<string, string>;
  /** Services and factors in lower case, as compared (computed once per file, not per query). */
  readonly services: readonly string[];
  readonly factors: readonly string[];
}

export interface SimilarIncident {
  readonly uri: string;
  readonly summary: PostmortemSummary;
  /** 0 (nothing shared) upwards; text similarity is 0–1 relative to the document itself, boosts add to it. */
  readonly score: number;
  /** The text part of the score (BM25, relative to the document's own score). */
  readonly textScore: number;
  readonly sharedServices: readonly string[];
  readonly sharedFactors: readonly string[];
  /** The shared words that weighed most. */
  readonly sharedTerms: readonly string[];
  /** True when the document already lists this one in `related`. */
  readonly alreadyRelated: boolean;
  /** One line a person reads: "same service and factor: capacity (checkout), 2026-03-30". */
  readonly reason: string;
}

/**
 * A small BM25 search over the titles, Summary and Root cause prose of the index's post-mortems,
 * updated one file at a time (`set`/`delete` cost that file's words only). Which earlier incidents
 * look like this one: text similarity plus shared services, contributing factors and type. No
 * network, no model: the index's summaries are the only input.
 */
export class SimilarityIndex {
  private readonly docs = new Map<string, DocTerms>();
  /** Term → the files holding it, with its weighted frequency there (scores add up term by term). */
  private readonly postings = new Map<string, Map<string, number>>();
  /** Lower-case service / factor → the files naming it: the metadata candidates of a query. */
  private readonly byService = new Map<string, Set<string>>();
  private readonly byFactor = new Map<string, Set<string>>();
  private totalLength = 0;

  get size(): number {
    return this.docs.size;
  }

  /** Adds or replaces one file; a summary object already held is not read again. */
  set(uri: string, summary: PostmortemSummary): void {
    const old = this.docs.get(uri);
    if (old?.summary === summary) return;
    if (old) this.delete(uri);
    const tf = new Map<string, number>();
    const words = new Map<string, string>();
    const titleTerms = new Set<string>();
    let length = 0;
    const add = (weight: number) => (term: string, word: string) => {
      tf.set(term, (tf.get(term) ?? 0) + weight);
      if (!words.has(term)) words.set(term, word);
      length += weight;
    };
    if (summary.title) {
      const addTitle = add(TITLE_WEIGHT);
      forEachTerm(summary.title, (term, word) => {
        titleTerms.add(term);
        addTitle(term, word);
      });
    }
    if (summary.abstract) forEachTerm(summary.abstract, add(SUMMARY_WEIGHT));
    if (summary.rootCause) forEachTerm(summary.rootCause, add(ROOT_CAUSE_WEIGHT));
    const services = summary.services.map((x) => x.toLowerCase());
    const factors = summary.factors.map((x) => x.toLowerCase());
    this.docs.set(uri, { summary, tf, length, titleTerms, words, services, factors });
    this.totalLength += length;
    for (const [term, f] of tf) {
      let docs = this.postings.get(term);
      if (!docs) this.postings.set(term, (docs = new Map()));
      docs.set(uri, f);
    }
    for (const x of services) addTo(this.byService, x, uri);
    for (const x of factors) addTo(this.byFactor, x, uri);
  }

  delete(uri: string): void {
    const old = this.docs.get(uri);
    if (!old) return;
    this.docs.delete(uri);
    this.totalLength -= old.length;
    for (const term of old.tf.keys()) {
      const docs = this.postings.get(term);
      docs?.delete(uri);
      if (docs && docs.size === 0) this.postings.delete(term);
    }
    for (const x of old.services) removeFrom(this.byService, x, uri);
    for (const x of old.factors) removeFrom(this.byFactor, x, uri);
  }

  /** Brings the index in line with `entries` (new, changed and removed files). */
  sync(entries: Iterable<readonly [string, PostmortemSummary]>): void {
    const seen = new Set<string>();
    for (const [uri, summary] of entries) {
      seen.add(uri);
      this.set(uri, summary);
    }
    for (const uri of [...this.docs.keys()]) if (!seen.has(uri)) this.delete(uri);
  }

  private idf(term: string): number {
    const n = this.docs.size;
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** BM25 of `doc` for query terms whose idf is already multiplied in (one idf per query, not per document). */
  private bm25(doc: DocTerms, query: readonly QueryTerm[], avg: number): number {
    const norm = K1 * (1 - B + (B * doc.length) / avg);
    let score = 0;
    for (const q of query) {
      const f = doc.tf.get(q.term);
      if (f) score += (q.weight * f * (K1 + 1)) / (f + norm);
    }
    return score;
  }

  /**
   * How much of the shorter title the two share, 0–1, each term weighed by its idf; 0 unless two or
   * more terms are shared (one common word, "outage", is not a likeness).
   */
  private titleOverlap(a: DocTerms, b: DocTerms): number {
    let shared = 0;
    let sharedCount = 0;
    let massA = 0;
    let massB = 0;
    for (const term of a.titleTerms) {
      const idf = this.idf(term);
      massA += idf;
      if (b.titleTerms.has(term)) {
        shared += idf;
        sharedCount++;
      }
    }
    if (sharedCount < 2) return 0;
    for (const term of b.titleTerms) massB += this.idf(term);
    const shorter = Math.min(massA, massB);
    return shorter > 0 ? Math.min(1, shared / shorter) : 0;
  }

  /** The query terms `doc` shares, heaviest first, as written in `self` (for the reason line of a shown result only). */
  private sharedTerms(self: DocTerms, doc: DocTerms, query: readonly QueryTerm[], avg: number): string[] {
    const norm = K1 * (1 - B + (B * doc.length) / avg);
    const shared: [string, number][] = [];
    for (const q of query) {
      const f = doc.tf.get(q.term);
      if (f) shared.push([q.term, (q.weight * f * (K1 + 1)) / (f + norm)]);
    }
    return shared.sort((a, b) => b[1] - a[1]).slice(0, 4).map(([t]) => self.words.get(t) ?? t);
  }

  /**
   * How many post-mortems `similarTo(uri)` compares (`compared`: the other files, earlier incidents or
   * without a start date to tell) and leaves out as later incidents (`later`), for the message when
   * nothing is found: "among 24 other post-mortems" counted the 15 later ones never compared (trial13a F25).
   */
  comparedCount(uri: string): { readonly compared: number; readonly later: number } {
    const me = this.docs.get(uri)?.summary;
    if (!me) return { compared: 0, later: 0 };
    const myStart = me.milestones.started;
    let compared = 0;
    let later = 0;
    for (const [other, doc] of this.docs) {
      if (other === uri || (me.id && doc.summary.id === me.id)) continue;
      const start = doc.summary.milestones.started;
      if (myStart !== undefined && start !== undefined && start > myStart) later++;
      else compared++;
    }
    return { compared, later };
  }

  /**
   * The post-mortems most like `uri` (which must be in the index), best first: earlier incidents
   * only when both have a start date, never the file itself nor another file with its id.
   */
  similarTo(uri: string, limit = 5, minScore = MIN_SCORE): SimilarIncident[] {
    const self = this.docs.get(uri);
    if (!self) return [];
    const ranked = [...self.tf].map(([term, f]) => [term, f * this.idf(term)] as const).sort((a, b) => b[1] - a[1]).slice(0, QUERY_TERMS);
    const query: QueryTerm[] = ranked.map(([term]) => ({ term, weight: this.idf(term) }));
    const avg = this.docs.size ? this.totalLength / this.docs.size : 1;
    const selfScore = this.bm25(self, query, avg) || 1;
    const me = self.summary;
    const myStart = me.milestones.started;
    const services = new Set(me.services.map((s) => s.toLowerCase()));
    const factors = new Set(me.factors.map((s) => s.toLowerCase()));
    const tags = new Set(me.tags.map((s) => s.toLowerCase()));
    // Term at a time over the postings, each file's score summed in query order (the same sum, and
    // so the same floating-point result, as scoring one file at a time), with its shared-term count.
    const textScores = new Map<string, { score: number; shared: number }>();
    for (const q of query) {
      for (const [other, f] of this.postings.get(q.term) ?? []) {
        const doc = this.docs.get(other)!;
        const norm = K1 * (1 - B + (B * doc.length) / avg);
        const acc = textScores.get(other);
        const add = (q.weight * f * (K1 + 1)) / (f + norm);
        if (acc) {
          acc.score += add;
          acc.shared++;
        } else textScores.set(other, { score: 0 + add, shared: 1 });
      }
    }
    const candidates = new Set<string>(textScores.keys());
    // Same service or factor with no shared word still counts: the metadata is the stronger signal.
    for (const x of services) for (const other of this.byService.get(x) ?? []) candidates.add(other);
    for (const x of factors) for (const other of this.byFactor.get(x) ?? []) candidates.add(other);
    const scored: { other: string; doc: DocTerms; s: PostmortemSummary; total: number; textScore: number; titleScore: number; sharedServices: string[]; sharedFactors: string[]; sharedTags: string[] }[] = [];
    for (const other of candidates) {
      if (other === uri) continue;
      const doc = this.docs.get(other)!;
      const s = doc.summary;
      if (me.id && s.id === me.id) continue;
      const start = s.milestones.started;
      if (myStart !== undefined && start !== undefined && start > myStart) continue;
      const text = textScores.get(other);
      const score = text?.score ?? 0;
      const textScore = Math.min(1, score / selfScore);
      const sharedServices = s.services.filter((x) => services.has(x.toLowerCase()));
      const sharedFactors = s.factors.filter((x) => factors.has(x.toLowerCase()));
      const sharedTags = s.tags.filter((x) => tags.has(x.toLowerCase()));
      const sameType = me.incidentType !== undefined && me.incidentType === s.incidentType;
      const titleScore = text && text.shared >= 2 ? this.titleOverlap(self, doc) : 0;
      const total = textScore + TITLE_BOOST * titleScore + (sharedServices.length ? SERVICE_BOOST : 0) + Math.min(MAX_FACTOR_BOOST, sharedFactors.length * FACTOR_BOOST)
        + Math.min(MAX_TAG_BOOST, sharedTags.length * TAG_BOOST) + (sameType ? TYPE_BOOST : 0);
      if (total < minScore) continue;
      // Text alone must share more than one telling word: "outage" or "system" in two titles is not a likeness.
      if (!sharedServices.length && !sharedFactors.length && !sharedTags.length && (text?.shared ?? 0) < 2) continue;
      scored.push({ other, doc, s, total, textScore, titleScore, sharedServices, sharedFactors, sharedTags });
    }
    scored.sort((a, b) => b.total - a.total || (b.s.milestones.started ?? 0) - (a.s.milestones.started ?? 0) || (a.other < b.other ? -1 : 1));
    // Reasons (dates in the document's zone) only for what is shown: a common service makes thousands of candidates.
    return scored.slice(0, Math.max(0, limit)).map((c) => {
      const sharedTerms = this.sharedTerms(self, c.doc, query, avg);
      return {
        uri: c.other, summary: c.s, score: c.total, textScore: c.textScore, sharedServices: c.sharedServices, sharedFactors: c.sharedFactors, sharedTerms,
        alreadyRelated: c.s.id !== undefined && me.related.includes(c.s.id),
        reason: reasonOf(c.other, c.s, c.sharedServices, c.sharedFactors, c.sharedTags, sharedTerms, c.textScore, c.titleScore),
      };
    });
  }
}

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

function removeFrom(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  set?.delete(uri);
  if (set?.size === 0) map.delete(key);
}

function reasonOf(uri: string, s: PostmortemSummary, services: readonly string[], factors: readonly string[], tags: readonly string[], terms: readonly string[], textScore: number, titleScore: number): string {
  const parts: string[] = [];
  if (services.length && factors.length) parts.push(`same service and factor: ${factors.join(', ')} (${services.join(', ')})`);
  else if (services.length) parts.push(`same service: ${services.join(', ')}`);
  else if (factors.length) parts.push(`same factor: ${factors.join(', ')}`);
  if (tags.length) parts.push(`same tag${tags.length > 1 ? 's' : ''}: ${tags.join(', ')}`);
  if (titleScore >= 0.5) parts.push('similar title');
  if (terms.length && textScore >= 0.1) parts.push(`similar text: ${terms.join(', ')}`);
  const date = libraryEntry(uri, s).date;
  // "; dated …", not ", 2025-09-29": after a list of shared words the date read as one of them (trial7 T13).
  return `${parts.join('; ') || 'similar text'}${date ? `; dated ${date}` : ''}`;
}
