// mode: aggregate reads text other jobs wrote (shard reports: registry error bodies in reasons,
// run-level lines, outcomes) and, on bad input, names mapping lines from them. Through the real
// bundle and the real @actions/artifact: all of it reaches the runner only as text, the summary
// stays inert Markdown, and a secret of the aggregate step never reaches what it writes.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { masksFor } from '../../src/core/secret-values.js'
import { aggregateBed, shardReportOf } from '../support/shard-artifacts.js'
import { assertInertSummary, assertOnlyOwnCommands, HOSTILE } from '../support/untrusted-output.js'

const MAPPING = ['r.example/a:1 m.example/a:1', 'r.example/b:1 m.example/b:1'].join('\n') + '\n'
const SECRET = 'c2VjcmV0LXVzZXI6aHVudGVyMi1wYXNzd29yZA=='
const AUTH = JSON.stringify({ auths: { 'm.example': { auth: SECRET } } })
const TEXT = `${HOSTILE.join('\n')} ${SECRET}`

const bed = aggregateBed(MAPPING, 'mg-agg-inj-')
const uploadShard = bed.upload

function shardReport(index: number, sourceOf = (s: string): string => s): object {
  return shardReportOf(
    MAPPING,
    index,
    2,
    (e) => ({
      source: sourceOf(e.source),
      destination: e.destination,
      status: 'failed',
      classes: ['auth'],
      reasons: [TEXT],
      evidence: [],
      retryable: false
    }),
    {
      runLevel: [{ severity: 'error', class: 'unknown', reason: TEXT, text: TEXT, logLine: 3 }],
      run: { outcome: TEXT, attempts: [] }
    }
  )
}

const aggregate = (run: string) => bed.aggregate(run, { 'registry-auth': AUTH })

const masks = (): string[] => [
  ...bed.service.artifacts().map((a) => `fake-signature-${a.id}`),
  ...masksFor(AUTH)
]

describe('aggregate of hostile shard reports', () => {
  it('reasons, run-level lines and outcomes are text; the step secret is redacted', async () => {
    await uploadShard('71', 1, shardReport(1))
    await uploadShard('71', 2, shardReport(2))
    const { w, stdout, code } = await aggregate('71')
    expect(code).toBe(1)
    const annotations = assertOnlyOwnCommands(stdout, masks())
    expect(annotations.length).toBeGreaterThan(0)
    const summary = w.summary()
    assertInertSummary(summary)
    expect(summary).toContain('pwned')
    expect(summary).not.toContain(SECRET)
    const report = readFileSync(w.outputs()['report'], 'utf8')
    expect(report).not.toContain(SECRET)
    expect(readFileSync(w.outputs()['retry-mapping'], 'utf8')).not.toContain(SECRET)
    for (const a of annotations) expect(a.data).not.toContain(SECRET)
  }, 120_000)

  it('a report naming lines the mapping does not have: one error, every command ours', async () => {
    await uploadShard(
      '72',
      1,
      shardReport(1, (s) => `${s}::error::pwned`)
    )
    await uploadShard('72', 2, shardReport(2))
    const { stdout, code } = await aggregate('72')
    expect(code).toBe(1)
    const annotations = assertOnlyOwnCommands(stdout, masks())
    expect(annotations.map((a) => a.name)).toContain('error')
    expect(annotations.some((a) => a.data.includes('is not a line of mapping.txt'))).toBe(true)
  }, 120_000)
})
