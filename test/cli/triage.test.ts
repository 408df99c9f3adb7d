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

describe('mirror-guard triage: what people see', () => {
  const log = join(EXAMPLES, 'mirror.log')
  const mapping = join(EXAMPLES, 'mapping.txt')

  it('says an empty log is empty, and still reports every line unconfirmed', async () => {
    writeFileSync(join(dir, 'empty.log'), '')
    writeFileSync(join(dir, 'blank.log'), '\n\n  \n')
    for (const name of ['empty.log', 'blank.log']) {
      err = ''
      out = ''
      expect(await triageCommand(['--log', name, '-f', mapping, '--no-retry-out'], io)).toBe(1)
      expect(err).toMatch(new RegExp(`^warning: the log ${name} is empty \\(`))
      expect(out).toContain('0 of 5 mapping entries mirrored, 5 failed')
    }
  })

  it('names a raw skopeo log and an oc-mirror v2 log instead of only rejecting them', async () => {
    writeFileSync(
      join(dir, 'skopeo.log'),
      [
        'Getting image source signatures',
        'Copying blob sha256:2617c8fdbf93a0b6e8d200018829a226971643411c19191daa82451f7cfd32cc',
        'Copying config sha256:e354acf370251ffc7cd6c29016080869b39def0db818dfffd73a8deda53272ab',
        'Writing manifest to image destination',
        'Storing signatures'
      ].join('\n') + '\n'
    )
    expect(await triageCommand(['--log', 'skopeo.log', '-f', mapping], io)).toBe(2)
    expect(err).toContain(
      'skopeo.log: this looks like a skopeo log ("Getting image source signatures"), not oc image mirror output'
    )
    expect(err.trim().split('\n')).toHaveLength(1)
    err = ''
    writeFileSync(
      join(dir, 'oc-mirror.log'),
      [
        '2025/03/01 10:00:00  [INFO]   : 👋 Hello, welcome to oc-mirror',
        '2025/03/01 10:00:00  [INFO]   : ⚙️  setting up the environment for you...',
        '2025/03/01 10:00:09  [ERROR]  : [Worker] error mirroring image quay.io/ns/a:v1 error: reading manifest v1 in quay.io/ns/a: toomanyrequests'
      ].join('\n') + '\n'
    )
    expect(await triageCommand(['--log', 'oc-mirror.log', '-f', mapping], io)).toBe(2)
    expect(err).toContain('oc-mirror.log: this looks like a oc-mirror v2 log')
    expect(err).toContain('mirroring_errors_')
  })

  it('fits the table to the terminal; the footer points at the JSON only when there is one', async () => {
    const many = join(dir, 'many.txt')
    const lines = readFileSync(mapping, 'utf8').trimEnd().split('\n')
    for (let i = 0; i < 300; i++)
      lines.push(`127.0.0.1:5002/ns/extra${i}:v1=file://ns/extra${i}:v1`)
    writeFileSync(many, lines.join('\n') + '\n')
    const narrow: typeof io = { ...io, columns: 80 }
    expect(await triageCommand(['--log', log, '-f', many, '--no-retry-out'], narrow)).toBe(1)
    for (const line of out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80)
    expect(out).toContain('… 105 more lines not shown; add --json FILE for every line')
    out = ''
    expect(
      await triageCommand(
        ['--log', log, '-f', many, '--no-retry-out', '--json', 'all.json'],
        narrow
      )
    ).toBe(1)
    expect(out).toContain('… 105 more lines in the JSON report all.json')
    const json = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as { lines: unknown[] }
    expect(json.lines).toHaveLength(305)
  })

  it('prints 500 identical run-level messages as one line with a count', async () => {
    const text = readFileSync(log, 'utf8') + 'error: one or more errors occurred\n'.repeat(499)
    writeFileSync(join(dir, 'repeated.log'), text)
    expect(
      await triageCommand(['--log', 'repeated.log', '-f', mapping, '--no-retry-out'], io)
    ).toBe(1)
    const runLevel = out.split('\n').filter((l) => l.includes('one or more errors occurred'))
    expect(runLevel).toHaveLength(1)
    expect(runLevel[0]).toMatch(
      /run-level error \(500×, first at log line \d+\): one or more errors occurred/
    )
  })

  it('exits 2 with one line naming a JSON or retry file it cannot write, before any work', async () => {
    for (const args of [
      ['--json', '/nonexistent-dir/x.json'],
      ['--retry-out', '/nonexistent-dir/retry.txt']
    ]) {
      out = ''
      err = ''
      expect(await triageCommand(['--log', log, '-f', mapping, ...args], io)).toBe(2)
      expect(out).toBe('')
      expect(err).toMatch(
        new RegExp(
          `^mirror-guard triage: cannot write [a-zA-Z ]+ ${args[1]}: /nonexistent-dir: no such file or directory\n$`
        )
      )
    }
  })

  it('suggests --force for a rerun only when a failed line has a file:// destination', async () => {
    const tc = readCase('4.12', '401-manifest-file')
    writeFileSync(join(dir, 'log.txt'), tc.stderr + tc.stdout)
    writeFileSync(join(dir, 'mapping.txt'), tc.mapping)
    await triageCommand(['--log', 'log.txt', '-f', 'mapping.txt'], io)
    const registryOnly = !tc.mapping.includes('file://')
    expect(out).toMatch(/rerun with: oc image mirror -f mirror-guard-retry\.txt/)
    expect(out.includes('--force')).toBe(!registryOnly)
  })
})

