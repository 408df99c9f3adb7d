import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LineSplitter, MAX_LINE_CHARS } from '../../src/engines/line-splitter.js'
import { childEnv, runInGroup } from '../../src/engines/spawn-group.js'

/** Running (a zombie left unreaped by a container's init counts as gone). */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) [ZX] /.test(stat)
  } catch {
    return false
  }
}

describe('LineSplitter', () => {
  it('joins chunks, splits lines, drops CR, keeps a split UTF-8 character whole', () => {
    const lines: string[] = []
    const s = new LineSplitter((l) => lines.push(l))
    const euro = Buffer.from('€')
    s.push(Buffer.from('a\r\nb'))
    s.push(Buffer.concat([Buffer.from('c'), euro.subarray(0, 1)]))
    s.push(Buffer.concat([euro.subarray(1), Buffer.from('\n\nlast')]))
    s.end()
    expect(lines).toEqual(['a', 'bc€', '', 'last'])
  })

  it('cuts a runaway line into bounded pieces', () => {
    const lines: string[] = []
    const s = new LineSplitter((l) => lines.push(l))
    s.push('x'.repeat(MAX_LINE_CHARS * 2 + 5))
    s.end()
    expect(lines.map((l) => l.length)).toEqual([MAX_LINE_CHARS, MAX_LINE_CHARS, 5])
  })
})

describe('childEnv', () => {
  it('drops action inputs (they may hold secrets) and runtime tokens', () => {
    const env = childEnv({
      PATH: '/bin',
      'INPUT_REGISTRY-AUTH': '{"auths":{}}',
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'o',
      STATE_runState: '{}',
      HOME: '/root'
    })
    expect(env).toEqual({ PATH: '/bin', HOME: '/root' })
  })
})

describe('runInGroup', () => {
  it('streams stdout and stderr lines apart and returns the exit code', async () => {
    const got: string[] = []
    const r = await runInGroup(
      'sh',
      ['-c', 'echo out1; echo err1 >&2; echo out2; exit 3'],
      (s, l) => got.push(`${s}:${l}`)
    )
    expect(r).toEqual({ exitCode: 3, signal: undefined, timedOut: false, aborted: false })
    expect(got.filter((g) => g.startsWith('stdout'))).toEqual(['stdout:out1', 'stdout:out2'])
    expect(got.filter((g) => g.startsWith('stderr'))).toEqual(['stderr:err1'])
  })

  it('on timeout stops the whole process group, grandchildren included', async () => {
    let grandchild = 0
    const r = await runInGroup(
      'sh',
      ['-c', 'sleep 30 & echo $!; wait'],
      (s, l) => {
        if (s === 'stdout') grandchild = Number(l)
      },
      { timeoutMs: 300, killGraceMs: 500 }
    )
    expect(r.timedOut).toBe(true)
    expect(r.exitCode).toBeNull()
    expect(grandchild).toBeGreaterThan(0)
    await new Promise((res) => setTimeout(res, 100))
    expect(alive(grandchild)).toBe(false)
  })

  it('escalates to SIGKILL when the child ignores SIGTERM', async () => {
    const r = await runInGroup('sh', ['-c', 'trap "" TERM; sleep 30 & wait; sleep 30'], () => {}, {
      timeoutMs: 200,
      killGraceMs: 300
    })
    expect(r.timedOut).toBe(true)
    expect(r.signal).toBe('SIGKILL')
  })

  it('stops on abort', async () => {
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 200)
    const r = await runInGroup('sleep', ['30'], () => {}, { signal: ac.signal })
    expect(r.aborted).toBe(true)
    expect(r.timedOut).toBe(false)
  })

  it('rejects with a clear message when the binary does not exist', async () => {
    await expect(runInGroup('/nonexistent/oc', ['version'], () => {})).rejects.toThrow(
      /cannot start \/nonexistent\/oc: .*ENOENT/
    )
  })
})
