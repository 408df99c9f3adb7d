// `npm run bench`: triage throughput and memory, attribution against mapping size, retry
// efficiency on the registry bed, and mirror-guard's own overhead. Runs the committed bundles
// (dist/cli.js, dist/index.js; no TypeScript at run time), prints a table and writes
// BENCHMARKS.md. Not part of the unit suite.
//
// Environment:
//   BENCH_SIZES=10,100,1000   log sizes in MB for the triage measurement (1000 = 1 GB)
//   BENCH_RUNS=N              runs per measurement (default 5; 3 for 1 GB and the mapping scale)
//   BENCH_SKIP=retry,scale    skip sections: triage, scale, retry, overhead
//   BENCH_OUT=FILE            where to write the report (default BENCHMARKS.md; '-' = none)
//   BENCH_JSON=FILE           also write the raw results as JSON
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fmtMb, fmtMs, fmtRange, rssMethod } from './bench/measure.mjs'
import { benchActionSummary, benchReport, benchStartup } from './bench/overhead.mjs'
import { benchRetry } from './bench/retry.mjs'
import { benchMappingScale, benchTriageSizes } from './bench/triage.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const env = process.env
const sizesMb = (env.BENCH_SIZES ?? '10,100,1000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const runsOverride = env.BENCH_RUNS ? Math.max(1, Number(env.BENCH_RUNS)) : undefined
const skip = new Set((env.BENCH_SKIP ?? '').split(',').filter(Boolean))
const outFile = env.BENCH_OUT ?? join(ROOT, 'BENCHMARKS.md')
const say = (s) => process.stderr.write(s + '\n')

function versionOf(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0].trim()
  } catch {
    return 'not installed'
  }
}

const shortHash = (file) =>
  createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12)

