// Annotations within GitHub's budget: at most 10 errors, 10 warnings and 10 notices are shown
// per step, the rest are dropped silently. The planner picks what matters most and, when
// anything is left out, spends one notice on saying so.

import * as core from '@actions/core'
import { verdictTitle } from '../core/root-cause.js'
import type { FailureClass, LineStatus, MappingFinding, RunFinding } from '../core/types.js'
import { plural, stripControl, truncate } from '../core/text.js'

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export interface Annotation {
  readonly level: AnnotationLevel
  readonly title: string
  readonly message: string
  /** Absent for run-level findings (no file) */
  readonly file?: string
  /** Absent when the file has no line (e.g. an unreadable mapping file). */
  readonly startLine?: number
}

/** The outcome of one mapping line (or entry) as the planner needs it. */
export interface LineResult {
  readonly file: string
  readonly line: number
  readonly status: LineStatus
  readonly classes: readonly FailureClass[]
  /** Parsed, short reasons (from classify), not raw log text. */
  readonly reasons: readonly string[]
  /** Attempts that ran this line. */
  readonly attempts?: number
  /** Set when an earlier attempt failed this line and a later one mirrored it. */
  readonly recoveredAfter?: number
  readonly retryable: boolean
  readonly source?: string
  readonly destination?: string
}

export interface AnnotationBudget {
  readonly error: number
  readonly warning: number
  readonly notice: number
}

export const GITHUB_BUDGET: AnnotationBudget = { error: 10, warning: 10, notice: 10 }
export const MAX_MESSAGE_CHARS = 1000
const MAX_TITLE_CHARS = 100

export interface AnnotationPlanInput {
  readonly lines: readonly LineResult[]
  readonly findings?: readonly MappingFinding[]
  readonly runLevel?: readonly RunFinding[]
  /** Where the rest can be read, for the overflow notice (e.g. `the oc-mirror-log artifact`). */
  readonly moreAt?: string
  readonly budget?: AnnotationBudget
}

/** Untrusted text → one annotation field: no ANSI/control characters, capped. */
function clean(text: string, max: number): string {
  return truncate(stripControl(text).trim(), max)
}

/** The root-cause class(es): a consequence such as `dependency` never heads the title. */
function lineTitle(r: LineResult): string {
  return verdictTitle(r.classes)
}

function refs(r: LineResult): string {
  if (r.source !== undefined && r.destination !== undefined) {
    return `${r.source} → ${r.destination}`
  }
  return `mapping line ${r.line}`
}

function failureMessage(r: LineResult): string {
  const kind = r.retryable ? 'retryable, still failing' : 'permanent'
  const tries = r.attempts !== undefined ? ` after ${plural(r.attempts, 'attempt')}` : ''
  const reasons = r.reasons.length > 0 ? r.reasons.join('; ') : 'no error named this line'
  return `${refs(r)} failed${tries} (${kind}): ${reasons}`
}

function recoveredMessage(r: LineResult): string {
  const earlier = r.classes.length > 0 ? ` (${r.classes.join(', ')})` : ''
  const reasons = r.reasons.length > 0 ? `: ${r.reasons.join('; ')}` : ''
  return `${refs(r)} mirrored on a retry after failing attempt ${r.recoveredAfter ?? '?'}${earlier}${reasons}`
}

function annotation(
  level: AnnotationLevel,
  title: string,
  message: string,
  file: string | undefined,
  line: number | undefined
): Annotation {
  return {
    level,
    title: clean(title, MAX_TITLE_CHARS).replace(/\n/g, ' '),
    message: clean(message, MAX_MESSAGE_CHARS),
    ...(file !== undefined && file !== '' ? { file: clean(file, 500).replace(/\n/g, ' ') } : {}),
    ...(line !== undefined && line > 0 ? { startLine: line } : {})
  }
}

/**
 * Chooses the annotations to emit. Errors: mapping errors and permanent failures first, then
 * failures that were retryable but still failed, then run-level errors. Warnings: mapping and
 * run-level warnings. Notices: lines that recovered on a retry. When anything does not fit,
 * the last notice slot says how many were left out and where to find them.
 */
export function planAnnotations(input: AnnotationPlanInput): Annotation[] {
  const budget = input.budget ?? GITHUB_BUDGET
  const findings = input.findings ?? []
  const runLevel = input.runLevel ?? []
  const failed = input.lines.filter((r) => r.status === 'failed')

  const errors: Annotation[] = [
    ...findings
      .filter((f) => f.severity === 'error')
      .map((f) => annotation('error', `mapping: ${f.code}`, f.message, f.file, f.line)),
    ...failed
      .filter((r) => !r.retryable)
      .map((r) => annotation('error', lineTitle(r), failureMessage(r), r.file, r.line)),
    ...failed
      .filter((r) => r.retryable)
      .map((r) => annotation('error', lineTitle(r), failureMessage(r), r.file, r.line)),
    ...runLevel
      .filter((f) => f.severity === 'error')
      .map((f) => annotation('error', f.class, `${f.reason}: ${f.text}`, undefined, undefined))
  ]
  const warnings: Annotation[] = [
    ...findings
      .filter((f) => f.severity === 'warning')
      .map((f) => annotation('warning', `mapping: ${f.code}`, f.message, f.file, f.line)),
    ...runLevel
      .filter((f) => f.severity === 'warning')
      .map((f) => annotation('warning', f.class, `${f.reason}: ${f.text}`, undefined, undefined))
  ]
  const notices: Annotation[] = input.lines
    .filter((r) => r.status === 'mirrored' && r.recoveredAfter !== undefined)
    .map((r) => annotation('notice', 'recovered', recoveredMessage(r), r.file, r.line))

  const overflows =
    errors.length > budget.error ||
    warnings.length > budget.warning ||
    notices.length > budget.notice
  const noticeSlots = overflows ? Math.max(0, budget.notice - 1) : budget.notice

  const shown = [
    ...errors.slice(0, budget.error),
    ...warnings.slice(0, budget.warning),
    ...notices.slice(0, noticeSlots)
  ]
  if (overflows && budget.notice > 0) {
    const left: string[] = []
    const more = (n: number, word: string): void => {
      if (n > 0) left.push(plural(n, word))
    }
    more(errors.length - budget.error, 'error')
    more(warnings.length - budget.warning, 'warning')
    more(notices.length - noticeSlots, 'notice')
    const where = input.moreAt !== undefined ? ` and ${input.moreAt}` : ''
    shown.push(
      annotation(
        'notice',
        'more results',
        `${left.join(', ')} not shown as annotations (GitHub shows at most ${budget.error} errors, ${budget.warning} warnings and ${budget.notice} notices per step); all are listed in the job summary${where}.`,
        undefined,
        undefined
      )
    )
  }
  return shown
}

export interface AnnotationSink {
  error(message: string, properties: core.AnnotationProperties): void
  warning(message: string, properties: core.AnnotationProperties): void
  notice(message: string, properties: core.AnnotationProperties): void
}

/** Emits planned annotations through @actions/core, which escapes `%`, CR, LF and property separators. */
export function emitAnnotations(
  annotations: readonly Annotation[],
  sink: AnnotationSink = core
): void {
  for (const a of annotations) {
    const properties: core.AnnotationProperties = {
      title: a.title,
      ...(a.file !== undefined ? { file: a.file } : {}),
      ...(a.startLine !== undefined ? { startLine: a.startLine } : {})
    }
    sink[a.level](a.message, properties)
  }
}
