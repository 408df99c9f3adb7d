// oc's `-f` mapping grammar (docs/oc-behaviour.md §4.1–4.2: parseFile / parseArgs), line by line.
// Findings carry oc's own wording for what oc rejects, plus warnings for what oc silently
// misreads. A line with an error yields no entries: oc would abort the whole run on it.
import { Buffer } from 'node:buffer'
import { formatRef, goQuote, isExpandingSource, parseImageRef } from './reference.js'
import type { ImageRef, MappingEntry, MappingFinding, MappingSet } from './types.js'

/** bufio.Scanner's default buffer (64 KiB) must hold the line and its `\n`. */
const SCANNER_MAX_TOKEN = 64 * 1024
const SCANNER_TOO_LONG = 'bufio.Scanner: token too long'
const EMPTY_SIDE = 'all arguments must be valid SRC=DST mappings'
const ONE_TOKEN =
  'all arguments must be valid SRC=DST mappings, or you must specify one SRC argument and one or more DST arguments'
/** Our own explanations quote at most this much of a token. */
const QUOTE_LIMIT = 120

interface LineProblem {
  readonly code: string
  readonly message: string
}

/** Go's unicode.IsSpace, the set strings.TrimSpace removes (JS trim() differs: U+FEFF, U+0085). */
function isGoSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0x85) return false
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  )
}

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  let a = 0
  let b = s.length
  while (a < b && isGoSpace(s.charCodeAt(a))) a++
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--
  return s.slice(a, b)
}

function shortQuote(token: string): string {
  if (token.length <= QUOTE_LIMIT) return goQuote(token)
  return `${goQuote(token.slice(0, QUOTE_LIMIT))}…`
}

/** The first whitespace character inside a token (only ' ' separates tokens). */
function innerSpace(token: string): number | undefined {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i)
    if (isGoSpace(c)) return c
  }
  return undefined
}

