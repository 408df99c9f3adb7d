import { describe, expect, it } from 'vitest'
import {
  attemptNeedsForce,
  planRepairs,
  type FileManifestState,
  type FileTreeState,
  type RepairInput
} from '../../src/core/repair-plan.js'
import type { ImageRef, LineVerdict, MappingEntry, RefKind } from '../../src/core/types.js'

const D = (c: string): string => `sha256:${c.repeat(64)}`
const ref = (raw: string, kind: RefKind): ImageRef => ({
  raw,
  kind,
  registry: '',
  repository: raw,
  tag: 'v1',
  printed: raw,
  diskPath: kind === 'file' ? 'ns/a' : ''
})
const entry = (id: number, kind: RefKind): MappingEntry => ({
  id,
  file: 'mapping.txt',
  line: id + 1,
  text: 'x',
  source: ref(`quay.io/ns/i${id}`, 'registry'),
  destination: ref(kind === 'file' ? 'file://ns/a:v1' : `${kind}://b/ns/a:v1`, kind),
  destinationTag: 'v1'
})
const failed = (entryId: number, ...classes: LineVerdict['classes']): LineVerdict => ({
  entryId,
  status: 'failed',
  classes,
  reasons: [],
  evidence: [],
  retryable: true
})
const manifest = (digest: string, more: Partial<FileManifestState> = {}): FileManifestState => ({
  digest,
  file: digest,
  kind: 'image',
  missingBlobs: [],
  corruptBlobs: [],
  missingChildren: [],
  corrupt: false,
  ...more
})
const v = (minor: number) => ({ major: 4, minor, patch: 0, raw: `4.${minor}.0` })

function plan(tree: FileTreeState | undefined, more: Partial<RepairInput> = {}) {
  return planRepairs({
    entries: [entry(0, 'file')],
    verdicts: [failed(0, 'rate-limit', 'incomplete')],
    trees: new Map(tree ? [[0, tree]] : []),
    mode: 'auto',
    tool: { engine: 'oc', ocVersion: v(13) },
    ...more
  })[0]
}

describe('planRepairs: file:// with oc ≤ 4.13', () => {
  it('removes the tag link and the manifest that references the missing blob', () => {
    const r = plan({
      repoPath: 'v2/ns/a',
      tags: [{ name: 'v1', digest: D('a') }],
      manifests: [manifest(D('a'), { missingBlobs: [D('b')] })]
    })
    expect(r.method).toBe('remove-stale')
    expect(r.remove).toEqual(['v2/ns/a/manifests/v1', `v2/ns/a/manifests/${D('a')}`])
    expect(r.why).toContain('oc 4.13 plans no layers')
  })

  it('for a list: the affected child and the list, not the healthy child', () => {
    const r = plan({
      repoPath: 'v2/ns/a',
      tags: [{ name: 'v1', digest: D('1') }],
      manifests: [
        manifest(D('1'), { kind: 'list' }),
        manifest(D('2'), { parent: D('1') }),
        manifest(D('3'), { parent: D('1'), missingBlobs: [D('f')] })
      ]
    })
    expect(r.remove).toEqual([
      'v2/ns/a/manifests/v1',
      `v2/ns/a/manifests/${D('1')}`,
      `v2/ns/a/manifests/${D('3')}`
    ])
  })

  it('a list missing a child goes; Windows file names are kept as found', () => {
    const name = D('1').replace(':', '-')
    const r = plan({
      repoPath: 'v2/ns/a',
      tags: [{ name: 'v1', digest: D('1') }],
      manifests: [manifest(D('1'), { kind: 'list', file: name, missingChildren: [D('2')] })]
    })
    expect(r.remove).toEqual(['v2/ns/a/manifests/v1', `v2/ns/a/manifests/${name}`])
  })

  it('a corrupt blob is removed with its manifest (oc checks blobs by name only)', () => {
    const r = plan({
      repoPath: 'v2/ns/a',
      tags: [{ name: 'v1', digest: D('a') }],
      manifests: [manifest(D('a'), { corruptBlobs: [{ digest: D('c'), file: D('c') }] })]
    })
    expect(r.remove).toEqual([
      'v2/ns/a/manifests/v1',
      `v2/ns/a/manifests/${D('a')}`,
      `v2/ns/a/blobs/${D('c')}`
    ])
    expect(r.why).toContain('1 corrupt blob')
  })

  it('nothing stale (nothing written, or all blobs there): a plain rerun', () => {
    expect(plan({ repoPath: 'v2/ns/a', tags: [{ name: 'v1' }], manifests: [] }).method).toBe(
      'plain'
    )
    const ok = plan({
      repoPath: 'v2/ns/a',
      tags: [{ name: 'v1', digest: D('a') }],
      manifests: [manifest(D('a'))]
    })
    expect(ok).toMatchObject({ method: 'plain', remove: [] })
  })

  it('--force only where removal cannot work: not inspected, or unsafe to edit', () => {
    expect(plan(undefined)).toMatchObject({ method: 'force' })
    expect(plan(undefined).why).toContain('not inspected')
    const unsafe = plan({
      repoPath: 'v2/ns/a',
      tags: [],
      manifests: [manifest(D('a'), { missingBlobs: [D('b')] })],
      unrepairable: 'v2/ns/a resolves outside the mirror'
    })
    expect(unsafe.method).toBe('force')
    expect(unsafe.why).toContain('resolves outside')
  })

  it('an unknown oc version is handled like 4.13', () => {
    const r = plan(
      {
        repoPath: 'v2/ns/a',
        tags: [{ name: 'v1', digest: D('a') }],
        manifests: [manifest(D('a'), { missingBlobs: [D('b')] })]
      },
      { tool: { engine: 'oc' } }
    )
    expect(r.method).toBe('remove-stale')
    expect(r.why).toContain('unknown version')
  })
})

