// Shard reports as a shard job of `mode: aggregate` would leave them (report.json uploaded
// through the real @actions/artifact to the results-service stand-in, under the shard's name),
// and a bed that runs the aggregate job on them through the action bundle.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, vi } from 'vitest'
import { effectiveDestination, parseMappingText } from '../../src/core/mapping.js'
import { mappingDigests } from '../../src/core/shard-merge.js'
import { planShards } from '../../src/core/shard-plan.js'
import { uploadFiles } from '../../src/github/artifacts.js'
import { actionBundle, runBundle, Workspace } from './action-bundle.js'
import { ResultsService } from './results-service.js'

/** Uploads `report` as shard `index` of `count`'s log artifact in run `run`. */
export async function uploadShardReport(
  service: ResultsService,
  dir: string,
  run: string,
  index: number,
  count: number,
  report: object
): Promise<void> {
  for (const [k, v] of Object.entries(service.env(run, `shard-${index}`))) vi.stubEnv(k, v)
  const at = path.join(dir, run, String(index))
  mkdirSync(at, { recursive: true })
  writeFileSync(path.join(at, 'report.json'), JSON.stringify(report))
  const up = await uploadFiles(
    `oc-mirror-log-${index}-of-${count}`,
    [path.join(at, 'report.json')],
    at
  )
  expect(up.id).toBeGreaterThan(0)
  vi.unstubAllEnvs()
}

/**
 * Shard `index` of `count`'s report of `mapping` (mapping.txt) as the action writes it: each of
 * its lines as `line` makes it, then `rest` (runLevel, run).
 */
export function shardReportOf(
  mapping: string,
  index: number,
  count: number,
  line: (e: { source: string; destination: string; line: number }) => object,
  rest: { runLevel: object[]; run: object }
): object {
  const set = parseMappingText(mapping, 'mapping.txt')
  const ids = planShards(set.entries, count).shards[index - 1] ?? []
  return {
    version: 1,
    shard: { index, count },
    mapping: {
      files: mappingDigests([{ file: 'mapping.txt', text: mapping }]),
      entries: set.entries.length
    },
    lines: ids.map((id) => {
      const e = set.entries[id]
      if (e === undefined) throw new Error(`no entry ${id}`)
      return {
        file: 'mapping.txt',
        line: e.line,
        ...line({ source: e.source.raw, destination: effectiveDestination(e), line: e.line })
      }
    }),
    ...rest
  }
}

/**
 * A bed for `mode: aggregate` through the real action bundle: the results-service stand-in,
 * shard reports uploaded to it, and aggregate runs of a 2-shard `mapping`, each in its own
 * workspace. Call in a test file's top level (it registers beforeAll/afterAll).
 */
export function aggregateBed(mapping: string, prefix: string) {
  const bed = {
    service: undefined as unknown as ResultsService,
    tmp: '',
    /** Uploads `report` as shard `index` of 2 in run `run`. */
    upload: (run: string, index: number, report: object): Promise<void> =>
      uploadShardReport(bed.service, bed.tmp, run, index, 2, report),
    /** Runs the aggregate job of run `run` with `inputs` (and mapping, mode, shard) and `env`. */
    async aggregate(
      run: string,
      inputs: Record<string, string> = {},
      env: Record<string, string> = {}
    ): Promise<{ w: Workspace; stdout: string; code: number | null }> {
      const w = new Workspace(prefix)
      workspaces.push(w)
      w.write('mapping.txt', mapping)
      const res = await runBundle(
        bundle,
        w.env(
          { mapping: 'mapping.txt', mode: 'aggregate', shard: '2', ...inputs },
          { ...bed.service.env(run, 'aggregate'), ...env }
        )
      )
      return { w, stdout: res.stdout, code: res.code }
    }
  }
  let bundle = ''
  const workspaces: Workspace[] = []
  beforeAll(async () => {
    bundle = await actionBundle()
    bed.service = await ResultsService.start()
    bed.tmp = mkdtempSync(path.join(os.tmpdir(), prefix))
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  }, 120_000)
  afterAll(async () => {
    await bed.service?.stop()
    rmSync(bed.tmp, { recursive: true, force: true })
    for (const w of workspaces) w.cleanup()
  })
  return bed
}
