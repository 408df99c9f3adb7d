// Minimal-byte repair end to end, with each real oc client (test/support/oc-binaries.ts): seven
// images to a file:// tree while 15 % of blob GETs are answered 429 (seeded), through the action
// bundle with the default retry policy (max-attempts raised, retry-delay shortened: neither
// changes bytes). The tree on disk must be complete, the source must have served at most
// 1.10 × the unique blob bytes, and at most half of what the naive loop pulls — the whole
// mapping rerun with --force until oc exits 0, given the same number of runs.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import { verifyFileEntries } from '../../src/verify/file-layout.js'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import { readReport } from '../support/e2e-checks.js'
import { ocBinaries, sayWhyNoOc, type OcBinary } from '../support/oc-binaries.js'
import {
  blob429,
  naiveForceLoop,
  repairImages,
  repairMapping
} from '../support/repair-scenario.mjs'

const MAX_ATTEMPTS = 6
const OCS = ocBinaries()
sayWhyNoOc('the minimal-byte repair scenarios')

interface ReportRepair {
  entryId: number
  method: string
  removed: string[]
  why: string
}

const CASES = OCS.length > 0 ? OCS.map((oc) => ({ name: oc.version, oc })) : [{ name: 'none' }]

describe.each<{ name: string; oc?: OcBinary }>(CASES)('oc $name: minimal-byte repair', ({ oc }) => {
  let bed: Bed
  let bundle: string
  const workspaces: Workspace[] = []
  // Seeds of their own per client: each test pushes its own images.
  const seedBase = oc === undefined ? 0 : 91_000 + Number(oc.version.split('.')[1] ?? 0) * 100

  beforeAll(async () => {
    if (oc === undefined) return
    bundle = await actionBundle()
    bed = await startBed({ images: repairImages(seedBase) })
  }, 120_000)

  afterAll(async () => {
    await bed?.stop()
    for (const w of workspaces) w.cleanup()
  })

  it.skipIf(oc === undefined)(
    'seven images, 15 % blob 429s: success, complete tree, ≤ 1.10 × unique bytes, ≤ 0.5 × the naive --force loop',
    async () => {
      if (oc === undefined) return
      const text = repairMapping(bed)
      const entries = parseMappingText(text, 'mapping.txt').entries
      expect(entries).toHaveLength(7)
      const unique = bed.images.uniqueBlobBytes
      const rule = blob429(0.15, 1313)
      const complete = async (root: string): Promise<boolean> =>
        (await verifyFileEntries(entries, root, { digest: true, side: 'destination' })).every(
          (r) => r.complete
        )

      // mirror-guard: the action bundle.
      const w = new Workspace()
      workspaces.push(w)
      w.write('mapping.txt', text)
      bed.proxy.setRules([rule])
      bed.proxy.resetStats()
      const run = await runBundle(
        bundle,
        w.env({
          mapping: 'mapping.txt',
          oc: oc.path,
          dir: 'out',
          insecure: 'true',
          'keep-manifest-list': 'true',
          'max-attempts': String(MAX_ATTEMPTS),
          'retry-delay': '1',
          upload: 'false'
        }),
        600_000
      )
      const mgBytes = bed.proxy.totalBlobBytes()
      const mg429 = bed.proxy.requests().filter((r) => r.status === 429).length
      const out = w.outputs()
      expect(out['outcome'], run.stdout.slice(-4000)).toBe('success')
      expect(run.code).toBe(0)
      expect(mg429, 'the fault fired').toBeGreaterThan(0)
      expect(await complete(join(w.workspace, 'out'))).toBe(true)

      const report = readReport(out['report']) as unknown as {
        run: {
          ocVersion: { minor: number } | null
          attempts: { force: boolean; repairs: ReportRepair[] }[]
        }
      }
      expect(report.run.ocVersion?.minor).toBe(Number(oc.version.split('.')[1]))
      const attempts = report.run.attempts
      expect(attempts.length).toBeGreaterThan(1)
      // No attempt needed --force: every retry was a removal of stale entries or a plain rerun.
      expect(attempts.map((a) => a.force)).toEqual(attempts.map(() => false))
      const methods = new Set(attempts.flatMap((a) => a.repairs.map((r) => r.method)))
      if (oc.version === '4.13') {
        // oc 4.13 wrote manifests whose layer failed: they were removed, nothing else.
        expect(methods.has('remove-stale')).toBe(true)
        for (const r of attempts.flatMap((a) => a.repairs)) {
          for (const f of r.removed) expect(f).toMatch(/^v2\/mirror\/repair\/[^/]+\/manifests\//)
        }
      } else {
        // oc ≥ 4.14 replans every layer itself: plain reruns only.
        expect([...methods]).toEqual(['plain'])
      }
      // The summary names the client's version and what it changes (Markdown-escaped).
      const summary = w.summary().replace(/\\/g, '')
      expect(summary).toContain(`oc client ${oc.version}.`)
      expect(summary).toMatch(/\| Repair \|/)
      expect(summary).toMatch(oc.version === '4.13' ? /stale files? removed/ : /plain rerun/)

      // The naive loop: the whole mapping again with --force while oc fails, same budget.
      const naiveDir = join(w.dir, 'naive')
      mkdirSync(naiveDir)
      w.write('naive/mapping.txt', text)
      bed.proxy.setRules([rule])
      const naive = await naiveForceLoop({
        oc: oc.path,
        cwd: join(w.workspace, 'naive'),
        mappingFile: 'mapping.txt',
        dir: 'out',
        proxy: bed.proxy,
        maxPasses: MAX_ATTEMPTS,
        until: 'exit-0',
        complete: () => complete(join(w.workspace, 'naive', 'out'))
      })

      const ratio = (n: number): string => (n / unique).toFixed(2)
      console.log(
        `oc ${oc.version}: unique ${unique} B; mirror-guard ${mgBytes} B (${ratio(mgBytes)}×, ${attempts.length} attempts, ${mg429} × 429); ` +
          `naive --force loop ${naive.bytes} B (${ratio(naive.bytes)}×, ${naive.passes} passes, exit 0: ${naive.exitedZero}, complete: ${naive.complete})`
      )
      expect(mgBytes).toBeGreaterThanOrEqual(unique)
      expect(mgBytes).toBeLessThanOrEqual(1.1 * unique)
      expect(mgBytes).toBeLessThanOrEqual(0.5 * naive.bytes)
    },
    900_000
  )
})
