// The verdict ledger on its own: attempts merged (latest wins, recoveredAfter, the last failure
// kept), retryable decided by retry-on, verification's findings (wrong image, unreadable with
// and without allow-unverified, incomplete, partly written), a stopped attempt, the stop before
// proof, the dry run and what a recovered line is shown with.
import { describe, expect, it } from 'vitest'
import type { FailureClass, LineVerdict } from '../../src/core/types.js'
import {
  dryRunVerdicts,
  failedVerdict,
  finalTriage,
  shownFailure,
  stoppedAttemptVerdicts,
  VerdictLedger,
  type DestinationCheck
} from '../../src/core/verdict-ledger.js'

const RETRY_ON: FailureClass[] = ['rate-limit', 'network', 'incomplete', 'unverified']

const mirrored = (entryId: number, evidence: number[] = [10 + entryId]): LineVerdict => ({
  entryId,
  status: 'mirrored',
  classes: [],
  reasons: [],
  evidence,
  retryable: false
})

const failed = (
  entryId: number,
  classes: FailureClass[],
  reasons: string[] = classes.map((c) => `${c} text`),
  retryable = false
): LineVerdict => ({ entryId, status: 'failed', classes, reasons, evidence: [20], retryable })

const check = (entryId: number, c: Partial<DestinationCheck> = {}): DestinationCheck => ({
  entryId,
  complete: false,
  unreadable: false,
  detail: 'layer missing',
  nothingWritten: false,
  ...c
})

const OPTS = { engineName: 'oc', allowUnverified: false }

describe('VerdictLedger: attempts', () => {
  it('gives a line never run an unconfirmed, retryable verdict, in scope order', () => {
    const ledger = new VerdictLedger([2, 0, 1], RETRY_ON)
    ledger.record([mirrored(0)], 1)
    expect(ledger.verdicts().map((v) => [v.entryId, v.status, v.classes])).toEqual([
      [2, 'failed', ['unconfirmed']],
      [0, 'mirrored', []],
      [1, 'failed', ['unconfirmed']]
    ])
    expect(ledger.verdicts()[0]).toMatchObject({
      retryable: true,
      reasons: ['not run: the run stopped before this line was attempted']
    })
    expect(ledger.ranIds()).toEqual([0])
  })

  it('decides retryable from retry-on, whatever attribution said', () => {
    const ledger = new VerdictLedger([0, 1], RETRY_ON)
    ledger.record([failed(0, ['rate-limit'], undefined, false), failed(1, ['auth'], [], true)], 1)
    expect(ledger.verdict(0)?.retryable).toBe(true)
    expect(ledger.verdict(1)?.retryable).toBe(false)
  })

  it('latest attempt wins; a recovered line says after which attempt and keeps its failure', () => {
    const ledger = new VerdictLedger([0, 1], RETRY_ON)
    ledger.record([failed(0, ['rate-limit']), mirrored(1)], 1)
    ledger.record([mirrored(0)], 2)
    expect(ledger.verdict(0)).toMatchObject({ status: 'mirrored', recoveredAfter: 1 })
    expect(ledger.verdict(1)?.recoveredAfter).toBeUndefined()
    expect(ledger.lastFailure.get(0)).toMatchObject({ classes: ['rate-limit'], retryable: true })
    expect(ledger.runVerdicts().map((v) => v.entryId)).toEqual([0, 1])
  })

  it('a failure recorded in the same attempt as a success is no recovery', () => {
    const ledger = new VerdictLedger([0], RETRY_ON)
    ledger.record([failed(0, ['incomplete'])], 2)
    ledger.record([mirrored(0)], 2)
    expect(ledger.verdict(0)?.recoveredAfter).toBeUndefined()
  })

  it('a timed-out attempt turns unconfirmed lines into network failures; cancel keeps unconfirmed', () => {
    const ledger = new VerdictLedger([0, 1, 2], RETRY_ON)
    const recorded = ledger.recordAttempt(
      [mirrored(0), failed(1, ['unconfirmed']), failed(2, ['rate-limit'])],
      3,
      { kind: 'timed-out', timeoutSeconds: 90 }
    )
    expect(recorded[1]).toMatchObject({
      classes: ['network'],
      reasons: [
        'attempt 3 exceeded attempt-timeout (90s) and was stopped before oc confirmed this line'
      ],
      retryable: true
    })
    expect(recorded[2].classes).toEqual(['rate-limit'])
    const cancelled = stoppedAttemptVerdicts(
      [failed(1, ['unconfirmed'])],
      1,
      { kind: 'cancelled' },
      []
    )
    expect(cancelled[0]).toMatchObject({
      classes: ['unconfirmed'],
      reasons: ['attempt 1 was cancelled before oc confirmed this line'],
      retryable: false
    })
  })
})

