// Checks shared by the end-to-end and hardening tests: what the action reported (report.json,
// per-attempt mappings) and what really is at the destination (registry API, every blob).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseMappingText } from '../../src/core/mapping.js'
import type { MappingEntry } from '../../src/core/types.js'
import { verifyRegistryEntries } from '../../src/verify/registry-verify.js'
import type { Bed } from './bed.js'
import type { BuiltImage } from './images.js'

export interface ReportLine {
  readonly file: string
  readonly line: number
  readonly source: string
  readonly destination: string
  readonly status: string
  readonly classes: string[]
  readonly reasons: string[]
  readonly retryable: boolean
}

export interface ReportAttempt {
  readonly attempt: number
  readonly mappingFile: string
  readonly entryIds: number[]
  readonly maxPerRegistry?: number
  readonly exitCode: number | null
}

export interface Report {
  readonly lines: ReportLine[]
  readonly run: { outcome: string; engine: string; attempts: ReportAttempt[] }
}

export function readReport(path: string): Report {
  return JSON.parse(readFileSync(path, 'utf8')) as Report
}

/** Lines oc reads from a mapping text: comments and blank lines dropped, trimmed. */
export function activeLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '')
}

/** The active lines of the mapping file an attempt ran (attempt 1: the user's mapping). */
export function attemptMapping(a: ReportAttempt, cwd: string): string[] {
  return activeLines(readFileSync(resolve(cwd, a.mappingFile), 'utf8'))
}

/** Entries of a mapping text (the test's own copy, parsed like the action does). */
export function entriesOf(text: string, file = 'mapping.txt'): readonly MappingEntry[] {
  const set = parseMappingText(text, file)
  const errors = set.findings.filter((f) => f.severity === 'error')
  if (errors.length > 0) throw new Error(`test mapping is invalid: ${JSON.stringify(errors)}`)
  return set.entries
}

/** Entry ids whose destination holds the manifest and every blob, checked over the registry API with full blob hashes. */
export async function completeAtDestination(
  entries: readonly MappingEntry[],
  authFile?: string
): Promise<Set<number>> {
  const results = await verifyRegistryEntries(entries, {
    insecure: true,
    digest: true,
    ...(authFile !== undefined ? { authFile } : {})
  })
  return new Set(results.filter((r) => r.complete).map((r) => r.entryId))
}

/** Bytes of the distinct config and layer blobs of `images` (what a perfect mirror pulls). */
export function uniqueBytes(bed: Bed, images: readonly BuiltImage[]): number {
  const blobs = new Set(images.flatMap((i) => i.blobs))
  let total = 0
  for (const b of blobs) total += bed.images.blobSizes.get(b) ?? 0
  return total
}

export function image(bed: Bed, repo: string): BuiltImage {
  const found = bed.images.images.find((i) => i.repo === repo)
  if (!found) throw new Error(`no image ${repo} in the bed`)
  return found
}

/** `/v2/<repo>/blobs/<digest>` path regex for a rule. */
export function blobPath(repo: string, digest: string): string {
  return `^/v2/${repo}/blobs/${digest}$`
}

export function manifestPath(repo: string): string {
  return `^/v2/${repo}/manifests/`
}
