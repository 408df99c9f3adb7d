// The attempt loop's vocabulary: what runJob is given (JobOptions), what each attempt leaves
// (AttemptRecord, AttemptRepair) and what the job returns (JobResult).
import type { LineRepair, RetryTool } from '../core/repair-plan.js'
import type { RetryPolicy } from '../core/retry-plan.js'
import type { TimeBudget } from '../core/time-budget.js'
import type { ReportedAttempt } from '../core/run-report.js'
import type { LineVerdict, MappingEntry, MappingSet, Triage } from '../core/types.js'
import type { Engine } from '../engines/engine.js'
import type { VerifyResult } from '../verify/types.js'
import type { AttemptLog } from './attempt-log.js'
import type { ChunkRecord } from './engine-run.js'
import type { RemovalResult } from './tree-repair.js'

/** When a verification runs: after each attempt (file:// destinations) or once at the end (registries). */
export type VerifyWhen = 'attempt' | 'final'

export interface JobOptions {
  readonly engine: Engine
  readonly set: MappingSet
  /** Entries to mirror (all of `set`, or those of a retry mapping). */
  readonly scope: readonly MappingEntry[]
  /** The mapping file given to oc for attempt 1 (relative to the engine's cwd, as the user wrote it). */
  readonly firstMappingFile: string
  /** Where generated retry mappings are written. */
  readonly workDir: string
  readonly log: AttemptLog
  readonly policy: RetryPolicy
  readonly timeoutMs?: number
  /**
   * Checks mirrored entries; undefined = verification off. Returns results only for entries it
   * checked. `signal` stops it (cancel, the attempt's time limit): lines not proven by then are
   * `unverified`.
   */
  readonly verify?: (
    entries: readonly MappingEntry[],
    when: VerifyWhen,
    signal: AbortSignal
  ) => Promise<VerifyResult[]>
  /** Lines verification could not read keep the engine's verdict (with a warning) instead of `unverified`. */
  readonly allowUnverified?: boolean
  /** Warnings for the job log (unverified lines kept by allowUnverified). */
  readonly warn?: (message: string) => void
  /** Removes credentials from every line before it is logged, echoed or triaged. */
  readonly redact?: (text: string) => string
  /** Every line the child prints (for the job log, inside a stop-commands block). */
  readonly echo?: (stream: 'stdout' | 'stderr', line: string) => void
  /** Our own progress messages. */
  readonly info?: (message: string) => void
  /** The decisions behind the attempts (why retried, the delay, --force, concurrency, verification). */
  readonly debug?: (message: string) => void
  /** An attempt is about to print its first line / has printed its last (a log group in the action). */
  readonly attemptStarted?: (attempt: number, lines: number) => void
  readonly attemptEnded?: (attempt: number) => void
  readonly signal?: AbortSignal
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  readonly random?: () => number
  /** Called after every attempt with what is known so far (saved for the post step). */
  readonly onProgress?: (result: JobResult) => void
  /** Engine and oc client version: how retries repair a line depends on them. */
  readonly tool?: RetryTool
  /** Removes stale files inside the `file://` tree (paths relative to `--dir`). */
  readonly removeStale?: (paths: readonly string[]) => Promise<RemovalResult>
  /**
   * Reads `file://` trees (existence only): before attempt 1 (a tree left by an earlier run),
   * and after each attempt for failed entries when `verify` is off, so that a retry can still
   * remove just the stale manifests instead of passing --force. Never given for a dry run.
   */
  readonly inspectFiles?: (entries: readonly MappingEntry[]) => Promise<VerifyResult[]>
  /**
   * The step ends within this budget (core/time-budget.ts): no attempt, chunk or wait starts
   * that cannot make progress, the engine is stopped at the budget's stop point, verification
   * gets half the reserve after it.
   */
  readonly budget?: TimeBudget
  /** Each attempt runs as engine invocations of at most this many entries (core/chunk-plan.ts). */
  readonly chunkSize?: number
  /** A progress line (to `progress`) every this many milliseconds during an attempt. */
  readonly progressIntervalMs?: number
  readonly progress?: (line: string) => void
  /** The clock (tests). */
  readonly now?: () => number
}

/** How a line was repaired for an attempt: what the plan said and what was done. */
export interface AttemptRepair {
  readonly entryId: number
  readonly method: LineRepair['method']
  /** Files removed for this line, relative to `--dir`. */
  readonly removed: readonly string[]
  readonly why: string
}

/** One attempt as the loop records it: what the report says of it, plus its own log files. */
export interface AttemptRecord extends ReportedAttempt {
  /** Per line of a retry: plain rerun, stale files removed, or --force, and why. */
  readonly repairs: readonly AttemptRepair[]
  readonly stdoutFile: string
  readonly stderrFile: string
  /** With chunk-size: the attempt's engine invocations. */
  readonly chunks?: readonly ChunkRecord[]
}

export interface JobResult {
  /** Verdicts of the entries in scope, merged over the attempts (latest attempt wins). */
  readonly triage: Triage
  readonly attempts: readonly AttemptRecord[]
  readonly aborted: boolean
  /** Set when the run could not go on (the engine could not be started, …). */
  readonly fatal?: string
  /** Entries that have been run at least once. */
  readonly ranIds: readonly number[]
  /** The last failure of each entry that failed at least once (also those that recovered). */
  readonly lastFailure: ReadonlyMap<number, LineVerdict>
  /** Lines the engine reported mirrored whose verification has not run yet (not confirmed). */
  readonly unprovenIds: readonly number[]
  /** Lines verification could not read, kept as mirrored because of allowUnverified. */
  readonly keptUnverifiedIds: readonly number[]
  /** The time budget ended the run (stopped the engine, or kept something from starting). */
  readonly stoppedBy?: 'time-budget'
  /** What the budget did, in one sentence (summary, log). */
  readonly budgetNote?: string
}
