import { createHash } from 'node:crypto'
import { rm } from 'node:fs/promises'
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFaultProxy, type FaultProxy, type FaultRule } from './fault-proxy.js'
import { buildImages, pushImages, type BuiltImages } from './images.js'
import { startRegistry } from './registry.js'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  /** Set when the connection broke (before or during the body). */
  error?: string
}

function request(base: string, method: string, path: string, headers = {}): Promise<Reply> {
  return new Promise((resolve) => {
    const req = http.request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      const done = (error?: string): void =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          error
        })
      res.on('end', () => done(res.complete ? undefined : 'incomplete'))
      res.on('error', (e) => done(e.message))
      res.on('aborted', () => done('aborted'))
    })
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ status: 0, headers: {}, body: Buffer.alloc(0), error: e.code ?? e.message })
    )
    req.end()
  })
}

const sha = (b: Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex')
const OCI = 'application/vnd.oci.image.manifest.v1+json'

let upstream: Awaited<ReturnType<typeof startRegistry>>
let proxy: FaultProxy
let built: BuiltImages
let layer: string
let manifestPath: string

beforeAll(async () => {
  upstream = await startRegistry()
  built = await buildImages([
    {
      repo: 'ns/alpha',
      tag: 'v1',
      layers: [
        { seed: 11, size: 40_000 },
        { seed: 12, size: 3000 }
      ]
    }
  ])
  await pushImages(built, upstream.host)
  proxy = await startFaultProxy({ upstream: upstream.url })
  layer = built.images[0].manifests[0].layerDigests[0]!
  manifestPath = '/v2/ns/alpha/manifests/v1'
})

afterAll(async () => {
  await proxy?.stop()
  await upstream?.stop()
  if (built) await rm(built.layoutDir, { recursive: true, force: true })
})

const rule = (action: FaultRule['action'], extra: Partial<FaultRule> = {}): FaultRule => ({
  name: `test ${typeof action === 'string' ? action : 'custom'}`,
  path: '^/v2/ns/alpha/',
  always: true,
  action,
  ...extra
})

describe('pass-through', () => {
  it('streams manifests with their registry headers, and HEAD has no body', async () => {
    proxy.setRules([])
    const get = await request(proxy.url, 'GET', manifestPath, { accept: OCI })
    expect(get.status).toBe(200)
    expect(get.headers['docker-content-digest']).toBe(built.images[0].digest)
    expect(get.headers['content-type']).toBe(OCI)
    expect(sha(get.body)).toBe(built.images[0].digest)
    const head = await request(proxy.url, 'HEAD', manifestPath, { accept: OCI })
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(Number(head.headers['content-length'])).toBe(get.body.length)
  })

  it('counts the blob bytes it serves, per digest', async () => {
    proxy.setRules([])
    proxy.resetStats()
    const res = await request(proxy.url, 'GET', `/v2/ns/alpha/blobs/${layer}`)
    expect(res.status).toBe(200)
    expect(sha(res.body)).toBe(layer)
    await request(proxy.url, 'HEAD', `/v2/ns/alpha/blobs/${layer}`)
    expect(proxy.bytesServed().get(layer)).toBe(built.blobSizes.get(layer))
    expect(proxy.totalBlobBytes()).toBe(built.blobSizes.get(layer))
    const log = proxy.requests()
    expect(log.map((e) => [e.method, e.status, e.action, e.rule])).toEqual([
      ['GET', 200, 'pass', null],
      ['HEAD', 200, 'pass', null]
    ])
  })

  it('rewrites absolute upload Locations to the proxy and forwards request bodies', async () => {
    proxy.setRules([])
    const start = await request(proxy.url, 'POST', '/v2/ns/upload/blobs/uploads/')
    expect(start.status).toBe(202)
    const location = String(start.headers.location)
    expect(location.startsWith(proxy.url + '/v2/ns/upload/blobs/uploads/')).toBe(true)
    const data = Buffer.from('hello through the proxy')
    const put = await new Promise<number>((resolve, reject) => {
      const u = new URL(location)
      u.searchParams.set('digest', sha(data))
      const req = http.request(u, { method: 'PUT', headers: { 'content-length': data.length } })
      req.on('response', (r) => {
        r.resume()
        resolve(r.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end(data)
    })
    expect(put).toBe(201)
    const back = await request(upstream.url, 'GET', `/v2/ns/upload/blobs/${sha(data)}`)
    expect(back.body.toString()).toBe('hello through the proxy')
  })
})

describe('actions', () => {
  const json = (r: Reply): unknown => JSON.parse(r.body.toString())
  const cases: [FaultRule['action'], number, (r: Reply) => void][] = [
    ['429-empty', 429, (r) => expect(r.body.length).toBe(0)],
    [
      '429-json',
      429,
      (r) =>
        expect(json(r)).toEqual({
          errors: [{ code: 'TOOMANYREQUESTS', message: 'too many requests: rate limit exceeded' }]
        })
    ],
    [
      '429-retry-after',
      429,
      (r) => {
        expect(r.headers['retry-after']).toBe('30')
        expect(r.body.toString()).toContain('TOOMANYREQUESTS')
      }
    ],
    [
      '401',
      401,
      (r) => {
        expect(r.headers['www-authenticate']).toMatch(/^Basic realm=/)
        expect(r.body.toString()).toContain('"UNAUTHORIZED"')
      }
    ],
    [
      '403-denied',
      403,
      (r) =>
        expect(json(r)).toEqual({
          errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }]
        })
    ],
    ['404-manifest', 404, (r) => expect(r.body.toString()).toContain('"MANIFEST_UNKNOWN"')],
    ['404-blob', 404, (r) => expect(r.body.toString()).toContain('"BLOB_UNKNOWN"')],
    ['500', 500, (r) => expect(r.body.toString()).toBe('500 Internal Server Error\n')],
    ['502', 502, (r) => expect(r.body.toString()).toBe('502 Bad Gateway\n')],
    ['503', 503, (r) => expect(r.body.toString()).toBe('503 Service Unavailable\n')],
    [
      { status: 418, headers: { 'x-test': 'yes' }, body: '::error::injected\nsecond line' },
      418,
      (r) => {
        expect(r.headers['x-test']).toBe('yes')
        expect(r.body.toString()).toBe('::error::injected\nsecond line')
      }
    ]
  ]
  it.each(cases)('%j answers %i with its body', async (action, status, check) => {
    proxy.setRules([rule(action)])
    const r = await request(proxy.url, 'GET', manifestPath)
    expect(r.status).toBe(status)
    expect(r.headers['docker-distribution-api-version']).toBe('registry/2.0')
    check(r)
    const head = await request(proxy.url, 'HEAD', manifestPath)
    expect(head.status).toBe(status)
    expect(head.body.length).toBe(0)
    expect(proxy.stats()[0]).toMatchObject({ seen: 2, fired: 2 })
  })

  it('429 actions carry a configurable Retry-After; 401 can use a bearer challenge', async () => {
    proxy.setRules([rule('429-json', { retryAfter: 0 })])
    expect((await request(proxy.url, 'GET', manifestPath)).headers['retry-after']).toBe('0')
    proxy.setRules([rule('401', { challenge: 'bearer' })])
    expect((await request(proxy.url, 'GET', manifestPath)).headers['www-authenticate']).toMatch(
      /^Bearer realm=".*",service=".*",error="invalid_token"$/
    )
  })

  it('status action takes the response from the rule (transcript rule format)', async () => {
    proxy.setRules([rule('status', { status: 429, headers: { 'Retry-After': '30' }, body: '' })])
    const r = await request(proxy.url, 'GET', manifestPath)
    expect([r.status, r.headers['retry-after'], r.body.length]).toEqual([429, '30', 0])
  })

  it('reset drops the connection without a response', async () => {
    proxy.setRules([rule('reset')])
    const r = await request(proxy.url, 'GET', manifestPath)
    expect(r.status).toBe(0)
    expect(r.error).toMatch(/ECONNRESET|socket hang up/)
    expect(proxy.requests().at(-1)).toMatchObject({ action: 'reset', status: 0 })
  })

  it('truncate sends the full Content-Length, then half the body, then drops', async () => {
    proxy.setRules([rule('truncate')])
    proxy.resetStats()
    const size = built.blobSizes.get(layer)!
    const r = await request(proxy.url, 'GET', `/v2/ns/alpha/blobs/${layer}`)
    expect(r.status).toBe(200)
    expect(Number(r.headers['content-length'])).toBe(size)
    expect(r.body.length).toBe(Math.floor(size / 2))
    expect(r.error).toBeDefined()
    expect(proxy.bytesServed().get(layer)).toBe(Math.floor(size / 2))
  })

  it('truncate honours fraction', async () => {
    proxy.setRules([rule('truncate', { fraction: 0.25 })])
    const size = built.blobSizes.get(layer)!
    const r = await request(proxy.url, 'GET', `/v2/ns/alpha/blobs/${layer}`)
    expect(r.body.length).toBe(Math.floor(size / 4))
  })

  it('corrupt sends the whole body, one byte inverted: same length, another digest', async () => {
    proxy.setRules([rule('corrupt')])
    const size = built.blobSizes.get(layer)!
    const r = await request(proxy.url, 'GET', `/v2/ns/alpha/blobs/${layer}`)
    expect(r.status).toBe(200)
    expect(r.error).toBeUndefined()
    expect(r.body.length).toBe(size)
    expect(sha(r.body)).not.toBe(layer)
    const direct = await request(upstream.url, 'GET', `/v2/ns/alpha/blobs/${layer}`)
    const differ = [...r.body].flatMap((b, i) => (b === direct.body[i] ? [] : [i]))
    expect(differ).toEqual([Math.floor(size / 2)])
  })

  it('slow throttles the body but delivers all of it', async () => {
    proxy.setRules([rule('slow', { bytesPerSecond: 80_000 })])
    const size = built.blobSizes.get(layer)!
    const t0 = Date.now()
    const r = await request(proxy.url, 'GET', `/v2/ns/alpha/blobs/${layer}`)
    expect(r.status).toBe(200)
    expect(sha(r.body)).toBe(layer)
    // 8000-byte slices 100 ms apart: at least (size/8000 - 1) pauses. A lower bound only.
    expect(Date.now() - t0).toBeGreaterThanOrEqual((Math.ceil(size / 8000) - 1) * 100 - 20)
  })
})

describe('triggers', () => {
  const statuses = async (n: number, method = 'GET'): Promise<number[]> => {
    const out: number[] = []
    for (let i = 0; i < n; i++)
      out.push((await request(proxy.url, method, manifestPath, { accept: OCI })).status)
    return out
  }

  it('first fires on the first N matching requests only', async () => {
    proxy.setRules([{ name: 'f', path: '/manifests/', first: 2, action: '503' }])
    expect(await statuses(4)).toEqual([503, 503, 200, 200])
    expect(proxy.stats()).toEqual([{ name: 'f', seen: 4, fired: 2 }])
  })

  it('nth fires on the listed occurrences', async () => {
    proxy.setRules([{ name: 'n', path: '/manifests/', nth: [2, 4], action: '500' }])
    expect(await statuses(5)).toEqual([200, 500, 200, 500, 200])
    proxy.setRules([{ name: 'n', path: '/manifests/', nth: 3, action: '500' }])
    expect(await statuses(4)).toEqual([200, 200, 500, 200])
  })

  it('method filters (one or several methods, any case)', async () => {
    proxy.setRules([
      { name: 'm', method: 'head', path: '/manifests/', always: true, action: '503' }
    ])
    expect(await statuses(1, 'GET')).toEqual([200])
    expect(await statuses(1, 'HEAD')).toEqual([503])
    proxy.setRules([
      { name: 'm', method: ['GET', 'HEAD'], path: '/manifests/', always: true, action: '503' }
    ])
    expect([...(await statuses(1, 'GET')), ...(await statuses(1, 'HEAD'))]).toEqual([503, 503])
  })

  it('probability is deterministic for a seed', async () => {
    const rules: FaultRule[] = [
      { name: 'p', path: '/manifests/', probability: 0.5, seed: 42, action: '502' }
    ]
    proxy.setRules(rules)
    const a = await statuses(24)
    proxy.setRules(rules)
    const b = await statuses(24)
    expect(a).toEqual(b)
    const fired = a.filter((s) => s === 502).length
    expect(fired).toBeGreaterThan(0)
    expect(fired).toBeLessThan(24)
    proxy.setRules([{ ...rules[0], seed: 7 }])
    expect(await statuses(24)).not.toEqual(a)
  })

  it('first firing rule wins; later rules see only what earlier ones let through', async () => {
    proxy.setRules([
      { name: 'one', path: '/manifests/', first: 1, action: '500' },
      { name: 'two', path: '/manifests/', first: 1, action: '502' },
      { name: 'blobs', path: '/blobs/', always: true, action: '503' }
    ])
    expect(await statuses(3)).toEqual([500, 502, 200])
    expect(proxy.stats()).toEqual([
      { name: 'one', seen: 3, fired: 1 },
      { name: 'two', seen: 2, fired: 1 },
      { name: 'blobs', seen: 0, fired: 0 }
    ])
    expect(
      proxy
        .requests()
        .slice(-3)
        .map((e) => e.rule)
    ).toEqual(['one', 'two', null])
  })

  it('rejects bad rules with a message naming the rule', () => {
    const bad =
      (r: unknown): (() => void) =>
      () =>
        proxy.setRules([r as FaultRule])
    expect(bad({ name: 'x', path: '(', always: true, action: '500' })).toThrow(
      /fault rule #0 \(x\): invalid path regex/
    )
    expect(bad({ name: 'x', path: '/', always: true, action: 'explode' })).toThrow(
      /unknown action "explode"/
    )
    expect(bad({ name: 'x', path: '/', action: '500' })).toThrow(/needs one of always, first/)
    expect(bad({ name: 'x', path: '/', probability: 2, action: '500' })).toThrow(/probability/)
    expect(bad({ path: '/', always: true, action: '500' })).toThrow(/needs a name/)
  })
})

describe('lifecycle', () => {
  it('stop is idempotent and closes the port', async () => {
    const p = await startFaultProxy({ upstream: upstream.url })
    expect((await request(p.url, 'GET', '/v2/')).status).toBe(200)
    await Promise.all([p.stop(), p.stop()])
    await p.stop()
    expect((await request(p.url, 'GET', '/v2/')).error).toBe('ECONNREFUSED')
  })

  it('refuses a non-http upstream', async () => {
    await expect(startFaultProxy({ upstream: 'https://127.0.0.1:1' })).rejects.toThrow(
      /upstream must be http/
    )
  })
})
