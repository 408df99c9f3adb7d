import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BlobSchedule, type BlobSet } from '../../src/engines/blob-schedule.js'

/** A schedule over entries named by letter, every blob set resolved up front. */
function resolved(sets: Record<string, string[] | undefined>): BlobSchedule<string> {
  const s = new BlobSchedule(Object.keys(sets))
  for (const [e, blobs] of Object.entries(sets)) s.setBlobs(e, blobs && new Set(blobs))
  return s
}

/** Takes entries until `next()` has none. */
function drain(s: BlobSchedule<string>): string[] {
  const out: string[] = []
  for (let e = s.next(); e !== undefined; e = s.next()) out.push(e)
  return out
}

describe('BlobSchedule', () => {
  it('holds back an entry that needs a blob a running entry is still pushing', () => {
    const s = resolved({ a: ['base', 'a1'], b: ['base', 'b1'], c: ['c1'] })
    expect(drain(s)).toEqual(['a', 'c'])
    expect(s.running).toBe(2)
    s.finish('c', true)
    expect(s.next()).toBeUndefined()
    s.finish('a', true)
    // base is pushed now: b mounts it.
    expect(s.next()).toBe('b')
    expect(s.remaining).toBe(0)
  })

  it('lets entries that share only pushed blobs run side by side', () => {
    const s = resolved({ a: ['base', 'mid'], b: ['base', 'mid', 'b1'], c: ['base', 'c1'] })
    expect(drain(s)).toEqual(['a'])
    s.finish('a', true)
    expect(drain(s)).toEqual(['b', 'c'])
  })

  it('releases the blobs of a failed entry: the next one pushes them itself', () => {
    const s = resolved({ a: ['base'], b: ['base', 'b1'], c: ['base', 'c1'] })
    expect(drain(s)).toEqual(['a'])
    s.finish('a', false)
    // Not pushed: b now holds base, c still waits.
    expect(drain(s)).toEqual(['b'])
    s.finish('b', true)
    expect(drain(s)).toEqual(['c'])
  })

  it('never holds back an entry whose blobs are unknown, and unknown entries hold nothing', () => {
    const s = resolved({ a: undefined, b: ['x'], c: undefined, d: ['x'] })
    expect(drain(s)).toEqual(['a', 'b', 'c'])
    s.finish('a', true)
    s.finish('c', false)
    expect(s.next()).toBeUndefined()
    s.finish('b', true)
    expect(s.next()).toBe('d')
  })

  it('keeps mapping order among runnable entries, whatever order blob sets arrive in', () => {
    const s = new BlobSchedule(['a', 'b', 'c', 'd'])
    s.setBlobs('d', new Set(['d1']))
    s.setBlobs('b', new Set(['b1']))
    s.setBlobs('c', new Set(['c1']))
    expect(s.isPending('a')).toBe(true)
    expect(s.next()).toBe('b')
    s.setBlobs('a', new Set(['a1']))
    expect(drain(s)).toEqual(['a', 'c', 'd'])
  })

  it('skips pending entries and returns nothing while all are pending', () => {
    const s = new BlobSchedule(['a', 'b'])
    expect(s.next()).toBeUndefined()
    expect(s.remaining).toBe(2)
    s.setBlobs('b', undefined)
    expect(s.next()).toBe('b')
    // A second resolution of the same entry changes nothing.
    s.setBlobs('b', new Set(['z']))
    expect(s.remaining).toBe(1)
  })

  it('names the look-ahead window: the first n entries that have not started', () => {
    const s = new BlobSchedule(['a', 'b', 'c', 'd', 'e'])
    expect(s.upcoming(2)).toEqual(['a', 'b'])
    s.setBlobs('b', undefined)
    expect(s.next()).toBe('b')
    expect(s.upcoming(2)).toEqual(['a', 'c'])
    s.setBlobs('a', undefined)
    expect(s.next()).toBe('a')
    s.finish('a', true)
    expect(s.upcoming(10)).toEqual(['c', 'd', 'e'])
  })

  it('rejects misuse with a clear error', () => {
    expect(() => new BlobSchedule(['a', 'a'])).toThrow(/listed twice/)
    const s = resolved({ a: ['x'] })
    expect(() => s.finish('a', true)).toThrow(/not running/)
    expect(() => s.setBlobs('zz', undefined)).toThrow(/unknown entry/)
    expect(s.next()).toBe('a')
    s.finish('a', true)
    expect(() => s.finish('a', true)).toThrow(/not running/)
  })

  it('property: every entry runs exactly once, in order among runnable ones, no blob pulled twice at once', () => {
    const blob = fc.constantFrom('base', 'mid1', 'mid2', 'x', 'y', 'z')
    const entrySet = fc.option(fc.uniqueArray(blob, { maxLength: 4 }), { nil: undefined })
    fc.assert(
      fc.property(
        fc.array(entrySet, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
        (sets, limit, choices) => {
          const names = sets.map((_, i) => `e${i}`)
          const blobsOf = new Map<string, BlobSet>(
            names.map((n, i) => [n, sets[i] && new Set(sets[i])])
          )
          const s = new BlobSchedule(names)
          // Reference model of what the schedule must do.
          const pushed = new Set<string>()
          const running = new Map<string, string[]>()
          const resolvedNotStarted: string[] = []
          const started: string[] = []
          let pending = [...names]
          let c = 0
          const pick = (n: number): number => choices[c++ % choices.length] % n

          for (let step = 0; started.length < names.length || running.size > 0; step++) {
            expect(step).toBeLessThan(10_000)
            const action = pick(3)
            if (action === 0 && pending.length > 0) {
              // A blob set arrives, in any order.
              const e = pending[pick(pending.length)]
              pending = pending.filter((p) => p !== e)
              s.setBlobs(e, blobsOf.get(e))
              resolvedNotStarted.push(e)
              resolvedNotStarted.sort((a, b) => names.indexOf(a) - names.indexOf(b))
            } else if (action === 1 && running.size < limit) {
              const held = new Set([...running.values()].flat())
              const expected = resolvedNotStarted.find((e) =>
                [...(blobsOf.get(e) ?? [])].every((b) => pushed.has(b) || !held.has(b))
              )
              // Nothing running and something resolved: there is always an entry to run.
              if (running.size === 0 && resolvedNotStarted.length > 0) {
                expect(expected).toBeDefined()
              }
              const got = s.next()
              expect(got).toBe(expected)
              if (got !== undefined) {
                resolvedNotStarted.splice(resolvedNotStarted.indexOf(got), 1)
                started.push(got)
                running.set(
                  got,
                  [...(blobsOf.get(got) ?? [])].filter((b) => !pushed.has(b))
                )
              }
            } else if (running.size > 0) {
              const list = [...running.keys()]
              const e = list[pick(list.length)]
              const ok = pick(2) === 0
              s.finish(e, ok)
              if (ok) for (const b of running.get(e) ?? []) pushed.add(b)
              running.delete(e)
            } else if (pending.length > 0) {
              const e = pending.shift()!
              s.setBlobs(e, blobsOf.get(e))
              resolvedNotStarted.push(e)
              resolvedNotStarted.sort((a, b) => names.indexOf(a) - names.indexOf(b))
            } else {
              const before = started.length
              const got = s.next()
              expect(got).toBeDefined()
              started.push(got!)
              running.set(
                got!,
                [...(blobsOf.get(got!) ?? [])].filter((b) => !pushed.has(b))
              )
              resolvedNotStarted.splice(resolvedNotStarted.indexOf(got!), 1)
              expect(started.length).toBe(before + 1)
            }
            // Running entries never share a blob that none of them has pushed yet.
            const holdings = [...running.values()].flat()
            expect(new Set(holdings).size).toBe(holdings.length)
            expect(s.running).toBe(running.size)
            expect(s.remaining).toBe(names.length - started.length)
          }
          expect([...started].sort()).toEqual([...names].sort())
          expect(s.next()).toBeUndefined()
        }
      ),
      { numRuns: 300 }
    )
  })
})