function machine() {
  const cpus = os.cpus()
  return {
    nproc: os.availableParallelism(),
    memGb: (os.totalmem() / 2 ** 30).toFixed(1),
    cpu: cpus[0]?.model ?? 'unknown',
    node: process.version,
    grep: versionOf('grep', ['--version']),
    skopeo: versionOf('skopeo', ['--version']),
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString()
  }
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')

async function main() {
  for (const f of ['cli.js', 'index.js']) {
    if (!existsSync(join(ROOT, 'dist', f)))
      throw new Error(`dist/${f} is missing: run npm run build`)
  }
  const tmp = mkdtempSync(join(os.tmpdir(), 'mg-bench-'))
  const cleanup = () => rmSync(tmp, { recursive: true, force: true })
  const onSignal = () => {
    cleanup()
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    // A private copy of the bundles: a rebuild elsewhere during the run cannot change them.
    const dist = join(tmp, 'dist')
    cpSync(join(ROOT, 'dist'), dist, { recursive: true })
    const ctx = { tmp, dist, say }
    const m = machine()
    const res = {
      machine: m,
      bundles: { cli: shortHash(join(dist, 'cli.js')), index: shortHash(join(dist, 'index.js')) },
      loadStart: load()
    }
    const t0 = performance.now()

    if (!skip.has('triage')) {
      const fs = statfsSync(tmp)
      const free = fs.bavail * fs.bsize
      const fits = sizesMb.filter((mb) => mb * 1e6 * 1.2 + 200e6 < free)
      const skipped = sizesMb.filter((mb) => !fits.includes(mb))
      if (skipped.length)
        say(`triage: not enough free space in ${tmp} for ${skipped.join(', ')} MB`)
      res.freeGb = (free / 1e9).toFixed(0)
      res.skippedSizes = skipped
      res.triage = await benchTriageSizes(ctx, {
        sizesMb: fits,
        entries: 20_000,
        runs: (mb) => runsOverride ?? (mb >= 1000 ? 3 : 5)
      })
    }
    if (!skip.has('scale')) {
      const logMb = sizesMb.includes(100) ? 100 : Math.min(100, Math.max(...sizesMb, 10))
      res.scale = await benchMappingScale(ctx, {
        logMb,
        entries: [2_000, 20_000, 200_000],
        runs: runsOverride ?? 3
      })
      res.scaleLogMb = logMb
    }
    if (!skip.has('retry')) {
      try {
        res.retry = await benchRetry(ctx, { images: 50, concurrency: 6, maxAttempts: 10 })
      } catch (e) {
        res.retryError = e instanceof Error ? e.message : String(e)
        say(`retry: ${res.retryError}`)
      }
    }
    if (!skip.has('overhead')) {
      say('overhead: start to first spawn …')
      res.startup = await benchStartup(ctx, { runs: runsOverride ?? 7 })
      say('overhead: CLI report for 20,000 lines …')
      res.report = await benchReport(ctx, { runs: runsOverride ?? 5, entries: 20_000 })
      say('overhead: action summary for 20 / 2,000 / 20,000 lines …')
      res.summary = await benchActionSummary(ctx, {
        runs: runsOverride ?? 3,
        entries: [20, 2_000, 20_000],
        // One run when a single run already takes longer than this (see BENCHMARKS.md).
        slowMs: 30_000
      })
    }
    res.loadEnd = load()
    res.totalMs = performance.now() - t0
    const md = render(res)
    process.stdout.write(consoleTable(res))
    if (env.BENCH_JSON) writeFileSync(env.BENCH_JSON, JSON.stringify(res, null, 2) + '\n')
    if (outFile !== '-') {
      writeFileSync(outFile, md)
      say(`wrote ${outFile}`)
    }
  } finally {
    cleanup()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

// ------------------------------------------------------------------------------- verdicts

const verdict = (ok) => (ok ? '**met**' : '**missed**')
const x = (n) => `${n.toFixed(2)}×`
const mbOf = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`

function goals(res) {
  const out = []
  if (res.triage?.length) {
    for (const r of res.triage) {
      out.push({
        goal: `triage ≤ 2 × grep time (${r.mb} MB)`,
        measured: x(r.ratio.median),
        ok: r.ratio.median <= 2
      })
    }
    const big = res.triage[res.triage.length - 1]
    out.push({
      goal: `peak RSS ≤ 100 MB at the largest log (${big.mb} MB)`,
      measured: fmtMb(big.triageRssKb.max),
      ok: big.triageRssKb.max <= 100 * 1024
    })
    // Judged between the two largest logs: both cover the whole mapping, while the 10 MB log
    // reaches only a third of it (less per-entry state for that reason, not the log's size).
    const ref = res.triage.length >= 2 ? res.triage[res.triage.length - 2] : res.triage[0]
    out.push({
      goal: `peak RSS flat in the log size (${ref.mb} MB → ${big.mb} MB within 1.25×)`,
      measured: res.triage.map((r) => `${fmtMb(r.triageRssKb.median)} at ${r.mb} MB`).join(', '),
      ok: big.triageRssKb.median <= ref.triageRssKb.median * 1.25
    })
  }
  if (res.scale?.length === 3) {
    const [a, b, c] = res.scale
    const s1 = (b.aloneMs.median - a.aloneMs.median) / (b.entries - a.entries)
    const s2 = (c.aloneMs.median - b.aloneMs.median) / (c.entries - b.entries)
    out.push({
      goal: 'attribution linear in mapping size (cost per extra line 20k→200k ≤ 1.5 × 2k→20k)',
      measured: `${(s1 * 1000).toFixed(1)} µs/line → ${(s2 * 1000).toFixed(1)} µs/line`,
      ok: s2 <= s1 * 1.5
    })
  }
  if (res.retry) {
    for (const s of res.retry.scenarios) {
      out.push({
        goal: `[${s.name}] bytes pulled ≤ 1.10 × unique bytes`,
        measured: x(s.mg.bytes / res.retry.uniqueBytes),
        ok: s.mg.bytes <= 1.1 * res.retry.uniqueBytes
      })
      out.push({
        goal: `[${s.name}] bytes pulled ≤ 0.5 × the naive loop's`,
        measured: x(s.mg.bytes / s.naive.bytes),
        ok: s.mg.bytes <= 0.5 * s.naive.bytes
      })
    }
  } else if (!skip.has('retry')) {
    out.push({ goal: 'retry efficiency', measured: `not measured: ${res.retryError}`, ok: false })
  }
  if (res.startup) {
    out.push({
      goal: 'bundle start → first spawn of oc ≤ 300 ms',
      measured: fmtMs(res.startup.toFirstMs.median),
      ok: res.startup.toFirstMs.median <= 300
    })
  }
  return out
}

