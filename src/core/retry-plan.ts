// Retry policy decisions, kept pure so every rule is unit-tested without running anything.
import {
  attemptNeedsForce,
  planRepairs,
  type FileTreeState,
  type ForceOnRetry,
  type LineRepair,
  type RetryTool
} from './repair-plan.js'
import type { FailureClass, LineVerdict, MappingEntry } from './types.js'

export interface RetryPolicy {
  readonly maxAttempts: number
  /** Classes worth another attempt. A line is retried only when every class of it is listed. */
  readonly retryOn: readonly FailureClass[]
  /** First wait, in seconds; doubles per retry, with jitter. */
  readonly retryDelaySeconds: number
  readonly maxRetryDelaySeconds: number
  /** `--max-per-registry` used on every attempt after a rate limit was seen. */
  readonly retryMaxPerRegistry: number
  readonly forceOnRetry: ForceOnRetry
  /** The `max-per-registry` input (oc's default 6 when undefined). */
  readonly maxPerRegistry?: number
}

export interface RunProgress {
  /** Attempts already run. */
  readonly attemptsDone: number
  readonly entries: readonly MappingEntry[]
  /** The latest verdict of every entry run so far (by entryId). */
  readonly verdicts: readonly LineVerdict[]
  /** True once any attempt failed a line with `rate-limit` or `quota-exhausted`. */
  readonly rateLimited: boolean
  /** The latest `file://` tree state of entries verification found incomplete. */
  readonly trees?: ReadonlyMap<number, FileTreeState>
  /** Engine and oc version (unknown version: handled like oc ≤ 4.13). */
  readonly tool?: RetryTool
}

export interface NextAttempt {
  readonly attempt: number
  readonly entryIds: readonly number[]
  /** True when any line's repair is `force`. */
  readonly force: boolean
  /** How each line is repaired before and by this attempt (empty for attempt 1). */
  readonly repairs: readonly LineRepair[]
  readonly maxPerRegistry?: number
  readonly delayMs: number
  /** Failed entries left out because a class of theirs is not in retry-on. */
  readonly permanentIds: readonly number[]
}

const RATE_CLASSES: readonly FailureClass[] = ['rate-limit', 'quota-exhausted']

/** oc's own default for `--max-per-registry`. */
export const OC_DEFAULT_MAX_PER_REGISTRY = 6

/**
 * Whether a failed line may run again. `dependency` (a manifest list whose children failed)
 * follows its cause: it never blocks a retry by itself when other classes explain it, and
 * alone it follows the classifier's retryable flag.
 */
export function isRetryable(verdict: LineVerdict, retryOn: readonly FailureClass[]): boolean {
  if (verdict.status !== 'failed') return false
  const causes = verdict.classes.filter((c) => c !== 'dependency')
  if (causes.length === 0) {
    return verdict.classes.length === 0 ? retryOn.includes('unconfirmed') : verdict.retryable
  }
  return causes.every((c) => retryOn.includes(c))
}

export function hasRateLimit(verdicts: readonly LineVerdict[]): boolean {
  return verdicts.some(
    (v) => v.status === 'failed' && v.classes.some((c) => RATE_CLASSES.includes(c))
  )
}

export function retryMaxPerRegistry(policy: RetryPolicy, rateLimited: boolean): number | undefined {
  if (!rateLimited) return policy.maxPerRegistry
  const base = policy.maxPerRegistry ?? OC_DEFAULT_MAX_PER_REGISTRY
  return Math.max(1, Math.min(base, policy.retryMaxPerRegistry))
}

/**
 * Wait before retry number `retry` (1 = the wait before attempt 2): exponential from the first
 * delay, capped, then "equal jitter" (half fixed, half random) so parallel jobs spread out
 * without ever retrying immediately.
 */
export function retryDelayMs(
  policy: Pick<RetryPolicy, 'retryDelaySeconds' | 'maxRetryDelaySeconds'>,
  retry: number,
  random: () => number = Math.random
): number {
  const first = Math.max(0, policy.retryDelaySeconds)
  const cap = Math.max(0, policy.maxRetryDelaySeconds)
  const exp = Math.min(cap, first * 2 ** Math.max(0, retry - 1))
  const r = Math.min(1, Math.max(0, random()))
  return Math.round(exp * 1000 * (0.5 + r / 2))
}

/** What runs next, or undefined when the run is over (done, out of attempts, or only permanent failures). */
export function planNextAttempt(
  progress: RunProgress,
  policy: RetryPolicy,
  random: () => number = Math.random
): NextAttempt | undefined {
  const failed = progress.verdicts.filter((v) => v.status === 'failed')
  const retry = failed.filter((v) => isRetryable(v, policy.retryOn))
  if (retry.length === 0 || progress.attemptsDone >= policy.maxAttempts) return undefined
  const ids = new Set(retry.map((v) => v.entryId))
  const entries = progress.entries.filter((e) => ids.has(e.id))
  const rateLimited = progress.rateLimited || hasRateLimit(progress.verdicts)
  const repairs = planRepairs({
    entries,
    verdicts: retry,
    trees: progress.trees ?? new Map(),
    mode: policy.forceOnRetry,
    tool: progress.tool ?? { engine: 'oc' }
  })
  return {
    attempt: progress.attemptsDone + 1,
    entryIds: entries.map((e) => e.id),
    force: attemptNeedsForce(repairs),
    repairs,
    maxPerRegistry: retryMaxPerRegistry(policy, rateLimited),
    delayMs: retryDelayMs(policy, progress.attemptsDone, random),
    permanentIds: failed.filter((v) => !ids.has(v.entryId)).map((v) => v.entryId)
  }
}
