// mode: validate — parse and lint the mapping files, annotate, summarise; nothing is spawned.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkedLines } from '../core/checked-lines.js'
import { loadMappingFiles } from '../core/mapping-files.js'
import { effectiveDestination } from '../core/mapping.js'
import { lintMappings } from '../core/validate.js'
import { emitAnnotations, planAnnotations } from '../github/annotations.js'
import { renderSummary } from '../github/summary.js'
import type { Outcome } from '../core/outcome.js'
import { WORK_FILES } from '../core/work-files.js'
import {
  annotationPath,
  failStepPerOnFailure,
  setOutputs,
  summarise,
  type ActionStep
} from './context.js'
import { plural } from '../core/text.js'

export async function validateMode(step: ActionStep): Promise<void> {
  const { set, texts } = await loadMappingFiles(step.inputs.mapping, step.cwd)
  const lint = lintMappings(set, {
    ...(step.inputs.filterByOs !== undefined ? { filterByOs: step.inputs.filterByOs } : {}),
    keepManifestList: step.inputs.keepManifestList
  })
  const rawFindings = [...set.findings, ...lint]
  // One row per mapping line, also for the lines oc rejects: the counts match the table.
  const checked = checkedLines(set, rawFindings, texts)
  const findings = rawFindings.map((f) => ({ ...f, file: annotationPath(step, f.file) }))
  const errors = findings.filter((f) => f.severity === 'error')
  emitAnnotations(planAnnotations({ lines: [], findings, moreAt: 'the job summary' }))
  const outcome: Outcome = errors.length > 0 ? 'failed' : 'success'
  const files = step.inputs.mapping.length
  await summarise(step, () =>
    renderSummary({
      title: 'mirror-guard: validate',
      mode: 'validate',
      lines: checked.map((c) => {
        const [first] = c.entries
        const words = (c.text ?? '').trim().split(/[\s=]+/)
        return {
          file: annotationPath(step, c.file),
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
        `${plural(checked.length, 'mapping line')} (${plural(set.entries.length, 'entry', 'entries')}) in ${plural(files, 'file')}: ${errors.length} error(s), ${findings.length - errors.length} warning(s). Nothing was run.`
      ]
    })
  )
  const reportPath = join(step.workDir, WORK_FILES.report)
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
    failStepPerOnFailure(step, `${plural(errors.length, 'mapping error')} found`)
  }
}
