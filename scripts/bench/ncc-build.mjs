// Builds one TypeScript entry of the repository (a test stand-in, a bench tool that imports
// src/) into `outDir` with the project's own ncc, as the benchmark needs it; returns the
// bundle's path.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const NCC = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

/**
 * @param {string} entry path from the repository root
 * @param {string} outDir
 * @returns {string} `<outDir>/index.js`
 */
export function nccBuild(entry, outDir) {
  execFileSync(process.execPath, [NCC, 'build', entry, '-o', outDir, '-q'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit']
  })
  return join(outDir, 'index.js')
}
