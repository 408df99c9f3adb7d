// One entry point for the action and the CLI: each entry goes to the checker of its kind.
import type { FileTreeState } from '../core/repair-plan.js'
import type { MappingEntry } from '../core/types.js'
import { verifyFileEntries } from './file-layout.js'
import { verifyRegistryEntries, type RegistryVerifyOptions } from './registry-verify.js'
import type { ResolvedTag, VerifyProblem, VerifyResult } from './types.js'

export type { ResolvedTag, VerifyProblem, VerifyProblemKind, VerifyResult } from './types.js'
export { verifyFileEntries } from './file-layout.js'
export { verifyRegistryEntries } from './registry-verify.js'

export interface VerifyEntriesOptions {
  /** Root of file:// destinations (oc's --dir; oc's default is the working directory). */
  readonly dir?: string
  /** Root of file:// sources to check before a push (oc's --from-dir); unset → sources unchecked. */
  readonly fromDir?: string
  readonly digest: boolean
  readonly authFile?: string
  readonly insecure: boolean
  /** Check registry destinations over the network. */
  readonly registries: boolean
  /**
   * Registry requests and limits: see RegistryVerifyOptions. Its `signal` stops the file://
   * checks too (blob hashing ends at the next chunk).
   */
  readonly network?: Pick<
    RegistryVerifyOptions,
    'signal' | 'certRoots' | 'env' | 'onSecret' | 'requestDeadlineMs' | 'timeoutMs'
  >
}

/**
 * Verifies what can be verified and returns one result per such entry, in entry order:
 * - file:// destinations under `dir` (default `.`, like oc),
 * - file:// sources under `fromDir` when it is set,
 * - registry destinations when `registries` is true.
 * An entry checked on both sides gets one merged result. Entries with nothing checkable
 * (s3:// destinations, registry destinations with `registries: false`) get NO result: the
 * caller keeps oc's own verdict for them.
 */
export async function verifyEntries(
  entries: readonly MappingEntry[],
  opts: VerifyEntriesOptions
): Promise<VerifyResult[]> {
  const signal = opts.network?.signal
  const file = { digest: opts.digest, ...(signal !== undefined ? { signal } : {}) }
  const [dest, src, reg] = await Promise.all([
    verifyFileEntries(entries, opts.dir ?? '.', { ...file, side: 'destination' }),
    opts.fromDir !== undefined
      ? verifyFileEntries(entries, opts.fromDir, { ...file, side: 'source' })
      : Promise.resolve([]),
    opts.registries
      ? verifyRegistryEntries(entries, {
          ...opts.network,
          insecure: opts.insecure,
          digest: opts.digest,
          ...(opts.authFile !== undefined ? { authFile: opts.authFile } : {})
        })
      : Promise.resolve([])
  ])
  const merged = new Map<
    number,
    {
      problems: VerifyProblem[]
      warnings: VerifyProblem[]
      resolved: ResolvedTag[]
      tree?: FileTreeState
    }
  >()
  const byId = new Map(entries.map((e) => [e.id, e]))
  // Source findings say which side they are about; destination findings are the default.
  const tagSource = (id: number, p: VerifyProblem): VerifyProblem => ({
    ...p,
    message: `source ${byId.get(id)?.source.raw ?? ''}: ${p.message}`
  })
  for (const [results, isSource] of [
    [src, true],
    [dest, false],
    [reg, false]
  ] as const) {
    for (const r of results) {
      const m = merged.get(r.entryId) ?? { problems: [], warnings: [], resolved: [] }
      m.problems.push(...(isSource ? r.problems.map((p) => tagSource(r.entryId, p)) : r.problems))
      if (r.resolved && !isSource) m.resolved.push(...r.resolved)
      m.warnings.push(
        ...(isSource ? (r.warnings ?? []).map((p) => tagSource(r.entryId, p)) : (r.warnings ?? []))
      )
      if (!isSource && r.tree !== undefined) m.tree = r.tree
      merged.set(r.entryId, m)
    }
  }
  return entries
    .filter((e) => merged.has(e.id))
    .map((e) => {
      const m = merged.get(e.id)!
      return {
        entryId: e.id,
        complete: m.problems.length === 0,
        problems: m.problems,
        ...(m.warnings.length > 0 ? { warnings: m.warnings } : {}),
        ...(m.resolved.length > 0 ? { resolved: m.resolved } : {}),
        ...(m.tree !== undefined ? { tree: m.tree } : {})
      }
    })
}
