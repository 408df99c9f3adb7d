// Shard reports as a shard job of `mode: aggregate` would leave them: report.json uploaded
// through the real @actions/artifact to the results-service stand-in, under the shard's name.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, vi } from 'vitest'
import { effectiveDestination, parseMappingText } from '../../src/core/mapping.js'
import { mappingDigests } from '../../src/core/shard-merge.js'
import { planShards } from '../../src/core/shard-plan.js'
import { uploadFiles } from '../../src/github/artifacts.js'
import type { ResultsService } from './results-service.js'

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

/** The lines of shard `index` of `count` of `mapping` (mapping.txt), as a shard report has them. */
export function shardLines(
  mapping: string,
  index: number,
  count: number,
  line: (e: { source: string; destination: string; line: number }) => object
): { files: ReturnType<typeof mappingDigests>; entries: number; lines: object[] } {
  const set = parseMappingText(mapping, 'mapping.txt')
  const ids = planShards(set.entries, count).shards[index - 1] ?? []
  return {
    files: mappingDigests([{ file: 'mapping.txt', text: mapping }]),
    entries: set.entries.length,
    lines: ids.map((id) => {
      const e = set.entries[id]
      if (e === undefined) throw new Error(`no entry ${id}`)
      return {
        file: 'mapping.txt',
        line: e.line,
        ...line({ source: e.source.raw, destination: effectiveDestination(e), line: e.line })
      }
    })
  }
}
