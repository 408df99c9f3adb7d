// Measurement 1: `mirror-guard triage` on large combined logs of two shapes (generated, and
// real oc runs concatenated) against `grep -c` on the same file in the same run, and what a
// mapping costs per line (every line confirmed).
import { statSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeLog, writeMapping } from './gen-log.mjs'
import { measure, summary } from './measure.mjs'
import { writeEdgeLog } from './edge-logs.mjs'
import { realRuns, writeRealLog } from './real-log.mjs'
import { nccBuild } from './ncc-build.mjs'

const SCAN_FLOOR = fileURLToPath(new URL('./scan-floor.mjs', import.meta.url))

/** significant-lines.ts built once per benchmark run (it imports the parser from src/). */
function significantLinesTool(ctx) {
  ctx.significantLines ??= nccBuild(
    'scripts/bench/significant-lines.ts',
    join(ctx.tmp, 'significant-lines')
  )
  return ctx.significantLines
}
const GREP_ARGS = (file) => ['-cE', 'HTTP 429|toomanyrequests', file]
const GREP_ENV = { ...process.env, LC_ALL: 'C' }

/** The summary line `triage -q` prints. */
const summaryLine = (mirrored, entries) =>
  `${mirrored} of ${entries} mapping entries mirrored, ${entries - mirrored} failed`

async function triageOnce(ctx, log, mapping, extra = ['--no-retry-out', '-q']) {
  return measure(
    process.execPath,
    [join(ctx.dist, 'cli.js'), 'triage', '--log', log, '-f', mapping, ...extra],
    { tmp: ctx.tmp, cwd: ctx.tmp }
  )
}

function check(what, ok, detail) {
  if (!ok) throw new Error(`benchmark check failed: ${what}: ${detail}`)
}

/**
 * One log per size and shape. `generated`: gen-log.mjs over a 20,000-line mapping, checked
 * against the generator's own verdict counts. `real`: real oc runs concatenated over their
 * 5-line mapping (real-log.mjs), checked against the triage of a small log ending with the
 * same runs (verdicts follow the latest attempts).
 * @param {{ tmp: string; dist: string; say: (s: string) => void }} ctx
 * @param {{ shape: 'generated' | 'real'; sizesMb: number[]; runs: (mb: number) => number; entries?: number }} opts
 */
