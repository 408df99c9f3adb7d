// How each line of a retry is repaired, decided before the retry runs (pure). The goal is the
// fewest bytes: `--force` makes oc download every layer of every image in the attempt again,
// so it is used only where nothing else can work. For a `file://` tree written by oc ≤ 4.13
// the stale manifest entries are removed instead (oc then plans the image's layers again and
// skips each blob already on disk); oc ≥ 4.14 replans the layers itself, so a plain rerun does.
import { replansFileLayers, type OcClientVersion } from './oc-version.js'
import type { LineVerdict, MappingEntry } from './types.js'
import { plural } from './text.js'

/** The `force-on-retry` input: `auto` = this planner; `true` = always `--force`; `false` = never. */
export type ForceOnRetry = 'auto' | 'true' | 'false'

/** One manifest file of a `file://` tree reached from a mapping entry, as verification found it. */
export interface FileManifestState {
  readonly digest: string
  /** Its file name under `manifests/` (`sha256:<hex>`, or `sha256-<hex>` as written on Windows). */
  readonly file: string
  readonly kind: 'image' | 'list'
  /** For a child manifest: the digest of the list that names it. */
  readonly parent?: string
  /** Config or layer blobs it references that are not on disk. */
  readonly missingBlobs: readonly string[]
  /** Blob files on disk with the wrong size or content; oc only checks that the name exists. */
  readonly corruptBlobs: readonly { readonly digest: string; readonly file: string }[]
  /** For a list: children it names that are not on disk. */
  readonly missingChildren: readonly string[]
  /** The file's content is not a readable manifest of its digest. */
  readonly corrupt: boolean
}

/** What verification found in one entry's part of a `file://` tree. */
export interface FileTreeState {
  /** `v2/<repository path>`, relative to the mirror root, `/`-separated. */
  readonly repoPath: string
  /** The tag links the entry writes, and the manifest digest each names (when readable). */
  readonly tags: readonly { readonly name: string; readonly digest?: string }[]
  readonly manifests: readonly FileManifestState[]
  /** Set when removing files cannot be done safely (a path leaves the tree, unreadable). */
  readonly unrepairable?: string
}

export type RepairMethod = 'plain' | 'remove-stale' | 'force'

export interface LineRepair {
  readonly entryId: number
  readonly method: RepairMethod
  /** For `remove-stale`: files to remove, relative to the mirror root, `/`-separated. */
  readonly remove: readonly string[]
  /** One sentence for the report: why this method. */
  readonly why: string
}

/** The engine that runs the retry, and the oc client's version when known. */
export interface RetryTool {
  readonly engine: 'oc' | 'skopeo'
  readonly ocVersion?: OcClientVersion
}

export interface RepairInput {
  /** The entries the next attempt runs. */
  readonly entries: readonly MappingEntry[]
  /** Their latest verdicts. */
  readonly verdicts: readonly LineVerdict[]
  /** The latest `file://` tree state per entry id (from verification after the attempt). */
  readonly trees: ReadonlyMap<number, FileTreeState>
  readonly mode: ForceOnRetry
  readonly tool: RetryTool
}

export function planRepairs(input: RepairInput): LineRepair[] {
  const verdicts = new Map(input.verdicts.map((v) => [v.entryId, v]))
  return input.entries.map((e) =>
    planLine(e, verdicts.get(e.id), input.trees.get(e.id), input.mode, input.tool)
  )
}

/** `--force` is one flag per oc run: the attempt gets it when any of its lines needs it. */
export function attemptNeedsForce(repairs: readonly LineRepair[]): boolean {
  return repairs.some((r) => r.method === 'force')
}

