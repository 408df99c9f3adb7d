// Progress of a running attempt, from the engine's own lines (pure): a tracker fed the log
// events of one engine invocation, and the one-line formatter the job prints every
// `progress-interval`.
//
// What oc prints about sizes (real oc 4.13 and 4.14, docs/oc-behaviour.md §1.3, §1.7): the plan
// tree lists every blob to copy with its size per destination repository; `uploading:` names a
// blob when its copy *starts* (a 390.9KiB layer throttled to 40 kB/s printed it at 0.3 s and
// finished at 10.8 s); a repository's manifests are pushed after its blobs, so its first
// success line means its planned blobs are all there (unless a blob error named the
// repository: oc then may still push the manifest). Bytes "copied" therefore count the planned
// blobs of repositories with a success line and no blob error; "started" the `uploading:` lines.
// skopeo prints neither: its progress is lines only.
import { bytesSize, parseBytesSize } from './go-units.js'
import { classify, isRunSummary } from './classify.js'
import { parseErrorSubject } from './oc-messages.js'
import { repoKey } from './reference.js'
import { plural } from './text.js'
import { formatSeconds } from './time-budget.js'
import type { FailureClass, LogEvent, MappingEntry } from './types.js'

export interface InvocationProgress {
  /** Lines of this invocation with a success line so far. */
  readonly pushed: number
  /** Error lines so far by class (plan-tree duplicates and oc's closing summary not counted). */
  readonly errorsByClass: Readonly<Partial<Record<FailureClass, number>>>
  /** oc printed its plan (`info: Planning completed …`). */
  readonly planned: boolean
  /** Present once the engine printed blob sizes (oc's plan tree). */
  readonly bytes?: { readonly planned: number; readonly copied: number; readonly started: number }
}

/** Follows one engine invocation's events (the lines of `entries`). */
export class ProgressTracker {
  /** `repoKey\0tag` → entry ids; digest-only entries under `repoKey\0`. */
  private readonly byKey = new Map<string, number[]>()
  private readonly pushedIds = new Set<number>()
  private readonly errors: Partial<Record<FailureClass, number>> = {}
  /** Planned blob bytes per destination repository (each digest once per repository). */
  private readonly repoBlobs = new Map<string, Map<string, number>>()
  private readonly doneRepos = new Set<string>()
  /** Repositories with a blob error: oc ≤ 4.13 (file://) may still print their success line. */
  private readonly failedRepos = new Set<string>()
  private started = 0
  private planned = false

  constructor(entries: readonly MappingEntry[]) {
    for (const e of entries) {
      const k = `${repoKey(e.destination.printed)}\0${e.destinationTag ?? ''}`
      const ids = this.byKey.get(k)
      if (ids) ids.push(e.id)
      else this.byKey.set(k, [e.id])
    }
  }

  onEvent(e: LogEvent): void {
    switch (e.kind) {
      case 'success': {
        const repo = repoKey(e.destination)
        this.doneRepos.add(repo)
        const ids = this.byKey.get(`${repo}\0${e.tag ?? ''}`) ?? []
        // A digest-only push names no tag: it stands for one such entry of its repository.
        const fresh =
          e.tag === undefined ? ids.filter((id) => !this.pushedIds.has(id)).slice(0, 1) : ids
        for (const id of fresh) this.pushedIds.add(id)
        break
      }
      case 'error': {
        if (e.inPlanTree || isRunSummary(e.text)) break
        const cls = classify(e.text).class
        this.errors[cls] = (this.errors[cls] ?? 0) + 1
        const subject = parseErrorSubject(e.text)
        if (subject.kind === 'destination-repo') this.failedRepos.add(repoKey(subject.destination))
        break
      }
      case 'plan-blob': {
        const size = e.size !== undefined ? parseBytesSize(e.size) : undefined
        if (size === undefined) break
        const repo = repoKey(e.destination)
        const blobs = this.repoBlobs.get(repo) ?? new Map<string, number>()
        blobs.set(e.digest, size)
        this.repoBlobs.set(repo, blobs)
        break
      }
      case 'transfer':
        if (e.op === 'uploading') this.started += parseBytesSize(e.size) ?? 0
        break
      case 'planning-completed':
        this.planned = true
        break
      default:
        break
    }
  }

