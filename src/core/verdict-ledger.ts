// The one place where a line's verdict is decided. The Attributor reads what the engine printed
// in one attempt; the ledger merges those verdicts over the attempts with what verification
// found (wrong image, unreadable, incomplete, partly written), keeps each line's retry history
// (the failure it recovered from), turns a killed attempt's unconfirmed lines into failures, and
// decides what a dry run's silent line means. `retryable` is computed here, against retry-on,
// for every failed verdict that enters the ledger. Pure: no I/O.
import { isRetryable } from './retry-plan.js'
import type { FailureClass, LineVerdict, Triage } from './types.js'

/** A failed verdict of one class, its `retryable` decided by retry-on. */
export function failedVerdict(
  entryId: number,
  cls: FailureClass,
  reason: string,
  evidence: readonly number[],
  retryOn: readonly FailureClass[]
): LineVerdict {
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

/** What verification found for one destination, in the ledger's terms (texts already redacted). */
export interface DestinationCheck {
  readonly entryId: number
  readonly complete: boolean
  /**
   * The tag resolves to another digest than the engine's success line named: the reason.
   * Counts only for a line the engine reported mirrored.
   */
  readonly wrongImage?: string
  /** Every problem means "could not read the destination", none "something is missing". */
  readonly unreadable: boolean
  /** What was found: the first problem (and how many more), for the verdict's reason. */
  readonly detail: string
  /** Nothing of the entry reached the disk (no manifest, no tag): a failed line stays as it is. */
  readonly nothingWritten: boolean
}

/** How an attempt ended early: killed by attempt-timeout or cancelled. */
export type AttemptStop =
  | { readonly kind: 'timed-out'; readonly timeoutSeconds: number }
  | { readonly kind: 'cancelled' }
  /** The time budget stopped the engine (`budget`: the input, e.g. `20s`). */
  | { readonly kind: 'time-budget'; readonly budget: string; readonly engineName: string }

/** A line kept as mirrored although its destination could not be read (allow-unverified). */
export interface KeptUnverified {
  readonly entryId: number
  readonly why: string
}

const NOT_RUN = 'not run: the run stopped before this line was attempted'

/**
 * The verdicts of one job, attempt after attempt. A line is mirrored only when its latest run
 * says so; when `needsProof(id)` holds (verification is on for it) it is confirmed only once a
 * check proved it, or allow-unverified kept it.
 */
export class VerdictLedger {
  private readonly latest = new Map<number, LineVerdict>()
  private readonly failedIn = new Map<number, number>()
  private readonly lastFailures = new Map<number, LineVerdict>()
  /** Lines whose latest run was proven, or kept by allow-unverified. */
  private readonly proven = new Set<number>()
  private readonly kept = new Set<number>()

  constructor(
    private readonly scope: readonly number[],
    private readonly retryOn: readonly FailureClass[],
    private readonly needsProof: (entryId: number) => boolean = () => false
  ) {}

  /** The latest verdict of a line that has run. */
  verdict(entryId: number): LineVerdict | undefined {
    return this.latest.get(entryId)
  }

  /** Latest verdicts of the lines run so far, in the order they first ran. */
  runVerdicts(): LineVerdict[] {
    return [...this.latest.values()]
  }

  /** Lines run at least once, in the order they first ran. */
  ranIds(): number[] {
    return [...this.latest.keys()]
  }

  /** The last failure of each line that failed at least once (also those that recovered). */
  get lastFailure(): ReadonlyMap<number, LineVerdict> {
    return this.lastFailures
  }

  /** A line run again is checked again. */
  rerun(ids: readonly number[]): void {
    for (const id of ids) {
      this.proven.delete(id)
      this.kept.delete(id)
    }
  }

  /**
   * One attempt's verdicts (or verification's failures). A failed line gets `retryable` from
   * retry-on; a mirrored line that failed in an earlier attempt is `recoveredAfter` it.
   */
  record(verdicts: readonly LineVerdict[], attempt: number): void {
    for (const v of verdicts) {
      if (v.status === 'failed') {
        this.failedIn.set(v.entryId, attempt)
        const failed = { ...v, retryable: isRetryable(v, this.retryOn) }
        this.latest.set(v.entryId, failed)
        this.lastFailures.set(v.entryId, failed)
      } else {
        const before = this.failedIn.get(v.entryId)
        this.latest.set(v.entryId, {
          ...v,
          ...(before !== undefined && before < attempt ? { recoveredAfter: before } : {})
        })
      }
    }
  }

  /**
   * An attempt's verdicts as attribution gave them; after a stop (attempt-timeout, cancel) a
   * line the engine did not confirm fails for that reason. Returns the verdicts recorded.
   */
  recordAttempt(
    verdicts: readonly LineVerdict[],
    attempt: number,
    stop?: AttemptStop
  ): readonly LineVerdict[] {
    const recorded = stop ? stoppedAttemptVerdicts(verdicts, attempt, stop, this.retryOn) : verdicts
    this.record(recorded, attempt)
    return recorded
  }

  /**
   * Verification's findings. A line reported mirrored fails as `wrong-image`, `unverified`
   * (unless `allowUnverified` keeps it) or `incomplete`; a failed line with a partial state on
   * disk (the oc ≤ 4.13 bug of docs/oc-behaviour.md §8) adds `incomplete`. Returns how many
   * verdicts turned (or stayed) failed and the lines kept unverified, in the checks' order.
   */
  recordChecks(
    checks: readonly DestinationCheck[],
    attempt: number,
    opts: { readonly engineName: string; readonly allowUnverified: boolean }
  ): { failed: number; kept: KeptUnverified[] } {
    const failed: LineVerdict[] = []
    const kept: KeptUnverified[] = []
    for (const c of checks) {
      const before = this.latest.get(c.entryId)
      if (!before) continue
      const mirrored = before.status === 'mirrored'
      const fail = (cls: FailureClass, reason: string): void => {
        failed.push(failedVerdict(c.entryId, cls, reason, before.evidence, this.retryOn))
      }
      if (c.wrongImage !== undefined && mirrored) {
        fail('wrong-image', c.wrongImage)
      } else if (c.complete) {
        if (mirrored) this.proven.add(c.entryId)
      } else if (c.unreadable) {
        // A destination that cannot be read proves nothing: the line is unverified, not green.
        if (!mirrored) continue
        if (opts.allowUnverified) {
          this.proven.add(c.entryId)
          this.kept.add(c.entryId)
          kept.push({ entryId: c.entryId, why: c.detail })
        } else {
          fail(
            'unverified',
            `${opts.engineName} reported it mirrored, but verification could not read the destination: ${c.detail}`
          )
        }
      } else if (mirrored) {
        fail('incomplete', `oc reported it mirrored, but the mirror is incomplete: ${c.detail}`)
      } else if (!before.classes.includes('incomplete') && !c.nothingWritten) {
        failed.push({
          ...before,
          classes: [...before.classes, 'incomplete'],
          reasons: [
            ...before.reasons,
            `partly written (oc ≤ 4.13 trusts the manifest on a plain rerun): ${c.detail}`
          ]
        })
      }
    }
    this.record(failed, attempt)
    return { failed: failed.length, kept }
  }

  /** Mirrored lines that still need their proof (verification has not run for them yet). */
  unprovenIds(): number[] {
    return this.scope.filter(
      (id) =>
        this.latest.get(id)?.status === 'mirrored' && this.needsProof(id) && !this.proven.has(id)
    )
  }

  /** Lines kept as mirrored by allow-unverified (and still mirrored). */
  keptUnverifiedIds(): number[] {
    return [...this.kept].filter((id) => this.latest.get(id)?.status === 'mirrored')
  }

  /** The run stopped before verification could check them: unproven lines are `unverified`. */
  recordStopBeforeProof(engineName: string, attempt: number): void {
    const ids = this.unprovenIds()
    if (ids.length === 0) return
    this.record(
      ids.map((id) =>
        failedVerdict(
          id,
          'unverified',
          `${engineName} reported it mirrored, but the run stopped before verification could check it`,
          this.latest.get(id)?.evidence ?? [],
          this.retryOn
        )
      ),
      attempt
    )
  }

  /**
   * A verdict for every line in scope, in scope order: a line never run is `unconfirmed`
   * (`notRun`: why, when the run says more than that it stopped).
   */
  verdicts(notRun = NOT_RUN): LineVerdict[] {
    return this.scope.map(
      (id) =>
        this.latest.get(id) ?? {
          entryId: id,
          status: 'failed',
          classes: ['unconfirmed'],
          reasons: [notRun],
          evidence: [],
          retryable: true
        }
    )
  }
}

/** Killed mid-run: whatever the engine did not confirm is not mirrored, for that reason. */
export function stoppedAttemptVerdicts(
  verdicts: readonly LineVerdict[],
  attempt: number,
  stop: AttemptStop,
  retryOn: readonly FailureClass[]
): LineVerdict[] {
  const why =
    stop.kind === 'timed-out'
      ? `attempt ${attempt} exceeded attempt-timeout (${stop.timeoutSeconds}s) and was stopped before oc confirmed this line`
      : stop.kind === 'time-budget'
        ? `the time budget (${stop.budget}) stopped attempt ${attempt} before ${stop.engineName} confirmed this line`
        : `attempt ${attempt} was cancelled before oc confirmed this line`
  return verdicts.map((v) =>
    v.status === 'failed' && v.classes.includes('unconfirmed')
      ? failedVerdict(
          v.entryId,
          stop.kind === 'timed-out' ? 'network' : 'unconfirmed',
          why,
          v.evidence,
          retryOn
        )
      : v
  )
}

/** In a dry run nothing is pushed, so a line no error names is "planned", not unconfirmed. */
export function dryRunVerdicts(triage: Triage): Triage {
  return {
    ...triage,
    verdicts: triage.verdicts.map((v) =>
      v.status === 'failed' && v.classes.length === 1 && v.classes[0] === 'unconfirmed'
        ? {
            entryId: v.entryId,
            status: 'mirrored',
            classes: [],
            reasons: ['planned (dry run)'],
            evidence: v.evidence,
            retryable: false
          }
        : v
    )
  }
}

/** The run's final triage: a dry run's unconfirmed lines are planned. */
export function finalTriage(triage: Triage, opts: { readonly dryRun: boolean }): Triage {
  return opts.dryRun ? dryRunVerdicts(triage) : triage
}

/**
 * The classes and reasons a line is shown with: a recovered line shows the failure it
 * recovered from (so its notice can say what happened), any other line its own.
 */
export function shownFailure(
  v: LineVerdict,
  lastFailure: ReadonlyMap<number, LineVerdict>
): Pick<LineVerdict, 'classes' | 'reasons'> {
  const before = v.recoveredAfter !== undefined ? lastFailure.get(v.entryId) : undefined
  return { classes: before?.classes ?? v.classes, reasons: before?.reasons ?? v.reasons }
}
