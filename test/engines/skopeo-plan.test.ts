// The skopeo dry run's plan tree is oc's (plan.Print): checked here line by line; the e2e test
// compares it with real oc's output on the same images.
import { describe, expect, it } from 'vitest'
import { LogParser } from '../../src/core/log-parser.js'
import { parseMappingText } from '../../src/core/mapping.js'
import type { LogEvent } from '../../src/core/types.js'
import { bytesSize, goDuration, renderPlanTree } from '../../src/engines/skopeo-plan.js'

const d = (c: string): string => `sha256:${c.repeat(64)}`

describe('bytesSize (Go units.BytesSize)', () => {
  it.each([
    [163, '163B'],
    [1149, '1.122KiB'],
    [1024, '1KiB'],
    [3 * 1024 * 1024 + 1, '3MiB'],
    [0, '0B']
  ])('%d → %s', (n, text) => expect(bytesSize(n)).toBe(text))
})

describe('goDuration', () => {
  it.each([
    [50, '50ms'],
    [1234, '1.234s'],
    [0.5, '500000ns']
  ])('%d ms → %s', (ms, text) => expect(goDuration(ms)).toBe(text))
})

describe('renderPlanTree', () => {
  const set = parseMappingText(
    [
      `src.io/ns/multi:v1 dst.io/m/multi:v1`,
      `src.io/ns/one:v1 dst.io/m/a:v1`,
      `src.io/ns/one@${d('9')} dst.io/m/bydigest`
    ].join('\n'),
    'm.txt'
  )
  const [multi, one, byDigest] = set.entries
  if (!multi || !one || !byDigest) throw new Error('mapping did not parse')
  const tree = renderPlanTree([
    {
      entry: multi,
      digest: d('a'),
      children: [d('c'), d('b')],
      blobs: [
        { digest: d('1'), size: 2000 },
        { digest: d('2'), size: 100 },
        { digest: d('3'), size: 100 }
      ]
    },
    { entry: one, digest: d('e'), children: [], blobs: [{ digest: d('1'), size: 2000 }] },
    { entry: byDigest, digest: d('9'), children: [], blobs: [{ digest: d('4') }] }
  ])

  it('is oc’s layout: sorted repositories, blobs by size then digest, untagged digests first', () => {
    expect(tree).toEqual([
      'dst.io/',
      '  m/a',
      '    blobs:',
      `      src.io/ns/one ${d('1')} 1.953KiB`,
      '    manifests:',
      `      ${d('e')} -> v1`,
      '  m/bydigest',
      '    blobs:',
      `      src.io/ns/one ${d('4')}`,
      '    manifests:',
      `      ${d('9')}`,
      '  m/multi',
      '    blobs:',
      `      src.io/ns/multi ${d('2')} 100B`,
      `      src.io/ns/multi ${d('3')} 100B`,
      `      src.io/ns/multi ${d('1')} 1.953KiB`,
      '    manifests:',
      `      ${d('b')}`,
      `      ${d('c')}`,
      `      ${d('a')} -> v1`,
      '  stats: shared=1 unique=3 size=2.148KiB ratio=0.09'
    ])
  })

  it('reads back as plan events for the right destinations', () => {
    const parser = new LogParser()
    const events: LogEvent[] = []
    for (const line of tree) events.push(...parser.push(line))
    events.push(...parser.end())
    const manifests = events.filter((e) => e.kind === 'plan-manifest')
    expect(manifests.map((e) => [e.destination, e.tag])).toEqual([
      ['dst.io/m/a', 'v1'],
      ['dst.io/m/bydigest', undefined],
      ['dst.io/m/multi', undefined],
      ['dst.io/m/multi', undefined],
      ['dst.io/m/multi', 'v1']
    ])
  })
})
