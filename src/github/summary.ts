// The job summary: outcome, what each failure class means and what to do, every line's fate,
// and per-attempt timing. GitHub rejects a step summary over 1 MiB, so every table is capped
// and points at the artifact when cut. All untrusted text goes through escapeMarkdown.

import * as core from '@actions/core'
import { CLASS_INFO } from '../core/classify.js'
import type { FailureClass, LineStatus, MappingFinding, RunFinding } from '../core/types.js'
import { errorMessage, plural, truncate } from '../core/text.js'
import { WORK_FILES } from '../core/work-files.js'
import { codeSpan, escapeMarkdown } from './escape.js'
import { renderShardTable, type ShardSummaryRow } from './shard-table.js'

export interface SummaryLine {
  readonly file: string
  readonly line: number
  readonly source: string
  readonly destination: string
  readonly status: LineStatus
  readonly classes: readonly FailureClass[]
  readonly reasons: readonly string[]
  readonly retryable: boolean
  readonly recoveredAfter?: number
  /** mode: validate — the worst finding on this line, and the findings' codes. */
  readonly severity?: 'error' | 'warning'
  readonly codes?: readonly string[]
}

export interface AttemptRow {
  readonly attempt: number
  readonly linesRun: number
  readonly mirrored: number
  readonly failed: number
  readonly planningSeconds?: number
  readonly mirroringSeconds?: number
  /** As oc prints it, e.g. `16.16MB/s`. */
  readonly rate?: string
  /** null when the process was killed (timeout/cancel). */
  readonly exitCode?: number | null
  readonly durationSeconds?: number
  /** Retries: how the lines were repaired (stale files removed, plain rerun, --force). */
  readonly repair?: string
  /** With chunk-size: the engine invocations the attempt ran. */
  readonly chunks?: number
}

export interface SummaryInput {
  readonly title?: string
  readonly mode?: 'mirror' | 'validate' | 'dry-run'
  readonly lines: readonly SummaryLine[]
  readonly findings?: readonly MappingFinding[]
  readonly runLevel?: readonly RunFinding[]
  readonly attempts?: readonly AttemptRow[]
  /** e.g. the first line of `oc version --client`. */
  readonly toolVersion?: string
  /** What the tool's version changes (oc: how file:// retries are repaired). */
  readonly toolNote?: string
  /** One sentence per attempt that passed --force, saying why. */
  readonly forced?: readonly string[]
  /** Artifact holding the full report; named when a table is cut. */
  readonly artifactName?: string
  /** Extra sentences (e.g. why artifacts were not uploaded); escaped like untrusted text. */
  readonly notes?: readonly string[]
  /** Where the lines not mirrored went, and how to feed them back (mirror mode). */
  readonly retry?: RetryPointer
  /** mode: aggregate — one row per shard of the matrix (shard-table.ts). */
  readonly shards?: readonly ShardSummaryRow[]
}

export interface RetryPointer {
  /** Mapping lines in the retry mapping. */
  readonly lines: number
  /** Path of the retry mapping on the runner (the `retry-mapping` output). */
  readonly path: string
  /** Artifact it was uploaded as; undefined when it was not uploaded. */
  readonly artifact?: string
  /** `GITHUB_RUN_ID` of this run, for `run-id:` in a later workflow run. */
  readonly runId?: string
  /** `owner/name@ref` of this action as the workflow uses it. */
  readonly uses: string
}

export interface SummaryLimits {
  readonly maxLineRows: number
  readonly maxLineBytes: number
  readonly maxFindingRows: number
  readonly maxFindingBytes: number
}

/** Well below GitHub's 1 MiB per step: the three capped tables together stay under 600 KiB. */
export const DEFAULT_SUMMARY_LIMITS: SummaryLimits = {
  maxLineRows: 500,
  maxLineBytes: 300 * 1024,
  maxFindingRows: 100,
  maxFindingBytes: 100 * 1024
}

const MAX_REF_CHARS = 300
const MAX_REASON_CHARS = 500

/** Untrusted text for a table cell: capped first, then escaped. */
function cell(text: string, max = MAX_REF_CHARS): string {
  return escapeMarkdown(truncate(text, max))
}

/** Our own text (CLASS_INFO) may use Markdown, but must not break a table row. */
function trustedCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

function header(cells: readonly string[]): string {
  return `${row(cells)}\n${row(cells.map(() => '---'))}`
}

interface Capped {
  readonly text: string
  readonly shown: number
}

