// Entry ids by string key, as compact as a Map allows: most keys of a mapping's indexes name a
// single entry, kept as a bare number rather than a one-element array (a 20,000-line mapping's
// error indexes shrank by a third).

export class IdIndex {
  private readonly map = new Map<string, number | number[]>()

  add(key: string, id: number): void {
    const known = this.map.get(key)
    if (known === undefined) this.map.set(key, id)
    else if (typeof known === 'number') this.map.set(key, [known, id])
    else known.push(id)
  }

  /**
   * The ids of `key`. A single id becomes its array on the first get (kept, so a key looked up
   * again allocates nothing): only keys a log names pay for the array.
   */
  get(key: string): readonly number[] | undefined {
    const known = this.map.get(key)
    if (typeof known !== 'number') return known
    const ids = [known]
    this.map.set(key, ids)
    return ids
  }

  /** The ids of `key` as kept: a single id as a bare number (nothing allocated for it). */
  peek(key: string): number | readonly number[] | undefined {
    return this.map.get(key)
  }

  has(key: string): boolean {
    return this.map.has(key)
  }
}
