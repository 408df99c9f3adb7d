// Runs that outgrow one job (issue 15 items 4–6), end to end through the bundled action with
// the real engines (skopeo, and oc 4.13 and 4.14 when found): a time budget that ends a run
// whose layer is throttled by the fault proxy (`slow`), progress lines during a long attempt,
// and chunks of a mapping whose destination repositories repeat.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alive, annotations } from '../action/harness.js'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import {
  activeLines,
  blobPath,
  completeAtDestination,
  entriesOf,
  image,
  readReport,
  type Report
} from '../support/e2e-checks.js'
import { engineCases, engineInputs, type EngineCase } from '../support/engines.js'
import type { FaultRule } from '../support/fault-proxy.js'
import { ResultsService } from '../support/results-service.js'

const ENGINES = engineCases('the time budget, progress and chunk scenarios with oc')

/** The report's documented shape (docs/schemas/report.schema.json), strict. */
const ajv = new Ajv2020({ strict: true, allErrors: true })
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
const REPORT_SCHEMA = ajv.compile(
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '..', '..', 'docs', 'schemas', 'report.schema.json'),
      'utf8'
    )
  ) as object
)
function expectSchema(path: string): void {
  REPORT_SCHEMA(JSON.parse(readFileSync(path, 'utf8')))
  expect(REPORT_SCHEMA.errors ?? []).toEqual([])
}

/** The throttled layer: 2,000,000 bytes at 20,000 B/s take 100 s. */
const SLOW_LAYER = 2_000_000
const SLOW_RATE = 20_000
/** The progress scenario's layer: 240,000 bytes at 40,000 B/s take 6 s. */
const LONG_LAYER = 240_000
const LONG_RATE = 40_000

const CHUNK_REPOS = ['a1', 'b1', 'a2', 'c1', 'b2', 'd1'] as const

/** Repositories per engine (e<index>), so that no engine finds another's blobs. */
const reposOf = (c: EngineCase): string[] => [
  `budget-e${c.index}/fast1`,
  `budget-e${c.index}/fast2`,
  `budget-e${c.index}/slow`,
  `progress-e${c.index}/fast`,
  `progress-e${c.index}/long`,
  ...CHUNK_REPOS.map((r) => `chunks-e${c.index}/${r}`)
]

let bed: Bed
let bundle: string
let service: ResultsService
const workspaces: Workspace[] = []

beforeAll(async () => {
  bundle = await actionBundle()
  service = await ResultsService.start()
  bed = await startBed({
    images: ENGINES.flatMap(reposOf).map((repo, i) => ({
      repo,
      tag: 'v1',
      layers: [
        {
          seed: 91_000 + i,
          size: repo.endsWith('/slow') ? SLOW_LAYER : repo.endsWith('/long') ? LONG_LAYER : 3_000
        }
      ]
    }))
  })
  bed.proxy.setRules(
    ENGINES.flatMap((c): FaultRule[] => [
      {
        name: `slow e${c.index}`,
        method: 'GET',
        path: blobPath(
          `budget-e${c.index}/slow`,
          image(bed, `budget-e${c.index}/slow`).manifests[0].layerDigests[0]
        ),
        always: true,
        action: 'slow',
        bytesPerSecond: SLOW_RATE
      },
      {
        name: `long e${c.index}`,
        method: 'GET',
        path: blobPath(
          `progress-e${c.index}/long`,
          image(bed, `progress-e${c.index}/long`).manifests[0].layerDigests[0]
        ),
        always: true,
        action: 'slow',
        bytesPerSecond: LONG_RATE
      }
    ])
  )
})

afterAll(async () => {
  await bed?.stop()
  await service?.stop()
  for (const w of workspaces) w.cleanup()
})

function workspace(): Workspace {
  const w = new Workspace('mg-long-')
  workspaces.push(w)
  return w
}

/** Engine processes still running in the workspace (oc) or naming the group (skopeo). */
function enginePids(c: EngineCase, group: string, cwd: string): number[] {
  const pids: number[] = []
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0')
      const ours =
        c.engine === 'skopeo'
          ? argv[0]?.endsWith('skopeo') && argv.some((a) => a.includes(`/${group}/`))
          : argv[0] === c.binary && readlinkSync(`/proc/${d}/cwd`) === cwd
      if (ours && alive(Number(d))) pids.push(Number(d))
    } catch {
      // exited meanwhile
    }
  }
  return pids
}

