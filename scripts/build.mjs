// Builds the two committed bundles: dist/index.js (the action, main + post) and dist/cli.js (the
// CLI), plus dist/licenses.txt. ncc's own --license output is not used: with two versions of one
// package in the tree it keeps whichever it met first, so two builds could differ.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const run = (entry, out) =>
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '-q'], { stdio: 'inherit' })

rmSync('dist', { recursive: true, force: true })
run('src/index.ts', 'dist')
const cliOut = mkdtempSync(join(tmpdir(), 'mg-cli-'))
try {
  run('src/cli.ts', cliOut)
  let code = readFileSync(join(cliOut, 'index.js'), 'utf8')
  if (!code.startsWith('#!')) code = '#!/usr/bin/env node\n' + code
  writeFileSync(join('dist', 'cli.js'), code, { mode: 0o755 })
} finally {
  rmSync(cliOut, { recursive: true, force: true })
}
writeFileSync(join('dist', 'licenses.txt'), licenses())

/** Every production dependency (what the bundles may contain): name, version, license, text. */
function licenses() {
  const paths = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    encoding: 'utf8'
  })
    .split('\n')
    .filter((p) => p.includes('node_modules'))
  const blocks = new Map()
  for (const dir of paths) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : ''
    const license = typeof pkg.license === 'string' ? pkg.license : 'see package'
    blocks.set(`${pkg.name}@${pkg.version}`, `${pkg.name} ${pkg.version}\n${license}\n${text}\n`)
  }
  return [...blocks.keys()]
    .sort()
    .map((k) => blocks.get(k))
    .join('\n')
}

if (!existsSync(join('dist', 'index.js'))) throw new Error('dist/index.js was not built')
