// Attribution: log events × mapping entries → one verdict per entry (docs/oc-behaviour.md §4.4).
// Streaming: events are folded into per-entry state as they arrive; nothing is kept per log line.
import { CLASS_INFO, classify, isRunSummary } from './classify.js'
import { parseErrorSubject, parseFilteredSubject, parseWarningSubject } from './oc-messages.js'
import { IdIndex } from './id-index.js'
import { isExpandingSource, joinKey, parseImageRef, repoKey } from './reference.js'
import type {
  AttemptStats,
  Classification,
  ErrorSubject,
  FailureClass,
  LineVerdict,
  LogEvent,
  MappingEntry,
  MappingSet,
  RunFinding,
  Triage
} from './types.js'

interface Failure extends Classification {
  readonly logLine: number
}

/** What one attempt said about one entry. */
interface AttemptMark {
  /** The attempt (epoch) the lists belong to; older lists are stale and reused. */
  epoch: number
  /**
   * Success lines: the first one inline, the rest in `more`. Most entries get exactly one per
   * attempt; a fresh array per entry and attempt is what made RSS grow with the log size.
   */
  successes: number
  firstSuccess: number
  moreSuccess: number[] | undefined
  /** NO_FAILURES until the first failure (most entries never get one). */
  failures: Failure[]
}

/**
 * Shared empty lists, never mutated: a 1 GB log of 30 attempts over 20,000 lines would
 * otherwise allocate (and promote to the old generation) fresh empty arrays per entry and attempt.
 */
const NO_FAILURES: Failure[] = []
const NONE: never[] = []

/** Failures whose target depends on which entries printed a success line in the same attempt. */
interface Deferred {
  readonly ids: readonly number[]
  readonly failure: Failure
  /** Only entries without a success line in this attempt are hit. */
  readonly onlyUnconfirmed: boolean
}

interface EntryState {
  status?: 'mirrored' | 'failed'
  classes: FailureClass[]
  reasons: string[]
  evidence: number[]
  lastFailedAttempt?: number
  recoveredAfter?: number
}

/** The indexes only errors and warnings need: each built on its first use. */
type ErrorIndex = 'sourceTag' | 'sourceDigest' | 'sourceRepo' | 'destRepo' | 'mappingLine'

/** Each index's key for an entry (undefined: not in that index). */
const ERROR_INDEX_KEYS: Readonly<Record<ErrorIndex, (e: MappingEntry) => string | undefined>> = {
  sourceTag: (e) =>
    !e.source.digest && e.source.tag !== undefined
      ? joinKey(e.source.raw, repoKey(e.source.printed), ':', e.source.tag)
      : undefined,
  sourceDigest: (e) =>
    e.source.digest
      ? joinKey(e.source.raw, repoKey(e.source.printed), '@', e.source.digest)
      : undefined,
  sourceRepo: (e) => repoKey(e.source.printed),
  destRepo: (e) => repoKey(e.destination.printed),
  mappingLine: (e) => `${e.file}:${e.line}`
}

/** How the latest attempt ended, used to explain entries that nothing named. */
type RunEnd = 'planning-aborted' | 'phase-aborted' | 'rejected' | 'dry-run' | 'complete' | 'unknown'

const MAX_REASONS = 5
/** Run-level findings kept whole (see addRunLevel). */
const MAX_RUN_LEVEL = 500
/** oc ≤4.13 on file:// / s3:// writes a manifest without its failed blob (docs/oc-behaviour.md §8) */
const SUCCESS_ANYWAY =
  'oc printed a success line anyway: the manifest was written without the failed blob'
const MAX_EVIDENCE = 20
const NONE_IDS: readonly number[] = []

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

const splitRef = (ref: string): { repo: string; tag?: string; digest?: string } => {
  const at = ref.indexOf('@')
  if (at >= 0) return { repo: ref.slice(0, at), digest: ref.slice(at + 1) }
  const slash = ref.lastIndexOf('/')
  const colon = ref.lastIndexOf(':')
  if (colon > slash) return { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) }
  return { repo: ref }
}

