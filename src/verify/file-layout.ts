// Completeness of oc's file:// mirror tree (docs/oc-behaviour.md §5): for each mapping entry, the
// tag symlink (or digest file) under `<root>/v2/<repo>/manifests/`, the manifest it names, and
// every config and layer blob under `blobs/`. oc ≤4.13 writes the manifest and prints success
// even when a layer failed (docs/oc-behaviour.md §8), so the manifest's presence proves nothing on
// its own.
import type { Stats } from 'node:fs'
import { lstat, open, readdir, readlink, realpath } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { FileManifestState, FileTreeState } from '../core/repair-plan.js'
import type { ImageRef, MappingEntry } from '../core/types.js'
import {
  digestFileNames,
  digestFromFileName,
  digestOf,
  hashFile,
  isValidDigest,
  stoppedMessage
} from './digest.js'
import {
  blobsOf,
  MAX_MANIFEST_BYTES,
  parseManifest,
  type Descriptor,
  type ParsedManifest
} from './manifest.js'
import { mapLimit } from './pool.js'
import { oneLine } from '../core/text.js'
import type { ResolvedTag, VerifyProblem, VerifyResult, VerifySide } from './types.js'

export interface FileVerifyOptions {
  /** Also compare sizes and hashes (streamed). Without it only existence is checked. */
  readonly digest: boolean
  /** `destination`: what oc wrote under `--dir`; `source`: what a push from `--from-dir` will read. */
  readonly side: VerifySide
  readonly concurrency?: number
  /**
   * A stop (cancel, attempt-timeout): blob hashing ends at its next chunk and every entry not
   * fully checked gets a `cancelled` problem, never a verdict from half a check.
   */
  readonly signal?: AbortSignal
}

/** A tag name as distribution accepts it; anything else cannot name a file safely. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
/** A git checkout without symlink support turns a tag symlink into a file holding the target. */
const MAX_TAG_FILE_BYTES = 256

type BlobState =
  | { state: 'ok' }
  | { state: 'missing'; path: string }
  | { state: 'not-file'; path: string }
  | { state: 'unsafe'; path: string; target: string }
  | { state: 'size'; path: string; actual: number }
  | { state: 'hash'; path: string; actual: string }

/** One verification of a mirror tree: where it is, how deep to check, what entries share. */
interface TreeCheck {
  readonly root: string
  readonly rootReal: string | undefined
  readonly digest: boolean
  readonly side: VerifySide
  readonly signal: AbortSignal | undefined
  /** Shared across entries: several lines often reference the same blobs. */
  readonly blobs: Map<string, Promise<BlobState>>
  /** `*.download` names per blobs dir, listed once however many lines share the repository. */
  readonly leftovers: Map<string, Promise<string[]>>
}

type MutableManifest = {
  -readonly [K in keyof FileManifestState]: FileManifestState[K] extends readonly (infer T)[]
    ? T[]
    : FileManifestState[K]
}

/** Problems that make removing files unsafe or pointless (the repair then falls back to --force). */
const UNREPAIRABLE = new Set<VerifyProblem['kind']>(['unsafe-path', 'unreadable'])

/** Per-entry state: what was found and which blobs the entry's manifests reference. */
class Findings {
  readonly problems: VerifyProblem[] = []
  readonly warnings: VerifyProblem[] = []
  /** What each tag checked resolves to (compared with the engine's pushed digest). */
  readonly resolved: ResolvedTag[] = []
  /** digest → (role, size, whether the final blob is fine) */
  readonly referenced = new Map<string, { role: string; size?: number; ok: boolean }>()
  /** For the repair planner (destination side only). */
  repoPath: string | undefined
  readonly tags: { name: string; digest?: string }[] = []
  readonly manifests = new Map<string, MutableManifest>()
  unrepairable: string | undefined

  add(kind: VerifyProblem['kind'], message: string, digest?: string, path?: string): void {
    const text = oneLine(message, { max: 1000 })
    this.problems.push({ kind, message: text, digest, path })
    if (UNREPAIRABLE.has(kind)) this.unrepairable ??= text
  }

  tree(): FileTreeState | undefined {
    if (this.repoPath === undefined) return undefined
    return {
      repoPath: this.repoPath,
      tags: this.tags,
      manifests: [...this.manifests.values()],
      ...(this.unrepairable !== undefined ? { unrepairable: this.unrepairable } : {})
    }
  }
}

