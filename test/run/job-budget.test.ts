// runJob with a time budget, chunks and progress lines, with a stand-in engine that prints oc's
// success and error lines and, for a `slow` source, waits until it is stopped. The budget is
// placed so that its stop point is a second or two away: real timers, small margins.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import type { RetryPolicy } from '../../src/core/retry-plan.js'
import { makeTimeBudget } from '../../src/core/time-budget.js'
import type { AttemptRequest, Engine, OutputSink } from '../../src/engines/engine.js'
import { AttemptLog } from '../../src/run/attempt-log.js'
import { runJob, type JobOptions } from '../../src/run/job.js'

const PUSHED = `sha256:${'a'.repeat(64)}`
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

interface Call {
  readonly mappingFile: string
  readonly entryIds: number[]
  readonly stoppedAfterMs?: number
}

/**
 * Success for every entry, except: a source named `…/slow` hangs until the signal stops it, a
 * source named `…/limited` gets a JSON 429 on its tag, and `delayMs` passes before the end.
 */
class StandInEngine implements Engine {
  readonly name = 'oc' as const
  readonly calls: Call[] = []
  constructor(private readonly delayMs = 0) {}
  version(): Promise<string> {
    return Promise.resolve('Client Version: 4.14.0')
  }
  async runAttempt(req: AttemptRequest, sink: OutputSink) {
    const started = Date.now()
    const startedAt = new Date().toISOString()
    sink('stderr', 'info: Planning completed in 10ms')
    let slow = false
    for (const e of req.entries) {
      if (e.source.repository.endsWith('/slow')) slow = true
      else if (e.source.repository.endsWith('/limited')) {
        sink(
          'stderr',
          `error: unable to retrieve source image ${e.source.printed} by tag ${e.source.tag ?? ''}: toomanyrequests: too many requests`
        )
      } else sink('stdout', `${PUSHED} ${e.destination.printed}:${e.destinationTag ?? ''}`)
    }
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs))
    let aborted = false
    if (slow) {
      await new Promise<void>((resolve) => {
        if (req.signal?.aborted) return resolve()
        req.signal?.addEventListener('abort', () => resolve(), { once: true })
      })
      aborted = true
    }
    this.calls.push({
      mappingFile: req.mappingFile,
      entryIds: req.entries.map((e) => e.id),
      ...(slow ? { stoppedAfterMs: Date.now() - started } : {})
    })
    return {
      exitCode: aborted ? null : 0,
      ...(aborted ? { signal: 'SIGTERM' } : {}),
      timedOut: false,
      aborted,
      command: ['oc', 'image', 'mirror', '-f', req.mappingFile],
      startedAt,
      endedAt: new Date().toISOString()
    }
  }
}

const policy: RetryPolicy = {
  maxAttempts: 3,
  retryOn: ['rate-limit', 'unconfirmed'],
  retryDelaySeconds: 0,
  maxRetryDelaySeconds: 0,
  retryMaxPerRegistry: 1,
  forceOnRetry: 'auto'
}

function job(lines: string[], extra: Partial<JobOptions> & { engine?: Engine } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mg-job-budget-'))
  dirs.push(dir)
  const set = parseMappingText(lines.join('\n') + '\n', 'mapping.txt')
  const log = new AttemptLog(dir)
  const info: string[] = []
  const progress: string[] = []
  const run = runJob({
    engine: new StandInEngine(),
    set,
    scope: set.entries,
    firstMappingFile: 'mapping.txt',
    workDir: dir,
    log,
    policy,
    info: (m) => info.push(m),
    progress: (m) => progress.push(m),
    ...extra
  }).finally(() => log.close())
  return { run, info, progress, log }
}

/** A 20 s budget whose engine stop point (15 s after its start) is `inMs` from now. */
const budgetStoppingIn = (inMs: number) => makeTimeBudget(Date.now() - 15_000 + inMs, 20_000)

