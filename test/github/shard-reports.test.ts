// The aggregate's download of shard reports, with the real @actions/artifact against the
// loopback results-service stand-in: found, missing, without report.json, tampered, not on a
// runner.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest'
import { uploadFiles } from '../../src/github/artifacts.js'
import { downloadShardReports } from '../../src/github/shard-reports.js'
import { ResultsService } from '../support/results-service.js'

let service: ResultsService
let tmp: string

beforeAll(async () => {
  service = await ResultsService.start({ repository: 'octo/mirror' })
})
afterAll(async () => {
  await service.stop()
})
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shard-reports-'))
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
})
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true })
})

/** Uploads `files` as artifact `name` of run `run` (a shard job). */
async function upload(run: string, name: string, files: Record<string, string>): Promise<void> {
  for (const [k, v] of Object.entries(service.env(run, name))) vi.stubEnv(k, v)
  const dir = path.join(tmp, 'up', name)
  mkdirSync(dir, { recursive: true })
  const paths = Object.entries(files).map(([f, text]) => {
    writeFileSync(path.join(dir, f), text)
    return path.join(dir, f)
  })
  const up = await uploadFiles(name, paths, dir)
  expect(up.id).toBeGreaterThan(0)
}

describe('downloadShardReports', () => {
  it('finds each shard by name, says why the others are missing, and removes what it extracted', async () => {
    await upload('301', 'log-1-of-4', { 'report.json': '{"one":1}', 'oc-mirror.log': 'x\n' })
    await upload('301', 'log-2-of-4', { 'oc-mirror.log': 'only a log\n' })
    await upload('301', 'log-4-of-4', { 'report.json': '{"four":4}' })
    // Another run's shard 3 and this run's artifact of another N do not count.
    await upload('302', 'log-3-of-4', { 'report.json': '{}' })
    await upload('301', 'log-3-of-5', { 'report.json': '{}' })
    for (const [k, v] of Object.entries(service.env('301', 'aggregate'))) vi.stubEnv(k, v)
    const dir = path.join(tmp, 'shards')
    const got = await downloadShardReports({ artifactName: 'log', count: 4, path: dir })
    if (!got.ok) throw new Error(got.reason)
    expect(got.reports).toEqual([
      { index: 1, artifact: 'log-1-of-4', text: '{"one":1}' },
      { index: 4, artifact: 'log-4-of-4', text: '{"four":4}' }
    ])
    expect(got.missing).toEqual([
      { index: 2, artifact: 'log-2-of-4', reason: 'artifact log-2-of-4 holds no report.json' },
      { index: 3, artifact: 'log-3-of-4', reason: 'no artifact log-3-of-4 in this run' }
    ])
    expect(got.otherCounts).toEqual([5])
    for (const i of [1, 2, 3, 4]) expect(existsSync(path.join(dir, String(i)))).toBe(false)
  })

  it('an artifact that does not match its digest is missing, not read', async () => {
    await upload('303', 'genuine', { 'report.json': '{"ok":true}' })
    const genuine = service.artifacts().find((a) => a.name === 'genuine')
    service.seed({
      name: 'log-1-of-1',
      run: '303',
      data: genuine?.data ?? Buffer.alloc(0),
      hash: `sha256:${'0'.repeat(64)}`
    })
    for (const [k, v] of Object.entries(service.env('303', 'aggregate'))) vi.stubEnv(k, v)
    const got = await downloadShardReports({ artifactName: 'log', count: 1, path: tmp })
    expect(got).toEqual({
      ok: true,
      reports: [],
      missing: [
        {
          index: 1,
          artifact: 'log-1-of-1',
          reason: 'artifact log-1-of-1 does not match its recorded digest'
        }
      ],
      otherCounts: []
    })
  })

  it('a failing list or no runtime at all is one reason, not a throw', async () => {
    for (const [k, v] of Object.entries(service.env('304', 'aggregate'))) vi.stubEnv(k, v)
    service.failNext(10, 400, /ListArtifacts$/)
    const failed = await downloadShardReports({ artifactName: 'log', count: 2, path: tmp })
    expect(failed.ok).toBe(false)
    expect(!failed.ok && failed.reason).toMatch(/^the artifacts of this run could not be listed: /)
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', '')
    const off = await downloadShardReports({ artifactName: 'log', count: 2, path: tmp })
    expect(off).toEqual({
      ok: false,
      reason:
        'the artifact service is not available (ACTIONS_RUNTIME_TOKEN not set; not running on a GitHub Actions runner)'
    })
  })
})
