// Cancellation and faults around the run, through the bundled action: signals during an
// attempt (skopeo and every real oc client found: 4.13 and 4.14 in CI), the post step after a
// killed main, an attempt over its time limit, the artifact service failing, a full disk
// under RUNNER_TEMP, and an oc that cannot be run.
import { execFileSync, type ChildProcess } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ActionEnv, alive, annotations } from '../action/harness.js'
import { actionBundle, runBundle, startBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import { activeLines, blobPath, image, readReport } from '../support/e2e-checks.js'
import { engineCases, engineInputs, type EngineCase } from '../support/engines.js'
import type { FaultRule } from '../support/fault-proxy.js'
import { ResultsService } from '../support/results-service.js'

const ENGINES = engineCases('the cancellation scenarios with oc')
/** The engine's own copy of a scenario group: skopeo keeps the plain name. */
const groupOf = (g: string, c: EngineCase): string => (c.index === 0 ? g : `${g}-e${c.index}`)
const PER_ENGINE = ['sigint', 'sigterm', 'killed', 'timeout']
const GROUPS = [
  ...ENGINES.flatMap((c) => PER_ENGINE.map((g) => groupOf(g, c))),
  'artifacts-flaky',
  'artifacts-down'
]
const REPOS = GROUPS.flatMap((g) => [`${g}/fast1`, `${g}/fast2`, `${g}/slow`])

let bed: Bed
let bundle: string
let service: ResultsService
const cleanups: (() => void)[] = []

beforeAll(async () => {
  bundle = await actionBundle()
  service = await ResultsService.start()
  bed = await startBed({
    images: REPOS.map((repo, i) => ({
      repo,
      tag: 'v1',
      layers: [{ seed: 76_000 + i, size: 2_000 }]
    }))
  })
  // `<group>/slow` hangs on its layer: the response headers come a minute later.
  bed.proxy.setRules(
    GROUPS.filter((g) => !g.startsWith('artifacts')).map((g): FaultRule => ({
      name: `${g} slow`,
      method: 'GET',
      path: blobPath(`${g}/slow`, image(bed, `${g}/slow`).manifests[0].layerDigests[0]),
      always: true,
      action: 'slow',
      delayMs: 60_000
    }))
  )
})

afterAll(async () => {
  await bed?.stop()
  await service?.stop()
  for (const c of cleanups) c()
})

function workspace(): Workspace {
  const w = new Workspace('mg-cancel-')
  cleanups.push(() => w.cleanup())
  return w
}

function mappingFor(w: Workspace, group: string): string[] {
  const lines = ['fast1', 'fast2', 'slow'].map(
    (n) => `${bed.sourceHost}/${group}/${n}:v1 ${bed.destination.host}/${group}/${n}:v1`
  )
  w.write('mapping.txt', lines.join('\n') + '\n')
  return lines
}

/**
 * PIDs of running engine processes of `group`: skopeo copies name the group in their
 * arguments; oc (one process for the whole mapping) runs in the run's workspace.
 */
function enginePids(c: EngineCase, group: string, workspace?: string): number[] {
  const pids: number[] = []
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const argv = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0')
      const ours =
        c.engine === 'skopeo'
          ? argv[0]?.endsWith('skopeo') && argv.some((a) => a.includes(`/${group}/`))
          : argv[0] === c.binary && readlinkSync(`/proc/${d}/cwd`) === workspace
      if (ours && alive(Number(d))) pids.push(Number(d))
    } catch {
      // exited meanwhile
    }
  }
  return pids
}

async function waitFor(cond: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** The fast lines are confirmed in the combined log and the slow copy is hanging. */
function midAttempt(w: Workspace, c: EngineCase, group: string): boolean {
  try {
    const log = readFileSync(join(w.workDir(), 'oc-mirror.log'), 'utf8')
    const successes = log.split('\n').filter((l) => /^sha256:[0-9a-f]{64} /.test(l))
    return successes.length === 2 && enginePids(c, group, w.workspace).length > 0
  } catch {
    return false
  }
}

function inputs(c: EngineCase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    mapping: 'mapping.txt',
    ...engineInputs(c),
    insecure: 'true',
    'filter-by-os': '.*',
    'retry-delay': '0',
    ...extra
  }
}

/** Active lines of the retry mapping artifact of run `run` (the stand-in keeps the zip). */
function retryArtifactLines(run: string, w: Workspace): string[] | undefined {
  const a = service
    .artifacts()
    .find((x) => x.runBackendId === run && x.name === 'oc-mirror-retry-mapping')
  if (a === undefined) return undefined
  const zip = join(w.dir, `retry-${run}.zip`)
  writeFileSync(zip, a.data)
  return activeLines(execFileSync('unzip', ['-p', zip], { encoding: 'utf8' }))
}

