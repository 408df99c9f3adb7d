// Real oc 4.13/4.14 and docker-registry: a file:// and a registry destination with the same
// registry component share one registry plan in oc, and both success lines carry the prefix of
// whichever was planned first (docs/oc-behaviour.md §4.6). The mis-spelled line is not taken as
// confirmed by another line's key; it stays unconfirmed after one attempt and is confirmed,
// digest-checked, by the retry that runs it alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import type { RetryPolicy } from '../../src/core/retry-plan.js'
import { OcEngine } from '../../src/engines/oc.js'
import { AttemptLog } from '../../src/run/attempt-log.js'
import { runJob } from '../../src/run/job.js'
import { makeVerifier } from '../../src/action/verify-hook.js'
import { startBed, type Bed } from '../support/bed.js'
import { ocBinaries, sayWhyNoOc } from '../support/oc-binaries.js'

const OCS = ocBinaries()
sayWhyNoOc('shared registry plan scenarios with real oc')
let bed: Bed
const dirs: string[] = []

beforeAll(async () => {
  bed = await startBed({
    images: [{ repo: 'ns/new', tag: 'v1', layers: [{ seed: 4_601, size: 3_000 }] }]
  })
}, 120_000)
afterAll(async () => {
  await bed?.stop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const policy = (maxAttempts: number): RetryPolicy => ({
  maxAttempts,
  retryOn: ['unconfirmed', 'unverified', 'wrong-image', 'incomplete'],
  retryDelaySeconds: 0,
  maxRetryDelaySeconds: 0,
  retryMaxPerRegistry: 1,
  forceOnRetry: 'auto'
})

async function mirror(oc: string, lines: string[], maxAttempts: number) {
  const dir = mkdtempSync(join(tmpdir(), 'mg-shared-plan-'))
  dirs.push(dir)
  const text = `${lines.join('\n')}\n`
  writeFileSync(join(dir, 'mapping.txt'), text)
  const set = parseMappingText(text, 'mapping.txt')
  const log = new AttemptLog(join(dir, 'logs'))
  const stdout: string[] = []
  try {
    const result = await runJob({
      engine: new OcEngine({
        binary: oc,
        cwd: dir,
        options: { insecure: true, continueOnError: true, dir: join(dir, 'tree') }
      }),
      set,
      scope: set.entries,
      firstMappingFile: join(dir, 'mapping.txt'),
      workDir: dir,
      log,
      policy: policy(maxAttempts),
      verify: makeVerifier({ inputs: { dir: 'tree', verify: 'digest', insecure: true }, cwd: dir }),
      echo: (stream, line) => {
        if (stream === 'stdout') stdout.push(line)
      }
    })
    return { result, stdout }
  } finally {
    log.close()
  }
}

describe.each(OCS)('oc $version', (oc) => {
  it('one registry component for a file:// and a registry line: each line ends proven, none by another’s success line', async () => {
    const d = bed.destination.host
    const lines = [
      `${bed.source.host}/ns/new:v1 file://${d}/ns/f${oc.version}:v1`,
      `${bed.source.host}/ns/new:v1 ${d}/ns/r${oc.version}:v1`
    ]
    const once = await mirror(oc.path, lines, 1)
    // oc printed one of the two with the other's prefix (which one depends on its plan order).
    const prefixes = once.stdout
      .filter((l) => l.startsWith('sha256:'))
      .map((l) => l.split(' ')[1]?.startsWith('file://'))
    expect(prefixes).toHaveLength(2)
    expect(prefixes[0]).toBe(prefixes[1])
    const statuses = once.result.triage.verdicts.map((v) => v.status)
    // Exactly the mis-spelled line is not confirmed: never green on a line oc did not name.
    expect(statuses.filter((s) => s === 'mirrored')).toHaveLength(1)
    expect(once.result.triage.verdicts.find((v) => v.status === 'failed')?.classes).toEqual([
      'unconfirmed'
    ])

    const twice = await mirror(
      oc.path,
      // Fresh repositories, so the retry has something to push.
      lines.map((l) => l.replace(/ \S+\/ns\/(f|r)/, (m) => `${m}x`)),
      2
    )
    expect(twice.result.triage.verdicts.map((v) => v.status)).toEqual(['mirrored', 'mirrored'])
    expect(twice.result.unprovenIds).toEqual([])
    expect(twice.result.attempts).toHaveLength(2)
  }, 180_000)
})
