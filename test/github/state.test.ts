import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isPost, loadRunState, markPost, saveRunState } from '../../src/github/state.js'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

/** What the runner does between main and post: GITHUB_STATE entries become STATE_* variables. */
function carryStateToPost(file: string): void {
  const text = readFileSync(file, 'utf8')
  for (const m of text.matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) {
    vi.stubEnv(`STATE_${m[1] ?? ''}`, m[3] ?? '')
  }
}

describe('main/post state', () => {
  it('main marks post and saves run state; post reads both back', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'state-'))
    dirs.push(dir)
    const file = path.join(dir, 'state')
    writeFileSync(file, '')
    vi.stubEnv('GITHUB_STATE', file)
    vi.stubEnv('STATE_isPost', '')
    vi.stubEnv('STATE_runState', '')

    expect(isPost()).toBe(false)
    expect(loadRunState()).toBeUndefined()
    markPost()
    const state = { logs: ['/tmp/a.log'], attempts: 2, note: 'multi\nline <<EOF' }
    saveRunState(state)

    carryStateToPost(file)
    expect(isPost()).toBe(true)
    expect(loadRunState()).toEqual(state)
  })

  it('ignores state that is not JSON', () => {
    vi.stubEnv('STATE_runState', '{not json')
    expect(loadRunState()).toBeUndefined()
  })
})
