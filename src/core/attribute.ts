// Attribution: log events × mapping entries → one verdict per entry (docs/oc-behaviour.md §4.4).
// Streaming: events are folded into per-entry state as they arrive; nothing is kept per log line.
import { CLASS_INFO, classify, isRunSummary } from './classify.js'
import { parseErrorSubject, parseFilteredSubject, parseWarningSubject } from './oc-messages.js'
import { IdIndex } from './id-index.js'
import { isExpandingSource, joinKey, parseImageRef, repoKey } from './reference.js'
import { ROOT_CAUSE_NOT_PRINTED, rootCauseFirst, rootCauses } from './root-cause.js'
import type {
  AttemptStats,
  Classification,
  ErrorSubject,
  FailureClass,
  LineVerdict,
  LogEvent,
  MappingEntry,
  MappingSet,
  OmittedAttempts,
  RunFinding,
  Triage
} from './types.js'

interface Failure extends Classification {
  readonly logLine: number
}

/**
 * Shared empty lists, never mutated: a 1 GB log of 30 attempts over 20,000 lines would
 * otherwise allocate (and promote to the old generation) fresh empty arrays per entry and attempt.
 */
const NONE: never[] = []

/** A failed entry's verdict parts, or a mirrored one's evidence when it has more than one line. */
interface EntryDetail {
  classes: FailureClass[]
  reasons: string[]
  evidence: number[]
}

/** Entry status in the compact per-entry state (0: nothing said about it yet). */
const MIRRORED = 1
const FAILED = 2

/**
 * Bounds on what is kept of a log, so memory follows the mapping and not the log. Injectable
 * (tests use small ones); the defaults keep every verdict exactly what unbounded lists give.
 */
export interface AttributionBounds {
  /** Run-level findings kept whole; later ones are counted per severity and class. */
  readonly runLevel: number
  /** Characters of run-level finding texts kept whole (one huge error must not hold many). */
  readonly runLevelChars: number
  /** Attempt records kept whole from the start (the latest is always kept too). */
  readonly attempts: number
  /** Failures kept per entry and attempt beyond those that add a class or a reason. */
  readonly failuresPerEntry: number
  /** Distinct success lines remembered with what they confirm. */
  readonly successMemo: number
}

export const DEFAULT_BOUNDS: AttributionBounds = {
  runLevel: 500,
  runLevelChars: 1 << 20,
  attempts: 100,
  failuresPerEntry: 20,
  successMemo: 1 << 15
}

/** Entry ids as IdIndex.peek keeps them: one id (most keys) as a bare number. */
type Ids = number | readonly number[]

/** The entries that success lines of one destination and tag confirm. */
interface TagIds {
  readonly tag: string
  readonly ids: Ids
}

/** Untagged success lines of one attempt and destination repository. */
interface UntaggedTarget {
  readonly dst: string
  readonly wanted: ReadonlySet<string | undefined>
}

interface UntaggedLines {
  count: number
  /** The first one's log line. */
  first: number
  /** The first line of each digest a digest-only entry there wants. */
  readonly byDigest: Map<string, number>
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

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
/** oc ≤4.13 on file:// / s3:// writes a manifest without its failed blob (docs/oc-behaviour.md §8) */
const SUCCESS_ANYWAY =
  'oc printed a success line anyway: the manifest was written without the failed blob'
const MAX_EVIDENCE = 20
/** Error texts remembered with their meaning, and the longest one remembered. */
const MAX_ERROR_MEMO = 4096
const MAX_MEMO_TEXT = 4096
/** Entries remembered per error text (more are resolved again each time). */
const MAX_MEMO_IDS = 64

interface ErrorMeaning {
  readonly c: Classification
  readonly subject: ErrorSubject
  readonly runSummary: boolean
  readonly ids?: readonly number[]
}
const NONE_IDS: readonly number[] = []

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
  private readonly successMemo = new Map<string, TagIds | TagIds[] | Map<string, Ids>>()
  private successMemoSize = 0
  private readonly untaggedMemo = new Map<string, UntaggedTarget | null>()
  /** The digest-only entries per destination repository that has any (bounded by the mapping). */
  private readonly digestOnlyEntries = new Map<string, readonly MappingEntry[]>()
  private readonly errorIndexes = new Map<ErrorIndex, IdIndex>()
  /** Error texts met before: their classification and subject (pure functions of the text). */
  private readonly errorMemo = new Map<string, ErrorMeaning>()

