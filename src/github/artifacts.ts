// Artifact upload (log, report, retry mapping) and download of a retry mapping from this or
// another run, with the real @actions/artifact. Artifacts never decide the verdict: where the
// service is not there (GHES, not on a runner) or fails, the caller gets a sentence to print.

import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { errorMessage } from '../core/text.js'

export interface UploadResult {
  readonly id?: number
  /** Why nothing was attempted (GHES, no runtime token); print once as a notice. */
  readonly skipped?: string
  /** Why the upload failed after the library's own retries; print as a warning. */
  readonly warning?: string
  /** The artifact replaced one of the same name from an earlier attempt of the run; print. */
  readonly replaced?: string
}

/** The service's answer to a name already taken in this run (HTTP 409, Twirp already_exists). */
const NAME_TAKEN_RE = /\(409\)|already[ _]exists/i

/** The run's attempt (1 for a first run; 2 and up when jobs were re-run), from the runner. */
function runAttempt(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env['GITHUB_RUN_ATTEMPT'])
  return Number.isInteger(n) && n > 0 ? n : 1
}

export interface DownloadRequest {
  readonly name: string
  /** Another workflow run; undefined = this run. */
  readonly runId?: number
  /** `owner/name`; defaults to GITHUB_REPOSITORY. Only used with runId. */
  readonly repository?: string
  /** Token with actions:read; needed with runId. */
  readonly token?: string
  /**
   * Directory the files are extracted into (created when missing); use a fresh one, since every
   * file under it is returned. On a digest mismatch the extracted files stay but are not returned.
   */
  readonly path: string
  /**
   * A stop (cancel, SIGTERM): the download is given up at once (the library takes no signal; its
   * request is left to die with the process) and the result says `cancelled`.
   */
  readonly signal?: AbortSignal
}

export interface DownloadResult {
  readonly found: boolean
  /** Absolute paths of the extracted files. */
  readonly files: string[]
  readonly reason?: string
  /** The run was stopped before the download finished: nothing may run on its behalf. */
  readonly cancelled?: boolean
}

/** Same rule as @actions/artifact's isGhes(): GitHub.com, GHE.com and *.localhost only. */
export function isGhes(env: NodeJS.ProcessEnv = process.env): boolean {
  let host: string
  try {
    host = new URL(env['GITHUB_SERVER_URL'] || 'https://github.com').hostname.toLowerCase()
  } catch {
    return true
  }
  return !(host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost'))
}

/** Why the artifact service cannot be used here, or undefined when it can. */
export function artifactServiceUnavailable(
  env: NodeJS.ProcessEnv = process.env
): string | undefined {
  if (isGhes(env)) {
    return `artifacts are not supported on GitHub Enterprise Server by @actions/artifact v2+ (server ${env['GITHUB_SERVER_URL'] ?? ''})`
  }
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((v) => !env[v])
  if (missing.length > 0) {
    return `the artifact service is not available (${missing.join(' and ')} not set; not running on a GitHub Actions runner)`
  }
  return undefined
}

// Loaded on first use: the library reads GITHUB_API_URL when imported, and runs that never
// touch artifacts need not load it.
async function client(): Promise<import('@actions/artifact').ArtifactClient> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  return new DefaultArtifactClient()
}

/** After a stop, how long an artifact request may still take. */
const DEFAULT_GRACE_MS = 8000