export async function verifyFileEntries(
  entries: readonly MappingEntry[],
  root: string,
  opts: FileVerifyOptions
): Promise<VerifyResult[]> {
  const mine = entries.filter((e) => refOf(e, opts.side).kind === 'file')
  const ctx: TreeCheck = {
    root,
    rootReal: await realpath(root).catch(() => undefined),
    digest: opts.digest,
    side: opts.side,
    signal: opts.signal,
    blobs: new Map(),
    leftovers: new Map()
  }
  return mapLimit(mine, opts.concurrency ?? 4, (entry) => verifyEntry(entry, ctx))
}

function refOf(entry: MappingEntry, side: VerifySide): ImageRef {
  return side === 'destination' ? entry.destination : entry.source
}

/** What the entry names on this side: a tag, a digest, or (tag-less source) every tag. */
function wanted(entry: MappingEntry, side: VerifySide): { tag?: string; digest?: string } {
  if (side === 'destination') {
    // A digest-only push (source by digest, DST without tag) lands as manifests/<source digest>.
    return entry.destinationTag !== undefined
      ? { tag: entry.destinationTag }
      : { digest: entry.source.digest }
  }
  // For sources the digest wins over the tag (oc 064c83ece).
  return entry.source.digest !== undefined
    ? { digest: entry.source.digest }
    : { tag: entry.source.tag }
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/** Why a repository path from mapping text cannot be used as a directory under `v2/`. */
export function unsafeRepoPath(diskPath: string): string | undefined {
  if (diskPath === '') return 'the repository path is empty'
  if (diskPath.includes('\0')) return 'the repository path contains a NUL byte'
  if (diskPath.includes('\\')) return 'the repository path contains a backslash'
  if (diskPath.startsWith('/') || /^[A-Za-z]:/.test(diskPath)) {
    return 'the repository path is absolute'
  }
  for (const part of diskPath.split('/')) {
    if (part === '' || part === '.' || part === '..') {
      return `the repository path has a "${part === '' ? '//' : part}" component`
    }
  }
  return undefined
}

function errCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path)
  } catch (err) {
    if (errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR') return undefined
    throw err
  }
}

/** realpath, or undefined when the path (or a link on the way) does not resolve. */
async function realpathOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await realpath(path)
  } catch (err) {
    const code = errCode(err)
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return undefined
    throw err
  }
}

/** Reads at most `max` bytes; returns undefined when the file is larger. */
async function readSmall(path: string, max: number): Promise<Buffer | undefined> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(max + 1)
    let total = 0
    for (;;) {
      const { bytesRead } = await fh.read(buf, total, buf.length - total, null)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > max) return undefined
    }
    return buf.subarray(0, total)
  } finally {
    await fh.close()
  }
}

async function verifyEntry(entry: MappingEntry, ctx: TreeCheck): Promise<VerifyResult> {
  const f = new Findings()
  // Entries still queued when the run stops are not looked at at all.
  if (!ctx.signal?.aborted) {
    try {
      await checkEntry(entry, ctx, f)
    } catch (err) {
      // An unexpected I/O error (EACCES, EIO…) is a failed check, never a crash.
      f.add('unreadable', `cannot check the mirror tree: ${(err as Error).message}`)
    }
  }
  if (ctx.signal?.aborted) {
    // Half a check proves nothing either way: the entry counts as not checked.
    const ref = refOf(entry, ctx.side)
    return {
      entryId: entry.id,
      complete: false,
      problems: [
        {
          kind: 'cancelled',
          message: oneLine(`${ref.raw}: ${stoppedMessage(ctx.signal)}`, { max: 1000 })
        }
      ]
    }
  }
  // Only an incomplete entry needs repairing.
  const tree = ctx.side === 'destination' && f.problems.length > 0 ? f.tree() : undefined
  return {
    entryId: entry.id,
    complete: f.problems.length === 0,
    problems: f.problems,
    ...(f.warnings.length > 0 ? { warnings: f.warnings } : {}),
    ...(f.resolved.length > 0 ? { resolved: f.resolved } : {}),
    ...(tree !== undefined ? { tree } : {})
  }
}

