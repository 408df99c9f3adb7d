// `mode: aggregate` end to end: three `shard: I/N` jobs of the action bundle (real oc 4.13 and
// 4.14, and skopeo) upload their artifacts to the loopback results service through the real
// @actions/artifact; the aggregate job downloads them, reports one run, and uploads one retry
// mapping that a `retry-from` job then mirrors unchanged. Also: a shard that never uploads, and
// bad input (no mapping, a wrong N, reports of another mapping).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planShards } from '../../src/core/shard-plan.js'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import {
  activeLines,
  completeAtDestination,
  entriesOf,
  manifestPath,
  readReport
} from '../support/e2e-checks.js'
import { renderGfm, tableAfter, visibleText } from '../support/gfm.js'
import { engineCases, engineInputs, type EngineCase } from '../support/engines.js'
import { ResultsService, type StoredArtifact } from '../support/results-service.js'

const CASES = engineCases('the aggregate scenarios')
const SCHEMAS = join(import.meta.dirname, '..', '..', 'docs', 'schemas')
const ajv = new Ajv2020({ strict: true, allErrors: true })
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/)
ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS, 'report.schema.json'), 'utf8')) as object)
const MERGED = ajv.compile(
  JSON.parse(readFileSync(join(SCHEMAS, 'merged.schema.json'), 'utf8')) as object
)
const REPOS = ['ag/a', 'ag/b', 'ag/c', 'ag/d', 'ag/e', 'ag/f', 'ag/g', 'ag/h', 'ag/gone']

interface MergedJson {
  readonly merged: {
    count: number
    shards: { index: number; entries?: number; mirrored: number; failed: number }[]
  }
  readonly lines: { line: number; status: string; classes: string[]; reasons: string[] }[]
  readonly stats: { entries: number; mirrored: number; failed: number; missingShards: number }
  readonly run: { mode: string; outcome: string; shards: number }
}

const workspaces: Workspace[] = []
function workspace(mapping: string): Workspace {
  const w = new Workspace('mg-agg-')
  workspaces.push(w)
  w.write('mapping.txt', mapping)
  return w
}

afterAll(() => {
  for (const w of workspaces) w.cleanup()
})

