// A fault-injecting reverse proxy for registry tests: sits on 127.0.0.1 in front of one
// upstream registry and, per JSON rule, answers with a registry-style failure instead of
// forwarding. Plain JS (types in fault-proxy.d.mts) so scripts/demo.mjs can run it on bare Node.
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import http from 'node:http'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { mulberry32 } from './prng.mjs'

/** @typedef {import('./fault-proxy.d.mts').FaultRule} FaultRule */
/** @typedef {import('./fault-proxy.d.mts').FaultAction} FaultAction */
/** @typedef {import('./fault-proxy.d.mts').ProxyLogEntry} ProxyLogEntry */
/** @typedef {import('./fault-proxy.d.mts').RuleStats} RuleStats */

const ACTIONS = new Set([
  '429-empty',
  '429-json',
  '429-retry-after',
  '401',
  '403',
  '403-denied',
  '404-manifest',
  '404-blob',
  '500',
  '502',
  '503',
  'reset',
  'truncate',
  'corrupt',
  'slow',
  'status',
  'swallow-put',
  'echo-auth'
])

const BLOB_PATH = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64})(?:\?|$)/

/** @param {string} code @param {string} message */
const errorBody = (code, message) => JSON.stringify({ errors: [{ code, message }] })

/**
 * Checks one rule and compiles its path. Throws naming the rule on bad input.
 * @param {FaultRule} rule
 * @param {number} index
 */
function compileRule(rule, index) {
  const where = `fault rule #${index} (${rule && typeof rule.name === 'string' ? rule.name : 'unnamed'})`
  if (!rule || typeof rule !== 'object') throw new Error(`${where}: not an object`)
  if (typeof rule.name !== 'string' || rule.name === '') throw new Error(`${where}: needs a name`)
  if (typeof rule.path !== 'string') throw new Error(`${where}: path must be a regex string`)
  let path
  try {
    path = new RegExp(rule.path)
  } catch (e) {
    throw new Error(`${where}: invalid path regex: ${/** @type {Error} */ (e).message}`, {
      cause: e
    })
  }
  const a = rule.action
  if (typeof a === 'string') {
    if (!ACTIONS.has(a)) throw new Error(`${where}: unknown action ${JSON.stringify(a)}`)
    if (a === 'status' && typeof rule.status !== 'number')
      throw new Error(`${where}: action "status" needs a numeric status`)
  } else if (!a || typeof a !== 'object' || typeof a.status !== 'number') {
    throw new Error(`${where}: action must be a name or {status, headers?, body?}`)
  }
  const triggers = [rule.always, rule.first, rule.nth, rule.probability]
  if (triggers.every((t) => t === undefined))
    throw new Error(`${where}: needs one of always, first, nth, probability`)
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1))
    throw new Error(`${where}: probability must be within [0, 1]`)
  const methods =
    rule.method === undefined
      ? undefined
      : (Array.isArray(rule.method) ? rule.method : [rule.method]).map((m) => m.toUpperCase())
  const nth =
    rule.nth === undefined ? undefined : new Set(Array.isArray(rule.nth) ? rule.nth : [rule.nth])
  return {
    rule,
    path,
    methods,
    nth,
    random: mulberry32(rule.seed ?? 1),
    stats: { name: rule.name, seen: 0, fired: 0 }
  }
}

/** @typedef {ReturnType<typeof compileRule>} CompiledRule */

/**
 * Whether a matching request (already counted in `seen`) triggers the rule.
 * `first`/`nth` pick occurrences; `probability` then gates the picked ones.
 * @param {CompiledRule} c
 */
function fires(c) {
  const n = c.stats.seen
  const r = c.rule
  if (r.first !== undefined && n > r.first) return false
  if (c.nth !== undefined && !c.nth.has(n)) return false
  if (r.probability !== undefined && !(c.random() < r.probability)) return false
  return true
}

/**
 * Counts bytes that pass and optionally throttles them.
 * @param {(n: number) => void} onBytes
 * @param {number} [bytesPerSecond]
 * @param {AbortSignal} [signal] stops the pauses when the client is gone
 */
