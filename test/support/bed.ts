// The registry test bed for tests: bed.mjs with test/support/registry.ts as the registry starter.
import { startBedWith } from './bed.mjs'
import type { Bed, BedOptions } from './bed.mjs'
import { startRegistry } from './registry.js'

export type { Bed, BedOptions, RegistryHandle } from './bed.mjs'

export function startBed(opts: BedOptions = {}): Promise<Bed> {
  return startBedWith(startRegistry, opts)
}
