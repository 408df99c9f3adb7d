import { describe, expect, it } from 'vitest'
import { isRunSummary } from '../../src/core/classify.js'
import { LogParser } from '../../src/core/log-parser.js'
import {
  errorCause,
  parseErrorSubject,
  parseFilteredSubject,
  parseWarningSubject,
  splitDestination
} from '../../src/core/oc-messages.js'
import type { LogEvent } from '../../src/core/types.js'
import { listCases, readCase, splitLines } from '../support/transcripts.js'

const D = 'sha256:6fe0e458f056027caacfaeba29b235e04bd5f6b29b144fb9fa902fa592613f5d'
const M = 'sha256:0de504a533fe843a08cbc73020360dbf9af94841e30b25a54d7e21d928af8195'

describe('parseErrorSubject', () => {
  it.each([
    [
      'file mapping.txt, line 6: all arguments must be valid SRC=DST mappings',
      { kind: 'mapping-line', file: 'mapping.txt', line: 6 }
    ],
    [
      'file dir, with comma/m.txt, line 12: "X" is not a valid image reference: invalid reference format',
      { kind: 'mapping-line', file: 'dir, with comma/m.txt', line: 12 }
    ],
    [
      'unable to retrieve source image 127.0.0.1:5002/ns/alpha by tag v1: unauthorized: authentication required',
      { kind: 'source-tag', source: '127.0.0.1:5002/ns/alpha', tag: 'v1' }
    ],
    [
      'unable to retrieve source image file://ns/alpha by tag v1: unknown blob',
      { kind: 'source-tag', source: 'file://ns/alpha', tag: 'v1' }
    ],
    [
      `unable to retrieve source image 127.0.0.1:5002/ns/alpha manifest ${M}: manifest unknown: manifest unknown`,
      { kind: 'source-digest', source: '127.0.0.1:5002/ns/alpha', digest: M }
    ],
    [
      'unable to retrieve source image quay.io/ns/multi:v1 manifest #2 from manifest list: received unexpected HTTP status: 502 Bad Gateway',
      { kind: 'source-list-child', sourceRef: 'quay.io/ns/multi:v1' }
    ],
    [
      'unable to filter source image quay.io/ns/multi:v1 manifest list (bad payload): boom',
      { kind: 'source-list-child', sourceRef: 'quay.io/ns/multi:v1' }
    ],
    [
      'unable to access source image s3://s3.amazonaws.com/r/b/ns/a manifests: boom',
      { kind: 'source-repo', source: 's3://s3.amazonaws.com/r/b/ns/a' }
    ],
    [
      `unable to push 127.0.0.1:5002/ns/alpha: failed to retrieve blob ${D}: toomanyrequests: too many requests: rate limit exceeded`,
      { kind: 'source-repo', source: '127.0.0.1:5002/ns/alpha' }
    ],
    [
      `unable to push quay.io/ns/a: failed to upload blob ${D}: unauthorized`,
      { kind: 'source-repo', source: 'quay.io/ns/a' }
    ],
    [
      `unable to push quay.io/ns/a: tried to copy blob ${D} and got back a different digest ${M}`,
      { kind: 'source-repo', source: 'quay.io/ns/a' }
    ],
    [
      `unable to open source layer ${D} to copy to file://ns/alpha: denied`,
      { kind: 'destination-repo', destination: 'file://ns/alpha', digest: D }
    ],
    [
      `unable to open source layer ${D} to copy to 127.0.0.1:5001/t412-x/alpha: unknown blob`,
      { kind: 'destination-repo', destination: '127.0.0.1:5001/t412-x/alpha', digest: D }
    ],
    [
      `unable to upload blob ${D} to s3://s3.amazonaws.com/r/b/ns/a: blob already exists in the target location`,
      { kind: 'destination-repo', destination: 's3://s3.amazonaws.com/r/b/ns/a', digest: D }
    ],
    [
      `unable to copy layer ${D} to file://mirror.local/ns/alpha: unexpected EOF`,
      { kind: 'destination-repo', destination: 'file://mirror.local/ns/alpha', digest: D }
    ],
    [
      `failed to commit blob ${D} from manifest ${M} in manifest list ${M} to quay.io:443/ns/a: EOF`,
      { kind: 'destination-repo', destination: 'quay.io:443/ns/a', digest: D }
    ],
    [
      'unable to push manifest to 127.0.0.1:5001/t412-x/alpha:v1: manifest blob unknown: blob unknown to registry',
      { kind: 'destination-tag', destination: '127.0.0.1:5001/t412-x/alpha', tag: 'v1' }
    ],
    [
      'unable to push manifest to 127.0.0.1:5001/t412-x/alpha: manifest blob unknown',
      { kind: 'destination-tag', destination: '127.0.0.1:5001/t412-x/alpha' }
    ],
    [
      'unable to push manifest to file://ns/alpha:v1.2-rc: boom',
      { kind: 'destination-tag', destination: 'file://ns/alpha', tag: 'v1.2-rc' }
    ],
    [
      'unable to create reference to repository quay.io/ns/a: boom',
      { kind: 'destination-repo', destination: 'quay.io/ns/a' }
    ],
    [
      'unable to connect to s3://s3.amazonaws.com/r/b/ns/a: NoCredentialProviders',
      { kind: 'source-repo', source: 's3://s3.amazonaws.com/r/b/ns/a' }
    ],
    // skopeo engine: DST is the entry's effective destination → destination + tag
    [
      'unable to copy quay.io/ns/a:v1 to 127.0.0.1:5001/ns/a:v1: reading blob sha256:aa: StatusCode: 429',
      { kind: 'destination-tag', destination: '127.0.0.1:5001/ns/a', tag: 'v1' }
    ],
    [
      `unable to copy quay.io/ns/a@${M} to file://ns/a: manifest unknown`,
      { kind: 'destination-tag', destination: 'file://ns/a' }
    ],
    ['one or more errors occurred', { kind: 'run' }],
    ['an error occurred during planning', { kind: 'run' }],
    ['open mapping.txt: no such file or directory', { kind: 'run' }],
    ['panic: empty source manifest for x', { kind: 'run' }],
    ['', { kind: 'run' }]
  ] as const)('%s', (text, subject) => {
    expect(parseErrorSubject(text)).toEqual(subject)
    expect(parseErrorSubject(`error: ${text}`)).toEqual(subject)
  })

  it('reads only the first line of a multi-line error', () => {
    const text =
      'unable to retrieve source image q/ns/a by tag v1: errors:\nunauthorized: authentication required\nunauthorized\n'
    expect(parseErrorSubject(text)).toEqual({ kind: 'source-tag', source: 'q/ns/a', tag: 'v1' })
    expect(errorCause(text)).toBe('errors:\nunauthorized: authentication required\nunauthorized\n')
  })

  it('returns the cause after the prefix', () => {
    expect(errorCause(`unable to open source layer ${D} to copy to file://ns/alpha: denied`)).toBe(
      'denied'
    )
    expect(errorCause('error: file m.txt, line 2: all arguments must be valid')).toBe(
      'all arguments must be valid'
    )
    expect(errorCause('no prefix here')).toBe('no prefix here')
  })
})

