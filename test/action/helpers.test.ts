// The pure helpers of the action: secrets, outcome, presentation.
import { describe, expect, it } from 'vitest'
import type { LineVerdict, Triage } from '../../src/core/types.js'
import { computeOutcome, failedByClass } from '../../src/core/outcome.js'
import { originOf } from '../../src/core/retry-mapping.js'
import { annotatedRunLevel } from '../../src/core/run-report.js'
import { masksFor, secretValues } from '../../src/core/secret-values.js'
import { dryRunVerdicts } from '../../src/core/verdict-ledger.js'
import type { AttemptRecord } from '../../src/run/job.js'

const v = (entryId: number, status: 'mirrored' | 'failed', ...classes: string[]): LineVerdict =>
  ({ entryId, status, classes, reasons: [], evidence: [], retryable: true }) as LineVerdict

describe('secrets', () => {
  it('finds every credential in a docker/podman auth file, also the decoded password', () => {
    const auth = Buffer.from('robot$ci:p4ss:word').toString('base64')
    const json = JSON.stringify({
      auths: {
        'quay.io': { auth, email: 'a@b.c' },
        'r.example': { username: 'u', password: 'pw-123', identitytoken: 'idt' },
        'x.example': { RegistryToken: 'rt' }
      },
      credHelpers: { 'gcr.io': 'gcloud' }
    })
    expect(secretValues(json).sort()).toEqual(
      [auth, 'robot$ci:p4ss:word', 'p4ss:word', 'pw-123', 'idt', 'rt'].sort()
    )
    expect(secretValues('not json')).toEqual([])
  })

  it('masks the whole secret, its lines and its values, but not JSON punctuation lines', () => {
    const text = '{\n  "auths": {\n    "quay.io": { "auth": "c2VjcmV0OnZhbHVl" }\n  }\n}'
    const masks = masksFor(text)
    expect(masks).toContain(text)
    expect(masks).toContain('"quay.io": { "auth": "c2VjcmV0OnZhbHVl" }')
    expect(masks).toContain('c2VjcmV0OnZhbHVl')
    expect(masks).toContain('value')
    expect(masks).not.toContain('{')
    expect(masks).not.toContain('}')
  })
})

describe('outcome', () => {
  it('success, partial, failed', () => {
    expect(computeOutcome([v(0, 'mirrored'), v(1, 'mirrored')], false)).toBe('success')
    expect(computeOutcome([], false)).toBe('success')
    expect(computeOutcome([v(0, 'mirrored'), v(1, 'failed', 'auth')], false)).toBe('partial')
    expect(computeOutcome([v(0, 'failed', 'auth')], false)).toBe('failed')
    expect(computeOutcome([v(0, 'mirrored')], true)).toBe('partial')
    expect(computeOutcome([], true)).toBe('failed')
  })

  it('counts failed lines per class, a two-class line in both', () => {
    expect(
      failedByClass([
        v(0, 'failed', 'rate-limit'),
        v(1, 'failed', 'server', 'dependency'),
        v(2, 'failed', 'rate-limit'),
        v(3, 'mirrored')
      ])
    ).toEqual({ dependency: 1, 'rate-limit': 2, server: 1 })
  })
})

describe('presentation', () => {
  it('finds the origin comment renderRetryMapping writes before a line', () => {
    const texts = new Map([
      [
        '/tmp/r/retry-mapping.txt',
        '# header\n# mapping/a.txt:12 rate-limit,server: HTTP 429\nq/a:v1=r/a:v1\nq/b:v1=r/b:v1\n'
      ]
    ])
    expect(originOf(texts, '/tmp/r/retry-mapping.txt', 3)).toEqual({
      file: 'mapping/a.txt',
      line: 12
    })
    expect(originOf(texts, '/tmp/r/retry-mapping.txt', 4)).toBeUndefined()
    expect(originOf(texts, 'other.txt', 3)).toBeUndefined()
  })

  it('a dry run calls a line nothing failed "planned", and keeps real planning errors', () => {
    const t: Triage = {
      verdicts: [v(0, 'failed', 'unconfirmed'), v(1, 'failed', 'auth')],
      runLevel: [],
      attempts: []
    }
    const out = dryRunVerdicts(t).verdicts
    expect(out[0]).toMatchObject({ status: 'mirrored', reasons: ['planned (dry run)'] })
    expect(out[1]).toMatchObject({ status: 'failed', classes: ['auth'] })
  })

  it('annotates only run-level findings of the last attempt, never the closing summary line', () => {
    const finding = (logLine: number, text: string) => ({
      severity: 'error' as const,
      class: 'network' as const,
      reason: 'r',
      text,
      logLine
    })
    const t: Triage = {
      verdicts: [],
      runLevel: [
        finding(5, 'unable to connect to quay.io: dial tcp: i/o timeout'),
        finding(25, 'unable to connect to quay.io: dial tcp: i/o timeout'),
        finding(30, 'one or more errors occurred')
      ],
      attempts: []
    }
    const attempts = [{ logLines: [1, 10] }, { logLines: [11, 30] }] as unknown as AttemptRecord[]
    expect(annotatedRunLevel(t, attempts).map((f) => f.logLine)).toEqual([25])
  })
})
