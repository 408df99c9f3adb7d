// The skopeo engine's dry run: skopeo has no `--dry-run`, so nothing is copied at all. Each
// source is read instead (`skopeo inspect --raw` of its manifest and of every child of a list,
// with the copy's TLS and auth settings, so credentials and reachability are checked too) and
// what `skopeo copy --all` would push is written as oc's dry-run plan tree, followed by oc's
// `info: Planning completed in …` and `info: Dry run complete`. A source that cannot be read
// gets oc's planning error line (`unable to retrieve source image … by tag …: <skopeo's
// text>`), which the classifier and attributor already know. The destination is never contacted.
import { createHash } from 'node:crypto'
import { formatRef } from '../core/reference.js'
import type { MappingEntry } from '../core/types.js'
import type { OutputSink } from './engine.js'
import { parseManifest, type Descriptor } from './manifest-descriptors.js'
import {
  buildSkopeoInspectArgs,
  failureLine,
  fatalMessage,
  joinedMessage,
  sourceChildRef,
  sourceTransportRef,
  unsupportedReason
} from './skopeo-args.js'
import { DEFAULT_INSPECT_TIMEOUT_MS, type InspectorOptions } from './skopeo-inspect.js'
import { goDuration, renderPlanTree, type PlannedCopy } from './skopeo-plan.js'
import { runInGroup } from './spawn-group.js'

/** The same options as the inspector's: a dry run is inspections only. */
export type DryRunOptions = InspectorOptions

/** Far above any real manifest. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024

type Read = { readonly bytes: Buffer } | { readonly error: string }

/** Plans every entry; returns how many failed. Writes nothing once the signal has fired. */
export async function skopeoDryRun(
  entries: readonly MappingEntry[],
  opts: DryRunOptions,
  sink: OutputSink
): Promise<{ failed: number }> {
  const started = Date.now()
  const reader = new SourceReader(opts)
  const errors: { index: number; line: string }[] = []
  const planned: PlannedCopy[] = []
  // Every read settles before anything is written or thrown: no skopeo is left running.
  const settled = await Promise.allSettled(
    entries.map(async (entry, index) => {
      const reason = unsupportedReason(entry)
      if (reason !== undefined) {
        errors.push({ index, line: failureLine(entry, reason) })
        return
      }
      const result = await planEntry(entry, reader)
      if ('error' in result) errors.push({ index, line: `error: ${result.error}` })
      else planned.push(result)
    })
  )
  const startFailure = settled.find((r) => r.status === 'rejected')
  if (startFailure) throw startFailure.reason
  if (opts.signal.aborted) return { failed: 0 }
  // Mapping order, whatever order the reads finished in.
  const order = new Map(entries.map((e, i) => [e.id, i]))
  planned.sort((a, b) => (order.get(a.entry.id) ?? 0) - (order.get(b.entry.id) ?? 0))
  for (const line of renderPlanTree(planned)) sink('stderr', line)
  sink('stderr', '')
  for (const e of errors.sort((a, b) => a.index - b.index)) sink('stderr', e.line)
  sink('stderr', `info: Planning completed in ${goDuration(Date.now() - started)}`)
  sink('stderr', 'info: Dry run complete')
  return { failed: errors.length }
}

async function planEntry(
  entry: MappingEntry,
  reader: SourceReader
): Promise<PlannedCopy | { error: string }> {
  const src = entry.source
  const top = await reader.read(sourceTransportRef(entry))
  if ('error' in top) {
    return {
      error:
        src.digest !== undefined
          ? `unable to retrieve source image ${src.printed} manifest ${src.digest}: ${top.error}`
          : `unable to retrieve source image ${src.printed} by tag ${src.tag ?? 'latest'}: ${top.error}`
    }
  }
  const digest = src.digest ?? `sha256:${createHash('sha256').update(top.bytes).digest('hex')}`
  const manifest = parseManifest(top.bytes.toString('utf8'))
  // Schema 1 or an unknown type: skopeo still copies it; only its blobs cannot be listed.
  if (manifest === undefined) return { entry, digest, children: [], blobs: [] }
  if (manifest.kind === 'image') {
    return { entry, digest, children: [], blobs: [manifest.config, ...manifest.layers] }
  }
  const blobs: Descriptor[] = []
  const children = await Promise.all(
    manifest.children.map((c) => reader.read(sourceChildRef(entry, c.digest)))
  )
  for (const [i, child] of children.entries()) {
    if ('error' in child) {
      return {
        error: `unable to retrieve source image ${formatRef(src)} manifest #${i + 1} from manifest list: ${child.error}`
      }
    }
    const m = parseManifest(child.bytes.toString('utf8'))
    if (m?.kind === 'image') blobs.push(m.config, ...m.layers)
  }
  return { entry, digest, children: manifest.children.map((c) => c.digest), blobs }
}

/** `skopeo inspect --raw`, each reference once, at most `concurrency` at a time. */
class SourceReader {
  private readonly cache = new Map<string, Promise<Read>>()
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly opts: DryRunOptions) {}

  read(ref: string): Promise<Read> {
    let p = this.cache.get(ref)
    if (p === undefined) this.cache.set(ref, (p = this.limited(() => this.inspect(ref))))
    return p
  }

  private async limited(run: () => Promise<Read>): Promise<Read> {
    if (this.active >= this.opts.concurrency) {
      await new Promise<void>((go) => this.waiting.push(go))
    }
    this.active++
    try {
      return await run()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }

  private async inspect(ref: string): Promise<Read> {
    if (this.opts.signal.aborted) return { error: 'stopped' }
    const chunks: Buffer[] = []
    let bytes = 0
    const fatal: string[] = []
    let lastLine = ''
    const timeoutMs = this.opts.timeoutMs ?? DEFAULT_INSPECT_TIMEOUT_MS
    // A skopeo that cannot be started rejects here: the attempt fails as a whole, as a copy would.
    const res = await runInGroup(
      this.opts.binary,
      buildSkopeoInspectArgs(ref, this.opts.options),
      (_stream, line) => {
        const msg = fatalMessage(line)
        if (msg !== undefined) fatal.push(msg)
        else if (line.trim() !== '') lastLine = line
      },
      {
        cwd: this.opts.cwd,
        env: this.opts.env,
        signal: this.opts.signal,
        timeoutMs,
        killGraceMs: this.opts.killGraceMs,
        stdoutBytes: (c) => {
          bytes += c.length
          if (bytes <= MAX_MANIFEST_BYTES) chunks.push(c)
        }
      }
    )
    if (res.timedOut) return { error: `skopeo inspect timed out after ${timeoutMs / 1000}s` }
    if (res.exitCode !== 0) {
      const how =
        res.exitCode !== null ? `exit code ${res.exitCode}` : `signal ${res.signal ?? '?'}`
      return {
        error: joinedMessage(
          fatal.length > 0 ? fatal.join(' ') : `skopeo inspect failed with ${how}: ${lastLine}`
        )
      }
    }
    if (bytes > MAX_MANIFEST_BYTES)
      return { error: `manifest larger than ${MAX_MANIFEST_BYTES} bytes` }
    return { bytes: Buffer.concat(chunks) }
  }
}
