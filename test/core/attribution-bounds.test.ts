// What attribution keeps of a log is bounded by the mapping, not the log: with small bounds
// injected, the verdicts stay those of the unbounded lists, and what is dropped is counted.
import { describe, expect, it } from 'vitest'
import { Attributor, type AttributionBounds } from '../../src/core/attribute.js'
import { LogParser } from '../../src/core/log-parser.js'
import { parseMappingText } from '../../src/core/mapping.js'
import { buildReport, reportJsonChunks, reportSummary } from '../../src/core/report.js'
import type { LogEvent, MappingSet, Triage } from '../../src/core/types.js'
import { combinedLog, listCases, readCase, splitLines } from '../support/transcripts.js'

const TINY: AttributionBounds = {
  runLevel: 1,
  runLevelChars: 10,
  attempts: 2,
  failuresPerEntry: 1,
  successMemo: 1
}

function triage(set: MappingSet, lines: readonly string[], bounds?: Partial<AttributionBounds>) {
  const parser = new LogParser()
  const a = new Attributor(set, undefined, bounds)
  for (const line of lines) for (const e of parser.push(line)) a.onEvent(e)
  for (const e of parser.end()) a.onEvent(e)
  return a.finish()
}

/** The verdict without its evidence list (which the failure bound may shorten). */
const judged = (t: Triage) =>
  t.verdicts.map(({ evidence, ...v }) => ({ ...v, firstEvidence: evidence[0] }))

const cases = listCases()
  .map((c) => readCase(c.version, c.name))
  .filter((c) => c.hasMapping)

describe('bounded attribution on every transcript', () => {
  it.each(cases.map((c) => [`${c.version}/${c.name}`, c] as const))(
    '%s: tiny bounds, same verdicts (three runs concatenated)',
    (_name, c) => {
      const set = parseMappingText(c.mapping, 'mapping.txt')
      const log = splitLines(combinedLog(c, 1) + combinedLog(c, 2) + combinedLog(c, 3))
      const full = triage(set, log)
      const small = triage(set, log, TINY)
      expect(judged(small)).toEqual(judged(full))
      // Run-level findings: the same lines, counted rather than listed.
      const total = (t: Triage) => t.runLevel.reduce((n, f) => n + (f.count ?? 1), 0)
      expect(total(small)).toBe(total(full))
      // Attempt records: as many attempts, the first ones and the latest kept whole.
      const count = (t: Triage) => t.attempts.length + (t.attemptsOmitted?.count ?? 0)
      expect(count(small)).toBe(count(full))
      expect(small.attempts.at(-1)).toEqual(full.attempts.at(-1))
      expect(small.attempts.length).toBeLessThanOrEqual(3)
    }
  )
})

const MAPPING = [
  'src.example.com/ns/alpha:v1=file://ns/alpha:v1',
  'src.example.com/ns/beta:v1=dst.example.com/ns/beta:v1'
].join('\n')
const set = parseMappingText(MAPPING, 'mapping.txt')
const DIGEST = `sha256:${'a'.repeat(64)}`
const LAYER_429 = (dst: string) =>
  `error: unable to open source layer ${DIGEST} to copy to ${dst}: toomanyrequests: too many requests`

describe('one attempt, the same error many times', () => {
  const log = [
    ...Array.from({ length: 5000 }, () => LAYER_429('file://ns/alpha')),
    ...Array.from({ length: 5000 }, () => LAYER_429('dst.example.com/ns/beta')),
    'error: one or more errors occurred'
  ]

  it('keeps the first failures per entry and the classes of all', () => {
    const full = triage(set, log)
    const small = triage(set, log, { failuresPerEntry: 3 })
    expect(judged(small)).toEqual(judged(full))
    expect(full.verdicts[0]?.evidence).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(small.verdicts[0]?.evidence).toEqual([1, 2, 3])
    // beta's failures wait for the attempt's end (a registry push would prove the blobs).
    expect(small.verdicts[1]).toMatchObject({ status: 'failed', classes: ['rate-limit'] })
    expect(small.verdicts[1]?.evidence).toEqual([5001, 5002, 5003])
  })

  it('still adds a class or a reason met after the bound', () => {
    const mixed = [
      ...Array.from({ length: 50 }, () => LAYER_429('file://ns/alpha')),
      `error: unable to open source layer ${DIGEST} to copy to file://ns/alpha: unauthorized: authentication required`
    ]
    const v = triage(set, mixed, { failuresPerEntry: 2 }).verdicts[0]
    expect(v?.classes).toEqual(['rate-limit', 'auth'])
    expect(v?.evidence).toEqual([1, 2, 51])
  })
})

