// End to end: `engine: skopeo` with `mode: dry-run` (or `dry-run: true`) copies nothing. The
// real skopeo reads every source (manifests, list children) and the destination registry
// stays empty; the plan reads like oc's `--dry-run` plan (compared with real oc where present).
import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Attributor } from '../../src/core/attribute.js'
import { LogParser } from '../../src/core/log-parser.js'
import { parseMappingText } from '../../src/core/mapping.js'
import type { MappingSet } from '../../src/core/types.js'
import { SkopeoEngine } from '../../src/engines/skopeo.js'
import { dryRunVerdicts } from '../../src/core/verdict-ledger.js'
import { actionBundle, runBundle, Workspace } from '../support/action-bundle.js'
import { startBed, type Bed } from '../support/bed.js'
import { manifestPath, readReport } from '../support/e2e-checks.js'
import { ocBinaries } from '../support/oc-binaries.js'

// Seeds of their own: skopeo's blob-info cache outlives a test and must not know these blobs.
const IMAGES = [
  { repo: 'dry/tiny', tag: 'v1', layers: [{ seed: 91_001, size: 3000 }] },
  {
    repo: 'dry/multi',
    tag: 'v1',
    platforms: [
      { architecture: 'amd64', layers: [{ seed: 91_002, size: 2000 }] },
      { architecture: 'arm64', layers: [{ seed: 91_003, size: 2500 }] }
    ]
  }
]

let bed: Bed
const workspaces: Workspace[] = []

beforeAll(async () => {
  bed = await startBed({ images: IMAGES })
}, 120_000)
afterAll(async () => {
  await bed?.stop()
  for (const w of workspaces) w.cleanup()
})

/** Every repository the destination registry holds (its catalog). */
async function destinationRepositories(): Promise<string[]> {
  const res = await fetch(`${bed.destination.url}/v2/_catalog`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { repositories: string[] }).repositories
}

function mappingText(): string {
  const src = bed.sourceHost
  const dst = bed.destination.host
  return [
    `${src}/dry/tiny:v1 ${dst}/mirror/tiny:v1`,
    `${src}/dry/multi:v1 ${dst}/mirror/multi:v1`,
    `${src}/dry/missing:v1 ${dst}/mirror/missing:v1`
  ].join('\n')
}

async function engineDryRun(
  set: MappingSet
): Promise<{ lines: string[]; exitCode: number | null }> {
  const engine = new SkopeoEngine({ options: { insecure: true }, dryRun: true })
  const lines: string[] = []
  const res = await engine.runAttempt(
    { attempt: 1, mappingFile: 'mapping.txt', entries: set.entries, force: false },
    (_stream, line) => lines.push(line)
  )
  return { lines, exitCode: res.exitCode }
}