function planLine(
  entry: MappingEntry,
  verdict: LineVerdict | undefined,
  tree: FileTreeState | undefined,
  mode: ForceOnRetry,
  tool: RetryTool
): LineRepair {
  const id = entry.id
  const plain = (why: string): LineRepair => ({ entryId: id, method: 'plain', remove: [], why })
  const force = (why: string): LineRepair => ({ entryId: id, method: 'force', remove: [], why })
  if (mode === 'true') return force('force-on-retry is true')
  if (tool.engine === 'skopeo') {
    return plain('skopeo checks every blob at the destination itself')
  }
  if (mode === 'false') return plain('force-on-retry is false: rerun as is, nothing removed')
  const replans = replansFileLayers(tool.ocVersion)
  const version = tool.ocVersion
    ? `oc ${tool.ocVersion.major}.${tool.ocVersion.minor}`
    : 'an oc of unknown version'
  switch (entry.destination.kind) {
    case 'registry':
      return verdict?.classes.includes('incomplete')
        ? force(
            'the registry holds the manifest but not every blob, and oc skips the layers of a manifest that exists unless --force'
          )
        : plain('oc checks each blob at a registry destination and sends only the missing ones')
    case 's3':
      return replans
        ? plain(`${version} plans every layer of an s3:// destination and skips those present`)
        : force(
            `s3:// cannot be inspected or edited here, and ${version} trusts a manifest already there (it may lack a layer)`
          )
    case 'file':
      return planFileLine(id, tree, replans, version)
  }
}

function planFileLine(
  id: number,
  tree: FileTreeState | undefined,
  replans: boolean,
  version: string
): LineRepair {
  if (tree === undefined) {
    return replans
      ? { entryId: id, method: 'plain', remove: [], why: `${version} replans every layer` }
      : {
          entryId: id,
          method: 'force',
          remove: [],
          why: `the file:// tree was not inspected, and ${version} trusts a manifest already on disk`
        }
  }
  if (tree.unrepairable !== undefined) {
    return {
      entryId: id,
      method: 'force',
      remove: [],
      why: `stale files cannot be removed safely (${tree.unrepairable})`
    }
  }
  const under = (dir: string, file: string): string => `${tree.repoPath}/${dir}/${file}`
  // oc checks a blob by name only: a wrong file under the right name is never fetched again.
  const corruptBlobs = [
    ...new Set(tree.manifests.flatMap((m) => m.corruptBlobs.map((b) => under('blobs', b.file))))
  ]
  const stale = new Set<string>()
  if (!replans) {
    for (const m of tree.manifests) {
      const broken =
        m.corrupt ||
        m.missingBlobs.length > 0 ||
        m.corruptBlobs.length > 0 ||
        m.missingChildren.length > 0
      if (!broken) continue
      stale.add(m.digest)
      // oc ≤ 4.13 decides by the top-level manifest: a list with a stale child goes too.
      if (m.parent !== undefined) stale.add(m.parent)
    }
  } else {
    // Even oc ≥ 4.14 keeps a manifest file whose content is wrong; it is only ever re-PUT.
    for (const m of tree.manifests) if (m.corrupt) stale.add(m.digest)
  }
  const manifests = tree.manifests.filter((m) => stale.has(m.digest))
  const tags = tree.tags.filter((t) => t.digest !== undefined && stale.has(t.digest))
  const remove = [
    ...tags.map((t) => under('manifests', t.name)),
    ...manifests.map((m) => under('manifests', m.file)),
    ...corruptBlobs
  ]
  if (remove.length === 0) {
    return {
      entryId: id,
      method: 'plain',
      remove: [],
      why: replans
        ? `${version} replans every layer and fetches only the missing ones`
        : 'no stale manifest on disk: oc fetches what is missing'
    }
  }
  const parts = [
    tags.length > 0 ? plural(tags.length, 'tag link') : '',
    manifests.length > 0 ? plural(manifests.length, 'stale manifest') : '',
    corruptBlobs.length > 0 ? plural(corruptBlobs.length, 'corrupt blob') : ''
  ].filter((p) => p !== '')
  return {
    entryId: id,
    method: 'remove-stale',
    remove,
    why: replans
      ? `removing ${parts.join(', ')} so oc fetches them again`
      : `${version} plans no layers for a manifest already on disk: removing ${parts.join(', ')} so only the missing blobs are fetched`
  }
}
