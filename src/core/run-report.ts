// Everything a finished mirror run reports, built once as one value: the final verdicts, the
// outcome and counts (the step's outputs), the retry mapping, the JSON report, the rows for
// annotations and the summary, and the closing message. Pure: src/action/finish.ts only emits
// it (files, annotations, artifacts, summary, outputs, exit code).
import { isRunSummary } from './classify.js'
import { effectiveDestination } from './mapping.js'
import { formatOcVersion, type OcClientVersion } from './oc-version.js'
import { computeOutcome, failedByClass, type Outcome } from './outcome.js'
import type { Redactor } from './redact.js'
import type { LineRepair } from './repair-plan.js'
import { buildReport } from './report.js'
import { renderRetryMapping } from './retry-mapping.js'
import type { MappingFileDigest } from './shard-merge.js'
import type {
  AttemptStats,
  FailureClass,
  LineStatus,
  LineVerdict,
  MappingEntry,
  MappingFinding,
  MappingSet,
  RunFinding,
  Triage
} from './types.js'
import { finalTriage, shownFailure } from './verdict-ledger.js'
import { plural } from './text.js'

/** What the report says of one attempt (the attempt loop's AttemptRecord extends it). */
export interface ReportedAttempt {
  readonly attempt: number
  readonly command: readonly string[]
  readonly mappingFile: string
  readonly entryIds: readonly number[]
  readonly force: boolean
  readonly repairs: readonly {
    readonly entryId: number
    readonly method: LineRepair['method']
    readonly removed: readonly string[]
    readonly why: string
  }[]
  readonly maxPerRegistry?: number
  readonly delayBeforeMs: number
  readonly startedAt: string
  readonly endedAt: string
  readonly exitCode: number | null
  readonly signal?: string
  readonly timedOut: boolean
  readonly aborted: boolean
  readonly mirrored: number
  readonly failed: number
  readonly stats?: AttemptStats
  readonly logLines: readonly [number, number]
  readonly verified: { readonly checked: number; readonly incomplete: number }
  /** With chunk-size: the attempt's engine invocations. */
  readonly chunks?: readonly ReportedChunk[]
}

/** One engine invocation of a chunked attempt (`chunk-size`). */
export interface ReportedChunk {
  readonly chunk: number
  readonly entryIds: readonly number[]
  /** More entries than chunk-size: one destination repository (or line) that cannot be split. */
  readonly oversized: boolean
  readonly mappingFile: string
  readonly command: readonly string[]
  readonly startedAt: string
  readonly endedAt: string
  readonly exitCode: number | null
  readonly signal?: string
  readonly timedOut: boolean
  readonly aborted: boolean
  readonly budgetStopped: boolean
  readonly logLines: readonly [number, number]
}

/** One line as annotations and the summary show it. */
export interface ReportedLine {
  readonly file: string
  readonly line: number
  readonly status: LineStatus
  readonly classes: readonly FailureClass[]
  readonly reasons: readonly string[]
  /** Attempts that ran this line. */
  readonly attempts: number
  readonly retryable: boolean
  readonly source: string
  readonly destination: string
  readonly recoveredAfter?: number
}

/** Where a mapping line is shown (annotation file and line). */
export type Locate = (file: string, line: number) => { file: string; line: number }

export interface RunReportInput {
  readonly set: MappingSet
  /** The job's verdicts as the attempt loop left them. */
  readonly triage: Triage
  readonly lastFailure: ReadonlyMap<number, LineVerdict>
  readonly attempts: readonly ReportedAttempt[]
  readonly aborted: boolean
  readonly fatal?: string
  /** Lines kept as mirrored without verification (allow-unverified). */
  readonly keptUnverified: number
  readonly dryRun: boolean
  readonly shard?: { readonly index: number; readonly count: number }
  readonly files: readonly MappingFileDigest[]
  readonly engine: string
  readonly toolVersion: string
  readonly ocVersion?: OcClientVersion
  readonly locate: Locate
  /** Applied to the verdicts, the JSON report, the rows and the closing message. */
  readonly redaction: Redactor
  /** The time budget ended the run (outcome `out-of-time` unless every line is mirrored). */
  readonly stoppedBy?: 'time-budget'
  readonly timeBudget?: {
    readonly seconds: number
    readonly reserveSeconds: number
    readonly stopAfterSeconds: number
  }
}

export interface RunReport {
  readonly outcome: Outcome
  /** Final verdicts (a dry run's silent lines planned), redacted. */
  readonly triage: Triage
  readonly counts: {
    readonly lines: number
    readonly mirrored: number
    readonly failed: number
    /** Lines failed `unverified` plus lines kept without verification. */
    readonly unverified: number
  }
  readonly failedByClass: Partial<Record<FailureClass, number>>
  /** The retry mapping's text; '' when every line is mirrored, and in a dry run. */
  readonly retryMapping: string
  /** The JSON report (report.schema.json), redacted. */
  readonly document: Record<string, unknown>
  readonly lines: readonly ReportedLine[]
  /** The mapping's findings, located. */
  readonly findings: readonly MappingFinding[]
  /** Run-level findings worth an annotation (the last attempt's). */
  readonly annotatedRunLevel: readonly RunFinding[]
  /** Run-level findings for the summary (without oc's closing summary line). */
  readonly summaryRunLevel: readonly RunFinding[]
  /** Confirmed mirrored: what the post step may trust. */
  readonly confirmedIds: readonly number[]
  /** Sentences for the summary: each attempt that passed --force, and why. */
  readonly forced: readonly string[]
  /** Notes for the summary. */
  readonly notes: readonly string[]
  /** How the step ends: failed (fatal), failures per on-failure, or all well. */
  readonly conclusion:
    | { readonly kind: 'fatal'; readonly message: string }
    | { readonly kind: 'failures'; readonly message: string }
    | { readonly kind: 'success'; readonly message: string }
}