function inputs(c: EngineCase, extra: Record<string, string>): Record<string, string> {
  return {
    mapping: 'mapping.txt',
    ...engineInputs(c),
    insecure: 'true',
    'filter-by-os': '.*',
    'retry-delay': '0',
    ...extra
  }
}

const lineFor = (c: EngineCase, repo: string, dst = repo, tag = 'v1'): string =>
  `${bed.sourceHost}/${repo}:v1 ${bed.destination.host}/mirror-long/${dst}:${tag}`

interface ChunkJson {
  chunk: number
  entryIds: number[]
  mappingFile: string
  command: string[]
  exitCode: number | null
}

type LongReport = Report & {
  run: Report['run'] & {
    stoppedBy?: string
    timeBudget?: { seconds: number; reserveSeconds: number; stopAfterSeconds: number }
    attempts: (Report['run']['attempts'][number] & { chunks?: ChunkJson[] })[]
  }
}

/** Active lines of the retry mapping artifact `run` uploaded to the stand-in service. */
function retryArtifactLines(run: string, w: Workspace): string[] | undefined {
  const a = service
    .artifacts()
    .find((x) => x.runBackendId === run && x.name === 'oc-mirror-retry-mapping')
  if (a === undefined) return undefined
  const zip = join(w.dir, `retry-${run}.zip`)
  writeFileSync(zip, a.data)
  return activeLines(execFileSync('unzip', ['-p', zip], { encoding: 'utf8' }))
}

