// The real trees oc 4.12 wrote (test/fixtures/oc-dir-samples/ORIGIN.md).
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { verifyFileEntries } from '../../src/verify/file-layout.js'
import { entry, fileRef, registryRef } from './entries.js'

const SAMPLES = fileURLToPath(new URL('../fixtures/oc-dir-samples/', import.meta.url))
const REPOS = ['small/a', 'small/b', 'small/multi', 'small/oci', 'small/stream']
// The mapping of the samples: 127.0.0.1:5002/small/X:v1=file://small/X:v1
const mapping = (n: number) =>
  REPOS.slice(0, n).map((r, i) =>
    entry(i, registryRef('127.0.0.1:5002', r, 'v1'), fileRef(r, 'v1'))
  )

const LAYER_429 = 'sha256:836d56d412b69d952cc6b60930c21699d08dc9ad9eeebfb5414a218f5bf3e35d'
const MANIFEST_A = 'sha256:a47fae49c72b35706edfc3b5a84f5fff14bda565589ba4ec13db76c54930cbc4'
const STREAM_LAYER = 'sha256:b0c8dabe14e540947cc25f091ddc6def91851ee16cfa77591cf7a079ae8fb98f'

describe.each([false, true])('oc 4.12 trees (digest: %s)', (digest) => {
  it('clean: every line complete', async () => {
    const results = await verifyFileEntries(mapping(4), `${SAMPLES}clean/mirror`, {
      digest,
      side: 'destination'
    })
    expect(results.map((r) => [r.entryId, r.complete, r.problems, r.warnings ?? []])).toEqual(
      [0, 1, 2, 3].map((i) => [i, true, [], []])
    )
  })

  it.each(['mirror', 'mirror-after-rerun'])(
    'bug-429/%s: small/a is incomplete, naming the missing layer',
    async (tree) => {
      const results = await verifyFileEntries(mapping(4), `${SAMPLES}bug-429/${tree}`, {
        digest,
        side: 'destination'
      })
      expect(results.map((r) => r.complete)).toEqual([false, true, true, true])
      expect(results[0].problems).toHaveLength(1)
      const p = results[0].problems[0]
      expect(p).toMatchObject({ kind: 'missing-blob', digest: LAYER_429 })
      expect(p.message).toContain(`layer[1] ${LAYER_429} (3245 bytes) of manifest ${MANIFEST_A}`)
      expect(p.path).toMatch(/bug-429\/mirror(-after-rerun)?\/v2\/small\/a\/blobs\/sha256:836d56d4/)
    }
  )

  it('bug-truncated-stream: the missing layer and its .download leftover', async () => {
    const results = await verifyFileEntries(mapping(5), `${SAMPLES}bug-truncated-stream/mirror`, {
      digest,
      side: 'destination'
    })
    expect(results.map((r) => r.complete)).toEqual([true, true, true, true, false])
    expect(results[4].problems.map((p) => [p.kind, p.digest])).toEqual([
      ['missing-blob', STREAM_LAYER],
      ['leftover-download', STREAM_LAYER]
    ])
    expect(results[4].problems[1].message).toContain('(10374 of 20749 bytes)')
    expect(results[4].problems[1].path).toMatch(/blobs\/sha256:b0c8dabe[0-9a-f]+\.download$/)
  })

  it('the same trees read as --from-dir sources', async () => {
    const sources = REPOS.slice(0, 4).map((r, i) =>
      entry(i, fileRef(r, 'v1'), registryRef('127.0.0.1:5000', r, 'v1'))
    )
    const results = await verifyFileEntries(sources, `${SAMPLES}bug-429/mirror`, {
      digest,
      side: 'source'
    })
    expect(results.map((r) => r.complete)).toEqual([false, true, true, true])
    expect(results[0].problems[0].digest).toBe(LAYER_429)
  })
})
