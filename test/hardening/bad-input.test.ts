// Hostile input for the log reader + attributor, the CLI `triage` and `verify` commands and
// the file verifier: arbitrary bytes, invalid UTF-8, NUL, 10 MB lines and a ~50 MB log
// streamed from disk. Never a throw or a hang: always a verdict or a clear error.
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { once } from 'node:events'
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { triageCommand } from '../../src/cli/triage.js'
import { verifyCommand } from '../../src/cli/verify.js'
import { Attributor } from '../../src/core/attribute.js'
import { LogParser } from '../../src/core/log-parser.js'
import { readLog } from '../../src/core/log-reader.js'
import { parseMappingText } from '../../src/core/mapping.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const DIGEST = 'sha256:0de504a533fe843a08cbc73020360dbf9af94841e30b25a54d7e21d928af8195'
const MAPPING = [
  'quay.example/ns/alpha:v1 file://ns/alpha:v1',
  'quay.example/ns/beta:v1=registry.example:5000/ns/beta:v2',
  'quay.example/ns/gamma:v1 registry.example:5000/ns/gamma'
].join('\n')

/** Arbitrary bytes with the troublesome ones over-represented. */
const bytes = (maxLength: number): fc.Arbitrary<Uint8Array> =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(0x00, 0x0a, 0x0d, 0x1b, 0x80, 0xc0, 0xff, 0xe2, 0x3a, 0x23, 0x3d, 0x20)
      ),
      { maxLength }
    )
    .map((a) => Uint8Array.from(a))

/** Realistic oc lines (some naming the mapping's refs) cut and spliced with random bytes. */
const logArb = fc
  .array(
    fc.oneof(
      bytes(120),
      fc
        .constantFrom(
          `${DIGEST} file://ns/alpha:v1`,
          `${DIGEST} registry.example:5000/ns/beta:v2`,
          'error: unable to retrieve source image quay.example/ns/alpha by tag v1: errors:',
          'toomanyrequests: too many requests',
          'error: one or more errors occurred',
          '==== mirror-guard attempt 2 ====',
          'phase 0:',
          'info: Mirroring completed in 1.2s (3MB/s)'
        )
        .map((s) => new TextEncoder().encode(s))
    ),
    { maxLength: 40 }
  )
  .map((parts) => Buffer.concat(parts.flatMap((p) => [Buffer.from(p), Buffer.from('\n')])))

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mg-bad-input-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function io(): {
  out: string
  err: string
  io: { out: (s: string) => void; err: (s: string) => void; cwd: string }
} {
  const r = {
    out: '',
    err: '',
    io: {
      out: (s: string) => void (r.out += s),
      err: (s: string) => void (r.err += s),
      cwd: dir
    }
  }
  return r
}

describe('log reader + attributor on arbitrary logs', () => {
  const set = parseMappingText(MAPPING, 'mapping.txt')

  it('gives every entry a verdict; mirrored only when its destination appears in a success line', () => {
    fc.assert(
      fc.property(logArb, (log) => {
        const parser = new LogParser()
        const attributor = new Attributor(set)
        const text = log.toString('utf8')
        for (const line of text.split('\n'))
          for (const e of parser.push(line)) attributor.onEvent(e)
        for (const e of parser.end()) attributor.onEvent(e)
        const verdicts = attributor.finish().verdicts
        expect(verdicts.map((v) => v.entryId).sort()).toEqual([0, 1, 2])
        for (const v of verdicts) {
          expect(['mirrored', 'failed']).toContain(v.status)
          if (v.status !== 'mirrored') continue
          const dst = ['file://ns/alpha:v1', 'registry.example:5000/ns/beta:v2'][v.entryId]
          // Positive confirmation only: the exact success line is in the log.
          expect(dst, `entry ${v.entryId} mirrored without a success line`).toBeDefined()
          expect(text.split('\n')).toContain(`${DIGEST} ${dst}`)
        }
      }),
      { numRuns: 300 }
    )
  })

  it('streams random bytes from disk without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(bytes(4096), async (data) => {
        const path = join(dir, 'random.log')
        writeFileSync(path, data)
        let events = 0
        const stats = await readLog(path, () => void events++)
        expect(stats.bytes).toBe(data.length)
        expect(events).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 60 }
    )
  })
})

