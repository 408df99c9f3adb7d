// End to end through the real entry point: `node dist/index.js` with INPUT_* variables, real
// registries behind the fault proxy, the real engines: skopeo and every real oc client found
// (oc 4.13 and 4.14 in CI). Every scenario checks what the action reported (exit code,
// annotation titles — the root cause, never its consequence —, report.json, the mapping each
// attempt ran) against what really is at the destination (registry API).
//
// Faults are shaped from what each engine really does (transcripts of the same faults:
// test/fixtures/oc-transcripts/4.13, 4.14): skopeo retries a 429 five times by itself and
// reads each source manifest once before its copy; oc never retries a blob GET, answers a
// failed HEAD of a tag with a GET of it, and its Go transport replays a request reset before
// its response on a reused connection. On a registry destination oc then tries the manifest anyway and the registry
// refuses it (`manifest blob unknown`): a consequence that stays in the evidence only.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { annotations } from '../action/harness.js'
import { actionBundle, runBundle, Workspace, type BundleRun } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import {
  activeLines,
  attemptMapping,
  blobPath,
  completeAtDestination,
  entriesOf,
  image,
  manifestPath,
  readReport,
  uniqueBytes,
  type Report
} from '../support/e2e-checks.js'
import type { FaultRule } from '../support/fault-proxy.js'
import type { ImageSpec } from '../support/images.js'
import { engineCases, engineInputs } from '../support/engines.js'

const ENGINES = engineCases('the end-to-end fault scenarios with oc')

/** Two unique layers per image: `n` numbers the image within the engine's seed range. */
function spec(repo: string, n: number, base: number): ImageSpec {
  return {
    repo,
    tag: 'v1',
    layers: [
      { seed: base + n * 2, size: 48_000 },
      { seed: base + n * 2 + 1, size: 6_000 }
    ]
  }
}

const REPOS = [
  'rl/one',
  'rl/two',
  'rl/three',
  'perm/auth',
  'perm/missing',
  'perm/fine',
  'srv/five',
  'srv/gw',
  'srv/reset',
  'srv/ok',
  'stuck/never',
  'stuck/fine'
] as const

