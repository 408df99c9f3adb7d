import {
  mkdir,
  mkdtemp,
  readFile,
  rm,
  symlink,
  truncate,
  unlink,
  writeFile
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { unsafeRepoPath, verifyFileEntries } from '../../src/verify/file-layout.js'
import type { VerifyResult } from '../../src/verify/types.js'
import { entry, fileRef, registryRef, sha256, writeImage, writeList } from './entries.js'

const SRC = '127.0.0.1:5000'
let tmp: string
let root: string

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mg-file-layout-'))
  root = join(tmp, 'mirror')
  await mkdir(root)
})
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true })
})

const dest = (id: number, repo: string, tag = 'v1') =>
  entry(id, registryRef(SRC, repo, tag), fileRef(repo, tag))

async function check(entries = [dest(0, 'ns/a')], digest = false): Promise<VerifyResult> {
  const results = await verifyFileEntries(entries, root, { digest, side: 'destination' })
  expect(results).toHaveLength(entries.length)
  return results[0]
}

const kinds = (r: VerifyResult) => r.problems.map((p) => p.kind)

describe('verifyFileEntries: existence', () => {
  it('confirms a complete image (docker v2s2 and OCI)', async () => {
    const a = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['one', 'two'] })
    const o = await writeImage(root, 'ns/o', { tag: 'v1', layers: ['three'], oci: true })
    const results = await verifyFileEntries([dest(0, 'ns/a'), dest(1, 'ns/o')], root, {
      digest: true,
      side: 'destination'
    })
    // The tag resolves to the manifest it links: what the engine's success line is checked against.
    expect(results).toEqual([
      { entryId: 0, complete: true, problems: [], resolved: [{ tag: 'v1', digest: a.manifest }] },
      { entryId: 1, complete: true, problems: [], resolved: [{ tag: 'v1', digest: o.manifest }] }
    ])
  })

  it("reports the bug's exact state: manifest and tag written, one layer absent", async () => {
    const img = await writeImage(root, 'ns/a', {
      tag: 'v1',
      layers: ['one', 'two'],
      skipBlobs: [1]
    })
    const r = await check()
    expect(r.complete).toBe(false)
    expect(r.problems).toHaveLength(1)
    const p = r.problems[0]
    expect(p.kind).toBe('missing-blob')
    expect(p.digest).toBe(img.layers[1])
    expect(p.path).toBe(join(root, 'v2/ns/a/blobs', img.layers[1]))
    expect(p.message).toContain(`layer[1] ${img.layers[1]}`)
    expect(p.message).toContain(`of manifest ${img.manifest}`)
    expect(p.message).toContain('does not exist')
  })

  it('reports a missing config blob', async () => {
    const img = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['one'], skipBlobs: [-1] })
    const r = await check()
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([['missing-blob', img.config]])
    expect(r.problems[0].message).toMatch(/^config /)
  })

  it('folds a registry-like first component away, like oc on disk', async () => {
    await writeImage(root, 'ns/a', { tag: 'v1', layers: ['one'] })
    const r = await check([
      entry(0, registryRef(SRC, 'ns/a', 'v1'), fileRef('mirror.local/ns/a', 'v1'))
    ])
    expect(r.complete).toBe(true)
  })

  it('reports a missing tag, a missing repository and a missing mirror directory', async () => {
    await writeImage(root, 'ns/a', { tag: 'v1', layers: ['one'] })
    const results = await verifyFileEntries([dest(0, 'ns/a', 'v2'), dest(1, 'ns/none')], root, {
      digest: false,
      side: 'destination'
    })
    expect(results.map(kinds)).toEqual([['missing-tag'], ['missing-manifest']])
    expect(results[0].problems[0].message).toContain('tag v2 was never written')
    const gone = await verifyFileEntries([dest(0, 'ns/a')], join(tmp, 'nope'), {
      digest: false,
      side: 'destination'
    })
    expect(gone.map(kinds)).toEqual([['missing-manifest']])
  })

  it('reports a dangling tag symlink', async () => {
    const img = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['one'] })
    await unlink(join(root, 'v2/ns/a/manifests', img.manifest))
    const r = await check()
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([['dangling-tag', img.manifest]])
    expect(r.problems[0].message).toContain(
      `tag v1 points to manifest ${img.manifest}, which is missing`
    )
  })

  it('reports a tag that is a symlink to something that is not a manifest digest', async () => {
    await mkdir(join(root, 'v2/ns/a/manifests'), { recursive: true })
    await writeFile(join(root, 'v2/ns/a/manifests/other'), '{}')
    await symlink('other', join(root, 'v2/ns/a/manifests/v1'))
    expect(kinds(await check())).toEqual(['dangling-tag'])
  })

  it('reports a symlink loop as a dangling tag and a directory as a bad manifest', async () => {
    await mkdir(join(root, 'v2/ns/a/manifests'), { recursive: true })
    await symlink('v1', join(root, 'v2/ns/a/manifests/v1'))
    expect(kinds(await check())).toEqual(['dangling-tag'])
    const digest = sha256('dir')
    await mkdir(join(root, 'v2/ns/b/manifests', digest), { recursive: true })
    await symlink(digest, join(root, 'v2/ns/b/manifests/v1'))
    expect(kinds(await check([dest(0, 'ns/b')]))).toEqual(['bad-manifest'])
  })

  it('reports a manifest that is not a manifest', async () => {
    const digest = sha256('not json')
    await mkdir(join(root, 'v2/ns/a/manifests'), { recursive: true })
    await writeFile(join(root, 'v2/ns/a/manifests', digest), 'not json')
    await symlink(digest, join(root, 'v2/ns/a/manifests/v1'))
    const r = await check()
    expect(kinds(r)).toEqual(['bad-manifest'])
    expect(r.problems[0].message).toContain('not valid JSON')
  })

  it('checks a digest-only destination through the source digest', async () => {
    const img = await writeImage(root, 'ns/a', { layers: ['one', 'two'], skipBlobs: [0] })
    const e = entry(
      0,
      registryRef(SRC, 'ns/a', undefined, img.manifest),
      fileRef('ns/a'),
      undefined
    )
    const r = await check([e])
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([['missing-blob', img.layers[0]]])
    await unlink(join(root, 'v2/ns/a/manifests', img.manifest))
    expect(kinds(await check([e]))).toEqual(['missing-manifest'])
  })

  it('reads the Windows sha256-<hex> names', async () => {
    const img = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['one'] })
    const dir = join(root, 'v2/ns/a')
    for (const d of [img.layers[0], img.config]) {
      await writeFile(
        join(dir, 'blobs', d.replace(':', '-')),
        await readFile(join(dir, 'blobs', d))
      )
      await unlink(join(dir, 'blobs', d))
    }
    expect(await check(undefined, true)).toMatchObject({ complete: true, problems: [] })
  })
})

