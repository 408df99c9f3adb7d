// `mirror-guard triage`: an oc log and its mapping → per-line verdicts, retry mapping, report.
import { existsSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Attributor } from '../core/attribute.js'
import { readLog, readSplitLogs } from '../core/log-reader.js'
import { recognizeForeignLog } from '../core/log-kind.js'
import { loadMappingFiles } from '../core/mapping-files.js'
import { buildReport, renderTable, reportJsonChunks, reportSummary } from '../core/report.js'
import { renderRetryMapping } from '../core/retry-mapping.js'
import type { LogEvent } from '../core/types.js'
import {
  checkOutputPath,
  DEFAULT_COLUMNS,
  describeFinding,
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  ioReason,
  retryHint,
  parseFlags,
  UsageError,
  writeOutput,
  type CliIo
} from './io.js'
import { plural } from '../core/text.js'

export const TRIAGE_HELP = `Usage: mirror-guard triage --log FILE [--stdout FILE] -f MAPPING [-f MAPPING…] [options]

Reads the output of \`oc image mirror\` and tells, for every line of the mapping file(s),
whether it was mirrored or failed and why (rate-limit, auth, not-found, server, network, …).
A line counts as mirrored only when oc printed its success line and no error names it.

  --log FILE         oc's output: stderr, or stdout and stderr together (\`> log 2>&1\`).
                     Several attempts concatenated in one file are understood.
  --stdout FILE      oc's stdout, when it was kept apart from --log (stderr).
  -f, --filename M   the mapping file given to oc with -f (repeat for several files, same order).
  --retry-out FILE   where to write the retry mapping: the failed lines, verbatim, each after a
                     "# file:line class: reason" comment (default: mirror-guard-retry.txt).
                     Rerun them with: oc image mirror -f FILE … (plus --force when a
                     destination is file:// or s3://: oc ≤4.13 may have left a manifest
                     there without its layers, and skips it without --force).
  --no-retry-out     do not write a retry mapping.
  --json FILE        write the JSON report, every line in full (use - for stdout: then stdout
                     carries only the JSON and the table goes to stderr).
  -q, --quiet        print only the summary line.
  -h, --help         this text.

The table fits the terminal ($COLUMNS, 80 when not a terminal); --json has every detail.

Exit status: 0 every line mirrored, 1 some lines failed, 2 bad arguments, unreadable input
or an output file that cannot be written (one line naming the path).

Example:
  oc image mirror -f mapping.txt --continue-on-error > mirror.log 2>&1
  mirror-guard triage --log mirror.log -f mapping.txt
  oc image mirror -f mirror-guard-retry.txt --continue-on-error   # --force for file://
`

interface TriageArgs {
  log: string
  stdout?: string
  mappings: string[]
  retryOut?: string
  json?: string
  quiet: boolean
}

function parse(args: string[]): TriageArgs | 'help' {
  const values = parseFlags(args, {
    log: { type: 'string' },
    stdout: { type: 'string' },
    filename: { type: 'string', short: 'f', multiple: true },
    'retry-out': { type: 'string' },
    'no-retry-out': { type: 'boolean' },
    json: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' }
  })
  if (values.help) return 'help'
  if (!values.log) throw new UsageError('missing --log FILE (the oc image mirror output to read)')
  if (!values.filename?.length) {
    throw new UsageError('missing -f MAPPING (the mapping file given to oc image mirror)')
  }
  const retryOut = values['no-retry-out']
    ? undefined
    : (values['retry-out'] ?? 'mirror-guard-retry.txt')
  return {
    log: values.log,
    ...(values.stdout ? { stdout: values.stdout } : {}),
    mappings: values.filename,
    ...(retryOut ? { retryOut } : {}),
    ...(values.json ? { json: values.json } : {}),
    quiet: values.quiet ?? false
  }
}

function checkReadable(path: string, what: string): void {
  if (!existsSync(path)) throw new UsageError(`${what} ${path}: no such file`)
  if (!statSync(path).isFile()) throw new UsageError(`${what} ${path}: not a regular file`)
}

/** The first lines of a file (up to 64 KiB), to tell what wrote it. */
async function headLines(path: string): Promise<string[]> {
  const handle = await open(path, 'r')
  try {
    const buf = Buffer.alloc(64 * 1024)
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0)
    return buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)
  } finally {
    await handle.close()
  }
}

/** Kinds of events that only oc output produces; a log without any is not an oc log. */
const OC_EVENT = new Set<LogEvent['kind']>([
  'error',
  'warning',
  'info',
  'success',
  'transfer',
  'routine',
  'plan-blob',
  'plan-manifest',
  'planning-completed',
  'mirroring-completed',
  'klog'
])

export async function triageCommand(args: string[], io: CliIo): Promise<number> {
  let opts: TriageArgs | 'help'
  try {
    opts = parse(args)
  } catch (e) {
    io.err(
      `mirror-guard triage: ${(e as Error).message}\nRun "mirror-guard triage --help" for usage.\n`
    )
    return EXIT_USAGE
  }
  if (opts === 'help') {
    io.out(TRIAGE_HELP)
    return EXIT_OK
  }
  try {
    return await triage(opts, io)
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`mirror-guard triage: ${e.message}\n`)
      return EXIT_USAGE
    }
    throw e
  }
}