/** Destinations where a manifest push proves the blobs arrived (the registry refuses it otherwise). */
const pushProvesBlobs = (entry: MappingEntry): boolean => entry.destination.kind === 'registry'

export class Attributor {
  private readonly entries: readonly MappingEntry[]
  /** By entry id (ids are dense indexes of the mapping set: arrays, not Maps). */
  private readonly byId: (MappingEntry | undefined)[] = []
  /** Success lines are looked up here: the one index built up front. */
  private readonly byDestTag = new IdIndex()
  /** Tag-less and wildcard sources: oc expands them to tags the mapping never names. */
  private readonly expandingByDestRepo = new IdIndex()
  private readonly successMemo = new Map<
    string,
    { tag: string; ids: readonly number[] }[] | Map<string, readonly number[]>
  >()
  private successMemoSize = 0
  private readonly errorIndexes = new Map<ErrorIndex, IdIndex>()
  /** Created when an attempt first says something about the entry. */
  private readonly state: (EntryState | undefined)[] = []

  private attempt = 0
  private eventsInAttempt = 0
  private sawPlan = false
  /**
   * One mark per entry, reused across attempts (epoch) so a log of many attempts does not
   * allocate a fresh mark per entry and attempt; `touched` lists this attempt's, in order.
   */
  private readonly marks: (AttemptMark | undefined)[] = []
  private readonly touched: number[] = []
  private epoch = 0
  private deferred: Deferred[] = []
  private untaggedSuccess = new Map<string, { digest: string; logLine: number }[]>()
  private runEnd: RunEnd = 'unknown'
  private readonly runLevel: RunFinding[] = []
  private readonly runLevelMore = new Map<string, RunFinding & { count: number }>()
  private readonly attempts: AttemptStats[] = []
  private current: {
    attempt: number
    planningSeconds?: number
    mirroringSeconds?: number
    rate?: string
    bytesPerSecond?: number
    errors: number
    warnings: number
    successLines: number
    firstLine: number
    lastLine: number
  } = this.newStats(0, 1)

  constructor(set: MappingSet, scope?: readonly number[]) {
    const wanted = scope ? new Set(scope) : undefined
    this.entries = set.entries.filter((e) => !wanted || wanted.has(e.id))
    for (const e of this.entries) {
      this.byId[e.id] = e
      const dst = repoKey(e.destination.printed)
      if (isExpandingSource(e.source)) this.expandingByDestRepo.add(dst, e.id)
      else this.byDestTag.add(joinKey(e.destination.raw, dst, ':', e.destinationTag ?? ''), e.id)
    }
  }

  /**
   * An index only errors and warnings need, built on its first use: a clean log (and the
   * memory of a 200,000-line mapping) pays for none of them, most logs for two or three.
   */
  private index(name: ErrorIndex): IdIndex {
    let ix = this.errorIndexes.get(name)
    if (ix === undefined) {
      ix = new IdIndex()
      const keyOf = ERROR_INDEX_KEYS[name]
      for (const e of this.entries) {
        const key = keyOf(e)
        if (key !== undefined) ix.add(key, e.id)
      }
      this.errorIndexes.set(name, ix)
    }
    return ix
  }

  onEvent(e: LogEvent): void {
    if (e.kind !== 'attempt-start') {
      this.current.lastLine = e.logLine
      this.eventsInAttempt++
    }
    switch (e.kind) {
      case 'attempt-start':
        this.closeAttempt()
        this.runEnd = 'unknown'
        this.sawPlan = false
        this.attempt = e.attempt
        this.current = this.newStats(e.attempt, e.logLine)
        return
      case 'success':
        this.current.successLines++
        this.onSuccess(e.destination, e.tag, e.digest, e.logLine)
        return
      case 'error':
        if (e.inPlanTree) return // repeated later as a top-level error line
        this.current.errors++
        this.onError(e.text, e.logLine)
        return
      case 'klog':
        // oc-mirror v1 logs collected errors through klog.Errorf("error: %v").
        if (e.level === 'E' && e.text.startsWith('error: ')) {
          this.current.errors++
          this.onError(e.text.slice('error: '.length), e.logLine)
        }
        return
      case 'warning':
        this.current.warnings++
        this.onWarning(e.text, e.logLine)
        return
      case 'info':
        this.onInfo(e.text, e.logLine)
        return
      case 'plan-blob':
      case 'plan-manifest':
        this.sawPlan = true
        return
      case 'planning-completed':
        this.sawPlan = true
        this.current.planningSeconds = e.seconds
        return
      case 'mirroring-completed':
        this.current.mirroringSeconds = e.seconds
        this.current.rate = e.rate
        this.current.bytesPerSecond = e.bytesPerSecond
        if (this.runEnd === 'unknown') this.runEnd = 'complete'
        return
      default:
        return
    }
  }

