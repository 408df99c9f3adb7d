// Completeness of registry destinations through the Registry HTTP API v2: the manifest by tag
// (or digest), each child of a list, then a HEAD per config and layer blob. A registry refuses
// manifests whose blobs are missing, but blobs can vanish later (garbage collection, deletes,
// storage faults), and a tag can be absent although oc printed nothing wrong (the tag merge of
// docs/oc-behaviour.md §4.5).
import type { MappingEntry } from '../core/types.js'
import { digestOf, newHasher } from './digest.js'
import { HttpAgents, httpRequest, type HttpResponse } from './http.js'
import type { ProxyEnv } from './proxy-env.js'
import {
  blobsOf,
  MANIFEST_ACCEPT,
  MAX_MANIFEST_BYTES,
  parseManifest,
  type Descriptor
} from './manifest.js'
import { Limiter } from './pool.js'
import {
  AuthError,
  basicHeader,
  parseChallenges,
  RegistryConfig,
  TokenSource,
  type AuthChallenge,
  type RegistryCredential
} from './registry-auth.js'
import { oneLine } from './text.js'
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

export const DEFAULT_REQUEST_DEADLINE_MS = 30_000
export const DEFAULT_IDLE_TIMEOUT_MS = 20_000
/** 256 KiB/s: a blob read slower than this is a stalled registry, not a large blob. */
export const DEFAULT_MIN_BYTES_PER_SECOND = 256 * 1024

/** The registry could not be reached: DNS, connect, TLS, reset, timeout. */
class Unreachable extends Error {}
/** The verification was stopped from outside (cancel, time limit). */
class Stopped extends Error {}

const DOCKER_HUB = new Set(['', 'docker.io', 'index.docker.io'])

/** Where the API of a registry lives and how a repository is named there. */
export function apiLocation(registry: string, repository: string): { host: string; repo: string } {
  if (DOCKER_HUB.has(registry.toLowerCase())) {
    return {
      host: 'registry-1.docker.io',
      repo: repository.includes('/') ? repository : `library/${repository}`
    }
  }
  return { host: registry, repo: repository }
}

function registryMessage(res: HttpResponse): string {
  const text = res.body.toString('utf8')
  try {
    const doc = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] }
    const first = doc.errors?.[0]
    if (first) return oneLine(`${String(first.code)}: ${String(first.message)}`, 200)
  } catch {
    // not a registry error document; fall through to the raw text
  }
  return text === '' ? '(empty body)' : oneLine(text, 200)
}

interface Env {
  readonly agents: HttpAgents
  readonly tokens: TokenSource
  readonly config: RegistryConfig
  readonly insecure: boolean
  readonly timeoutMs: number
  readonly deadlineMs: number
  readonly minBytesPerSecond: number
  readonly signal?: AbortSignal
  readonly limiter: Limiter
}

/** Throws when the run was stopped: nothing after that point may count as checked. */
function checkStopped(env: Env): void {
  if (env.signal?.aborted) {
    const r: unknown = env.signal.reason
    throw new Stopped(
      `verification stopped${r instanceof Error && r.message !== '' ? ` (${r.message})` : ''}`
    )
  }
}

interface RequestOpts {
  readonly accept?: string
  readonly maxBody: number
  readonly sink?: (chunk: Buffer) => void
  /** Overrides the request deadline (blob reads: grows with the size). */
  readonly deadlineMs?: number
}

/** One registry: its scheme (learned by a ping), its auth challenge, tokens per scope. */
class RegistryHost {
  #ping: Promise<{ origin: string; challenge?: AuthChallenge }> | undefined
  readonly #auth = new Map<string, Promise<string | undefined>>()

  constructor(
    readonly host: string,
    private readonly env: Env
  ) {}

  ready(): Promise<{ origin: string; challenge?: AuthChallenge }> {
    this.#ping ??= this.#doPing()
    return this.#ping
  }