describe.each(ENGINES)('engine: $label', (c) => {
  it('time-budget 20s against a layer throttled to 100 s: ends within 35 s, out-of-time, report, artifacts, that line in the retry mapping', async () => {
    const w = workspace()
    const group = `budget-e${c.index}`
    const lines = ['fast1', 'fast2', 'slow'].map((n) => lineFor(c, `${group}/${n}`))
    w.write('mapping.txt', lines.join('\n') + '\n')
    const runId = String(700 + c.index)
    const started = Date.now()
    const run = await runBundle(
      bundle,
      w.env(inputs(c, { 'time-budget': '20s', 'max-attempts': '3' }), service.env(runId, 'job-1'))
    )
    const elapsed = Date.now() - started
    expect(elapsed, run.stdout).toBeLessThan(35_000)
    // Not cut short either: the engine ran until the budget's stop point (20 s − 5 s reserve).
    expect(elapsed).toBeGreaterThan(14_000)
    expect(run.code).toBe(1)
    expect(enginePids(c, group, w.workspace)).toEqual([])

    const out = w.outputs()
    expect(out['outcome']).toBe('out-of-time')
    expect(out['mirrored']).toBe('2')
    expect(out['failed']).toBe('1')
    const report = readReport(out['report']) as LongReport
    expect(report.run.outcome).toBe('out-of-time')
    expect(report.run.stoppedBy).toBe('time-budget')
    expect(report.run.timeBudget).toEqual({ seconds: 20, reserveSeconds: 5, stopAfterSeconds: 15 })
    expectSchema(out['report'])
    // One attempt: no second one could make progress in what was left.
    expect(report.run.attempts).toHaveLength(1)
    expect(report.lines.map((l) => [l.line, l.status])).toEqual([
      [1, 'mirrored'],
      [2, 'mirrored'],
      [3, 'failed']
    ])
    expect(report.lines[2]).toMatchObject({ classes: ['unconfirmed'], retryable: true })
    expect(report.lines[2].reasons.join(' ')).toContain('time budget (20s)')
    expect(activeLines(readFileSync(out['retry-mapping'], 'utf8'))).toEqual([lines[2]])
    // The artifacts made it within the budget too.
    expect(retryArtifactLines(runId, w)).toEqual([lines[2]])
    const names = service
      .artifacts()
      .filter((a) => a.runBackendId === runId)
      .map((a) => a.name)
    expect(names.sort()).toEqual(['oc-mirror-log', 'oc-mirror-retry-mapping'])
    // The summary says what the budget ended (Markdown-escaped text).
    expect(w.summary()).toMatch(
      /Time budget 20s.{0,8} the time budget \\\(20s\\\) stopped (oc|skopeo) after 15s/
    )
    // Checked at the destination: the fast lines are really there, the slow one is not.
    expect([...(await completeAtDestination(entriesOf(lines.join('\n'))))].sort()).toEqual([0, 1])
  })

  it('progress-interval 2s: progress lines during a 6 s attempt, with lines, errors and (oc) bytes', async () => {
    const w = workspace()
    const group = `progress-e${c.index}`
    const lines = ['fast', 'long'].map((n) => lineFor(c, `${group}/${n}`))
    w.write('mapping.txt', lines.join('\n') + '\n')
    const run = await runBundle(
      bundle,
      w.env(inputs(c, { 'progress-interval': '2s', upload: 'false' }))
    )
    expect(run.code, run.stdout).toBe(0)
    const progress = run.stdout.split('\n').filter((l) => l.startsWith('Progress: '))
    expect(progress.length, run.stdout).toBeGreaterThanOrEqual(2)
    for (const p of progress) {
      expect(p).toMatch(
        /^Progress: attempt 1 of 3, \d+s: [012] of 2 lines done \([012] of 2 pushed in this attempt, verified after it\); errors: none; .*ETA (unknown|\d)/
      )
    }
    // The fast image is pushed first; the throttled one is still running.
    expect(progress.some((p) => p.includes(': 1 of 2 lines done'))).toBe(true)
    if (c.engine === 'oc') {
      // oc's plan gives the size of what is to copy; the fast repository's blobs are copied.
      const bytes = progress.map((p) =>
        /; (\S+) of (\S+) copied \((\S+)\/s\), (\S+) started;/.exec(p)
      )
      expect(
        bytes.every((m) => m !== null),
        progress.join('\n')
      ).toBe(true)
      expect(bytes.some((m) => m?.[2].endsWith('KiB'))).toBe(true)
    }
  })

  it('chunk-size 3 on a mapping with repeated destination repositories: 3 invocations, repositories whole', async () => {
    const w = workspace()
    const group = `chunks-e${c.index}`
    // a1/a2 and b1/b2 push two tags each into one destination repository.
    const dst: Record<(typeof CHUNK_REPOS)[number], [string, string]> = {
      a1: ['a', 'v1'],
      b1: ['b', 'v1'],
      a2: ['a', 'v2'],
      c1: ['c', 'v1'],
      b2: ['b', 'v2'],
      d1: ['d', 'v1']
    }
    const lines = CHUNK_REPOS.map((r) =>
      lineFor(c, `${group}/${r}`, `${group}/${dst[r][0]}`, dst[r][1])
    )
    w.write('mapping.txt', lines.join('\n') + '\n')
    const run = await runBundle(bundle, w.env(inputs(c, { 'chunk-size': '3', upload: 'false' })))
    expect(run.code, run.stdout).toBe(0)
    const out = w.outputs()
    expect(out['outcome']).toBe('success')
    const report = readReport(out['report']) as LongReport
    expect(report.run.attempts).toHaveLength(1)
    expectSchema(out['report'])
    const chunks = report.run.attempts[0].chunks ?? []
    // Groups in mapping order: a (lines 1, 3), b (2, 5) + c (4), d (6).
    expect(chunks.map((k) => k.entryIds)).toEqual([[0, 2], [1, 3, 4], [5]])
    expect(chunks.map((k) => k.exitCode)).toEqual([0, 0, 0])
    for (const k of chunks) {
      expect(activeLines(readFileSync(resolve(w.workspace, k.mappingFile), 'utf8'))).toEqual(
        k.entryIds.map((id) => lines[id])
      )
    }
    // The combined log: one command per invocation, each pushing only its chunk's images.
    const log = readFileSync(out['log'], 'utf8').split('\n')
    const commands = log.flatMap((l, i) => (l.startsWith('==== command: ') ? [i] : []))
    expect(commands).toHaveLength(3)
    commands.forEach((start, i) => {
      const end = commands[i + 1] ?? log.length
      const pushed = log
        .slice(start, end)
        .filter((l) => /^sha256:[0-9a-f]{64} /.test(l))
        .map((l) => l.split(' ')[1])
        .sort()
      const expected = chunks[i].entryIds.map((id) => lines[id].split(' ')[1]).sort()
      expect(pushed).toEqual(expected)
    })
    if (c.engine === 'oc') {
      // Three oc processes: three plans, each with its chunk's repositories only.
      expect(log.filter((l) => l.startsWith('info: Planning completed in '))).toHaveLength(3)
    }
    expect(annotations(run.stdout).filter((a) => a.level === 'error')).toEqual([])
    expect([...(await completeAtDestination(entriesOf(lines.join('\n'))))].sort()).toEqual([
      0, 1, 2, 3, 4, 5
    ])
  })
})
