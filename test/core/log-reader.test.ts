import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { attemptHeader, chunkHeader } from '../../src/core/attempt-header.js'
import { parseGoDuration, parseHumanSize } from '../../src/core/go-units.js'
import { MAX_LINE_BYTES } from '../../src/core/log-lines.js'
import { LogParser } from '../../src/core/log-parser.js'
import { readLog, readSplitLogs } from '../../src/core/log-reader.js'
import { parseSuccessLine } from '../../src/core/success-line.js'
import type { LogEvent } from '../../src/core/types.js'
import { tmpFiles } from '../support/tmp-files.js'
import {
  combinedLog,
  errorWrites,
  listCases,
  readCase,
  splitLines
} from '../support/transcripts.js'

const tmps = tmpFiles('mg-log-reader-')
const tmpFile = (content: string | Buffer): string => tmps.file(content)

function parseLines(lines: readonly string[]): { events: LogEvent[]; parser: LogParser } {
  const parser = new LogParser()
  const events: LogEvent[] = []
  for (const l of lines) events.push(...parser.push(l))
  events.push(...parser.end())
  return { events, parser }
}
const parseText = (text: string): LogEvent[] => parseLines(splitLines(text)).events
const ofKind = <K extends LogEvent['kind']>(events: readonly LogEvent[], kind: K) =>
  events.filter((e): e is Extract<LogEvent, { kind: K }> => e.kind === kind)

async function collect(run: (on: (e: LogEvent) => void) => Promise<unknown>): Promise<LogEvent[]> {
  const events: LogEvent[] = []
  await run((e) => events.push(e))
  return events
}

/**
 * Read by hand from each case's stderr.txt / stdout.txt: top-level `error:` lines (run summary
 * included), stdout success lines, `info: Planning completed in` and `info: Mirroring completed
 * in` durations in seconds (null when the line is absent).
 */
