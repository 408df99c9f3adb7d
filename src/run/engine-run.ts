// The engine's part of one attempt: its lines as one engine invocation, or with `chunk-size`
// as consecutive invocations of at most N entries (core/chunk-plan.ts). Each invocation streams into the
// attempt's log files and its own triage, runs under the attempt's time limit and the time
// budget (the engine's whole process group is stopped at the budget's stop point), and prints
// a progress line every `progress-interval`. The chunks' verdicts make one attempt.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Attributor } from '../core/attribute.js'
import { humanSize } from '../core/go-units.js'
import { planChunks, renderChunkMapping, type Chunk } from '../core/chunk-plan.js'
import { LogParser } from '../core/log-parser.js'
import { formatProgress, ProgressTracker, type InvocationProgress } from '../core/progress.js'
import {
  checkStart,
  formatSeconds,
  minAttemptMs,
  workEnd,
  workLeftMs,
  type TimeBudget
} from '../core/time-budget.js'
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
import type { AttemptRequest, AttemptResult, Engine } from '../engines/engine.js'
import type { ReportedChunk } from '../core/run-report.js'
import { errorMessage } from '../core/text.js'
import type { AttemptLog } from './attempt-log.js'
import { pushKey } from './job-state.js'

export interface EngineRunOptions {
  readonly engine: Engine
  readonly set: MappingSet
  readonly scope: readonly MappingEntry[]
  readonly workDir: string
  readonly log: AttemptLog
  readonly maxAttempts: number
  /** attempt-timeout: for the whole attempt, all its chunks together. */
  readonly timeoutMs?: number
  readonly chunkSize?: number
  readonly budget?: TimeBudget
  readonly progressIntervalMs?: number
  readonly progress?: (line: string) => void
  readonly now: () => number
  readonly redact?: (text: string) => string
  readonly echo?: (stream: 'stdout' | 'stderr', line: string) => void
  readonly info?: (message: string) => void
  readonly attemptStarted?: (attempt: number, lines: number) => void
  readonly attemptEnded?: (attempt: number) => void
  readonly signal?: AbortSignal
}

/** What the attempt is: its number, lines and flags (the retry plan's decision). */
export interface AttemptSpec {
  readonly attempt: number
  readonly entryIds: readonly number[]
  readonly force: boolean
  readonly maxPerRegistry?: number
  /** The mapping file of the whole attempt (attempt 1: the user's; retries: generated). */
  readonly mappingFile: string
}

/** One engine invocation of a chunked attempt, for the report. */
export type ChunkRecord = ReportedChunk

/** What the engine did in one attempt, as read from its output. */
export interface EngineRun {
  /** The attempt as one engine run: first command, first start, last end, worst exit. */
  readonly result: AttemptResult
  /** Verdicts of every entry of the attempt (entries of chunks not run: `unconfirmed`). */
  readonly triage: Triage
  readonly stats?: AttemptStats
  readonly files: { stdout: string; stderr: string }
  readonly logLines: readonly [number, number]
  /** Present with `chunk-size`: one record per invocation that ran. */
  readonly chunks?: readonly ChunkRecord[]
  /** The time budget stopped an invocation or kept a chunk from starting. */
  readonly budgetStopped: boolean
  /** Why the budget ended the attempt early (for the log and the verdicts). */
  readonly budgetReason?: string
  /** Entries of chunks that never started. */
  readonly notRunIds: readonly number[]
  /** The engine could not be started for a later chunk (the earlier chunks' verdicts stand). */
  readonly fatal?: string
}

/** What the job keeps across attempts: success lines' digests, planning times seen. */
export interface EngineRunState {
  /** `<repoKey>\0<tag>` → digest the engine said it pushed (latest wins). */
  readonly pushed: Map<string, string>
  /** Every invocation's planning time, for the budget's "can this still make progress". */
  readonly planningSeconds: number[]
  /** Lines confirmed before this attempt (the progress line's "done"). */
  confirmedBefore: number
}

