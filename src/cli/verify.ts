// `mirror-guard verify`: prove that every mapping line really landed (file:// trees on disk,
// registries over the HTTP API), instead of trusting oc's success lines.
import { statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { loadMappingFiles } from '../core/mapping-files.js'
import { effectiveDestination } from '../core/mapping.js'
import { Redactor } from '../core/redact.js'
import { renderRetryMapping } from '../core/retry-mapping.js'
import { fitTable, type Column } from '../core/text-table.js'
import type { LineVerdict, MappingEntry, MappingSet } from '../core/types.js'
import { verifyEntries } from '../verify/index.js'
import { secretValues } from '../core/secret-values.js'
import { RegistryConfig } from '../verify/registry-auth.js'
import { oneLine, plural } from '../core/text.js'
import type { VerifyProblem, VerifyProblemKind, VerifyResult } from '../verify/types.js'
import {
  checkOutputPath,
  DEFAULT_COLUMNS,
  describeFinding,
  EXIT_FAILED,
  EXIT_OK,
  EXIT_USAGE,
  ioReason,
  parseFlags,
  UsageError,
  writeOutput
} from './io.js'

export const VERIFY_HELP = `Usage: mirror-guard verify -f MAPPING [-f MAPPING…] [--dir DIR] [--from-dir DIR] [--digest]
                           [--registry-config FILE] [--insecure] [--json FILE] [--retry-out FILE]

Checks that what each mapping line should have mirrored is really there — not just its
manifest. oc 4.13 and older can write a manifest to a file:// mirror, print its success
line, and still be missing a layer (a failed download, e.g. after HTTP 429); later runs
without --force never repair it. verify finds such holes and names the missing blob.

What is checked, per mapping line:
  file:// destination  under --dir: the tag symlink  v2/<repo>/manifests/<tag>, the manifest
                       it points to, for a manifest list every child, and every config and
                       layer blob in v2/<repo>/blobs/. Leftover *.download files (unfinished
                       writes) are reported too.
  registry destination over the Registry HTTP API v2: the manifest by tag (or digest), every
                       child of a list, and a HEAD request for every config and layer blob.
  file:// source       only with --from-dir: the image a push from that directory will read.
  s3:// destination    cannot be checked here; shown as "not checked".

Each line is "complete", "INCOMPLETE" (something it needs is missing or wrong: the problem
is named), or "NOT CHECKED" with the reason (registry unreachable, credentials refused, an
unreadable file, s3://): nothing was proven either way.

Options:
  -f, --filename MAPPING     a mapping file as given to oc image mirror -f (repeat for several)
  --dir DIR                  oc's --dir: root of file:// destinations (default: current directory)
  --from-dir DIR             oc's --from-dir: also check file:// sources under DIR
  --digest                   also check sizes and sha256 of every blob (reads all data; slow)
  -a, --registry-config FILE registry credentials (docker config.json or podman auth.json)
  --insecure                 registries may use plain http or self-signed certificates
  --json FILE                write the result as JSON (- for stdout: then stdout carries only
                             the JSON and the table goes to stderr)
  --retry-out FILE           write the lines not proven complete (incomplete or not checked),
                             verbatim, each after a "# file:line status: reason" comment, ready
                             for oc image mirror -f FILE (add --force for file:// destinations)
  -h, --help                 this text

With --digest, progress goes to stderr every few seconds. The table fits the terminal
($COLUMNS, 80 when not a terminal); --json has every problem in full.

Exit status: 0 every line complete, 1 a line incomplete or not checked,
             2 bad arguments (a --dir or --from-dir that does not exist), an unreadable or
             invalid mapping file, or an output file that cannot be written.

Example:
  oc image mirror -f mapping.txt --dir /mirror --continue-on-error
  mirror-guard verify -f mapping.txt --dir /mirror
`

export interface VerifyCliIo {
  readonly out: (s: string) => void
  readonly err: (s: string) => void
  /** Base for relative paths (default: the process's working directory). */
  readonly cwd?: string
  /** Terminal width for the table (default 80). */
  readonly columns?: number
  /** SIGINT/SIGTERM: registry requests stop at once and the lines left count as not checked. */
  readonly signal?: AbortSignal
}

interface VerifyArgs {
  readonly mappings: string[]
  readonly dir?: string
  readonly fromDir?: string
  readonly digest: boolean
  readonly authFile?: string
  readonly insecure: boolean
  readonly json?: string
  readonly retryOut?: string
}

function parse(args: string[]): VerifyArgs | 'help' {
  const values = parseFlags(args, {
    filename: { type: 'string', short: 'f', multiple: true },
    dir: { type: 'string' },
    'from-dir': { type: 'string' },
    digest: { type: 'boolean' },
    'registry-config': { type: 'string', short: 'a' },
    insecure: { type: 'boolean' },
    json: { type: 'string' },
    'retry-out': { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  })
  if (values.help) return 'help'
  if (!values.filename?.length) {
    throw new UsageError('missing -f MAPPING (the mapping file given to oc image mirror)')
  }
  for (const [flag, v] of [
    ['--dir', values.dir],
    ['--from-dir', values['from-dir']],
    ['--registry-config', values['registry-config']],
    ['--json', values.json],
    ['--retry-out', values['retry-out']]
  ] as const) {
    if (v === '') throw new UsageError(`${flag} needs a value`)
  }
  return {
    mappings: values.filename,
    ...(values.dir !== undefined ? { dir: values.dir } : {}),
    ...(values['from-dir'] !== undefined ? { fromDir: values['from-dir'] } : {}),
    digest: values.digest ?? false,
    ...(values['registry-config'] !== undefined ? { authFile: values['registry-config'] } : {}),
    insecure: values.insecure ?? false,
    ...(values.json !== undefined ? { json: values.json } : {}),
    ...(values['retry-out'] !== undefined ? { retryOut: values['retry-out'] } : {})
  }
}

/** A directory flag must name an existing directory: a typo is a usage error, not 5 INCOMPLETE rows. */
function checkDirectory(flag: string, path: string, cwd: string): void {
  let isDir: boolean
  try {
    isDir = statSync(resolve(cwd, path)).isDirectory()
  } catch (e) {
    throw new UsageError(`${flag} ${path}: ${ioReason(e)}`)
  }
  if (!isDir) throw new UsageError(`${flag} ${path}: not a directory`)
}

export type VerifyStatus = 'complete' | 'incomplete' | 'not-checked'

export interface VerifyReportLine {
  readonly file: string
  readonly line: number
  readonly source: string
  readonly destination: string
  /** `not-checked`: nothing could be proven either way (see `reason`). */
  readonly status: VerifyStatus
  readonly complete: boolean
  /** False when nothing could be checked for this line (s3://, unreachable registry, …). */
  readonly checked: boolean
  /** Why a line was not checked. */
  readonly reason?: string
  readonly problems: readonly VerifyProblem[]
  readonly warnings: readonly VerifyProblem[]
}

export interface VerifyReport {
  readonly version: 1
  readonly complete: boolean
  readonly counts: Readonly<Record<VerifyStatus, number>>
  readonly lines: readonly VerifyReportLine[]
}

const NOT_CHECKED_S3 =
  's3:// destinations cannot be checked by mirror-guard; rely on oc or check the bucket'

/** Problems that say the check could not be made, not that something is missing or wrong. */
const COULD_NOT_CHECK = new Set<VerifyProblemKind>([
  'cancelled',
  'unreachable',
  'unauthorized',
  'registry-error',
  'unreadable'
])

function statusOf(r: VerifyResult | undefined): { status: VerifyStatus; reason?: string } {
  if (r === undefined) return { status: 'not-checked', reason: NOT_CHECKED_S3 }
  if (r.complete) return { status: 'complete' }
  const [first] = r.problems
  if (first !== undefined && r.problems.every((p) => COULD_NOT_CHECK.has(p.kind))) {
    return { status: 'not-checked', reason: `${first.kind}: ${first.message}` }
  }
  return { status: 'incomplete' }
}

export function buildVerifyReport(
  entries: readonly MappingEntry[],
  results: readonly VerifyResult[]
): VerifyReport {
  const byId = new Map(results.map((r) => [r.entryId, r]))
  const lines = entries.map((e): VerifyReportLine => {
    const r = byId.get(e.id)
    const { status, reason } = statusOf(r)
    return {
      file: e.file,
      line: e.line,
      source: e.source.raw,
      destination: effectiveDestination(e),
      status,
      complete: status === 'complete',
      checked: status !== 'not-checked',
      ...(reason !== undefined ? { reason } : {}),
      problems: r?.problems ?? [],
      warnings: r?.warnings ?? []
    }
  })
  const counts = { complete: 0, incomplete: 0, 'not-checked': 0 }
  for (const l of lines) counts[l.status]++
  return { version: 1, complete: counts.complete === lines.length, counts, lines }
}

const LABEL: Record<VerifyStatus, string> = {
  complete: 'complete',
  incomplete: 'INCOMPLETE',
  'not-checked': 'NOT CHECKED'
}

const VERIFY_COLUMNS: readonly Column[] = [
  { header: 'STATUS', cut: 'none' },
  { header: 'LINE', max: 60, cut: 'middle' },
  { header: 'DESTINATION', max: 90, cut: 'middle' },
  { header: 'PROBLEM', max: 2000, cut: 'end' }
]

/**
 * A plain-text table fitted to `width`: one row per problem, the line's columns on its first
 * row only (problems on lines of their own when the rows do not fit).
 */
export function renderVerifyTable(report: VerifyReport, width = DEFAULT_COLUMNS): string {
  const rows: string[][] = []
  for (const l of report.lines) {
    const notes =
      l.status === 'not-checked'
        ? [`not checked: ${l.reason ?? ''}`]
        : [
            ...l.problems.map((p) => `${p.kind}: ${p.message}`),
            ...l.warnings.map((w) => `warning ${w.kind}: ${w.message}`)
          ]
    const first = notes.shift() ?? ''
    rows.push(
      [LABEL[l.status], `${l.file}:${l.line}`, l.destination, first].map((c) =>
        oneLine(c, { max: 2000 })
      )
    )
    for (const n of notes) rows.push(['', '', '', oneLine(n, { max: 2000 })])
  }
  const text = fitTable(VERIFY_COLUMNS, rows, Math.max(40, width), { detail: 3 }).join('\n')
  const n = report.lines.length
  const summary =
    `${report.counts.complete} of ${plural(n, 'mapping entry', 'mapping entries')} complete` +
    (report.counts.incomplete ? `, ${report.counts.incomplete} incomplete` : '') +
    (report.counts['not-checked'] ? `, ${report.counts['not-checked']} not checked` : '')
  return `${text}\n\n${summary}\n`
}

/** The lines verify did not prove complete, as a mapping oc can rerun (verbatim lines). */
function retryMapping(set: MappingSet, report: VerifyReport): string {
  const verdicts: LineVerdict[] = []
  set.entries.forEach((e, i) => {
    const l = report.lines[i]
    if (l === undefined || l.status === 'complete') return
    const reason =
      l.status === 'not-checked'
        ? `not checked: ${l.reason ?? ''}`
        : l.problems.map((p) => `${p.kind}: ${p.message}`).join('; ')
    verdicts.push({
      entryId: e.id,
      status: 'failed',
      classes: [l.status === 'incomplete' ? 'incomplete' : 'unconfirmed'],
      reasons: [reason],
      evidence: [],
      retryable: true
    })
  })
  return renderRetryMapping(set, verdicts)
}

/** Entries per verification round: progress is reported between rounds. */
const PROGRESS_CHUNK = 16
const PROGRESS_EVERY_MS = 5000

export async function verifyCommand(args: string[], given: VerifyCliIo): Promise<number> {
  // Everything printed or written passes the redactor: registries echo credentials in errors.
  const redaction = new Redactor()
  const io: VerifyCliIo = {
    ...given,
    out: (s) => given.out(redaction.text(s)),
    err: (s) => given.err(redaction.text(s))
  }
  const usage = (message: string): number => {
    io.err(
      `mirror-guard verify: ${oneLine(message, { max: 2000 })}\nRun "mirror-guard verify --help" for usage.\n`
    )
    return EXIT_USAGE
  }
  let opts: VerifyArgs | 'help'
  try {
    opts = parse(args)
  } catch (e) {
    return usage((e as Error).message)
  }
  if (opts === 'help') {
    io.out(VERIFY_HELP)
    return EXIT_OK
  }
  const cwd = io.cwd ?? process.cwd()
  try {
    if (opts.dir !== undefined) checkDirectory('--dir', opts.dir, cwd)
    if (opts.fromDir !== undefined) checkDirectory('--from-dir', opts.fromDir, cwd)
    if (opts.json !== undefined && opts.json !== '-') checkOutputPath(opts.json, cwd, 'JSON report')
    if (opts.retryOut !== undefined) checkOutputPath(opts.retryOut, cwd, 'retry mapping')
  } catch (e) {
    return usage((e as Error).message)
  }

  const { set } = await loadMappingFiles(opts.mappings, cwd)
  for (const f of set.findings) io.err(oneLine(describeFinding(f), { max: 2000 }) + '\n')
  const errors = set.findings.filter((f) => f.severity === 'error')
  if (errors.length > 0) {
    return usage(`${errors.length} error(s) in the mapping (see above); fix them first`)
  }
  if (set.entries.length === 0) return usage('the mapping holds no SRC=DST line')

  const authFile = opts.authFile !== undefined ? resolve(cwd, opts.authFile) : undefined
  if (authFile !== undefined) {
    try {
      redaction.add(...(await RegistryConfig.load(authFile)).secrets())
      redaction.add(...secretValues(await readFile(authFile, 'utf8')))
    } catch (e) {
      return usage((e as Error).message)
    }
  }

  // Paths in messages read best as the user gave them: relative to where they run the command.
  const shown = (p: string): string => {
    const abs = resolve(cwd, p)
    const rel = relative(process.cwd(), abs)
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel
  }
  const verifyOptions = {
    dir: shown(opts.dir ?? '.'),
    ...(opts.fromDir !== undefined ? { fromDir: shown(opts.fromDir) } : {}),
    digest: opts.digest,
    ...(authFile !== undefined ? { authFile } : {}),
    insecure: opts.insecure,
    registries: true,
    network: {
      onSecret: (v: string) => redaction.add(v),
      ...(io.signal ? { signal: io.signal } : {})
    }
  }
  let results: VerifyResult[]
  if (!opts.digest) {
    results = await verifyEntries(set.entries, verifyOptions)
  } else {
    // --digest reads every byte: rounds of entries, with a progress line on stderr now and then.
    const started = Date.now()
    let said = started
    results = []
    const total = set.entries.length
    io.err(
      `verify: reading and hashing every blob of ${plural(total, 'mapping entry', 'mapping entries')}…\n`
    )
    for (let i = 0; i < total; i += PROGRESS_CHUNK) {
      results.push(
        ...(await verifyEntries(set.entries.slice(i, i + PROGRESS_CHUNK), verifyOptions))
      )
      const done = Math.min(total, i + PROGRESS_CHUNK)
      const now = Date.now()
      if (now - said >= PROGRESS_EVERY_MS && done < total) {
        said = now
        io.err(
          `verify: ${done} of ${total} entries checked (${Math.round((now - started) / 1000)}s)\n`
        )
      }
    }
  }
  const report = redaction.deep(buildVerifyReport(set.entries, results))
  const json = JSON.stringify(report, null, 2) + '\n'
  try {
    if (opts.json === '-') {
      io.out(json)
      io.err(renderVerifyTable(report, io.columns))
    } else {
      io.out(renderVerifyTable(report, io.columns))
      if (opts.json !== undefined) await writeOutput(opts.json, json, cwd, 'JSON report')
    }
    if (opts.retryOut !== undefined) {
      const retry = redaction.text(retryMapping(set, report))
      if (retry !== '') {
        await writeOutput(opts.retryOut, retry, cwd, 'retry mapping')
        const n = report.lines.length - report.counts.complete
        const say = opts.json === '-' ? io.err : io.out
        say(
          `retry mapping: ${opts.retryOut} (${plural(n, 'entry', 'entries')} not proven complete)\n`
        )
      }
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`mirror-guard verify: ${e.message}\n`)
      return EXIT_USAGE
    }
    throw e
  }
  return report.complete ? EXIT_OK : EXIT_FAILED
}