// ------------------------------------------------------------------------------- console

function consoleTable(res) {
  const lines = [
    '',
    'goal                                                              measured        verdict'
  ]
  for (const g of goals(res)) {
    lines.push(
      `${g.goal.padEnd(66).slice(0, 66)}${g.measured.padEnd(16)}${g.ok ? 'met' : 'MISSED'}`
    )
  }
  if (res.triage) {
    lines.push('', 'log      triage median (min–max)      grep median      ratio   triage peak RSS')
    for (const r of res.triage) {
      lines.push(
        `${String(r.mb).padStart(5)} MB ${fmtRange(r.triageMs, fmtMs).padEnd(28)} ${fmtMs(r.grepMs.median).padEnd(16)} ${x(r.ratio.median).padEnd(7)} ${fmtMb(r.triageRssKb.max)}`
      )
    }
  }
  lines.push(`\ntotal ${fmtMs(res.totalMs)}; load average ${res.loadStart} → ${res.loadEnd}\n`)
  return lines.join('\n') + '\n'
}

// ------------------------------------------------------------------------------- markdown

function render(res) {
  const m = res.machine
  const L = []
  L.push('# Benchmarks', '')
  L.push(
    'Written by `npm run bench` (`scripts/bench.mjs`, `scripts/bench/*.mjs`). Every number is a',
    'median of several runs with the min–max range; ratios compare commands run side by side, on',
    'the same file, in the same run. Re-run it on your machine rather than trusting these.',
    ''
  )
  L.push('## Machine', '')
  L.push('| | |', '|---|---|')
  L.push(`| CPUs (nproc) | ${m.nproc} |`)
  L.push(`| CPU model | ${m.cpu} |`)
  L.push(`| memory | ${m.memGb} GiB |`)
  L.push(`| OS | ${m.os} |`)
  L.push(`| Node | ${m.node} |`)
  L.push(`| grep | ${m.grep} |`)
  L.push(`| skopeo | ${m.skopeo} |`)
  L.push(`| date | ${m.date} |`)
  L.push(
    `| bundles | dist/cli.js \`${res.bundles.cli}\`, dist/index.js \`${res.bundles.index}\` (sha256 prefix) |`
  )
  L.push(`| load average (1/5/15 min) | start ${res.loadStart}, end ${res.loadEnd} |`)
  L.push(`| total bench time | ${fmtMs(res.totalMs)} |`)
  L.push('')
  L.push(
    '> The machine is shared: other jobs ran during the benchmark (see the load average), so',
    '> absolute times are noisy. Ratios are taken per run, between commands run back to back.',
    ''
  )
  L.push('## Goals', '')
  L.push('| goal | measured | verdict |', '|---|---|---|')
  for (const g of goals(res)) L.push(`| ${g.goal} | ${g.measured} | ${verdict(g.ok)} |`)
  L.push('')

  if (res.triage) renderTriage(L, res)
  if (res.scale) renderScale(L, res)
  renderRetry(L, res)
  if (res.startup) renderOverhead(L, res)
  L.push('## How to run', '')
  L.push('```sh')
  L.push('npm run build                        # the benchmarks run the committed bundles')
  L.push('npm run bench                        # full run (10 MB, 100 MB, 1 GB logs)')
  L.push('BENCH_SIZES=10,100 npm run bench     # quick: skip the 1 GB log')
  L.push('BENCH_SKIP=retry,scale BENCH_RUNS=3 BENCH_OUT=- npm run bench')
  L.push('```', '')
  return L.join('\n')
}