export async function benchTriageSizes(ctx, opts) {
  const real = opts.shape === 'real'
  const mapping = join(ctx.tmp, real ? 'mapping-real.txt' : `mapping-${opts.entries}.txt`)
  if (real) writeFileSync(mapping, realRuns().mapping)
  else await writeMapping(mapping, opts.entries)
  const rows = []
  for (const mb of opts.sizesMb) {
    const log = join(ctx.tmp, `${opts.shape}-${mb}MB.log`)
    const small = join(ctx.tmp, `${opts.shape}-${mb}MB-small.log`)
    const json = join(ctx.tmp, `${opts.shape}-${mb}MB-report.json`)
    ctx.say(`triage (${opts.shape}): writing a ${mb} MB log …`)
    let gen
    let want
    if (real) {
      gen = await writeRealLog(log, { targetBytes: mb * 1e6, smallPath: small })
      const s = await triageOnce(ctx, small, mapping)
      want = s.stdout.trim()
      gen.lines = Number(
        (await measure('wc', ['-l', log], { tmp: ctx.tmp })).stdout.trim().split(' ')[0]
      )
      gen.attempts = gen.runs
    } else {
      gen = await writeLog(log, { targetBytes: mb * 1e6, entries: opts.entries, seed: mb })
      want = summaryLine(gen.mirrored, opts.entries)
    }
    const runs = opts.runs(mb)
    const triage = []
    const grep = []
    const floor = []
    const bound = []
    // At the largest size, also the log without the lines triage only counts (the bound of
    // any faster line scanner: significant-lines.ts), triaged side by side with the rest.
    const sig = mb === Math.max(...opts.sizesMb) ? join(ctx.tmp, `${opts.shape}-sig.log`) : ''
    let sigInfo
    let report
    try {
      if (sig) {
        ctx.say(`triage (${opts.shape}): writing its significant lines …`)
        const made = await measure(process.execPath, [significantLinesTool(ctx), log, sig], {
          tmp: ctx.tmp
        })
        check('significant lines', made.code === 0, made.stderr.trim())
        sigInfo = { ...JSON.parse(made.stdout), bytes: statSync(sig).size }
      }
      for (let r = 0; r < runs; r++) {
        // Rotate the order so no command always gets the warmer page cache.
        const order = [
          ['grep', 'triage', 'floor', 'bound'],
          ['triage', 'bound', 'floor', 'grep'],
          ['floor', 'grep', 'bound', 'triage'],
          ['bound', 'floor', 'grep', 'triage']
        ][r % 4].filter((w) => sig || w !== 'bound')
        for (const which of order) {
          if (which === 'bound') {
            const b = await triageOnce(ctx, sig, mapping)
            check(
              `triage of the significant lines of ${mb} MB (${opts.shape})`,
              b.stdout.trim() === want,
              `wanted "${want}", got: ${b.stdout.trim()} ${b.stderr.trim()}`
            )
            bound.push(b)
          } else if (which === 'floor') {
            const f = await measure(process.execPath, [SCAN_FLOOR, log], { tmp: ctx.tmp })
            check('newline scan', f.stdout.trim() === String(gen.lines), f.stdout.trim())
            floor.push(f)
          } else if (which === 'grep') {
            const g = await measure('grep', GREP_ARGS(log), { tmp: ctx.tmp, env: GREP_ENV })
            check('grep count', g.stdout.trim() === String(gen.rateLimitLines), g.stdout.trim())
            grep.push(g)
          } else {
            const t = await triageOnce(ctx, log, mapping)
            check(
              `triage of ${mb} MB (${opts.shape})`,
              t.code === (want.endsWith(' 0 failed') ? 0 : 1) && t.stdout.trim() === want,
              `exit ${t.code}, wanted "${want}", got: ${t.stdout.trim()} ${t.stderr.trim()}`
            )
            triage.push(t)
          }
        }
        ctx.say(
          `  run ${r + 1}/${runs}: triage ${Math.round(triage[r].ms)} ms, grep ${Math.round(grep[r].ms)} ms`
        )
      }
      // Once more with the JSON report written: its size and the peak RSS with it.
      report = await triageOnce(ctx, log, mapping, ['--no-retry-out', '-q', '--json', json])
      check(`triage --json of ${mb} MB`, report.stdout.trim() === want, report.stderr.trim())
      report.bytes = statSync(json).size
    } finally {
      for (const f of [log, small, json, sig]) if (f) rmSync(f, { force: true })
    }
    const ratios = triage.map((t, i) => t.ms / grep[i].ms)
    const min = (list) => Math.min(...list.map((m) => m.ms))
    rows.push({
      mb,
      bytes: gen.bytes,
      lines: gen.lines,
      attempts: gen.attempts,
      errorLines: gen.errorLines ?? gen.rateLimitLines,
      verdict: want,
      triageMs: summary(triage.map((t) => t.ms)),
      triageRssKb: summary(triage.map((t) => t.rssKb ?? NaN)),
      grepMs: summary(grep.map((g) => g.ms)),
      grepRssKb: summary(grep.map((g) => g.rssKb ?? NaN)),
      floorMs: summary(floor.map((f) => f.ms)),
      floorRatio: summary(floor.map((f, i) => f.ms / grep[i].ms)),
      ratio: summary(ratios),
      /** Fastest triage over fastest grep of the same runs. */
      minRatio: min(triage) / min(grep),
      triageCpuMs: summary(triage.map((t) => t.cpuMs ?? NaN)),
      grepCpuMs: summary(grep.map((g) => g.cpuMs ?? NaN)),
      mbPerS: summary(triage.map((t) => gen.bytes / 1e6 / (t.ms / 1000))),
      reportBytes: report.bytes,
      reportRssKb: report.rssKb,
      ...(sigInfo
        ? {
            significant: {
              ...sigInfo,
              triageMs: summary(bound.map((b) => b.ms)),
              triageCpuMs: summary(bound.map((b) => b.cpuMs ?? NaN)),
              ratio: summary(bound.map((b, i) => b.ms / grep[i].ms)),
              minRatio: min(bound) / min(grep)
            }
          }
        : {})
    })
  }
  rmSync(mapping, { force: true })
  return rows
}

/**
 * Mappings of `entries` lines with a log confirming every line (one generated run over the
 * whole mapping, no failures), and a one-line mapping with a one-line log for Node's own
 * footprint: bytes per mapping line = (peak RSS − that) ÷ lines.
 * @param {{ tmp: string; dist: string; say: (s: string) => void }} ctx
 * @param {{ entries: number[]; runs: number }} opts
 */
