/**
 * What the outline view needs from a diagram kind, without the DOM: the rows to show and the
 * structural actions. Row keys are paths (indices for fishbones, node ids for fault trees) so the
 * selection survives re-reading the text, where fishbone node ids are regenerated.
 */
export interface OutlineRow {
  readonly key: string;
  readonly depth: number;
  readonly label: string;
  /** Short tag drawn after the label (gate kind, probability, "shared"). */
  readonly badge?: string;
  /** CSS class naming the row's role (effect, category, cause, gate, event …). */
  readonly role: string;
  readonly deletable: boolean;
}

export type StructuralAction = 'addSibling' | 'addChild' | 'addGate' | 'indent' | 'outdent' | 'delete' | 'up' | 'down';

export interface ActionResult<M> {
  readonly model: M;
  /** Row to select afterwards. */
  readonly select?: string;
  /** Start renaming the selected row (a node was just added). */
  readonly rename?: boolean;
}

export interface OutlineModel<M> {
  rows(model: M): OutlineRow[];
  act(model: M, key: string, action: StructuralAction): ActionResult<M>;
  rename(model: M, key: string, label: string): M;
  /** Canonical text for the document. */
  print(model: M): string;
}
