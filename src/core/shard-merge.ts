// Shard reports → one report and one retry mapping, as if one job had mirrored the whole
// mapping. Used by `mirror-guard merge` (and meant for the action's aggregate job). Every line
// not confirmed by a report — also every line of a shard that reported nothing, when the
// mapping is given — is failed `unconfirmed` and lands in the retry mapping: nothing is lost.
import { createHash } from 'node:crypto'
import { effectiveDestination } from './mapping.js'
import type { ReportLine, ReportStats } from './report.js'
import { originComment, renderRetryMapping, retryMappingHeader } from './retry-mapping.js'
import { planShards, type ShardSpec } from './shard-plan.js'
import type { FailureClass, LineVerdict, MappingSet, RunFinding } from './types.js'
import { oneLine, truncate } from './text.js'

/** One mapping file as a report names it: its path as given and the sha256 of its text. */
export interface MappingFileDigest {
  readonly file: string
  readonly sha256: string
}

export function mappingDigests(
  files: readonly { file: string; text: string }[]
): MappingFileDigest[] {
  return files.map((f) => ({
    file: f.file,
    sha256: createHash('sha256').update(f.text).digest('hex')
  }))
}

/** A report to merge: `name` is how errors refer to it (its path), `json` its parsed content. */
export interface ShardReportInput {
  readonly name: string
  readonly json: unknown
}

/** The mapping the shards were cut from (merge -f): every line missing from the reports counts. */
export interface MergeMapping {
  readonly set: MappingSet
  readonly files: readonly MappingFileDigest[]
}

/** One row of the per-shard table. */
export interface ShardRow {
  readonly index: number
  readonly count: number
  /** The report it came from; undefined when the shard reported nothing. */
  readonly report?: string
  /** Its lines; undefined when it reported nothing and the mapping was not given. */
  readonly entries?: number
  readonly mirrored: number
  readonly failed: number
  readonly attempts: number
  readonly durationSeconds?: number
  /** Bytes mirrored as the engine reported them (oc: rate × mirroring time per attempt). */
  readonly bytes?: number
  readonly outcome?: string
}

export interface MergedReport {
  readonly version: 1
  readonly merged: { readonly count: number; readonly shards: readonly ShardRow[] }
  readonly lines: readonly ReportLine[]
  readonly counts: Partial<Record<FailureClass, number>>
  readonly runLevel: readonly (RunFinding & { readonly shard: number })[]
  readonly stats: Omit<ReportStats, 'runLevelErrors' | 'attempts'> & {
    /** Shards that sent no report. */
    readonly missingShards: number
  }
}

export type MergeResult =
  | {
      readonly ok: true
      readonly report: MergedReport
      /** '' when every line was mirrored. */
      readonly retryMapping: string
      /** Things people must know (a missing shard whose lines are unknown, …). */
      readonly notes: readonly string[]
      /** True when every line of the mapping is confirmed mirrored. */
      readonly complete: boolean
    }
  | { readonly ok: false; readonly errors: readonly string[] }

