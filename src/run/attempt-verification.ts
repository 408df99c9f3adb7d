// Verification inside the attempt loop: which lines are checked when (file:// after each
// attempt, registries once no further attempt is planned), under which signal, and what each
// result means for the verdict ledger. A line is mirrored only when proven.
import { workEnd } from '../core/time-budget.js'
import type { MappingEntry } from '../core/types.js'
import type { DestinationCheck } from '../core/verdict-ledger.js'
import type { VerifyProblemKind, VerifyResult } from '../verify/types.js'
import { pushKey, type JobState } from './job-state.js'
import type { AttemptRecord, JobOptions, VerifyWhen } from './job-types.js'
import { errorMessage } from '../core/text.js'

/** Lines checked and found wanting by one verification pass. */
export interface VerificationCount {
  readonly checked: number
  readonly incomplete: number
}

const NOTHING_CHECKED: VerificationCount = { checked: 0, incomplete: 0 }

/** Verification problems that mean "could not check", not "incomplete". */
const UNVERIFIABLE = new Set<VerifyProblemKind>([
  'unreachable',
  'unauthorized',
  'registry-error',
  'cancelled'
])

/** Problems that mean nothing of the entry reached the disk (so there is nothing to repair). */
const NOTHING_WRITTEN = new Set<VerifyProblemKind>(['missing-manifest', 'missing-tag'])

/**
 * After an attempt: its file:// lines (oc ≤ 4.13 may print success for a manifest whose layer
 * is missing, docs/oc-behaviour.md §8), unless the run was stopped.
 */
export async function verifyAfterAttempt(
  opts: JobOptions,
  state: JobState,
  entryIds: readonly number[],
  attempt: number
): Promise<VerificationCount> {
  if (state.aborted) return NOTHING_CHECKED
  const fileIds = entryIds.filter((id) => state.byId.get(id)?.destination.kind === 'file')
  return verifyLines(opts, state, fileIds, 'attempt', attempt)
}

/**
 * Once no further attempt is planned: the registry lines not checked since they last ran. The
 * count is added to the last attempt's record.
 */
export async function verifyAtEnd(
  opts: JobOptions,
  state: JobState,
  attempt: number
): Promise<VerificationCount> {
  const pending = opts.scope
    .filter((e) => e.destination.kind === 'registry' && !state.verifiedFinal.has(e.id))
    .map((e) => e.id)
  const final = await verifyLines(opts, state, pending, 'final', attempt)
  const last = state.records[state.records.length - 1]
  if (final.checked > 0 && last) {
    state.records[state.records.length - 1] = withVerified(last, final)
  }
  return final
}

function withVerified(record: AttemptRecord, more: VerificationCount): AttemptRecord {
  return {
    ...record,
    verified: {
      checked: record.verified.checked + more.checked,
      incomplete: record.verified.incomplete + more.incomplete
    }
  }
}

/**
 * One verification pass over `ids`: results become ledger checks; the file:// tree of an
 * incomplete line goes to the repair planner.
 */
export async function verifyLines(
  opts: JobOptions,
  state: JobState,
  ids: readonly number[],
  when: VerifyWhen,
  attempt: number
): Promise<VerificationCount> {
  if (!opts.verify) return NOTHING_CHECKED
  const entries = ids
    .map((id) => state.byId.get(id))
    .filter((e): e is MappingEntry => {
      const v = e && state.ledger.verdict(e.id)
      if (!v) return false
      return when === 'attempt' || v.status === 'mirrored'
    })
  if (entries.length === 0) return NOTHING_CHECKED
  const results = await runVerifier(opts, state, entries, when)
  const redact = opts.redact ?? ((t: string): string => t)
  for (const r of results) {
    if (when === 'final') state.verifiedFinal.add(r.entryId)
    if (r.tree !== undefined && !r.complete) state.trees.set(r.entryId, r.tree)
  }
  const recorded = state.ledger.recordChecks(
    results.map((r) => destinationCheck(r, state, redact)),
    attempt,
    { engineName: opts.engine.name, allowUnverified: opts.allowUnverified ?? false }
  )
  for (const k of recorded.kept) {
    opts.warn?.(
      `${describe(state.byId.get(k.entryId))}: kept as mirrored without verification (allow-unverified): ${k.why}`
    )
  }
  opts.debug?.(
    `verification (${when === 'attempt' ? `after attempt ${attempt}` : 'final'}): ${results.length} of ${entries.length} entries checked, ${recorded.failed} found incomplete`
  )
  return { checked: results.length, incomplete: recorded.failed }
}