type Facts = readonly [
  errors: number,
  successes: number,
  planning: number | null,
  mirroring: number | null
]
const FACTS: Readonly<Record<string, Facts>> = {
  '4.12/401-blob-file': [2, 8, 0.1, 1.38],
  '4.12/401-manifest-file': [2, 7, 0.14, 2.4],
  '4.12/401-manifest-reg': [2, 7, 0.24, 2.39],
  '4.12/403-blob-file': [2, 8, 0.15, 1.56],
  '4.12/403-manifest-file': [2, 7, 0.09, 1.2],
  '4.12/403-manifest-reg': [2, 7, 0.13, 2.17],
  '4.12/404-blob-unknown-file': [2, 8, 0.15, 1.37],
  '4.12/404-image-missing-file': [2, 8, 0.17, 1.37],
  '4.12/404-image-missing-reg': [2, 8, 0.08, 2.38],
  '4.12/404-manifest-unknown-file': [2, 7, 0.12, 1.2],
  '4.12/429-empty-blob-file': [2, 8, 0.11, 1.27],
  '4.12/429-empty-blob-reg': [3, 7, 0.21, 3.28],
  '4.12/429-empty-manifest-always-file': [2, 7, 6.15, 1.22],
  '4.12/429-empty-manifest-digest-once-file': [0, 8, 2.12, 1.31],
  '4.12/429-json-blob-file': [2, 8, 0.1, 1.42],
  '4.12/429-json-blob-file-no-coe': [2, 6, 0.07, 1.26],
  '4.12/429-json-blob-reg': [3, 7, 0.34, 3.13],
  '4.12/429-json-blob-reg-no-coe': [2, 6, 0.08, 1.43],
  '4.12/429-json-config-blob-file': [2, 8, 0.13, 1.29],
  '4.12/429-json-manifest-digest-once-file': [2, 7, 0.29, 1.08],
  '4.12/429-manifest-always-file': [2, 7, 0.09, 1.19],
  '4.12/429-manifest-always-file-no-coe': [2, 0, null, null],
  '4.12/429-manifest-always-reg': [2, 7, 0.17, 2.57],
  '4.12/429-manifest-once-file': [0, 8, 0.12, 1.29],
  '4.12/429-retry-after-30-empty-manifest-always-file': [2, 7, 6.15, 1.17],
  '4.12/429-retry-after-blob-file': [2, 8, 0.18, 1.24],
  '4.12/500-blob-file': [2, 8, 0.09, 1.34],
  '4.12/500-blob-reg': [3, 7, 0.13, 1.61],
  '4.12/502-blob-file': [2, 8, 0.11, 1.29],
  '4.12/502-blob-reg': [3, 7, 0.13, 2.23],
  '4.12/503-blob-file': [2, 8, 0.07, 1.34],
  '4.12/503-blob-reg': [3, 7, 0.23, 2.15],
  '4.12/503-manifest-always-file': [2, 7, 0.08, 1.3],
  '4.12/bug-429-file-1-initial': [2, 2, 0.08, 0.12],
  '4.12/bug-429-file-2-rerun': [0, 2, 0.06, 0],
  '4.12/bug-429-file-3-fromdir-push': [3, 1, 0.04, 0.77],
  '4.12/bug-429-file-4-rerun-force': [0, 2, 0.06, 0.21],
  '4.12/bug-429-file-5-rerun-after-force': [0, 2, 0.07, 0],
  '4.12/bug-429-reg-1-initial': [3, 1, 0.07, 0.35],
  '4.12/bug-429-reg-2-rerun': [0, 2, 0.08, 0.12],
  '4.12/bug-truncated-file-1-initial': [2, 2, 0.06, 0.23],
  '4.12/bug-truncated-file-2-rerun': [0, 2, 0.08, 0],
  '4.12/clean-file': [0, 8, 0.08, 1.32],
  '4.12/clean-file-no-dir': [0, 8, 0.08, 1.33],
  '4.12/clean-reg': [0, 8, 0.16, 3.58],
  '4.12/dry-run-file': [0, 0, 0.09, null],
  '4.12/dry-run-reg': [0, 0, 0.23, null],
  '4.12/fromdir-clean-reg': [0, 8, 0.03, 1.5],
  '4.12/fromdir-dry-run-reg': [0, 0, 0.03, null],
  '4.12/fromdir-missing-dir': [6, 0, 0, 0],
  '4.12/malformed-mapping-bad-ref': [1, 0, null, null],
  '4.12/malformed-mapping-empty-dst': [1, 0, null, null],
  '4.12/malformed-mapping-line': [1, 0, null, null],
  '4.12/missing-mapping-file': [1, 0, null, null],
  '4.12/reset-blob-file': [0, 8, 0.1, 1.34],
  '4.12/reset-blob-reg': [0, 8, 0.13, 1.99],
  '4.12/slow-blob-file': [0, 8, 0.13, 5.34],
  '4.12/truncated-blob-file': [2, 8, 0.09, 1.35],
  '4.14/bug-429-file-1-initial': [2, 2, 0.03, 0.07],
  '4.14/bug-429-file-2-rerun': [0, 2, 0.02, 0.01],
  '4.14/bug-429-file-3-fromdir-push': [0, 2, 0.01, 0.14],
  '4.14/bug-429-file-4-rerun-force': [0, 2, 0.03, 0.11],
  '4.14/bug-429-file-5-rerun-after-force': [0, 2, 0.03, 0],
  '4.14/bug-429-reg-1-initial': [3, 1, 0.03, 0.16],
  '4.14/bug-429-reg-2-rerun': [0, 2, 0.02, 0.04],
  '4.14/bug-truncated-file-1-initial': [2, 2, 0.02, 0.13],
  '4.14/bug-truncated-file-2-rerun': [0, 2, 0.02, 0.01],
  '4.13/404-blob-reg': [3, 1, 0.03, 0.14],
  '4.13/429-json-blob-file': [2, 2, 0.02, 0.02],
  '4.13/429-json-blob-reg': [3, 1, 0.04, 0.19],
  '4.13/429-json-child-blob-list-reg': [2, 1, 0.05, 0.19],
  '4.13/502-manifest-tag-reg': [2, 1, 0.02, 0.2],
  '4.13/503-blob-always-reg': [3, 1, 0.03, 0.14],
  '4.13/push-400-manifest-invalid-reg': [2, 1, 0.02, 0.12],
  '4.13/push-404-blob-upload-patch-reg': [5, 1, 0.05, 0.08],
  '4.13/push-blob-put-lost-reg': [5, 1, 0.03, 0.08],
  '4.13/corrupt-blob-file': [2, 2, 0.02, 0.02],
  '4.13/corrupt-blob-reg': [3, 1, 0.02, 0.06],
  '4.13/corrupt-manifest-reg': [2, 1, 0.02, 0.04],
  '4.13/push-401-blob-upload-reg': [5, 1, 0.02, 0.05],
  '4.13/push-413-blob-upload-reg': [5, 1, 0.03, 0.08],
  '4.13/push-429-blob-upload-reg': [5, 1, 0.04, 0.06],
  '4.13/push-500-manifest-put-reg': [2, 1, 0.02, 0.07],
  '4.13/reset-manifest-head-reg': [2, 1, 0.02, 0.09],
  '4.14/404-blob-reg': [3, 1, 0.03, 0.17],
  '4.14/429-json-blob-file': [2, 2, 0.05, 0.02],
  '4.14/429-json-blob-reg': [3, 1, 0.02, 0.09],
  '4.14/429-json-child-blob-list-reg': [4, 2, 0.05, 0.18],
  '4.14/502-manifest-tag-reg': [2, 1, 0.02, 0.07],
  '4.14/503-blob-always-reg': [3, 1, 0.15, 0.29],
  '4.14/push-400-manifest-invalid-reg': [2, 1, 0.02, 0.07],
  '4.14/push-404-blob-upload-patch-reg': [5, 1, 0.02, 0.08],
  '4.14/push-blob-put-lost-reg': [5, 1, 0.02, 0.07],
  '4.14/corrupt-blob-file': [2, 2, 0.02, 0.01],
  '4.14/corrupt-blob-reg': [3, 1, 0.01, 0.07],
  '4.14/corrupt-manifest-reg': [2, 1, 0.02, 0.03],
  '4.14/push-401-blob-upload-reg': [5, 1, 0.02, 0.06],
  '4.14/push-413-blob-upload-reg': [5, 1, 0.02, 0.05],
  '4.14/push-429-blob-upload-reg': [5, 1, 0.02, 0.05],
  '4.14/push-500-manifest-put-reg': [2, 1, 0.02, 0.08],
  '4.14/reset-manifest-head-reg': [2, 1, 0.04, 0.22]
}

