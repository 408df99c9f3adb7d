// The whole action (main) against a stand-in oc replaying real transcripts attempt by attempt.
import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLog } from '../../src/core/log-reader.js'
import { run } from '../../src/main.js'
import {
  actionEnvPerTest,
  annotations,
  captureStdout,
  mappingLines,
  ROOT,
  SAMPLES
} from './harness.js'

const setup = actionEnvPerTest()
/** small/a's manifest in the bug-429 sample tree (test/fixtures/oc-dir-samples). */
const MANIFEST_A = 'sha256:a47fae49c72b35706edfc3b5a84f5fff14bda565589ba4ec13db76c54930cbc4'

const BASE = {
  'filter-by-os': '.*',
  insecure: 'true',
  'skip-multiple-scopes': 'true',
  'retry-delay': '0',
  upload: 'false'
}

describe('run() with replayed oc transcripts', () => {
  it('retries only the rate-limited line with --max-per-registry=1 and recovers (429 → clean)', async () => {
    const e = setup([{ case: '4.12/429-json-blob-reg' }, { case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/429-json-blob-reg')
    e.stub({ ...BASE, mapping, 'max-per-registry': '6', verify: 'off' })
    const stdout = captureStdout()
    await run()

    const calls = e.calls()
    expect(calls).toHaveLength(2)
    expect(calls[0].argv).toContain('--max-per-registry=6')
    expect(calls[0].argv).not.toContain('--force')
    const alpha = readFileSync(`${e.workspace}/${mapping}`, 'utf8').split('\n')[0]
    expect(mappingLines(calls[1].mapping)).toEqual([alpha])
    expect(calls[1].argv).toContain('--max-per-registry=1')
    expect(calls[1].argv).not.toContain('--max-per-registry=6')
    expect(calls[1].argv).not.toContain('--force')

    const out = e.outputs()
    // Every output action.yml declares is set, and nothing else.
    const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    const declared = [...yml.slice(yml.indexOf('\noutputs:')).matchAll(/^ {2}([\w-]+):$/gm)]
    expect(Object.keys(out).sort()).toEqual(declared.map((m) => m[1]).sort())
    expect(out['outcome']).toBe('success')
    expect(out['attempts']).toBe('2')
    expect(out['mirrored']).toBe('5')
    expect(out['failed']).toBe('0')
    expect(out['retry-mapping']).toBe('')
    expect(process.exitCode).toBeUndefined()

    const notes = annotations(stdout()).filter((a) => a.level === 'notice')
    expect(notes).toHaveLength(1)
    expect(notes[0].props).toMatchObject({ file: 'mapping.txt', line: '1' })
    expect(annotations(stdout()).filter((a) => a.level === 'error')).toEqual([])

    const report = JSON.parse(readFileSync(out['report'], 'utf8')) as {
      lines: { line: number; status: string; recoveredAfter?: number }[]
      run: { attempts: { attempt: number; entryIds: number[] }[]; toolVersion: string }
    }
    expect(report.lines.find((l) => l.line === 1)).toMatchObject({
      status: 'mirrored',
      recoveredAfter: 1
    })
    expect(report.run.attempts.map((a) => a.entryIds)).toEqual([[0, 1, 2, 3, 4], [0]])
    expect(report.run.toolVersion).toContain('openshift-clients-4.12.0')

    // The combined log has one header per attempt; oc's lines were echoed inside a
    // stop-commands block only.
    const log = readFileSync(out['log'], 'utf8')
    // Evidence line numbers point into the combined log (the artifact).
    const logLines = log.split('\n')
    const alphaLine = report.lines.find((l) => l.line === 1) as unknown as { evidence: number[] }
    expect(alphaLine.evidence.length).toBeGreaterThan(0)
    for (const n of alphaLine.evidence) expect(logLines[n - 1]).toMatch(/alpha:v1$/)
    expect(log.match(/^==== mirror-guard attempt \d+ ====$/gm)).toEqual([
      '==== mirror-guard attempt 1 ====',
      '==== mirror-guard attempt 2 ===='
    ])
    // Re-read as the CLI and later jobs read the artifact: two attempts, same verdicts.
    const starts: number[] = []
    await readLog(out['log'], (ev) => {
      if (ev.kind === 'attempt-start') starts.push(ev.attempt)
    })
    expect(starts).toEqual([1, 2])
    const text = stdout()
    const open = /^::stop-commands::([0-9a-f]{32})$/m.exec(text)
    expect(open).not.toBeNull()
    const errLine = text.indexOf('error: unable to open source layer')
    expect(errLine).toBeGreaterThan(text.indexOf(open![0]))
    expect(text.indexOf(`::${open![1]}::`)).toBeGreaterThan(errLine)

    const summary = e.summary()
    expect(summary).toContain('All 5 mapping entries')
    expect(summary).toMatch(/`rate-limit` \| 0 \| 1 \|/)
    expect(summary).not.toContain('`unknown`')
  })

  it('does not retry a permanent auth failure: partial, one error annotation on its line', async () => {
    const e = setup([{ case: '4.12/401-manifest-file' }, { case: '4.12/clean-file' }])
    const mapping = e.mappingFrom('4.12/401-manifest-file')
    // verify off: this transcript comes without the tree oc wrote, so there is nothing to check.
    e.stub({ ...BASE, mapping, dir: 'mirror', verify: 'off' })
    const stdout = captureStdout()
    await run()

    expect(e.calls()).toHaveLength(1)
    const out = e.outputs()
    expect(out['outcome']).toBe('partial')
    expect(out['attempts']).toBe('1')
    expect(out['failed']).toBe('1')
    expect(JSON.parse(out['failed-by-class'])).toEqual({ auth: 1 })
    const errors = annotations(stdout()).filter((a) => a.level === 'error')
    const onLines = errors.filter((a) => a.props['file'] !== undefined)
    expect(onLines).toHaveLength(1)
    expect(onLines[0].props).toMatchObject({ file: 'mapping.txt', line: '1', title: 'auth' })
    expect(process.exitCode).toBe(1)
    const retry = readFileSync(out['retry-mapping'], 'utf8')
    expect(mappingLines(retry)).toEqual([
      readFileSync(`${e.workspace}/${mapping}`, 'utf8').split('\n')[0]
    ])
  })

  it('repairs the oc ≤4.13 file:// bug: verifier finds alpha incomplete, stale manifest removed, retry without --force', async () => {
    // Attempt 1 replays the real 429 run and leaves the real tree oc wrote in that situation
    // (manifest present, one layer missing); attempt 2 replays a rerun that fetched the layer
    // and leaves a complete tree. (Real oc shows the bytes saved: test/e2e/repair.test.ts.)
    const e = setup([
      {
        case: '4.12/bug-429-file-1-initial',
        tree: {
          from: 'bug-429/mirror',
          repos: { 'small/a': 'ns/alpha', 'small/b': 'ns/beta' },
          digestsFromTree: true
        }
      },
      {
        case: '4.12/bug-429-file-4-rerun-force',
        tree: { from: 'clean/mirror', repos: { 'small/a': 'ns/alpha' }, digestsFromTree: true }
      }
    ])
    const mapping = e.mappingFrom('4.12/bug-429-file-1-initial')
    e.stub({ ...BASE, mapping, dir: 'mirror' })
    const stdout = captureStdout()
    await run()

    const calls = e.calls()
    expect(calls).toHaveLength(2)
    expect(calls[0].argv).not.toContain('--force')
    expect(calls[1].argv).not.toContain('--force')
    expect(calls[1].argv).toContain('--max-per-registry=1')
    const alpha = readFileSync(`${e.workspace}/${mapping}`, 'utf8').split('\n')[0]
    expect(mappingLines(calls[1].mapping)).toEqual([alpha])

    const out = e.outputs()
    expect(out['outcome']).toBe('success')
    expect(out['attempts']).toBe('2')
    expect(out['mirrored']).toBe('2')

    const report = JSON.parse(readFileSync(out['report'], 'utf8')) as {
      run: {
        ocVersion: { major: number; minor: number; version: string }
        attempts: {
          verified: { checked: number; incomplete: number }
          repairs: { entryId: number; method: string; removed: string[]; why: string }[]
        }[]
      }
      lines: { line: number; status: string; recoveredAfter?: number }[]
    }
    expect(report.run.ocVersion).toMatchObject({ major: 4, minor: 12, version: '4.12.0' })
    expect(report.run.attempts[0].repairs).toEqual([])
    const [repair] = report.run.attempts[1].repairs
    expect(report.run.attempts[1].repairs).toHaveLength(1)
    expect(repair).toMatchObject({ entryId: 0, method: 'remove-stale' })
    expect(repair.removed[0]).toBe('v2/ns/alpha/manifests/v1')
    expect(repair.removed[1]).toMatch(/^v2\/ns\/alpha\/manifests\/sha256:[0-9a-f]{64}$/)
    expect(repair.removed).toHaveLength(2)
    expect(repair.why).toContain('oc 4.12 plans no layers for a manifest already on disk')
    expect(report.run.attempts[0].verified).toEqual({ checked: 2, incomplete: 1 })
    expect(report.run.attempts[1].verified).toEqual({ checked: 1, incomplete: 0 })
    expect(report.lines[0]).toMatchObject({ status: 'mirrored', recoveredAfter: 1 })
    const notice = annotations(stdout()).filter((a) => a.level === 'notice')
    expect(notice).toHaveLength(1)
    expect(notice[0].props['title']).toBe('recovered')
    expect(notice[0].message).toContain('incomplete')
  })

  it('verify: off still reads the tree of a failed file:// line and removes its stale manifest instead of --force', async () => {
    const e = setup([
      {
        case: '4.12/bug-429-file-1-initial',
        tree: { from: 'bug-429/mirror', repos: { 'small/a': 'ns/alpha', 'small/b': 'ns/beta' } }
      },
      {
        case: '4.12/bug-429-file-4-rerun-force',
        tree: { from: 'clean/mirror', repos: { 'small/a': 'ns/alpha' } }
      }
    ])
    const mapping = e.mappingFrom('4.12/bug-429-file-1-initial')
    e.stub({ ...BASE, mapping, dir: 'mirror', verify: 'off' })
    captureStdout()
    await run()
    const calls = e.calls()
    expect(calls).toHaveLength(2)
    expect(calls[1].argv).not.toContain('--force')
    const report = JSON.parse(readFileSync(e.outputs()['report'], 'utf8')) as {
      run: { attempts: { repairs: { method: string; removed: string[] }[] }[] }
    }
    expect(report.run.attempts[1].repairs.map((r) => [r.method, r.removed.length])).toEqual([
      ['remove-stale', 2]
    ])
    expect(e.summary().replace(/\\/g, '')).toContain('2 stale files removed (1 line)')
  })

  it('a tree carried over from an earlier oc ≤ 4.13 run: stale manifests removed before attempt 1', async () => {
    const e = setup([
      {
        case: '4.12/bug-429-file-4-rerun-force',
        tree: {
          from: 'clean/mirror',
          repos: { 'small/a': 'ns/alpha', 'small/b': 'ns/beta' },
          digestsFromTree: true
        }
      }
    ])
    const mapping = e.mappingFrom('4.12/bug-429-file-4-rerun-force')
    // What the earlier run left: alpha's manifest and tag link without one layer.
    cpSync(
      join(SAMPLES, 'bug-429', 'mirror', 'v2', 'small', 'a'),
      join(e.workspace, 'mirror', 'v2', 'ns', 'alpha'),
      {
        recursive: true,
        verbatimSymlinks: true
      }
    )
    e.stub({ ...BASE, mapping, dir: 'mirror' })
    captureStdout()
    await run()
    const calls = e.calls()
    expect(calls).toHaveLength(1)
    expect(calls[0].argv).not.toContain('--force')
    const out = e.outputs()
    expect(out['outcome']).toBe('success')
    const report = JSON.parse(readFileSync(out['report'], 'utf8')) as {
      run: { attempts: { repairs: { entryId: number; method: string; removed: string[] }[] }[] }
    }
    expect(report.run.attempts[0].repairs).toEqual([
      {
        entryId: 0,
        method: 'remove-stale',
        removed: ['v2/ns/alpha/manifests/v1', `v2/ns/alpha/manifests/${MANIFEST_A}`],
        why: expect.any(String) as string
      }
    ])
  })

  it('counts a line oc printed as mirrored but whose layer is missing as failed (incomplete)', async () => {
    // Only one attempt allowed: the bug state stays and must not be reported as success.
    const e = setup([
      {
        case: '4.12/bug-429-file-2-rerun',
        tree: {
          from: 'bug-429/mirror',
          repos: { 'small/a': 'ns/alpha', 'small/b': 'ns/beta' },
          digestsFromTree: true
        }
      }
    ])
    const mapping = e.mappingFrom('4.12/bug-429-file-2-rerun')
    e.stub({ ...BASE, mapping, dir: 'mirror', 'max-attempts': '1' })
    captureStdout()
    await run()
    const out = e.outputs()
    expect(out['outcome']).toBe('partial')
    expect(JSON.parse(out['failed-by-class'])).toEqual({ incomplete: 1 })
    expect(mappingLines(readFileSync(out['retry-mapping'], 'utf8'))).toHaveLength(1)
    expect(process.exitCode).toBe(1)
  })

  it.each([
    ['warn', 1, 'warning'],
    ['ignore', 0, undefined]
  ] as const)(
    'on-failure: %s keeps the step green',
    async (onFailure, errorAnnotations, summaryLevel) => {
      const e = setup([{ case: '4.12/401-manifest-file' }])
      const mapping = e.mappingFrom('4.12/401-manifest-file')
      e.stub({ ...BASE, mapping, dir: 'mirror', verify: 'off', 'on-failure': onFailure })
      const stdout = captureStdout()
      await run()
      expect(process.exitCode).toBeUndefined()
      expect(e.outputs()['outcome']).toBe('partial')
      const all = annotations(stdout())
      expect(all.filter((a) => a.level === 'error' && a.props['file'])).toHaveLength(
        errorAnnotations
      )
      const verdict = all.filter((a) => a.props['title'] === 'mirror-guard')
      expect(verdict.map((a) => a.level)).toEqual(summaryLevel ? [summaryLevel] : [])
    }
  )
})
