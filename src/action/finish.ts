// After the attempts: one run report (src/core/run-report.ts), then emitted in sequence —
// the report and retry mapping files, annotations, artifacts, the run state, the job summary,
// the outputs, and how the step ends.
import * as core from '@actions/core'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ocVersionNote, type OcClientVersion } from '../core/oc-version.js'
import { Redactor } from '../core/redact.js'
import { buildRunReport, type Locate, type RunReport } from '../core/run-report.js'
import type { MappingFileDigest } from '../core/shard-merge.js'
import { stepEnd, workEnd, type TimeBudget } from '../core/time-budget.js'
import type { MappingSet } from '../core/types.js'
import { WORK_FILES } from '../core/work-files.js'
import { emitAnnotations, planAnnotations } from '../github/annotations.js'
import { uploadFiles } from '../github/artifacts.js'
import { renderSummary } from '../github/summary.js'
import type { JobResult } from '../run/job.js'
import {
  failStepPerOnFailure,
  sayArtifactResult,
  setOutputs,
  summarise,
  syncRetryArtifact,
  type ActionStep
} from './context.js'
import { attemptRow } from './present.js'

export interface FinishInput {
  readonly set: MappingSet
  readonly texts: ReadonlyMap<string, string>
  readonly job: JobResult
  readonly toolVersion: string
  /** Parsed from `toolVersion` with engine oc; undefined when unreadable. */
  readonly ocVersion?: OcClientVersion
  readonly engine: string
  readonly logPath: string
  readonly notes: string[]
  readonly locate: Locate
  /** The mapping files and their digests (for `mirror-guard merge` and the aggregate). */
  readonly files: readonly MappingFileDigest[]
  /** Applied to everything written: report, annotations, summary, outputs, messages. */
  readonly redaction?: Redactor
  /** The run's stop signal: once aborted, uploads get only a few seconds. */
  readonly signal?: AbortSignal
  /** The time budget: uploads end with it. */
  readonly budget?: TimeBudget
}

/** Where the report's files are written in the work directory. */
interface WrittenFiles {
  readonly reportPath: string
  readonly retryPath: string
}

/** What the artifact uploads gave: ids for the outputs, names for the post step. */
interface UploadedArtifacts {
  readonly logArtifactId: string
  readonly retryArtifactId: string
  readonly uploaded: readonly string[]
}

export async function finish(step: ActionStep, f: FinishInput): Promise<void> {
  const { inputs } = step
  const report = buildRunReport({
    set: f.set,
    triage: f.job.triage,
    lastFailure: f.job.lastFailure,
    attempts: f.job.attempts,
    aborted: f.job.aborted,
    ...(f.job.fatal !== undefined ? { fatal: f.job.fatal } : {}),
    keptUnverified: f.job.keptUnverifiedIds.length,
    dryRun: inputs.dryRun,
    ...(inputs.shard ? { shard: inputs.shard } : {}),
    files: f.files,
    engine: f.engine,
    toolVersion: f.toolVersion,
    ...(f.ocVersion !== undefined ? { ocVersion: f.ocVersion } : {}),
    locate: f.locate,
    redaction: f.redaction ?? new Redactor(),
    ...(f.job.stoppedBy !== undefined ? { stoppedBy: f.job.stoppedBy } : {}),
    ...(f.budget
      ? {
          timeBudget: {
            seconds: f.budget.budgetMs / 1000,
            reserveSeconds: f.budget.reserveMs / 1000,
            stopAfterSeconds: (workEnd(f.budget) - f.budget.startMs) / 1000
          }
        }
      : {})
  })
  const written = writeReportFiles(step, report)
  annotate(step, report)
  const artifacts = await uploadArtifacts(step, f, report, written)
  step.runState.update({ uploaded: artifacts.uploaded, confirmedIds: report.confirmedIds })
  await summariseRun(step, f, report, written, artifacts)
  setOutputs({
    outcome: report.outcome,
    attempts: String(f.job.attempts.length),
    mirrored: String(report.counts.mirrored),
    failed: String(report.counts.failed),
    'failed-by-class': JSON.stringify(report.failedByClass),
    unverified: String(report.counts.unverified),
    'retry-mapping': report.retryMapping !== '' ? written.retryPath : '',
    report: written.reportPath,
    log: f.logPath,
    'log-artifact-id': artifacts.logArtifactId,
    'retry-artifact-id': artifacts.retryArtifactId
  })
  conclude(step, report)
}

/** report.json always; retry-mapping.txt when some line is not mirrored. */
function writeReportFiles(step: ActionStep, report: RunReport): WrittenFiles {
  const retryPath = join(step.workDir, WORK_FILES.retryMapping)
  if (report.retryMapping !== '') writeFileSync(retryPath, report.retryMapping)
  const reportPath = join(step.workDir, WORK_FILES.report)
  writeFileSync(reportPath, JSON.stringify(report.document, null, 2))
  return { reportPath, retryPath }
}

/** Annotations on the mapping lines (with on-failure: ignore, only the mirrored ones). */
function annotate(step: ActionStep, report: RunReport): void {
  const { inputs } = step
  emitAnnotations(
    planAnnotations({
      lines:
        inputs.onFailure === 'ignore'
          ? report.lines.filter((l) => l.status === 'mirrored')
          : report.lines,
      findings: report.findings,
      runLevel: report.annotatedRunLevel,
      moreAt: inputs.upload ? `the ${inputs.artifactName} artifact` : 'the JSON report'
    })
  )
}