  snapshot(): InvocationProgress {
    let planned = 0
    let copied = 0
    for (const [repo, blobs] of this.repoBlobs) {
      let sum = 0
      for (const size of blobs.values()) sum += size
      planned += sum
      if (this.doneRepos.has(repo) && !this.failedRepos.has(repo)) copied += sum
    }
    return {
      pushed: this.pushedIds.size,
      errorsByClass: { ...this.errors },
      planned: this.planned,
      ...(this.repoBlobs.size > 0 ? { bytes: { planned, copied, started: this.started } } : {})
    }
  }
}

/** Everything one progress line says. */
export interface ProgressSnapshot {
  readonly attempt: number
  readonly maxAttempts: number
  /** Present when the attempt runs in chunks: the chunk running now (1-based). */
  readonly chunk?: { readonly index: number; readonly count: number }
  /** Since the attempt started. */
  readonly elapsedMs: number
  /** Since the running chunk (or the attempt) started: the time base of the byte rate. */
  readonly chunkElapsedMs: number
  /** Lines of the job. */
  readonly totalLines: number
  /** Lines confirmed before this attempt (not run again). */
  readonly confirmedBefore: number
  /** Lines this attempt runs, over all its chunks. */
  readonly attemptLines: number
  /** Of those, lines with a success line so far (earlier chunks and the running one). */
  readonly pushed: number
  /** Error lines so far in this attempt, by class. */
  readonly errorsByClass: Readonly<Partial<Record<FailureClass, number>>>
  /** The running chunk is still planning (oc has not printed its plan yet). */
  readonly planning: boolean
  /** The running chunk's bytes (oc only). */
  readonly bytes?: InvocationProgress['bytes']
  /** With a time budget: the time left before the engine is stopped. */
  readonly budgetLeftMs?: number
}

/**
 * The estimated time left in this attempt: lines left at the attempt's line rate; before the
 * first line, the running chunk's bytes left at its byte rate; undefined when neither moved.
 */
export function estimateRemainingMs(s: ProgressSnapshot): number | undefined {
  const linesLeft = s.attemptLines - s.pushed
  if (linesLeft <= 0) return 0
  if (s.pushed > 0 && s.elapsedMs > 0) return (linesLeft * s.elapsedMs) / s.pushed
  const b = s.bytes
  if (b !== undefined && b.copied > 0 && s.chunkElapsedMs > 0 && !s.chunk) {
    return ((b.planned - b.copied) * s.chunkElapsedMs) / b.copied
  }
  return undefined
}

/** Errors by class in a stable order: `rate-limit 2, network 1` (most first), or `none`. */
function errorsText(errors: Readonly<Partial<Record<FailureClass, number>>>): string {
  const rows = (Object.entries(errors) as [FailureClass, number][])
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
  return rows.length === 0 ? 'none' : rows.map(([c, n]) => `${c} ${n}`).join(', ')
}

/** `1.5MiB/s` from bytes over milliseconds, in oc's binary units. */
function rateText(bytes: number, ms: number): string {
  return ms > 0 ? `${bytesSize(Math.round((bytes * 1000) / ms))}/s` : 'n/a'
}

/**
 * One progress line, e.g.
 * `Progress: attempt 1 of 3, chunk 2 of 5, 4m10s: 138 of 400 lines done (20 pushed in this
 * attempt, verified after it); errors: rate-limit 2, network 1; 1.2GiB of 4.5GiB copied
 * (5.1MiB/s), 2.3GiB started; ETA 9m`.
 */
export function formatProgress(s: ProgressSnapshot): string {
  const head =
    `Progress: attempt ${s.attempt} of ${s.maxAttempts}` +
    (s.chunk ? `, chunk ${s.chunk.index} of ${s.chunk.count}` : '') +
    `, ${formatSeconds(s.elapsedMs)}`
  const done = s.confirmedBefore + s.pushed
  const lines = `${done} of ${plural(s.totalLines, 'line')} done (${s.pushed} of ${s.attemptLines} pushed in this attempt, verified after it)`
  const parts = [lines, `errors: ${errorsText(s.errorsByClass)}`]
  if (s.bytes !== undefined) {
    const b = s.bytes
    parts.push(
      `${bytesSize(b.copied)} of ${bytesSize(b.planned)} copied (${rateText(b.copied, s.chunkElapsedMs)}), ${bytesSize(b.started)} started`
    )
  } else if (s.planning) {
    parts.push('planning')
  }
  const eta = estimateRemainingMs(s)
  parts.push(eta === undefined ? 'ETA unknown' : `ETA ${formatSeconds(eta)}`)
  if (s.budgetLeftMs !== undefined) {
    parts.push(`time budget: engine stops in ${formatSeconds(s.budgetLeftMs)}`)
  }
  return `${head}: ${parts.join('; ')}`
}