/** Uploads files as one zipped artifact. Never throws. */
export async function uploadFiles(
  name: string,
  files: readonly string[],
  rootDir: string,
  options: {
    retentionDays?: number
    /** Once it aborts (the run was cancelled), the upload gets only `graceMs` more. */
    signal?: AbortSignal
    graceMs?: number
    /** Why the signal fires, for the warning (default: the run was cancelled). */
    stoppedBecause?: string
  } = {}
): Promise<UploadResult> {
  const unavailable = artifactServiceUnavailable()
  if (unavailable !== undefined)
    return { skipped: `Artifact ${name} not uploaded: ${unavailable}.` }
  if (files.length === 0) return { skipped: `Artifact ${name} not uploaded: no files.` }
  const upload = (async (): Promise<UploadResult> => {
    let c: import('@actions/artifact').ArtifactClient
    try {
      c = await client()
    } catch (e) {
      return { warning: `Artifact ${name} could not be uploaded: ${errorMessage(e)}` }
    }
    const send = async (): Promise<UploadResult> => {
      const result = await c.uploadArtifact(name, [...files], rootDir, {
        ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {})
      })
      return result.id !== undefined ? { id: result.id } : {}
    }
    try {
      return await send()
    } catch (e) {
      const why = errorMessage(e)
      if (!NAME_TAKEN_RE.test(why)) {
        return { warning: `Artifact ${name} could not be uploaded: ${why}` }
      }
      const attempt = runAttempt()
      if (attempt === 1) {
        return {
          warning:
            `Artifact ${name} could not be uploaded: another job of this run already uploaded ` +
            `an artifact of that name (${why}); give each job its own artifact names ` +
            '(artifact-name, retry-artifact-name, or shard: I/N)'
        }
      }
      // A re-run: the name holds what an earlier attempt of this job uploaded (artifact names
      // are per run, not per attempt). Replace it, as upload-artifact's `overwrite` does, so
      // later jobs and `retry-from` read this attempt's files.
      try {
        await c.deleteArtifact(name)
        const again = await send()
        return {
          ...again,
          replaced: `Artifact ${name} replaced the one an earlier attempt of this run uploaded (run attempt ${attempt}).`
        }
      } catch (e2) {
        return {
          warning: `Artifact ${name} could not replace the one an earlier attempt of this run uploaded: ${errorMessage(e2)}`
        }
      }
    }
  })()
  return withGrace(upload, options, () => ({
    warning: `Artifact ${name} not uploaded: ${options.stoppedBecause ?? 'the run was cancelled'} and the upload did not finish within ${(options.graceMs ?? DEFAULT_GRACE_MS) / 1000} s; the files are still on the runner in ${rootDir}.`
  }))
}

/**
 * `work`, or, once `signal` aborts (the run was cancelled), what `cut` says after `graceMs`
 * more if it has not finished by then: a cancelled run has seconds before the runner kills it.
 */
