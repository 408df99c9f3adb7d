// Access to the real oc transcripts copied into test/fixtures/oc-transcripts (see ORIGIN.md there).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mulberry32 } from './prng.mjs'

export const TRANSCRIPTS_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'oc-transcripts'
)

export interface CaseId {
  /** oc version folder, e.g. `4.12`. */
  readonly version: string
  /** Case folder name, e.g. `429-json-blob-file`. */
  readonly name: string
  readonly dir: string
}

/** One fault rule of the proxy that produced the case (`proxy-rules.json`). */
export interface ProxyRule {
  readonly name: string
  readonly method?: string | string[]
  readonly path?: string
  readonly action: string
  readonly first?: number
  readonly always?: boolean
  readonly [key: string]: unknown
}

export interface TranscriptCase extends CaseId {
  readonly command: string
  /** `mapping.txt`; '' when the case has none (`missing-mapping-file`, see `hasMapping`). */
  readonly mapping: string
  readonly hasMapping: boolean
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
  readonly proxyRules: readonly ProxyRule[]
  readonly notes: string
  /** `evidence.txt` of the bug-* cases (what was on disk afterwards), if present. */
  readonly evidence?: string
}

/** Every case folder, sorted by version then name. */
export function listCases(): CaseId[] {
  const out: CaseId[] = []
  for (const version of readdirSync(TRANSCRIPTS_DIR).sort()) {
    const vdir = join(TRANSCRIPTS_DIR, version)
    if (!statSync(vdir).isDirectory()) continue
    for (const name of readdirSync(vdir).sort()) {
      const dir = join(vdir, name)
      if (statSync(dir).isDirectory()) out.push({ version, name, dir })
    }
  }
  return out
}

export function readCase(version: string, name: string): TranscriptCase {
  const dir = join(TRANSCRIPTS_DIR, version, name)
  const read = (file: string): string => readFileSync(join(dir, file), 'utf8')
  const exitText = read('exit-code.txt').trim()
  const exitCode = Number(exitText)
  if (!/^\d+$/.test(exitText)) throw new Error(`${dir}/exit-code.txt: not a number: ${exitText}`)
  const evidencePath = join(dir, 'evidence.txt')
  const hasMapping = existsSync(join(dir, 'mapping.txt'))
  return {
    version,
    name,
    dir,
    command: read('command.txt').trim(),
    mapping: hasMapping ? read('mapping.txt') : '',
    hasMapping,
    stdout: read('stdout.txt'),
    stderr: read('stderr.txt'),
    exitCode,
    proxyRules: JSON.parse(read('proxy-rules.json')) as ProxyRule[],
    notes: read('notes.txt'),
    ...(existsSync(evidencePath) ? { evidence: readFileSync(evidencePath, 'utf8') } : {})
  }
}

/** Lines of a captured stream (the final newline does not start an extra line). */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** A stderr line oc writes on its own: one `error:` text with its continuation lines and the
 * blank line ending an `errors:` list is one write, which a stdout line cannot split. */
const STARTS_WRITE = /^(?:error|warning|info|uploading|mounted): /

/**
 * What `oc … 2>&1` could have produced: stdout lines (in their own order) interleaved into
 * stderr at seeded positions between `info: Planning completed` and `info: Mirroring completed`,
 * where oc prints them, never inside a multi-line error. Same case and seed → same text. Ends
 * with a newline when non-empty.
 */
export function combinedLog(c: Pick<TranscriptCase, 'stdout' | 'stderr'>, seed = 1): string {
  const err = splitLines(c.stderr)
  const out = splitLines(c.stdout)
  const planning = err.findIndex((l) => l.startsWith('info: Planning completed in '))
  const mirroring = err.findIndex((l) => l.startsWith('info: Mirroring completed in '))
  // Insertion slots: before stderr line index s, for s in (planning, mirroring].
  const lo = planning >= 0 ? planning + 1 : err.length
  const hi = mirroring >= lo ? mirroring : err.length
  const next = mulberry32(seed)
  // A slot inside a multi-line error moves down to the end of that write.
  const whole = (slot: number): number => {
    let s = slot
    while (s < hi && !STARTS_WRITE.test(err[s] ?? '')) s++
    return s
  }
  const slots = out.map(() => whole(lo + Math.floor(next() * (hi - lo + 1)))).sort((a, b) => a - b)
  const merged: string[] = []
  let k = 0
  for (let s = 0; s <= err.length; s++) {
    while (k < out.length && slots[k] === s) merged.push(out[k++] ?? '')
    if (s < err.length) merged.push(err[s] ?? '')
  }
  return merged.length === 0 ? '' : merged.join('\n') + '\n'
}

/**
 * The `error:` and `warning:` texts of stderr lines as oc wrote them: an `errors:` list
 * (docs/oc-behaviour.md §1.6) joined with its lines up to the blank line that ends it.
 */
export function errorWrites(lines: readonly string[]): string[] {
  const out: string[] = []
  lines.forEach((line, i) => {
    if (!/^(?:error|warning): /.test(line)) return
    let end = i + 1
    if (line.endsWith('errors:')) while (end < lines.length && lines[end++] !== '');
    out.push(lines.slice(i, end).join('\n'))
  })
  return out
}