  async #doPing(): Promise<{ origin: string; challenge?: AuthChallenge }> {
    // --insecure means "http is fine too": try TLS without verification first, then plain http.
    const origins = this.env.insecure
      ? [`https://${this.host}`, `http://${this.host}`]
      : [`https://${this.host}`]
    const errors: string[] = []
    for (const origin of origins) {
      try {
        const res = await this.env.limiter.run(() =>
          httpRequest(
            {
              method: 'GET',
              url: new URL('/v2/', origin),
              timeoutMs: this.env.timeoutMs,
              deadlineMs: this.env.deadlineMs,
              maxBody: 1 << 16,
              ...(this.env.signal ? { signal: this.env.signal } : {})
            },
            this.env.agents
          )
        )
        const challenge =
          res.status === 401
            ? parseChallenges(res.headers['www-authenticate']).find(
                (c) => c.scheme === 'bearer' || c.scheme === 'basic'
              )
            : undefined
        return challenge ? { origin, challenge } : { origin }
      } catch (e) {
        checkStopped(this.env)
        errors.push(`${origin}: ${(e as Error).message}`)
      }
    }
    throw new Unreachable(`cannot reach ${this.host}: ${errors.join('; ')}`)
  }

  credential(repo: string): RegistryCredential | undefined {
    return this.env.config.lookup(this.host, repo)
  }

  async #authorization(
    challenge: AuthChallenge | undefined,
    scope: string,
    repo: string
  ): Promise<string | undefined> {
    if (challenge === undefined) return undefined
    const cred = this.credential(repo)
    if (challenge.scheme === 'basic') {
      const header = cred ? basicHeader(cred) : undefined
      if (header === undefined) {
        throw new AuthError(
          `${this.host} wants a user name and password; none in the registry config`
        )
      }
      return header
    }
    return this.env.tokens.token(challenge, scope, cred)
  }

  /** GET/HEAD on the registry with auth (challenge → token → retry once) and redirects. */
  async request(
    method: 'GET' | 'HEAD',
    path: string,
    repo: string,
    opts: RequestOpts
  ): Promise<HttpResponse & { url: string }> {
    checkStopped(this.env)
    const { origin, challenge } = await this.ready()
    const scope = `repository:${repo}:pull`
    return this.env.limiter.run(async () => {
      let current = challenge
      let auth = this.#auth.get(scope)
      if (auth === undefined && current !== undefined) {
        auth = this.#authorization(current, scope, repo)
        this.#auth.set(scope, auth)
        auth.catch(() => this.#auth.delete(scope))
      }
      for (let attempt = 0; ; attempt++) {
        const header = await auth
        const res = await this.#follow(method, new URL(path, origin), header, opts)
        if (res.status !== 401 || attempt > 0) return res
        const fresh = parseChallenges(res.headers['www-authenticate']).find(
          (c) => c.scheme === 'bearer' || c.scheme === 'basic'
        )
        if (fresh === undefined) return res
        // The token was refused or the scope needs one of its own: fetch a new one once.
        if (current !== undefined) this.env.tokens.invalidate(current, scope)
        this.env.tokens.invalidate(fresh, scope)
        current = fresh
        auth = this.#authorization(fresh, scope, repo)
        this.#auth.set(scope, auth)
        auth.catch(() => this.#auth.delete(scope))
      }
    })
  }

  async #follow(
    method: 'GET' | 'HEAD',
    start: URL,
    authorization: string | undefined,
    opts: RequestOpts
  ): Promise<HttpResponse & { url: string }> {
    let url = start
    for (let hop = 0; hop < 6; hop++) {
      const headers: Record<string, string> = {}
      if (opts.accept) headers.Accept = opts.accept
      // Blob storage redirects (S3, CDN) must not receive the registry's credentials.
      if (authorization && url.origin === start.origin) headers.Authorization = authorization
      let res: HttpResponse
      try {
        res = await httpRequest(
          {
            method,
            url,
            headers,
            timeoutMs: this.env.timeoutMs,
            deadlineMs: opts.deadlineMs ?? this.env.deadlineMs,
            maxBody: opts.maxBody,
            sink: opts.sink,
            ...(this.env.signal ? { signal: this.env.signal } : {})
          },
          this.env.agents
        )
      } catch (e) {
        checkStopped(this.env)
        throw new Unreachable(`${method} ${url.href}: ${(e as Error).message}`)
      }
      const location = res.headers.location
      if ([301, 302, 303, 307, 308].includes(res.status) && location) {
        url = new URL(location, url)
        continue
      }
      return { ...res, url: url.href }
    }
    throw new Unreachable(`${method} ${start.href}: too many redirects`)
  }
}

type BlobOutcome =
  { ok: true } | { ok: false; kind: VerifyProblem['kind']; detail: string; url: string }

class RegistryVerifier {
  readonly #hosts = new Map<string, RegistryHost>()
  readonly #blobs = new Map<string, Promise<BlobOutcome>>()

  constructor(
    private readonly env: Env,
    private readonly digest: boolean
  ) {}

