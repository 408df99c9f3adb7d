// End to end: the skopeo engine against real docker-registry instances behind the fault proxy.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Attributor } from '../../src/core/attribute.js'
import { classify } from '../../src/core/classify.js'
import { LogParser } from '../../src/core/log-parser.js'
import { parseMappingText } from '../../src/core/mapping.js'
import type { FailureClass, LineVerdict, MappingEntry, MappingSet } from '../../src/core/types.js'
import type { AttemptRequest, AttemptResult } from '../../src/engines/engine.js'
import { SkopeoEngine } from '../../src/engines/skopeo.js'
import { BlobInspector } from '../../src/engines/skopeo-inspect.js'
import { startBed, type Bed } from '../support/bed.js'
import type { FaultRule } from '../support/fault-proxy.js'
import type { ImageSpec } from '../support/images.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'skopeo')
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

const IMAGES: ImageSpec[] = [
  {
    repo: 'ns/alpha',
    tag: 'v1',
    layers: [
      { seed: 1, size: 30_000 },
      { seed: 2, size: 20_000 }
    ]
  },
  {
    repo: 'ns/beta',
    tag: 'v1',
    layers: [
      { seed: 1, size: 30_000 },
      { seed: 3, size: 2_000 }
    ]
  },
  {
    repo: 'ns/multi',
    tag: 'v1',
    platforms: [
      { architecture: 'amd64', layers: [{ seed: 4, size: 6_000 }] },
      { architecture: 'arm64', layers: [{ seed: 5, size: 6_000 }] }
    ]
  }
]

interface Run {
  result: AttemptResult
  stdout: string[]
  stderr: string[]
  /** Both streams in arrival order, as the action's combined log has them. */
  combined: string[]
}

/** The verdicts the rest of mirror-guard draws from the engine's output. */
function verdicts(set: MappingSet, combined: readonly string[]): Map<number, LineVerdict> {
  const parser = new LogParser()
  const attributor = new Attributor(set)
  for (const line of ['==== mirror-guard attempt 1 ====', ...combined]) {
    for (const e of parser.push(line)) attributor.onEvent(e)
  }
  for (const e of parser.end()) attributor.onEvent(e)
  return new Map(attributor.finish().verdicts.map((v) => [v.entryId, v]))
}

async function run(
  entries: readonly MappingEntry[],
  extra: Partial<AttemptRequest> = {},
  engine = new SkopeoEngine({ options: { insecure: true } })
): Promise<Run> {
  const stdout: string[] = []
  const stderr: string[] = []
  const combined: string[] = []
  const result = await engine.runAttempt(
    { attempt: 1, mappingFile: 'mapping.txt', entries, force: false, ...extra },
    (stream, line) => {
      ;(stream === 'stdout' ? stdout : stderr).push(line)
      combined.push(line)
    }
  )
  return { result, stdout, stderr, combined }
}

function mapping(text: string): MappingSet {
  const set = parseMappingText(text, 'mapping.txt')
  expect(set.findings.filter((f) => f.severity === 'error')).toEqual([])
  return set
}

const entries = (text: string): readonly MappingEntry[] => mapping(text).entries

/** The three images of IMAGES from the bed's proxy to `<dest>/<prefix>/<name>`. */
function threeImagesSet(bed: Bed, prefix: string): MappingSet {
  const S = bed.sourceHost
  const D = bed.destination.host
  return mapping(
    [
      `${S}/ns/alpha:v1 ${D}/${prefix}/alpha:v1`,
      `${S}/ns/beta:v1=${D}/${prefix}/beta`,
      `${S}/ns/multi:v1 ${D}/${prefix}/multi:v1`
    ].join('\n')
  )
}

const threeImages = (bed: Bed, prefix: string): readonly MappingEntry[] =>
  threeImagesSet(bed, prefix).entries

