// Chunks of an attempt: at most N entries each, whole destination repositories and whole
// physical lines, in mapping order, every entry exactly once.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { planChunks } from '../../src/core/chunk-plan.js'
import { parseMappingText } from '../../src/core/mapping.js'
import { repoKey } from '../../src/core/reference.js'
import type { MappingEntry } from '../../src/core/types.js'

function entries(lines: string[]): readonly MappingEntry[] {
  const set = parseMappingText(lines.join('\n') + '\n', 'mapping.txt')
  expect(set.findings.filter((f) => f.severity === 'error')).toEqual([])
  return set.entries
}

const linesOf = (es: readonly MappingEntry[], ids: readonly number[]): number[] =>
  ids.map((id) => es[id].line)

describe('planChunks', () => {
  it('no chunk size, or fewer entries than it: one chunk of everything', () => {
    const es = entries(['src.io/a:v1 dst.io/a:v1', 'src.io/b:v1 dst.io/b:v1'])
    expect(planChunks(es, undefined)).toEqual([{ index: 1, entryIds: [0, 1], oversized: false }])
    expect(planChunks(es, 2)).toEqual([{ index: 1, entryIds: [0, 1], oversized: false }])
    expect(planChunks([], 3)).toEqual([])
  })

  it('repeated destination repositories stay in one chunk, packed in mapping order', () => {
    const es = entries([
      'src.io/a:v1 dst.io/x:v1', // line 1: repo x
      'src.io/b:v1 dst.io/y:v1', // line 2: repo y
      'src.io/a:v2 dst.io/x:v2', // line 3: repo x again
      'src.io/c:v1 dst.io/z:v1', // line 4
      'src.io/d:v1 dst.io/w:v1', // line 5
      'src.io/b:v2 dst.io/y:v2' // line 6: repo y again
    ])
    const chunks = planChunks(es, 3)
    expect(chunks.map((c) => linesOf(es, c.entryIds))).toEqual([[1, 3], [2, 4, 6], [5]])
    expect(chunks.map((c) => c.index)).toEqual([1, 2, 3])
    expect(chunks.every((c) => !c.oversized)).toBe(true)
  })

  it('a fan-out line is never split; a group larger than N is a chunk of its own, marked', () => {
    const es = entries([
      'src.io/a:v1 dst.io/p:v1 dst.io/q:v1 dst.io/r:v1',
      'src.io/b:v1 dst.io/s:v1'
    ])
    const chunks = planChunks(es, 2)
    expect(chunks.map((c) => [linesOf(es, c.entryIds), c.oversized])).toEqual([
      [[1, 1, 1], true],
      [[2], false]
    ])
  })

  it('file:// destinations group by their directory on disk', () => {
    const es = entries([
      'src.io/a:v1 file://mirror.local/ns/a:v1',
      'src.io/b:v1 file://other.host/ns/b:v1',
      'src.io/a:v2 file://ns/a:v2'
    ])
    expect(planChunks(es, 2).map((c) => linesOf(es, c.entryIds))).toEqual([[1, 3], [2]])
  })

  it('property: every entry once, at most N unless oversized, repositories whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 1,
          maxLength: 40
        }),
        fc.integer({ min: 1, max: 8 }),
        (rows, size) => {
          const es = entries(rows.map(([r, t], i) => `src.io/s${i}:v1 dst.io/r${r}:t${t}x${i}`))
          const chunks = planChunks(es, size)
          const seen = chunks.flatMap((c) => c.entryIds)
          expect([...seen].sort((a, b) => a - b)).toEqual(es.map((e) => e.id))
          const chunkOfRepo = new Map<string, number>()
          for (const c of chunks) {
            if (!c.oversized) expect(c.entryIds.length).toBeLessThanOrEqual(size)
            expect([...c.entryIds].sort((a, b) => a - b)).toEqual(c.entryIds)
            for (const id of c.entryIds) {
              const k = repoKey(es[id].destination.printed)
              expect(chunkOfRepo.get(k) ?? c.index).toBe(c.index)
              chunkOfRepo.set(k, c.index)
            }
          }
        }
      )
    )
  })
})
