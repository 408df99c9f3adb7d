import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import { parseErrorSubject } from '../../src/core/oc-messages.js'
import type { MappingEntry } from '../../src/core/types.js'
import {
  buildSkopeoCopyArgs,
  buildSkopeoInspectArgs,
  destinationRegistryKey,
  destinationTransportRef,
  failureLine,
  fatalMessage,
  goUnquote,
  joinedMessage,
  parseManifestBlobs,
  sharedCopyFlags,
  sourceChildRef,
  sourceTransportRef,
  successLine,
  unsupportedReason
} from '../../src/engines/skopeo-args.js'

const D = 'sha256:' + 'a'.repeat(64)

function entry(line: string): MappingEntry {
  const set = parseMappingText(line, 'mapping.txt')
  expect(set.findings.filter((f) => f.severity === 'error')).toEqual([])
  return set.entries[0]
}

describe('buildSkopeoCopyArgs', () => {
  it('copies a tag with --all, no retries of its own, and a digest file', () => {
    expect(
      buildSkopeoCopyArgs(entry('quay.io/ns/a:v1 reg.example:5000/m/a:v2'), {}, '/tmp/d')
    ).toEqual([
      'copy',
      '--all',
      '--retry-times=0',
      '--quiet',
      '--digestfile=/tmp/d',
      'docker://quay.io/ns/a:v1',
      'docker://reg.example:5000/m/a:v2'
    ])
  })

  it('preserves digests for a by-digest source and pushes by digest without a DST tag', () => {
    const e = entry(`quay.io/ns/a@${D} reg.example/m/a`)
    const args = buildSkopeoCopyArgs(e, {}, '/tmp/d')
    expect(args).toContain('--preserve-digests')
    expect(args.slice(-2)).toEqual([`docker://quay.io/ns/a@${D}`, `docker://reg.example/m/a@${D}`])
  })

  it('digest wins over the tag of the source; the DST keeps its own tag', () => {
    const e = entry(`quay.io/ns/a:v1@${D} reg.example/m/a:keep`)
    expect(sourceTransportRef(e)).toBe(`docker://quay.io/ns/a@${D}`)
    expect(destinationTransportRef(e)).toBe('docker://reg.example/m/a:keep')
  })

  it('inherits the source tag when the DST has none', () => {
    expect(destinationTransportRef(entry('quay.io/ns/a:v3 reg.example/m/a'))).toBe(
      'docker://reg.example/m/a:v3'
    )
  })

  it('maps insecure, the auth file and extra args; flags use --flag=value', () => {
    const flags = sharedCopyFlags({
      insecure: true,
      authFile: '/secret/auth.json',
      retryTimes: 2,
      extraArgs: ['--remove-signatures']
    })
    expect(flags).toEqual([
      'copy',
      '--all',
      '--retry-times=2',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      '--authfile=/secret/auth.json',
      '--remove-signatures'
    ])
  })

  it('a hostile reference stays one argument', () => {
    const e = entry('quay.io/ns/a:v1 reg.example/m/a:v1')
    const args = buildSkopeoCopyArgs(e, { authFile: '/x y/$(rm -rf)/a.json' }, '/t/d f')
    expect(args).toContain('--authfile=/x y/$(rm -rf)/a.json')
    expect(args).toContain('--digestfile=/t/d f')
  })
})

