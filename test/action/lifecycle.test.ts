// Attempt timeout, dry run, secrets, retry-from and the artifact fallbacks, through run().
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { run } from '../../src/main.js'
import { uploadFiles } from '../../src/github/artifacts.js'
import { ResultsService } from '../support/results-service.js'
import { actionEnvPerTest, annotations, captureStdout, mappingLines, alive } from './harness.js'

let service: ResultsService
beforeAll(async () => {
  service = await ResultsService.start()
})
afterAll(async () => {
  await service.stop()
})

const setup = actionEnvPerTest()
const BASE = {
  'filter-by-os': '.*',
  insecure: 'true',
  'retry-delay': '0',
  verify: 'off',
  upload: 'false'
}

describe('attempt-timeout', () => {
  it('stops a stuck oc, counts its unconfirmed lines as network failures and retries them', async () => {
    const e = setup([
      { case: '4.12/clean-reg', pauseAfterPlanningMs: 30_000 },
      { case: '4.12/clean-reg' }
    ])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ ...BASE, mapping, 'attempt-timeout': '1s' })
    captureStdout()
    const started = Date.now()
    await run()
    expect(Date.now() - started).toBeLessThan(15_000)

    const calls = e.calls()
    expect(calls).toHaveLength(2)
    expect(alive(calls[0].pid!)).toBe(false)
    const out = e.outputs()
    expect(out['outcome']).toBe('success')
    const report = JSON.parse(readFileSync(out['report'], 'utf8')) as {
      run: { attempts: { timedOut: boolean; exitCode: number | null; entryIds: number[] }[] }
      lines: { recoveredAfter?: number }[]
    }
    expect(report.run.attempts[0]).toMatchObject({ timedOut: true, exitCode: null })
    expect(report.run.attempts[1].entryIds).toHaveLength(5)
    expect(report.lines.every((l) => l.recoveredAfter === 1)).toBe(true)
  })

  it('gives up after max-attempts with the lines failed as network', async () => {
    const e = setup([{ case: '4.12/clean-reg', pauseAfterPlanningMs: 30_000 }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ ...BASE, mapping, 'attempt-timeout': '1s', 'max-attempts': '1' })
    const stdout = captureStdout()
    await run()
    const out = e.outputs()
    expect(out['outcome']).toBe('failed')
    expect(JSON.parse(out['failed-by-class'])).toEqual({ network: 5 })
    expect(mappingLines(readFileSync(out['retry-mapping'], 'utf8'))).toHaveLength(5)
    const errors = annotations(stdout()).filter((a) => a.level === 'error')
    expect(errors[0].message).toContain('attempt-timeout')
    expect(process.exitCode).toBe(1)
  })
})

describe('mode: dry-run', () => {
  it('runs oc --dry-run once and reports every line as planned', async () => {
    const e = setup([{ case: '4.12/dry-run-reg' }])
    const mapping = e.mappingFrom('4.12/dry-run-reg')
    e.stub({ ...BASE, mapping, mode: 'dry-run', verify: 'auto' })
    captureStdout()
    await run()
    const calls = e.calls()
    expect(calls).toHaveLength(1)
    expect(calls[0].argv).toContain('--dry-run=true')
    const out = e.outputs()
    expect(out['outcome']).toBe('success')
    expect(out['retry-mapping']).toBe('')
    expect(process.exitCode).toBeUndefined()
    expect(e.summary()).toContain('dry run')
  })
})