async function withGrace<T>(
  work: Promise<T>,
  options: { signal?: AbortSignal; graceMs?: number },
  cut: () => T
): Promise<T> {
  const signal = options.signal
  if (signal === undefined) return work
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS
  let timer: ReturnType<typeof setTimeout> | undefined
  let onAbort: (() => void) | undefined
  const stopped = new Promise<T>((resolve) => {
    const give = (): void => {
      timer = setTimeout(() => resolve(cut()), graceMs)
      timer.unref()
    }
    if (signal.aborted) give()
    else {
      onAbort = give
      signal.addEventListener('abort', give, { once: true })
    }
  })
  try {
    return await Promise.race([work, stopped])
  } finally {
    if (timer !== undefined) clearTimeout(timer)
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}

/**
 * On a re-run with nothing left to retry: removes the retry-mapping artifact `name` an earlier
 * attempt of this run uploaded, so that later jobs and `retry-from` find none (nothing to
 * retry) rather than the stale one. A first run never removes anything. Never throws.
 */
export async function removeStaleArtifact(
  name: string,
  options: { signal?: AbortSignal; graceMs?: number } = {}
): Promise<{ removed?: string; warning?: string }> {
  const attempt = runAttempt()
  if (attempt === 1 || artifactServiceUnavailable() !== undefined) return {}
  const stale = `Artifact ${name} from an earlier attempt of this run`
  const work = (async (): Promise<{ removed?: string; warning?: string }> => {
    try {
      await (await client()).deleteArtifact(name)
      return {
        removed: `${stale} removed: nothing is left to retry (run attempt ${attempt}).`
      }
    } catch (e) {
      if ((e as Error | undefined)?.name === 'ArtifactNotFoundError') return {}
      return {
        warning: `${stale} could not be removed (nothing is left to retry, but a later retry-from may read it): ${errorMessage(e)}`
      }
    }
  })()
  return withGrace(work, options, () => ({
    warning: `${stale} not removed: the run was stopped first (a later retry-from may read it).`
  }))
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
}

/**
 * Downloads the retry-mapping artifact `name` from this run, or from run `runId` of
 * `repository` (REST API, needs `token`). Not found, unavailable and failed downloads all
 * come back as `found: false` with the reason; nothing is thrown.
 */
export async function downloadRetryMapping(req: DownloadRequest): Promise<DownloadResult> {
  const signal = req.signal
  const cancelled = (): DownloadResult => ({
    found: false,
    files: [],
    cancelled: true,
    reason: `the run was cancelled before artifact ${req.name} was downloaded`
  })
  if (signal?.aborted) return cancelled()
  if (signal === undefined) return download(req)
  let onAbort: (() => void) | undefined
  const stop = new Promise<DownloadResult>((resolve) => {
    onAbort = () => resolve(cancelled())
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    const got = await Promise.race([download(req), stop])
    // A download that ended as the stop came is not used either.
    return signal.aborted ? cancelled() : got
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}

async function download(req: DownloadRequest): Promise<DownloadResult> {
  const unavailable = artifactServiceUnavailable()
  const other = req.runId !== undefined
  // Another run goes through the public REST API, which needs no runtime token.
  if (unavailable !== undefined && (!other || isGhes())) {
    return { found: false, files: [], reason: unavailable }
  }
  let findBy:
    | { token: string; workflowRunId: number; repositoryOwner: string; repositoryName: string }
    | undefined
  if (req.runId !== undefined) {
    const repository = req.repository || process.env['GITHUB_REPOSITORY'] || ''
    const [owner, repo, ...rest] = repository.split('/')
    if (!owner || !repo || rest.length > 0) {
      return {
        found: false,
        files: [],
        reason: `repository ${JSON.stringify(repository)} is not of the form owner/name`
      }
    }
    if (!req.token) {
      return {
        found: false,
        files: [],
        reason: `a github-token with actions:read is needed to download ${req.name} from run ${req.runId}`
      }
    }
    findBy = {
      token: req.token,
      workflowRunId: req.runId,
      repositoryOwner: owner,
      repositoryName: repo
    }
  }
  const where = req.runId !== undefined ? `run ${req.runId}` : 'this run'
  try {
    const artifacts = await client()
    const { ArtifactNotFoundError } = await import('@actions/artifact')
    let found
    try {
      found = await artifacts.getArtifact(req.name, findBy !== undefined ? { findBy } : {})
    } catch (e) {
      if (e instanceof ArtifactNotFoundError) {
        return { found: false, files: [], reason: `artifact ${req.name} not found in ${where}` }
      }
      throw e
    }
    const { artifact } = found
    const digest = artifact.digest
    const result = await artifacts.downloadArtifact(artifact.id, {
      path: req.path,
      ...(findBy !== undefined ? { findBy } : {}),
      ...(digest
        ? { expectedHash: digest.startsWith('sha256:') ? digest : `sha256:${digest}` }
        : {})
    })
    if (result.digestMismatch) {
      return {
        found: false,
        files: [],
        reason: `artifact ${req.name} from ${where} does not match its recorded digest ${digest ?? ''}`
      }
    }
    return { found: true, files: await listFiles(result.downloadPath ?? req.path) }
  } catch (e) {
    return {
      found: false,
      files: [],
      reason: `artifact ${req.name} could not be downloaded from ${where}: ${errorMessage(e)}`
    }
  }
}
