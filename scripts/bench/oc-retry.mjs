// Measurement 3: retry efficiency with real oc clients (4.13 has the stale-manifest bug, 4.14
// does not). The scenario of test/e2e/repair.test.ts — seven images (one a two-platform
// manifest list) to a file:// tree, a seeded share of blob GETs answered 429 — run by four
// contenders on the same bed, side by side: mirror-guard with the default
// `force-on-retry: auto` (minimal-byte repair), mirror-guard with `force-on-retry: true` (every
// retry with --force, the previous default), and two naive loops that rerun the whole mapping
// with --force: until oc exits 0, and until the tree verifies complete. The fault proxy counts
// the blob bytes the source served.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { startDemoBed } from '../demo-bed.mjs'
import {
  blob429,
  naiveForceLoop,
  repairImages,
  repairMapping
} from '../../test/support/repair-scenario.mjs'
import { actionEnv } from './action-env.mjs'
import { measure } from './measure.mjs'

/** The oc clients to measure: BENCH_OC or MIRROR_GUARD_TEST_OC (colon-separated), else `oc` on PATH. */
export function benchOcClients() {
  const listed = (process.env.BENCH_OC ?? process.env.MIRROR_GUARD_TEST_OC ?? '')
    .split(delimiter)
    .filter(Boolean)
  const paths = listed.length > 0 ? listed : ['oc']
  const clients = []
  for (const path of paths) {
    try {
      const out = execFileSync(path, ['version', '--client'], { encoding: 'utf8', timeout: 30_000 })
      const m = /Client Version:\s*\S*?(\d+)\.(\d+)/.exec(out)
      if (m) clients.push({ path, version: `${m[1]}.${m[2]}`, line: out.split('\n')[0].trim() })
    } catch {
      // not installed here
    }
  }
  return clients
}

/** Exit 0 of `mirror-guard verify` (the bundle's CLI) on the tree: every line complete. */
function treeComplete(ctx, cwd) {
  try {
    execFileSync(
      process.execPath,
      [join(ctx.dist, 'cli.js'), 'verify', '-f', 'mapping.txt', '--dir', 'out', '--digest'],
      { cwd, stdio: 'ignore' }
    )
    return true
  } catch {
    return false
  }
}

async function mirrorGuard(ctx, bed, oc, dir, rule, opts, extra) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'mapping.txt'), repairMapping(bed))
  const inputs = {
    mapping: 'mapping.txt',
    oc: oc.path,
    dir: 'out',
    insecure: 'true',
    'keep-manifest-list': 'true',
    'max-attempts': String(opts.maxAttempts),
    'retry-delay': '1',
    upload: 'false',
    ...extra
  }
  const { env, files } = actionEnv(dir, inputs)
  bed.proxy.setRules([rule])
  bed.proxy.resetStats()
  const res = await measure(process.execPath, [join(ctx.dist, 'index.js')], {
    tmp: ctx.tmp,
    cwd: dir,
    env,
    timeoutMs: 900_000
  })
  const bytes = bed.proxy.totalBlobBytes()
  const answered429 = bed.proxy.requests().filter((r) => r.status === 429).length
  const out = readFileSync(files.GITHUB_OUTPUT, 'utf8')
  const output = (name) => new RegExp(`^${name}<<(\\S+)\\n([^]*?)\\n\\1$`, 'm').exec(out)?.[2]
  let forcedAttempts = 0
  let removedFiles = 0
  const reportPath = output('report')
  if (reportPath && existsSync(reportPath)) {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'))
    for (const a of report.run.attempts) {
      if (a.force) forcedAttempts++
      for (const r of a.repairs ?? []) removedFiles += r.removed.length
    }
  }
  return {
    ms: res.ms,
    bytes,
    answered429,
    attempts: Number(output('attempts') ?? NaN),
    outcome: output('outcome') ?? `exit ${res.code}`,
    complete: treeComplete(ctx, dir),
    forcedAttempts,
    removedFiles
  }
}

async function naive(ctx, bed, oc, dir, rule, opts, until) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'mapping.txt'), repairMapping(bed))
  bed.proxy.setRules([rule])
  const r = await naiveForceLoop({
    oc: oc.path,
    cwd: dir,
    mappingFile: 'mapping.txt',
    dir: 'out',
    proxy: bed.proxy,
    maxPasses: opts.maxAttempts,
    until,
    complete: async () => treeComplete(ctx, dir)
  })
  return {
    ...r,
    attempts: r.passes,
    outcome: (until === 'exit-0' ? r.exitedZero : r.complete)
      ? 'success'
      : `stopped after ${r.passes} passes`
  }
}

export const OC_RETRY_RATES = [0.1, 0.15]

/**
 * @param {{ tmp: string; dist: string; say: (s: string) => void }} ctx
 * @param {{ maxAttempts: number; seed: number }} opts
 */
export async function benchOcRetry(ctx, opts) {
  const clients = benchOcClients()
  if (clients.length === 0) {
    throw new Error(
      'no oc client (set BENCH_OC or MIRROR_GUARD_TEST_OC to the oc binaries, or put oc on the PATH)'
    )
  }
  ctx.say(`oc-retry: building the seven images and the bed …`)
  const bed = await startDemoBed({ images: repairImages(95_000) })
  const runs = []
  try {
    let n = 0
    for (const oc of clients) {
      for (const rate of OC_RETRY_RATES) {
        const rule = blob429(rate, opts.seed)
        const dir = () => join(ctx.tmp, `oc-retry-${++n}`)
        const say = (who) => ctx.say(`oc-retry [oc ${oc.version}, ${rule.name}]: ${who} …`)
        say('mirror-guard (force-on-retry: auto)')
        const auto = await mirrorGuard(ctx, bed, oc, dir(), rule, opts, {})
        say('mirror-guard (force-on-retry: true)')
        const forced = await mirrorGuard(ctx, bed, oc, dir(), rule, opts, {
          'force-on-retry': 'true'
        })
        say('naive --force loop until oc exits 0')
        const untilExit = await naive(ctx, bed, oc, dir(), rule, opts, 'exit-0')
        say('naive --force loop until the tree is complete')
        const untilComplete = await naive(ctx, bed, oc, dir(), rule, opts, 'complete')
        runs.push({ oc, rate, rule: rule.name, auto, forced, untilExit, untilComplete })
        for (let i = 1; i <= n; i++)
          rmSync(join(ctx.tmp, `oc-retry-${i}`), { recursive: true, force: true })
      }
    }
    return {
      images: bed.images.images.length,
      uniqueBytes: bed.images.uniqueBlobBytes,
      maxAttempts: opts.maxAttempts,
      seed: opts.seed,
      runs
    }
  } finally {
    await bed.stop()
  }
}
