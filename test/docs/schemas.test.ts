// docs/schemas/*.schema.json describe the JSON each command and the action writes; every schema
// is checked here against real output: the CLI on the bundled example and the oc samples, and
// the action run against replayed oc transcripts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mergeCommand } from '../../src/cli/merge.js'
import { parseMappingText } from '../../src/core/mapping.js'
import { planShards } from '../../src/core/shard-plan.js'
import { triageCommand } from '../../src/cli/triage.js'
import { validateCommand } from '../../src/cli/validate.js'
import { verifyCommand } from '../../src/cli/verify.js'
import { run } from '../../src/main.js'
import { FAILURE_CLASSES } from '../../src/github/input-values.js'
import { actionEnvPerTest, captureStdout } from '../action/harness.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SAMPLES = join(ROOT, 'test', 'fixtures', 'oc-dir-samples')

const ajv = new Ajv2020({ strict: true, allErrors: true })
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)

function schema(name: string): ValidateFunction {
  return ajv.compile(
    JSON.parse(readFileSync(join(ROOT, 'docs', 'schemas', `${name}.schema.json`), 'utf8')) as object
  )
}
const REPORT = schema('report')
const VALIDATE = schema('validate')
const VERIFY = schema('verify')
// After report: it refers to report.schema.json's definitions by its $id.
const MERGED = schema('merged')

function expectValid(check: ValidateFunction, data: unknown): void {
  check(data)
  expect(check.errors ?? []).toEqual([])
}

let dir: string
let out: string
const io = () => ({ out: (s: string) => void (out += s), err: () => undefined, cwd: dir })
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mg-schemas-'))
  out = ''
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('JSON Schemas of the reports', () => {
  it('lists every failure class the code knows', () => {
    const schemaJson = JSON.parse(
      readFileSync(join(ROOT, 'docs', 'schemas', 'report.schema.json'), 'utf8')
    ) as { $defs: { class: { enum: string[] } } }
    expect([...schemaJson.$defs.class.enum].sort()).toEqual([...FAILURE_CLASSES].sort())
  })

  it('triage --json matches report.schema.json', async () => {
    const args = ['--log', join(ROOT, 'examples', 'mirror.log')]
    args.push('-f', join(ROOT, 'examples', 'mapping.txt'), '--json', 'r.json', '--no-retry-out')
    expect(await triageCommand(args, io())).toBe(1)
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { lines: unknown[] }
    expect(report.lines).toHaveLength(5)
    expectValid(REPORT, report)
    // The schema is strict: an undocumented field fails it.
    expect(REPORT({ ...report, extra: 1 })).toBe(false)
  })

  it('triage --json of a log with more attempts than the report keeps (attemptsOmitted)', async () => {
    const one = readFileSync(join(ROOT, 'examples', 'mirror.log'), 'utf8')
    writeFileSync(join(dir, 'many.log'), one.repeat(105))
    const args = ['--log', 'many.log', '-f', join(ROOT, 'examples', 'mapping.txt')]
    await triageCommand([...args, '--json', 'r.json', '--no-retry-out'], io())
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as {
      attemptsOmitted?: { count: number }
      stats: { attempts: number }
    }
    expect(report.stats.attempts).toBe(105)
    expect(report.attemptsOmitted?.count).toBeGreaterThan(0)
    expectValid(REPORT, report)
  })

  it('validate --json matches validate.schema.json', async () => {
    writeFileSync(
      join(dir, 'm.txt'),
      'quay.io/ns/a:v1  reg.local/m/a:v1\nquay.io/ns/b:v1=quay.io/ns/b:v1\nnot a ref\n'
    )
    await validateCommand(['-f', 'm.txt', '--json', 'v.json'], io())
    const report = JSON.parse(readFileSync(join(dir, 'v.json'), 'utf8')) as {
      lines: number
      findings: unknown[]
    }
    expect(report.lines).toBe(3)
    expect(report.findings.length).toBeGreaterThan(2)
    expectValid(VALIDATE, report)
  })

  it('verify --json matches verify.schema.json (complete, incomplete and unchecked lines)', async () => {
    const sample = join(SAMPLES, 'bug-truncated-stream')
    const args = ['-f', join(sample, 'mapping.txt'), '--dir', join(sample, 'mirror')]
    await verifyCommand([...args, '--json', 'a.json'], io())
    writeFileSync(
      join(dir, 's3.txt'),
      'quay.io/ns/a:v1=s3://s3.amazonaws.com/us-east-1/b/ns/a:v1\n'
    )
    await verifyCommand(['-f', 's3.txt', '--json', 'b.json'], io())
    for (const f of ['a.json', 'b.json']) {
      const report = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { lines: unknown[] }
      expect(report.lines.length).toBeGreaterThan(0)
      expectValid(VERIFY, report)
    }
  })
})

