// Splitting a mapping into N shards for a job matrix: which entries shard I of N mirrors.
//
// The algorithm (documented in README "Shards"; change it only with a major version, since
// shards of one run must agree on it):
// 1. Entries are grouped so that a group is never split: entries with the same destination
//    repository (repoKey: a file:// repository by its directory on disk, a registry host
//    case-insensitively) and the entries of one physical line (a fan-out `SRC D1 D2`) are in
//    one group, transitively. Layers of one repository are then pushed by one shard only.
// 2. A group's weight is its number of entries; its key is the smallest repository key in it.
// 3. Groups are sorted by weight (largest first), then key; each goes to the least-loaded
//    shard, ties to the lowest index (longest-processing-time-first greedy).
// The split depends only on the entries (their destinations and lines) and N: the same files
// and N always give the same split, whatever machine computes it.
import { repoKey } from './reference.js'
import type { MappingEntry } from './types.js'

export const MAX_SHARDS = 256

/** Shard `index` of `count`, both 1-based as the user writes `I/N`. */
export interface ShardSpec {
  readonly index: number
  readonly count: number
}

/** `I/N` with 1 ≤ I ≤ N ≤ 256; the error says what is wrong with `text`. */
export function parseShardSpec(text: string): { spec: ShardSpec } | { error: string } {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text)
  if (!m) return { error: `${JSON.stringify(text)} is not of the form I/N (e.g. 2/8)` }
  const index = Number(m[1])
  const count = Number(m[2])
  if (count < 1 || count > MAX_SHARDS) {
    return { error: `${JSON.stringify(text)}: the shard count must be from 1 to ${MAX_SHARDS}` }
  }
  if (index < 1 || index > count) {
    return { error: `${JSON.stringify(text)}: the shard index must be from 1 to ${count}` }
  }
  return { spec: { index, count } }
}

export interface ShardPlan {
  readonly count: number
  /** Entry ids per shard (index 0 = shard 1), in mapping order. */
  readonly shards: readonly (readonly number[])[]
  /** 1-based shard of every entry id. */
  readonly shardOf: ReadonlyMap<number, number>
  /** Destination repositories per shard (index 0 = shard 1). */
  readonly repositories: readonly number[]
}

/** Union-find over entry positions, by path halving. */
function root(parent: number[], i: number): number {
  while (parent[i] !== i) {
    const p = parent[parent[i]]
    parent[i] = p
    i = p
  }
  return i
}

/** Entries that must run together: one destination repository, one physical line. */
export interface EntryGroup {
  /** The smallest repository key in the group. */
  readonly key: string
  /** Positions in `entries`, ascending. */
  readonly members: readonly number[]
  /** Distinct destination repositories (repoKey) in the group. */
  readonly repos: ReadonlySet<string>
}

/**
 * Groups `entries` (step 1 of the algorithm above): same destination repository or same
 * physical line, transitively. Groups come in the order of their first entry.
 */
export function groupEntries(entries: readonly MappingEntry[]): EntryGroup[] {
  const parent = entries.map((_, i) => i)
  const keys = entries.map((e) => repoKey(e.destination.printed))
  const firstOf = new Map<string, number>()
  const union = (a: number, b: number): void => {
    const ra = root(parent, a)
    const rb = root(parent, b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  entries.forEach((e, i) => {
    for (const k of [`r\u0000${keys[i]}`, `l\u0000${e.file}\u0000${e.line}`]) {
      const first = firstOf.get(k)
      if (first === undefined) firstOf.set(k, i)
      else union(first, i)
    }
  })

  const groups = new Map<number, { key: string; members: number[]; repos: Set<string> }>()
  entries.forEach((_, i) => {
    const r = root(parent, i)
    const key = keys[i]
    const g = groups.get(r)
    if (!g) groups.set(r, { key, members: [i], repos: new Set([key]) })
    else {
      g.members.push(i)
      g.repos.add(key)
      if (key < g.key) g.key = key
    }
  })
  // The root is the smallest position of its group, and Map keeps insertion order.
  return [...groups.values()]
}

/** The split of `entries` into `count` shards (see the algorithm above). */
export function planShards(entries: readonly MappingEntry[], count: number): ShardPlan {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHARDS) {
    throw new RangeError(`shard count ${count} is not from 1 to ${MAX_SHARDS}`)
  }
  const groups = groupEntries(entries)
  const ordered = [...groups].sort(
    (a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  )

  const load = new Array<number>(count).fill(0)
  const repositories = new Array<number>(count).fill(0)
  const shardOfPos = new Array<number>(entries.length).fill(0)
  for (const g of ordered) {
    let best = 0
    for (let s = 1; s < count; s++) if (load[s] < load[best]) best = s
    load[best] = load[best] + g.members.length
    repositories[best] = repositories[best] + g.repos.size
    for (const i of g.members) shardOfPos[i] = best
  }

  const shards: number[][] = Array.from({ length: count }, () => [])
  const shardOf = new Map<number, number>()
  entries.forEach((e, i) => {
    const s = shardOfPos[i]
    shards[s].push(e.id)
    shardOf.set(e.id, s + 1)
  })
  return { count, shards, shardOf, repositories }
}

/** The entries of shard `spec.index` of `spec.count`, in mapping order. */
export function shardEntries(
  entries: readonly MappingEntry[],
  spec: ShardSpec
): readonly MappingEntry[] {
  const plan = planShards(entries, spec.count)
  const ids = new Set(plan.shards[spec.index - 1])
  return entries.filter((e) => ids.has(e.id))
}

/**
 * A mapping file of one shard's entries for `oc image mirror -f`: each physical line verbatim
 * (a shard always holds whole lines), in mapping order, after a `# <header>` comment and a
 * `# from <file>` comment where the file changes.
 */
export function renderShardMapping(entries: readonly MappingEntry[], header: string): string {
  const out = [`# ${header}`]
  let file: string | undefined
  let last = ''
  for (const e of entries) {
    const k = `${e.file}\u0000${e.line}`
    if (k === last) continue
    last = k
    if (e.file !== file) {
      file = e.file
      out.push(`# from ${file}`)
    }
    out.push(e.text.replace(/[\r\n]+$/, ''))
  }
  return out.join('\n') + '\n'
}

/** The artifact name of one shard: `<name>-<I>-of-<N>`, so a matrix's uploads never collide. */
export const shardArtifactName = (name: string, spec: ShardSpec): string =>
  `${name}-${spec.index}-of-${spec.count}`