const cases = listCases()

describe('every real transcript', () => {
  it('has hand-derived facts', () => {
    expect(cases.map((c) => `${c.version}/${c.name}`).sort()).toEqual(Object.keys(FACTS).sort())
  })

  function checkFacts(key: string, events: LogEvent[], successesExpected: number): void {
    const [errors, , planning, mirroring] = FACTS[key] ?? [NaN, NaN, null, null]
    const topErrors = ofKind(events, 'error').filter((e) => !e.inPlanTree)
    expect(topErrors).toHaveLength(errors)
    expect(ofKind(events, 'success')).toHaveLength(successesExpected)
    expect(ofKind(events, 'planning-completed').map((e) => e.seconds)).toEqual(
      planning === null ? [] : [planning]
    )
    expect(ofKind(events, 'mirroring-completed').map((e) => e.seconds)).toEqual(
      mirroring === null ? [] : [mirroring]
    )
    const starts = ofKind(events, 'attempt-start')
    expect(starts).toEqual([{ kind: 'attempt-start', attempt: 1, logLine: 1 }])
    expect(events[0]?.kind).toBe('attempt-start')
  }

  describe.each(cases)('$version/$name', ({ version, name, dir }) => {
    const key = `${version}/${name}`
    const c = readCase(version, name)
    const successes = FACTS[key]?.[1] ?? NaN

    it('stderr alone (readLog) and separate streams (readSplitLogs)', async () => {
      const errOnly = await collect((on) => readLog(join(dir, 'stderr.txt'), on))
      checkFacts(key, errOnly, 0)
      const split = await collect((on) =>
        readSplitLogs(join(dir, 'stderr.txt'), join(dir, 'stdout.txt'), on)
      )
      checkFacts(key, split, successes)
      // stdout successes come after every stderr event, numbered by stdout line.
      const firstSuccess = split.findIndex((e) => e.kind === 'success')
      if (firstSuccess >= 0) {
        expect(split.slice(firstSuccess).every((e) => e.kind === 'success')).toBe(true)
        expect(ofKind(split, 'success').map((e) => e.logLine)).toEqual(
          Array.from({ length: successes }, (_, i) => i + 1)
        )
      }
      // Same error texts either way.
      expect(ofKind(split, 'error')).toEqual(ofKind(errOnly, 'error'))
    })

    it.each([1, 2, 3])('combined 2>&1 log, seed %i', async (seed) => {
      const text = combinedLog(c, seed)
      const events = await collect((on) => readLog(tmpFile(text), on))
      checkFacts(key, events, successes)
      const stdoutLines = splitLines(c.stdout)
      expect(
        ofKind(events, 'success').map(
          (e) => `${e.digest} ${e.destination}${e.tag ? ':' + e.tag : ''}`
        )
      ).toEqual(stdoutLines)
      // Every error of stderr is an error event, text verbatim after `error: `; an `errors:`
      // list takes its lines up to the blank line that ends it.
      const errors = errorWrites(splitLines(c.stderr)).filter((l) => l.startsWith('error: '))
      expect(ofKind(events, 'error').map((e) => e.text)).toEqual(errors.map((l) => l.slice(7)))
      // Every line is accounted for: one event each, a list's further lines folded into it.
      const folded = errors.reduce((n, e) => n + e.split('\n').length - 1, 0)
      expect(events.filter((e) => e.kind !== 'attempt-start')).toHaveLength(
        splitLines(text).length - folded
      )
    })
  })

  it('reads the plan tree of a registry destination', () => {
    const events = parseText(readCase('4.12', 'clean-reg').stderr)
    const blobs = ofKind(events, 'plan-blob')
    expect(blobs).toHaveLength(23)
    expect(blobs[1]).toMatchObject({
      destination: '127.0.0.1:5001/t412-clean-reg/alpha',
      source: '127.0.0.1:5002/ns/alpha',
      digest: 'sha256:6fe0e458f056027caacfaeba29b235e04bd5f6b29b144fb9fa902fa592613f5d',
      logLine: 5
    })
    const manifests = ofKind(events, 'plan-manifest')
    expect(
      manifests.filter((m) => m.destination === '127.0.0.1:5001/t412-clean-reg/multi')
    ).toEqual([
      expect.objectContaining({ digest: expect.stringMatching(/^sha256:1d97/) as unknown }),
      expect.objectContaining({ digest: expect.stringMatching(/^sha256:9789/) as unknown }),
      expect.objectContaining({ digest: expect.stringMatching(/^sha256:9f8d/) as unknown }),
      expect.objectContaining({ digest: expect.stringMatching(/^sha256:b8e0/) as unknown }),
      expect.objectContaining({
        digest: expect.stringMatching(/^sha256:1d97/) as unknown,
        tag: 'v1'
      })
    ])
    expect(manifests.filter((m) => m.tag === undefined)).toHaveLength(4)
    // Phase rows and the stats row are not plan rows.
    expect(ofKind(events, 'other').some((e) => e.text.includes('blobs=9'))).toBe(true)
  })

  it('prefixes file:// plan rows and keeps the SOURCE repo of blob rows', () => {
    const fileEvents = parseText(readCase('4.12', 'clean-file').stderr)
    expect(new Set(ofKind(fileEvents, 'plan-blob').map((e) => e.destination))).toEqual(
      new Set([
        'file://ns/alpha',
        'file://ns/beta',
        'file://ns/gamma',
        'file://ns/multi',
        'file://ns/tiny'
      ])
    )
    const fromDir = parseText(readCase('4.12', 'bug-429-file-3-fromdir-push').stderr)
    expect(ofKind(fromDir, 'plan-blob')[0]).toMatchObject({
      destination: '127.0.0.1:5001/t412-bug-fromdir/alpha',
      source: 'file://ns/alpha'
    })
  })

  it('reads transfer lines', () => {
    const events = parseText(readCase('4.12', 'clean-reg').stderr)
    expect(ofKind(events, 'transfer').find((t) => t.op === 'mounted')).toEqual({
      kind: 'transfer',
      op: 'mounted',
      destination: '127.0.0.1:5001/t412-clean-reg/beta',
      digest: 'sha256:3381067c3fe6b47e334c561a6a5dfbc7249d9e62a4c9d643b4c3f2bd1f440e58',
      size: '2.001MiB',
      logLine: 73
    })
  })
})