interface InvocationOutcome {
  readonly result: AttemptResult
  readonly triage: Triage
  readonly stats?: AttemptStats
  readonly logLines: readonly [number, number]
  readonly budgetStopped: boolean
  readonly progress: InvocationProgress
}

/**
 * Runs the engine for attempt `spec`. Every line it prints is redacted, logged, echoed and
 * attributed as it arrives; the success lines' digests are remembered in `state.pushed` for
 * verification. Returns `{ fatal }` when the engine could not be started for the first
 * invocation (nothing ran).
 */
export async function runEngineInvocations(
  opts: EngineRunOptions,
  spec: AttemptSpec,
  state: EngineRunState
): Promise<EngineRun | { fatal: string }> {
  const ids = new Set(spec.entryIds)
  const entries = opts.scope.filter((e) => ids.has(e.id))
  const chunks: Chunk[] =
    opts.chunkSize !== undefined
      ? planChunks(entries, opts.chunkSize)
      : [{ index: 1, entryIds: entries.map((e) => e.id), oversized: false }]
  const chunked = opts.chunkSize !== undefined
  const startedMs = opts.now()
  const files = opts.log.files(spec.attempt)
  const firstLine = opts.log.lineCount + 1

  const verdicts: LineVerdict[] = []
  const runLevel: RunFinding[] = []
  const statsList: AttemptStats[] = []
  const records: ChunkRecord[] = []
  const results: AttemptResult[] = []
  const earlier = { pushed: 0, errors: {} as Partial<Record<FailureClass, number>> }
  let budgetStopped = false
  let budgetReason: string | undefined
  let timedOut = false
  let fatal: string | undefined
  const notRun: number[] = []

  opts.attemptStarted?.(spec.attempt, entries.length)
  try {
    for (const chunk of chunks) {
      const chunkEntries = entries.filter((e) => chunk.entryIds.includes(e.id))
      const stop = stopBeforeChunk(opts, chunk, chunks.length, startedMs, state, {
        budgetStopped,
        timedOut,
        fatal
      })
      if (stop !== undefined) {
        if (stop.budget) {
          budgetStopped = true
          budgetReason ??= stop.why
        }
        if (stop.timedOut) timedOut = true
        notRun.push(...chunk.entryIds)
        continue
      }
      let mappingFile = spec.mappingFile
      if (chunks.length > 1) {
        mappingFile = join(opts.workDir, `attempt-${spec.attempt}-chunk-${chunk.index}.txt`)
        const header = `mirror-guard attempt ${spec.attempt}, chunk ${chunk.index} of ${chunks.length}: ${chunk.entryIds.length} mapping entr${chunk.entryIds.length === 1 ? 'y' : 'ies'}`
        writeFileSync(mappingFile, renderChunkMapping(opts.set, chunk.entryIds, header), {
          mode: 0o600
        })
        opts.info?.(
          `Attempt ${spec.attempt}, chunk ${chunk.index} of ${chunks.length}: ${chunk.entryIds.length} mapping entr${chunk.entryIds.length === 1 ? 'y' : 'ies'}` +
            (chunk.oversized
              ? ` (more than chunk-size ${opts.chunkSize ?? ''}: one destination repository is never split)`
              : '')
        )
      }
      const timeLeft =
        opts.timeoutMs !== undefined ? opts.timeoutMs - (opts.now() - startedMs) : undefined
      let outcome: InvocationOutcome
      try {
        outcome = await runInvocation(opts, spec, state, {
          chunk: chunks.length > 1 ? { index: chunk.index, count: chunks.length } : undefined,
          entries: chunkEntries,
          mappingFile,
          ...(timeLeft !== undefined ? { timeoutMs: Math.max(1, timeLeft) } : {}),
          attemptStartMs: startedMs,
          attemptLines: entries.length,
          earlier
        })
      } catch (e) {
        const why = (opts.redact ?? ((t: string): string => t))(errorMessage(e))
        if (records.length === 0 && results.length === 0) return { fatal: why }
        fatal = why
        notRun.push(...chunk.entryIds)
        continue
      }
      results.push(outcome.result)
      verdicts.push(...outcome.triage.verdicts)
      runLevel.push(...outcome.triage.runLevel)
      if (outcome.stats) statsList.push(outcome.stats)
      if (outcome.stats?.planningSeconds !== undefined) {
        state.planningSeconds.push(outcome.stats.planningSeconds)
      }
      earlier.pushed += outcome.progress.pushed
      for (const [c, n] of Object.entries(outcome.progress.errorsByClass) as [
        FailureClass,
        number
      ][]) {
        earlier.errors[c] = (earlier.errors[c] ?? 0) + n
      }
      if (outcome.result.timedOut) timedOut = true
      if (outcome.budgetStopped) {
        budgetStopped = true
        const b = opts.budget
        budgetReason ??=
          b !== undefined
            ? `the time budget (${formatSeconds(b.budgetMs)}) stopped ${opts.engine.name} after ${formatSeconds(workEnd(b) - b.startMs)}, keeping ${formatSeconds(b.reserveMs)} for verification, the report and the artifacts`
            : `the time budget stopped ${opts.engine.name}`
      }
      if (chunked) {
        records.push({
          chunk: chunk.index,
          entryIds: chunk.entryIds,
          oversized: chunk.oversized,
          mappingFile,
          command: outcome.result.command,
          startedAt: outcome.result.startedAt,
          endedAt: outcome.result.endedAt,
          exitCode: outcome.result.exitCode,
          ...(outcome.result.signal !== undefined ? { signal: outcome.result.signal } : {}),
          timedOut: outcome.result.timedOut,
          aborted: outcome.result.aborted,
          budgetStopped: outcome.budgetStopped,
          logLines: outcome.logLines
        })
      }
      if (outcome.result.aborted) {
        // Cancelled: nothing more starts.
        for (const c of chunks.filter((c) => c.index > chunk.index)) notRun.push(...c.entryIds)
        break
      }
    }
  } finally {
    opts.attemptEnded?.(spec.attempt)
  }

  const notRunSet = new Set(notRun)
  const first = results[0]
  const last = results[results.length - 1]
  const nowIso = new Date(opts.now()).toISOString()
  const result: AttemptResult = {
    exitCode: results.find((r) => r.exitCode !== 0)?.exitCode ?? first?.exitCode ?? null,
    ...(results.find((r) => r.signal !== undefined)?.signal !== undefined
      ? { signal: results.find((r) => r.signal !== undefined)?.signal }
      : {}),
    timedOut,
    aborted: results.some((r) => r.aborted),
    command: first?.command ?? [opts.engine.name, '-f', spec.mappingFile],
    startedAt: first?.startedAt ?? nowIso,
    endedAt: last?.endedAt ?? nowIso
  }
  for (const e of entries) {
    if (!notRunSet.has(e.id)) continue
    verdicts.push({
      entryId: e.id,
      status: 'failed',
      classes: ['unconfirmed'],
      reasons: [
        `not run: attempt ${spec.attempt} stopped before this line's chunk started${budgetReason !== undefined ? ` (${budgetReason})` : ''}`
      ],
      evidence: [],
      retryable: true
    })
  }
  const stats = combineStats(spec.attempt, statsList)
  return {
    result,
    triage: { verdicts, runLevel, attempts: stats ? [stats] : [] },
    ...(stats ? { stats } : {}),
    files,
    logLines: [firstLine, Math.max(firstLine, opts.log.lineCount)],
    ...(chunked ? { chunks: records } : {}),
    budgetStopped,
    ...(budgetReason !== undefined ? { budgetReason } : {}),
    notRunIds: notRun,
    ...(fatal !== undefined ? { fatal } : {})
  }
}

