// Synthetic `oc image mirror … > log 2>&1` captures for the triage benchmark. Every line has the
// shape of a real oc 4.12 line (test/fixtures/oc-transcripts/4.12/*/stderr.txt, stdout.txt):
// plan tree with blob rows, phase table, `info:` lines, `uploading:`/`mounted:` lines,
// stdout success lines interleaved as 2>&1 leaves them, and batched `error:` lines of every
// failure class. The generator also returns what a correct triage must conclude, so the
// benchmark checks the answer and not only the time.
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { mulberry32 } from '../../test/support/prng.mjs'

const SRC_REGISTRY = 'registry.example.com'
const DST_REGISTRY = 'mirror.example.com:5000'

/** Deterministic fake digests: sha256 of a label, so they look and compare like real ones. */
const digestCache = new Map()
function digest(label) {
  let d = digestCache.get(label)
  if (!d) {
    d = 'sha256:' + createHash('sha256').update(label).digest('hex')
    digestCache.set(label, d)
  }
  return d
}

/**
 * Entry i of the mapping: every third line goes to a registry, the others to file://.
 * @param {number} i
 */
export function mappingEntry(i) {
  const tag = `v${1 + (i % 5)}.${i % 11}`
  const src = `${SRC_REGISTRY}/ns/img${i}`
  const file = i % 3 !== 0
  const dstRepo = file ? `file://mirror/img${i}` : `${DST_REGISTRY}/ns/img${i}`
  return {
    src,
    tag,
    file,
    dstRepo,
    /** The repository as the plan tree lists it under its registry header. */
    planRepo: file ? `mirror/img${i}` : `ns/img${i}`,
    line: `${src}:${tag}=${dstRepo}:${tag}`
  }
}