describe('registry credentials', () => {
  it('masks the secret and every credential in it, passes a 0600 file to oc and removes it', async () => {
    const token = 'dXNlcjpzM2NyZXQtcGFzc3dvcmQ=' // user:s3cret-password
    const auth = JSON.stringify({
      auths: { 'quay.io': { auth: token }, 'r.example': { identitytoken: 'id-token-123456' } }
    })
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ ...BASE, mapping, 'registry-auth': auth })
    const stdout = captureStdout()
    await run()
    const masks = [...stdout().matchAll(/^::add-mask::(.*)$/gm)].map((m) => m[1])
    expect(masks).toEqual(expect.arrayContaining([token, 'id-token-123456', 's3cret-password']))
    const arg = e.calls()[0].argv.find((a) => a.startsWith('--registry-config='))!
    const path = arg.slice('--registry-config='.length)
    expect(() => readFileSync(path)).toThrow() // removed after the run
    const plain = stdout()
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
    expect(plain.filter((l) => l.includes(token) || l.includes('s3cret-password'))).toEqual([])
    expect(e.outputs()['outcome']).toBe('success')
  })

  it('rejects a registry-config file that does not exist before oc starts', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ ...BASE, mapping, 'registry-config': 'nope/auth.json' })
    const stdout = captureStdout()
    await run()
    expect(e.allCalls()).toEqual([])
    expect(stdout()).toMatch(/::error::Input registry-config: file nope\/auth.json not found/)
    expect(process.exitCode).toBe(1)
  })

  it('fails clearly when the oc binary cannot be started', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ ...BASE, mapping, oc: join(e.dir, 'no-such-oc') })
    const stdout = captureStdout()
    await run()
    expect(stdout()).toMatch(/::error::Cannot run oc: cannot start .*no-such-oc: .*ENOENT/)
    expect(e.outputs()['outcome']).toBe('failed')
    expect(process.exitCode).toBe(1)
  })

  it('rejects a working-directory that does not exist', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ ...BASE, mapping, 'working-directory': 'not/here' })
    const stdout = captureStdout()
    await run()
    expect(stdout()).toMatch(/::error::Input working-directory: .*not\/here is not a directory/)
    expect(e.allCalls()).toEqual([])
    expect(process.exitCode).toBe(1)
  })

  it.each(['0/3', '4/3', 'a/b'])('shard: %s is a clear error and nothing runs', async (shard) => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ ...BASE, mapping, shard })
    const stdout = captureStdout()
    await run()
    const errors = annotations(stdout()).filter((a) => a.level === 'error')
    expect(errors.map((a) => a.message)).toEqual([
      expect.stringMatching(new RegExp(`^Input shard: "${shard}"[: ]`)),
      '1 invalid input; nothing was run.'
    ])
    expect(e.allCalls()).toEqual([])
    expect(e.outputs()['outcome']).toBe('failed')
    expect(process.exitCode).toBe(1)
  })

  it.each([
    [
      'time-budget',
      '-5m',
      /^Input time-budget: "-5m" is negative; use a positive duration like 45s, 90m, 5h40m\.$/
    ],
    ['chunk-size', '0', /^Input chunk-size: "0" is not a whole number from 1 to 1000000\.$/],
    ['progress-interval', 'x', /^Input progress-interval: "x" is not a duration; use seconds/]
  ])('%s: %s is a one-line error and nothing runs', async (name, value, message) => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub({ ...BASE, mapping, [name]: value })
    const stdout = captureStdout()
    await run()
    const errors = annotations(stdout()).filter((a) => a.level === 'error')
    expect(errors.map((a) => a.message)).toEqual([
      expect.stringMatching(message),
      '1 invalid input; nothing was run.'
    ])
    expect(errors[0].message).not.toContain('\n')
    expect(e.allCalls()).toEqual([])
    expect(e.outputs()['outcome']).toBe('failed')
    expect(process.exitCode).toBe(1)
  })

  it('lists every invalid input at once and runs nothing', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    e.stub({ mapping: 'm.txt', 'max-attempts': 'many', 'on-failure': 'explode', upload: 'false' })
    const stdout = captureStdout()
    await run()
    const errors = annotations(stdout()).filter((a) => a.level === 'error')
    expect(errors.some((a) => a.message.includes('max-attempts'))).toBe(true)
    expect(errors.some((a) => a.message.includes('on-failure'))).toBe(true)
    expect(e.allCalls()).toEqual([])
    expect(e.outputs()['outcome']).toBe('failed')
  })
})

