// mode: validate — parse and lint the mapping files, annotate, summarise; nothing is spawned.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadMappingFiles } from '../core/mapping-files.js'
import { effectiveDestination } from '../core/mapping.js'
import { lintMappings } from '../core/validate.js'
import { emitAnnotations, planAnnotations } from '../github/annotations.js'
import { renderSummary, writeSummary } from '../github/summary.js'
import type { Outcome } from '../run/outcome.js'
import { annotationPath, setOutputs, verdict, type Ctx } from './context.js'

export async function validateMode(ctx: Ctx): Promise<void> {
  const { set } = await loadMappingFiles(ctx.inputs.mapping, ctx.cwd)
  const lint = lintMappings(set, {
    ...(ctx.inputs.filterByOs !== undefined ? { filterByOs: ctx.inputs.filterByOs } : {}),
    keepManifestList: ctx.inputs.keepManifestList
  })
  const findings = [...set.findings, ...lint].map((f) => ({
    ...f,
    file: annotationPath(ctx, f.file)
  }))
  const errors = findings.filter((f) => f.severity === 'error')
  emitAnnotations(planAnnotations({ lines: [], findings, moreAt: 'the job summary' }))
  const outcome: Outcome = errors.length > 0 ? 'failed' : 'success'
  const markdown = renderSummary({
    title: 'mirror-guard: validate',
    mode: 'validate',
    lines: set.entries.map((e) => ({
      file: annotationPath(ctx, e.file),
      line: e.line,
      source: e.source.raw,
      destination: effectiveDestination(e),
      status: 'mirrored' as const,
      classes: [],
      reasons: [],
      retryable: false
    })),
    findings,
    notes: [
      `${set.entries.length} mapping entr${set.entries.length === 1 ? 'y' : 'ies'} in ${ctx.inputs.mapping.length} file(s): ${errors.length} error(s), ${findings.length - errors.length} warning(s). Nothing was run.`
    ]
  })
  await writeSummary(markdown)
  const reportPath = join(ctx.workDir, 'report.json')
  writeFileSync(
    reportPath,
    JSON.stringify({ version: 1, mode: 'validate', entries: set.entries.length, findings }, null, 2)
  )
  setOutputs({
    outcome,
    report: reportPath,
    failed: String(new Set(errors.map((f) => `${f.file}:${f.line}`)).size)
  })
  if (errors.length > 0) {
    verdict(ctx, `${errors.length} mapping error${errors.length === 1 ? '' : 's'} found`)
  }
}
