// oc's fixed message prefixes (docs/oc-behaviour.md §1.4, §4.4): what an error line is about, and
// where oc's own wording ends and the underlying cause begins.
import type { ErrorSubject } from './types.js'

const DIGEST = '[a-z0-9]+:[0-9a-f]+'

interface Prefix {
  readonly re: RegExp
  readonly subject: (m: RegExpExecArray) => ErrorSubject
}

const g = (m: RegExpExecArray, i: number): string => m[i] ?? ''

/**
 * Order matters only where one prefix is a longer form of another (list child before digest).
 * Every pattern is anchored and ends at the `: ` that introduces the cause.
 */
const PREFIXES: readonly Prefix[] = [
  {
    // `error: file mapping.txt, line 6: all arguments must be valid SRC=DST mappings`
    re: /^file (.+?), line (\d+): /,
    subject: (m) => ({ kind: 'mapping-line', file: g(m, 1), line: Number(g(m, 2)) })
  },
  {
    // `unable to retrieve source image 127.0.0.1:5002/ns/alpha by tag v1: unauthorized: …`
    re: /^unable to retrieve source image (\S+) by tag ([^\s:]+): /,
    subject: (m) => ({ kind: 'source-tag', source: g(m, 1), tag: g(m, 2) })
  },
  {
    // `unable to retrieve source image <ref> manifest #1 from manifest list: …` (ref without file://)
    re: /^unable to retrieve source image (\S+) manifest #\d+ from manifest list: /,
    subject: (m) => ({ kind: 'source-list-child', sourceRef: g(m, 1) })
  },
  {
    // `unable to retrieve source image 127.0.0.1:5002/ns/alpha manifest sha256:0de5…: manifest unknown: …`
    re: new RegExp(`^unable to retrieve source image (\\S+) manifest (${DIGEST}): `),
    subject: (m) => ({ kind: 'source-digest', source: g(m, 1), digest: g(m, 2) })
  },
  {
    // `unable to filter source image %s manifest list[ (bad payload)]: %v` — same ref as the list child
    re: /^unable to filter source image (\S+) manifest list(?: \(bad payload\))?: /,
    subject: (m) => ({ kind: 'source-list-child', sourceRef: g(m, 1) })
  },
  {
    // `unable to access source image %s manifests: %v`
    re: /^unable to access source image (\S+) manifests: /,
    subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
  },
  {
    // `unable to access destination image %s manifests: %v` prints the source ref by mistake
    // (docs/oc-behaviour.md §1.4)
    re: /^unable to access destination image (\S+) manifests: /,
    subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
  },
  {
    // `unable to push 127.0.0.1:5002/ns/alpha: failed to retrieve blob sha256:fb9f…: toomanyrequests…`
    // Small-blob path: only the SOURCE repository is named.
    re: new RegExp(`^unable to push (\\S+): failed to (?:retrieve|upload) blob ${DIGEST}: `),
    subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
  },
  {
    // `unable to push %s: tried to copy|mount blob %s [source ]and got back a different digest %s`
    re: new RegExp(`^unable to push (\\S+): (?=tried to (?:copy|mount) blob ${DIGEST} )`),
    subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
  },
  {
    // `unable to open source layer sha256:6fe0… to copy to file://ns/alpha: …`
    re: new RegExp(`^unable to open source layer (${DIGEST}) to copy to (\\S+): `),
    subject: (m) => ({ kind: 'destination-repo', destination: g(m, 2), digest: g(m, 1) })
  },
  {
    // `unable to upload blob %s to %s: %v`
    re: new RegExp(`^unable to upload blob (${DIGEST}) to (\\S+): `),
    subject: (m) => ({ kind: 'destination-repo', destination: g(m, 2), digest: g(m, 1) })
  },
  {
    // `unable to copy layer sha256:6fe0… to file://ns/alpha: unexpected EOF`
    re: new RegExp(`^unable to copy layer (${DIGEST}) to (\\S+): `),
    subject: (m) => ({ kind: 'destination-repo', destination: g(m, 2), digest: g(m, 1) })
  },
  {
    // `failed to commit blob %s from manifest %s[ in manifest list %s] to %s: %v`
    re: new RegExp(`^failed to commit blob (${DIGEST}) from .+? to (\\S+): `),
    subject: (m) => ({ kind: 'destination-repo', destination: g(m, 2), digest: g(m, 1) })
  },
  {
    // `unable to push manifest to 127.0.0.1:5001/t412-x/alpha:v1: manifest blob unknown: …`
    re: /^unable to push manifest to (\S+): /,
    subject: (m) => destinationTag(g(m, 1))
  },
  {
    // `unable to create reference to repository %s: %v` (execution, destination side)
    re: /^unable to create reference to repository (\S+): /,
    subject: (m) => ({ kind: 'destination-repo', destination: g(m, 1) })
  },
  {
    // `unable to connect to %s: %v` — printed for both sides; only reference/S3 set-up errors
    // reach it (docs/oc-behaviour.md §2.5). Reported against the source side, which is where oc
    // prints it first.
    re: /^unable to connect to (\S+): /,
    subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
  },
  {
    // skopeo engine: `unable to copy <SRC> to <DST>: <skopeo error>`; DST is the entry's effective
    // destination (what oc would print on stdout), so it maps to a destination tag.
    re: /^unable to copy (\S+) to (\S+): /,
    subject: (m) => destinationTag(g(m, 2))
  }
]