describe('VerdictLedger: verification', () => {
  it('proves a complete line; needsProof lines stay unproven until then', () => {
    const ledger = new VerdictLedger([0, 1], RETRY_ON, () => true)
    ledger.record([mirrored(0), mirrored(1)], 1)
    expect(ledger.unprovenIds()).toEqual([0, 1])
    const r = ledger.recordChecks([check(0, { complete: true })], 1, OPTS)
    expect(r).toEqual({ failed: 0, kept: [] })
    expect(ledger.unprovenIds()).toEqual([1])
    ledger.rerun([0])
    expect(ledger.unprovenIds()).toEqual([0, 1])
  })

  it('wrong image beats complete, only for a line reported mirrored', () => {
    const ledger = new VerdictLedger([0, 1], RETRY_ON)
    ledger.record([mirrored(0, [7]), failed(1, ['rate-limit'])], 1)
    const r = ledger.recordChecks(
      [
        check(0, { complete: true, wrongImage: 'pushed A, resolves to B' }),
        check(1, { complete: true, wrongImage: 'x' })
      ],
      1,
      OPTS
    )
    expect(r.failed).toBe(1)
    expect(ledger.verdict(0)).toMatchObject({
      status: 'failed',
      classes: ['wrong-image'],
      reasons: ['pushed A, resolves to B'],
      evidence: [7],
      retryable: false
    })
    expect(ledger.verdict(1)?.classes).toEqual(['rate-limit'])
  })

  it('unreadable: unverified, or kept (and listed) under allow-unverified', () => {
    const ledger = new VerdictLedger([0], RETRY_ON, () => true)
    ledger.record([mirrored(0)], 1)
    ledger.recordChecks([check(0, { unreadable: true, detail: 'HTTP 403' })], 1, {
      engineName: 'skopeo',
      allowUnverified: false
    })
    expect(ledger.verdict(0)).toMatchObject({
      classes: ['unverified'],
      reasons: [
        'skopeo reported it mirrored, but verification could not read the destination: HTTP 403'
      ],
      retryable: true
    })

    const kept = new VerdictLedger([0], RETRY_ON, () => true)
    kept.record([mirrored(0)], 1)
    const r = kept.recordChecks([check(0, { unreadable: true, detail: 'HTTP 403' })], 1, {
      engineName: 'oc',
      allowUnverified: true
    })
    expect(r).toEqual({ failed: 0, kept: [{ entryId: 0, why: 'HTTP 403' }] })
    expect(kept.verdict(0)?.status).toBe('mirrored')
    expect(kept.unprovenIds()).toEqual([])
    expect(kept.keptUnverifiedIds()).toEqual([0])
    kept.record([failed(0, ['rate-limit'])], 2)
    expect(kept.keptUnverifiedIds()).toEqual([])
  })

  it('an unreadable failed line stays as it is', () => {
    const ledger = new VerdictLedger([0], RETRY_ON)
    ledger.record([failed(0, ['rate-limit'])], 1)
    expect(ledger.recordChecks([check(0, { unreadable: true })], 1, OPTS).failed).toBe(0)
    expect(ledger.verdict(0)?.classes).toEqual(['rate-limit'])
  })

  it('incomplete after a success line; partly written adds incomplete to a failed line once', () => {
    const ledger = new VerdictLedger([0, 1, 2], RETRY_ON)
    ledger.record([mirrored(0), failed(1, ['auth']), failed(2, ['rate-limit'])], 1)
    ledger.recordChecks(
      [check(0), check(1, { detail: 'blob x missing' }), check(2, { nothingWritten: true })],
      1,
      OPTS
    )
    expect(ledger.verdict(0)).toMatchObject({
      classes: ['incomplete'],
      reasons: ['oc reported it mirrored, but the mirror is incomplete: layer missing']
    })
    expect(ledger.verdict(1)).toMatchObject({
      classes: ['auth', 'incomplete'],
      reasons: [
        'auth text',
        'partly written (oc ≤ 4.13 trusts the manifest on a plain rerun): blob x missing'
      ],
      retryable: false
    })
    expect(ledger.verdict(2)?.classes).toEqual(['rate-limit'])
    expect(ledger.recordChecks([check(1)], 1, OPTS).failed).toBe(0)
  })

  it('reads every check against the verdicts before the pass', () => {
    const ledger = new VerdictLedger([0], RETRY_ON)
    ledger.record([mirrored(0)], 1)
    const r = ledger.recordChecks([check(0), check(0)], 1, OPTS)
    expect(r.failed).toBe(2)
    expect(ledger.verdict(0)?.classes).toEqual(['incomplete'])
  })

  it('a stop before proof makes unproven lines unverified', () => {
    const ledger = new VerdictLedger([0, 1], RETRY_ON, (id) => id === 0)
    ledger.record([mirrored(0, [3]), mirrored(1)], 1)
    ledger.recordStopBeforeProof('oc', 1)
    expect(ledger.verdict(0)).toMatchObject({
      classes: ['unverified'],
      evidence: [3],
      reasons: ['oc reported it mirrored, but the run stopped before verification could check it']
    })
    expect(ledger.verdict(1)?.status).toBe('mirrored')
  })
})

describe('final verdicts and what is shown', () => {
  const triage = {
    verdicts: [failed(0, ['unconfirmed']), failed(1, ['unconfirmed', 'auth']), mirrored(2)],
    runLevel: [],
    attempts: []
  }

  it('a dry run plans the lines no error names', () => {
    expect(dryRunVerdicts(triage).verdicts[0]).toEqual({
      entryId: 0,
      status: 'mirrored',
      classes: [],
      reasons: ['planned (dry run)'],
      evidence: [20],
      retryable: false
    })
    expect(dryRunVerdicts(triage).verdicts.slice(1)).toEqual(triage.verdicts.slice(1))
    expect(finalTriage(triage, { dryRun: false })).toBe(triage)
    expect(finalTriage(triage, { dryRun: true })).toEqual(dryRunVerdicts(triage))
  })

  it('a recovered line is shown with the failure it recovered from', () => {
    const last = new Map([[0, failed(0, ['rate-limit'], ['HTTP 429'])]])
    expect(shownFailure({ ...mirrored(0), recoveredAfter: 1 }, last)).toEqual({
      classes: ['rate-limit'],
      reasons: ['HTTP 429']
    })
    expect(shownFailure(mirrored(0), last)).toEqual({ classes: [], reasons: [] })
    expect(failedVerdict(4, 'auth', 'no', [], RETRY_ON).retryable).toBe(false)
  })
})
