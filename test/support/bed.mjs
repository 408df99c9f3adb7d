// The registry test bed: a source registry holding the built images, a fault proxy in front
// of it (what mappings name as the source), and an empty destination registry. Plain JS so
// the demo can use it; the registry starter is injected (test/support/registry.ts for tests,
// scripts/demo-bed.mjs for the demo).
import { rm } from 'node:fs/promises'
import { startFaultProxy } from './fault-proxy.mjs'
import { buildImages, pushImages } from './images.mjs'

/**
 * @param {import('./bed.d.mts').StartRegistry} startRegistry
 * @param {import('./bed.d.mts').BedOptions} [opts]
 * @returns {Promise<import('./bed.d.mts').Bed>}
 */
export async function startBedWith(startRegistry, opts = {}) {
  /** @type {(() => Promise<void>)[]} */
  const stops = []
  let stopping
  const stop = () => {
    // Idempotent: every caller waits for the same teardown.
    stopping ??= (async () => {
      process.off('exit', onExit)
      for (const s of stops.reverse()) await s().catch(() => {})
    })()
    return stopping
  }
  // Last resort when the process exits without stop(): nothing async runs in 'exit', so start
  // every stop at once; each sends its kill signal synchronously before its first await.
  const onExit = () => {
    for (const s of stops) void s().catch(() => {})
  }
  process.once('exit', onExit)
  try {
    const source = await startRegistry()
    stops.push(() => source.stop())
    const destination = await startRegistry()
    stops.push(() => destination.stop())
    const images = await buildImages(opts.images ?? [])
    stops.push(() => rm(images.layoutDir, { recursive: true, force: true }))
    await pushImages(images, source.host, { skopeo: opts.skopeo })
    const proxy = await startFaultProxy({ upstream: source.url, rules: opts.rules ?? [] })
    stops.push(() => proxy.stop())
    return { source, destination, proxy, images, sourceHost: proxy.host, stop }
  } catch (e) {
    await stop()
    throw e
  }
}
