// The time budget's arithmetic: the reserve, when the engine stops, whether an attempt or a
// wait still fits.
import { describe, expect, it } from 'vitest'
import {
  checkStart,
  describeBudget,
  formatSeconds,
  makeTimeBudget,
  minAttemptMs,
  reserveFor,
  stepEnd,
  workEnd,
  workLeftMs
} from '../../src/core/time-budget.js'

describe('reserveFor', () => {
  it.each([
    [20_000, 5_000], // at least 5 s
    [90 * 60_000, 120_000], // 5 % = 4m30s, capped at 2 min
    [5 * 3600_000 + 40 * 60_000, 120_000],
    [1_000_000, 50_000], // 5 %
    [6_000, 3_000] // never more than half the budget
  ])('%d ms → %d ms', (budget, reserve) => expect(reserveFor(budget)).toBe(reserve))
})

describe('a 20 s budget started at t=1000', () => {
  const b = makeTimeBudget(1_000, 20_000)
  it('stops the engine 5 s before the step ends', () => {
    expect(stepEnd(b)).toBe(21_000)
    expect(workEnd(b)).toBe(16_000)
    expect(workLeftMs(b, 10_000)).toBe(6_000)
    expect(workLeftMs(b, 30_000)).toBe(0)
  })
  it('starts an attempt only with enough time left, counting the wait before it', () => {
    expect(checkStart(b, 1_000, 0, 5_000)).toEqual({ go: true, waitMs: 0 })
    expect(checkStart(b, 1_000, 10_000, 5_000)).toEqual({ go: true, waitMs: 10_000 })
    const late = checkStart(b, 12_000, 0, 5_000)
    expect(late.go).toBe(false)
    if (!late.go) {
      expect(late.why).toBe(
        'the time budget (20s) has 4s left before the engine must stop, and it needs at least 5s'
      )
    }
    const wait = checkStart(b, 1_000, 12_000, 5_000)
    expect(wait.go).toBe(false)
    if (!wait.go) expect(wait.why).toContain('waiting 12s and then running it needs 17s')
  })
  it('says so in one sentence', () => {
    expect(describeBudget(b)).toBe(
      'Time budget 20s: the engine is stopped after 15s, keeping 5s for the report, the summary and the artifacts.'
    )
  })
})

describe('minAttemptMs', () => {
  it('twice the longest planning time seen, at least 5 s', () => {
    expect(minAttemptMs([])).toBe(5_000)
    expect(minAttemptMs([0.05, 1.2])).toBe(5_000)
    expect(minAttemptMs([0.4, 6.15])).toBe(12_300)
  })
})

describe('formatSeconds', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [(5 * 3600 + 40 * 60) * 1000, '5h40m'],
    [3_661_400, '1h1m1s']
  ])('%d ms → %s', (ms, text) => expect(formatSeconds(ms)).toBe(text))
})
