// Removing stale files from oc's file:// tree: exactly what the plan names, on a real tree oc
// wrote (test/fixtures/oc-dir-samples), and never anything outside the tree (symlinks, `..`).
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { planRepairs } from '../../src/core/repair-plan.js'
import { removeFromTree, unsafeTreePath } from '../../src/run/tree-repair.js'
import { verifyFileEntries } from '../../src/verify/file-layout.js'
import { entry, fileRef, registryRef } from '../verify/entries.js'

const SAMPLES = fileURLToPath(new URL('../fixtures/oc-dir-samples/', import.meta.url))
const LAYER_429 = 'sha256:836d56d412b69d952cc6b60930c21699d08dc9ad9eeebfb5414a218f5bf3e35d'
const MANIFEST_A = 'sha256:a47fae49c72b35706edfc3b5a84f5fff14bda565589ba4ec13db76c54930cbc4'

const tmp = mkdtempSync(join(tmpdir(), 'mg-tree-repair-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))
let n = 0
const fresh = (): string => {
  const dir = join(tmp, `t${++n}`)
  mkdirSync(dir)
  return dir
}

const mapping = ['small/a', 'small/b', 'small/multi'].map((r, i) =>
  entry(i, registryRef('127.0.0.1:5002', r, 'v1'), fileRef(r, 'v1'))
)
const v413 = { major: 4, minor: 13, patch: 0, raw: 'v4.13.0' }

describe('repairing the tree oc 4.12 left after a blob 429 (bug-429)', () => {
  it('removes only the tag link and the stale manifest; every blob stays', async () => {
    const root = join(fresh(), 'mirror')
    cpSync(join(SAMPLES, 'bug-429', 'mirror'), root, { recursive: true, verbatimSymlinks: true })
    const results = await verifyFileEntries(mapping, root, { digest: true, side: 'destination' })
    expect(results.map((r) => r.complete)).toEqual([false, true, true])
    const tree = results[0].tree!
    expect(tree).toEqual({
      repoPath: 'v2/small/a',
      tags: [{ name: 'v1', digest: MANIFEST_A }],
      manifests: [
        {
          digest: MANIFEST_A,
          file: MANIFEST_A,
          kind: 'image',
          missingBlobs: [LAYER_429],
          corruptBlobs: [],
          missingChildren: [],
          corrupt: false
        }
      ]
    })
    expect(results[2].tree).toBeUndefined()

    const [repair] = planRepairs({
      entries: [mapping[0]],
      verdicts: [
        {
          entryId: 0,
          status: 'failed',
          classes: ['rate-limit', 'incomplete'],
          reasons: [],
          evidence: [],
          retryable: true
        }
      ],
      trees: new Map([[0, tree]]),
      mode: 'auto',
      tool: { engine: 'oc', ocVersion: v413 }
    })
    expect(repair?.method).toBe('remove-stale')
    const blobsBefore = readdirSync(join(root, 'v2/small/a/blobs'))
    const done = await removeFromTree(root, repair.remove)
    expect(done).toEqual({
      removed: ['v2/small/a/manifests/v1', `v2/small/a/manifests/${MANIFEST_A}`],
      absent: [],
      refused: []
    })
    expect(readdirSync(join(root, 'v2/small/a/blobs'))).toEqual(blobsBefore)
    // oc ≤ 4.13 now finds no manifest, so it plans the layers again; the line reads as not written.
    const after = await verifyFileEntries([mapping[0]], root, {
      digest: true,
      side: 'destination'
    })
    expect(after[0].problems.map((p) => p.kind)).toEqual(['missing-tag'])
    // The other lines are untouched.
    const others = await verifyFileEntries(mapping.slice(1), root, {
      digest: true,
      side: 'destination'
    })
    expect(others.map((r) => r.complete)).toEqual([true, true])
    // Removing again: already gone, nothing refused.
    expect((await removeFromTree(root, repair.remove)).absent).toHaveLength(2)
  })
})

describe('a manifest list with a child missing a layer', () => {
  it('removes the tag link, the list and that child only', async () => {
    const root = join(fresh(), 'mirror')
    cpSync(join(SAMPLES, 'clean', 'mirror'), root, { recursive: true, verbatimSymlinks: true })
    const repo = join(root, 'v2', 'small', 'multi')
    const json = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T
    const list = json<{ manifests: { digest: string }[] }>(join(repo, 'manifests', 'v1'))
    const child = list.manifests[1].digest
    const layers = json<{ layers: { digest: string }[] }>(join(repo, 'manifests', child)).layers
    rmSync(join(repo, 'blobs', layers[0].digest))
    const [r] = await verifyFileEntries([mapping[2]], root, { digest: false, side: 'destination' })
    expect(r.complete).toBe(false)
    expect(r.tree?.manifests.map((m) => [m.kind, m.parent !== undefined, m.missingBlobs])).toEqual([
      ['list', false, []],
      ['image', true, []],
      ['image', true, [layers[0].digest]]
    ])
    const [repair] = planRepairs({
      entries: [mapping[2]],
      verdicts: [],
      trees: new Map([[2, r.tree!]]),
      mode: 'auto',
      tool: { engine: 'oc', ocVersion: v413 }
    })
    const listDigest = r.tree!.manifests[0].digest
    expect(repair.remove).toEqual([
      'v2/small/multi/manifests/v1',
      `v2/small/multi/manifests/${listDigest}`,
      `v2/small/multi/manifests/${child}`
    ])
    expect((await removeFromTree(root, repair.remove)).removed).toEqual(repair.remove)
    // The healthy child and every blob stay.
    expect(readdirSync(join(repo, 'manifests'))).toEqual([list.manifests[0].digest])
  })
})

describe('removeFromTree never leaves the tree', () => {
  it('refuses `..`, absolute, backslash and non-manifest paths before touching anything', async () => {
    const base = fresh()
    const root = join(base, 'mirror')
    mkdirSync(join(root, 'v2', 'ns', 'a', 'manifests'), { recursive: true })
    writeFileSync(join(base, 'victim'), 'keep')
    const bad = [
      '../victim',
      'v2/../../victim',
      'v2/ns/a/manifests/../../../../victim',
      `${base}/victim`,
      'v2\\ns\\a\\manifests\\v1',
      'v2/ns/a/other/v1',
      'v2/./ns/manifests/v1',
      'v2//manifests/v1',
      'v1'
    ]
    for (const p of bad) expect(unsafeTreePath(p), p).toBeDefined()
    const done = await removeFromTree(root, bad)
    expect(done.removed).toEqual([])
    expect(done.refused.map((r) => r.path)).toEqual(bad)
    expect(readFileSync(join(base, 'victim'), 'utf8')).toBe('keep')
  })

  it('refuses a directory whose symlink leads outside the root', async () => {
    const base = fresh()
    const root = join(base, 'mirror')
    const outside = join(base, 'outside', 'manifests')
    mkdirSync(outside, { recursive: true })
    writeFileSync(join(outside, 'v1'), 'keep')
    mkdirSync(join(root, 'v2', 'ns', 'a'), { recursive: true })
    symlinkSync(join(base, 'outside', 'manifests'), join(root, 'v2', 'ns', 'a', 'manifests'))
    // …and a repository directory that is itself a relative symlink out of the tree.
    symlinkSync('../../../outside', join(root, 'v2', 'ns', 'b'))
    const done = await removeFromTree(root, ['v2/ns/a/manifests/v1', 'v2/ns/b/manifests/v1'])
    expect(done.removed).toEqual([])
    expect(done.refused.map((r) => r.why)).toEqual([
      expect.stringContaining('outside'),
      expect.stringContaining('outside')
    ])
    expect(readFileSync(join(outside, 'v1'), 'utf8')).toBe('keep')
  })

  it('removes a tag link that points outside without touching its target', async () => {
    const base = fresh()
    const root = join(base, 'mirror')
    mkdirSync(join(root, 'v2', 'ns', 'a', 'manifests'), { recursive: true })
    writeFileSync(join(base, 'target'), 'keep')
    symlinkSync('../../../../../target', join(root, 'v2', 'ns', 'a', 'manifests', 'v1'))
    const done = await removeFromTree(root, ['v2/ns/a/manifests/v1'])
    expect(done.removed).toEqual(['v2/ns/a/manifests/v1'])
    expect(existsSync(join(root, 'v2', 'ns', 'a', 'manifests', 'v1'))).toBe(false)
    expect(readFileSync(join(base, 'target'), 'utf8')).toBe('keep')
  })

  it('follows a symlink that stays inside the root; never removes a directory', async () => {
    const base = fresh()
    const root = join(base, 'mirror')
    mkdirSync(join(root, 'v2', 'real', 'manifests', 'sha256:dir'), { recursive: true })
    writeFileSync(join(root, 'v2', 'real', 'manifests', 'v1'), 'x')
    symlinkSync('real', join(root, 'v2', 'alias'))
    const done = await removeFromTree(root, [
      'v2/alias/manifests/v1',
      'v2/alias/manifests/sha256:dir'
    ])
    expect(done.removed).toEqual(['v2/alias/manifests/v1'])
    expect(done.refused).toEqual([
      { path: 'v2/alias/manifests/sha256:dir', why: 'it is a directory' }
    ])
    expect(lstatSync(join(root, 'v2', 'real', 'manifests', 'sha256:dir')).isDirectory()).toBe(true)
  })

  it('a missing root refuses everything, a missing directory is "absent"', async () => {
    const base = fresh()
    expect((await removeFromTree(join(base, 'nope'), ['v2/a/manifests/v1'])).refused).toHaveLength(
      1
    )
    mkdirSync(join(base, 'mirror'))
    expect(await removeFromTree(join(base, 'mirror'), ['v2/a/manifests/v1'])).toEqual({
      removed: [],
      absent: ['v2/a/manifests/v1'],
      refused: []
    })
  })
})