/** Writes a mapping of `n` lines (a comment header, then SRC=DST lines). */
export async function writeMapping(path, n) {
  const out = createWriteStream(path)
  out.write('# benchmark mapping: registry.example.com → file:// and registry destinations\n')
  let buf = ''
  for (let i = 0; i < n; i++) {
    buf += mappingEntry(i).line + '\n'
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.end(buf)
  await once(out, 'finish')
}

const SIZES = ['586.3KiB', '1.145MiB', '2.001MiB', '3.001MiB', '27.29MiB', '8.261KiB', '61.4MiB']
const pick = (rand, list) => list[Math.floor(rand() * list.length)]

/** Image i: a config blob, 1–8 layers (the first one or two shared base layers), 5 % multi-arch. */
function image(i) {
  const rand = mulberry32(1000003 + i)
  const layers = []
  const base = Math.floor(rand() * 40)
  layers.push({ digest: digest(`base-${base}`), size: '27.29MiB', shared: true })
  if (rand() < 0.5) {
    layers.push({ digest: digest(`base2-${base % 10}`), size: '3.001MiB', shared: true })
  }
  const own = 1 + Math.floor(rand() * 6)
  for (let k = 0; k < own; k++) {
    layers.push({ digest: digest(`layer-${i}-${k}`), size: pick(rand, SIZES), shared: false })
  }
  const multi = rand() < 0.05
  return {
    config: digest(`config-${i}`),
    configSize: `${500 + Math.floor(rand() * 9000)}B`,
    layers,
    manifest: digest(`manifest-${i}`),
    children: multi ? [digest(`child-${i}-amd64`), digest(`child-${i}-arm64`)] : []
  }
}

/**
 * Failure classes and the exact error text oc prints for each
 * (docs/oc-behaviour.md §1.4, §2.2, §2.3).
 */
const FAILURES = [
  // planning: the manifest GET by tag failed, the image never enters the plan
  {
    name: 'rate-limit (manifest, JSON body)',
    planning: true,
    text: (e) =>
      `unable to retrieve source image ${e.src} by tag ${e.tag}: toomanyrequests: too many requests: rate limit exceeded`
  },
  {
    name: 'auth',
    planning: true,
    text: (e) =>
      `unable to retrieve source image ${e.src} by tag ${e.tag}: unauthorized: authentication required`
  },
  {
    name: 'auth (multi-line bearer challenge)',
    planning: true,
    text: (e) =>
      `unable to retrieve source image ${e.src} by tag ${e.tag}: errors:\nunauthorized: authentication required\nunauthorized\n`
  },
  {
    name: 'not-found',
    planning: true,
    text: (e) =>
      `unable to retrieve source image ${e.src} by tag ${e.tag}: manifest unknown: manifest unknown`
  },
  // execution: one blob failed; registry destinations then refuse the manifest (dependency)
  {
    name: 'rate-limit (blob, empty body)',
    text: (e, d) =>
      `unable to open source layer ${d} to copy to ${e.dstRepo}: error parsing HTTP 429 response body: unexpected end of JSON input: ""`
  },
  {
    name: 'rate-limit (blob, JSON body)',
    text: (e, d) =>
      `unable to open source layer ${d} to copy to ${e.dstRepo}: toomanyrequests: too many requests: rate limit exceeded`
  },
  {
    name: 'server',
    text: (e, d) =>
      `unable to open source layer ${d} to copy to ${e.dstRepo}: received unexpected HTTP status: 503 Service Unavailable`
  },
  {
    name: 'network',
    text: (e, d) =>
      `unable to copy layer ${d} to ${e.dstRepo}: read tcp 10.0.0.5:52818->10.0.0.9:443: read: connection reset by peer`
  },
  {
    name: 'unknown (small blob)',
    small: true,
    text: (e, d) =>
      `unable to push ${e.src}: failed to retrieve blob ${d}: unknown: storage backend returned an unexpected reply`
  }
]

/** Rough bytes one image adds to one attempt, to size attempts before writing them. */
const BYTES_PER_IMAGE = 1550

/**
 * Writes a combined log of about `targetBytes`: oc runs ("attempts") over consecutive windows
 * of the mapping, cycling through it, each a complete run (plan → phases → uploads → errors).
 * @param {string} path
 * @param {{ targetBytes: number; entries: number; seed?: number; failureRate?: number }} opts
 * @returns {Promise<{ bytes: number; lines: number; attempts: number; mirrored: number; failed: number; errorLines: number; rateLimitLines: number }>}
 */
export async function writeLog(path, opts) {
  const { targetBytes, entries } = opts
  const rand = mulberry32(opts.seed ?? 42)
  const failureRate = opts.failureRate ?? 0.01
  const out = createWriteStream(path, { highWaterMark: 1 << 22 })
  /** Last verdict per entry (undefined: never in a run → unconfirmed, counted as failed). */
  const last = new Uint8Array(entries) // 0 never, 1 mirrored, 2 failed
  let bytes = 0
  let lines = 0
  let errorLines = 0
  let rateLimitLines = 0
  let buf = []
  let bufLen = 0
  const emit = (line) => {
    buf.push(line)
    bufLen += line.length + 1
    lines++
  }
  const flush = async () => {
    if (!buf.length) return
    const chunk = buf.join('\n') + '\n'
    buf = []
    bytes += Buffer.byteLength(chunk)
    bufLen = 0
    if (!out.write(chunk)) await once(out, 'drain')
  }
  const maybeFlush = async () => {
    if (bufLen > 1 << 22) await flush()
  }
  const error = (text) => {
    const [first, ...rest] = text.split('\n')
    emit(`error: ${first}`)
    for (const l of rest) emit(l)
    errorLines++
    if (/HTTP 429|toomanyrequests/.test(text)) rateLimitLines++
  }

  let next = 0
  let attempts = 0
  // A last run shorter than 2 % of the target would only be noise: stop instead.
  while (bytes + bufLen < targetBytes * 0.98) {
    const remaining = targetBytes - bytes - bufLen
    const count = Math.max(1, Math.min(entries, Math.ceil(remaining / BYTES_PER_IMAGE)))
    const ids = []
    for (let k = 0; k < count; k++) ids.push((next + k) % entries)
    next = (next + count) % entries
    attempts++
    await writeAttempt(ids)
  }
  await flush()
  out.end()
  await once(out, 'finish')
  let mirrored = 0
  for (const v of last) if (v === 1) mirrored++
  return {
    bytes,
    lines,
    attempts,
    mirrored,
    failed: entries - mirrored,
    errorLines,
    rateLimitLines
  }

  async function writeAttempt(ids) {
    // Decide the fate of every image of this run first.
    const fate = new Map()
    for (const id of ids) {
      if (rand() < failureRate) fate.set(id, FAILURES[Math.floor(rand() * FAILURES.length)])
    }
    const planned = ids.filter((id) => !fate.get(id)?.planning)
    // --- plan tree (stderr), one section per destination registry ---------------------------
    for (const [header, file] of [
      ['<dir>', true],
      [`${DST_REGISTRY}/`, false]
    ]) {
      const inSection = ids.filter((id) => mappingEntry(id).file === file)
      if (!inSection.length) continue
      emit(header)
      for (const id of inSection) {
        const e = mappingEntry(id)
        const img = image(id)
        emit(`  ${e.planRepo}`)
        emit('    blobs:')
        if (!fate.get(id)?.planning) {
          emit(`      ${e.src} ${img.config} ${img.configSize}`)
          for (const l of img.layers) emit(`      ${e.src} ${l.digest} ${l.size}`)
        }
        emit('    manifests:')
        if (!fate.get(id)?.planning) {
          for (const c of img.children) emit(`      ${c}`)
          emit(`      ${img.manifest} -> ${e.tag}`)
        }
        await maybeFlush()
      }
    }
    emit(
      `  stats: shared=40 unique=${ids.length * 4} size=${(ids.length * 31.2).toFixed(2)}MiB ratio=0.81`
    )
    emit('')
    for (const id of ids) {
      const f = fate.get(id)
      if (f?.planning) error(f.text(mappingEntry(id)))
    }
    // --- phase table: two phases (shared base layers go first) --------------------------------
    const half = Math.ceil(planned.length / 2)
    const phases = [planned.slice(0, half), planned.slice(half)].filter((p) => p.length)
    phases.forEach((phase, n) => {
      emit(`phase ${n}:`)
      for (const id of phase) {
        const e = mappingEntry(id)
        const img = image(id)
        const counts = `blobs=${img.layers.length + 1} mounts=${n} manifests=${img.children.length + 1} shared=1`
        emit(e.file ? `   ${e.planRepo} ${counts}` : `  ${DST_REGISTRY} ${e.planRepo} ${counts}`)
      }
    })
    emit('')
    emit(`info: Planning completed in ${(1 + rand() * 60).toFixed(2)}s`)
    await maybeFlush()
    // --- execution: uploads with stdout success lines interleaved; errors batched per phase ---
    let anyError = ids.some((id) => fate.get(id)?.planning)
    const seenShared = new Set()
    for (const phase of phases) {
      const phaseErrors = []
      for (const id of phase) {
        const e = mappingEntry(id)
        const img = image(id)
        const f = fate.get(id)
        const dst = e.file ? e.dstRepo : e.dstRepo
        let failedBlob
        if (f?.small) failedBlob = img.config
        else if (f) failedBlob = img.layers[img.layers.length - 1].digest
        for (const l of img.layers) {
          if (l.digest === failedBlob) continue
          if (l.shared && seenShared.has(l.digest)) emit(`mounted: ${dst} ${l.digest} ${l.size}`)
          else if (!l.size.endsWith('KiB') || l.size === '586.3KiB')
            emit(`uploading: ${dst} ${l.digest} ${l.size}`)
          if (l.shared) seenShared.add(l.digest)
        }
        if (f) {
          phaseErrors.push(f.text(e, failedBlob))
          // A registry refuses a manifest whose blob is missing; file:// writes it anyway
          // (docs/oc-behaviour.md §8).
          if (!e.file) {
            phaseErrors.push(
              `unable to push manifest to ${e.dstRepo}:${e.tag}: manifest blob unknown: blob unknown to registry`
            )
          }
        }
        if (!f || e.file) {
          for (const c of img.children) emit(`${c} ${e.dstRepo}`)
          emit(`${img.manifest} ${e.dstRepo}:${e.tag}`)
        }
        await maybeFlush()
      }
      for (const text of phaseErrors) error(text)
      if (phaseErrors.length) anyError = true
    }
    for (const id of ids) last[id] = fate.has(id) ? 2 : 1
    emit(
      `info: Mirroring completed in ${Math.floor(rand() * 59)}m${(rand() * 59).toFixed(2)}s (16.16MB/s)`
    )
    if (anyError) error('one or more errors occurred')
    await maybeFlush()
  }
}

export const FAILURE_NAMES = FAILURES.map((f) => f.name)
