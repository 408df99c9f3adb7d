// `mirror-guard validate` and the command dispatcher.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/io.js'
import { validateCommand } from '../../src/cli/validate.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const D = 'sha256:' + 'a'.repeat(64)

let dir: string
let out: string
let err: string
let io: CliIo

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mg-validate-'))
  out = ''
  err = ''
  io = { out: (s) => void (out += s), err: (s) => void (err += s), cwd: dir }
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('mirror-guard validate', () => {
  it('names each line oc would reject or misread and exits 1', async () => {
    writeFileSync(
      join(dir, 'm.txt'),
      [
        '# header',
        'quay.io/ns/a:v1=registry.local/m/a:v1',
        'quay.io/ns/b:v1\tregistry.local/m/b:v1',
        'quay.io/ns/c:v1=registry.local/m/a:v1',
        `quay.io/ns/d:v1=registry.local/m/d@${D}`,
        'quay.io/ns/e:v1=registry.local/m/e:v1 extra-token'
      ].join('\n')
    )
    const code = await validateCommand(['-f', 'm.txt'], io)
    expect(code).toBe(1)
    const errors = out.split('\n').filter((l) => l.includes(': error: '))
    expect(errors.map((l) => l.split(':').slice(0, 2).join(':'))).toEqual([
      'm.txt:3',
      'm.txt:4',
      'm.txt:5'
    ])
    expect(out).toContain('each destination tag may only be specified once')
    expect(out).toMatch(/m\.txt:6: warning: .*\[ignored-token\]/)
    expect(out).toMatch(/warning: .*\[no-platform-filter\]/)
  })

  it('counts the lines it checked, also those oc rejects (3 lines, 2 errors)', async () => {
    writeFileSync(
      join(dir, 'm.txt'),
      [
        'quay.io/ns/a:v1=registry.local/m/a:v1',
        `quay.io/ns/d:v1=registry.local/m/d@${D}`,
        'quay.io/ns/e:v1=quay.io/ns/e:v1'
      ].join('\n')
    )
    const code = await validateCommand(['-f', 'm.txt', '--filter-by-os', '.*'], io)
    expect(code).toBe(1)
    expect(out).toContain('3 mapping lines checked (2 entries): 2 error(s), 0 warning(s)')
  })

  it('a clean mapping with a platform filter has no findings and exits 0', async () => {
    writeFileSync(join(dir, 'm.txt'), 'quay.io/ns/a:v1=registry.local/m/a:v1\n')
    expect(
      await validateCommand(['-f', 'm.txt', '--filter-by-os', '.*', '--json', 'r.json'], io)
    ).toBe(0)
    expect(out).toContain('1 mapping line checked (1 entry): 0 error(s), 0 warning(s)')
    expect(existsSync(join(dir, 'r.json'))).toBe(true)
  })

  it('counts mapping lines, not only the entries that parsed', async () => {
    writeFileSync(
      join(dir, 'm.txt'),
      `quay.io/ns/a:v1=registry.local/m/a:v1\nquay.io/ns/b:v1=registry.local/m/b@${D}\nquay.io/ns/c:v1=file://NS/A:v1\n`
    )
    expect(await validateCommand(['-f', 'm.txt', '--filter-by-os', '.*'], io)).toBe(1)
    expect(out).toContain('3 mapping lines checked (1 entry): 2 error(s), 0 warning(s)')
  })

  it('--json - prints only JSON on stdout; the findings for people go to stderr', async () => {
    writeFileSync(join(dir, 'm.txt'), 'quay.io/ns/a:v1\tregistry.local/m/a:v1\n')
    expect(await validateCommand(['-f', 'm.txt', '--json', '-'], io)).toBe(1)
    const json = JSON.parse(out) as {
      version: number
      lines: number
      findings: { line: number; severity: string; code: string }[]
    }
    expect(json.version).toBe(1)
    expect(json.lines).toBe(1)
    expect(json.findings.length).toBeGreaterThan(0)
    expect(err).toContain('m.txt:1: ')
    expect(err).toMatch(/mapping line checked/)
  })

  it('exits 0 on a tag-less source into a repository destination (oc mirrors every tag)', async () => {
    writeFileSync(join(dir, 'm.txt'), '127.0.0.1:5000/ns/tiny 127.0.0.1:5001/tl/tiny\n')
    expect(await validateCommand(['-f', 'm.txt', '--keep-manifest-list'], io)).toBe(0)
    expect(out).toMatch(
      /m\.txt:1: warning: source 127\.0\.0\.1:5000\/ns\/tiny has neither tag nor digest.*\[tagless-source\]/
    )
    expect(out).toContain('0 error(s), 1 warning(s)')
  })

  it('warns about the missing platform filter once per file, with a count', async () => {
    const lines = Array.from(
      { length: 300 },
      (_, i) => `quay.io/ns/a${i}:v1 registry.local/m/a${i}:v1`
    )
    writeFileSync(join(dir, 'm.txt'), lines.join('\n') + '\n')
    expect(await validateCommand(['-f', 'm.txt'], io)).toBe(0)
    const platform = out.split('\n').filter((l) => l.includes('[no-platform-filter]'))
    expect(platform).toHaveLength(1)
    expect(platform[0]).toMatch(/^m\.txt:1: warning: .*all 300 mapping lines of this file/)
  })

  it('checks --filter-by-os with Go’s syntax, as oc and the action do', async () => {
    writeFileSync(join(dir, 'm.txt'), 'quay.io/ns/a:v1 registry.local/m/a:v1\n')
    expect(
      await validateCommand(['-f', 'm.txt', '--filter-by-os', '(?P<os>linux)/amd64'], io)
    ).toBe(0)
    expect(await validateCommand(['-f', 'm.txt', '--filter-by-os', 'linux/(amd64'], io)).toBe(2)
    expect(err).toContain(
      'mirror-guard validate: --filter-by-os "linux/(amd64" is not a valid regular expression: error parsing regexp: missing closing ): `linux/(amd64`'
    )
  })

  it('exits 2 with one line naming a JSON file it cannot write', async () => {
    writeFileSync(join(dir, 'm.txt'), 'quay.io/ns/a:v1 registry.local/m/a:v1\n')
    expect(await validateCommand(['-f', 'm.txt', '--json', '/nonexistent-dir/x.json'], io)).toBe(2)
    expect(out).toBe('')
    expect(err).toBe(
      'mirror-guard validate: cannot write JSON report /nonexistent-dir/x.json: /nonexistent-dir: no such file or directory\n'
    )
  })

  it('exits 2 on a missing file or a bad flag', async () => {
    expect(await validateCommand(['-f', 'nope.txt'], io)).toBe(2)
    expect(err).toContain('open nope.txt: no such file or directory')
    expect(await validateCommand(['--nope'], io)).toBe(2)
    expect(await validateCommand([], io)).toBe(2)
  })
})

describe('the mirror-guard command', () => {
  it.runIf(existsSync(join(ROOT, 'dist', 'cli.js')))(
    'lists its commands and rejects unknown ones',
    () => {
      const cli = join(ROOT, 'dist', 'cli.js')
      const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' })
      expect(help.status).toBe(0)
      for (const c of ['triage', 'verify', 'validate']) expect(help.stdout).toContain(c)
      const bad = spawnSync(process.execPath, [cli, 'frobnicate'], { encoding: 'utf8' })
      expect(bad.status).toBe(2)
      expect(bad.stderr).toContain('unknown command "frobnicate"')
    }
  )
})
