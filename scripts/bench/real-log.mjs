// Logs made of real oc runs: every 4.12 transcript in test/fixtures/oc-transcripts that mirrors
// the common 5-line file:// mapping, its stdout interleaved into its stderr where oc prints it
// (as `> log 2>&1` leaves them), concatenated in a fixed rotation as a long series of attempts
// over that mapping, without attempt headers (a plain `>>` log of reruns). The benchmark's
// other log shape is synthetic (gen-log.mjs); this one has real plan trees, phase tables,
// multi-line errors and success lines, many per megabyte.
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mulberry32 } from '../../test/support/prng.mjs'

const VERSION_DIR = fileURLToPath(
  new URL('../../test/fixtures/oc-transcripts/4.12/', import.meta.url)
)
/** The mapping most file:// cases share (alpha, beta, gamma by digest, multi, tiny). */
const MAPPING_CASE = 'clean-file'

const lines = (text) => {
  const out = text.split('\n')
  if (out[out.length - 1] === '') out.pop()
  return out
}

/** stdout lines at seeded slots between `info: Planning completed` and `info: Mirroring completed`. */
function combined(stderr, stdout, seed) {
  const err = lines(stderr)
  const out = lines(stdout)
  const planning = err.findIndex((l) => l.startsWith('info: Planning completed in '))
  const mirroring = err.findIndex((l) => l.startsWith('info: Mirroring completed in '))
  const lo = planning >= 0 ? planning + 1 : err.length
  const hi = mirroring >= lo ? mirroring : err.length
  const next = mulberry32(seed)
  const slots = out.map(() => lo + Math.floor(next() * (hi - lo + 1))).sort((a, b) => a - b)
  const merged = []
  let k = 0
  for (let s = 0; s <= err.length; s++) {
    while (k < out.length && slots[k] === s) merged.push(out[k++])
    if (s < err.length) merged.push(err[s])
  }
  return merged.length ? merged.join('\n') + '\n' : ''
}

/** The real runs over the shared mapping, in name order: `{ name, text }` each. */
export function realRuns() {
  const mapping = readFileSync(join(VERSION_DIR, MAPPING_CASE, 'mapping.txt'), 'utf8')
  const runs = []
  for (const name of readdirSync(VERSION_DIR).sort()) {
    const dir = join(VERSION_DIR, name)
    if (!statSync(dir).isDirectory()) continue
    let m
    try {
      m = readFileSync(join(dir, 'mapping.txt'), 'utf8')
    } catch {
      continue
    }
    if (m !== mapping) continue
    const read = (f) => readFileSync(join(dir, f), 'utf8')
    runs.push({ name, text: combined(read('stderr.txt'), read('stdout.txt'), runs.length + 1) })
  }
  return { mapping, runs }
}

/**
 * Writes the runs in rotation until about `targetBytes` (whole runs only), and, next to it,
 * `smallPath` (when given): the same rotation twice ending with the same run, which a
 * correct triage must judge exactly as the big log (verdicts follow the latest attempts).
 * @param {string} path
 * @param {{ targetBytes: number; smallPath?: string }} opts
 */
export async function writeRealLog(path, opts) {
  const { runs } = realRuns()
  const cycle = runs.map((r) => r.text).join('')
  const cycleBytes = Buffer.byteLength(cycle)
  const out = createWriteStream(path)
  let bytes = 0
  let runCount = 0
  let last = -1
  let buf = ''
  // Whole cycles while they fit, then single runs.
  while (bytes + cycleBytes <= opts.targetBytes) {
    buf += cycle
    bytes += cycleBytes
    runCount += runs.length
    last = runs.length - 1
    if (buf.length > 4 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  for (let i = 0; i < runs.length; i++) {
    const n = Buffer.byteLength(runs[i].text)
    if (bytes + n > opts.targetBytes && runCount > 0) break
    buf += runs[i].text
    bytes += n
    runCount++
    last = i
  }
  out.end(buf)
  await once(out, 'finish')
  if (opts.smallPath) {
    const tail = runs
      .slice(0, last + 1)
      .map((r) => r.text)
      .join('')
    const small = createWriteStream(opts.smallPath)
    small.end(cycle + cycle + tail)
    await once(small, 'finish')
  }
  const rateLimitLines = (t) => lines(t).filter((l) => /HTTP 429|toomanyrequests/.test(l)).length
  let rl = rateLimitLines(cycle) * Math.floor(runCount / runs.length)
  for (let i = 0; i < runCount % runs.length; i++) rl += rateLimitLines(runs[i].text)
  return { bytes, runs: runCount, distinctRuns: runs.length, rateLimitLines: rl }
}
