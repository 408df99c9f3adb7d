// `oc version --client` under a stop: the probe's whole process group is killed and version()
// rejects at once, whatever oc (or a wrapper around it) is waiting on.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { OcEngine } from '../../src/engines/oc.js'
import { SkopeoEngine } from '../../src/engines/skopeo.js'
import { ocBinaries } from '../support/oc-binaries.js'

const OCS = ocBinaries()
const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** Running (a zombie left unreaped by a container's init counts as gone). */
const alive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

/**
 * A wrapper that hangs before answering, as a wrapper script waiting on a lock or a binary on
 * a stale network mount does; it and the child it waits on write their pids.
 */
function hangingTool(): { binary: string; pids: () => number[]; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mg-oc-version-'))
  dirs.push(dir)
  const binary = join(dir, 'oc')
  writeFileSync(
    binary,
    `#!/bin/sh\necho $$ > "${dir}/pids"\nsleep 1000 &\necho $! >> "${dir}/pids"\nwait\n`
  )
  chmodSync(binary, 0o755)
  const pids = (): number[] => {
    try {
      return readFileSync(join(dir, 'pids'), 'utf8').trim().split('\n').map(Number)
    } catch {
      return []
    }
  }
  return { binary, pids, dir }
}

async function until(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('engine version() under a stop', () => {
  it('oc: the probe is killed with its process group and version() rejects at once', async () => {
    const tool = hangingTool()
    const engine = new OcEngine({ binary: tool.binary, cwd: tool.dir, options: {} })
    const ctl = new AbortController()
    const probe = engine.version(ctl.signal)
    await until(() => tool.pids().length === 2, 10_000)
    const started = Date.now()
    ctl.abort(new Error('SIGTERM'))
    await expect(probe).rejects.toThrow(/version --client was stopped/)
    // Without the signal it would wait for its 60 s timeout.
    expect(Date.now() - started).toBeLessThan(5_000)
    await until(() => tool.pids().every((p) => !alive(p)), 5_000)
  }, 30_000)

  it('oc: a signal already aborted starts nothing that outlives the call', async () => {
    const tool = hangingTool()
    const engine = new OcEngine({ binary: tool.binary, cwd: tool.dir, options: {} })
    const ctl = new AbortController()
    ctl.abort()
    await expect(engine.version(ctl.signal)).rejects.toThrow(/was stopped/)
    await until(() => tool.pids().every((p) => !alive(p)), 5_000)
  }, 30_000)

  it('skopeo: the same', async () => {
    const tool = hangingTool()
    const engine = new SkopeoEngine({ binary: tool.binary, cwd: tool.dir, options: {} })
    const ctl = new AbortController()
    const probe = engine.version(ctl.signal)
    await until(() => tool.pids().length === 2, 10_000)
    ctl.abort()
    await expect(probe).rejects.toThrow(/--version was stopped/)
    await until(() => tool.pids().every((p) => !alive(p)), 5_000)
  }, 30_000)

  it.skipIf(OCS.length === 0)(
    'real oc: a signal that never fires changes nothing',
    async () => {
      for (const oc of OCS) {
        const engine = new OcEngine({ binary: oc.path, cwd: tmpdir(), options: {} })
        const text = await engine.version(new AbortController().signal)
        expect(text).toMatch(new RegExp(`^Client Version: v?${oc.version.replace('.', '\\.')}`))
      }
    },
    60_000
  )
})