describe('CLI on hostile files', () => {
  it('triage: arbitrary log and mapping bytes → exit 0, 1 or 2, never a throw; 2 names the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        logArb,
        fc.oneof(bytes(300), fc.constant(new TextEncoder().encode(MAPPING))),
        async (log, mapping) => {
          writeFileSync(join(dir, 't.log'), log)
          writeFileSync(join(dir, 't-mapping.txt'), mapping)
          const r = io()
          const code = await triageCommand(
            ['--log', 't.log', '-f', 't-mapping.txt', '--no-retry-out', '--json', 't.json'],
            r.io
          )
          expect([0, 1, 2]).toContain(code)
          if (code === 2) expect(r.err).toMatch(/t-mapping\.txt|t\.log/)
          else expect(r.out.length).toBeGreaterThan(0)
        }
      ),
      { numRuns: 60 }
    )
  })

  it('triage: a mapping with a 10 MB line is a clear error naming file and line', async () => {
    writeFileSync(join(dir, 'long-mapping.txt'), `${MAPPING}\n${'a'.repeat(10 * 1024 * 1024)}\n`)
    writeFileSync(join(dir, 'empty.log'), '')
    const r = io()
    const code = await triageCommand(
      ['--log', 'empty.log', '-f', 'long-mapping.txt', '--no-retry-out'],
      r.io
    )
    expect(code).toBe(2)
    expect(r.err).toMatch(/long-mapping\.txt:4/)
    expect(r.err.length).toBeLessThan(10_000)
  })

  it('triage: a ~50 MB log streamed from disk still gives each line its verdict', async () => {
    const path = join(dir, 'huge.log')
    const out = createWriteStream(path)
    const noise = [
      'I1128 05:58:29.133282   30802 mirror.go:594] ' + 'x'.repeat(200),
      `uploading: file://ns/other ${DIGEST} 1MiB`,
      '\u0000\u00ff\ufffd binary junk \u001b[31m',
      'y'.repeat(64 * 1024 + 7)
    ].join('\n')
    let written = 0
    while (written < 50 * 1024 * 1024) {
      if (!out.write(noise + '\n')) await once(out, 'drain')
      written += Buffer.byteLength(noise) + 1
    }
    out.write(`${DIGEST} file://ns/alpha:v1\n`)
    out.write(
      'error: unable to retrieve source image quay.example/ns/beta manifest sha256:1111111111111111111111111111111111111111111111111111111111111111: toomanyrequests: too many requests\n'
    )
    out.end()
    await once(out, 'finish')
    expect(statSync(path).size).toBeGreaterThan(50 * 1024 * 1024)
    writeFileSync(join(dir, 'huge-mapping.txt'), MAPPING + '\n')
    const r = io()
    const code = await triageCommand(
      ['--log', 'huge.log', '-f', 'huge-mapping.txt', '--no-retry-out', '--json', 'huge.json'],
      r.io
    )
    expect(code).toBe(1)
    const report = JSON.parse(readFileSync(join(dir, 'huge.json'), 'utf8')) as {
      lines: { line: number; status: string; classes: string[] }[]
    }
    expect(report.lines.map((l) => [l.line, l.status])).toEqual([
      [1, 'mirrored'],
      [2, 'failed'],
      [3, 'failed']
    ])
    expect(report.lines[1].classes).toContain('rate-limit')
    rmSync(path)
  }, 120_000)

  it('verify: arbitrary mapping bytes → exit 0, 1 or 2, never a throw', async () => {
    mkdirSync(join(dir, 'mirror'), { recursive: true })
    await fc.assert(
      fc.asyncProperty(bytes(300), async (mapping) => {
        writeFileSync(join(dir, 'v-mapping.txt'), mapping)
        const r = io()
        const code = await verifyCommand(['-f', 'v-mapping.txt', '--dir', 'mirror'], r.io)
        expect([0, 1, 2]).toContain(code)
        if (code === 2) expect(r.err).toContain('v-mapping.txt')
      }),
      { numRuns: 60 }
    )
  })

  it('verify: garbage manifests, blobs and tag links in a file:// tree → a verdict naming the problem', async () => {
    const root = join(dir, 'garbage')
    writeFileSync(join(dir, 'g-mapping.txt'), 'quay.example/ns/a:v1 file://ns/a:v1\n')
    await fc.assert(
      fc.asyncProperty(bytes(2048), bytes(64), async (manifest, blob) => {
        rmSync(root, { recursive: true, force: true })
        const repo = join(root, 'v2', 'ns', 'a')
        mkdirSync(join(repo, 'manifests'), { recursive: true })
        mkdirSync(join(repo, 'blobs'), { recursive: true })
        writeFileSync(join(repo, 'manifests', DIGEST), manifest)
        writeFileSync(join(repo, 'manifests', 'v1'), manifest)
        writeFileSync(join(repo, 'blobs', DIGEST), blob)
        const r = io()
        const code = await verifyCommand(
          ['-f', 'g-mapping.txt', '--dir', 'garbage', '--digest'],
          r.io
        )
        // Random bytes are never a valid, complete image.
        expect(code).toBe(1)
        expect(r.out + r.err).toMatch(/ns\/a/)
      }),
      { numRuns: 40 }
    )
  })
})

describe('the bundled CLI (dist/cli.js) on hostile files', () => {
  const cli = join(ROOT, 'dist', 'cli.js')
  const hostile: Record<string, Buffer | 'dir' | 'missing'> = {
    'nul.txt': Buffer.from('a\u0000b:v1 c:v1\n\u0000\u0000\n'),
    'invalid-utf8.txt': Buffer.from([
      0xc3, 0x28, 0x0a, 0xff, 0xfe, 0x20, 0x3d, 0x0a, 0xed, 0xa0, 0x80
    ]),
    'crlf-bom.txt': Buffer.from('\ufeffquay.example/a:v1 file://a:v1\r\n'),
    'long-line.txt': Buffer.from('b'.repeat(10 * 1024 * 1024) + ' c\n'),
    'a-directory': 'dir',
    'does-not-exist.txt': 'missing'
  }

  it.each(Object.keys(hostile))(
    'triage and verify with %s: a verdict or a clear error, no crash',
    (name) => {
      const what = hostile[name]
      const path = join(dir, 'cli-' + name)
      if (what === 'dir') mkdirSync(path, { recursive: true })
      else if (what !== 'missing') writeFileSync(path, what)
      writeFileSync(join(dir, 'cli-ok-mapping.txt'), MAPPING + '\n')
      const runs = [
        ['triage', '--log', path, '-f', join(dir, 'cli-ok-mapping.txt'), '--no-retry-out'],
        ['triage', '--log', join(dir, 'cli-ok-mapping.txt'), '-f', path, '--no-retry-out'],
        ['verify', '-f', path, '--dir', dir]
      ]
      for (const args of runs) {
        const r = spawnSync(process.execPath, [cli, ...args], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 60_000
        })
        expect(r.signal, args.join(' ')).toBeNull()
        expect([0, 1, 2], `${args.join(' ')}: ${r.stderr}`).toContain(r.status)
        expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/)
        if (r.status === 2) expect(r.stderr.length).toBeGreaterThan(0)
      }
    }
  )
})
