// Registry checks against a real Debian docker-registry on 127.0.0.1, plus a stand-in that
// demands bearer tokens (the real registry here runs without auth).
import { truncate, writeFile, mkdtemp, rm, readFile } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyRegistryEntries } from '../../src/verify/registry-verify.js'
import { buildImages, pushImages, type BuiltImages } from '../support/images.mjs'
import { freePort, startRegistry, type RunningRegistry } from '../support/registry.js'
import { entry, registryRef, sha256 } from './entries.js'

const SRC = 'source.example'
let reg: RunningRegistry
let built: BuiltImages

beforeAll(async () => {
  reg = await startRegistry()
  built = await buildImages([
    {
      repo: 'ns/img',
      tag: 'v1',
      layers: [
        { seed: 1, size: 3000 },
        { seed: 2, size: 5000 }
      ]
    },
    {
      repo: 'ns/gone',
      tag: 'v1',
      layers: [
        { seed: 3, size: 2000 },
        { seed: 4, size: 2500 }
      ]
    },
    { repo: 'ns/bad', tag: 'v1', layers: [{ seed: 5, size: 4000 }] },
    {
      repo: 'ns/multi',
      tag: 'v1',
      platforms: [
        { architecture: 'amd64', layers: [{ seed: 6, size: 1500 }] },
        { architecture: 'arm64', layers: [{ seed: 7, size: 1500 }] }
      ]
    }
  ])
  await pushImages(built, reg.host)
})

afterAll(async () => {
  await reg?.stop()
  if (built) await rm(built.layoutDir, { recursive: true, force: true })
})

const dst = (id: number, repo: string, tag = 'v1', host = reg.host) =>
  entry(id, registryRef(SRC, repo, tag), registryRef(host, repo, tag))
const image = (repo: string) => built.images.find((i) => i.repo === repo)!

/** Path of a blob's data in the registry's filesystem storage. */
const blobData = (digest: string) => {
  const hex = digest.slice('sha256:'.length)
  return join(reg.storageDir, 'docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data')
}

