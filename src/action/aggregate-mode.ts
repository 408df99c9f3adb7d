// mode: aggregate — the final job of a `shard: I/N` matrix (`needs:` it, `if: always()`):
// downloads every shard's report.json from this run, merges them against the mapping, and
// reports as one big run would: one outcome and the same outputs, one summary with a per-shard
// table, annotations within GitHub's budget, one retry mapping under `retry-artifact-name`.
import * as core from '@actions/core'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isRunSummary } from '../core/classify.js'
import { loadMappingFiles } from '../core/mapping-files.js'
import { Redactor } from '../core/redact.js'
import { plural } from '../core/text.js'
import { WORK_FILES } from '../core/work-files.js'
import { aggregateShards } from '../core/shard-aggregate.js'
import { computeOutcome, failedByClass } from '../core/outcome.js'
import { masksFor } from '../core/secret-values.js'
import { mappingDigests } from '../core/shard-merge.js'
import type { RunFinding } from '../core/types.js'
import { emitAnnotations, planAnnotations, type LineResult } from '../github/annotations.js'
import { uploadFiles } from '../github/artifacts.js'
import { downloadShardReports } from '../github/shard-reports.js'
import { renderSummary, type SummaryLine } from '../github/summary.js'
import {
  annotationPath,
  failStepPerOnFailure,
  sayArtifactResult,
  setOutputs,
  summarise,
  syncRetryArtifact,
  type ActionStep
} from './context.js'
import { actionRef } from './finish.js'

