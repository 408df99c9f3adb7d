// `mirror-guard merge`: shard reports (report.json of each `shard: I/N` job) → one report, one
// table and one retry mapping, as if a single job had mirrored the whole mapping.
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { loadMappingFiles } from '../core/mapping-files.js'
import { renderTable, type TriageReport } from '../core/report.js'
import {
  mappingDigests,
  mergeShardReports,
  type MergedReport,
  type MergeMapping,
  type ShardReportInput
} from '../core/shard-merge.js'
import { compactDuration } from '../core/text.js'
import {
  describeFinding,
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  retryHint,
  UsageError,
  type CliIo
} from './io.js'
import { parseFlagsAndOperands } from './operands.js'

export const MERGE_HELP = `Usage: mirror-guard merge [--json FILE] [--retry-out FILE] [-f MAPPING…] REPORT…

Merges the JSON reports of the shards of one mapping (the report.json of each job run with
\`shard: I/N\`) into one verdict, as if one job had mirrored every line.

  -f, --filename M   the mapping file(s) the shards were cut from (repeat, same order as the
                     action's mapping input). With it, every line no report holds — all the
                     lines of a shard that reported nothing — is failed "unconfirmed" and goes
                     into the retry mapping, and each report is checked against the mapping.
  --retry-out FILE   where to write the retry mapping (default: mirror-guard-retry.txt).
  --json FILE        write the merged JSON report (- for stdout).
  -q, --quiet        print only the summary line.
  -h, --help         this text.

Exit status: 0 every line mirrored, 1 some lines not mirrored (or a shard missing),
2 bad arguments or input (reports of other mapping files, overlapping shards, …).

Example:
  mirror-guard merge -f mapping.txt shard-*/report.json
  oc image mirror -f mirror-guard-retry.txt --force --continue-on-error
`

export async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  try {
    const { values, operands } = parseFlagsAndOperands(args, {
      filename: { type: 'string', short: 'f', multiple: true },
      'retry-out': { type: 'string' },
      json: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      help: { type: 'boolean', short: 'h' }
    })
    if (values.help) {
      io.out(MERGE_HELP)
      return EXIT_OK
    }
    if (operands.length === 0) throw new UsageError('missing REPORT (the shard reports to merge)')
    return await merge(
      {
        reports: operands,
        mappings: values.filename ?? [],
        retryOut: values['retry-out'] ?? 'mirror-guard-retry.txt',
        ...(values.json !== undefined ? { json: values.json } : {}),
        quiet: values.quiet ?? false
      },
      io
    )
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    io.err(`mirror-guard merge: ${e.message}\nRun "mirror-guard merge --help" for usage.\n`)
    return EXIT_USAGE
  }
}

interface MergeArgs {
  reports: string[]
  mappings: string[]
  retryOut: string
  json?: string
  quiet: boolean
}

async function readReport(path: string, cwd: string): Promise<ShardReportInput> {
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (e) {
    throw new UsageError(`${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
  }
  try {
    return { name: path, json: JSON.parse(text) as unknown }
  } catch (e) {
    throw new UsageError(`${path}: not JSON (${(e as Error).message})`)
  }
}

async function merge(opts: MergeArgs, cli: CliIo): Promise<number> {
  const io: CliIo = opts.json === '-' ? { ...cli, out: cli.err } : cli
  const inputs = await Promise.all(opts.reports.map((r) => readReport(r, io.cwd)))
  let mapping: MergeMapping | undefined
  if (opts.mappings.length > 0) {
    const { set, texts } = await loadMappingFiles(opts.mappings, io.cwd)
    const errors = set.findings.filter((f) => f.severity === 'error')
    if (errors.length > 0) {
      for (const f of errors) io.err(describeFinding(f) + '\n')
      throw new UsageError(`${errors.length} error(s) in the mapping`)
    }
    mapping = {
      set,
      files: mappingDigests(opts.mappings.map((file) => ({ file, text: texts.get(file) ?? '' })))
    }
  }
  const result = mergeShardReports(inputs, mapping)
  if (!result.ok) {
    for (const e of result.errors) io.err(`mirror-guard merge: ${e}\n`)
    return EXIT_USAGE
  }
  const { report } = result
  const s = report.stats
  if (opts.quiet) {
    io.out(
      `${s.mirrored} of ${s.entries} mapping entries mirrored, ${s.failed} not` +
        (s.missingShards ? `; ${s.missingShards} shard(s) sent no report` : '') +
        '\n'
    )
  } else {
    io.out(renderShardTable(report) + '\n')
    io.out(renderTable(asTriageReport(report)))
  }
  for (const n of result.notes) io.err(`warning: ${n}\n`)
  if (opts.json !== undefined) {
    const text = JSON.stringify(report, null, 2) + '\n'
    if (opts.json === '-') cli.out(text)
    else await writeFile(resolve(io.cwd, opts.json), text)
  }
  if (result.retryMapping !== '') {
    await writeFile(resolve(io.cwd, opts.retryOut), result.retryMapping)
    const notMirrored = report.lines.filter((l) => l.status !== 'mirrored')
    const onDisk = notMirrored.some((l) => /^(file|s3):\/\//.test(l.destination))
    io.out(retryHint(opts.retryOut, s.failed, onDisk))
  } else if (!opts.quiet && result.complete) io.out('nothing to retry: every line was mirrored\n')
  return result.complete ? EXIT_OK : EXIT_FAILED
}

/** The merged report in the shape renderTable reads. */
function asTriageReport(m: MergedReport): TriageReport {
  return {
    version: 1,
    lines: m.lines,
    counts: m.counts,
    runLevel: m.runLevel,
    findings: [],
    stats: {
      ...m.stats,
      runLevelErrors: m.runLevel.filter((f) => f.severity === 'error').length,
      attempts: Math.max(0, ...m.merged.shards.map((r) => r.attempts))
    },
    attempts: []
  }
}

const duration = (seconds: number | undefined): string =>
  seconds === undefined ? '-' : compactDuration(seconds)

/** One row per shard, at most 80 columns (long report paths are shortened from the left). */
export function renderShardTable(m: MergedReport): string {
  const head = ['SHARD', 'LINES', 'MIRRORED', 'FAILED', 'ATTEMPTS', 'TIME', 'REPORT']
  const rows = m.merged.shards.map((r) => [
    `${r.index}/${r.count}`,
    r.entries === undefined ? '?' : String(r.entries),
    String(r.mirrored),
    String(r.failed),
    r.report === undefined ? '-' : String(r.attempts),
    duration(r.durationSeconds),
    r.report ?? '(no report)'
  ])
  const widths = head
    .slice(0, -1)
    .map((h, i) => Math.max(h.length, ...rows.map((c) => c[i].length)))
  const room = Math.max(12, 80 - widths.reduce((a, w) => a + w + 2, 0))
  const fmt = (c: string[]): string =>
    c
      .map((v, i) => {
        if (i === c.length - 1) return v.length > room ? '…' + v.slice(v.length - room + 1) : v
        return i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i])
      })
      .join('  ')
  return [fmt(head), ...rows.map(fmt)].join('\n') + '\n'
}
