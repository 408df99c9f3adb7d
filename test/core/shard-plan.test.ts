// The shard planner: whole destination repositories (and fan-out lines) per shard, balanced,
// deterministic; and the `I/N` grammar.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseMappings, parseMappingText } from '../../src/core/mapping.js'
import { repoKey } from '../../src/core/reference.js'
import {
  parseShardSpec,
  planShards,
  renderShardMapping,
  shardArtifactName,
  shardEntries
} from '../../src/core/shard-plan.js'
import type { MappingEntry } from '../../src/core/types.js'

function entries(lines: string[], file = 'mapping.txt'): readonly MappingEntry[] {
  const set = parseMappingText(lines.join('\n') + '\n', file)
  expect(set.findings.filter((f) => f.severity === 'error')).toEqual([])
  return set.entries
}

const shardOfLine = (es: readonly MappingEntry[], n: number): Map<number, number> => {
  const plan = planShards(es, n)
  return new Map(es.map((e) => [e.line, plan.shardOf.get(e.id) ?? 0]))
}

describe('parseShardSpec', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['3/8', { index: 3, count: 8 }],
    [' 256/256 ', { index: 256, count: 256 }]
  ])('%s', (text, spec) => expect(parseShardSpec(text)).toEqual({ spec }))

  it.each([
    ['0/3', 'the shard index must be from 1 to 3'],
    ['4/3', 'the shard index must be from 1 to 3'],
    ['1/0', 'the shard count must be from 1 to 256'],
    ['1/257', 'the shard count must be from 1 to 256'],
    ['a/b', 'is not of the form I/N'],
    ['2', 'is not of the form I/N'],
    ['-1/3', 'is not of the form I/N'],
    ['1.5/3', 'is not of the form I/N']
  ])('%s is refused', (text, why) => {
    const r = parseShardSpec(text)
    expect('error' in r && r.error).toContain(why)
  })
})

describe('planShards', () => {
  it('keeps lines of one destination repository together, also file:// by their directory on disk', () => {
    const es = entries([
      'q.io/a:1 dst.io/ns/one:1',
      'q.io/b:1 dst.io/ns/two:1',
      'q.io/c:1 DST.io/ns/one:2',
      'q.io/d:1 file://ns/disk:1',
      'q.io/e:1 file://mirror.local/ns/disk:2',
      'q.io/f:1 dst.io/ns/three:1'
    ])
    for (const n of [2, 3, 4, 6]) {
      const at = shardOfLine(es, n)
      expect(at.get(1)).toBe(at.get(3))
      expect(at.get(4)).toBe(at.get(5))
    }
  })

  it('keeps a fan-out line whole and joins the repositories it touches', () => {
    const es = entries(['q.io/a:1 d.io/x:1 d.io/y:1', 'q.io/b:1 d.io/y:2', 'q.io/c:1 d.io/z:1'])
    const plan = planShards(es, 3)
    expect(plan.shardOf.get(0)).toBe(plan.shardOf.get(1))
    expect(plan.shardOf.get(1)).toBe(plan.shardOf.get(2))
    expect(plan.shards.map((s) => s.length).sort()).toEqual([0, 1, 3])
  })

  it('largest group first, into the least-loaded shard, ties to the lowest index', () => {
    // groups: big (3 lines), mid (2), then four singles a..d
    const es = entries([
      'q.io/s:1 d.io/single-c:1',
      'q.io/s:2 d.io/big:1',
      'q.io/s:3 d.io/mid:1',
      'q.io/s:4 d.io/big:2',
      'q.io/s:5 d.io/single-a:1',
      'q.io/s:6 d.io/big:3',
      'q.io/s:7 d.io/mid:2',
      'q.io/s:8 d.io/single-b:1',
      'q.io/s:9 d.io/single-d:1'
    ])
    // big → 1 (3); mid → 2 (2); single-a → 3 (1); single-b → 3 (2); single-c → 2 (3);
    // single-d → 3 (3)
    const plan = planShards(es, 3)
    expect(plan.shards).toEqual([
      [1, 3, 5],
      [0, 2, 6],
      [4, 7, 8]
    ])
    expect(plan.repositories).toEqual([1, 2, 3])
  })

  it('more shards than groups: the rest are empty', () => {
    const es = entries(['q.io/a:1 d.io/x:1', 'q.io/b:1 d.io/x:2'])
    expect(planShards(es, 3).shards).toEqual([[0, 1], [], []])
  })

  it('property: every entry in exactly one shard, repositories whole, balanced, independent of line order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 999 })), {
          minLength: 1,
          maxLength: 120
        }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer(),
        (rows, n, seed) => {
          const unique = [...new Map(rows.map(([r, t]) => [`${r}:${t}`, [r, t]])).values()]
          const lines = unique.map(([r, t]) => `q.io/src:${t} d.io/repo${r}:t${t}`)
          const es = entries(lines)
          const plan = planShards(es, n)
          const all = plan.shards.flat().sort((a, b) => a - b)
          expect(all).toEqual(es.map((e) => e.id))
          const shardOfRepo = new Map<string, number>()
          for (const e of es) {
            const k = repoKey(e.destination.printed)
            const s = plan.shardOf.get(e.id)
            expect(shardOfRepo.get(k) ?? s).toBe(s)
            shardOfRepo.set(k, s ?? 0)
          }
          // Greedy LPT: no shard exceeds the smallest by more than the largest group.
          const sizes = new Map<string, number>()
          for (const e of es) {
            const k = repoKey(e.destination.printed)
            sizes.set(k, (sizes.get(k) ?? 0) + 1)
          }
          const loads = plan.shards.map((s) => s.length)
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(
            Math.max(...sizes.values())
          )
          // Same lines in another order: the same lines per shard.
          const shuffled = [...lines]
          let x = seed
          for (let i = shuffled.length - 1; i > 0; i--) {
            x = (Math.imul(x, 1103515245) + 12345) | 0
            const j = Math.abs(x) % (i + 1)
            ;[shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]]
          }
          const es2 = entries(shuffled)
          const plan2 = planShards(es2, n)
          const textsOf = (p: typeof plan, list: readonly MappingEntry[]) =>
            p.shards.map((s) => s.map((id) => list[id].text).sort())
          expect(textsOf(plan2, es2)).toEqual(textsOf(plan, es))
        }
      ),
      { numRuns: 150 }
    )
  })
})

describe('shard mapping and names', () => {
  it('writes whole lines verbatim in mapping order, with the file they come from', () => {
    const set = parseMappings([
      { file: 'a.txt', text: '# c\nq.io/a:1 d.io/x:1 d.io/y:1\nq.io/b:1 d.io/z:1\n' },
      { file: 'b.txt', text: 'q.io/c:1  d.io/x:2\n' }
    ])
    const shard = shardEntries(set.entries, { index: 1, count: 2 })
    expect(renderShardMapping(shard, 'shard 1 of 2')).toBe(
      '# shard 1 of 2\n# from a.txt\nq.io/a:1 d.io/x:1 d.io/y:1\n# from b.txt\nq.io/c:1  d.io/x:2\n'
    )
    expect(shardArtifactName('oc-mirror-log', { index: 3, count: 12 })).toBe(
      'oc-mirror-log-3-of-12'
    )
  })
})
