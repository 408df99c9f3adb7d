// readLog's foldRoutine fast path (what triage uses) must change nothing but the routine
// events it folds: the same errors, warnings, successes, run structure and line numbers, and
// the same verdicts, on every real transcript, on byte-level edge cases and on random logs.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { writeLog, writeMapping } from '../../scripts/bench/gen-log.mjs'
import { Attributor } from '../../src/core/attribute.js'
import { attemptHeader } from '../../src/core/attempt-header.js'
import { readLog } from '../../src/core/log-reader.js'
import { parseMappingText } from '../../src/core/mapping.js'
import type { LogEvent, MappingSet } from '../../src/core/types.js'
import { tmpFiles } from '../support/tmp-files.js'
import { combinedLog, listCases, readCase } from '../support/transcripts.js'

const tmps = tmpFiles('mg-log-fold-')
const tmp = tmps.dir
const tmpFile = (content: string | Buffer): string => tmps.file(content)

/** Kinds the fast path may fold into `routine` events (or, for `other`, drop into them). */
const FOLDABLE = new Set<LogEvent['kind']>([
  'transfer',
  'plan-blob',
  'plan-manifest',
  'other',
  'routine'
])

async function events(path: string, foldRoutine: boolean) {
  const out: LogEvent[] = []
  const stats = await readLog(path, (e) => out.push(e), { foldRoutine })
  return { events: out, stats }
}

/** Compares both modes on one file; returns the folded run's events. */
async function expectSameMeaning(path: string, set?: MappingSet): Promise<LogEvent[]> {
  const plain = await events(path, false)
  const folded = await events(path, true)
  expect(folded.stats).toEqual(plain.stats)
  const significant = (es: LogEvent[]) => es.filter((e) => !FOLDABLE.has(e.kind))
  expect(significant(folded.events)).toEqual(significant(plain.events))
  // What the fast path still emits is exactly what the plain reader emits for that line.
  const plainByLine = new Map(plain.events.map((e) => [`${e.kind}@${e.logLine}`, e]))
  for (const e of folded.events) {
    if (e.kind !== 'routine') expect(e).toEqual(plainByLine.get(`${e.kind}@${e.logLine}`))
  }
  // Every line is still accounted for: the routine events cover exactly the missing ones.
  const lineEvents = (es: LogEvent[]) =>
    es.reduce(
      (n, e) => n + (e.kind === 'routine' ? e.lines : e.kind === 'attempt-start' ? 0 : 1),
      0
    )
  const foldedTransfers = plain.events.filter((e) => FOLDABLE.has(e.kind)).length
  const keptTransfers = folded.events.filter((e) => FOLDABLE.has(e.kind) && e.kind !== 'routine')
  expect(
    keptTransfers.length +
      folded.events.filter((e) => e.kind === 'routine').reduce((n, e) => n + e.lines, 0)
  ).toBe(foldedTransfers)
  expect(lineEvents(folded.events)).toBe(lineEvents(plain.events))
  if (set) {
    const verdicts = (es: LogEvent[]) => {
      const a = new Attributor(set)
      for (const e of es) a.onEvent(e)
      return a.finish()
    }
    expect(verdicts(folded.events)).toEqual(verdicts(plain.events))
  }
  return folded.events
}

describe('foldRoutine on the real transcripts', () => {
  const cases = listCases()
    .map((c) => readCase(c.version, c.name))
    .filter((c) => c.hasMapping)
  it.each(cases.map((c) => [`${c.version}/${c.name}`, c] as const))(
    '%s: same events and verdicts, combined, repeated and CRLF',
    async (_name, c) => {
      const set = parseMappingText(c.mapping, 'mapping.txt')
      const once = combinedLog(c, 7)
      const twice = `${attemptHeader(1)}\n${once}${attemptHeader(2)}\n${combinedLog(c, 3)}`
      for (const text of [once, c.stderr, once + once, twice, once.replaceAll('\n', '\r\n')]) {
        await expectSameMeaning(tmpFile(text), set)
      }
    }
  )
})