  finish(): Triage {
    this.closeAttempt()
    const verdicts: LineVerdict[] = this.entries.map((entry) => {
      const s = this.state[entry.id]
      if (s?.status === 'mirrored') {
        return {
          entryId: entry.id,
          status: 'mirrored',
          classes: [],
          reasons: [],
          evidence: [...s.evidence],
          retryable: false,
          ...(s.recoveredAfter !== undefined ? { recoveredAfter: s.recoveredAfter } : {})
        }
      }
      if (s?.status === 'failed') {
        return {
          entryId: entry.id,
          status: 'failed',
          classes: s.classes,
          reasons: s.reasons,
          evidence: [...s.evidence],
          retryable: classesRetryable(s.classes)
        }
      }
      const rejected = this.runEnd === 'rejected'
      return {
        entryId: entry.id,
        status: 'failed',
        classes: [rejected ? 'usage' : 'unconfirmed'],
        reasons: [unconfirmedReason(this.runEnd)],
        evidence: [],
        retryable: !rejected
      }
    })
    const more = [...this.runLevelMore.values()].map((f): RunFinding => ({
      severity: f.severity,
      class: f.class,
      reason: `${f.reason} (and ${f.count - 1} more ${f.severity}s of this class not listed)`,
      text: f.text,
      logLine: f.logLine,
      count: f.count
    }))
    return { verdicts, runLevel: [...this.runLevel, ...more], attempts: this.attempts }
  }

  private newStats(attempt: number, firstLine: number): Attributor['current'] {
    return { attempt, errors: 0, warnings: 0, successLines: 0, firstLine, lastLine: firstLine }
  }

  private mark(id: number): AttemptMark {
    let m = this.marks[id]
    if (!m) {
      m = {
        epoch: this.epoch,
        successes: 0,
        firstSuccess: 0,
        moreSuccess: undefined,
        failures: NO_FAILURES
      }
      this.marks[id] = m
      this.touched.push(id)
    } else if (m.epoch !== this.epoch) {
      m.epoch = this.epoch
      m.successes = 0
      m.moreSuccess = undefined
      m.failures = NO_FAILURES
      this.touched.push(id)
    }
    return m
  }

  /** Success lines of the entry in the current attempt. */
  private successes(id: number): number {
    const m = this.marks[id]
    return m && m.epoch === this.epoch ? m.successes : 0
  }

  private addSuccess(id: number, logLine: number): void {
    const m = this.mark(id)
    if (m.successes++ === 0) m.firstSuccess = logLine
    else if (m.moreSuccess) m.moreSuccess.push(logLine)
    else m.moreSuccess = [logLine]
  }

  private addFailure(id: number, failure: Failure): void {
    const m = this.mark(id)
    if (m.failures === NO_FAILURES) m.failures = [failure]
    else m.failures.push(failure)
  }

  private fail(ids: readonly number[], failure: Failure): void {
    for (const id of ids) this.addFailure(id, failure)
  }

  private onSuccess(destination: string, tag: string | undefined, digest: string, logLine: number) {
    if (tag !== undefined) {
      for (const id of this.successIds(destination, tag)) this.addSuccess(id, logLine)
      return
    }
    const dst = repoKey(destination)
    // Untagged lines are manifest-list children or digest-only pushes: resolved at attempt end.
    push(this.untaggedSuccess, dst, { digest, logLine })
  }

