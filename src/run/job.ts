// The attempt loop: plan attempt 1, then per attempt wait out its delay, run it (src/run/attempt.ts),
// plan the next from the ledger's verdicts, and verify the registry lines once nothing more is
// planned. No @actions/* here: src/action wires it. Verdicts are decided in the ledger
// (src/core/verdict-ledger.ts); the steps only feed it.
import { planNextAttempt, type NextAttempt, type RunProgress } from '../core/retry-plan.js'
import { explainNextAttempt } from '../core/retry-explain.js'
import { checkStart, describeBudget, minAttemptMs } from '../core/time-budget.js'
import { staleBeforeFirstAttempt } from './attempt-repair.js'
import { verifyAtEnd } from './attempt-verification.js'
import { runAttempt } from './attempt.js'
import { jobResult, newJobState, type JobState } from './job-state.js'
import type { JobOptions, JobResult } from './job-types.js'

export type {
  AttemptRecord,
  AttemptRepair,
  JobOptions,
  JobResult,
  VerifyWhen
} from './job-types.js'
import { plural } from '../core/text.js'

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve()
    const t = setTimeout(done, ms)
    function done(): void {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })

export async function runJob(opts: JobOptions): Promise<JobResult> {
  const state = newJobState(opts)
  if (opts.budget) opts.info?.(describeBudget(opts.budget))
  let next = await firstAttempt(opts)
  while (next) {
    if (!fitsBudget(opts, state, next)) break
    await waitForAttempt(opts, next)
    if (opts.signal?.aborted) {
      state.aborted = true
      break
    }
    if (!(await runAttempt(opts, state, next))) break
    opts.onProgress?.(jobResult(state, opts))
    if (state.aborted) break
    next = await planAfterAttempt(opts, state, next.attempt)
  }
  // Stopped before verification could run (cancel, fatal): what the engine reported is unproven.
  state.ledger.recordStopBeforeProof(opts.engine.name, state.records.length)
  return jobResult(state, opts)
}

/**
 * The time budget: an attempt starts (after its delay) only when it can still make progress
 * before the engine's stop point; otherwise the run ends here, and says why.
 */
function fitsBudget(opts: JobOptions, state: JobState, plan: NextAttempt): boolean {
  if (!opts.budget) return true
  const check = checkStart(
    opts.budget,
    (opts.now ?? Date.now)(),
    plan.delayMs,
    minAttemptMs(state.planningSeconds)
  )
  if (check.go) return true
  state.budgetNote ??= `attempt ${plan.attempt} (${plural(plan.entryIds.length, 'line')}) not started: ${check.why}`
  opts.info?.(`Time budget: ${state.budgetNote}`)
  return false
}

/**
 * Attempt 1: every line in scope (none for a mapping of comments only: the engine is not
 * started). A tree carried over from an earlier run (retry-from, a nightly refresh) may already
 * hold manifests oc ≤ 4.13 wrote without their layers: they are removed before attempt 1 too,
 * or that attempt would skip those images and only the second would repair them.
 */
export async function firstAttempt(opts: JobOptions): Promise<NextAttempt | undefined> {
  if (opts.scope.length === 0) return undefined
  const first: NextAttempt = {
    attempt: 1,
    entryIds: opts.scope.map((e) => e.id),
    force: false,
    repairs:
      opts.tool?.engine === 'oc' && opts.policy.forceOnRetry === 'auto'
        ? await staleBeforeFirstAttempt(opts, opts.tool)
        : [],
    maxPerRegistry: opts.policy.maxPerRegistry,
    delayMs: 0,
    permanentIds: []
  }
  opts.debug?.(
    `attempt 1 of ${opts.policy.maxAttempts}: ${first.entryIds.length} mapping entries, --max-per-registry ${first.maxPerRegistry ?? "oc's default"}`
  )
  return first
}

/** A retry's delay, announced in the job log; a cancel ends the wait. */
async function waitForAttempt(opts: JobOptions, plan: NextAttempt): Promise<void> {
  if (plan.delayMs <= 0) return
  opts.info?.(
    `Attempt ${plan.attempt} of ${opts.policy.maxAttempts} in ${(plan.delayMs / 1000).toFixed(1)}s: ` +
      `${plural(plan.entryIds.length, 'mapping entry', 'mapping entries')}` +
      `${plan.force ? ', with --force' : ''}` +
      `${plan.maxPerRegistry !== undefined ? `, --max-per-registry=${plan.maxPerRegistry}` : ''}`
  )
  await (opts.sleep ?? defaultSleep)(plan.delayMs, opts.signal)
}

/**
 * The next attempt from the retry policy. When none is planned, the registry lines are verified;
 * a line found incomplete may still get an attempt if any are left.
 */
async function planAfterAttempt(
  opts: JobOptions,
  state: JobState,
  attemptsDone: number
): Promise<NextAttempt | undefined> {
  // Out of time: no next attempt; what the engine reported is still verified (half the reserve).
  let next = state.budgetNote === undefined ? planFromLedger(opts, state, attemptsDone) : undefined
  if (next) return next
  const final = await verifyAtEnd(opts, state, attemptsDone)
  if (final.checked > 0) opts.onProgress?.(jobResult(state, opts))
  if (final.incomplete > 0 && !opts.signal?.aborted && state.budgetNote === undefined)
    next = planFromLedger(opts, state, attemptsDone)
  if (opts.signal?.aborted) state.aborted = true
  return next
}

/** planNextAttempt on what the ledger knows, its decisions told to `debug`. */
function planFromLedger(
  opts: JobOptions,
  state: JobState,
  attemptsDone: number
): NextAttempt | undefined {
  const progress = (): RunProgress => ({
    attemptsDone,
    entries: opts.scope,
    verdicts: state.ledger.runVerdicts(),
    rateLimited: state.rateLimited,
    trees: state.trees,
    ...(opts.tool ? { tool: opts.tool } : {})
  })
  const next = planNextAttempt(progress(), opts.policy, opts.random)
  if (opts.debug) for (const m of explainNextAttempt(progress(), opts.policy, next)) opts.debug(m)
  return next
}