describe('planRepairs: oc ≥ 4.14 and other destinations', () => {
  const stale: FileTreeState = {
    repoPath: 'v2/ns/a',
    tags: [{ name: 'v1', digest: D('a') }],
    manifests: [manifest(D('a'), { missingBlobs: [D('b')] })]
  }
  it('4.14 reruns file:// as is: it replans every layer', () => {
    const r = plan(stale, { tool: { engine: 'oc', ocVersion: v(14) } })
    expect(r).toMatchObject({ method: 'plain', remove: [] })
    expect(r.why).toContain('oc 4.14 replans every layer')
    expect(plan(undefined, { tool: { engine: 'oc', ocVersion: v(16) } }).method).toBe('plain')
  })
  it('4.14 still removes a corrupt blob or manifest file', () => {
    const r = plan(
      {
        ...stale,
        manifests: [
          manifest(D('a'), { corrupt: true, corruptBlobs: [{ digest: D('c'), file: D('c') }] })
        ]
      },
      { tool: { engine: 'oc', ocVersion: v(14) } }
    )
    expect(r.remove).toEqual([
      'v2/ns/a/manifests/v1',
      `v2/ns/a/manifests/${D('a')}`,
      `v2/ns/a/blobs/${D('c')}`
    ])
  })
  it('s3:// needs --force before 4.14 only', () => {
    const s3 = { entries: [entry(0, 's3')] }
    expect(plan(undefined, s3)).toMatchObject({ method: 'force' })
    expect(plan(undefined, s3).why).toContain('s3:// cannot be inspected')
    expect(plan(undefined, { ...s3, tool: { engine: 'oc', ocVersion: v(14) } }).method).toBe(
      'plain'
    )
  })
  it('registry: plain, --force only when the registry kept a partial image', () => {
    const reg = { entries: [entry(0, 'registry')] }
    expect(plan(undefined, { ...reg, verdicts: [failed(0, 'rate-limit')] }).method).toBe('plain')
    expect(plan(undefined, { ...reg, verdicts: [failed(0, 'incomplete')] }).method).toBe('force')
  })
  it('force-on-retry true/false and skopeo', () => {
    expect(plan(stale, { mode: 'true' })).toMatchObject({ method: 'force' })
    expect(plan(stale, { mode: 'false' })).toMatchObject({ method: 'plain', remove: [] })
    expect(plan(stale, { tool: { engine: 'skopeo' } })).toMatchObject({ method: 'plain' })
  })
  it('the attempt passes --force when any line needs it', () => {
    const rs = planRepairs({
      entries: [entry(0, 'file'), entry(1, 's3')],
      verdicts: [failed(0, 'incomplete'), failed(1, 'server')],
      trees: new Map([[0, stale]]),
      mode: 'auto',
      tool: { engine: 'oc', ocVersion: v(13) }
    })
    expect(rs.map((r) => r.method)).toEqual(['remove-stale', 'force'])
    expect(attemptNeedsForce(rs)).toBe(true)
    expect(attemptNeedsForce(rs.slice(0, 1))).toBe(false)
  })
})
