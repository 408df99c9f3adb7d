// @ts-check
// Who may import whom inside src/: the import rules of docs/modules.md as one table, enforced by
// `npm run lint` (rule `mirror-guard/layers`) and tested in test/docs/layers.test.ts. Paths are
// resolved, so `../github/x.js` from src/core counts as github whatever its spelling; type-only
// imports, `export … from` and `import()` count like any import.
import { basename, dirname, relative, resolve, sep } from 'node:path'

/** The repository root: the rule must not depend on the directory eslint was started from. */
export const ROOT_DIR = resolve(import.meta.dirname, '..')

/**
 * @typedef {object} Layer
 * @property {readonly string[]} imports  layers (src/<folder>/ or `entry`) this layer may import
 * @property {readonly string[]} packages  allowed package prefixes besides `node:` built-ins;
 *   `*` allows any package
 * @property {readonly string[]} [builtinsDenied]  `node:` modules this layer may not use
 */

/** Folders under src/ (and `entry` for src/main.ts, src/index.ts, src/cli.ts). */
export const LAYERS = /** @type {const} */ ({
  core: {
    imports: ['core'],
    // re2js: Go's regexp for oc's --filter-by-os (pure computation, bundled)
    packages: ['re2js'],
    // pure: fs streaming is fine, starting processes or talking to the network is not
    builtinsDenied: [
      'child_process',
      'cluster',
      'dgram',
      'dns',
      'http',
      'http2',
      'https',
      'net',
      'tls',
      'worker_threads'
    ]
  },
  verify: { imports: ['core', 'verify'], packages: [] },
  engines: { imports: ['core', 'engines'], packages: [] },
  github: { imports: ['core', 'github'], packages: ['@actions/'] },
  run: { imports: ['core', 'verify', 'engines', 'run'], packages: [] },
  action: { imports: ['core', 'verify', 'engines', 'github', 'run', 'action'], packages: ['*'] },
  cli: { imports: ['core', 'verify', 'engines', 'github', 'run', 'cli'], packages: ['*'] },
  entry: {
    imports: ['core', 'verify', 'engines', 'github', 'run', 'action', 'cli'],
    packages: ['*']
  }
})

/** The entry points: nothing imports them, except the bundle entry index.ts → main.ts. */
export const ENTRY_FILES = ['main.ts', 'index.ts', 'cli.ts']
export const ENTRY_IMPORTS_ALLOWED = [{ from: 'src/index.ts', to: 'src/main.ts' }]

/**
 * Known breaches of the table, each with the reason it is allowed until removed:
 * `{ from, to, until }` (repository-relative paths). None today: the action-only helpers moved
 * from src/run to src/action (issue 16). test/docs/layers.test.ts fails on an entry no longer
 * needed.
 * @type {readonly { from: string; to: string; until: string }[]}
 */
export const EXCEPTIONS = []

/**
 * The layer of a file under `srcDir`: its first folder, or `entry` for a file directly in it;
 * undefined outside `srcDir`.
 * @param {string} file absolute path
 * @param {string} srcDir absolute path of src/
 */
export function layerOf(file, srcDir) {
  const rel = relative(srcDir, file)
  if (rel.startsWith('..') || rel === '') return undefined
  const parts = rel.split(sep)
  return parts.length === 1 ? 'entry' : parts[0]
}

/** @param {string} p */
const toPosix = (p) => p.split(sep).join('/')

/**
 * Why `specifier`, imported by `file`, breaks the rules; undefined when it is allowed.
 * @param {string} file absolute path of the importing file
 * @param {string} specifier the import's module specifier
 * @param {string} [rootDir] the repository root (src/ is under it)
 * @returns {string | undefined}
 */
export function layerViolation(file, specifier, rootDir = ROOT_DIR) {
  const srcDir = resolve(rootDir, 'src')
  const fromLayer = layerOf(file, srcDir)
  if (fromLayer === undefined) return undefined
  const rules = /** @type {Record<string, Layer>} */ (LAYERS)[fromLayer]
  const fromRel = toPosix(relative(rootDir, file))
  if (!rules)
    return `src/${fromLayer}/ is not in the layer table (eslint/layers.mjs, docs/modules.md)`
  if (specifier.startsWith('node:')) {
    const mod = specifier.slice('node:'.length).split('/')[0] ?? ''
    return rules.builtinsDenied?.includes(mod)
      ? `${fromLayer} may not use ${specifier} (docs/modules.md: the core is pure)`
      : undefined
  }
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
    const ok = rules.packages.some((p) => p === '*' || specifier === p || specifier.startsWith(p))
    return ok ? undefined : `${fromLayer} may not import the package ${specifier} (docs/modules.md)`
  }
  const target = resolve(dirname(file), specifier).replace(/\.(?:js|mjs|ts|mts)$/, '.ts')
  const toRel = toPosix(relative(rootDir, target))
  const toLayer = layerOf(target, srcDir)
  if (toLayer === undefined) return `${fromRel} may not import ${toRel}: outside src/`
  if (EXCEPTIONS.some((e) => e.from === fromRel && e.to === toRel)) return undefined
  if (toLayer === 'entry' && ENTRY_FILES.includes(basename(target))) {
    const allowed = ENTRY_IMPORTS_ALLOWED.some((e) => e.from === fromRel && e.to === toRel)
    return allowed ? undefined : `nothing imports the entry point ${toRel} (docs/modules.md)`
  }
  if (!(toLayer in LAYERS))
    return `src/${toLayer}/ is not in the layer table (eslint/layers.mjs, docs/modules.md)`
  return rules.imports.includes(toLayer)
    ? undefined
    : `${fromLayer} may import only ${rules.imports.join(', ')}; not ${toRel} (docs/modules.md)`
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports respect the layers of docs/modules.md' },
    schema: [],
    messages: { layer: '{{why}}' }
  },
  create(context) {
    /** @param {any} source */
    const check = (source) => {
      if (!source || typeof source.value !== 'string') return
      const why = layerViolation(context.filename, source.value)
      if (why) context.report({ node: source, messageId: 'layer', data: { why } })
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      /** @param {any} node `import('…').T` in a type position */
      TSImportType: (node) => check(node.source ?? node.argument?.literal)
    }
  }
}

/** The flat-config block eslint.config.js uses (and the layer test lints src/ with). */
export const layersConfig = {
  files: ['src/**/*.ts'],
  plugins: { 'mirror-guard': { rules: { layers: layersRule } } },
  rules: { 'mirror-guard/layers': 'error' }
}
