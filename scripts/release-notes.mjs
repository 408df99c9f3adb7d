#!/usr/bin/env node
// Prints the CHANGELOG.md section of one version (Keep a Changelog: `## [1.0.0] - 2026-11-28`),
// the body of the GitHub release the release workflow publishes.
// Usage: node scripts/release-notes.mjs <version|vVERSION> [CHANGELOG.md]
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const LINK_DEFINITION = /^\[[^\]]+\]:\s/

/** The notes of `version` in `changelog` (text), or an Error saying what is missing. */
export function releaseNotes(changelog, version) {
  const wanted = version.replace(/^v/, '')
  if (!/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/.test(wanted)) {
    return new Error(`"${version}" is not a semver version (like 1.2.3 or v1.2.3)`)
  }
  const lines = changelog.split(/\r?\n/)
  const start = lines.findIndex((l) => {
    const m = /^## \[([^\]]+)\]/.exec(l)
    return m?.[1] === wanted
  })
  if (start < 0) return new Error(`CHANGELOG.md has no "## [${wanted}] - YYYY-MM-DD" section`)
  const rest = lines.slice(start + 1)
  const next = rest.findIndex((l) => /^## /.test(l) || LINK_DEFINITION.test(l))
  const body = (next < 0 ? rest : rest.slice(0, next)).join('\n').trim()
  if (body === '') return new Error(`the CHANGELOG.md section of ${wanted} is empty`)
  return body
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2)
  if (!version) {
    process.stderr.write('usage: node scripts/release-notes.mjs <version> [CHANGELOG.md]\n')
    process.exit(2)
  }
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    process.stderr.write(`release-notes: cannot read ${file}: ${e.message}\n`)
    process.exit(2)
  }
  const notes = releaseNotes(text, version)
  if (notes instanceof Error) {
    process.stderr.write(`release-notes: ${file}: ${notes.message}\n`)
    process.exit(1)
  }
  process.stdout.write(notes + '\n')
}
