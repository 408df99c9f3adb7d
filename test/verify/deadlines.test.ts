// Every registry wait ends: a total deadline per request (a drip of one byte a second does not
// reset it), a minimum transfer rate for blob reads, and the caller's signal stops everything
// at once. A small hostile registry on loopback drips what it serves.
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { verifyCommand } from '../../src/cli/verify.js'
import { verifyRegistryEntries } from '../../src/verify/registry-verify.js'
import { entry, registryRef } from './entries.js'

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const layer = Buffer.alloc(64 * 1024, 7)
const config = Buffer.from('{"architecture":"amd64","os":"linux"}')
const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: config.length,
      digest: sha(config)
    },
    layers: [
      {
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        size: layer.length,
        digest: sha(layer)
      }
    ]
  })
)

/** Sends `body` at `bytesPerSecond` in 1-byte (slow) or whole (fast) steps. */
function drip(res: http.ServerResponse, body: Buffer, bytesPerSecond: number): void {
  let i = 0
  const step = Math.max(1, Math.floor(bytesPerSecond / 10))
  const t = setInterval(() => {
    if (res.destroyed) return clearInterval(t)
    res.write(body.subarray(i, i + step))
    i += step
    if (i >= body.length) {
      clearInterval(t)
      res.end()
    }
  }, 100)
  res.on('close', () => clearInterval(t))
}

let server: http.Server
let host: string

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? ''
    const type = { 'content-type': 'application/vnd.docker.distribution.manifest.v2+json' }
    if (url === '/v2/') return res.writeHead(200).end('{}')
    // drip/* manifests: one byte a second; slowblob/*: manifest fast, the layer at 1 KiB/s.
    if (/^\/v2\/drip\/app\/manifests\//.test(url)) {
      res.writeHead(200, { ...type, 'content-length': String(manifest.length) })
      return drip(res, manifest, 10)
    }
    if (/manifests\//.test(url)) {
      return res
        .writeHead(200, { ...type, 'content-length': String(manifest.length) })
        .end(manifest)
    }
    const blob = url.endsWith(sha(layer)) ? layer : url.endsWith(sha(config)) ? config : undefined
    if (!blob) return res.writeHead(404).end()
    res.writeHead(200, { 'content-length': String(blob.length) })
    if (req.method === 'HEAD') return res.end()
    if (/^\/v2\/slowblob\//.test(url) && blob === layer) return drip(res, blob, 1024)
    res.end(blob)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

const at = (repo: string) =>
  entry(0, registryRef('src.example', 'x', 'v1'), registryRef(host, repo, 'v1'))

describe('request deadlines', () => {
  it('a manifest that drips ends at the request deadline, as unreachable', async () => {
    const started = Date.now()
    const [r] = await verifyRegistryEntries([at('drip/app')], {
      insecure: true,
      digest: false,
      requestDeadlineMs: 1500,
      env: {}
    })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(r.problems[0]?.kind).toBe('unreachable')
    expect(r.problems[0]?.message).toContain('no complete answer within 1500 ms (deadline)')
  })

  it('a blob read slower than the minimum rate fails; the same blob at full speed passes', async () => {
    const slow = await verifyRegistryEntries([at('slowblob/app')], {
      insecure: true,
      digest: true,
      requestDeadlineMs: 1000,
      minBytesPerSecond: 64 * 1024,
      env: {}
    })
    expect(slow[0]?.problems.map((p) => p.kind)).toEqual(['unreachable'])
    expect(slow[0]?.problems[0]?.message).toContain('deadline')
    const fast = await verifyRegistryEntries([at('fast/app')], {
      insecure: true,
      digest: true,
      requestDeadlineMs: 1000,
      minBytesPerSecond: 64 * 1024,
      env: {}
    })
    expect(fast[0]).toMatchObject({ complete: true, problems: [] })
  })

  it('the caller’s signal stops a waiting request at once: cancelled, not a verdict', async () => {
    const stop = new AbortController()
    const started = Date.now()
    setTimeout(() => stop.abort(new Error('received SIGTERM')), 300)
    const [r] = await verifyRegistryEntries([at('drip/app')], {
      insecure: true,
      digest: false,
      signal: stop.signal,
      env: {}
    })
    expect(Date.now() - started).toBeLessThan(2000)
    expect(r.complete).toBe(false)
    expect(r.problems.map((p) => p.kind)).toEqual(['cancelled'])
    expect(r.problems[0]?.message).toContain('received SIGTERM')
  })
})

describe('mirror-guard verify', () => {
  it('stops at once on SIGINT/SIGTERM (its signal) and prints what it could not check', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'mg-verify-stop-'))
    try {
      await writeFile(join(cwd, 'm.txt'), `src.example/x:v1 ${host}/drip/app:v1\n`)
      const stop = new AbortController()
      setTimeout(() => stop.abort(new Error('received SIGINT')), 300)
      let out = ''
      const started = Date.now()
      const code = await verifyCommand(['-f', 'm.txt', '--insecure'], {
        out: (t) => (out += t),
        err: (t) => (out += t),
        cwd,
        signal: stop.signal,
        // Wide enough for the whole reason (at 80 columns the table cuts it; the JSON has it).
        columns: 200
      })
      expect(Date.now() - started).toBeLessThan(3000)
      expect(code).toBe(1)
      expect(out).toContain('cancelled: ')
      expect(out).toContain('received SIGINT')
      expect(out).toContain('NOT CHECKED')
    } finally {
      await rm(cwd, { recursive: true, force: true })
    }
  })
})