/**
 * Splits `DST[:TAG]` the way oc prints it: the tag follows the last `:` only when that `:` comes
 * after the last `/` (so `127.0.0.1:5001/ns/a` has no tag). An `@digest` suffix is dropped.
 */
export function splitDestination(printed: string): { repo: string; tag?: string } {
  const at = printed.indexOf('@')
  const ref = at >= 0 ? printed.slice(0, at) : printed
  const colon = ref.lastIndexOf(':')
  if (colon > ref.lastIndexOf('/') && colon < ref.length - 1) {
    return { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) }
  }
  return { repo: ref }
}

function destinationTag(printed: string): ErrorSubject {
  const { repo, tag } = splitDestination(printed)
  return tag === undefined
    ? { kind: 'destination-tag', destination: repo }
    : { kind: 'destination-tag', destination: repo, tag }
}

function withoutErrorPrefix(text: string): string {
  return text.startsWith('error: ') ? text.slice('error: '.length) : text
}

function matchPrefix(text: string): { prefix: Prefix; m: RegExpExecArray } | undefined {
  const t = withoutErrorPrefix(text)
  for (const prefix of PREFIXES) {
    const m = prefix.re.exec(t)
    if (m) return { prefix, m }
  }
  return undefined
}

/**
 * What an `error:` line (text after `error: `) is about, from oc's fixed prefix. Unrecognised
 * text, run summaries and panics → `{ kind: 'run' }`.
 */
export function parseErrorSubject(text: string): ErrorSubject {
  const hit = matchPrefix(text)
  return hit ? hit.prefix.subject(hit.m) : { kind: 'run' }
}

/** The underlying cause: the text after oc's prefix (the whole text when there is no prefix). */
export function errorCause(text: string): string {
  const t = withoutErrorPrefix(text)
  const hit = matchPrefix(t)
  return hit ? t.slice(hit.m[0].length) : t
}

/** True when the text starts with one of oc's (or the skopeo engine's) per-item prefixes. */
export function hasOcPrefix(text: string): boolean {
  return matchPrefix(text) !== undefined
}

/** A source reference as printed with its tag or digest → the matching source subject. */
function sourceSubject(ref: string): ErrorSubject {
  const at = ref.indexOf('@')
  if (at > 0) return { kind: 'source-digest', source: ref.slice(0, at), digest: ref.slice(at + 1) }
  const { repo, tag } = splitDestination(ref)
  return tag === undefined
    ? { kind: 'source-repo', source: repo }
    : { kind: 'source-tag', source: repo, tag }
}

/**
 * `Image <ref> does not exist and will not be mirrored` (text after `warning: `). The ref is the
 * source with its tag; for digest sources with a non-JSON 404 body oc prints the error text in
 * its place (docs/oc-behaviour.md §1.4), which names nothing → `{ kind: 'run' }`. Other warnings →
 * undefined.
 */
export function parseWarningSubject(text: string): ErrorSubject | undefined {
  const m = /^(?:warning: )?Image (.+) does not exist and will not be mirrored$/.exec(text)
  if (!m) return undefined
  const arg = g(m, 1)
  return /\s/.test(arg) ? { kind: 'run' } : sourceSubject(arg)
}

/** `Filtered all images from <src>, skipping` (text after `info: `) → the source it names. */
export function parseFilteredSubject(text: string): ErrorSubject | undefined {
  const m = /^(?:info: )?Filtered all images from (\S+), skipping$/.exec(text)
  return m ? sourceSubject(g(m, 1)) : undefined
}
