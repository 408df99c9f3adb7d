import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImageRef } from '../../src/core/types.js'
import { verifyEntries } from '../../src/verify/index.js'
import { freePort } from '../support/registry.js'
import { entry, fileRef, registryRef, writeImage } from './entries.js'

let tmp: string
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mg-verify-entries-'))
})
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true })
})

const s3 = (repo: string): ImageRef => ({
  raw: `s3://s3.amazonaws.com/us-east-1/bucket/${repo}:v1`,
  kind: 's3',
  registry: 's3.amazonaws.com',
  repository: `us-east-1/bucket/${repo}`,
  tag: 'v1',
  printed: `s3://s3.amazonaws.com/us-east-1/bucket/${repo}`,
  diskPath: ''
})

describe('verifyEntries', () => {
  it('dispatches by destination kind and leaves s3:// (and unrequested registries) without a result', async () => {
    const dir = join(tmp, 'mirror')
    await writeImage(dir, 'ns/a', { tag: 'v1', layers: ['one'] })
    const entries = [
      entry(0, registryRef('q.io', 'ns/a', 'v1'), fileRef('ns/a', 'v1')),
      entry(1, registryRef('q.io', 'ns/b', 'v1'), fileRef('ns/b', 'v1')),
      entry(2, registryRef('q.io', 'ns/c', 'v1'), s3('ns/c')),
      entry(3, registryRef('q.io', 'ns/d', 'v1'), registryRef('127.0.0.1:1', 'ns/d', 'v1'))
    ]
    const results = await verifyEntries(entries, {
      dir,
      digest: false,
      insecure: true,
      registries: false
    })
    expect(results.map((r) => [r.entryId, r.complete])).toEqual([
      [0, true],
      [1, false]
    ])
    const port = await freePort()
    const withRegistry = await verifyEntries(
      [
        entries[2],
        entry(3, registryRef('q.io', 'ns/d', 'v1'), registryRef(`127.0.0.1:${port}`, 'ns/d', 'v1'))
      ],
      { dir, digest: false, insecure: true, registries: true }
    )
    expect(withRegistry.map((r) => [r.entryId, r.problems.map((p) => p.kind)])).toEqual([
      [3, ['unreachable']]
    ])
  })

  it('merges the source (--from-dir) and destination checks of one entry', async () => {
    const from = join(tmp, 'from')
    const to = join(tmp, 'to')
    const img = await writeImage(from, 'ns/a', {
      tag: 'v1',
      layers: ['one', 'two'],
      skipBlobs: [0]
    })
    await writeImage(to, 'copy/a', { tag: 'v1', layers: ['one', 'two'] })
    await writeImage(from, 'ns/ok', { tag: 'v1', layers: ['x'] })
    const entries = [
      entry(0, fileRef('ns/a', 'v1'), fileRef('copy/a', 'v1')),
      entry(1, fileRef('ns/ok', 'v1'), fileRef('copy/none', 'v1'))
    ]
    const results = await verifyEntries(entries, {
      dir: to,
      fromDir: from,
      digest: true,
      insecure: false,
      registries: false
    })
    expect(results.map((r) => [r.entryId, r.complete, r.problems.map((p) => p.kind)])).toEqual([
      [0, false, ['missing-blob']],
      [1, false, ['missing-manifest']]
    ])
    expect(results[0].problems[0].message).toMatch(/^source file:\/\/ns\/a:v1: layer\[0\] /)
    expect(results[0].problems[0].digest).toBe(img.layers[0])
    expect(results[1].problems[0].message).not.toMatch(/^source/)
  })
})
