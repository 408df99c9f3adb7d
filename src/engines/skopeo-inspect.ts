// Blob sets of source images for the shared-blob schedule, read with `skopeo inspect --raw`
// (no shell) on the source side's TLS and auth settings. Best effort only: whatever fails
// leaves the blob set unknown and the copy itself reports the real error, so nothing here
// writes to the attempt's output. Manifests are cached per reference within the attempt
// (several entries with one source cost one request), and at most `concurrency` inspections
// run at once; the attempt's signal stops them.
import type { MappingEntry } from '../core/types.js'
import type { BlobSet } from './blob-schedule.js'
import {
  buildSkopeoInspectArgs,
  parseManifestBlobs,
  sourceChildRef,
  sourceTransportRef,
  type ManifestContent,
  type SkopeoOptions
} from './skopeo-args.js'
import { runInGroup } from './spawn-group.js'

export interface InspectorOptions {
  readonly binary: string
  readonly options: SkopeoOptions
  /** Inspections running at once. */
  readonly concurrency: number
  readonly signal: AbortSignal
  readonly cwd?: string
  readonly env?: NodeJS.ProcessEnv
  readonly killGraceMs?: number
  /** Per `skopeo inspect`; past it the blob set is unknown. */
  readonly timeoutMs?: number
}

export const DEFAULT_INSPECT_TIMEOUT_MS = 60_000
/** Far above any real manifest; more is not a manifest we can use. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

export class BlobInspector {
  private readonly manifests = new Map<string, Promise<ManifestContent | undefined>>()
  private active = 0
  private readonly waiting: (() => void)[] = []
  private started = 0

  constructor(private readonly opts: InspectorOptions) {
    opts.signal.addEventListener('abort', () => this.waiting.splice(0).forEach((go) => go()), {
      once: true
    })
  }

  /** `skopeo inspect` processes started so far (each one manifest request). */
  get requests(): number {
    return this.started
  }

  /** Config and layer digests the entry's `copy --all` pushes; undefined when unknown. Never rejects. */
  async blobs(entry: MappingEntry): Promise<BlobSet> {
    const top = await this.manifest(sourceTransportRef(entry))
    if (top === undefined) return undefined
    if (top.kind === 'image') return new Set(top.blobs)
    const children = await Promise.all(
      top.children.map((d) => this.manifest(sourceChildRef(entry, d)))
    )
    const out = new Set<string>()
    for (const child of children) {
      // A list inside a list, or a child we could not read: the whole set is unknown.
      if (child?.kind !== 'image') return undefined
      for (const b of child.blobs) out.add(b)
    }
    return out
  }

  /** Resolves once every inspection started so far has ended (its process is gone). */
  async settled(): Promise<void> {
    await Promise.all(this.manifests.values())
  }

  private manifest(ref: string): Promise<ManifestContent | undefined> {
    let p = this.manifests.get(ref)
    if (p === undefined) {
      p = this.inspect(ref).then(
        (raw) => (raw === undefined ? undefined : parseManifestBlobs(raw)),
        () => undefined
      )
      this.manifests.set(ref, p)
    }
    return p
  }

  private async inspect(ref: string): Promise<string | undefined> {
    await this.acquire()
    try {
      if (this.opts.signal.aborted) return undefined
      this.started++
      const out: string[] = []
      let bytes = 0
      const res = await runInGroup(
        this.opts.binary,
        buildSkopeoInspectArgs(ref, this.opts.options),
        (stream, line) => {
          // stderr is skopeo's own diagnostics: the copy will report any real problem.
          if (stream !== 'stdout' || bytes > MAX_MANIFEST_BYTES) return
          bytes += line.length + 1
          out.push(line)
        },
        {
          cwd: this.opts.cwd,
          env: this.opts.env,
          signal: this.opts.signal,
          timeoutMs: this.opts.timeoutMs ?? DEFAULT_INSPECT_TIMEOUT_MS,
          killGraceMs: this.opts.killGraceMs
        }
      )
      if (res.exitCode !== 0 || bytes > MAX_MANIFEST_BYTES) return undefined
      return out.join('\n')
    } catch {
      // Not startable: the copy hits the same error and reports it.
      return undefined
    } finally {
      this.release()
    }
  }

  private async acquire(): Promise<void> {
    if (this.active < this.opts.concurrency || this.opts.signal.aborted) {
      this.active++
      return
    }
    await new Promise<void>((go) => this.waiting.push(go))
    this.active++
  }

  private release(): void {
    this.active--
    this.waiting.shift()?.()
  }
}
