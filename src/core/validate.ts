// The extra checks of `mode: validate`, on top of the parse findings: things oc accepts at
// parse time but that fail, collide or silently do less than asked at run time.
import { effectiveDestination } from './mapping.js'
import { formatRef, isExpandingSource, repoKey } from './reference.js'
import type { ImageRef, MappingEntry, MappingFinding, Severity } from './types.js'
import { plural } from './text.js'

export interface LintOptions {
  readonly filterByOs?: string
  readonly keepManifestList?: boolean
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

function finding(
  e: MappingEntry,
  severity: Severity,
  code: string,
  message: string
): MappingFinding {
  return { file: e.file, line: e.line, severity, code, message }
}

function where(e: MappingEntry): string {
  return `${e.file}, line ${e.line}`
}

/** library-go DockerClientDefaults: registry docker.io, namespace library on Docker Hub. */
function defaultedRepo(ref: ImageRef): string {
  const registry = ref.registry || 'docker.io'
  const repository =
    DOCKER_HUB.has(registry) && !ref.repository.includes('/')
      ? `library/${ref.repository}`
      : ref.repository
  return `${ref.kind}|${registry}|${repository}`
}

/** oc's `mapping.Source.Equal(mapping.Destination)` (checked after parsing, no line number). */
function sourceEqualsDestination(e: MappingEntry): boolean {
  if (e.source.digest !== undefined) return false
  if (defaultedRepo(e.source) !== defaultedRepo(e.destination)) return false
  // An expanded source gives each tag to an untagged destination: always the same image.
  if (isExpandingSource(e.source)) return e.destinationTag === undefined
  return (e.source.tag ?? 'latest') === (e.destinationTag ?? 'latest')
}

/**
 * Warnings, not errors: oc runs such a line (it lists the repository's tags while reading the
 * mapping and mirrors each match), so a PR check must not reject it. What it mirrors is only
 * known at run time: an empty listing mirrors nothing (the run then leaves the line
 * unconfirmed), and several matches into a tagged destination make oc fail the mapping.
 */
function expansionFindings(e: MappingEntry): MappingFinding[] {
  if (!isExpandingSource(e.source)) return []
  const src = e.source.printed
  const taggedDst =
    e.destinationTag !== undefined
      ? `; the destination has a tag, so if more than one tag matches oc fails with ` +
        `"when source contains wildcards, the destination must be a repository"`
      : ''
  if (e.source.tag === undefined) {
    return [
      finding(
        e,
        'warning',
        'tagless-source',
        `source ${src} has neither tag nor digest: oc lists the repository's tags over the ` +
          `network while reading the mapping and mirrors every tag it finds (none found: ` +
          `nothing is mirrored)${taggedDst}`
      )
    ]
  }
  return [
    finding(
      e,
      'warning',
      'wildcard-source',
      `source tag ${JSON.stringify(e.source.tag)} of ${src} is a wildcard: oc lists the ` +
        `repository's tags over the network while reading the mapping and mirrors each match ` +
        `(no match: nothing is mirrored)${taggedDst}`
    )
  ]
}

function registryOnlyFindings(e: MappingEntry): MappingFinding[] {
  const out: MappingFinding[] = []
  for (const [side, ref] of [
    ['source', e.source],
    ['destination', e.destination]
  ] as const) {
    if (ref.repository === '') {
      out.push(
        finding(
          e,
          'error',
          'no-repository',
          `${side} ${JSON.stringify(ref.raw)} has no repository: oc reads a single name ` +
            `containing "." (or starting with "localhost") as a bare registry host`
        )
      )
    }
  }
  return out
}

/**
 * Destinations oc keeps apart but that land on one place: file:// refs differing only in the
 * registry component share a directory (docs/oc-behaviour.md §5); registry spellings of one
 * repository (host case, `:443`, Docker Hub's names, `library/`: docs/oc-behaviour.md §4.6)
 * share a key.
 */
function aliasFindings(entries: readonly MappingEntry[]): MappingFinding[] {
  const out: MappingFinding[] = []
  const seen = new Map<string, MappingEntry>()
  for (const e of entries) {
    if (e.destinationTag === undefined) continue
    const key = `${repoKey(e.destination.printed)}:${e.destinationTag}`
    const first = seen.get(key)
    if (!first) {
      seen.set(key, e)
      continue
    }
    const a = effectiveDestination(first)
    const b = effectiveDestination(e)
    if (a === b) continue
    if (e.destination.kind === 'file') {
      out.push(
        finding(
          e,
          'error',
          'disk-collision',
          `${b} lands in the same directory as ${a} (${where(first)}): on disk oc drops the ` +
            `registry component, so both write <dir>/v2/${e.destination.diskPath}/manifests/` +
            `${e.destinationTag} and one overwrites the other`
        )
      )
    } else {
      out.push(
        finding(
          e,
          'warning',
          'destination-alias',
          `${b} is the same destination as ${a} (${where(first)}) written differently ` +
            `(host case, port 443, Docker Hub's names and library/ name one repository): one push ` +
            `overwrites the other`
        )
      )
    }
  }
  return out
}

function sourceKey(ref: ImageRef): string {
  const key = repoKey(ref.printed)
  if (ref.digest !== undefined) return `${key}@${ref.digest}`
  return ref.tag !== undefined ? `${key}:${ref.tag}` : key
}

/** One source on several lines (a fan-out on one line is deliberate and not reported). */
function sameSourceFindings(entries: readonly MappingEntry[]): MappingFinding[] {
  const out: MappingFinding[] = []
  const first = new Map<string, MappingEntry>()
  for (const e of entries) {
    const key = sourceKey(e.source)
    const seen = first.get(key)
    if (!seen) {
      first.set(key, e)
      continue
    }
    if (seen.file === e.file && seen.line === e.line) continue
    out.push(
      finding(
        e,
        'warning',
        'same-source-twice',
        `${formatRef(e.source)} is also mirrored by ${where(seen)} (to ` +
          `${effectiveDestination(seen)}): check that both destinations are intended; ` +
          `to mirror one source to several destinations, list them on one line: SRC DST1 DST2`
      )
    )
  }
  return out
}

/**
 * oc ≤4.16 (docs/oc-behaviour.md §4.5, OCPBUGS-39375): two source tags that resolve to one digest
 * and go to one destination repository lose the second destination tag, silently.
 */
function tagMergeFindings(entries: readonly MappingEntry[]): MappingFinding[] {
  const out: MappingFinding[] = []
  const firstByTag = new Map<string, Map<string, MappingEntry>>()
  for (const e of entries) {
    const tag = e.source.tag
    if (tag === undefined || e.source.digest !== undefined || tag.includes('*')) continue
    const pairKey = `${repoKey(e.source.printed)}\n${repoKey(e.destination.printed)}`
    let byTag = firstByTag.get(pairKey)
    if (!byTag) firstByTag.set(pairKey, (byTag = new Map<string, MappingEntry>()))
    if (byTag.has(tag)) continue
    const other = [...byTag.values()][0]
    byTag.set(tag, e)
    if (!other) continue
    out.push(
      finding(
        e,
        'warning',
        'tag-merge-risk',
        `${formatRef(e.source)} and ${formatRef(other.source)} (${where(other)}) go to the ` +
          `same destination repository ${e.destination.printed}: if both tags point to the same ` +
          `image, oc 4.16 and older push only one of ${effectiveDestination(other)} and ` +
          `${effectiveDestination(e)} and print nothing about the other (OCPBUGS-39375)`
      )
    )
  }
  return out
}

/** One warning per file (at its first line), with the number of lines it concerns. */
function platformFindings(entries: readonly MappingEntry[], opts: LintOptions): MappingFinding[] {
  if ((opts.filterByOs ?? '') !== '' || opts.keepManifestList === true) return []
  const perFile = new Map<string, { first: MappingEntry; lines: Set<number> }>()
  for (const e of entries) {
    const seen = perFile.get(e.file)
    if (seen) seen.lines.add(e.line)
    else perFile.set(e.file, { first: e, lines: new Set([e.line]) })
  }
  return [...perFile.values()].map(({ first, lines }) =>
    finding(
      first,
      'warning',
      'no-platform-filter',
      `neither --filter-by-os nor keep-manifest-list is set (applies to all ` +
        `${plural(lines.size, 'mapping line')} of this file): oc then keeps only the ` +
        'manifest-list entry for the platform of the machine running it (e.g. linux/amd64) and ' +
        'pushes that single image by its own digest; on a macOS or Windows runner nothing ' +
        'matches, oc prints "info: Filtered all images from …, skipping" and exits 0 having ' +
        "mirrored nothing. Set filter-by-os (e.g. '.*' or 'linux/amd64') or keep-manifest-list"
    )
  )
}

/** The extra checks of `mode: validate`; the parse findings are not repeated. */
export function lintMappings(
  set: { readonly entries: readonly MappingEntry[] },
  opts: LintOptions
): MappingFinding[] {
  const perEntry: MappingFinding[] = []
  for (const e of set.entries) {
    if (sourceEqualsDestination(e)) {
      perEntry.push(finding(e, 'error', 'src-equals-dst', 'SRC and DST may not be the same'))
    }
    perEntry.push(...registryOnlyFindings(e), ...expansionFindings(e))
  }
  const all = [
    ...perEntry,
    ...aliasFindings(set.entries),
    ...sameSourceFindings(set.entries),
    ...tagMergeFindings(set.entries),
    ...platformFindings(set.entries, opts)
  ]
  // Stable order for reports: by file appearance, then line.
  const fileOrder = new Map<string, number>()
  for (const e of set.entries) if (!fileOrder.has(e.file)) fileOrder.set(e.file, fileOrder.size)
  return all
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        (fileOrder.get(a.f.file) ?? 0) - (fileOrder.get(b.f.file) ?? 0) ||
        a.f.line - b.f.line ||
        a.i - b.i
    )
    .map(({ f }) => f)
}
