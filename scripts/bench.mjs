// `npm run bench`: triage throughput and memory, attribution against mapping size, retry
// efficiency on the registry bed, and mirror-guard's own overhead. Runs the committed bundles
// (dist/cli.js, dist/index.js; no TypeScript at run time), prints a table and writes
// BENCHMARKS.md. Not part of the unit suite.
//
// Environment:
//   BENCH_SIZES=10,100,1000   log sizes in MB for the triage measurement (1000 = 1 GB)
//   BENCH_RUNS=N              runs per measurement (default 5; 3 for the mapping scale)
//   BENCH_SKIP=retry,scale    skip sections: triage, scale, retry, oc-retry, overhead, shards
//   BENCH_OC=a:b              oc clients for oc-retry (default MIRROR_GUARD_TEST_OC, else oc on PATH)
//   BENCH_OUT=FILE            where to write the report (default BENCHMARKS.md; '-' = none)
//   BENCH_JSON=FILE           also write the raw results as JSON
//   BENCH_FROM_JSON=FILE      measure nothing: write the report from results saved by BENCH_JSON
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
import { benchOcRetry } from './bench/oc-retry.mjs'
import { benchRetry } from './bench/retry.mjs'
import { benchShards, renderShards } from './bench/shard.mjs'
import { benchEdgeShapes, benchMappingScale, benchTriageSizes } from './bench/triage.mjs'

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
  if (env.BENCH_FROM_JSON) {
    const res = JSON.parse(readFileSync(env.BENCH_FROM_JSON, 'utf8'))
    process.stdout.write(consoleTable(res))
    if (outFile !== '-') writeFileSync(outFile, render(res))
    return
  }
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
      const runs = () => runsOverride ?? 5
      res.triage = await benchTriageSizes(ctx, {
        shape: 'generated',
        sizesMb: fits,
        entries: 20_000,
        runs
      })
      res.triageReal = await benchTriageSizes(ctx, { shape: 'real', sizesMb: fits, runs })
      res.edge = await benchEdgeShapes(ctx, { sizesMb: fits.filter((mb) => mb >= 100) })
    }
    if (!skip.has('scale')) {
      const scale = await benchMappingScale(ctx, {
        entries: [20_000, 100_000, 200_000],
        runs: runsOverride ?? 3
      })
      res.scale = scale.rows
      res.scaleBaseRssKb = scale.baseRssKb
    }
    if (!skip.has('retry')) {
      try {
        res.retry = await benchRetry(ctx, { images: 50, concurrency: 6, maxAttempts: 10 })
      } catch (e) {
        res.retryError = e instanceof Error ? e.message : String(e)
        say(`retry: ${res.retryError}`)
      }
    }
    if (!skip.has('oc-retry')) {
      try {
        res.ocRetry = await benchOcRetry(ctx, { maxAttempts: 6, seed: 1313 })
      } catch (e) {
        res.ocRetryError = e instanceof Error ? e.message : String(e)
        say(`oc-retry: ${res.ocRetryError}`)
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
    if (!skip.has('shards')) {
      res.shards = await benchShards(ctx, { entries: 20_000, count: 32, runs: runsOverride ?? 5 })
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
/** CPU ratio of the fastest runs; GNU time counts CPU in 10 ms steps, too coarse below 100 ms. */
const cpuRatio = (r) => (r.grepCpuMs.min >= 100 ? x(r.triageCpuMs.min / r.grepCpuMs.min) : 'n/a')
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`

function goals(res) {
  const out = []
  for (const [name, rows] of [
    ['generated', res.triage],
    ['real oc runs', res.triageReal]
  ]) {
    if (!rows?.length) continue
    const big = rows[rows.length - 1]
    out.push({
      goal: `[${name}] triage ≤ 2 × grep time at the largest log (${big.mb} MB, min of ${big.triageMs.n})`,
      measured: `${x(big.minRatio)} (median ${x(big.ratio.median)}; CPU time ${cpuRatio(big)})`,
      ok: big.minRatio <= 2
    })
    out.push({
      goal: `[${name}] peak RSS ≤ 100 MB at the largest log (${big.mb} MB)`,
      measured: fmtMb(big.triageRssKb.max),
      ok: big.triageRssKb.max <= 100 * 1024
    })
    // Judged from 100 MB up: the 10 MB generated log reaches only a third of its mapping.
    const ref = rows.find((r) => r.mb >= 100) ?? rows[0]
    out.push({
      goal: `[${name}] peak RSS and report size flat in the log size (${ref.mb} MB → ${big.mb} MB within 1.25×)`,
      measured: rows
        .map((r) => `${fmtMb(r.triageRssKb.max)} / ${kb(r.reportBytes)} at ${r.mb} MB`)
        .join(', '),
      ok:
        big.triageRssKb.max <= ref.triageRssKb.max * 1.25 &&
        big.reportBytes <= ref.reportBytes * 1.25
    })
  }
  for (const shape of new Set((res.edge ?? []).map((r) => r.shape))) {
    const rows = res.edge.filter((r) => r.shape === shape)
    const [first, last] = [rows[0], rows[rows.length - 1]]
    if (!first || first === last) continue
    out.push({
      goal: `[${shape}] peak RSS and report size flat (${first.mb} MB → ${last.mb} MB within 1.25×)`,
      measured: rows
        .map((r) => `${fmtMb(r.rssKb)} / ${kb(r.reportBytes)} at ${r.mb} MB`)
        .join(', '),
      ok: last.rssKb <= first.rssKb * 1.25 && last.reportBytes <= first.reportBytes * 1.25
    })
  }
  const hundred = res.scale?.find((r) => r.entries === 100_000)
  if (hundred) {
    out.push({
      goal: 'peak RSS ≤ 256 MB, 100,000-line mapping, every line confirmed',
      measured: fmtMb(hundred.fullRssKb.max),
      ok: hundred.fullRssKb.max <= 256 * 1024
    })
    out.push({
      goal: '≤ 2 KB per mapping line at 100,000 lines (peak RSS above Node with a 1-line mapping)',
      measured: `${(hundred.bytesPerLine / 1024).toFixed(2)} KB`,
      ok: hundred.bytesPerLine <= 2048
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
  if (res.ocRetry) {
    const u = res.ocRetry.uniqueBytes
    for (const r of res.ocRetry.runs) {
      const tag = `[oc ${r.oc.version}, ${r.rule}]`
      out.push({
        goal: `${tag} success, tree complete, bytes ≤ 1.10 × unique`,
        measured: `${r.auto.outcome}, ${r.auto.complete ? 'complete' : 'INCOMPLETE'}, ${x(r.auto.bytes / u)}`,
        ok: r.auto.outcome === 'success' && r.auto.complete && r.auto.bytes <= 1.1 * u
      })
      out.push({
        goal: `${tag} bytes ≤ 0.5 × the naive --force loop's`,
        measured: `${x(r.auto.bytes / r.untilExit.bytes)} (until exit 0), ${x(r.auto.bytes / r.untilComplete.bytes)} (until complete)`,
        ok: r.auto.bytes <= 0.5 * r.untilExit.bytes
      })
    }
  } else if (!skip.has('oc-retry')) {
    out.push({
      goal: 'retry efficiency with real oc',
      measured: `not measured: ${res.ocRetryError}`,
      ok: false
    })
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
  for (const [name, rows] of [
    ['generated', res.triage],
    ['real runs', res.triageReal]
  ]) {
    if (!rows?.length) continue
    lines.push('', `${name}: log   triage min   grep min   min ratio   peak RSS   report`)
    for (const r of rows) {
      lines.push(
        `${String(r.mb).padStart(5)} MB ${fmtMs(r.triageMs.min).padEnd(12)} ${fmtMs(r.grepMs.min).padEnd(10)} ${x(r.minRatio).padEnd(11)} ${fmtMb(r.triageRssKb.max).padEnd(10)} ${kb(r.reportBytes)}`
      )
    }
  }
  for (const r of res.scale ?? []) {
    lines.push(
      `mapping ${r.entries}: ${fmtMs(r.fullMs.median)}, peak RSS ${fmtMb(r.fullRssKb.max)}, ${(r.bytesPerLine / 1024).toFixed(2)} KB/line`
    )
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

  if (res.triage || res.triageReal) renderTriage(L, res)
  if (res.scale) renderScale(L, res)
  renderRetry(L, res)
  renderOcRetry(L, res)
  if (res.startup) renderOverhead(L, res)
  if (res.shards) renderShards(L, res)
  L.push('## How to run', '')
  L.push('```sh')
  L.push('npm run build                        # the benchmarks run the committed bundles')
  L.push('npm run bench                        # full run (10 MB, 100 MB, 1 GB logs)')
  L.push('BENCH_SIZES=10,100 npm run bench     # quick: skip the 1 GB log')
  L.push('BENCH_SKIP=retry,scale BENCH_RUNS=3 BENCH_OUT=- npm run bench')
  L.push('BENCH_OC=.oc-bin/oc-4.13:.oc-bin/oc-4.14 npm run bench   # the oc clients for section 3')
  L.push('BENCH_JSON=r.json npm run bench && BENCH_FROM_JSON=r.json npm run bench  # re-render')
  L.push('```', '')
  return L.join('\n')
}

function renderTriage(L, res) {
  L.push('## 1. Triage throughput and memory', '')
  L.push(
    'Two log shapes, each written once per size and removed after its runs:',
    '',
    '- **generated** (`scripts/bench/gen-log.mjs`): combined logs (`> log 2>&1`) whose every line',
    '  has the shape of a real oc 4.12 line: plan trees with blob rows under `<dir>` and registry',
    '  headers, phase tables, `uploading:`/`mounted:` lines with stdout success lines interleaved,',
    '  batched `error:` lines of every class for about 1 % of the images, the final `error: one or',
    '  more errors occurred`. 20,000-line mapping (two thirds `file://`, one third registry); a log',
    '  is a series of complete runs over consecutive windows of it (about 1.5 kB per image and run),',
    '  so 10 MB covers a third of the mapping once and 1 GB is about 32 runs over all of it. Each',
    "  triage must print the generator's own count of mirrored and failed lines.",
    '- **real oc runs** (`scripts/bench/real-log.mjs`): the real oc 4.12 transcripts of',
    '  `test/fixtures/oc-transcripts/4.12/` that mirror the common 5-line `file://` mapping (28',
    '  runs: clean, 401/403/404/429/5xx/reset/truncated faults on blobs and manifests, dry run,',
    '  runs without `--continue-on-error`), stdout interleaved into stderr where oc prints it,',
    '  concatenated in rotation without attempt headers (a plain `>>` log of reruns): about 5.8 kB',
    '  and 78 lines per run, so 1 GB is about 170,000 attempts of plan trees, phase tables,',
    '  multi-line errors and success lines. Each triage must print what the triage of a small log',
    '  ending with the same runs prints (verdicts follow the latest attempts).',
    '',
    'Measured: `node dist/cli.js triage --log <file> -f <mapping> --no-retry-out -q` against',
    "`LC_ALL=C grep -cE 'HTTP 429|toomanyrequests' <file>` (it must count the rate-limit lines",
    'written) and, as the floor of any line reader in Node, `scripts/bench/scan-floor.mjs` (one',
    'reused 1 MiB buffer, `indexOf` for every newline, nothing done with the lines), side by side,',
    'rotating which goes first, the file in the page cache. Ratio: per run, and fastest triage ÷',
    'fastest grep. Then once more with `--json` for the report size and the peak RSS with it.',
    `Wall time from spawn to exit; peak RSS by ${rssMethod}.`,
    ''
  )
  if (res.skippedSizes?.length) {
    L.push(`Skipped for lack of free space: ${res.skippedSizes.join(', ')} MB.`, '')
  }
  for (const [name, rows] of [
    ['Generated log, 20,000-line mapping', res.triage],
    ['Real oc runs concatenated, 5-line mapping', res.triageReal]
  ]) {
    if (!rows?.length) continue
    L.push(`### ${name}`, '')
    L.push(
      '| log | lines | runs in log | triage median (min–max) | MB/s | grep median (min–max) | triage ÷ grep, min | per run, median (min–max) | CPU time triage / grep, min | CPU ÷ | Node newline scan | triage peak RSS | JSON report | peak RSS with JSON |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
    )
    for (const r of rows) {
      L.push(
        `| ${mbOf(r.bytes)} | ${r.lines.toLocaleString('en-US')} | ${r.attempts.toLocaleString('en-US')} | ${fmtRange(r.triageMs, fmtMs)} | ${r.mbPerS.median.toFixed(0)} | ${fmtRange(r.grepMs, fmtMs)} | ${x(r.minRatio)} | ${fmtRange(r.ratio, x)} | ${fmtMs(r.triageCpuMs.min)} / ${fmtMs(r.grepCpuMs.min)} | ${cpuRatio(r)} | ${fmtMs(r.floorMs.median)} (${x(r.floorRatio.median)} grep) | ${fmtRange(r.triageRssKb, fmtMb)} | ${kb(r.reportBytes)} | ${fmtMb(r.reportRssKb)} |`
      )
    }
    L.push('', `Verdict of the largest: \`${rows[rows.length - 1].verdict}\`.`, '')
    const big = rows[rows.length - 1]
    const alone = rows === res.triage ? res.scale?.find((r) => r.entries === 20_000) : undefined
    if (alone) {
      L.push(
        `Where the generated log's peak RSS comes from: the same 20,000-line mapping with a one-line log alone peaks at ${fmtMb(alone.aloneRssKb.median)}`,
        `(Mapping size, below); ${mbOf(big.bytes)} of log add ${fmtMb(big.triageRssKb.max - alone.aloneRssKb.median)} to it.`,
        ''
      )
    }
    const sig = big.significant
    if (sig) {
      L.push(
        `Without the lines triage only counts (the bound of any faster line scanner, below): ${sig.kept.toLocaleString('en-US')} of ${sig.lines.toLocaleString('en-US')} lines`,
        `(${((100 * sig.kept) / sig.lines).toFixed(1)} %), ${mbOf(sig.bytes)}; triage ${fmtRange(sig.triageMs, fmtMs)}, CPU ${fmtMs(sig.triageCpuMs.min)} (min), same verdict,`,
        `**${x(sig.minRatio)} grep** of the whole ${mbOf(big.bytes)} log (min ÷ min; per run ${fmtRange(sig.ratio, x)}).`,
        ''
      )
    }
  }
  if (res.edge?.length) {
    L.push('### Memory on edge shapes', '')
    L.push(
      'One real run (`clean-file`) with, before its `info: Mirroring completed` line, either one',
      'multi-line error whose body (an indented JSON line) goes on for the whole log, or the same',
      '`error:` line (a 429 on a layer of `ns/alpha`) repeated through the whole log (`scripts/bench/edge-logs.mjs`).',
      'One `triage -q --json` each, checked against the same shape with 1,000 repetitions.',
      '',
      '| shape | log | repeated lines | triage | peak RSS | JSON report | verdict |',
      '|---|---|---|---|---|---|---|'
    )
    for (const r of res.edge) {
      L.push(
        `| ${r.shape} | ${mbOf(r.bytes)} | ${r.repeated.toLocaleString('en-US')} | ${fmtMs(r.ms)} | ${fmtMb(r.rssKb)} | ${kb(r.reportBytes)} | \`${r.verdict}\` |`
      )
    }
    L.push('')
  }
  L.push(...TRIAGE_NOTES, '')
  const real = res.triageReal?.[res.triageReal.length - 1]
  const big = res.triage?.[res.triage.length - 1]
  if (real) {
    const perLineNs = (real.triageCpuMs.min * 1e6) / real.lines
    L.push(
      'Why the 2 × grep goal is missed, and why no worker thread was added. grep looks for two fixed',
      'strings with a vectorised scan and never looks at a line that does not match. Triage must',
      'look at every line: number it (evidence and attempt records are log line numbers), decide',
      'from its first bytes whether it is routine, and decode and attribute the rest. The real-run',
      `log has ${real.lines.toLocaleString('en-US')} lines in ${mbOf(real.bytes)} (${Math.round(real.lines / real.attempts)} per run); per run about 8 are decoded (\`<dir>\`,`,
      'the first repository header, `blobs:` line and plan row, `info:` lines, 1–3 errors), 7–9',
      'success lines are matched from their bytes against the lines met before, the rest (plan',
      'rows, transfers, blank lines, phase tables, the `stats:` row) are only counted, and the run',
      `end folds the attempt into the verdicts. Triage spent ${perLineNs.toFixed(0)} ns of CPU per line at ${mbOf(real.bytes)}; the`,
      `Node newline scan alone, which does nothing with the lines, took ${x(real.floorRatio.median)} grep's wall time.`,
      'A CPU profile (`node --cpu-prof dist/cli.js triage …`) is flat: finding the lines, the',
      'routine-line checks, matching success lines, decoding the rest and attributing the events',
      'share it; on the generated log the 20,000-line mapping adds about 0.2 s (parse and indexes).',
      '',
      ...(real.significant
        ? [
            'What no line scanner can change: `scripts/bench/significant-lines.ts` writes the log',
            'without the lines triage folds as routine (it reads the log with the same splitter and',
            'parser and keeps every line that was decoded or matched as a success line), and that copy',
            'is triaged side by side with the rest. It stands for a scanner that skipped routine lines',
            `at no cost at all, in native code or WebAssembly: ${x(real.significant.minRatio)} grep for the real runs` +
              (big?.significant
                ? ` and ${x(big.significant.minRatio)} for the generated log`
                : '') +
              '.',
            'The significant lines alone (decoding, parsing, success-line matching, attribution, the',
            'garbage they make) already take more than twice what grep takes for the whole log, so',
            'the goal needs that half of triage rewritten as well, not a faster reader.',
            ''
          ]
        : []),
      'Worker threads were built and measured (2026-12-07, not taken): the log cut into 16 MiB',
      'ranges at lines that start a run (a plan header after a run end, or an attempt header),',
      'each range parsed in a worker from the state such a line implies, joined in order on the',
      "main thread (a range whose start the previous range's end state did not bear out was",
      'parsed again), the events sent as numbers and shared strings, the main thread attributing.',
      'Same verdicts; slower everywhere on this 2-core machine: real runs 0.21 → 0.27/0.28 s at',
      '10 MB (one/two workers; peak RSS 67 → 95/107 MB), 0.39 → 0.64/0.76 s at 100 MB,',
      '2.08 → 3.00/2.47 s at 1 GB (69 → 225/312 MB); generated 1 GB 1.55 → 3.45/2.93 s. Encoding',
      'and decoding the events and the second parser costs more CPU than the second core gives',
      `back, and even free hand-offs would only halve the CPU time above (${fmtMs(real.triageCpuMs.min / 2)} at ${mbOf(real.bytes)}, ${x(real.triageCpuMs.min / 2 / real.grepMs.min)}`,
      "grep's wall time). A WebAssembly scanner that skips runs of routine lines was tried earlier:",
      'under 10 % end to end for a second implementation of the folding rules, not taken.',
      ''
    )
  }
}

const TRIAGE_NOTES = [
  'Memory follows the mapping, not the log (`src/core/attribute.ts`, `test/core/attribution-bounds.test.ts`',
  'checks each bound with small bounds injected, verdicts unchanged on every transcript):',
  '',
  '- attempt records: the first 100 kept whole and the latest; those between summed into',
  '  `attemptsOmitted` (count, first and last attempt, errors, warnings, success lines, log lines);',
  '  `stats.attempts` counts all of them;',
  '- run-level findings: the first 500 kept whole within 1 MiB of text (the first always), the rest',
  '  counted per severity and class;',
  '- per entry and attempt: failures beyond 20 kept only when they add a class or a reason, success',
  '  lines beyond the 20 shown as evidence only counted; failures that wait for the end of the',
  '  attempt (a blob error on a registry destination) are kept per entry under the same bound, not',
  '  one record per error line; untagged success lines only for repositories with digest-only',
  '  entries, one per wanted digest;',
  '- error texts are classified once (up to 4,096 distinct texts remembered), success lines',
  '  remembered up to 32,768 distinct ones; the parser keeps at most 64 KiB of a line and 256 KiB',
  '  of one multi-line error.',
  '',
  'Reading: one `FileHandle.read` into two 1 MiB buffers in turn; lines found with',
  '`indexOf(0x0a)`; routine lines (`uploading:`/`mounted:`, plan and phase-table rows) counted from',
  'their first bytes without being decoded; success lines recognised from their bytes and interned',
  '(`test/core/log-fold.test.ts` checks it event for event against the plain reader).'
]

function renderScale(L, res) {
  L.push('## Mapping size: every line confirmed', '')
  L.push(
    'A mapping of N lines (the generated mapping above) and one generated run over all of it without',
    'failures, so every line gets its success line and a verdict `mirrored`: `triage -q`, and once',
    'with `--json` (the report is streamed to its file one line at a time). The same mapping with',
    'a one-line log isolates what the mapping itself costs. Bytes per mapping line: highest peak',
    `RSS minus the peak RSS of a 1-line mapping with a 1-line log (${fmtMb(res.scaleBaseRssKb.median)}: Node and the`,
    'bundle), divided by N.',
    '',
    '| mapping lines | log | triage -q | peak RSS | bytes per mapping line | with --json | peak RSS with JSON | JSON report | one-line log | its peak RSS |',
    '|---|---|---|---|---|---|---|---|---|---|'
  )
  for (const r of res.scale) {
    L.push(
      `| ${r.entries.toLocaleString('en-US')} | ${mbOf(r.logBytes)} | ${fmtRange(r.fullMs, fmtMs)} | ${fmtRange(r.fullRssKb, fmtMb)} | ${(r.bytesPerLine / 1024).toFixed(2)} KB | ${fmtMs(r.jsonMs)} | ${fmtMb(r.jsonRssKb)} | ${mbOf(r.reportBytes)} | ${fmtRange(r.aloneMs, fmtMs)} | ${fmtMb(r.aloneRssKb.median)} |`
    )
  }
  L.push(...SCALE_NOTES, '')
}

const SCALE_NOTES = [
  '',
  'What a mapping line costs: the parsed entry (both references with their parts), its key in the',
  'destination:tag index, and the verdict. Attribution state per line is a few typed-array slots',
  '(status, the confirming success line, the attempt of its latest failure, the attempt it',
  "recovered after, and the current attempt's mark: about 40 bytes); only failed lines, and lines",
  'with more than one success line in an attempt, get an object with their classes, reasons and',
  'evidence. Mirrored verdicts share their empty class and reason lists. Fixed parts (the cache',
  'of up to 32,768 distinct success lines, the young generation of the heap) weigh most at 20,000',
  'lines, hence the higher figure there; the mapping itself (the one-line-log column) is most of',
  'the rest. With the whole report in memory (`JSON.stringify`), the 100,000-line mapping peaked at',
  '474 MB before this change; the streamed report adds a few MB.'
]

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
    `  ${r.scenarios.map((s) => `${x(s.mg.bytes / s.naive.bytes)} (${s.name})`).join(' and ')}; the comparison with an`,
    '  `oc image mirror --force` loop, with real oc, is section 3.',
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

function renderOcRetry(L, res) {
  L.push('## 3. Retry efficiency with real oc (file:// destinations)', '')
  if (!res.ocRetry) {
    L.push(
      skip.has('oc-retry')
        ? 'Skipped (BENCH_SKIP).'
        : `**Blocked**: ${res.ocRetryError ?? 'not run'}`,
      ''
    )
    return
  }
  const r = res.ocRetry
  const u = r.uniqueBytes
  L.push(
    `Method. The scenario of \`test/e2e/repair.test.ts\` (\`test/support/repair-scenario.mjs\`): ${r.images}`,
    'images in Docker format (six with 512 + 256 + 128 KiB layers, one manifest list of two',
    'platforms with 384 + 192 KiB layers each; no layer shared, because oc keeps one blob',
    `directory per repository), unique config and layer bytes ${mbOf(u)} (${u.toLocaleString('en-US')} B).`,
    'A docker-registry on 127.0.0.1 behind `test/support/fault-proxy.mjs`, which answers a seeded',
    `share of blob GETs with HTTP 429 (JSON body; seed ${r.seed}) and counts the blob bytes it served.`,
    'Every contender writes its own fresh `file://` tree (`--dir`), with `--insecure',
    '--keep-manifest-list --continue-on-error`, and gets the same budget of oc runs (' +
      `${r.maxAttempts}). The tree is checked afterwards with \`mirror-guard verify --digest\`.`,
    '',
    '- **auto**: `node dist/index.js` with the default retry policy (`force-on-retry: auto`:',
    '  stale manifest entries removed, plain reruns), `max-attempts: 6`, `retry-delay: 1` (the',
    '  delay changes no byte), `upload: false`.',
    '- **force**: the same with `force-on-retry: true`: every retry passes `--force` (the',
    '  behaviour before minimal-byte repair).',
    '- **naive, until exit 0**: `oc image mirror -f mapping.txt`, then the whole mapping again with',
    '  `--force` until oc exits 0 — what a retry loop around oc does.',
    '- **naive, until complete**: the same loop, stopped as soon as the tree verifies complete (a',
    '  loop that verifies; its best case).',
    '',
    '| oc | fault | contender | outcome | oc runs | 429s | tree | bytes pulled | × unique | auto ÷ this |',
    '|---|---|---|---|---|---|---|---|---|---|'
  )
  for (const run of r.runs) {
    const rows = [
      ['auto', run.auto],
      ['force', run.forced],
      ['naive, until exit 0', run.untilExit],
      ['naive, until complete', run.untilComplete]
    ]
    for (const [name, c] of rows) {
      L.push(
        `| ${run.oc.version} | ${run.rule} | ${name} | ${c.outcome} | ${c.attempts} | ${c.answered429} | ${c.complete ? 'complete' : '**incomplete**'} | ${c.bytes.toLocaleString('en-US')} | ${x(c.bytes / u)} | ${c === run.auto ? '–' : x(run.auto.bytes / c.bytes)} |`
      )
    }
  }
  L.push('')
  const versions = r.runs.map((run) => `${run.oc.version}: \`${run.oc.line}\``)
  L.push(
    `Clients: ${[...new Set(versions)].join('; ')}.`,
    '',
    'Reading the numbers:',
    '',
    '- **auto** pulls each blob once: a retry removes the stale tag link and manifest(s) oc 4.13',
    '  wrote for an image whose layer failed (oc 4.14 needs nothing removed), then oc plans the',
    '  layers again and skips those already on disk:',
    ...r.runs.map(
      (run) =>
        `  - oc ${run.oc.version}, ${run.rule}: ${run.auto.removedFiles} file(s) removed, ${run.auto.forcedAttempts} attempt(s) with --force.`
    ),
    '- The ≤ 0.5 × goal is judged against the loop that waits for oc to exit 0. Against the best',
    '  case of a verifying loop (until complete) auto pulls ' +
      r.runs.map((run) => x(run.auto.bytes / run.untilComplete.bytes)).join(', ') +
      '; that loop',
    '  finishes in 2–3 passes here because seven images are few blobs.',
    '- **force** can end `partial` with a complete tree: each retry fetches every layer again, so a',
    '  line keeps drawing 429s for blobs it already has (a manifest list, with the most blobs, is the',
    '  usual victim); auto never asks for a blob that is on disk.',
    '- **force** re-downloads every layer of each retried image on every retry; the naive loops',
    '  re-download the whole mapping on every pass. Under a per-request fault rate a pass without',
    '  a single 429 is unlikely for dozens of blobs, so the loop that waits for exit 0 uses its',
    '  whole budget even after the tree is complete.',
    '- The fault sequence is seeded, but which request draws a 429 depends on the order oc sends',
    '  its parallel requests in, so the counts move a little between runs.',
    `- Bytes do not depend on the machine's load; the load average during this run went from ${res.loadStart} to ${res.loadEnd}.`,
    ''
  )
}

function renderOverhead(L, res) {
  const s = res.startup
  L.push('## 4. Overhead', '')
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
