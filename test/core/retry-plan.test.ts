import { describe, expect, it } from 'vitest'
import {
  isRetryable,
  planNextAttempt,
  retryDelayMs,
  retryMaxPerRegistry,
  type RetryPolicy
} from '../../src/core/retry-plan.js'
import type {
  FailureClass,
  ImageRef,
  LineVerdict,
  MappingEntry,
  RefKind
} from '../../src/core/types.js'

const ref = (raw: string, kind: RefKind): ImageRef => ({
  raw,
  kind,
  registry: kind === 'registry' ? raw.split('/')[0] : '',
  repository: raw,
  tag: 'v1',
  printed: raw,
  diskPath: ''
})

const entry = (id: number, dst: string, kind: RefKind = 'registry'): MappingEntry => ({
  id,
  file: 'mapping.txt',
  line: id + 1,
  text: `src/${id}:v1=${dst}`,
  source: ref(`quay.io/ns/i${id}`, 'registry'),
  destination: ref(dst, kind),
  destinationTag: 'v1'
})

const ok = (entryId: number): LineVerdict => ({
  entryId,
  status: 'mirrored',
  classes: [],
  reasons: [],
  evidence: [1],
  retryable: false
})
const bad = (entryId: number, ...classes: FailureClass[]): LineVerdict => ({
  entryId,
  status: 'failed',
  classes,
  reasons: ['x'],
  evidence: [2],
  retryable: true
})

const RETRYABLE: FailureClass[] = ['rate-limit', 'server', 'network', 'incomplete', 'unconfirmed']
const policy = (p: Partial<RetryPolicy> = {}): RetryPolicy => ({
  maxAttempts: 3,
  retryOn: RETRYABLE,
  retryDelaySeconds: 10,
  maxRetryDelaySeconds: 60,
  retryMaxPerRegistry: 1,
  forceOnRetry: 'auto',
  ...p
})

const entries = [
  entry(0, 'reg.local/ns/a'),
  entry(1, 'reg.local/ns/b'),
  entry(2, 'file://ns/c', 'file'),
  entry(3, 'reg.local/ns/d')
]

describe('isRetryable', () => {
  it('needs every class of the line in retry-on', () => {
    expect(isRetryable(bad(0, 'rate-limit'), RETRYABLE)).toBe(true)
    expect(isRetryable(bad(0, 'rate-limit', 'auth'), RETRYABLE)).toBe(false)
    expect(isRetryable(bad(0, 'auth'), RETRYABLE)).toBe(false)
    expect(isRetryable(ok(0), RETRYABLE)).toBe(false)
  })
  it('lets dependency follow its cause', () => {
    expect(isRetryable(bad(0, 'dependency', 'server'), RETRYABLE)).toBe(true)
    expect(isRetryable(bad(0, 'dependency', 'not-found'), RETRYABLE)).toBe(false)
    expect(isRetryable({ ...bad(0, 'dependency'), retryable: false }, RETRYABLE)).toBe(false)
    expect(isRetryable({ ...bad(0, 'dependency'), retryable: true }, RETRYABLE)).toBe(true)
  })
})

