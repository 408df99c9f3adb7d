// Shards of a 20,000-line mapping through the bundled CLI: `mirror-guard shard` (the split
// table, and one shard's mapping), and `mirror-guard merge -f` of one report per shard.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeMapping } from './gen-log.mjs'
import { fmtMb, fmtMs, fmtRange, measure, summary } from './measure.mjs'

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
    return { entries, count, split: stat(split), one: stat(one), merge: stat(merge) }
  } finally {
    for (const f of ['mapping.txt', 'one.txt', 'merged.json'])
      rmSync(join(ctx.tmp, f), { force: true })
    for (let i = 1; i <= count; i++) rmSync(join(ctx.tmp, `report-${i}.json`), { force: true })
  }
}

/** The BENCHMARKS.md section. */
export function renderShards(L, res) {
  const s = res.shards
  L.push('## 4. Shards', '')
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
}
