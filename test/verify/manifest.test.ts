import { describe, expect, it } from 'vitest'
import { digestFromFileName, isDigest } from '../../src/verify/digest.js'
import { blobsOf, MANIFEST_ACCEPT, MEDIA_TYPES, parseManifest } from '../../src/verify/manifest.js'
import { sha256 } from './entries.js'

const enc = (v: unknown) => Buffer.from(JSON.stringify(v))
const D1 = sha256('1')
const D2 = sha256('2')
const D3 = sha256('3')

describe('parseManifest', () => {
  it('reads a Docker schema 2 manifest: config first, then layers in order', () => {
    const r = parseManifest(
      enc({
        schemaVersion: 2,
        mediaType: MEDIA_TYPES.dockerManifest,
        config: {
          mediaType: 'application/vnd.docker.container.image.v1+json',
          size: 7,
          digest: D1
        },
        layers: [
          { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 10, digest: D2 },
          { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 20, digest: D3 }
        ]
      })
    )
    expect('manifest' in r && r.manifest.kind === 'image' && blobsOf(r.manifest)).toEqual([
      {
        digest: D1,
        size: 7,
        mediaType: 'application/vnd.docker.container.image.v1+json',
        role: 'config'
      },
      {
        digest: D2,
        size: 10,
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        role: 'layer[0]'
      },
      {
        digest: D3,
        size: 20,
        mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        role: 'layer[1]'
      }
    ])
  })

  it('reads an OCI manifest without mediaType (from the header, or from its shape)', () => {
    const doc = enc({ schemaVersion: 2, config: { size: 1, digest: D1 }, layers: [] })
    const byHeader = parseManifest(doc, `${MEDIA_TYPES.ociManifest}; charset=utf-8`)
    expect(byHeader).toMatchObject({
      manifest: { kind: 'image', mediaType: MEDIA_TYPES.ociManifest }
    })
    expect(parseManifest(doc)).toMatchObject({
      manifest: { kind: 'image', mediaType: MEDIA_TYPES.ociManifest }
    })
  })

  it('reads a manifest list and an OCI index, naming children by platform', () => {
    for (const mediaType of [MEDIA_TYPES.dockerList, MEDIA_TYPES.ociIndex]) {
      const r = parseManifest(
        enc({
          schemaVersion: 2,
          mediaType,
          manifests: [
            {
              digest: D1,
              size: 3,
              platform: { architecture: 'arm64', os: 'linux', variant: 'v8' }
            },
            { digest: D2, size: 4 }
          ]
        })
      )
      expect(r).toEqual({
        manifest: {
          kind: 'index',
          mediaType,
          manifests: [
            { digest: D1, size: 3, mediaType: undefined, role: 'linux/arm64/v8' },
            { digest: D2, size: 4, mediaType: undefined, role: 'manifest #2' }
          ]
        }
      })
    }
    expect(parseManifest(enc({ schemaVersion: 2, manifests: [] }))).toMatchObject({
      manifest: { kind: 'index', mediaType: MEDIA_TYPES.ociIndex }
    })
  })

  it('reads schema 1 blobSums once each', () => {
    const r = parseManifest(
      enc({ schemaVersion: 1, fsLayers: [{ blobSum: D1 }, { blobSum: D2 }, { blobSum: D1 }] })
    )
    expect(
      'manifest' in r && r.manifest.kind === 'image' && blobsOf(r.manifest).map((b) => b.digest)
    ).toEqual([D1, D2])
  })

  it.each([
    ['not json', 'not valid JSON'],
    ['[1]', 'not a JSON object'],
    ['{"schemaVersion":2}', 'unknown manifest format'],
    [
      JSON.stringify({ mediaType: 'application/x-other' }),
      'unsupported manifest media type application/x-other'
    ],
    [
      JSON.stringify({ mediaType: MEDIA_TYPES.dockerManifest, layers: [] }),
      'config is not an object'
    ],
    [
      JSON.stringify({
        mediaType: MEDIA_TYPES.dockerManifest,
        config: { digest: D1, size: 1 },
        layers: [{ digest: 'sha256:abc', size: 1 }]
      }),
      'layer[0] has no valid digest'
    ],
    [
      JSON.stringify({
        mediaType: MEDIA_TYPES.dockerManifest,
        config: { digest: D1, size: -1 },
        layers: []
      }),
      'config has an invalid size'
    ],
    [
      JSON.stringify({ mediaType: MEDIA_TYPES.ociIndex, manifests: [{ digest: D1 }] }),
      'manifest #1 has no size'
    ],
    [JSON.stringify({ schemaVersion: 1, fsLayers: [{}] }), 'fsLayers[0] has no valid blobSum']
  ])('rejects %s', (text, error) => {
    expect(parseManifest(Buffer.from(text))).toEqual({
      error: expect.stringContaining(error) as string
    })
  })

  it('asks registries for every kind it can read', () => {
    for (const t of [
      MEDIA_TYPES.dockerManifest,
      MEDIA_TYPES.dockerList,
      MEDIA_TYPES.ociManifest,
      MEDIA_TYPES.ociIndex
    ]) {
      expect(MANIFEST_ACCEPT).toContain(t)
    }
  })
})

describe('digests', () => {
  it('validates algorithm and length', () => {
    expect(isDigest(D1)).toBe(true)
    expect(isDigest(`sha512:${'a'.repeat(128)}`)).toBe(true)
    expect(isDigest(`sha256:${'a'.repeat(63)}`)).toBe(false)
    expect(isDigest(`sha256:${'A'.repeat(64)}`)).toBe(false)
    expect(isDigest(`md5:${'a'.repeat(32)}`)).toBe(false)
    expect(isDigest(42)).toBe(false)
  })

  it('maps file names (including Windows sha256-<hex>) back to digests', () => {
    expect(digestFromFileName(D1)).toBe(D1)
    expect(digestFromFileName(D1.replace(':', '-'))).toBe(D1)
    expect(digestFromFileName('v1')).toBeUndefined()
    expect(digestFromFileName(`${D1}.download`)).toBeUndefined()
  })
})
