// A re-run of the aggregate job (GitHub's "Re-run failed jobs"): artifact names are per run, not
// per attempt, so its merged report and retry mapping already exist under their names. The
// re-run replaces them (what a later job or `retry-from` downloads is the re-run's), where a
// first run that finds a name taken says which input to change. Through the real bundle and
// the real @actions/artifact against the results-service stand-in.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { downloadRetryMapping } from '../../src/github/artifacts.js'
import { aggregateBed, shardReportOf } from '../support/shard-artifacts.js'

const MAPPING = ['r.example/a:1 m.example/a:1', 'r.example/b:1 m.example/b:1'].join('\n') + '\n'

const bed = aggregateBed(MAPPING, 'mg-agg-rerun-')

/** Shard `index` of 2: its lines failed with `reason` (a 429: retryable), or mirrored. */
function shardReport(index: number, failed: boolean): object {
  return shardReportOf(
    MAPPING,
    index,
    2,
    (e) => ({
      source: e.source,
      destination: e.destination,
      status: failed ? 'failed' : 'mirrored',
      classes: failed ? ['rate-limit'] : [],
      reasons: failed ? ['HTTP 429 Too Many Requests'] : [],
      evidence: [5],
      retryable: failed
    }),
    { runLevel: [], run: { outcome: failed ? 'failed' : 'success', attempts: [] } }
  )
}

const aggregate = (run: string, attempt: number) =>
  bed.aggregate(run, {}, { GITHUB_RUN_ATTEMPT: String(attempt) })

const warnings = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => l.startsWith('::warning'))

describe('aggregate job re-run', () => {
  it('replaces the merged artifacts of the first attempt with its own', async () => {
    await bed.upload('81', 1, shardReport(1, false))
    await bed.upload('81', 2, shardReport(2, true))
    const first = await aggregate('81', 1)
    expect(first.code).toBe(1)
    expect(warnings(first.stdout)).toEqual([])
    const retryName = 'oc-mirror-retry-mapping'
    const before = bed.service.artifacts().filter((a) => a.name === retryName)
    expect(before).toHaveLength(1)

    // The failed shard is re-run and now mirrors its line; then the aggregate job is re-run.
    vi.stubEnv('GITHUB_RUN_ATTEMPT', '2')
    const shard2 = bed.service.artifacts().find((a) => a.name === 'oc-mirror-log-2-of-2')
    expect(shard2).toBeDefined()
    await bed.upload('81', 2, shardReport(2, false))
    vi.unstubAllEnvs()
    const again = await aggregate('81', 2)
    expect(warnings(again.stdout)).toEqual([])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('replaced the one an earlier attempt of this run uploaded')
    // Nothing left to retry: the first attempt's retry mapping is not left behind for a later
    // job to download as if it were current.
    expect(bed.service.artifacts().filter((a) => a.name === retryName)).toHaveLength(0)
    const report = JSON.parse(readFileSync(again.w.outputs()['report'] ?? '', 'utf8')) as {
      lines: { status: string }[]
    }
    expect(report.lines.map((l) => l.status)).toEqual(['mirrored', 'mirrored'])
    for (const [k, v] of Object.entries(bed.service.env('81', 'later'))) vi.stubEnv(k, v)
    const got = await downloadRetryMapping({ name: retryName, path: path.join(bed.tmp, 'later') })
    expect(got.found).toBe(false)
  }, 120_000)
})