describe('verifyRegistryEntries against docker-registry', () => {
  it('confirms pushed images, single and multi-arch, with and without digest checks', async () => {
    for (const digest of [false, true]) {
      const results = await verifyRegistryEntries([dst(0, 'ns/img'), dst(1, 'ns/multi')], {
        insecure: true,
        digest
      })
      // Each tag resolves to the digest pushed: what the engine's success line is checked against.
      expect(results).toEqual([
        {
          entryId: 0,
          complete: true,
          problems: [],
          resolved: [{ tag: 'v1', digest: image('ns/img').digest }]
        },
        {
          entryId: 1,
          complete: true,
          problems: [],
          resolved: [{ tag: 'v1', digest: image('ns/multi').digest }]
        }
      ])
    }
  })

  it('checks a digest-only destination by the source digest', async () => {
    const d = image('ns/img').digest
    const e = entry(
      0,
      registryRef(SRC, 'ns/img', undefined, d),
      registryRef(reg.host, 'ns/img'),
      undefined
    )
    expect(await verifyRegistryEntries([e], { insecure: true, digest: true })).toMatchObject([
      { complete: true }
    ])
    const other = entry(
      1,
      registryRef(SRC, 'ns/img', undefined, sha256('nothing')),
      registryRef(reg.host, 'ns/img'),
      undefined
    )
    const [r] = await verifyRegistryEntries([other], { insecure: true, digest: false })
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([
      ['missing-manifest', sha256('nothing')]
    ])
  })

  it('reports a tag that was never pushed', async () => {
    const [r] = await verifyRegistryEntries([dst(0, 'ns/img', 'v9')], {
      insecure: true,
      digest: false
    })
    expect(r.complete).toBe(false)
    expect(r.problems[0].kind).toBe('missing-tag')
    expect(r.problems[0].message).toContain('MANIFEST_UNKNOWN')
  })

  it('reports a layer deleted through the registry API, naming it', async () => {
    const img = image('ns/gone')
    const layer = img.manifests[0].layerDigests[1]
    const del = await fetch(`${reg.url}/v2/ns/gone/blobs/${layer}`, { method: 'DELETE' })
    expect(del.status).toBe(202)
    const [r] = await verifyRegistryEntries([dst(0, 'ns/gone')], { insecure: true, digest: false })
    expect(r.complete).toBe(false)
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0]).toMatchObject({ kind: 'missing-blob', digest: layer })
    expect(r.problems[0].message).toContain(`layer[1] ${layer}`)
    expect(r.problems[0].message).toContain(`of manifest ${img.digest}`)
    expect(r.problems[0].message).toContain('HTTP 404')
  })

  it('catches damaged blob storage: size by HEAD, content only with digest checks', async () => {
    const layer = image('ns/bad').manifests[0].layerDigests[0]
    const path = blobData(layer)
    const original = await readFile(path)
    try {
      const flipped = Buffer.from(original)
      flipped[10] = flipped[10] ^ 0xff
      await writeFile(path, flipped)
      expect(
        await verifyRegistryEntries([dst(0, 'ns/bad')], { insecure: true, digest: false })
      ).toMatchObject([{ complete: true }])
      const [r] = await verifyRegistryEntries([dst(0, 'ns/bad')], { insecure: true, digest: true })
      expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([['digest-mismatch', layer]])
      await truncate(path, 100)
      const [t] = await verifyRegistryEntries([dst(0, 'ns/bad')], { insecure: true, digest: false })
      expect(t.problems.map((p) => [p.kind, p.digest])).toEqual([['size-mismatch', layer]])
    } finally {
      await writeFile(path, original)
    }
  })

  it('reports a child manifest of a list deleted through the API as missing-child', async () => {
    // Pushed separately so the other tests keep an intact ns/multi.
    await pushImages({ ...built, images: [{ ...image('ns/multi'), repo: 'ns/multi2' }] }, reg.host)
    const child = image('ns/multi').manifests[1].digest
    const del = await fetch(`${reg.url}/v2/ns/multi2/manifests/${child}`, { method: 'DELETE' })
    expect(del.status).toBe(202)
    const [r] = await verifyRegistryEntries([dst(0, 'ns/multi2')], { insecure: true, digest: true })
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([['missing-child', child]])
    expect(r.problems[0].message).toContain(
      `(linux/arm64) of manifest list ${image('ns/multi').digest}`
    )
  })

  it('a repository-only destination checks every tag the registry lists', async () => {
    const e = entry(0, registryRef(SRC, 'ns/img'), registryRef(reg.host, 'ns/img'), undefined)
    expect(await verifyRegistryEntries([e], { insecure: true, digest: false })).toEqual([
      {
        entryId: 0,
        complete: true,
        problems: [],
        resolved: [{ tag: 'v1', digest: image('ns/img').digest }]
      }
    ])
    const none = entry(1, registryRef(SRC, 'ns/none'), registryRef(reg.host, 'ns/none'), undefined)
    const [r] = await verifyRegistryEntries([none], { insecure: true, digest: false })
    expect(r.problems.map((p) => p.kind)).toEqual(['missing-tag'])
  })

  it('reports an unreachable registry as a problem, never a crash', async () => {
    const port = await freePort()
    const [r] = await verifyRegistryEntries([dst(0, 'ns/img', 'v1', `127.0.0.1:${port}`)], {
      insecure: true,
      digest: false,
      timeoutMs: 5000
    })
    expect(r.complete).toBe(false)
    expect(r.problems[0].kind).toBe('unreachable')
    expect(r.problems[0].message).toContain('ECONNREFUSED')
  })

  it('without --insecure it speaks https only, so a plain-http registry is unreachable', async () => {
    const [r] = await verifyRegistryEntries([dst(0, 'ns/img')], {
      insecure: false,
      digest: false,
      timeoutMs: 5000
    })
    expect(r.problems.map((p) => p.kind)).toEqual(['unreachable'])
  })

  it('a registry config that cannot be read fails every registry entry with a clear problem', async () => {
    const [r] = await verifyRegistryEntries([dst(0, 'ns/img')], {
      insecure: true,
      digest: false,
      authFile: join(tmpdir(), 'mg-no-such-auth.json')
    })
    expect(r.problems[0].kind).toBe('unauthorized')
    expect(r.problems[0].message).toContain('cannot read registry config')
  })

  it('ignores entries whose destination is not a registry', async () => {
    const e = entry(0, registryRef(SRC, 'ns/img', 'v1'), {
      ...registryRef('', 'x', 'v1'),
      kind: 'file',
      diskPath: 'x'
    })
    expect(await verifyRegistryEntries([e], { insecure: true, digest: false })).toEqual([])
  })
})

