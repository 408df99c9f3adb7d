// Zero loss under every fault the proxy can inject: the bundled action runs a mapping whose
// lines each meet one fault (alone, once or always), then one where a seeded random mix hits
// every request — with skopeo and with every real oc client (4.13 and 4.14 in CI). Every
// mapping line must end either reported mirrored AND complete at the destination (registry
// API, every blob hashed), or in the retry mapping.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import { activeLines, completeAtDestination, entriesOf, readReport } from '../support/e2e-checks.js'
import { engineCases, engineInputs, type EngineCase } from '../support/engines.js'
import type { FaultAction, FaultRule } from '../support/fault-proxy.js'

interface Fault {
  readonly id: string
  readonly target: 'blob' | 'manifest'
  readonly action: FaultAction
  readonly extra?: Partial<FaultRule>
}

/** Every named action of the proxy, plus a custom reply and the generic `status` action. */
const FAULTS: readonly Fault[] = [
  { id: '429-empty', target: 'blob', action: '429-empty', extra: { retryAfter: 0 } },
  { id: '429-json', target: 'blob', action: '429-json', extra: { retryAfter: 0 } },
  {
    id: '429-retry-after',
    target: 'manifest',
    action: '429-retry-after',
    extra: { retryAfter: 0 }
  },
  { id: '401', target: 'manifest', action: '401' },
  { id: '403', target: 'blob', action: '403' },
  { id: '403-denied', target: 'manifest', action: '403-denied' },
  { id: '404-manifest', target: 'manifest', action: '404-manifest' },
  { id: '404-blob', target: 'blob', action: '404-blob' },
  { id: '500', target: 'blob', action: '500' },
  { id: '502', target: 'manifest', action: '502' },
  { id: '503', target: 'blob', action: '503' },
  { id: 'reset', target: 'blob', action: 'reset' },
  { id: 'truncate', target: 'blob', action: 'truncate' },
  { id: 'slow', target: 'blob', action: 'slow', extra: { bytesPerSecond: 256 * 1024 } },
  { id: 'status', target: 'manifest', action: 'status', extra: { status: 418, body: 'teapot' } },
  {
    id: 'custom',
    target: 'manifest',
    action: {
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"errors":[{"code":"MANIFEST_INVALID","message":"custom reply"}]}'
    }
  },
  // The whole body with one byte inverted: only the engine's digest check can tell.
  { id: 'corrupt', target: 'blob', action: 'corrupt' }
]

const SOLO = FAULTS.flatMap((f) => [`solo/${f.id}-once`, `solo/${f.id}-always`])
const MIX = Array.from({ length: 10 }, (_, i) => `mix/m${i}`)

const ENGINES = engineCases('the zero-loss fault matrix with oc')
const path = (repo: string, target: Fault['target']): string =>
  target === 'blob' ? `^/v2/${repo}/blobs/` : `^/v2/${repo}/manifests/`

/** Runs the action on `repos` and checks the zero-loss invariant; returns the line statuses. */
async function zeroLoss(
  bed: Bed,
  bundle: string,
  c: EngineCase,
  workspaces: Workspace[],
  repos: readonly string[],
  maxAttempts: string
): Promise<string[]> {
  const w = new Workspace('mg-matrix-')
  workspaces.push(w)
  const text =
    repos.map((r) => `${bed.sourceHost}/${r}:v1 ${bed.destination.host}/${r}:v1`).join('\n') + '\n'
  w.write('mapping.txt', text)
  const run = await runBundle(
    bundle,
    w.env({
      mapping: 'mapping.txt',
      ...engineInputs(c),
      insecure: 'true',
      'filter-by-os': '.*',
      'max-attempts': maxAttempts,
      'retry-delay': '0',
      upload: 'false'
    })
  )
  const out = w.outputs()
  expect(out['report'], run.stdout + run.stderr).toBeTruthy()
  const report = readReport(out['report'])
  const retry = new Set(
    out['retry-mapping'] ? activeLines(readFileSync(out['retry-mapping'], 'utf8')) : []
  )
  const entries = entriesOf(text)
  const complete = await completeAtDestination(entries)
  const lines = activeLines(text)
  expect(report.lines).toHaveLength(lines.length)
  const lost: string[] = []
  report.lines.forEach((l, i) => {
    const mirrored = l.status === 'mirrored'
    // Mirrored means verified complete; anything else must be handed on for a retry.
    if (mirrored && !complete.has(i)) lost.push(`${repos[i]}: reported mirrored but incomplete`)
    if (mirrored && retry.has(lines[i])) lost.push(`${repos[i]}: mirrored yet in the retry mapping`)
    if (!mirrored && !retry.has(lines[i]))
      lost.push(`${repos[i]}: failed but not in the retry mapping`)
  })
  expect(lost).toEqual([])
  expect(run.code).toBe(report.lines.every((l) => l.status === 'mirrored') ? 0 : 1)
  return report.lines.map((l) => l.status)
}

describe.each(ENGINES)('zero-loss fault matrix ($label, bundled action)', (c) => {
  let bed: Bed
  let bundle: string
  const workspaces: Workspace[] = []

  beforeAll(async () => {
    bundle = await actionBundle()
    bed = await startBed({
      images: [...SOLO, ...MIX].map((repo, i) => ({
        repo,
        tag: 'v1',
        layers: [{ seed: 75_000 + c.index * 1_000 + i, size: 2_500 }]
      }))
    })
  })

  afterAll(async () => {
    await bed?.stop()
    for (const w of workspaces) w.cleanup()
  })

  it('each fault alone, once and always: mirrored and verified, or in the retry mapping', async () => {
    bed.proxy.setRules(
      FAULTS.flatMap((f) =>
        (['once', 'always'] as const).map((when): FaultRule => ({
          name: `${f.id}-${when}`,
          path: path(`solo/${f.id}-${when}`, f.target),
          method: 'GET',
          ...(when === 'once' ? { first: 1 } : { always: true }),
          action: f.action,
          ...f.extra
        }))
      )
    )
    const statuses = await zeroLoss(bed, bundle, c, workspaces, SOLO, '2')
    // Every rule met its request; both outcomes occur (the invariant is not vacuous).
    for (const s of bed.proxy.stats()) expect(s.fired, s.name).toBeGreaterThan(0)
    expect(statuses).toContain('mirrored')
    expect(statuses).toContain('failed')
    // A slow registry is not a failure.
    expect(statuses[SOLO.indexOf('solo/slow-always')]).toBe('mirrored')
  })

  it('a seeded random mix of every fault on every request', async () => {
    bed.proxy.setRules(
      FAULTS.map((f, i) => ({
        name: `mix ${f.id}`,
        path: '^/v2/mix/',
        probability: 0.02,
        seed: 20_261_128 + i,
        action: f.action,
        ...f.extra
      }))
    )
    await zeroLoss(bed, bundle, c, workspaces, MIX, '3')
    expect(bed.proxy.stats().reduce((n, s) => n + s.fired, 0)).toBeGreaterThan(0)
  })
})
