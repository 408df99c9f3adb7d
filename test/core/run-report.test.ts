// The run report finish() emits: built once, pure — outcome and counts, the retry mapping, the
// JSON document (with redaction), rows for annotations and the summary (a recovered line shows
// its failure), the dry run's planned lines, and the closing message.
import { describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import { Redactor } from '../../src/core/redact.js'
import {
  buildRunReport,
  forcedAttempts,
  type ReportedAttempt,
  type RunReportInput
} from '../../src/core/run-report.js'
import type { LineVerdict } from '../../src/core/types.js'

const SET = parseMappingText(
  'q.example/a:v1=r.example/a:v1\nq.example/b:v1=r.example/b:v1\nq.example/c:v1=r.example/c:v1\n',
  'mapping.txt'
)

const attempt = (n: number, entryIds: number[], extra: Partial<ReportedAttempt> = {}) => ({
  attempt: n,
  command: ['oc', 'image', 'mirror'],
  mappingFile: 'mapping.txt',
  entryIds,
  force: false,
  repairs: [],
  delayBeforeMs: 0,
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:00:01.000Z',
  exitCode: 1,
  timedOut: false,
  aborted: false,
  mirrored: 0,
  failed: 0,
  logLines: [1, 10] as const,
  verified: { checked: 0, incomplete: 0 },
  ...extra
})

const verdict = (entryId: number, v: Partial<LineVerdict>): LineVerdict => ({
  entryId,
  status: 'mirrored',
  classes: [],
  reasons: [],
  evidence: [],
  retryable: false,
  ...v
})

function input(extra: Partial<RunReportInput> = {}): RunReportInput {
  return {
    set: SET,
    triage: {
      verdicts: [
        verdict(0, { recoveredAfter: 1 }),
        verdict(1, {
          status: 'failed',
          classes: ['auth'],
          reasons: ['HTTP 401 for token s3cr3t-value'],
          evidence: [4]
        }),
        verdict(2, { status: 'failed', classes: ['unverified'], reasons: ['no read'] })
      ],
      runLevel: [
        {
          severity: 'error',
          class: 'unknown',
          reason: 'x',
          text: 'error: one or more errors occurred',
          logLine: 9
        },
        { severity: 'error', class: 'network', reason: 'y', text: 'error: boom', logLine: 3 }
      ],
      attempts: []
    },
    lastFailure: new Map([[0, verdict(0, { status: 'failed', classes: ['rate-limit'] })]]),
    attempts: [attempt(1, [0, 1, 2]), attempt(2, [0], { logLines: [11, 20] })],
    aborted: false,
    keptUnverified: 1,
    dryRun: false,
    files: [{ file: 'mapping.txt', sha256: 'abc' }],
    engine: 'oc',
    toolVersion: 'Client Version: 4.13.0',
    locate: (file, line) => ({ file: `ws/${file}`, line }),
    redaction: new Redactor(['s3cr3t-value']),
    ...extra
  }
}

describe('buildRunReport', () => {
  it('decides the outcome, the counts and the closing message once', () => {
    const r = buildRunReport(input())
    expect(r.outcome).toBe('partial')
    expect(r.counts).toEqual({ lines: 3, mirrored: 1, failed: 2, unverified: 2 })
    expect(r.failedByClass).toEqual({ auth: 1, unverified: 1 })
    expect(r.confirmedIds).toEqual([0])
    expect(r.conclusion).toEqual({
      kind: 'failures',
      message: '2 of 3 mapping entries not mirrored (outcome: partial)'
    })
    expect(r.notes[0]).toContain('1 line(s) kept as mirrored without verification')
  })

  it('writes the retry mapping and the JSON document, redacted', () => {
    const r = buildRunReport(input({ shard: { index: 1, count: 2 } }))
    expect(r.retryMapping).toContain('# mapping.txt:2 auth: HTTP 401 for token ***')
    expect(r.retryMapping).not.toContain('s3cr3t')
    expect(r.retryMapping).not.toContain('q.example/a:v1')
    expect(Object.keys(r.document)).toEqual([
      'shard',
      'mapping',
      ...Object.keys(r.document).slice(2, -1),
      'run'
    ])
    expect(JSON.stringify(r.document)).not.toContain('s3cr3t')
    expect(r.document['run']).toMatchObject({
      mode: 'mirror',
      engine: 'oc',
      ocVersion: null,
      outcome: 'partial',
      aborted: false
    })
    const run = r.document['run'] as { attempts: { attempt: number }[] }
    expect(run.attempts.map((a) => a.attempt)).toEqual([1, 2])
  })

  it('rows: located, a recovered line with its failure; run-level of the last attempt only', () => {
    const r = buildRunReport(input())
    expect(r.lines[0]).toMatchObject({
      file: 'ws/mapping.txt',
      line: 1,
      status: 'mirrored',
      classes: ['rate-limit'],
      attempts: 2,
      recoveredAfter: 1
    })
    expect(r.lines[1].reasons).toEqual(['HTTP 401 for token ***'])
    expect(r.annotatedRunLevel).toEqual([])
    expect(r.summaryRunLevel.map((f) => f.text)).toEqual(['error: boom'])
    const lastHasIt = buildRunReport(input({ attempts: [attempt(1, [0, 1, 2])] }))
    expect(lastHasIt.annotatedRunLevel.map((f) => f.text)).toEqual(['error: boom'])
  })

  it('a dry run plans the silent lines and writes no retry mapping', () => {
    const r = buildRunReport(
      input({
        dryRun: true,
        keptUnverified: 0,
        triage: {
          verdicts: [0, 1, 2].map((id) =>
            verdict(id, { status: 'failed', classes: ['unconfirmed'] })
          ),
          runLevel: [],
          attempts: []
        }
      })
    )
    expect(r.outcome).toBe('success')
    expect(r.retryMapping).toBe('')
    expect(r.lines.map((l) => l.reasons)).toEqual([
      ['planned (dry run)'],
      ['planned (dry run)'],
      ['planned (dry run)']
    ])
    expect(r.conclusion).toEqual({
      kind: 'success',
      message: 'Dry run: all 3 mapping entries planned without errors.'
    })
    expect(r.document['run']).toMatchObject({ mode: 'dry-run' })
  })

  it('a fatal stop fails the step with the redacted reason', () => {
    const r = buildRunReport(input({ fatal: 'cannot start oc with s3cr3t-value' }))
    expect(r.conclusion).toEqual({
      kind: 'fatal',
      message: 'mirror-guard: cannot start oc with ***'
    })
    expect(r.document['run']).toMatchObject({ fatal: 'cannot start oc with ***' })
  })

  it('says which attempts passed --force, and why', () => {
    expect(
      forcedAttempts([
        attempt(1, [0]),
        attempt(2, [0, 1], {
          force: true,
          repairs: [{ entryId: 0, method: 'force', removed: [], why: 's3:// with oc 4.13' }]
        })
      ])
    ).toEqual([
      'Attempt 2 passed --force (oc downloads every layer of its 2 lines again): s3:// with oc 4.13.'
    ])
  })
})
