/*
 * The view counter's in-memory half. Each app instance counts its own readers here and adds
 * them to the stored count in batches (`views = views + n`), so instances never overwrite each
 * other and a batch is either written once or put back to be written later.
 *
 * The count shown to a reader is: the stored count last seen + what this instance is writing
 * now + what it has not written yet. It never goes down and includes every view it served.
 */
export class ViewBuffer {
  private pending = new Map<number, number>();
  private inFlight = new Map<number, number>();
  private readonly stored = new Map<number, number>();

  /** Counts one view of an article. */
  record(id: number): void {
    this.pending.set(id, (this.pending.get(id) ?? 0) + 1);
  }

  /** Views of `id` counted here and not yet stored. */
  unflushed(id: number): number {
    return (this.pending.get(id) ?? 0) + (this.inFlight.get(id) ?? 0);
  }

  /** Remembers a stored count read from the database (the largest seen wins). */
  noteStored(id: number, views: number): void {
    const known = this.stored.get(id);
    if (known === undefined || views > known) this.stored.set(id, views);
  }

  /** The count to show: stored (as last seen, or `fallback`) plus what is not stored yet. */
  shown(id: number, fallback: number): number {
    return Math.max(this.stored.get(id) ?? fallback, fallback) + this.unflushed(id);
  }

  /** Total increments not yet stored, over every article. */
  get size(): number {
    let n = 0;
    for (const v of this.pending.values()) n += v;
    for (const v of this.inFlight.values()) n += v;
    return n;
  }

  /**
   * Takes the pending increments for writing. Returns null when there is nothing to write or a
   * batch is already being written (one batch at a time).
   */
  take(): Map<number, number> | null {
    if (this.inFlight.size > 0 || this.pending.size === 0) return null;
    this.inFlight = this.pending;
    this.pending = new Map();
    return this.inFlight;
  }

  /** The batch was stored: `results` are the new stored counts. */
  committed(results: ReadonlyMap<number, number>): void {
    for (const [id, views] of results) this.noteStored(id, views);
    this.inFlight = new Map();
  }

  /** Writing the batch failed and was rolled back: its increments go back to pending. */
  failed(): void {
    for (const [id, n] of this.inFlight) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
    this.inFlight = new Map();
  }
}
