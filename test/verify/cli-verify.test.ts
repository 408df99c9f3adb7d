import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyCommand } from '../../src/cli/verify.js'
import { buildImages, pushImages, type BuiltImages } from '../support/images.mjs'
import { startRegistry, type RunningRegistry } from '../support/registry.js'

const SAMPLES = fileURLToPath(new URL('../fixtures/oc-dir-samples/', import.meta.url))
let cwd: string

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'mg-cli-verify-'))
})
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true })
})

/** Runs the command on a terminal `columns` wide (wide by default: one line per problem). */
async function run(
  args: string[],
  columns = 250
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await verifyCommand(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    cwd,
    columns
  })
  return { code, out, err }
}

describe('mirror-guard verify: usage', () => {
  it('explains itself', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('Usage: mirror-guard verify -f MAPPING')
    expect(r.out).toContain('--from-dir')
    expect(r.out).toContain('Exit status')
  })

  it.each([
    [['--dir', 'x'], 'missing -f MAPPING'],
    [['-f', 'm.txt', '--bogus'], "Unknown option '--bogus'"],
    [['-f', 'm.txt', 'extra'], 'positional'],
    [['-f', 'nope.txt'], 'open nope.txt: no such file or directory']
  ])('exits 2 for %j', async (args, message) => {
    const r = await run(args)
    expect(r.code).toBe(2)
    expect(r.err).toContain(message)
  })

  it('exits 2 naming file:line for a mapping error', async () => {
    await writeFile(join(cwd, 'bad.txt'), '# comment\nquay.io/ns/a:v1=file://NS/A:v1\n')
    const r = await run(['-f', 'bad.txt'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('bad.txt:2: error:')
    expect(r.err).toContain('repository name must be lowercase')
  })

  it('exits 2 for an unreadable registry config', async () => {
    await writeFile(join(cwd, 'ok.txt'), 'quay.io/ns/a:v1=file://ns/a:v1\n')
    await writeFile(join(cwd, 'auth.json'), '{"auths": 1}')
    const r = await run(['-f', 'ok.txt', '-a', 'auth.json'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('"auths" is not an object')
  })
})

describe('mirror-guard verify: file:// trees written by oc', () => {
  it('clean tree: exit 0, every line complete', async () => {
    const dir = join(SAMPLES, 'clean')
    const r = await run(['-f', join(dir, 'mapping.txt'), '--dir', join(dir, 'mirror'), '--digest'])
    // --digest says what it does on stderr (progress every few seconds on long runs).
    expect(r.err).toBe('verify: reading and hashing every blob of 4 mapping entries…\n')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/complete +\S*mapping\.txt:1 +file:\/\/small\/a:v1/)
    expect(r.out).toContain('4 of 4 mapping entries complete')
  })

  it('bug-429 tree: exit 1, small/a incomplete naming the missing layer, JSON written', async () => {
    const dir = join(SAMPLES, 'bug-429')
    const r = await run([
      '-f',
      join(dir, 'mapping.txt'),
      '--dir',
      join(dir, 'mirror'),
      '--json',
      'out.json'
    ])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(
      /INCOMPLETE +\S*mapping\.txt:1 +file:\/\/small\/a:v1\n {4}missing-blob: layer\[1\] sha256:836d56d4/
    )
    expect(r.out).toContain('3 of 4 mapping entries complete, 1 incomplete')
    const json = JSON.parse(await readFile(join(cwd, 'out.json'), 'utf8')) as {
      version: number
      complete: boolean
      lines: {
        file: string
        line: number
        source: string
        destination: string
        complete: boolean
        problems: { kind: string; digest: string }[]
      }[]
    }
    expect(json.version).toBe(1)
    expect(json.complete).toBe(false)
    expect(json.lines.map((l) => [l.line, l.complete])).toEqual([
      [1, false],
      [2, true],
      [3, true],
      [4, true]
    ])
    expect(json.lines[0]).toMatchObject({
      source: '127.0.0.1:5002/small/a:v1',
      destination: 'file://small/a:v1',
      problems: [
        {
          kind: 'missing-blob',
          digest: 'sha256:836d56d412b69d952cc6b60930c21699d08dc9ad9eeebfb5414a218f5bf3e35d'
        }
      ]
    })
  })

  it('bug-truncated-stream: the layer and the .download leftover, JSON on stdout', async () => {
    const dir = join(SAMPLES, 'bug-truncated-stream')
    const r = await run([
      '-f',
      join(dir, 'mapping.txt'),
      '--dir',
      join(dir, 'mirror'),
      '--json',
      '-'
    ])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.out) as { lines: { line: number; problems: { kind: string }[] }[] }
    expect(json.lines[4].problems.map((p) => p.kind)).toEqual(['missing-blob', 'leftover-download'])
  })

  it('--from-dir checks file:// sources before a push', async () => {
    const work = join(cwd, 'push')
    await cp(join(SAMPLES, 'bug-429/mirror'), join(work, 'mirror'), {
      recursive: true,
      verbatimSymlinks: true
    })
    // oc creates --dir as it writes; here it exists but nothing was written to it yet.
    await mkdir(join(work, 'out'), { recursive: true })
    await writeFile(
      join(work, 'push.txt'),
      'file://small/a:v1=127.0.0.1:1/small/a:v1\nfile://small/b:v1=file://copy/b:v1\n'
    )
    const r = await run([
      '-f',
      join(work, 'push.txt'),
      '--from-dir',
      join(work, 'mirror'),
      '--dir',
      join(work, 'out')
    ])
    expect(r.code).toBe(1)
    // Line 1: the source misses a layer (and the registry at port 1 is unreachable).
    expect(r.out).toMatch(/missing-blob: source file:\/\/small\/a:v1: layer\[1\] sha256:836d56d4/)
    expect(r.out).toContain('unreachable')
    // Line 2: source complete, destination never written.
    expect(r.out).toMatch(
      /push\.txt:2 +file:\/\/copy\/b:v1\n {4}missing-manifest: nothing was written for file:\/\/copy\/b:v1: \S+ does not exist/
    )
  })

  it('s3:// destinations are reported as not checked', async () => {
    await writeFile(
      join(cwd, 's3.txt'),
      'quay.io/ns/a:v1=s3://s3.amazonaws.com/us-east-1/bucket/ns/a:v1\n'
    )
    const r = await run(['-f', 's3.txt'])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(
      /NOT CHECKED +s3\.txt:1 .* not checked: s3:\/\/ destinations cannot be checked/
    )
    expect(r.out).toContain('0 of 1 mapping entry complete, 1 not checked')
  })
})

describe('mirror-guard verify: registry destinations', () => {
  let reg: RunningRegistry
  let built: BuiltImages
  beforeAll(async () => {
    reg = await startRegistry()
    built = await buildImages([{ repo: 'ns/img', tag: 'v1', layers: [{ seed: 11, size: 2048 }] }])
    await pushImages(built, reg.host)
  })
  afterAll(async () => {
    await reg?.stop()
    if (built) await rm(built.layoutDir, { recursive: true, force: true })
  })

  it('exit 0 when the registry has it all, 1 after a layer is deleted', async () => {
    await writeFile(join(cwd, 'reg.txt'), `quay.io/ns/img:v1=${reg.host}/ns/img:v1\n`)
    const ok = await run(['-f', 'reg.txt', '--insecure'])
    expect(ok.code).toBe(0)
    expect(ok.out).toContain(`complete  reg.txt:1  ${reg.host}/ns/img:v1`)
    const layer = built.images[0].manifests[0].layerDigests[0]
    expect((await fetch(`${reg.url}/v2/ns/img/blobs/${layer}`, { method: 'DELETE' })).status).toBe(
      202
    )
    const bad = await run(['-f', 'reg.txt', '--insecure'])
    expect(bad.code).toBe(1)
    expect(bad.out).toContain(`missing-blob: layer[0] ${layer}`)
  })
})

describe('mirror-guard verify as a Unix tool', () => {
  const bug429 = join(SAMPLES, 'bug-429')

  it('exits 2 with one line naming a --dir or --from-dir that does not exist', async () => {
    await writeFile(join(cwd, 'typo.txt'), 'quay.io/ns/a:v1=file://ns/a:v1\n')
    for (const flag of ['--dir', '--from-dir']) {
      const r = await run(['-f', 'typo.txt', flag, 'mirorr'])
      expect(r.code, flag).toBe(2)
      expect(r.out).toBe('')
      expect(r.err.split('\n')[0]).toBe(
        `mirror-guard verify: ${flag} mirorr: no such file or directory`
      )
      expect(r.err).not.toContain('INCOMPLETE')
    }
  })

  it('exits 2 with one line naming a JSON or retry file it cannot write', async () => {
    for (const args of [
      ['--json', '/nonexistent-dir/x.json'],
      ['--retry-out', '/nonexistent-dir/retry.txt']
    ]) {
      const r = await run([
        '-f',
        join(bug429, 'mapping.txt'),
        '--dir',
        join(bug429, 'mirror'),
        ...args
      ])
      expect(r.code, args[0]).toBe(2)
      expect(r.out).toBe('')
      expect(r.err.trim().split('\n')[0]).toMatch(
        new RegExp(
          `^mirror-guard verify: cannot write .* ${args[1]}: /nonexistent-dir: no such file or directory$`
        )
      )
      expect(r.err).not.toMatch(/\n\s+at /)
    }
  })

  it('--json - puts only the JSON on stdout', async () => {
    const r = await run([
      '-f',
      join(bug429, 'mapping.txt'),
      '--dir',
      join(bug429, 'mirror'),
      '--json',
      '-'
    ])
    expect(r.code).toBe(1)
    const json = JSON.parse(r.out) as {
      counts: Record<string, number>
      lines: { status: string }[]
    }
    expect(json.counts).toEqual({ complete: 3, incomplete: 1, 'not-checked': 0 })
    expect(json.lines.map((l) => l.status)).toEqual([
      'incomplete',
      'complete',
      'complete',
      'complete'
    ])
    expect(r.err).toContain('3 of 4 mapping entries complete, 1 incomplete')
  })

  it('--retry-out writes the lines found broken, verbatim, for oc to rerun', async () => {
    const r = await run([
      '-f',
      join(bug429, 'mapping.txt'),
      '--dir',
      join(bug429, 'mirror'),
      '--retry-out',
      'verify-retry.txt'
    ])
    expect(r.code).toBe(1)
    const retry = await readFile(join(cwd, 'verify-retry.txt'), 'utf8')
    const mapping = (await readFile(join(bug429, 'mapping.txt'), 'utf8')).split('\n')
    expect(retry.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([mapping[0]])
    expect(retry).toMatch(
      /^# \S*mapping\.txt:1 incomplete: missing-blob: layer\[1\] sha256:836d56d4/m
    )
    expect(r.out).toContain('retry mapping: verify-retry.txt (1 entry not proven complete)')
  })

  it('fits an 80-column terminal; the JSON keeps every problem in full', async () => {
    const r = await run(
      ['-f', join(bug429, 'mapping.txt'), '--dir', join(bug429, 'mirror'), '--json', 'full.json'],
      80
    )
    for (const line of r.out.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80)
    expect(r.out).toContain('missing-blob: layer[1] sha256:836d56d4')
    const json = await readFile(join(cwd, 'full.json'), 'utf8')
    expect(json).toContain(
      'sha256:836d56d412b69d952cc6b60930c21699d08dc9ad9eeebfb5414a218f5bf3e35d'
    )
  })

  it('an unreachable registry is "not checked" with the reason, not "incomplete"', async () => {
    await writeFile(join(cwd, 'down.txt'), 'quay.io/ns/a:v1=127.0.0.1:1/ns/a:v1\n')
    const r = await run([
      '-f',
      'down.txt',
      '--insecure',
      '--json',
      'down.json',
      '--retry-out',
      'down-retry.txt'
    ])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(
      /NOT CHECKED +down\.txt:1 +127\.0\.0\.1:1\/ns\/a:v1 +not checked: unreachable: /
    )
    expect(r.out).not.toContain('INCOMPLETE')
    expect(r.out).toContain('0 of 1 mapping entry complete, 1 not checked')
    const json = JSON.parse(await readFile(join(cwd, 'down.json'), 'utf8')) as {
      lines: { status: string; checked: boolean; reason: string }[]
    }
    expect(json.lines[0]).toMatchObject({ status: 'not-checked', checked: false })
    expect(json.lines[0]?.reason).toMatch(/^unreachable: /)
    // Not proven is not mirrored: the line is in the retry mapping, marked as not checked.
    const retry = await readFile(join(cwd, 'down-retry.txt'), 'utf8')
    expect(retry).toMatch(/^# down\.txt:1 unconfirmed: not checked: unreachable: /m)
    expect(retry).toContain('quay.io/ns/a:v1=127.0.0.1:1/ns/a:v1\n')
  })
})
