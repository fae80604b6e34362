import type { StructuralAction } from './outlineModel';
import type { DiagramSession } from './session';

/**
 * One thing the person did in the outline, in terms that can be applied again to other text: rows
 * are named by identity (DiagramSession.identify), never by position. When a teammate's change
 * overtakes an edit before it is written, the panel applies its steps again, in order, to the text
 * as it is now (trial14b F7), the way an open name field follows its row (trial13b F10).
 */
export type TypedStep =
  /** A row added next to / inside `anchor` (Enter, Ctrl+Enter…) and named `label`. */
  | { readonly kind: 'add'; readonly anchor: string; readonly action: StructuralAction; readonly label: string }
  /** Row `identity`, then called `from`, renamed to `label`. */
  | { readonly kind: 'rename'; readonly identity: string; readonly from: string; readonly label: string }
  /** A structural action without a name (Tab, Delete, Alt+Up…) on row `identity`. */
  | { readonly kind: 'act'; readonly identity: string; readonly label: string; readonly action: StructuralAction };

/** 'applied' changed the session; 'failed': its row is gone or changed, nothing was done. */
export function applyStep(session: DiagramSession, step: TypedStep): 'applied' | 'failed' {
  const rowLabel = (key: string): string | undefined => session.rows().find((r) => r.key === key)?.label;
  switch (step.kind) {
    case 'add': {
      const anchor = session.locate(step.anchor);
      if (anchor === undefined) return 'failed';
      const r = session.act(anchor, step.action);
      if (!r.changed || !r.rename || r.select === undefined) return 'failed';
      // A placeholder name kept as typed is written as it is (the row was wanted).
      session.rename(r.select, step.label);
      return 'applied';
    }
    case 'rename': {
      const key = session.locate(step.identity);
      if (key === undefined || rowLabel(key) !== step.from) return 'failed';
      session.rename(key, step.label);
      return 'applied';
    }
    case 'act': {
      const key = session.locate(step.identity);
      if (key === undefined || rowLabel(key) !== step.label) return 'failed';
      return session.act(key, step.action).changed ? 'applied' : 'failed';
    }
  }
}

/** What the person typed in a step that could not be applied (kept in the banner to copy back), if anything. */
export function typedText(step: TypedStep): string | undefined {
  return step.kind === 'act' ? undefined : step.label;
}
