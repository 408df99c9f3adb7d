// Completeness of registry destinations through the Registry HTTP API v2: the manifest by tag
// (or digest), each child of a list, then a HEAD per config and layer blob. A registry refuses
// manifests whose blobs are missing, but blobs can vanish later (garbage collection, deletes,
// storage faults), and a tag can be absent although oc printed nothing wrong (the tag merge of
// docs/oc-behaviour.md §4.5).
import { oneLine } from '../core/text.js'
import type { MappingEntry } from '../core/types.js'
import { digestOf } from './digest.js'
import { HttpAgents } from './http.js'
import type { ProxyEnv } from './proxy-env.js'
import {
  blobsOf,
  MANIFEST_ACCEPT,
  MAX_MANIFEST_BYTES,
  parseManifest,
  type Descriptor
} from './manifest.js'
import { Limiter } from './pool.js'
import { AuthError, RegistryConfig, TokenSource } from './registry-auth.js'
import { BlobChecker } from './registry-blobs.js'
import {
  apiLocation,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_MIN_BYTES_PER_SECOND,
  DEFAULT_REQUEST_DEADLINE_MS,
  RegistryClient,
  registryMessage,
  Stopped,
  Unreachable,
  type ClientEnv,
  type RegistryHost,
  type RegistryResponse
} from './registry-client.js'
import type { ResolvedTag, VerifyProblem, VerifyResult } from './types.js'

export interface RegistryVerifyOptions {
  /** A docker/podman registry config (`{"auths": {…}}`). */
  readonly authFile?: string
  /** Plain http (and https without certificate checks), like oc's --insecure. */
  readonly insecure: boolean
  /** Hash manifests always and blobs fully (GET); otherwise blobs are HEADed. */
  readonly digest: boolean
  /** Requests in flight at once across all registries (default 4). */
  readonly concurrency?: number
  /** Idle timeout of one request (default 20 s). */
  readonly timeoutMs?: number
  /** Total time of one manifest, HEAD, ping or token request (default 30 s). */
  readonly requestDeadlineMs?: number
  /** Blob reads (`digest`) must reach this rate; their deadline grows with the blob's size. */
  readonly minBytesPerSecond?: number
  /** Stops every request at once (cancellation, attempt-timeout); lines then count as not verified. */
  readonly signal?: AbortSignal
  /** certs.d roots for per-registry CAs (default /etc/containers/certs.d, /etc/docker/certs.d). */
  readonly certRoots?: readonly string[]
  /** Proxy variables (default process.env). */
  readonly env?: ProxyEnv
  /** Told every credential the run obtains (bearer tokens, basic headers) so output can hide it. */
  readonly onSecret?: (value: string) => void
}

/** One mapping line's destination: its manifest(s) by tag or digest, each list child, each blob. */
class RegistryVerifier {
  readonly #blobs: BlobChecker

  constructor(
    private readonly client: RegistryClient,
    private readonly digest: boolean
  ) {
    this.#blobs = new BlobChecker(client, digest)
  }

