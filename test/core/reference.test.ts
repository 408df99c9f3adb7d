import { describe, expect, it } from 'vitest'
import {
  formatRef,
  goQuote,
  isExpandingSource,
  parseImageRef,
  repoKey,
  canonicalRepository,
  type ParseRefResult
} from '../../src/core/reference.js'
import type { ImageRef } from '../../src/core/types.js'

const D64 = 'sha256:5c6feb0694f3760a8dcbf8a835ee9e1f4ba60680e2725b59d67b4d41e3f7c9d6'

function ok(result: ParseRefResult): ImageRef {
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`)
  return result.ref
}

function err(result: ParseRefResult): string {
  if (!('error' in result)) throw new Error(`expected an error, got ${JSON.stringify(result.ref)}`)
  return result.error
}

describe('parseImageRef: registry detection (library-go reference.Parse)', () => {
  it('takes a first component with a port as the registry', () => {
    expect(ok(parseImageRef('127.0.0.1:5000/ns/alpha:v1', 'source'))).toEqual({
      raw: '127.0.0.1:5000/ns/alpha:v1',
      kind: 'registry',
      registry: '127.0.0.1:5000',
      repository: 'ns/alpha',
      tag: 'v1',
      printed: '127.0.0.1:5000/ns/alpha',
      diskPath: ''
    })
  })

  it('takes a dotted first component and localhost as the registry', () => {
    expect(ok(parseImageRef('quay.io/ns/a:v1', 'source')).registry).toBe('quay.io')
    expect(ok(parseImageRef('localhost/ns/a:v1', 'source')).registry).toBe('localhost')
  })

  it('keeps a plain first component in the repository (no registry, no Docker Hub default)', () => {
    const ref = ok(parseImageRef('ns/alpha:v1', 'source'))
    expect(ref.registry).toBe('')
    expect(ref.repository).toBe('ns/alpha')
    expect(ref.printed).toBe('ns/alpha')
  })

  it('accepts an uppercase registry host (oc fails later with DNS)', () => {
    const ref = ok(parseImageRef('Registry.Example.COM/ns/a:v1', 'source'))
    expect(ref.registry).toBe('Registry.Example.COM')
    expect(ref.printed).toBe('Registry.Example.COM/ns/a')
  })

  it('reads a lone dotted name as a bare registry with no repository', () => {
    const ref = ok(parseImageRef('mirror.local:v1', 'destination'))
    expect(ref.repository).toBe('')
    expect(ref.registry).toBe('mirror.local:v1')
    expect(ref.tag).toBeUndefined()
  })
})

describe('parseImageRef: tags and digests', () => {
  it('keeps tag and digest of name:tag@digest', () => {
    const ref = ok(parseImageRef(`q.io/ns/a:v1@${D64}`, 'source'))
    expect(ref.tag).toBe('v1')
    expect(ref.digest).toBe(D64)
    expect(formatRef(ref)).toBe(`q.io/ns/a@${D64}`)
  })

  it('accepts sha384 and sha512 digests of the right length', () => {
    expect(ok(parseImageRef(`q.io/a@sha384:${'a'.repeat(96)}`, 'source')).digest).toBe(
      `sha384:${'a'.repeat(96)}`
    )
    expect(ok(parseImageRef(`q.io/a@sha512:${'b'.repeat(128)}`, 'source')).digest).toBeDefined()
  })

  it('words digest errors as go-digest does', () => {
    expect(err(parseImageRef(`q.io/a@sha256:${'a'.repeat(63)}`, 'source'))).toBe(
      '"q.io/a@sha256:' +
        'a'.repeat(63) +
        '" is not a valid image reference: invalid checksum digest length'
    )
    expect(err(parseImageRef(`q.io/a@md5:${'a'.repeat(32)}`, 'source'))).toMatch(
      /: unsupported digest algorithm$/
    )
    // Fewer than 32 hex digits does not even match the reference grammar.
    expect(err(parseImageRef('q.io/a@sha256:abc', 'source'))).toMatch(/: invalid reference format$/)
    expect(err(parseImageRef(`q.io/a@sha256:${'g'.repeat(64)}`, 'source'))).toMatch(
      /: invalid reference format$/
    )
  })

  it('accepts a 128-character tag and rejects 129 or a leading dot', () => {
    expect(ok(parseImageRef(`q.io/a:${'t'.repeat(128)}`, 'source')).tag).toHaveLength(128)
    expect(err(parseImageRef(`q.io/a:${'t'.repeat(129)}`, 'source'))).toMatch(
      /invalid reference format/
    )
    expect(err(parseImageRef('q.io/a:.v1', 'source'))).toMatch(/invalid reference format/)
  })

  it('rejects a digest on the destination with oc wording', () => {
    const result = parseImageRef(`file://ns/a@${D64}`, 'destination')
    expect(result).toEqual({
      error: 'you must specify a tag for DST or leave it blank to only push by digest',
      code: 'digest-destination'
    })
    expect(err(parseImageRef(`file://ns/a:v1@${D64}`, 'destination'))).toBe(
      'you must specify a tag for DST or leave it blank to only push by digest'
    )
  })
})

