// Reads `-f` mapping files and parses them. Read failures become findings (line 0) worded
// like oc's own `os.Open` / read errors, so callers report them like any other finding.
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { MappingSetBuilder } from './mapping.js'
import type { MappingFinding, MappingSet } from './types.js'
import { errorMessage } from './text.js'

const NO_MAPPINGS =
  'you must specify at least one source image to pull and the destination to push to as ' +
  'SRC=DST or SRC DST [DST2 DST3 ...]'

function errnoCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = err.code
    return typeof code === 'string' ? code : undefined
  }
  return undefined
}

function readFailure(path: string, err: unknown): MappingFinding {
  const code = errnoCode(err)
  const base = { file: path, line: 0, severity: 'error' as const }
  switch (code) {
    case 'ENOENT':
      return { ...base, code: 'file-missing', message: `open ${path}: no such file or directory` }
    case 'ENOTDIR':
      return { ...base, code: 'file-missing', message: `open ${path}: not a directory` }
    case 'EISDIR':
      // os.Open succeeds on a directory; the scanner's first read fails.
      return { ...base, code: 'file-unreadable', message: `read ${path}: is a directory` }
    case 'EACCES':
    case 'EPERM':
      return { ...base, code: 'file-unreadable', message: `open ${path}: permission denied` }
    default: {
      const reason = errorMessage(err)
      return { ...base, code: 'file-unreadable', message: `open ${path}: ${reason}` }
    }
  }
}

/**
 * Reads the files (paths relative to `cwd`, reported as given), then parses them in order.
 * A BOM is kept in the text: oc does not strip it, and the parser reports it.
 */
export async function loadMappingFiles(
  paths: readonly string[],
  cwd: string
): Promise<{ set: MappingSet; texts: Map<string, string> }> {
  const builder = new MappingSetBuilder()
  const texts = new Map<string, string>()
  for (const path of paths) {
    if (path === '-') {
      builder.addFinding({
        file: path,
        line: 0,
        severity: 'error',
        code: 'stdin-unsupported',
        message:
          'reading the mapping from standard input ("-f -") is not supported: ' +
          'mirror-guard must read the file itself to attribute results to its lines; pass a file path'
      })
      continue
    }
    let text: string
    try {
      // Buffer#toString keeps a leading U+FEFF (TextDecoder would drop it).
      text = (await readFile(resolve(cwd, path))).toString('utf8')
    } catch (err) {
      builder.addFinding(readFailure(path, err))
      continue
    }
    texts.set(path, text)
    builder.addText(path, text)
  }
  const set = builder.build()
  const [first] = paths
  if (first !== undefined && set.entries.length === 0 && set.findings.length === 0) {
    // Only comments and blank lines: oc refuses to run (no file or line in its message).
    return {
      set: {
        entries: [],
        findings: [
          {
            file: first,
            line: 0,
            severity: 'error',
            code: 'no-mappings',
            message: NO_MAPPINGS
          }
        ]
      },
      texts
    }
  }
  return { set, texts }
}