describe('artifacts', () => {
  it('without the Actions runtime: one notice, files and outputs still there', async () => {
    const e = setup([{ case: '4.12/401-manifest-file' }])
    const mapping = e.mappingFrom('4.12/401-manifest-file')
    e.stub({ ...BASE, mapping, dir: 'mirror', upload: 'true' })
    const stdout = captureStdout()
    await run()
    const notices = annotations(stdout()).filter((a) => a.level === 'notice')
    expect(notices).toHaveLength(1)
    expect(notices[0].message).toContain('not uploaded')
    const out = e.outputs()
    expect(out['log-artifact-id']).toBe('')
    expect(readFileSync(out['log'], 'utf8')).toContain('==== mirror-guard attempt 1 ====')
    expect(readFileSync(out['retry-mapping'], 'utf8')).toContain('ns/alpha')
  })

  it('a re-run of the job replaces its artifacts, and removes its retry mapping once nothing is left', async () => {
    const first = setup([{ case: '4.12/401-manifest-file' }])
    const mapping = first.mappingFrom('4.12/401-manifest-file')
    first.stub({ ...BASE, mapping, dir: 'mirror', upload: 'true' }, service.env('351', 'job-a'))
    captureStdout()
    await run()
    expect(first.outputs()['outcome']).not.toBe('success')
    const named = (name: string) => service.artifacts().filter((a) => a.name === name)
    const [log1] = named('oc-mirror-log')
    expect(log1).toBeDefined()
    expect(named('oc-mirror-retry-mapping')).toHaveLength(1)

    // "Re-run failed jobs": the same run, attempt 2, and this time every line mirrors.
    const again = setup([{ case: '4.12/clean-file' }])
    again.stub(
      { ...BASE, mapping: again.mappingFrom('4.12/clean-file'), dir: 'mirror', upload: 'true' },
      { ...service.env('351', 'job-a'), GITHUB_RUN_ATTEMPT: '2' }
    )
    const stdout = captureStdout()
    await run()
    expect(again.outputs()['outcome']).toBe('success')
    expect(annotations(stdout()).filter((a) => a.level === 'warning')).toEqual([])
    const logs = named('oc-mirror-log')
    expect(logs).toHaveLength(1)
    expect(logs[0]?.id).not.toBe(log1?.id)
    expect(again.outputs()['log-artifact-id']).toBe(String(logs[0]?.id))
    // A later retry-from (retry-from-missing: skip) finds nothing left, not attempt 1's lines.
    expect(named('oc-mirror-retry-mapping')).toEqual([])
    expect(stdout()).toContain('replaced the one an earlier attempt of this run uploaded')
    expect(stdout()).toContain('removed: nothing is left to retry (run attempt 2)')
  })

  it('retry-from: mirrors only the lines of a retry mapping from another job, annotated at their origin', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    e.mappingFrom('4.12/clean-reg')
    const first = readFileSync(join(e.workspace, 'mapping.txt'), 'utf8').split('\n')[0]
    // What an earlier job uploaded (renderRetryMapping's shape: origin comment, line verbatim).
    const retry = e.writeFile(
      'retry-mapping.txt',
      `# mirror-guard retry mapping: 1 mapping entry not mirrored.\n# mapping.txt:1 rate-limit: HTTP 429\n${first}\n`
    )
    for (const [k, v] of Object.entries(service.env('301', 'job-a'))) vi.stubEnv(k, v)
    const up = await uploadFiles('oc-mirror-retry-mapping', [join(e.workspace, retry)], e.workspace)
    expect(up.id).toBeGreaterThan(0)

    e.stub(
      { ...BASE, 'retry-from': 'oc-mirror-retry-mapping', 'max-attempts': '1' },
      service.env('301', 'job-b')
    )
    captureStdout()
    await run()
    const calls = e.calls()
    expect(calls).toHaveLength(1)
    expect(mappingLines(calls[0].mapping)).toEqual([first])
    const out = e.outputs()
    expect(out['outcome']).toBe('success')
    expect(out['mirrored']).toBe('1')
    const summary = e.summary()
    expect(summary).toContain('mapping\\.txt:1')
  })

  it('retry-from another run (run-id, repository, github-token) goes through the REST API', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    e.mappingFrom('4.12/clean-reg')
    const lines = readFileSync(join(e.workspace, 'mapping.txt'), 'utf8').split('\n')
    const retry = e.writeFile(
      'retry-mapping.txt',
      `# mapping.txt:2 server: HTTP 503\n${lines[1]}\n# mapping.txt:5 server: HTTP 503\n${lines[4]}\n`
    )
    for (const [k, v] of Object.entries(service.env('401', 'job-a'))) vi.stubEnv(k, v)
    expect(
      (await uploadFiles('nightly-retry', [join(e.workspace, retry)], e.workspace)).id
    ).toBeGreaterThan(0)

    e.stub(
      {
        ...BASE,
        'retry-from': 'nightly-retry',
        'run-id': '401',
        repository: service.repository,
        'github-token': 'ghs_test'
      },
      service.env('402', 'job-b')
    )
    captureStdout()
    await run()
    expect(mappingLines(e.calls()[0].mapping)).toEqual([lines[1], lines[4]])
    expect(e.outputs()['mirrored']).toBe('2')
    expect(
      service.requests.some((r) =>
        r.path.startsWith(`/repos/${service.repository}/actions/runs/401/artifacts`)
      )
    ).toBe(true)
  })

  it('retry-from missing: one notice and skip (success, nothing run)', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    e.stub({ ...BASE, 'retry-from': 'no-such-artifact' }, service.env('302', 'job-b'))
    const stdout = captureStdout()
    await run()
    const notices = annotations(stdout()).filter((a) => a.level === 'notice')
    expect(notices).toHaveLength(1)
    expect(notices[0].message).toContain('no-such-artifact')
    expect(e.allCalls()).toEqual([])
    expect(e.outputs()['outcome']).toBe('success')
    expect(process.exitCode).toBeUndefined()
  })

  it('retry-from missing with full: mirrors the mapping input', async () => {
    const e = setup([{ case: '4.12/clean-reg' }])
    const mapping = e.mappingFrom('4.12/clean-reg')
    e.stub(
      { ...BASE, mapping, 'retry-from': 'no-such-artifact', 'retry-from-missing': 'full' },
      service.env('303', 'job-b')
    )
    captureStdout()
    await run()
    expect(e.calls()).toHaveLength(1)
    expect(e.outputs()['mirrored']).toBe('5')
  })
})
