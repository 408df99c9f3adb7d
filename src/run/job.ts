// The attempt loop: run the engine, read its output as it streams, decide per mapping entry,
// verify, and retry only what is worth retrying. No @actions/* here: main.ts wires it.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Attributor } from '../core/attribute.js'
import { LogParser } from '../core/log-parser.js'
import { repoKey } from '../core/reference.js'
import { replansFileLayers } from '../core/oc-version.js'
import {
  planRepairs,
  type FileTreeState,
  type LineRepair,
  type RetryTool
} from '../core/repair-plan.js'
import { renderRetryMapping } from '../core/report.js'
import {
  hasRateLimit,
  isRetryable,
  planNextAttempt,
  type NextAttempt,
  type RetryPolicy
} from '../core/retry-plan.js'
import { explainNextAttempt } from '../core/retry-explain.js'
import type {
  AttemptStats,
  FailureClass,
  LineVerdict,
  LogEvent,
  MappingEntry,
  MappingSet,
  RunFinding,
  Triage
} from '../core/types.js'
import type { AttemptRequest, Engine } from '../engines/engine.js'
import type { VerifyProblemKind, VerifyResult } from '../verify/types.js'
import type { AttemptLog } from './attempt-log.js'
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
}

/** How a line was repaired for an attempt: what the plan said and what was done. */
export interface AttemptRepair {
  readonly entryId: number
  readonly method: LineRepair['method']
  /** Files removed for this line, relative to `--dir`. */
  readonly removed: readonly string[]
  readonly why: string
}

export interface AttemptRecord {
  readonly attempt: number
  readonly command: readonly string[]
  readonly mappingFile: string
  readonly entryIds: readonly number[]
  readonly force: boolean
  /** Per line of a retry: plain rerun, stale files removed, or --force, and why. */
  readonly repairs: readonly AttemptRepair[]
  readonly maxPerRegistry?: number
  readonly delayBeforeMs: number
  readonly startedAt: string
  readonly endedAt: string
  readonly exitCode: number | null
  readonly signal?: string
  readonly timedOut: boolean
  readonly aborted: boolean
  readonly mirrored: number
  readonly failed: number
  readonly stats?: AttemptStats
  readonly stdoutFile: string
  readonly stderrFile: string
  /** First and last line of this attempt in the combined log. */
  readonly logLines: readonly [number, number]
  readonly verified: { readonly checked: number; readonly incomplete: number }
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
}

/** Verification problems that mean "could not check", not "incomplete". */
const UNVERIFIABLE = new Set<VerifyProblemKind>([
  'unreachable',
  'unauthorized',
  'registry-error',
  'cancelled'
])

/** Problems that mean nothing of the entry reached the disk (so there is nothing to repair). */
const NOTHING_WRITTEN = new Set<VerifyProblemKind>(['missing-manifest', 'missing-tag'])

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

const failedVerdict = (
  entryId: number,
  cls: FailureClass,
  reason: string,
  evidence: readonly number[],
  retryOn: readonly FailureClass[]
): LineVerdict => {
  const v: LineVerdict = {
    entryId,
    status: 'failed',
    classes: [cls],
    reasons: [reason],
    evidence,
    retryable: false
  }
  return { ...v, retryable: isRetryable(v, retryOn) }
}

