// The real, unmocked @actions/artifact against the loopback results-service stand-in.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  artifactServiceUnavailable,
  downloadRetryMapping,
  isGhes,
  uploadFiles
} from '../../src/github/artifacts.js'
import { ResultsService } from '../support/results-service.js'

let service: ResultsService
let tmp: string
let stdout: string[]

beforeAll(async () => {
  service = await ResultsService.start({ repository: 'octo/mirror' })
})
afterAll(async () => {
  await service.stop()
})

beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'artifacts-'))
  // GITHUB_API_URL must be set before @actions/artifact (→ @actions/github) is first
  // imported; artifacts.ts imports it lazily on first use, which happens after this.
  for (const [k, v] of Object.entries(service.env('101', 'job-a'))) vi.stubEnv(k, v)
  vi.stubEnv('GITHUB_WORKSPACE', tmp)
  vi.stubEnv('GITHUB_RETENTION_DAYS', '')
  stdout = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())
    return true
  })
})
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true })
})

function writeFiles(root: string, files: Record<string, string | Buffer>): string[] {
  return Object.entries(files).map(([rel, content]) => {
    const file = path.join(root, rel)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, content)
    return file
  })
}

describe('availability checks (no network)', () => {
  it('GHES hosts are detected like @actions/artifact does', () => {
    expect(isGhes({})).toBe(false)
    expect(isGhes({ GITHUB_SERVER_URL: 'https://github.com' })).toBe(false)
    expect(isGhes({ GITHUB_SERVER_URL: 'https://acme.ghe.com' })).toBe(false)
    expect(isGhes({ GITHUB_SERVER_URL: 'http://github.localhost' })).toBe(false)
    expect(isGhes({ GITHUB_SERVER_URL: 'https://github.acme.internal' })).toBe(true)
    expect(isGhes({ GITHUB_SERVER_URL: 'http://localhost' })).toBe(true)
  })

  it('on GHES upload and download are skipped with a reason and nothing is sent', async () => {
    vi.stubEnv('GITHUB_SERVER_URL', 'https://github.acme.internal')
    const before = service.requests.length
    const files = writeFiles(tmp, { 'a.txt': 'x' })
    const up = await uploadFiles('oc-mirror-log', files, tmp)
    expect(up.id).toBeUndefined()
    expect(up.skipped).toMatch(/^Artifact oc-mirror-log not uploaded: .*GitHub Enterprise Server/)
    const down = await downloadRetryMapping({ name: 'x', path: path.join(tmp, 'dl') })
    expect(down).toMatchObject({ found: false, files: [] })
    expect(down.reason).toMatch(/Enterprise Server/)
    const other = await downloadRetryMapping({ name: 'x', runId: 5, token: 't', path: tmp })
    expect(other.reason).toMatch(/Enterprise Server/)
    expect(service.requests.length).toBe(before)
    // No library warning either: we never called it.
    expect(stdout.join('')).not.toContain('::warning')
  })

  it('without the runtime token or results URL the upload is skipped, naming what is missing', async () => {
    vi.stubEnv('ACTIONS_RUNTIME_TOKEN', '')
    const up = await uploadFiles('oc-mirror-log', writeFiles(tmp, { 'a.txt': 'x' }), tmp)
    expect(up.skipped).toContain('ACTIONS_RUNTIME_TOKEN not set')
    vi.stubEnv('ACTIONS_RESULTS_URL', '')
    expect(artifactServiceUnavailable()).toContain('ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL')
    const down = await downloadRetryMapping({ name: 'x', path: tmp })
    expect(down.found).toBe(false)
    expect(down.reason).toContain('not running on a GitHub Actions runner')
  })
})

