// End to end: the skopeo engine's shared-blob schedule with the real skopeo and docker-registry.
// Images share a base layer and, in groups, a middle layer. containers/image mounts a blob the
// destination registry already holds, but only after the copy that pushes it has finished, so
// the schedule must keep copies that need the same unpushed blob apart: then every distinct
// blob crosses from the source (the fault proxy, which counts the bytes it served) once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Attributor } from '../../src/core/attribute.js'
import { classify } from '../../src/core/classify.js'
import { LogParser } from '../../src/core/log-parser.js'
import { parseMappingText } from '../../src/core/mapping.js'
import type { LineVerdict, MappingEntry, MappingSet } from '../../src/core/types.js'
import { SkopeoEngine } from '../../src/engines/skopeo.js'
import { startBed, type Bed } from '../support/bed.js'
import { completeAtDestination, uniqueBytes } from '../support/e2e-checks.js'
import type { BuiltImage, ImageSpec } from '../support/images.js'

const IMAGES_PER_SET = 12
const GROUP = 4

/** One set: a shared base layer, a middle layer per group of 4, an own layer per image. */
function imageSet(prefix: string, seedBase: number): ImageSpec[] {
  return Array.from({ length: IMAGES_PER_SET }, (_, i) => ({
    repo: `${prefix}/img${i}`,
    tag: 'v1',
    layers: [
      { seed: seedBase, size: 256 * 1024 },
      { seed: seedBase + 100 + Math.floor(i / GROUP), size: 96 * 1024 },
      { seed: seedBase + 1000 + i, size: 32 * 1024 }
    ]
  }))
}

// Seeds of their own: skopeo's blob-info cache outlives a test and must not know these blobs.
const CLEAN = imageSet('clean', 83_000)
const FAULTY = imageSet('faulty', 84_000)

function mapping(bed: Bed, prefix: string): MappingSet {
  const text = bed.images.images
    .filter((im) => im.repo.startsWith(`${prefix}/`))
    .map((im) => `${bed.sourceHost}/${im.repo}:v1 ${bed.destination.host}/mirror/${im.repo}:v1`)
    .join('\n')
  const set = parseMappingText(text, 'mapping.txt')
  expect(set.findings.filter((f) => f.severity === 'error')).toEqual([])
  expect(set.entries).toHaveLength(IMAGES_PER_SET)
  return set
}

interface AttemptOutput {
  stdout: string[]
  stderr: string[]
  combined: string[]
  exitCode: number | null
}

async function attempt(entries: readonly MappingEntry[], n = 1): Promise<AttemptOutput> {
  const engine = new SkopeoEngine({ options: { insecure: true }, maxPerRegistry: 4 })
  const out: AttemptOutput = { stdout: [], stderr: [], combined: [], exitCode: null }
  const res = await engine.runAttempt(
    { attempt: n, mappingFile: 'mapping.txt', entries, force: false },
    (stream, line) => {
      out[stream].push(line)
      out.combined.push(line)
    }
  )
  out.exitCode = res.exitCode
  return out
}

/** What the rest of mirror-guard concludes from one attempt's output, over `scope`. */
function verdicts(
  set: MappingSet,
  combined: readonly string[],
  scope?: number[]
): readonly LineVerdict[] {
  const parser = new LogParser()
  const attributor = new Attributor(set, scope)
  for (const line of ['==== mirror-guard attempt 1 ====', ...combined]) {
    for (const e of parser.push(line)) attributor.onEvent(e)
  }
  for (const e of parser.end()) attributor.onEvent(e)
  return attributor.finish().verdicts
}

function imagesOf(bed: Bed, prefix: string): BuiltImage[] {
  return bed.images.images.filter((im) => im.repo.startsWith(`${prefix}/`))
}

/** Every config and layer blob of every image is in its destination repository. */
async function missingBlobs(bed: Bed, prefix: string): Promise<string[]> {
  const missing: string[] = []
  for (const im of imagesOf(bed, prefix)) {
    for (const blob of im.blobs) {
      const res = await fetch(`${bed.destination.url}/v2/mirror/${im.repo}/blobs/${blob}`, {
        method: 'HEAD'
      })
      if (res.status !== 200) missing.push(`${im.repo} ${blob}`)
    }
  }
  return missing
}

describe('skopeo engine: copies that share blobs pull each blob once', () => {
  let bed: Bed
  beforeAll(async () => {
    bed = await startBed({ images: [...CLEAN, ...FAULTY] })
  })
  afterAll(() => bed?.stop())

  it('without faults: every line mirrored, source bytes within 10 % of the unique blob bytes', async () => {
    const set = mapping(bed, 'clean')
    bed.proxy.resetStats()
    const out = await attempt(set.entries)
    const served = bed.proxy.totalBlobBytes()
    const unique = uniqueBytes(bed, imagesOf(bed, 'clean'))

    expect(out.stderr).toEqual([])
    expect(out.exitCode).toBe(0)
    expect(out.stdout).toHaveLength(IMAGES_PER_SET)
    expect(verdicts(set, out.combined).map((v) => v.status)).toEqual(
      Array<string>(IMAGES_PER_SET).fill('mirrored')
    )
    expect(await missingBlobs(bed, 'clean')).toEqual([])
    expect([...(await completeAtDestination(set.entries))].sort((a, b) => a - b)).toEqual(
      set.entries.map((e) => e.id)
    )
    expect(served).toBeGreaterThanOrEqual(unique)
    expect(served / unique).toBeLessThanOrEqual(1.1)
  })

  it('with 503 on 10 % of blob GETs: failed lines fail, a retry of just those completes', async () => {
    const set = mapping(bed, 'faulty')
    bed.proxy.resetStats()
    bed.proxy.setRules([
      {
        name: '503 on 10 % of blob GETs',
        method: 'GET',
        path: '^/v2/.+/blobs/sha256:[0-9a-f]{64}$',
        probability: 0.1,
        seed: 7,
        action: '503'
      }
    ])
    let first: AttemptOutput
    try {
      first = await attempt(set.entries)
    } finally {
      bed.proxy.setRules([])
    }
    const v1 = verdicts(set, first.combined)
    const failed = v1.filter((v) => v.status === 'failed').map((v) => v.entryId)
    // The seed makes at least one blob GET fail; each failure is one oc-shaped error line.
    expect(failed.length).toBeGreaterThan(0)
    expect(first.exitCode).toBe(1)
    expect(first.stderr).toHaveLength(failed.length)
    for (const line of first.stderr) {
      expect(line).toMatch(/^error: unable to copy \S+ to \S+: .*503/)
      expect(classify(line)).toMatchObject({ class: 'server', retryable: true })
    }
    expect(first.stdout).toHaveLength(IMAGES_PER_SET - failed.length)
    for (const v of v1) expect(v.status).toBe(failed.includes(v.entryId) ? 'failed' : 'mirrored')

    const retry = set.entries.filter((e) => failed.includes(e.id))
    const second = await attempt(retry, 2)
    expect(second.stderr).toEqual([])
    expect(second.exitCode).toBe(0)
    expect(verdicts(set, second.combined, failed).map((v) => v.status)).toEqual(
      Array<string>(failed.length).fill('mirrored')
    )
    expect(await missingBlobs(bed, 'faulty')).toEqual([])
    const unique = uniqueBytes(bed, imagesOf(bed, 'faulty'))
    expect(bed.proxy.totalBlobBytes() / unique).toBeLessThanOrEqual(1.1)
  })
})
