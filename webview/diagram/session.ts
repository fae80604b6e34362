import type { DiagramProblem, LegendEntry } from '../../src/core/diagrams';
import type { DiagramKind } from '../../src/shared/protocol/messages';
import type { DrawnNode } from './drawingNodes';
import type { OutlineRow, StructuralAction } from './outlineModel';

/** A note under the outline: parse problems (blocking) and structural warnings (not blocking). */
export interface Note {
  readonly severity: 'error' | 'warning' | 'info';
  /** 0-based line within the block, when the note is about one. */
  readonly line?: number;
  readonly message: string;
}

/**
 * One diagram being edited, whatever its kind: the app talks to this and never to a model type.
 * Edits return whether anything changed; the session then holds the new model.
 */
export interface DiagramSession {
  readonly kind: DiagramKind;
  /** False when the text holds something the model cannot represent: edits are refused. */
  readonly writable: boolean;
  readonly problems: readonly DiagramProblem[];
  rows(): OutlineRow[];
  act(key: string, action: StructuralAction): { changed: boolean; select?: string; rename?: boolean };
  /** Why `action` does nothing on row `key` (a tooltip for its disabled button), or undefined when it applies. */
  unavailable(key: string, action: StructuralAction): string | undefined;
  /** The drawn shapes of the last drawing and the rows they stand for (empty when they cannot be told apart). */
  drawnNodes(svg: SVGSVGElement): DrawnNode[];
  /** The model node a row shows (the drawing highlights it). */
  nodeOf(key: string): string;
  /**
   * What row `key` is, independent of where it is (fishbone keys are positions, which shift when a
   * cause is added above): kept by anything that acts on a row later (a name field, the menu, the
   * selection) and turned back into a key with `locate` against the text as it is then.
   */
  identify(key: string): string | undefined;
  /** The key of the row `identity` names now, or undefined when it is gone or cannot be told apart. */
  locate(identity: string): string | undefined;
  /** The row's line, 0-based within the block's current text, if known. */
  lineOf(key: string): number | undefined;
  rename(key: string, label: string): boolean;
  /** The block text for the document (canonical print of the model). */
  text(): string;
  /** What Mermaid draws: the block text plus view-only decoration (gate kinds, single points of failure). */
  drawingText(): string;
  /** Kind-specific fields for the selected row; `changed` is called after each edit they make. */
  details(key: string, changed: (select?: string) => void): HTMLElement | undefined;
  /** Notes beyond parse problems (validation warnings). */
  notes(): Note[];
  /** The analysis view (fault trees), rebuilt on each change. */
  analysis(): HTMLElement | undefined;
  /** What the drawing's colours mean (fault trees: gate kinds, single points of failure); empty when nothing needs saying. */
  legend(): readonly LegendEntry[];
}
