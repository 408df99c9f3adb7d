// The npm package as users in an air-gapped network get it: `npm pack` of the repository, then
// `npm install <tarball> --omit=dev --offline` into an empty project (an empty npm cache, so
// nothing can come from a registry), and the installed `mirror-guard` command run for real.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..')
const pkgJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
  files: string[]
  bin: Record<string, string>
  dependencies?: Record<string, string>
  engines: { node: string }
}

// npm run by `npm test` exports npm_config_* (dry-run, omit, …): the child npm must not inherit
// them, and must find this node first.
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))
)
env['PATH'] = [dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter)

let work: string
let tarball: string
let packed: string[]
let project: string
let installed: string

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', [...args, '--cache', join(work, 'npm-cache'), '--no-update-notifier'], {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe']
  })

const mirrorGuard = (args: string[]) =>
  spawnSync(join(project, 'node_modules', '.bin', 'mirror-guard'), args, {
    cwd: project,
    env,
    encoding: 'utf8',
    timeout: 30_000
  })

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mg-pack-'))
  // --ignore-scripts: the tarball holds the committed dist/, exactly what a release ships.
  const out = JSON.parse(
    npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)
  ) as { filename: string; files: { path: string }[] }[]
  const info = out[0]
  if (!info) throw new Error('npm pack --json printed no package')
  tarball = join(work, info.filename)
  packed = info.files.map((f) => f.path).sort()
  project = join(work, 'project')
  mkdirSync(project)
  npm(['init', '-y'], project)
  npm(['install', tarball, '--omit=dev', '--offline', '--no-audit', '--no-fund'], project)
  installed = join(project, 'node_modules', 'mirror-guard')
}, 60_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('package.json', () => {
  it('has no runtime dependencies: the bundles are self-contained', () => {
    expect(pkgJson.dependencies ?? {}).toEqual({})
    expect(pkgJson.bin).toEqual({ 'mirror-guard': 'dist/cli.js' })
    expect(pkgJson.engines.node).toBe('>=20')
  })
})

describe('npm pack', () => {
  it('packs exactly what `files` lists (plus package.json), nothing from the sources', () => {
    const allowed = (p: string): boolean =>
      p === 'package.json' ||
      pkgJson.files.some((f) => (f.endsWith('/') ? p.startsWith(f) : p === f))
    expect(packed.filter((p) => !allowed(p))).toEqual([])
    for (const f of pkgJson.files) {
      expect(packed.some((p) => (f.endsWith('/') ? p.startsWith(f) : p === f))).toBe(true)
    }
    expect(
      packed.filter((p) => /^(src|test|scripts|node_modules|\.tmp|\.github|\.ci)\//.test(p))
    ).toEqual([])
  })

  it('ships the whole committed dist/ and the bundled example', () => {
    const dist = readdirSync(join(ROOT, 'dist')).map((f) => `dist/${f}`)
    expect(packed).toEqual(expect.arrayContaining(dist))
    expect(packed).toEqual(
      expect.arrayContaining([
        'action.yml',
        'LICENSE',
        'README.md',
        'examples/mirror.log',
        'examples/mapping.txt'
      ])
    )
  })
})

describe('the installed mirror-guard command (npm install <tgz> --omit=dev --offline)', () => {
  it('installed nothing but the package itself', () => {
    expect(existsSync(join(installed, 'node_modules'))).toBe(false)
    const top = readdirSync(join(project, 'node_modules')).filter((f) => !f.startsWith('.'))
    expect(top).toEqual(['mirror-guard'])
  })

  it('--version prints the version of package.json', () => {
    const r = mirrorGuard(['--version'])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`mirror-guard ${pkgJson.version}\n`)
    expect(mirrorGuard(['-V']).stdout).toBe(r.stdout)
  })

  it('--help lists the commands and options', () => {
    const r = mirrorGuard(['--help'])
    expect(r.status).toBe(0)
    for (const word of ['triage', 'verify', 'validate', '--version']) {
      expect(r.stdout).toContain(word)
    }
  })

  it('triage finds the failed line of the bundled example and writes its retry mapping', () => {
    const retry = join(work, 'retry.txt')
    const r = mirrorGuard([
      'triage',
      '--log',
      join(installed, 'examples', 'mirror.log'),
      '-f',
      join(installed, 'examples', 'mapping.txt'),
      '--retry-out',
      retry
    ])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/FAILED\s+\S*mapping\.txt:1\s.*rate-limit/)
    const entries = readFileSync(retry, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    expect(entries).toEqual(['127.0.0.1:5002/ns/alpha:v1=file://ns/alpha:v1'])
  })

  it('validate accepts the bundled mapping', () => {
    const r = mirrorGuard(['validate', '-f', join(installed, 'examples', 'mapping.txt')])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('verify --help answers', () => {
    const r = mirrorGuard(['verify', '--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('mirror-guard verify')
  })
})

describe('node dist/cli.js (the committed bundle, from the repository)', () => {
  it('--version reads ../package.json, not dist/package.json', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--version'], {
      encoding: 'utf8'
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`mirror-guard ${pkgJson.version}\n`)
  })
})