describe('the action report.json', () => {
  const setup = actionEnvPerTest()
  const BASE = { 'filter-by-os': '.*', 'retry-delay': '0', upload: 'false', verify: 'off' }

  it('mirror with a retry that recovers matches report.schema.json', async () => {
    const e = setup([{ case: '4.12/429-json-blob-reg' }, { case: '4.12/clean-reg' }])
    e.stub({ ...BASE, mapping: e.mappingFrom('4.12/429-json-blob-reg') })
    captureStdout()
    await run()
    const report = JSON.parse(readFileSync(e.outputs()['report'] ?? '', 'utf8')) as {
      run: { attempts: unknown[] }
    }
    expect(report.run.attempts).toHaveLength(2)
    expectValid(REPORT, report)
  })

  it('a permanent failure (partial) matches report.schema.json', async () => {
    const e = setup([{ case: '4.12/401-manifest-file' }])
    e.stub({ ...BASE, mapping: e.mappingFrom('4.12/401-manifest-file'), dir: 'mirror' })
    captureStdout()
    await run()
    expectValid(REPORT, JSON.parse(readFileSync(e.outputs()['report'] ?? '', 'utf8')))
  })

  it('mode: validate matches validate.schema.json', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.writeFile('mapping.txt', 'quay.io/ns/b:v1=quay.io/ns/b:v1\n')
    e.stub({ ...BASE, mapping, mode: 'validate' })
    captureStdout()
    await run()
    expectValid(VALIDATE, JSON.parse(readFileSync(e.outputs()['report'] ?? '', 'utf8')))
  })

  it('mode: aggregate (no artifact service: every shard missing) matches merged.schema.json', async () => {
    const e = setup([])
    const mapping = e.writeFile(
      'mapping.txt',
      'quay.io/ns/a:v1=quay.io/ns/a:v1\nquay.io/ns/b:v1=quay.io/ns/b:v1\n'
    )
    e.stub({ mapping, mode: 'aggregate', shard: '2' })
    captureStdout()
    await run()
    const report = JSON.parse(readFileSync(e.outputs()['report'] ?? '', 'utf8')) as {
      lines: { classes: string[] }[]
      merged: { shards: { report?: string }[] }
    }
    expect(report.lines.map((l) => l.classes)).toEqual([['unconfirmed'], ['unconfirmed']])
    expect(report.merged.shards.filter((r) => r.report === undefined)).toHaveLength(2)
    expectValid(MERGED, report)
    expect(MERGED({ ...report, extra: 1 })).toBe(false)
  })
})

describe('mirror-guard merge --json', () => {
  it('matches merged.schema.json (a shard with bytes and time, a shard that sent no report)', async () => {
    const text = 'quay.io/ns/a:v1 quay.io/ns/a:v1\nquay.io/ns/b:v1 quay.io/ns/b:v1\n'
    writeFileSync(join(dir, 'mapping.txt'), text)
    const line = (n: number, repo: string): object => ({
      file: 'mapping.txt',
      line: n,
      source: `quay.io/ns/${repo}:v1`,
      destination: `quay.io/ns/${repo}:v1`,
      status: 'mirrored',
      classes: [],
      reasons: [],
      evidence: [],
      retryable: false
    })
    const plan = planShards(parseMappingText(text, 'mapping.txt').entries, 2)
    const index = plan.shardOf.get(0) ?? 1
    writeFileSync(
      join(dir, 'r.json'),
      JSON.stringify({
        version: 1,
        shard: { index, count: 2 },
        lines: [line(1, 'a')],
        runLevel: [{ severity: 'warning', class: 'unknown', reason: 'r', text: 't', logLine: 2 }],
        run: {
          outcome: 'success',
          attempts: [
            {
              startedAt: '2026-12-07T01:00:00Z',
              endedAt: '2026-12-07T01:00:09Z',
              stats: { mirroringSeconds: 2, bytesPerSecond: 1000 }
            }
          ]
        }
      })
    )
    const code = await mergeCommand(['-f', 'mapping.txt', '--json', 'm.json', 'r.json'], io())
    expect(code).toBe(1)
    const merged = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')) as {
      merged: { shards: { bytes?: number; durationSeconds?: number }[] }
    }
    expect(merged.merged.shards[index - 1]).toMatchObject({ bytes: 2000, durationSeconds: 9 })
    expectValid(MERGED, merged)
  })
})
