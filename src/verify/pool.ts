// Bounded concurrency without dependencies.

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
  return results
}

/** A counting semaphore: `run` waits for a free slot. Never nest `run` calls (deadlock). */
export class Limiter {
  #free: number
  readonly #waiting: (() => void)[] = []

  constructor(slots: number) {
    this.#free = Math.max(1, slots)
  }

  async run<R>(fn: () => Promise<R>): Promise<R> {
    if (this.#free > 0) this.#free--
    else await new Promise<void>((resolve) => this.#waiting.push(resolve))
    try {
      return await fn()
    } finally {
      const wake = this.#waiting.shift()
      if (wake) wake()
      else this.#free++
    }
  }
}
