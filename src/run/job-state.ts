// What the attempt loop knows between its steps: the verdict ledger, what the engine said it
// pushed, the file:// tree states for the repair planner, and the attempts so far. One object,
// passed to each step, instead of state captured in closures.
import type { FileTreeState } from '../core/repair-plan.js'
import { formatSeconds } from '../core/time-budget.js'
import { repoKey } from '../core/reference.js'
import type { AttemptStats, MappingEntry, RunFinding } from '../core/types.js'
import { VerdictLedger } from '../core/verdict-ledger.js'
import type { AttemptRecord, JobOptions, JobResult } from './job-types.js'

export interface JobState {
  readonly ledger: VerdictLedger
  readonly byId: ReadonlyMap<number, MappingEntry>
  /** What the engine said it pushed: `<repoKey>\0<tag>` → digest, latest attempt wins. */
  readonly pushed: Map<string, string>
  /** The latest file:// tree state of entries found incomplete, for the repair planner. */
  readonly trees: Map<number, FileTreeState>
  /** Registry lines the final verification has checked since they last ran. */
  readonly verifiedFinal: Set<number>
  readonly records: AttemptRecord[]
  readonly runLevel: RunFinding[]
  readonly stats: AttemptStats[]
  /** True once any attempt failed a line with `rate-limit` or `quota-exhausted`. */
  rateLimited: boolean
  aborted: boolean
  fatal?: string
  /** Every engine invocation's planning time: how long an attempt needs to make progress. */
  readonly planningSeconds: number[]
  /** Set once the time budget ended something: what, in one sentence. */
  budgetNote?: string
}

/** Lines verification checks: all but `s3://` destinations, when verification is on. */
export function needsProof(opts: JobOptions, entry: MappingEntry | undefined): boolean {
  return opts.verify !== undefined && entry !== undefined && entry.destination.kind !== 's3'
}

export function newJobState(opts: JobOptions): JobState {
  const byId = new Map(opts.scope.map((e) => [e.id, e]))
  return {
    ledger: new VerdictLedger(
      opts.scope.map((e) => e.id),
      opts.policy.retryOn,
      (id) => needsProof(opts, byId.get(id))
    ),
    byId,
    pushed: new Map(),
    trees: new Map(),
    verifiedFinal: new Set(),
    records: [],
    runLevel: [],
    stats: [],
    rateLimited: false,
    aborted: false,
    planningSeconds: []
  }
}

/** Key of a pushed tag: the destination repository as oc prints it, and the tag. */
export const pushKey = (printedRepo: string, tag: string): string =>
  `${repoKey(printedRepo)}\0${tag}`

/** What is known so far, as the job returns it (also handed to onProgress after each attempt). */
export function jobResult(state: JobState, opts: Pick<JobOptions, 'budget'> = {}): JobResult {
  const { ledger } = state
  const notRun =
    state.budgetNote !== undefined && opts.budget !== undefined
      ? `not run: the time budget (${formatSeconds(opts.budget.budgetMs)}) ended the run before this line was attempted`
      : undefined
  return {
    triage: { verdicts: ledger.verdicts(notRun), runLevel: state.runLevel, attempts: state.stats },
    attempts: state.records,
    aborted: state.aborted,
    ...(state.fatal !== undefined ? { fatal: state.fatal } : {}),
    ranIds: ledger.ranIds(),
    lastFailure: ledger.lastFailure,
    unprovenIds: ledger.unprovenIds(),
    keptUnverifiedIds: ledger.keptUnverifiedIds(),
    ...(state.budgetNote !== undefined
      ? { stoppedBy: 'time-budget' as const, budgetNote: state.budgetNote }
      : {})
  }
}