describe('planNextAttempt', () => {
  it('retries only the failed retryable lines, lowering concurrency after a rate limit', () => {
    const next = planNextAttempt(
      {
        attemptsDone: 1,
        entries,
        verdicts: [bad(0, 'rate-limit'), ok(1), ok(2), bad(3, 'auth')],
        rateLimited: false
      },
      policy({ maxPerRegistry: 6 }),
      () => 0
    )
    expect(next).toEqual({
      attempt: 2,
      entryIds: [0],
      force: false,
      repairs: [
        {
          entryId: 0,
          method: 'plain',
          remove: [],
          why: 'oc checks each blob at a registry destination and sends only the missing ones'
        }
      ],
      maxPerRegistry: 1,
      delayMs: 5000,
      permanentIds: [3]
    })
  })

  it('ends at once when only permanent failures remain', () => {
    const p = { attemptsDone: 1, entries, verdicts: [bad(0, 'auth'), ok(1)], rateLimited: false }
    expect(planNextAttempt(p, policy())).toBeUndefined()
  })

  it('ends when everything is mirrored or attempts are used up', () => {
    expect(
      planNextAttempt({ attemptsDone: 1, entries, verdicts: [ok(0)], rateLimited: false }, policy())
    ).toBeUndefined()
    expect(
      planNextAttempt(
        { attemptsDone: 3, entries, verdicts: [bad(0, 'server')], rateLimited: false },
        policy()
      )
    ).toBeUndefined()
  })

  it('keeps concurrency lowered once a rate limit was seen, even when the new failure is a 5xx', () => {
    const next = planNextAttempt(
      { attemptsDone: 2, entries, verdicts: [bad(1, 'server')], rateLimited: true },
      policy({ maxPerRegistry: 4, retryMaxPerRegistry: 2 })
    )
    expect(next?.maxPerRegistry).toBe(2)
    const calm = planNextAttempt(
      { attemptsDone: 2, entries, verdicts: [bad(1, 'server')], rateLimited: false },
      policy({ maxPerRegistry: 4 })
    )
    expect(calm?.maxPerRegistry).toBe(4)
  })

  it('honours a narrowed retry-on', () => {
    const next = planNextAttempt(
      {
        attemptsDone: 1,
        entries,
        verdicts: [bad(0, 'rate-limit'), bad(1, 'server')],
        rateLimited: false
      },
      policy({ retryOn: ['server'] })
    )
    expect(next?.entryIds).toEqual([1])
    expect(next?.permanentIds).toEqual([0])
  })
})

describe('planNextAttempt: repairs', () => {
  const v413 = { major: 4, minor: 13, patch: 0, raw: 'v4.13.0' }
  it('passes --force only when a line needs it, and says per line how it is repaired', () => {
    const next = planNextAttempt(
      {
        attemptsDone: 1,
        entries,
        verdicts: [bad(0, 'server'), bad(2, 'rate-limit', 'incomplete')],
        rateLimited: false,
        trees: new Map(),
        tool: { engine: 'oc', ocVersion: v413 }
      },
      policy()
    )
    expect(next?.repairs.map((r) => [r.entryId, r.method])).toEqual([
      [0, 'plain'],
      [2, 'force']
    ])
    expect(next?.force).toBe(true)
  })
  it('a registry line alone never gets --force unless the registry kept a partial image', () => {
    const run = (v: LineVerdict) =>
      planNextAttempt({ attemptsDone: 1, entries, verdicts: [v], rateLimited: false }, policy())
    expect(run(bad(0, 'server'))?.force).toBe(false)
    expect(run(bad(0, 'incomplete'))?.force).toBe(true)
    expect(run(bad(0, 'server'))?.repairs[0]?.method).toBe('plain')
  })
})

describe('retryDelayMs', () => {
  const p = { retryDelaySeconds: 10, maxRetryDelaySeconds: 60 }
  it('doubles per retry and is capped', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(p, n, () => 1))).toEqual([
      10_000, 20_000, 40_000, 60_000, 60_000
    ])
  })
  it('jitters between half and the full delay', () => {
    expect(retryDelayMs(p, 2, () => 0)).toBe(10_000)
    expect(retryDelayMs(p, 2, () => 0.5)).toBe(15_000)
    for (let i = 0; i < 50; i++) {
      const d = retryDelayMs(p, 3)
      expect(d).toBeGreaterThanOrEqual(20_000)
      expect(d).toBeLessThanOrEqual(40_000)
    }
  })
  it('is zero when the first delay is zero', () => {
    expect(retryDelayMs({ retryDelaySeconds: 0, maxRetryDelaySeconds: 60 }, 4, () => 1)).toBe(0)
  })
})

describe('retryMaxPerRegistry', () => {
  it('never raises concurrency above the input and never drops below 1', () => {
    expect(retryMaxPerRegistry(policy({ maxPerRegistry: 2, retryMaxPerRegistry: 4 }), true)).toBe(2)
    expect(retryMaxPerRegistry(policy({ retryMaxPerRegistry: 0 }), true)).toBe(1)
    expect(retryMaxPerRegistry(policy({ retryMaxPerRegistry: 3 }), true)).toBe(3)
    expect(retryMaxPerRegistry(policy({}), false)).toBeUndefined()
  })
})