describe('verifyFileEntries: digest mode', () => {
  it('a truncated blob passes the existence check and fails the digest check', async () => {
    const img = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['0123456789abcdef'] })
    await truncate(join(root, 'v2/ns/a/blobs', img.layers[0]), 7)
    expect((await check(undefined, false)).complete).toBe(true)
    const r = await check(undefined, true)
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([['size-mismatch', img.layers[0]]])
    expect(r.problems[0].message).toContain('has 7 bytes on disk')
  })

  it('a blob with the right size but wrong bytes fails the digest check', async () => {
    const img = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['aaaa'] })
    await writeFile(join(root, 'v2/ns/a/blobs', img.layers[0]), 'bbbb')
    const r = await check(undefined, true)
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([['digest-mismatch', img.layers[0]]])
    expect(r.problems[0].message).toContain(sha256('bbbb'))
  })

  it('a manifest file whose bytes do not match its name fails the digest check', async () => {
    const img = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['aaaa'] })
    const path = join(root, 'v2/ns/a/manifests', img.manifest)
    await writeFile(
      path,
      img.manifestBytes.toString().replace('"schemaVersion":2', '"schemaVersion": 2')
    )
    expect((await check(undefined, false)).complete).toBe(true)
    expect(kinds(await check(undefined, true))).toEqual(['digest-mismatch'])
  })
})

describe('verifyFileEntries: leftovers', () => {
  it('reports the .download leftover of a missing layer as a problem', async () => {
    const img = await writeImage(root, 'ns/a', {
      tag: 'v1',
      layers: ['one', 'two'],
      skipBlobs: [1]
    })
    const partial = join(root, 'v2/ns/a/blobs', `${img.layers[1]}.download`)
    await writeFile(partial, 't')
    const r = await check()
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([
      ['missing-blob', img.layers[1]],
      ['leftover-download', img.layers[1]]
    ])
    expect(r.problems[1].path).toBe(partial)
    expect(r.problems[1].message).toContain('(1 of 3 bytes) left by a failed write')
  })

  it('a leftover of a blob the line does not reference is only a warning', async () => {
    await writeImage(root, 'ns/a', { tag: 'v1', layers: ['one'] })
    await writeFile(join(root, 'v2/ns/a/blobs', `${sha256('other')}.download`), 'x')
    const r = await check()
    expect(r.complete).toBe(true)
    expect(r.warnings?.map((w) => [w.kind, w.digest])).toEqual([
      ['leftover-download', sha256('other')]
    ])
  })
})