  async verify(entry: MappingEntry): Promise<VerifyResult> {
    const problems: VerifyProblem[] = []
    const resolved: ResolvedTag[] = []
    const { host, repo } = apiLocation(entry.destination.registry, entry.destination.repository)
    const h = this.client.host(host)
    const name = `${host}/${repo}`
    try {
      const reference = entry.destinationTag ?? entry.source.digest
      const refs = reference !== undefined ? [reference] : await this.#tags(h, repo, problems)
      for (const ref of refs) {
        await this.#manifest(
          h,
          repo,
          name,
          ref,
          ref.includes(':') ? `${name}@${ref}` : `tag ${ref}`,
          undefined,
          problems,
          resolved
        )
      }
    } catch (e) {
      const kind =
        e instanceof Stopped || this.client.env.signal?.aborted
          ? 'cancelled'
          : e instanceof Unreachable
            ? 'unreachable'
            : e instanceof AuthError
              ? 'unauthorized'
              : 'registry-error'
      problems.push({ kind, message: oneLine(`${name}: ${(e as Error).message}`, { max: 1000 }) })
    }
    // Every message may carry registry text; keep each on one line, whatever built it.
    const clean = problems.map((p) => ({ ...p, message: oneLine(p.message, { max: 1000 }) }))
    return {
      entryId: entry.id,
      complete: clean.length === 0,
      problems: clean,
      ...(resolved.length > 0 ? { resolved } : {})
    }
  }

  /** A repository-only destination (tag-less source): every tag the registry lists. */
  async #tags(h: RegistryHost, repo: string, problems: VerifyProblem[]): Promise<string[]> {
    const res = await h.request('GET', `/v2/${repo}/tags/list`, repo, { maxBody: 16 << 20 })
    if (res.status !== 200) {
      problems.push(this.#statusProblem(res, `tags of ${h.host}/${repo}`, 'missing-tag'))
      return []
    }
    let tags: unknown
    try {
      tags = (JSON.parse(res.body.toString('utf8')) as { tags?: unknown }).tags
    } catch {
      tags = undefined
    }
    const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : []
    if (list.length === 0) {
      problems.push({
        kind: 'missing-tag',
        path: res.url,
        message: `${h.host}/${repo} has no tags`
      })
    }
    return list
  }

  #statusProblem(
    res: RegistryResponse,
    what: string,
    notFound: VerifyProblem['kind'],
    digest?: string
  ): VerifyProblem {
    const kind: VerifyProblem['kind'] =
      res.status === 404
        ? notFound
        : res.status === 401 || res.status === 403
          ? 'unauthorized'
          : 'registry-error'
    const detail = res.body.length > 0 ? `: ${registryMessage(res)}` : ''
    return {
      kind,
      digest,
      path: res.url,
      message: oneLine(`${what}: GET ${res.url} answered HTTP ${res.status}${detail}`, {
        max: 1000
      })
    }
  }

  async #manifest(
    h: RegistryHost,
    repo: string,
    name: string,
    reference: string,
    via: string,
    parent: { list: string; child: Descriptor } | undefined,
    problems: VerifyProblem[],
    resolved?: ResolvedTag[]
  ): Promise<void> {
    const isDigest = reference.includes(':')
    const res = await h.request('GET', `/v2/${repo}/manifests/${reference}`, repo, {
      accept: MANIFEST_ACCEPT,
      maxBody: MAX_MANIFEST_BYTES
    })
    if (res.status !== 200) {
      const what = parent
        ? `child manifest ${reference} (${parent.child.role}) of manifest list ${parent.list} in ${name}`
        : isDigest
          ? `manifest ${reference} of ${name}`
          : `tag ${reference} of ${name}`
      problems.push(
        this.#statusProblem(
          res,
          what,
          parent ? 'missing-child' : isDigest ? 'missing-manifest' : 'missing-tag',
          isDigest ? reference : undefined
        )
      )
      return
    }
    const algo = isDigest ? reference.slice(0, reference.indexOf(':')) : 'sha256'
    const actual = digestOf(res.body, algo)
    const header = res.headers['docker-content-digest']
    const served = typeof header === 'string' ? header.trim() : undefined
    const digest = isDigest ? reference : (served ?? actual)
    // What the tag resolves to: the hash of the bytes served, not a header that could lie.
    if (!isDigest && parent === undefined) resolved?.push({ tag: reference, digest: actual })
    if (this.digest) {
      if (isDigest && actual !== reference) {
        problems.push({
          kind: 'digest-mismatch',
          digest: reference,
          path: res.url,
          message: `manifest ${reference} (${via}) served by ${name} has content with digest ${actual}`
        })
        return
      }
      if (served !== undefined && served.startsWith(`${algo}:`) && served !== actual) {
        problems.push({
          kind: 'digest-mismatch',
          digest: served,
          path: res.url,
          message: oneLine(
            `manifest ${via} of ${name}: Docker-Content-Digest says ${served}, content hashes to ${actual}`,
            { max: 1000 }
          )
        })
        return
      }
      if (parent?.child.size !== undefined && parent.child.size !== res.body.length) {
        problems.push({
          kind: 'size-mismatch',
          digest: reference,
          path: res.url,
          message: `child manifest ${reference} (${parent.child.role}) of manifest list ${parent.list} has ${res.body.length} bytes, the list says ${parent.child.size}`
        })
        return
      }
    }
    const contentType = res.headers['content-type']
    const parsed = parseManifest(
      res.body,
      typeof contentType === 'string' ? contentType : undefined
    )
    if ('error' in parsed) {
      problems.push({
        kind: 'bad-manifest',
        digest,
        path: res.url,
        message: oneLine(`manifest ${digest} (${via}) of ${name} cannot be read: ${parsed.error}`, {
          max: 1000
        })
      })
      return
    }
    const m = parsed.manifest
    if (m.kind === 'index') {
      if (parent) {
        problems.push({
          kind: 'bad-manifest',
          digest,
          path: res.url,
          message: `manifest ${digest} (${via}) is a list nested in a list; not supported`
        })
        return
      }
      for (const child of m.manifests) {
        await this.#manifest(
          h,
          repo,
          name,
          child.digest,
          `${via} → ${child.role}`,
          { list: digest, child },
          problems
        )
      }
      return
    }
    const outcomes = await Promise.all(blobsOf(m).map((b) => this.#blobs.check(h, repo, b)))
    for (const [i, blob] of blobsOf(m).entries()) {
      const o = outcomes[i]
      if (o.ok) continue
      const size = blob.size !== undefined ? ` (${blob.size} bytes)` : ''
      problems.push({
        kind: o.kind,
        digest: blob.digest,
        path: o.url,
        message: oneLine(
          `${blob.role} ${blob.digest}${size} of manifest ${digest} (${via}) ${o.detail}`,
          { max: 1000 }
        )
      })
    }
  }
}

