// A minimal HTTP(S) client on node:http/https: one request, no redirects, bounded bodies,
// optional streaming sink. Every exchange is bounded twice: an idle timeout (no byte for a
// while) and a total deadline (a registry that drips one byte a second still ends), and it
// stops at once when the caller's signal aborts. Connections follow the proxy variables and the
// per-registry certs.d directories, as oc's do. Redirects and auth live in the registry client.
import http, { type IncomingHttpHeaders } from 'node:http'
import https from 'node:https'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'
import { DEFAULT_CERT_ROOTS, hostTls, type HostTls } from './cert-dirs.js'
import { proxyFor, type ProxyEnv } from './proxy-env.js'

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'POST'
  readonly url: URL
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Idle timeout: no bytes for this long fails the request. */
  readonly timeoutMs: number
  /** Total time for connect, answer and body; a slow drip fails when it is used up. */
  readonly deadlineMs: number
  /** Bodies beyond this many bytes abort the request (unless a sink takes them). */
  readonly maxBody: number
  /** Receives the body instead of buffering it (blob hashing). Only for 2xx answers. */
  readonly sink?: (chunk: Buffer) => void
  /** Stops the request at once (cancellation, an outer time limit). */
  readonly signal?: AbortSignal
}

export interface HttpResponse {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  /** Empty when a sink consumed it or for HEAD. */
  readonly body: Buffer
}

export interface NetworkOptions {
  /** Accept any certificate (oc's --insecure). */
  readonly insecure: boolean
  /** certs.d roots (default /etc/containers/certs.d, /etc/docker/certs.d). */
  readonly certRoots?: readonly string[]
  /** Where HTTPS_PROXY/HTTP_PROXY/NO_PROXY come from (default process.env). */
  readonly env?: ProxyEnv
}

/** Connection-level state of one verification run; `close()` frees the sockets. */
export class HttpAgents {
  readonly http = new http.Agent({ keepAlive: true, maxSockets: 8 })
  readonly #https = new Map<string, https.Agent>()
  readonly #tls = new Map<string, HostTls>()
  readonly #tunnels = new Set<Duplex>()
  readonly insecure: boolean
  readonly #roots: readonly string[]
  readonly env: ProxyEnv

  constructor(opts: NetworkOptions | boolean) {
    const o = typeof opts === 'boolean' ? { insecure: opts } : opts
    this.insecure = o.insecure
    this.#roots = o.certRoots ?? DEFAULT_CERT_ROOTS
    this.env = o.env ?? process.env
  }