describe('splitDestination', () => {
  it.each([
    ['127.0.0.1:5001/x/alpha:v1', { repo: '127.0.0.1:5001/x/alpha', tag: 'v1' }],
    ['127.0.0.1:5001/x/alpha', { repo: '127.0.0.1:5001/x/alpha' }],
    ['file://ns/alpha:v1', { repo: 'file://ns/alpha', tag: 'v1' }],
    ['file://ns/alpha', { repo: 'file://ns/alpha' }],
    ['localhost:5000/a', { repo: 'localhost:5000/a' }],
    [`quay.io/ns/a@${M}`, { repo: 'quay.io/ns/a' }],
    [`quay.io/ns/a:v1@${M}`, { repo: 'quay.io/ns/a', tag: 'v1' }],
    ['quay.io/ns/a:', { repo: 'quay.io/ns/a:' }]
  ] as const)('%s', (printed, expected) => {
    expect(splitDestination(printed)).toEqual(expected)
  })
})

describe('warnings and filtered lines', () => {
  it('names the skipped source of `does not exist and will not be mirrored`', () => {
    expect(
      parseWarningSubject(
        'Image 127.0.0.1:5002/ns/missing:v1 does not exist and will not be mirrored'
      )
    ).toEqual({
      kind: 'source-tag',
      source: '127.0.0.1:5002/ns/missing',
      tag: 'v1'
    })
    expect(
      parseWarningSubject(
        `warning: Image quay.io/ns/a@${M} does not exist and will not be mirrored`
      )
    ).toEqual({
      kind: 'source-digest',
      source: 'quay.io/ns/a',
      digest: M
    })
    // 4.11+ digest sources with a non-JSON 404: the error text stands where the ref would be
    expect(
      parseWarningSubject(
        `Image error parsing HTTP 404 response body: invalid character 'N' looking for beginning of value: "Not found\\n" does not exist and will not be mirrored`
      )
    ).toEqual({ kind: 'run' })
    expect(parseWarningSubject('Layer size mismatch for sha256:aa: had 1, wrote 2')).toBeUndefined()
  })

  it('names the source of `Filtered all images from X, skipping`', () => {
    expect(parseFilteredSubject('Filtered all images from quay.io/ns/multi, skipping')).toEqual({
      kind: 'source-repo',
      source: 'quay.io/ns/multi'
    })
    expect(
      parseFilteredSubject('info: Filtered all images from quay.io/ns/multi:v1, skipping')
    ).toEqual({
      kind: 'source-tag',
      source: 'quay.io/ns/multi',
      tag: 'v1'
    })
    expect(parseFilteredSubject('Planning completed in 10ms')).toBeUndefined()
  })
})