describe.each(ENGINES)('signals during a $label attempt', (c) => {
  const run = (id: number): string => String(id + 100 * c.index)

  it.each([
    ['SIGINT', 'sigint', '401'],
    ['SIGTERM', 'sigterm', '402']
  ] as const)(
    '%s: the engine is stopped, the report and the retry mapping of the unconfirmed line are uploaded',
    async (signal, name, id) => {
      const group = groupOf(name, c)
      const runId = run(Number(id))
      const w = workspace()
      const lines = mappingFor(w, group)
      const pids: number[] = []
      let child: ChildProcess | undefined
      const done = startBundle(bundle, w.env(inputs(c), service.env(runId, 'job-1')), {
        started: (ch) => (child = ch)
      })
      try {
        await waitFor(() => midAttempt(w, c, group))
        pids.push(...enginePids(c, group, w.workspace))
        child!.kill(signal)
        const run = await done
        expect(run.code).toBe(1)
      } finally {
        child?.kill('SIGKILL')
        for (const p of enginePids(c, group, w.workspace)) process.kill(p, 'SIGKILL')
      }
      expect(pids.length).toBeGreaterThan(0)
      for (const p of pids) expect(alive(p), `${c.label} ${p} still running`).toBe(false)
      // The engine confirmed the fast lines, but the stop came before verification read them back:
      // unproven, so not mirrored, and in the retry mapping with the unconfirmed line.
      const out = w.outputs()
      expect(out['outcome']).toBe('failed')
      expect(out['mirrored']).toBe('0')
      expect(out['unverified']).toBe('2')
      const report = readReport(out['report'])
      expect(report.lines[0]).toMatchObject({ status: 'failed', classes: ['unverified'] })
      expect(report.lines[1]).toMatchObject({ status: 'failed', classes: ['unverified'] })
      expect(report.lines[2]).toMatchObject({ status: 'failed', classes: ['unconfirmed'] })
      expect(retryArtifactLines(runId, w)).toEqual(lines)
      const names = service
        .artifacts()
        .filter((a) => a.runBackendId === runId)
        .map((a) => a.name)
      expect(names.sort()).toEqual(['oc-mirror-log', 'oc-mirror-retry-mapping'])
      expect(JSON.parse(w.state()['runState'])).toMatchObject({ finished: true })
    }
  )

  it('SIGKILL of main: the post step uploads the log and a retry mapping of every unconfirmed line', async () => {
    const w = workspace()
    const group = groupOf('killed', c)
    const runId = run(403)
    const lines = mappingFor(w, group)
    let child: ChildProcess | undefined
    const env = w.env(inputs(c, { 'registry-auth': '{"auths":{}}' }), service.env(runId, 'job-1'))
    const done = startBundle(bundle, env, { started: (ch) => (child = ch) })
    try {
      await waitFor(() => midAttempt(w, c, group))
      child!.kill('SIGKILL')
      await done
    } finally {
      child?.kill('SIGKILL')
      // The runner kills the step's whole process tree; here the test does.
      for (const p of enginePids(c, group, w.workspace)) process.kill(p, 'SIGKILL')
    }
    const state = w.state()
    const saved = JSON.parse(state['runState']) as {
      finished: boolean
      confirmedIds: number[]
      secretFiles: string[]
    }
    expect(saved.finished).toBe(false)
    const post = await runBundle(bundle, {
      ...env,
      STATE_isPost: state['isPost'],
      STATE_runState: state['runState']
    })
    expect(post.code, post.stderr).toBe(0)
    expect(annotations(post.stdout).filter((a) => a.level === 'warning')).toHaveLength(1)
    expect(saved.secretFiles.some((f) => existsSync(f))).toBe(false)
    const unconfirmed = lines.filter((_, i) => !saved.confirmedIds.includes(i))
    expect(unconfirmed).toContain(lines[2])
    expect(retryArtifactLines(runId, w)).toEqual(unconfirmed)
    expect(
      service.artifacts().some((a) => a.runBackendId === runId && a.name === 'oc-mirror-log')
    ).toBe(true)
  })
})

/** skopeo, for the scenarios where the engine plays no part (artifacts). */
const SKOPEO = ENGINES[0]

