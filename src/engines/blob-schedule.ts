// Order of the copies into one destination registry, aware of shared blobs. containers/image
// mounts a blob another repository of the registry already holds (its blob-info cache records
// where each blob was pushed), but only once that push has finished: copies that run at the
// same time and need the same not-yet-pushed blob each pull it from the source. So an entry is
// held back while a running entry is about to push one of its blobs, and runs once that blob
// is pushed (a mount) or released (the other copy failed). Pure: no I/O, no timers.
//
// One schedule per destination registry: a mount only works inside one registry, so blob keys
// need no registry prefix. The caller enforces the concurrency limit; the schedule only orders.

/** The config and layer digests an entry's copy pushes; undefined when unknown. */
export type BlobSet = ReadonlySet<string> | undefined

interface Slot<T> {
  readonly entry: T
  readonly index: number
  state: 'pending' | 'ready' | 'running' | 'done'
  blobs: BlobSet
  /** The blobs this entry held while running (those not yet pushed when it started). */
  holding: readonly string[]
}

export class BlobSchedule<T> {
  private readonly slots: Slot<T>[]
  private readonly byEntry = new Map<T, Slot<T>>()
  /** Indexes of entries whose blob set is known (or known unknown) and that have not started. */
  private readonly ready: number[] = []
  /** Blobs of running entries, with how many running entries hold each. */
  private readonly held = new Map<string, number>()
  /** Blobs a finished copy pushed: later copies mount them. */
  private readonly pushed = new Set<string>()
  /** Index below which every entry has started (start of the look-ahead). */
  private head = 0
  private runningCount = 0
  private startedCount = 0

  /** Every entry starts pending: `next()` skips it until `setBlobs` resolves it. */
  constructor(entries: readonly T[]) {
    this.slots = entries.map((entry, index) => ({
      entry,
      index,
      state: 'pending',
      blobs: undefined,
      holding: []
    }))
    for (const slot of this.slots) {
      if (this.byEntry.has(slot.entry)) throw new Error('BlobSchedule: an entry is listed twice')
      this.byEntry.set(slot.entry, slot)
    }
  }

  /** Entries not yet returned by `next()`. */
  get remaining(): number {
    return this.slots.length - this.startedCount
  }

  get running(): number {
    return this.runningCount
  }

  /** Resolves a pending entry's blob set (undefined: unknown, never held back). */
  setBlobs(entry: T, blobs: BlobSet): void {
    const slot = this.slot(entry)
    if (slot.state !== 'pending') return
    slot.blobs = blobs
    slot.state = 'ready'
    insertSorted(this.ready, slot.index)
  }

  /** Whether `entry` still waits for its blob set. */
  isPending(entry: T): boolean {
    return this.slot(entry).state === 'pending'
  }

  /** The first `n` entries, in mapping order, that have not started: the look-ahead window. */
  upcoming(n: number): T[] {
    const out: T[] = []
    while (this.head < this.slots.length && this.started(this.slots[this.head])) this.head++
    for (let i = this.head; i < this.slots.length && out.length < n; i++) {
      const s = this.slots[i]
      if (!this.started(s)) out.push(s.entry)
    }
    return out
  }

  /**
   * The first resolved entry, in mapping order, none of whose not-yet-pushed blobs a running
   * entry holds; undefined when there is none right now. With nothing running, every resolved
   * entry qualifies, so only pending entries can make it return undefined then.
   */
  next(): T | undefined {
    for (let k = 0; k < this.ready.length; k++) {
      const slot = this.slots[this.ready[k]]
      if (!this.blocked(slot.blobs)) {
        this.ready.splice(k, 1)
        slot.state = 'running'
        this.runningCount++
        this.startedCount++
        slot.holding = [...this.unpushed(slot.blobs)]
        for (const b of slot.holding) this.held.set(b, (this.held.get(b) ?? 0) + 1)
        return slot.entry
      }
    }
    return undefined
  }

  /** A running entry ended: on success its blobs count as pushed, else they are released. */
  finish(entry: T, ok: boolean): void {
    const slot = this.slot(entry)
    if (slot.state !== 'running') throw new Error('BlobSchedule: finish() of an entry not running')
    slot.state = 'done'
    this.runningCount--
    for (const b of slot.holding) {
      const n = this.held.get(b) ?? 0
      if (n <= 1) this.held.delete(b)
      else this.held.set(b, n - 1)
      if (ok) this.pushed.add(b)
    }
    slot.holding = []
  }

  private started(slot: Slot<T>): boolean {
    return slot.state === 'running' || slot.state === 'done'
  }

  private blocked(blobs: BlobSet): boolean {
    for (const b of this.unpushed(blobs)) if (this.held.has(b)) return true
    return false
  }

  private *unpushed(blobs: BlobSet): Iterable<string> {
    for (const b of blobs ?? []) if (!this.pushed.has(b)) yield b
  }

  private slot(entry: T): Slot<T> {
    const slot = this.byEntry.get(entry)
    if (slot === undefined) throw new Error('BlobSchedule: unknown entry')
    return slot
  }
}

function insertSorted(list: number[], value: number): void {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] < value) lo = mid + 1
    else hi = mid
  }
  list.splice(lo, 0, value)
}
