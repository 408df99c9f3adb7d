// dist/licenses.txt from what the bundles ACTUALLY contain: every module webpack put into a
// bundle (ncc --stats-out) → the package directory under node_modules it came from → name,
// version, license and license text. A dependency that is installed but tree-shaken away or
// never imported is not listed; two versions of one package are both listed.
import { readdirSync, readFileSync } from 'node:fs'
import { join, sep } from 'node:path'

/** Absolute source paths of every module in a webpack stats JSON (concatenated ones included). */
export function modulePaths(stats) {
  const paths = new Set()
  const walk = (modules) => {
    for (const m of modules ?? []) {
      // nameForCondition is the resource path without loaders; externals have none.
      if (typeof m.nameForCondition === 'string') paths.add(m.nameForCondition)
      walk(m.modules)
    }
  }
  walk(stats.modules)
  for (const chunk of stats.chunks ?? []) walk(chunk.modules)
  return [...paths]
}

/**
 * The package directory a file belongs to: everything up to the last `node_modules/<name>` (or
 * `node_modules/@scope/<name>`), so nested copies (a second version) keep their own directory.
 */
export function packageDirOf(file) {
  const parts = file.split(sep)
  const at = parts.lastIndexOf('node_modules')
  if (at < 0 || at + 1 >= parts.length - 1) return undefined
  const scoped = parts[at + 1]?.startsWith('@')
  const end = at + (scoped ? 3 : 2)
  if (end > parts.length - 1) return undefined
  return parts.slice(0, end).join(sep)
}

/** The distinct package directories behind a set of stats files. */
export function bundledPackageDirs(statsList) {
  const dirs = new Set()
  for (const stats of statsList) {
    for (const file of modulePaths(stats)) {
      const dir = packageDirOf(file)
      if (dir) dirs.add(dir)
    }
  }
  return [...dirs]
}

const LICENSE_FILE = /^(licen[cs]e|copying)([.-]|$)/i

function licenseName(pkg) {
  if (typeof pkg.license === 'string') return pkg.license
  if (typeof pkg.license?.type === 'string') return pkg.license.type
  if (Array.isArray(pkg.licenses)) {
    const types = pkg.licenses.map((l) => l?.type).filter((t) => typeof t === 'string')
    if (types.length > 0) return types.join(' OR ')
  }
  return 'see package'
}

/** One block per package: `name version`, the license, the license file's text. */
export function licenseBlock(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  if (typeof pkg.name !== 'string' || typeof pkg.version !== 'string') {
    throw new Error(`${join(dir, 'package.json')}: no name or version`)
  }
  // Sorted: readdir order depends on the file system, the output must not.
  const file = readdirSync(dir)
    .sort()
    .find((f) => LICENSE_FILE.test(f))
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : ''
  return {
    key: `${pkg.name}@${pkg.version}`,
    text: `${pkg.name} ${pkg.version}\n${licenseName(pkg)}\n${text}\n`
  }
}

/** The whole licenses.txt: blocks sorted by name@version, one blank line between them. */
export function licensesText(packageDirs) {
  const blocks = new Map()
  for (const dir of packageDirs) {
    const { key, text } = licenseBlock(dir)
    blocks.set(key, text)
  }
  return [...blocks.keys()]
    .sort()
    .map((k) => blocks.get(k))
    .join('\n')
}