/**
 * A table with as many rows as fit in both caps. Rows may be produced lazily, so that a
 * 20,000-line run does not pay for rows it will not show.
 */
function cappedTable(
  head: string,
  rows: Iterable<string>,
  maxRows: number,
  maxBytes: number
): Capped {
  const out = [head]
  let bytes = Buffer.byteLength(head) + 1
  let shown = 0
  for (const r of rows) {
    if (shown >= maxRows) break
    const size = Buffer.byteLength(r) + 1
    if (bytes + size > maxBytes) break
    out.push(r)
    bytes += size
    shown += 1
  }
  return { text: out.join('\n'), shown }
}

function* lazyMap<T>(items: readonly T[], render: (item: T) => string): Generator<string> {
  for (const item of items) yield render(item)
}

function seconds(s: number | undefined): string | undefined {
  return s?.toFixed(1)
}

function statusRank(l: SummaryLine): number {
  if (l.severity === 'error') return 0
  if (l.severity === 'warning') return 1
  if (l.status === 'failed') return l.retryable ? 1 : 0
  return l.recoveredAfter !== undefined ? 2 : 3
}

/** What a line that did not fail is called in each mode. */
const DONE: Record<NonNullable<SummaryInput['mode']>, string> = {
  mirror: 'mirrored',
  validate: 'parsed',
  'dry-run': 'planned'
}

function statusText(l: SummaryLine, mode: SummaryInput['mode'] = 'mirror'): string {
  if (l.severity === 'error') return '❌ error'
  if (l.severity === 'warning') return `⚠️ ${DONE[mode]} (warning)`
  if (l.status === 'failed') return l.retryable ? '❌ failed (retryable)' : '❌ failed (permanent)'
  return l.recoveredAfter !== undefined
    ? `✅ ${DONE[mode]} (retry after attempt ${l.recoveredAfter})`
    : `✅ ${DONE[mode]}`
}

function outcome(input: SummaryInput): string {
  const lines = input.lines
  const failed = lines.filter((l) => l.status === 'failed')
  const permanent = failed.filter((l) => !l.retryable).length
  const recovered = lines.filter((l) => l.status === 'mirrored' && l.recoveredAfter !== undefined)
  const mappingErrors = (input.findings ?? []).filter((f) => f.severity === 'error').length
  const attempts = input.attempts?.length ?? 0

  if (input.mode === 'validate') {
    const warnings = (input.findings ?? []).length - mappingErrors
    const checked = `${plural(lines.length, 'mapping line')} checked`
    return mappingErrors > 0
      ? `❌ Validation found ${mappingErrors} error(s) and ${warnings} warning(s) in the mapping (${checked}).`
      : `✅ Validation passed: ${checked}, ${warnings} warning(s).`
  }
  const verb = input.mode === 'dry-run' ? 'planned' : 'mirrored'
  const after = attempts > 0 ? ` after ${attempts} attempt(s)` : ''
  if (failed.length === 0 && mappingErrors === 0) {
    const rec = recovered.length > 0 ? ` (${recovered.length} recovered on a retry)` : ''
    return `✅ All ${lines.length} mapping entries ${verb}${after}${rec}.`
  }
  const parts = [
    `❌ ${failed.length} of ${lines.length} mapping entries failed${after}: ${permanent} permanent, ${failed.length - permanent} retryable.`
  ]
  if (mappingErrors > 0) parts.push(`The mapping has ${mappingErrors} error(s).`)
  if (recovered.length > 0) parts.push(`${recovered.length} recovered on a retry.`)
  return parts.join(' ')
}

function classTable(input: SummaryInput): string | undefined {
  const failedBy = new Map<FailureClass, number>()
  const recoveredBy = new Map<FailureClass, number>()
  for (const l of input.lines) {
    const target =
      l.status === 'failed' ? failedBy : l.recoveredAfter !== undefined ? recoveredBy : undefined
    if (target === undefined) continue
    for (const c of new Set(l.classes)) target.set(c, (target.get(c) ?? 0) + 1)
  }
  const runBy = new Map<FailureClass, number>()
  for (const f of input.runLevel ?? []) {
    runBy.set(f.class, (runBy.get(f.class) ?? 0) + (f.count ?? 1))
  }
  const classes = (Object.keys(CLASS_INFO) as FailureClass[]).filter(
    (c) => failedBy.has(c) || recoveredBy.has(c) || runBy.has(c)
  )
  if (classes.length === 0) return undefined
  const rows = classes.map((c) => {
    const info = CLASS_INFO[c]
    return row([
      `\`${c}\``,
      String(failedBy.get(c) ?? 0),
      String(recoveredBy.get(c) ?? 0),
      String(runBy.get(c) ?? 0),
      info.retryable ? 'yes' : 'no',
      trustedCell(info.meaning),
      trustedCell(info.whatToDo)
    ])
  })
  return [
    '### Failure classes',
    '',
    header([
      'Class',
      'Failed lines',
      'Recovered lines',
      'Run-level',
      'Retryable',
      'Meaning',
      'What to do'
    ]),
    ...rows
  ].join('\n')
}