/** The log artifact (combined log, report, attempt streams) and the retry artifact. */
async function uploadArtifacts(
  step: ActionStep,
  f: FinishInput,
  report: RunReport,
  written: WrittenFiles
): Promise<UploadedArtifacts> {
  const { inputs } = step
  let logArtifactId = ''
  let retryArtifactId = ''
  const uploaded: string[] = []
  if (!inputs.upload) return { logArtifactId, retryArtifactId, uploaded }
  const files = [
    f.logPath,
    written.reportPath,
    ...f.job.attempts.flatMap((a) => [a.stdoutFile, a.stderrFile])
  ].filter((p) => existsSync(p))
  const limit = uploadLimit(f)
  const opts = {
    ...(inputs.retentionDays !== undefined ? { retentionDays: inputs.retentionDays } : {}),
    ...limit.options
  }
  const up = await uploadFiles(inputs.artifactName, files, step.workDir, opts)
  if (up.id !== undefined) {
    logArtifactId = String(up.id)
    uploaded.push(inputs.artifactName)
  }
  let skipped = up.skipped
  sayArtifactResult(up)
  const r = await syncRetryArtifact(
    inputs.retryArtifactName,
    report.retryMapping !== '' ? written.retryPath : undefined,
    step.workDir,
    opts
  )
  if (r.id !== undefined) {
    retryArtifactId = String(r.id)
    uploaded.push(inputs.retryArtifactName)
  }
  skipped ??= r.skipped
  limit.dispose()
  if (skipped !== undefined && up.id === undefined) {
    const note = `${skipped} The files are still on the runner: ${step.workDir}`
    core.notice(note, { title: 'artifacts' })
    f.notes.push(note)
  }
  return { logArtifactId, retryArtifactId, uploaded }
}

/** The job summary: lines, findings, attempts, the retry mapping and a ready retry-from step. */
async function summariseRun(
  step: ActionStep,
  f: FinishInput,
  report: RunReport,
  written: WrittenFiles,
  artifacts: UploadedArtifacts
): Promise<void> {
  const { inputs } = step
  f.notes.push(...report.notes)
  const redaction = f.redaction ?? new Redactor()
  await summarise(step, () =>
    redaction.text(
      renderSummary({
        title:
          (inputs.dryRun ? 'mirror-guard: dry run' : 'mirror-guard') +
          (inputs.shard ? ` (shard ${inputs.shard.index}/${inputs.shard.count})` : ''),
        mode: inputs.dryRun ? 'dry-run' : 'mirror',
        lines: report.lines,
        findings: report.findings,
        runLevel: report.summaryRunLevel,
        attempts: f.job.attempts.map(attemptRow),
        toolVersion: f.toolVersion.split('\n')[0] ?? f.toolVersion,
        ...(f.engine === 'oc' ? { toolNote: ocVersionNote(f.ocVersion) } : {}),
        forced: report.forced,
        artifactName: inputs.artifactName,
        notes: f.notes,
        ...(report.retryMapping !== ''
          ? {
              retry: {
                lines: report.counts.failed,
                path: written.retryPath,
                ...(artifacts.retryArtifactId !== '' ? { artifact: inputs.retryArtifactName } : {}),
                ...(process.env['GITHUB_RUN_ID'] ? { runId: process.env['GITHUB_RUN_ID'] } : {}),
                uses: actionRef()
              }
            }
          : {})
      })
    )
  )
}

/** How the step ends: failed on a fatal error, per on-failure for failed lines, else a log line. */
function conclude(step: ActionStep, report: RunReport): void {
  const c = report.conclusion
  if (c.kind === 'fatal') core.setFailed(c.message)
  else if (c.kind === 'failures') failStepPerOnFailure(step, c.message)
  else core.info(c.message)
}

/** How a workflow refers to this action: `owner/name@ref` as the runner ran it. */
export function actionRef(): string {
  const repo = process.env['GITHUB_ACTION_REPOSITORY'] ?? ''
  const ref = process.env['GITHUB_ACTION_REF'] ?? ''
  const plain = /^[\w.-]+\/[\w.-]+$/.test(repo) && /^[\w./-]+$/.test(ref)
  // `uses: ./` (a local checkout) sets neither: fall back to the published name.
  return plain ? `${repo}@${ref}` : 'mirror-guard/mirror-guard@v1'
}

/**
 * The uploads' stop signal: the run's own (a cancel gives them 8 s), and with a time budget
 * one that fires 3 s before the step's end, with 2 s of grace (for a cancel too).
 */
function uploadLimit(f: FinishInput): {
  options: { signal?: AbortSignal; graceMs?: number; stoppedBecause?: string }
  dispose: () => void
} {
  if (!f.budget) return { options: f.signal ? { signal: f.signal } : {}, dispose: () => {} }
  const ctl = new AbortController()
  const stop = (): void => ctl.abort(f.signal?.reason)
  if (f.signal?.aborted) stop()
  else f.signal?.addEventListener('abort', stop, { once: true })
  const timer = setTimeout(
    () => ctl.abort(new Error('time budget')),
    Math.max(0, stepEnd(f.budget) - 3_000 - Date.now())
  )
  return {
    options: {
      signal: ctl.signal,
      graceMs: 2_000,
      stoppedBecause: 'the time budget ran out (or the run was cancelled)'
    },
    dispose: () => {
      clearTimeout(timer)
      f.signal?.removeEventListener('abort', stop)
    }
  }
}
