// Pure half of the skopeo engine: argv for one `skopeo copy` per mapping entry, and the
// oc-shaped lines written for its outcome, so the log reader and attributor need no
// skopeo-specific knowledge.
import { oneLine } from '../core/text.js'
import { effectiveDestination } from '../core/mapping.js'
import type { ImageRef, MappingEntry } from '../core/types.js'
import { parseManifest } from './manifest-descriptors.js'

export interface SkopeoOptions {
  /** Plain HTTP / unverified TLS on both sides (oc's `--insecure`). */
  readonly insecure?: boolean
  /** Auth file (oc's `--registry-config`); same JSON format as skopeo's `--authfile`. */
  readonly authFile?: string
  /**
   * skopeo's own retries (`--retry-times`, present in 1.9.3). 0 by default: mirror-guard
   * retries whole lines itself and needs every failure to surface.
   */
  readonly retryTimes?: number
  /** One argument per element, inserted before SRC DST, verbatim. */
  readonly extraArgs?: readonly string[]
}

/** The flags every entry's `skopeo copy` shares (everything but per-entry refs and files). */
export function sharedCopyFlags(opts: SkopeoOptions): string[] {
  // --all keeps multi-arch images whole, like oc with --keep-manifest-list.
  const args = ['copy', '--all', `--retry-times=${opts.retryTimes ?? 0}`]
  if (opts.insecure) args.push('--src-tls-verify=false', '--dest-tls-verify=false')
  if (opts.authFile) args.push(`--authfile=${opts.authFile}`)
  args.push(...(opts.extraArgs ?? []))
  return args
}

/**
 * Why skopeo cannot run this entry, or undefined. skopeo's `dir:`/`oci:` layouts are not
 * oc's `file://` v2 tree (which `--from-dir` and the file verifier read), so file:// and
 * s3:// are refused rather than written in a layout nothing downstream understands; and
 * skopeo cannot list tags, so oc's tag-less and glob sources are refused too.
 */
export function unsupportedReason(entry: MappingEntry): string | undefined {
  const { source, destination } = entry
  if (destination.kind !== 'registry') {
    return `engine: skopeo does not support ${destination.kind}:// destinations; use engine: oc`
  }
  if (source.kind !== 'registry') {
    return `engine: skopeo does not support ${source.kind}:// sources; use engine: oc`
  }
  if (source.digest === undefined && (source.tag === undefined || source.tag.includes('*'))) {
    return 'engine: skopeo cannot expand a source without a tag or with a wildcard tag; list each tag, or use engine: oc'
  }
  if (entry.destinationTag === undefined && source.digest === undefined) {
    return 'engine: skopeo needs a destination tag or a source digest'
  }
  return undefined
}

function repoPath(ref: ImageRef): string {
  return ref.registry === '' ? ref.repository : `${ref.registry}/${ref.repository}`
}

/** `docker://` reference for the source: by digest when it has one (oc's rule: digest wins). */
export function sourceTransportRef(entry: MappingEntry): string {
  const s = entry.source
  return `docker://${repoPath(s)}${s.digest !== undefined ? `@${s.digest}` : `:${s.tag ?? ''}`}`
}

/** `docker://` reference for the destination: the effective tag, else push by digest. */
export function destinationTransportRef(entry: MappingEntry): string {
  const d = repoPath(entry.destination)
  if (entry.destinationTag !== undefined) return `docker://${d}:${entry.destinationTag}`
  return `docker://${d}@${entry.source.digest ?? ''}`
}

/** Full argv (without the binary) for one entry. Call only when `unsupportedReason` is undefined. */
export function buildSkopeoCopyArgs(
  entry: MappingEntry,
  opts: SkopeoOptions,
  digestFile: string
): string[] {
  const args = [...sharedCopyFlags(opts), '--quiet', `--digestfile=${digestFile}`]
  // A by-digest source must arrive byte-identical, or the digest the user pinned is lost.
  if (entry.source.digest !== undefined) args.push('--preserve-digests')
  args.push(sourceTransportRef(entry), destinationTransportRef(entry))
  return args
}

/** Per-registry concurrency key: destination host, case-insensitive ('' → Docker Hub). */
export function destinationRegistryKey(entry: MappingEntry): string {
  return (entry.destination.registry || 'docker.io').toLowerCase()
}

/** oc's stdout success line: `<digest> <dst>:<tag>` or `<digest> <dst>` for a digest-only push. */
export function successLine(entry: MappingEntry, digest: string): string {
  return entry.destinationTag !== undefined
    ? `${digest} ${entry.destination.printed}:${entry.destinationTag}`
    : `${digest} ${entry.destination.printed}`
}

/** The one error line for a failed entry, in the shape `parseErrorSubject` knows. */
export function failureLine(entry: MappingEntry, text: string): string {
  return `error: unable to copy ${entry.source.raw} to ${effectiveDestination(entry)}: ${joinedMessage(text)}`
}

