// Shards of a 20,000-line mapping through the bundled CLI: `mirror-guard shard` (the split
// table, and one shard's mapping), and `mirror-guard merge -f` of one report per shard; then
// the action bundle's `mode: aggregate` downloading those reports as artifacts from the
// loopback results-service stand-in (test/support/results-service.ts, built with ncc) through
// the real @actions/artifact.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionEnv } from './action-env.mjs'
import { writeMapping } from './gen-log.mjs'
import { fmtMb, fmtMs, fmtRange, measure, summary } from './measure.mjs'
import { nccBuild } from './ncc-build.mjs'

function check(what, ok, detail) {
  if (!ok) throw new Error(`${what}: ${detail}`)
}

/**
 * The report a shard job would write for the lines of `shardText` (a shard mapping), every
 * line mirrored: the test data for the merge, built from the CLI's own split.
 */
function reportFor(index, count, shardText, lineOf) {
  const lines = []
  for (const text of shardText.split('\n')) {
    if (text === '' || text.startsWith('#')) continue
    const [source, destination] = text.split('=')
    lines.push({
      file: 'mapping.txt',
      line: lineOf.get(text),
      source,
      destination,
      status: 'mirrored',
      classes: [],
      reasons: [],
      evidence: [],
      retryable: false
    })
  }
  return { version: 1, shard: { index, count }, lines, run: { outcome: 'success', attempts: [] } }
}

/** @param {{ tmp: string; dist: string; say: (s: string) => void }} ctx */
export async function benchShards(ctx, opts) {
  const { entries, count, runs } = opts
  const cli = join(ctx.dist, 'cli.js')
  const mapping = join(ctx.tmp, 'mapping.txt')
  await writeMapping(mapping, entries)
  const lineOf = new Map(
    readFileSync(mapping, 'utf8')
      .split('\n')
      .map((t, i) => [t, i + 1])
  )
  const run = (args) => measure(process.execPath, [cli, ...args], { tmp: ctx.tmp, cwd: ctx.tmp })
  try {
    ctx.say(`shards: split of ${entries} lines into ${count} …`)
    const split = []
    const one = []
    for (let r = 0; r < runs; r++) {
      const t = await run(['shard', '-f', 'mapping.txt', '--count', String(count)])
      check(
        'shard table',
        t.code === 0 && t.stdout.includes(`${entries} mapping entries`),
        t.stderr
      )
      split.push(t)
      const o = await run([
        'shard',
        '-f',
        'mapping.txt',
        '--count',
        String(count),
        '--index',
        '1',
        '--out',
        'one.txt'
      ])
      check('shard --index', o.code === 0, o.stderr)
      one.push(o)
    }
    ctx.say(`shards: ${count} shard reports and a merge …`)
    const reports = []
    for (let i = 1; i <= count; i++) {
      const out = join(ctx.tmp, `shard-${i}.txt`)
      const o = await run([
        'shard',
        '-f',
        'mapping.txt',
        '--count',
        String(count),
        '--index',
        String(i),
        '--out',
        out
      ])
      check(`shard ${i}`, o.code === 0, o.stderr)
      const name = `report-${i}.json`
      writeFileSync(
        join(ctx.tmp, name),
        JSON.stringify(reportFor(i, count, readFileSync(out, 'utf8'), lineOf))
      )
      rmSync(out)
      reports.push(name)
    }
    const merge = []
    for (let r = 0; r < runs; r++) {
      const t = await run(['merge', '-q', '-f', 'mapping.txt', '--json', 'merged.json', ...reports])
      check(
        'merge',
        t.code === 0 && t.stdout.includes(`${entries} of ${entries} mapping entries mirrored`),
        t.stdout + t.stderr
      )
      merge.push(t)
    }
    const stat = (list) => ({
      ms: summary(list.map((t) => t.ms)),
      rssKb: summary(list.map((t) => t.rssKb ?? NaN))
    })
    ctx.say(`shards: mode: aggregate of ${count} shard artifacts …`)
    const agg = await benchAggregate(ctx, { entries, count, runs, reports, mapping })
    return {
      entries,
      count,
      split: stat(split),
      one: stat(one),
      merge: stat(merge),
      aggregate: stat(agg.all),
      aggregateMissing: stat(agg.missing),
      reportBytes: agg.reportBytes,
      artifactBytes: agg.artifactBytes
    }
  } finally {
    for (const f of ['mapping.txt', 'one.txt', 'merged.json'])
      rmSync(join(ctx.tmp, f), { force: true })
    for (let i = 1; i <= count; i++) rmSync(join(ctx.tmp, `report-${i}.json`), { force: true })
  }
}

/**
 * `node dist/index.js` with `mode: aggregate`, `shard: <count>`: every shard's report uploaded
 * once as `oc-mirror-log-I-of-N` to the stand-in, copied into a fresh workflow run for each
 * measured run (an aggregate uploads its own artifacts, which a run holds once). Measured: all
 * shards present (every line mirrored, exit 0), and shard 1 missing (its lines unconfirmed, a
 * retry mapping uploaded, exit 1).
 */
