// Builds the two committed bundles: dist/index.js (the action, main + post) and dist/cli.js (the
// CLI), plus dist/licenses.txt of every package whose code is in them (scripts/licenses.mjs, from
// ncc's webpack stats). ncc's own --license output is not used: with two versions of one package
// in the tree it keeps whichever it met first, so two builds could differ.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundledPackageDirs, licensesText } from './licenses.mjs'

const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const work = mkdtempSync(join(tmpdir(), 'mg-build-'))
/** Builds one entry into `out`; returns ncc's webpack stats (which modules went in). */
const run = (entry, out) => {
  const statsFile = join(work, `${entry.replace(/\W/g, '_')}.stats.json`)
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '-q', '--stats-out', statsFile], {
    stdio: 'inherit'
  })
  return JSON.parse(readFileSync(statsFile, 'utf8'))
}

try {
  rmSync('dist', { recursive: true, force: true })
  const stats = [run('src/index.ts', 'dist')]
  const cliOut = join(work, 'cli')
  stats.push(run('src/cli.ts', cliOut))
  let code = readFileSync(join(cliOut, 'index.js'), 'utf8')
  if (!code.startsWith('#!')) code = '#!/usr/bin/env node\n' + code
  writeFileSync(join('dist', 'cli.js'), code, { mode: 0o755 })
  writeFileSync(join('dist', 'licenses.txt'), licensesText(bundledPackageDirs(stats)))
} finally {
  rmSync(work, { recursive: true, force: true })
}

if (!existsSync(join('dist', 'index.js'))) throw new Error('dist/index.js was not built')