function meter(onBytes, bytesPerSecond, signal) {
  const slice = bytesPerSecond ? Math.max(1, Math.floor(bytesPerSecond / 10)) : Infinity
  return new Transform({
    transform(chunk, _enc, done) {
      const buf = /** @type {Buffer} */ (chunk)
      if (!bytesPerSecond) {
        onBytes(buf.length)
        done(null, buf)
        return
      }
      void (async () => {
        for (let i = 0; i < buf.length; i += slice) {
          const part = buf.subarray(i, i + slice)
          this.push(part)
          onBytes(part.length)
          await sleep(100, undefined, { signal })
        }
      })().then(() => done(), done)
    }
  })
}

/**
 * @param {{ upstream: string, rules?: FaultRule[] }} opts upstream: base URL such as http://127.0.0.1:5000
 * @returns {Promise<import('./fault-proxy.d.mts').FaultProxy>}
 */
export async function startFaultProxy(opts) {
  const upstream = new URL(opts.upstream)
  if (upstream.protocol !== 'http:')
    throw new Error(`fault proxy: upstream must be http://, got ${opts.upstream}`)
  /** @type {CompiledRule[]} */
  let compiled = []
  /** @type {ProxyLogEntry[]} */
  const log = []
  /** @type {Map<string, number>} */
  const served = new Map()
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  let nextId = 1
  let origin = ''

  /** @param {FaultRule[]} rules */
  const setRules = (rules) => {
    if (!Array.isArray(rules)) throw new Error('fault proxy: rules must be an array')
    compiled = rules.map(compileRule)
  }
  setRules(opts.rules ?? [])

  /** @param {string} method @param {string} url */
  const match = (method, url) => {
    const path = url.split('?')[0] ?? url
    for (const c of compiled) {
      if (c.methods && !c.methods.includes(method)) continue
      if (!c.path.test(url) && !c.path.test(path)) continue
      c.stats.seen++
      if (fires(c)) {
        c.stats.fired++
        return c.rule
      }
    }
    return undefined
  }

  /** @param {string} url @returns {(n: number) => void} */
  const blobCounter = (url) => {
    const m = BLOB_PATH.exec(url)
    if (!m) return () => {}
    const digest = /** @type {string} */ (m[2])
    return (n) => served.set(digest, (served.get(digest) ?? 0) + n)
  }

  /**
   * Forwards to the upstream registry, streaming both ways.
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {{ truncateFraction?: number, corruptFraction?: number, bytesPerSecond?: number, delayMs?: number, entry: ProxyLogEntry }} mode
   *   truncateFraction: send full headers (real Content-Length), then that share of the body, then drop the socket
   *   corruptFraction: send the whole body with the byte at that share of it inverted (same length)
   */
  const forward = async (req, res, mode) => {
    const headers = { ...req.headers, host: upstream.host }
    const upReq = http.request({
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers
    })
    /** @type {Promise<http.IncomingMessage>} */
    const upResP = new Promise((resolve, reject) => {
      upReq.once('response', resolve)
      upReq.once('error', reject)
    })
    const [, upRes] = await Promise.all([pipeline(req, upReq), upResP])
    // Pauses end early when the client hangs up, so stop() never waits on a stalled rule.
    const gone = new AbortController()
    res.once('close', () => gone.abort())
    if (mode.delayMs) await sleep(mode.delayMs, undefined, { signal: gone.signal })
    const outHeaders = { ...upRes.headers }
    const loc = upRes.headers.location
    if (typeof loc === 'string' && loc.startsWith(upstream.origin))
      outHeaders.location = origin + loc.slice(upstream.origin.length)
    res.writeHead(upRes.statusCode ?? 502, upRes.statusMessage, outHeaders)
    mode.entry.status = upRes.statusCode ?? 0
    const countBlob = blobCounter(req.url ?? '')
    /** @param {number} n */
    const count = (n) => {
      mode.entry.bytes = (mode.entry.bytes ?? 0) + n
      countBlob(n)
    }
    const isBody = req.method !== 'HEAD'
    if (mode.truncateFraction !== undefined) {
      const length = Number(upRes.headers['content-length'] ?? 0)
      let left = Math.floor((Number.isFinite(length) ? length : 0) * mode.truncateFraction)
      for await (const chunk of upRes) {
        const buf = /** @type {Buffer} */ (chunk)
        const part = buf.subarray(0, Math.max(0, left))
        left -= part.length
        if (isBody && part.length) {
          count(part.length)
          await new Promise((r) => res.write(part, r))
        }
        if (left <= 0) break
      }
      upRes.destroy()
      res.socket?.destroy()
      return
    }
    if (mode.corruptFraction !== undefined && isBody) {
      const length = Number(upRes.headers['content-length'] ?? 0)
      const at = Math.floor((Number.isFinite(length) ? length : 0) * mode.corruptFraction)
      let offset = 0
      for await (const chunk of upRes) {
        let buf = /** @type {Buffer} */ (chunk)
        if (at >= offset && at < offset + buf.length) {
          buf = Buffer.from(buf)
          buf[at - offset] ^= 0xff
        }
        offset += buf.length
        count(buf.length)
        await new Promise((r) => res.write(buf, r))
      }
      res.end()
      return
    }
    await pipeline(
      upRes,
      meter(
        (n) => {
          if (isBody) count(n)
        },
        mode.bytesPerSecond,
        gone.signal
      ),
      res
    )
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {FaultRule} rule
   * @param {ProxyLogEntry} entry
   */
  const fault = async (req, res, rule, entry) => {
    const a = rule.action
    /** @type {{ status: number, headers?: Record<string, string>, body?: string } | undefined} */
    let reply
    const json = { 'content-type': 'application/json; charset=utf-8' }
    const retryAfter =
      rule.retryAfter === undefined ? {} : { 'retry-after': String(rule.retryAfter) }
    const rateLimited = errorBody('TOOMANYREQUESTS', 'too many requests: rate limit exceeded')
    if (typeof a === 'object') reply = a
    else if (a === 'status')
      reply = {
        status: /** @type {number} */ (rule.status),
        headers: rule.headers,
        body: rule.body
      }
    else if (a === '429-empty') reply = { status: 429, headers: retryAfter, body: '' }
    else if (a === '429-json')
      reply = { status: 429, headers: { ...json, ...retryAfter }, body: rateLimited }
    else if (a === '429-retry-after')
      reply = {
        status: 429,
        headers: { ...json, 'retry-after': String(rule.retryAfter ?? 30) },
        body: rateLimited
      }
    else if (a === '401')
      reply = {
        status: 401,
        headers: {
          ...json,
          'www-authenticate':
            rule.challenge === 'bearer'
              ? `Bearer realm="${origin}/token",service="mirror-guard-test",error="invalid_token"`
              : 'Basic realm="mirror-guard-test"'
        },
        body: errorBody('UNAUTHORIZED', 'authentication required')
      }
    else if (a === '403' || a === '403-denied')
      reply = {
        status: 403,
        headers: json,
        body: errorBody('DENIED', 'requested access to the resource is denied')
      }
    else if (a === '404-manifest')
      reply = {
        status: 404,
        headers: json,
        body: errorBody('MANIFEST_UNKNOWN', 'manifest unknown')
      }
    else if (a === '404-blob')
      reply = {
        status: 404,
        headers: json,
        body: errorBody('BLOB_UNKNOWN', 'blob unknown to registry')
      }
    else if (a === '500' || a === '502' || a === '503') {
      const status = Number(a)
      reply = {
        status,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `${status} ${http.STATUS_CODES[status] ?? ''}\n`
      }
    } else if (a === 'reset') {
      req.resume()
      const s = req.socket
      // A real TCP RST where the platform allows it: that is what a dropped connection looks like.
      if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy()
      else s.destroy()
      return
    } else if (a === 'swallow-put') {
      // A cache or proxy that acknowledges a manifest push without storing it: the answer a
      // registry gives after storing (201, the body's digest), and nothing stored.
      const chunks = []
      for await (const c of req) chunks.push(c)
      const digest = `sha256:${createHash('sha256').update(Buffer.concat(chunks)).digest('hex')}`
      const repo = /^\/v2\/(.+)\/manifests\//.exec(req.url ?? '')?.[1] ?? ''
      reply = {
        status: 201,
        headers: {
          'docker-content-digest': digest,
          location: `/v2/${repo}/manifests/${digest}`
        },
        body: ''
      }
    } else if (a === 'echo-auth') {
      // A registry whose errors echo the request's credentials: the Authorization header, and
      // for basic auth the decoded "user:password", in a registry error document or plain text.
      const auth = String(req.headers.authorization ?? '')
      const basic = /^Basic\s+(\S+)/i.exec(auth)
      const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : ''
      const text = `denied for Authorization: ${auth} (credentials ${decoded}, password ${decoded.slice(decoded.indexOf(':') + 1)})`
      reply =
        rule.format === 'text'
          ? {
              status: rule.status ?? 500,
              headers: { 'content-type': 'text/plain', 'x-echo': auth },
              body: text
            }
          : {
              status: rule.status ?? 500,
              headers: { ...json, 'x-echo': auth },
              body: errorBody('DENIED', text)
            }
    } else if (a === 'slow') {
      await forward(req, res, {
        entry,
        bytesPerSecond: rule.bytesPerSecond ?? 64 * 1024,
        delayMs: rule.delayMs
      })
      return
    }
    if (!reply) throw new Error(`fault proxy: unhandled action ${JSON.stringify(a)}`)
    req.resume()
    const body = Buffer.from(reply.body ?? '')
    // The length is always the real one: a rule's own Content-Length would send two.
    const own = Object.entries(reply.headers ?? {}).filter(
      ([k]) => k.toLowerCase() !== 'content-length'
    )
    res.writeHead(reply.status, {
      'docker-distribution-api-version': 'registry/2.0',
      ...Object.fromEntries(own),
      'content-length': String(body.length)
    })
    entry.status = reply.status
    if (req.method === 'HEAD') res.end()
    else res.end(body)
  }

  const server = http.createServer((req, res) => {
    const started = Date.now()
    const method = (req.method ?? 'GET').toUpperCase()
    const url = req.url ?? '/'
    const rule = match(method, url)
    /** @type {ProxyLogEntry} */
    const entry = {
      id: nextId++,
      t: new Date(started).toISOString(),
      ms: 0,
      method,
      url,
      status: 0,
      rule: rule?.name ?? null,
      action: rule ? (typeof rule.action === 'string' ? rule.action : 'custom') : 'pass'
    }
    log.push(entry)
    /** @type {Promise<void>} */
    let done
    if (!rule) done = forward(req, res, { entry })
    else if (rule.action === 'truncate')
      done = forward(req, res, { entry, truncateFraction: rule.fraction ?? 0.5 })
    else if (rule.action === 'corrupt')
      done = forward(req, res, { entry, corruptFraction: rule.fraction ?? 0.5 })
    else done = fault(req, res, rule, entry)
    done
      .catch(() => {
        // Client or upstream went away mid-stream: drop the connection, as a registry would.
        entry.error = true
        if (!res.headersSent) {
          res.writeHead(502)
          res.end()
        } else res.socket?.destroy()
      })
      .finally(() => {
        entry.ms = Date.now() - started
      })
  })

  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve(undefined))
  })
  const addr = /** @type {import('node:net').AddressInfo} */ (server.address())
  const host = `127.0.0.1:${addr.port}`
  origin = `http://${host}`
  let stopped = false

  return {
    host,
    url: origin,
    port: addr.port,
    setRules,
    stats: () => compiled.map((c) => ({ ...c.stats })),
    requests: () => [...log],
    bytesServed: () => new Map(served),
    totalBlobBytes: () => [...served.values()].reduce((a, b) => a + b, 0),
    resetStats: () => {
      log.length = 0
      served.clear()
      for (const c of compiled) {
        c.stats.seen = 0
        c.stats.fired = 0
      }
    },
    stop: async () => {
      if (stopped) return
      stopped = true
      const closed = new Promise((resolve) => server.close(() => resolve(undefined)))
      for (const s of sockets) s.destroy()
      await closed
    }
  }
}
