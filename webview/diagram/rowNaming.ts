import type { StructuralAction } from './outlineModel';

/**
 * Which outline row has its name field open, what it was called when the field opened, what has been
 * typed, and whether the row is a new one not written yet. A row just added (Enter, Add) is written
 * once, with its name, so undoing the name removes the row; Escape (or the text changing meanwhile)
 * drops it unwritten and the row selected before it is selected again.
 *
 * The row is held by its identity (DiagramSession.identify), not only by its key: when the text
 * changes under an open field (a teammate's change on disk, a git pull), the field follows the row
 * it was opened on or is closed without writing — never left on whatever row moved into its place
 * (trial13b F10).
 */
export interface NameTarget {
  /** The row's key in the current model (moved by `follow` when the text changes). */
  readonly key: string;
  /** The row's identity when the field opened; undefined for a new row (it is not in the text). */
  readonly identity: string | undefined;
  /** The row's label when the field opened: a rename is refused when the label in the text has changed since. */
  readonly label: string;
}

/** Where a new row was added: next to / inside the row `anchor` (an identity), by `action`. */
export interface NewRowOrigin {
  readonly anchor: string;
  readonly action: StructuralAction;
}

export class RowNaming {
  private target: (NameTarget & { token: number; typed?: string }) | undefined;
  private unwritten: { key: string; before: string | undefined; origin: NewRowOrigin | undefined } | undefined;
  private tokens = 0;

  /** The row whose name field is open, if any. */
  get renaming(): string | undefined {
    return this.target?.key;
  }

  /** The open field's row, identity and label at opening. */
  get current(): NameTarget | undefined {
    return this.target;
  }

  /** What has been typed into the open field (kept when the field is drawn again), if anything. */
  get typed(): string | undefined {
    return this.target?.typed;
  }

  /** The open field's token, passed back by the field when it closes. */
  get token(): number | undefined {
    return this.target?.token;
  }

  /** True while a new row is shown (outline and drawing) but not in the document. */
  get hasUnwritten(): boolean {
    return this.unwritten !== undefined;
  }

  /** F2 / Rename on an existing row; returns the token its field passes to `finish`. */
  rename(key: string, identity: string | undefined, label: string): number {
    this.target = { key, identity, label, token: ++this.tokens };
    return this.target.token;
  }

  /**
   * A new row was added locally; `before` is the row selected before it, `origin` how it was added
   * (so it can be added again when the text changes under its open field).
   */
  nameNewRow(key: string, before: string | undefined, label: string, origin?: NewRowOrigin): number {
    this.target = { key, identity: undefined, label, token: ++this.tokens };
    this.unwritten = { key, before, origin };
    return this.target.token;
  }

  /** The row selected before the new row (unwritten) was added, while one is pending. */
  get unwrittenBefore(): string | undefined {
    return this.unwritten?.before;
  }

  /** How the new row being named was added, while its field is open. */
  get unwrittenOrigin(): NewRowOrigin | undefined {
    const u = this.unwritten;
    return u && this.target?.key === u.key ? u.origin : undefined;
  }

  /**
   * The text changed under the open field of a new row, and the row was added again to the new text at
   * `key` (`before`: its anchor there; `origin`: how, when not as before): the field, its token and
   * what was typed go on unchanged.
   */
  readded(key: string, before: string | undefined, origin?: NewRowOrigin): void {
    const u = this.unwritten;
    if (!u || !this.target || this.target.key !== u.key) return;
    this.unwritten = { ...u, key, before, origin: origin ?? u.origin };
    this.target = { ...this.target, key };
  }

  /** Text typed into the open field `token`. */
  typing(token: number, value: string): void {
    if (this.target?.token === token) this.target.typed = value;
  }

  /** The text changed and the row being named is now at `key`. */
  follow(key: string): void {
    if (this.target) this.target = { ...this.target, key };
  }

  /** Closes the name field (the new row, if any, stays pending until `dropUnwritten`). */
  stopRenaming(): void {
    this.target = undefined;
  }

  /**
   * The text was re-read: a new row being named is not in it (nothing was written). Returns the
   * row to select instead when one was dropped.
   */
  dropUnwritten(): { before: string | undefined } | undefined {
    const dropped = this.unwritten;
    if (!dropped) return undefined;
    if (this.target?.key === dropped.key) this.target = undefined;
    this.unwritten = undefined;
    return { before: dropped.before };
  }

  /**
   * The name field `token` closed. `current` is false for a field whose rename already ended (a
   * redraw's late blur, a field closed because the text changed). `unwritten` is set when the row was new.
   */
  finish(token: number): { current: false } | { current: true; target: NameTarget; unwritten?: { before: string | undefined; origin: NewRowOrigin | undefined } } {
    const target = this.target;
    if (!target || target.token !== token) return { current: false };
    this.target = undefined;
    const unwritten = this.unwritten?.key === target.key ? { before: this.unwritten.before, origin: this.unwritten.origin } : undefined;
    this.unwritten = undefined;
    return { current: true, target: { key: target.key, identity: target.identity, label: target.label }, unwritten };
  }
}