export async function runJob(opts: JobOptions): Promise<JobResult> {
  const sleep = opts.sleep ?? defaultSleep
  const retryOn = opts.policy.retryOn
  const byId = new Map(opts.scope.map((e) => [e.id, e]))
  const latest = new Map<number, LineVerdict>()
  const failedIn = new Map<number, number>()
  const lastFailure = new Map<number, LineVerdict>()
  const verifiedFinal = new Set<number>()
  // Lines whose latest run was proven (verified complete and the right image), or accepted
  // unverified by allowUnverified. A mirrored line outside it is not confirmed.
  const proven = new Set<number>()
  const keptUnverified = new Set<number>()
  // What the engine said it pushed: `<repoKey>\0<tag>` → digest, latest attempt wins.
  const pushed = new Map<string, string>()
  const checkable = (e: MappingEntry | undefined): boolean =>
    opts.verify !== undefined && e !== undefined && e.destination.kind !== 's3'
  /** The latest file:// tree state of entries found incomplete, for the repair planner. */
  const trees = new Map<number, FileTreeState>()
  const records: AttemptRecord[] = []
  const runLevel: RunFinding[] = []
  const stats: AttemptStats[] = []
  let rateLimited = false
  let aborted = false
  let fatal: string | undefined

  const result = (): JobResult => {
    const verdicts: LineVerdict[] = opts.scope.map(
      (e) =>
        latest.get(e.id) ?? {
          entryId: e.id,
          status: 'failed',
          classes: ['unconfirmed'],
          reasons: ['not run: the run stopped before this line was attempted'],
          evidence: [],
          retryable: true
        }
    )
    return {
      triage: { verdicts, runLevel, attempts: stats },
      attempts: records,
      aborted,
      ...(fatal !== undefined ? { fatal } : {}),
      ranIds: [...latest.keys()],
      lastFailure,
      unprovenIds: opts.scope
        .filter((e) => latest.get(e.id)?.status === 'mirrored' && checkable(e) && !proven.has(e.id))
        .map((e) => e.id),
      keptUnverifiedIds: [...keptUnverified].filter((id) => latest.get(id)?.status === 'mirrored')
    }
  }

  /** Folds one attempt's (or a verification's) verdicts into the latest state. */
  const merge = (verdicts: readonly LineVerdict[], attempt: number): void => {
    for (const v of verdicts) {
      if (v.status === 'failed') {
        failedIn.set(v.entryId, attempt)
        const failed = { ...v, retryable: isRetryable(v, retryOn) }
        latest.set(v.entryId, failed)
        lastFailure.set(v.entryId, failed)
      } else {
        const before = failedIn.get(v.entryId)
        latest.set(v.entryId, {
          ...v,
          ...(before !== undefined && before < attempt ? { recoveredAfter: before } : {})
        })
      }
    }
  }

  /**
   * Verification. An entry oc reported mirrored whose objects are not all there fails as
   * `incomplete`. A failed entry with a partial state on disk (manifest written, a blob missing:
   * the oc ≤4.13 bug of docs/oc-behaviour.md §8) also gets `incomplete`; its tree state goes to
   * the repair planner, which removes the stale manifest before the retry.
   */
  const verifyEntries = async (
    ids: readonly number[],
    when: VerifyWhen,
    attempt: number
  ): Promise<{ checked: number; incomplete: number }> => {
    if (!opts.verify) return { checked: 0, incomplete: 0 }
    const entries = ids
      .map((id) => byId.get(id))
      .filter((e): e is MappingEntry => {
        const v = e && latest.get(e.id)
        if (!v) return false
        return when === 'attempt' || v.status === 'mirrored'
      })
    if (entries.length === 0) return { checked: 0, incomplete: 0 }
    let results: VerifyResult[]
    const limit = verifyLimit(opts)
    try {
      results = await opts.verify(entries, when, limit.signal)
    } catch (e) {
      const why = `verification could not run: ${e instanceof Error ? e.message : String(e)}`
      results = entries.map((en) => ({
        entryId: en.id,
        complete: false,
        problems: [{ kind: 'registry-error', message: why }]
      }))
    } finally {
      limit.dispose()
    }
    const redact = opts.redact ?? ((t: string): string => t)
    const bad: LineVerdict[] = []
    for (const r of results) {
      if (when === 'final') verifiedFinal.add(r.entryId)
      if (r.tree !== undefined && !r.complete) trees.set(r.entryId, r.tree)
      const before = latest.get(r.entryId)
      if (!before) continue
      const entry = byId.get(r.entryId)
      const wrong = entry && before.status === 'mirrored' ? wrongImage(entry, r, pushed) : undefined
      if (wrong !== undefined) {
        bad.push(failedVerdict(r.entryId, 'wrong-image', redact(wrong), before.evidence, retryOn))
        continue
      }
      if (r.complete) {
        if (before.status === 'mirrored') proven.add(r.entryId)
        continue
      }
      // A destination that cannot be read proves nothing: the line is unverified, not green.
      if (r.problems.every((p) => UNVERIFIABLE.has(p.kind))) {
        if (before.status !== 'mirrored') continue
        const why = redact(r.problems[0]?.message ?? 'destination unavailable')
        if (opts.allowUnverified) {
          proven.add(r.entryId)
          keptUnverified.add(r.entryId)
          opts.warn?.(
            `${describe(entry)}: kept as mirrored without verification (allow-unverified): ${why}`
          )
          continue
        }
        bad.push(
          failedVerdict(
            r.entryId,
            'unverified',
            `${opts.engine.name} reported it mirrored, but verification could not read the destination: ${why}`,
            before.evidence,
            retryOn
          )
        )
        continue
      }
      const first = r.problems[0]
      const more = r.problems.length > 1 ? ` (+${r.problems.length - 1} more)` : ''
      const detail = redact(`${first?.message ?? 'objects missing'}${more}`)
      if (before.status === 'mirrored') {
        bad.push(
          failedVerdict(
            r.entryId,
            'incomplete',
            `oc reported it mirrored, but the mirror is incomplete: ${detail}`,
            before.evidence,
            retryOn
          )
        )
      } else if (
        !before.classes.includes('incomplete') &&
        r.problems.every((p) => !NOTHING_WRITTEN.has(p.kind))
      ) {
        const v: LineVerdict = {
          ...before,
          classes: [...before.classes, 'incomplete'],
          reasons: [
            ...before.reasons,
            `partly written (oc ≤ 4.13 trusts the manifest on a plain rerun): ${detail}`
          ]
        }
        bad.push({ ...v, retryable: isRetryable(v, retryOn) })
      }
    }
    merge(bad, attempt)
    opts.debug?.(
      `verification (${when === 'attempt' ? `after attempt ${attempt}` : 'final'}): ${results.length} of ${entries.length} entries checked, ${bad.length} found incomplete`
    )
    return { checked: results.length, incomplete: bad.length }
  }

  /** verify: off — the trees of failed file:// lines are still read for the repair planner. */
  const inspectTrees = async (ids: readonly number[]): Promise<void> => {
    if (!opts.inspectFiles) return
    const entries = ids
      .map((id) => byId.get(id))
      .filter(
        (e): e is MappingEntry =>
          e !== undefined && e.destination.kind === 'file' && latest.get(e.id)?.status === 'failed'
      )
    if (entries.length === 0) return
    try {
      for (const r of await opts.inspectFiles(entries)) {
        if (r.tree !== undefined && !r.complete) trees.set(r.entryId, r.tree)
      }
    } catch (e) {
      opts.info?.(`Could not read the mirror tree: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  /**
   * Carries out the plan's removals line by line. A line whose files cannot all be removed
   * safely falls back to --force (which then applies to the whole attempt: one oc run).
   */
  const applyRepairs = async (
    plan: NextAttempt
  ): Promise<{ repairs: AttemptRepair[]; force: boolean }> => {
    const repairs: AttemptRepair[] = []
    for (const r of plan.repairs) {
      if (r.method !== 'remove-stale') {
        repairs.push({ entryId: r.entryId, method: r.method, removed: [], why: r.why })
        continue
      }
      const done: RemovalResult = opts.removeStale
        ? await opts.removeStale(r.remove)
        : {
            removed: [],
            absent: [],
            refused: r.remove.map((path) => ({ path, why: 'no mirror directory to edit' }))
          }
      const refused = done.refused[0]
      if (refused !== undefined) {
        repairs.push({
          entryId: r.entryId,
          method: 'force',
          removed: done.removed,
          why: `could not remove ${refused.path}: ${refused.why}`
        })
      } else {
        repairs.push({
          entryId: r.entryId,
          method: 'remove-stale',
          removed: [...done.removed, ...done.absent],
          why: r.why
        })
      }
    }
    return { repairs, force: plan.force || repairs.some((r) => r.method === 'force') }
  }

  // Nothing to mirror (a mapping of comments only): oc is not started.
  let next: NextAttempt | undefined =
    opts.scope.length === 0
      ? undefined
      : {
          attempt: 1,
          entryIds: opts.scope.map((e) => e.id),
          force: false,
          repairs: [],
          maxPerRegistry: opts.policy.maxPerRegistry,
          delayMs: 0,
          permanentIds: []
        }

  // A tree carried over from an earlier run (retry-from, a nightly refresh) may already hold
  // manifests oc ≤ 4.13 wrote without their layers: remove them before the first attempt too,
  // or that attempt would skip those images and only the second would repair them.
  if (next && opts.tool?.engine === 'oc' && opts.policy.forceOnRetry === 'auto') {
    next = { ...next, repairs: await staleBeforeFirstAttempt(opts, opts.tool) }
  }
  if (next) {
    opts.debug?.(
      `attempt 1 of ${opts.policy.maxAttempts}: ${next.entryIds.length} mapping entries, --max-per-registry ${next.maxPerRegistry ?? "oc's default"}`
    )
  }
  const explain = (progress: Parameters<typeof planNextAttempt>[0]): void => {
    if (!opts.debug) return
    for (const m of explainNextAttempt(progress, opts.policy, next)) opts.debug(m)
  }

  while (next) {
    let plan: NextAttempt = next
    if (plan.delayMs > 0) {
      opts.info?.(
        `Attempt ${plan.attempt} of ${opts.policy.maxAttempts} in ${(plan.delayMs / 1000).toFixed(1)}s: ` +
          `${plan.entryIds.length} mapping entr${plan.entryIds.length === 1 ? 'y' : 'ies'}` +
          `${plan.force ? ', with --force' : ''}` +
          `${plan.maxPerRegistry !== undefined ? `, --max-per-registry=${plan.maxPerRegistry}` : ''}`
      )
      await sleep(plan.delayMs, opts.signal)
    }
    if (opts.signal?.aborted) {
      aborted = true
      break
    }
    const repaired = await applyRepairs(plan)
    plan = { ...plan, force: repaired.force }
    for (const line of repairSummary(repaired.repairs))
      opts.info?.(`Attempt ${plan.attempt}: ${line}`)
    // A line run again is checked again.
    for (const id of plan.entryIds) {
      verifiedFinal.delete(id)
      proven.delete(id)
      keptUnverified.delete(id)
    }

    let mappingFile = opts.firstMappingFile
    if (plan.attempt > 1) {
      const ids = new Set(plan.entryIds)
      mappingFile = join(opts.workDir, `retry-mapping-attempt-${plan.attempt}.txt`)
      writeFileSync(
        mappingFile,
        renderRetryMapping(opts.set, [...latest.values()], { include: (v) => ids.has(v.entryId) }),
        { mode: 0o600 }
      )
    }

    const record = await runOneAttempt(opts, plan, mappingFile, pushed)
    if ('fatal' in record) {
      fatal = record.fatal
      break
    }
    runLevel.push(...record.triage.runLevel)
    if (record.stats) stats.push(record.stats)

    let verdicts = record.triage.verdicts
    if (record.result.timedOut || record.result.aborted) {
      // Killed mid-run: whatever oc did not confirm is not mirrored.
      verdicts = verdicts.map((v) =>
        v.status === 'failed' && v.classes.includes('unconfirmed')
          ? failedVerdict(
              v.entryId,
              record.result.timedOut ? 'network' : 'unconfirmed',
              record.result.timedOut
                ? `attempt ${plan.attempt} exceeded attempt-timeout (${Math.round((opts.timeoutMs ?? 0) / 1000)}s) and was stopped before oc confirmed this line`
                : `attempt ${plan.attempt} was cancelled before oc confirmed this line`,
              v.evidence,
              retryOn
            )
          : v
      )
    }
    merge(verdicts, plan.attempt)
    if (hasRateLimit(verdicts)) rateLimited = true
    if (record.result.aborted) aborted = true

    // file:// and s3:// destinations: oc ≤4.13 may print success for a manifest whose layer is
    // missing (docs/oc-behaviour.md §8), so they are checked after every attempt.
    const fileIds = plan.entryIds.filter((id) => byId.get(id)?.destination.kind === 'file')
    for (const id of plan.entryIds) trees.delete(id)
    const verified = aborted
      ? { checked: 0, incomplete: 0 }
      : await verifyEntries(fileIds, 'attempt', plan.attempt)
    if (!aborted && !opts.verify) await inspectTrees(fileIds)

    const done = plan.entryIds.map((id) => latest.get(id))
    records.push({
      attempt: plan.attempt,
      command: opts.redact ? record.result.command.map(opts.redact) : record.result.command,
      mappingFile,
      entryIds: plan.entryIds,
      force: plan.force,
      repairs: repaired.repairs,
      ...(plan.maxPerRegistry !== undefined ? { maxPerRegistry: plan.maxPerRegistry } : {}),
      delayBeforeMs: plan.delayMs,
      startedAt: record.result.startedAt,
      endedAt: record.result.endedAt,
      exitCode: record.result.exitCode,
      ...(record.result.signal !== undefined ? { signal: record.result.signal } : {}),
      timedOut: record.result.timedOut,
      aborted: record.result.aborted,
      mirrored: done.filter((v) => v?.status === 'mirrored').length,
      failed: done.filter((v) => v?.status !== 'mirrored').length,
      ...(record.stats ? { stats: record.stats } : {}),
      stdoutFile: record.files.stdout,
      stderrFile: record.files.stderr,
      logLines: record.logLines,
      verified
    })
    opts.onProgress?.(result())
    if (aborted) break

    const progress = () => ({
      attemptsDone: plan.attempt,
      entries: opts.scope,
      verdicts: [...latest.values()],
      rateLimited,
      trees,
      ...(opts.tool ? { tool: opts.tool } : {})
    })
    next = planNextAttempt(progress(), opts.policy, opts.random)
    explain(progress())
    if (!next) {
      // Registry destinations are checked once, when no further attempt is planned; a line
      // found incomplete may still get an attempt if any are left.
      const pending = opts.scope
        .filter((e) => e.destination.kind === 'registry' && !verifiedFinal.has(e.id))
        .map((e) => e.id)
      const final = await verifyEntries(pending, 'final', plan.attempt)
      if (final.checked > 0) {
        const last = records[records.length - 1]
        if (last) {
          records[records.length - 1] = {
            ...last,
            verified: {
              checked: last.verified.checked + final.checked,
              incomplete: last.verified.incomplete + final.incomplete
            }
          }
        }
        opts.onProgress?.(result())
      }
      if (final.incomplete > 0 && !opts.signal?.aborted) {
        next = planNextAttempt(progress(), opts.policy, opts.random)
        explain(progress())
      }
      if (opts.signal?.aborted) aborted = true
    }
  }
  // Stopped before verification could run (cancel, fatal): what the engine reported is unproven.
  const unproven = result().unprovenIds
  if (unproven.length > 0) {
    merge(
      unproven.map((id) =>
        failedVerdict(
          id,
          'unverified',
          `${opts.engine.name} reported it mirrored, but the run stopped before verification could check it`,
          latest.get(id)?.evidence ?? [],
          retryOn
        )
      ),
      records.length
    )
  }
  return result()
}

/** The signal a verification pass runs under: the run's own, and attempt-timeout when set. */
function verifyLimit(opts: JobOptions): { signal: AbortSignal; dispose: () => void } {
  const ctl = new AbortController()
  const stop = (): void => ctl.abort(opts.signal?.reason ?? new Error('cancelled'))
  if (opts.signal?.aborted) stop()
  opts.signal?.addEventListener('abort', stop, { once: true })
  const timer =
    opts.timeoutMs !== undefined
      ? setTimeout(
          () =>
            ctl.abort(
              new Error(
                `verification exceeded attempt-timeout (${Math.round(opts.timeoutMs! / 1000)}s)`
              )
            ),
          opts.timeoutMs
        )
      : undefined
  return {
    signal: ctl.signal,
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer)
      opts.signal?.removeEventListener('abort', stop)
    }
  }
}

const describe = (e: MappingEntry | undefined): string =>
  e ? `${e.file}:${e.line} ${e.destination.raw}` : 'mapping entry'

/** Key of a pushed tag: the destination repository as oc prints it, and the tag. */
const pushKey = (printedRepo: string, tag: string): string => `${repoKey(printedRepo)}\0${tag}`

/**
 * The engine's success line says which digest it pushed to each tag; the tag must resolve to
 * exactly that. Returns the reason when it does not (a cache or proxy that acknowledged the
 * push without storing it, a concurrent writer), undefined when it does or nothing is known.
 */
function wrongImage(
  entry: MappingEntry,
  r: VerifyResult,
  pushed: ReadonlyMap<string, string>
): string | undefined {
  for (const { tag, digest } of r.resolved ?? []) {
    const expected = pushed.get(pushKey(entry.destination.printed, tag))
    if (expected !== undefined && expected !== digest) {
      return `the engine pushed ${expected} to ${entry.destination.printed}:${tag}, but the tag resolves to ${digest}`
    }
  }
  return undefined
}

/** `remove-stale` repairs for the stale manifests an existing tree holds before attempt 1. */
async function staleBeforeFirstAttempt(opts: JobOptions, tool: RetryTool): Promise<LineRepair[]> {
  const entries = opts.scope.filter((e) => e.destination.kind === 'file')
  if (!opts.inspectFiles || entries.length === 0 || replansFileLayers(tool.ocVersion)) return []
  let results: VerifyResult[]
  try {
    results = await opts.inspectFiles(entries)
  } catch {
    return []
  }
  const trees = new Map<number, FileTreeState>()
  for (const r of results) if (!r.complete && r.tree !== undefined) trees.set(r.entryId, r.tree)
  if (trees.size === 0) return []
  return planRepairs({
    entries: entries.filter((e) => trees.has(e.id)),
    verdicts: [],
    trees,
    mode: 'auto',
    tool
  }).filter((r) => r.method === 'remove-stale')
}

/** One line per repair method for the job log, e.g. `removed 4 stale files for 2 lines`. */
export function repairSummary(repairs: readonly AttemptRepair[]): string[] {
  const out: string[] = []
  const removal = repairs.filter((r) => r.method === 'remove-stale')
  if (removal.length > 0) {
    const files = removal.reduce((n, r) => n + r.removed.length, 0)
    out.push(
      `removed ${files} stale file${files === 1 ? '' : 's'} from the mirror tree for ${removal.length} line${removal.length === 1 ? '' : 's'}, rerun without --force`
    )
  }
  const plain = repairs.filter((r) => r.method === 'plain').length
  if (plain > 0) out.push(`${plain} line${plain === 1 ? '' : 's'} rerun as is`)
  const forced = repairs.filter((r) => r.method === 'force')
  if (forced.length > 0) {
    const why = [...new Set(forced.map((r) => r.why))].join('; ')
    out.push(
      `--force for this attempt (${forced.length} line${forced.length === 1 ? '' : 's'}): ${why}`
    )
  }
  return out
}

interface AttemptOutcome {
  readonly result: Awaited<ReturnType<Engine['runAttempt']>>
  readonly triage: Triage
  readonly stats?: AttemptStats
  readonly files: { stdout: string; stderr: string }
  readonly logLines: readonly [number, number]
}

async function runOneAttempt(
  opts: JobOptions,
  plan: NextAttempt,
  mappingFile: string,
  pushed: Map<string, string>
): Promise<AttemptOutcome | { fatal: string }> {
  const ids = new Set(plan.entryIds)
  const entries = opts.scope.filter((e) => ids.has(e.id))
  const attributor = new Attributor(opts.set, plan.entryIds)
  const parser = new LogParser()
  // The parser numbers lines from 1 within this attempt; evidence points into the combined log.
  const offset = opts.log.lineCount
  const feed = (events: readonly LogEvent[]): void => {
    for (const e of events) {
      const shifted: LogEvent =
        e.kind === 'attempt-start'
          ? { ...e, attempt: plan.attempt, logLine: e.logLine + offset }
          : { ...e, logLine: e.logLine + offset }
      if (e.kind === 'success' && e.tag !== undefined) {
        pushed.set(pushKey(e.destination, e.tag), e.digest)
      }
      attributor.onEvent(shifted)
    }
  }
  const files = opts.log.files(plan.attempt)
  const request: AttemptRequest = {
    attempt: plan.attempt,
    mappingFile,
    entries,
    force: plan.force,
    ...(plan.maxPerRegistry !== undefined ? { maxPerRegistry: plan.maxPerRegistry } : {}),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.signal ? { signal: opts.signal } : {})
  }
  const command = opts.engine.command?.(request) ?? [opts.engine.name, '-f', mappingFile]
  const redact = opts.redact ?? ((text: string): string => text)
  const shown = command.map(redact)
  opts.attemptStarted?.(plan.attempt, plan.entryIds.length)
  for (const h of opts.log.begin(plan.attempt, shown, new Date().toISOString())) {
    feed(parser.push(h))
    // The command holds input text (paths, extra-args): echoed like oc's own output.
    opts.echo?.('stderr', h)
  }
  let result
  try {
    result = await opts.engine.runAttempt(request, (stream, raw) => {
      const line = redact(raw)
      opts.log.line(stream, line)
      opts.echo?.(stream, line)
      feed(parser.push(line))
    })
  } catch (e) {
    opts.log.end()
    opts.attemptEnded?.(plan.attempt)
    return { fatal: redact(e instanceof Error ? e.message : String(e)) }
  }
  opts.attemptEnded?.(plan.attempt)
  feed(parser.end())
  opts.log.end()
  const triage = attributor.finish()
  const last = triage.attempts[triage.attempts.length - 1]
  return {
    result,
    triage,
    ...(last ? { stats: { ...last, attempt: plan.attempt } } : {}),
    files,
    logLines: [offset + 1, opts.log.lineCount]
  }
}
