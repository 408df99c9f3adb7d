// A stop while file:// verification hashes a big blob: the read ends at its next chunk, the
// check returns at once, and the line is not confirmed (`cancelled`, never complete).
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashFile, ReadStopped } from '../../src/verify/digest.js'
import { verifyEntries } from '../../src/verify/index.js'
import { entry, fileRef, registryRef, sha256 } from './entries.js'

// Sparse: no disk space, but hashing it reads (zero) bytes for a minute or more.
const BIG = 64 * 1024 ** 3
const ABORT_AFTER_MS = 400
let tmp: string
let root: string

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mg-file-cancel-'))
  root = join(tmp, 'mirror')
})
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true })
})

/** `ns/big:v1` in oc's tree: a manifest whose one layer is a 64 GiB (sparse) file. */
async function bigImage(): Promise<string> {
  const dir = join(root, 'v2', 'ns', 'big')
  await mkdir(join(dir, 'blobs'), { recursive: true })
  await mkdir(join(dir, 'manifests'), { recursive: true })
  const config = Buffer.from('{"architecture":"amd64","os":"linux"}')
  // The digest the manifest claims; the file's content never gets to be compared with it.
  const layer = sha256(Buffer.from('the big layer'))
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      config: {
        mediaType: 'application/vnd.docker.container.image.v1+json',
        size: config.length,
        digest: sha256(config)
      },
      layers: [
        { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: BIG, digest: layer }
      ]
    })
  )
  const digest = sha256(manifest)
  await writeFile(join(dir, 'blobs', sha256(config)), config)
  await writeFile(join(dir, 'blobs', layer), '')
  await truncate(join(dir, 'blobs', layer), BIG)
  await writeFile(join(dir, 'blobs', digest), manifest)
  await writeFile(join(dir, 'manifests', digest), manifest)
  await symlink(digest, join(dir, 'manifests', 'v1'))
  return join(dir, 'blobs', layer)
}

describe('file:// verification under a stop', () => {
  it('a big blob being hashed when the signal fires: returns at once, the line is not confirmed', async () => {
    await bigImage()
    const ctl = new AbortController()
    const line = entry(0, registryRef('127.0.0.1:5000', 'ns/big', 'v1'), fileRef('ns/big', 'v1'))
    const timer = setTimeout(
      () => ctl.abort(new Error('verification exceeded attempt-timeout (1s)')),
      ABORT_AFTER_MS
    )
    const started = Date.now()
    // The path the job and `mirror-guard verify` take: the stop comes as network.signal.
    const results = await verifyEntries([line], {
      dir: root,
      digest: true,
      insecure: true,
      registries: false,
      network: { signal: ctl.signal }
    })
    clearTimeout(timer)
    const afterStop = Date.now() - started - ABORT_AFTER_MS
    expect(ctl.signal.aborted).toBe(true)
    // Hashing 64 GiB takes a minute or more here; the stop must not wait for it.
    expect(afterStop).toBeLessThan(5_000)
    expect(results).toEqual([
      {
        entryId: 0,
        complete: false,
        problems: [
          {
            kind: 'cancelled',
            message:
              'file://ns/big:v1: verification stopped (verification exceeded attempt-timeout (1s))'
          }
        ]
      }
    ])
  }, 30_000)

  it('entries still queued when the stop came are not looked at, and none is complete', async () => {
    await bigImage()
    const ctl = new AbortController()
    ctl.abort(new Error('cancelled'))
    const lines = [0, 1, 2].map((id) =>
      entry(id, registryRef('127.0.0.1:5000', 'ns/big', 'v1'), fileRef('ns/big', `v${id}`))
    )
    const results = await verifyEntries(lines, {
      dir: root,
      digest: false,
      insecure: true,
      registries: false,
      network: { signal: ctl.signal }
    })
    expect(results.map((r) => [r.complete, r.problems.map((p) => p.kind)])).toEqual([
      [false, ['cancelled']],
      [false, ['cancelled']],
      [false, ['cancelled']]
    ])
  })

  it('hashFile: a stop mid-read rejects with ReadStopped; without one the digest is right', async () => {
    const path = await bigImage()
    const ctl = new AbortController()
    setTimeout(() => ctl.abort(new Error('SIGTERM')), 200)
    const started = Date.now()
    await expect(hashFile(path, 'sha256:x', ctl.signal)).rejects.toThrow(ReadStopped)
    expect(Date.now() - started).toBeLessThan(5_000)
    const small = join(tmp, 'small')
    await writeFile(small, 'abc')
    await expect(hashFile(small, 'sha256:x', new AbortController().signal)).resolves.toBe(
      sha256(Buffer.from('abc'))
    )
  }, 30_000)
})
