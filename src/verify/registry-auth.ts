// Registry credentials and the auth handshake: docker/podman registry config files
// (`auths.<host>.auth` = base64 "user:pass", `username`/`password`, `identitytoken`,
// `registrytoken`), WWW-Authenticate challenges, and the bearer token flow.
import { readFile } from 'node:fs/promises'
import { HttpAgents, httpRequest } from './http.js'
import { oneLine } from '../core/text.js'

export interface RegistryCredential {
  readonly username?: string
  readonly password?: string
  /** OAuth2 refresh token (docker's `identitytoken`): exchanged at the realm for an access token. */
  readonly identityToken?: string
  /** A bearer token used as is (`registrytoken`). */
  readonly registryToken?: string
}

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io']

/** `https://index.docker.io/v1/`, `quay.io/ns/repo/` → `index.docker.io`, `quay.io/ns/repo`. */
export function normalizeAuthKey(key: string): string {
  let k = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  k = k.replace(/\/+$/, '').replace(/\/v[12]$/, '')
  const slash = k.indexOf('/')
  const host = (slash < 0 ? k : k.slice(0, slash)).toLowerCase()
  return slash < 0 ? host : host + k.slice(slash)
}

function credentialOf(entry: Json, key: string, file: string): RegistryCredential {
  let username = str(entry.username)
  let password = str(entry.password)
  const auth = str(entry.auth)
  if (auth !== undefined) {
    const decoded = Buffer.from(auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) {
      throw new Error(`${file}: auths."${key}".auth is not base64 of "user:password"`)
    }
    username = decoded.slice(0, colon)
    password = decoded.slice(colon + 1)
  }
  return {
    ...(username !== undefined ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(str(entry.identitytoken) !== undefined ? { identityToken: str(entry.identitytoken) } : {}),
    ...(str(entry.registrytoken) !== undefined ? { registryToken: str(entry.registrytoken) } : {})
  }
}

export class RegistryConfig {
  readonly #byKey: ReadonlyMap<string, RegistryCredential>

  constructor(byKey: ReadonlyMap<string, RegistryCredential>) {
    this.#byKey = byKey
  }

  static empty(): RegistryConfig {
    return new RegistryConfig(new Map())
  }

  /** Parses the JSON text of a registry config; throws an Error naming the file and the key. */
  static parse(text: string, file: string): RegistryConfig {
    let doc: unknown
    try {
      doc = JSON.parse(text)
    } catch (e) {
      throw new Error(`${file}: not valid JSON (${(e as Error).message})`, { cause: e })
    }
    if (!isObject(doc)) throw new Error(`${file}: not a JSON object`)
    const auths = doc.auths ?? {}
    if (!isObject(auths)) throw new Error(`${file}: "auths" is not an object`)
    const map = new Map<string, RegistryCredential>()
    for (const [key, value] of Object.entries(auths)) {
      if (!isObject(value)) throw new Error(`${file}: auths."${key}" is not an object`)
      map.set(normalizeAuthKey(key), credentialOf(value, key, file))
    }
    return new RegistryConfig(map)
  }

  static async load(file: string): Promise<RegistryConfig> {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (e) {
      throw new Error(`cannot read registry config ${file}: ${(e as Error).message}`, { cause: e })
    }
    return RegistryConfig.parse(text, file)
  }

  /** Every credential value and the headers built from them, for the redactor. */
  secrets(): string[] {
    const out: string[] = []
    for (const c of this.#byKey.values()) {
      for (const v of [c.password, c.identityToken, c.registryToken])
        if (v !== undefined) out.push(v)
      const basic = basicHeader(c)
      if (basic !== undefined) out.push(basic.slice('Basic '.length))
    }
    return out
  }

  /**
   * Credentials for a repository: the most specific key wins (podman allows `host/ns/repo`
   * keys), then the bare host; Docker Hub's aliases are one registry.
   */
  lookup(host: string, repository = ''): RegistryCredential | undefined {
    const h = host.toLowerCase()
    const hosts = DOCKER_HUB.includes(h) ? [h, ...DOCKER_HUB.filter((x) => x !== h)] : [h]
    for (const candidate of hosts) {
      const parts = repository.split('/').filter((p) => p !== '')
      for (let n = parts.length; n >= 0; n--) {
        const key = n === 0 ? candidate : `${candidate}/${parts.slice(0, n).join('/')}`
        const found = this.#byKey.get(key)
        if (found !== undefined) return found
      }
    }
    return undefined
  }
}

export interface AuthChallenge {
  /** Lower-case scheme: `bearer`, `basic`, … */
  readonly scheme: string
  readonly params: Readonly<Record<string, string>>
}

/**
 * Parses a WWW-Authenticate header (RFC 7235): one or more challenges, each a scheme and
 * `key=value` / `key="quoted, value"` parameters.
 */
export function parseChallenges(header: string | readonly string[] | undefined): AuthChallenge[] {
  const text = Array.isArray(header) ? header.join(', ') : ((header as string | undefined) ?? '')
  const out: { scheme: string; params: Record<string, string> }[] = []
  const token = /\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)/y
  let i = 0
  while (i < text.length) {
    // Skip separators between challenges / parameters.
    while (i < text.length && /[\s,]/.test(text[i])) i++
    token.lastIndex = i
    const m = token.exec(text)
    if (!m) break
    i = token.lastIndex
    const name = m[1]
    let j = i
    while (j < text.length && text[j] === ' ') j++
    if (text[j] === '=') {
      // A parameter of the current challenge.
      j++
      while (j < text.length && text[j] === ' ') j++
      let value = ''
      if (text[j] === '"') {
        j++
        while (j < text.length && text[j] !== '"') {
          if (text[j] === '\\' && j + 1 < text.length) j++
          value += text[j]
          j++
        }
        j++
      } else {
        while (j < text.length && text[j] !== ',' && !/\s/.test(text[j])) value += text[j++]
      }
      i = j
      const current = out[out.length - 1]
      if (current) current.params[name.toLowerCase()] = value
    } else {
      out.push({ scheme: name.toLowerCase(), params: {} })
    }
  }
  return out
}

