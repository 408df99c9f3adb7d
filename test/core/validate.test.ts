import { describe, expect, it } from 'vitest'
import { parseMappings, parseMappingText } from '../../src/core/mapping.js'
import { lintMappings } from '../../src/core/validate.js'
import type { MappingFinding } from '../../src/core/types.js'

const D64 = 'sha256:5c6feb0694f3760a8dcbf8a835ee9e1f4ba60680e2725b59d67b4d41e3f7c9d6'
const FILTERED = { filterByOs: '.*' }

function lint(text: string, opts: { filterByOs?: string; keepManifestList?: boolean } = FILTERED) {
  const set = parseMappingText(text, 'm.txt')
  expect(set.findings.filter((f) => f.severity === 'error')).toEqual([])
  return lintMappings(set, opts)
}

function codes(findings: MappingFinding[]): string[] {
  return findings.map((f) => `${f.line}:${f.severity}:${f.code}`)
}

describe('lintMappings', () => {
  it('finds nothing in a clean, filtered mapping', () => {
    expect(lint('q.io/ns/a:v1=file://ns/a:v1\nq.io/ns/b:v1 file://ns/b file://ns/c')).toEqual([])
  })

  it('flags SRC equal to DST with oc wording, after tag inheritance and defaults', () => {
    const found = lint(
      [
        'q.io/ns/a:v1=q.io/ns/a', // inherits v1: same image
        'q.io/ns/b:v1=q.io/ns/b:v2', // different tag: fine
        'busybox:latest=docker.io/library/busybox', // Docker Hub defaults
        'file://ns/c:v1=file:///ns/c', // file:///x is file://x
        `q.io/ns/d@${D64}=q.io/ns/d`, // by digest: not equal for oc
        'q.io/ns/e=q.io/ns/e' // every expanded tag onto itself
      ].join('\n')
    )
    const same = found.filter((f) => f.code === 'src-equals-dst')
    expect(same.map((f) => f.line)).toEqual([1, 3, 4, 6])
    expect(same[0]).toMatchObject({ severity: 'error', message: 'SRC and DST may not be the same' })
  })

  it('flags two file:// destinations that land in one directory with one tag', () => {
    const found = lint(
      [
        'q.io/ns/a:v1=file://cpfs/x:1.0',
        'q.io/ns/b:v1=file://mirror.local/cpfs/x:1.0',
        'q.io/ns/c:v1=file://mirror.local/cpfs/x:2.0'
      ].join('\n')
    )
    expect(codes(found)).toEqual(['2:error:disk-collision'])
    expect(found[0]?.message).toContain('file://mirror.local/cpfs/x:1.0')
    expect(found[0]?.message).toContain('m.txt, line 1')
    expect(found[0]?.message).toContain('v2/cpfs/x/manifests/1.0')
  })

  it('flags registry destinations that differ only in host case', () => {
    const found = lint('q.io/ns/a:v1=Mirror.io/ns/a:v1\nq.io/ns/b:v1=mirror.io/ns/a:v1')
    expect(codes(found)).toEqual(['2:warning:destination-alias'])
  })

  it('warns (never errors) on tag-less and wildcard sources: oc runs them', () => {
    const found = lint(
      'q.io/ns/a=file://ns/a\nq.io/ns/b:v1.*=file://ns/b\nq.io/ns/c:*=file://ns/c:x'
    )
    expect(codes(found)).toEqual([
      '1:warning:tagless-source',
      '2:warning:wildcard-source',
      '3:warning:wildcard-source'
    ])
    expect(found[0]?.message).toContain('network')
    expect(found[2]?.message).toContain('the destination must be a repository')
    expect(found[1]?.message).not.toContain('the destination must be a repository')
    // The issue's own example: a tag-less source into a repository destination.
    expect(lint('127.0.0.1:5000/ns/tiny 127.0.0.1:5001/tl/tiny').map((f) => f.severity)).toEqual([
      'warning'
    ])
  })

  it('warns when one source is mirrored by two lines, not for a fan-out line', () => {
    const found = lint(
      [
        'q.io/ns/a:v1 file://ns/a file://ns/b',
        'q.io/ns/c:v1=file://ns/c',
        'Q.IO/ns/c:v1=file://ns/d',
        'q.io/ns/c:v2=file://ns/e'
      ].join('\n')
    )
    expect(codes(found)).toEqual(['3:warning:same-source-twice'])
    expect(found[0]?.message).toContain('m.txt, line 2')
  })

  it('warns when two source tags of one repository go to one destination repository', () => {
    const found = lint(
      [
        'q.io/ns/a:v1=file://ns/a',
        'q.io/ns/a:latest=file://ns/a',
        'q.io/ns/a:v2=file://ns/other',
        `q.io/ns/a@${D64}=file://ns/a`
      ].join('\n')
    )
    expect(codes(found)).toEqual(['2:warning:tag-merge-risk'])
    expect(found[0]?.message).toContain('file://ns/a:v1')
    expect(found[0]?.message).toContain('file://ns/a:latest')
  })

  it('warns once per file, on its first entry line, with a count, when no platform filter is set', () => {
    const text = '# list\n\nq.io/ns/a:v1=file://ns/a:v1\nq.io/ns/b:v1=file://ns/b:v1'
    const found = lint(text, {})
    expect(codes(found)).toEqual(['3:warning:no-platform-filter'])
    expect(found[0]?.message).toContain('Filtered all images')
    expect(found[0]?.message).toContain('all 2 mapping lines of this file')
    const many = Array.from({ length: 500 }, (_, i) => `q.io/ns/a:v${i}=file://ns/a:v${i}`)
    const two = lintMappings(
      parseMappings([
        { file: 'a.txt', text: many.join('\n') },
        { file: 'b.txt', text: 'q.io/ns/b:v1=file://ns/b:v1' }
      ]),
      {}
    ).filter((f) => f.code === 'no-platform-filter')
    expect(two.map((f) => [f.file, f.line])).toEqual([
      ['a.txt', 1],
      ['b.txt', 1]
    ])
    expect(two[0]?.message).toContain('all 500 mapping lines')
    expect(two[1]?.message).toContain('all 1 mapping line of this file')
    expect(lint(text, { filterByOs: 'linux/amd64' })).toEqual([])
    expect(lint(text, { keepManifestList: true })).toEqual([])
    expect(lintMappings({ entries: [] }, {})).toEqual([])
  })

  it('flags a bare registry without a repository', () => {
    const found = lint('q.io/ns/a:v1=file://mirror.local')
    expect(codes(found)).toEqual(['1:error:no-repository'])
  })

  it('reports across files, ordered by file then line', () => {
    const set = parseMappings([
      { file: 'one.txt', text: '\nq.io/ns/a:v1=file://ns/a:v1\nq.io/ns/z=file://ns/z' },
      { file: 'two.txt', text: 'q.io/ns/b:v1=file://mirror.local/ns/a:v1' }
    ])
    const found = lintMappings(set, FILTERED)
    expect(found.map((f) => [f.file, f.line, f.code])).toEqual([
      ['one.txt', 3, 'tagless-source'],
      ['two.txt', 1, 'disk-collision']
    ])
  })
})