/**
 * Joins a multi-line message (e.g. `errors:\n…\n…`) onto one log line, other control
 * characters as spaces: registry-supplied text must not be able to start a log line.
 */
export const joinedMessage = (text: string): string =>
  oneLine(text, { control: 'space', squeeze: true })

const LOGRUS = /^time="[^"]*" level=(\w+) msg=("(?:[^"\\]|\\.)*"|\S*)(.*)$/

/**
 * The message of skopeo's fatal line, unwrapped, or undefined for any other line.
 * skopeo 1.9 prints `time="…" level=fatal msg="<Go-quoted text>"`; later versions `Error: <text>`.
 */
export function fatalMessage(line: string): string | undefined {
  if (line.startsWith('Error: ')) return line.slice('Error: '.length)
  const m = LOGRUS.exec(line)
  if (!m || (m[1] !== 'fatal' && m[1] !== 'error')) return undefined
  const raw = m[2] ?? ''
  return raw.startsWith('"') ? goUnquote(raw) : raw
}

/** Inverse of Go's strconv.Quote for what logrus emits; unknown escapes are kept as written. */
export function goUnquote(quoted: string): string {
  const body = quoted.slice(1, -1)
  return body.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g,
    (all, esc: string) => {
      const simple: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        a: '\x07',
        b: '\b',
        f: '\f',
        v: '\v',
        '\\': '\\',
        '"': '"',
        "'": "'"
      }
      if (esc.length === 1) return simple[esc] ?? all
      if (/^[0-7]{3}$/.test(esc)) return String.fromCharCode(parseInt(esc, 8))
      return String.fromCodePoint(parseInt(esc.slice(1), 16))
    }
  )
}

/** `skopeo copy --src-X` flags and whether they take a value: the same `--X` for `inspect`. */
const SOURCE_FLAGS: Readonly<Record<string, boolean>> = {
  authfile: true,
  'cert-dir': true,
  creds: true,
  'daemon-host': true,
  'no-creds': false,
  password: true,
  'registry-token': true,
  'shared-blob-dir': true,
  'tls-verify': false,
  username: true
}

/**
 * The source-side flags among `skopeo copy` extra arguments (`--src-creds=u:p`, `--src-cert-dir
 * DIR`, …) as `skopeo inspect` spells them (`--creds=u:p`, `--cert-dir DIR`), so reading a
 * source uses the credentials and TLS settings its copy would use. Other flags are dropped.
 */
export function sourceInspectFlags(extraArgs: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < extraArgs.length; i++) {
    const arg = extraArgs[i] ?? ''
    const m = /^--src-([a-z-]+)(=.*)?$/s.exec(arg)
    const name = m?.[1]
    if (name === undefined || !(name in SOURCE_FLAGS)) continue
    out.push(`--${name}${m?.[2] ?? ''}`)
    // `--src-creds u:p` as two arguments: the value follows.
    if (m?.[2] === undefined && SOURCE_FLAGS[name] === true && i + 1 < extraArgs.length) {
      out.push(extraArgs[++i] ?? '')
    }
  }
  return out
}

/**
 * argv (without the binary) for `skopeo inspect --raw` of a source manifest, with the source
 * side's TLS and auth settings of the copy (its `--src-*` extra arguments included).
 */
export function buildSkopeoInspectArgs(ref: string, opts: SkopeoOptions): string[] {
  const args = ['inspect', '--raw', `--retry-times=${opts.retryTimes ?? 0}`]
  if (opts.insecure) args.push('--tls-verify=false')
  if (opts.authFile) args.push(`--authfile=${opts.authFile}`)
  args.push(...sourceInspectFlags(opts.extraArgs ?? []))
  args.push(ref)
  return args
}

/** `docker://REPO@DIGEST` for a child manifest of the entry's source (a manifest list entry). */
export function sourceChildRef(entry: MappingEntry, digest: string): string {
  return `docker://${repoPath(entry.source)}@${digest}`
}

/** What a raw manifest names: an image's blobs, or a list's child manifests. */
export type ManifestContent =
  | { readonly kind: 'image'; readonly blobs: readonly string[] }
  | { readonly kind: 'list'; readonly children: readonly string[] }

/**
 * Reads `skopeo inspect --raw` output: schema 2 / OCI manifests give config + layer digests,
 * manifest lists / OCI indexes their children's digests. Anything else (schema 1, unknown
 * media type, a malformed digest, not JSON) → undefined: the blob set stays unknown.
 */
export function parseManifestBlobs(text: string): ManifestContent | undefined {
  const m = parseManifest(text)
  if (m === undefined) return undefined
  return m.kind === 'list'
    ? { kind: 'list', children: m.children.map((c) => c.digest) }
    : { kind: 'image', blobs: [m.config.digest, ...m.layers.map((l) => l.digest)] }
}
