// Measurement 3: what mirror-guard itself costs around oc — bundle start to the first spawn
// of oc, and rendering the report (CLI) and the job summary (action) for 20,000 lines.
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionEnv } from './action-env.mjs'
import { writeLog, writeMapping } from './gen-log.mjs'
import { measure, summary } from './measure.mjs'

/**
 * A stand-in oc in bash (a Node stand-in would add its own ~50 ms start-up before it could
 * take the timestamp). It appends `$EPOCHREALTIME argv…` to $MG_MARK when it starts, answers
 * `version`, and otherwise prints $MG_STDOUT / $MG_STDERR (if set) and exits 0.
 */
function writeStandIn(path) {
  writeFileSync(
    path,
    [
      '#!/bin/bash',
      'echo "$EPOCHREALTIME $*" >> "$MG_MARK"',
      'if [ "$1" = version ]; then echo "Client Version: 4.12.0"; exit 0; fi',
      '[ -n "$MG_STDOUT" ] && cat "$MG_STDOUT"',
      '[ -n "$MG_STDERR" ] && cat "$MG_STDERR" >&2',
      'exit 0',
      ''
    ].join('\n')
  )
  chmodSync(path, 0o755)
}

const BASE_INPUTS = {
  mapping: 'mapping.txt',
  oc: '',
  'max-attempts': '1',
  'retry-delay': '0',
  verify: 'off',
  upload: 'false',
  'on-failure': 'ignore',
  dir: 'mirror'
}

/**
 * @param {{ tmp: string; dist: string; say: (s: string) => void }} ctx
 * @param {{ runs: number }} opts
 */
export async function benchStartup(ctx, opts) {
  const dir = join(ctx.tmp, 'startup')
  mkdirSync(dir, { recursive: true })
  const oc = join(dir, 'oc')
  writeStandIn(oc)
  await writeMapping(join(dir, 'mapping.txt'), 5)
  const toFirst = []
  const total = []
  const nodeAlone = []
  let firstCall = ''
  for (let r = 0; r < opts.runs; r++) {
    const mark = join(dir, `mark-${r}`)
    const { env } = actionEnv(dir, { ...BASE_INPUTS, oc })
    env.MG_MARK = mark
    const start = performance.timeOrigin + performance.now()
    const res = await measure(process.execPath, [join(ctx.dist, 'index.js')], {
      tmp: ctx.tmp,
      cwd: dir,
      env
    })
    const marks = readFileSync(mark, 'utf8').trim().split('\n')
    const [stamp, ...argv] = marks[0].split(' ')
    firstCall = argv.join(' ')
    toFirst.push(Number(stamp) * 1000 - start)
    total.push(res.ms)
    const bare = await measure(process.execPath, ['-e', '0'], { tmp: ctx.tmp })
    nodeAlone.push(bare.ms)
  }
  rmSync(dir, { recursive: true, force: true })
  return {
    firstCall,
    toFirstMs: summary(toFirst),
    totalMs: summary(total),
    nodeMs: summary(nodeAlone)
  }
}

/**
 * CLI report rendering: `triage --json` (JSON + table + retry mapping) against `triage -q
 * --no-retry-out` on the same 20,000-line mapping and a small log.
 */