function cutNote(shown: number, total: number, what: string, artifact: string | undefined): string {
  const where =
    artifact !== undefined
      ? `the ${codeSpan(artifact, false)} artifact (JSON report)`
      : 'the JSON report'
  return `\n\n_Showing ${shown} of ${total} ${what}; the full list is in ${where}._`
}

function lineTable(input: SummaryInput, limits: SummaryLimits): string | undefined {
  if (input.lines.length === 0) return undefined
  const sorted = [...input.lines].sort((a, b) => statusRank(a) - statusRank(b))
  const validate = input.mode === 'validate'
  // In validate mode the findings table above already holds every message: a line shows the
  // codes of its findings only.
  const rows = lazyMap(sorted, (l) =>
    row([
      `${cell(l.file)}:${l.line}`,
      cell(l.source),
      cell(l.destination),
      statusText(l, input.mode),
      ...(validate
        ? [(l.codes ?? []).map((c) => codeSpan(truncate(c, 60))).join(' ')]
        : [
            l.classes.map((c) => `\`${c}\``).join(' '),
            cell(l.reasons.join('; '), MAX_REASON_CHARS)
          ])
    ])
  )
  const table = cappedTable(
    header(
      validate
        ? ['Line', 'Source', 'Destination', 'Status', 'Findings']
        : ['Line', 'Source', 'Destination', 'Status', 'Classes', 'Reason']
    ),
    rows,
    limits.maxLineRows,
    limits.maxLineBytes
  )
  const cut =
    table.shown < sorted.length
      ? cutNote(
          table.shown,
          sorted.length,
          validate ? 'lines (errors and warnings first)' : 'lines (failed first)',
          input.artifactName
        )
      : ''
  return `### Mapping lines\n\n${table.text}${cut}`
}

function findingTable(input: SummaryInput, limits: SummaryLimits): string | undefined {
  // Errors first (as GitHub lists annotations), each kind in mapping order; a stable sort.
  const findings = [...(input.findings ?? [])].sort(
    (a, b) => Number(a.severity !== 'error') - Number(b.severity !== 'error')
  )
  const runLevel = input.runLevel ?? []
  if (findings.length === 0 && runLevel.length === 0) return undefined
  const rows = [
    ...findings.map((f) =>
      row([
        f.severity,
        f.line > 0 ? `${cell(f.file)}:${f.line}` : cell(f.file),
        codeSpan(truncate(f.code, 60)),
        cell(f.message, MAX_REASON_CHARS)
      ])
    ),
    ...runLevel.map((f) =>
      row([
        f.severity,
        `log line ${f.logLine}`,
        `\`${f.class}\``,
        cell(`${f.reason}: ${f.text}`, MAX_REASON_CHARS)
      ])
    )
  ]
  const table = cappedTable(
    header(['Severity', 'Where', 'Code', 'Message']),
    rows,
    limits.maxFindingRows,
    limits.maxFindingBytes
  )
  const cut =
    table.shown < rows.length
      ? cutNote(table.shown, rows.length, 'findings', input.artifactName)
      : ''
  return `### Findings\n\n${table.text}${cut}`
}

interface AttemptColumn {
  readonly title: string
  /** undefined when the attempt has no value for it (e.g. skopeo prints no phase timings). */
  readonly value: (a: AttemptRow) => string | undefined
}