function renderTriage(L, res) {
  L.push('## 1. Triage throughput and memory', '')
  L.push(
    'Method. `scripts/bench/gen-log.mjs` writes combined logs (`> log 2>&1`) whose every line has',
    'the shape of a real oc 4.12 line (from `test/fixtures/oc-transcripts/4.12/*/{stderr,stdout}.txt`):',
    'plan trees with blob rows under `<dir>` and registry headers, phase tables, `info: Planning',
    'completed`, `uploading:`/`mounted:` lines with stdout success lines interleaved, batched',
    '`error:` lines (rate-limit with JSON and empty bodies, auth incl. the multi-line bearer form,',
    'not-found, server 503, network reset, dependency `manifest blob unknown`, unknown) for about',
    '1 % of the images, `info: Mirroring completed` and the final `error: one or more errors',
    'occurred`. The mapping has 20,000 lines, two thirds `registry.example.com/ns/imgN:tag=file://mirror/imgN:tag`,',
    'one third to `mirror.example.com:5000/ns/imgN:tag`. A log is a series of complete oc runs over',
    'consecutive windows of the mapping (about 1.5 kB of log per image per run), so the 10 MB log',
    'covers about a third of the mapping once (the rest is correctly reported unconfirmed) and the',
    '1 GB log is about 32 runs over the whole mapping concatenated, as a log of repeated attempts is.',
    '',
    'Measured: `node dist/cli.js triage --log <file> -f <mapping> --no-retry-out -q` against',
    "`LC_ALL=C grep -cE 'HTTP 429|toomanyrequests' <file>`, and, as a floor for any line reader",
    'written in Node, `scripts/bench/scan-floor.mjs` (one reused 1 MiB buffer, `indexOf` for every',
    'newline, nothing done with the lines), rotating which goes first. Every',
    "triage run is checked: its summary line must equal the generator's own count of mirrored and",
    'failed lines, and grep must count the rate-limit lines the generator wrote. Wall time from',
    `spawn to exit; peak RSS by ${rssMethod}. The file is in the page cache for all three.`,
    ''
  )
  if (res.skippedSizes?.length) {
    L.push(`Skipped for lack of free space: ${res.skippedSizes.join(', ')} MB.`, '')
  }
  L.push(
    '| log | lines | runs in log | error lines | triage | MB/s | grep | triage ÷ grep | Node newline scan | scan ÷ grep | triage peak RSS | grep peak RSS |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|'
  )
  for (const r of res.triage) {
    L.push(
      `| ${mbOf(r.bytes)} | ${r.lines.toLocaleString('en-US')} | ${r.attempts} | ${r.errorLines} | ${fmtRange(r.triageMs, fmtMs)} | ${r.mbPerS.median.toFixed(0)} | ${fmtRange(r.grepMs, fmtMs)} | ${fmtRange(r.ratio, x)} | ${fmtRange(r.floorMs, fmtMs)} | ${x(r.floorRatio.median)} | ${fmtRange(r.triageRssKb, fmtMb)} | ${fmtMb(r.grepRssKb.median)} |`
    )
  }
  L.push('')
  const big = res.triage[res.triage.length - 1]
  const alone = res.scale?.find((r) => r.entries === 20_000)
  if (big && alone) {
    const logPart = big.triageMs.median - alone.aloneMs.median
    L.push(
      `Where the ${mbOf(big.bytes)} triage's ${fmtMs(big.triageMs.median)} go: ${fmtMs(alone.aloneMs.median)} is the`,
      'same command on a one-line log (Node start-up, reading the 20,000-line mapping, verdicts,',
      `report; measured under "Attribution against mapping size"), the remaining ${fmtMs(logPart)} is`,
      `reading and attributing the log: ${x(logPart / big.grepMs.median)} grep's time (the Node newline scan alone:`,
      `${x(big.floorRatio.median)}).`,
      ''
    )
  }
  L.push(...TRIAGE_NOTES, '')
}

