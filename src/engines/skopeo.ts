// The skopeo engine: one `skopeo copy --all` per mapping entry (no shell), a pool of
// `maxPerRegistry` processes per destination registry that keeps copies needing the same
// not-yet-pushed blob apart (blob-schedule.ts: such blobs are then pulled once and mounted
// by the later copies), and oc-shaped output so the rest of mirror-guard reads it like oc's:
// a stdout `<digest> <dst>:<tag>` line per success and one `error: unable to copy SRC to DST:
// <text>` line per failure. Entries still running when the
// attempt times out or is cancelled get no line at all: they stay unconfirmed.
//
// `force` needs no flag: skopeo always writes the manifest and checks each blob itself.
// file:// and s3:// entries are refused with an error line (see `unsupportedReason`).
// With `dryRun` nothing is copied: skopeo-dry-run.ts reads the sources and writes oc's plan.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MappingEntry } from '../core/types.js'
import type { AttemptRequest, AttemptResult, Engine, OutputSink } from './engine.js'
import {
  buildSkopeoCopyArgs,
  buildSkopeoInspectArgs,
  destinationRegistryKey,
  failureLine,
  fatalMessage,
  sharedCopyFlags,
  successLine,
  unsupportedReason,
  type SkopeoOptions
} from './skopeo-args.js'
import { BlobSchedule } from './blob-schedule.js'
import { skopeoDryRun } from './skopeo-dry-run.js'
import { BlobInspector, type InspectorOptions } from './skopeo-inspect.js'
import { childEnv, runInGroup } from './spawn-group.js'

export const DEFAULT_MAX_PER_REGISTRY = 6

export interface SkopeoEngineOptions {
  /** Path or name of the skopeo binary (default `skopeo`). */
  readonly binary?: string
  readonly options: SkopeoOptions
  /** Default processes per destination registry when the attempt sets none. */
  readonly maxPerRegistry?: number
  readonly cwd?: string
  readonly env?: NodeJS.ProcessEnv
  readonly killGraceMs?: number
  /** Where per-attempt digest files go (default the OS temp dir). */
  readonly tmpDir?: string
  /**
   * Read each source manifest first and keep copies that need the same not-yet-pushed blob
   * apart (default true). Costs one manifest request per image (per child of a list), which
   * registries that count manifest requests as pulls (Docker Hub) count.
   */
  readonly shareBlobs?: boolean
  /**
   * Copy nothing: read every source (manifests, list children, credentials) and write what
   * would be copied as oc's dry-run plan (skopeo-dry-run.ts). skopeo has no `--dry-run`.
   */
  readonly dryRun?: boolean
}

const DIGEST = /^sha256:[a-f0-9]{64}$/

type EntryOutcome = 'ok' | 'failed' | 'stopped'

export class SkopeoEngine implements Engine {
  readonly name = 'skopeo' as const

  constructor(private readonly opts: SkopeoEngineOptions) {}

  private get binary(): string {
    return this.opts.binary ?? 'skopeo'
  }

  /** `skopeo --version`, e.g. `skopeo version 1.9.3`; a stop (`signal`) kills it and rejects. */
  async version(signal?: AbortSignal): Promise<string> {
    const lines: string[] = []
    const res = await runInGroup(
      this.binary,
      ['--version'],
      (_s, l) => {
        if (lines.length < 20) lines.push(l)
      },
      {
        cwd: this.opts.cwd,
        env: this.env(),
        timeoutMs: 60_000,
        killGraceMs: 1000,
        ...(signal !== undefined ? { signal } : {})
      }
    )
    const text = lines.join('\n').trim()
    if (res.aborted) throw new Error(`${this.binary} --version was stopped: the run was cancelled`)
    if (res.timedOut) throw new Error(`${this.binary} --version did not answer within 60 s`)
    if (res.exitCode !== 0) {
      throw new Error(
        `${this.binary} --version failed (exit ${res.exitCode ?? res.signal}): ${text}`
      )
    }
    return text
  }