describe.each(ENGINES)('an attempt over its time limit ($label)', (c) => {
  it('an attempt over attempt-timeout is stopped; its unfinished line is retried alone and accounted for', async () => {
    const w = workspace()
    const group = groupOf('timeout', c)
    const lines = mappingFor(w, group)
    const started = Date.now()
    const run = await runBundle(
      bundle,
      w.env(inputs(c, { 'attempt-timeout': '2', 'max-attempts': '2', upload: 'false' }))
    )
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(run.code).toBe(1)
    expect(enginePids(c, group, w.workspace)).toEqual([])
    const report = readReport(w.outputs()['report'])
    expect(report.run.attempts.map((a) => a.entryIds)).toEqual([[0, 1, 2], [2]])
    expect(report.lines.map((l) => l.status)).toEqual(['mirrored', 'mirrored', 'failed'])
    // Stopped by the time limit: retryable (network-like), with the reason spelled out.
    expect(report.lines[2]).toMatchObject({ classes: ['network'], retryable: true })
    expect(JSON.stringify(report.lines[2])).toContain('exceeded attempt-timeout (2s)')
    expect(activeLines(readFileSync(w.outputs()['retry-mapping'], 'utf8'))).toEqual([lines[2]])
  })
})

describe('faults around the run', () => {
  it('artifact service answering 429 then recovering: retried, uploaded, no warning', async () => {
    const w = workspace()
    const group = 'artifacts-flaky'
    mappingFor(w, group)
    service.failNext(2, 429, /CreateArtifact|FinalizeArtifact/)
    const run = await runBundle(bundle, w.env(inputs(SKOPEO), service.env('404', 'job-1')))
    expect(run.code, run.stdout).toBe(0)
    expect(w.outputs()['outcome']).toBe('success')
    expect(Number(w.outputs()['log-artifact-id'])).toBeGreaterThan(0)
    expect(annotations(run.stdout).filter((a) => a.level === 'warning')).toEqual([])
    expect(service.requests.filter((r) => r.status === 429).length).toBe(2)
  })

  it('artifact service down (5xx): a warning, the verdict unchanged', async () => {
    const w = workspace()
    mappingFor(w, 'artifacts-down')
    // Every later request fails: no test after this one uploads.
    service.failNext(1_000_000, 503)
    const run = await runBundle(bundle, w.env(inputs(SKOPEO), service.env('405', 'job-1')))
    expect(run.code, run.stdout).toBe(0)
    expect(w.outputs()['outcome']).toBe('success')
    expect(w.outputs()['log-artifact-id']).toBe('')
    const warnings = annotations(run.stdout).filter((a) => a.level === 'warning')
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings[0].props['title']).toBe('artifact upload')
  }, 120_000)
})

describe('the run environment', () => {
  it('RUNNER_TEMP on a full disk: a clear error, nothing reported as mirrored', async (ctx) => {
    const e = new ActionEnv([{ case: '4.12/clean-reg' }])
    cleanups.push(() => e.cleanup())
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', e.runnerTemp], {
        stdio: 'pipe'
      })
    } catch (err) {
      console.log(`Skipping the full-disk test: cannot mount a small tmpfs (${String(err)})`)
      ctx.skip()
      return
    }
    try {
      // Leave 4 KiB: less than one attempt's log.
      writeFileSync(join(e.runnerTemp, 'filler'), Buffer.alloc(60 * 1024))
      const mapping = e.mappingFrom('4.12/clean-reg')
      const run = await runBundle(
        bundle,
        e.env({ mapping, 'filter-by-os': '.*', verify: 'off', upload: 'false', 'retry-delay': '0' })
      )
      expect(run.code).toBe(1)
      const errors = annotations(run.stdout).filter((a) => a.level === 'error')
      expect(errors.map((a) => a.message).join('\n')).toMatch(/ENOSPC|no space left/i)
      const out = e.outputs()
      expect(out['outcome']).not.toBe('success')
      expect(out['mirrored'] ?? '0').toBe('0')
    } finally {
      execFileSync('umount', ['-l', e.runnerTemp])
    }
  })

  it.each([
    ['missing', (dir: string) => join(dir, 'no-such-oc')],
    [
      'not executable',
      (dir: string) => {
        const path = join(dir, 'oc-not-executable')
        writeFileSync(path, '#!/bin/sh\necho never\n')
        chmodSync(path, 0o644)
        return path
      }
    ]
  ])('oc %s: a clear error naming the binary, with the install hint', async (_what, make) => {
    const w = workspace()
    w.write('mapping.txt', 'registry.example/a:v1 registry.example/b:v1\n')
    const oc = make(w.dir)
    const run = await runBundle(
      bundle,
      w.env({ mapping: 'mapping.txt', oc, 'filter-by-os': '.*', upload: 'false' })
    )
    expect(run.code).toBe(1)
    const errors = annotations(run.stdout).filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].message).toContain(oc)
    expect(errors[0].message).toMatch(/install/i)
    expect(w.outputs()['outcome']).toBe('failed')
  })
})
