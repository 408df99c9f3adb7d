// Builds the two committed bundles: dist/index.js (the action, main + post) and dist/cli.js (the CLI).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ncc = join('node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
const run = (entry, out) =>
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '-q'],
    {
      stdio: 'inherit'
    }
  )

rmSync('dist', { recursive: true, force: true })
run('src/index.ts', 'dist')
const cliOut = mkdtempSync(join(tmpdir(), 'mg-cli-'))
try {
  run('src/cli.ts', cliOut)
  let code = readFileSync(join(cliOut, 'index.js'), 'utf8')
  if (!code.startsWith('#!')) code = '#!/usr/bin/env node\n' + code
  writeFileSync(join('dist', 'cli.js'), code, { mode: 0o755 })
  // The CLI bundles no third-party package today; keep their licenses if that changes.
  const licenses = join(cliOut, 'licenses.txt')
  if (existsSync(licenses)) copyFileSync(licenses, join('dist', 'cli-licenses.txt'))
} finally {
  rmSync(cliOut, { recursive: true, force: true })
}
