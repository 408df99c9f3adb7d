// Progress lines from real oc output (transcripts of oc 4.13 and 4.14): lines pushed, errors by
// class, bytes planned / copied / started, the ETA; and the formatter's wording.
import { describe, expect, it } from 'vitest'
import { bytesSize, parseBytesSize } from '../../src/core/go-units.js'
import { LogParser } from '../../src/core/log-parser.js'
import { parseMappingText } from '../../src/core/mapping.js'
import {
  estimateRemainingMs,
  formatProgress,
  ProgressTracker,
  type ProgressSnapshot
} from '../../src/core/progress.js'
import { readCase, splitLines } from '../support/transcripts.js'

/** Feeds a transcript (stderr, then stdout) through the parser into a tracker. */
function track(version: string, name: string): ProgressTracker {
  const c = readCase(version, name)
  const set = parseMappingText(c.mapping, 'mapping.txt')
  const tracker = new ProgressTracker(set.entries)
  const parser = new LogParser()
  for (const line of [...splitLines(c.stderr), ...splitLines(c.stdout)]) {
    for (const e of parser.push(line)) tracker.onEvent(e)
  }
  for (const e of parser.end()) tracker.onEvent(e)
  return tracker
}

const KiB = 1024

describe('byte sizes as oc prints them', () => {
  it.each([
    ['237B', 237],
    ['6.025KiB', Math.round(6.025 * KiB)],
    ['390.9KiB', Math.round(390.9 * KiB)],
    ['1.5GiB', 1.5 * KiB ** 3]
  ])('%s', (text, n) => expect(parseBytesSize(text)).toBe(n))
  it('rejects decimal and odd units', () => {
    expect(parseBytesSize('45.73kB')).toBeUndefined()
    expect(parseBytesSize('12 KiB')).toBeUndefined()
  })
  it('round-trips units.BytesSize', () => {
    for (const n of [0, 163, 1149, 48_193, 5_000_000, 7e9]) {
      const back = parseBytesSize(bytesSize(n)) ?? -1
      expect(Math.abs(back - n) / Math.max(1, n)).toBeLessThan(0.001)
    }
  })
})

describe('ProgressTracker on real oc output', () => {
  it('oc 4.13, registry destination, a 429 on one layer: beta pushed and copied, alpha not', () => {
    const s = track('4.13', '429-json-blob-reg').snapshot()
    expect(s.pushed).toBe(1)
    expect(s.planned).toBe(true)
    // The 429 is the cause; the refused manifest push its consequence.
    expect(s.errorsByClass).toEqual({ 'rate-limit': 1, dependency: 1 })
    const repo = 237 + Math.round(6.023 * KiB) + Math.round(47.06 * KiB)
    const alpha = 237 + Math.round(6.025 * KiB) + Math.round(47.06 * KiB)
    expect(s.bytes).toEqual({
      planned: alpha + repo,
      copied: repo,
      started: Math.round(47.06 * KiB)
    })
  })

  it('oc 4.14, file:// destination: a success line after a blob error does not count as copied', () => {
    const s = track('4.14', '429-json-blob-file').snapshot()
    // oc printed both success lines; the layer of alpha never arrived (the error names its repo).
    expect(s.pushed).toBe(2)
    expect(s.errorsByClass).toEqual({ 'rate-limit': 1 })
    expect(s.bytes?.copied).toBe(237 + Math.round(6.023 * KiB) + Math.round(47.06 * KiB))
  })

  it('before the plan is printed nothing is known, and no bytes are claimed', () => {
    const set = parseMappingText('a.io/x:v1 b.io/x:v1\n', 'm.txt')
    const s = new ProgressTracker(set.entries).snapshot()
    expect(s).toEqual({ pushed: 0, errorsByClass: {}, planned: false })
  })
})

const base: ProgressSnapshot = {
  attempt: 1,
  maxAttempts: 3,
  elapsedMs: 250_000,
  chunkElapsedMs: 250_000,
  totalLines: 400,
  confirmedBefore: 0,
  attemptLines: 400,
  pushed: 100,
  errorsByClass: { network: 1, 'rate-limit': 2 },
  planning: false
}

describe('formatProgress', () => {
  it('lines, errors by class (most first), bytes with the rate, an ETA from the line rate', () => {
    expect(
      formatProgress({
        ...base,
        bytes: { planned: 4 * KiB ** 3, copied: KiB ** 3, started: 2 * KiB ** 3 }
      })
    ).toBe(
      'Progress: attempt 1 of 3, 4m10s: 100 of 400 lines done (100 of 400 pushed in this attempt, verified after it); errors: rate-limit 2, network 1; 1GiB of 4GiB copied (4.096MiB/s), 2GiB started; ETA 12m30s'
    )
  })

  it('a retry in chunks: lines confirmed earlier count as done; skopeo prints no bytes', () => {
    expect(
      formatProgress({
        ...base,
        attempt: 2,
        chunk: { index: 2, count: 5 },
        confirmedBefore: 300,
        attemptLines: 100,
        pushed: 0,
        errorsByClass: {},
        elapsedMs: 30_000,
        chunkElapsedMs: 5_000
      })
    ).toBe(
      'Progress: attempt 2 of 3, chunk 2 of 5, 30s: 300 of 400 lines done (0 of 100 pushed in this attempt, verified after it); errors: none; ETA unknown'
    )
  })

  it('with a time budget: when the engine will be stopped', () => {
    expect(formatProgress({ ...base, budgetLeftMs: 95_000 })).toMatch(
      /; ETA 12m30s; time budget: engine stops in 1m35s$/
    )
  })

  it('oc still planning says so', () => {
    expect(formatProgress({ ...base, pushed: 0, errorsByClass: {}, planning: true })).toContain(
      '; errors: none; planning; ETA unknown'
    )
  })

  it('ETA: from bytes before the first line, 0 when every line is pushed', () => {
    const bytes = { planned: 1000, copied: 250, started: 500 }
    expect(estimateRemainingMs({ ...base, pushed: 0, bytes, chunkElapsedMs: 10_000 })).toBe(30_000)
    expect(estimateRemainingMs({ ...base, pushed: 400 })).toBe(0)
    expect(estimateRemainingMs({ ...base, pushed: 0 })).toBeUndefined()
  })
})