async function checkEntry(entry: MappingEntry, ctx: TreeCheck, f: Findings): Promise<void> {
  const ref = refOf(entry, ctx.side)
  const { tag, digest } = wanted(entry, ctx.side)
  const unsafe = unsafeRepoPath(ref.diskPath)
  if (unsafe !== undefined) {
    f.add('unsafe-path', `${ref.raw}: ${unsafe}; refusing to look outside ${ctx.root}`)
    return
  }
  if (tag !== undefined && !TAG.test(tag)) {
    f.add('unsafe-path', `${ref.raw}: "${tag}" is not a valid tag name; not used as a file name`)
    return
  }
  if (digest !== undefined && !isValidDigest(digest)) {
    f.add('unsafe-path', `${ref.raw}: "${digest}" is not a valid digest; not used as a file name`)
    return
  }
  const repoDir = join(ctx.root, 'v2', ...ref.diskPath.split('/'))
  if (!inside(resolve(repoDir), resolve(ctx.root))) {
    f.add('unsafe-path', `${ref.raw}: ${repoDir} is outside ${ctx.root}`)
    return
  }
  if (ctx.rootReal === undefined) {
    f.add('missing-manifest', `the mirror directory ${ctx.root} does not exist`, digest, ctx.root)
    return
  }
  const repoReal = await realpathOrUndefined(repoDir)
  if (repoReal === undefined) {
    f.add(
      'missing-manifest',
      `nothing was written for ${ref.raw}: ${repoDir} does not exist`,
      digest,
      repoDir
    )
    return
  }
  if (!inside(repoReal, ctx.rootReal)) {
    f.add('unsafe-path', `${repoDir} resolves to ${repoReal}, outside ${ctx.root}; not followed`)
    return
  }
  const repo = await openRepo(repoDir, repoReal, f)
  if (repo === undefined) return
  f.repoPath = ['v2', ...ref.diskPath.split('/')].join('/')

  if (digest !== undefined) {
    await checkManifest(repo, ctx, f, digest, `${ref.printed}@${digest}`, undefined)
  } else if (tag !== undefined) {
    const d = await resolveTag(repo, ctx, f, tag)
    f.tags.push(d !== undefined ? { name: tag, digest: d } : { name: tag })
    if (d !== undefined) {
      f.resolved.push({ tag, digest: d })
      await checkManifest(repo, ctx, f, d, `tag ${tag}`, undefined)
    }
  } else {
    // A tag-less source means every tag of the repository (oc lists the tag symlinks).
    const tags = await listTags(repo)
    if (tags.length === 0) {
      f.add('missing-tag', `no tags under ${repo.manifestsDir}`, undefined, repo.manifestsDir)
    }
    for (const t of tags) {
      const d = await resolveTag(repo, ctx, f, t)
      f.tags.push(d !== undefined ? { name: t, digest: d } : { name: t })
      if (d !== undefined) {
        f.resolved.push({ tag: t, digest: d })
        await checkManifest(repo, ctx, f, d, `tag ${t}`, undefined)
      }
    }
  }
  await checkLeftovers(repo, ctx, f)
}

interface Repo {
  /** Display paths (as the user gave the root). */
  readonly manifestsDir: string
  readonly blobsDir: string
  /** Resolved paths, checked to be inside the repository. */
  readonly manifestsReal: string | undefined
  readonly blobsReal: string | undefined
  readonly repoReal: string
}

async function openRepo(repoDir: string, repoReal: string, f: Findings): Promise<Repo | undefined> {
  const manifestsDir = join(repoDir, 'manifests')
  const blobsDir = join(repoDir, 'blobs')
  const manifestsReal = await realpathOrUndefined(manifestsDir)
  const blobsReal = await realpathOrUndefined(blobsDir)
  for (const [shown, real] of [
    [manifestsDir, manifestsReal],
    [blobsDir, blobsReal]
  ] as const) {
    if (real !== undefined && !inside(real, repoReal)) {
      f.add('unsafe-path', `${shown} resolves to ${real}, outside ${repoDir}; not followed`)
      return undefined
    }
  }
  return {
    manifestsDir,
    blobsDir,
    manifestsReal,
    blobsReal,
    repoReal
  }
}

/** Tag names under manifests/: symlinks (oc) or flattened links, never digest files. */
async function listTags(repo: Repo): Promise<string[]> {
  if (repo.manifestsReal === undefined) return []
  const names = await readdir(repo.manifestsReal, { withFileTypes: true })
  return names
    .filter((d) => (d.isSymbolicLink() || d.isFile()) && TAG.test(d.name))
    .filter((d) => digestFromFileName(d.name) === undefined)
    .map((d) => d.name)
    .sort()
}

