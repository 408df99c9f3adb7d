// oc's file:// flows end to end with every real oc client found (4.13 and 4.14 in CI): mirror to
// a `file://` tree under a rate limit and verify the tree, then push that tree to a registry
// with `--from-dir` — once whole, once with a layer gone. skopeo has no file:// transport
// (the action refuses it), so these scenarios are oc's alone.
//
// What real oc does here (test/fixtures/oc-transcripts/4.13, 4.14: 429-json-blob-file): a blob
// GET is never retried; for a file:// destination both 4.13 and 4.14 still write the image's
// manifest and print its success line after the layer failed, so only the error line — and
// the action's verification of the tree — tell that the line is not mirrored. The same holds
// for a layer that arrives with a byte changed (corrupt-blob-file: `content integrity error`).
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import { verifyFileEntries } from '../../src/verify/file-layout.js'
import { annotations } from '../action/harness.js'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import {
  activeLines,
  blobPath,
  completeAtDestination,
  entriesOf,
  image,
  readReport
} from '../support/e2e-checks.js'
import { ocBinaries, sayWhyNoOc } from '../support/oc-binaries.js'

sayWhyNoOc('the file:// and --from-dir scenarios')
const OCS = ocBinaries()
const REPOS = ['tree/alpha', 'tree/beta', 'tree/gamma'] as const

let bed: Bed
let bundle: string
const workspaces: Workspace[] = []

beforeAll(async () => {
  if (OCS.length === 0) return
  bundle = await actionBundle()
  bed = await startBed({
    images: REPOS.map((repo, i) => ({
      repo,
      tag: 'v1',
      layers: [
        { seed: 77_000 + i * 2, size: 40_000 },
        { seed: 77_001 + i * 2, size: 5_000 }
      ]
    }))
  })
})

afterAll(async () => {
  await bed?.stop()
  for (const w of workspaces) w.cleanup()
})

if (OCS.length === 0) it.skip('file:// and --from-dir scenarios: no oc client here', () => {})