describe('concatenated attempts', () => {
  const pairs = cases.map((a, i) => [a, cases[(i + 7) % cases.length] ?? a] as const)

  it.each(pairs)('$name then next case, auto-detected', (a, b) => {
    const first = splitLines(combinedLog(readCase(a.version, a.name), 5))
    const second = splitLines(combinedLog(readCase(b.version, b.name), 9))
    const { events } = parseLines([...first, ...second])
    const firstContent = second.findIndex((l) => l.trim() !== '')
    expect(ofKind(events, 'attempt-start')).toEqual([
      { kind: 'attempt-start', attempt: 1, logLine: 1 },
      { kind: 'attempt-start', attempt: 2, logLine: first.length + firstContent + 1 }
    ])
  })

  it.each(pairs)('$name then next case, with our headers', (a, b) => {
    const first = splitLines(combinedLog(readCase(a.version, a.name), 5))
    const second = splitLines(combinedLog(readCase(b.version, b.name), 9))
    const lines = [attemptHeader(1), ...first, attemptHeader(2), ...second]
    const { events, parser } = parseLines(lines)
    expect(ofKind(events, 'attempt-start')).toEqual([
      { kind: 'attempt-start', attempt: 1, logLine: 1 },
      { kind: 'attempt-start', attempt: 2, logLine: first.length + 2 }
    ])
    expect(parser.stats.attempt).toBe(2)
  })

  it.each(pairs)('$name then next case as chunk 2 of one attempt: still one attempt', (a, b) => {
    const first = splitLines(combinedLog(readCase(a.version, a.name), 5))
    const second = splitLines(combinedLog(readCase(b.version, b.name), 9))
    const alone = [
      ...parseLines([attemptHeader(1), ...first]).events,
      ...parseLines([attemptHeader(1), ...second]).events
    ]
    const lines = [attemptHeader(1), ...first, chunkHeader(1, 2, 2), ...second]
    const { events, parser } = parseLines(lines)
    expect(ofKind(events, 'attempt-start')).toEqual([
      { kind: 'attempt-start', attempt: 1, logLine: 1 }
    ])
    expect(parser.stats.attempt).toBe(1)
    // The header closes what chunk 1 left open: each chunk's errors read as on their own.
    const texts = (es: readonly LogEvent[]): string[] => ofKind(es, 'error').map((e) => e.text)
    expect(texts(events)).toEqual(texts(alone))
    expect(ofKind(events, 'success')).toHaveLength(ofKind(alone, 'success').length)
  })

  it('does not split a run at its own final summary after `Mirroring completed`', () => {
    const c = readCase('4.12', '401-blob-file')
    const { events } = parseLines(splitLines(c.stderr))
    expect(ofKind(events, 'attempt-start')).toHaveLength(1)
  })

  it('keeps stdout lines captured after `Mirroring completed` in the same attempt', () => {
    const lines = [
      'info: Planning completed in 10ms',
      'info: Mirroring completed in 20ms (1MB/s)',
      'sha256:0de504a533fe843a08cbc73020360dbf9af94841e30b25a54d7e21d928af8195 file://ns/alpha:v1'
    ]
    expect(ofKind(parseLines(lines).events, 'attempt-start')).toHaveLength(1)
  })

  it('splits after a pre-run usage error followed by a new run', () => {
    const a = splitLines(readCase('4.12', 'malformed-mapping-line').stderr)
    const b = splitLines(readCase('4.12', 'malformed-mapping-bad-ref').stderr)
    const { events } = parseLines([...a, ...b])
    expect(ofKind(events, 'attempt-start').map((e) => e.logLine)).toEqual([1, 2])
  })

  it('reads split files with per-attempt headers on both streams', async () => {
    const a = readCase('4.12', 'bug-429-file-1-initial')
    const b = readCase('4.12', 'bug-429-file-2-rerun')
    const stderr = tmpFile([attemptHeader(1), a.stderr + attemptHeader(2), b.stderr].join('\n'))
    const stdout = tmpFile([attemptHeader(1), a.stdout + attemptHeader(2), b.stdout].join('\n'))
    const events = await collect((on) => readSplitLogs(stderr, stdout, on))
    const kinds = events.map((e) => e.kind)
    const second = kinds.lastIndexOf('attempt-start')
    // attempt 1: its stderr, then its 2 stdout successes, then attempt 2 …
    expect(kinds.slice(second - 2, second)).toEqual(['success', 'success'])
    expect(kinds.slice(-2)).toEqual(['success', 'success'])
    expect(ofKind(events, 'success').map((e) => e.logLine)).toEqual([2, 3, 5, 6])
    expect(ofKind(events, 'attempt-start').map((e) => e.attempt)).toEqual([1, 2])
  })
})

