// The lint and fix-all a runner performs, in one place for both: the worker thread (worker.ts, Node
// host) and the host's own thread (inThreadRunner.ts, web host) call these, so a document gets the
// same diagnostics, summary and evidence wherever it was linted. No `vscode` and no Node import:
// bundled into the worker and into both extension bundles.
import { SectionCache } from '../../core/document/parse';
import { evidenceReferences } from '../../core/evidence/references';
import { fixAll } from '../../core/fix/fixAll';
import { readSummary } from '../../core/index/readSummary';
import { lintText, type LintOptions } from '../../core/lint/engine';
import { reviewProgress } from '../../core/rules/review/reviewProgress';
import { capped } from './capDiagnostics';
import type { FixAllRequest, Fixed, Linted, LintRequest } from './runner';

/** A request as the core takes it: the config resolved (the worker resolves what it keeps, see protocol's Kept). */
export type LintInputs = Omit<LintRequest, 'configSlot'>;
export type FixAllInputs = Omit<FixAllRequest, 'configSlot'>;

function optionsOf(request: FixAllInputs): LintOptions {
  return {
    config: request.config, now: new Date(request.nowMs), writerZone: request.writerZone,
    ...(request.workspace ? { workspace: request.workspace } : {}), ...(request.files ? { files: request.files } : {}),
  };
}

/** Runs lints and fix-alls, keeping one SectionCache per open document (a keystroke re-parses one section). */
export class LintJobs {
  private readonly caches = new Map<string, SectionCache>();

  lint(request: LintInputs): Linted {
    let cache = request.cache ? this.caches.get(request.uri) : undefined;
    if (request.cache && !cache) this.caches.set(request.uri, (cache = new SectionCache()));
    const { doc, diagnostics } = lintText(request.text, { ...optionsOf(request), ...(cache ? { cache } : {}), ...(request.fixFacts ? { fixFacts: request.fixFacts } : {}) });
    const summary = request.summary ? readSummary(request.text, request.summary) : undefined;
    // With the summary (the status bar's): the review's approvals, read from this lint's parse as review/not-approved reads them.
    const review = request.summary ? reviewProgress(doc, request.config.requiredApprovals, request.nowMs) : undefined;
    return { diagnostics: capped(diagnostics), ...(summary ? { summary } : {}), ...(review ? { review } : {}), evidence: evidenceReferences(doc) };
  }

  fixAll(request: FixAllInputs): Fixed {
    const result = fixAll(request.text, optionsOf(request));
    return { text: result.text, fixed: result.fixed, ...(result.notes?.length ? { notes: result.notes } : {}) };
  }

  /** The document was closed: drop its cache. */
  forget(uri: string): void {
    this.caches.delete(uri);
  }
}
