// Verdicts → the three outputs of a triage: JSON report, retry mapping, table for people.
import { CLASS_INFO } from './classify.js'
import { effectiveDestination } from './mapping.js'
import { cutText, fitTable, type Column } from './text-table.js'
import { oneLine } from './text.js'
import type {
  AttemptStats,
  FailureClass,
  LineStatus,
  LineVerdict,
  MappingEntry,
  MappingFinding,
  MappingSet,
  OmittedAttempts,
  RunFinding,
  Triage
} from './types.js'

/** One mapping entry in the report. The shape is an interface: change it deliberately. */
export interface ReportLine {
  readonly file: string
  readonly line: number
  readonly source: string
  readonly destination: string
  readonly status: LineStatus
  readonly classes: readonly FailureClass[]
  readonly reasons: readonly string[]
  readonly evidence: readonly number[]
  readonly retryable: boolean
  readonly recoveredAfter?: number
}

export interface ReportStats {
  readonly entries: number
  readonly mirrored: number
  readonly failed: number
  readonly retryable: number
  readonly permanent: number
  readonly recovered: number
  readonly runLevelErrors: number
  readonly attempts: number
}

export interface TriageReport {
  readonly version: 1
  readonly lines: readonly ReportLine[]
  /** Failed lines per class; a line with two classes counts in both. */
  readonly counts: Partial<Record<FailureClass, number>>
  readonly runLevel: readonly RunFinding[]
  readonly findings: readonly MappingFinding[]
  readonly stats: ReportStats
  /** The first attempts' records and the latest one's. */
  readonly attempts: readonly AttemptStats[]
  /** Present when more attempts were seen than are listed: those not listed, summed. */
  readonly attemptsOmitted?: OmittedAttempts
}

/** Everything in a report but its lines: what a summary needs, in memory of its own size. */
export type ReportSummary = Omit<TriageReport, 'lines'>

/** Each verdict with its mapping entry (verdicts naming no entry are skipped). */
function* verdictEntries(
  set: MappingSet,
  triage: Triage
): Generator<readonly [MappingEntry, LineVerdict]> {
  // Ids are the entries' indexes in their set; a Map only for sets built otherwise.
  const dense = set.entries.every((e, i) => e.id === i)
  const byId = dense ? undefined : new Map(set.entries.map((e) => [e.id, e]))
  for (const v of triage.verdicts) {
    const entry = byId ? byId.get(v.entryId) : set.entries[v.entryId]
    if (entry) yield [entry, v]
  }
}

export function reportSummary(set: MappingSet, triage: Triage): ReportSummary {
  const counts: Partial<Record<FailureClass, number>> = {}
  let entries = 0
  let failed = 0
  let retryable = 0
  let recovered = 0
  for (const [, v] of verdictEntries(set, triage)) {
    entries++
    if (v.recoveredAfter !== undefined) recovered++
    if (v.status !== 'failed') continue
    failed++
    if (v.retryable) retryable++
    for (const c of v.classes) counts[c] = (counts[c] ?? 0) + 1
  }
  return {
    version: 1,
    counts,
    runLevel: triage.runLevel,
    findings: set.findings,
    stats: {
      entries,
      mirrored: entries - failed,
      failed,
      retryable,
      permanent: failed - retryable,
      recovered,
      runLevelErrors: triage.runLevel
        .filter((f) => f.severity === 'error')
        .reduce((n, f) => n + (f.count ?? 1), 0),
      attempts: triage.attempts.length + (triage.attemptsOmitted?.count ?? 0)
    },
    attempts: triage.attempts,
    ...(triage.attemptsOmitted ? { attemptsOmitted: triage.attemptsOmitted } : {})
  }
}

export function buildReport(set: MappingSet, triage: Triage): TriageReport {
  const lines: ReportLine[] = []
  for (const [entry, v] of verdictEntries(set, triage)) lines.push(reportLine(entry, v))
  const { version, ...rest } = reportSummary(set, triage)
  return { version, lines, ...rest }
}

/** Text handed out per chunk by reportJsonChunks. */
const JSON_CHUNK_CHARS = 1 << 16

/**
 * `JSON.stringify(buildReport(set, triage), null, 2) + '\n'`, character for character, in
 * chunks of about 64 KiB, one report line at a time: a 200,000-line mapping's report is
 * written without its lines' objects or its whole text ever being in memory.
 */