describe('split logs without stdout headers', () => {
  it('attributes a header-less stdout after the last stderr attempt', async () => {
    const a = readCase('4.12', 'bug-429-reg-1-initial')
    const b = readCase('4.12', 'bug-429-reg-2-rerun')
    const stderr = tmpFile(a.stderr + b.stderr)
    const stdout = tmpFile(a.stdout + b.stdout)
    const events = await collect((on) => readSplitLogs(stderr, stdout, on))
    const starts = events.flatMap((e, i) => (e.kind === 'attempt-start' ? [i] : []))
    expect(starts).toHaveLength(2)
    const successes = events.flatMap((e, i) => (e.kind === 'success' ? [i] : []))
    expect(successes).toHaveLength(3)
    expect(successes.every((i) => i > (starts[1] ?? Infinity))).toBe(true)
    expect(events.slice(-3).map((e) => e.kind)).toEqual(['success', 'success', 'success'])
  })
})

describe('multi-line errors (docs/oc-behaviour.md §1.6, §2.2 rows 15–17)', () => {
  const prefix = 'unable to retrieve source image quay.io/ns/a by tag v1: '
  const rows = [
    'errors:\nunauthorized: authentication required\nunauthorized\n',
    'errors:\nunauthorized: authentication required\nerror parsing HTTP 401 response body: unexpected end of JSON input: ""\n',
    'errors:\ndenied: requested access to the resource is denied\nerror parsing HTTP 401 response body: unexpected end of JSON input: ""\n'
  ]

  it.each(rows)('joins continuation lines and the closing blank line: %j', (row) => {
    // What `fmt.Fprintf("error: %v\n")` prints for it during planning, then more output.
    const text = `<dir>\n  ns/a\n\nerror: ${prefix}${row}\nerror: unable to retrieve source image quay.io/ns/b by tag v1: denied\n\ninfo: Planning completed in 10ms\n`
    const { events, parser } = parseLines(splitLines(text))
    const errors = ofKind(events, 'error')
    expect(errors.map((e) => e.text)).toEqual([
      prefix + row,
      'unable to retrieve source image quay.io/ns/b by tag v1: denied'
    ])
    expect(errors[0]?.logLine).toBe(4)
    expect(ofKind(events, 'planning-completed')).toHaveLength(1)
    expect(events.length - 1 + parser.stats.folded).toBe(parser.stats.lines)
  })

  it('joins an unprefixed continuation (kubectl usage hint) and nests errors lists', () => {
    const events = parseText(
      "error: unknown flag: --bogus\nSee 'oc image mirror -h' for help and examples\n"
    )
    expect(ofKind(events, 'error').map((e) => e.text)).toEqual([
      "unknown flag: --bogus\nSee 'oc image mirror -h' for help and examples"
    ])
    const nested = 'a: errors:\nb: errors:\nx\ny\n\nz\n'
    const more = parseText(`error: ${nested}\ninfo: Mirroring completed in 1s (1MB/s)\n`)
    expect(ofKind(more, 'error').map((e) => e.text)).toEqual([nested])
  })

  it('keeps the blank line after a one-line planning error out of the error', () => {
    const events = parseText(readCase('4.12', 'fromdir-missing-dir').stderr)
    expect(ofKind(events, 'error').every((e) => !e.text.includes('\n'))).toBe(true)
  })

  it('reads plan-tree `    error:` rows (also multi-line) and goes on with the tree', () => {
    const text = [
      '127.0.0.1:5001/',
      '  x/a',
      '    error: unable to connect to 127.0.0.1:5001/x/a: errors:',
      'denied',
      'unauthorized',
      '',
      '  x/b',
      '    blobs:',
      '      quay.io/ns/b sha256:aa 1MiB',
      '    error: unable to connect to 127.0.0.1:5001/x/c: denied',
      '  x/c',
      '    manifests:',
      '      sha256:bb -> v2',
      '  stats: shared=0 unique=1 size=1MiB ratio=1.00',
      '',
      'error: unable to connect to 127.0.0.1:5001/x/a: errors:',
      'denied',
      'unauthorized',
      '',
      'error: an error occurred during planning'
    ]
    const { events } = parseLines(text)
    expect(ofKind(events, 'error').map((e) => [e.text, e.inPlanTree, e.logLine])).toEqual([
      ['unable to connect to 127.0.0.1:5001/x/a: errors:\ndenied\nunauthorized\n', true, 3],
      ['unable to connect to 127.0.0.1:5001/x/c: denied', true, 10],
      ['unable to connect to 127.0.0.1:5001/x/a: errors:\ndenied\nunauthorized\n', false, 16],
      ['an error occurred during planning', false, 20]
    ])
    expect(ofKind(events, 'plan-blob')).toEqual([
      {
        kind: 'plan-blob',
        destination: '127.0.0.1:5001/x/b',
        source: 'quay.io/ns/b',
        digest: 'sha256:aa',
        size: '1MiB',
        logLine: 9
      }
    ])
    expect(ofKind(events, 'plan-manifest')).toEqual([
      {
        kind: 'plan-manifest',
        destination: '127.0.0.1:5001/x/c',
        digest: 'sha256:bb',
        tag: 'v2',
        logLine: 13
      }
    ])
  })
})