describe('every real transcript', () => {
  function events(text: string): LogEvent[] {
    const p = new LogParser()
    const out = splitLines(text).flatMap((l) => p.push(l))
    return [...out, ...p.end()]
  }

  it.each(listCases())(
    '$version/$name: every error names what the plan and mapping name',
    ({ version, name }) => {
      const c = readCase(version, name)
      const evs = events(c.stderr)
      const planDest = new Set(evs.flatMap((e) => (e.kind === 'plan-blob' ? [e.destination] : [])))
      const planTags = new Set(
        evs.flatMap((e) =>
          e.kind === 'plan-manifest' && e.tag ? [`${e.destination}:${e.tag}`] : []
        )
      )
      const planRepos = new Set(
        evs.flatMap((e) => (e.kind === 'plan-manifest' ? [e.destination] : []))
      )
      for (const e of evs) {
        if (e.kind !== 'error') continue
        const s = parseErrorSubject(e.text)
        if (isRunSummary(e.text) || e.text.startsWith('open ')) {
          expect(s).toEqual({ kind: 'run' })
          continue
        }
        expect(s.kind).not.toBe('run')
        if (s.kind === 'destination-repo') expect(planDest).toContain(s.destination)
        // A push by digest (a list child, 4.14/429-json-child-blob-list-reg) names no tag.
        if (s.kind === 'destination-tag' && s.tag !== undefined)
          expect(planTags).toContain(`${s.destination}:${s.tag}`)
        if (s.kind === 'destination-tag' && s.tag === undefined)
          expect(planRepos).toContain(s.destination)
        if (s.kind === 'source-tag' || s.kind === 'source-digest' || s.kind === 'source-repo') {
          expect(c.mapping).toContain(s.source.replace(/^file:\/\//, ''))
        }
        if (s.kind === 'mapping-line') {
          expect(s.file).toBe('mapping.txt')
          expect(splitLines(c.mapping)[s.line - 1]).toBeDefined()
        }
      }
    }
  )
})
