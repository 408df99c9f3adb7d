// One attempt of the loop, step by step: repair the lines (stale files, or --force), write the
// retry mapping it runs, run the engine while its output streams through the log parser and the
// Attributor, record the verdicts in the ledger, verify the file:// lines, keep the record.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Attributor } from '../core/attribute.js'
import { LogParser } from '../core/log-parser.js'
import { renderRetryMapping } from '../core/retry-mapping.js'
import { hasRateLimit, type NextAttempt } from '../core/retry-plan.js'
import type { AttemptStats, LogEvent, Triage } from '../core/types.js'
import { attemptMappingFile } from '../core/work-files.js'
import type { AttemptRequest, Engine } from '../engines/engine.js'
import { applyRepairs, inspectFailedTrees, repairSummary } from './attempt-repair.js'
import { verifyAfterAttempt, type VerificationCount } from './attempt-verification.js'
import { pushKey, type JobState } from './job-state.js'
import type { AttemptRepair, JobOptions } from './job-types.js'
import { errorMessage } from '../core/text.js'

/** What the engine did in one attempt, as read from its output. */
export interface EngineRun {
  readonly result: Awaited<ReturnType<Engine['runAttempt']>>
  readonly triage: Triage
  readonly stats?: AttemptStats
  readonly files: { stdout: string; stderr: string }
  readonly logLines: readonly [number, number]
}

/**
 * Runs the planned attempt and records it. Returns false when the run cannot go on (the engine
 * could not be started: `state.fatal`).
 */
export async function runAttempt(
  opts: JobOptions,
  state: JobState,
  planned: NextAttempt
): Promise<boolean> {
  const repaired = await repairLines(opts, state, planned)
  const plan: NextAttempt = { ...planned, force: repaired.force }
  const mappingFile = writeAttemptMapping(opts, state, plan)
  const run = await runEngine(opts, plan, mappingFile, state.pushed)
  if ('fatal' in run) {
    state.fatal = run.fatal
    return false
  }
  recordEngineRun(opts, state, plan, run)
  for (const id of plan.entryIds) state.trees.delete(id)
  const verified = await verifyAfterAttempt(opts, state, plan.entryIds, plan.attempt)
  if (!state.aborted && !opts.verify) {
    await inspectFailedTrees(
      opts,
      state,
      plan.entryIds.filter((id) => state.byId.get(id)?.destination.kind === 'file')
    )
  }
  keepRecord(opts, state, plan, { mappingFile, repairs: repaired.repairs, run, verified })
  return true
}

/** The plan's repairs, carried out and told in the job log; the lines are checked again. */
async function repairLines(
  opts: JobOptions,
  state: JobState,
  plan: NextAttempt
): Promise<{ repairs: AttemptRepair[]; force: boolean }> {
  const repaired = await applyRepairs(opts, plan)
  for (const line of repairSummary(repaired.repairs))
    opts.info?.(`Attempt ${plan.attempt}: ${line}`)
  // A line run again is checked again.
  for (const id of plan.entryIds) state.verifiedFinal.delete(id)
  state.ledger.rerun(plan.entryIds)
  return repaired
}

/** Attempt 1 runs the user's mapping; a retry runs a generated one of just its lines. */
export function writeAttemptMapping(opts: JobOptions, state: JobState, plan: NextAttempt): string {
  if (plan.attempt <= 1) return opts.firstMappingFile
  const ids = new Set(plan.entryIds)
  const mappingFile = join(opts.workDir, attemptMappingFile(plan.attempt))
  writeFileSync(
    mappingFile,
    renderRetryMapping(opts.set, state.ledger.runVerdicts(), {
      include: (v) => ids.has(v.entryId)
    }),
    { mode: 0o600 }
  )
  return mappingFile
}

/** The attempt's verdicts into the ledger (after a stop, unconfirmed lines fail for it). */
function recordEngineRun(
  opts: JobOptions,
  state: JobState,
  plan: NextAttempt,
  run: EngineRun
): void {
  state.runLevel.push(...run.triage.runLevel)
  if (run.stats) state.stats.push(run.stats)
  const { timedOut, aborted } = run.result
  const recorded = state.ledger.recordAttempt(
    run.triage.verdicts,
    plan.attempt,
    timedOut
      ? { kind: 'timed-out', timeoutSeconds: Math.round((opts.timeoutMs ?? 0) / 1000) }
      : aborted
        ? { kind: 'cancelled' }
        : undefined
  )
  if (hasRateLimit(recorded)) state.rateLimited = true
  if (aborted) state.aborted = true
}

function keepRecord(
  opts: JobOptions,
  state: JobState,
  plan: NextAttempt,
  done: {
    readonly mappingFile: string
    readonly repairs: readonly AttemptRepair[]
    readonly run: EngineRun
    readonly verified: VerificationCount
  }
): void {
  const { result } = done.run
  const latest = plan.entryIds.map((id) => state.ledger.verdict(id))
  state.records.push({
    attempt: plan.attempt,
    command: opts.redact ? result.command.map(opts.redact) : result.command,
    mappingFile: done.mappingFile,
    entryIds: plan.entryIds,
    force: plan.force,
    repairs: done.repairs,
    ...(plan.maxPerRegistry !== undefined ? { maxPerRegistry: plan.maxPerRegistry } : {}),
    delayBeforeMs: plan.delayMs,
    startedAt: result.startedAt,
    endedAt: result.endedAt,
    exitCode: result.exitCode,
    ...(result.signal !== undefined ? { signal: result.signal } : {}),
    timedOut: result.timedOut,
    aborted: result.aborted,
    mirrored: latest.filter((v) => v?.status === 'mirrored').length,
    failed: latest.filter((v) => v?.status !== 'mirrored').length,
    ...(done.run.stats ? { stats: done.run.stats } : {}),
    stdoutFile: done.run.files.stdout,
    stderrFile: done.run.files.stderr,
    logLines: done.run.logLines,
    verified: { checked: done.verified.checked, incomplete: done.verified.incomplete }
  })
}

/**
 * Runs the engine once. Every line it prints is redacted, logged, echoed and attributed as it
 * arrives; the success lines' digests are remembered in `pushed` for verification.
 */
export async function runEngine(
  opts: JobOptions,
  plan: NextAttempt,
  mappingFile: string,
  pushed: Map<string, string>
): Promise<EngineRun | { fatal: string }> {
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
    return { fatal: redact(errorMessage(e)) }
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