  /**
   * The entries a tagged success line confirms, memoised by the line's own spelling: a log of
   * many attempts repeats the same lines, and this runs for each of them. Per destination a
   * short list of tags, a Map once it has many (a release repository holds hundreds).
   */
  private successIds(destination: string, tag: string): readonly number[] {
    const known = this.successMemo.get(destination)
    if (known !== undefined) {
      if (Array.isArray(known)) {
        for (const k of known) if (k.tag === tag) return k.ids
      } else {
        const ids = known.get(tag)
        if (ids !== undefined) return ids
      }
    }
    const dst = repoKey(destination)
    const ids = this.byDestTag.get(`${dst}:${tag}`) ?? this.expandingByDestRepo.get(dst) ?? NONE_IDS
    // Bounded by the mapping: a log of endless distinct lines must not grow it.
    if (this.successMemoSize >= 2 * this.entries.length + 1024) return ids
    this.successMemoSize++
    if (known === undefined) this.successMemo.set(destination, [{ tag, ids }])
    else if (!Array.isArray(known)) known.set(tag, ids)
    else if (known.length < 8) known.push({ tag, ids })
    else {
      const byTag = new Map(known.map((k) => [k.tag, k.ids] as const))
      this.successMemo.set(destination, byTag.set(tag, ids))
    }
    return ids
  }

  private onError(text: string, logLine: number): void {
    const c = classify(text)
    const failure: Failure = { ...c, logLine }
    if (isRunSummary(text)) {
      if (/during planning/.test(text)) this.runEnd = 'planning-aborted'
      else if (/while uploading images/.test(text)) this.runEnd = 'phase-aborted'
      this.addRunLevel({ severity: 'error', class: c.class, reason: c.reason, text, logLine })
      return
    }
    // A usage error before any plan output means oc rejected its arguments: nothing ran.
    if (c.class === 'usage' && !this.sawPlan) this.runEnd = 'rejected'
    const subject = parseErrorSubject(text)
    if (!this.target(subject, failure)) {
      this.addRunLevel({ severity: 'error', class: c.class, reason: c.reason, text, logLine })
    }
  }

  /**
   * The first MAX_RUN_LEVEL findings are kept whole; later ones are counted per severity and
   * class, so a log of millions of unattributable lines cannot exhaust memory.
   */
  private addRunLevel(f: RunFinding): void {
    if (this.runLevel.length < MAX_RUN_LEVEL) {
      this.runLevel.push(f)
      return
    }
    const key = `${f.severity} ${f.class}`
    const more = this.runLevelMore.get(key)
    if (more) more.count++
    else this.runLevelMore.set(key, { ...f, count: 1 })
  }

  private onWarning(text: string, logLine: number): void {
    const subject = parseWarningSubject(text)
    if (subject) {
      const c = classify(text)
      if (this.target(subject, { ...c, logLine })) return
    }
    const c = classify(text)
    this.addRunLevel({ severity: 'warning', class: c.class, reason: c.reason, text, logLine })
  }

  private onInfo(text: string, logLine: number): void {
    if (text.startsWith('Dry run complete')) this.runEnd = 'dry-run'
    const subject = parseFilteredSubject(text)
    if (!subject) return
    const failure: Failure = {
      class: 'filtered',
      reason: 'no manifest in the list matched --filter-by-os; nothing was mirrored',
      retryable: false,
      logLine
    }
    if (!this.target(subject, failure, true)) {
      this.addRunLevel({
        severity: 'warning',
        class: failure.class,
        reason: failure.reason,
        text,
        logLine
      })
    }
  }

  /** Routes a failure to the entries its subject names. False when it names none. */
  private target(subject: ErrorSubject, failure: Failure, onlyUnconfirmed = false): boolean {
    const ids = this.resolve(subject)
    if (ids.length === 0) return false
    const byRepo = subject.kind === 'destination-repo' || subject.kind === 'source-repo'
    const byResolvedDigest = subject.kind === 'source-digest' && !this.exactDigest(subject)
    if (onlyUnconfirmed || byResolvedDigest) {
      this.deferred.push({ ids, failure, onlyUnconfirmed: true })
    } else if (byRepo && subject.kind === 'destination-repo') {
      // Blob failures name a repository, not a tag. On registries a tag that was pushed is
      // complete (the registry checked its blobs); on file:// and s3:// it proves nothing.
      const proven = ids.filter((id) => pushProvesBlobs(this.entry(id)))
      const unproven = ids.filter((id) => !pushProvesBlobs(this.entry(id)))
      if (proven.length) this.deferred.push({ ids: proven, failure, onlyUnconfirmed: true })
      this.fail(unproven, failure)
    } else {
      this.fail(ids, failure)
    }
    return true
  }