describe('the bundle dist/cli.js', () => {
  const cli = join(ROOT, 'dist', 'cli.js')

  it.runIf(existsSync(cli))(
    '`triage … | head -1` ends quietly: no stack, its own exit status',
    () => {
      // Enough JSON (over 1 MB) that the pipe closes while it is still writing: EPIPE.
      const lines = readFileSync(join(EXAMPLES, 'mapping.txt'), 'utf8').trimEnd().split('\n')
      for (let i = 0; i < 3000; i++)
        lines.push(`127.0.0.1:5002/ns/extra${i}:v1=file://ns/extra${i}:v1`)
      writeFileSync(join(dir, 'big.txt'), lines.join('\n') + '\n')
      const log = join(EXAMPLES, 'mirror.log')
      for (const tail of ['--json -', '']) {
        const r = spawnSync(
          'bash',
          [
            '-c',
            `"$0" "$1" triage --log "$2" -f big.txt ${tail} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`,
            process.execPath,
            cli,
            log
          ],
          { cwd: dir, encoding: 'utf8' }
        )
        expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1)
        expect(r.stderr, tail).not.toMatch(/EPIPE|internal error|\n\s+at /)
        expect(r.stderr).toContain('status=1')
      }
    }
  )

  it.runIf(existsSync(cli))('an output file it cannot write: one line naming it, exit 2', () => {
    for (const args of [
      ['--json', '/nonexistent-dir/x.json'],
      ['--retry-out', '/proc/x']
    ]) {
      const r = spawnSync(
        process.execPath,
        [
          cli,
          'triage',
          '--log',
          join(EXAMPLES, 'mirror.log'),
          '-f',
          join(EXAMPLES, 'mapping.txt'),
          ...args
        ],
        { cwd: dir, encoding: 'utf8' }
      )
      expect(r.status, args.join(' ')).toBe(2)
      const errLines = r.stderr.trim().split('\n')
      expect(errLines, r.stderr).toHaveLength(1)
      expect(errLines[0]).toContain(args[1])
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /)
    }
  })

  it.runIf(existsSync(cli))(
    'validate --json - prints JSON only; verify --dir <missing> exits 2',
    () => {
      writeFileSync(join(dir, 'v.txt'), '127.0.0.1:5000/ns/tiny 127.0.0.1:5001/tl/tiny\n')
      const v = spawnSync(process.execPath, [cli, 'validate', '-f', 'v.txt', '--json', '-'], {
        cwd: dir,
        encoding: 'utf8'
      })
      expect(v.status).toBe(0)
      expect((JSON.parse(v.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0)
      const w = spawnSync(
        process.execPath,
        [cli, 'verify', '-f', 'v.txt', '--dir', 'no-such-dir'],
        {
          cwd: dir,
          encoding: 'utf8'
        }
      )
      expect(w.status).toBe(2)
      expect(w.stdout).toBe('')
      expect(w.stderr.split('\n')[0]).toBe(
        'mirror-guard verify: --dir no-such-dir: no such file or directory'
      )
    }
  )

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
