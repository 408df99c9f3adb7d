// The aggregate's per-shard table in the job summary: one row per shard of the matrix, also for
// a shard that sent no report (with why), so a lost runner is as visible as a failed line.
import type { ShardRow } from '../core/shard-merge.js'
import { compactDuration, plural, truncate } from '../core/text.js'
import { escapeMarkdown } from './escape.js'

export interface ShardSummaryRow extends ShardRow {
  /** Why the shard's report is not there (no artifact, download failed, not a report, …). */
  readonly missing?: string
}

/** `2h05m`, `3m07s`, `42s`; `–` when unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '–'
  return compactDuration(seconds)
}

/** Decimal units as oc prints sizes (`16.16MB/s`): `0 B`, `980 kB`, `1.2 GB`; `–` when unknown. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '–'
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB']
  let v = bytes
  let u = 0
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000
    u++
  }
  return u === 0 ? `${v} B` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`
}

const OUTCOME_MARK: Record<string, string> = { success: '✅', partial: '⚠️', failed: '❌' }

function status(r: ShardSummaryRow): string {
  if (r.report === undefined) {
    return `❌ no report${r.missing !== undefined ? `: ${escapeMarkdown(truncate(r.missing, 300))}` : ''}`
  }
  if (r.outcome === undefined) return '–'
  return `${OUTCOME_MARK[r.outcome] ?? ''} ${escapeMarkdown(truncate(r.outcome, 40))}`.trim()
}

/** The `### Shards` section (pure Markdown). A missing shard's lines count as failed. */
export function renderShardTable(rows: readonly ShardSummaryRow[]): string {
  const head = ['Shard', 'Lines', 'Mirrored', 'Failed', 'Attempts', 'Duration', 'Bytes', 'Status']
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`
  const body = rows.map((r) =>
    line([
      `${r.index}/${r.count}`,
      r.entries === undefined ? '?' : String(r.entries),
      String(r.mirrored),
      String(r.failed),
      r.report === undefined ? '–' : String(r.attempts),
      formatDuration(r.durationSeconds),
      formatBytes(r.bytes),
      status(r)
    ])
  )
  const missing = rows.filter((r) => r.report === undefined).length
  const total = rows.reduce((n, r) => n + (r.bytes ?? 0), 0)
  const known = rows.some((r) => r.bytes !== undefined)
  const foot =
    plural(rows.length, 'shard') +
    (missing > 0
      ? `, ${missing} without a report (their lines count as \`unconfirmed\` and are in the retry mapping)`
      : ', every one reported') +
    (known ? `; ${formatBytes(total)} mirrored as the engines reported it.` : '.')
  return ['### Shards', '', line(head), line(head.map(() => '---')), ...body, '', foot].join('\n')
}