export async function benchReport(ctx, opts) {
  const dir = join(ctx.tmp, 'report')
  mkdirSync(dir, { recursive: true })
  const mapping = join(dir, 'mapping.txt')
  const log = join(dir, 'small.log')
  await writeMapping(mapping, opts.entries)
  // A small log: one run over the first 300 lines (about 1 % failing); the rest unconfirmed.
  await writeLog(log, { targetBytes: 300 * 1550, entries: opts.entries, seed: 3 })
  const cli = join(ctx.dist, 'cli.js')
  const quiet = []
  const full = []
  let jsonBytes = 0
  for (let r = 0; r < opts.runs; r++) {
    const q = await measure(
      process.execPath,
      [cli, 'triage', '--log', log, '-f', mapping, '--no-retry-out', '-q'],
      { tmp: ctx.tmp, cwd: dir }
    )
    if (q.code !== 1) throw new Error(`triage -q exited ${q.code}: ${q.stderr}`)
    quiet.push(q)
    const f = await measure(
      process.execPath,
      [
        cli,
        'triage',
        '--log',
        log,
        '-f',
        mapping,
        '--json',
        'report.json',
        '--retry-out',
        'retry.txt'
      ],
      { tmp: ctx.tmp, cwd: dir }
    )
    if (f.code !== 1) throw new Error(`triage --json exited ${f.code}: ${f.stderr}`)
    jsonBytes = statSync(join(dir, 'report.json')).size
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))
    if (report.lines.length !== opts.entries) {
      throw new Error(`report holds ${report.lines.length} lines, not ${opts.entries}`)
    }
    full.push(f)
  }
  rmSync(dir, { recursive: true, force: true })
  return {
    quietMs: summary(quiet.map((m) => m.ms)),
    fullMs: summary(full.map((m) => m.ms)),
    fullRssKb: summary(full.map((m) => m.rssKb ?? NaN)),
    deltaMs: summary(full.map((m, i) => m.ms - quiet[i].ms)),
    jsonBytes
  }
}

/**
 * The action with an N-line mapping and a stand-in oc that replays one clean run naming all
 * N lines (plan tree, uploads, N success lines): triage, verdicts, outputs and job summary.
 * Run for 20 and for 20,000 lines; the difference is the per-line cost.
 */
export async function benchActionSummary(ctx, opts) {
  const results = []
  for (const n of opts.entries) {
    const dir = join(ctx.tmp, `summary-${n}`)
    mkdirSync(dir, { recursive: true })
    const oc = join(dir, 'oc')
    writeStandIn(oc)
    await writeMapping(join(dir, 'mapping.txt'), n)
    // One clean run (failureRate 0) covering every line, split into its two streams.
    const combined = join(dir, 'combined.log')
    await writeLog(combined, { targetBytes: n * 1550, entries: n, seed: 5, failureRate: 0 })
    const text = readFileSync(combined, 'utf8').split('\n')
    const isStdout = (l) => /^sha256:[0-9a-f]{64} \S+$/.test(l)
    writeFileSync(join(dir, 'stdout.txt'), text.filter(isStdout).join('\n') + '\n')
    writeFileSync(join(dir, 'stderr.txt'), text.filter((l) => l && !isStdout(l)).join('\n') + '\n')
    rmSync(combined)
    const wall = []
    let summaryBytes = 0
    let mirrored = ''
    for (let r = 0; r < opts.runs; r++) {
      const { env, files } = actionEnv(dir, { ...BASE_INPUTS, oc })
      env.MG_MARK = join(dir, 'mark')
      env.MG_STDOUT = join(dir, 'stdout.txt')
      env.MG_STDERR = join(dir, 'stderr.txt')
      const res = await measure(process.execPath, [join(ctx.dist, 'index.js')], {
        tmp: ctx.tmp,
        cwd: dir,
        env
      })
      summaryBytes = statSync(files.GITHUB_STEP_SUMMARY).size
      const out = readFileSync(files.GITHUB_OUTPUT, 'utf8')
      mirrored = /^mirrored<<(\S+)\n(.*)\n\1$/m.exec(out)?.[2] ?? '?'
      if (mirrored !== String(n)) {
        throw new Error(
          `action with ${n} lines: mirrored=${mirrored}, exit ${res.code}: ${res.stdout.slice(-2000)}`
        )
      }
      wall.push(res)
      // Several runs only when they are affordable; the table shows how many were made.
      if (opts.slowMs !== undefined && res.ms > opts.slowMs) break
    }
    rmSync(dir, { recursive: true, force: true })
    results.push({
      entries: n,
      wallMs: summary(wall.map((m) => m.ms)),
      rssKb: summary(wall.map((m) => m.rssKb ?? NaN)),
      summaryBytes,
      mirrored
    })
  }
  return results
}
