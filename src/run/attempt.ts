// One attempt of the loop, step by step: repair the lines (stale files, or --force), write the
// retry mapping it runs, run the engine while its output streams through the log parser and the
// Attributor, record the verdicts in the ledger, verify the file:// lines, keep the record.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { renderRetryMapping } from '../core/retry-mapping.js'
import { hasRateLimit, type NextAttempt } from '../core/retry-plan.js'
import { formatSeconds } from '../core/time-budget.js'
import { attemptMappingFile } from '../core/work-files.js'
import { applyRepairs, inspectFailedTrees, repairSummary } from './attempt-repair.js'
import { verifyAfterAttempt, type VerificationCount } from './attempt-verification.js'
import { runEngineInvocations, type EngineRun } from './engine-run.js'
import type { JobState } from './job-state.js'
import type { AttemptRepair, JobOptions } from './job-types.js'

export type { EngineRun } from './engine-run.js'

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
  const confirmedBefore = opts.scope.filter(
    (e) => !plan.entryIds.includes(e.id) && state.ledger.verdict(e.id)?.status === 'mirrored'
  ).length
  const run = await runEngine(opts, plan, mappingFile, state.pushed, {
    planningSeconds: state.planningSeconds,
    confirmedBefore
  })
  if (!('result' in run)) {
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
  // The engine could not be started for a later chunk: the earlier chunks' verdicts stand.
  if (run.fatal !== undefined) {
    state.fatal = run.fatal
    return false
  }
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
  if (run.budgetStopped) {
    state.budgetNote ??= run.budgetReason ?? `the time budget stopped ${opts.engine.name}`
    opts.info?.(`Time budget: ${state.budgetNote}`)
  }
  // Lines of chunks that never started keep what an earlier attempt said about them; those
  // never run before say why they did not run now.
  const notRun = new Set(run.notRunIds)
  const ran = run.triage.verdicts.filter((v) => !notRun.has(v.entryId))
  const skipped = run.triage.verdicts.filter(
    (v) => notRun.has(v.entryId) && state.ledger.verdict(v.entryId) === undefined
  )
  const recorded = state.ledger.recordAttempt(
    ran,
    plan.attempt,
    aborted
      ? { kind: 'cancelled' }
      : run.budgetStopped
        ? {
            kind: 'time-budget',
            budget: formatSeconds(opts.budget?.budgetMs ?? 0),
            engineName: opts.engine.name
          }
        : timedOut
          ? { kind: 'timed-out', timeoutSeconds: Math.round((opts.timeoutMs ?? 0) / 1000) }
          : undefined
  )
  state.ledger.record(skipped, plan.attempt)
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
    verified: { checked: done.verified.checked, incomplete: done.verified.incomplete },
    ...(done.run.chunks ? { chunks: done.run.chunks } : {})
  })
}

/**
 * Runs the engine for the attempt (in chunks with `chunk-size`, under the time budget, with
 * progress lines): src/run/engine-run.ts.
 */
export function runEngine(
  opts: JobOptions,
  plan: NextAttempt,
  mappingFile: string,
  pushed: Map<string, string>,
  seen: { readonly planningSeconds: number[]; readonly confirmedBefore: number } = {
    planningSeconds: [],
    confirmedBefore: 0
  }
): Promise<EngineRun | { fatal: string }> {
  return runEngineInvocations(
    { ...opts, maxAttempts: opts.policy.maxAttempts, now: opts.now ?? Date.now },
    {
      attempt: plan.attempt,
      entryIds: plan.entryIds,
      force: plan.force,
      ...(plan.maxPerRegistry !== undefined ? { maxPerRegistry: plan.maxPerRegistry } : {}),
      mappingFile
    },
    { pushed, planningSeconds: seen.planningSeconds, confirmedBefore: seen.confirmedBefore }
  )
}
