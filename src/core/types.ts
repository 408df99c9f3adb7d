// Shared vocabulary of the pure core. Every other module speaks in these types.

/** Where an image reference points. `file` and `s3` are oc's `file://` and `s3://` forms. */
export type RefKind = 'registry' | 'file' | 's3'

/** One image reference as written in a mapping line, parsed the way oc parses it. */
export interface ImageRef {
  /** The token exactly as written (e.g. `file://mirror.local/ns/a:v1`). */
  readonly raw: string
  readonly kind: RefKind
  /** Registry host[:port]; '' when absent (always '' for a file:// path without a registry-like first component). */
  readonly registry: string
  /** Repository path without registry, tag or digest (e.g. `ns/alpha`). */
  readonly repository: string
  readonly tag?: string
  readonly digest?: string
  /**
   * The repository as oc prints it in messages: as spelled, without tag/digest, keeping
   * the `file://`/`s3://` prefix and any registry component (`file://mirror.local/ns/a`).
   */
  readonly printed: string
  /** For file:// refs: the directory under `<dir>/v2/` (registry component dropped). '' otherwise. */
  readonly diskPath: string
}

export type Severity = 'error' | 'warning'

/** A problem found in a mapping file, tied to its file and physical line. */
export interface MappingFinding {
  readonly file: string
  readonly line: number
  readonly severity: Severity
  /** Stable machine code, e.g. `tab-separator`, `duplicate-destination`, `invalid-reference`. */
  readonly code: string
  /** Human message; for errors oc would raise, oc's own wording. */
  readonly message: string
}

/** One SRC→DST pair of a mapping file. A fan-out line `SRC D1 D2` yields several entries. */
export interface MappingEntry {
  /** Index in the parsed mapping set, 0-based, stable across the run. */
  readonly id: number
  readonly file: string
  /** Physical 1-based line number (comments and blank lines counted). */
  readonly line: number
  /** The physical line verbatim (without line terminator). */
  readonly text: string
  readonly source: ImageRef
  /** Destination with the effective tag (inherited from the source when DST has none). */
  readonly destination: ImageRef
  /** The effective destination tag; undefined for digest-only pushes. */
  readonly destinationTag?: string
}

export interface MappingSet {
  readonly entries: readonly MappingEntry[]
  readonly findings: readonly MappingFinding[]
}

/** Failure classes. `retryable` defaults live in classify.ts (CLASS_INFO). */
export type FailureClass =
  | 'rate-limit'
  | 'quota-exhausted'
  | 'auth'
  | 'not-found'
  | 'server'
  | 'network'
  | 'tls'
  | 'integrity'
  | 'usage'
  | 'dependency'
  | 'filtered'
  | 'incomplete'
  | 'wrong-image'
  | 'unverified'
  | 'unconfirmed'
  | 'unknown'

export interface Classification {
  readonly class: FailureClass
  /** Short human reason, e.g. `HTTP 429 with empty body`. */
  readonly reason: string
  readonly retryable: boolean
}

/** What an oc (or skopeo) error line is about, parsed from its fixed prefix. */
export type ErrorSubject =
  | { readonly kind: 'mapping-line'; readonly file: string; readonly line: number }
  | { readonly kind: 'source-tag'; readonly source: string; readonly tag: string }
  | { readonly kind: 'source-digest'; readonly source: string; readonly digest: string }
  /** `unable to retrieve source image <ref> manifest #N from manifest list` (ref without file://). */
  | { readonly kind: 'source-list-child'; readonly sourceRef: string }
  | { readonly kind: 'source-repo'; readonly source: string }
  /** Blob-level failure on a destination repository (optionally intersected with a source repo). */
  | {
      readonly kind: 'destination-repo'
      readonly destination: string
      readonly source?: string
      readonly digest?: string
    }
  | { readonly kind: 'destination-tag'; readonly destination: string; readonly tag?: string }
  /** A whole mapping entry named by index (skopeo engine: one process per entry). */
  | { readonly kind: 'entry'; readonly entryId: number }
  | { readonly kind: 'run' }

