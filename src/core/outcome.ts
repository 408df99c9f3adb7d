// The run's verdict from the per-line verdicts: pure.
import type { FailureClass, LineVerdict } from './types.js'

export type Outcome = 'success' | 'partial' | 'failed' | 'out-of-time'

/**
 * success: every line mirrored (or nothing to do); partial: some mirrored, some not;
 * failed: none mirrored, or the run could not go on (fatal); out-of-time: the time budget
 * ended the run before every line was confirmed (only with `time-budget`).
 */
export function computeOutcome(
  verdicts: readonly LineVerdict[],
  fatal: boolean,
  outOfTime = false
): Outcome {
  const mirrored = verdicts.filter((v) => v.status === 'mirrored').length
  if (fatal) return mirrored > 0 ? 'partial' : 'failed'
  if (mirrored === verdicts.length) return 'success'
  if (outOfTime) return 'out-of-time'
  return mirrored > 0 ? 'partial' : 'failed'
}

/** Failed lines per class (a line with two classes counts in both), in a stable order. */
export function failedByClass(
  verdicts: readonly LineVerdict[]
): Partial<Record<FailureClass, number>> {
  const out: Partial<Record<FailureClass, number>> = {}
  for (const v of verdicts) {
    if (v.status !== 'failed') continue
    for (const c of v.classes) out[c] = (out[c] ?? 0) + 1
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}