async function destinationDigest(bed: Bed, repo: string, ref: string): Promise<string | null> {
  const res = await fetch(`${bed.destination.url}/v2/${repo}/manifests/${ref}`, {
    method: 'HEAD',
    headers: { accept: `${OCI_INDEX}, ${OCI_MANIFEST}` }
  })
  return res.status === 200 ? res.headers.get('docker-content-digest') : null
}

const digestOf = (bed: Bed, repo: string): string =>
  bed.images.images.find((i) => i.repo === repo)!.digest

describe('skopeo engine against a clean registry bed', () => {
  let bed: Bed
  beforeAll(async () => {
    bed = await startBed({ images: IMAGES })
  })
  afterAll(() => bed?.stop())

  it('mirrors three images (one multi-arch) and prints oc-shaped success lines', async () => {
    const D = bed.destination.host
    const set = threeImagesSet(bed, 'clean')
    const { result, stdout, stderr, combined } = await run(set.entries)
    expect(stderr).toEqual([])
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, aborted: false })
    expect(result.command.slice(0, 3)).toEqual(['skopeo', 'copy', '--all'])
    expect(result.command).toContain('--retry-times=0')
    expect(stdout.sort()).toEqual(
      [
        `${digestOf(bed, 'ns/alpha')} ${D}/clean/alpha:v1`,
        `${digestOf(bed, 'ns/beta')} ${D}/clean/beta:v1`,
        `${digestOf(bed, 'ns/multi')} ${D}/clean/multi:v1`
      ].sort()
    )
    for (const name of ['alpha', 'beta', 'multi']) {
      expect(await destinationDigest(bed, `clean/${name}`, 'v1')).toBe(digestOf(bed, `ns/${name}`))
    }
    // The rest of mirror-guard reads these lines as oc's: every line positively confirmed.
    expect([...verdicts(set, combined).values()].map((v) => v.status)).toEqual([
      'mirrored',
      'mirrored',
      'mirrored'
    ])
    // --all: both platform manifests of the index arrived, not just the runner's platform.
    const multi = bed.images.images.find((i) => i.repo === 'ns/multi')!
    for (const m of multi.manifests) {
      expect(await destinationDigest(bed, 'clean/multi', m.digest)).toBe(m.digest)
    }
  })

  it('pushes by digest when the source is by digest and the destination has no tag', async () => {
    const S = bed.sourceHost
    const D = bed.destination.host
    const d = digestOf(bed, 'ns/alpha')
    const { result, stdout } = await run(entries(`${S}/ns/alpha@${d} ${D}/bydigest/alpha`))
    expect(result.exitCode).toBe(0)
    expect(stdout).toEqual([`${d} ${D}/bydigest/alpha`])
    expect(await destinationDigest(bed, 'bydigest/alpha', d)).toBe(d)
  })

  it('refuses file:// entries with an error line and still runs the others', async () => {
    const S = bed.sourceHost
    const D = bed.destination.host
    const { result, stdout, stderr } = await run(
      entries(`${S}/ns/beta:v1 file://mirror/beta:v1\n${S}/ns/beta:v1 ${D}/refuse/beta:v1`)
    )
    expect(result.exitCode).toBe(1)
    expect(stderr).toEqual([
      `error: unable to copy ${S}/ns/beta:v1 to file://mirror/beta:v1: engine: skopeo does not support file:// destinations; use engine: oc`
    ])
    expect(stdout).toEqual([`${digestOf(bed, 'ns/beta')} ${D}/refuse/beta:v1`])
  })

  it('reports a missing tag as not-found for that entry only', async () => {
    const S = bed.sourceHost
    const D = bed.destination.host
    const { stdout, stderr } = await run(
      entries(`${S}/ns/alpha:nope ${D}/missing/alpha:v1\n${S}/ns/beta:v1 ${D}/missing/beta:v1`)
    )
    expect(stdout).toHaveLength(1)
    expect(stderr).toHaveLength(1)
    expect(stderr[0]).toMatch(
      new RegExp(
        `^error: unable to copy ${S}/ns/alpha:nope to ${D}/missing/alpha:v1: .*manifest unknown`
      )
    )
    expect(classify(stderr[0]).class).toBe('not-found')
  })

  it('runs at most maxPerRegistry copies at a time, holding back copies that share a blob', async () => {
    // A wrapper logs when each `skopeo copy` starts and ends; slow manifests make copies long
    // enough to overlap. (Proxy spans cannot tell copies from the schedule's inspections.)
    const dir = mkdtempSync(join(tmpdir(), 'mg-skopeo-spans-'))
    const log = join(dir, 'log')
    const wrapper = join(dir, 'skopeo')
    writeFileSync(
      wrapper,
      [
        '#!/bin/sh',
        'if [ "$1" = copy ]; then',
        `  for a; do dst=$a; done`,
        `  echo "start $(date +%s%N) $dst" >> '${log}'`,
        '  skopeo "$@"; rc=$?',
        `  echo "end $(date +%s%N) $dst" >> '${log}'`,
        '  exit $rc',
        'fi',
        'exec skopeo "$@"',
        ''
      ].join('\n'),
      { mode: 0o755 }
    )
    const engine = new SkopeoEngine({ binary: wrapper, options: { insecure: true } })
    bed.proxy.setRules([
      {
        name: 'slow manifests',
        method: 'GET',
        path: '/manifests/',
        always: true,
        action: 'slow',
        delayMs: 300
      }
    ])
    /** Copy spans by destination name, from the wrapper's log. */
    const spans = (): Map<string, [number, number]> => {
      const out = new Map<string, [number, number]>()
      for (const line of readFileSync(log, 'utf8').split('\n').filter(Boolean)) {
        const [what, ns, dst] = line.split(' ')
        const name = /\/(\w+):v1$/.exec(dst)![1]
        const t = Number(BigInt(ns) / 1_000_000n)
        const span = out.get(name) ?? [t, t]
        out.set(name, what === 'start' ? [t, span[1]] : [span[0], t])
      }
      rmSync(log, { force: true })
      return out
    }
    const overlap = (a: [number, number], b: [number, number]): boolean =>
      a[0] < b[1] && b[0] < a[1]
    try {
      expect(
        (await run(threeImages(bed, 'serial'), { maxPerRegistry: 1 }, engine)).result.exitCode
      ).toBe(0)
      const serial = spans()
      expect([...serial.keys()].sort()).toEqual(['alpha', 'beta', 'multi'])
      const s = [...serial.values()]
      expect(s.filter((x, i) => s.some((y, j) => j !== i && overlap(x, y)))).toEqual([])
      const parallel3 = await run(threeImages(bed, 'parallel'), { maxPerRegistry: 3 }, engine)
      expect(parallel3.result.exitCode).toBe(0)
      const p = spans()
      expect([...p.keys()].sort()).toEqual(['alpha', 'beta', 'multi'])
      // multi shares nothing: it runs beside the others. alpha and beta share a layer that is
      // not yet in this attempt's pushed set: one waits until the other has pushed it.
      expect(
        overlap(p.get('alpha')!, p.get('multi')!) || overlap(p.get('beta')!, p.get('multi')!)
      ).toBe(true)
      expect(overlap(p.get('alpha')!, p.get('beta')!)).toBe(false)
    } finally {
      bed.proxy.setRules([])
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('stops on timeout: killed entries get no line and stay unconfirmed', async () => {
    bed.proxy.setRules([
      {
        name: 'stall alpha',
        path: '^/v2/ns/alpha/manifests/',
        always: true,
        action: 'slow',
        delayMs: 30_000
      }
    ])
    try {
      const S = bed.sourceHost
      const D = bed.destination.host
      const t0 = Date.now()
      const set = mapping(
        `${S}/ns/alpha:v1 ${D}/timeout/alpha:v1\n${S}/ns/beta:v1 ${D}/timeout/beta:v1`
      )
      const { result, stdout, stderr, combined } = await run(set.entries, { timeoutMs: 4_000 })
      expect(Date.now() - t0).toBeLessThan(20_000)
      expect(result).toMatchObject({ timedOut: true, aborted: false, exitCode: null })
      expect(stdout).toEqual([`${digestOf(bed, 'ns/beta')} ${D}/timeout/beta:v1`])
      expect(stderr).toEqual([])
      const v = verdicts(set, combined)
      expect(v.get(0)).toMatchObject({ status: 'failed', classes: ['unconfirmed'] })
      expect(v.get(1)?.status).toBe('mirrored')
    } finally {
      bed.proxy.setRules([])
    }
  })

  it('stops on abort', async () => {
    bed.proxy.setRules([
      { name: 'stall', path: '/manifests/', always: true, action: 'slow', delayMs: 30_000 }
    ])
    try {
      const ac = new AbortController()
      setTimeout(() => ac.abort(), 500)
      const { result, stdout, stderr } = await run(threeImages(bed, 'abort'), { signal: ac.signal })
      expect(result).toMatchObject({ aborted: true, timedOut: false, exitCode: null })
      expect([...stdout, ...stderr]).toEqual([])
    } finally {
      bed.proxy.setRules([])
    }
  })

  it('inspection: blob sets of images and of every platform of an index, one request per ref', async () => {
    const S = bed.sourceHost
    const D = bed.destination.host
    const ac = new AbortController()
    const inspector = new BlobInspector({
      binary: 'skopeo',
      options: { insecure: true },
      concurrency: 2,
      signal: ac.signal,
      env: process.env
    })
    const set = entries(
      [
        `${S}/ns/alpha:v1 ${D}/insp/alpha:v1`,
        `${S}/ns/multi:v1 ${D}/insp/multi:v1`,
        // Same source again (another destination): answered from the cache.
        `${S}/ns/multi:v1 ${D}/insp/multi2:v1`,
        `${S}/ns/alpha:nope ${D}/insp/missing:v1`,
        `${S}/ns/alpha@${digestOf(bed, 'ns/alpha')} ${D}/insp/pinned`
      ].join('\n')
    )
    bed.proxy.resetStats()
    const [alpha, multi, multi2, missing, pinned] = await Promise.all(
      set.map((e) => inspector.blobs(e))
    )
    const image = (repo: string): string[] =>
      bed.images.images
        .find((i) => i.repo === repo)!
        .blobs.slice()
        .sort()
    expect([...alpha!].sort()).toEqual(image('ns/alpha'))
    expect([...multi!].sort()).toEqual(image('ns/multi'))
    expect(multi2).toEqual(multi)
    expect(pinned).toEqual(alpha)
    // A manifest that cannot be read leaves the set unknown (the copy reports the error).
    expect(missing).toBeUndefined()
    // alpha, alpha:nope, alpha@digest, multi and its two platforms: six refs, six requests.
    expect(inspector.requests).toBe(6)
    const manifestGets = bed.proxy
      .requests()
      .filter((r) => r.method === 'GET' && r.url.includes('/manifests/'))
    expect(manifestGets).toHaveLength(6)
    await inspector.settled()
  })

  it('inspection: stopped by the signal, the set unknown, settled() once its process has ended', async () => {
    bed.proxy.setRules([
      { name: 'stall', path: '/manifests/', always: true, action: 'slow', delayMs: 30_000 }
    ])
    try {
      const ac = new AbortController()
      const inspector = new BlobInspector({
        binary: 'skopeo',
        options: { insecure: true },
        concurrency: 1,
        signal: ac.signal,
        env: process.env,
        killGraceMs: 500
      })
      const [alpha, beta] = threeImages(bed, 'insp-abort')
      const t0 = Date.now()
      const pending = Promise.all([inspector.blobs(alpha), inspector.blobs(beta)])
      setTimeout(() => ac.abort(), 300)
      expect(await pending).toEqual([undefined, undefined])
      await inspector.settled()
      expect(Date.now() - t0).toBeLessThan(10_000)
      // Concurrency 1: beta's inspection was still queued and never started.
      expect(inspector.requests).toBe(1)
    } finally {
      bed.proxy.setRules([])
    }
  })

  it('inspection: a hung registry times out into an unknown set', async () => {
    bed.proxy.setRules([
      { name: 'stall', path: '/manifests/', always: true, action: 'slow', delayMs: 30_000 }
    ])
    try {
      const inspector = new BlobInspector({
        binary: 'skopeo',
        options: { insecure: true },
        concurrency: 1,
        signal: new AbortController().signal,
        env: process.env,
        timeoutMs: 500,
        killGraceMs: 500
      })
      expect(await inspector.blobs(threeImages(bed, 'insp-timeout')[0])).toBeUndefined()
    } finally {
      bed.proxy.setRules([])
    }
  })

  it('inspects source manifests only when copies run side by side', async () => {
    const S = bed.sourceHost
    const D = bed.destination.host
    const manifestGets = (): number =>
      bed.proxy.requests().filter((r) => r.method === 'GET' && r.url.includes('/manifests/')).length
    const two = (p: string): readonly MappingEntry[] =>
      entries(`${S}/ns/alpha:v1 ${D}/${p}/alpha:v1\n${S}/ns/beta:v1 ${D}/${p}/beta:v1`)
    // One copy at a time, or a lone entry: nothing to keep apart, only the copies' own GETs.
    bed.proxy.resetStats()
    expect((await run(two('insp-serial'), { maxPerRegistry: 1 })).result.exitCode).toBe(0)
    expect(manifestGets()).toBe(2)
    bed.proxy.resetStats()
    expect((await run(two('insp-lone').slice(0, 1), { maxPerRegistry: 4 })).result.exitCode).toBe(0)
    expect(manifestGets()).toBe(1)
    // Side by side: one inspection per entry before its copy.
    bed.proxy.resetStats()
    expect((await run(two('insp-pair'), { maxPerRegistry: 2 })).result.exitCode).toBe(0)
    expect(manifestGets()).toBe(4)
    // Turned off (skopeo-share-blobs: false): side by side, but only the copies' own GETs.
    bed.proxy.resetStats()
    const plain = new SkopeoEngine({ options: { insecure: true }, shareBlobs: false })
    const off = await run(two('insp-off'), { maxPerRegistry: 2 }, plain)
    expect(off.result.exitCode).toBe(0)
    expect(off.stdout).toHaveLength(2)
    expect(manifestGets()).toBe(2)
  })

  it('version() reports skopeo --version', async () => {
    expect(await new SkopeoEngine({ options: {} }).version()).toMatch(/^skopeo version \d+\.\d+/)
  })

  it('a missing binary is an error of the attempt, not of a line', async () => {
    const engine = new SkopeoEngine({ binary: '/nonexistent/skopeo', options: {} })
    await expect(run(threeImages(bed, 'nobinary'), {}, engine)).rejects.toThrow(/cannot start/)
    await expect(engine.version()).rejects.toThrow(/cannot start/)
  })

  it('a missing binary fails a dry run as a whole too', async () => {
    const engine = new SkopeoEngine({ binary: '/nonexistent/skopeo', options: {}, dryRun: true })
    await expect(run(threeImages(bed, 'nobinary-dry'), {}, engine)).rejects.toThrow(/cannot start/)
  })
})

describe('skopeo engine with faults', () => {
  it('a 429 on one blob fails that entry as rate-limit; the others succeed', async () => {
    const bed = await startBed({ images: IMAGES })
    try {
      // The layer only ns/alpha has (seed 2): beta shares the other one.
      const layer = bed.images.images[0].manifests[0].layerDigests[1]
      // Retry-After: 0 makes skopeo's own five 429 retries instant.
      bed.proxy.setRules([
        {
          name: '429 alpha layer',
          method: 'GET',
          path: `/blobs/${layer}`,
          always: true,
          action: '429-json',
          retryAfter: 0
        }
      ])
      const S = bed.sourceHost
      const D = bed.destination.host
      const set = threeImagesSet(bed, 'rl')
      const { result, stdout, stderr, combined } = await run(set.entries)
      expect(result.exitCode).toBe(1)
      expect(stdout.sort()).toEqual(
        [
          `${digestOf(bed, 'ns/beta')} ${D}/rl/beta:v1`,
          `${digestOf(bed, 'ns/multi')} ${D}/rl/multi:v1`
        ].sort()
      )
      expect(stderr).toHaveLength(1)
      expect(stderr[0]).toMatch(
        new RegExp(`^error: unable to copy ${S}/ns/alpha:v1 to ${D}/rl/alpha:v1: `)
      )
      expect(classify(stderr[0])).toMatchObject({ class: 'rate-limit', retryable: true })
      expect(bed.proxy.stats()[0].fired).toBeGreaterThanOrEqual(1)
      expect(await destinationDigest(bed, 'rl/alpha', 'v1')).toBeNull()
      const v = verdicts(set, combined)
      expect(v.get(0)).toMatchObject({ status: 'failed', classes: ['rate-limit'], retryable: true })
      expect([v.get(1)?.status, v.get(2)?.status]).toEqual(['mirrored', 'mirrored'])
    } finally {
      await bed.stop()
    }
  })

  it('a fault on the whole source fails every entry', async () => {
    const bed = await startBed({ images: IMAGES })
    try {
      bed.proxy.setRules([{ name: 'source down', path: '^/', always: true, action: '503' }])
      const set = threeImagesSet(bed, 'down')
      const { result, stdout, stderr, combined } = await run(set.entries)
      expect(result.exitCode).toBe(1)
      expect(stdout).toEqual([])
      expect(stderr).toHaveLength(3)
      for (const line of stderr) {
        expect(line).toMatch(/^error: unable to copy \S+ to \S+: .*503/)
        expect(classify(line).class).toBe('server')
      }
      for (const v of verdicts(set, combined).values()) {
        expect(v).toMatchObject({ status: 'failed', classes: ['server'] })
      }
    } finally {
      await bed.stop()
    }
  })
})

// Real skopeo stderr per fault mode. All modes run in one attempt: each has its own image
// (unique layers, so no blob can be mounted from another mode's repository) and its rule
// targets only that repository. UPDATE_SKOPEO_FIXTURES=1 rewrites the fixtures.
interface Mode {
  mode: string
  target: 'blob' | 'manifest'
  rule: Pick<FaultRule, 'action'> & Partial<FaultRule>
  expected: FailureClass
}

const MODES: readonly Mode[] = [
  {
    mode: '429-empty-blob',
    target: 'blob',
    rule: { action: '429-empty', retryAfter: 0 },
    expected: 'rate-limit'
  },
  {
    mode: '429-json-blob',
    target: 'blob',
    rule: { action: '429-json', retryAfter: 0 },
    expected: 'rate-limit'
  },
  // Retry-After: 1 (not 30) keeps skopeo's own four waits short; the text is the same.
  {
    mode: '429-retry-after-blob',
    target: 'blob',
    rule: { action: '429-retry-after', retryAfter: 1 },
    expected: 'rate-limit'
  },
  {
    mode: '429-empty-manifest',
    target: 'manifest',
    rule: { action: '429-empty', retryAfter: 0 },
    expected: 'rate-limit'
  },
  {
    mode: '429-json-manifest',
    target: 'manifest',
    rule: { action: '429-json', retryAfter: 0 },
    expected: 'rate-limit'
  },
  { mode: '401-blob', target: 'blob', rule: { action: '401' }, expected: 'auth' },
  { mode: '401-manifest', target: 'manifest', rule: { action: '401' }, expected: 'auth' },
  {
    mode: '401-bearer-manifest',
    target: 'manifest',
    rule: { action: '401', challenge: 'bearer' },
    expected: 'auth'
  },
  { mode: '403-blob', target: 'blob', rule: { action: '403-denied' }, expected: 'auth' },
  { mode: '403-manifest', target: 'manifest', rule: { action: '403-denied' }, expected: 'auth' },
  {
    mode: '404-manifest',
    target: 'manifest',
    rule: { action: '404-manifest' },
    expected: 'not-found'
  },
  { mode: '404-blob', target: 'blob', rule: { action: '404-blob' }, expected: 'not-found' },
  { mode: '500-blob', target: 'blob', rule: { action: '500' }, expected: 'server' },
  { mode: '502-blob', target: 'blob', rule: { action: '502' }, expected: 'server' },
  { mode: '503-blob', target: 'blob', rule: { action: '503' }, expected: 'server' },
  { mode: '503-manifest', target: 'manifest', rule: { action: '503' }, expected: 'server' },
  { mode: 'reset-blob', target: 'blob', rule: { action: 'reset' }, expected: 'network' },
  { mode: 'reset-manifest', target: 'manifest', rule: { action: 'reset' }, expected: 'network' },
  { mode: 'truncate-blob', target: 'blob', rule: { action: 'truncate' }, expected: 'network' },
  {
    mode: 'truncate-manifest',
    target: 'manifest',
    rule: { action: 'truncate' },
    expected: 'network'
  }
]

/** Run-specific parts of a line: ports, upload ids and upload state tokens. */
function normalise(line: string): string {
  return line
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID')
    .replace(/_state=[^"&\s]+/g, '_state=STATE')
}

describe('real skopeo stderr per fault mode', () => {
  const lines = new Map<string, string>()
  let bed: Bed

  beforeAll(async () => {
    bed = await startBed({
      images: MODES.map((m, i) => ({
        repo: `ns/${m.mode}`,
        tag: 'v1',
        layers: [
          { seed: 1000 + i, size: 20_000 },
          { seed: 2000 + i, size: 2_000 }
        ]
      }))
    })
    bed.proxy.setRules(
      MODES.map((m, i) => {
        const layer = bed.images.images[i].manifests[0].layerDigests[0]
        return {
          name: m.mode,
          path:
            m.target === 'blob'
              ? `^/v2/ns/${m.mode}/blobs/${layer}`
              : `^/v2/ns/${m.mode}/manifests/`,
          ...(m.target === 'blob' ? { method: 'GET' } : {}),
          always: true,
          ...m.rule
        }
      })
    )
    const S = bed.sourceHost
    const D = bed.destination.host
    const { stdout, stderr } = await run(
      entries(MODES.map((m) => `${S}/ns/${m.mode}:v1 ${D}/cap/${m.mode}:v1`).join('\n')),
      { maxPerRegistry: MODES.length }
    )
    expect(stdout).toEqual([])
    for (const line of stderr) {
      const m = /^error: unable to copy \S+\/ns\/(\S+):v1 to /.exec(line)
      if (m) lines.set(m[1], line)
    }
  }, 120_000)
  afterAll(() => bed?.stop())

  it.each(MODES.map((m) => [m.mode, m] as const))('%s', (_name, m) => {
    const live = lines.get(m.mode)
    expect(live, `no error line for ${m.mode}`).toBeDefined()
    const file = join(FIXTURES, `${m.mode}.stderr.txt`)
    if (process.env.UPDATE_SKOPEO_FIXTURES === '1') {
      writeFileSync(file, `${live}\n`)
    }
    const fixture = readFileSync(file, 'utf8').trimEnd()
    expect(normalise(live!)).toBe(normalise(fixture))
    expect(classify(fixture).class).toBe(m.expected)
    expect(bed.proxy.stats().find((s) => s.name === m.mode)!.fired).toBeGreaterThan(0)
  })
})