export function buildRunReport(input: RunReportInput): RunReport {
  const { redaction, set } = input
  const triage = redaction.deep(finalTriage(input.triage, { dryRun: input.dryRun }))
  const verdicts = triage.verdicts
  const outcome = computeOutcome(
    verdicts,
    input.fatal !== undefined || input.aborted,
    input.stoppedBy === 'time-budget'
  )
  // Every line not mirrored (also the permanent ones, so a later job sees them).
  const retryMapping = input.dryRun ? '' : renderRetryMapping(set, verdicts)
  const mirrored = verdicts.filter((v) => v.status === 'mirrored').length
  const failed = verdicts.length - mirrored
  const byClass = failedByClass(verdicts)
  const document = redaction.deep({
    ...(input.shard ? { shard: { index: input.shard.index, count: input.shard.count } } : {}),
    mapping: { files: input.files, entries: set.entries.length },
    ...buildReport(set, triage),
    run: {
      mode: input.dryRun ? 'dry-run' : 'mirror',
      engine: input.engine,
      toolVersion: input.toolVersion,
      ...(input.engine === 'oc'
        ? {
            ocVersion:
              input.ocVersion !== undefined
                ? { ...input.ocVersion, version: formatOcVersion(input.ocVersion) }
                : null
          }
        : {}),
      outcome,
      aborted: input.aborted,
      ...(input.stoppedBy !== undefined ? { stoppedBy: input.stoppedBy } : {}),
      ...(input.timeBudget !== undefined ? { timeBudget: input.timeBudget } : {}),
      ...(input.fatal !== undefined ? { fatal: input.fatal } : {}),
      attempts: input.attempts.map(attemptJson)
    }
  })
  const what = input.dryRun ? 'have planning errors' : 'not mirrored'
  return {
    outcome,
    triage,
    counts: {
      lines: verdicts.length,
      mirrored,
      failed,
      unverified: input.keptUnverified + (byClass.unverified ?? 0)
    },
    failedByClass: byClass,
    retryMapping,
    document,
    lines: redaction.deep(lineResults(set, verdicts, input, input.locate)),
    findings: set.findings.map((x) => ({ ...x, ...input.locate(x.file, x.line) })),
    annotatedRunLevel: annotatedRunLevel(triage, input.attempts),
    summaryRunLevel: triage.runLevel.filter((r) => !isRunSummary(r.text)),
    confirmedIds: verdicts.filter((v) => v.status === 'mirrored').map((v) => v.entryId),
    forced: forcedAttempts(input.attempts),
    notes:
      input.keptUnverified > 0
        ? [
            `${input.keptUnverified} line(s) kept as mirrored without verification (allow-unverified: true): the destination could not be read back.`
          ]
        : [],
    conclusion:
      input.fatal !== undefined
        ? { kind: 'fatal', message: redaction.text(`mirror-guard: ${input.fatal}`) }
        : outcome !== 'success'
          ? {
              kind: 'failures',
              message: `${failed} of ${plural(verdicts.length, 'mapping entry', 'mapping entries')} ${what} (outcome: ${outcome})`
            }
          : {
              kind: 'success',
              message: input.dryRun
                ? `Dry run: all ${verdicts.length} mapping entries planned without errors.`
                : `All ${verdicts.length} mapping entries mirrored in ${input.attempts.length} attempt(s).`
            }
  }
}

/** The report's record of an attempt: the same fields, in a fixed order. */
export function attemptJson(a: ReportedAttempt): Record<string, unknown> {
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
  job: {
    readonly attempts: readonly Pick<ReportedAttempt, 'entryIds'>[]
    readonly lastFailure: ReadonlyMap<number, LineVerdict>
  },
  locate: Locate
): ReportedLine[] {
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

/**
 * Run-level findings worth an annotation: those of the last attempt (earlier ones were
 * followed by a retry), without oc's closing `one or more errors occurred`, which only
 * summarises the per-line errors already annotated.
 */
export function annotatedRunLevel(
  triage: Triage,
  attempts: readonly Pick<ReportedAttempt, 'logLines'>[]
): Triage['runLevel'] {
  const last = attempts[attempts.length - 1]
  return triage.runLevel.filter(
    (r) =>
      !isRunSummary(r.text) &&
      (last === undefined || (r.logLine >= last.logLines[0] && r.logLine <= last.logLines[1]))
  )
}

/** Sentences for the summary: each attempt that passed --force, and why. */
export function forcedAttempts(
  attempts: readonly Pick<ReportedAttempt, 'attempt' | 'force' | 'repairs' | 'entryIds'>[]
): string[] {
  return attempts
    .filter((a) => a.force)
    .map((a) => {
      const why = [...new Set(a.repairs.filter((r) => r.method === 'force').map((r) => r.why))]
      return `Attempt ${a.attempt} passed --force (oc downloads every layer of its ${plural(a.entryIds.length, 'line')} again): ${why.join('; ') || 'force-on-retry'}.`
    })
}
