// The release notes the release workflow publishes come from CHANGELOG.md through
// scripts/release-notes.mjs; a missing section must stop the release with a clear message.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { releaseNotes } from '../../scripts/release-notes.mjs'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SCRIPT = join(ROOT, 'scripts', 'release-notes.mjs')
const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
const version = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version

const SAMPLE = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '### Fixed',
  '',
  '- not released yet',
  '',
  '## [1.1.0] - 2027-01-05',
  '',
  '### Added',
  '',
  '- second feature',
  '',
  '## [1.0.1] - 2026-12-01',
  '',
  '## [1.0.0] - 2026-11-28',
  '',
  '### Added',
  '',
  '- first release',
  '',
  '[unreleased]: https://example.test/compare/v1.1.0...HEAD',
  '[1.1.0]: https://example.test/compare/v1.0.0...v1.1.0',
  '[1.0.0]: https://example.test/releases/tag/v1.0.0',
  ''
].join('\n')

const run = (args: string[]) =>
  spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' })

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe('releaseNotes', () => {
  it('returns exactly the section of the version, up to the next heading', () => {
    expect(releaseNotes(SAMPLE, '1.1.0')).toBe('### Added\n\n- second feature')
  })

  it('accepts the tag form vX.Y.Z', () => {
    expect(releaseNotes(SAMPLE, 'v1.1.0')).toBe(releaseNotes(SAMPLE, '1.1.0'))
  })

  it('stops the last section before the link reference definitions', () => {
    expect(releaseNotes(SAMPLE, '1.0.0')).toBe('### Added\n\n- first release')
  })

  it('reads CRLF files', () => {
    expect(releaseNotes(SAMPLE.replace(/\n/g, '\r\n'), '1.1.0')).toBe(
      '### Added\n\n- second feature'
    )
  })

  it('says which section is missing', () => {
    const r = releaseNotes(SAMPLE, '2.0.0')
    expect(r).toBeInstanceOf(Error)
    expect((r as Error).message).toContain('## [2.0.0]')
  })

  it('refuses an empty section and a version that is not semver', () => {
    expect((releaseNotes(SAMPLE, '1.0.1') as Error).message).toMatch(/1\.0\.1 is empty/)
    expect((releaseNotes(SAMPLE, 'latest') as Error).message).toMatch(/not a semver version/)
    // "Unreleased" is a section too, but never a release.
    expect(releaseNotes(SAMPLE, 'Unreleased')).toBeInstanceOf(Error)
  })
})

describe('CHANGELOG.md', () => {
  it('has notes for the version in package.json', () => {
    const notes = releaseNotes(changelog, version)
    expect(notes).not.toBeInstanceOf(Error)
    expect(notes).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m)
  })

  it('follows Keep a Changelog: Unreleased first, dated versions, a link for each', () => {
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\](.*)$/gm)]
    expect(headings[0]?.[1]).toBe('Unreleased')
    for (const [, name, rest] of headings.slice(1)) {
      expect(name).toMatch(/^\d+\.\d+\.\d+/)
      expect(rest).toMatch(/^ - \d{4}-\d{2}-\d{2}$/)
    }
    for (const [, name] of headings) {
      const link = new RegExp(`^\\[${name?.toLowerCase().replace(/\./g, '\\.')}\\]: https://`, 'im')
      expect(changelog).toMatch(link)
    }
  })
})

describe('scripts/release-notes.mjs', () => {
  it('prints the notes of the current version and exits 0', () => {
    const r = run([`v${version}`])
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toBe(releaseNotes(changelog, version))
  })

  it('exits 1 with a clear message when the version has no section', () => {
    const r = run(['9.9.9'])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('CHANGELOG.md has no "## [9.9.9] - YYYY-MM-DD" section')
  })

  it('reads another changelog file when given one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mg-notes-'))
    dirs.push(dir)
    const file = join(dir, 'CHANGES.md')
    writeFileSync(file, SAMPLE)
    const r = run(['1.1.0', file])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('### Added\n\n- second feature\n')
  })

  it('exits 2 on usage errors: no version, unreadable file', () => {
    const none = run([])
    expect(none.status).toBe(2)
    expect(none.stderr).toContain('usage:')
    const missing = run(['1.0.0', join(tmpdir(), 'mg-no-such-changelog.md')])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('cannot read')
  })
})
