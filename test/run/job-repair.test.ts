// The attempt loop carries out the repair plan: removals before the retry, and --force (for the
// whole attempt, said per line) only when a line's stale files cannot be removed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseMappingText } from '../../src/core/mapping.js'
import type { FileTreeState } from '../../src/core/repair-plan.js'
import type { AttemptRequest, Engine, OutputSink } from '../../src/engines/engine.js'
import { AttemptLog } from '../../src/run/attempt-log.js'
import { repairSummary } from '../../src/run/attempt-repair.js'
import { runJob } from '../../src/run/job.js'
import type { RemovalResult } from '../../src/run/tree-repair.js'
import type { VerifyResult } from '../../src/verify/types.js'

const tmp = mkdtempSync(join(tmpdir(), 'mg-job-repair-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const D = (c: string): string => `sha256:${c.repeat(64)}`
const set = parseMappingText(
  'quay.io/ns/a:v1=file://ns/a:v1\nquay.io/ns/b:v1=file://ns/b:v1\n',
  'mapping.txt'
)
const stale = (repo: string): FileTreeState => ({
  repoPath: `v2/${repo}`,
  tags: [{ name: 'v1', digest: D('a') }],
  manifests: [
    {
      digest: D('a'),
      file: D('a'),
      kind: 'image',
      missingBlobs: [D('b')],
      corruptBlobs: [],
      missingChildren: [],
      corrupt: false
    }
  ]
})

/** oc 4.13 as the log shows it: attempt 1 fails both lines on a blob 429, later attempts succeed. */
class ScriptedOc implements Engine {
  readonly name = 'oc' as const
  readonly requests: AttemptRequest[] = []
  version(): Promise<string> {
    return Promise.resolve('Client Version: v4.13.0-release-4.13-d192e901e')
  }
  runAttempt(req: AttemptRequest, sink: OutputSink) {
    this.requests.push(req)
    const now = new Date().toISOString()
    for (const e of req.entries) {
      if (req.attempt === 1) {
        sink(
          'stderr',
          `error: unable to open source layer ${D('b')} to copy to file://${e.destination.repository}: toomanyrequests: too many requests`
        )
      }
      sink('stdout', `${D('a')} file://${e.destination.repository}:v1`)
    }
    if (req.attempt === 1) sink('stderr', 'error: one or more errors occurred')
    return Promise.resolve({
      exitCode: req.attempt === 1 ? 1 : 0,
      timedOut: false,
      aborted: false,
      command: ['oc'],
      startedAt: now,
      endedAt: now
    })
  }
}

async function job(removeStale: (paths: readonly string[]) => Promise<RemovalResult>) {
  const engine = new ScriptedOc()
  let verified = 0
  const result = await runJob({
    engine,
    set,
    scope: set.entries,
    firstMappingFile: 'mapping.txt',
    workDir: mkdtempSync(join(tmp, 'w')),
    log: new AttemptLog(mkdtempSync(join(tmp, 'l'))),
    policy: {
      maxAttempts: 3,
      retryOn: ['rate-limit', 'incomplete'],
      retryDelaySeconds: 0,
      maxRetryDelaySeconds: 0,
      retryMaxPerRegistry: 1,
      forceOnRetry: 'auto'
    },
    tool: { engine: 'oc', ocVersion: { major: 4, minor: 13, patch: 0, raw: 'v4.13.0' } },
    removeStale,
    // After attempt 1 both trees hold a stale manifest; after attempt 2 they are complete.
    verify: (entries): Promise<VerifyResult[]> => {
      verified++
      return Promise.resolve(
        entries.map((e) =>
          verified === 1
            ? {
                entryId: e.id,
                complete: false,
                problems: [{ kind: 'missing-blob', digest: D('b'), message: 'layer missing' }],
                tree: stale(e.destination.diskPath)
              }
            : { entryId: e.id, complete: true, problems: [] }
        )
      )
    }
  })
  return { result, engine }
}

describe('runJob: repairs before a retry', () => {
  it('removes the stale files of each line and reruns without --force', async () => {
    const asked: string[][] = []
    const { result, engine } = await job((paths) => {
      asked.push([...paths])
      return Promise.resolve({ removed: paths, absent: [], refused: [] })
    })
    expect(result.triage.verdicts.map((v) => v.status)).toEqual(['mirrored', 'mirrored'])
    expect(engine.requests.map((r) => r.force)).toEqual([false, false])
    expect(asked).toEqual([
      ['v2/ns/a/manifests/v1', `v2/ns/a/manifests/${D('a')}`],
      ['v2/ns/b/manifests/v1', `v2/ns/b/manifests/${D('a')}`]
    ])
    const second = result.attempts[1]
    expect(second.force).toBe(false)
    expect(second.repairs.map((r) => [r.entryId, r.method, r.removed.length])).toEqual([
      [0, 'remove-stale', 2],
      [1, 'remove-stale', 2]
    ])
    expect(repairSummary(second.repairs)).toEqual([
      'removed 4 stale files from the mirror tree for 2 lines, rerun without --force'
    ])
  })

  it('falls back to --force for the attempt when a line cannot be repaired by removal, saying why', async () => {
    const { result, engine } = await job((paths) =>
      Promise.resolve(
        paths[0]?.includes('/ns/b/')
          ? {
              removed: [],
              absent: [],
              refused: [{ path: paths[0], why: 'it cannot be removed (EROFS)' }]
            }
          : { removed: paths, absent: [], refused: [] }
      )
    )
    expect(result.triage.verdicts.map((v) => v.status)).toEqual(['mirrored', 'mirrored'])
    expect(engine.requests.map((r) => r.force)).toEqual([false, true])
    const second = result.attempts[1]
    expect(second.force).toBe(true)
    expect(second.repairs.map((r) => r.method)).toEqual(['remove-stale', 'force'])
    expect(second.repairs[1].why).toBe(
      'could not remove v2/ns/b/manifests/v1: it cannot be removed (EROFS)'
    )
    expect(repairSummary(second.repairs)[1]).toContain('--force for this attempt (1 line)')
  })
})