export async function aggregateMode(step: ActionStep, signal: AbortSignal): Promise<void> {
  const { inputs } = step
  const count = inputs.shardCount
  if (count === undefined) throw new Error('mode: aggregate without a shard count')
  // Reports were redacted by their shards; the aggregate's own secrets (if the step was given
  // any) must not reach what it writes either.
  const redaction = new Redactor(
    inputs.registryAuth !== undefined ? masksFor(inputs.registryAuth) : []
  )

  // 1. The mapping: bad input stops here, before anything is downloaded.
  const { set, texts } = await loadMappingFiles(inputs.mapping, step.cwd)
  const findings = set.findings.map((f) => ({ ...f, file: annotationPath(step, f.file) }))
  const parseErrors = findings.filter((f) => f.severity === 'error')
  if (parseErrors.length > 0) {
    emitAnnotations(planAnnotations({ lines: [], findings, moreAt: 'the job summary' }))
    await summarise(step, () =>
      renderSummary({
        title: `mirror-guard: aggregate of ${count} shards`,
        lines: [],
        findings,
        notes: [`The mapping has ${parseErrors.length} error(s); no shard report was read.`]
      })
    )
    setOutputs({ outcome: 'failed', failed: String(set.entries.length) })
    failStepPerOnFailure(
      step,
      `mapping has ${parseErrors.length} error(s); no shard report was read`,
      true
    )
    return
  }
  const files = mappingDigests(
    inputs.mapping.map((file) => ({ file, text: texts.get(file) ?? '' }))
  )

  // 2. The shards' reports. Without the artifact service every shard is missing: its lines go
  // to the retry mapping like those of a lost runner.
  const got = await downloadShardReports({
    artifactName: inputs.artifactName,
    count,
    path: join(step.workDir, 'shards')
  })
  const notes: string[] = []
  if (got.ok && got.otherCounts.length > 0) {
    const others = got.otherCounts.map((n) => `${inputs.artifactName}-1-of-${n}`).join(', ')
    const said = `shard: ${count}, but this run holds the artifacts of a matrix of ${got.otherCounts.join(' and ')} shard(s) (${others}, …)`
    if (got.reports.length === 0) {
      // Nothing of N was found and another N was: the input is wrong, not every shard lost.
      core.error(`${said}: set shard to the size of the matrix.`, {
        title: 'mirror-guard aggregate'
      })
      setOutputs({})
      failStepPerOnFailure(step, `${said}; nothing was merged`, true)
      return
    }
    core.warning(`${said}; only the ${count}-shard artifacts are merged.`, {
      title: 'mirror-guard aggregate'
    })
    notes.push(`${said}; only the ${count}-shard artifacts are merged.`)
  }
  const reports = got.ok ? got.reports : []
  const missing = got.ok
    ? got.missing
    : Array.from({ length: count }, (_, i) => ({
        index: i + 1,
        artifact: `${inputs.artifactName}-${i + 1}-of-${count}`,
        reason: got.reason
      }))
  if (!got.ok) notes.push(`No shard report could be read: ${got.reason}.`)
  core.info(
    `Shard reports of ${inputs.artifactName}-I-of-${count}: ${reports.length} of ${count} found` +
      (missing.length > 0 ? `; missing: ${missing.map((m) => m.index).join(', ')}` : '') +
      '.'
  )

  // 3. One merge, as `mirror-guard merge -f` does it.
  const result = aggregateShards({ set, files, count, reports, missing })
  if (!result.ok) {
    // Reports of other mapping files or another split: nothing they say can be trusted.
    // Each problem is an annotation (escaped by @actions/core); the log line is our own text.
    const errors = result.errors.map((e) => redaction.text(e))
    for (const e of errors.slice(0, 10)) core.error(e, { title: 'mirror-guard aggregate' })
    const what = `the shard reports do not belong to this mapping and split (${plural(errors.length, 'problem')}); nothing was merged`
    await summarise(step, () =>
      renderSummary({
        title: `mirror-guard: aggregate of ${count} shards`,
        lines: [],
        notes: [`❌ ${what}:`, ...errors.slice(0, 20)]
      })
    )
    setOutputs({})
    failStepPerOnFailure(step, what, true)
    return
  }
  const report = redaction.deep(result.report)
  const { verdicts } = result
  const rows = redaction.deep(result.rows)
  notes.push(...redaction.deep(result.notes))
  const outcome = computeOutcome(verdicts, false)
  const mirrored = verdicts.filter((v) => v.status === 'mirrored').length
  const failed = verdicts.length - mirrored

  const retryPath = join(step.workDir, WORK_FILES.retryMapping)
  const retryText = redaction.text(result.retryMapping)
  if (retryText !== '') writeFileSync(retryPath, retryText)
  const reportPath = join(step.workDir, WORK_FILES.report)
  writeFileSync(
    reportPath,
    JSON.stringify(
      {
        version: report.version,
        mapping: { files, entries: set.entries.length },
        merged: report.merged,
        lines: report.lines,
        counts: report.counts,
        runLevel: report.runLevel,
        stats: report.stats,
        run: { mode: 'aggregate', outcome, shards: count, attempts: result.attempts }
      },
      null,
      2
    )
  )

  // 4. Annotations on the user's mapping lines, within GitHub's budget.
  const lines: (LineResult & SummaryLine)[] = report.lines.map((l) => ({
    ...l,
    file: annotationPath(step, l.file)
  }))
  const runLevel: RunFinding[] = report.runLevel
    .filter((r) => !isRunSummary(r.text))
    .map(({ shard, ...r }) => ({ ...r, reason: `shard ${shard}/${count}: ${r.reason}` }))
  emitAnnotations(
    planAnnotations({
      lines: inputs.onFailure === 'ignore' ? lines.filter((l) => l.status === 'mirrored') : lines,
      findings,
      runLevel,
      moreAt: inputs.upload ? `the ${inputs.artifactName} artifact` : 'the JSON report'
    })
  )

  // 5. Artifacts: the merged report, and the retry mapping `retry-from` reads unchanged.
  let reportArtifactId = ''
  let retryArtifactId = ''
  if (inputs.upload) {
    const opts = {
      ...(inputs.retentionDays !== undefined ? { retentionDays: inputs.retentionDays } : {}),
      signal
    }
    const up = await uploadFiles(inputs.artifactName, [reportPath], step.workDir, opts)
    if (up.id !== undefined) reportArtifactId = String(up.id)
    sayArtifactResult(up)
    let skipped = up.skipped
    const r = await syncRetryArtifact(
      inputs.retryArtifactName,
      retryText !== '' ? retryPath : undefined,
      step.workDir,
      opts
    )
    if (r.id !== undefined) retryArtifactId = String(r.id)
    skipped ??= r.skipped
    if (skipped !== undefined) {
      const note = `${skipped} The files are still on the runner: ${step.workDir}`
      core.notice(note, { title: 'artifacts' })
      notes.push(note)
    }
  }

  // 6. One summary with the per-shard table, then outputs and the verdict.
  await summarise(step, () =>
    redaction.text(
      renderSummary({
        title: `mirror-guard: aggregate of ${plural(count, 'shard')}`,
        mode: 'mirror',
        lines,
        findings,
        runLevel,
        shards: rows,
        artifactName: inputs.artifactName,
        notes,
        ...(retryText !== ''
          ? {
              retry: {
                lines: failed,
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
    attempts: String(result.attempts),
    mirrored: String(mirrored),
    failed: String(failed),
    'failed-by-class': JSON.stringify(failedByClass(verdicts)),
    unverified: String(failedByClass(verdicts).unverified ?? 0),
    'retry-mapping': retryText !== '' ? retryPath : '',
    report: reportPath,
    log: '',
    'log-artifact-id': reportArtifactId,
    'retry-artifact-id': retryArtifactId
  })
  if (outcome !== 'success') {
    failStepPerOnFailure(
      step,
      `${failed} of ${plural(verdicts.length, 'mapping entry', 'mapping entries')} not mirrored across ${plural(count, 'shard')} (outcome: ${outcome})`
    )
  } else {
    core.info(`All ${verdicts.length} mapping entries mirrored by ${count} shard(s).`)
  }
}