  host(name: string): RegistryHost {
    let h = this.#hosts.get(name)
    if (h === undefined) {
      h = new RegistryHost(name, this.env)
      this.#hosts.set(name, h)
    }
    return h
  }

  async verify(entry: MappingEntry): Promise<VerifyResult> {
    const problems: VerifyProblem[] = []
    const resolved: ResolvedTag[] = []
    const { host, repo } = apiLocation(entry.destination.registry, entry.destination.repository)
    const h = this.host(host)
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
        e instanceof Stopped || this.env.signal?.aborted
          ? 'cancelled'
          : e instanceof Unreachable
            ? 'unreachable'
            : e instanceof AuthError
              ? 'unauthorized'
              : 'registry-error'
      problems.push({ kind, message: oneLine(`${name}: ${(e as Error).message}`, 1000) })
    }
    // Every message may carry registry text; keep each on one line, whatever built it.
    const clean = problems.map((p) => ({ ...p, message: oneLine(p.message, 1000) }))
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
    res: HttpResponse & { url: string },
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
      message: oneLine(`${what}: GET ${res.url} answered HTTP ${res.status}${detail}`, 1000)
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
            1000
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
        message: oneLine(
          `manifest ${digest} (${via}) of ${name} cannot be read: ${parsed.error}`,
          1000
        )
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
    const outcomes = await Promise.all(blobsOf(m).map((b) => this.#blob(h, repo, b)))
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
          1000
        )
      })
    }
  }

  #blob(h: RegistryHost, repo: string, blob: Descriptor): Promise<BlobOutcome> {
    const key = `${h.host}\0${repo}\0${blob.digest}\0${blob.size ?? ''}`
    let p = this.#blobs.get(key)
    if (p === undefined) {
      p = this.#checkBlob(h, repo, blob)
      this.#blobs.set(key, p)
    }
    return p
  }

  async #checkBlob(h: RegistryHost, repo: string, blob: Descriptor): Promise<BlobOutcome> {
    const path = `/v2/${repo}/blobs/${blob.digest}`
    const name = `${h.host}/${repo}`
    const head = await h.request('HEAD', path, repo, { maxBody: 1 << 16 })
    if (head.status === 404) {
      return {
        ok: false,
        kind: 'missing-blob',
        url: head.url,
        detail: `is missing from ${name}: HEAD ${head.url} answered HTTP 404`
      }
    }
    if (head.status !== 200) {
      const kind = head.status === 401 || head.status === 403 ? 'unauthorized' : 'registry-error'
      return {
        ok: false,
        kind,
        url: head.url,
        detail: `could not be checked in ${name}: HEAD ${head.url} answered HTTP ${head.status}`
      }
    }
    const length = Number(head.headers['content-length'])
    if (
      blob.size !== undefined &&
      head.headers['content-length'] !== undefined &&
      length !== blob.size
    ) {
      return {
        ok: false,
        kind: 'size-mismatch',
        url: head.url,
        detail: `has ${length} bytes in ${name} (HEAD content-length)`
      }
    }
    if (!this.digest) return { ok: true }
    const hash = newHasher(blob.digest)
    let received = 0
    const bytes = blob.size ?? (Number.isFinite(length) ? length : 0)
    const get = await h.request('GET', path, repo, {
      maxBody: 1 << 16,
      deadlineMs: this.env.deadlineMs + Math.ceil((bytes / this.env.minBytesPerSecond) * 1000),
      sink: (chunk) => {
        received += chunk.length
        hash.update(chunk)
      }
    })
    if (get.status !== 200) {
      return {
        ok: false,
        kind: get.status === 404 ? 'missing-blob' : 'registry-error',
        url: get.url,
        detail: `could not be read from ${name}: GET ${get.url} answered HTTP ${get.status}`
      }
    }
    const actual = `${blob.digest.slice(0, blob.digest.indexOf(':'))}:${hash.digest('hex')}`
    if (actual !== blob.digest) {
      return {
        ok: false,
        kind: 'digest-mismatch',
        url: get.url,
        detail: `served by ${name} has content with digest ${actual} (${received} bytes)`
      }
    }
    return { ok: true }
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
    const message = oneLine((e as Error).message, 1000)
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
    const env: Env = {
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
    const verifier = new RegistryVerifier(env, opts.digest)
    return await Promise.all(mine.map((e) => verifier.verify(e)))
  } finally {
    agents.close()
  }
}
