// After the attempts: report JSON, retry mapping, annotations, artifacts, summary, outputs,
// and the step's verdict.
import * as core from '@actions/core'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isRunSummary } from '../core/classify.js'
import { Redactor } from '../core/redact.js'
import { formatOcVersion, ocVersionNote, type OcClientVersion } from '../core/oc-version.js'
import { buildReport, renderRetryMapping } from '../core/report.js'
import type { MappingFileDigest } from '../core/shard-merge.js'
import { stepEnd, workEnd, type TimeBudget } from '../core/time-budget.js'
import type { MappingFinding, MappingSet } from '../core/types.js'
import { finalTriage } from '../core/verdict-ledger.js'
import { emitAnnotations, planAnnotations } from '../github/annotations.js'
import { uploadFiles } from '../github/artifacts.js'
import { renderSummary } from '../github/summary.js'
import type { JobResult } from '../run/job.js'
import { computeOutcome, failedByClass } from '../run/outcome.js'
import { annotatedRunLevel, attemptJson, attemptRow, lineResults } from '../run/present.js'
import { setOutputs, summarise, verdict, type Ctx } from './context.js'

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
  readonly locate: (file: string, line: number) => { file: string; line: number }
  /** The mapping files and their digests (for `mirror-guard merge` and the aggregate). */
  readonly files: readonly MappingFileDigest[]
  /** Applied to everything written: report, annotations, summary, outputs, messages. */
  readonly redaction?: Redactor
  /** The run's stop signal: once aborted, uploads get only a few seconds. */
  readonly signal?: AbortSignal
  /** The time budget: uploads end with it. */
  readonly budget?: TimeBudget
}

/** Sentences for the summary: each attempt that passed --force, and why. */
function forcedAttempts(job: JobResult): string[] {
  return job.attempts
    .filter((a) => a.force)
    .map((a) => {
      const why = [...new Set(a.repairs.filter((r) => r.method === 'force').map((r) => r.why))]
      return `Attempt ${a.attempt} passed --force (oc downloads every layer of its ${a.entryIds.length} line${a.entryIds.length === 1 ? '' : 's'} again): ${why.join('; ') || 'force-on-retry'}.`
    })
}