describe('bearer token flow (stand-in registry)', () => {
  it('fetches a token with the configured basic credentials, caches it per scope, and verifies', async () => {
    const config = Buffer.from(JSON.stringify({ a: 1 }))
    const layer = Buffer.from('layer bytes')
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: sha256(config),
          size: config.length
        },
        layers: [
          {
            mediaType: 'application/vnd.oci.image.layer.v1.tar',
            digest: sha256(layer),
            size: layer.length
          }
        ]
      })
    )
    const blobs = new Map([
      [sha256(config), config],
      [sha256(layer), layer]
    ])
    const tokenRequests: string[] = []
    let origin = ''
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', origin)
      if (url.pathname === '/token') {
        tokenRequests.push(`${url.searchParams.get('service')} ${url.searchParams.get('scope')}`)
        const ok = req.headers.authorization === `Basic ${Buffer.from('ci:pw').toString('base64')}`
        res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' })
        res.end(ok ? JSON.stringify({ token: `tok-${url.searchParams.get('scope')}` }) : '{}')
        return
      }
      const repo = /^\/v2\/([^]+?)\/(manifests|blobs)\//.exec(url.pathname)?.[1]
      const scope = `repository:${repo}:pull`
      if (url.pathname === '/v2/' || req.headers.authorization !== `Bearer tok-${scope}`) {
        res.writeHead(401, {
          'WWW-Authenticate': `Bearer realm="${origin}/token",service="stand-in",scope="${scope}"`,
          'Content-Type': 'application/json'
        })
        res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')
        return
      }
      if (url.pathname.endsWith('/manifests/v1')) {
        res.writeHead(200, {
          'Content-Type': 'application/vnd.oci.image.manifest.v1+json',
          'Docker-Content-Digest': sha256(manifest)
        })
        res.end(manifest)
        return
      }
      const blob = blobs.get(url.pathname.split('/').pop() ?? '')
      res.writeHead(blob ? 200 : 404, { 'Content-Length': String(blob?.length ?? 0) })
      res.end(req.method === 'HEAD' ? undefined : blob)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const addr = server.address()
    const host = `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
    origin = `http://${host}`
    const dir = await mkdtemp(join(tmpdir(), 'mg-bearer-'))
    try {
      const authFile = join(dir, 'auth.json')
      await writeFile(
        authFile,
        JSON.stringify({ auths: { [host]: { auth: Buffer.from('ci:pw').toString('base64') } } })
      )
      const results = await verifyRegistryEntries(
        [dst(0, 'ns/one', 'v1', host), dst(1, 'ns/two', 'v1', host)],
        { insecure: true, digest: true, authFile }
      )
      expect(results.map((r) => [r.complete, r.problems])).toEqual([
        [true, []],
        [true, []]
      ])
      // One token per repository scope, reused for the manifest and all blob requests.
      expect(tokenRequests.sort()).toEqual([
        'stand-in repository:ns/one:pull',
        'stand-in repository:ns/two:pull'
      ])
      // Without credentials the token endpoint refuses: a clear unauthorized problem.
      const [denied] = await verifyRegistryEntries([dst(0, 'ns/one', 'v1', host)], {
        insecure: true,
        digest: false
      })
      expect(denied.problems[0].kind).toBe('unauthorized')
      expect(denied.problems[0].message).toContain('token request')
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('a registry that never answers', () => {
  it('times out into an unreachable problem', async () => {
    const sockets = new Set<import('node:net').Socket>()
    const server = http.createServer(() => {
      // Accept the request and say nothing.
    })
    server.on('connection', (s) => sockets.add(s))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const addr = server.address()
    const host = `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`
    try {
      const [r] = await verifyRegistryEntries([dst(0, 'ns/img', 'v1', host)], {
        insecure: true,
        digest: false,
        timeoutMs: 300
      })
      expect(r.problems.map((p) => p.kind)).toEqual(['unreachable'])
      expect(r.problems[0].message).toContain('no data for 300 ms')
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise((r) => server.close(r))
    }
  })
})