export function basicHeader(cred: RegistryCredential): string | undefined {
  if (cred.username === undefined || cred.password === undefined) return undefined
  return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
}

export class AuthError extends Error {}

/** Fetches and caches bearer tokens per (realm, service, scope). */
export interface TokenLimits {
  readonly timeoutMs: number
  readonly deadlineMs: number
  readonly signal?: AbortSignal
  /** Told every token fetched, so that no output can show it. */
  readonly onSecret?: (value: string) => void
}

export class TokenSource {
  readonly #cache = new Map<string, Promise<string>>()

  constructor(
    private readonly agents: HttpAgents,
    private readonly limits: TokenLimits
  ) {}

  /** The Authorization header value for a bearer challenge and scope. */
  token(
    challenge: AuthChallenge,
    scope: string,
    cred: RegistryCredential | undefined
  ): Promise<string> {
    if (cred?.registryToken !== undefined) return Promise.resolve(`Bearer ${cred.registryToken}`)
    const realm = challenge.params.realm
    if (realm === undefined) return Promise.reject(new AuthError('bearer challenge without realm'))
    const service = challenge.params.service ?? ''
    const key = `${realm}\0${service}\0${scope}`
    let p = this.#cache.get(key)
    if (p === undefined) {
      p = this.#fetch(realm, service, scope, cred)
      this.#cache.set(key, p)
      // A failed fetch must not poison the cache for a later retry.
      p.catch(() => this.#cache.delete(key))
    }
    return p
  }

  /** Forget a token the registry refused (expired). */
  invalidate(challenge: AuthChallenge, scope: string): void {
    this.#cache.delete(`${challenge.params.realm}\0${challenge.params.service ?? ''}\0${scope}`)
  }

  async #fetch(
    realm: string,
    service: string,
    scope: string,
    cred: RegistryCredential | undefined
  ): Promise<string> {
    let url: URL
    try {
      url = new URL(realm)
    } catch {
      throw new AuthError(`bearer realm "${oneLine(realm, { max: 200 })}" is not a URL`)
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new AuthError(`bearer realm "${oneLine(realm, { max: 200 })}" is not http(s)`)
    }
    const form = new URLSearchParams()
    if (service !== '') form.set('service', service)
    if (scope !== '') form.set('scope', scope)
    try {
      return await this.#request(url, form, cred)
    } catch (e) {
      if (e instanceof AuthError) throw e
      throw new AuthError(
        `token request to ${url.origin}${url.pathname} failed: ${(e as Error).message}`
      )
    }
  }

  async #request(
    url: URL,
    form: URLSearchParams,
    cred: RegistryCredential | undefined
  ): Promise<string> {
    let res
    if (cred?.identityToken !== undefined) {
      // OAuth2 refresh-token grant, as docker does with an identity token.
      form.set('grant_type', 'refresh_token')
      form.set('refresh_token', cred.identityToken)
      form.set('client_id', 'mirror-guard')
      res = await httpRequest(
        {
          method: 'POST',
          url,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
          ...this.#limits(),
          maxBody: 1 << 20
        },
        this.agents
      )
    } else {
      if (cred?.username !== undefined) form.set('account', cred.username)
      for (const [k, v] of form) url.searchParams.set(k, v)
      const basic = cred ? basicHeader(cred) : undefined
      res = await httpRequest(
        {
          method: 'GET',
          url,
          headers: basic ? { Authorization: basic } : {},
          ...this.#limits(),
          maxBody: 1 << 20
        },
        this.agents
      )
    }
    if (res.status !== 200) {
      throw new AuthError(
        `token request to ${url.origin}${url.pathname} answered HTTP ${res.status}: ${oneLine(res.body.toString('utf8'), { max: 200 })}`
      )
    }
    let doc: unknown
    try {
      doc = JSON.parse(res.body.toString('utf8'))
    } catch {
      throw new AuthError(`token response from ${url.origin}${url.pathname} is not JSON`)
    }
    const token = isObject(doc) ? (str(doc.token) ?? str(doc.access_token)) : undefined
    if (token === undefined) {
      throw new AuthError(`token response from ${url.origin}${url.pathname} has no token`)
    }
    this.limits.onSecret?.(token)
    return `Bearer ${token}`
  }

  #limits(): { timeoutMs: number; deadlineMs: number; signal?: AbortSignal } {
    const { timeoutMs, deadlineMs, signal } = this.limits
    return { timeoutMs, deadlineMs, ...(signal ? { signal } : {}) }
  }
}