describe('verifyFileEntries: manifest lists', () => {
  it('checks every child of a kept list and reports an absent one', async () => {
    const amd = await writeImage(root, 'ns/m', { layers: ['amd'] })
    const arm = await writeImage(root, 'ns/m', { layers: ['arm'], skipBlobs: [0] })
    const missing = sha256('ppc manifest')
    const list = await writeList(root, 'ns/m', 'v1', [
      { digest: amd.manifest, size: amd.manifestBytes.length, arch: 'amd64' },
      { digest: arm.manifest, size: arm.manifestBytes.length, arch: 'arm64' },
      { digest: missing, size: 12, arch: 'ppc64le' }
    ])
    const r = await check([dest(0, 'ns/m')], true)
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([
      ['missing-blob', arm.layers[0]],
      ['missing-child', missing]
    ])
    expect(r.problems[1].message).toContain(`(linux/ppc64le) of manifest list ${list}`)
  })

  it('checks the single manifest a filtered list left behind', async () => {
    const amd = await writeImage(root, 'ns/m', { tag: 'v1', layers: ['amd'] })
    expect((await check([dest(0, 'ns/m')])).complete).toBe(true)
    await unlink(join(root, 'v2/ns/m/blobs', amd.layers[0]))
    expect(kinds(await check([dest(0, 'ns/m')]))).toEqual(['missing-blob'])
  })
})

describe('verifyFileEntries: sources (--from-dir)', () => {
  const src = (id: number, repo: string, tag?: string, digest?: string) =>
    entry(id, fileRef(repo, tag, digest), registryRef(SRC, repo, tag ?? 'v1'), tag ?? 'v1')

  it('checks file:// sources by tag, by digest and (tag-less) every tag', async () => {
    const a = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['one'] })
    const b = await writeImage(root, 'ns/b', { layers: ['two'], skipBlobs: [0] })
    await writeImage(root, 'ns/c', { tag: 'v1', layers: ['three'] })
    await writeImage(root, 'ns/c', { tag: 'v2', layers: ['four'], skipBlobs: [0] })
    const results = await verifyFileEntries(
      [
        src(0, 'ns/a', 'v1'),
        src(1, 'ns/b', undefined, b.manifest),
        src(2, 'ns/c'),
        dest(3, 'ns/x')
      ],
      root,
      { digest: false, side: 'source' }
    )
    // Entry 3 has a registry source: not this side's business.
    expect(results.map((r) => [r.entryId, r.complete])).toEqual([
      [0, true],
      [1, false],
      [2, false]
    ])
    expect(results[2].problems[0].message).toContain('tag v2')
    expect(a.manifest).toMatch(/^sha256:/)
  })

  it('a tag flattened to a regular file is fine on disk but unreadable by oc as a source', async () => {
    const img = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['one'], linkTag: false })
    await writeFile(join(root, 'v2/ns/a/manifests/v1'), img.manifest)
    expect((await check()).complete).toBe(true)
    const [r] = await verifyFileEntries([src(0, 'ns/a', 'v1')], root, {
      digest: false,
      side: 'source'
    })
    expect(kinds(r)).toEqual(['dangling-tag'])
    expect(r.problems[0].message).toContain('not a symlink')
  })
})