const TRIAGE_NOTES = [
  'What was optimised, behaviour unchanged. `test/core/log-fold.test.ts` compares the fast path',
  'with the plain reader event for event, line number for line number and verdict for verdict on',
  'every transcript fixture (combined, stderr only, repeated, with attempt headers, CRLF), on',
  'byte-level edge cases (lines across the 1 MiB read boundary, non-ASCII chunks, no final',
  'newline, errors continued or closed by indented lines, runs ended before a transfer line), on',
  '300 random logs and on a generated multi-attempt log; `test/core/success-line.test.ts`',
  'property-tests the success-line parser against the regex grammar it replaces.',
  '',
  '- Reading: one `FileHandle.read` into two 1 MiB buffers in turn (the next read runs while the',
  '  current chunk is parsed; waiting for each read was half a second of a 1 GB triage); lines',
  '  found with `indexOf(0x0a)`; in a pure-ASCII chunk without NUL a line is one native latin1',
  '  slice, identical to its UTF-8 decoding.',
  '- Folding routine lines (`readLog(…, { foldRoutine: true })`, what triage asks for): about 80 %',
  '  of a mirror log is `uploading:`/`mounted:` lines, plan rows and phase-table rows that',
  '  attribution only counts. They are recognised from their first bytes and counted into one',
  '  `routine` event per run of them, never decoded, and only when nothing is open that they could',
  '  continue or close and (for top-level lines) the run has not ended, so run boundaries and',
  '  multi-line errors come out exactly as before. The first plan row of each attempt is still',
  '  decoded (attribution needs to know a plan was printed); a plan repository header is kept as',
  '  bytes and decoded only if a later row needs it.',
  '- Success lines (about 7 % of the lines, one per image and run): recognised from their bytes',
  '  without a regex (it ran twice per line before) and interned: a log of repeated attempts',
  '  prints the same lines again, so each distinct line is decoded once (up to 32,768 of them)',
  "  and attribution's lookups reuse the hash V8 caches in each string.",
  '- Attribution: only the destination:tag index is built up front; the indexes only errors use',
  '  are built on the first error; per-entry state and per-attempt marks live in arrays indexed by',
  '  entry id, reused across attempts; success lookups are memoised per spelling.',
  '',
  'Why the 2 × grep goal is still missed: grep scans 1 GB in about half a second with',
  'vectorised search; a Node process needs a fair part of that just to start and read the',
  '20,000-line mapping (see "one-line log" under "Attribution against mapping size"), and the',
  '"Node newline scan" column, the floor of any line-by-line reader in Node, costs about what',
  'grep costs. The rest is per-line work in one thread: for each of about 10 million lines per',
  'GB a native `indexOf` and a first-byte check; for each success line a hash, a comparison and',
  'an event; per attempt, folding 20,000 entries into their verdicts. Reaching 2 × would need the',
  'work split across both cores (a worker reading and folding while the main thread attributes),',
  'which is not done.',
  '',
  'Peak RSS: about 45 MB is Node with the bundle loaded (`--help`); the rest is the 20,000-line',
  'mapping and what is kept per mapping line (parsed references, the success index, the error',
  'indexes built on the first error, verdict state; compare the one-line-log column), plus the',
  "heap's headroom, not the log: it no longer grows once the log covers the whole mapping (the",
  '10 MB log reaches only a third of it, hence its lower figure). Run-level findings are kept',
  'whole for the first 500 and counted per class after that, and the success-line cache is',
  'bounded, so no log can grow the heap without bound.'
]

function renderScale(L, res) {
  L.push('## Attribution against mapping size', '')
  L.push(
    `Each mapping size gets its own ${res.scaleLogMb} MB log generated to match it (same generator,`,
    'same byte size), and the same mapping is also triaged against a one-line log, which isolates',
    'what the mapping itself costs (reading and parsing it, indexing it, one verdict per line).',
    ''
  )
  L.push(
    `| mapping lines | triage, ${res.scaleLogMb} MB log | peak RSS | triage, one-line log | peak RSS | per mapping line (one-line log) |`,
    '|---|---|---|---|---|---|'
  )
  for (const r of res.scale) {
    L.push(
      `| ${r.entries.toLocaleString('en-US')} | ${fmtRange(r.fullMs, fmtMs)} | ${fmtMb(r.fullRssKb.median)} | ${fmtRange(r.aloneMs, fmtMs)} | ${fmtMb(r.aloneRssKb.median)} | ${((r.aloneMs.median / r.entries) * 1000).toFixed(1)} µs |`
    )
  }
  const [a, b, c] = res.scale
  if (a && b && c) {
    L.push(
      '',
      `Ratios (one-line log): 20k ÷ 2k = ${x(b.aloneMs.median / a.aloneMs.median)}, 200k ÷ 20k = ${x(c.aloneMs.median / b.aloneMs.median)} ` +
        `(10× the lines; process start-up is a fixed part of each). With the ${res.scaleLogMb} MB log: ` +
        `20k ÷ 2k = ${x(b.fullMs.median / a.fullMs.median)}, 200k ÷ 20k = ${x(c.fullMs.median / b.fullMs.median)}.`
    )
  }
  L.push('')
}

