import type { Bed } from './bed.mjs'
import type { FaultProxy, FaultRule } from './fault-proxy.mjs'
import type { ImageSpec } from './images.mjs'

export declare function repairImages(seedBase: number): ImageSpec[]
export declare function blob429(probability: number, seed: number): FaultRule
export declare function repairMapping(bed: Bed): string
export declare const OC_FLAGS: readonly string[]

export interface NaiveLoopResult {
  passes: number
  /** Blob bytes the source (the fault proxy) served. */
  bytes: number
  answered429: number
  /** The last pass exited 0. */
  exitedZero: boolean
  /** The tree verified complete after the last pass. */
  complete: boolean
  ms: number
}

export declare function naiveForceLoop(o: {
  oc: string
  cwd: string
  mappingFile: string
  dir: string
  proxy: FaultProxy
  maxPasses: number
  until: 'exit-0' | 'complete'
  complete: () => Promise<boolean>
}): Promise<NaiveLoopResult>
