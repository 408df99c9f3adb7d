// Faults at the destination registry, through the bundled action with every real oc client
// (oc 4.13 and 4.14 in CI): the fault proxy sits in front of the destination, the source is read
// directly. Shaped from the real transcripts of the same faults (test/fixtures/oc-transcripts,
// push-*): a 429 on a blob upload fails the line, the manifest the registry then refuses is its
// consequence, and a later attempt of that line alone completes it; so does an upload the
// destination acknowledged and lost (not a missing source blob); a 413 from a proxy's body size
// limit is a refusal no retry changes, so the line is not retried and the reason says why.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import {
  activeLines,
  attemptMapping,
  completeAtDestination,
  entriesOf,
  readReport
} from '../support/e2e-checks.js'
import { startFaultProxy, type FaultProxy, type FaultRule } from '../support/fault-proxy.js'
import { ocBinaries, sayWhyNoOc } from '../support/oc-binaries.js'

const OCS = ocBinaries()
sayWhyNoOc('destination-fault scenarios with real oc')

const NGINX_413 =
  '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n' +
  '<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

let bed: Bed
let dest: FaultProxy
let bundle: string
const workspaces: Workspace[] = []

beforeAll(async () => {
  bundle = await actionBundle()
  bed = await startBed({
    images: [
      {
        repo: 'ns/app',
        tag: 'v1',
        layers: [
          { seed: 93_001, size: 30_000 },
          { seed: 93_002, size: 3_000 }
        ]
      },
      { repo: 'ns/ok', tag: 'v1', layers: [{ seed: 93_003, size: 20_000 }] }
    ]
  })
  dest = await startFaultProxy({ upstream: bed.destination.url, rules: [] })
}, 120_000)

afterAll(async () => {
  await dest?.stop()
  await bed?.stop()
  for (const w of workspaces) w.cleanup()
})

describe.skipIf(OCS.length === 0).each(OCS)('with real oc $version', (oc) => {
  const v = oc.version.replace('.', '')

  /** app and ok to `<prefix>/…` at the destination, behind the proxy; a comment first. */
  function mapping(prefix: string): { text: string; app: string; ok: string } {
    const app = `${bed.source.host}/ns/app:v1 ${dest.host}/${prefix}/app:v1`
    const ok = `${bed.source.host}/ns/ok:v1 ${dest.host}/${prefix}/ok:v1`
    return { text: `# destination faults\n${app}\n${ok}\n`, app, ok }
  }

  async function act(prefix: string, rules: FaultRule[]) {
    dest.setRules(rules)
    dest.resetStats()
    const w = new Workspace('mg-dest-')
    workspaces.push(w)
    const m = mapping(prefix)
    w.write('mapping.txt', m.text)
    const run = await runBundle(
      bundle,
      w.env({
        mapping: 'mapping.txt',
        oc: oc.path,
        insecure: 'true',
        'retry-delay': '0',
        'max-attempts': '3',
        upload: 'false'
      }),
      240_000
    )
    const out = w.outputs()
    expect(out['report'], run.stderr + run.stdout).toBeTruthy()
    return { run, w, out, report: readReport(out['report']), ...m }
  }

  it('a 429 burst on blob uploads: the line is retried alone and completes', async () => {
    const prefix = `up429-${v}`
    // Two upload starts refused: oc starts app's two layers and its config in parallel, so
    // attempt 1 fails the line and attempt 2 meets no fault.
    const { run, w, out, report, app, text } = await act(prefix, [
      {
        name: '429 on the first app uploads',
        method: 'POST',
        path: `^/v2/${prefix}/app/blobs/uploads/`,
        first: 2,
        action: '429-json'
      }
    ])
    expect(dest.stats()[0]?.fired).toBe(2)
    expect(run.code).toBe(0)
    expect(out['mirrored']).toBe('2')
    expect(report.run.attempts.length).toBe(2)
    // Only the failed line ran again.
    expect(attemptMapping(report.run.attempts[1], w.dir)).toEqual([app])
    // Both lines are complete at the destination, read back through the registry API.
    const entries = entriesOf(text)
    expect([...(await completeAtDestination(entries))].sort()).toEqual(entries.map((e) => e.id))
  }, 300_000)

  it('blob uploads acknowledged but not stored: the destination’s fault, retried to completion', async () => {
    const prefix = `lost-${v}`
    // Every upload of app's two layers and config in attempt 1 is answered 201 without
    // reaching the registry; oc finds no blob behind them (`unknown blob`), the source is fine.
    const { run, out, report, text } = await act(prefix, [
      {
        name: 'app upload PUTs acknowledged, not stored',
        method: 'PUT',
        path: `^/v2/${prefix}/app/blobs/uploads/`,
        first: 3,
        action: 'swallow-put'
      }
    ])
    expect(dest.stats()[0]?.fired).toBe(3)
    expect(run.code).toBe(0)
    expect(out['mirrored']).toBe('2')
    expect(report.run.attempts.length).toBe(2)
    const entries = entriesOf(text)
    expect([...(await completeAtDestination(entries))].sort()).toEqual(entries.map((e) => e.id))
  }, 300_000)

  it('a 413 from a body size limit: named, not retried, the other line mirrored', async () => {
    const prefix = `up413-${v}`
    const { run, out, report, app } = await act(prefix, [
      {
        name: '413 on app upload PATCH/PUT',
        method: ['PATCH', 'PUT'],
        path: `^/v2/${prefix}/app/blobs/uploads/`,
        always: true,
        action: {
          status: 413,
          headers: { 'content-type': 'text/html' },
          body: NGINX_413
        }
      }
    ])
    expect(run.code).toBe(1)
    expect(out['outcome']).toBe('partial')
    expect(out['mirrored']).toBe('1')
    // A refusal no retry changes: one attempt, although three were allowed.
    expect(report.run.attempts.length).toBe(1)
    const line = report.lines.find((l) => l.source.endsWith('/ns/app:v1'))!
    // The root cause leads; the refused manifest stays a consequence.
    expect(line.classes).toEqual(['unknown', 'dependency'])
    expect(line.retryable).toBe(false)
    expect(line.reasons[0]).toContain('HTTP 413')
    expect(JSON.parse(out['failed-by-class'])).toEqual({ dependency: 1, unknown: 1 })
    // The line still goes to the retry mapping (not confirmed), for a run after the fix.
    expect(activeLines(readFileSync(out['retry-mapping'], 'utf8'))).toEqual([app])
  }, 300_000)
})