describe('unsupportedReason', () => {
  it('refuses file:// destinations and sources, and wildcard or tag-less sources', () => {
    expect(unsupportedReason(entry('quay.io/ns/a:v1 file://mirror/a:v1'))).toBe(
      'engine: skopeo does not support file:// destinations; use engine: oc'
    )
    expect(unsupportedReason(entry('file://mirror/a:v1 reg.example/m/a:v1'))).toBe(
      'engine: skopeo does not support file:// sources; use engine: oc'
    )
    expect(unsupportedReason(entry('quay.io/ns/a:v1 s3://bucket/m/a:v1'))).toMatch(/s3:\/\//)
    expect(unsupportedReason(entry('quay.io/ns/a:v* reg.example/m/a'))).toMatch(/wildcard/)
    expect(unsupportedReason(entry('quay.io/ns/a reg.example/m/a'))).toMatch(/without a tag/)
    expect(unsupportedReason(entry('quay.io/ns/a:v1 reg.example/m/a'))).toBeUndefined()
  })
})

describe('oc-shaped lines', () => {
  it('success lines match oc stdout: with tag, or digest-only', () => {
    expect(successLine(entry('quay.io/ns/a:v1 reg.example/m/a:v2'), D)).toBe(
      `${D} reg.example/m/a:v2`
    )
    expect(successLine(entry(`quay.io/ns/a@${D} reg.example/m/a`), D)).toBe(`${D} reg.example/m/a`)
  })

  it('failure lines name SRC as written and the effective DST, and parse back', () => {
    const e = entry('Quay.io/ns/a:v1=reg.example/m/a')
    const line = failureLine(e, 'reading blob x: too many requests to registry')
    expect(line).toBe(
      'error: unable to copy Quay.io/ns/a:v1 to reg.example/m/a:v1: reading blob x: too many requests to registry'
    )
    expect(parseErrorSubject(line.slice('error: '.length)).kind).not.toBe('run')
  })

  it('failure lines stay one line whatever the registry sent', () => {
    const e = entry('quay.io/ns/a:v1 reg.example/m/a:v1')
    const line = failureLine(e, 'errors:\nunauthorized\n\n::error::x\r::set-output name=a::b\u0007')
    expect(line.split(/[\r\n]/)).toHaveLength(1)
    expect(line).toMatch(/: errors: unauthorized ::error::x ::set-output name=a::b$/)
  })

  it('joinedMessage never leaves a control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        // eslint-disable-next-line no-control-regex
        expect(joinedMessage(s)).not.toMatch(/[\u0000-\u001f\u007f]/)
      })
    )
  })

  it('registry key groups destinations case-insensitively; no registry means Docker Hub', () => {
    expect(destinationRegistryKey(entry('quay.io/ns/a:v1 Reg.Example:5000/m/a'))).toBe(
      'reg.example:5000'
    )
    expect(destinationRegistryKey(entry('quay.io/ns/a:v1 m/a'))).toBe('docker.io')
  })
})

describe('fatalMessage', () => {
  it("unwraps skopeo 1.9's logrus fatal line and undoes Go quoting", () => {
    const line =
      'time="2026-11-28T07:15:24Z" level=fatal msg="initializing source docker://h/ns/a:v1: reading manifest v1 in h/ns/a: errors:\\nunauthorized: authentication required\\nunauthorized\\n"'
    expect(fatalMessage(line)).toBe(
      'initializing source docker://h/ns/a:v1: reading manifest v1 in h/ns/a: errors:\nunauthorized: authentication required\nunauthorized\n'
    )
  })

  it('keeps embedded quotes (URLs of Go url.Errors)', () => {
    const line =
      'time="2026-11-28T07:15:08Z" level=fatal msg="reading blob sha256:8: Get \\"http://127.0.0.1:1/v2/x\\": read: connection reset by peer"'
    expect(fatalMessage(line)).toBe(
      'reading blob sha256:8: Get "http://127.0.0.1:1/v2/x": read: connection reset by peer'
    )
  })

  it('accepts the `Error: ` form of newer skopeo and an unquoted msg', () => {
    expect(fatalMessage('Error: copying system image: too many requests')).toBe(
      'copying system image: too many requests'
    )
    expect(fatalMessage('time="t" level=fatal msg=boom')).toBe('boom')
  })

  it('ignores other lines (warnings, progress)', () => {
    expect(fatalMessage('time="t" level=warning msg="Not using native diff"')).toBeUndefined()
    expect(fatalMessage('Copying blob sha256:abc')).toBeUndefined()
  })

  it('goUnquote handles Go escapes', () => {
    expect(goUnquote('"a\\tb\\x41\\u00e9\\\\\\"c"')).toBe('a\tbAé\\"c')
  })
})

describe('buildSkopeoInspectArgs', () => {
  it('reads the raw manifest with the source side of the copy settings', () => {
    expect(buildSkopeoInspectArgs('docker://h:5000/ns/a:v1', {})).toEqual([
      'inspect',
      '--raw',
      '--retry-times=0',
      'docker://h:5000/ns/a:v1'
    ])
    expect(
      buildSkopeoInspectArgs('docker://h/ns/a@' + D, {
        insecure: true,
        authFile: '/tmp/auth.json',
        retryTimes: 3,
        // copy's source-side flags, spelled as inspect spells them; the rest is copy's alone.
        extraArgs: [
          '--src-creds=u:p',
          '--dest-creds=x:y',
          '--src-cert-dir',
          '/certs',
          '--src-no-creds',
          '--remove-signatures',
          '--src-unknown=1'
        ]
      })
    ).toEqual([
      'inspect',
      '--raw',
      '--retry-times=3',
      '--tls-verify=false',
      '--authfile=/tmp/auth.json',
      '--creds=u:p',
      '--cert-dir',
      '/certs',
      '--no-creds',
      'docker://h/ns/a@' + D
    ])
  })

  it('names a manifest list child by digest in the source repository', () => {
    expect(sourceChildRef(entry(`reg.io/ns/a:v1 dst.io/ns/a:v1`), D)).toBe(
      `docker://reg.io/ns/a@${D}`
    )
    expect(sourceChildRef(entry(`ns/a@${D} dst.io/ns/a`), D)).toBe(`docker://ns/a@${D}`)
  })
})

