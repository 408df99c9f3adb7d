// A re-run of the aggregate job (GitHub's "Re-run failed jobs"): artifact names are per run, not
// per attempt, so its merged report and retry mapping already exist under their names. The
// re-run replaces them (what a later job or `retry-from` downloads is the re-run's), where a
// first run that finds a name taken says which input to change. Through the real bundle and
// the real @actions/artifact against the results-service stand-in.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { downloadRetryMapping } from '../../src/github/artifacts.js'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { ResultsService } from '../support/results-service.js'
import { shardLines, uploadShardReport } from '../support/shard-artifacts.js'

const MAPPING = ['r.example/a:1 m.example/a:1', 'r.example/b:1 m.example/b:1'].join('\n') + '\n'

let service: ResultsService
let bundle: string
let tmp: string
const workspaces: Workspace[] = []

beforeAll(async () => {
  bundle = await actionBundle()
  service = await ResultsService.start()
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mg-agg-rerun-'))
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
}, 120_000)
afterAll(async () => {
  await service?.stop()
  rmSync(tmp, { recursive: true, force: true })
  for (const w of workspaces) w.cleanup()
})

/** Shard `index` of 2: its lines failed with `reason` (a 429: retryable), or mirrored. */
function shardReport(index: number, failed: boolean): object {
  const { files, entries, lines } = shardLines(MAPPING, index, 2, (e) => ({
    source: e.source,
    destination: e.destination,
    status: failed ? 'failed' : 'mirrored',
    classes: failed ? ['rate-limit'] : [],
    reasons: failed ? ['HTTP 429 Too Many Requests'] : [],
    evidence: [5],
    retryable: failed
  }))
  return {
    version: 1,
    shard: { index, count: 2 },
    mapping: { files, entries },
    lines,
    runLevel: [],
    run: { outcome: failed ? 'failed' : 'success', attempts: [] }
  }
}

async function aggregate(
  run: string,
  attempt: number
): Promise<{ w: Workspace; stdout: string; code: number | null }> {
  const w = new Workspace('mg-agg-rerun-')
  workspaces.push(w)
  w.write('mapping.txt', MAPPING)
  const res = await runBundle(
    bundle,
    w.env(
      { mapping: 'mapping.txt', mode: 'aggregate', shard: '2' },
      { ...service.env(run, 'aggregate'), GITHUB_RUN_ATTEMPT: String(attempt) }
    )
  )
  return { w, stdout: res.stdout, code: res.code }
}

const warnings = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => l.startsWith('::warning'))

describe('aggregate job re-run', () => {
  it('replaces the merged artifacts of the first attempt with its own', async () => {
    await uploadShardReport(service, tmp, '81', 1, 2, shardReport(1, false))
    await uploadShardReport(service, tmp, '81', 2, 2, shardReport(2, true))
    const first = await aggregate('81', 1)
    expect(first.code).toBe(1)
    expect(warnings(first.stdout)).toEqual([])
    const retryName = 'oc-mirror-retry-mapping'
    const before = service.artifacts().filter((a) => a.name === retryName)
    expect(before).toHaveLength(1)

    // The failed shard is re-run and now mirrors its line; then the aggregate job is re-run.
    vi.stubEnv('GITHUB_RUN_ATTEMPT', '2')
    const shard2 = service.artifacts().find((a) => a.name === 'oc-mirror-log-2-of-2')
    expect(shard2).toBeDefined()
    await uploadShardReport(service, tmp, '81', 2, 2, shardReport(2, false))
    vi.unstubAllEnvs()
    const again = await aggregate('81', 2)
    expect(warnings(again.stdout)).toEqual([])
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('replaced the one an earlier attempt of this run uploaded')
    // Nothing left to retry: the first attempt's retry mapping is not left behind for a later
    // job to download as if it were current.
    expect(service.artifacts().filter((a) => a.name === retryName)).toHaveLength(0)
    const report = JSON.parse(readFileSync(again.w.outputs()['report'] ?? '', 'utf8')) as {
      lines: { status: string }[]
    }
    expect(report.lines.map((l) => l.status)).toEqual(['mirrored', 'mirrored'])
    for (const [k, v] of Object.entries(service.env('81', 'later'))) vi.stubEnv(k, v)
    const got = await downloadRetryMapping({ name: retryName, path: path.join(tmp, 'later') })
    expect(got.found).toBe(false)
  }, 120_000)
})
