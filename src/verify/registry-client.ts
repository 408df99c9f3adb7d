// The registry client of verification: the Registry HTTP API v2 as verification reads it. One
// RegistryHost per registry learns its scheme with a ping (https, or http too under --insecure),
// answers auth challenges (basic from the registry config, bearer tokens per repository scope,
// one fresh token after a 401), follows redirects (never sending credentials to another origin)
// and turns transport failures into `Unreachable` and a stop into `Stopped`.
import { canonicalRepository } from '../core/reference.js'
import { oneLine } from '../core/text.js'
import { HttpAgents, httpRequest, type HttpResponse } from './http.js'
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

export const DEFAULT_REQUEST_DEADLINE_MS = 30_000
export const DEFAULT_IDLE_TIMEOUT_MS = 20_000
/** 256 KiB/s: a blob read slower than this is a stalled registry, not a large blob. */
export const DEFAULT_MIN_BYTES_PER_SECOND = 256 * 1024

/** A response and the URL that answered it (after redirects). */
export type RegistryResponse = HttpResponse & { url: string }

/** The registry could not be reached: DNS, connect, TLS, reset, timeout. */
export class Unreachable extends Error {}
/** The verification was stopped from outside (cancel, time limit). */
export class Stopped extends Error {}

/**
 * Where the API of a registry lives and how a repository is named there: Docker Hub under any
 * of its names (none, `docker.io`, `index.docker.io`, `registry-1.docker.io`, any case) is
 * served by registry-1.docker.io with official images under `library/`
 * (`canonicalRepository`); any other host as written (its auth and certs.d entries use it).
 */
export function apiLocation(registry: string, repository: string): { host: string; repo: string } {
  const c = canonicalRepository(registry, repository)
  if (c.registry === 'docker.io') return { host: 'registry-1.docker.io', repo: c.repository }
  return { host: registry, repo: repository }
}

/** The first error of a registry error document (`CODE: message`), else the body, one line. */
export function registryMessage(res: HttpResponse): string {
  const text = res.body.toString('utf8')
  try {
    const doc = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] }
    const first = doc.errors?.[0]
    if (first) return oneLine(`${String(first.code)}: ${String(first.message)}`, { max: 200 })
  } catch {
    // not a registry error document; fall through to the raw text
  }
  return text === '' ? '(empty body)' : oneLine(text, { max: 200 })
}

/** What every request of one verification shares: agents, credentials, limits, the stop signal. */
export interface ClientEnv {
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
export function checkStopped(env: ClientEnv): void {
  if (env.signal?.aborted) {
    const r: unknown = env.signal.reason
    throw new Stopped(
      `verification stopped${r instanceof Error && r.message !== '' ? ` (${r.message})` : ''}`
    )
  }
}

export interface RequestOpts {
  readonly accept?: string
  readonly maxBody: number
  readonly sink?: (chunk: Buffer) => void
  /** Overrides the request deadline (blob reads: grows with the size). */
  readonly deadlineMs?: number
}

/** One registry: its scheme (learned by a ping), its auth challenge, tokens per scope. */
export class RegistryHost {
  #ping: Promise<{ origin: string; challenge?: AuthChallenge }> | undefined
  readonly #auth = new Map<string, Promise<string | undefined>>()

  constructor(
    readonly host: string,
    private readonly env: ClientEnv
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
  ): Promise<RegistryResponse> {
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
  ): Promise<RegistryResponse> {
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

/** The hosts of one verification, each created on first use. */
export class RegistryClient {
  readonly #hosts = new Map<string, RegistryHost>()

  constructor(readonly env: ClientEnv) {}

  host(name: string): RegistryHost {
    let h = this.#hosts.get(name)
    if (h === undefined) {
      h = new RegistryHost(name, this.env)
      this.#hosts.set(name, h)
    }
    return h
  }
}