  private exactDigest(subject: { source: string; digest: string }): boolean {
    return this.index('sourceDigest').has(`${repoKey(subject.source)}@${subject.digest}`)
  }

  private entry(id: number): MappingEntry {
    return this.byId[id] as MappingEntry
  }

  private resolve(subject: ErrorSubject): readonly number[] {
    switch (subject.kind) {
      case 'mapping-line':
        return (
          this.index('mappingLine').get(`${subject.file}:${subject.line}`) ??
          this.entries
            .filter((e) => e.line === subject.line && sameFile(e.file, subject.file))
            .map((e) => e.id)
        )
      case 'source-tag': {
        const src = repoKey(subject.source)
        const exact = this.index('sourceTag').get(`${src}:${subject.tag}`)
        if (exact) return exact
        // Tag-less or wildcard sources expand to tags oc names one by one.
        return (this.index('sourceRepo').get(src) ?? []).filter((id) => {
          const tag = this.entry(id).source.tag
          return tag === undefined || tag.includes('*')
        })
      }
      case 'source-digest': {
        const src = repoKey(subject.source)
        const exact = this.index('sourceDigest').get(`${src}@${subject.digest}`)
        if (exact) return exact
        // A tag resolved to this digest; without -v=3 oc does not say which tag.
        return (this.index('sourceRepo').get(src) ?? []).filter(
          (id) => !this.entry(id).source.digest
        )
      }
      case 'source-list-child': {
        const { repo, tag, digest } = splitRef(subject.sourceRef)
        const parsed = parseImageRef(repo, 'source')
        const src = 'ref' in parsed ? repoKey(parsed.ref.printed) : repoKey(repo)
        const all = [
          ...(this.index('sourceRepo').get(src) ?? []),
          ...(this.index('sourceRepo').get(repoKey(`file://${repo}`)) ?? [])
        ]
        const narrowed = all.filter((id) => {
          const s = this.entry(id).source
          return (digest && s.digest === digest) || (tag !== undefined && s.tag === tag)
        })
        return narrowed.length ? narrowed : all
      }
      case 'source-repo':
        return this.index('sourceRepo').get(repoKey(subject.source)) ?? []
      case 'destination-repo': {
        const ids = this.index('destRepo').get(repoKey(subject.destination)) ?? []
        if (!subject.source) return ids
        const src = repoKey(subject.source)
        const narrowed = ids.filter((id) => repoKey(this.entry(id).source.printed) === src)
        return narrowed.length ? narrowed : ids
      }
      case 'destination-tag': {
        const dst = repoKey(subject.destination)
        if (subject.tag !== undefined) {
          return (
            this.byDestTag.get(`${dst}:${subject.tag}`) ?? this.expandingByDestRepo.get(dst) ?? []
          )
        }
        // A digest push failed: a list child or a digest-only line; the tags above it fail too.
        return this.index('destRepo').get(dst) ?? []
      }
      case 'entry':
        return this.byId[subject.entryId] !== undefined ? [subject.entryId] : []
      case 'run':
        return []
    }
  }

