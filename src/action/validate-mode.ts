// mode: validate — parse and lint the mapping files, annotate, summarise; nothing is spawned.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkedLines } from '../core/checked-lines.js'
import { loadMappingFiles } from '../core/mapping-files.js'
import { effectiveDestination } from '../core/mapping.js'
import { lintMappings } from '../core/validate.js'
import { emitAnnotations, planAnnotations } from '../github/annotations.js'
import { renderSummary } from '../github/summary.js'
import type { Outcome } from '../run/outcome.js'
import { annotationPath, setOutputs, summarise, verdict, type Ctx } from './context.js'

export async function validateMode(ctx: Ctx): Promise<void> {
  const { set, texts } = await loadMappingFiles(ctx.inputs.mapping, ctx.cwd)
  const lint = lintMappings(set, {
    ...(ctx.inputs.filterByOs !== undefined ? { filterByOs: ctx.inputs.filterByOs } : {}),
    keepManifestList: ctx.inputs.keepManifestList
  })
  const rawFindings = [...set.findings, ...lint]
  // One row per mapping line, also for the lines oc rejects: the counts match the table.
  const checked = checkedLines(set, rawFindings, texts)
  const findings = rawFindings.map((f) => ({ ...f, file: annotationPath(ctx, f.file) }))
  const errors = findings.filter((f) => f.severity === 'error')
  emitAnnotations(planAnnotations({ lines: [], findings, moreAt: 'the job summary' }))
  const outcome: Outcome = errors.length > 0 ? 'failed' : 'success'
  const files = ctx.inputs.mapping.length
  await summarise(ctx, () =>
    renderSummary({
      title: 'mirror-guard: validate',
      mode: 'validate',
      lines: checked.map((c) => {
        const [first] = c.entries
        const words = (c.text ?? '').trim().split(/[\s=]+/)
        return {
          file: annotationPath(ctx, c.file),
          line: c.line,
          source: first?.source.raw ?? words[0] ?? '',
          destination:
            c.entries.length > 0
              ? c.entries.map(effectiveDestination).join(', ')
              : words.slice(1).join(' '),
          status: c.severity === 'error' ? ('failed' as const) : ('mirrored' as const),
          classes: [],
          reasons: c.findings.map((f) => f.message),
          retryable: false,
          codes: c.findings.map((f) => f.code),
          ...(c.severity !== undefined ? { severity: c.severity } : {})
        }
      }),
      findings,
      notes: [
        `${checked.length} mapping line${checked.length === 1 ? '' : 's'} (${set.entries.length} entr${set.entries.length === 1 ? 'y' : 'ies'}) in ${files} file${files === 1 ? '' : 's'}: ${errors.length} error(s), ${findings.length - errors.length} warning(s). Nothing was run.`
      ]
    })
  )
  const reportPath = join(ctx.workDir, 'report.json')
  writeFileSync(
    reportPath,
    JSON.stringify(
      {
        version: 1,
        mode: 'validate',
        entries: set.entries.length,
        lines: checked.length,
        findings
      },
      null,
      2
    )
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