describe('line kinds', () => {
  it('reads s3:// plan headers, klog, warnings and the 4.12 auth notice', () => {
    const lines = [
      'Warning: the default reading order of registry auth file will be changed from "${HOME}/.docker/config.json" to podman registry config locations in the future version of oc.',
      's3://',
      '  s3.amazonaws.com/us-east-1/bucket/ns/a',
      '    blobs:',
      '      quay.io/ns/a sha256:cc',
      'I1128 05:58:29.133282   30802 mirror.go:594] Manifest exists in file://ns/alpha, no need to copy layers without --force',
      'W1128 05:58:29.133282   30802 manifest.go:442] Chose linux/amd64 manifest from the manifest list.',
      'warning: Image quay.io/ns/missing:v1 does not exist and will not be mirrored',
      'info: Filtered all images from quay.io/ns/multi, skipping',
      'info: Planning completed in 1m2.5s',
      'info: Mirroring completed in 2h33m43.97s (16.81MB/s)'
    ]
    const { events } = parseLines(lines)
    expect(ofKind(events, 'warning').map((e) => e.text)).toEqual([
      expect.stringMatching(/^the default reading order/) as unknown,
      'Image quay.io/ns/missing:v1 does not exist and will not be mirrored'
    ])
    expect(ofKind(events, 'plan-blob')[0]?.destination).toBe(
      's3://s3.amazonaws.com/us-east-1/bucket/ns/a'
    )
    expect(ofKind(events, 'klog').map((e) => [e.level, e.text])).toEqual([
      ['I', 'Manifest exists in file://ns/alpha, no need to copy layers without --force'],
      ['W', 'Chose linux/amd64 manifest from the manifest list.']
    ])
    expect(ofKind(events, 'info').map((e) => e.text)).toEqual([
      'Filtered all images from quay.io/ns/multi, skipping'
    ])
    expect(ofKind(events, 'planning-completed')[0]?.seconds).toBe(62.5)
    expect(ofKind(events, 'mirroring-completed')[0]).toMatchObject({
      seconds: 9223.97,
      rate: '16.81MB/s',
      bytesPerSecond: 16_810_000
    })
  })

  it('parses Go durations and decimal sizes', () => {
    expect(parseGoDuration('110ms')).toBe(0.11)
    expect(parseGoDuration('6.15s')).toBe(6.15)
    expect(parseGoDuration('0s')).toBe(0)
    expect(parseGoDuration('1h0m0s')).toBe(3600)
    expect(parseGoDuration('1.5µs')).toBeCloseTo(1.5e-6)
    expect(parseGoDuration('soon')).toBeUndefined()
    expect(parseGoDuration('')).toBeUndefined()
    expect(parseHumanSize('0B')).toBe(0)
    expect(parseHumanSize('950kB')).toBe(950_000)
    expect(parseHumanSize('1.2GB')).toBe(1_200_000_000)
    expect(parseHumanSize('1MiB')).toBeUndefined()
  })

  it('splits success lines at the last `:` after the last `/`', () => {
    const d = 'sha256:0de504a533fe843a08cbc73020360dbf9af94841e30b25a54d7e21d928af8195'
    expect(parseSuccessLine(`${d} 127.0.0.1:5001/x/alpha:v1`)).toEqual({
      digest: d,
      destination: '127.0.0.1:5001/x/alpha',
      tag: 'v1'
    })
    expect(parseSuccessLine(`${d} 127.0.0.1:5001/x/alpha`)).toEqual({
      digest: d,
      destination: '127.0.0.1:5001/x/alpha'
    })
    expect(parseSuccessLine(`${d} file://ns/multi`)).toEqual({
      digest: d,
      destination: 'file://ns/multi'
    })
    expect(parseSuccessLine(`sha512:${'ab'.repeat(64)} file://ns/a:latest`)?.tag).toBe('latest')
    expect(parseSuccessLine(`${d} file://ns/a:v1 extra`)).toBeUndefined()
    expect(parseSuccessLine(`  ${d} file://ns/a:v1`)).toBeUndefined()
  })

  it('folds a Go panic and its goroutine dump into one run-level error', () => {
    const dump = Array.from({ length: 300 }, (_, i) =>
      i % 2 === 0
        ? `github.com/openshift/oc/pkg/cli/image/mirror.(*o).Run(${i})`
        : `\t/go/src/mirror.go:${i} +0x1d`
    )
    const lines = [
      'info: Planning completed in 10ms',
      'panic: empty source manifest for file://ns/alpha',
      '',
      'goroutine 1 [running]:',
      ...dump,
      '<dir>',
      '  ns/alpha'
    ]
    const { events, parser } = parseLines(lines)
    const errors = ofKind(events, 'error')
    expect(errors).toEqual([
      {
        kind: 'error',
        text: 'panic: empty source manifest for file://ns/alpha',
        logLine: 2,
        inPlanTree: false
      }
    ])
    expect(events.length).toBeLessThan(10)
    // the next run's plan starts a new attempt
    expect(ofKind(events, 'attempt-start').map((e) => e.logLine)).toEqual([1, lines.length - 1])
    expect(events.length - 2 + parser.stats.folded).toBe(lines.length)
  })

  it('folds a goroutine dump after a klog F line', () => {
    const lines = [
      'F1128 05:58:29.133282   30802 helpers.go:116] error: one or more errors occurred',
      'goroutine 1 [running]:',
      ...Array.from({ length: 100 }, (_, i) => `k8s.io/klog/v2.stacks(${i})`)
    ]
    const { events } = parseLines(lines)
    expect(ofKind(events, 'klog')).toHaveLength(1)
    expect(events).toHaveLength(3)
    // klog Fatal ended that run: a following plan is a new attempt
    const again = parseLines([...lines, '<dir>']).events
    expect(ofKind(again, 'attempt-start').map((e) => e.logLine)).toEqual([1, lines.length + 1])
  })

  it('emits attempt 1 for an empty log', () => {
    expect(parseLines([]).events).toEqual([{ kind: 'attempt-start', attempt: 1, logLine: 1 }])
  })
})