export function* reportJsonChunks(set: MappingSet, triage: Triage): Generator<string> {
  const { version, ...rest } = reportSummary(set, triage)
  let buf = `{\n  "version": ${JSON.stringify(version)},\n  "lines": [`
  let any = false
  for (const [entry, v] of verdictEntries(set, triage)) {
    buf += `${any ? ',' : ''}\n    ${indent(JSON.stringify(reportLine(entry, v), null, 2), 4)}`
    any = true
    if (buf.length >= JSON_CHUNK_CHARS) {
      yield buf
      buf = ''
    }
  }
  buf += any ? '\n  ]' : ']'
  for (const [key, value] of Object.entries(rest)) {
    buf += `,\n  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), 2)}`
  }
  yield buf + '\n}\n'
}

const indent = (json: string, spaces: number): string =>
  json.replaceAll('\n', '\n' + ' '.repeat(spaces))

function reportLine(entry: MappingEntry, v: LineVerdict): ReportLine {
  return {
    file: entry.file,
    line: entry.line,
    source: entry.source.raw,
    destination: effectiveDestination(entry),
    status: v.status,
    classes: v.classes,
    reasons: v.reasons,
    evidence: v.evidence,
    retryable: v.retryable,
    ...(v.recoveredAfter !== undefined ? { recoveredAfter: v.recoveredAfter } : {})
  }
}

/**
 * A comment or table cell on one line and free of anything but printable text: escape
 * sequences and control characters gone, white space runs one space, at most 300 characters.
 */
export const commentText = (text: string): string =>
  oneLine(text, { control: 'drop', squeeze: true }).slice(0, 300)

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length))

export interface TableOptions {
  /** Rows shown at most (failed lines first). */
  readonly maxRows?: number
  /** Terminal width the table must fit (default 80); the JSON report keeps everything. */
  readonly width?: number
  /** The footer for rows not shown, e.g. `… 12 more lines in the JSON report r.json`. */
  readonly more?: (hidden: number) => string
}

const TABLE_COLUMNS: readonly Column[] = [
  { header: 'STATUS', cut: 'none' },
  { header: 'LINE', max: 40, cut: 'middle' },
  { header: 'SOURCE -> DESTINATION', max: 90, cut: 'middle' },
  { header: 'CLASS', max: 30, cut: 'end' },
  { header: 'REASON', max: 300, cut: 'end' }
]

/**
 * A plain-text table for people, fitted to the terminal: failed lines first, then a per-class
 * summary and the run-level messages, each distinct message once with its count.
 */
export function renderTable(report: TriageReport, options: TableOptions = {}): string {
  const width = Math.max(40, options.width ?? 80)
  const maxRows = options.maxRows ?? 200
  const rows = [...report.lines].sort(
    (a, b) => Number(a.status === 'mirrored') - Number(b.status === 'mirrored')
  )
  const shown = rows.slice(0, maxRows)
  const cells = shown.map((l) => [
    l.status === 'mirrored' ? (l.recoveredAfter ? 'recovered' : 'mirrored') : 'FAILED',
    `${l.file}:${l.line}`,
    `${l.source} -> ${l.destination}`,
    l.classes.join(','),
    commentText(l.reasons.join('; '))
  ])
  const out = fitTable(TABLE_COLUMNS, cells, width, { detail: 4 })
  const hidden = rows.length - shown.length
  if (hidden > 0) {
    out.push(options.more?.(hidden) ?? `… ${hidden} more line${hidden === 1 ? '' : 's'} not shown`)
  }
  const s = report.stats
  out.push('')
  out.push(
    `${s.mirrored} of ${s.entries} mapping entries mirrored, ${s.failed} failed ` +
      `(${s.retryable} retryable, ${s.permanent} permanent)` +
      (s.recovered ? `, ${s.recovered} recovered after a retry` : '')
  )
  for (const [cls, n] of Object.entries(report.counts) as [FailureClass, number][]) {
    out.push(
      cutText(`  ${pad(cls, 16)} ${pad(String(n), 5)} ${CLASS_INFO[cls].whatToDo}`, width, 'end')
    )
  }
  for (const g of groupRunLevel(report.runLevel)) {
    const where =
      g.count === 1 ? `log line ${g.firstLine}` : `${g.count}×, first at log line ${g.firstLine}`
    out.push(cutText(`  run-level ${g.severity} (${where}): ${commentText(g.text)}`, width, 'end'))
  }
  return out.join('\n') + '\n'
}

/** Identical run-level messages (500 × `one or more errors occurred`) as one, with a count. */
export function groupRunLevel(
  findings: readonly RunFinding[]
): { severity: string; text: string; count: number; firstLine: number }[] {
  const groups = new Map<
    string,
    { severity: string; text: string; count: number; firstLine: number }
  >()
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.text}`
    const g = groups.get(key)
    if (g) g.count += f.count ?? 1
    else {
      groups.set(key, {
        severity: f.severity,
        text: f.text,
        count: f.count ?? 1,
        firstLine: f.logLine
      })
    }
  }
  return [...groups.values()]
}