describe('success lines of one entry, many times in one attempt', () => {
  it('keeps up to 20 as evidence', () => {
    const log = Array.from({ length: 1000 }, () => `${DIGEST} file://ns/alpha:v1`)
    const v = triage(set, log).verdicts[0]
    expect(v?.status).toBe('mirrored')
    expect(v?.evidence).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })
})

describe('many attempts', () => {
  const run = (n: number) => [
    `==== mirror-guard attempt ${n} ====`,
    'info: Planning completed in 10ms',
    `${DIGEST} file://ns/alpha:v1`,
    ...(n % 2 ? [LAYER_429('dst.example.com/ns/beta')] : []),
    'error: one or more errors occurred'
  ]
  const log = Array.from({ length: 10 }, (_, i) => run(i + 1)).flat()

  it('keeps the first records and the latest, and sums those between', () => {
    const t = triage(set, log, { attempts: 3 })
    expect(t.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 10])
    expect(t.attemptsOmitted).toEqual({
      count: 6,
      firstAttempt: 4,
      lastAttempt: 9,
      // attempts 5, 7, 9 print the layer error; each run's final error counts too
      errors: 6 + 3,
      warnings: 0,
      successLines: 6,
      logLines: 3 * 5 + 3 * 4
    })
    expect(judged(t)).toEqual(judged(triage(set, log)))
    const summary = reportSummary(set, t)
    expect(summary.stats.attempts).toBe(10)
    expect(summary.attemptsOmitted?.count).toBe(6)
  })

  it('lists every record when within the bound', () => {
    const t = triage(set, log)
    expect(t.attempts).toHaveLength(10)
    expect(t.attemptsOmitted).toBeUndefined()
  })
})

describe('run-level findings', () => {
  const unattributed = (i: number) => `error: something odd happened ${i}`

  it('keeps the first ones whole and counts the rest per severity and class', () => {
    const log = [...Array.from({ length: 10 }, (_, i) => unattributed(i)), 'warning: hmm']
    const t = triage(set, log, { runLevel: 4 })
    expect(t.runLevel.slice(0, 4).map((f) => f.text)).toEqual(
      [0, 1, 2, 3].map((i) => `something odd happened ${i}`)
    )
    const more = t.runLevel.slice(4)
    expect(more.map((f) => [f.severity, f.class, f.count])).toEqual([
      ['error', 'unknown', 6],
      ['warning', 'unknown', 1]
    ])
    expect(reportSummary(set, t).stats.runLevelErrors).toBe(10)
  })

  it('keeps texts whole within a character budget, the first one always', () => {
    const huge = 'x'.repeat(5000)
    const log = [`error: ${huge}`, `error: ${huge}`, 'error: short']
    const t = triage(set, log, { runLevelChars: 4000 })
    expect(t.runLevel[0]?.text).toBe(huge)
    expect(t.runLevel.slice(1).map((f) => f.count)).toEqual([2])
    expect(t.runLevel[1]?.text).toBe(huge)
  })
})

