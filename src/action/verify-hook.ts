// The `verify` input wired to the verifier: file:// destinations are checked on disk after
// every attempt, registry destinations over the network once, after the last attempt. Every
// check runs under the job's signal (cancel, attempt-timeout), and every credential the
// registry client obtains is handed to the run's redactor.
import { resolve } from 'node:path'
import type { MappingEntry } from '../core/types.js'
import type { Inputs } from '../github/inputs.js'
import { verifyEntries } from '../verify/index.js'
import type { VerifyResult } from '../verify/types.js'
import type { VerifyWhen } from '../run/job.js'

export function makeVerifier(opts: {
  readonly inputs: Pick<Inputs, 'dir' | 'verify' | 'insecure'>
  readonly cwd: string
  readonly authFile?: string
  /** Told every token or header the registry client builds or receives. */
  readonly onSecret?: (value: string) => void
  /** certs.d roots (tests); default /etc/containers/certs.d, /etc/docker/certs.d. */
  readonly certRoots?: readonly string[]
}): (
  entries: readonly MappingEntry[],
  when: VerifyWhen,
  signal: AbortSignal
) => Promise<VerifyResult[]> {
  return (entries, when, signal) =>
    verifyEntries(
      entries.filter((e) => (when === 'final') === (e.destination.kind === 'registry')),
      {
        dir: resolve(opts.cwd, opts.inputs.dir ?? '.'),
        digest: opts.inputs.verify === 'digest',
        insecure: opts.inputs.insecure,
        registries: when === 'final',
        ...(opts.authFile !== undefined ? { authFile: opts.authFile } : {}),
        network: {
          signal,
          ...(opts.onSecret ? { onSecret: opts.onSecret } : {}),
          ...(opts.certRoots ? { certRoots: opts.certRoots } : {})
        }
      }
    )
}
