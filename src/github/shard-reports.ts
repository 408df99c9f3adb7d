// mode: aggregate's download: the report.json of every shard of this workflow run, from the
// artifacts the shard jobs uploaded as `<artifact-name>-<I>-of-<N>`, through the real
// @actions/artifact. A shard whose artifact is missing, fails to download, does not match its
// digest or holds no readable report.json is "missing" with the reason; nothing is thrown.
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from '../core/text.js'
import { artifactServiceUnavailable } from './artifacts.js'

/** A report.json is small next to a log; a bigger one is not a report this action wrote. */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024

export interface ShardReportFile {
  readonly index: number
  /** The artifact it came from, e.g. `oc-mirror-log-2-of-8`. */
  readonly artifact: string
  /** The report's text (JSON, not parsed here). */
  readonly text: string
}

export interface MissingShard {
  readonly index: number
  readonly artifact: string
  readonly reason: string
}

export type ShardDownload =
  | {
      readonly ok: true
      readonly reports: readonly ShardReportFile[]
      readonly missing: readonly MissingShard[]
      /** Other N found in this run's `<artifact-name>-I-of-N` names: a matrix of another size. */
      readonly otherCounts: readonly number[]
    }
  /** The artifact service cannot be used at all (not on a runner, GHES) or listing failed. */
  | { readonly ok: false; readonly reason: string }

export interface ShardDownloadRequest {
  /** The shards' `artifact-name` (without the `-I-of-N` suffix). */
  readonly artifactName: string
  readonly count: number
  /** A fresh directory; each shard is extracted below it and removed once read. */
  readonly path: string
  /** Shards downloaded at once. */
  readonly concurrency?: number
}

/** Downloads the reports of shards 1…count of this run. */
export async function downloadShardReports(req: ShardDownloadRequest): Promise<ShardDownload> {
  const unavailable = artifactServiceUnavailable()
  if (unavailable !== undefined) return { ok: false, reason: unavailable }
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const client = new DefaultArtifactClient()
  let listed: { name: string; id: number; digest?: string }[]
  try {
    // `latest`: a re-run shard job uploads its artifact again; the newest one counts.
    listed = (await client.listArtifacts({ latest: true })).artifacts
  } catch (e) {
    return {
      ok: false,
      reason: `the artifacts of this run could not be listed: ${errorMessage(e)}`
    }
  }
  const byName = new Map(listed.map((a) => [a.name, a]))
  const prefix = `${req.artifactName}-`
  const otherCounts = [
    ...new Set(
      listed
        .filter((a) => a.name.startsWith(prefix))
        .map((a) => /^\d+-of-(\d+)$/.exec(a.name.slice(prefix.length))?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number)
        .filter((n) => n !== req.count)
    )
  ].sort((a, b) => a - b)
  const reports: ShardReportFile[] = []
  const missing: MissingShard[] = []
  const indices = Array.from({ length: req.count }, (_, i) => i + 1)
  const one = async (index: number): Promise<void> => {
    const name = `${req.artifactName}-${index}-of-${req.count}`
    const artifact = byName.get(name)
    if (artifact === undefined) {
      missing.push({ index, artifact: name, reason: `no artifact ${name} in this run` })
      return
    }
    const dir = path.join(req.path, String(index))
    try {
      await mkdir(dir, { recursive: true })
      const digest = artifact.digest
      const got = await client.downloadArtifact(artifact.id, {
        path: dir,
        ...(digest
          ? { expectedHash: digest.startsWith('sha256:') ? digest : `sha256:${digest}` }
          : {})
      })
      if (got.digestMismatch) {
        missing.push({
          index,
          artifact: name,
          reason: `artifact ${name} does not match its recorded digest`
        })
        return
      }
      const file = path.join(got.downloadPath ?? dir, 'report.json')
      const size = await stat(file).then(
        (s) => s.size,
        () => undefined
      )
      if (size === undefined) {
        missing.push({ index, artifact: name, reason: `artifact ${name} holds no report.json` })
        return
      }
      if (size > MAX_REPORT_BYTES) {
        missing.push({
          index,
          artifact: name,
          reason: `report.json of ${name} is ${size} bytes, more than a report can be`
        })
        return
      }
      reports.push({ index, artifact: name, text: await readFile(file, 'utf8') })
    } catch (e) {
      missing.push({
        index,
        artifact: name,
        reason: `artifact ${name} could not be downloaded: ${errorMessage(e)}`
      })
    } finally {
      // The log files came along in the zip: free the disk before the next shard.
      await rm(dir, { recursive: true, force: true })
    }
  }
  const queue = [...indices]
  const workers = Array.from({ length: Math.min(req.concurrency ?? 4, queue.length) }, async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) await one(i)
  })
  await Promise.all(workers)
  const byIndex = (a: { index: number }, b: { index: number }): number => a.index - b.index
  return {
    ok: true,
    reports: reports.sort(byIndex),
    missing: missing.sort(byIndex),
    otherCounts
  }
}