export async function benchMappingScale(ctx, opts) {
  const tiny = join(ctx.tmp, 'tiny.log')
  const tinyMap = join(ctx.tmp, 'tiny-mapping.txt')
  writeFileSync(tiny, 'info: Planning completed in 10ms\n')
  await writeMapping(tinyMap, 1)
  const base = []
  for (let r = 0; r < opts.runs; r++) base.push(await triageOnce(ctx, tiny, tinyMap))
  const baseRssKb = summary(base.map((t) => t.rssKb ?? NaN))
  const rows = []
  for (const n of opts.entries) {
    const mapping = join(ctx.tmp, `scale-mapping-${n}.txt`)
    const log = join(ctx.tmp, `scale-${n}.log`)
    const json = join(ctx.tmp, `scale-${n}.json`)
    ctx.say(`mapping scale: ${n} lines, every one confirmed …`)
    await writeMapping(mapping, n)
    const gen = await writeLog(log, { targetBytes: n * 1600, entries: n, seed: 7, failureRate: 0 })
    check(`log confirming all ${n} lines`, gen.mirrored === n, `${gen.mirrored} mirrored`)
    const full = []
    const alone = []
    let withJson
    try {
      for (let r = 0; r < opts.runs; r++) {
        const t = await triageOnce(ctx, log, mapping)
        check(`triage of ${n} lines`, t.stdout.trim() === summaryLine(n, n), t.stdout + t.stderr)
        full.push(t)
        const a = await triageOnce(ctx, tiny, mapping)
        check(`mapping-only triage with ${n} lines`, a.code === 1, a.stderr.trim())
        alone.push(a)
      }
      withJson = await triageOnce(ctx, log, mapping, ['--no-retry-out', '-q', '--json', json])
      check(`triage --json of ${n} lines`, withJson.code === 0, withJson.stderr)
      withJson.bytes = statSync(json).size
    } finally {
      rmSync(log, { force: true })
      rmSync(mapping, { force: true })
      rmSync(json, { force: true })
    }
    const fullRssKb = summary(full.map((t) => t.rssKb ?? NaN))
    rows.push({
      entries: n,
      logBytes: gen.bytes,
      fullMs: summary(full.map((t) => t.ms)),
      fullRssKb,
      aloneMs: summary(alone.map((t) => t.ms)),
      aloneRssKb: summary(alone.map((t) => t.rssKb ?? NaN)),
      jsonRssKb: withJson.rssKb,
      jsonMs: withJson.ms,
      reportBytes: withJson.bytes,
      bytesPerLine: ((fullRssKb.max - baseRssKb.median) * 1024) / n
    })
  }
  rmSync(tiny, { force: true })
  rmSync(tinyMap, { force: true })
  return { baseRssKb, rows }
}

/**
 * Memory only: the edge shapes of edge-logs.mjs (one huge multi-line error; the same error
 * line repeated through the log), one triage with --json per size, checked against the
 * triage of the same shape with 1,000 repetitions.
 * @param {{ tmp: string; dist: string; say: (s: string) => void }} ctx
 * @param {{ sizesMb: number[] }} opts
 */
export async function benchEdgeShapes(ctx, opts) {
  const mapping = join(ctx.tmp, 'mapping-edge.txt')
  writeFileSync(mapping, realRuns().mapping)
  const rows = []
  for (const shape of ['huge-error', 'identical-errors']) {
    for (const mb of opts.sizesMb) {
      const log = join(ctx.tmp, `${shape}-${mb}MB.log`)
      const small = join(ctx.tmp, `${shape}-${mb}MB-small.log`)
      const json = join(ctx.tmp, `${shape}-${mb}MB.json`)
      ctx.say(`triage (${shape}): writing a ${mb} MB log …`)
      try {
        const gen = await writeEdgeLog(shape, log, { targetBytes: mb * 1e6, smallPath: small })
        const want = (await triageOnce(ctx, small, mapping)).stdout.trim()
        const t = await triageOnce(ctx, log, mapping, ['--no-retry-out', '-q', '--json', json])
        check(`triage of ${mb} MB (${shape})`, t.stdout.trim() === want, t.stdout + t.stderr)
        rows.push({
          shape,
          mb,
          bytes: gen.bytes,
          repeated: gen.repeated,
          verdict: want,
          ms: t.ms,
          rssKb: t.rssKb,
          reportBytes: statSync(json).size
        })
      } finally {
        for (const f of [log, small, json]) rmSync(f, { force: true })
      }
    }
  }
  rmSync(mapping, { force: true })
  return rows
}
