/** The unit hierarchy as parent links: enough to answer "is A inside B's subtree?". */
export class UnitTree {
  constructor(private readonly parentOf: ReadonlyMap<number, number | null>) {}

  has(id: number): boolean {
    return this.parentOf.has(id);
  }

  /** Every unit's id. */
  ids(): number[] {
    return [...this.parentOf.keys()];
  }

  /** The unit itself, then its parent, up to the root. */
  *lineage(id: number): Generator<number> {
    const seen = new Set<number>();
    let current: number | null | undefined = id;
    while (current !== null && current !== undefined && !seen.has(current)) {
      seen.add(current);
      yield current;
      current = this.parentOf.get(current);
    }
  }

  /** True when `id` is `ancestor` or lies beneath it. */
  isWithin(id: number, ancestor: number): boolean {
    for (const u of this.lineage(id)) if (u === ancestor) return true;
    return false;
  }
}
