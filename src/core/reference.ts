// Image references parsed the way `oc image mirror` parses them
// (docs/oc-behaviour.md §4.2–4.3, §5): imagesource.ParseReference (prefixes), library-go
// reference.Parse (registry detection) and its docker/distribution-derived grammar. Hand-written
// matchers instead of the Go regexes: Go's RE2 is linear, a JS backtracking engine on the same
// patterns is not.
import type { ImageRef, RefKind } from './types.js'

export type RefSide = 'source' | 'destination'

export type RefErrorCode = 'invalid-reference' | 'digest-destination'

export type ParseRefResult = { ref: ImageRef } | { error: string; code: RefErrorCode }

const DST_DIGEST_ERROR = 'you must specify a tag for DST or leave it blank to only push by digest'
const NAME_TOTAL_LENGTH_MAX = 255

const TAG = /^\w[\w.-]{0,127}$/
// The reference grammar's digest: algorithm, then at least 32 hex digits.
const REF_DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$/
// `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*` rewritten without the empty `[-]*` branch (same
// language, but no nested ambiguity, so no catastrophic backtracking).
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const HOST_LABEL = /^[a-zA-Z0-9-]+$/
const PORT = /^[0-9]+$/
// The character class of oc's `:([\w\d-\.*]+)$` (rePossibleExpandableReference).
const EXPANDABLE_TAG = /^[\w.*-]+$/
const DIGEST_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 }

/** What library-go's reference.Parse yields (DockerImageReference, namespace and name joined). */
interface DockerRef {
  readonly registry: string
  readonly repository: string
  readonly tag?: string
  readonly digest?: string
}

interface Matched {
  readonly name: string
  readonly tag?: string
  readonly digest?: string
}

function isHostLabel(label: string): boolean {
  return HOST_LABEL.test(label) && !label.startsWith('-') && !label.endsWith('-')
}

function isHostname(host: string): boolean {
  const colon = host.indexOf(':')
  let name = host
  if (colon >= 0) {
    if (!PORT.test(host.slice(colon + 1))) return false
    name = host.slice(0, colon)
  }
  return everyPart(name, '.', 0, isHostLabel)
}

const isPathComponent = (part: string): boolean => PATH_COMPONENT.test(part)

/**
 * `ok` holds for every `sep`-separated part of `text` from `from` on. No split array: this runs
 * for both sides of every mapping line.
 */
function everyPart(
  text: string,
  sep: string,
  from: number,
  ok: (part: string) => boolean
): boolean {
  for (let start = from; ;) {
    const at = text.indexOf(sep, start)
    const end = at < 0 ? text.length : at
    if (!ok(text.slice(start, end))) return false
    if (at < 0) return true
    start = at + 1
  }
}

function isValidName(name: string): boolean {
  const slash = name.indexOf('/')
  const first = slash < 0 ? name : name.slice(0, slash)
  if (!isPathComponent(first) && !(slash >= 0 && isHostname(first))) return false
  return slash < 0 || everyPart(name, '/', slash + 1, isPathComponent)
}

/** docker/distribution's anchored ReferenceRegexp: `name(:tag)?(@digest)?`. */
function matchReference(s: string): Matched | undefined {
  let rest = s
  let digest: string | undefined
  const at = s.indexOf('@')
  if (at >= 0) {
    digest = s.slice(at + 1)
    rest = s.slice(0, at)
    if (!REF_DIGEST.test(digest)) return undefined
  }
  // A name holds a `:` only before a `/` (registry port), so a last `:` with no `/` after it
  // must start the tag.
  let name = rest
  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon >= 0 && !rest.includes('/', colon)) {
    tag = rest.slice(colon + 1)
    name = rest.slice(0, colon)
    if (!TAG.test(tag)) return undefined
  }
  if (!isValidName(name)) return undefined
  return { name, tag, digest }
}

/** Go's strings.ToLower uses simple case mapping: one code point to one code point. */
function goToLower(s: string): string {
  let out = ''
  for (const ch of s) {
    const lower = ch.toLowerCase()
    if (lower.length === ch.length) out += lower
    else out += ch === '\u0130' ? 'i' : ch
  }
  return out
}

/** go-digest Validate as vendored in library-go (hex already checked by the grammar). */
function digestError(digest: string): string | undefined {
  const colon = digest.indexOf(':')
  const size = DIGEST_LENGTHS[digest.slice(0, colon)]
  if (size === undefined) return 'unsupported digest algorithm'
  if (digest.length - colon - 1 !== size) return 'invalid checksum digest length'
  return undefined
}

