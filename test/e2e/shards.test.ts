// `shard: I/N` end to end with real oc: a 9-line mapping run as three shards through the action
// bundle (artifacts uploaded to the loopback results service), then `mirror-guard merge` of the
// shard reports — all three, and two of three (a shard that never reported).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io.js'
import { mergeCommand } from '../../src/cli/merge.js'
import { planShards } from '../../src/core/shard-plan.js'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import {
  activeLines,
  completeAtDestination,
  entriesOf,
  manifestPath,
  readReport,
  type Report
} from '../support/e2e-checks.js'
import { ocBinaries, sayWhyNoOc } from '../support/oc-binaries.js'
import { ResultsService } from '../support/results-service.js'

sayWhyNoOc('the shard scenarios')
const OCS = ocBinaries().filter((o) => Number(o.version.split('.')[1]) >= 13)

const REPOS = ['sh/a', 'sh/b', 'sh/c', 'sh/d', 'sh/e', 'sh/f', 'sh/g', 'sh/h', 'sh/gone']

interface ShardReport extends Report {
  readonly shard: { index: number; count: number }
}

async function cli(
  args: string[],
  cwd: string
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIo = { out: (s) => void (out += s), err: (s) => void (err += s), cwd }
  const code = await mergeCommand(args, io)
  return { code, out, err }
}