function spaceName(c: number): string {
  if (c === 0x09) return 'a tab'
  if (c === 0x0d) return 'a carriage return (\\r; old Mac line endings?)'
  return `the whitespace character U+${c.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * An error oc raises for `token`; when a BOM or a non-space separator inside the token is the
 * cause, the code says so and the message adds why, after oc's own words.
 */
function tokenError(code: string, ocMessage: string, token: string): LineProblem {
  const bom = token.indexOf('\ufeff')
  if (bom >= 0) {
    const where =
      bom === 0
        ? 'the line starts with a UTF-8 byte order mark (U+FEFF)'
        : 'the line contains U+FEFF (a byte order mark)'
    return {
      code: 'bom',
      message: `${ocMessage} (${where}, which oc does not strip: save the file as UTF-8 without BOM)`
    }
  }
  const space = innerSpace(token)
  if (space !== undefined) {
    return {
      code: space === 0x09 ? 'tab-separator' : 'whitespace-separator',
      message:
        `${ocMessage} (the tokens are separated by ${spaceName(space)}: oc splits a line only ` +
        `on single spaces, so it reads ${shortQuote(token)} as one token)`
    }
  }
  return { code, message: ocMessage }
}

interface SplitLine {
  readonly pairs: readonly (readonly [string, string])[]
  readonly ignored: readonly string[]
  readonly error?: LineProblem
}

/** parseArgs' first half: `SRC=DST` tokens, else `SRC DST [DST…]`. */
function splitArgs(tokens: readonly string[]): SplitLine {
  const pairs: (readonly [string, string])[] = []
  const remaining: string[] = []
  for (const token of tokens) {
    const eq = token.indexOf('=')
    if (eq < 0) {
      remaining.push(token)
      continue
    }
    const src = token.slice(0, eq)
    const dst = token.slice(eq + 1)
    if (!src || !dst) {
      return {
        pairs: [],
        ignored: [],
        error: { code: src ? 'missing-destination' : 'missing-source', message: EMPTY_SIDE }
      }
    }
    pairs.push([src, dst])
  }
  if (pairs.length > 0) return { pairs, ignored: remaining.filter((t) => t !== '') }
  const [src = '', ...dsts] = remaining
  if (dsts.length === 0) {
    return { pairs: [], ignored: [], error: tokenError('missing-destination', ONE_TOKEN, src) }
  }
  return { pairs: dsts.filter((d) => d !== '').map((d) => [src, d] as const), ignored: [] }
}

function ignoredWarning(ignored: readonly string[], pairs: number): LineProblem {
  const list = ignored.map(shortQuote).join(', ')
  if (ignored.some((t) => t.includes('\ufeff'))) {
    return {
      code: 'bom',
      message:
        `oc silently ignores ${list}: the line starts with a UTF-8 byte order mark (U+FEFF), ` +
        'which oc reads as a token of its own; save the file as UTF-8 without BOM'
    }
  }
  const what = pairs === 1 ? 'the SRC=DST pair' : `the ${pairs} SRC=DST pairs`
  const spaced = ignored.map(innerSpace).find((c) => c !== undefined)
  if (spaced !== undefined) {
    return {
      code: spaced === 0x09 ? 'tab-separator' : 'whitespace-separator',
      message:
        `oc silently ignores ${list}: it splits a line only on single spaces, so text joined ` +
        `by ${spaceName(spaced)} is one token, and on a line with a SRC=DST pair every token ` +
        `without "=" is dropped without a message; only ${what} on this line will be mirrored`
    }
  }
  return {
    code: 'ignored-token',
    message:
      `oc silently ignores ${list}: on a line with a SRC=DST pair every token without "=" is ` +
      `dropped without a message, so only ${what} on this line will be mirrored`
  }
}

/**
 * Parses mapping files in order, sharing oc's duplicate-destination check across them.
 * Ids run on across files.
 */
export class MappingSetBuilder {
  private readonly entries: MappingEntry[] = []
  private readonly findings: MappingFinding[] = []
  /** oc's `overlap` map: destination String() after tag inheritance. */
  private readonly destinations = new Set<string>()
  private nextId: number

  constructor(firstId = 0) {
    this.nextId = firstId
  }

  addFinding(finding: MappingFinding): void {
    this.findings.push(finding)
  }

  /** One file's text (as read: keep any BOM). Processes it one physical line at a time. */
  addText(file: string, text: string): void {
    let pos = 0
    let lineNo = 0
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos)
      const end = nl < 0 ? text.length : nl
      lineNo++
      const physical = text.slice(pos, end)
      pos = end + 1
      if (tooLongForScanner(physical)) {
        // oc stops reading the file here and prints the raw scanner error, with no line.
        this.problem(file, lineNo, 'error', {
          code: 'line-too-long',
          message: `${SCANNER_TOO_LONG} (line ${lineNo} is 64 KiB or longer; oc's line reader cannot hold it and stops reading ${shortQuote(file)} there)`
        })
        return
      }
      this.addLine(file, lineNo, physical.endsWith('\r') ? physical.slice(0, -1) : physical)
    }
  }

  build(): MappingSet {
    return { entries: [...this.entries], findings: [...this.findings] }
  }

  private problem(file: string, line: number, severity: 'error' | 'warning', p: LineProblem): void {
    this.findings.push({ file, line, severity, code: p.code, message: p.message })
  }

  private addLine(file: string, line: number, text: string): void {
    const hash = text.indexOf('#')
    const content = goTrimSpace(hash >= 0 ? text.slice(0, hash) : text)
    if (content === '') return
    const split = splitArgs(content.split(' '))
    if (content.includes('  ')) {
      this.problem(file, line, 'warning', {
        code: 'double-space',
        message:
          'several spaces in a row between tokens: oc splits on each single space and skips ' +
          'the empty tokens in between, so the line still reads as written'
      })
    }
    if (split.ignored.length > 0) {
      this.problem(file, line, 'warning', ignoredWarning(split.ignored, split.pairs.length))
    }
    if (split.error) {
      this.problem(file, line, 'error', split.error)
      return
    }
    const pending: MappingEntry[] = []
    const keys = new Set<string>()
    for (const [src, dst] of split.pairs) {
      const s = parseImageRef(src, 'source')
      if ('error' in s) return this.problem(file, line, 'error', tokenError(s.code, s.error, src))
      const d = parseImageRef(dst, 'destination')
      if ('error' in d) return this.problem(file, line, 'error', tokenError(d.code, d.error, dst))
      const expanding = isExpandingSource(s.ref)
      // Tag inheritance happens per expanded tag for tag-less and glob sources (run time).
      const tag = d.ref.tag ?? (expanding ? undefined : s.ref.tag)
      const destination: ImageRef = withTag(d.ref, tag)
      if (!expanding || d.ref.tag !== undefined) {
        const key = formatRef(destination, tag)
        if (this.destinations.has(key) || keys.has(key)) {
          return this.problem(file, line, 'error', {
            code: 'duplicate-destination',
            message: `each destination tag may only be specified once: ${key}`
          })
        }
        keys.add(key)
      }
      pending.push({
        id: this.nextId + pending.length,
        file,
        line,
        text,
        source: s.ref,
        destination,
        ...(tag !== undefined ? { destinationTag: tag } : {})
      })
    }
    for (const key of keys) this.destinations.add(key)
    for (const entry of pending) this.entries.push(entry)
    this.nextId += pending.length
  }
}

