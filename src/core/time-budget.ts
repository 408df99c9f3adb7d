// The `time-budget` input's arithmetic (pure): when the engine must be stopped so that the
// report, the summary and the artifacts are still written within the budget, and whether an
// attempt (or a chunk, or a retry's wait) still fits.
//
// The budget counts from the step's start. Its last part, the reserve, is kept for the work
// after the engine: 5 % of the budget, at least 5 s and at most 2 min (the stop of the engine
// itself — SIGTERM, then SIGKILL after BUDGET_KILL_GRACE_MS —, verdicts, report, summary,
// artifact uploads). The engine is stopped at `workEnd`; nothing new starts unless at least
// `minAttemptMs` are left before it.

export const MIN_RESERVE_MS = 5_000
export const MAX_RESERVE_MS = 120_000
/** SIGTERM → SIGKILL when the budget stops the engine (oc and skopeo exit on SIGTERM at once). */
export const BUDGET_KILL_GRACE_MS = 2_000
/** The least time an attempt or chunk needs to make progress when nothing slower was seen. */
export const MIN_ATTEMPT_MS = 5_000

export interface TimeBudget {
  /** When the step started (epoch ms). */
  readonly startMs: number
  readonly budgetMs: number
  /** Kept after the engine for verdicts, report, summary and artifacts. */
  readonly reserveMs: number
}

/** The reserve of a budget: 5 %, clamped to 5 s … 2 min, never more than half the budget. */
export function reserveFor(budgetMs: number): number {
  const clamped = Math.min(MAX_RESERVE_MS, Math.max(MIN_RESERVE_MS, Math.round(budgetMs * 0.05)))
  return Math.min(clamped, Math.floor(budgetMs / 2))
}

export function makeTimeBudget(startMs: number, budgetMs: number): TimeBudget {
  return { startMs, budgetMs, reserveMs: reserveFor(budgetMs) }
}

/** The step's end: everything, uploads included, is done by then. */
export const stepEnd = (b: TimeBudget): number => b.startMs + b.budgetMs

/** The engine is stopped here (and verification with it). */
export const workEnd = (b: TimeBudget): number => stepEnd(b) - b.reserveMs

/** Milliseconds left before the engine must stop (0 when past). */
export const workLeftMs = (b: TimeBudget, now: number): number => Math.max(0, workEnd(b) - now)

/**
 * The time an attempt or chunk needs to make any progress: oc plans (resolves every source,
 * prints the plan) before it copies a byte, so at least twice the longest planning time seen
 * in this job, and never less than MIN_ATTEMPT_MS.
 */
export function minAttemptMs(planningSeconds: readonly number[]): number {
  const longest = planningSeconds.reduce((m, s) => Math.max(m, s), 0)
  return Math.max(MIN_ATTEMPT_MS, Math.ceil(longest * 2000))
}

export type BudgetCheck =
  { readonly go: true; readonly waitMs: number } | { readonly go: false; readonly why: string }

/**
 * Whether to wait `delayMs` and then start an attempt or chunk that needs `needMs`: only when
 * both fit before `workEnd`. A wait that would leave too little is not waited out.
 */
export function checkStart(
  b: TimeBudget,
  now: number,
  delayMs: number,
  needMs: number
): BudgetCheck {
  const left = workLeftMs(b, now)
  if (left - delayMs >= needMs) return { go: true, waitMs: delayMs }
  const what =
    delayMs > 0
      ? `waiting ${formatSeconds(delayMs)} and then running it needs ${formatSeconds(delayMs + needMs)}`
      : `it needs at least ${formatSeconds(needMs)}`
  return {
    go: false,
    why: `the time budget (${formatSeconds(b.budgetMs)}) has ${formatSeconds(left)} left before the engine must stop, and ${what}`
  }
}

/** `5h40m`, `90s`, `1m30s`, `0s`: whole seconds, Go's duration style. */
export function formatSeconds(ms: number): string {
  let s = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(s / 3600)
  s -= h * 3600
  const m = Math.floor(s / 60)
  s -= m * 60
  const parts = [
    h > 0 ? `${h}h` : '',
    m > 0 ? `${m}m` : '',
    s > 0 || (h === 0 && m === 0) ? `${s}s` : ''
  ]
  return parts.join('')
}

/** One sentence for the log: the budget, when the engine stops, and the reserve. */
export function describeBudget(b: TimeBudget): string {
  return `Time budget ${formatSeconds(b.budgetMs)}: the engine is stopped after ${formatSeconds(workEnd(b) - b.startMs)}, keeping ${formatSeconds(b.reserveMs)} for the report, the summary and the artifacts.`
}