describe('parseImageRef: oc error wording', () => {
  it('says lowercase for an uppercase repository and quotes the ref', () => {
    expect(err(parseImageRef('127.0.0.1:5002/ns/Delta:v1', 'source'))).toBe(
      '"127.0.0.1:5002/ns/Delta:v1" is not a valid image reference: repository name must be lowercase'
    )
  })

  it('quotes the reference after removing file:// and one leading slash', () => {
    expect(err(parseImageRef('file:///ns/IGNORED:v1', 'destination'))).toBe(
      '"ns/IGNORED:v1" is not a valid image reference: repository name must be lowercase'
    )
    expect(err(parseImageRef('file:////ns/a:v1', 'destination'))).toBe(
      '"/ns/a:v1" is not a valid image reference: invalid reference format'
    )
  })

  it('escapes a BOM like Go %q', () => {
    expect(err(parseImageRef('\ufeff127.0.0.1:5000/ns/alpha:v1', 'source'))).toBe(
      '"\\ufeff127.0.0.1:5000/ns/alpha:v1" is not a valid image reference: invalid reference format'
    )
  })

  it('lowercases like Go (simple case mapping) before deciding on the lowercase message', () => {
    // Go maps U+0130 to "i" and the Kelvin sign to "k"; JS's full mapping differs for U+0130.
    expect(err(parseImageRef('q.io/ns/\u0130:v1', 'source'))).toMatch(
      /: repository name must be lowercase$/
    )
    expect(err(parseImageRef('q.io/ns/\u212a:v1', 'source'))).toMatch(
      /: repository name must be lowercase$/
    )
    expect(err(parseImageRef('q.io/ns/\u00e9:v1', 'source'))).toMatch(/: invalid reference format$/)
  })

  it('reports an empty reference as oc does', () => {
    expect(err(parseImageRef('file://', 'destination'))).toBe(
      '"" is not a valid image reference: repository name must have at least one component'
    )
  })

  it('rejects names over 255 characters', () => {
    const long = `q.io/${'a'.repeat(251)}`
    expect(err(parseImageRef(`${long}:v1`, 'source'))).toMatch(
      /repository name must not be more than 255 characters$/
    )
  })

  it('rejects malformed names', () => {
    for (const bad of ['ns//a:v1', 'ns/a/:v1', '/ns/a', 'ns/-a:v1', 'ns/a-:v1', 'ns/a:', 'a=b']) {
      expect(err(parseImageRef(bad, 'source'))).toMatch(/invalid reference format$/)
    }
  })

  it('accepts the separators of the repository grammar', () => {
    for (const good of [
      'ns/a.b:v1',
      'ns/a_b:v1',
      'ns/a__b:v1',
      'ns/a---b:v1',
      'q.io:5000/a-b/c.d_e'
    ]) {
      expect('ref' in parseImageRef(good, 'source')).toBe(true)
    }
    for (const bad of ['ns/a..b:v1', 'ns/a___b:v1', 'ns/a-.b:v1']) {
      expect('error' in parseImageRef(bad, 'source')).toBe(true)
    }
  })
})

describe('parseImageRef: file:// and s3://', () => {
  it('keeps the registry component in printed and drops it in diskPath', () => {
    const ref = ok(parseImageRef('file://mirror.local/cpfs/cp/ai/image-name:1.0', 'destination'))
    expect(ref).toMatchObject({
      kind: 'file',
      registry: 'mirror.local',
      repository: 'cpfs/cp/ai/image-name',
      printed: 'file://mirror.local/cpfs/cp/ai/image-name',
      diskPath: 'cpfs/cp/ai/image-name',
      tag: '1.0'
    })
  })

  it('treats file:///x as file://x (oc strips one slash and prints without it)', () => {
    const a = ok(parseImageRef('file:///ns/a:v1', 'destination'))
    const b = ok(parseImageRef('file://ns/a:v1', 'destination'))
    expect(a.raw).toBe('file:///ns/a:v1')
    expect({ ...a, raw: '' }).toEqual({ ...b, raw: '' })
    expect(a.printed).toBe('file://ns/a')
  })

  it('parses s3:// with the host as registry', () => {
    const ref = ok(parseImageRef('s3://s3.amazonaws.com/us-east-1/bucket/ns/a:v1', 'destination'))
    expect(ref).toMatchObject({
      kind: 's3',
      registry: 's3.amazonaws.com',
      repository: 'us-east-1/bucket/ns/a',
      printed: 's3://s3.amazonaws.com/us-east-1/bucket/ns/a',
      diskPath: ''
    })
  })
})

