// The aggregate's pure merge: N from the input, the artifact's index checked against the
// report, no report at all still a verdict, missing shards with their reason.
import { describe, expect, it } from 'vitest'
import { parseMappings } from '../../src/core/mapping.js'
import { aggregateShards, type ShardReportText } from '../../src/core/shard-aggregate.js'
import { mappingDigests } from '../../src/core/shard-merge.js'
import { planShards } from '../../src/core/shard-plan.js'
import { effectiveDestination } from '../../src/core/mapping.js'

const TEXT = [
  'reg.example/a:1 mirror.example/a:1',
  'reg.example/b:1 mirror.example/b:1',
  'reg.example/c:1 mirror.example/c:1',
  'reg.example/d:1 mirror.example/d:1'
].join('\n')
const set = parseMappings([{ file: 'mapping.txt', text: TEXT }])
const files = mappingDigests([{ file: 'mapping.txt', text: TEXT }])
const plan = planShards(set.entries, 2)

/** Shard `index` of 2 as the action writes it, every line mirrored unless named in `failed`. */
function report(index: number, opts: { failed?: number[]; count?: number } = {}): ShardReportText {
  const count = opts.count ?? 2
  const lines = plan.shards[index - 1].map((id) => {
    const e = set.entries[id]
    const bad = opts.failed?.includes(e.line) ?? false
    return {
      file: e.file,
      line: e.line,
      source: e.source.raw,
      destination: effectiveDestination(e),
      status: bad ? 'failed' : 'mirrored',
      classes: bad ? ['rate-limit'] : [],
      reasons: bad ? ['HTTP 429 Too Many Requests'] : [],
      evidence: [],
      retryable: bad
    }
  })
  const json = {
    version: 1,
    shard: { index, count },
    mapping: { files, entries: set.entries.length },
    lines,
    run: {
      outcome: 'success',
      attempts: [
        {
          startedAt: '2026-12-07T01:00:00.000Z',
          endedAt: '2026-12-07T01:02:05.000Z',
          stats: { mirroringSeconds: 2, bytesPerSecond: 1.5e6 }
        }
      ]
    }
  }
  return { index, artifact: `oc-mirror-log-${index}-of-${count}`, text: JSON.stringify(json) }
}

describe('aggregateShards', () => {
  it('merges every shard: per-shard rows with attempts, duration and bytes', () => {
    const failedLine = set.entries[plan.shards[1][0]].line
    const r = aggregateShards({
      set,
      files,
      count: 2,
      reports: [report(1), report(2, { failed: [failedLine] })],
      missing: []
    })
    if (!r.ok) throw new Error(r.errors.join('\n'))
    expect(r.verdicts.map((v) => v.status)).toEqual(
      set.entries.map((e) => (e.line === failedLine ? 'failed' : 'mirrored'))
    )
    expect(
      r.rows.map((x) => [x.index, x.entries, x.failed, x.attempts, x.durationSeconds, x.bytes])
    ).toEqual([
      [1, plan.shards[0].length, 0, 1, 125, 3_000_000],
      [2, plan.shards[1].length, 1, 1, 125, 3_000_000]
    ])
    expect(r.retryMapping).toContain(`# mapping.txt:${failedLine} rate-limit: HTTP 429`)
    expect(r.notes).toEqual([])
    expect(r.attempts).toBe(1)
  })

  it('no report at all: every line unconfirmed and retried, each shard missing with its reason', () => {
    const r = aggregateShards({
      set,
      files,
      count: 2,
      reports: [],
      missing: [
        { index: 1, reason: 'no artifact oc-mirror-log-1-of-2 in this run' },
        { index: 2, reason: 'no artifact oc-mirror-log-2-of-2 in this run' }
      ]
    })
    if (!r.ok) throw new Error(r.errors.join('\n'))
    expect(r.verdicts.every((v) => v.status === 'failed' && v.classes[0] === 'unconfirmed')).toBe(
      true
    )
    expect(r.retryMapping.split('\n').filter((l) => /^reg\./.test(l))).toHaveLength(4)
    expect(r.rows.map((x) => x.missing)).toEqual([
      'no artifact oc-mirror-log-1-of-2 in this run',
      'no artifact oc-mirror-log-2-of-2 in this run'
    ])
    expect(r.notes[0]).toBe(
      `Shard 1/2 sent no report (no artifact oc-mirror-log-1-of-2 in this run): its ${plan.shards[0].length} line(s) count as unconfirmed and are in the retry mapping.`
    )
    expect(r.attempts).toBe(0)
  })

  it('an artifact holding another shard, reports of another N, not JSON, other mapping files: errors', () => {
    const swapped = { ...report(1), index: 2, artifact: 'oc-mirror-log-2-of-2' }
    const bad = (reports: ShardReportText[]): readonly string[] => {
      const r = aggregateShards({ set, files, count: 2, reports, missing: [] })
      return r.ok ? [] : r.errors
    }
    expect(bad([swapped])).toEqual([
      'oc-mirror-log-2-of-2: its report.json is the report of shard 1/2, not of shard 2/2'
    ])
    expect(bad([{ ...report(1, { count: 3 }), artifact: 'x' }])).toEqual([
      'x: its report.json is the report of shard 1/3, not of shard 1/2'
    ])
    expect(bad([{ index: 1, artifact: 'y', text: '{"version":' }])[0]).toMatch(
      /^y: report\.json is not JSON \(/
    )
    const other = JSON.parse(report(1).text) as { mapping: { files: { sha256: string }[] } }
    other.mapping.files[0].sha256 = 'f'.repeat(64)
    expect(bad([{ ...report(1), text: JSON.stringify(other) }])[0]).toContain(
      'was made from other mapping files'
    )
  })
})
