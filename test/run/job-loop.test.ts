// runJob's loop against a stand-in engine: attempt 1 (nothing to run, stale files of a
// carried-over tree), a retry of just the failed line with its generated mapping, a timed-out
// attempt, a start failure, a cancel during the retry's delay, and a registry line that the
// final verification finds incomplete and that gets one more attempt.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import type { RetryPolicy } from '../../src/core/retry-plan.js'
import { AttemptLog } from '../../src/run/attempt-log.js'
import { firstAttempt, runJob, type JobOptions, type JobResult } from '../../src/run/job.js'
import type { VerifyResult } from '../../src/verify/types.js'
import {
  digest,
  FakeEngine,
  rateLimitLine,
  successLine,
  type ScriptedAttempt
} from '../support/fake-engine.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const POLICY: RetryPolicy = {
  maxAttempts: 3,
  retryOn: ['rate-limit', 'network', 'incomplete', 'unconfirmed'],
  retryDelaySeconds: 0,
  maxRetryDelaySeconds: 0,
  retryMaxPerRegistry: 1,
  forceOnRetry: 'auto'
}

const REG = parseMappingText(
  'src.example/ns/a:v1=127.0.0.1:5000/ns/a:v1\nsrc.example/ns/b:v1=127.0.0.1:5000/ns/b:v1\n',
  'mapping.txt'
)

function options(
  engine: FakeEngine,
  extra: Partial<JobOptions> = {}
): JobOptions & { log: AttemptLog } {
  const dir = mkdtempSync(join(tmpdir(), 'mg-job-loop-'))
  dirs.push(dir)
  return {
    engine,
    set: REG,
    scope: REG.entries,
    firstMappingFile: 'mapping.txt',
    workDir: dir,
    log: new AttemptLog(dir),
    policy: POLICY,
    ...extra
  }
}

async function job(opts: JobOptions & { log: AttemptLog }): Promise<JobResult> {
  try {
    return await runJob(opts)
  } finally {
    opts.log.close()
  }
}

const [A, B] = REG.entries
const allMirrored = (req: { entries: readonly (typeof A)[] }): ScriptedAttempt => ({
  lines: req.entries.map((e) => successLine(e))
})