async function triage(opts: TriageArgs, cli: CliIo): Promise<number> {
  // With --json - stdout carries only the JSON; people's text moves to stderr.
  const io: CliIo = opts.json === '-' ? { ...cli, out: cli.err } : cli
  const logPath = resolve(io.cwd, opts.log)
  checkReadable(logPath, 'log')
  const stdoutPath = opts.stdout ? resolve(io.cwd, opts.stdout) : undefined
  if (stdoutPath) checkReadable(stdoutPath, 'stdout log')
  // Output files that cannot be created fail now, before any work (exit 2).
  if (opts.json !== undefined && opts.json !== '-')
    checkOutputPath(opts.json, io.cwd, 'JSON report')
  if (opts.retryOut !== undefined) checkOutputPath(opts.retryOut, io.cwd, 'retry mapping')

  const { set } = await loadMappingFiles(opts.mappings, io.cwd)
  const errors = set.findings.filter((f) => f.severity === 'error')
  for (const f of set.findings) io.err(describeFinding(f) + '\n')
  if (errors.length) {
    throw new UsageError(
      `${errors.length} error(s) in the mapping; oc would refuse it too. Fix the line(s) above.`
    )
  }
  if (set.entries.length === 0) throw new UsageError('the mapping holds no SRC=DST line')

  const attributor = new Attributor(set)
  let sawOcEvent = false
  const onEvent = (e: LogEvent): void => {
    // Only "none at all" matters: the Set is consulted until the first oc event.
    if (!sawOcEvent && OC_EVENT.has(e.kind)) sawOcEvent = true
    attributor.onEvent(e)
  }
  let read: { lines: number; bytes: number }
  try {
    read = stdoutPath
      ? await readSplitLogs(logPath, stdoutPath, onEvent)
      : await readLog(logPath, onEvent, { foldRoutine: true })
  } catch (e) {
    throw new UsageError(`cannot read log ${opts.log}: ${ioReason(e)}`)
  }
  const head = !sawOcEvent ? await headLines(logPath).catch(() => []) : []
  const blank = head.filter((l) => l.trim() === '').length
  const empty = read.bytes === 0 || (!sawOcEvent && blank === head.length && read.lines <= blank)
  if (!sawOcEvent && !empty) {
    const foreign = recognizeForeignLog(head)
    if (foreign) {
      throw new UsageError(
        `${opts.log}: this looks like a ${foreign.tool} log ("${foreign.evidence}"), not oc ` +
          `image mirror output; ${foreign.hint}`
      )
    }
    throw new UsageError(
      `${opts.log}: none of its ${read.lines} lines is oc image mirror output ` +
        '(no error:, info:, plan or success line); is this the right file?'
    )
  }
  if (empty) {
    io.err(
      `warning: the log ${opts.log} is empty (${read.bytes === 0 ? '0 bytes' : 'blank lines only'}): ` +
        'oc printed nothing there (was its output redirected to this file?), so no line can be ' +
        'confirmed; every line is reported unconfirmed\n'
    )
  }
  const result = attributor.finish()
  const summary = reportSummary(set, result)
  // The whole report (an object per mapping line) only for the table; -q and --json need none.
  if (!opts.quiet) {
    const jsonFile = opts.json !== undefined && opts.json !== '-' ? opts.json : undefined
    io.out(
      renderTable(buildReport(set, result), {
        width: cli.columns ?? DEFAULT_COLUMNS,
        more: (n) =>
          jsonFile !== undefined
            ? `… ${plural(n, 'more line')} in the JSON report ${jsonFile}`
            : opts.json === '-'
              ? `… ${plural(n, 'more line')} in the JSON report on stdout`
              : `… ${plural(n, 'more line')} not shown; add --json FILE for every line`
      })
    )
  } else {
    const s = summary.stats
    io.out(`${s.mirrored} of ${s.entries} mapping entries mirrored, ${s.failed} failed\n`)
  }
  if (opts.json === '-') for (const chunk of reportJsonChunks(set, result)) cli.out(chunk)
  else if (opts.json) await writeChunks(opts.json, io.cwd, reportJsonChunks(set, result))
  if (opts.retryOut) {
    const retry = renderRetryMapping(set, result.verdicts)
    if (retry) {
      await writeOutput(opts.retryOut, retry, io.cwd, 'retry mapping')
      // --force only where a half-written image can sit (file:// and s3:// trees, oc ≤4.13);
      // on a registry it would re-push every layer for nothing.
      const failed = new Set(
        result.verdicts.filter((v) => v.status !== 'mirrored').map((v) => v.entryId)
      )
      const onDisk = set.entries.some((e) => failed.has(e.id) && e.destination.kind !== 'registry')
      io.out(retryHint(opts.retryOut, summary.stats.failed, onDisk))
    } else if (!opts.quiet) io.out('nothing to retry: every line was mirrored\n')
  }
  return summary.stats.failed > 0 ? EXIT_FAILED : EXIT_OK
}

/**
 * Writes the chunks to a file as they come (a large report is never whole in memory); a
 * failure is one line naming the path (exit 2).
 */
async function writeChunks(path: string, cwd: string, chunks: Iterable<string>): Promise<void> {
  try {
    const file = await open(resolve(cwd, path), 'w')
    try {
      for (const chunk of chunks) await file.write(chunk)
    } finally {
      await file.close()
    }
  } catch (e) {
    throw new UsageError(`cannot write JSON report ${path}: ${ioReason(e)}`)
  }
}