  /** TLS options for a registry host (`host[:port]` as in the URL). */
  tlsFor(url: URL): tls.ConnectionOptions {
    let t = this.#tls.get(url.host)
    if (t === undefined) {
      t = hostTls(url.host, this.#roots)
      this.#tls.set(url.host, t)
    }
    return {
      rejectUnauthorized: !this.insecure,
      ...(t.ca ? { ca: [...t.ca] } : {}),
      ...(t.cert !== undefined && t.key !== undefined ? { cert: t.cert, key: t.key } : {})
    }
  }

  httpsAgent(url: URL): https.Agent {
    let a = this.#https.get(url.host)
    if (a === undefined) {
      a = new https.Agent({ keepAlive: true, maxSockets: 8, ...this.tlsFor(url) })
      this.#https.set(url.host, a)
    }
    return a
  }

  track(socket: Duplex): void {
    this.#tunnels.add(socket)
    socket.once('close', () => this.#tunnels.delete(socket))
  }

  close(): void {
    this.http.destroy()
    for (const a of this.#https.values()) a.destroy()
    for (const s of this.#tunnels) s.destroy()
  }
}

export class HttpError extends Error {}

/** Seconds or milliseconds, whichever reads better. */
export function showMs(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`
}

export async function httpRequest(req: HttpRequest, agents: HttpAgents): Promise<HttpResponse> {
  const what = `${req.method} ${req.url.href}`
  if (req.signal?.aborted) throw new HttpError(`${what}: ${reasonOf(req.signal)}`)
  const stop = new AbortController()
  const timer = setTimeout(
    () =>
      stop.abort(
        new HttpError(`${what}: no complete answer within ${showMs(req.deadlineMs)} (deadline)`)
      ),
    req.deadlineMs
  )
  const onAbort = (): void => stop.abort(new HttpError(`${what}: ${reasonOf(req.signal!)}`))
  req.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    return await exchange(req, agents, stop.signal, what)
  } finally {
    clearTimeout(timer)
    req.signal?.removeEventListener('abort', onAbort)
  }
}

function reasonOf(signal: AbortSignal): string {
  const r: unknown = signal.reason
  return r instanceof Error && r.message !== '' ? `stopped (${r.message})` : 'stopped'
}

function abortError(signal: AbortSignal): Error {
  const r: unknown = signal.reason
  return r instanceof Error ? r : new HttpError('stopped')
}

/** A TLS connection to `url` through an HTTP CONNECT tunnel of `proxy`. */
function tunnel(url: URL, proxy: URL, agents: HttpAgents, signal: AbortSignal): Promise<Duplex> {
  return new Promise((resolvePromise, reject) => {
    const port = url.port !== '' ? url.port : '443'
    const target = `${url.hostname}:${port}`
    const headers: Record<string, string> = { Host: target }
    if (proxy.username !== '') {
      const user = decodeURIComponent(proxy.username)
      const pass = decodeURIComponent(proxy.password)
      headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
    }
    const mod = proxy.protocol === 'https:' ? https : http
    const connect = mod.request({
      host: proxy.hostname,
      port: proxy.port !== '' ? proxy.port : proxy.protocol === 'https:' ? 443 : 80,
      method: 'CONNECT',
      path: target,
      headers,
      agent: false
    })
    const onAbort = (): void => {
      connect.destroy()
      reject(abortError(signal))
    }
    signal.addEventListener('abort', onAbort, { once: true })
    connect.once('connect', (res, socket) => {
      signal.removeEventListener('abort', onAbort)
      if (res.statusCode !== 200) {
        socket.destroy()
        reject(
          new HttpError(`proxy ${proxy.host} refused CONNECT ${target}: HTTP ${res.statusCode}`)
        )
        return
      }
      const servername = /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname
      const secure = tls.connect({
        socket,
        ...(servername !== undefined ? { servername } : {}),
        ...agents.tlsFor(url)
      })
      agents.track(secure)
      const failTls = (e: Error): void => {
        secure.destroy()
        reject(e)
      }
      const onAbortTls = (): void => failTls(abortError(signal))
      signal.addEventListener('abort', onAbortTls, { once: true })
      secure.once('error', failTls)
      secure.once('secureConnect', () => {
        signal.removeEventListener('abort', onAbortTls)
        secure.off('error', failTls)
        resolvePromise(secure)
      })
    })
    connect.once('error', (e) => {
      signal.removeEventListener('abort', onAbort)
      reject(new HttpError(`proxy ${proxy.host}: ${e.message}`))
    })
    connect.end()
  })
}

async function exchange(
  req: HttpRequest,
  agents: HttpAgents,
  signal: AbortSignal,
  what: string
): Promise<HttpResponse> {
  const isHttps = req.url.protocol === 'https:'
  const headers: Record<string, string> = { 'User-Agent': 'mirror-guard-verify', ...req.headers }
  if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body))
  const proxy = proxyFor(req.url, agents.env)
  const path = `${req.url.pathname}${req.url.search}`
  let options: http.RequestOptions
  let mod: typeof http | typeof https = isHttps ? https : http
  if (proxy === undefined) {
    options = { agent: isHttps ? agents.httpsAgent(req.url) : agents.http }
  } else if (isHttps) {
    const socket = await tunnel(req.url, proxy, agents, signal)
    const agent = new http.Agent({ keepAlive: false })
    agent.createConnection = () => socket
    mod = http
    options = {
      host: req.url.hostname,
      port: req.url.port !== '' ? req.url.port : 443,
      path,
      agent
    }
    headers.Host = req.url.host
  } else {
    // Plain http through a proxy: the absolute URL as the request target.
    options = {
      host: proxy.hostname,
      port: proxy.port !== '' ? proxy.port : 80,
      path: req.url.href,
      agent: agents.http
    }
    headers.Host = req.url.host
    if (proxy.username !== '') {
      const user = decodeURIComponent(proxy.username)
      const pass = decodeURIComponent(proxy.password)
      headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
    }
  }
  return new Promise((resolvePromise, reject) => {
    let settled = false
    const fail = (err: Error): void => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', onAbort)
      request.destroy()
      reject(err)
    }
    const onAbort = (): void => fail(abortError(signal))
    const request =
      proxy === undefined
        ? mod.request(req.url, { ...options, method: req.method, headers }, onResponse)
        : mod.request({ ...options, method: req.method, headers }, onResponse)
    function onResponse(res: http.IncomingMessage): void {
      const status = res.statusCode ?? 0
      const chunks: Buffer[] = []
      let size = 0
      const stream = req.sink !== undefined && status >= 200 && status < 300
      res.on('data', (chunk: Buffer) => {
        if (settled) return
        if (stream) {
          req.sink(chunk)
          return
        }
        size += chunk.length
        if (size > req.maxBody) {
          fail(new HttpError(`${what}: response larger than ${req.maxBody} bytes`))
          return
        }
        chunks.push(chunk)
      })
      res.on('end', () => {
        if (settled) return
        settled = true
        signal.removeEventListener('abort', onAbort)
        resolvePromise({ status, headers: res.headers, body: Buffer.concat(chunks) })
      })
      res.on('error', fail)
      res.on('aborted', () => fail(new HttpError('connection closed before the response ended')))
    }
    signal.addEventListener('abort', onAbort, { once: true })
    request.setTimeout(req.timeoutMs, () =>
      fail(new HttpError(`${what}: no data for ${showMs(req.timeoutMs)}`))
    )
    request.on('error', fail)
    request.end(req.body)
  })
}
