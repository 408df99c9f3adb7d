// What a completeness check reports, per mapping entry.
import type { FileTreeState } from '../core/repair-plan.js'

export type VerifyProblemKind =
  /** The manifest file (or registry manifest) the entry needs is absent. */
  | 'missing-manifest'
  /** The tag the entry pushes is absent (no symlink on disk, MANIFEST_UNKNOWN by tag). */
  | 'missing-tag'
  /** The tag exists but points at nothing usable. */
  | 'dangling-tag'
  /** A config or layer blob referenced by a manifest is absent. */
  | 'missing-blob'
  | 'size-mismatch'
  | 'digest-mismatch'
  /** A `<digest>.download` file: oc's streaming write of that blob failed and was never finished. */
  | 'leftover-download'
  | 'bad-manifest'
  /** A path built from mapping text, or a symlink, would leave the mirror directory. */
  | 'unsafe-path'
  /** A child manifest of a kept manifest list / OCI index is absent. */
  | 'missing-child'
  /** A file exists but cannot be read (permissions, I/O error). */
  | 'unreadable'
  /** The registry could not be reached (DNS, connection, TLS, timeout). */
  | 'unreachable'
  /** Credentials missing, rejected, or the token flow failed. */
  | 'unauthorized'
  /** Any other unexpected registry answer. */
  | 'registry-error'
  /** The check was stopped (cancel, time limit) before it could finish. */
  | 'cancelled'

export interface VerifyProblem {
  readonly kind: VerifyProblemKind
  /** The digest the problem is about (blob, manifest or child). */
  readonly digest?: string
  /** The file (file:// checks) or URL (registry checks) looked at. */
  readonly path?: string
  /** One line, no control characters; names the blob and the manifest that references it. */
  readonly message: string
}

export interface VerifyResult {
  readonly entryId: number
  /** True only when every object the entry needs was found (and, with `digest`, matched). */
  readonly complete: boolean
  readonly problems: readonly VerifyProblem[]
  /**
   * Findings that do not make the entry incomplete, e.g. a `.download` leftover of a blob
   * this entry does not reference. Never affects `complete`. Absent when there are none.
   */
  readonly warnings?: readonly VerifyProblem[]
  /** What each checked tag resolves to at the destination (compared with the engine's digest). */
  readonly resolved?: readonly ResolvedTag[]
  /**
   * Incomplete file:// destinations: which manifests and tag links of the entry are on disk and
   * what each lacks, for the retry's repair planner. Absent otherwise.
   */
  readonly tree?: FileTreeState
}

/** A destination tag and the digest of the manifest it resolves to. */
export interface ResolvedTag {
  readonly tag: string
  readonly digest: string
}

/** Which side of a mapping entry a file check reads. */
export type VerifySide = 'destination' | 'source'
