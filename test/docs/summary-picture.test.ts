// README's picture of a job summary and its annotations (docs/job-summary.png) is made by
// scripts/summary-picture.mjs from a real demo run (test/fixtures/demo-summary, saved with
// `node scripts/demo.mjs --save`): this test runs the script on that run and compares.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotationsOf } from '../../scripts/summary-picture.mjs'

const ROOT = resolve(import.meta.dirname, '..', '..')
const PICTURE = join(ROOT, 'docs', 'job-summary.png')
const FIXTURE = join(ROOT, 'test', 'fixtures', 'demo-summary')
const CHROMIUM = process.env['CHROMIUM'] || '/usr/bin/chromium'

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file)
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  expect(b.subarray(12, 16).toString()).toBe('IHDR')
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

describe('README picture of the job summary', () => {
  it('is in the README near the top and is a PNG of the default width', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const at = readme.indexOf('](docs/job-summary.png)')
    expect(at).toBeGreaterThan(0)
    expect(at).toBeLessThan(readme.indexOf('## What it does'))
    expect(pngSize(PICTURE).width).toBe(1100)
  })

  it('reads the annotations from the workflow commands of the demo run', () => {
    const list = annotationsOf(readFileSync(join(FIXTURE, 'action-stdout.txt'), 'utf8'))
    expect(list.map((a) => [a.level, a.props['file'], a.props['line']])).toEqual([
      ['notice', 'mapping.txt', '2'],
      ['notice', 'mapping.txt', '4']
    ])
    expect(list[0]?.message).toContain('mirrored on a retry after failing attempt 1 (rate-limit)')
  })

  it.skipIf(!existsSync(CHROMIUM))(
    'is what the script renders from the demo run (headless Chromium)',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'mg-picture-'))
      try {
        const out = join(dir, 'p.png')
        const r = spawnSync(
          process.execPath,
          [join(ROOT, 'scripts', 'summary-picture.mjs'), '--from', FIXTURE, '--out', out],
          { encoding: 'utf8', timeout: 120_000 }
        )
        expect(r.stderr).not.toMatch(/Error/)
        expect(r.status).toBe(0)
        const made = pngSize(out)
        const committed = pngSize(PICTURE)
        expect(made.width).toBe(committed.width)
        // Fonts differ between machines; the layout (and so the height) barely does.
        expect(Math.abs(made.height - committed.height)).toBeLessThan(committed.height * 0.15)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    150_000
  )
})
