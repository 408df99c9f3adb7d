// Job results → what the action shows: annotation and summary rows, the report's attempt data.
// Pure (types only from the github modules), so every mapping is testable on its own.
import { isRunSummary } from '../core/classify.js'
import { effectiveDestination } from '../core/mapping.js'
import type { LineVerdict, MappingEntry, MappingSet, Triage } from '../core/types.js'
import { shownFailure } from '../core/verdict-ledger.js'
import type { LineResult } from '../github/annotations.js'
import type { AttemptRow, SummaryLine } from '../github/summary.js'
import type { AttemptRecord, JobResult } from './job.js'

/** Where a mapping line is shown (annotation file and line). */
export type Locate = (file: string, line: number) => { file: string; line: number }

/** Each file's lines, split once per mapping set: originOf runs for every line of it. */
const splitCache = new WeakMap<ReadonlyMap<string, string>, Map<string, string[]>>()

function linesOf(texts: ReadonlyMap<string, string>, file: string): string[] | undefined {
  let files = splitCache.get(texts)
  if (!files) splitCache.set(texts, (files = new Map<string, string[]>()))
  let lines = files.get(file)
  if (lines === undefined) {
    const text = texts.get(file)
    if (text === undefined) return undefined
    files.set(file, (lines = text.split(/\r?\n/)))
  }
  return lines
}

/**
 * Where a line really comes from. A retry mapping (retry-from) has a `# file:line class: …`
 * comment before each line, written by renderRetryMapping: annotations point at that origin.
 */
export function originOf(
  texts: ReadonlyMap<string, string>,
  file: string,
  line: number
): { file: string; line: number } | undefined {
  if (line < 2) return undefined
  const prev = linesOf(texts, file)?.[line - 2] ?? ''
  const m = /^# (.+):(\d+) \S+: /.exec(prev)
  return m ? { file: m[1], line: Number(m[2]) } : undefined
}

/**
 * Run-level findings worth an annotation: those of the last attempt (earlier ones were
 * followed by a retry), without oc's closing `one or more errors occurred`, which only
 * summarises the per-line errors already annotated.
 */
export function annotatedRunLevel(
  triage: Triage,
  attempts: readonly AttemptRecord[]
): Triage['runLevel'] {
  const last = attempts[attempts.length - 1]
  return triage.runLevel.filter(
    (r) =>
      !isRunSummary(r.text) &&
      (last === undefined || (r.logLine >= last.logLines[0] && r.logLine <= last.logLines[1]))
  )
}

export function attemptRow(a: AttemptRecord): AttemptRow {
  return {
    attempt: a.attempt,
    linesRun: a.entryIds.length,
    mirrored: a.mirrored,
    failed: a.failed,
    ...(a.stats?.planningSeconds !== undefined ? { planningSeconds: a.stats.planningSeconds } : {}),
    ...(a.stats?.mirroringSeconds !== undefined
      ? { mirroringSeconds: a.stats.mirroringSeconds }
      : {}),
    ...(a.stats?.rate !== undefined ? { rate: a.stats.rate } : {}),
    exitCode: a.exitCode,
    durationSeconds: (Date.parse(a.endedAt) - Date.parse(a.startedAt)) / 1000,
    ...(a.chunks ? { chunks: a.chunks.length } : {}),
    ...(a.attempt > 1 || a.repairs.length > 0 ? { repair: repairCell(a) } : {})
  }
}

/** The attempt table's "Repair" cell: what was done to the lines before this retry. */
export function repairCell(a: AttemptRecord): string {
  const n = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`
  const removal = a.repairs.filter((r) => r.method === 'remove-stale')
  const plain = a.repairs.filter((r) => r.method === 'plain').length
  const forced = a.repairs.filter((r) => r.method === 'force').length
  const parts: string[] = []
  if (removal.length > 0) {
    const files = removal.reduce((k, r) => k + r.removed.length, 0)
    parts.push(`${n(files, 'stale file')} removed (${n(removal.length, 'line')})`)
  }
  if (plain > 0) parts.push(`plain rerun (${n(plain, 'line')})`)
  if (forced > 0) parts.push(`--force (${n(forced, 'line')})`)
  else if (a.force) parts.push('--force')
  return parts.join(', ') || '–'
}

export function attemptJson(a: AttemptRecord): Record<string, unknown> {
  return {
    attempt: a.attempt,
    command: a.command,
    mappingFile: a.mappingFile,
    entryIds: a.entryIds,
    force: a.force,
    repairs: a.repairs,
    maxPerRegistry: a.maxPerRegistry,
    delayBeforeMs: a.delayBeforeMs,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    exitCode: a.exitCode,
    signal: a.signal,
    timedOut: a.timedOut,
    aborted: a.aborted,
    mirrored: a.mirrored,
    failed: a.failed,
    stats: a.stats,
    logLines: a.logLines,
    verified: a.verified,
    ...(a.chunks ? { chunks: a.chunks } : {})
  }
}

/**
 * One row per verdict for annotations and the summary. A recovered line carries the classes
 * and reasons it recovered from (`shownFailure`), so the notice can say what happened.
 */
export function lineResults(
  set: MappingSet,
  verdicts: readonly LineVerdict[],
  job: Pick<JobResult, 'attempts' | 'lastFailure'>,
  locate: Locate
): (LineResult & SummaryLine)[] {
  const byId = new Map<number, MappingEntry>(set.entries.map((e) => [e.id, e]))
  return verdicts.flatMap((v) => {
    const e = byId.get(v.entryId)
    if (!e) return []
    const at = locate(e.file, e.line)
    const shown = shownFailure(v, job.lastFailure)
    return [
      {
        file: at.file,
        line: at.line,
        status: v.status,
        classes: shown.classes,
        reasons: shown.reasons,
        attempts: job.attempts.filter((a) => a.entryIds.includes(v.entryId)).length,
        retryable: v.retryable,
        source: e.source.raw,
        destination: effectiveDestination(e),
        ...(v.recoveredAfter !== undefined ? { recoveredAfter: v.recoveredAfter } : {})
      }
    ]
  })
}