describe('reading files', () => {
  it('survives a 10 MB line, keeps at most 64 KiB of it and goes on', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024)
    const path = tmpFile(`info: Planning completed in 10ms\nerror: ${big}\n${big}\nerror: after\n`)
    const events = await collect((on) => readLog(path, on))
    const errors = ofKind(events, 'error')
    expect(errors).toHaveLength(2)
    expect(errors[0]?.text.length).toBeLessThan(2 * MAX_LINE_BYTES + 200)
    expect(errors[0]?.text).toMatch(/line truncated, \d+ more bytes/)
    expect(errors[1]).toMatchObject({ text: 'after', logLine: 4 })
  })

  it('bounds lines pushed directly and strips a trailing CR', () => {
    const { events } = parseLines([
      `error: ${'y'.repeat(10 * 1024 * 1024)}`,
      'info: Dry run complete\r'
    ])
    const text = ofKind(events, 'error')[0]?.text ?? ''
    expect(text.length).toBeLessThan(MAX_LINE_BYTES + 200)
    expect(text).toMatch(/line truncated, \d+ more characters\]$/)
    expect(ofKind(events, 'info').map((e) => e.text)).toEqual(['Dry run complete'])
  })

  it('survives a 10 MB file without newlines', async () => {
    const path = tmpFile(Buffer.alloc(10 * 1024 * 1024, 0x41))
    const events = await collect((on) => readLog(path, on))
    expect(events).toHaveLength(2)
    const stats = await readLog(path, () => undefined)
    expect(stats).toEqual({ lines: 1, bytes: 10 * 1024 * 1024 })
  })

  it('survives invalid UTF-8, NUL bytes and CRLF', async () => {
    const d = 'sha256:0de504a533fe843a08cbc73020360dbf9af94841e30b25a54d7e21d928af8195'
    const content = Buffer.concat([
      Buffer.from('error: bad '),
      Buffer.from([0xff, 0xfe, 0x00, 0xc3]),
      Buffer.from(' bytes\r\n'),
      Buffer.from(`${d} file://ns/a:v1\r\n`),
      Buffer.from([0x80, 0x0a])
    ])
    const events = await collect((on) => readLog(tmpFile(content), on))
    expect(ofKind(events, 'error')[0]?.text).toBe('bad \uFFFD\uFFFD\uFFFD\uFFFD bytes')
    expect(ofKind(events, 'success')[0]).toMatchObject({ destination: 'file://ns/a', tag: 'v1' })
    expect(ofKind(events, 'other').map((e) => e.text)).toEqual(['\uFFFD'])
  })

  it('counts lines and bytes, with or without a final newline', async () => {
    expect(await readLog(tmpFile('a\nb'), () => undefined)).toEqual({ lines: 2, bytes: 3 })
    expect(await readLog(tmpFile('a\nb\n'), () => undefined)).toEqual({ lines: 2, bytes: 4 })
    expect(await readLog(tmpFile('a\n\n'), () => undefined)).toEqual({ lines: 2, bytes: 3 })
    expect(await readLog(tmpFile(''), () => undefined)).toEqual({ lines: 0, bytes: 0 })
  })
})

