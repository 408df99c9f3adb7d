// runJob with a stand-in engine that prints success lines: a success line that spells the
// destination repository another way (Docker Hub aliases, host case, :443) is still paired
// with its mapping line and its digest compared with what the tag resolves to; and a file://
// verification hashing a big blob when attempt-timeout fires ends at once with the line
// unverified (the real verifier through makeVerifier).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import type { RetryPolicy } from '../../src/core/retry-plan.js'
import type { AttemptRequest, Engine, OutputSink } from '../../src/engines/engine.js'
import { AttemptLog } from '../../src/run/attempt-log.js'
import { runJob, type JobOptions } from '../../src/run/job.js'
import { makeVerifier } from '../../src/action/verify-hook.js'
import type { VerifyResult } from '../../src/verify/types.js'
import { sha256 } from '../verify/entries.js'

const PUSHED = `sha256:${'a'.repeat(64)}`
const OTHER = `sha256:${'b'.repeat(64)}`
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** Prints one success line per entry, naming the destination as `spell` writes it. */
class SpellingEngine implements Engine {
  readonly name = 'oc' as const
  constructor(
    private readonly spell: (printed: string) => string,
    private readonly digest = PUSHED
  ) {}
  version(): Promise<string> {
    return Promise.resolve('Client Version: 4.14.0')
  }
  runAttempt(req: AttemptRequest, sink: OutputSink) {
    for (const e of req.entries) {
      sink(
        'stdout',
        `${this.digest} ${this.spell(e.destination.printed)}:${e.destinationTag ?? ''}`
      )
    }
    const now = new Date().toISOString()
    return Promise.resolve({
      exitCode: 0,
      timedOut: false,
      aborted: false,
      command: ['oc'],
      startedAt: now,
      endedAt: now
    })
  }
}

const policy: RetryPolicy = {
  maxAttempts: 1,
  retryOn: ['unverified', 'wrong-image'],
  retryDelaySeconds: 0,
  maxRetryDelaySeconds: 0,
  retryMaxPerRegistry: 1,
  forceOnRetry: 'auto'
}

function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mg-job-spell-'))
  dirs.push(dir)
  return dir
}

function job(
  destination: string,
  engine: Engine,
  verify: JobOptions['verify'],
  extra: Partial<JobOptions> = {}
): ReturnType<typeof runJob> {
  const dir = workDir()
  const set = parseMappingText(`src.example/ns/app:v1 ${destination}\n`, 'mapping.txt')
  const log = new AttemptLog(dir)
  return runJob({
    engine,
    set,
    scope: set.entries,
    firstMappingFile: 'mapping.txt',
    workDir: dir,
    log,
    policy,
    verify,
    ...extra
  }).finally(() => log.close())
}

const resolvedTo =
  (digest: string): JobOptions['verify'] =>
  (entries) =>
    Promise.resolve(
      entries.map((e): VerifyResult => ({
        entryId: e.id,
        complete: true,
        problems: [],
        resolved: [{ tag: 'v1', digest }]
      }))
    )

describe('a success line spelling the destination another way', () => {
  const cases: [string, string][] = [
    ['docker.io/app', 'index.docker.io/library/app'],
    ['app', 'docker.io/library/app'],
    ['registry-1.docker.io/library/app', 'docker.io/app'],
    ['Quay.io/ns/app', 'quay.io:443/ns/app']
  ]
  for (const [mapped, printed] of cases) {
    it(`${mapped} printed as ${printed}: the digest check runs (wrong-image, then mirrored)`, async () => {
      const engine = new SpellingEngine(() => printed)
      const wrong = await job(`${mapped}:v1`, engine, resolvedTo(OTHER))
      expect(wrong.triage.verdicts[0]).toMatchObject({ status: 'failed', classes: ['wrong-image'] })
      expect(wrong.triage.verdicts[0].reasons[0]).toContain(PUSHED)
      expect(wrong.triage.verdicts[0].reasons[0]).toContain(OTHER)
      const right = await job(`${mapped}:v1`, engine, resolvedTo(PUSHED))
      expect(right.triage.verdicts[0]).toMatchObject({ status: 'mirrored' })
      expect(right.unprovenIds).toEqual([])
    })
  }

  it('another registry or port is another repository: the line is not confirmed by it', async () => {
    const r = await job(
      'quay.io/ns/app:v1',
      new SpellingEngine(() => 'quay.io:5000/ns/app'),
      resolvedTo(PUSHED)
    )
    expect(r.triage.verdicts[0]).toMatchObject({ status: 'failed', classes: ['unconfirmed'] })
  })
})

it('attempt-timeout while file:// verification hashes a big blob: ends at once, line unverified', async () => {
  const root = workDir()
  const repo = join(root, 'v2', 'ns', 'app')
  mkdirSync(join(repo, 'blobs'), { recursive: true })
  mkdirSync(join(repo, 'manifests'))
  const config = Buffer.from('{"os":"linux"}')
  const layer = sha256(Buffer.from('big layer'))
  const big = 64 * 1024 ** 3
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: config.length,
        digest: sha256(config)
      },
      layers: [
        { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: big, digest: layer }
      ]
    })
  )
  const digest = sha256(manifest)
  writeFileSync(join(repo, 'blobs', sha256(config)), config)
  writeFileSync(join(repo, 'blobs', layer), '')
  truncateSync(join(repo, 'blobs', layer), big)
  writeFileSync(join(repo, 'blobs', digest), manifest)
  writeFileSync(join(repo, 'manifests', digest), manifest)
  symlinkSync(digest, join(repo, 'manifests', 'v1'))

  const verify = makeVerifier({
    inputs: { dir: root, verify: 'digest', insecure: true },
    cwd: root
  })
  const started = Date.now()
  const r = await job('file://ns/app:v1', new SpellingEngine((p) => p, digest), verify, {
    timeoutMs: 500
  })
  // Hashing 64 GiB takes a minute or more; attempt-timeout must end it.
  expect(Date.now() - started).toBeLessThan(5_000)
  expect(r.triage.verdicts[0]).toMatchObject({ status: 'failed', classes: ['unverified'] })
  expect(r.triage.verdicts[0].reasons[0]).toContain('verification exceeded attempt-timeout')
  expect(r.unprovenIds).toEqual([])
}, 30_000)
