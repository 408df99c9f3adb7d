// `mirror-guard shard`: the split the action's `shard: I/N` uses, for people and plain oc: a
// table of the N shards, or one shard's mapping file.
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { loadMappingFiles } from '../core/mapping-files.js'
import { MAX_SHARDS, planShards, renderShardMapping, type ShardPlan } from '../core/shard-plan.js'
import { describeFinding, EXIT_OK, EXIT_USAGE, parseFlags, UsageError, type CliIo } from './io.js'

export const SHARD_HELP = `Usage: mirror-guard shard -f MAPPING [-f MAPPING…] --count N [--index I [--out FILE]]

Splits the mapping the way the action's \`shard: I/N\` input does: all lines of one destination
repository stay in one shard (file:// repositories by their directory on disk), shards are
balanced by their number of entries, and the same files and N always give the same split.

  -f, --filename M   a mapping file (repeat for several, same order as the action's input)
  --count N          the number of shards, 1 to ${MAX_SHARDS}
  --index I          print (or with --out write) the mapping of shard I only, for
                     \`oc image mirror -f\`; without it, print the split as a table
  --out FILE         where to write shard I's mapping (default: stdout)
  -h, --help         this text

Exit status: 0 done, 2 bad arguments or a mapping with errors.

Example:
  mirror-guard shard -f mapping.txt --count 8
  mirror-guard shard -f mapping.txt --count 8 --index 3 --out shard-3.txt
  oc image mirror -f shard-3.txt --continue-on-error
`

const wholeNumber = (flag: string, text: string, min: number, max: number): number => {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(
      `${flag} ${JSON.stringify(text)} is not a whole number from ${min} to ${max}`
    )
  }
  return Number(text)
}

export async function shardCommand(args: string[], io: CliIo): Promise<number> {
  try {
    const values = parseFlags(args, {
      filename: { type: 'string', short: 'f', multiple: true },
      count: { type: 'string' },
      index: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    })
    if (values.help) {
      io.out(SHARD_HELP)
      return EXIT_OK
    }
    if (!values.filename?.length) throw new UsageError('missing -f MAPPING')
    if (values.count === undefined) throw new UsageError('missing --count N')
    const count = wholeNumber('--count', values.count, 1, MAX_SHARDS)
    const index =
      values.index === undefined ? undefined : wholeNumber('--index', values.index, 1, count)
    if (values.out !== undefined && index === undefined) {
      throw new UsageError('--out needs --index I (which shard to write)')
    }
    const { set } = await loadMappingFiles(values.filename, io.cwd)
    const errors = set.findings.filter((f) => f.severity === 'error')
    for (const f of errors) io.err(describeFinding(f) + '\n')
    if (errors.length > 0) {
      throw new UsageError(`${errors.length} error(s) in the mapping; oc would refuse it too`)
    }
    const plan = planShards(set.entries, count)
    if (index === undefined) {
      io.out(renderSplit(plan, set.entries.length))
      return EXIT_OK
    }
    const ids = new Set(plan.shards[index - 1])
    const entries = set.entries.filter((e) => ids.has(e.id))
    const text = renderShardMapping(
      entries,
      `mirror-guard shard ${index} of ${count}: ${entries.length} of ${set.entries.length} mapping entries of ${values.filename.join(', ')}`
    )
    if (values.out === undefined) io.out(text)
    else {
      await writeFile(resolve(io.cwd, values.out), text)
      io.err(
        `shard ${index}/${count}: ${entries.length} mapping entries written to ${values.out}\n`
      )
    }
    return EXIT_OK
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    io.err(`mirror-guard shard: ${e.message}\nRun "mirror-guard shard --help" for usage.\n`)
    return EXIT_USAGE
  }
}

/** The split as a table: one row per shard, well within 80 columns. */
function renderSplit(plan: ShardPlan, total: number): string {
  const head = ['SHARD', 'ENTRIES', 'SHARE', 'REPOSITORIES']
  const rows = plan.shards.map((ids, i) => [
    `${i + 1}/${plan.count}`,
    String(ids.length),
    total === 0 ? '-' : `${((100 * ids.length) / total).toFixed(1)}%`,
    String(plan.repositories[i] ?? 0)
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const fmt = (c: string[]): string =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ')
  const sizes = plan.shards.map((s) => s.length)
  const empty = sizes.filter((n) => n === 0).length
  return (
    [fmt(head), ...rows.map(fmt)].join('\n') +
    `\n\n${total} mapping entries in ${plan.count} shard(s): largest ${Math.max(...sizes)}, smallest ${Math.min(...sizes)}` +
    (empty > 0 ? `; ${empty} empty (fewer repository groups than shards)` : '') +
    '\n'
  )
}