describe.each(CASES)('$label: three shards, an aggregate, a retry-from', (c: EngineCase) => {
  let bed: Bed
  let bundle: string
  let service: ResultsService

  beforeAll(async () => {
    bundle = await actionBundle()
    service = await ResultsService.start()
    bed = await startBed({
      images: REPOS.map((repo, i) => ({
        repo,
        tag: 'v1',
        layers: [{ seed: 71_000 + c.index * 100 + i, size: 20_000 }]
      }))
    })
  }, 120_000)

  afterAll(async () => {
    await bed?.stop()
    await service?.stop()
  })

  const inputsFor = (extra: Record<string, string>): Record<string, string> => ({
    mapping: 'mapping.txt',
    ...engineInputs(c),
    insecure: 'true',
    'retry-delay': '0',
    'max-attempts': '2',
    ...(c.engine === 'oc' ? { 'filter-by-os': '.*', 'keep-manifest-list': 'true' } : {}),
    ...extra
  })

  it('the aggregate reports one run; its retry artifact is mirrored by retry-from; a lost shard is retried', async () => {
    const S = bed.sourceHost
    const D = `${bed.destination.host}/agg-${c.index}`
    const lines = [
      '# aggregate end to end',
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((r) => `${S}/ag/${r}:v1 ${D}/ag/${r}:v1`),
      `${S}/ag/g:v1 ${D}/ag/together:g`,
      `${S}/ag/h:v1 ${D}/ag/together:h`,
      `${S}/ag/gone:v1 ${D}/ag/gone:v1`
    ]
    const text = lines.join('\n') + '\n'
    const entries = entriesOf(text)
    const plan = planShards(entries, 3)
    bed.proxy.setRules([
      { name: '404', path: manifestPath('ag/gone'), always: true, action: '404-manifest' }
    ])
    const run = String(600 + c.index)
    for (const index of [1, 2, 3]) {
      const w = workspace(text)
      const res = await runBundle(
        bundle,
        w.env(inputsFor({ shard: `${index}/3` }), service.env(run, `shard-${index}`))
      )
      expect([0, 1], res.stdout).toContain(res.code)
    }
    const shardArtifacts = (r: string): StoredArtifact[] =>
      service.artifacts().filter((a) => a.runBackendId === r && /-\d+-of-3$/.test(a.name))
    expect(shardArtifacts(run).filter((a) => a.name.startsWith('oc-mirror-log-'))).toHaveLength(3)

    // The aggregate: mode aggregate, the same mapping, N = 3.
    const agg = workspace(text)
    const res = await runBundle(
      bundle,
      agg.env(
        { mapping: 'mapping.txt', mode: 'aggregate', shard: '3' },
        { ...service.env(run, 'aggregate'), GITHUB_RUN_ID: run }
      )
    )
    expect(res.code, res.stdout + res.stderr).toBe(1)
    const out = agg.outputs()
    expect(out['outcome']).toBe('partial')
    expect(out['mirrored']).toBe('8')
    expect(out['failed']).toBe('1')
    expect(JSON.parse(out['failed-by-class'])).toEqual({ 'not-found': 1 })
    expect(Number(out['attempts'])).toBeGreaterThanOrEqual(1)
    const merged = JSON.parse(readFileSync(out['report'], 'utf8')) as MergedJson
    expect(merged.run).toMatchObject({ mode: 'aggregate', outcome: 'partial', shards: 3 })
    expect(merged.lines.map((l) => l.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(merged.lines.filter((l) => l.status !== 'mirrored').map((l) => l.line)).toEqual([10])
    expect(merged.merged.shards.map((s) => s.entries)).toEqual(plan.shards.map((s) => s.length))
    expect(merged.stats).toMatchObject({ entries: 9, mirrored: 8, failed: 1, missingShards: 0 })
    MERGED(merged)
    expect(MERGED.errors ?? []).toEqual([])
    // One annotation on the 404 line of the user's mapping file.
    expect(res.stdout).toMatch(/::error title=not-found,file=mapping\.txt,line=10::/)
    // One summary with the per-shard table.
    const html = renderGfm(agg.summary())
    expect(visibleText(html)).toContain('mirror-guard: aggregate of 3 shards')
    const shardRows = tableAfter(html, 'Shards').map((r) => r.map(visibleText))
    expect(shardRows[0]).toEqual([
      'Shard',
      'Lines',
      'Mirrored',
      'Failed',
      'Attempts',
      'Duration',
      'Bytes',
      'Status'
    ])
    expect(shardRows.slice(1).map((r) => r.slice(0, 4))).toEqual(
      [1, 2, 3].map((i) => {
        const n = plan.shards[i - 1].length
        const bad = plan.shards[i - 1].includes(8) ? 1 : 0
        return [`${i}/3`, String(n), String(n - bad), String(bad)]
      })
    )
    // oc says what it moved (rate × time); skopeo prints no such line.
    for (const r of shardRows.slice(1)) {
      expect(r[6]).toMatch(c.engine === 'oc' ? /^\d+(\.\d)? kB$/ : /^–$/)
    }
    const summary = agg.summary()
    expect(summary).toContain('retry-from: oc-mirror-retry-mapping')
    // The retry mapping: only the 404 line, uploaded unsuffixed next to the merged report.
    expect(activeLines(readFileSync(out['retry-mapping'], 'utf8'))).toEqual([lines[9]])
    const own = service
      .artifacts()
      .filter((a) => a.runBackendId === run && !/-of-3$/.test(a.name))
      .map((a) => a.name)
      .sort()
    expect(own).toEqual(['oc-mirror-log', 'oc-mirror-retry-mapping'])
    expect(out['retry-artifact-id']).not.toBe('')

    // A scheduled run later: the source is back; retry-from with run-id mirrors that line only.
    bed.proxy.setRules([])
    const later = workspace(text)
    const retried = await runBundle(
      bundle,
      later.env(
        inputsFor({
          mapping: '',
          'retry-from': 'oc-mirror-retry-mapping',
          'run-id': run,
          'github-token': 'ghs_test'
        }),
        service.env(String(700 + c.index), 'scheduled')
      )
    )
    expect(retried.code, retried.stdout).toBe(0)
    expect(later.outputs()['outcome']).toBe('success')
    const retryReport = readReport(later.outputs()['report'])
    expect(retryReport.lines.map((l) => [l.source, l.status])).toEqual([
      [`${S}/ag/gone:v1`, 'mirrored']
    ])
    expect([...(await completeAtDestination(entries))].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8])

    // A shard that never uploads (its runner was lost): the same run's shards 1 and 3 only.
    const lostRun = String(800 + c.index)
    const lost = 2
    for (const a of shardArtifacts(run).filter((x) => !x.name.endsWith(`-${lost}-of-3`))) {
      service.seed({
        name: a.name,
        run: lostRun,
        data: a.data,
        ...(a.hash ? { hash: a.hash } : {})
      })
    }
    const agg2 = workspace(text)
    const res2 = await runBundle(
      bundle,
      agg2.env(
        { mapping: 'mapping.txt', mode: 'aggregate', shard: '3' },
        service.env(lostRun, 'aggregate')
      )
    )
    expect(res2.code).toBe(1)
    const lostLines = plan.shards[lost - 1].map((id) => entries[id].line)
    const retry2 = readFileSync(agg2.outputs()['retry-mapping'], 'utf8')
    expect(activeLines(retry2)).toEqual(
      [...lostLines, 10].sort((a, b) => a - b).map((n) => lines[n - 1])
    )
    for (const n of lostLines) {
      expect(retry2).toContain(`# mapping.txt:${n} unconfirmed: shard ${lost}/3 sent no report`)
    }
    const merged2 = JSON.parse(readFileSync(agg2.outputs()['report'], 'utf8')) as MergedJson
    expect(merged2.stats.missingShards).toBe(1)
    const lostRows = tableAfter(renderGfm(agg2.summary()), 'Shards').map((r) => r.map(visibleText))
    expect(lostRows[lost]).toEqual([
      `${lost}/3`,
      String(lostLines.length),
      '0',
      String(lostLines.length),
      '–',
      '–',
      '–',
      `❌ no report: no artifact oc-mirror-log-${lost}-of-3 in this run`
    ])
    expect(
      service
        .artifacts()
        .filter((a) => a.runBackendId === lostRun && a.name === 'oc-mirror-retry-mapping')
    ).toHaveLength(1)

    // Reports of another mapping (one line changed): a clear error, nothing uploaded.
    const otherRun = String(900 + c.index)
    for (const a of shardArtifacts(run)) {
      service.seed({
        name: a.name,
        run: otherRun,
        data: a.data,
        ...(a.hash ? { hash: a.hash } : {})
      })
    }
    const changed = text.replace('ag/f:v1 ', 'ag/f:v2 ')
    const agg3 = workspace(changed)
    const res3 = await runBundle(
      bundle,
      agg3.env(
        { mapping: 'mapping.txt', mode: 'aggregate', shard: '3' },
        service.env(otherRun, 'aggregate')
      )
    )
    expect(res3.code).toBe(1)
    expect(res3.stdout).toContain(
      'mirror-guard: the shard reports do not belong to this mapping and split (3 problems); nothing was merged'
    )
    expect(res3.stdout).toMatch(
      /::error title=mirror-guard aggregate::oc-mirror-log-1-of-3 was made from other mapping files/
    )
    expect(
      service.artifacts().filter((a) => a.runBackendId === otherRun && !/-of-3$/.test(a.name))
    ).toEqual([])

    // shard: 4 where the matrix ran 3: one clear error naming the N found, nothing merged.
    const agg4 = workspace(text)
    const res4 = await runBundle(
      bundle,
      agg4.env(
        { mapping: 'mapping.txt', mode: 'aggregate', shard: '4' },
        service.env(run, 'aggregate-4')
      )
    )
    expect(res4.code).toBe(1)
    expect(res4.stdout).toContain(
      '::error title=mirror-guard aggregate::shard: 4, but this run holds the artifacts of a matrix of 3 shard(s) (oc-mirror-log-1-of-3, …): set shard to the size of the matrix.'
    )
    expect(agg4.outputs()['retry-mapping']).toBe('')
  }, 600_000)
})

describe('aggregate: bad input stops before anything runs', () => {
  let bundle: string
  let service: ResultsService
  beforeAll(async () => {
    bundle = await actionBundle()
    service = await ResultsService.start()
  }, 120_000)
  afterAll(async () => {
    await service?.stop()
  })

  it.each([
    [{ shard: '3' }, 'Input mapping: mode: aggregate needs the mapping files'],
    [{ mapping: 'mapping.txt' }, 'Input shard: mode: aggregate needs the number of shards'],
    [{ mapping: 'mapping.txt', shard: '2/3' }, 'Input shard: "2/3" is one shard'],
    [
      { mapping: 'mapping.txt', shard: '0' },
      'Input shard: "0": the shard count must be from 1 to 256'
    ],
    [
      { mapping: 'mapping.txt', shard: '3', 'retry-from': 'x' },
      'Input retry-from: not with mode: aggregate'
    ]
  ])('%j', async (inputs, error) => {
    const w = workspace('a.example/x:1 b.example/x:1\n')
    const before = service.requests.length
    const res = await runBundle(
      bundle,
      w.env({ mode: 'aggregate', ...inputs }, service.env('990', 'aggregate'))
    )
    expect(res.code).toBe(1)
    const errors = res.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors[0]).toContain(error)
    expect(errors[errors.length - 1]).toMatch(/::error::1 invalid input; nothing was run\./)
    expect(service.requests.length).toBe(before)
  })
})
