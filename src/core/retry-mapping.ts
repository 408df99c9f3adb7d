// The retry mapping: the lines not mirrored, re-feedable to `oc image mirror -f` unchanged, each
// preceded by a `# <file>:<line> <classes>: <reason>` comment naming where it came from. The
// comment's writer and its parser live side by side here: a later job (retry-from) reads the
// origin back so that its annotations point at the user's own mapping line.
import { entriesByLine, renderLinePart } from './mapping.js'
import { commentText } from './report.js'
import { rootCauses } from './root-cause.js'
import type { FailureClass, LineVerdict, MappingSet } from './types.js'
import { plural } from './text.js'

export interface RetryMappingOptions {
  /** Which failed entries to include (default: every failed entry). */
  readonly include?: (v: LineVerdict) => boolean
}

/**
 * The failed lines, re-feedable to `oc image mirror -f` unchanged: each physical line verbatim
 * when all of its entries failed, else `SRC=DST` for the failed part of a fan-out line. Each is
 * preceded by its origin comment (`originComment`).
 */
export function renderRetryMapping(
  set: MappingSet,
  verdicts: readonly LineVerdict[],
  options: RetryMappingOptions = {}
): string {
  const include = options.include ?? ((v: LineVerdict) => v.status === 'failed')
  const failed = new Map(verdicts.filter(include).map((v) => [v.entryId, v]))
  if (failed.size === 0) return ''
  const out = retryMappingHeader(failed.size)
  for (const entries of entriesByLine(set.entries)) {
    const hit = entries.filter((e) => failed.has(e.id))
    if (hit.length === 0) continue
    const first = hit[0]
    const verdict = failed.get(first.id) as LineVerdict
    const classes = [...new Set(hit.flatMap((e) => failed.get(e.id)?.classes ?? []))]
    out.push(originComment(first.file, first.line, classes, verdict.reasons[0] ?? 'not mirrored'))
    out.push(...renderLinePart(entries, hit))
  }
  return out.join('\n') + '\n'
}

/** The first lines of every retry mapping: what it is, and how to use it. */
export function retryMappingHeader(entries: number): string[] {
  return [
    `# mirror-guard retry mapping: ${plural(entries, 'mapping entry', 'mapping entries')} not mirrored.`,
    '# Feed it back unchanged: oc image mirror -f <this file> …  (lines starting with # are comments to oc)'
  ]
}

/**
 * `# <file>:<line> <classes>: <reason>` on one line of printable text (the writer). Like an
 * annotation title, it names the root causes among `classes`, not what followed from them.
 */
export function originComment(
  file: string,
  line: number,
  classes: readonly FailureClass[],
  reason: string
): string {
  const causes = rootCauses(classes)
  const named = causes.length > 0 ? causes : classes
  return commentText(`# ${file}:${line} ${named.join(',')}: ${reason}`)
}

/**
 * The origin an `originComment` names (the parser). The file is the shortest prefix followed by
 * `:<line> <classes>: `, so a reason holding `host:5000 refused: …` cannot be taken for it.
 */
export function parseOriginComment(text: string): { file: string; line: number } | undefined {
  const m = /^# (.+?):(\d+) ([a-z-]+(?:,[a-z-]+)*): /.exec(text)
  return m ? { file: m[1], line: Number(m[2]) } : undefined
}

/** Each file's lines, split once per mapping set: originOf runs for every line of it. */
const splitCache = new WeakMap<ReadonlyMap<string, string>, Map<string, string[]>>()

function linesOf(texts: ReadonlyMap<string, string>, file: string): string[] | undefined {
  let files = splitCache.get(texts)
  if (!files) splitCache.set(texts, (files = new Map<string, string[]>()))
  let lines = files.get(file)
  if (lines === undefined) {
    const text = texts.get(file)
    if (text === undefined) return undefined
    files.set(file, (lines = text.split(/\r?\n/)))
  }
  return lines
}

/**
 * Where a line really comes from: in a retry mapping (retry-from) the origin comment before it;
 * undefined for a line of the user's own mapping.
 */
export function originOf(
  texts: ReadonlyMap<string, string>,
  file: string,
  line: number
): { file: string; line: number } | undefined {
  if (line < 2) return undefined
  return parseOriginComment(linesOf(texts, file)?.[line - 2] ?? '')
}
