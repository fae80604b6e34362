/**
 * Which outline row has its name field open, and whether that row is a new one not written yet.
 * A row just added (Enter, Add) is written once, with its name, so undoing the name removes the
 * row; Escape (or the text changing meanwhile) drops it unwritten and the row selected before it
 * is selected again.
 */
export class RowNaming {
  private renamingKey: string | undefined;
  private unwritten: { key: string; before: string | undefined } | undefined;

  /** The row whose name field is open, if any. */
  get renaming(): string | undefined {
    return this.renamingKey;
  }

  /** True while a new row is shown (outline and drawing) but not in the document. */
  get hasUnwritten(): boolean {
    return this.unwritten !== undefined;
  }

  /** F2 / Rename on an existing row. */
  rename(key: string): void {
    this.renamingKey = key;
  }

  /** A new row was added locally; `before` is the row selected before it. */
  nameNewRow(key: string, before: string | undefined): void {
    this.renamingKey = key;
    this.unwritten = { key, before };
  }

  /** Closes the name field (the new row, if any, stays pending until `dropUnwritten`). */
  stopRenaming(): void {
    this.renamingKey = undefined;
  }

  /**
   * The text was re-read: a new row being named is not in it (nothing was written). Returns the
   * row to select instead when one was dropped.
   */
  dropUnwritten(): { before: string | undefined } | undefined {
    const dropped = this.unwritten;
    if (!dropped) return undefined;
    if (this.renamingKey === dropped.key) this.renamingKey = undefined;
    this.unwritten = undefined;
    return { before: dropped.before };
  }

  /**
   * The name field of `key` closed. `current` is false for a field left over from a redraw that
   * already ended this rename (its blur comes late). `unwritten` is set when the row was new.
   */
  finish(key: string): { current: false } | { current: true; unwritten?: { before: string | undefined } } {
    if (this.renamingKey !== key) return { current: false };
    this.renamingKey = undefined;
    const unwritten = this.unwritten?.key === key ? { before: this.unwritten.before } : undefined;
    this.unwritten = undefined;
    return { current: true, unwritten };
  }
}