function renderRetry(L, res) {
  L.push('## 2. Retry efficiency on the registry bed', '')
  if (!res.retry) {
    L.push(
      skip.has('retry') ? 'Skipped (BENCH_SKIP).' : `**Blocked**: ${res.retryError ?? 'not run'}`,
      ''
    )
    return
  }
  const r = res.retry
  L.push(
    `Method. \`scripts/demo-bed.mjs\` + \`test/support/bed.mjs\`: ${r.images} images built by`,
    '`test/support/images.mjs` (each: a 1 MiB base layer shared by all, a 512 KiB layer shared by',
    'groups of ten, a 192 KiB own layer, a config) pushed to a docker-registry on 127.0.0.1, the',
    '`test/support/fault-proxy.mjs` in front of it (it counts the body bytes it served per blob), and',
    'a fresh empty destination registry for each contender. Contenders:',
    '',
    '- **mirror-guard**: `node dist/index.js` with `engine: skopeo`, `insecure: true`,',
    '  `max-attempts: 10`, `retry-delay: 0`, `max-per-registry: 6`, `verify: auto`, `upload: false`.',
    '- **naive loop**: `skopeo copy --all --retry-times=0` of every line, 6 at a time, the whole',
    '  mapping again until one pass has no failure (what a generic retry step around a script',
    '  does), at most 20 passes.',
    '- **clean pass**: one naive pass without faults (plain `skopeo copy`, 6 at a time).',
    '',
    `Unique blob bytes of all images (shared layers once): ${mbOf(r.uniqueBytes)}. Clean pass:`,
    `${mbOf(r.clean.bytes)} (${x(r.clean.bytes / r.uniqueBytes)} unique) in ${fmtMs(r.clean.ms)}, ${r.clean.blobGets} blob GETs.`,
    ''
  )
  L.push(
    '| fault | contender | outcome | attempts / passes | bytes from source | ÷ unique | ÷ clean pass | ÷ naive | blob GETs | manifest GETs | 429s sent | wall time |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|'
  )
  for (const s of r.scenarios) {
    for (const [who, c] of [
      ['mirror-guard', s.mg],
      ['naive loop', s.naive]
    ]) {
      L.push(
        `| ${s.name} | ${who} | ${c.outcome} | ${c.attempts} | ${mbOf(c.bytes)} | ${x(c.bytes / r.uniqueBytes)} | ${x(c.bytes / r.clean.bytes)} | ${x(c.bytes / s.naive.bytes)} | ${c.blobGets} | ${c.manifestGets} | ${c.answered429} | ${fmtMs(c.ms)} |`
      )
    }
  }
  L.push(
    '',
    'One run per contender (a run is itself dozens of copies; the fault pattern is seeded).',
    '',
    'Reading the numbers:',
    '',
    '- Each blob is pulled once: the skopeo engine reads the source manifests a little ahead of',
    '  the copies and never runs two copies at once that need the same blob not yet pushed, so',
    '  the later ones mount it inside the destination registry (containers/image records where',
    '  each blob went) instead of pulling it again (`src/engines/blob-schedule.ts`). Plain',
    '  concurrent `skopeo copy` races for shared layers: the clean pass without any fault pulls',
    `  ${x(r.clean.bytes / r.uniqueBytes)} the unique bytes. The price is one manifest request per image (the manifest`,
    '  GET column; `skopeo-share-blobs: false` turns it off where manifest requests count as pulls).',
    '- The ≤ 0.5 × naive goal assumes a naive loop that downloads everything again on each pass',
    "  (oc's `--force`). A naive loop of `skopeo copy` does not: skopeo skips blobs the destination",
    '  already has, so rerunning the whole mapping pulls only what is still missing plus the',
    '  shared layers its concurrent copies race for. Against that loop mirror-guard pulls',
    `  ${r.scenarios.map((s) => `${x(s.mg.bytes / s.naive.bytes)} (${s.name})`).join(' and ')}; oc is not installed on this machine,`,
    '  so the comparison with an `oc image mirror --force` loop is not measured here.',
    '- What the naive loop wastes most is passes and time: with a per-request fault rate, a whole',
    '  pass without a single failure gets unlikely as the mapping grows, while mirror-guard reruns',
    '  only the failed lines:',
    ...r.scenarios.map(
      (s) =>
        `  ${s.name}: naive loop ${s.naive.outcome} (${s.naive.copies} copies, ${fmtMs(s.naive.ms)}), ` +
        `mirror-guard ${s.mg.outcome} in ${s.mg.attempts} attempt(s) (${fmtMs(s.mg.ms)}).`
    ),
    '- skopeo (containers/image) retries a 429 itself, with back-off, so the 429 case rarely fails',
    '  a line for either contender; its wall times mostly measure those back-off sleeps.',
    '- The blob-info cache of containers/image (`/var/lib/containers/cache` when run as root) is',
    '  shared by all runs; each contender gets a fresh destination registry on a new port, so',
    '  locations cached by an earlier contender do not apply.',
    ''
  )
}

