// Verification results in the ledger's terms, and one verification pass: which lines are
// checked when, the tree of an incomplete file:// line kept for the repair planner, registry
// lines remembered as checked, and the warning for a line kept by allow-unverified.
import { describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import type { VerifyResult } from '../../src/verify/types.js'
import { destinationCheck, verifyLines, wrongImage } from '../../src/run/attempt-verification.js'
import { newJobState, pushKey } from '../../src/run/job-state.js'
import type { JobOptions } from '../../src/run/job-types.js'
import { AttemptLog } from '../../src/run/attempt-log.js'
import { digest, FakeEngine } from '../support/fake-engine.js'

const SET = parseMappingText(
  'src.example/ns/a:v1=127.0.0.1:5000/ns/a:v1\nsrc.example/ns/b:v1=file://ns/b:v1\n',
  'mapping.txt'
)
const [REG, FILE] = SET.entries

const base = (verify: JobOptions['verify'], extra: Partial<JobOptions> = {}): JobOptions => ({
  engine: new FakeEngine(() => ({ lines: [] })),
  set: SET,
  scope: SET.entries,
  firstMappingFile: 'mapping.txt',
  workDir: '/nonexistent',
  log: undefined as unknown as AttemptLog,
  policy: {
    maxAttempts: 1,
    retryOn: ['incomplete', 'unverified'],
    retryDelaySeconds: 0,
    maxRetryDelaySeconds: 0,
    retryMaxPerRegistry: 1,
    forceOnRetry: 'auto'
  },
  verify,
  ...extra
})

const mirrored = (entryId: number) => ({
  entryId,
  status: 'mirrored' as const,
  classes: [],
  reasons: [],
  evidence: [1],
  retryable: false
})

describe('destinationCheck', () => {
  const state = newJobState(base(undefined))
  state.pushed.set(pushKey(REG.destination.printed, 'v1'), digest('a'))
  const redact = (t: string): string => t.replaceAll('token', '***')

  it('names a tag that resolves to another digest than the engine pushed', () => {
    const r: VerifyResult = {
      entryId: 0,
      complete: true,
      problems: [],
      resolved: [{ tag: 'v1', digest: digest('b') }]
    }
    expect(wrongImage(REG, r, state.pushed)).toContain(`pushed ${digest('a')}`)
    expect(destinationCheck(r, state, redact)).toMatchObject({
      complete: true,
      wrongImage: expect.stringContaining(`resolves to ${digest('b')}`) as unknown
    })
    const same = { ...r, resolved: [{ tag: 'v1', digest: digest('a') }] }
    expect(destinationCheck(same, state, redact).wrongImage).toBeUndefined()
  })

  it('unreadable when every problem means "could not check"; detail of the first, redacted', () => {
    const r: VerifyResult = {
      entryId: 0,
      complete: false,
      problems: [
        { kind: 'unauthorized', message: 'HTTP 401 token' },
        { kind: 'unreachable', message: 'refused' }
      ]
    }
    expect(destinationCheck(r, state, redact)).toEqual({
      entryId: 0,
      complete: false,
      unreadable: true,
      detail: 'HTTP 401 ***',
      nothingWritten: false
    })
  })

  it('incomplete: first problem and how many more; a missing manifest means nothing written', () => {
    const r: VerifyResult = {
      entryId: 1,
      complete: false,
      problems: [
        { kind: 'missing-manifest', message: 'no manifest' },
        { kind: 'unreachable', message: 'x' }
      ]
    }
    expect(destinationCheck(r, state, redact)).toMatchObject({
      unreadable: false,
      detail: 'no manifest (+1 more)',
      nothingWritten: true
    })
  })
})

describe('verifyLines', () => {
  it('final: only lines reported mirrored; remembered as checked; allow-unverified warns', async () => {
    const asked: number[][] = []
    const warnings: string[] = []
    const opts = base(
      (entries) => {
        asked.push(entries.map((e) => e.id))
        return Promise.resolve(
          entries.map((e) => ({
            entryId: e.id,
            complete: false,
            problems: [{ kind: 'unreachable' as const, message: 'connection refused' }]
          }))
        )
      },
      { allowUnverified: true, warn: (m) => warnings.push(m) }
    )
    const state = newJobState(opts)
    state.ledger.record(
      [
        mirrored(0),
        {
          entryId: 1,
          status: 'failed',
          classes: ['auth'],
          reasons: [],
          evidence: [],
          retryable: false
        }
      ],
      1
    )
    const count = await verifyLines(opts, state, [0, 1], 'final', 1)
    expect(asked).toEqual([[0]])
    expect(count).toEqual({ checked: 1, incomplete: 0 })
    expect([...state.verifiedFinal]).toEqual([0])
    expect(warnings).toEqual([
      'mapping.txt:1 127.0.0.1:5000/ns/a:v1: kept as mirrored without verification (allow-unverified): connection refused'
    ])
    expect(state.ledger.keptUnverifiedIds()).toEqual([0])
  })

  it('after an attempt: failed lines too; an incomplete tree goes to the repair planner', async () => {
    const tree = { repoPath: 'v2/ns/b', tags: [], manifests: [] }
    const opts = base((entries) =>
      Promise.resolve(
        entries.map((e) => ({
          entryId: e.id,
          complete: false,
          problems: [{ kind: 'missing-blob' as const, message: 'blob gone' }],
          tree
        }))
      )
    )
    const state = newJobState(opts)
    state.ledger.record([mirrored(1)], 1)
    const count = await verifyLines(opts, state, [1], 'attempt', 1)
    expect(count).toEqual({ checked: 1, incomplete: 1 })
    expect(state.trees.get(1)).toBe(tree)
    expect(state.ledger.verdict(1)).toMatchObject({ classes: ['incomplete'], retryable: true })
    expect(FILE.destination.kind).toBe('file')
  })

  it('checks nothing with verification off', async () => {
    const opts = base(undefined)
    const state = newJobState(opts)
    state.ledger.record([mirrored(0)], 1)
    expect(await verifyLines(opts, state, [0], 'final', 1)).toEqual({ checked: 0, incomplete: 0 })
  })
})