describe.each(OCS)('oc $version: file:// tree, verify, --from-dir push', (oc) => {
  const tag = oc.version.replace('.', '')
  const tree = `tree${tag}`
  let w: Workspace
  let mapping: string

  /** Every repository of the bed to `file://<tree>/…`. */
  const treeMapping = (name: string): string =>
    REPOS.map((r) => `${bed.sourceHost}/${r}:v1 file://${name}/${r}:v1`).join('\n') + '\n'

  /** The action on `text` with this oc, to `--dir mirror` in the workspace, three attempts. */
  async function mirrorToTree(ws: Workspace, text: string) {
    ws.write('mapping.txt', text)
    return runBundle(
      bundle,
      ws.env({
        mapping: 'mapping.txt',
        engine: 'oc',
        oc: oc.path,
        dir: 'mirror',
        insecure: 'true',
        'filter-by-os': '.*',
        'max-attempts': '3',
        'retry-delay': '0',
        upload: 'false'
      })
    )
  }

  it('mirror to file:// under a 429 on one layer: retried, verified complete on disk', async () => {
    w = new Workspace('mg-tree-')
    workspaces.push(w)
    const alpha = image(bed, 'tree/alpha')
    bed.proxy.setRules([
      {
        name: '429 alpha layer',
        method: 'GET',
        path: blobPath('tree/alpha', alpha.manifests[0].layerDigests[0]),
        // oc never retries a blob GET: one 429 fails the line for the whole attempt.
        first: 1,
        action: '429-json',
        retryAfter: 0
      }
    ])
    bed.proxy.resetStats()
    mapping = treeMapping(tree)
    const run = await mirrorToTree(w, mapping)
    expect(run.code, run.stdout).toBe(0)
    const report = readReport(w.outputs()['report'])
    expect(report.run.outcome).toBe('success')
    expect(bed.proxy.stats()[0]?.fired).toBe(1)
    // Attempt 1 failed alpha (its error line, although oc printed a success line for it);
    // the retry ran alpha alone.
    const attempts = report.run.attempts
    expect(attempts.length).toBeGreaterThanOrEqual(2)
    expect(attempts[0]?.entryIds).toEqual([0, 1, 2])
    for (const a of attempts.slice(1)) expect(a.entryIds).toEqual([0])
    expect(report.lines.map((l) => l.status)).toEqual(['mirrored', 'mirrored', 'mirrored'])
    const notices = annotations(run.stdout).filter((a) => a.level === 'notice')
    expect(notices.map((n) => [n.props['line'], n.props['title']])).toEqual([['1', 'recovered']])
    expect(notices[0]?.message).toMatch(/\(rate-limit[,)]/)
    // The tree itself, every blob re-hashed: complete for every line.
    const results = await verifyFileEntries(entriesOf(mapping), join(w.workspace, 'mirror'), {
      digest: true,
      side: 'destination'
    })
    expect(results.map((r) => [r.entryId, r.complete, r.problems])).toEqual([
      [0, true, []],
      [1, true, []],
      [2, true, []]
    ])
  })

  it('--from-dir push of that tree to a registry: every line complete at the destination', async () => {
    const pushed = REPOS.map(
      (r) => `file://${tree}/${r}:v1 ${bed.destination.host}/fromdir-${tag}/${r}:v1`
    ).join('\n')
    w.write('push.txt', pushed + '\n')
    const run = await runBundle(
      bundle,
      w.env({
        mapping: 'push.txt',
        engine: 'oc',
        oc: oc.path,
        'from-dir': 'mirror',
        insecure: 'true',
        'filter-by-os': '.*',
        'max-attempts': '2',
        'retry-delay': '0',
        upload: 'false'
      })
    )
    expect(run.code, run.stdout).toBe(0)
    const report = readReport(w.outputs()['report'])
    expect(report.run.attempts).toHaveLength(1)
    expect(report.lines.every((l) => l.status === 'mirrored')).toBe(true)
    expect([...(await completeAtDestination(entriesOf(pushed + '\n', 'push.txt')))].sort()).toEqual(
      [0, 1, 2]
    )
  })

  it('--from-dir push of a tree with a layer gone: that line fails as not-found, the others arrive', async () => {
    const beta = image(bed, 'tree/beta')
    const missing = beta.manifests[0].layerDigests[1]
    rmSync(join(w.workspace, 'mirror', 'v2', tree, 'tree', 'beta', 'blobs', missing))
    const pushed = REPOS.map(
      (r) => `file://${tree}/${r}:v1 ${bed.destination.host}/broken-${tag}/${r}:v1`
    ).join('\n')
    w.write('broken.txt', pushed + '\n')
    const run = await runBundle(
      bundle,
      w.env({
        mapping: 'broken.txt',
        engine: 'oc',
        oc: oc.path,
        'from-dir': 'mirror',
        insecure: 'true',
        'filter-by-os': '.*',
        'max-attempts': '2',
        'retry-delay': '0',
        upload: 'false'
      })
    )
    expect(run.code).toBe(1)
    const report = readReport(w.outputs()['report'])
    expect(report.lines.map((l) => [l.line, l.status])).toEqual([
      [1, 'mirrored'],
      [2, 'failed'],
      [3, 'mirrored']
    ])
    // oc: `unable to push file://…/beta: failed to retrieve blob …: open …: no such file or
    // directory`, then the registry refuses beta's manifest: the cause leads, the consequence
    // stays as evidence; nothing to retry.
    expect(report.run.attempts).toHaveLength(1)
    expect(report.lines[1]).toMatchObject({
      classes: ['not-found', 'dependency'],
      retryable: false
    })
    const errors = annotations(run.stdout).filter((a) => a.level === 'error')
    expect(errors.map((e) => [e.props['line'], e.props['title']])).toEqual([['2', 'not-found']])
    expect(activeLines(readFileSyncSafe(w.outputs()['retry-mapping']))).toEqual([
      activeLines(pushed)[1]
    ])
    const set = parseMappingText(pushed + '\n', 'broken.txt')
    expect([...(await completeAtDestination(set.entries))].sort()).toEqual([0, 2])
  })

  it('a layer served corrupt to file://: integrity, not mirrored though oc printed it, retried, complete on disk', async () => {
    const cw = new Workspace('mg-tree-corrupt-')
    workspaces.push(cw)
    const beta = image(bed, 'tree/beta')
    // One byte of beta's big layer inverted on its first GET (transcripts corrupt-blob-file):
    // both oc versions report the digest mismatch yet write beta's manifest and print it.
    bed.proxy.setRules([
      {
        name: 'corrupt beta layer',
        method: 'GET',
        path: blobPath('tree/beta', beta.manifests[0].layerDigests[0]),
        first: 1,
        action: 'corrupt'
      }
    ])
    bed.proxy.resetStats()
    const text = treeMapping(`corrupt${tag}`)
    const run = await mirrorToTree(cw, text)
    expect(run.code, run.stdout).toBe(0)
    expect(bed.proxy.stats()[0]?.fired).toBe(1)
    const report = readReport(cw.outputs()['report'])
    expect(report.run.attempts.length).toBeGreaterThanOrEqual(2)
    for (const a of report.run.attempts.slice(1)) expect(a.entryIds).toEqual([1])
    const notices = annotations(run.stdout).filter((a) => a.level === 'notice')
    expect(notices.map((n) => [n.props['line'], n.props['title']])).toEqual([['2', 'recovered']])
    expect(notices[0]?.message).toMatch(/\(integrity[,)]/)
    const results = await verifyFileEntries(entriesOf(text), join(cw.workspace, 'mirror'), {
      digest: true,
      side: 'destination'
    })
    expect(results.map((r) => [r.entryId, r.complete])).toEqual([
      [0, true],
      [1, true],
      [2, true]
    ])
  })
})

function readFileSyncSafe(path: string | undefined): string {
  expect(path).toBeTruthy()
  return readFileSync(path!, 'utf8')
}
