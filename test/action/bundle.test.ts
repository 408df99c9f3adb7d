// The bundle exactly as the runner starts it: `node dist/index.js` with INPUT_* variables and
// runner files, a stand-in oc replaying real transcripts, and the real @actions/artifact
// talking to a loopback stand-in of the results service.
import { DefaultArtifactClient } from '@actions/artifact'
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { actionBundle } from '../support/action-bundle.js'
import { ResultsService } from '../support/results-service.js'
import { ActionEnv, annotations, mappingLines, ROOT, alive } from './harness.js'

interface Ran {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function runBundle(cmd: string, args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { env, cwd: ROOT, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0
        resolve({ code, stdout, stderr })
      }
    )
  })
}

const BASE = {
  'filter-by-os': '.*',
  insecure: 'true',
  'skip-multiple-scopes': 'true',
  'retry-delay': '0',
  // The transcripts' registries are not running here: nothing to verify against.
  verify: 'off'
}

let service: ResultsService
let built: { path: string }
const envs: ActionEnv[] = []

beforeAll(async () => {
  service = await ResultsService.start()
  built = { path: await actionBundle() }
}, 180_000)

afterAll(async () => {
  await service?.stop()
  for (const e of envs) e.cleanup()
})

const minimalEnv = (
  e: ActionEnv,
  inputs: Record<string, string>,
  run: string
): Record<string, string> => ({
  PATH: process.env['PATH'] ?? '',
  HOME: process.env['HOME'] ?? tmpdir(),
  ...service.env(run, 'job-1'),
  ...e.env(inputs)
})

async function rateLimitThenClean(node: string[], run: string): Promise<void> {
  const e = new ActionEnv([{ case: '4.12/429-json-blob-reg' }, { case: '4.12/clean-reg' }])
  envs.push(e)
  const mapping = e.mappingFrom('4.12/429-json-blob-reg')
  const [cmd, ...pre] = node
  const r = await runBundle(
    cmd,
    [...pre, built.path],
    minimalEnv(e, { ...BASE, mapping, 'max-per-registry': '6' }, run)
  )

  expect(r.code, r.stderr).toBe(0)
  const out = e.outputs()
  expect(out['outcome']).toBe('success')
  expect(out['attempts']).toBe('2')
  const calls = e.calls()
  expect(calls).toHaveLength(2)
  const alpha = readFileSync(join(e.workspace, mapping), 'utf8').split('\n')[0]
  expect(mappingLines(calls[1].mapping)).toEqual([alpha])
  expect(calls[1].argv).toContain('--max-per-registry=1')
  expect(calls[0].argv).toContain('--max-per-registry=6')

  const notices = annotations(r.stdout).filter((a) => a.level === 'notice')
  expect(notices).toHaveLength(1)
  expect(notices[0].props).toMatchObject({ file: 'mapping.txt', line: '1' })
  expect(annotations(r.stdout).filter((a) => a.level === 'error')).toEqual([])

  // Uploaded to the stand-in: the log artifact (nothing left to retry, so no retry artifact).
  const id = Number(out['log-artifact-id'])
  expect(id).toBeGreaterThan(0)
  expect(out['retry-artifact-id']).toBe('')
  const mine = service.artifacts().filter((a) => a.runBackendId === run)
  expect(mine.map((a) => a.name)).toEqual(['oc-mirror-log'])

  // Download it back with the real client and compare the bytes with the files on the runner.
  for (const [k, v] of Object.entries(service.env(run, 'job-1'))) vi.stubEnv(k, v)
  const into = mkdtempSync(join(tmpdir(), 'mg-dl-'))
  try {
    const got = await new DefaultArtifactClient().downloadArtifact(id, { path: into })
    expect(got.digestMismatch).toBeFalsy()
    expect(readFileSync(join(into, 'oc-mirror.log'))).toEqual(readFileSync(out['log']))
    expect(readFileSync(join(into, 'report.json'))).toEqual(readFileSync(out['report']))
  } finally {
    rmSync(into, { recursive: true, force: true })
    vi.unstubAllEnvs()
  }
}

