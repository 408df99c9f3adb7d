// `npm run demo` as a user runs it: with a real oc client on the PATH the demo picks engine oc
// (oc 4.13 and 4.14 in CI), and with none, skopeo. Either way the two rate-limited lines fail
// in attempt 1, are retried alone and recover in attempt 2.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actionBundle, ROOT } from '../support/action-bundle.js'
import { ocBinaries, sayWhyNoOc } from '../support/oc-binaries.js'

sayWhyNoOc('the demo with engine oc')

let bundle: string
const dirs: string[] = []

beforeAll(async () => {
  bundle = await actionBundle()
})

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** Runs scripts/demo.mjs with `oc` on the PATH pointing at `oc` (or no oc at all). */
function demo(oc: string | undefined): Promise<{ code: number | null; out: string }> {
  const bin = mkdtempSync(join(tmpdir(), 'mg-demo-bin-'))
  dirs.push(bin)
  if (oc !== undefined) symlinkSync(oc, join(bin, 'oc'))
  // The PATH without any other oc, so the demo finds exactly this one (or none).
  const others = (process.env['PATH'] ?? '')
    .split(':')
    .filter((d) => d !== '' && !existsSync(join(d, 'oc')))
  const path = [bin, ...others].join(':')
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/demo.mjs', '--action', bundle], {
      cwd: ROOT,
      env: { PATH: path, HOME: process.env['HOME'] ?? tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, out })
    })
  })
}

describe.each([
  { label: 'skopeo (no oc on the PATH)', oc: undefined, engine: 'skopeo' },
  ...ocBinaries().map((o) => ({ label: `oc ${o.version}`, oc: o.path, engine: 'oc' }))
])('npm run demo, $label', ({ oc, engine }) => {
  it(`picks engine ${engine}; both rate-limited lines recover in attempt 2`, async () => {
    const { code, out } = await demo(oc)
    expect(code, out).toBe(0)
    expect(out).toContain(`2. The action (${engine} engine)`)
    expect(out).toContain('rate-limited in attempt 1: mapping.txt:2, mapping.txt:4')
    expect(out).toMatch(/2 attempt\(s\); final outcome: success/)
    expect(out).toContain(
      'The 2 rate-limited lines (mapping.txt:2, mapping.txt:4) failed in attempt 1, were retried alone, and attempt 2 mirrored them.'
    )
  }, 180_000)
})