const D1 = `sha256:${'a1'.repeat(32)}`
const D2 = `sha256:${'b2'.repeat(32)}`
const PLAN = [
  'info: Planning completed in 1.2s',
  'mirror.example.com:5000/',
  '  ns/alpha',
  '    blobs:',
  `      registry.example.com/ns/alpha ${D1} 1.2MiB`,
  `      registry.example.com/ns/alpha ${D2} 3kB`,
  '    manifests:',
  `      ${D1} -> v1`
]

describe('foldRoutine edge cases', () => {
  const mapping = 'registry.example.com/ns/alpha:v1=mirror.example.com:5000/ns/alpha:v1\n'
  const set = parseMappingText(mapping, 'mapping.txt')
  const cases: Record<string, string[]> = {
    'an indented line continuing an error is kept as its text': [
      ...PLAN,
      'error: unable to push: something',
      `      registry.example.com/ns/alpha ${D1} 1.2MiB`,
      '      more detail',
      `${D1} mirror.example.com:5000/ns/alpha:v1`
    ],
    'a transfer line after a run ends starts the next run': [
      ...PLAN,
      `uploading: mirror.example.com:5000/ns/alpha ${D1} 1.2MiB`,
      `${D1} mirror.example.com:5000/ns/alpha:v1`,
      'info: Mirroring completed in 1s (1MB/s)',
      `uploading: mirror.example.com:5000/ns/alpha ${D2} 3kB`,
      `mounted: mirror.example.com:5000/ns/alpha ${D2} 3kB`
    ],
    'a row after a plan-tree error names the repository of a folded header': [
      ...PLAN,
      '  ns/beta',
      '    blobs:',
      '    error: unable to access ns/beta',
      `      registry.example.com/ns/beta ${D2} 3kB`,
      `      registry.example.com/ns/beta ${D1} 3kB`,
      '  ns/gamma',
      '    manifests:',
      '    error: still planning',
      `      ${D1} -> v9`
    ],
    'a success line closes an open error': [
      ...PLAN,
      'error: one',
      `${D1} mirror.example.com:5000/ns/alpha:v1`,
      `${D1} mirror.example.com:5000/ns/alpha:v1`
    ],
    'transfer lines before any run output are decoded': [
      `uploading: mirror.example.com:5000/ns/alpha ${D1} 1.2MiB`,
      ...PLAN
    ],
    'plan rows outside a blobs:/manifests: list and blank-looking rows': [
      'mirror.example.com:5000/',
      '      stray row before a repository',
      '  ns/alpha',
      `      registry.example.com/ns/alpha ${D1} 1.2MiB`,
      '    blobs:',
      `      registry.example.com/ns/alpha ${D1} 1.2MiB`,
      '      \t',
      '       ',
      `      ${D1} -> v1`,
      '',
      `      registry.example.com/ns/alpha ${D2} 3kB`
    ],
    'blank lines, phase tables and stats rows after a plan event': [
      ...PLAN,
      '  ns/beta',
      '  stats: shared=1 unique=21 size=20.67MiB ratio=0.90',
      `      registry.example.com/ns/beta ${D2} 3kB`,
      '',
      'phase 0:',
      '   ns/alpha blobs=2 mounts=0 manifests=1 shared=0',
      'phase 12:',
      'phase x:',
      'phase :',
      '   indented after the phase table',
      '',
      '  indented outside any section',
      'info: Planning completed in 1ms',
      `${D1} mirror.example.com:5000/ns/alpha:v1`,
      'info: Mirroring completed in 1s (1MB/s)',
      '',
      'phase 0:',
      '   ns/alpha blobs=2 mounts=0 manifests=1 shared=0'
    ],
    'blank lines and phase headers before any plan event are decoded': [
      '',
      'phase 0:',
      '   ns/alpha blobs=2 mounts=0 manifests=1 shared=0',
      '',
      ...PLAN,
      'error: one or more errors occurred',
      'phase 1:',
      ''
    ],
    'success lines that are not quite success lines': [
      ...PLAN,
      `${D1} mirror.example.com:5000/ns/alpha:v1 trailing`,
      `${D1}  mirror.example.com:5000/ns/alpha:v1`,
      `sha256:${'A1'.repeat(32)} mirror.example.com:5000/ns/alpha:v1`,
      `sha256: mirror.example.com:5000/ns/alpha:v1`,
      `sha512:${'c3'.repeat(64)} mirror.example.com:5000/ns/alpha:v1`,
      `${D1} mirror.example.com:5000/ns/alpha:v1\u000b`,
      `${D1} mirror.example.com:5000/ns/alpha:`,
      's3://',
      `${D1} mirror.example.com:5000/ns/alpha:v1`
    ]
  }
  it.each(Object.entries(cases))('%s', async (_name, lines) => {
    for (const eol of ['\n', '\r\n']) {
      await expectSameMeaning(tmpFile(lines.join(eol) + eol), set)
    }
  })

  it('folds what it can: a long run of routine lines becomes one event', async () => {
    const rows = Array.from(
      { length: 500 },
      (_, i) =>
        `uploading: mirror.example.com:5000/ns/alpha sha256:${i.toString(16).padStart(64, '0')} 1kB`
    )
    const es = await expectSameMeaning(
      tmpFile([...PLAN, ...rows, `${D1} mirror.example.com:5000/ns/alpha:v1`].join('\n') + '\n'),
      set
    )
    const routine = es.filter((e) => e.kind === 'routine')
    expect(routine).toEqual([{ kind: 'routine', lines: 503, logLine: PLAN.length + 500 }])
  })

  it('folds the blank lines, phase table and stats row of a run, not only its transfers', async () => {
    const es = await expectSameMeaning(
      tmpFile(
        [
          ...PLAN,
          '  stats: shared=0 unique=2 size=1.2MiB ratio=1.00',
          '',
          'phase 0:',
          '   ns/alpha blobs=2 mounts=0 manifests=1 shared=0',
          '',
          'info: Planning completed in 1ms'
        ].join('\n') + '\n'
      ),
      set
    )
    // Decoded: the plan up to its first row (the plan event), then the info line; every line
    // between is folded.
    expect(es.filter((e) => e.kind === 'other').map((e) => e.logLine)).toEqual([2, 3, 4])
    expect(es.filter((e) => e.kind === 'routine')).toEqual([
      { kind: 'routine', lines: 8, logLine: PLAN.length + 5 }
    ])
  })

  it('lines across the 1 MiB read boundary, non-ASCII chunks and a missing final newline', async () => {
    const success = `${D1} mirror.example.com:5000/ns/alpha:v1`
    const filler = `uploading: mirror.example.com:5000/ns/alpha ${D2} 3kB`
    const lines = [...PLAN]
    let size = lines.join('\n').length
    while (size < (1 << 20) * 2 + 5000) {
      lines.push(lines.length % 7 === 0 ? success : filler)
      if (lines.length % 9001 === 0)
        lines.push('error: naïve café: ünïcode body 429 Too Many Requests')
      size += filler.length + 1
    }
    await expectSameMeaning(tmpFile(lines.join('\n')), set)
    await expectSameMeaning(tmpFile(Buffer.from(lines.join('\r\n'), 'utf8')), set)
  })
})

