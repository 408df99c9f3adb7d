// `mirror-guard verify`: prove that every mapping line really landed (file:// trees on disk,
// registries over the HTTP API), instead of trusting oc's success lines.
import { readFile, writeFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { loadMappingFiles } from '../core/mapping-files.js'
import { effectiveDestination } from '../core/mapping.js'
import { Redactor } from '../core/redact.js'
import type { MappingEntry } from '../core/types.js'
import { verifyEntries } from '../verify/index.js'
import { secretValues } from '../run/secrets.js'
import { RegistryConfig } from '../verify/registry-auth.js'
import { oneLine } from '../verify/text.js'
import type { VerifyProblem, VerifyResult } from '../verify/types.js'
import { describeFinding, EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseFlags, UsageError } from './io.js'

export const VERIFY_HELP = `Usage: mirror-guard verify -f MAPPING [-f MAPPING…] [--dir DIR] [--from-dir DIR] [--digest]
                           [--registry-config FILE] [--insecure] [--json FILE]

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

Options:
  -f, --filename MAPPING     a mapping file as given to oc image mirror -f (repeat for several)
  --dir DIR                  oc's --dir: root of file:// destinations (default: current directory)
  --from-dir DIR             oc's --from-dir: also check file:// sources under DIR
  --digest                   also check sizes and sha256 of every blob (reads all data; slow)
  -a, --registry-config FILE registry credentials (docker config.json or podman auth.json)
  --insecure                 registries may use plain http or self-signed certificates
  --json FILE                write the result as JSON (- for stdout)
  -h, --help                 this text

Exit status: 0 every line complete, 1 something missing (or not checkable),
             2 bad arguments, unreadable or invalid mapping file.

Example:
  oc image mirror -f mapping.txt --dir /mirror --continue-on-error
  mirror-guard verify -f mapping.txt --dir /mirror
`

export interface VerifyCliIo {
  readonly out: (s: string) => void
  readonly err: (s: string) => void
  /** Base for relative paths (default: the process's working directory). */
  readonly cwd?: string
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
    ['--json', values.json]
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
    ...(values.json !== undefined ? { json: values.json } : {})
  }
}

export interface VerifyReportLine {
  readonly file: string
  readonly line: number
  readonly source: string
  readonly destination: string
  readonly complete: boolean
  /** False when nothing could be checked for this line (s3:// destinations). */
  readonly checked: boolean
  readonly problems: readonly VerifyProblem[]
  readonly warnings: readonly VerifyProblem[]
}

export interface VerifyReport {
  readonly version: 1
  readonly complete: boolean
  readonly lines: readonly VerifyReportLine[]
}

const NOT_CHECKED =
  's3:// destinations cannot be checked by mirror-guard; rely on oc or check the bucket'

export function buildVerifyReport(
  entries: readonly MappingEntry[],
  results: readonly VerifyResult[]
): VerifyReport {
  const byId = new Map(results.map((r) => [r.entryId, r]))
  const lines = entries.map((e): VerifyReportLine => {
    const r = byId.get(e.id)
    return {
      file: e.file,
      line: e.line,
      source: e.source.raw,
      destination: effectiveDestination(e),
      complete: r?.complete ?? false,
      checked: r !== undefined,
      problems: r?.problems ?? [],
      warnings: r?.warnings ?? []
    }
  })
  return { version: 1, complete: lines.every((l) => l.complete), lines }
}

/** A plain-text table: one row per problem, the line's columns on its first row only. */
export function renderVerifyTable(report: VerifyReport): string {
  const rows: [string, string, string, string][] = [['STATUS', 'LINE', 'DESTINATION', 'PROBLEM']]
  for (const l of report.lines) {
    const status = !l.checked ? 'not checked' : l.complete ? 'complete' : 'INCOMPLETE'
    const notes = !l.checked
      ? [NOT_CHECKED]
      : [
          ...l.problems.map((p) => `${p.kind}: ${p.message}`),
          ...l.warnings.map((w) => `warning ${w.kind}: ${w.message}`)
        ]
    const first = notes.shift() ?? ''
    rows.push(
      [status, `${l.file}:${l.line}`, l.destination, first].map((c) => oneLine(c, 2000)) as [
        string,
        string,
        string,
        string
      ]
    )
    for (const n of notes) rows.push(['', '', '', oneLine(n, 2000)])
  }
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)))
  const text = rows
    .map((r) =>
      r
        .map((c, i) => (i < 3 ? c.padEnd(width[i]) : c))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
  const complete = report.lines.filter((l) => l.complete).length
  const unchecked = report.lines.filter((l) => !l.checked).length
  const incomplete = report.lines.length - complete - unchecked
  const summary =
    `${complete} of ${report.lines.length} mapping entr${report.lines.length === 1 ? 'y' : 'ies'} complete` +
    (incomplete ? `, ${incomplete} incomplete` : '') +
    (unchecked ? `, ${unchecked} not checked` : '')
  return `${text}\n\n${summary}\n`
}

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
      `mirror-guard verify: ${oneLine(message, 2000)}\nRun "mirror-guard verify --help" for usage.\n`
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

  const { set } = await loadMappingFiles(opts.mappings, cwd)
  for (const f of set.findings) io.err(oneLine(describeFinding(f), 2000) + '\n')
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
  const results = await verifyEntries(set.entries, {
    dir: shown(opts.dir ?? '.'),
    ...(opts.fromDir !== undefined ? { fromDir: shown(opts.fromDir) } : {}),
    digest: opts.digest,
    ...(authFile !== undefined ? { authFile } : {}),
    insecure: opts.insecure,
    registries: true,
    network: {
      onSecret: (v) => redaction.add(v),
      ...(io.signal ? { signal: io.signal } : {})
    }
  })
  const report = redaction.deep(buildVerifyReport(set.entries, results))
  if (opts.json === '-') {
    io.out(JSON.stringify(report, null, 2) + '\n')
  } else {
    io.out(renderVerifyTable(report))
    if (opts.json !== undefined) {
      const target = resolve(cwd, opts.json)
      try {
        await writeFile(target, JSON.stringify(report, null, 2) + '\n')
      } catch (e) {
        io.err(`mirror-guard verify: cannot write ${target}: ${(e as Error).message}\n`)
        return EXIT_USAGE
      }
    }
  }
  return report.complete ? EXIT_OK : EXIT_FAILED
}