function renderOverhead(L, res) {
  const s = res.startup
  L.push('## 3. Overhead', '')
  L.push(
    'Start to first spawn: `node dist/index.js` with INPUT_* variables and runner files',
    '(GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE, GITHUB_ENV, RUNNER_TEMP) in a tmp dir and a',
    'bash stand-in oc that appends `$EPOCHREALTIME` to a file when it starts and exits at once',
    '(a Node stand-in would add its own start-up). Measured from just before `spawn` of the',
    `bundle to the stand-in's first timestamp; the first call is \`oc ${s.firstCall}\`.`,
    ''
  )
  L.push('| | median (min–max) |', '|---|---|')
  L.push(`| bundle start → first spawn of oc | ${fmtRange(s.toFirstMs, fmtMs)} |`)
  L.push(
    `| whole action run (5-line mapping, stand-in exits at once) | ${fmtRange(s.totalMs, fmtMs)} |`
  )
  L.push(`| \`node -e 0\` on this machine, same runs | ${fmtRange(s.nodeMs, fmtMs)} |`)
  L.push('')
  const r = res.report
  L.push(
    'CLI report for a 20,000-line mapping and a small log (one run over 300 of its lines): ',
    '`triage --json report.json --retry-out retry.txt` (table, JSON and retry mapping) against',
    '`triage -q --no-retry-out` on the same files.',
    ''
  )
  L.push('| | median (min–max) |', '|---|---|')
  L.push(`| triage -q | ${fmtRange(r.quietMs, fmtMs)} |`)
  L.push(
    `| triage with table + JSON (${mbOf(r.jsonBytes)}) + retry mapping | ${fmtRange(r.fullMs, fmtMs)} |`
  )
  L.push(`| rendering cost (difference, per run) | ${fmtRange(r.deltaMs, fmtMs)} |`)
  L.push(`| peak RSS with JSON | ${fmtMb(r.fullRssKb.median)} |`)
  L.push('')
  L.push(
    'Action summary: `node dist/index.js` with an N-line mapping and a bash stand-in oc replaying',
    'one clean run that names all N lines (plan tree, uploads, N success lines on stdout, the rest',
    'on stderr); `verify: off`, `upload: false`. Each run is checked: the `mirrored` output must be N.',
    ''
  )
  L.push(
    '| mapping lines | runs | whole action run | peak RSS | job summary size |',
    '|---|---|---|---|---|'
  )
  for (const a of res.summary) {
    L.push(
      `| ${a.entries.toLocaleString('en-US')} | ${a.wallMs.n} | ${fmtRange(a.wallMs, fmtMs)} | ${fmtMb(a.rssKb.median)} | ${(a.summaryBytes / 1024).toFixed(0)} KiB |`
    )
  }
  const perLine = res.summary.map((a, i) =>
    i === 0
      ? undefined
      : (a.wallMs.median - res.summary[0].wallMs.median) / (a.entries - res.summary[0].entries)
  )
  const [, p2, p3] = perLine
  if (p2 !== undefined && p3 !== undefined) {
    L.push(
      '',
      `Cost per mapping line above the 20-line run: ${(p2 * 1000).toFixed(0)} µs at ${res.summary[1].entries.toLocaleString('en-US')} lines, ` +
        `${(p3 * 1000).toFixed(0)} µs at ${res.summary[2].entries.toLocaleString('en-US')} lines` +
        (p3 > 2 * p2
          ? ': it grows with the mapping size, i.e. the action does super-linear work per line (the CLI triage of the same 20,000 lines takes well under a second, see above).'
          : '.')
    )
  }
  L.push('')
}

main().catch((e) => {
  say(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)
  process.exitCode = 1
})