  /** For the log header: the flags every entry's copy shares (each adds its SRC and DST). */
  command(_req?: AttemptRequest): string[] {
    if (this.opts.dryRun) {
      // Each source is inspected; nothing is copied.
      return [this.binary, ...buildSkopeoInspectArgs('', this.opts.options).slice(0, -1)]
    }
    return [this.binary, ...sharedCopyFlags(this.opts.options)]
  }

  async runAttempt(req: AttemptRequest, sink: OutputSink): Promise<AttemptResult> {
    const startedAt = new Date().toISOString()
    const work = await mkdtemp(join(this.opts.tmpDir ?? tmpdir(), 'mg-skopeo-'))
    const stop = new AbortController()
    let timedOut = false
    let aborted = false
    const onAbort = (): void => {
      aborted = true
      stop.abort()
    }
    if (req.signal?.aborted) onAbort()
    else req.signal?.addEventListener('abort', onAbort, { once: true })
    const timer =
      req.timeoutMs !== undefined && req.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true
            stop.abort()
          }, req.timeoutMs)
        : undefined

    let startError: Error | undefined
    let failed = 0
    let inspector: BlobInspector | undefined
    const finishAttempt = (): AttemptResult => {
      if (startError) throw startError
      const stopped = timedOut || aborted
      return {
        exitCode: stopped ? null : failed > 0 ? 1 : 0,
        signal: stopped ? 'SIGTERM' : undefined,
        timedOut,
        aborted,
        command: this.command(req),
        startedAt,
        endedAt: new Date().toISOString()
      }
    }
    try {
      const limit = Math.max(
        1,
        req.maxPerRegistry ?? this.opts.maxPerRegistry ?? DEFAULT_MAX_PER_REGISTRY
      )
      // Dry run and shared-blob inspection read sources the same way.
      const inspection: InspectorOptions = {
        binary: this.binary,
        options: this.opts.options,
        concurrency: limit,
        signal: stop.signal,
        cwd: this.opts.cwd,
        env: this.env(),
        killGraceMs: this.opts.killGraceMs
      }
      if (this.opts.dryRun) {
        const planned = await skopeoDryRun(req.entries, inspection, sink).catch((err: unknown) => {
          startError = err instanceof Error ? err : new Error(String(err))
          return { failed: 0 }
        })
        failed = planned.failed
        return finishAttempt()
      }
      const queues = new Map<string, MappingEntry[]>()
      const refused: [MappingEntry, string][] = []
      for (const e of req.entries) {
        const reason = unsupportedReason(e)
        if (reason !== undefined) {
          refused.push([e, reason])
          continue
        }
        const key = destinationRegistryKey(e)
        const queue = queues.get(key)
        if (queue) queue.push(e)
        else queues.set(key, [e])
      }
      // Refused entries need no copy (and no inspection): reported before anything runs.
      for (const [e, reason] of refused) {
        if (stop.signal.aborted) break
        sink('stderr', failureLine(e, reason))
        failed++
      }
      const blobs = new BlobInspector(inspection)
      inspector = blobs
      const runEntry = async (e: MappingEntry): Promise<boolean> => {
        try {
          const outcome = await this.copyEntry(e, work, stop.signal, sink)
          if (outcome === 'failed') failed++
          return outcome === 'ok'
        } catch (err) {
          // The binary could not be started: nothing else will run either.
          startError ??= err instanceof Error ? err : new Error(String(err))
          stop.abort()
          return false
        }
      }
      const pools = [...queues.values()].map((queue) =>
        runRegistryQueue(queue, limit, this.opts.shareBlobs !== false, blobs, stop.signal, runEntry)
      )
      await Promise.all(pools)
    } finally {
      if (timer) clearTimeout(timer)
      req.signal?.removeEventListener('abort', onAbort)
      // Stopped inspections are being killed: wait until they are gone.
      stop.abort()
      await inspector?.settled()
      await rm(work, { recursive: true, force: true })
    }
    return finishAttempt()
  }

  /** Runs one entry and writes its single outcome line (none when stopped). */
  private async copyEntry(
    entry: MappingEntry,
    work: string,
    signal: AbortSignal,
    sink: OutputSink
  ): Promise<EntryOutcome> {
    const digestFile = join(work, `${entry.id}.digest`)
    const args = buildSkopeoCopyArgs(entry, this.opts.options, digestFile)
    const fatal: string[] = []
    let lastLine = ''
    const res = await runInGroup(
      this.binary,
      args,
      (_stream, line) => {
        const msg = fatalMessage(line)
        if (msg !== undefined) {
          fatal.push(msg)
          return
        }
        if (line.trim() !== '') lastLine = line
        // stdout is reserved for oc-shaped success lines; anything skopeo prints goes to stderr.
        sink('stderr', line)
      },
      { cwd: this.opts.cwd, env: this.env(), signal, killGraceMs: this.opts.killGraceMs }
    )
    if (res.aborted) return 'stopped'
    if (res.exitCode === 0) {
      const digest = (await readFile(digestFile, 'utf8').catch(() => '')).trim()
      if (DIGEST.test(digest)) {
        sink('stdout', successLine(entry, digest))
        return 'ok'
      }
      sink('stderr', failureLine(entry, 'skopeo exited 0 but reported no pushed digest'))
      return 'failed'
    }
    const how = res.exitCode !== null ? `exit code ${res.exitCode}` : `signal ${res.signal ?? '?'}`
    const text =
      fatal.length > 0
        ? fatal.join('\n')
        : `skopeo failed with ${how}${lastLine ? `: ${lastLine}` : ''}`
    sink('stderr', failureLine(entry, text))
    return 'failed'
  }

  private env(): NodeJS.ProcessEnv {
    return childEnv(this.opts.env ?? process.env)
  }
}