  /*
   * Per-entry state, in typed arrays indexed by entry id (a few dozen bytes per mapping line;
   * objects per entry were most of a 100,000-line mapping's memory). Only failed entries, and
   * mirrored ones with more than one success line, get an EntryDetail.
   */
  private readonly status: Uint8Array
  /** A mirrored entry's first success line (its evidence when it has no EntryDetail). */
  private readonly mirroredAt: Float64Array
  /** 0: never failed; else the attempt of its latest failure. */
  private readonly lastFailedAttempt: Int32Array
  /** 0: not recovered; else the attempt it failed in before a later one mirrored it. */
  private readonly recoveredAfter: Int32Array
  private readonly detail = new Map<number, EntryDetail>()

  private attempt = 0
  private eventsInAttempt = 0
  private sawPlan = false
  /*
   * What the current attempt said about each entry: typed arrays reused across attempts (an
   * entry's mark is current when markEpoch[id] === epoch), so a log of many attempts allocates
   * nothing per entry and attempt; `touched` lists this attempt's entries, in order. The rare
   * lists (failures, success lines after the first) live in Maps emptied per attempt.
   */
  private readonly markEpoch: Int32Array
  private readonly markSuccesses: Float64Array
  private readonly markFirstSuccess: Float64Array
  /** Success lines after the first, up to the evidence bound. */
  private readonly markMoreSuccess = new Map<number, number[]>()
  private readonly markFailures = new Map<number, Failure[]>()
  /** Failures that hit the entry only if the attempt printed no success line for it. */
  private readonly markDeferred = new Map<number, Failure[]>()
  private readonly touched: number[] = []
  private epoch = 0
  /** Untagged success lines per destination repository that has digest-only entries. */
  private readonly untaggedSuccess = new Map<string, UntaggedLines>()
  private readonly digestOnly = new Map<string, ReadonlySet<string | undefined>>()
  private runEnd: RunEnd = 'unknown'
  private readonly runLevel: RunFinding[] = []
  private runLevelChars = 0
  private readonly runLevelMore = new Map<string, RunFinding & { count: number }>()
  private readonly attempts: AttemptStats[] = []
  /** The latest attempt record once `bounds.attempts` are kept; earlier ones are summed. */
  private latestAttempt: AttemptStats | undefined
  private omitted: Mutable<OmittedAttempts> | undefined
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

  private readonly bounds: AttributionBounds