interface Parsed {
  readonly name: string
  readonly shard: ShardSpec
  readonly lines: readonly ReportLine[]
  readonly files?: readonly MappingFileDigest[]
  readonly runLevel: readonly RunFinding[]
  readonly attempts: number
  readonly durationSeconds?: number
  readonly bytes?: number
  readonly outcome?: string
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function parseReport(input: ShardReportInput): Parsed | string {
  const j = input.json
  if (!isObject(j) || j['version'] !== 1 || !Array.isArray(j['lines'])) {
    return `${input.name}: not a mirror-guard report (no "version": 1 with "lines")`
  }
  if (isObject(j['merged'])) return `${input.name}: is a merged report already; merge shard reports`
  const lines: ReportLine[] = []
  for (const [i, l] of (j['lines'] as unknown[]).entries()) {
    if (
      !isObject(l) ||
      typeof l['file'] !== 'string' ||
      typeof l['line'] !== 'number' ||
      typeof l['source'] !== 'string' ||
      typeof l['destination'] !== 'string' ||
      (l['status'] !== 'mirrored' && l['status'] !== 'failed')
    ) {
      return `${input.name}: lines[${i}] is not a report line (file, line, source, destination, status)`
    }
    // They become retry mapping lines: one token each, nothing that could start another line.
    if (/\s/.test(l['source']) || /\s/.test(l['destination'])) {
      return `${input.name}: lines[${i}] has white space in its source or destination`
    }
    lines.push(l as unknown as ReportLine)
  }
  let shard: ShardSpec = { index: 1, count: 1 }
  const s = j['shard']
  if (s !== undefined) {
    const index = isObject(s) ? s['index'] : undefined
    const count = isObject(s) ? s['count'] : undefined
    if (
      typeof index !== 'number' ||
      typeof count !== 'number' ||
      !Number.isInteger(index) ||
      !Number.isInteger(count) ||
      index < 1 ||
      index > count
    ) {
      return `${input.name}: "shard" is not {"index": I, "count": N} with 1 ≤ I ≤ N`
    }
    shard = { index, count }
  }
  const mapping = j['mapping']
  const rawFiles = isObject(mapping) ? mapping['files'] : undefined
  const files = Array.isArray(rawFiles)
    ? rawFiles.filter(
        (f): f is MappingFileDigest =>
          isObject(f) && typeof f['file'] === 'string' && typeof f['sha256'] === 'string'
      )
    : undefined
  const run = isObject(j['run']) ? j['run'] : {}
  const attempts = Array.isArray(run['attempts']) ? (run['attempts'] as unknown[]) : []
  const times = attempts
    .filter(isObject)
    .flatMap((a) => [Date.parse(String(a['startedAt'])), Date.parse(String(a['endedAt']))])
    .filter((t) => Number.isFinite(t))
  // oc's `info: Mirroring completed in 2.1s (16.16MB/s)` per attempt: rate × time. Engines
  // that print no such line (skopeo) leave the bytes unknown.
  let bytes: number | undefined
  for (const a of attempts.filter(isObject)) {
    const st = isObject(a['stats']) ? a['stats'] : {}
    const rate = st['bytesPerSecond']
    const secs = st['mirroringSeconds']
    if (typeof rate === 'number' && typeof secs === 'number' && rate >= 0 && secs >= 0) {
      bytes = (bytes ?? 0) + Math.round(rate * secs)
    }
  }
  return {
    name: input.name,
    shard,
    lines,
    ...(files !== undefined ? { files } : {}),
    runLevel: Array.isArray(j['runLevel']) ? (j['runLevel'] as RunFinding[]) : [],
    attempts: attempts.length,
    ...(times.length > 0
      ? { durationSeconds: Math.round((Math.max(...times) - Math.min(...times)) / 1000) }
      : {}),
    ...(bytes !== undefined ? { bytes } : {}),
    ...(typeof run['outcome'] === 'string' ? { outcome: run['outcome'] } : {})
  }
}

const describeFiles = (files: readonly MappingFileDigest[]): string =>
  files.map((f) => `${f.file} (sha256 ${f.sha256.slice(0, 12)})`).join(', ')

const sameFiles = (a: readonly MappingFileDigest[], b: readonly MappingFileDigest[]): boolean =>
  a.length === b.length && a.every((f, i) => f.sha256 === b[i]?.sha256)

/**
 * Merges shard reports; with `mapping`, lines no report holds are failed `unconfirmed`. With
 * `expected` (the aggregate knows N from its input), every report must be a shard of that many,
 * and no report at all is a merge too: every line is then unconfirmed.
 */
export function mergeShardReports(
  inputs: readonly ShardReportInput[],
  mapping?: MergeMapping,
  expected?: { readonly count: number }
): MergeResult {
  const errors: string[] = []
  const reports: Parsed[] = []
  for (const input of inputs) {
    const r = parseReport(input)
    if (typeof r === 'string') errors.push(r)
    else reports.push(r)
  }
  if (errors.length > 0) return { ok: false, errors }
  if (reports.length === 0 && !(mapping && expected)) {
    return { ok: false, errors: ['no report to merge'] }
  }

  // One split: the same N, each index once, the same mapping files.
  const first = reports[0]
  const count = expected?.count ?? first.shard.count
  const byIndex = new Map<number, Parsed>()
  for (const r of reports) {
    if (expected && r.shard.count !== count) {
      errors.push(
        `${r.name} is shard ${r.shard.index}/${r.shard.count}, not one of ${count} shards (the shard count given): the matrix and the aggregate disagree on N`
      )
      continue
    }
    if (r.shard.count !== count) {
      errors.push(
        `${r.name} is shard ${r.shard.index}/${r.shard.count} but ${first.name} is shard ${first.shard.index}/${count}: shards of different splits overlap and cannot be merged`
      )
      continue
    }
    const twin = byIndex.get(r.shard.index)
    if (twin) errors.push(`${twin.name} and ${r.name} are both shard ${r.shard.index}/${count}`)
    else byIndex.set(r.shard.index, r)
    const ref = mapping?.files ?? reports.find((x) => x.files !== undefined)?.files
    if (r.files !== undefined && ref !== undefined && !sameFiles(r.files, ref)) {
      errors.push(
        `${r.name} was made from other mapping files: ${describeFiles(r.files)}, not ${describeFiles(ref)}`
      )
    }
  }
  if (errors.length > 0) return { ok: false, errors }

  return mapping
    ? mergeWithMapping(reports, count, mapping)
    : mergeReportsOnly(reports, count, byIndex)
}

const lineKey = (file: string, line: number, destination: string): string =>
  `${file}\u0000${line}\u0000${destination}`

function mergeWithMapping(reports: Parsed[], count: number, mapping: MergeMapping): MergeResult {
  const errors: string[] = []
  const { set } = mapping
  const plan = planShards(set.entries, count)
  const entryByKey = new Map(
    set.entries.map((e) => [lineKey(e.file, e.line, effectiveDestination(e)), e])
  )
  const fileNames = set.entries.length > 0 ? [...new Set(set.entries.map((e) => e.file))] : []
  const reported = new Map<number, { line: ReportLine; report: Parsed }>()
  for (const r of reports) {
    // A report names files as its job saw them; map them to ours by position when it lists them.
    const rename = new Map(r.files?.map((f, i) => [f.file, mapping.files[i]?.file ?? f.file]))
    for (const l of r.lines) {
      const file = rename.get(l.file) ?? l.file
      const entry = entryByKey.get(lineKey(file, l.line, l.destination))
      if (!entry || entry.source.raw !== l.source) {
        errors.push(
          `${r.name}: ${l.file}:${l.line} (${l.source} -> ${l.destination}) is not a line of ${fileNames.join(', ') || 'the given mapping'}`
        )
        continue
      }
      const twin = reported.get(entry.id)
      if (twin) {
        errors.push(`${file}:${l.line} is in both ${twin.report.name} and ${r.name}`)
        continue
      }
      const planned = plan.shardOf.get(entry.id)
      if (planned !== r.shard.index) {
        errors.push(
          `${r.name}: ${file}:${l.line} belongs to shard ${planned ?? '?'}/${count} of this mapping, not ${r.shard.index}/${count} (other mapping files or another split)`
        )
        continue
      }
      reported.set(entry.id, { line: { ...l, file }, report: r })
    }
    if (errors.length >= 20) break
  }
  if (errors.length > 0) return { ok: false, errors }

  const lines: ReportLine[] = []
  const verdicts: LineVerdict[] = []
  for (const e of set.entries) {
    const got = reported.get(e.id)
    const shard = plan.shardOf.get(e.id) ?? 0
    const line: ReportLine = got
      ? got.line
      : {
          file: e.file,
          line: e.line,
          source: e.source.raw,
          destination: effectiveDestination(e),
          status: 'failed',
          classes: ['unconfirmed'],
          reasons: [
            reports.some((r) => r.shard.index === shard)
              ? `not in the report of shard ${shard}/${count}`
              : `shard ${shard}/${count} sent no report`
          ],
          evidence: [],
          retryable: true
        }
    lines.push(line)
    verdicts.push({
      entryId: e.id,
      status: line.status,
      classes: line.classes,
      reasons: line.reasons,
      evidence: line.evidence,
      retryable: line.retryable
    })
  }
  const rows = shardRows(reports, count, (index) => plan.shards[index - 1]?.length)
  const report = assemble(lines, reports, count, rows)
  return {
    ok: true,
    report,
    retryMapping: renderRetryMapping(set, verdicts),
    notes: rows
      .filter((r) => r.report === undefined)
      .map(
        (r) =>
          `shard ${r.index}/${count} sent no report: its ${r.entries ?? 0} line(s) are unconfirmed and in the retry mapping`
      ),
    complete: report.stats.failed === 0
  }
}

function mergeReportsOnly(
  reports: Parsed[],
  count: number,
  byIndex: ReadonlyMap<number, Parsed>
): MergeResult {
  const seen = new Map<string, Parsed>()
  const errors: string[] = []
  for (const r of reports) {
    for (const l of r.lines) {
      const k = lineKey(l.file, l.line, l.destination)
      const twin = seen.get(k)
      if (twin) errors.push(`${l.file}:${l.line} is in both ${twin.name} and ${r.name}`)
      else seen.set(k, r)
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 20) }
  const fileOrder = new Map<string, number>()
  for (const r of [...reports].sort((a, b) => a.shard.index - b.shard.index)) {
    for (const l of r.lines) if (!fileOrder.has(l.file)) fileOrder.set(l.file, fileOrder.size)
  }
  const lines = reports
    .flatMap((r) => r.lines)
    .sort(
      (a, b) =>
        (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
        a.line - b.line ||
        (a.destination < b.destination ? -1 : 1)
    )
  const rows = shardRows(reports, count, () => undefined)
  const missing = rows.filter((r) => !byIndex.has(r.index))
  const report = assemble(lines, reports, count, rows)
  return {
    ok: true,
    report,
    retryMapping: renderReportRetryMapping(lines),
    notes: missing.map(
      (r) =>
        `shard ${r.index}/${count} sent no report; without the mapping (-f) its lines are unknown and NOT in the retry mapping`
    ),
    complete: report.stats.failed === 0 && missing.length === 0
  }
}

function shardRows(
  reports: readonly Parsed[],
  count: number,
  plannedEntries: (index: number) => number | undefined
): ShardRow[] {
  const byIndex = new Map(reports.map((r) => [r.shard.index, r]))
  return Array.from({ length: count }, (_, i): ShardRow => {
    const index = i + 1
    const r = byIndex.get(index)
    const planned = plannedEntries(index)
    if (!r) {
      return {
        index,
        count,
        ...(planned !== undefined ? { entries: planned } : {}),
        mirrored: 0,
        failed: planned ?? 0,
        attempts: 0
      }
    }
    const mirrored = r.lines.filter((l) => l.status === 'mirrored').length
    return {
      index,
      count,
      report: r.name,
      entries: r.lines.length,
      mirrored,
      failed: r.lines.length - mirrored,
      attempts: r.attempts,
      ...(r.durationSeconds !== undefined ? { durationSeconds: r.durationSeconds } : {}),
      ...(r.bytes !== undefined ? { bytes: r.bytes } : {}),
      ...(r.outcome !== undefined ? { outcome: r.outcome } : {})
    }
  })
}

function assemble(
  lines: readonly ReportLine[],
  reports: readonly Parsed[],
  count: number,
  shards: readonly ShardRow[]
): MergedReport {
  const counts: Partial<Record<FailureClass, number>> = {}
  const failed = lines.filter((l) => l.status === 'failed')
  for (const l of failed) for (const c of l.classes) counts[c] = (counts[c] ?? 0) + 1
  return {
    version: 1,
    merged: { count, shards },
    lines,
    counts,
    runLevel: [...reports]
      .sort((a, b) => a.shard.index - b.shard.index)
      .flatMap((r) => r.runLevel.map((f) => ({ ...f, shard: r.shard.index }))),
    stats: {
      entries: lines.length,
      mirrored: lines.length - failed.length,
      failed: failed.length,
      retryable: failed.filter((l) => l.retryable).length,
      permanent: failed.filter((l) => !l.retryable).length,
      recovered: lines.filter((l) => l.recoveredAfter !== undefined).length,
      missingShards: shards.filter((s) => s.report === undefined).length
    }
  }
}

/** Without the mapping files: `SRC=DST` per failed report line, after its origin comment. */
function renderReportRetryMapping(lines: readonly ReportLine[]): string {
  const failed = lines.filter((l) => l.status === 'failed')
  if (failed.length === 0) return ''
  const out = retryMappingHeader(failed.length)
  for (const l of failed) {
    // Text from other jobs' reports: one short printable line.
    const reason = oneLine(l.reasons[0] ?? 'not mirrored', { control: 'space', squeeze: true })
    out.push(originComment(l.file, l.line, l.classes, truncate(reason, 300)))
    out.push(`${l.source}=${l.destination}`)
  }
  return out.join('\n') + '\n'
}
