// The `verify` input wired to the verifier: file:// destinations are checked on disk after
// every attempt, registry destinations over the network once, after the last attempt.
import { resolve } from 'node:path'
import type { MappingEntry } from '../core/types.js'
import type { Inputs } from '../github/inputs.js'
import { verifyEntries } from '../verify/index.js'
import type { VerifyResult } from '../verify/types.js'
import type { VerifyWhen } from './job.js'

export function makeVerifier(opts: {
  readonly inputs: Pick<Inputs, 'dir' | 'verify' | 'insecure'>
  readonly cwd: string
  readonly authFile?: string
}): (entries: readonly MappingEntry[], when: VerifyWhen) => Promise<VerifyResult[]> {
  return (entries, when) =>
    verifyEntries(
      entries.filter((e) => (when === 'final') === (e.destination.kind === 'registry')),
      {
        dir: resolve(opts.cwd, opts.inputs.dir ?? '.'),
        digest: opts.inputs.verify === 'digest',
        insecure: opts.inputs.insecure,
        registries: when === 'final',
        ...(opts.authFile !== undefined ? { authFile: opts.authFile } : {})
      }
    )
}
