// runJob's verdicts after verification, with a stand-in engine that prints success lines and a
// stand-in verifier: the engine's digest must be what the tag resolves to (wrong-image
// otherwise), a destination that cannot be read is unverified (or kept, with a warning, under
// allowUnverified), and a verifier that would wait forever ends with the attempt's time limit.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import type { RetryPolicy } from '../../src/core/retry-plan.js'
import type { AttemptRequest, Engine, OutputSink } from '../../src/engines/engine.js'
import { AttemptLog } from '../../src/run/attempt-log.js'
import { runJob, type JobOptions } from '../../src/run/job.js'
import type { VerifyResult } from '../../src/verify/types.js'

const PUSHED = `sha256:${'a'.repeat(64)}`
const OTHER = `sha256:${'b'.repeat(64)}`
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** Prints oc's success line for every entry of the attempt. */
class SuccessEngine implements Engine {
  readonly name = 'oc' as const
  calls = 0
  version(): Promise<string> {
    return Promise.resolve('Client Version: 4.14.0')
  }
  runAttempt(req: AttemptRequest, sink: OutputSink) {
    this.calls++
    for (const e of req.entries) {
      sink('stdout', `${PUSHED} ${e.destination.printed}:${e.destinationTag ?? ''}`)
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

function job(
  destination: string,
  verify: JobOptions['verify'],
  extra: Partial<JobOptions> = {}
): ReturnType<typeof runJob> {
  const dir = mkdtempSync(join(tmpdir(), 'mg-job-verify-'))
  dirs.push(dir)
  const set = parseMappingText(`src.example/ns/app:v1 ${destination}\n`, 'mapping.txt')
  const log = new AttemptLog(dir)
  return runJob({
    engine: new SuccessEngine(),
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

describe.each(['file://ns/app:v1', '127.0.0.1:5000/ns/app:v1'])('destination %s', (dest) => {
  it('mirrored when the tag resolves to the digest the engine printed', async () => {
    const r = await job(dest, resolvedTo(PUSHED))
    expect(r.triage.verdicts[0]).toMatchObject({ status: 'mirrored' })
    expect(r.unprovenIds).toEqual([])
  })

  it('wrong-image, naming both digests, when it resolves to another', async () => {
    const r = await job(dest, resolvedTo(OTHER))
    const v = r.triage.verdicts[0]
    expect(v).toMatchObject({ status: 'failed', classes: ['wrong-image'], retryable: true })
    expect(v.reasons[0]).toContain(PUSHED)
    expect(v.reasons[0]).toContain(OTHER)
  })

  it('unverified when the destination cannot be read; kept with a warning under allowUnverified', async () => {
    const unreadable: JobOptions['verify'] = (entries) =>
      Promise.resolve(
        entries.map((e) => ({
          entryId: e.id,
          complete: false,
          problems: [{ kind: 'unauthorized' as const, message: 'HTTP 403 on GET by tag' }]
        }))
      )
    const r = await job(dest, unreadable)
    expect(r.triage.verdicts[0]).toMatchObject({ status: 'failed', classes: ['unverified'] })
    expect(r.triage.verdicts[0].reasons[0]).toContain('HTTP 403 on GET by tag')

    const warnings: string[] = []
    const kept = await job(dest, unreadable, {
      allowUnverified: true,
      warn: (m) => warnings.push(m)
    })
    expect(kept.triage.verdicts[0]).toMatchObject({ status: 'mirrored' })
    expect(kept.keptUnverifiedIds).toEqual([0])
    expect(warnings.join('\n')).toMatch(/kept as mirrored without verification.*HTTP 403/)
  })

  it('unverified when the verifier throws', async () => {
    const r = await job(dest, () => Promise.reject(new Error('boom')))
    expect(r.triage.verdicts[0]).toMatchObject({ status: 'failed', classes: ['unverified'] })
    expect(r.triage.verdicts[0].reasons[0]).toContain('boom')
  })
})

it('a verifier that would wait forever is stopped by attempt-timeout: unverified', async () => {
  const waitsForSignal: JobOptions['verify'] = (entries, _when, signal) =>
    new Promise((resolve) =>
      signal.addEventListener('abort', () =>
        resolve(
          entries.map((e) => ({
            entryId: e.id,
            complete: false,
            problems: [{ kind: 'cancelled' as const, message: (signal.reason as Error).message }]
          }))
        )
      )
    )
  const started = Date.now()
  const r = await job('127.0.0.1:5000/ns/app:v1', waitsForSignal, { timeoutMs: 300 })
  expect(Date.now() - started).toBeLessThan(3000)
  expect(r.triage.verdicts[0]).toMatchObject({ status: 'failed', classes: ['unverified'] })
  expect(r.triage.verdicts[0].reasons[0]).toContain('verification exceeded attempt-timeout')
})

it('a stop before verification leaves the line unverified, never confirmed', async () => {
  const stop = new AbortController()
  const r = await job(
    '127.0.0.1:5000/ns/app:v1',
    (entries, _when, signal) => {
      stop.abort(new Error('received SIGTERM'))
      return Promise.resolve(
        entries.map((e) => ({
          entryId: e.id,
          complete: false,
          problems: [{ kind: 'cancelled' as const, message: String(signal.aborted) }]
        }))
      )
    },
    { signal: stop.signal }
  )
  expect(r.aborted).toBe(true)
  expect(r.triage.verdicts[0]).toMatchObject({ status: 'failed', classes: ['unverified'] })
})
