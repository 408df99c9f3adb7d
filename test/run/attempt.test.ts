// The steps of one attempt on their own: the generated mapping of a retry, the engine's output
// streamed into the combined log with evidence pointing into it, the success lines' digests
// remembered for verification, and a start failure.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import type { NextAttempt } from '../../src/core/retry-plan.js'
import { AttemptLog } from '../../src/run/attempt-log.js'
import { runAttempt, runEngine, writeAttemptMapping } from '../../src/run/attempt.js'
import { newJobState, pushKey } from '../../src/run/job-state.js'
import type { JobOptions } from '../../src/run/job-types.js'
import { digest, FakeEngine, rateLimitLine, successLine } from '../support/fake-engine.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const SET = parseMappingText(
  '# two lines\nsrc.example/ns/a:v1=127.0.0.1:5000/ns/a:v1\nsrc.example/ns/b:v1=127.0.0.1:5000/ns/b:v1\n',
  'mapping.txt'
)
const [A, B] = SET.entries

const plan = (attempt: number, entryIds: number[]): NextAttempt => ({
  attempt,
  entryIds,
  force: false,
  repairs: [],
  delayMs: 0,
  permanentIds: []
})

function options(engine: FakeEngine): JobOptions & { log: AttemptLog } {
  const dir = mkdtempSync(join(tmpdir(), 'mg-attempt-'))
  dirs.push(dir)
  return {
    engine,
    set: SET,
    scope: SET.entries,
    firstMappingFile: 'mapping.txt',
    workDir: dir,
    log: new AttemptLog(dir),
    policy: {
      maxAttempts: 2,
      retryOn: ['rate-limit'],
      retryDelaySeconds: 0,
      maxRetryDelaySeconds: 0,
      retryMaxPerRegistry: 1,
      forceOnRetry: 'auto'
    },
    redact: (t) => t.replaceAll('secret', '***')
  }
}

describe('one attempt', () => {
  it('attempt 1 runs the user mapping; a retry a generated one of its lines, with their origin', () => {
    const opts = options(new FakeEngine(() => ({ lines: [] })))
    const state = newJobState(opts)
    expect(writeAttemptMapping(opts, state, plan(1, [0, 1]))).toBe('mapping.txt')
    state.ledger.record(
      [
        {
          entryId: 1,
          status: 'failed',
          classes: ['rate-limit'],
          reasons: ['HTTP 429'],
          evidence: [],
          retryable: true
        }
      ],
      1
    )
    const file = writeAttemptMapping(opts, state, plan(2, [1]))
    expect(file).toBe(join(opts.workDir, 'retry-mapping-attempt-2.txt'))
    const text = readFileSync(file, 'utf8')
    expect(text).toContain(
      '# mapping.txt:3 rate-limit: HTTP 429\nsrc.example/ns/b:v1=127.0.0.1:5000/ns/b:v1\n'
    )
    expect(text).not.toContain('ns/a')
    opts.log.close()
  })

  it('streams the output into the log (redacted), attributes it, and remembers pushed digests', async () => {
    const engine = new FakeEngine(() => ({
      lines: [successLine(A, digest('d')), rateLimitLine(B), ['stderr', 'note: secret token']]
    }))
    const opts = options(engine)
    const pushed = new Map<string, string>()
    opts.log.note('a line before this attempt')
    const run = await runEngine(opts, plan(1, [0, 1]), 'mapping.txt', pushed)
    opts.log.close()
    if ('fatal' in run) throw new Error(run.fatal)
    expect(pushed.get(pushKey(A.destination.printed, 'v1'))).toBe(digest('d'))
    const log = readFileSync(opts.log.combinedPath, 'utf8').split('\n')
    expect(run.logLines).toEqual([2, 6])
    const [a, b] = run.triage.verdicts
    expect(a.status).toBe('mirrored')
    expect(log[a.evidence[0] - 1]).toBe(`${digest('d')} ${A.destination.printed}:v1`)
    expect(b.classes).toEqual(['rate-limit'])
    expect(log[b.evidence[0] - 1]).toContain('toomanyrequests')
    expect(log).toContain('note: *** token')
    expect(readFileSync(run.files.stdout, 'utf8')).toContain(digest('d'))
  })

  it('records the attempt in the state and the ledger; a start failure is fatal', async () => {
    const opts = options(new FakeEngine(() => ({ lines: [successLine(A), rateLimitLine(B)] })))
    const state = newJobState(opts)
    expect(await runAttempt(opts, state, plan(1, [0, 1]))).toBe(true)
    expect(state.records).toHaveLength(1)
    expect(state.records[0]).toMatchObject({ attempt: 1, mirrored: 1, failed: 1, force: false })
    expect(state.rateLimited).toBe(true)
    expect(state.ledger.verdict(1)?.retryable).toBe(true)

    const broken = options(new FakeEngine(() => ({ lines: [], startFailure: 'secret ENOENT' })))
    const bstate = newJobState(broken)
    expect(await runAttempt(broken, bstate, plan(1, [0, 1]))).toBe(false)
    expect(bstate.fatal).toBe('*** ENOENT')
    expect(bstate.records).toEqual([])
    opts.log.close()
    broken.log.close()
  })
})
