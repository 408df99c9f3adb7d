// The import rules of docs/modules.md are enforced by `npm run lint` (eslint/layers.mjs): a probe
// that breaks them fails the project's own eslint config, and no file under src/ breaks them.
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import { EXCEPTIONS, LAYERS, layersConfig } from '../../eslint/layers.mjs'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SRC = join(ROOT, 'src')

/** Only the parser and the layer rule: fast, and the same rule object as eslint.config.js. */
const layersOnly = () =>
  new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        linterOptions: { reportUnusedDisableDirectives: 'off' }
      },
      layersConfig
    ]
  })

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []
  )
}

/** Module specifiers of static imports, re-exports and `import()` (enough for this code base). */
function specifiers(text: string): string[] {
  // `(?<![-\w])`: a string like `'retry-from'` is no import.
  const re = /(?:(?<![-\w])from\s*|\bimport\s*\(\s*|^\s*import\s+)'([^']+)'/gm
  return [...text.matchAll(re)].map((m) => m[1] ?? '')
}

async function layerMessages(eslint: ESLint, code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'mirror-guard/layers' || m.fatal === true)
    .map((m) => m.message)
}

describe('layers enforced by lint', () => {
  it('a probe file in src/core importing src/github fails the project eslint config', async () => {
    // A copy of what `npm run lint` reads (config, rule, tsconfig, src/) plus the probe: the
    // type-aware config only lints files that exist in the TypeScript project.
    const copy = mkdtempSync(join(tmpdir(), 'mg-layers-'))
    try {
      for (const f of ['eslint.config.js', 'tsconfig.json', 'package.json', 'eslint', 'src']) {
        cpSync(join(ROOT, f), join(copy, f), { recursive: true })
      }
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir')
      const probe = join(copy, 'src', 'core', 'layer-probe.ts')
      writeFileSync(
        probe,
        "import type { LineResult } from '../github/annotations.js'\n\nexport type Probe = LineResult\n"
      )
      const [result] = await new ESLint({ cwd: copy }).lintFiles([probe])
      expect(result?.errorCount).toBeGreaterThan(0)
      expect(result?.messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([
        'mirror-guard/layers: core may import only core; not src/github/annotations.ts (docs/modules.md)'
      ])
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  }, 180_000)

  const cases: readonly (readonly [string, string, string | undefined])[] = [
    // [importing file, code, expected message or undefined for "allowed"]
    ['src/core/p.ts', "import { info } from '@actions/core'\nvoid info", 'package @actions/core'],
    ['src/core/p.ts', "export * from '../github/echo.js'", 'not src/github/echo.ts'],
    ['src/core/p.ts', "void import('../github/echo.js')", 'not src/github/echo.ts'],
    ['src/core/p.ts', "export type I = import('../github/inputs.js').Inputs", 'not src/github'],
    [
      'src/core/p.ts',
      "import { spawn } from 'node:child_process'\nvoid spawn",
      'node:child_process'
    ],
    ['src/core/p.ts', "import { request } from 'node:https'\nvoid request", 'node:https'],
    ['src/core/p.ts', "import { open } from 'node:fs/promises'\nvoid open", undefined],
    [
      'src/core/p.ts',
      "import type { ImageRef } from './types.js'\nexport type R = ImageRef",
      undefined
    ],
    ['src/core/p.ts', "import { x } from '../../scripts/bench.mjs'\nvoid x", 'outside src/'],
    [
      'src/verify/p.ts',
      "import { runJob } from '../run/job.js'\nvoid runJob",
      'not src/run/job.ts'
    ],
    ['src/verify/p.ts', "import { info } from '@actions/core'\nvoid info", 'package @actions/core'],
    [
      'src/engines/p.ts',
      "import type { VerifyResult } from '../verify/types.js'",
      'not src/verify'
    ],
    ['src/engines/p.ts', "import type { ImageRef } from '../core/types.js'", undefined],
    ['src/github/p.ts', "import type { JobResult } from '../run/job.js'", 'not src/run/job.ts'],
    ['src/github/p.ts', "import { info } from '@actions/core'\nvoid info", undefined],
    [
      'src/run/p.ts',
      "import type { Inputs } from '../github/inputs.js'",
      'not src/github/inputs.ts'
    ],
    ['src/run/p.ts', "import { info } from '@actions/core'\nvoid info", 'package @actions/core'],
    ['src/run/p.ts', "import type { VerifyResult } from '../verify/types.js'", undefined],
    ['src/action/p.ts', "import { run } from '../main.js'\nvoid run", 'entry point src/main.ts'],
    ['src/cli/p.ts', "import { x } from '../cli.js'\nvoid x", 'entry point src/cli.ts'],
    ['src/main.ts', "import { x } from './index.js'\nvoid x", 'entry point src/index.ts'],
    ['src/index.ts', "import { run } from './main.js'\nvoid run", undefined],
    [
      'src/newfolder/p.ts',
      "import type { ImageRef } from '../core/types.js'",
      'not in the layer table'
    ]
  ]

  it.each(cases)('%s: %s', async (file, code, expected) => {
    const messages = await layerMessages(layersOnly(), code + '\n', file)
    if (expected === undefined) expect(messages).toEqual([])
    else {
      expect(messages).toHaveLength(1)
      expect(messages[0]).toContain(expected)
    }
  })
})

describe('the source tree keeps its layers', () => {
  it('no file under src/ imports outside its allowed layers', async () => {
    const results = await layersOnly().lintFiles(['src'])
    expect(results.length).toBeGreaterThan(50)
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${relative(ROOT, r.filePath)}:${m.line}: ${m.message}`)
    )
    expect(problems).toEqual([])
  }, 120_000)

  it('src/core imports nothing but src/core, node: built-ins and its listed pure packages (read without the rule)', () => {
    const core = join(SRC, 'core')
    // re2js only: Go's regexp for --filter-by-os, pure computation.
    expect(LAYERS.core.packages).toEqual(['re2js'])
    const pure = new Set<string>(LAYERS.core.packages)
    const outside = tsFiles(core).flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .filter((s) =>
          s.startsWith('.')
            ? relative(core, resolve(file, '..', s)).startsWith('..')
            : !s.startsWith('node:') && !pure.has(s)
        )
        .map((s) => `${relative(ROOT, file)} imports ${s}`)
    )
    expect(tsFiles(core).length).toBeGreaterThan(5)
    expect(outside).toEqual([])
  })

  it('every folder under src/ is in the layer table, and the table names no missing folder', () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory())
    expect(folders.sort()).toEqual(
      Object.keys(LAYERS)
        .filter((l) => l !== 'entry')
        .sort()
    )
  })

  it('each listed exception is still needed and written down in docs/modules.md', () => {
    const modules = readFileSync(join(ROOT, 'docs', 'modules.md'), 'utf8')
    for (const e of EXCEPTIONS) {
      const from = join(ROOT, e.from)
      const targets = specifiers(readFileSync(from, 'utf8')).map((s) =>
        relative(ROOT, resolve(from, '..', s)).replace(/\.js$/, '.ts')
      )
      expect(targets, `${e.from} no longer imports ${e.to}: delete the exception`).toContain(e.to)
      expect(modules).toContain(`${e.from.replace('src/', '')} → ${e.to.replace('src/', '')}`)
    }
  })
})