describe('verifyFileEntries: paths never escape the mirror directory', () => {
  it('rejects traversal and absolute paths built from mapping text', async () => {
    // A manifest outside the root that a traversal would find.
    await writeImage(join(tmp, 'outside'), 'etc', { tag: 'v1', layers: ['secret'] })
    const bad = [
      entry(0, registryRef(SRC, 'x', 'v1'), { ...fileRef('../../outside/v2/etc', 'v1') }),
      entry(1, registryRef(SRC, 'x', 'v1'), { ...fileRef('/etc', 'v1'), diskPath: '/etc' }),
      entry(
        2,
        registryRef(SRC, 'x', 'v1'),
        fileRef('ns/a', '../../../outside'),
        '../../../outside'
      ),
      entry(3, registryRef(SRC, 'x', 'v1'), fileRef('ns/./a', 'v1')),
      entry(4, registryRef(SRC, 'x', undefined, 'sha256:../../x'), fileRef('ns/a'), undefined)
    ]
    const results = await verifyFileEntries(bad, root, { digest: false, side: 'destination' })
    expect(results.map(kinds)).toEqual([
      ['unsafe-path'],
      ['unsafe-path'],
      ['unsafe-path'],
      ['unsafe-path'],
      ['unsafe-path']
    ])
  })

  it('does not follow a tag symlink that points outside the repository', async () => {
    const outside = await writeImage(join(tmp, 'outside'), 'ns/a', { tag: 'v1', layers: ['x'] })
    await mkdir(join(root, 'v2/ns/a/manifests'), { recursive: true })
    const abs = join(tmp, 'outside/v2/ns/a/manifests', outside.manifest)
    await symlink(abs, join(root, 'v2/ns/a/manifests/v1'))
    await symlink(
      `../../../../../outside/v2/ns/a/manifests/${outside.manifest}`,
      join(root, 'v2/ns/a/manifests/v2')
    )
    const results = await verifyFileEntries([dest(0, 'ns/a', 'v1'), dest(1, 'ns/a', 'v2')], root, {
      digest: false,
      side: 'destination'
    })
    expect(results.map(kinds)).toEqual([['unsafe-path'], ['unsafe-path']])
  })

  it('does not follow a tag that reaches outside through a chain of links', async () => {
    const outside = await writeImage(join(tmp, 'outside'), 'ns/a', { tag: 'v1', layers: ['x'] })
    await mkdir(join(root, 'v2/ns/a/manifests'), { recursive: true })
    const hop = join(root, 'v2/ns/a/manifests', outside.manifest)
    await symlink(join(tmp, 'outside/v2/ns/a/manifests', outside.manifest), hop)
    await symlink(outside.manifest, join(root, 'v2/ns/a/manifests/v1'))
    expect(kinds(await check())).toEqual(['unsafe-path'])
  })

  it('does not follow repository, manifests or blob symlinks that leave the tree', async () => {
    const outside = await writeImage(join(tmp, 'outside'), 'ns/a', { tag: 'v1', layers: ['x'] })
    await mkdir(join(root, 'v2/ns'), { recursive: true })
    await symlink(join(tmp, 'outside/v2/ns/a'), join(root, 'v2/ns/a'))
    expect(kinds(await check())).toEqual(['unsafe-path'])

    await mkdir(join(root, 'v2/ns/b'), { recursive: true })
    await symlink(join(tmp, 'outside/v2/ns/a/manifests'), join(root, 'v2/ns/b/manifests'))
    expect(kinds(await check([dest(0, 'ns/b')]))).toEqual(['unsafe-path'])

    const img = await writeImage(root, 'ns/c', { tag: 'v1', layers: ['x'], skipBlobs: [0] })
    expect(img.layers[0]).toBe(outside.layers[0])
    await symlink(
      join(tmp, 'outside/v2/ns/a/blobs', outside.layers[0]),
      join(root, 'v2/ns/c/blobs', img.layers[0])
    )
    const r = await check([dest(0, 'ns/c')], true)
    expect(r.problems.map((p) => [p.kind, p.digest])).toEqual([['unsafe-path', img.layers[0]]])
  })

  it('follows a blob symlink that stays inside the tree', async () => {
    const a = await writeImage(root, 'ns/a', { tag: 'v1', layers: ['shared'] })
    const b = await writeImage(root, 'ns/b', { tag: 'v1', layers: ['shared'], skipBlobs: [0] })
    await symlink(`../../a/blobs/${a.layers[0]}`, join(root, 'v2/ns/b/blobs', b.layers[0]))
    expect(await check([dest(0, 'ns/b')], true)).toMatchObject({ complete: true })
  })

  it('explains why a repository path is unsafe', () => {
    expect(unsafeRepoPath('ns/a')).toBeUndefined()
    expect(unsafeRepoPath('../a')).toContain('".."')
    expect(unsafeRepoPath('/a')).toContain('absolute')
    expect(unsafeRepoPath('C:/a')).toContain('absolute')
    expect(unsafeRepoPath('a//b')).toContain('//')
    expect(unsafeRepoPath('a\\..\\b')).toContain('backslash')
    expect(unsafeRepoPath('')).toContain('empty')
  })
})