describe('streamed JSON report', () => {
  const check = (s: MappingSet, t: Triage) => {
    const streamed = [...reportJsonChunks(s, t)].join('')
    expect(streamed).toBe(JSON.stringify(buildReport(s, t), null, 2) + '\n')
    expect(JSON.parse(streamed)).toEqual(JSON.parse(JSON.stringify(buildReport(s, t))))
  }

  it.each(cases.map((c) => [`${c.version}/${c.name}`, c] as const))(
    '%s: the same text as JSON.stringify of the whole report',
    (_name, c) => {
      const s = parseMappingText(c.mapping, 'mapping.txt')
      check(s, triage(s, splitLines(combinedLog(c, 5))))
    }
  )

  it('with omitted attempts, a mapping of many lines, and an empty one', () => {
    const lines = Array.from(
      { length: 3000 },
      (_, i) => `a.example.com/x/i${i}:v1=file://m/i${i}:v1`
    )
    const big = parseMappingText(lines.join('\n'), 'big.txt')
    const log: string[] = []
    for (let n = 1; n <= 5; n++) {
      log.push(`==== mirror-guard attempt ${n} ====`, `${DIGEST} file://m/i${n}:v1`)
    }
    const t = triage(big, log, { attempts: 1 })
    expect(t.attemptsOmitted?.count).toBe(3)
    check(big, t)
    const empty = parseMappingText('# nothing\n', 'empty.txt')
    check(empty, triage(empty, []))
  })
})

describe('untagged success lines', () => {
  it('confirm a digest-only entry; elsewhere they are not kept', () => {
    const s = parseMappingText(
      [
        `src.example.com/ns/gamma@${DIGEST}=file://ns/gamma`,
        'src.example.com/ns/alpha:v1=file://ns/alpha:v1'
      ].join('\n'),
      'm.txt'
    )
    const other = `sha256:${'b'.repeat(64)}`
    const log: LogEvent[] = [
      { kind: 'attempt-start', attempt: 1, logLine: 1 },
      { kind: 'success', digest: other, destination: 'file://ns/alpha', logLine: 2 },
      { kind: 'success', digest: other, destination: 'file://ns/gamma', logLine: 3 },
      { kind: 'success', digest: DIGEST, destination: 'file://ns/gamma', logLine: 4 }
    ]
    const a = new Attributor(s)
    for (const e of log) a.onEvent(e)
    const [gamma, alpha] = a.finish().verdicts
    expect(gamma).toMatchObject({ status: 'mirrored', evidence: [4] })
    expect(alpha?.status).toBe('failed')
  })
})

describe('tagged success lines of one destination repository', () => {
  // Twelve tags in one repository (the memo goes from one tag to a short list to a Map), two
  // spellings of one destination (one line confirms both) and a tag-less source (confirmed
  // by the tags oc expands it to).
  const tags = Array.from({ length: 12 }, (_, i) => `v${i}`)
  const s = parseMappingText(
    [
      ...tags.map((t) => `src.example.com/ns/rel:${t}=dst.example.com/ns/rel:${t}`),
      'src.example.com/ns/a:v1=Dst.example.com/ns/a:v1',
      'src.example.com/ns/b:v1=dst.example.com/ns/a:v1',
      'src.example.com/ns/exp=dst.example.com/ns/exp'
    ].join('\n'),
    'm.txt'
  )
  const refs = [
    ...tags.map((t) => `dst.example.com/ns/rel:${t}`),
    'dst.example.com/ns/a:v1',
    'dst.example.com/ns/exp:x1',
    'dst.example.com/ns/exp:x2'
  ]
  const run = (n: number, order: readonly string[]) => [
    `==== mirror-guard attempt ${n} ====`,
    ...order.map((r) => `${DIGEST} ${r}`)
  ]
  const log = [...run(1, refs), ...run(2, [...refs].reverse())]
  const lineOf = (ref: string) => log.lastIndexOf(`${DIGEST} ${ref}`) + 1

  it('each confirms its own entries, in every attempt, with or without the memo', () => {
    const t = triage(s, log)
    expect(t.verdicts.map((v) => [v.status, v.evidence])).toEqual([
      ...tags.map((tag) => ['mirrored', [lineOf(`dst.example.com/ns/rel:${tag}`)]]),
      ['mirrored', [lineOf('dst.example.com/ns/a:v1')]],
      ['mirrored', [lineOf('dst.example.com/ns/a:v1')]],
      ['mirrored', [lineOf('dst.example.com/ns/exp:x2'), lineOf('dst.example.com/ns/exp:x1')]]
    ])
    expect(triage(s, log, { successMemo: 1 })).toEqual(t)
  })
})