/** The manifest digest a tag points to, or undefined after recording why there is none. */
async function resolveTag(
  repo: Repo,
  ctx: TreeCheck,
  f: Findings,
  tag: string
): Promise<string | undefined> {
  const tagPath = join(repo.manifestsDir, tag)
  if (repo.manifestsReal === undefined) {
    f.add(
      'missing-tag',
      `tag ${tag} was never written: ${repo.manifestsDir} does not exist`,
      undefined,
      tagPath
    )
    return undefined
  }
  const realTagPath = join(repo.manifestsReal, tag)
  const st = await lstatOrUndefined(realTagPath)
  if (st === undefined) {
    f.add(
      'missing-tag',
      `tag ${tag} was never written: ${tagPath} does not exist`,
      undefined,
      tagPath
    )
    return undefined
  }
  if (st.isSymbolicLink()) {
    const target = await readlink(realTagPath)
    // Judge the link text first: an absolute or `..` target is never followed at all.
    if (!inside(resolve(repo.manifestsReal, target), repo.manifestsReal)) {
      f.add(
        'unsafe-path',
        `tag ${tag} is a symlink to ${target}, outside ${repo.manifestsDir}; not followed`,
        undefined,
        tagPath
      )
      return undefined
    }
    const real = await realpathOrUndefined(realTagPath)
    if (real === undefined) {
      const d = digestFromFileName(target)
      f.add(
        'dangling-tag',
        d !== undefined
          ? `tag ${tag} points to manifest ${d}, which is missing: ${join(repo.manifestsDir, target)} does not exist`
          : `tag ${tag} is a dangling symlink to ${target}`,
        d,
        tagPath
      )
      return undefined
    }
    if (!inside(real, repo.manifestsReal)) {
      f.add(
        'unsafe-path',
        `tag ${tag} resolves to ${real}, outside ${repo.manifestsDir}; not followed`,
        undefined,
        tagPath
      )
      return undefined
    }
    const d = digestFromFileName(basename(real))
    if (d === undefined) {
      f.add(
        'dangling-tag',
        `tag ${tag} points to ${target}, which is not a manifest digest`,
        undefined,
        tagPath
      )
    }
    return d
  }
  if (st.isFile() && st.size <= MAX_TAG_FILE_BYTES) {
    const text = (await readSmall(realTagPath, MAX_TAG_FILE_BYTES))?.toString('utf8').trim()
    const d = text === undefined ? undefined : digestFromFileName(text)
    if (d !== undefined) {
      // oc reads tags only through symlinks; a push from this tree fails with "not a symlink".
      if (ctx.side === 'source') {
        f.add(
          'dangling-tag',
          `tag ${tag} is a regular file holding "${d}", not a symlink (a copy without symlink support?); oc fails to read it: not a symlink`,
          d,
          tagPath
        )
      }
      return d
    }
  }
  f.add('dangling-tag', `tag ${tag} is not a symlink to a manifest: ${tagPath}`, undefined, tagPath)
  return undefined
}

/** The first existing name of a digest in a directory (`sha256:<hex>`, then Windows `sha256-<hex>`). */
async function findDigestFile(
  dirReal: string,
  digest: string
): Promise<{ path: string; st: Stats } | undefined> {
  for (const name of digestFileNames(digest)) {
    const path = join(dirReal, name)
    const st = await lstatOrUndefined(path)
    if (st !== undefined) return { path, st }
  }
  return undefined
}

