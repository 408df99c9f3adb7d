import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildImages, buildLayer, type BuiltImages, type ImageSpec } from './images.js'

const SPECS: ImageSpec[] = [
  {
    repo: 'ns/a',
    tag: 'v1',
    layers: [
      { seed: 1, size: 5000 },
      { seed: 2, size: 700 }
    ]
  },
  {
    repo: 'ns/b',
    tag: 'v1',
    layers: [
      { seed: 1, size: 5000 },
      { seed: 3, size: 10 }
    ]
  },
  {
    repo: 'ns/m',
    tag: 'v1',
    platforms: [
      { architecture: 'amd64', layers: [{ seed: 4, size: 100 }] },
      { architecture: 'arm64', layers: [{ seed: 5, size: 100 }] }
    ]
  }
]

const layouts: BuiltImages[] = []
afterAll(async () => {
  for (const l of layouts) await rm(l.layoutDir, { recursive: true, force: true })
})

async function build(): Promise<BuiltImages> {
  const b = await buildImages(SPECS)
  layouts.push(b)
  return b
}

const blob = (b: BuiltImages, digest: string): Buffer =>
  readFileSync(join(b.layoutDir, 'blobs', 'sha256', digest.slice('sha256:'.length)))

describe('buildImages', () => {
  it('is deterministic: same specs, same digests', async () => {
    const [x, y] = [await build(), await build()]
    expect(x.images.map((i) => i.digest)).toEqual(y.images.map((i) => i.digest))
    expect(x.layoutDir).not.toBe(y.layoutDir)
  })

  it('writes a valid OCI layout whose blobs match their digests', async () => {
    const b = await build()
    const index = JSON.parse(readFileSync(join(b.layoutDir, 'index.json'), 'utf8')) as {
      manifests: { digest: string; annotations: Record<string, string> }[]
    }
    expect(index.manifests.map((m) => m.annotations['org.opencontainers.image.ref.name'])).toEqual([
      'img0',
      'img1',
      'img2'
    ])
    for (const [digest, size] of b.blobSizes) {
      const data = blob(b, digest)
      expect(data.length).toBe(size)
      expect('sha256:' + createHash('sha256').update(data).digest('hex')).toBe(digest)
    }
  })

  it('shares the base layer, and counts it once in uniqueBlobBytes', async () => {
    const b = await build()
    const [a, bb, m] = b.images
    expect(a.manifests[0].layerDigests[0]).toBe(bb.manifests[0].layerDigests[0])
    const distinct = new Set(b.images.flatMap((i) => i.blobs))
    expect(b.uniqueBlobBytes).toBe([...distinct].reduce((n, d) => n + b.blobSizes.get(d)!, 0))
    expect(b.uniqueBlobBytes).toBeLessThan(a.blobBytes + bb.blobBytes + m.blobBytes)
  })

  it('builds a multi-arch OCI index with one manifest per platform', async () => {
    const b = await build()
    const m = b.images[2]
    expect(m.kind).toBe('index')
    const index = JSON.parse(blob(b, m.digest).toString()) as {
      mediaType: string
      manifests: { digest: string; platform: { architecture: string } }[]
    }
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    expect(index.manifests.map((x) => [x.digest, x.platform.architecture])).toEqual(
      m.manifests.map((x) => [x.digest, x.platform.architecture])
    )
    expect(m.manifests.map((x) => x.platform.architecture)).toEqual(['amd64', 'arm64'])
  })

  it('layers are gzip tars that tar(1) reads back, with the seeded bytes', () => {
    const l = buildLayer({ seed: 9, size: 1234 })
    const listing = execFileSync('tar', ['-tzvf', '-'], { input: l.blob }).toString()
    expect(listing).toMatch(/ 1234 .* data-9\.bin\n$/)
    const content = execFileSync('tar', ['-xzOf', '-'], { input: l.blob })
    expect(content.length).toBe(1234)
    expect(buildLayer({ seed: 9, size: 1234 }).digest).toBe(l.digest)
    expect(buildLayer({ seed: 10, size: 1234 }).digest).not.toBe(l.digest)
  })

  it('refuses an index without platforms', async () => {
    await expect(buildImages([{ repo: 'x/y', tag: 'v1', platforms: [] }])).rejects.toThrow(
      /x\/y:v1 has no platforms/
    )
  })
})