describe('runJob: the attempt loop', () => {
  it('runs nothing for an empty scope', async () => {
    const engine = new FakeEngine(allMirrored)
    const r = await job(options(engine, { scope: [] }))
    expect(engine.requests).toEqual([])
    expect(r.attempts).toEqual([])
    expect(r.triage.verdicts).toEqual([])
  })

  it('retries only the rate-limited line, with its own mapping and --max-per-registry 1', async () => {
    const engine = new FakeEngine((req) =>
      req.attempt === 1
        ? { lines: [rateLimitLine(A), successLine(B)], end: { exitCode: 1 } }
        : allMirrored(req)
    )
    const progress: number[] = []
    const opts = options(engine, { onProgress: (p) => progress.push(p.attempts.length) })
    const r = await job(opts)

    expect(engine.requests.map((q) => q.entries.map((e) => e.id))).toEqual([[0, 1], [0]])
    expect(engine.requests[1].maxPerRegistry).toBe(1)
    const retryMapping = readFileSync(engine.requests[1].mappingFile, 'utf8')
    expect(retryMapping).toContain('# mapping.txt:1 rate-limit: ')
    expect(retryMapping).toContain('src.example/ns/a:v1=127.0.0.1:5000/ns/a:v1')
    expect(retryMapping).not.toContain('ns/b')
    expect(r.triage.verdicts.map((v) => [v.status, v.recoveredAfter])).toEqual([
      ['mirrored', 1],
      ['mirrored', undefined]
    ])
    expect(r.lastFailure.get(0)?.classes).toEqual(['rate-limit'])
    expect(r.attempts.map((a) => [a.attempt, a.mirrored, a.failed])).toEqual([
      [1, 1, 1],
      [2, 1, 0]
    ])
    expect(r.ranIds).toEqual([0, 1])
    expect(progress).toEqual([1, 2])
  })

  it('a timed-out attempt fails its unconfirmed lines as network, and they are retried', async () => {
    const engine = new FakeEngine((req) =>
      req.attempt === 1
        ? { lines: [successLine(A)], end: { exitCode: null, timedOut: true } }
        : allMirrored(req)
    )
    const r = await job(options(engine, { timeoutMs: 90_000 }))
    expect(engine.requests.map((q) => q.entries.map((e) => e.id))).toEqual([[0, 1], [1]])
    expect(r.lastFailure.get(1)).toMatchObject({
      classes: ['network'],
      reasons: [
        'attempt 1 exceeded attempt-timeout (90s) and was stopped before oc confirmed this line'
      ]
    })
    expect(r.triage.verdicts[1]).toMatchObject({ status: 'mirrored', recoveredAfter: 1 })
  })

  it('an engine that cannot start ends the run: fatal, lines not run', async () => {
    const engine = new FakeEngine(() => ({ lines: [], startFailure: 'spawn oc ENOENT' }))
    const r = await job(options(engine))
    expect(r.fatal).toBe('spawn oc ENOENT')
    expect(r.attempts).toEqual([])
    expect(r.triage.verdicts.map((v) => v.reasons)).toEqual([
      ['not run: the run stopped before this line was attempted'],
      ['not run: the run stopped before this line was attempted']
    ])
  })

  it('a cancel during the delay before a retry stops the loop', async () => {
    const stop = new AbortController()
    const engine = new FakeEngine((req) =>
      req.attempt === 1 ? { lines: [rateLimitLine(A), successLine(B)] } : allMirrored(req)
    )
    const delays: number[] = []
    const r = await job(
      options(engine, {
        policy: { ...POLICY, retryDelaySeconds: 5, maxRetryDelaySeconds: 5 },
        random: () => 0.5,
        signal: stop.signal,
        sleep: (ms) => {
          delays.push(ms)
          stop.abort(new Error('received SIGTERM'))
          return Promise.resolve()
        }
      })
    )
    expect(delays).toHaveLength(1)
    expect(engine.requests).toHaveLength(1)
    expect(r.aborted).toBe(true)
    expect(r.triage.verdicts[0]).toMatchObject({ status: 'failed', classes: ['rate-limit'] })
  })

  it('final verification of a registry line found incomplete plans one more attempt', async () => {
    const engine = new FakeEngine(allMirrored)
    let passes = 0
    const verify: JobOptions['verify'] = (entries, when) => {
      passes++
      expect(when).toBe('final')
      return Promise.resolve(
        entries.map((e): VerifyResult =>
          passes === 1 && e.id === 0
            ? {
                entryId: e.id,
                complete: false,
                problems: [{ kind: 'missing-blob', digest: digest('c'), message: 'blob missing' }]
              }
            : { entryId: e.id, complete: true, problems: [] }
        )
      )
    }
    const r = await job(options(engine, { verify }))
    expect(engine.requests.map((q) => q.entries.map((e) => e.id))).toEqual([[0, 1], [0]])
    expect(r.attempts.map((a) => a.verified)).toEqual([
      { checked: 2, incomplete: 1 },
      { checked: 1, incomplete: 0 }
    ])
    expect(r.triage.verdicts.map((v) => v.status)).toEqual(['mirrored', 'mirrored'])
    expect(r.lastFailure.get(0)?.reasons[0]).toBe(
      'oc reported it mirrored, but the mirror is incomplete: blob missing'
    )
    expect(r.unprovenIds).toEqual([])
  })
})

describe('firstAttempt', () => {
  const FILES = parseMappingText('quay.io/ns/a:v1=file://ns/a:v1\n', 'mapping.txt')

  it('removes the stale manifests a carried-over tree holds (oc ≤ 4.13, force-on-retry auto)', async () => {
    const engine = new FakeEngine(allMirrored)
    const opts = options(engine, {
      set: FILES,
      scope: FILES.entries,
      tool: { engine: 'oc', ocVersion: { major: 4, minor: 13, patch: 0, raw: 'v4.13.0' } },
      inspectFiles: (entries) =>
        Promise.resolve(
          entries.map((e) => ({
            entryId: e.id,
            complete: false,
            problems: [{ kind: 'missing-blob' as const, message: 'layer missing' }],
            tree: {
              repoPath: 'v2/ns/a',
              tags: [{ name: 'v1', digest: digest('a') }],
              manifests: [
                {
                  digest: digest('a'),
                  file: digest('a'),
                  kind: 'image' as const,
                  missingBlobs: [digest('b')],
                  corruptBlobs: [],
                  missingChildren: [],
                  corrupt: false
                }
              ]
            }
          }))
        )
    })
    const first = await firstAttempt(opts)
    opts.log.close()
    expect(first).toMatchObject({ attempt: 1, entryIds: [0], force: false, delayMs: 0 })
    expect(first?.repairs.map((x) => x.method)).toEqual(['remove-stale'])
    expect(first?.repairs[0]).toMatchObject({ entryId: 0 })
  })

  it('reads no tree with oc 4.14 (it replans the layers itself)', async () => {
    let read = 0
    const opts = options(new FakeEngine(allMirrored), {
      set: FILES,
      scope: FILES.entries,
      tool: { engine: 'oc', ocVersion: { major: 4, minor: 14, patch: 0, raw: 'v4.14.0' } },
      inspectFiles: () => {
        read++
        return Promise.resolve([])
      }
    })
    const first = await firstAttempt(opts)
    opts.log.close()
    expect(first?.repairs).toEqual([])
    expect(read).toBe(0)
  })
})
