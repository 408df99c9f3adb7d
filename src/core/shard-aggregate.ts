// mode: aggregate, the pure part: the report.json texts found in the shards' artifacts (and why
// the others are missing) plus the mapping → one merge, as `mirror-guard merge -f` does it, with
// N known from the input so that even "no shard reported" is a verdict: every line unconfirmed.
import type { MappingFileDigest, MergedReport, ShardRow } from './shard-merge.js'
import { mergeShardReports } from './shard-merge.js'
import type { LineVerdict, MappingSet } from './types.js'

/** One shard's report as downloaded: its index from the artifact's name, and its text. */
export interface ShardReportText {
  readonly index: number
  readonly artifact: string
  readonly text: string
}

export interface AggregateInput {
  readonly set: MappingSet
  readonly files: readonly MappingFileDigest[]
  /** N, from the `shard` input. */
  readonly count: number
  readonly reports: readonly ShardReportText[]
  /** Shards without a report and why (no artifact, failed download, …). */
  readonly missing: readonly { readonly index: number; readonly reason: string }[]
}

export type AggregateRow = ShardRow & { readonly missing?: string }

export type AggregateResult =
  | {
      readonly ok: true
      readonly report: MergedReport
      /** One per mapping entry, in `set.entries` order (the merged lines' order). */
      readonly verdicts: readonly LineVerdict[]
      readonly retryMapping: string
      readonly rows: readonly AggregateRow[]
      readonly notes: readonly string[]
      /** The most attempts any shard made (the `attempts` output). */
      readonly attempts: number
    }
  | { readonly ok: false; readonly errors: readonly string[] }

export function aggregateShards(input: AggregateInput): AggregateResult {
  const errors: string[] = []
  const parsed: { name: string; json: unknown }[] = []
  for (const r of input.reports) {
    let json: unknown
    try {
      json = JSON.parse(r.text)
    } catch (e) {
      errors.push(`${r.artifact}: report.json is not JSON (${(e as Error).message})`)
      continue
    }
    // The artifact's name says which shard it is; the report must agree.
    const shard =
      typeof json === 'object' && json !== null ? (json as Record<string, unknown>)['shard'] : {}
    const s = (typeof shard === 'object' && shard !== null ? shard : {}) as Record<string, unknown>
    if (s['index'] !== r.index || s['count'] !== input.count) {
      const said =
        typeof s['index'] === 'number' && typeof s['count'] === 'number'
          ? `shard ${s['index']}/${s['count']}`
          : 'no shard'
      errors.push(
        `${r.artifact}: its report.json is the report of ${said}, not of shard ${r.index}/${input.count}`
      )
      continue
    }
    parsed.push({ name: r.artifact, json })
  }
  if (errors.length > 0) return { ok: false, errors }

  const merged = mergeShardReports(
    parsed,
    { set: input.set, files: input.files },
    { count: input.count }
  )
  if (!merged.ok) return merged
  const { report } = merged
  const verdicts: LineVerdict[] = input.set.entries.map((e, i) => {
    const l = report.lines[i]
    return {
      entryId: e.id,
      status: l.status,
      classes: l.classes,
      reasons: l.reasons,
      evidence: l.evidence,
      retryable: l.retryable,
      ...(l.recoveredAfter !== undefined ? { recoveredAfter: l.recoveredAfter } : {})
    }
  })
  const why = new Map(input.missing.map((m) => [m.index, m.reason]))
  const rows = report.merged.shards.map((r): AggregateRow => {
    const reason = r.report === undefined ? why.get(r.index) : undefined
    return reason !== undefined ? { ...r, missing: reason } : r
  })
  return {
    ok: true,
    report,
    verdicts,
    retryMapping: merged.retryMapping,
    rows,
    notes: rows
      .filter((r) => r.report === undefined)
      .map(
        (r) =>
          `Shard ${r.index}/${r.count} sent no report${r.missing !== undefined ? ` (${r.missing})` : ''}: its ${r.entries ?? 0} line(s) count as unconfirmed and are in the retry mapping.`
      ),
    attempts: Math.max(0, ...rows.map((r) => r.attempts))
  }
}
