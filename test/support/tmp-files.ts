// A per-test-file temporary directory, removed after the file's tests, and numbered files in it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

export function tmpFiles(prefix: string): {
  readonly dir: string
  file(content: string | Buffer): string
} {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  let n = 0
  return {
    dir,
    file(content) {
      const path = join(dir, `f${++n}.log`)
      writeFileSync(path, content)
      return path
    }
  }
}