describe('parseImageRef: sources oc expands over the network', () => {
  it('parses a tag-less source with no tag', () => {
    const ref = ok(parseImageRef('q.io/ns/a', 'source'))
    expect(ref.tag).toBeUndefined()
    expect(isExpandingSource(ref)).toBe(true)
  })

  it('keeps a glob tag on a source', () => {
    const ref = ok(parseImageRef('127.0.0.1:5000/ns/a:v1.*', 'source'))
    expect(ref.tag).toBe('v1.*')
    expect(ref.repository).toBe('ns/a')
    expect(isExpandingSource(ref)).toBe(true)
  })

  it('reports errors of a glob source on the substituted reference, as oc does', () => {
    expect(err(parseImageRef('q.io/ns/A:v*', 'source'))).toBe(
      '"q.io/ns/A:tag" is not a valid image reference: repository name must be lowercase'
    )
    expect(err(parseImageRef('mirror.local:v*', 'source'))).toBe(
      'source expansion is only possible in tags'
    )
  })

  it('rejects a glob on a destination', () => {
    expect(err(parseImageRef('file://ns/a:v*', 'destination'))).toMatch(/invalid reference format$/)
  })

  it('does not expand a digest source', () => {
    expect(isExpandingSource(ok(parseImageRef(`q.io/a@${D64}`, 'source')))).toBe(false)
  })
})

describe('repoKey', () => {
  it('folds the registry component of file:// refs', () => {
    expect(repoKey('file://mirror.local/cpfs/x')).toBe('file://cpfs/x')
    expect(repoKey('file://cpfs/x')).toBe('file://cpfs/x')
    expect(repoKey('file:///cpfs/x')).toBe('file://cpfs/x')
    expect(repoKey('file://localhost/cpfs/x')).toBe('file://cpfs/x')
    expect(repoKey('file://127.0.0.1:5000/cpfs/x')).toBe('file://cpfs/x')
  })

  it('compares registry hosts case-insensitively, paths exactly', () => {
    expect(repoKey('Quay.IO/ns/a')).toBe(repoKey('quay.io/ns/a'))
    expect(repoKey('quay.io/ns/a')).not.toBe(repoKey('quay.io/ns/b'))
    expect(repoKey('quay.io/ns/a')).toBe('quay.io/ns/a')
    expect(repoKey('s3://S3.amazonaws.com/r/b/a')).toBe('s3://s3.amazonaws.com/r/b/a')
  })

  it('keys every spelling of one registry repository alike (docs/oc-behaviour.md §4.6)', () => {
    const hub = [
      'app',
      'docker.io/app',
      'Docker.IO/library/app',
      'index.docker.io/app',
      'registry-1.docker.io/library/app',
      'docker.io:443/app',
      'library/app'
    ]
    for (const p of hub) expect(repoKey(p), p).toBe('docker.io/library/app')
    expect(repoKey('ns/a')).toBe('docker.io/ns/a')
    expect(repoKey('index.docker.io/ns/a')).toBe('docker.io/ns/a')
    expect(repoKey('quay.io:443/ns/a')).toBe('quay.io/ns/a')
    expect(repoKey('LOCALHOST:5000/ns/a')).toBe('localhost:5000/ns/a')
    expect(repoKey('quay.io/')).toBe('quay.io/')
    // Different registries, ports and paths stay apart; only Docker Hub gets `library/`.
    expect(repoKey('quay.io/app')).toBe('quay.io/app')
    expect(repoKey('quay.io:5000/ns/a')).not.toBe(repoKey('quay.io/ns/a'))
    expect(repoKey('docker.io/ns/app')).not.toBe(repoKey('docker.io/library/app'))
    expect(repoKey('file://docker.io/app')).toBe('file://app')
  })

  it('a canonical spelling is returned as is (no copy per mapping line)', () => {
    const printed = ok(parseImageRef('quay.io/ns/a:v1', 'destination')).printed
    expect(repoKey(printed)).toBe(printed)
    expect(canonicalRepository('Index.Docker.io', 'x')).toEqual({
      registry: 'docker.io',
      repository: 'library/x'
    })
    expect(canonicalRepository('quay.io:443', 'x')).toEqual({
      registry: 'quay.io',
      repository: 'x'
    })
  })

  it('agrees with printed for a parsed ref', () => {
    const ref = ok(parseImageRef('file://mirror.local/ns/a:v1', 'destination'))
    expect(repoKey(ref.printed)).toBe(`file://${ref.diskPath}`)
  })
})

describe('formatRef', () => {
  it('adds the given tag, else the digest, else the own tag', () => {
    const ref = ok(parseImageRef('file:///ns/a:v1', 'destination'))
    expect(formatRef(ref)).toBe('file://ns/a:v1')
    expect(formatRef(ref, 'v2')).toBe('file://ns/a:v2')
    expect(formatRef(ok(parseImageRef(`q.io/a@${D64}`, 'source')))).toBe(`q.io/a@${D64}`)
    expect(formatRef(ok(parseImageRef('q.io/a', 'destination')))).toBe('q.io/a')
  })
})

describe('goQuote', () => {
  it('escapes like Go strconv.Quote', () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"')
    expect(goQuote('a\tb\r\n')).toBe('"a\\tb\\r\\n"')
    expect(goQuote('\x00\x7f')).toBe('"\\x00\\x7f"')
    expect(goQuote('\u00a0é')).toBe('"\\u00a0é"')
    expect(goQuote('\u{e0001}')).toBe('"\\U000e0001"')
    expect(goQuote('\ud800')).toBe('"\\ud800"')
  })
})
