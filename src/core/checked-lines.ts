// What `validate` checked, one row per mapping line: the entries parsed from it (a fan-out line
// has several) and the findings on it. A line oc rejects has no entry but is still a line that
// was checked, so counts in a report match the rows of its table.
import type { MappingEntry, MappingFinding, MappingSet } from './types.js'

export interface CheckedLine {
  readonly file: string
  /** Physical 1-based line number. */
  readonly line: number
  /** The line as written, when known. */
  readonly text?: string
  readonly entries: readonly MappingEntry[]
  readonly findings: readonly MappingFinding[]
  /** The worst finding on the line; undefined when it has none. */
  readonly severity?: 'error' | 'warning'
}

/**
 * Every mapping line that holds an entry or a finding, in file order (files as first seen, then
 * line number). File-level findings (line 0, e.g. an unreadable file) belong to no line.
 * `texts` (file → content, as loadMappingFiles returns) supplies the text of rejected lines.
 */
export function checkedLines(
  set: Pick<MappingSet, 'entries'>,
  findings: readonly MappingFinding[],
  texts?: ReadonlyMap<string, string>
): CheckedLine[] {
  const fileOrder = new Map<string, number>()
  const rows = new Map<
    string,
    { file: string; line: number; entries: MappingEntry[]; findings: MappingFinding[] }
  >()
  const rowOf = (file: string, line: number) => {
    if (!fileOrder.has(file)) fileOrder.set(file, fileOrder.size)
    const key = `${line}\u0000${file}`
    let r = rows.get(key)
    if (r === undefined) rows.set(key, (r = { file, line, entries: [], findings: [] }))
    return r
  }
  for (const e of set.entries) rowOf(e.file, e.line).entries.push(e)
  for (const f of findings) if (f.line > 0) rowOf(f.file, f.line).findings.push(f)

  const split = new Map<string, string[]>()
  const textOf = (file: string, line: number): string | undefined => {
    let lines = split.get(file)
    if (lines === undefined) {
      const text = texts?.get(file)
      if (text === undefined) return undefined
      split.set(file, (lines = text.split(/\r?\n/)))
    }
    return lines[line - 1]
  }

  return [...rows.values()]
    .sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line)
    .map((r) => {
      const severity = r.findings.some((f) => f.severity === 'error')
        ? 'error'
        : r.findings.length > 0
          ? 'warning'
          : undefined
      const text = r.entries[0]?.text ?? textOf(r.file, r.line)
      return {
        ...r,
        ...(text !== undefined ? { text } : {}),
        ...(severity !== undefined ? { severity } : {})
      }
    })
}
