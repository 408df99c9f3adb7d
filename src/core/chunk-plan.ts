// `chunk-size: N`: an attempt's lines run as consecutive engine invocations of at most N
// mapping entries each, so that no single oc process holds a huge plan for hours (long-lived
// HTTP/2 connections get GOAWAY, a late failure loses nothing already confirmed). A
// destination repository is never split (its layers are shared and pushed once per
// repository), nor a physical line: the groups of shard-plan.ts. Groups are taken in mapping
// order and packed greedily; a group larger than N is a chunk of its own.
import { entriesByLine, renderLinePart } from './mapping.js'
import { groupEntries } from './shard-plan.js'
import type { MappingEntry, MappingSet } from './types.js'

export const MAX_CHUNK_SIZE = 1_000_000

export interface Chunk {
  /** 1-based. */
  readonly index: number
  /** Entry ids in mapping order. */
  readonly entryIds: readonly number[]
  /** The chunk holds one group larger than the chunk size (a repository cannot be split). */
  readonly oversized: boolean
}

/** The chunks of `entries` (one chunk of all when `size` is undefined). */
export function planChunks(entries: readonly MappingEntry[], size: number | undefined): Chunk[] {
  if (entries.length === 0) return []
  if (size === undefined || entries.length <= size) {
    return [{ index: 1, entryIds: entries.map((e) => e.id), oversized: false }]
  }
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size ${size} is not ≥ 1`)
  const out: { positions: number[]; oversized: boolean }[] = []
  let current: number[] = []
  for (const g of groupEntries(entries)) {
    if (current.length > 0 && current.length + g.members.length > size) {
      out.push({ positions: current, oversized: false })
      current = []
    }
    if (g.members.length > size) {
      out.push({ positions: [...g.members], oversized: true })
      continue
    }
    current.push(...g.members)
  }
  if (current.length > 0) out.push({ positions: current, oversized: false })
  return out.map((c, i) => ({
    index: i + 1,
    entryIds: c.positions.sort((a, b) => a - b).map((p) => entries[p].id),
    oversized: c.oversized
  }))
}

/**
 * The mapping file of one chunk for `oc image mirror -f`: after a `# <header>` comment, each
 * physical line whose entries are all in the chunk verbatim, and the entries of a line only
 * partly in it (a retry of part of a fan-out line) as `SRC=DST`; `# from <file>` where the
 * file changes. Mapping order.
 */
export function renderChunkMapping(
  set: MappingSet,
  entryIds: readonly number[],
  header: string
): string {
  const wanted = new Set(entryIds)
  const out = [`# ${header}`]
  let file: string | undefined
  for (const entries of entriesByLine(set.entries)) {
    const hit = entries.filter((e) => wanted.has(e.id))
    const first = hit[0]
    if (first === undefined) continue
    if (first.file !== file) {
      file = first.file
      out.push(`# from ${file}`)
    }
    out.push(...renderLinePart(entries, hit))
  }
  return out.join('\n') + '\n'
}
