// Registry credentials: every secret value is masked before anything could print it, secret
// content goes to a private (0600) temp file, and the file is removed after the run (and by the
// post step when main was killed).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Redactor } from '../core/redact.js'
import { secretValues } from '../core/secret-values.js'
import { WORK_FILES } from '../core/work-files.js'

/** Writes registry-auth content to a 0600 file in `dir`; returns its path. */
export function writeAuthFile(dir: string, content: string): string {
  const path = join(dir, WORK_FILES.authFile)
  writeFileSync(path, content, { mode: 0o600 })
  return path
}

/** Masks the credentials inside an existing auth file (registry-config input). */
export function masksForFile(path: string): string[] {
  if (!existsSync(path)) return []
  try {
    return secretValues(readFileSync(path, 'utf8'))
  } catch {
    return []
  }
}

/**
 * Replaces every secret value (and its base64, URL and JSON spellings) in a line with `***`:
 * see Redactor. Applied to tool output before it is written to the log files, echoed or
 * triaged: the runner masks the job log, nothing masks the log artifact, the report or the
 * retry mapping.
 */
export function redactor(values: readonly string[]): (text: string) => string {
  return new Redactor(values).text
}

export function removeFiles(paths: readonly string[]): void {
  for (const p of paths) rmSync(p, { force: true })
}