async function benchAggregate(ctx, { entries, count, runs, reports, mapping }) {
  const built = nccBuild('test/support/results-service.ts', join(ctx.tmp, 'results-service'))
  const { ResultsService } = await import(built)
  const service = await ResultsService.start()
  const saved = { ...process.env }
  try {
    // The library reads these when first imported and used.
    Object.assign(process.env, service.env('9000', 'shards'))
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const quiet = process.stdout.write.bind(process.stdout)
    process.stdout.write = () => true
    let reportBytes = 0
    try {
      for (let i = 1; i <= count; i++) {
        const dir = join(ctx.tmp, 'up', String(i))
        mkdirSync(dir, { recursive: true })
        copyFileSync(join(ctx.tmp, reports[i - 1]), join(dir, 'report.json'))
        reportBytes += readFileSync(join(dir, 'report.json')).length
        await client.uploadArtifact(
          `oc-mirror-log-${i}-of-${count}`,
          [join(dir, 'report.json')],
          dir
        )
      }
    } finally {
      process.stdout.write = quiet
      rmSync(join(ctx.tmp, 'up'), { recursive: true, force: true })
    }
    const shardArtifacts = service.artifacts().filter((a) => a.runBackendId === '9000')
    const artifactBytes = shardArtifacts.reduce((n, a) => n + a.size, 0)
    let runId = 9001
    const once = async (without) => {
      const run = String(runId++)
      for (const a of shardArtifacts) {
        if (without !== undefined && a.name === `oc-mirror-log-${without}-of-${count}`) continue
        service.seed({ name: a.name, run, data: a.data, hash: a.hash })
      }
      const dir = join(ctx.tmp, `aggregate-${run}`)
      mkdirSync(dir, { recursive: true })
      copyFileSync(mapping, join(dir, 'mapping.txt'))
      const { env, files } = actionEnv(dir, {
        mapping: 'mapping.txt',
        mode: 'aggregate',
        shard: String(count)
      })
      Object.assign(env, service.env(run, 'aggregate'), { GITHUB_RUN_ID: run })
      try {
        const t = await measure(process.execPath, [join(ctx.dist, 'index.js')], {
          tmp: ctx.tmp,
          cwd: dir,
          env
        })
        const out = readFileSync(files.GITHUB_OUTPUT, 'utf8')
        const mirrored = /^mirrored<<\S+\n(\d+)$/m.exec(out)?.[1]
        const retry = /^retry-mapping<<\S+\n(.+)$/m.exec(out)?.[1] ?? ''
        check(
          'aggregate',
          without === undefined
            ? t.code === 0 && mirrored === String(entries) && retry === ''
            : t.code === 1 && Number(mirrored) < entries && retry !== '',
          `exit ${t.code}, mirrored ${mirrored}: ${t.stdout.slice(-2000)}${t.stderr}`
        )
        return t
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
    const all = []
    const missing = []
    for (let r = 0; r < runs; r++) {
      all.push(await once(undefined))
      missing.push(await once(1))
    }
    return { all, missing, reportBytes, artifactBytes }
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
    Object.assign(process.env, saved)
    await service.stop()
  }
}

/** The BENCHMARKS.md section. */
export function renderShards(L, res) {
  const s = res.shards
  L.push('## 5. Shards', '')
  L.push(
    `A ${s.entries.toLocaleString('en')}-line mapping (the generator of section 1) split into ${s.count} shards by the bundled CLI,`,
    'each command a fresh `node dist/cli.js` process (startup, reading and parsing the mapping',
    `included). The merge reads ${s.count} shard reports (one per shard, every line mirrored, built from`,
    "the CLI's own split) and checks each against the mapping and the split.",
    ''
  )
  L.push('| command | wall time median (min–max) | peak RSS |', '|---|---|---|')
  const row = (what, m) => L.push(`| ${what} | ${fmtRange(m.ms, fmtMs)} | ${fmtMb(m.rssKb.max)} |`)
  row(`\`mirror-guard shard -f mapping.txt --count ${s.count}\` (the split table)`, s.split)
  row(`\`… --index 1 --out one.txt\` (one shard's mapping)`, s.one)
  row(`\`mirror-guard merge -q -f mapping.txt --json merged.json\` ${s.count} reports`, s.merge)
  L.push('')
  if (s.aggregate) {
    const kib = (b) => `${Math.round(b / 1024).toLocaleString('en')} KiB`
    L.push(
      `\`mode: aggregate\`, \`shard: ${s.count}\`: \`node dist/index.js\` (the action bundle, runner files and`,
      'INPUT_* variables) against the loopback results-service stand-in, through the real',
      `@actions/artifact: list the run's artifacts, download the ${s.count} shard artifacts (${kib(s.artifactBytes)}`,
      `zipped, ${kib(s.reportBytes)} of report.json: the reports above, without the logs a real shard's`,
      'artifact also holds), merge against the mapping and the split, write the summary, upload the',
      'merged report (and, with a shard missing, the retry mapping of its lines). The stand-in',
      "runs in the benchmark's process: its work is in the wall time, not in the peak RSS.",
      ''
    )
    L.push('| aggregate | wall time median (min–max) | peak RSS |', '|---|---|---|')
    row(`all ${s.count} shard reports, every line mirrored (exit 0)`, s.aggregate)
    row(
      `shard 1 missing: its lines unconfirmed and in the retry mapping (exit 1)`,
      s.aggregateMissing
    )
    L.push('')
  }
}