  /** Folds the finished attempt into the per-entry state. */
  private closeAttempt(): void {
    if (this.eventsInAttempt > 0) {
      this.resolveUntagged()
      for (const d of this.deferred) {
        for (const id of d.ids) {
          if (d.onlyUnconfirmed && this.successes(id) > 0) continue
          this.addFailure(id, d.failure)
        }
      }
      for (const id of this.touched) this.apply(id, this.marks[id] as AttemptMark)
      const c = this.current
      this.attempts.push({
        attempt: Math.max(c.attempt, 1),
        ...(c.planningSeconds !== undefined ? { planningSeconds: c.planningSeconds } : {}),
        ...(c.mirroringSeconds !== undefined ? { mirroringSeconds: c.mirroringSeconds } : {}),
        ...(c.rate !== undefined ? { rate: c.rate } : {}),
        ...(c.bytesPerSecond !== undefined ? { bytesPerSecond: c.bytesPerSecond } : {}),
        errors: c.errors,
        warnings: c.warnings,
        successLines: c.successLines,
        logLines: c.lastLine - c.firstLine + 1
      })
    }
    this.touched.length = 0
    this.epoch++
    this.deferred = []
    this.untaggedSuccess = new Map()
    this.eventsInAttempt = 0
  }

  private resolveUntagged(): void {
    for (const [dst, lines] of this.untaggedSuccess) {
      const digestOnly = (this.byDestTag.get(`${dst}:`) ?? []).map((id) => this.entry(id))
      for (const e of digestOnly) {
        const exact = lines.find((l) => l.digest === e.source.digest)
        // Filtered to one platform, oc pushes the child's digest: accept it only when unambiguous.
        const hit = exact ?? (digestOnly.length === 1 && lines.length === 1 ? lines[0] : undefined)
        if (hit) this.addSuccess(e.id, hit.logLine)
      }
    }
  }

  private apply(id: number, m: AttemptMark): void {
    if (this.byId[id] === undefined) return
    let s = this.state[id]
    if (!s) {
      s = { classes: NONE, reasons: NONE, evidence: NONE }
      this.state[id] = s
    }
    const attempt = Math.max(this.attempt, 1)
    if (m.failures.length) {
      s.status = 'failed'
      s.classes = unique(m.failures.map((f) => f.class))
      const reasons = m.failures.map((f) => f.reason)
      if (m.successes && !pushProvesBlobs(this.entry(id))) reasons.push(SUCCESS_ANYWAY)
      s.reasons = unique(reasons).slice(0, MAX_REASONS)
      s.evidence = unique([...m.failures.map((f) => f.logLine), ...successList(m)]).slice(
        0,
        MAX_EVIDENCE
      )
      s.lastFailedAttempt = attempt
      s.recoveredAfter = undefined
    } else if (m.successes) {
      if (s.status === 'failed' && s.lastFailedAttempt !== undefined) {
        s.recoveredAfter = s.lastFailedAttempt
      }
      s.status = 'mirrored'
      s.classes = NONE
      s.reasons = NONE
      // Overwritten in place, never emptied (that would free and reallocate its storage each
      // attempt); finish() hands out copies.
      const n = Math.min(m.successes, MAX_EVIDENCE)
      if (s.evidence === NONE) s.evidence = []
      s.evidence[0] = m.firstSuccess
      for (let i = 1; i < n; i++) s.evidence[i] = m.moreSuccess?.[i - 1] as number
      if (s.evidence.length > n) s.evidence.length = n
    }
  }
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)]

const successList = (m: AttemptMark): number[] =>
  m.successes === 0 ? [] : [m.firstSuccess, ...(m.moreSuccess ?? [])]

const sameFile = (a: string, b: string): boolean =>
  a === b || a.replace(/^\.\//, '') === b.replace(/^\.\//, '')

/** A failed line is retried only when every class is retryable; `dependency` follows its cause. */
export function classesRetryable(classes: readonly FailureClass[]): boolean {
  if (classes.length === 0) return false
  return classes.every((c) => CLASS_INFO[c].retryable)
}

function unconfirmedReason(end: RunEnd): string {
  switch (end) {
    case 'planning-aborted':
      return 'not mirrored: planning stopped at another line’s error (run without --continue-on-error)'
    case 'phase-aborted':
      return 'not mirrored: an earlier phase failed and oc stopped (run without --continue-on-error)'
    case 'rejected':
      return 'not mirrored: oc rejected its arguments before mirroring anything'
    case 'dry-run':
      return 'not mirrored: a dry run only plans'
    default:
      return 'no success line and no error names this line (ping cache, oc ≤4.16 tag merge, or output cut short)'
  }
}