describe.each(ENGINES)('engine: $label, faults end to end', (c) => {
  const oc = c.engine === 'oc'
  /** Per-engine seeds: skopeo (as root) caches blob locations across runs. */
  const seedBase = 71_000 + c.index * 1_000
  let bed: Bed
  let bundle: string
  const workspaces: Workspace[] = []

  beforeAll(async () => {
    bundle = await actionBundle()
    bed = await startBed({ images: REPOS.map((r, i) => spec(r, i, seedBase)) })
  })

  afterAll(async () => {
    await bed?.stop()
    for (const w of workspaces) w.cleanup()
  })

  /** Runs the action on `lines` (a comment first, so mapping lines start at line 2). */
  async function act(
    lines: string[],
    rules: FaultRule[],
    inputs: Record<string, string> = {}
  ): Promise<{ run: BundleRun; w: Workspace; report: Report; text: string }> {
    bed.proxy.setRules(rules)
    bed.proxy.resetStats()
    const w = new Workspace()
    workspaces.push(w)
    const text = ['# e2e scenario', ...lines].join('\n') + '\n'
    w.write('mapping.txt', text)
    const run = await runBundle(
      bundle,
      w.env({
        mapping: 'mapping.txt',
        ...engineInputs(c),
        insecure: 'true',
        'filter-by-os': '.*',
        'keep-manifest-list': 'true',
        'retry-delay': '0',
        'max-attempts': '3',
        upload: 'false',
        ...inputs
      })
    )
    const out = w.outputs()
    expect(out['report'], run.stderr + run.stdout).toBeTruthy()
    return { run, w, report: readReport(out['report']), text }
  }

  const line = (repo: string): string =>
    `${bed.sourceHost}/${repo}:v1 ${bed.destination.host}/mirror-${c.index}/${repo}:v1`

  it('(a) 429 bursts on some blobs: only the failed lines are retried, all complete, bytes ≤ 1.1 × unique', async () => {
    const one = image(bed, 'rl/one')
    const three = image(bed, 'rl/three')
    // The burst outlasts the engine's own retries within attempt 1; attempt 2 gets the blob.
    // skopeo: five 429 retries of its own (Retry-After: 0) plus the first try. oc never
    // retries a blob GET, so one 429 fails the line.
    const burst = (repo: string, digest: string): FaultRule => ({
      name: `429 ${repo}`,
      method: 'GET',
      path: blobPath(repo, digest),
      first: oc ? 1 : 6,
      action: '429-json',
      retryAfter: 0
    })
    const { run, w, report, text } = await act(
      [line('rl/one'), line('rl/two'), line('rl/three')],
      [
        burst('rl/one', one.manifests[0].layerDigests[0]),
        burst('rl/three', three.manifests[0].layerDigests[1])
      ]
    )
    expect(run.code, run.stdout).toBe(0)
    expect(report.run.outcome).toBe('success')
    const attempts = report.run.attempts
    expect(attempts).toHaveLength(2)
    expect(attempts[0].entryIds).toEqual([0, 1, 2])
    expect(attempts[1].entryIds).toEqual([0, 2])
    const original = activeLines(text)
    expect(attemptMapping(attempts[0], w.workspace)).toEqual(original)
    expect(attemptMapping(attempts[1], w.workspace)).toEqual([original[0], original[2]])
    expect(attempts[1].maxPerRegistry).toBe(1)
    const log = readFileSync(w.outputs()['log'], 'utf8')
    expect(log).toContain('==== mirror-guard attempt 1 ====')
    expect(log).toContain('==== mirror-guard attempt 2 ====')
    expect(log).not.toContain('==== mirror-guard attempt 3 ====')
    for (const rule of bed.proxy.stats()) expect(rule.fired, rule.name).toBeGreaterThan(0)

    // Recovered lines get a notice on their own line, naming the class they recovered from.
    const notices = annotations(run.stdout).filter((a) => a.level === 'notice')
    expect(notices.map((n) => n.props['line']).sort()).toEqual(['2', '4'])
    for (const n of notices) {
      expect(n.props['title']).toBe('recovered')
      // The root cause first: `(rate-limit)` for skopeo, `(rate-limit, dependency)` for oc.
      expect(n.message).toMatch(/\(rate-limit[,)]/)
    }
    expect(annotations(run.stdout).filter((a) => a.level === 'error')).toEqual([])

    const entries = entriesOf(text)
    expect([...(await completeAtDestination(entries))].sort()).toEqual([0, 1, 2])
    const images = ['rl/one', 'rl/two', 'rl/three'].map((r) => image(bed, r))
    const unique = uniqueBytes(bed, images)
    expect(bed.proxy.totalBlobBytes()).toBeGreaterThanOrEqual(unique)
    expect(bed.proxy.totalBlobBytes()).toBeLessThanOrEqual(1.1 * unique)
  })

  it('(b) 401 and 404: no retry, exit 1, auth and not-found on their own lines', async () => {
    const missing = image(bed, 'perm/missing')
    const { run, report, text } = await act(
      [line('perm/auth'), line('perm/missing'), line('perm/fine')],
      [
        { name: '401', path: manifestPath('perm/auth'), always: true, action: '401' },
        {
          name: '404',
          method: 'GET',
          path: blobPath('perm/missing', missing.manifests[0].layerDigests[0]),
          always: true,
          action: '404-blob'
        }
      ]
    )
    expect(run.code).toBe(1)
    expect(report.run.outcome).toBe('partial')
    expect(report.run.attempts).toHaveLength(1)
    const errors = annotations(run.stdout).filter((a) => a.level === 'error')
    const byLine = new Map(errors.map((e) => [e.props['line'], e]))
    expect(errors).toHaveLength(2)
    expect(byLine.get('2')?.props).toMatchObject({ file: 'mapping.txt', title: 'auth' })
    expect(byLine.get('3')?.props).toMatchObject({ file: 'mapping.txt', title: 'not-found' })
    // oc then pushes the manifest anyway and the registry refuses it: a consequence, after
    // the cause.
    expect(report.lines.map((l) => [l.line, l.status, l.classes, l.retryable])).toEqual([
      [2, 'failed', ['auth'], false],
      [3, 'failed', oc ? ['not-found', 'dependency'] : ['not-found'], false],
      [4, 'mirrored', [], false]
    ])
    expect([...(await completeAtDestination(entriesOf(text)))]).toEqual([2])
  })

  it('(c) 5xx and resets: retried and recovered', async () => {
    const five = image(bed, 'srv/five')
    const reset = image(bed, 'srv/reset')
    const { run, report, text } = await act(
      [line('srv/five'), line('srv/gw'), line('srv/reset'), line('srv/ok')],
      [
        {
          name: '503 blob',
          method: 'GET',
          path: blobPath('srv/five', five.manifests[0].layerDigests[0]),
          first: 1,
          action: '503'
        },
        // skopeo reads each source manifest once before its copy (shared-blob schedule): the
        // copy's own GET is the second. oc answers a failed HEAD of the tag with a GET of it:
        // both must fail.
        {
          name: '502 manifest',
          path: manifestPath('srv/gw'),
          ...(oc ? { first: 2 } : { nth: 2 }),
          action: '502'
        },
        // oc's Go transport replays a request reset before its response on a reused
        // connection — blob GETs and manifest HEADs alike, and whether the connection is
        // reused varies from run to run — so for oc the connection is cut mid-body instead
        // (`unexpected EOF`), which it never replays.
        oc
          ? {
              name: 'cut blob',
              method: 'GET',
              path: blobPath('srv/reset', reset.manifests[0].layerDigests[0]),
              first: 1,
              action: 'truncate'
            }
          : {
              name: 'reset blob',
              method: 'GET',
              path: blobPath('srv/reset', reset.manifests[0].layerDigests[1]),
              first: 1,
              action: 'reset'
            }
      ]
    )
    expect(run.code, run.stdout).toBe(0)
    expect(report.run.outcome).toBe('success')
    expect(report.run.attempts.map((a) => a.entryIds)).toEqual([
      [0, 1, 2, 3],
      [0, 1, 2]
    ])
    for (const rule of bed.proxy.stats()) expect(rule.fired, rule.name).toBeGreaterThan(0)
    const notices = annotations(run.stdout).filter((a) => a.level === 'notice')
    expect(notices.every((n) => n.props['title'] === 'recovered')).toBe(true)
    const titles = new Map(notices.map((n) => [n.props['line'], n.message]))
    expect(titles.get('2')).toContain('server')
    expect(titles.get('3')).toContain('server')
    expect(titles.get('4')).toContain('network')
    expect(report.lines.every((l) => l.status === 'mirrored')).toBe(true)
    expect([...(await completeAtDestination(entriesOf(text)))].sort()).toEqual([0, 1, 2, 3])
  })

  it('(d) a fault that never clears: every retry runs only that line; the retry mapping lists exactly it; exit 1', async () => {
    const never = image(bed, 'stuck/never')
    const { run, w, report, text } = await act(
      [line('stuck/fine'), line('stuck/never')],
      [
        {
          name: '503 forever',
          method: 'GET',
          path: blobPath('stuck/never', never.manifests[0].layerDigests[0]),
          always: true,
          action: '503'
        }
      ]
    )
    expect(run.code).toBe(1)
    expect(report.run.outcome).toBe('partial')
    const original = activeLines(text)
    expect(report.run.attempts.map((a) => a.entryIds)).toEqual([[0, 1], [1], [1]])
    for (const a of report.run.attempts.slice(1)) {
      expect(attemptMapping(a, w.workspace)).toEqual([original[1]])
    }
    const retryPath = w.outputs()['retry-mapping']
    expect(retryPath).toBeTruthy()
    expect(activeLines(readFileSync(retryPath, 'utf8'))).toEqual([original[1]])
    const errors = annotations(run.stdout).filter((a) => a.level === 'error')
    expect(errors.map((e) => [e.props['line'], e.props['title']])).toEqual([['3', 'server']])
    // oc's refused manifest push stays in the evidence, after the cause.
    expect(report.lines[1]?.classes).toEqual(oc ? ['server', 'dependency'] : ['server'])
    expect([...(await completeAtDestination(entriesOf(text)))]).toEqual([0])
  })
})