/** Look-ahead of inspections, in multiples of the concurrency limit. */
const LOOK_AHEAD = 2

/**
 * One destination registry's entries: `limit` workers take entries from a shared-blob schedule;
 * a worker that gets none while others run waits for a copy to end or a blob set to arrive.
 * Only the first `LOOK_AHEAD × limit` entries not yet started are inspected, so manifest
 * requests (which some registries count as pulls) stay close to the copies that need them.
 */
async function runRegistryQueue(
  queue: readonly MappingEntry[],
  limit: number,
  shareBlobs: boolean,
  inspector: BlobInspector,
  signal: AbortSignal,
  runEntry: (e: MappingEntry) => Promise<boolean>
): Promise<void> {
  const schedule = new BlobSchedule(queue)
  // One entry, or one copy at a time: nothing runs side by side, so nothing needs keeping
  // apart (one after another, skopeo mounts what an earlier copy pushed): no manifest requests.
  // Turned off: every blob set is unknown, so the schedule keeps plain mapping order.
  if (!shareBlobs || queue.length === 1 || limit === 1) {
    for (const e of queue) schedule.setBlobs(e, undefined)
  }
  let waiters: (() => void)[] = []
  const wake = (): void => {
    const w = waiters
    waiters = []
    for (const go of w) go()
  }
  signal.addEventListener('abort', wake, { once: true })
  const requested = new Set<MappingEntry>()
  const lookAhead = (): void => {
    for (const e of schedule.upcoming(LOOK_AHEAD * limit)) {
      if (requested.has(e) || !schedule.isPending(e)) continue
      requested.add(e)
      void inspector.blobs(e).then((blobs) => {
        schedule.setBlobs(e, blobs)
        wake()
      })
    }
  }
  const worker = async (): Promise<void> => {
    while (!signal.aborted && schedule.remaining > 0) {
      lookAhead()
      const e = schedule.next()
      if (e === undefined) {
        await new Promise<void>((go) => waiters.push(go))
        continue
      }
      let ok = false
      try {
        ok = await runEntry(e)
      } finally {
        schedule.finish(e, ok)
        wake()
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker))
  } finally {
    signal.removeEventListener('abort', wake)
  }
}
