// The file removals a repair plan asks for, inside oc's `--dir` tree and nowhere else. Every
// path comes from mapping text and from the tree itself (tag names, symlinks), so each is
// checked: relative, `/`-separated, under `v2/`, no `.`/`..` component, its directory resolving
// (symlinks followed) inside the resolved root, and the file itself never a directory. The
// link or file is removed, never what a symlink points to.
import { lstat, realpath, unlink } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'

export interface RemovalResult {
  /** Removed now. */
  readonly removed: readonly string[]
  /** Not there (already gone, or removed for an earlier line). */
  readonly absent: readonly string[]
  /** Not removed, with the reason. */
  readonly refused: readonly { readonly path: string; readonly why: string }[]
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

function errCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined
}

/** Why a relative path must not be used, or undefined when its spelling is safe. */
export function unsafeTreePath(path: string): string | undefined {
  if (path.includes('\0')) return 'contains a NUL byte'
  if (path.includes('\\')) return 'contains a backslash'
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'is absolute'
  const parts = path.split('/')
  if (parts.some((p) => p === '' || p === '.' || p === '..'))
    return 'has an empty, . or .. component'
  if (parts[0] !== 'v2' || parts.length < 4) return 'is not a file under v2/<repository>/'
  const dir = parts[parts.length - 2]
  if (dir !== 'manifests' && dir !== 'blobs') return 'is not under manifests/ or blobs/'
  return undefined
}

/** Removes `paths` (relative to `root`) one by one; never throws. */
export async function removeFromTree(
  root: string,
  paths: readonly string[]
): Promise<RemovalResult> {
  const removed: string[] = []
  const absent: string[] = []
  const refused: { path: string; why: string }[] = []
  let rootReal: string
  try {
    rootReal = await realpath(root)
  } catch (e) {
    const why = `the mirror directory ${root} cannot be opened (${errCode(e) ?? String(e)})`
    return { removed, absent, refused: paths.map((path) => ({ path, why })) }
  }
  for (const path of paths) {
    const unsafe = unsafeTreePath(path)
    if (unsafe !== undefined) {
      refused.push({ path, why: `the path ${unsafe}` })
      continue
    }
    const parts = path.split('/')
    const name = parts[parts.length - 1] ?? ''
    let dirReal: string
    try {
      dirReal = await realpath(join(rootReal, ...parts.slice(0, -1)))
    } catch (e) {
      const code = errCode(e)
      if (code === 'ENOENT' || code === 'ENOTDIR') absent.push(path)
      else refused.push({ path, why: `its directory cannot be resolved (${code ?? String(e)})` })
      continue
    }
    if (!inside(dirReal, rootReal)) {
      refused.push({ path, why: `its directory resolves to ${dirReal}, outside ${root}` })
      continue
    }
    const target = join(dirReal, name)
    try {
      const st = await lstat(target)
      if (st.isDirectory()) {
        refused.push({ path, why: 'it is a directory' })
        continue
      }
      await unlink(target)
      removed.push(path)
    } catch (e) {
      const code = errCode(e)
      if (code === 'ENOENT') absent.push(path)
      else refused.push({ path, why: `it cannot be removed (${code ?? String(e)})` })
    }
  }
  return { removed, absent, refused }
}
