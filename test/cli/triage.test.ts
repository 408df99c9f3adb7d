// `mirror-guard triage` end to end: the function, and the committed bundle dist/cli.js.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { triageCommand } from '../../src/cli/triage.js'
import type { CliIo } from '../../src/cli/io.js'
import { readCase } from '../support/transcripts.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const EXAMPLES = join(ROOT, 'examples')

let dir: string
let out: string
let err: string
let io: CliIo

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mg-triage-'))
  out = ''
  err = ''
  io = { out: (s) => void (out += s), err: (s) => void (err += s), cwd: dir }
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const ALPHA = '127.0.0.1:5002/ns/alpha:v1=file://ns/alpha:v1'

describe('mirror-guard triage', () => {
  it('finds the seed failure although oc printed a success line for it', async () => {
    const code = await triageCommand(
      [
        '--log',
        join(EXAMPLES, 'mirror.log'),
        '-f',
        join(EXAMPLES, 'mapping.txt'),
        '--json',
        'r.json'
      ],
      io
    )
    expect(code).toBe(1)
    const retry = readFileSync(join(dir, 'mirror-guard-retry.txt'), 'utf8')
    const mappingLines = retry.split('\n').filter((l) => l && !l.startsWith('#'))
    expect(mappingLines).toEqual([ALPHA])
    expect(retry).toMatch(/^# .*mapping\.txt:1 rate-limit: /m)
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as {
      lines: { line: number; status: string; classes: string[]; evidence: number[] }[]
      counts: Record<string, number>
    }
    expect(report.lines.map((l) => [l.line, l.status])).toEqual([
      [1, 'failed'],
      [2, 'mirrored'],
      [3, 'mirrored'],
      [4, 'mirrored'],
      [5, 'mirrored']
    ])
    expect(report.lines[0]?.classes).toEqual(['rate-limit'])
    expect(report.counts).toEqual({ 'rate-limit': 1 })
    const log = readFileSync(join(EXAMPLES, 'mirror.log'), 'utf8').split('\n')
    const n = report.lines[0]?.evidence[0] ?? 0
    expect(log[n - 1]).toMatch(/^error: unable to open source layer .*HTTP 429/)
    expect(out).toMatch(/FAILED\s+.*mapping\.txt:1/)
    expect(out).toContain('4 of 5 mapping entries mirrored, 1 failed')
    // A file:// destination: the rerun needs --force (oc ≤4.13 wrote the manifest anyway).
    expect(out).toContain('rerun with: oc image mirror -f mirror-guard-retry.txt --force …')
  })

  it('suggests --force only for file:// destinations, not for registries', async () => {
    const tc = readCase('4.12', '401-manifest-reg')
    writeFileSync(join(dir, 'log.txt'), tc.stderr + tc.stdout)
    writeFileSync(join(dir, 'mapping.txt'), tc.mapping)
    expect(await triageCommand(['--log', 'log.txt', '-f', 'mapping.txt'], io)).toBe(1)
    expect(out).toContain('rerun with: oc image mirror -f mirror-guard-retry.txt …')
    expect(out).not.toContain('--force')
  })

  it('reads stdout and stderr kept apart', async () => {
    const tc = readCase('4.12', '401-manifest-file')
    writeFileSync(join(dir, 'err.txt'), tc.stderr)
    writeFileSync(join(dir, 'out.txt'), tc.stdout)
    writeFileSync(join(dir, 'mapping.txt'), tc.mapping)
    const code = await triageCommand(
      ['--log', 'err.txt', '--stdout', 'out.txt', '-f', 'mapping.txt', '--json', '-', '-q'],
      io
    )
    expect(code).toBe(1)
    const json = JSON.parse(out.slice(out.indexOf('{'))) as { lines: { classes: string[] }[] }
    expect(json.lines[0]?.classes).toEqual(['auth'])
  })

  it('exits 0 and writes no retry mapping when everything was mirrored', async () => {
    const tc = readCase('4.12', 'clean-reg')
    writeFileSync(join(dir, 'log.txt'), tc.stderr + tc.stdout)
    writeFileSync(join(dir, 'mapping.txt'), tc.mapping)
    expect(await triageCommand(['--log', 'log.txt', '-f', 'mapping.txt'], io)).toBe(0)
    expect(existsSync(join(dir, 'mirror-guard-retry.txt'))).toBe(false)
    expect(out).toContain('nothing to retry')
  })

  it('exits 2 naming what is wrong: missing flag, missing file, bad mapping line, garbage log', async () => {
    expect(await triageCommand(['-f', 'm.txt'], io)).toBe(2)
    expect(err).toContain('missing --log')
    err = ''
    expect(await triageCommand(['--log', 'nope.log', '-f', 'm.txt'], io)).toBe(2)
    expect(err).toContain('nope.log: no such file')
    err = ''
    writeFileSync(join(dir, 'log.txt'), 'hello\n')
    writeFileSync(join(dir, 'bad.txt'), '# header\nquay.io/ns/a:v1\tfile://ns/a:v1\n')
    expect(await triageCommand(['--log', 'log.txt', '-f', 'bad.txt'], io)).toBe(2)
    expect(err).toMatch(/bad\.txt:2: error: /)
    err = ''
    writeFileSync(join(dir, 'm.txt'), `${ALPHA}\n`)
    writeFileSync(
      join(dir, 'junk.log'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0a, 0xff, 0x00, 0x0a])
    )
    expect(await triageCommand(['--log', 'junk.log', '-f', 'm.txt'], io)).toBe(2)
    expect(err).toContain('junk.log: none of its')
    err = ''
    expect(await triageCommand(['--log', 'log.txt', '--bogus'], io)).toBe(2)
    expect(err).toMatch(/bogus/)
  })

  it('--help explains the command', async () => {
    expect(await triageCommand(['--help'], io)).toBe(0)
    expect(out).toContain('Usage: mirror-guard triage')
    expect(out).toContain('Exit status')
  })
})

describe('the bundle dist/cli.js', () => {
  it.runIf(existsSync(join(ROOT, 'dist', 'cli.js')))(
    'node dist/cli.js triage on the seed example reports alpha and exits 1',
    () => {
      const r = spawnSync(
        process.execPath,
        [
          join(ROOT, 'dist', 'cli.js'),
          'triage',
          '--log',
          join(EXAMPLES, 'mirror.log'),
          '-f',
          join(EXAMPLES, 'mapping.txt')
        ],
        { cwd: dir, encoding: 'utf8' }
      )
      expect(r.status).toBe(1)
      expect(r.stdout).toMatch(/FAILED\s+\S*mapping\.txt:1\s/)
      const retry = readFileSync(join(dir, 'mirror-guard-retry.txt'), 'utf8')
      expect(retry.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual([ALPHA])
      expect(
        execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--help'], {
          encoding: 'utf8'
        })
      ).toContain('triage')
    }
  )
})