describe('time budget', () => {
  it('stops the engine at the stop point; the unconfirmed line says so; no further attempt', async () => {
    const engine = new StandInEngine()
    const { run, info } = job(
      ['src.io/ns/fast:v1 dst.io/ns/fast:v1', 'src.io/ns/slow:v1 dst.io/ns/slow:v1'],
      {
        engine,
        budget: budgetStoppingIn(5_500)
      }
    )
    const started = Date.now()
    const r = await run
    expect(Date.now() - started).toBeLessThan(8_000)
    expect(engine.calls).toHaveLength(1)
    expect(engine.calls[0].stoppedAfterMs).toBeGreaterThan(5_000)
    expect(r.stoppedBy).toBe('time-budget')
    expect(r.aborted).toBe(false)
    expect(r.attempts).toHaveLength(1)
    expect(r.triage.verdicts.map((v) => v.status)).toEqual(['mirrored', 'failed'])
    expect(r.triage.verdicts[1]).toMatchObject({ classes: ['unconfirmed'], retryable: true })
    expect(r.triage.verdicts[1].reasons[0]).toBe(
      'the time budget (20s) stopped attempt 1 before oc confirmed this line'
    )
    expect(info[0]).toMatch(/^Time budget 20s: the engine is stopped after 15s, keeping 5s/)
    expect(r.budgetNote).toBe(
      'the time budget (20s) stopped oc after 15s, keeping 5s for verification, the report and the artifacts'
    )
  })

  it('a retry that cannot make progress before the stop point does not start', async () => {
    // Attempt 1 takes 1.5 s of the 6 s left; attempt 2 would need 5 s.
    const engine = new StandInEngine(1_500)
    const { run } = job(
      ['src.io/ns/ok:v1 dst.io/ns/ok:v1', 'src.io/ns/limited:v1 dst.io/ns/limited:v1'],
      {
        engine,
        budget: budgetStoppingIn(6_000)
      }
    )
    const r = await run
    expect(engine.calls).toHaveLength(1)
    expect(r.stoppedBy).toBe('time-budget')
    expect(r.budgetNote).toMatch(
      /^attempt 2 \(1 line\) not started: the time budget \(20s\) has [45]s left before the engine must stop, and it needs at least 5s$/
    )
    // The line keeps its own failure: the cause, not the budget.
    expect(r.triage.verdicts[1]).toMatchObject({ status: 'failed', classes: ['rate-limit'] })
  })

  it('a retry delay that would end past the stop point is not waited out', async () => {
    const engine = new StandInEngine()
    let slept = 0
    const { run } = job(['src.io/ns/limited:v1 dst.io/ns/limited:v1'], {
      engine,
      budget: budgetStoppingIn(30_000),
      policy: { ...policy, retryDelaySeconds: 60, maxRetryDelaySeconds: 60 },
      random: () => 0.5,
      sleep: (ms) => {
        slept += ms
        return Promise.resolve()
      }
    })
    const r = await run
    expect(slept).toBe(0)
    expect(engine.calls).toHaveLength(1)
    expect(r.budgetNote).toContain('not started: the time budget (20s) has')
    expect(r.budgetNote).toMatch(/waiting \d+s and then running it needs/)
  })

  it('nothing at all fits: no attempt starts, every line is not run, and says why', async () => {
    const engine = new StandInEngine()
    const { run } = job(['src.io/ns/a:v1 dst.io/ns/a:v1'], {
      engine,
      budget: budgetStoppingIn(1_000)
    })
    const r = await run
    expect(engine.calls).toHaveLength(0)
    expect(r.triage.verdicts[0]).toMatchObject({ status: 'failed', classes: ['unconfirmed'] })
    expect(r.triage.verdicts[0].reasons[0]).toBe(
      'not run: the time budget (20s) ended the run before this line was attempted'
    )
  })
})

describe('chunks', () => {
  const lines = [
    'src.io/ns/a1:v1 dst.io/ns/a:v1',
    'src.io/ns/b1:v1 dst.io/ns/b:v1',
    'src.io/ns/a2:v1 dst.io/ns/a:v2',
    'src.io/ns/c1:v1 dst.io/ns/c:v1'
  ]

  it('runs consecutive invocations of whole repositories; one attempt record with its chunks', async () => {
    const engine = new StandInEngine()
    const { run, log } = job(lines, { engine, chunkSize: 2 })
    const r = await run
    expect(engine.calls.map((c) => c.entryIds)).toEqual([
      [0, 2],
      [1, 3]
    ])
    expect(readFileSync(engine.calls[0].mappingFile, 'utf8')).toBe(
      '# mirror-guard attempt 1, chunk 1 of 2: 2 mapping entries\n# from mapping.txt\n' +
        `${lines[0]}\n${lines[2]}\n`
    )
    expect(r.attempts).toHaveLength(1)
    expect(r.attempts[0].mappingFile).toBe('mapping.txt')
    expect(r.attempts[0].chunks?.map((c) => [c.chunk, c.entryIds, c.exitCode])).toEqual([
      [1, [0, 2], 0],
      [2, [1, 3], 0]
    ])
    expect(r.triage.verdicts.every((v) => v.status === 'mirrored')).toBe(true)
    // Evidence points at the combined log, which holds one attempt header and one chunk header.
    const text = readFileSync(log.combinedPath, 'utf8').split('\n')
    expect(text.filter((l) => l.startsWith('==== mirror-guard attempt'))).toEqual([
      '==== mirror-guard attempt 1 ====',
      '==== mirror-guard attempt 1, chunk 2 of 2 ===='
    ])
    for (const v of r.triage.verdicts) {
      expect(text[(v.evidence[0] ?? 0) - 1]).toMatch(/^sha256:a+ dst\.io\/ns\/[abc]:v[12]$/)
    }
  })

  it('a retry runs its failed lines in chunks too, and the budget keeps a later chunk from starting', async () => {
    const engine = new StandInEngine(1_500)
    const { run, info } = job(lines, {
      engine,
      chunkSize: 2,
      budget: budgetStoppingIn(6_000)
    })
    const r = await run
    // Chunk 1 took 1.5 s: 4.5 s were left, less than the 5 s a chunk needs.
    expect(engine.calls.map((c) => c.entryIds)).toEqual([[0, 2]])
    expect(r.stoppedBy).toBe('time-budget')
    expect(r.attempts[0].chunks).toHaveLength(1)
    expect(r.triage.verdicts.map((v) => v.status)).toEqual([
      'mirrored',
      'failed',
      'mirrored',
      'failed'
    ])
    expect(r.triage.verdicts[1].reasons[0]).toMatch(
      /^not run: attempt 1 stopped before this line's chunk started \(the time budget \(20s\) has \ds left/
    )
    expect(info.some((m) => m.startsWith('Chunk 2 of 2 not started: the time budget'))).toBe(true)
  })
})