/** Why a chunk must not start: cancelled, out of attempt time, out of budget, a fatal error. */
function stopBeforeChunk(
  opts: EngineRunOptions,
  chunk: Chunk,
  count: number,
  startedMs: number,
  state: EngineRunState,
  sofar: { budgetStopped: boolean; timedOut: boolean; fatal: string | undefined }
): { why: string; budget: boolean; timedOut: boolean } | undefined {
  if (chunk.index === 1) return undefined
  if (sofar.fatal !== undefined) return { why: sofar.fatal, budget: false, timedOut: false }
  if (opts.signal?.aborted) return { why: 'cancelled', budget: false, timedOut: false }
  if (sofar.budgetStopped) return { why: 'time budget', budget: true, timedOut: false }
  if (sofar.timedOut) return { why: 'attempt-timeout', budget: false, timedOut: true }
  if (opts.timeoutMs !== undefined && opts.now() - startedMs >= opts.timeoutMs) {
    return { why: 'attempt-timeout', budget: false, timedOut: true }
  }
  if (opts.budget) {
    const check = checkStart(opts.budget, opts.now(), 0, minAttemptMs(state.planningSeconds))
    if (!check.go) {
      opts.info?.(`Chunk ${chunk.index} of ${count} not started: ${check.why}.`)
      return { why: check.why, budget: true, timedOut: false }
    }
  }
  return undefined
}