async function checkManifest(
  repo: Repo,
  ctx: TreeCheck,
  f: Findings,
  digest: string,
  via: string,
  parent: { list: string; child: Descriptor } | undefined
): Promise<void> {
  const shown = join(repo.manifestsDir, digest)
  const found = repo.manifestsReal && (await findDigestFile(repo.manifestsReal, digest))
  if (!found) {
    if (parent) {
      f.manifests.get(parent.list)?.missingChildren.push(digest)
      f.add(
        'missing-child',
        `child manifest ${digest} (${parent.child.role}) of manifest list ${parent.list} is missing: ${shown} does not exist`,
        digest,
        shown
      )
    } else {
      // By digest, oc may have pushed one platform of a filtered list under its own digest.
      const hint = via.startsWith('tag ')
        ? ''
        : ' (if oc filtered a manifest list to one platform, that manifest has another digest)'
      f.add(
        'missing-manifest',
        `manifest ${digest} (${via}) is missing: ${shown} does not exist${hint}`,
        digest,
        shown
      )
    }
    return
  }
  let path = found.path
  if (found.st.isSymbolicLink()) {
    const real = await realpathOrUndefined(found.path)
    if (real === undefined || !inside(real, repo.repoReal)) {
      f.add(
        real === undefined ? 'missing-manifest' : 'unsafe-path',
        real === undefined
          ? `manifest ${digest} (${via}) is a dangling symlink: ${shown}`
          : `manifest ${digest} (${via}) is a symlink to ${real}, outside the repository; not followed`,
        digest,
        shown
      )
      return
    }
    path = real
  }
  const state: MutableManifest = {
    digest,
    file: basename(found.path),
    kind: 'image',
    ...(parent ? { parent: parent.list } : {}),
    missingBlobs: [],
    corruptBlobs: [],
    missingChildren: [],
    corrupt: false
  }
  f.manifests.set(digest, state)
  if (!(await lstat(path)).isFile()) {
    f.unrepairable ??= `${shown} is not a regular file`
    f.add(
      'bad-manifest',
      `manifest ${digest} (${via}) is not a regular file: ${shown}`,
      digest,
      shown
    )
    return
  }
  const bytes = await readSmall(path, MAX_MANIFEST_BYTES)
  if (bytes === undefined) {
    state.corrupt = true
    f.add(
      'bad-manifest',
      `manifest ${digest} (${via}) is larger than ${MAX_MANIFEST_BYTES} bytes: ${shown}`,
      digest,
      shown
    )
    return
  }
  if (ctx.digest) {
    if (parent?.child.size !== undefined && parent.child.size !== bytes.length) {
      state.corrupt = true
      f.add(
        'size-mismatch',
        `child manifest ${digest} (${parent.child.role}) of manifest list ${parent.list} has ${bytes.length} bytes, the list says ${parent.child.size}: ${shown}`,
        digest,
        shown
      )
      return
    }
    const actual = digestOf(bytes, digest.slice(0, digest.indexOf(':')))
    if (actual !== digest) {
      state.corrupt = true
      f.add(
        'digest-mismatch',
        `manifest ${digest} (${via}) has content with digest ${actual}: ${shown}`,
        digest,
        shown
      )
      return
    }
  }
  const parsed = parseManifest(bytes)
  if ('error' in parsed) {
    state.corrupt = true
    f.add(
      'bad-manifest',
      `manifest ${digest} (${via}) cannot be read: ${parsed.error}: ${shown}`,
      digest,
      shown
    )
    return
  }
  await checkParsed(repo, ctx, f, state, via, parsed.manifest, parent !== undefined)
}

async function checkParsed(
  repo: Repo,
  ctx: TreeCheck,
  f: Findings,
  ms: MutableManifest,
  via: string,
  m: ParsedManifest,
  isChild: boolean
): Promise<void> {
  const digest = ms.digest
  if (m.kind === 'index') {
    ms.kind = 'list'
    if (isChild) {
      f.add(
        'bad-manifest',
        `manifest ${digest} (${via}) is a list nested in a list; not supported`,
        digest
      )
      return
    }
    // The tag points at the list, so oc kept it: every child it names must be on disk.
    for (const child of m.manifests) {
      await checkManifest(repo, ctx, f, child.digest, `${via} → ${child.role}`, {
        list: digest,
        child
      })
    }
    return
  }
  for (const blob of blobsOf(m)) {
    const state = await blobState(repo, ctx, blob)
    const prior = f.referenced.get(blob.digest)
    f.referenced.set(blob.digest, {
      role: blob.role,
      size: blob.size,
      ok: (prior?.ok ?? true) && state.state === 'ok'
    })
    const what = `${blob.role} ${blob.digest}${blob.size !== undefined ? ` (${blob.size} bytes)` : ''} of manifest ${digest} (${via})`
    switch (state.state) {
      case 'ok':
        break
      case 'missing':
        ms.missingBlobs.push(blob.digest)
        f.add(
          'missing-blob',
          `${what} is missing: ${shownBlob(repo, state.path)} does not exist`,
          blob.digest,
          shownBlob(repo, state.path)
        )
        break
      case 'not-file':
        f.unrepairable ??= `${shownBlob(repo, state.path)} is not a regular file`
        f.add(
          'missing-blob',
          `${what} is not a regular file: ${shownBlob(repo, state.path)}`,
          blob.digest,
          shownBlob(repo, state.path)
        )
        break
      case 'unsafe':
        f.add(
          'unsafe-path',
          `${what} is a symlink to ${state.target}, outside the mirror directory; not followed`,
          blob.digest,
          shownBlob(repo, state.path)
        )
        break
      case 'size':
        ms.corruptBlobs.push({ digest: blob.digest, file: basename(state.path) })
        f.add(
          'size-mismatch',
          `${what} has ${state.actual} bytes on disk (truncated or wrong file): ${shownBlob(repo, state.path)}`,
          blob.digest,
          shownBlob(repo, state.path)
        )
        break
      case 'hash':
        ms.corruptBlobs.push({ digest: blob.digest, file: basename(state.path) })
        f.add(
          'digest-mismatch',
          `${what} has content with digest ${state.actual}: ${shownBlob(repo, state.path)}`,
          blob.digest,
          shownBlob(repo, state.path)
        )
        break
    }
  }
}

