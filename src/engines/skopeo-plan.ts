// Pure half of the skopeo engine's dry run: what `skopeo copy --all` would copy, written as
// oc's `--dry-run` plan tree (destination registry, repository, `blobs:` with the source
// repository, digest and size, `manifests:` with `digest -> tag`), so both engines' dry runs
// read alike and the log reader and attributor need nothing skopeo-specific.
import { bytesSize } from '../core/go-units.js'
import type { MappingEntry } from '../core/types.js'
import type { Descriptor } from './manifest-descriptors.js'

/** Go's `units.BytesSize`, as oc prints blob sizes (kept here for the skopeo plan's callers). */
export { bytesSize }

/** One entry whose source could be read: what its copy would push. */
export interface PlannedCopy {
  readonly entry: MappingEntry
  /** Digest of the source's top manifest (a list's own digest for a multi-arch image). */
  readonly digest: string
  /** Child manifests of a list, pushed by digest before the list itself. */
  readonly children: readonly string[]
  /** Config and layer blobs of the image or of every child. */
  readonly blobs: readonly Descriptor[]
}

/** Go's `time.Duration.String()` for the closing `info: Planning completed in …` line. */
export function goDuration(ms: number): string {
  if (ms < 1) return `${Math.round(ms * 1e6)}ns`
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`
  return `${Number((ms / 1000).toFixed(3))}s`
}

interface RepoPlan {
  /** Blobs by source repository (oc prints one `blobs:` block per source). */
  readonly blobs: Map<string, Map<string, number | undefined>>
  /** Digests pushed without a tag (list children, digest-only pushes). */
  readonly digestCopies: Set<string>
  readonly tags: Map<string, Set<string>>
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The plan tree lines in oc's layout (`plan.Print`): registries and their repositories sorted
 * by name; per repository a `blobs:` block per source repository, sorted by size then digest;
 * `manifests:` with the untagged digests, then `digest -> tag`; a `stats:` line per registry.
 */
export function renderPlanTree(copies: readonly PlannedCopy[]): string[] {
  const registries = new Map<string, Map<string, RepoPlan>>()
  for (const c of copies) {
    const d = c.entry.destination
    const registry = d.registry || 'docker.io'
    let repos = registries.get(registry)
    if (!repos) registries.set(registry, (repos = new Map<string, RepoPlan>()))
    let repo = repos.get(d.repository)
    if (!repo) {
      repo = { blobs: new Map(), digestCopies: new Set(), tags: new Map() }
      repos.set(d.repository, repo)
    }
    let fromSource = repo.blobs.get(c.entry.source.printed)
    if (!fromSource) {
      fromSource = new Map<string, number | undefined>()
      repo.blobs.set(c.entry.source.printed, fromSource)
    }
    for (const b of c.blobs) fromSource.set(b.digest, b.size)
    for (const child of c.children) repo.digestCopies.add(child)
    if (c.entry.destinationTag === undefined) repo.digestCopies.add(c.digest)
    else {
      const tags = repo.tags.get(c.digest) ?? new Set<string>()
      tags.add(c.entry.destinationTag)
      repo.tags.set(c.digest, tags)
    }
  }
  const out: string[] = []
  for (const registry of [...registries.keys()].sort(byString)) {
    const repos = registries.get(registry) ?? new Map<string, RepoPlan>()
    out.push(`${registry}/`)
    const repoCount = new Map<string, number>()
    const sizes = new Map<string, number>()
    for (const name of [...repos.keys()].sort(byString)) {
      const repo = repos.get(name)
      if (!repo) continue
      out.push(`  ${name}`)
      const inRepo = new Set<string>()
      for (const [source, blobs] of repo.blobs) {
        if (blobs.size === 0) continue
        out.push('    blobs:')
        const sorted = [...blobs].sort(
          ([da, sa], [db, sb]) => (sa ?? 0) - (sb ?? 0) || byString(da, db)
        )
        for (const [digest, size] of sorted) {
          out.push(`      ${source} ${digest}${size ? ` ${bytesSize(size)}` : ''}`)
          inRepo.add(digest)
          sizes.set(digest, size ?? 0)
        }
      }
      for (const digest of inRepo) repoCount.set(digest, (repoCount.get(digest) ?? 0) + 1)
      out.push('    manifests:')
      for (const digest of [...repo.digestCopies].sort(byString)) out.push(`      ${digest}`)
      for (const digest of [...repo.tags.keys()].sort(byString)) {
        for (const tag of [...(repo.tags.get(digest) ?? [])].sort(byString)) {
          out.push(`      ${digest} -> ${tag}`)
        }
      }
    }
    out.push(statsLine(repoCount, sizes))
  }
  return out
}

/** oc's per-registry `stats:` line: blobs wanted by more than one repository are "shared". */
function statsLine(repoCount: Map<string, number>, sizes: Map<string, number>): string {
  let shared = 0
  let unique = 0
  let sharedSize = 0
  let uniqueSize = 0
  for (const [digest, n] of repoCount) {
    const size = sizes.get(digest) ?? 0
    if (n > 1) {
      shared++
      sharedSize += size
    } else {
      unique++
      uniqueSize += size
    }
  }
  const total = sharedSize + uniqueSize
  const head = `  stats: shared=${shared} unique=${unique} size=${bytesSize(total)}`
  return total > 0 ? `${head} ratio=${(uniqueSize / total).toFixed(2)}` : head
}