export async function finish(ctx: Ctx, f: FinishInput): Promise<void> {
  const { inputs } = ctx
  const redaction = f.redaction ?? new Redactor()
  const triage = redaction.deep(finalTriage(f.job.triage, { dryRun: inputs.dryRun }))
  const verdicts = triage.verdicts
  const report = buildReport(f.set, triage)
  const outcome = computeOutcome(
    verdicts,
    f.job.fatal !== undefined || f.job.aborted,
    f.job.stoppedBy === 'time-budget'
  )

  // Retry mapping: every line not mirrored (also the permanent ones, so a later job sees them).
  const retryText = inputs.dryRun ? '' : renderRetryMapping(f.set, verdicts)
  const retryPath = join(ctx.workDir, 'retry-mapping.txt')
  if (retryText !== '') writeFileSync(retryPath, retryText)

  const reportPath = join(ctx.workDir, 'report.json')
  const mirrored = verdicts.filter((v) => v.status === 'mirrored').length
  const failed = verdicts.length - mirrored
  writeFileSync(
    reportPath,
    JSON.stringify(
      redaction.deep({
        ...(inputs.shard
          ? { shard: { index: inputs.shard.index, count: inputs.shard.count } }
          : {}),
        mapping: { files: f.files, entries: f.set.entries.length },
        ...report,
        run: {
          mode: inputs.dryRun ? 'dry-run' : 'mirror',
          engine: f.engine,
          toolVersion: f.toolVersion,
          ...(f.engine === 'oc'
            ? {
                ocVersion:
                  f.ocVersion !== undefined
                    ? { ...f.ocVersion, version: formatOcVersion(f.ocVersion) }
                    : null
              }
            : {}),
          outcome,
          aborted: f.job.aborted,
          ...(f.job.stoppedBy !== undefined ? { stoppedBy: f.job.stoppedBy } : {}),
          ...(f.budget
            ? {
                timeBudget: {
                  seconds: f.budget.budgetMs / 1000,
                  reserveSeconds: f.budget.reserveMs / 1000,
                  stopAfterSeconds: (workEnd(f.budget) - f.budget.startMs) / 1000
                }
              }
            : {}),
          ...(f.job.fatal !== undefined ? { fatal: f.job.fatal } : {}),
          attempts: f.job.attempts.map(attemptJson)
        }
      }),
      null,
      2
    )
  )

  // Annotations on the mapping lines.
  const lines = redaction.deep(lineResults(f.set, verdicts, f.job, f.locate))
  const findings: MappingFinding[] = f.set.findings.map((x) => ({
    ...x,
    ...f.locate(x.file, x.line)
  }))
  emitAnnotations(
    planAnnotations({
      lines: inputs.onFailure === 'ignore' ? lines.filter((l) => l.status === 'mirrored') : lines,
      findings,
      runLevel: annotatedRunLevel(triage, f.job.attempts),
      moreAt: inputs.upload ? `the ${inputs.artifactName} artifact` : 'the JSON report'
    })
  )

  // Artifacts.
  let logArtifactId = ''
  let retryArtifactId = ''
  const uploaded: string[] = []
  if (inputs.upload) {
    const files = [
      f.logPath,
      reportPath,
      ...f.job.attempts.flatMap((a) => [a.stdoutFile, a.stderrFile])
    ].filter((p) => existsSync(p))
    const limit = uploadLimit(f)
    const opts = {
      ...(inputs.retentionDays !== undefined ? { retentionDays: inputs.retentionDays } : {}),
      ...limit.options
    }
    const up = await uploadFiles(inputs.artifactName, files, ctx.workDir, opts)
    if (up.id !== undefined) {
      logArtifactId = String(up.id)
      uploaded.push(inputs.artifactName)
    }
    let skipped = up.skipped
    if (up.warning !== undefined) core.warning(up.warning, { title: 'artifact upload' })
    if (retryText !== '') {
      const r = await uploadFiles(inputs.retryArtifactName, [retryPath], ctx.workDir, opts)
      if (r.id !== undefined) {
        retryArtifactId = String(r.id)
        uploaded.push(inputs.retryArtifactName)
      }
      if (r.warning !== undefined) core.warning(r.warning, { title: 'artifact upload' })
      skipped ??= r.skipped
    }
    limit.dispose()
    if (skipped !== undefined && up.id === undefined) {
      const note = `${skipped} The files are still on the runner: ${ctx.workDir}`
      core.notice(note, { title: 'artifacts' })
      f.notes.push(note)
    }
  }
  ctx.state = {
    ...ctx.state,
    uploaded,
    confirmedIds: verdicts.filter((v) => v.status === 'mirrored').map((v) => v.entryId)
  }

  // Summary.
  const unverified = f.job.keptUnverifiedIds.length + (failedByClass(verdicts).unverified ?? 0)
  if (f.job.keptUnverifiedIds.length > 0) {
    f.notes.push(
      `${f.job.keptUnverifiedIds.length} line(s) kept as mirrored without verification (allow-unverified: true): the destination could not be read back.`
    )
  }
  const retryLines = verdicts.filter((v) => v.status !== 'mirrored').length
  await summarise(ctx, () =>
    redaction.text(
      renderSummary({
        title:
          (inputs.dryRun ? 'mirror-guard: dry run' : 'mirror-guard') +
          (inputs.shard ? ` (shard ${inputs.shard.index}/${inputs.shard.count})` : ''),
        mode: inputs.dryRun ? 'dry-run' : 'mirror',
        lines,
        findings,
        runLevel: triage.runLevel.filter((r) => !isRunSummary(r.text)),
        attempts: f.job.attempts.map(attemptRow),
        toolVersion: f.toolVersion.split('\n')[0] ?? f.toolVersion,
        ...(f.engine === 'oc' ? { toolNote: ocVersionNote(f.ocVersion) } : {}),
        forced: forcedAttempts(f.job),
        artifactName: inputs.artifactName,
        notes: f.notes,
        ...(retryText !== ''
          ? {
              retry: {
                lines: retryLines,
                path: retryPath,
                ...(retryArtifactId !== '' ? { artifact: inputs.retryArtifactName } : {}),
                ...(process.env['GITHUB_RUN_ID'] ? { runId: process.env['GITHUB_RUN_ID'] } : {}),
                uses: actionRef()
              }
            }
          : {})
      })
    )
  )

  setOutputs({
    outcome,
    attempts: String(f.job.attempts.length),
    mirrored: String(mirrored),
    failed: String(failed),
    'failed-by-class': JSON.stringify(failedByClass(verdicts)),
    unverified: String(unverified),
    'retry-mapping': retryText !== '' ? retryPath : '',
    report: reportPath,
    log: f.logPath,
    'log-artifact-id': logArtifactId,
    'retry-artifact-id': retryArtifactId
  })

  if (f.job.fatal !== undefined) {
    core.setFailed(redaction.text(`mirror-guard: ${f.job.fatal}`))
  } else if (outcome !== 'success') {
    const what = inputs.dryRun ? 'have planning errors' : 'not mirrored'
    verdict(
      ctx,
      `${failed} of ${verdicts.length} mapping entr${verdicts.length === 1 ? 'y' : 'ies'} ${what} (outcome: ${outcome})`
    )
  } else {
    core.info(
      inputs.dryRun
        ? `Dry run: all ${verdicts.length} mapping entries planned without errors.`
        : `All ${verdicts.length} mapping entries mirrored in ${f.job.attempts.length} attempt(s).`
    )
  }
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

/** How a workflow refers to this action: `owner/name@ref` as the runner ran it. */
function actionRef(): string {
  const repo = process.env['GITHUB_ACTION_REPOSITORY'] ?? ''
  const ref = process.env['GITHUB_ACTION_REF'] ?? ''
  const plain = /^[\w.-]+\/[\w.-]+$/.test(repo) && /^[\w./-]+$/.test(ref)
  // `uses: ./` (a local checkout) sets neither: fall back to the published name.
  return plain ? `${repo}@${ref}` : 'mirror-guard/mirror-guard@v1'
}