const ATTEMPT_COLUMNS: readonly AttemptColumn[] = [
  { title: 'Attempt', value: (a) => String(a.attempt) },
  { title: 'Lines run', value: (a) => String(a.linesRun) },
  { title: 'Chunks', value: (a) => (a.chunks !== undefined ? String(a.chunks) : undefined) },
  { title: 'Mirrored', value: (a) => String(a.mirrored) },
  { title: 'Failed', value: (a) => String(a.failed) },
  { title: 'Planning s', value: (a) => seconds(a.planningSeconds) },
  { title: 'Mirroring s', value: (a) => seconds(a.mirroringSeconds) },
  { title: 'Rate', value: (a) => (a.rate !== undefined ? cell(a.rate, 40) : undefined) },
  {
    title: 'Exit code',
    value: (a) =>
      a.exitCode === undefined ? undefined : a.exitCode === null ? 'killed' : String(a.exitCode)
  },
  { title: 'Duration s', value: (a) => seconds(a.durationSeconds) },
  // Retries: stale files removed, plain rerun, or --force (why: under the table).
  { title: 'Repair', value: (a) => (a.repair !== undefined ? cell(a.repair, 200) : undefined) }
]

/** One row per attempt; a column no attempt has a value for is left out. */
function attemptTable(input: SummaryInput): string | undefined {
  const attempts = input.attempts ?? []
  if (attempts.length === 0) return undefined
  const columns = ATTEMPT_COLUMNS.filter((c) => attempts.some((a) => c.value(a) !== undefined))
  const rows = attempts.map((a) => row(columns.map((c) => c.value(a) ?? '–')))
  const forced = (input.forced ?? []).map((f) => `\n${cell(f, 1000)}`)
  return ['### Attempts', '', header(columns.map((c) => c.title)), ...rows, ...forced].join('\n')
}

/** A YAML scalar for the snippet: bare when plain, else a JSON string (valid YAML). */
function yamlScalar(text: string): string {
  return /^[A-Za-z0-9][\w.-]*$/.test(text) ? text : JSON.stringify(text)
}

/** Where the lines not mirrored are, and a ready step that mirrors just them. */
function retrySection(input: SummaryInput): string | undefined {
  const retry = input.retry
  if (retry === undefined || retry.lines === 0) return undefined
  const count = plural(retry.lines, 'mapping line')
  if (retry.artifact === undefined) {
    return [
      '### Retry mapping',
      '',
      `The ${count} not mirrored are in ${codeSpan(truncate(retry.path, MAX_REF_CHARS), false)} on the runner (output \`retry-mapping\`); it was not uploaded, so feed the file back as \`mapping\` in a later step of this job.`
    ].join('\n')
  }
  const snippet = [
    `- uses: ${retry.uses}`,
    '  with:',
    `    retry-from: ${yamlScalar(retry.artifact)}`,
    ...(retry.runId !== undefined
      ? [
          `    run-id: ${yamlScalar(retry.runId)} # this run; leave out in a later job of the same run`,
          '    github-token: ${{ github.token }} # with actions: read, for another run'
        ]
      : []),
    '    # …and the same credentials, dir and filters as this step'
  ].join('\n')
  const longest = Math.max(0, ...(snippet.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [
    '### Retry mapping',
    '',
    `The ${count} not mirrored are in the artifact ${codeSpan(retry.artifact, false)} (\`${WORK_FILES.retryMapping}\`, also the \`retry-mapping\` output). To mirror just these lines in a later job or run:`,
    '',
    `${fence}yaml`,
    snippet,
    fence
  ].join('\n')
}

/** Renders the whole summary as Markdown (pure). */
export function renderSummary(
  input: SummaryInput,
  limits: SummaryLimits = DEFAULT_SUMMARY_LIMITS
): string {
  const sections = [
    `## ${cell(input.title ?? 'mirror-guard', 100)}`,
    outcome(input),
    ...(input.notes ?? []).map((n) => cell(n, 1000)),
    input.shards !== undefined ? renderShardTable(input.shards) : undefined,
    classTable(input),
    // Findings before lines: a few mapping problems must not hide below 500 fine lines.
    findingTable(input, limits),
    lineTable(input, limits),
    retrySection(input),
    attemptTable(input),
    input.toolVersion !== undefined ? `Tool version: ${cell(input.toolVersion, 200)}` : undefined,
    input.toolNote !== undefined ? cell(input.toolNote, 500) : undefined
  ]
  return sections.filter((s): s is string => s !== undefined).join('\n\n') + '\n'
}

/**
 * Appends Markdown to the step summary. Never throws: without GITHUB_STEP_SUMMARY (not on a
 * runner) or on a write error it returns the reason instead.
 */
export async function writeSummary(
  markdown: string
): Promise<{ written: boolean; reason?: string }> {
  try {
    await core.summary.addRaw(markdown).write()
    return { written: true }
  } catch (e) {
    core.summary.emptyBuffer()
    return { written: false, reason: errorMessage(e) }
  }
}
