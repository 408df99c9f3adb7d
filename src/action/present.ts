// Attempts → the job summary's attempt table: one row per attempt and its "Repair" cell. Pure.
import type { ReportedAttempt } from '../core/run-report.js'
import type { AttemptRow } from '../github/summary.js'
import { plural } from '../core/text.js'

export function attemptRow(a: ReportedAttempt): AttemptRow {
  return {
    attempt: a.attempt,
    linesRun: a.entryIds.length,
    mirrored: a.mirrored,
    failed: a.failed,
    ...(a.stats?.planningSeconds !== undefined ? { planningSeconds: a.stats.planningSeconds } : {}),
    ...(a.stats?.mirroringSeconds !== undefined
      ? { mirroringSeconds: a.stats.mirroringSeconds }
      : {}),
    ...(a.stats?.rate !== undefined ? { rate: a.stats.rate } : {}),
    exitCode: a.exitCode,
    durationSeconds: (Date.parse(a.endedAt) - Date.parse(a.startedAt)) / 1000,
    ...(a.chunks ? { chunks: a.chunks.length } : {}),
    ...(a.attempt > 1 || a.repairs.length > 0 ? { repair: repairCell(a) } : {})
  }
}

/** The attempt table's "Repair" cell: what was done to the lines before this retry. */
export function repairCell(a: ReportedAttempt): string {
  const removal = a.repairs.filter((r) => r.method === 'remove-stale')
  const plain = a.repairs.filter((r) => r.method === 'plain').length
  const forced = a.repairs.filter((r) => r.method === 'force').length
  const parts: string[] = []
  if (removal.length > 0) {
    const files = removal.reduce((k, r) => k + r.removed.length, 0)
    parts.push(`${plural(files, 'stale file')} removed (${plural(removal.length, 'line')})`)
  }
  if (plain > 0) parts.push(`plain rerun (${plural(plain, 'line')})`)
  if (forced > 0) parts.push(`--force (${plural(forced, 'line')})`)
  else if (a.force) parts.push('--force')
  return parts.join(', ') || '–'
}