describe('property: any lines', () => {
  const d = 'sha256:0de504a533fe843a08cbc73020360dbf9af94841e30b25a54d7e21d928af8195'
  const realistic = fc.constantFrom(
    '',
    '<dir>',
    's3://',
    '127.0.0.1:5001/',
    '  ns/alpha',
    '    blobs:',
    '    manifests:',
    `      quay.io/ns/a ${d} 1MiB`,
    `      ${d} -> v1`,
    '    error: unable to connect to x: errors:',
    'phase 0:',
    '   ns/alpha blobs=4 mounts=0 manifests=1 shared=1',
    'error: unable to retrieve source image q/ns/a by tag v1: errors:',
    'unauthorized',
    'error: one or more errors occurred',
    'error: an error occurred during planning',
    'error: file m.txt, line 3: all arguments must be valid SRC=DST mappings',
    'info: Planning completed in 110ms',
    'info: Mirroring completed in 1.2s (3MB/s)',
    'info: Dry run complete',
    'warning: Image q/ns/a:v1 does not exist and will not be mirrored',
    `uploading: file://ns/a ${d} 1MiB`,
    'I1128 05:58:29.133282   30802 mirror.go:594] msg',
    `${d} file://ns/a:v1`,
    'panic: boom',
    'goroutine 1 [running]:',
    '\t/go/src/x.go:1',
    '==== mirror-guard attempt 3 ===='
  )
  const line = fc.oneof(
    realistic,
    fc.string({ maxLength: 80 }).map((s) => s.replace(/[\r\n]/g, ' '))
  )

  it('never throws and accounts for every line', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const { events, parser } = parseLines(lines)
        const own = events.filter((e) => e.kind !== 'attempt-start')
        expect(own.length + parser.stats.folded).toBe(lines.length)
        // each line yields at most one event of its own
        expect(new Set(own.map((e) => e.logLine)).size).toBe(own.length)
        expect(own.every((e) => e.logLine >= 1 && e.logLine <= lines.length)).toBe(true)
        expect(events[0]).toMatchObject({ kind: 'attempt-start', logLine: 1 })
      }),
      { numRuns: 500 }
    )
  })
})