/**
 * Verifies every entry whose destination is a registry. Entries with file:// or s3://
 * destinations get no result. Never throws for registry trouble: it becomes a problem.
 */
export async function verifyRegistryEntries(
  entries: readonly MappingEntry[],
  opts: RegistryVerifyOptions
): Promise<VerifyResult[]> {
  const mine = entries.filter((e) => e.destination.kind === 'registry')
  if (mine.length === 0) return []
  let config: RegistryConfig
  try {
    config =
      opts.authFile !== undefined
        ? await RegistryConfig.load(opts.authFile)
        : RegistryConfig.empty()
  } catch (e) {
    const message = oneLine((e as Error).message, { max: 1000 })
    return mine.map((e) => ({
      entryId: e.id,
      complete: false,
      problems: [{ kind: 'unauthorized', path: opts.authFile, message }]
    }))
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const deadlineMs = opts.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS
  const agents = new HttpAgents({
    insecure: opts.insecure,
    ...(opts.certRoots !== undefined ? { certRoots: opts.certRoots } : {}),
    ...(opts.env !== undefined ? { env: opts.env } : {})
  })
  for (const s of config.secrets()) opts.onSecret?.(s)
  try {
    const env: ClientEnv = {
      agents,
      tokens: new TokenSource(agents, {
        timeoutMs,
        deadlineMs,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onSecret ? { onSecret: opts.onSecret } : {})
      }),
      config,
      insecure: opts.insecure,
      timeoutMs,
      deadlineMs,
      minBytesPerSecond: opts.minBytesPerSecond ?? DEFAULT_MIN_BYTES_PER_SECOND,
      ...(opts.signal ? { signal: opts.signal } : {}),
      limiter: new Limiter(opts.concurrency ?? 4)
    }
    const verifier = new RegistryVerifier(new RegistryClient(env), opts.digest)
    return await Promise.all(mine.map((e) => verifier.verify(e)))
  } finally {
    agents.close()
  }
}