describe.skipIf(OCS.length === 0).each(OCS)('oc $version: three shards and a merge', (oc) => {
  let bed: Bed
  let bundle: string
  let service: ResultsService
  let mergeDir: string
  const workspaces: Workspace[] = []

  beforeAll(async () => {
    bundle = await actionBundle()
    service = await ResultsService.start()
    mergeDir = mkdtempSync(join(tmpdir(), 'mg-merge-'))
    const seed = 93_000 + Number(oc.version.split('.')[1]) * 100
    bed = await startBed({
      images: REPOS.map((repo, i) => ({
        repo,
        tag: 'v1',
        layers: [{ seed: seed + i, size: 20_000 }]
      }))
    })
  }, 120_000)

  afterAll(async () => {
    await bed?.stop()
    await service?.stop()
    if (mergeDir) rmSync(mergeDir, { recursive: true, force: true })
    for (const w of workspaces) w.cleanup()
  })

  it('every line in exactly one shard report, a repository never split; merge finds the 404 line alone', async () => {
    const S = bed.sourceHost
    const D = `${bed.destination.host}/shards-${oc.version}`
    // Line 1 is a comment; sh/g and sh/h land in one destination repository (lines 8 and 9);
    // sh/gone's manifest answers 404 (line 10).
    const lines = [
      '# shards end to end',
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((r) => `${S}/sh/${r}:v1 ${D}/sh/${r}:v1`),
      `${S}/sh/g:v1 ${D}/sh/together:g`,
      `${S}/sh/h:v1 ${D}/sh/together:h`,
      `${S}/sh/gone:v1 ${D}/sh/gone:v1`
    ]
    const text = lines.join('\n') + '\n'
    bed.proxy.setRules([
      { name: '404', path: manifestPath('sh/gone'), always: true, action: '404-manifest' }
    ])
    const run = '501'
    const reports: ShardReport[] = []
    for (const index of [1, 2, 3]) {
      const w = new Workspace('mg-shard-')
      workspaces.push(w)
      w.write('mapping.txt', text)
      const res = await runBundle(
        bundle,
        w.env(
          {
            mapping: 'mapping.txt',
            oc: oc.path,
            shard: `${index}/3`,
            insecure: 'true',
            'filter-by-os': '.*',
            'keep-manifest-list': 'true',
            'retry-delay': '0',
            'max-attempts': '2'
          },
          service.env(run, `shard-${index}`)
        )
      )
      const report = readReport(w.outputs()['report']) as ShardReport
      expect(report.shard).toEqual({ index, count: 3 })
      const hasGone = report.lines.some((l) => l.source.includes('/sh/gone:'))
      expect(res.code, res.stdout).toBe(hasGone ? 1 : 0)
      expect(w.summary()).toContain(`shard ${index}/3`)
      copyFileSync(w.outputs()['report'], join(mergeDir, `report-${index}.json`))
      reports.push(report)
    }

    // Each line of the user's mapping.txt in exactly one report, at its own line number.
    const seen = reports.flatMap((r) => r.lines.map((l) => `${l.file}:${l.line}`)).sort()
    expect(seen).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `mapping.txt:${n}`).sort())
    for (const r of reports) expect(r.lines.length).toBe(3)
    const together = reports.filter((r) => r.lines.some((l) => l.line === 8 || l.line === 9))
    expect(together).toHaveLength(1)
    expect(together[0].lines.filter((l) => l.line === 8 || l.line === 9)).toHaveLength(2)
    // What the action ran agrees with the planner the CLI uses.
    const entries = entriesOf(text)
    const plan = planShards(entries, 3)
    for (const r of reports) {
      const planned = plan.shards[r.shard.index - 1].map((id) => entries[id].line)
      expect(r.lines.map((l) => l.line)).toEqual(planned)
    }
    const failed = reports.flatMap((r) => r.lines.filter((l) => l.status === 'failed'))
    expect(failed.map((l) => [l.line, l.classes])).toEqual([[10, ['not-found']]])
    const goneShard = reports.find((r) => r.lines.some((l) => l.line === 10))!.shard.index
    expect([...(await completeAtDestination(entries))].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7])

    // Artifacts: one log artifact per shard, the retry mapping only from the shard with the 404.
    const names = service
      .artifacts()
      .filter((a) => a.runBackendId === run)
      .map((a) => a.name)
      .sort()
    expect(names).toEqual(
      [
        'oc-mirror-log-1-of-3',
        'oc-mirror-log-2-of-3',
        'oc-mirror-log-3-of-3',
        `oc-mirror-retry-mapping-${goneShard}-of-3`
      ].sort()
    )

    // merge -f of all three: exit 1, only the 404 line not mirrored, and it alone to retry.
    copyFileSync(join(workspaces[0].workspace, 'mapping.txt'), join(mergeDir, 'mapping.txt'))
    const all = await cli(
      ['-f', 'mapping.txt', '--json', 'merged.json', '--retry-out', 'retry-all.txt'].concat([
        'report-1.json',
        'report-2.json',
        'report-3.json'
      ]),
      mergeDir
    )
    expect(all.code, all.err).toBe(1)
    const merged = JSON.parse(readFileSync(join(mergeDir, 'merged.json'), 'utf8')) as {
      lines: { line: number; status: string }[]
      merged: { shards: { index: number; mirrored: number; failed: number; report?: string }[] }
    }
    expect(merged.lines.filter((l) => l.status !== 'mirrored').map((l) => l.line)).toEqual([10])
    expect(merged.lines).toHaveLength(9)
    expect(merged.merged.shards.map((s) => s.failed)).toEqual(
      [1, 2, 3].map((i) => (i === goneShard ? 1 : 0))
    )
    expect(activeLines(readFileSync(join(mergeDir, 'retry-all.txt'), 'utf8'))).toEqual([lines[9]])
    for (const row of all.out.split('\n')) expect(row.length).toBeLessThanOrEqual(200)

    // merge -f of two of the three: the missing shard's lines are unconfirmed and retried.
    const missing = goneShard === 3 ? 1 : 3
    const given = [1, 2, 3].filter((i) => i !== missing).map((i) => `report-${i}.json`)
    const two = await cli(['-f', 'mapping.txt', '--retry-out', 'retry-two.txt', ...given], mergeDir)
    expect(two.code, two.err).toBe(1)
    expect(two.err).toContain(`shard ${missing}/3 sent no report`)
    const missingLines = plan.shards[missing - 1].map((id) => entries[id].line)
    const retry = readFileSync(join(mergeDir, 'retry-two.txt'), 'utf8')
    expect(activeLines(retry)).toEqual(
      [...missingLines, 10].sort((a, b) => a - b).map((n) => lines[n - 1])
    )
    for (const n of missingLines) {
      expect(retry).toContain(`# mapping.txt:${n} unconfirmed: shard ${missing}/3 sent no report`)
    }

    // The same reports twice, or against another mapping: bad input.
    const twice = await cli(['report-1.json', 'report-1.json'], mergeDir)
    expect(twice.code).toBe(2)
    expect(twice.err).toContain('are both shard 1/3')
  }, 300_000)
})
