import type { FaultProxy, FaultRule } from './fault-proxy.mjs'
import type { BuiltImages, ImageSpec } from './images.mjs'

export interface RegistryHandle {
  /** `127.0.0.1:<port>` */
  host: string
  /** `http://127.0.0.1:<port>` */
  url: string
  stop(): Promise<void>
}

export type StartRegistry = () => Promise<RegistryHandle>

export interface BedOptions {
  images?: ImageSpec[]
  rules?: FaultRule[]
  /** skopeo binary used to push the images (default `skopeo`). */
  skopeo?: string
}

export interface Bed {
  /** The real source registry (no faults): images are pushed here. */
  source: RegistryHandle
  destination: RegistryHandle
  /** Fault proxy in front of `source`. */
  proxy: FaultProxy
  images: BuiltImages
  /** What mappings use as the source registry: the proxy's host. */
  sourceHost: string
  /** Stops everything; idempotent, safe after a failed start. */
  stop(): Promise<void>
}

export declare function startBedWith(startRegistry: StartRegistry, opts?: BedOptions): Promise<Bed>
