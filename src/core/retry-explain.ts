// Why the retry planner decided what it did, in words: which lines run again and why, which
// stay failed, the delay, --force and the concurrency. Shown with ACTIONS_STEP_DEBUG; it
// reports the plan's decisions and the facts behind them, it never decides anything itself.
import {
  hasRateLimit,
  isRetryable,
  type NextAttempt,
  type RetryPolicy,
  type RunProgress
} from './retry-plan.js'
import type { FailureClass, LineVerdict } from './types.js'
import { plural } from './text.js'

function tally(verdicts: readonly LineVerdict[]): string {
  const counts = new Map<FailureClass | 'no class', number>()
  for (const v of verdicts) {
    const classes = v.classes.length > 0 ? new Set(v.classes) : new Set(['no class' as const])
    for (const c of classes) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  return [...counts].map(([c, n]) => `${c} ×${n}`).join(', ')
}

/** One sentence per decision of `next` (undefined: the run ends). */
export function explainNextAttempt(
  progress: RunProgress,
  policy: RetryPolicy,
  next: NextAttempt | undefined
): string[] {
  const failed = progress.verdicts.filter((v) => v.status === 'failed')
  const retryable = failed.filter((v) => isRetryable(v, policy.retryOn))
  const permanent = failed.filter((v) => !isRetryable(v, policy.retryOn))
  const out: string[] = []
  if (permanent.length > 0) {
    out.push(
      `${plural(permanent.length, 'line')} stay failed, a class not in retry-on (${tally(permanent)}); retry-on is ${policy.retryOn.join(', ')}`
    )
  }
  if (next === undefined) {
    if (failed.length === 0) out.push('no further attempt: every line is mirrored')
    else if (retryable.length === 0) out.push('no further attempt: no failed line is retryable')
    else {
      out.push(
        `no further attempt: ${progress.attemptsDone} of max-attempts ${policy.maxAttempts} used; ${plural(retryable.length, 'line')} retryable left (${tally(retryable)})`
      )
    }
    return out
  }
  const ids = new Set(next.entryIds)
  const chosen = retryable.filter((v) => ids.has(v.entryId))
  out.push(
    `attempt ${next.attempt} of ${policy.maxAttempts}: retrying ${plural(next.entryIds.length, 'line')} (${tally(chosen)})`
  )
  const exp = Math.min(
    policy.maxRetryDelaySeconds,
    policy.retryDelaySeconds * 2 ** Math.max(0, progress.attemptsDone - 1)
  )
  out.push(
    `delay ${(next.delayMs / 1000).toFixed(1)}s: retry-delay ${policy.retryDelaySeconds}s doubled per retry (${exp}s, capped at max-retry-delay ${policy.maxRetryDelaySeconds}s), half of it random jitter`
  )
  const by = (m: string): number => next.repairs.filter((r) => r.method === m).length
  const forcedWhy = [...new Set(next.repairs.filter((r) => r.method === 'force').map((r) => r.why))]
  const facts = [
    `${by('remove-stale')} with stale files to remove first`,
    `${by('plain')} rerun as is`,
    `${by('force')} needing --force${forcedWhy.length > 0 ? ` (${forcedWhy.join('; ')})` : ''}`
  ].join(', ')
  out.push(
    `${next.force ? 'with --force' : 'without --force'}: force-on-retry is ${policy.forceOnRetry}; of the lines retried ${facts}`
  )
  const rateLimited = progress.rateLimited || hasRateLimit(progress.verdicts)
  const concurrency =
    next.maxPerRegistry === undefined ? "oc's default" : String(next.maxPerRegistry)
  out.push(
    rateLimited
      ? `--max-per-registry ${concurrency}: a rate limit was seen, so retries use retry-max-per-registry ${policy.retryMaxPerRegistry} (at most max-per-registry)`
      : `--max-per-registry ${concurrency}: no rate limit seen, max-per-registry unchanged`
  )
  return out
}