const SAMPLES = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'oc-dir-samples',
  'clean',
  'mirror',
  'v2',
  'small'
)
const sample = (path: string): string => readFileSync(join(SAMPLES, path), 'utf8')

describe('parseManifestBlobs', () => {
  it('reads config and layers of a Docker schema 2 manifest (real oc 4.12 sample)', () => {
    expect(parseManifestBlobs(sample('b/manifests/v1'))).toEqual({
      kind: 'image',
      blobs: [
        'sha256:a2448dc54e50202dcb6bda0511045605416e4faf647915a9afd2b351d786b65e',
        'sha256:9ebe6a8a72bd96be821a7dd4e4641ec5d4a7acd1c396a7267f7b68309ffff419',
        'sha256:45542062e21e3c2c17f1a925e6cfabbac53dab61437b2a6ce2f3545ad156df33'
      ]
    })
  })

  it('reads an OCI manifest, with or without its mediaType', () => {
    const expected = {
      kind: 'image',
      blobs: [
        'sha256:3f099bf0627fee50b831929deab0f96949f2983fb925eb0976560bed08c8fb97',
        'sha256:780f53d7bd5b15a5788b8c0a9f14785c45c04430503d8fff1db2b2e10e366080'
      ]
    }
    const text = sample('oci/manifests/v1')
    expect(parseManifestBlobs(text)).toEqual(expected)
    const { mediaType: _dropped, ...bare } = JSON.parse(text) as Record<string, unknown>
    expect(parseManifestBlobs(JSON.stringify(bare, null, 2))).toEqual(expected)
  })

  it('reads the children of a manifest list and of an OCI index', () => {
    const children = [
      'sha256:96da5e16e2c4abf0cd31c12b4c9433604fb688650f382a7c61c705132491de3b',
      'sha256:5639063b52e6215872a7f0ec7661bf148ddb7ea3e2de1da8da3091c6c2a126e4'
    ]
    expect(parseManifestBlobs(sample('multi/manifests/v1'))).toEqual({ kind: 'list', children })
    const index = { schemaVersion: 2, manifests: children.map((digest) => ({ digest, size: 1 })) }
    expect(parseManifestBlobs(JSON.stringify(index))).toEqual({ kind: 'list', children })
    expect(
      parseManifestBlobs(
        JSON.stringify({ ...index, mediaType: 'application/vnd.oci.image.index.v1+json' })
      )
    ).toEqual({ kind: 'list', children })
  })

  it('leaves anything it cannot fully read unknown', () => {
    const image = JSON.parse(sample('b/manifests/v1')) as Record<string, unknown>
    const cases: unknown[] = [
      'not json {',
      '',
      null,
      [],
      // schema 1: skopeo converts it; we do not guess.
      { schemaVersion: 1, fsLayers: [{ blobSum: D }] },
      { ...image, mediaType: 'application/vnd.example.unknown+json' },
      { ...image, mediaType: 42 },
      { ...image, config: { digest: 'sha256:short' } },
      { ...image, config: 'x' },
      { ...image, layers: [{ digest: D }, { digest: 'md5:abc' }] },
      { ...image, layers: [{ digest: D }, 'oops'] },
      { ...image, layers: undefined },
      { schemaVersion: 2, manifests: [{ digest: D }, {}] },
      { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: 'x' },
      { schemaVersion: 2 }
    ]
    for (const c of cases) {
      expect(parseManifestBlobs(typeof c === 'string' ? c : JSON.stringify(c))).toBeUndefined()
    }
  })

  it('never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const r = parseManifestBlobs(text)
        if (r?.kind === 'image')
          for (const b of r.blobs) expect(b).toMatch(/^sha(256|512):[a-f0-9]+$/)
      })
    )
  })
})
