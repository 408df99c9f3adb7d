// oc's output (stderr, stdout or both combined) → LogEvents, one line at a time, in bounded
// memory (docs/oc-behaviour.md §1). The parser never throws: unknown lines become `other` events.
import { ATTEMPT_HEADER_RE, CHUNK_HEADER_RE } from './attempt-header.js'
import { parseGoDuration, parseHumanSize } from './go-units.js'
import { latin1, MAX_LINE_BYTES } from './log-lines.js'
import {
  parseSuccessLine,
  SuccessLineCache,
  successEvent,
  type SuccessEvent
} from './success-line.js'
import type { LogEvent } from './types.js'

/** Characters of one (multi-line) error kept. */
const MAX_ERROR_CHARS = 256 * 1024
/** Lines of a Go panic message kept (the goroutine dump after it is only counted). */
const MAX_PANIC_LINES = 20

const DIGEST = '(?:sha256|sha512):[0-9a-f]+'
// stdout (docs/oc-behaviour.md §1.5): `<digest> <dest repo>[:<tag>]`; also what the skopeo engine
// writes.
const KLOG_RE = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [^\]\s]+\] ?(.*)$/
const TRANSFER_RE = /^(uploading|mounted): (\S+) (\S+) (\S+)$/
const PLAN_BLOB_RE = new RegExp(`^      (\\S+) (${DIGEST})(?: (\\S+))?$`)
const PLAN_MANIFEST_RE = new RegExp(`^      (${DIGEST})(?: -> (\\S+))?$`)
const REGISTRY_HEADER_RE = /^[^\s/]+\/$/
const ERROR_RE = /^(?:error|Error): (.*)$/s
const WARNING_RE = /^(?:warning|Warning): (.*)$/s
const PANIC_RE = /^(?:panic|fatal error): /
const GOROUTINE_RE = /^goroutine \d+ \[/
const PHASE_RE = /^phase \d+:$/
const PLAN_REPO_RE = /^ {2}(\S+)$/
const TOP_LEVEL_RE =
  /^(?:(?:error|warning|info|uploading|mounted): |Error: |Warning: |panic: |fatal error: |phase \d+:|<dir>$|s3:\/\/$)/

// Errors CheckErr prints before any work starts (docs/oc-behaviour.md §1.4, §4): each ends the run.
const PRE_RUN_RE =
  /^(?:file .+, line \d+: |open \S+: no such file or directory$|unable to load --registry-config|failed to read registry ca bundle|--filter-by-os was not a valid|--keep-manifest-list=true cannot|you must specify|SRC and DST may not be the same|each destination tag may only be specified once|unknown (?:shorthand )?flag|bufio\.Scanner: token too long|"[^"]*" is not a valid image reference)/
const FINAL_ERROR_RE =
  /^(?:one or more errors occurred(?: while uploading images)?|an error occurred during planning)$/

/** Where the parser puts events: an array, or anything else with push. */
export interface EventSink {
  push(e: LogEvent): unknown
}

interface OpenError {
  lines: string[]
  chars: number
  truncated: boolean
  readonly logLine: number
  readonly inPlanTree: boolean
  /** Open `errors:` lists (docs/oc-behaviour.md §2.2 rows 15–17); each ends with a blank line. */
  depth: number
  readonly panic: boolean
  /** Panic message lines are kept until its first blank line; the dump is only counted. */
  keep: boolean
}

type Section = 'none' | 'plan' | 'phase'
/** How the current attempt ended: `soft` still allows the final summary error line. */
type Ended = 'no' | 'soft' | 'hard'

/** Counts that let callers check every input line was turned into an event or folded into one. */
export interface ParserStats {
  readonly lines: number
  /** Lines folded into another event (error continuations, panic dumps, attempt headers). */
  readonly folded: number
  /** Number of the current attempt (0 before the first line). */
  readonly attempt: number
}

/** Options of LogParser and readLog. */
export interface ParseOptions {
  /**
   * Fold routine lines into `routine` count events without decoding them: `uploading:` and
   * `mounted:` lines once the attempt has shown run output; once it has had a plan event,
   * `    blobs:`/`    manifests:` and plan rows, the plan's `  stats:` row, blank lines,
   * `phase N:` headers and their rows (what would otherwise be `other` events). For consumers
   * that need only errors, successes and the run structure (triage); a 1 GB log is mostly
   * such lines.
   */
  readonly foldRoutine?: boolean
}

const UPLOADING = Buffer.from('uploading: ')
const MOUNTED = Buffer.from('mounted: ')
const BLOBS = Buffer.from('    blobs:')
const MANIFESTS = Buffer.from('    manifests:')

/** `buf[start..end)` starts with `prefix` (or equals it, with `exact`). */
function bytesStartWith(
  buf: Buffer,
  start: number,
  end: number,
  prefix: Buffer,
  exact = false
): boolean {
  const n = prefix.length
  if (exact ? end - start !== n : end - start < n) return false
  for (let i = 0; i < n; i++) if (buf[start + i] !== prefix[i]) return false
  return true
}

export class LogParser {
  private lineNo = 0
  private folded = 0
  private attempt = 0
  private section: Section = 'none'
  private planPrefix = ''
  private planRepo = ''
  /** Length of a folded repository header in planRepoBytes, -1 when none is pending. */
  private planRepoPending = -1
  private planRepoBytes = Buffer.alloc(0)
  private planList: 'none' | 'blobs' | 'manifests' = 'none'
  private open: OpenError | undefined
  private inDump = false
  private ended: Ended = 'no'
  private sawRunOutput = false
  private planEventInAttempt = false
  private routineLines = 0
  private routineLast = 0

  private readonly successLines = new SuccessLineCache(latin1)

  constructor(private readonly options: ParseOptions = {}) {}

  get stats(): ParserStats {
    return { lines: this.lineNo, folded: this.folded, attempt: this.attempt }
  }

  /** Feed one line (without its line terminator). Returns the events it completed. */
  push(rawLine: string): LogEvent[] {
    const out: LogEvent[] = []
    this.pushInto(rawLine, out)
    return out
  }

  /** As push, handing the events to `out` (an array, or readLog's direct callback). */
  pushInto(rawLine: string, out: EventSink): void {
    if (this.routineLines > 0) this.flushRoutine(out)
    const logLine = ++this.lineNo
    const line = capLine(rawLine)
    // Cheap first-character gates keep the regexes off the hot path (plan rows, uploads).
    const header = line.charCodeAt(0) === 61 /* = */ ? ATTEMPT_HEADER_RE.exec(line) : null
    if (header) {
      this.closeOpen(out)
      this.startAttempt(out, Number(header[1]), logLine)
      this.folded++
      return
    }
    if (line.charCodeAt(0) === 61 /* = */ && logLine > 1 && CHUNK_HEADER_RE.test(line)) {
      this.closeOpen(out)
      this.resetRun()
      out.push({ kind: 'other', text: line, logLine })
      return
    }
    if (logLine === 1) this.startAttempt(out, 1, 1)
    const parts = parseSuccessLine(line)
    const success = parts && successEvent(parts, logLine)
    const topLevel = success !== undefined || isTopLevel(line)
    if (this.absorb(line, topLevel, out)) return
    // After a run's final line, the next line oc would print at top level starts a new run.
    // stdout lines (in a combined capture they can trail the end) and stray text do not.
    if (this.ended !== 'no' && topLevel && success === undefined) {
      const summary = line.startsWith('error: ') && FINAL_ERROR_RE.test(line.slice(7))
      if (!(this.ended === 'soft' && summary)) this.startAttempt(out, this.attempt + 1, logLine)
    }
    this.parseLine(line, logLine, out, success)
  }

  /**
   * The byte-level fast path of foldRoutine: consumes the line `buf[start..end)` (ASCII, no
   * terminator) and returns true when it is routine (folded) or a success line (emitted from
   * interned parts) and nothing is open that it could continue or close; otherwise returns
   * false and the caller decodes it and calls pushInto.
   */
  tryFold(buf: Buffer, start: number, end: number, out: EventSink): boolean {
    if (!this.options.foldRoutine || this.open || this.inDump || this.lineNo === 0) return false
    const c0 = buf[start]
    if (c0 === 115 /* s */) {
      // A success line: never top level for run boundaries, never continues anything.
      const parts = this.successLines.lookup(buf, start, end)
      if (parts === undefined) return false
      if (this.routineLines > 0) this.flushRoutine(out)
      this.sawRunOutput = true
      out.push(successEvent(parts, ++this.lineNo))
      return true
    }
    if (c0 === 32 /* space */) {
      if (!this.foldIndented(buf, start, end)) return false
    } else if (start === end) {
      // A blank line ends a section; nothing is open, so it is only that and an `other` event.
      if (!this.planEventInAttempt) return false
      this.section = 'none'
    } else if (c0 === 112 /* p */) {
      // `phase N:` (a top-level line: once the run has ended it starts the next one, decoded).
      if (!this.planEventInAttempt || this.ended !== 'no' || !isPhaseHeader(buf, start, end)) {
        return false
      }
      this.sawRunOutput = true
      this.section = 'phase'
    } else if (c0 === 117 /* u */ || c0 === 109 /* m */) {
      // Top level: after a run's end it would start the next run, so it is decoded then.
      if (this.ended !== 'no' || !this.sawRunOutput) return false
      if (!bytesStartWith(buf, start, end, c0 === 117 ? UPLOADING : MOUNTED)) return false
    } else {
      return false
    }
    this.routineLast = ++this.lineNo
    this.routineLines++
    this.folded++
    return true
  }

  /**
   * Indented lines are never top level (they cannot start a run, whatever `ended` says) and,
   * with nothing open, only ever become plan or `other` events: phase-table rows, repository
   * headers, `blobs:`/`manifests:` and their rows, the plan's `stats:` row. Lines ending in
   * white space may be blank (a blank line ends a section): decoded.
   */
  private foldIndented(buf: Buffer, start: number, end: number): boolean {
    if (buf[end - 1] <= 32) return false
    if (this.section === 'phase') return true
    if (!this.planEventInAttempt) return false
    // Outside a plan, an indented line with nothing open is only ever an `other` event.
    if (this.section !== 'plan') return true
    // A blob or manifest row (six spaces, then text): most lines of a plan, so tested first.
    if (
      buf[start + 5] === 32 &&
      buf[start + 4] === 32 &&
      buf[start + 3] === 32 &&
      buf[start + 2] === 32 &&
      buf[start + 1] === 32
    ) {
      return (
        end - start >= 7 &&
        buf[start + 6] > 32 &&
        this.planList !== 'none' &&
        (this.planRepo !== '' || this.planRepoPending >= 0)
      )
    }
    if (bytesStartWith(buf, start, end, BLOBS, true)) {
      this.planList = 'blobs'
      return true
    }
    if (bytesStartWith(buf, start, end, MANIFESTS, true)) {
      this.planList = 'manifests'
      return true
    }
    if (buf[start + 1] === 32 && buf[start + 2] > 32) {
      for (let i = start + 3; i < end; i++) {
        if (buf[i] <= 32) {
          // `  stats: shared=…` and other two-space rows with a blank in them: parsePlanRow
          // makes them `other` events, after taking a pending repository header.
          this.takePendingPlanRepo()
          return true
        }
      }
      // `  <repo>` (PLAN_REPO_RE): kept as bytes, decoded only if a later row needs it.
      const n = end - start - 2
      if (this.planRepoBytes.length < n) this.planRepoBytes = Buffer.allocUnsafe(Math.max(256, n))
      // A loop, not Buffer.copy: repository names are short, and this runs for every header.
      const to = this.planRepoBytes
      for (let i = 0, from = start + 2; i < n; i++) to[i] = buf[from + i]
      this.planRepoPending = n
      this.planList = 'none'
      return true
    }
    return false
  }

  /** The plan repository of a header line folded from its bytes, as parsePlanRow would set it. */
  private takePendingPlanRepo(): void {
    if (this.planRepoPending < 0) return
    this.planRepo = this.planPrefix + latin1(this.planRepoBytes, 0, this.planRepoPending)
    this.planRepoPending = -1
  }

  private flushRoutine(out: EventSink): void {
    // The event stands for one of the lines; the others are folded into it.
    this.folded--
    out.push({ kind: 'routine', lines: this.routineLines, logLine: this.routineLast })
    this.routineLines = 0
  }

  /** Flush what is still open at the end of the input. */
  end(): LogEvent[] {
    const out: LogEvent[] = []
    if (this.routineLines > 0) this.flushRoutine(out)
    this.closeOpen(out)
    if (this.lineNo === 0 && this.attempt === 0) this.startAttempt(out, 1, 1)
    return out
  }

  private startAttempt(out: EventSink, attempt: number, logLine: number): void {
    this.attempt = attempt
    this.resetRun()
    out.push({ kind: 'attempt-start', attempt, logLine })
  }

  /** A new engine run begins (an attempt, or a chunk of the same attempt). */
  private resetRun(): void {
    this.section = 'none'
    this.planList = 'none'
    this.inDump = false
    this.ended = 'no'
    this.sawRunOutput = false
    this.planEventInAttempt = false
  }

  /** Continuation lines (docs/oc-behaviour.md §1.6). True when the line joined an open event. */
  private absorb(line: string, topLevel: boolean, out: EventSink): boolean {
    const open = this.open
    if (open?.panic) {
      if (topLevel) {
        this.closeOpen(out)
        return false
      }
      if (isBlank(line)) open.keep = false
      else if (open.keep && open.lines.length < MAX_PANIC_LINES) this.append(open, line)
      this.folded++
      return true
    }
    if (open) {
      if (line === '') {
        if (open.depth === 0) {
          this.closeOpen(out)
          return false
        }
        this.append(open, '')
        this.folded++
        if (--open.depth === 0) this.closeOpen(out)
        return true
      }
      if (topLevel || (open.inPlanTree && line.startsWith(' '))) {
        this.closeOpen(out)
        return false
      }
      this.append(open, line)
      if (line.endsWith('errors:')) open.depth++
      this.folded++
      return true
    }
    if (this.inDump) {
      if (topLevel) {
        this.inDump = false
        return false
      }
      this.folded++
      return true
    }
    return false
  }

  private append(open: OpenError, line: string): void {
    if (open.truncated) return
    if (open.chars + line.length + 1 > MAX_ERROR_CHARS) {
      open.truncated = true
      open.lines.push('…[error text truncated]')
      return
    }
    open.lines.push(line)
    open.chars += line.length + 1
  }

  private closeOpen(out: EventSink): void {
    const open = this.open
    if (!open) return
    this.open = undefined
    out.push({
      kind: 'error',
      text: open.lines.length === 1 ? open.lines[0] : open.lines.join('\n'),
      logLine: open.logLine,
      inPlanTree: open.inPlanTree
    })
  }

  private openError(text: string, logLine: number, inPlanTree: boolean, panic = false): void {
    this.open = {
      lines: [text],
      chars: text.length,
      truncated: false,
      logLine,
      inPlanTree,
      depth: !panic && text.endsWith('errors:') ? 1 : 0,
      panic,
      keep: panic
    }
  }

  private parseLine(
    line: string,
    logLine: number,
    out: EventSink,
    success: SuccessEvent | undefined
  ): void {
    // (No per-line closure or regex literal here: this runs for every line of a 1 GB log.)
    if (isBlank(line)) {
      this.section = 'none'
      out.push({ kind: 'other', text: line, logLine })
      return
    }
    if (success) {
      this.sawRunOutput = true
      out.push(success)
      return
    }
    const c0 = line.charCodeAt(0)
    const err = c0 === 101 /* e */ || c0 === 69 /* E */ ? ERROR_RE.exec(line) : null
    if (err) {
      const text = err[1] ?? ''
      this.section = 'none'
      if (FINAL_ERROR_RE.test(text) || (!this.sawRunOutput && PRE_RUN_RE.test(text))) {
        this.ended = 'hard'
      }
      this.openError(text, logLine, false)
      return
    }
    if ((c0 === 112 /* p */ || c0 === 102) /* f */ && PANIC_RE.test(line)) {
      // A crashed oc (exit 2): one run-level error; the goroutine dump is folded into it.
      this.openError(line, logLine, false, true)
      this.ended = 'hard'
      return
    }
    if (c0 === 103 /* g */ && GOROUTINE_RE.test(line)) {
      // Stack dump after a klog F line (4.8–4.10 with -v>=6): count it, do not emit it.
      this.inDump = true
      out.push({ kind: 'other', text: line, logLine })
      return
    }
    const warning = c0 === 119 /* w */ || c0 === 87 /* W */ ? WARNING_RE.exec(line) : null
    if (warning) {
      out.push({ kind: 'warning', text: warning[1] ?? '', logLine })
      return
    }
    if (line.startsWith('info: ')) {
      this.sawRunOutput = true
      this.parseInfo(line.slice(6), logLine, out)
      return
    }
    const transfer = c0 === 117 /* u */ || c0 === 109 /* m */ ? TRANSFER_RE.exec(line) : null
    if (transfer) {
      this.sawRunOutput = true
      out.push({
        kind: 'transfer',
        op: transfer[1] === 'mounted' ? 'mounted' : 'uploading',
        destination: transfer[2] ?? '',
        digest: transfer[3] ?? '',
        size: transfer[4] ?? '',
        logLine
      })
      return
    }
    const klog =
      c0 === 73 || c0 === 87 || c0 === 69 || c0 === 70 /* IWEF */ ? KLOG_RE.exec(line) : null
    if (klog) {
      const level = (klog[1] ?? 'I') as 'I' | 'W' | 'E' | 'F'
      // klog Fatal ends the process (4.8–4.10 print the final error this way under -v>=6).
      if (level === 'F') this.ended = 'hard'
      out.push({ kind: 'klog', level, text: klog[2] ?? '', logLine })
      return
    }
    if (c0 === 112 /* p */ && PHASE_RE.test(line)) {
      this.sawRunOutput = true
      this.section = 'phase'
      out.push({ kind: 'other', text: line, logLine })
      return
    }
    const planPrefix =
      line === '<dir>'
        ? 'file://'
        : line === 's3://'
          ? 's3://'
          : line.charCodeAt(line.length - 1) === 47 /* / */ && REGISTRY_HEADER_RE.test(line)
            ? line
            : undefined
    if (planPrefix !== undefined) {
      this.sawRunOutput = true
      this.section = 'plan'
      this.planPrefix = planPrefix
      this.planRepo = ''
      this.planRepoPending = -1
      this.planList = 'none'
      out.push({ kind: 'other', text: line, logLine })
      return
    }
    if (this.section === 'plan') return this.parsePlanRow(line, logLine, out)
    out.push({ kind: 'other', text: line, logLine })
  }

  private parseInfo(text: string, logLine: number, out: EventSink): void {
    const planning = /^Planning completed in (\S+)$/.exec(text)
    const planningSeconds = planning ? parseGoDuration(planning[1] ?? '') : undefined
    if (planningSeconds !== undefined) {
      out.push({ kind: 'planning-completed', seconds: planningSeconds, logLine })
      return
    }
    const mirroring = /^Mirroring completed in (\S+) \((\S+)\/s\)$/.exec(text)
    if (mirroring) {
      const seconds = parseGoDuration(mirroring[1] ?? '')
      const bytesPerSecond = parseHumanSize(mirroring[2] ?? '')
      if (seconds !== undefined && bytesPerSecond !== undefined) {
        this.ended = 'soft'
        out.push({
          kind: 'mirroring-completed',
          seconds,
          rate: `${mirroring[2] ?? ''}/s`,
          bytesPerSecond,
          logLine
        })
        return
      }
    }
    if (text === 'Dry run complete') this.ended = 'hard'
    out.push({ kind: 'info', text, logLine })
  }

  private parsePlanRow(line: string, logLine: number, out: EventSink): void {
    this.takePendingPlanRepo()
    const repo = PLAN_REPO_RE.exec(line)
    if (repo) {
      // `<dir>` + `ns/alpha` → `file://ns/alpha`; `127.0.0.1:5001/` + `x/alpha` → `127.0.0.1:5001/x/alpha`
      this.planRepo = this.planPrefix + (repo[1] ?? '')
      this.planList = 'none'
    } else if (line === '    blobs:') {
      this.planList = 'blobs'
    } else if (line === '    manifests:') {
      this.planList = 'manifests'
    } else if (line.startsWith('    error: ')) {
      this.openError(line.slice('    error: '.length), logLine, true)
      return
    } else if (this.planList === 'blobs' && this.planRepo !== '') {
      const blob = PLAN_BLOB_RE.exec(line)
      if (blob) {
        this.planEventInAttempt = true
        out.push({
          kind: 'plan-blob',
          destination: this.planRepo,
          source: blob[1] ?? '',
          digest: blob[2] ?? '',
          ...(blob[3] !== undefined ? { size: blob[3] } : {}),
          logLine
        })
        return
      }
    } else if (this.planList === 'manifests' && this.planRepo !== '') {
      const manifest = PLAN_MANIFEST_RE.exec(line)
      if (manifest) {
        this.planEventInAttempt = true
        const tag = manifest[2]
        out.push({
          kind: 'plan-manifest',
          destination: this.planRepo,
          digest: manifest[1] ?? '',
          ...(tag === undefined ? {} : { tag }),
          logLine
        })
        return
      }
    }
    out.push({ kind: 'other', text: line, logLine })
  }
}

const PHASE = Buffer.from('phase ')

/** `buf[start..end)` is `phase N:` (PHASE_RE). */
function isPhaseHeader(buf: Buffer, start: number, end: number): boolean {
  if (end - start < 8 || buf[end - 1] !== 58 /* : */) return false
  if (!bytesStartWith(buf, start, end, PHASE)) return false
  for (let i = start + 6; i < end - 1; i++) if (buf[i] < 48 || buf[i] > 57) return false
  return true
}

/** Lines pushed directly (not via readLines) get the same bound and CR handling. */
function capLine(line: string): string {
  // charCodeAt, not endsWith: this runs for every decoded line.
  const text = line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line
  // readLines already cut to MAX_LINE_BYTES plus a short note; leave such lines alone.
  if (text.length <= MAX_LINE_BYTES + 256) return text
  return `${text.slice(0, MAX_LINE_BYTES)} …[line truncated, ${text.length - MAX_LINE_BYTES} more characters]`
}

/** `line.trim() === ''` without allocating for the common case of a printable last character. */
function isBlank(line: string): boolean {
  if (line === '') return true
  const last = line.charCodeAt(line.length - 1)
  if (last > 32 && last < 127) return false
  return line.trim() === ''
}

/** Top level other than a success line (pushInto checks that first). */
function isTopLevel(line: string): boolean {
  // Every top-level form starts with a non-blank character; plan and phase rows start with one.
  const c0 = line.charCodeAt(0)
  if (c0 === 32 || c0 === 9 || line === '') return false
  return (
    TOP_LEVEL_RE.test(line) ||
    KLOG_RE.test(line) ||
    ATTEMPT_HEADER_RE.test(line) ||
    REGISTRY_HEADER_RE.test(line)
  )
}
