// dist/licenses.txt must name every third-party package whose code is in the bundles and
// nothing else. It is derived from ncc's webpack stats (scripts/licenses.mjs, called by
// scripts/build.mjs); these tests check the derivation on hand-made trees, on a real ncc build,
// and the committed file against the lockfile.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  bundledPackageDirs,
  licensesText,
  modulePaths,
  packageDirOf,
  type BundleStats
} from '../../scripts/licenses.mjs'

const ROOT = resolve(import.meta.dirname, '..', '..')

const dirs: string[] = []
const tempDir = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(d)
  return d
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/**
 * The `name version` header lines of a licenses.txt. Blocks are separated by a blank line but
 * license texts contain blank lines too, so a header is a `name x.y.z` line after a blank line
 * (npm names are lower case, which tells `Version 2.0` in a license text apart).
 */
function headers(text: string): string[] {
  const lines = text.split('\n')
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const starts = i === 0 || lines[i - 1] === ''
    if (
      starts &&
      /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][a-z0-9._-]* \d+\.\d+\.\d+\S*$/.test(lines[i] ?? '')
    ) {
      out.push(lines[i] ?? '')
    }
  }
  return out
}

describe('packageDirOf', () => {
  it('finds plain, scoped and nested packages', () => {
    expect(packageDirOf('/r/node_modules/undici/lib/index.js')).toBe('/r/node_modules/undici')
    expect(packageDirOf('/r/node_modules/@actions/core/lib/core.js')).toBe(
      '/r/node_modules/@actions/core'
    )
    expect(
      packageDirOf('/r/node_modules/@actions/artifact/node_modules/@actions/http-client/x.js')
    ).toBe('/r/node_modules/@actions/artifact/node_modules/@actions/http-client')
  })

  it('ignores the project’s own files and malformed paths', () => {
    expect(packageDirOf('/r/src/main.ts')).toBeUndefined()
    expect(packageDirOf('/r/node_modules/@scope')).toBeUndefined()
    expect(packageDirOf('/r/node_modules/lonely')).toBeUndefined()
  })
})

describe('licensesText on a hand-made tree', () => {
  const root = tempDir('mg-lic-')
  const pkg = (rel: string, json: object, license?: [string, string]): string => {
    const dir = join(root, 'node_modules', rel)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), JSON.stringify(json))
    writeFileSync(join(dir, 'index.js'), '')
    if (license) writeFileSync(join(dir, license[0]), license[1])
    return dir
  }
  const a1 = pkg('a', { name: 'a', version: '1.0.0', license: 'MIT' }, ['LICENSE', 'MIT text\n'])
  const a2 = pkg('b/node_modules/a', { name: 'a', version: '2.0.0', license: 'ISC' }, [
    'LICENCE.md',
    'ISC text'
  ])
  const b = pkg('b', { name: 'b', version: '0.1.0', license: { type: 'BSD-3-Clause' } }, [
    'COPYING',
    'BSD text'
  ])
  const scoped = pkg('@s/c', { name: '@s/c', version: '3.0.0', licenses: [{ type: 'Apache-2.0' }] })
  pkg('unused', { name: 'unused', version: '9.9.9', license: 'GPL-3.0' }, ['LICENSE', 'GPL'])

  const stats: BundleStats = {
    modules: [
      { nameForCondition: join(root, 'src', 'entry.ts') },
      {
        // A concatenated module: its parts are nested.
        nameForCondition: join(a1, 'index.js'),
        modules: [{ nameForCondition: join(a2, 'index.js') }, {}]
      },
      { nameForCondition: join(b, 'index.js') }
    ],
    chunks: [{ modules: [{ nameForCondition: join(scoped, 'index.js') }] }]
  }

  it('collects every module path, nested and per chunk, and skips externals', () => {
    expect(modulePaths(stats).sort()).toEqual(
      [
        join(root, 'src', 'entry.ts'),
        join(a1, 'index.js'),
        join(a2, 'index.js'),
        join(b, 'index.js'),
        join(scoped, 'index.js')
      ].sort()
    )
  })

  it('lists each bundled package once, both versions of one, none that is only installed', () => {
    const text = licensesText(bundledPackageDirs([stats, stats]))
    expect(headers(text)).toEqual(['@s/c 3.0.0', 'a 1.0.0', 'a 2.0.0', 'b 0.1.0'])
    expect(text).toBe(
      [
        '@s/c 3.0.0\nApache-2.0\n\n',
        'a 1.0.0\nMIT\nMIT text\n',
        'a 2.0.0\nISC\nISC text\n',
        'b 0.1.0\nBSD-3-Clause\nBSD text\n'
      ].join('\n')
    )
  })

  it('does not depend on the order the bundler reported the modules in', () => {
    const reversed: BundleStats = {
      modules: [...(stats.modules ?? [])].reverse(),
      chunks: stats.chunks ?? []
    }
    expect(licensesText(bundledPackageDirs([reversed]))).toBe(
      licensesText(bundledPackageDirs([stats]))
    )
  })

  it('names the package.json that lacks a name or version', () => {
    const broken = pkg('broken', { version: '1.0.0' })
    expect(() => licensesText([broken])).toThrow(join(broken, 'package.json'))
  })
})