/** The verifier under the pass's signal; when it throws, every entry could not be checked. */
async function runVerifier(
  opts: JobOptions,
  state: JobState,
  entries: readonly MappingEntry[],
  when: VerifyWhen
): Promise<VerifyResult[]> {
  const limit = verifyLimit(opts)
  try {
    const results = await opts.verify!(entries, when, limit.signal)
    if (limit.budgetFired()) {
      state.budgetNote ??=
        'verification was cut short at the budget’s limit; lines it could not check are unverified'
      opts.info?.(`Time budget: ${state.budgetNote}`)
    }
    return results
  } catch (e) {
    const why = `verification could not run: ${errorMessage(e)}`
    return entries.map((en) => ({
      entryId: en.id,
      complete: false,
      problems: [{ kind: 'registry-error', message: why }]
    }))
  } finally {
    limit.dispose()
  }
}

/** A verifier's result in the ledger's terms, its texts redacted. */
export function destinationCheck(
  r: VerifyResult,
  state: Pick<JobState, 'byId' | 'pushed'>,
  redact: (text: string) => string
): DestinationCheck {
  const entry = state.byId.get(r.entryId)
  const wrong = entry ? wrongImage(entry, r, state.pushed) : undefined
  const unreadable = r.problems.every((p) => UNVERIFIABLE.has(p.kind))
  const first = r.problems[0]
  const more = r.problems.length > 1 ? ` (+${r.problems.length - 1} more)` : ''
  return {
    entryId: r.entryId,
    complete: r.complete,
    ...(wrong !== undefined ? { wrongImage: redact(wrong) } : {}),
    unreadable,
    detail: unreadable
      ? redact(first?.message ?? 'destination unavailable')
      : redact(`${first?.message ?? 'objects missing'}${more}`),
    nothingWritten: r.problems.some((p) => NOTHING_WRITTEN.has(p.kind))
  }
}

/**
 * The signal a verification pass runs under: the run's own, attempt-timeout when set, and the
 * time budget (until half the reserve after the engine's stop point).
 */
function verifyLimit(opts: JobOptions): {
  signal: AbortSignal
  dispose: () => void
  budgetFired: () => boolean
} {
  const ctl = new AbortController()
  let budgetFired = false
  const budget = opts.budget
  const budgetTimer =
    budget !== undefined
      ? setTimeout(
          () => {
            budgetFired = true
            ctl.abort(new Error('verification stopped by the time budget'))
          },
          Math.max(0, workEnd(budget) + budget.reserveMs / 2 - (opts.now ?? Date.now)())
        )
      : undefined
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
      if (budgetTimer !== undefined) clearTimeout(budgetTimer)
      opts.signal?.removeEventListener('abort', stop)
    },
    budgetFired: () => budgetFired
  }
}

const describe = (e: MappingEntry | undefined): string =>
  e ? `${e.file}:${e.line} ${e.destination.raw}` : 'mapping entry'

/**
 * The engine's success line says which digest it pushed to each tag; the tag must resolve to
 * exactly that. Returns the reason when it does not (a cache or proxy that acknowledged the
 * push without storing it, a concurrent writer), undefined when it does or nothing is known.
 */
export function wrongImage(
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