  constructor(set: MappingSet, scope?: readonly number[], bounds: Partial<AttributionBounds> = {}) {
    this.bounds = { ...DEFAULT_BOUNDS, ...bounds }
    const wanted = scope ? new Set(scope) : undefined
    this.entries = set.entries.filter((e) => !wanted || wanted.has(e.id))
    const size = this.entries.reduce((n, e) => Math.max(n, e.id + 1), 0)
    this.status = new Uint8Array(size)
    this.mirroredAt = new Float64Array(size)
    this.lastFailedAttempt = new Int32Array(size)
    this.recoveredAfter = new Int32Array(size)
    this.markEpoch = new Int32Array(size).fill(-1)
    this.markSuccesses = new Float64Array(size)
    this.markFirstSuccess = new Float64Array(size)
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
    // Shared by every entry with the same verdict (read-only): 100,000 confirmed lines need
    // no 200,000 empty arrays.
    const rejected = this.runEnd === 'rejected'
    const unconfirmedClasses: FailureClass[] = [rejected ? 'usage' : 'unconfirmed']
    const unconfirmedReasons = [unconfirmedReason(this.runEnd)]
    const verdicts: LineVerdict[] = this.entries.map((entry) => {
      const id = entry.id
      const status = this.status[id]
      const d = this.detail.get(id)
      if (status === MIRRORED) {
        const recoveredAfter = this.recoveredAfter[id] ?? 0
        return {
          entryId: id,
          status: 'mirrored',
          classes: NONE,
          reasons: NONE,
          evidence: d ? [...d.evidence] : [this.mirroredAt[id] ?? 0],
          retryable: false,
          ...(recoveredAfter > 0 ? { recoveredAfter } : {})
        }
      }
      if (status === FAILED && d) {
        return {
          entryId: id,
          status: 'failed',
          classes: d.classes,
          reasons: d.reasons,
          evidence: [...d.evidence],
          retryable: classesRetryable(d.classes)
        }
      }
      return {
        entryId: id,
        status: 'failed',
        classes: unconfirmedClasses,
        reasons: unconfirmedReasons,
        evidence: NONE,
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
    const attempts = this.latestAttempt ? [...this.attempts, this.latestAttempt] : this.attempts
    return {
      verdicts,
      runLevel: [...this.runLevel, ...more],
      attempts,
      ...(this.omitted ? { attemptsOmitted: { ...this.omitted } } : {})
    }
  }

  private newStats(attempt: number, firstLine: number): Attributor['current'] {
    return { attempt, errors: 0, warnings: 0, successLines: 0, firstLine, lastLine: firstLine }
  }

  /** Makes the entry's mark current (reset from an earlier attempt) and lists it as touched. */
  private mark(id: number): void {
    if (this.markEpoch[id] === this.epoch) return
    this.markEpoch[id] = this.epoch
    this.markSuccesses[id] = 0
    this.touched.push(id)
  }

  /** Success lines of the entry in the current attempt. */
  private successes(id: number): number {
    return this.markEpoch[id] === this.epoch ? (this.markSuccesses[id] ?? 0) : 0
  }

  private addSuccess(id: number, logLine: number): void {
    this.mark(id)
    const n = this.markSuccesses[id] ?? 0
    this.markSuccesses[id] = n + 1
    if (n === 0) this.markFirstSuccess[id] = logLine
    else if (n < MAX_EVIDENCE) {
      // Lines past the evidence bound could never be shown: counted, not kept.
      const more = this.markMoreSuccess.get(id)
      if (more) more.push(logLine)
      else this.markMoreSuccess.set(id, [logLine])
    }
  }

  private addFailure(id: number, failure: Failure): void {
    this.mark(id)
    const list = this.markFailures.get(id)
    if (list === undefined) this.markFailures.set(id, [failure])
    else if (this.keepFailure(list, failure)) list.push(failure)
  }

  /**
   * Past `bounds.failuresPerEntry`, a failure is kept only when it adds a class, or a reason
   * while fewer than MAX_REASONS are known: the verdict (classes, first reasons, first
   * evidence lines) is the same as with every failure kept, and a million identical errors
   * on one line cost one list of a few dozen.
   */
  private keepFailure(list: readonly Failure[], failure: Failure): boolean {
    if (list.length < this.bounds.failuresPerEntry) return true
    // Loops, not Sets: past the bound this runs for every further failure of the entry.
    let newClass = true
    let newReason = true
    for (const f of list) {
      if (f.class === failure.class) newClass = false
      if (f.reason === failure.reason) newReason = false
    }
    if (newClass) return true
    if (!newReason) return false
    const reasons = new Set<string>()
    for (const f of list) reasons.add(f.reason)
    return reasons.size < MAX_REASONS
  }

  private addDeferred(id: number, failure: Failure): void {
    const list = this.markDeferred.get(id)
    if (list === undefined) this.markDeferred.set(id, [failure])
    else if (this.keepFailure(list, failure)) list.push(failure)
  }

  private fail(ids: readonly number[], failure: Failure): void {
    for (const id of ids) this.addFailure(id, failure)
  }

  private onSuccess(destination: string, tag: string | undefined, digest: string, logLine: number) {
    if (tag !== undefined) {
      const ids = this.successIds(destination, tag)
      if (typeof ids === 'number') this.addSuccess(ids, logLine)
      else for (const id of ids) this.addSuccess(id, logLine)
      return
    }
    // Untagged lines are manifest-list children or digest-only pushes: resolved at attempt end,
    // and only kept for repositories with digest-only entries (nothing else can use them).
    const target = this.untaggedTarget(destination)
    if (target === null) return
    const { dst, wanted } = target
    const lines = this.untaggedSuccess.get(dst)
    if (lines === undefined) {
      const byDigest = new Map<string, number>()
      if (wanted.has(digest)) byDigest.set(digest, logLine)
      this.untaggedSuccess.set(dst, { count: 1, first: logLine, byDigest })
      return
    }
    lines.count++
    if (wanted.has(digest) && !lines.byDigest.has(digest)) lines.byDigest.set(digest, logLine)
  }

  /**
   * The repository key of an untagged success line's destination and the digests it may
   * confirm (null: no digest-only entry there), memoised by the line's own spelling as
   * successIds is: every attempt prints its manifest-list children again.
   */
  private untaggedTarget(destination: string): UntaggedTarget | null {
    let known = this.untaggedMemo.get(destination)
    if (known === undefined) {
      const dst = repoKey(destination)
      const wanted = this.digestOnlyDigests(dst)
      known = wanted === undefined ? null : { dst, wanted }
      // Bounded like successMemo: a log of endless distinct lines must not grow it.
      if (this.untaggedMemo.size < this.memoBound()) this.untaggedMemo.set(destination, known)
    }
    return known
  }

  private memoBound(): number {
    return Math.min(2 * this.entries.length + 1024, this.bounds.successMemo)
  }

  /** Source digests of the digest-only entries pushed to `dst`; undefined when it has none. */
  private digestOnlyDigests(dst: string): ReadonlySet<string | undefined> | undefined {
    let known = this.digestOnly.get(dst)
    if (known === undefined) {
      const ids = this.byDestTag.get(`${dst}:`)
      // Cached for repositories the mapping pushes digest-only to (bounded by the mapping).
      if (ids === undefined) return undefined
      known = new Set(ids.map((id) => this.entry(id).source.digest))
      this.digestOnly.set(dst, known)
    }
    return known
  }

  /**
   * The entries a tagged success line confirms, memoised by the line's own spelling: a log of
   * many attempts repeats the same lines, and this runs for each of them. Per destination one
   * tag (the usual case: no list, and a single id kept as a number), then a short list of
   * tags, a Map once it has many (a release repository holds hundreds).
   */
  private successIds(destination: string, tag: string): Ids {
    const known = this.successMemo.get(destination)
    if (known !== undefined) {
      if (known instanceof Map) {
        const ids = known.get(tag)
        if (ids !== undefined) return ids
      } else if (!Array.isArray(known)) {
        if (known.tag === tag) return known.ids
      } else {
        for (const k of known) if (k.tag === tag) return k.ids
      }
    }
    const dst = repoKey(destination)
    const ids =
      this.byDestTag.peek(`${dst}:${tag}`) ?? this.expandingByDestRepo.peek(dst) ?? NONE_IDS
    // Bounded by the mapping: a log of endless distinct lines must not grow it.
    if (this.successMemoSize >= this.memoBound()) {
      return ids
    }
    this.successMemoSize++
    const memo: TagIds = { tag, ids }
    if (known === undefined) this.successMemo.set(destination, memo)
    else if (known instanceof Map) known.set(tag, ids)
    else if (!Array.isArray(known)) this.successMemo.set(destination, [known, memo])
    else if (known.length < 8) known.push(memo)
    else {
      const byTag = new Map(known.map((k) => [k.tag, k.ids] as const))
      this.successMemo.set(destination, byTag.set(tag, ids))
    }
    return ids
  }

  private onError(text: string, logLine: number): void {
    const meaning = this.errorMeaning(text)
    const { c, subject } = meaning
    const failure: Failure = { class: c.class, reason: c.reason, retryable: c.retryable, logLine }
    if (meaning.runSummary) {
      if (/during planning/.test(text)) this.runEnd = 'planning-aborted'
      else if (/while uploading images/.test(text)) this.runEnd = 'phase-aborted'
      this.addRunLevel({ severity: 'error', class: c.class, reason: c.reason, text, logLine })
      return
    }
    // A usage error before any plan output means oc rejected its arguments: nothing ran.
    if (c.class === 'usage' && !this.sawPlan) this.runEnd = 'rejected'
    if (!this.target(subject, failure, false, meaning.ids)) {
      this.addRunLevel({ severity: 'error', class: c.class, reason: c.reason, text, logLine })
    }
  }

  /**
   * classify and parseErrorSubject of an error text, remembered: a log of repeated attempts
   * prints the same errors again and again. Bounded in entries and in the length of a text.
   */
  private errorMeaning(text: string): ErrorMeaning {
    const known = this.errorMemo.get(text)
    if (known !== undefined) return known
    const subject = parseErrorSubject(text)
    const ids = this.resolve(subject)
    const meaning = {
      c: classify(text),
      subject,
      runSummary: isRunSummary(text),
      // The entries it names (resolve is a function of the subject), unless they are many.
      ...(ids.length <= MAX_MEMO_IDS ? { ids } : {})
    }
    if (text.length <= MAX_MEMO_TEXT && this.errorMemo.size < MAX_ERROR_MEMO) {
      this.errorMemo.set(text, meaning)
    }
    return meaning
  }

  /**
   * The first findings are kept whole, up to `bounds.runLevel` of them and `bounds.runLevelChars`
   * of text (the first one always); later ones are counted per severity and class, so a log
   * of millions of unattributable lines, or of huge ones, cannot exhaust memory.
   */
  private addRunLevel(f: RunFinding): void {
    const { runLevel, runLevelChars } = this.bounds
    const fits = this.runLevelChars + f.text.length <= runLevelChars || this.runLevel.length === 0
    if (this.runLevel.length < runLevel && fits) {
      this.runLevel.push(f)
      this.runLevelChars += f.text.length
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
  private target(
    subject: ErrorSubject,
    failure: Failure,
    onlyUnconfirmed = false,
    resolved?: readonly number[]
  ): boolean {
    const ids = resolved ?? this.resolve(subject)
    if (ids.length === 0) return false
    const byRepo = subject.kind === 'destination-repo' || subject.kind === 'source-repo'
    const byResolvedDigest = subject.kind === 'source-digest' && !this.exactDigest(subject)
    if (onlyUnconfirmed || byResolvedDigest) {
      for (const id of ids) this.addDeferred(id, failure)
    } else if (byRepo && subject.kind === 'destination-repo') {
      // Blob failures name a repository, not a tag. On registries a tag that was pushed is
      // complete (the registry checked its blobs); on file:// and s3:// it proves nothing.
      const proven = ids.filter((id) => pushProvesBlobs(this.entry(id)))
      const unproven = ids.filter((id) => !pushProvesBlobs(this.entry(id)))
      for (const id of proven) this.addDeferred(id, failure)
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
      for (const [id, failures] of this.markDeferred) {
        if (this.successes(id) > 0) continue
        for (const f of failures) this.addFailure(id, f)
      }
      for (const id of this.touched) this.apply(id)
      this.recordAttempt()
    }
    this.touched.length = 0
    this.epoch++
    // Only when not empty: Map.clear allocates a fresh table, and most attempts leave most
    // of these empty (a log of 170,000 runs closes as many attempts).
    if (this.markMoreSuccess.size > 0) this.markMoreSuccess.clear()
    if (this.markFailures.size > 0) this.markFailures.clear()
    if (this.markDeferred.size > 0) this.markDeferred.clear()
    if (this.untaggedSuccess.size > 0) this.untaggedSuccess.clear()
    this.eventsInAttempt = 0
  }

  /**
   * The first `bounds.attempts` records are kept whole, and the latest; those between are
   * summed into `omitted` (a log of 100,000 concatenated runs keeps a hundred and one records).
   */
  private recordAttempt(): void {
    const c = this.current
    // Built in place, not from spreads (one object per attempt, not five); the key order is the
    // report's.
    const record = { attempt: Math.max(c.attempt, 1) } as Mutable<AttemptStats>
    if (c.planningSeconds !== undefined) record.planningSeconds = c.planningSeconds
    if (c.mirroringSeconds !== undefined) record.mirroringSeconds = c.mirroringSeconds
    if (c.rate !== undefined) record.rate = c.rate
    if (c.bytesPerSecond !== undefined) record.bytesPerSecond = c.bytesPerSecond
    record.errors = c.errors
    record.warnings = c.warnings
    record.successLines = c.successLines
    record.logLines = c.lastLine - c.firstLine + 1
    if (this.attempts.length < this.bounds.attempts) {
      this.attempts.push(record)
      return
    }
    const prev = this.latestAttempt
    this.latestAttempt = record
    if (prev === undefined) return
    const o = this.omitted
    if (o === undefined) {
      this.omitted = {
        count: 1,
        firstAttempt: prev.attempt,
        lastAttempt: prev.attempt,
        errors: prev.errors,
        warnings: prev.warnings,
        successLines: prev.successLines,
        logLines: prev.logLines
      }
      return
    }
    o.count++
    o.lastAttempt = prev.attempt
    o.errors += prev.errors
    o.warnings += prev.warnings
    o.successLines += prev.successLines
    o.logLines += prev.logLines
  }

  private resolveUntagged(): void {
    for (const [dst, lines] of this.untaggedSuccess) {
      let digestOnly = this.digestOnlyEntries.get(dst)
      if (digestOnly === undefined) {
        digestOnly = (this.byDestTag.get(`${dst}:`) ?? []).map((id) => this.entry(id))
        // Only repositories with digest-only entries reach untaggedSuccess: bounded by the mapping.
        this.digestOnlyEntries.set(dst, digestOnly)
      }
      for (const e of digestOnly) {
        const exact = lines.byDigest.get(e.source.digest as string)
        // Filtered to one platform, oc pushes the child's digest: accept it only when unambiguous.
        const hit =
          exact ?? (digestOnly.length === 1 && lines.count === 1 ? lines.first : undefined)
        if (hit !== undefined) this.addSuccess(e.id, hit)
      }
    }
  }

  private apply(id: number): void {
    if (this.byId[id] === undefined) return
    const attempt = Math.max(this.attempt, 1)
    const marked = this.markFailures.get(id) ?? NONE
    const successes = this.markSuccesses[id] ?? 0
    if (marked.length) {
      this.status[id] = FAILED
      // Root causes lead (a blob's 429 before the manifest push it made fail), whatever order
      // the errors were printed or resolved in; consequences stay as evidence after them.
      const failures = rootCauseFirst(marked)
      const classes = unique(failures.map((f) => f.class))
      const reasons = failures.map((f) => f.reason)
      if (rootCauses(classes).length === 0) reasons.push(ROOT_CAUSE_NOT_PRINTED)
      if (successes && !pushProvesBlobs(this.entry(id))) reasons.push(SUCCESS_ANYWAY)
      this.detail.set(id, {
        classes,
        reasons: unique(reasons).slice(0, MAX_REASONS),
        evidence: unique([...failures.map((f) => f.logLine), ...this.successList(id)]).slice(
          0,
          MAX_EVIDENCE
        )
      })
      this.lastFailedAttempt[id] = attempt
      this.recoveredAfter[id] = 0
    } else if (successes) {
      if (this.status[id] === FAILED && this.lastFailedAttempt[id] !== 0) {
        this.recoveredAfter[id] = this.lastFailedAttempt[id] ?? 0
      }
      this.status[id] = MIRRORED
      this.mirroredAt[id] = this.markFirstSuccess[id] ?? 0
      // One success line (the usual case) needs no list: mirroredAt is the evidence.
      if (successes > 1)
        this.detail.set(id, { classes: NONE, reasons: NONE, evidence: this.successList(id) })
      else this.detail.delete(id)
    }
  }

  /** The entry's success lines in this attempt, up to the evidence bound. */
  private successList(id: number): number[] {
    if (this.successes(id) === 0) return []
    return [this.markFirstSuccess[id] ?? 0, ...(this.markMoreSuccess.get(id) ?? NONE)]
  }
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)]

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