describe('foldRoutine on random logs', () => {
  const mapping = [
    'registry.example.com/ns/alpha:v1=mirror.example.com:5000/ns/alpha:v1',
    'registry.example.com/ns/beta:v2=file://mirror/beta:v2'
  ].join('\n')
  const set = parseMappingText(mapping, 'mapping.txt')
  const pool = [
    ...PLAN,
    '<dir>',
    '  mirror/beta',
    '  ns/gamma',
    '  repo with spaces',
    `      registry.example.com/ns/beta ${D2} 3kB`,
    `uploading: mirror.example.com:5000/ns/alpha ${D1} 1.2MiB`,
    `mounted: mirror.example.com:5000/ns/alpha ${D2} 3kB`,
    `uploading: file://mirror/beta ${D2} 3kB`,
    'uploading: malformed',
    `${D1} mirror.example.com:5000/ns/alpha:v1`,
    `${D2} file://mirror/beta:v2`,
    `${D2} file://mirror/beta`,
    'error: unable to push manifest to mirror.example.com:5000/ns/alpha:v1: toomanyrequests: slow down',
    'error: unable to copy layer sha256:abc to file://mirror/beta: error parsing HTTP 429 response body: unexpected end of JSON input: ""',
    'error: one or more errors occurred',
    'error: 1 error occurred:',
    '\t* errors:',
    '    error: detail inside the plan tree',
    'warning: something odd',
    'info: Mirroring completed in 2s (1MB/s)',
    'phase 0:',
    '  mirror.example.com:5000 ns/alpha blobs=2 mounts=0 manifests=1 shared=0',
    '',
    '   ',
    'random noise line',
    attemptHeader(2),
    'panic: runtime error',
    'goroutine 1 [running]:'
  ]
  it('the significant events and the verdicts never differ', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 120 }),
        fc.boolean(),
        async (picks, crlf) => {
          const eol = crlf ? '\r\n' : '\n'
          const text = picks.map((i) => pool[i]).join(eol) + eol
          await expectSameMeaning(tmpFile(text), set)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('foldRoutine on a generated multi-attempt log', () => {
  it('same verdicts and attempt statistics as the plain reader', async () => {
    const mappingPath = join(tmp, 'gen-mapping.txt')
    await writeMapping(mappingPath, 1500)
    const set = parseMappingText(readFileSync(mappingPath, 'utf8'), mappingPath)
    const logPath = join(tmp, 'gen.log')
    const gen = await writeLog(logPath, { targetBytes: 3e6, entries: 1500, seed: 5 })
    expect(gen.attempts).toBeGreaterThan(1)
    const es = await expectSameMeaning(logPath, set)
    expect(es.filter((e) => e.kind === 'routine').length).toBeGreaterThan(0)
  })
})

describe('success lookups memoised per spelling', () => {
  it('a repository with many tags, repeated over attempts, and endless unknown lines', async () => {
    const tags = Array.from({ length: 30 }, (_, i) => `4.16.${i}-x86_64`)
    const mapping = tags
      .map((t) => `quay.io/openshift/release:${t}=Mirror.Example.com:5000/ocp/release:${t}`)
      .join('\n')
    const set = parseMappingText(mapping, 'mapping.txt')
    const run = (attempt: number, spelling: string) => [
      attemptHeader(attempt),
      ...PLAN,
      ...tags.map(
        (t, i) => `sha256:${i.toString(16).padStart(64, '0')} ${spelling}/ocp/release:${t}`
      ),
      // Lines no mapping entry names, more than the memo keeps.
      ...Array.from(
        { length: 3000 },
        (_, i) => `sha256:${'f'.repeat(64)} unknown.example.com/x/y${i}:v${attempt}`
      )
    ]
    // Attempt 2 prints the registry host in another case: the same entries (hosts compare
    // case-insensitively), looked up through a second spelling.
    const text = [...run(1, 'Mirror.Example.com:5000'), ...run(2, 'mirror.example.com:5000')]
    await expectSameMeaning(tmpFile(text.join('\n') + '\n'), set)
    const a = new Attributor(set)
    await readLog(tmpFile(text.join('\n') + '\n'), (e) => a.onEvent(e), { foldRoutine: true })
    const verdicts = a.finish().verdicts
    expect(verdicts.map((v) => v.status)).toEqual(tags.map(() => 'mirrored'))
    expect(a.finish().attempts).toHaveLength(2)
  })
})