interface InvocationSpec {
  readonly chunk?: { readonly index: number; readonly count: number }
  readonly entries: readonly MappingEntry[]
  readonly mappingFile: string
  readonly timeoutMs?: number
  readonly attemptStartMs: number
  readonly attemptLines: number
  readonly earlier: { pushed: number; errors: Partial<Record<FailureClass, number>> }
}

/** One engine run of a chunk's entries: streamed, triaged, stopped at the budget, reported. */
async function runInvocation(
  opts: EngineRunOptions,
  spec: AttemptSpec,
  state: EngineRunState,
  inv: InvocationSpec
): Promise<InvocationOutcome> {
  const attributor = new Attributor(
    opts.set,
    inv.entries.map((e) => e.id)
  )
  const tracker = new ProgressTracker(inv.entries)
  const parser = new LogParser()
  // The parser numbers lines from 1 within this invocation; evidence points into the combined log.
  const offset = opts.log.lineCount
  const feed = (events: readonly LogEvent[]): void => {
    for (const e of events) {
      const shifted: LogEvent =
        e.kind === 'attempt-start'
          ? { ...e, attempt: spec.attempt, logLine: e.logLine + offset }
          : { ...e, logLine: e.logLine + offset }
      if (e.kind === 'success' && e.tag !== undefined) {
        state.pushed.set(pushKey(e.destination, e.tag), e.digest)
      }
      attributor.onEvent(shifted)
      tracker.onEvent(e)
    }
  }

  // The engine stops at the budget's stop point, or when the run is cancelled.
  const stop = new AbortController()
  let budgetFired = false
  const onCancel = (): void => stop.abort(opts.signal?.reason)
  if (opts.signal?.aborted) onCancel()
  else opts.signal?.addEventListener('abort', onCancel, { once: true })
  const budgetTimer =
    opts.budget !== undefined
      ? setTimeout(
          () => {
            budgetFired = true
            opts.info?.(
              `Time budget: stopping ${opts.engine.name} now, to keep time for the report and the artifacts.`
            )
            stop.abort(new Error('time budget'))
          },
          Math.max(0, workEnd(opts.budget) - opts.now())
        )
      : undefined

  const chunkStartMs = opts.now()
  const progressTimer =
    opts.progress !== undefined && (opts.progressIntervalMs ?? 0) > 0
      ? setInterval(() => {
          const p = tracker.snapshot()
          const errors = { ...inv.earlier.errors }
          for (const [c, n] of Object.entries(p.errorsByClass) as [FailureClass, number][]) {
            errors[c] = (errors[c] ?? 0) + n
          }
          const now = opts.now()
          opts.progress?.(
            formatProgress({
              attempt: spec.attempt,
              maxAttempts: opts.maxAttempts,
              ...(inv.chunk ? { chunk: inv.chunk } : {}),
              elapsedMs: now - inv.attemptStartMs,
              chunkElapsedMs: now - chunkStartMs,
              totalLines: opts.scope.length,
              confirmedBefore: state.confirmedBefore,
              attemptLines: inv.attemptLines,
              pushed: inv.earlier.pushed + p.pushed,
              errorsByClass: errors,
              planning: opts.engine.name === 'oc' && !p.planned,
              ...(p.bytes ? { bytes: p.bytes } : {}),
              ...(opts.budget ? { budgetLeftMs: workLeftMs(opts.budget, now) } : {})
            })
          )
        }, opts.progressIntervalMs)
      : undefined

  const request: AttemptRequest = {
    attempt: spec.attempt,
    mappingFile: inv.mappingFile,
    entries: inv.entries,
    force: spec.force,
    ...(spec.maxPerRegistry !== undefined ? { maxPerRegistry: spec.maxPerRegistry } : {}),
    ...(inv.timeoutMs !== undefined ? { timeoutMs: inv.timeoutMs } : {}),
    signal: stop.signal
  }
  const command = opts.engine.command?.(request) ?? [opts.engine.name, '-f', inv.mappingFile]
  const redact = opts.redact ?? ((text: string): string => text)
  const shown = command.map(redact)
  try {
    for (const h of opts.log.begin(spec.attempt, shown, new Date().toISOString(), inv.chunk)) {
      feed(parser.push(h))
      // The command holds input text (paths, extra-args): echoed like oc's own output.
      opts.echo?.('stderr', h)
    }
    let raw: AttemptResult
    try {
      raw = await opts.engine.runAttempt(request, (stream, text) => {
        const line = redact(text)
        opts.log.line(stream, line)
        opts.echo?.(stream, line)
        feed(parser.push(line))
      })
    } finally {
      opts.log.end()
    }
    feed(parser.end())
    const triage = attributor.finish()
    const last = triage.attempts[triage.attempts.length - 1]
    // Stopped by the budget, not cancelled: the job goes on to its report.
    const budgetStopped = budgetFired && !(opts.signal?.aborted ?? false)
    return {
      result: { ...raw, command: shown, aborted: raw.aborted && !budgetStopped },
      triage,
      ...(last ? { stats: { ...last, attempt: spec.attempt } } : {}),
      logLines: [offset + 1, opts.log.lineCount],
      budgetStopped,
      progress: tracker.snapshot()
    }
  } finally {
    if (budgetTimer !== undefined) clearTimeout(budgetTimer)
    if (progressTimer !== undefined) clearInterval(progressTimer)
    opts.signal?.removeEventListener('abort', onCancel)
  }
}