describe('node dist/index.js', () => {
  it('429 then clean: success in 2 attempts, retry of alpha only at --max-per-registry=1, artifact uploaded', async () => {
    await rateLimitThenClean([process.execPath], '201')
  })

  it('401 on alpha: no retry, partial, one auth error on alpha’s line, exit 1, retry mapping uploaded', async () => {
    const e = new ActionEnv([{ case: '4.12/401-manifest-file' }])
    envs.push(e)
    const mapping = e.mappingFrom('4.12/401-manifest-file')
    const r = await runBundle(
      process.execPath,
      [built.path],
      minimalEnv(e, { ...BASE, mapping, dir: 'mirror' }, '202')
    )
    expect(r.code).toBe(1)
    expect(e.calls()).toHaveLength(1)
    const out = e.outputs()
    expect(out['outcome']).toBe('partial')
    const errors = annotations(r.stdout).filter((a) => a.level === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0].props).toMatchObject({ file: 'mapping.txt', line: '1', title: 'auth' })
    const names = service
      .artifacts()
      .filter((a) => a.runBackendId === '202')
      .map((a) => a.name)
      .sort()
    expect(names).toEqual(['oc-mirror-log', 'oc-mirror-retry-mapping'])
    expect(Number(out['retry-artifact-id'])).toBeGreaterThan(0)
  })

  it('runs on Node 24 too', async (ctx) => {
    // npx fetches node@24 from the npm registry once; its binary then runs the bundle directly.
    const probe = await runBundle(
      'npx',
      ['--yes', '-p', 'node@24', '--', 'node', '-p', 'process.version + " " + process.execPath'],
      { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir() }
    )
    const [version, node24] = probe.stdout.trim().split(' ')
    if (probe.code !== 0 || !version?.startsWith('v24.') || !node24) {
      console.log(
        `Skipping the Node 24 run: npx could not provide node@24 (${(probe.stderr || probe.stdout).trim().slice(0, 300)})`
      )
      ctx.skip()
      return
    }
    await rateLimitThenClean([node24], '203')
  }, 180_000)

  it('post after a killed main: uploads the log and a retry mapping of the lines not confirmed', async () => {
    const e = new ActionEnv([
      { case: '4.12/429-json-blob-reg' },
      { case: '4.12/clean-reg', pauseAfterPlanningMs: 60_000 }
    ])
    envs.push(e)
    const mapping = e.mappingFrom('4.12/429-json-blob-reg')
    const inputs = { ...BASE, mapping, 'registry-auth': '{"auths":{}}' }
    const main = spawn(process.execPath, [built.path], {
      env: minimalEnv(e, inputs, '204'),
      cwd: ROOT,
      stdio: 'ignore'
    })
    const exited = new Promise<void>((r) => main.on('exit', () => r()))
    try {
      // Attempt 2 is running (and paused) once the stand-in oc recorded its second call.
      await waitFor(() => e.calls().length === 2 && e.calls()[1].pid !== undefined)
      main.kill('SIGKILL')
      await exited
    } finally {
      main.kill('SIGKILL')
      for (const c of e.calls()) killGroup(c.pid)
    }
    const state = e.state()
    expect(state['isPost']).toBe('true')
    const saved = JSON.parse(state['runState']) as { finished: boolean; secretFiles: string[] }
    expect(saved.finished).toBe(false)
    expect(saved.secretFiles.every((f) => existsSync(f))).toBe(true)

    const post = await runBundle(process.execPath, [built.path], {
      ...minimalEnv(e, inputs, '204'),
      STATE_isPost: state['isPost'],
      STATE_runState: state['runState']
    })
    expect(post.code, post.stderr).toBe(0)
    expect(annotations(post.stdout).filter((a) => a.level === 'warning')).toHaveLength(1)
    expect(saved.secretFiles.some((f) => existsSync(f))).toBe(false)
    const mine = service.artifacts().filter((a) => a.runBackendId === '204')
    expect(mine.map((a) => a.name).sort()).toEqual(['oc-mirror-log', 'oc-mirror-retry-mapping'])

    // Attempt 1 confirmed four lines; only alpha is left to retry.
    for (const [k, v] of Object.entries(service.env('204', 'job-1'))) vi.stubEnv(k, v)
    const into = mkdtempSync(join(tmpdir(), 'mg-dl-'))
    try {
      const client = new DefaultArtifactClient()
      const retry = mine.find((a) => a.name === 'oc-mirror-retry-mapping')!
      await client.downloadArtifact(retry.id, { path: into })
      const alpha = readFileSync(join(e.workspace, mapping), 'utf8').split('\n')[0]
      expect(mappingLines(readFileSync(join(into, 'retry-mapping.txt'), 'utf8'))).toEqual([alpha])
      const log = mine.find((a) => a.name === 'oc-mirror-log')!
      await client.downloadArtifact(log.id, { path: into })
      expect(readFileSync(join(into, 'oc-mirror.log'), 'utf8')).toContain(
        '==== mirror-guard attempt 2 ===='
      )
    } finally {
      rmSync(into, { recursive: true, force: true })
      vi.unstubAllEnvs()
    }
  })

  it('SIGTERM (cancel): main stops oc’s process group, reports what is known and exits; post only cleans up', async () => {
    const e = new ActionEnv([
      { case: '4.12/429-json-blob-reg' },
      { case: '4.12/clean-reg', pauseAfterPlanningMs: 60_000 }
    ])
    envs.push(e)
    const mapping = e.mappingFrom('4.12/429-json-blob-reg')
    const inputs = { ...BASE, mapping }
    let stdout = ''
    const main = spawn(process.execPath, [built.path], {
      env: minimalEnv(e, inputs, '205'),
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore']
    })
    main.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    const exited = new Promise<number | null>((r) => main.on('exit', (code) => r(code)))
    try {
      await waitFor(() => e.calls().length === 2 && e.calls()[1].pid !== undefined)
      main.kill('SIGTERM')
      expect(await exited).toBe(1)
    } finally {
      main.kill('SIGKILL')
    }
    const ocPid = e.calls()[1].pid!
    expect(alive(ocPid)).toBe(false)
    const out = e.outputs()
    expect(out['outcome']).toBe('partial')
    expect(out['mirrored']).toBe('4')
    expect(Number(out['retry-artifact-id'])).toBeGreaterThan(0)
    expect(annotations(stdout).filter((a) => a.level === 'error')[0].props).toMatchObject({
      file: 'mapping.txt',
      line: '1'
    })
    const state = e.state()
    expect(JSON.parse(state['runState'])).toMatchObject({ finished: true })
    const post = await runBundle(process.execPath, [built.path], {
      ...minimalEnv(e, inputs, '205'),
      STATE_isPost: state['isPost'],
      STATE_runState: state['runState']
    })
    expect(post.code).toBe(0)
    expect(annotations(post.stdout)).toEqual([])
  })
})

async function waitFor(cond: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 50))
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}
