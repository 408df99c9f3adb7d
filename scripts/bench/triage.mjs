// Measurement 1: `mirror-guard triage` on large combined logs against `grep -c` on the same
// file in the same run, plus attribution cost against mapping size.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeLog, writeMapping } from './gen-log.mjs'
import { measure, summary } from './measure.mjs'

const SCAN_FLOOR = fileURLToPath(new URL('./scan-floor.mjs', import.meta.url))
const GREP_ARGS = (file) => ['-cE', 'HTTP 429|toomanyrequests', file]
const GREP_ENV = { ...process.env, LC_ALL: 'C' }

/** The summary line `triage -q` prints, which must match what the generator made. */
const expectedLine = (g, entries) =>
  `${g.mirrored} of ${entries} mapping entries mirrored, ${g.failed} failed`

async function triageOnce(ctx, log, mapping) {
  return measure(
    process.execPath,
    [join(ctx.dist, 'cli.js'), 'triage', '--log', log, '-f', mapping, '--no-retry-out', '-q'],
    { tmp: ctx.tmp, cwd: ctx.tmp }
  )
}

function check(what, ok, detail) {
  if (!ok) throw new Error(`benchmark check failed: ${what}: ${detail}`)
}

/**
 * @param {{ tmp: string; dist: string; say: (s: string) => void }} ctx
 * @param {{ sizesMb: number[]; runs: (mb: number) => number; entries: number }} opts
 */
export async function benchTriageSizes(ctx, opts) {
  const mapping = join(ctx.tmp, `mapping-${opts.entries}.txt`)
  await writeMapping(mapping, opts.entries)
  const rows = []
  for (const mb of opts.sizesMb) {
    const log = join(ctx.tmp, `oc-${mb}MB.log`)
    ctx.say(`triage: generating a ${mb} MB log …`)
    const gen = await writeLog(log, { targetBytes: mb * 1e6, entries: opts.entries, seed: mb })
    const runs = opts.runs(mb)
    const triage = []
    const grep = []
    const floor = []
    try {
      for (let r = 0; r < runs; r++) {
        // Rotate the order so no command always gets the warmer page cache.
        const order = [
          ['grep', 'triage', 'floor'],
          ['triage', 'floor', 'grep'],
          ['floor', 'grep', 'triage']
        ][r % 3]
        for (const which of order) {
          if (which === 'floor') {
            const f = await measure(process.execPath, [SCAN_FLOOR, log], { tmp: ctx.tmp })
            check('newline scan', f.stdout.trim() === String(gen.lines), f.stdout.trim())
            floor.push(f)
          } else if (which === 'grep') {
            const g = await measure('grep', GREP_ARGS(log), { tmp: ctx.tmp, env: GREP_ENV })
            check('grep count', g.stdout.trim() === String(gen.rateLimitLines), g.stdout.trim())
            grep.push(g)
          } else {
            const t = await triageOnce(ctx, log, mapping)
            const want = expectedLine(gen, opts.entries)
            check(
              `triage of ${mb} MB`,
              t.code === (gen.failed > 0 ? 1 : 0) && t.stdout.includes(want),
              `exit ${t.code}, wanted "${want}", got: ${t.stdout.trim()} ${t.stderr.trim()}`
            )
            triage.push(t)
          }
        }
        ctx.say(
          `  run ${r + 1}/${runs}: triage ${Math.round(triage[r].ms)} ms, grep ${Math.round(grep[r].ms)} ms`
        )
      }
    } finally {
      rmSync(log, { force: true })
    }
    const ratios = triage.map((t, i) => t.ms / grep[i].ms)
    rows.push({
      mb,
      bytes: gen.bytes,
      lines: gen.lines,
      attempts: gen.attempts,
      errorLines: gen.errorLines,
      mirrored: gen.mirrored,
      failed: gen.failed,
      triageMs: summary(triage.map((t) => t.ms)),
      triageRssKb: summary(triage.map((t) => t.rssKb ?? NaN)),
      grepMs: summary(grep.map((g) => g.ms)),
      grepRssKb: summary(grep.map((g) => g.rssKb ?? NaN)),
      floorMs: summary(floor.map((f) => f.ms)),
      floorRatio: summary(floor.map((f, i) => f.ms / grep[i].ms)),
      ratio: summary(ratios),
      mbPerS: summary(triage.map((t) => gen.bytes / 1e6 / (t.ms / 1000)))
    })
  }
  return rows
}

/**
 * The same log size with mappings of 2k, 20k and 200k lines (each log made to match its
 * mapping), and a one-line log with each mapping to isolate the per-mapping-line cost.
 * @param {{ tmp: string; dist: string; say: (s: string) => void }} ctx
 * @param {{ logMb: number; entries: number[]; runs: number }} opts
 */
export async function benchMappingScale(ctx, opts) {
  const tiny = join(ctx.tmp, 'tiny.log')
  writeFileSync(tiny, 'info: Planning completed in 10ms\n')
  const rows = []
  for (const n of opts.entries) {
    const mapping = join(ctx.tmp, `scale-mapping-${n}.txt`)
    const log = join(ctx.tmp, `scale-${n}.log`)
    ctx.say(`mapping scale: ${n} lines, ${opts.logMb} MB log …`)
    await writeMapping(mapping, n)
    const gen = await writeLog(log, { targetBytes: opts.logMb * 1e6, entries: n, seed: 7 })
    const full = []
    const alone = []
    try {
      for (let r = 0; r < opts.runs; r++) {
        const t = await triageOnce(ctx, log, mapping)
        check(
          `triage with ${n} mapping lines`,
          t.stdout.includes(expectedLine(gen, n)),
          `${t.stdout.trim()} ${t.stderr.trim()}`
        )
        full.push(t)
        const a = await triageOnce(ctx, tiny, mapping)
        check(`mapping-only triage with ${n} lines`, a.code === 1, a.stderr.trim())
        alone.push(a)
      }
    } finally {
      rmSync(log, { force: true })
      rmSync(mapping, { force: true })
    }
    rows.push({
      entries: n,
      logBytes: gen.bytes,
      fullMs: summary(full.map((t) => t.ms)),
      fullRssKb: summary(full.map((t) => t.rssKb ?? NaN)),
      aloneMs: summary(alone.map((t) => t.ms)),
      aloneRssKb: summary(alone.map((t) => t.rssKb ?? NaN))
    })
  }
  rmSync(tiny, { force: true })
  return rows
}