/** The chunks' numbers as one attempt's: sums, and the byte rate over the chunks' time. */
function combineStats(attempt: number, list: readonly AttemptStats[]): AttemptStats | undefined {
  if (list.length === 0) return undefined
  if (list.length === 1) return { ...list[0], attempt }
  const sum = (f: (s: AttemptStats) => number | undefined): number | undefined =>
    list.some((s) => f(s) !== undefined) ? list.reduce((n, s) => n + (f(s) ?? 0), 0) : undefined
  const planningSeconds = sum((s) => s.planningSeconds)
  const mirroringSeconds = sum((s) => s.mirroringSeconds)
  const bytes = sum((s) =>
    s.bytesPerSecond !== undefined && s.mirroringSeconds !== undefined
      ? s.bytesPerSecond * s.mirroringSeconds
      : undefined
  )
  const bytesPerSecond =
    bytes !== undefined && mirroringSeconds !== undefined && mirroringSeconds > 0
      ? Math.round(bytes / mirroringSeconds)
      : undefined
  return {
    attempt,
    ...(planningSeconds !== undefined ? { planningSeconds } : {}),
    ...(mirroringSeconds !== undefined ? { mirroringSeconds } : {}),
    ...(bytesPerSecond !== undefined
      ? { bytesPerSecond, rate: `${humanSize(bytesPerSecond)}/s` }
      : {}),
    errors: list.reduce((n, s) => n + s.errors, 0),
    warnings: list.reduce((n, s) => n + s.warnings, 0),
    successLines: list.reduce((n, s) => n + s.successLines, 0),
    logLines: list.reduce((n, s) => n + s.logLines, 0)
  }
}