function shownBlob(repo: Repo, realPath: string): string {
  return repo.blobsReal !== undefined && dirname(realPath) === repo.blobsReal
    ? join(repo.blobsDir, basename(realPath))
    : realPath
}

function blobState(repo: Repo, ctx: TreeCheck, blob: Descriptor): Promise<BlobState> {
  const dir = repo.blobsReal ?? join(repo.repoReal, 'blobs')
  const key = `${ctx.digest ? 'd' : 'e'}\0${dir}\0${blob.digest}\0${blob.size ?? ''}`
  let p = ctx.blobs.get(key)
  if (p === undefined) {
    p = computeBlobState(dir, ctx, blob)
    ctx.blobs.set(key, p)
  }
  return p
}

async function computeBlobState(dir: string, ctx: TreeCheck, blob: Descriptor): Promise<BlobState> {
  const found = await findDigestFile(dir, blob.digest)
  if (found === undefined) return { state: 'missing', path: join(dir, blob.digest) }
  let path = found.path
  if (found.st.isSymbolicLink()) {
    // Shared blobs are hard links in oc's tree; a symlink is accepted only inside the mirror.
    const real = await realpathOrUndefined(found.path)
    if (real === undefined) return { state: 'missing', path }
    if (ctx.rootReal === undefined || !inside(real, ctx.rootReal))
      return { state: 'unsafe', path, target: real }
    path = real
  }
  const st = await lstat(path)
  if (!st.isFile()) return { state: 'not-file', path: found.path }
  if (!ctx.digest) return { state: 'ok' }
  if (blob.size !== undefined && st.size !== blob.size) {
    return { state: 'size', path: found.path, actual: st.size }
  }
  const actual = await hashFile(path, blob.digest, ctx.signal)
  return actual === blob.digest ? { state: 'ok' } : { state: 'hash', path: found.path, actual }
}

/** `*.download` files are oc's unfinished streaming writes (file.go:418-436). */
async function checkLeftovers(repo: Repo, ctx: TreeCheck, f: Findings): Promise<void> {
  const dir = repo.blobsReal
  if (dir === undefined) return
  let listing = ctx.leftovers.get(dir)
  if (listing === undefined) {
    listing = readdir(dir).then((names) => names.filter((n) => n.endsWith('.download')).sort())
    ctx.leftovers.set(dir, listing)
  }
  for (const name of await listing) {
    const real = join(dir, name)
    const path = join(repo.blobsDir, name)
    const st = await lstatOrUndefined(real)
    const size = st?.isFile() ? ` (${st.size} bytes)` : ''
    const digest = digestFromFileName(name.slice(0, -'.download'.length))
    const ref = digest === undefined ? undefined : f.referenced.get(digest)
    if (ref !== undefined && !ref.ok) {
      f.add(
        'leftover-download',
        `partial download of ${ref.role} ${digest} (${st?.isFile() ? st.size : '?'} of ${ref.size ?? '?'} bytes) left by a failed write: ${path}`,
        digest,
        path
      )
    } else {
      f.warnings.push({
        kind: 'leftover-download',
        digest,
        path,
        message: oneLine(
          `leftover partial download${size}${ref ? ' of a blob that is complete now' : ' of a blob this line does not reference'}: ${path}`,
          { max: 1000 }
        )
      })
    }
  }
}
