// The retry-efficiency scenario shared by test/e2e/repair.test.ts and `npm run bench`: seven
// images (one a two-platform manifest list) mirrored with real oc to a `file://` tree while a
// seeded share of blob GETs is answered 429, and the naive contender — the whole mapping rerun
// with `--force` — to compare bytes with. Plain JS (types in repair-scenario.d.mts) so the
// benchmark runs on bare Node.
import { spawn } from 'node:child_process'

/**
 * Seven images, no layer shared between them: oc keeps one blob directory per repository, so a
 * shared layer would be pulled once per repository and "unique bytes" would be ambiguous.
 * Docker media types: oc ≤ 4.13 cannot read OCI indexes.
 * @param {number} seedBase
 * @returns {import('./images.d.mts').ImageSpec[]}
 */
export function repairImages(seedBase) {
  const layers = (n, sizes) => sizes.map((size, i) => ({ seed: seedBase + n * 10 + i, size }))
  const KiB = 1024
  const specs = []
  for (let n = 0; n < 6; n++) {
    specs.push({
      repo: `repair/img${n}`,
      tag: 'v1',
      format: 'docker',
      layers: layers(n, [512 * KiB, 256 * KiB, 128 * KiB])
    })
  }
  specs.push({
    repo: 'repair/multi',
    tag: 'v1',
    format: 'docker',
    platforms: [
      { architecture: 'amd64', layers: layers(6, [384 * KiB, 192 * KiB]) },
      { architecture: 'arm64', layers: layers(7, [384 * KiB, 192 * KiB]) }
    ]
  })
  return specs
}

/**
 * A seeded share of blob GETs answered 429 with a JSON body (oc retries neither a blob GET nor a
 * JSON 429, so every fault fails its line).
 * @param {number} probability
 * @param {number} seed
 * @returns {import('./fault-proxy.d.mts').FaultRule}
 */
export function blob429(probability, seed) {
  return {
    name: `429 on ${Math.round(probability * 100)} % of blob GETs`,
    method: 'GET',
    path: '^/v2/.+/blobs/sha256:[0-9a-f]{64}$',
    probability,
    seed,
    action: '429-json'
  }
}

/**
 * @param {import('./bed.d.mts').Bed} bed
 * @returns {string}
 */
export function repairMapping(bed) {
  return (
    bed.images.images
      .map((im) => `${bed.sourceHost}/${im.repo}:${im.tag}=file://mirror/${im.repo}:${im.tag}`)
      .join('\n') + '\n'
  )
}

/** The flags both contenders give oc (the action sets the same from its inputs). */
export const OC_FLAGS = ['--insecure=true', '--keep-manifest-list=true', '--continue-on-error=true']

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {string} cwd
 * @returns {Promise<{ code: number | null; stderr: string }>}
 */
function run(cmd, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (c) => (stderr = (stderr + String(c)).slice(-4000)))
    child.once('error', (e) => resolve({ code: -1, stderr: e.message }))
    child.once('close', (code) => resolve({ code, stderr }))
  })
}

/**
 * The naive contender: `oc image mirror` of the whole mapping, then the whole mapping again
 * with `--force` while the stop condition is not met, at most `maxPasses` runs.
 * `until: 'exit-0'` is what a retry loop around oc does (stop when oc succeeds);
 * `until: 'complete'` stops as soon as the tree verifies complete (a loop that verifies).
 * @param {{ oc: string; cwd: string; mappingFile: string; dir: string;
 *   proxy: import('./fault-proxy.d.mts').FaultProxy; maxPasses: number;
 *   until: 'exit-0' | 'complete'; complete: () => Promise<boolean> }} o
 */
export async function naiveForceLoop(o) {
  o.proxy.resetStats()
  let passes = 0
  let exitedZero = false
  let complete = false
  const started = performance.now()
  while (passes < o.maxPasses) {
    passes++
    const args = ['image', 'mirror', '-f', o.mappingFile, `--dir=${o.dir}`, ...OC_FLAGS]
    if (passes > 1) args.push('--force')
    const res = await run(o.oc, args, o.cwd)
    exitedZero = res.code === 0
    complete = await o.complete()
    if (o.until === 'exit-0' ? exitedZero : complete) break
  }
  return {
    passes,
    bytes: o.proxy.totalBlobBytes(),
    answered429: o.proxy.requests().filter((r) => r.status === 429).length,
    exitedZero,
    complete,
    ms: performance.now() - started
  }
}