/** library-go reference.Parse: the grammar, then the registry rule of docs/oc-behaviour.md §5. */
function parseDocker(s: string): { ref: DockerRef; registryOnly: boolean } | { error: string } {
  const m = matchReference(s)
  if (!m) {
    if (s === '') return { error: 'repository name must have at least one component' }
    if (matchReference(goToLower(s))) return { error: 'repository name must be lowercase' }
    return { error: 'invalid reference format' }
  }
  if (m.name.length > NAME_TOTAL_LENGTH_MAX) {
    return { error: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` }
  }
  if (m.digest !== undefined) {
    const err = digestError(m.digest)
    if (err) return { error: err }
  }
  const slash = m.name.indexOf('/')
  if (slash < 0) {
    // library-go treats a lone component with a `.` (or starting with localhost) as a bare
    // registry: the tag is dropped and the whole text becomes the registry.
    if (m.name.includes('.') || m.name.startsWith('localhost')) {
      const whole = m.name + (m.tag !== undefined ? `:${m.tag}` : '')
      const registry = whole + (m.digest !== undefined ? `@${m.digest}` : '')
      return { ref: { registry, repository: '', digest: m.digest }, registryOnly: true }
    }
    return {
      ref: { registry: '', repository: m.name, tag: m.tag, digest: m.digest },
      registryOnly: false
    }
  }
  const first = m.name.slice(0, slash)
  const isRegistry = first.includes('.') || first.includes(':') || first === 'localhost'
  const ref: DockerRef = isRegistry
    ? { registry: first, repository: m.name.slice(slash + 1), tag: m.tag, digest: m.digest }
    : { registry: '', repository: m.name, tag: m.tag, digest: m.digest }
  return { ref, registryOnly: false }
}

function prefixOf(kind: RefKind): string {
  return kind === 'file' ? 'file://' : kind === 's3' ? 's3://' : ''
}

/**
 * imagesource.ParseReference. Errors quote the reference as oc does: after removing `s3://`
 * or `file://` and, for file://, one leading `/`.
 */
function parseTyped(
  token: string
): { kind: RefKind; ref: DockerRef; registryOnly: boolean } | { error: string } {
  let kind: RefKind = 'registry'
  let rest = token
  if (rest.startsWith('s3://')) {
    kind = 's3'
    rest = rest.slice('s3://'.length)
  } else if (rest.startsWith('file://')) {
    kind = 'file'
    rest = rest.slice('file://'.length)
    if (rest.startsWith('/')) rest = rest.slice(1)
  }
  const parsed = parseDocker(rest)
  if ('error' in parsed) {
    return { error: `${goQuote(rest)} is not a valid image reference: ${parsed.error}` }
  }
  return { kind, ref: parsed.ref, registryOnly: parsed.registryOnly }
}

function toImageRef(
  raw: string,
  kind: RefKind,
  ref: DockerRef,
  registryOnly: boolean,
  tag: string | undefined
): ImageRef {
  // `printed` is oc's TypedImageReference.String() without tag or digest (Exact() of the
  // parsed reference), so `file:///ns/a` prints as `file://ns/a`: oc strips that slash before
  // parsing and never prints it. A bare registry prints with a trailing `/` (Exact()).
  const name = registryOnly
    ? `${ref.registry}/`
    : ref.registry
      ? `${ref.registry}/${ref.repository}`
      : ref.repository
  // Built in place, not from spreads (two per mapping line); the key order is the report's.
  const out = { raw, kind, registry: ref.registry, repository: ref.repository } as {
    -readonly [K in keyof ImageRef]: ImageRef[K]
  }
  if (tag !== undefined) out.tag = tag
  if (ref.digest !== undefined) out.digest = ref.digest
  // Usually the token's own start (`ns/a` of `ns/a:v1`): then a slice of it, not a concatenation
  // that every later repoKey would flatten into a copy (per mapping line, both sides).
  const printed = prefixOf(kind) + name
  out.printed = raw.startsWith(printed) ? raw.slice(0, printed.length) : printed
  out.diskPath = kind === 'file' ? ref.repository : ''
  return out
}

/**
 * Parses one side of a mapping as oc does. Sources: a tag containing `*` is kept as a glob
 * tag and a source with neither tag nor digest has no tag (both are expanded by oc over the
 * network at run time). Destinations: a digest is oc's error.
 */
export function parseImageRef(token: string, side: RefSide): ParseRefResult {
  if (side === 'source') {
    // ParseSourceReference: `:([\w\d-\.*]+)$` with a `*` → parse with the tag `tag`, then put
    // the glob back. Only the last `:` can start that match (`:` is not in the class).
    const colon = token.lastIndexOf(':')
    const glob = colon >= 0 ? token.slice(colon + 1) : ''
    if (glob.includes('*') && EXPANDABLE_TAG.test(glob)) {
      const parsed = parseTyped(`${token.slice(0, colon)}:tag`)
      if ('error' in parsed) return { error: parsed.error, code: 'invalid-reference' }
      if (parsed.ref.tag !== 'tag') {
        return { error: 'source expansion is only possible in tags', code: 'invalid-reference' }
      }
      return { ref: toImageRef(token, parsed.kind, parsed.ref, parsed.registryOnly, glob) }
    }
  }
  const parsed = parseTyped(token)
  if ('error' in parsed) return { error: parsed.error, code: 'invalid-reference' }
  if (side === 'destination' && parsed.ref.digest !== undefined) {
    return { error: DST_DIGEST_ERROR, code: 'digest-destination' }
  }
  return { ref: toImageRef(token, parsed.kind, parsed.ref, parsed.registryOnly, parsed.ref.tag) }
}

function isRegistryComponent(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost'
}

/** Docker Hub's names: library-go's IsRegistryDockerHub, distribution's legacy domain. */
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/**
 * A registry repository as the registry sees it (docs/oc-behaviour.md §4.6): host lower case,
 * `:443` dropped, no host or a Docker Hub alias → `docker.io`, a one-component Docker Hub
 * repository under `library/`. `registry` is the reference's registry component ('' when it
 * has none). A bare registry (no repository) is returned as given, host lower case.
 */
export function canonicalRepository(
  registry: string,
  repository: string
): { registry: string; repository: string } {
  let host = registry.toLowerCase()
  if (host.endsWith(':443')) host = host.slice(0, -':443'.length)
  if (repository === '') return { registry: host, repository }
  if (host === '' || DOCKER_HUB_HOSTS.has(host)) {
    return {
      registry: 'docker.io',
      repository: repository.includes('/') ? repository : `library/${repository}`
    }
  }
  return { registry: host, repository }
}

/**
 * Comparison key for a repository as oc prints it. `file://` refs fold to their directory on
 * disk (registry component dropped, docs/oc-behaviour.md §5); s3 hosts compare
 * case-insensitively; registry refs are keyed by `canonicalRepository`, so every spelling of
 * one registry repository (`Quay.io/x`, `quay.io:443/x`; `x`, `docker.io/x`,
 * `index.docker.io/library/x`) has one key.
 */
export function repoKey(printed: string): string {
  if (printed.startsWith('file://')) {
    let path = printed.slice('file://'.length)
    if (path.startsWith('/')) path = path.slice(1)
    const slash = path.indexOf('/')
    if (slash > 0 && isRegistryComponent(path.slice(0, slash))) path = path.slice(slash + 1)
    // Usually already the key: then `printed` itself, not a copy per entry and index.
    return path.length === printed.length - 'file://'.length ? printed : `file://${path}`
  }
  if (printed.startsWith('s3://')) {
    const path = printed.slice('s3://'.length)
    const slash = path.indexOf('/')
    if (slash <= 0 || !isRegistryComponent(path.slice(0, slash))) return printed
    const host = path.slice(0, slash)
    const lower = host.toLowerCase()
    return lower === host ? printed : `s3://${lower}${path.slice(slash)}`
  }
  const slash = printed.indexOf('/')
  const hasHost = slash > 0 && isRegistryComponent(printed.slice(0, slash))
  if (!hasHost && slash < 0 && isRegistryComponent(printed)) {
    // A bare registry (oc prints it with a trailing `/`, this is the form without it).
    return printed.toLowerCase()
  }
  const c = hasHost
    ? canonicalRepository(printed.slice(0, slash), printed.slice(slash + 1))
    : canonicalRepository('', printed)
  // Usually already canonical: then the key is `printed` itself, not a copy per entry.
  return joinKey(printed, c.registry, '/', c.repository)
}

/**
 * `printed` plus `:tag` (the given one, else the ref's) or `@digest`: oc's String() of the
 * reference. A digest wins over the ref's own tag, as in oc's NameString().
 */
export function formatRef(ref: ImageRef, tag?: string): string {
  if (ref.repository === '') return ref.printed
  if (tag !== undefined) return joinKey(ref.raw, ref.printed, ':', tag)
  if (ref.digest !== undefined) return joinKey(ref.raw, ref.printed, '@', ref.digest)
  if (ref.tag !== undefined) return joinKey(ref.raw, ref.printed, ':', ref.tag)
  return ref.printed
}

/**
 * `${a}${sep}${b}`, but `spelled` itself when it is exactly that: a ref's own token usually is
 * the string wanted, and sharing it saves a copy per mapping line in keys and indexes.
 */
export function joinKey(spelled: string, a: string, sep: string, b: string): string {
  const same =
    spelled.length === a.length + sep.length + b.length &&
    spelled.startsWith(a) &&
    spelled.startsWith(sep, a.length) &&
    spelled.endsWith(b)
  return same ? spelled : `${a}${sep}${b}`
}

/** True when oc expands this source over the network (tag-less, or a glob tag). */
export function isExpandingSource(ref: ImageRef): boolean {
  return ref.digest === undefined && (ref.tag === undefined || ref.tag.includes('*'))
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u

/** Go's strconv.Quote (`%q`): how oc quotes references in its messages. */
export function goQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (cp === 0x20 || (cp > 0x20 && cp < 0x7f)) out += ch
    else if (cp > 0x7f && !isSurrogate(cp) && PRINTABLE.test(ch)) out += ch
    else out += escapeRune(cp)
  }
  return `${out}"`
}

function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  9: '\\t',
  10: '\\n',
  11: '\\v',
  12: '\\f',
  13: '\\r'
}

function escapeRune(cp: number): string {
  const short = SHORT_ESCAPES[cp]
  if (short) return short
  if (cp < 0x20 || cp === 0x7f) return `\\x${cp.toString(16).padStart(2, '0')}`
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`
  return `\\U${cp.toString(16).padStart(8, '0')}`
}