describe('chunks and stops', () => {
  const lines = [
    'src.io/ns/slow:v1 dst.io/ns/a:v1',
    'src.io/ns/b1:v1 dst.io/ns/b:v1',
    'src.io/ns/c1:v1 dst.io/ns/c:v1'
  ]

  it('a cancel during chunk 1: the engine stops, no later chunk starts, nothing is lost', async () => {
    const engine = new StandInEngine()
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(new Error('received SIGTERM')), 300)
    const { run } = job(lines, { engine, chunkSize: 1, signal: cancel.signal })
    const r = await run
    expect(engine.calls.map((c) => c.entryIds)).toEqual([[0]])
    expect(r.aborted).toBe(true)
    expect(r.stoppedBy).toBeUndefined()
    expect(r.triage.verdicts.map((v) => [v.status, v.classes])).toEqual([
      ['failed', ['unconfirmed']],
      ['failed', ['unconfirmed']],
      ['failed', ['unconfirmed']]
    ])
    expect(r.triage.verdicts[0].reasons[0]).toBe(
      'attempt 1 was cancelled before oc confirmed this line'
    )
    expect(r.triage.verdicts[1].reasons[0]).toBe(
      "not run: attempt 1 stopped before this line's chunk started"
    )
  })

  it('attempt-timeout bounds all chunks together: later chunks wait for the next attempt', async () => {
    // The stand-in takes 600 ms per invocation and honours no timeout itself: this checks the
    // bookkeeping, an attempt out of time starts no further chunk.
    const engine = new StandInEngine(600)
    const { run } = job(lines.slice(1), {
      engine,
      chunkSize: 1,
      timeoutMs: 500,
      policy: { ...policy, maxAttempts: 2 }
    })
    const r = await run
    // Chunk 1 (600 ms) used up the 500 ms: chunk 2 did not start in attempt 1, and attempt 2
    // ran it.
    expect(engine.calls.map((c) => c.entryIds)).toEqual([[0], [1]])
    expect(r.attempts.map((a) => a.entryIds)).toEqual([[0, 1], [1]])
    expect(r.attempts[0].chunks?.map((c) => c.entryIds)).toEqual([[0]])
    expect(r.triage.verdicts.map((v) => v.status)).toEqual(['mirrored', 'mirrored'])
  })
})

describe('progress lines', () => {
  it('every interval during an attempt: lines, errors by class, ETA', async () => {
    const engine = new StandInEngine(400)
    const { run, progress } = job(
      // The error comes first: oc's reader holds an error until the next line shows it ended.
      ['src.io/ns/limited:v1 dst.io/ns/limited:v1', 'src.io/ns/a:v1 dst.io/ns/a:v1'],
      { engine, progressIntervalMs: 100, policy: { ...policy, maxAttempts: 1 } }
    )
    await run
    expect(progress.length).toBeGreaterThanOrEqual(2)
    expect(progress[0]).toMatch(
      /^Progress: attempt 1 of 1, 0s: 1 of 2 lines done \(1 of 2 pushed in this attempt, verified after it\); errors: rate-limit 1; ETA \d+s$/
    )
  })
})