/** Events read from a log, in order. `logLine` is the 1-based line in the file it came from. */
export type LogEvent =
  | { readonly kind: 'attempt-start'; readonly attempt: number; readonly logLine: number }
  | {
      readonly kind: 'error'
      /** Text after `error: ` with continuation lines joined by '\n'. */
      readonly text: string
      readonly logLine: number
      /** Plan-tree `    error:` lines are duplicates of later top-level lines. */
      readonly inPlanTree: boolean
    }
  | { readonly kind: 'warning'; readonly text: string; readonly logLine: number }
  | { readonly kind: 'info'; readonly text: string; readonly logLine: number }
  | {
      readonly kind: 'success'
      readonly digest: string
      /** Destination repository as printed (e.g. `file://ns/alpha`). */
      readonly destination: string
      readonly tag?: string
      readonly logLine: number
    }
  | {
      readonly kind: 'transfer'
      readonly op: 'uploading' | 'mounted'
      readonly destination: string
      readonly digest: string
      readonly size: string
      readonly logLine: number
    }
  | {
      readonly kind: 'plan-blob'
      readonly destination: string
      readonly source: string
      readonly digest: string
      /** As printed (units.BytesSize, e.g. `47.06KiB`); absent when oc printed none. */
      readonly size?: string
      readonly logLine: number
    }
  | {
      readonly kind: 'plan-manifest'
      readonly destination: string
      readonly digest: string
      readonly tag?: string
      readonly logLine: number
    }
  | {
      readonly kind: 'klog'
      readonly level: 'I' | 'W' | 'E' | 'F'
      readonly text: string
      readonly logLine: number
    }
  | { readonly kind: 'planning-completed'; readonly seconds: number; readonly logLine: number }
  | {
      readonly kind: 'mirroring-completed'
      readonly seconds: number
      /** Rate as printed, e.g. `16.16MB/s`. */
      readonly rate: string
      readonly bytesPerSecond: number
      readonly logLine: number
    }
  /**
   * Routine lines (`uploading:`/`mounted:`, plan rows after an attempt's first) that a reader
   * asked to fold were counted, not decoded: `lines` of them, the last at `logLine`.
   */
  | { readonly kind: 'routine'; readonly lines: number; readonly logLine: number }
  /** Anything else (plan tree rows, phase table, blank lines, noise). Kept for counting. */
  | { readonly kind: 'other'; readonly text: string; readonly logLine: number }

export type LineStatus = 'mirrored' | 'failed'

/** The verdict for one mapping entry. */
export interface LineVerdict {
  readonly entryId: number
  readonly status: LineStatus
  /** Classes of the errors attributed to it (empty when mirrored, `unconfirmed` when nothing named it). */
  readonly classes: readonly FailureClass[]
  readonly reasons: readonly string[]
  /** Log line numbers of the evidence (success lines and errors). */
  readonly evidence: readonly number[]
  /** True when every class of the failure is retryable. */
  readonly retryable: boolean
  /** Set when an earlier attempt failed this line and a later one mirrored it. */
  readonly recoveredAfter?: number
}

/** An error or warning that names no mapping entry. */
export interface RunFinding {
  readonly severity: Severity
  readonly class: FailureClass
  readonly reason: string
  readonly text: string
  readonly logLine: number
  /** Lines this finding stands for when more were seen than are kept (absent: one). */
  readonly count?: number
}

export interface AttemptStats {
  readonly attempt: number
  readonly planningSeconds?: number
  readonly mirroringSeconds?: number
  readonly rate?: string
  readonly bytesPerSecond?: number
  readonly errors: number
  readonly warnings: number
  readonly successLines: number
  readonly logLines: number
}

/** Attempt records beyond the first ones and the latest, summed. */
export interface OmittedAttempts {
  /** How many attempt records are summed here. */
  readonly count: number
  readonly firstAttempt: number
  readonly lastAttempt: number
  readonly errors: number
  readonly warnings: number
  readonly successLines: number
  readonly logLines: number
}

export interface Triage {
  readonly verdicts: readonly LineVerdict[]
  readonly runLevel: readonly RunFinding[]
  /** The first attempts' records and the latest one's (see attemptsOmitted). */
  readonly attempts: readonly AttemptStats[]
  /** Present when a log had more attempts than are kept whole: those between, summed. */
  readonly attemptsOmitted?: OmittedAttempts
}