describe('a real ncc build', () => {
  it('maps the bundled modules to their packages, transitive ones included', () => {
    // An entry outside the repository that resolves the repository's node_modules.
    const dir = tempDir('mg-lic-ncc-')
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    writeFileSync(
      join(dir, 'entry.mjs'),
      "import * as core from '@actions/core'\nimport CRC32 from 'crc-32'\n" +
        "console.log(core.getInput('x'), CRC32.str('a'))\n"
    )
    const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
    const statsFile = join(dir, 'stats.json')
    const r = spawnSync(
      process.execPath,
      [ncc, 'build', 'entry.mjs', '-o', 'out', '-q', '--stats-out', statsFile],
      { cwd: dir, encoding: 'utf8' }
    )
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as BundleStats
    const names = headers(licensesText(bundledPackageDirs([stats]))).map((h) => h.split(' ')[0])
    // @actions/core → @actions/exec → @actions/io, and @actions/http-client → tunnel, undici.
    expect(names).toEqual(
      expect.arrayContaining([
        '@actions/core',
        '@actions/exec',
        '@actions/io',
        '@actions/http-client',
        'crc-32',
        'undici'
      ])
    )
    expect(names).not.toContain('@actions/artifact')
    expect(names).not.toContain('vitest')
    // The action bundles the same packages, so the committed file must list them too.
    const committed = headers(readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8'))
    expect(committed).toEqual(
      expect.arrayContaining(headers(licensesText(bundledPackageDirs([stats]))))
    )
  })
})

interface LockPackage {
  version?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
}

/** name@version of every package reachable from `roots`, resolved as node does (nested first). */
function closure(roots: readonly string[]): Set<string> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockPackage>
  }
  const resolveFrom = (from: string, name: string): string | undefined => {
    let base = from
    for (;;) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`
      if (lock.packages[candidate]) return candidate
      if (!base) return undefined
      const at = base.lastIndexOf('node_modules/')
      base = at <= 0 ? '' : base.slice(0, at - 1)
    }
  }
  const seen = new Set<string>()
  const out = new Set<string>()
  const queue = roots.map((r) => `node_modules/${r}`)
  while (queue.length > 0) {
    const path = queue.pop() as string
    if (seen.has(path)) continue
    seen.add(path)
    const p = lock.packages[path]
    if (!p) continue
    out.add(`${path.slice(path.lastIndexOf('node_modules/') + 13)}@${p.version}`)
    const deps = { ...p.dependencies, ...p.optionalDependencies, ...p.peerDependencies }
    for (const name of Object.keys(deps)) {
      const to = resolveFrom(path, name)
      if (to) queue.push(to)
    }
  }
  return out
}

describe('dist/licenses.txt', () => {
  const text = readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8')
  const entries = headers(text)
  const names = entries.map((h) => h.split(' ')[0])

  it('names the bundled toolkit and its deep transitive dependencies', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        '@actions/core',
        '@actions/artifact',
        '@actions/http-client',
        // @actions/artifact → archiver → zip-stream → compress-commons → crc32-stream → crc-32
        'crc-32',
        '@azure/storage-blob'
      ])
    )
  })

  it('names re2js, the Go regexp port that checks filter-by-os, with its MIT license', () => {
    const re2 = entries.find((h) => h.startsWith('re2js '))
    expect(re2).toBe(`re2js ${versionOf('re2js')}`)
    const lines = text.split('\n')
    expect(lines[lines.indexOf(re2 ?? '') + 1]).toBe('MIT')
  })

  it('lists nothing outside what the bundled packages depend on', () => {
    // What src/ imports from npm (compiled into dist/), plus @vercel/ncc: its stub for modules
    // that cannot be resolved is bundled as ncc's own code.
    const reachable = closure([
      '@actions/artifact',
      '@actions/core',
      '@actions/exec',
      '@actions/io',
      're2js'
    ])
    reachable.add(`@vercel/ncc@${versionOf('@vercel/ncc')}`)
    const stray = entries.map((h) => h.replace(' ', '@')).filter((k) => !reachable.has(k))
    expect(stray).toEqual([])
    for (const dev of ['vitest', 'typescript', 'eslint', 'prettier', 'fast-check', '@types/node']) {
      expect(names).not.toContain(dev)
    }
  })

  it('keeps both versions of a package bundled twice, sorted, each with a license', () => {
    const http = entries.filter((h) => h.startsWith('@actions/http-client '))
    expect(http.length).toBeGreaterThanOrEqual(2)
    expect(entries).toEqual(
      [...entries].sort((a, b) => (a.replace(' ', '@') < b.replace(' ', '@') ? -1 : 1))
    )
    const lines = text.split('\n')
    for (const h of entries) expect(lines[lines.indexOf(h) + 1]).toMatch(/\S/)
  })
})

function versionOf(name: string): string {
  return (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string
    }
  ).version
}