function withTag(ref: ImageRef, tag: string | undefined): ImageRef {
  if (ref.tag === tag) return ref
  const { raw, kind, registry, repository, printed, diskPath } = ref
  const base = { raw, kind, registry, repository, printed, diskPath }
  return tag === undefined ? base : { ...base, tag }
}

function tooLongForScanner(line: string): boolean {
  // A UTF-16 unit is at most 3 UTF-8 bytes: skip the byte count for ordinary lines.
  if (line.length * 3 < SCANNER_MAX_TOKEN) return false
  return Buffer.byteLength(line, 'utf8') >= SCANNER_MAX_TOKEN
}

/** One file, oc's grammar exactly. `file` is the `-f` argument as given. */
export function parseMappingText(text: string, file: string, firstId = 0): MappingSet {
  const builder = new MappingSetBuilder(firstId)
  builder.addText(file, text)
  return builder.build()
}

/** Several files in order; duplicate destinations are checked across all of them. */
export function parseMappings(files: readonly { file: string; text: string }[]): MappingSet {
  const builder = new MappingSetBuilder()
  for (const { file, text } of files) builder.addText(file, text)
  return builder.build()
}

/** The destination as oc prints it on stdout: repository plus the effective tag. */
export function effectiveDestination(entry: MappingEntry): string {
  return formatRef(entry.destination, entry.destinationTag)
}

/** `SRC=DST` lines re-feedable to `oc image mirror -f`, one per entry. */
/** The entries of each physical mapping line, in mapping order (a fan-out line holds several). */
export function entriesByLine(entries: readonly MappingEntry[]): MappingEntry[][] {
  const byLine = new Map<string, MappingEntry[]>()
  for (const e of entries) {
    const key = `${e.file}\u0000${e.line}`
    const list = byLine.get(key)
    if (list) list.push(e)
    else byLine.set(key, [e])
  }
  return [...byLine.values()]
}

/**
 * Some entries of one physical line, re-feedable to oc: the line as written (only a line
 * terminator oc would strip removed) when all of its entries are wanted, else one `SRC=DST` each.
 */
export function renderLinePart(
  line: readonly MappingEntry[],
  wanted: readonly MappingEntry[]
): string[] {
  const first = wanted[0]
  if (first === undefined) return []
  if (wanted.length === line.length) return [first.text.replace(/[\r\n]+$/, '')]
  return wanted.map((e) => `${e.source.raw}=${e.destination.raw}`)
}

export function renderEntries(entries: readonly MappingEntry[]): string[] {
  return entries.map((e) => `${e.source.raw}=${effectiveDestination(e)}`)
}
