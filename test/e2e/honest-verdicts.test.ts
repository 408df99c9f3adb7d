// Honest verdicts and bounded waits, through the bundled action with real oc (every client of
// ocBinaries()) against docker-registry and hostile servers on loopback: a destination that
// acknowledges a manifest push without storing it, one whose by-tag manifest GET drips a byte a
// second (with and without SIGTERM during the wait), one that cannot be read back, and a
// mapping file whose name holds a comma.
import { execFile, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alive } from '../action/harness.js'
import { actionBundle, runBundle, startBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import { activeLines, readReport } from '../support/e2e-checks.js'
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js'
import { ocBinaries, sayWhyNoOc } from '../support/oc-binaries.js'

const OCS = ocBinaries()
sayWhyNoOc('honest-verdict scenarios with real oc')

let bed: Bed
let dest: FaultProxy
let bundle: string
const cleanups: (() => void)[] = []

beforeAll(async () => {
  bundle = await actionBundle()
  bed = await startBed({
    images: [
      { repo: 'ns/new', tag: 'v1', layers: [{ seed: 18_001, size: 3_000 }] },
      { repo: 'ns/old', tag: 'v1', layers: [{ seed: 18_002, size: 3_000 }] }
    ]
  })
  // Hostile behaviour sits in front of the destination registry.
  dest = await startFaultProxy({ upstream: bed.destination.url, rules: [] })
}, 120_000)

afterAll(async () => {
  await dest?.stop()
  await bed?.stop()
  for (const c of cleanups) c()
})

function workspace(): Workspace {
  const w = new Workspace('mg-honest-')
  cleanups.push(() => w.cleanup())
  return w
}

/** A line mirroring ns/new:v1 to `repo:v1` at the destination, behind the hostile proxy. */
const line = (repo: string): string => `${bed.sourceHost}/ns/new:v1 ${dest.host}/${repo}:v1`

function inputs(oc: string, extra: Record<string, string> = {}): Record<string, string> {
  return { mapping: 'mapping.txt', oc, insecure: 'true', 'retry-delay': '0', ...extra }
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms
  while (!cond()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A by-tag manifest GET of `repo` that is being answered at one byte a second right now. */
function dripping(repo: string): boolean {
  return dest
    .requests()
    .some((r) => r.method === 'GET' && r.url === `/v2/${repo}/manifests/v1` && r.ms === 0)
}

const dripRule = (repo: string) => ({
  name: `drip ${repo}`,
  method: 'GET',
  path: `^/v2/${repo}/manifests/v1$`,
  always: true as const,
  action: 'slow' as const,
  bytesPerSecond: 1
})

/** Puts ns/old:v1 behind `repo:v1` at the destination: what a swallowing cache keeps serving. */
async function oldImageAt(repo: string): Promise<void> {
  await promisify(execFile)('skopeo', [
    'copy',
    '--quiet',
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    `docker://${bed.source.host}/ns/old:v1`,
    `docker://${bed.destination.host}/${repo}:v1`
  ])
}

const swallowRule = (repo: string) => ({
  name: 'swallow',
  method: 'PUT',
  path: `^/v2/${repo}/manifests/v1$`,
  always: true as const,
  action: 'swallow-put' as const
})

describe('with engine skopeo', () => {
  it('a destination that acknowledges a manifest PUT without storing it: wrong-image against skopeo’s digest', async () => {
    const repo = 'wrong-skopeo/app'
    await oldImageAt(repo)
    dest.setRules([swallowRule(repo)])
    const w = workspace()
    w.write('mapping.txt', `${line(repo)}\n`)
    const run = await runBundle(
      bundle,
      w.env({
        mapping: 'mapping.txt',
        engine: 'skopeo',
        insecure: 'true',
        'retry-delay': '0',
        'max-attempts': '1'
      }),
      180_000
    )
    expect(dest.stats()[0]?.fired).toBe(1)
    expect(run.code).toBe(1)
    const out = w.outputs()
    expect(out['outcome']).toBe('failed')
    expect(JSON.parse(out['failed-by-class'])).toEqual({ 'wrong-image': 1 })
    const reasons = readReport(out['report']).lines[0].reasons.join(' ')
    expect(reasons).toContain(bed.images.images.find((i) => i.repo === 'ns/new')!.digest)
    expect(reasons).toContain(bed.images.images.find((i) => i.repo === 'ns/old')!.digest)
  }, 240_000)
})

describe.skipIf(OCS.length === 0).each(OCS)('with real oc $version', (oc) => {
  const v = oc.version.replace('.', '')

  it('a destination that acknowledges a manifest PUT without storing it: wrong-image, not success, exit 1', async () => {
    const repo = `wrong${v}/app`
    await oldImageAt(repo)
    dest.setRules([swallowRule(repo)])
    const w = workspace()
    w.write('mapping.txt', `${line(repo)}\n`)
    const run = await runBundle(bundle, w.env(inputs(oc.path, { 'max-attempts': '2' })), 180_000)
    expect(dest.stats()[0]?.fired).toBeGreaterThan(0)
    expect(run.code).toBe(1)
    const out = w.outputs()
    expect(out['outcome']).toBe('failed')
    expect(JSON.parse(out['failed-by-class'])).toEqual({ 'wrong-image': 1 })
    const report = readReport(out['report'])
    const newDigest = bed.images.images.find((i) => i.repo === 'ns/new')!.digest
    const oldDigest = bed.images.images.find((i) => i.repo === 'ns/old')!.digest
    // Both digests are named: what oc pushed, and what the tag still resolves to.
    expect(report.lines[0].reasons.join(' ')).toContain(newDigest)
    expect(report.lines[0].reasons.join(' ')).toContain(oldDigest)
    expect(w.summary()).toContain('wrong-image')
    expect(activeLines(readFileSync(out['retry-mapping'], 'utf8'))).toEqual([line(repo)])
  }, 240_000)

  it('a by-tag manifest GET that drips one byte a second: the step ends, not success, report written', async () => {
    const repo = `drip${v}/app`
    dest.setRules([dripRule(repo)])
    const w = workspace()
    w.write('mapping.txt', `${line(repo)}\n`)
    const started = Date.now()
    // attempt-timeout bounds each verification pass too; the default-input run is measured
    // in the report of this change (the request deadline alone ends it).
    const run = await runBundle(
      bundle,
      w.env(inputs(oc.path, { 'max-attempts': '2', 'attempt-timeout': '8s' })),
      240_000
    )
    const seconds = (Date.now() - started) / 1000
    expect(seconds).toBeLessThan(120)
    expect(run.code).toBe(1)
    const out = w.outputs()
    expect(out['outcome']).toBe('failed')
    expect(out['unverified']).toBe('1')
    expect(out['attempts']).toBe('2')
    const report = readReport(out['report'])
    expect(report.lines[0]).toMatchObject({ status: 'failed', classes: ['unverified'] })
    expect(report.lines[0].reasons.join(' ')).toMatch(/attempt-timeout|deadline/)
    expect(activeLines(readFileSync(out['retry-mapping'], 'utf8'))).toEqual([line(repo)])
  }, 300_000)

  it('SIGTERM while verification waits on the drip: gone within 20 s, outputs and report written', async () => {
    const repo = `term${v}/app`
    dest.setRules([dripRule(repo)])
    const w = workspace()
    w.write('mapping.txt', `${line(repo)}\n`)
    let child: ChildProcess | undefined
    const done = startBundle(bundle, w.env(inputs(oc.path)), {
      timeoutMs: 240_000,
      started: (c) => (child = c)
    })
    try {
      await waitFor(() => dripping(repo), 120_000)
      const sent = Date.now()
      child!.kill('SIGTERM')
      const run = await done
      const seconds = (Date.now() - sent) / 1000
      expect(seconds).toBeLessThan(20)
      expect(run.code).toBe(1)
    } finally {
      if (child?.pid !== undefined && alive(child.pid)) child.kill('SIGKILL')
    }
    const out = w.outputs()
    expect(out['outcome']).toBe('failed')
    expect(out['unverified']).toBe('1')
    expect(existsSync(out['report'])).toBe(true)
    expect(readReport(out['report']).lines[0].classes).toEqual(['unverified'])
    expect(activeLines(readFileSync(out['retry-mapping'], 'utf8'))).toEqual([line(repo)])
    expect(w.summary()).toContain('unverified')
    // The post step would otherwise call the line confirmed.
    expect(JSON.parse(w.state()['runState'])).toMatchObject({ finished: true, confirmedIds: [] })
  }, 300_000)

  it('a destination that cannot be read back: unverified, not success; allow-unverified keeps oc’s verdict with a warning', async () => {
    const repo = `noread${v}/app`
    dest.setRules([
      {
        name: 'no reads',
        method: 'GET',
        path: `^/v2/${repo}/manifests/`,
        always: true,
        action: '500'
      }
    ])
    const w = workspace()
    w.write('mapping.txt', `${line(repo)}\n`)
    const run = await runBundle(bundle, w.env(inputs(oc.path, { 'max-attempts': '1' })), 180_000)
    expect(run.code).toBe(1)
    const out = w.outputs()
    expect(out['outcome']).toBe('failed')
    expect(JSON.parse(out['failed-by-class'])).toEqual({ unverified: 1 })
    expect(run.stdout).toMatch(/::error [^\n]*title=unverified/)

    const kept = workspace()
    kept.write('mapping.txt', `${line(repo)}\n`)
    const again = await runBundle(
      bundle,
      kept.env(inputs(oc.path, { 'max-attempts': '1', 'allow-unverified': 'true' })),
      180_000
    )
    expect(again.code).toBe(0)
    expect(kept.outputs()).toMatchObject({ outcome: 'success', unverified: '1', mirrored: '1' })
    expect(again.stdout).toMatch(/::warning [^\n]*title=allow-unverified[^\n]*kept as mirrored/)
  }, 300_000)

  it('a mapping file named e,one.txt mirrors (oc splits -f on commas)', async () => {
    dest.setRules([])
    const repo = `comma${v}/app`
    const w = workspace()
    w.write('e,one.txt', `${line(repo)}\n`)
    const run = await runBundle(
      bundle,
      w.env(inputs(oc.path, { mapping: 'e,one.txt', 'max-attempts': '1' })),
      180_000
    )
    expect(run.stderr).toBe('')
    const out = w.outputs()
    expect(out).toMatchObject({ outcome: 'success', mirrored: '1', failed: '0' })
    expect(run.code).toBe(0)
  }, 240_000)
})