describe('engine: skopeo, dry run', () => {
  it('reads each source, writes oc’s plan and verdicts, and copies nothing', async () => {
    const set = parseMappingText(mappingText(), 'mapping.txt')
    const { lines, exitCode } = await engineDryRun(set)
    expect(await destinationRepositories()).toEqual([])

    const tiny = bed.images.images.find((i) => i.repo === 'dry/tiny')
    const multi = bed.images.images.find((i) => i.repo === 'dry/multi')
    if (!tiny || !multi) throw new Error('bed images missing')
    const text = lines.join('\n')
    expect(lines[0]).toBe(`${bed.destination.host}/`)
    expect(text).toContain(`      ${tiny.digest} -> v1`)
    // The list: each child by digest, then the list itself under the tag.
    for (const m of multi.manifests) expect(lines).toContain(`      ${m.digest}`)
    expect(text).toContain(`      ${multi.digest} -> v1`)
    for (const b of multi.blobs) expect(text).toContain(`${bed.sourceHost}/dry/multi ${b}`)
    expect(text).toMatch(
      new RegExp(
        `^error: unable to retrieve source image ${bed.sourceHost}/dry/missing by tag v1: .*manifest unknown`,
        'm'
      )
    )
    expect(lines.slice(-2)[0]).toMatch(/^info: Planning completed in \S+$/)
    expect(lines.at(-1)).toBe('info: Dry run complete')
    expect(exitCode).toBe(1)

    const parser = new LogParser()
    const attributor = new Attributor(set)
    for (const line of ['==== mirror-guard attempt 1 ====', ...lines]) {
      for (const e of parser.push(line)) attributor.onEvent(e)
    }
    for (const e of parser.end()) attributor.onEvent(e)
    const verdicts = dryRunVerdicts(attributor.finish()).verdicts
    expect(verdicts.map((v) => [v.status, v.classes, v.reasons[0]])).toEqual([
      ['mirrored', [], 'planned (dry run)'],
      ['mirrored', [], 'planned (dry run)'],
      ['failed', ['not-found'], expect.stringContaining('manifest unknown')]
    ])
  }, 120_000)

  it('names a source that refuses the credentials (401) and one that rate-limits (429)', async () => {
    bed.proxy.setRules([
      {
        name: 'source refuses the credentials',
        path: manifestPath('dry/tiny'),
        always: true,
        action: {
          status: 401,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }]
          })
        }
      },
      {
        name: 'rate-limited list child',
        path: `^/v2/dry/multi/manifests/sha256:`,
        always: true,
        action: {
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '0' },
          body: JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] })
        }
      }
    ])
    try {
      const set = parseMappingText(mappingText(), 'mapping.txt')
      const { lines } = await engineDryRun(set)
      expect(await destinationRepositories()).toEqual([])
      const parser = new LogParser()
      const attributor = new Attributor(set)
      for (const line of ['==== mirror-guard attempt 1 ====', ...lines]) {
        for (const e of parser.push(line)) attributor.onEvent(e)
      }
      for (const e of parser.end()) attributor.onEvent(e)
      const verdicts = dryRunVerdicts(attributor.finish()).verdicts
      expect(
        verdicts.map((v) => v.classes),
        lines.join('\n')
      ).toEqual([['auth'], ['rate-limit'], ['not-found']])
      expect(lines.join('\n')).toMatch(
        /^error: unable to retrieve source image \S+\/dry\/multi:v1 manifest #1 from manifest list: /m
      )
    } finally {
      bed.proxy.setRules([])
    }
  }, 120_000)

  const oc = ocBinaries()[0]
  it.skipIf(oc === undefined)(
    'plans single images exactly as oc --dry-run does',
    async () => {
      const line = [
        `${bed.sourceHost}/dry/tiny:v1 ${bed.destination.host}/mirror/tiny:v1`,
        `${bed.sourceHost}/dry/tiny:v1 ${bed.destination.host}/mirror/again:v2`
      ].join('\n')
      const { lines } = await engineDryRun(parseMappingText(line, 'mapping.txt'))
      const w = new Workspace('mg-dry-oc-')
      workspaces.push(w)
      const file = join(w.workspace, 'mapping.txt')
      writeFileSync(file, line + '\n')
      const ocOut = await new Promise<string>((resolve) =>
        execFile(
          oc?.path ?? 'oc',
          ['image', 'mirror', '-f', file, '--dry-run', '--insecure', '--keep-manifest-list'],
          (_e, _stdout, stderr) => resolve(stderr)
        )
      )
      // The tree through oc's stats line: registries, repositories, blobs with sizes,
      // manifest -> tag, shared/unique counts.
      const ocLines = ocOut.split('\n')
      const ocTree = ocLines.slice(0, ocLines.findIndex((l) => l.startsWith('  stats:')) + 1)
      expect(ocTree.length).toBeGreaterThan(8)
      expect(lines.slice(0, ocTree.length)).toEqual(ocTree)
      expect(ocOut).toContain('info: Dry run complete')
      expect(await destinationRepositories()).toEqual([])
    },
    120_000
  )
})

describe('the action, engine: skopeo', () => {
  it.each<Record<string, string>>([{ mode: 'dry-run' }, { 'dry-run': 'true' }])(
    'with %o leaves the destination registry without the image',
    async (inputs) => {
      const bundle = await actionBundle()
      const w = new Workspace('mg-dry-action-')
      workspaces.push(w)
      w.write('mapping.txt', mappingText().split('\n').slice(0, 2).join('\n') + '\n')
      const run = await runBundle(
        bundle,
        w.env({
          mapping: 'mapping.txt',
          engine: 'skopeo',
          insecure: 'true',
          'retry-delay': '0',
          upload: 'false',
          ...inputs
        })
      )
      const out = w.outputs()
      expect(out['report'], run.stderr + run.stdout).toBeTruthy()
      const report = readReport(out['report'] ?? '')
      expect(report.lines.map((l) => l.status)).toEqual(['mirrored', 'mirrored'])
      expect(out['outcome']).toBe('success')
      expect(run.stdout).toContain('info: Dry run complete')
      expect(await destinationRepositories()).toEqual([])
      const tags = await fetch(`${bed.destination.url}/v2/mirror/tiny/tags/list`)
      expect(tags.status).toBe(404)
    },
    180_000
  )
})
