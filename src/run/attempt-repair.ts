// Repairs around an attempt: the stale files a carried-over file:// tree holds before attempt 1,
// the plan's removals before a retry (a line whose files cannot be removed falls back to
// --force), the trees of failed lines when verification is off, and the job log's one-line
// account of what was done.
import { replansFileLayers } from '../core/oc-version.js'
import {
  planRepairs,
  type FileTreeState,
  type LineRepair,
  type RetryTool
} from '../core/repair-plan.js'
import type { NextAttempt } from '../core/retry-plan.js'
import type { MappingEntry } from '../core/types.js'
import type { VerifyResult } from '../verify/types.js'
import type { JobState } from './job-state.js'
import type { AttemptRepair, JobOptions } from './job-types.js'
import type { RemovalResult } from './tree-repair.js'
import { errorMessage, plural } from '../core/text.js'

/** `remove-stale` repairs for the stale manifests an existing tree holds before attempt 1. */
export async function staleBeforeFirstAttempt(
  opts: JobOptions,
  tool: RetryTool
): Promise<LineRepair[]> {
  const entries = opts.scope.filter((e) => e.destination.kind === 'file')
  if (!opts.inspectFiles || entries.length === 0 || replansFileLayers(tool.ocVersion)) return []
  let results: VerifyResult[]
  try {
    results = await opts.inspectFiles(entries)
  } catch {
    return []
  }
  const trees = new Map<number, FileTreeState>()
  for (const r of results) if (!r.complete && r.tree !== undefined) trees.set(r.entryId, r.tree)
  if (trees.size === 0) return []
  return planRepairs({
    entries: entries.filter((e) => trees.has(e.id)),
    verdicts: [],
    trees,
    mode: 'auto',
    tool
  }).filter((r) => r.method === 'remove-stale')
}

/**
 * Carries out the plan's removals line by line. A line whose files cannot all be removed
 * safely falls back to --force (which then applies to the whole attempt: one oc run).
 */
export async function applyRepairs(
  opts: JobOptions,
  plan: NextAttempt
): Promise<{ repairs: AttemptRepair[]; force: boolean }> {
  const repairs: AttemptRepair[] = []
  for (const r of plan.repairs) {
    if (r.method !== 'remove-stale') {
      repairs.push({ entryId: r.entryId, method: r.method, removed: [], why: r.why })
      continue
    }
    const done: RemovalResult = opts.removeStale
      ? await opts.removeStale(r.remove)
      : {
          removed: [],
          absent: [],
          refused: r.remove.map((path) => ({ path, why: 'no mirror directory to edit' }))
        }
    const refused = done.refused[0]
    if (refused !== undefined) {
      repairs.push({
        entryId: r.entryId,
        method: 'force',
        removed: done.removed,
        why: `could not remove ${refused.path}: ${refused.why}`
      })
    } else {
      repairs.push({
        entryId: r.entryId,
        method: 'remove-stale',
        removed: [...done.removed, ...done.absent],
        why: r.why
      })
    }
  }
  return { repairs, force: plan.force || repairs.some((r) => r.method === 'force') }
}

/** verify: off — the trees of failed file:// lines are still read for the repair planner. */
export async function inspectFailedTrees(
  opts: JobOptions,
  state: JobState,
  ids: readonly number[]
): Promise<void> {
  if (!opts.inspectFiles) return
  const entries = ids
    .map((id) => state.byId.get(id))
    .filter(
      (e): e is MappingEntry =>
        e !== undefined &&
        e.destination.kind === 'file' &&
        state.ledger.verdict(e.id)?.status === 'failed'
    )
  if (entries.length === 0) return
  try {
    for (const r of await opts.inspectFiles(entries)) {
      if (r.tree !== undefined && !r.complete) state.trees.set(r.entryId, r.tree)
    }
  } catch (e) {
    opts.info?.(`Could not read the mirror tree: ${errorMessage(e)}`)
  }
}

/** One line per repair method for the job log, e.g. `removed 4 stale files for 2 lines`. */
export function repairSummary(repairs: readonly AttemptRepair[]): string[] {
  const out: string[] = []
  const removal = repairs.filter((r) => r.method === 'remove-stale')
  if (removal.length > 0) {
    const files = removal.reduce((n, r) => n + r.removed.length, 0)
    out.push(
      `removed ${plural(files, 'stale file')} from the mirror tree for ${plural(removal.length, 'line')}, rerun without --force`
    )
  }
  const plain = repairs.filter((r) => r.method === 'plain').length
  if (plain > 0) out.push(`${plural(plain, 'line')} rerun as is`)
  const forced = repairs.filter((r) => r.method === 'force')
  if (forced.length > 0) {
    const why = [...new Set(forced.map((r) => r.why))].join('; ')
    out.push(`--force for this attempt (${plural(forced.length, 'line')}): ${why}`)
  }
  return out
}