describe('against the results-service stand-in', () => {
  it('uploads files and downloads them back byte for byte', async () => {
    const big = Buffer.alloc(300 * 1024)
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251
    const files = writeFiles(path.join(tmp, 'out'), {
      'retry-mapping.txt': 'quay.io/a/b:v1=mirror.local/a/b:v1\n',
      'logs/attempt-1.log': big
    })
    const up = await uploadFiles('oc-mirror-retry-mapping', files, path.join(tmp, 'out'), {
      retentionDays: 3
    })
    expect(up.warning).toBeUndefined()
    expect(up.id).toBeGreaterThan(0)
    const stored = service.artifacts().find((a) => a.id === up.id)
    expect(stored).toMatchObject({ name: 'oc-mirror-retry-mapping', runBackendId: '101' })
    expect(stored?.hash).toMatch(/^sha256:[0-9a-f]{64}$/)
    // Retention reached the service as an expiry about 3 days ahead.
    const days = (Date.parse(stored?.expiresAt ?? '') - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(2.9)
    expect(days).toBeLessThan(3.1)

    const dest = path.join(tmp, 'download')
    const down = await downloadRetryMapping({ name: 'oc-mirror-retry-mapping', path: dest })
    expect(down.reason).toBeUndefined()
    expect(down.found).toBe(true)
    expect(down.files.map((f) => path.relative(dest, f)).sort()).toEqual([
      path.join('logs', 'attempt-1.log'),
      'retry-mapping.txt'
    ])
    expect(readFileSync(path.join(dest, 'retry-mapping.txt'), 'utf8')).toBe(
      'quay.io/a/b:v1=mirror.local/a/b:v1\n'
    )
    expect(readFileSync(path.join(dest, 'logs', 'attempt-1.log')).equals(big)).toBe(true)
  })

  it('an artifact whose bytes do not match its recorded digest is not used', async () => {
    const files = writeFiles(tmp, { 'retry-mapping.txt': 'a=b\n' })
    const up = await uploadFiles('genuine', files, tmp)
    const genuine = service.artifacts().find((a) => a.id === up.id)
    expect(genuine).toBeDefined()
    service.seed({
      name: 'tampered',
      run: '101',
      data: genuine?.data ?? Buffer.alloc(0),
      hash: `sha256:${'0'.repeat(64)}`
    })
    const down = await downloadRetryMapping({ name: 'tampered', path: path.join(tmp, 'dl') })
    expect(down.found).toBe(false)
    expect(down.files).toEqual([])
    expect(down.reason).toBe(
      `artifact tampered from this run does not match its recorded digest sha256:${'0'.repeat(64)}`
    )
  })

  it('a missing artifact is reported as not found, not thrown', async () => {
    const down = await downloadRetryMapping({ name: 'nope', path: path.join(tmp, 'dl') })
    expect(down).toEqual({ found: false, files: [], reason: 'artifact nope not found in this run' })
  })

  it('downloads from another run through the REST API (findBy, 302 to the blob)', async () => {
    // Run 555 uploads; the current run (101) downloads it.
    for (const [k, v] of Object.entries(service.env('555', 'job-z'))) vi.stubEnv(k, v)
    const files = writeFiles(path.join(tmp, 'src'), { 'retry-mapping.txt': 'a=b\n' })
    const up = await uploadFiles('retry-555', files, path.join(tmp, 'src'))
    expect(up.id).toBeGreaterThan(0)
    for (const [k, v] of Object.entries(service.env('101', 'job-a'))) vi.stubEnv(k, v)

    const before = service.requests.length
    const dest = path.join(tmp, 'other')
    const down = await downloadRetryMapping({
      name: 'retry-555',
      runId: 555,
      token: 'ghs_token',
      path: dest
    })
    expect(down.reason).toBeUndefined()
    expect(down.found).toBe(true)
    expect(down.files).toEqual([path.join(dest, 'retry-mapping.txt')])
    expect(readFileSync(path.join(dest, 'retry-mapping.txt'), 'utf8')).toBe('a=b\n')
    const calls = service.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.status}`)
    expect(calls).toEqual([
      'GET /repos/octo/mirror/actions/runs/555/artifacts 200',
      `GET /repos/octo/mirror/actions/artifacts/${up.id}/zip 302`,
      `GET /blob/${up.id} 200`
    ])

    // Not in that run, no token, bad repository, unknown repository.
    expect(
      (await downloadRetryMapping({ name: 'retry-555', runId: 556, token: 't', path: dest })).reason
    ).toBe('artifact retry-555 not found in run 556')
    expect(
      (await downloadRetryMapping({ name: 'retry-555', runId: 555, path: dest })).reason
    ).toMatch(/github-token with actions:read is needed/)
    expect(
      (
        await downloadRetryMapping({
          name: 'retry-555',
          runId: 555,
          token: 't',
          repository: 'nope',
          path: dest
        })
      ).reason
    ).toMatch(/not of the form owner\/name/)
    const other = await downloadRetryMapping({
      name: 'retry-555',
      runId: 555,
      token: 't',
      repository: 'someone/else',
      path: dest
    })
    expect(other.found).toBe(false)
    expect(other.reason).toMatch(/could not be downloaded from run 555: .*Not Found/)
  })

  it('a rejected upload (duplicate name) comes back as a warning, not an exception', async () => {
    const files = writeFiles(tmp, { 'a.txt': 'one' })
    expect((await uploadFiles('dup', files, tmp)).id).toBeGreaterThan(0)
    const second = await uploadFiles('dup', files, tmp)
    expect(second.id).toBeUndefined()
    expect(second.warning).toMatch(/^Artifact dup could not be uploaded: .*409/)
    // A first run: the other upload is another job's, so nothing is replaced; the warning says
    // what to change.
    expect(second.warning).toMatch(
      /another job of this run .* give each job its own artifact names/
    )
    expect(service.artifacts().filter((a) => a.name === 'dup')).toHaveLength(1)
  })

  it('a re-run replaces the artifact an earlier attempt of the run uploaded', async () => {
    const first = await uploadFiles(
      'rerun-logs',
      writeFiles(tmp, { 'mirror.log': 'attempt 1' }),
      tmp
    )
    expect(first.id).toBeGreaterThan(0)
    vi.stubEnv('GITHUB_RUN_ATTEMPT', '2')
    const again = await uploadFiles(
      'rerun-logs',
      writeFiles(tmp, { 'mirror.log': 'attempt 2', 'report.json': '{}' }),
      tmp
    )
    expect(again.warning).toBeUndefined()
    expect(again.id).toBeGreaterThan(first.id ?? 0)
    expect(again.replaced).toBe(
      'Artifact rerun-logs replaced the one an earlier attempt of this run uploaded (run attempt 2).'
    )
    const stored = service.artifacts().filter((a) => a.name === 'rerun-logs')
    expect(stored.map((a) => a.id)).toEqual([again.id])
    // What a later job of the run downloads is this attempt's files.
    const out = path.join(tmp, 'out')
    const got = await downloadRetryMapping({ name: 'rerun-logs', path: out })
    expect(got.found).toBe(true)
    expect(got.files.map((f) => path.basename(f)).sort()).toEqual(['mirror.log', 'report.json'])
    expect(readFileSync(path.join(out, 'mirror.log'), 'utf8')).toBe('attempt 2')
  })

  it('an unreachable service comes back as a warning', async () => {
    const gone = await ResultsService.start()
    const url = gone.url
    await gone.stop()
    vi.stubEnv('ACTIONS_RESULTS_URL', url)
    const up = await uploadFiles('unreachable', writeFiles(tmp, { 'a.txt': 'x' }), tmp)
    expect(up.warning).toMatch(/ECONNREFUSED/)
  })
})

describe('the stand-in itself, with the real client', () => {
  it('lists and deletes artifacts, in this run and through the REST API', async () => {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const files = writeFiles(tmp, { 'a.txt': 'a' })
    await client.uploadArtifact('del-internal', files, tmp)
    await client.uploadArtifact('del-rest', files, tmp)

    const listed = await client.listArtifacts()
    expect(listed.artifacts.map((a) => a.name)).toEqual(
      expect.arrayContaining(['del-internal', 'del-rest'])
    )
    const viaRest = await client.listArtifacts({
      findBy: { token: 't', workflowRunId: 101, repositoryOwner: 'octo', repositoryName: 'mirror' }
    })
    expect(viaRest.artifacts.map((a) => a.name).sort()).toEqual(
      listed.artifacts.map((a) => a.name).sort()
    )

    await client.deleteArtifact('del-internal')
    await client.deleteArtifact('del-rest', {
      findBy: { token: 't', workflowRunId: 101, repositoryOwner: 'octo', repositoryName: 'mirror' }
    })
    const names = service.artifacts().map((a) => a.name)
    expect(names).not.toContain('del-internal')
    expect(names).not.toContain('del-rest')
  })
})

describe('upload after a stop', () => {
  it('gets only its grace time when the run was cancelled, then says where the files are', async () => {
    // A results service that accepts the connection and never answers.
    const { createServer } = await import('node:http')
    const hang = createServer(() => undefined)
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r))
    const port = (hang.address() as { port: number }).port
    vi.stubEnv('ACTIONS_RESULTS_URL', `http://127.0.0.1:${port}/`)
    try {
      const stop = new AbortController()
      stop.abort(new Error('received SIGTERM'))
      const started = Date.now()
      const up = await uploadFiles('oc-mirror-log', writeFiles(tmp, { 'a.txt': 'x' }), tmp, {
        signal: stop.signal,
        graceMs: 300
      })
      expect(Date.now() - started).toBeLessThan(3000)
      expect(up.id).toBeUndefined()
      expect(up.warning).toBe(
        `Artifact oc-mirror-log not uploaded: the run was cancelled and the upload did not finish within 0.3 s; the files are still on the runner in ${tmp}.`
      )
    } finally {
      hang.closeAllConnections()
      await new Promise((r) => hang.close(r))
    }
  })
})
