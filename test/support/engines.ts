// The engines an end-to-end scenario runs with: skopeo, and every real oc client ocBinaries()
// finds (oc 4.13 and 4.14 in CI). Scenarios are parametrised over these; where oc and skopeo
// behave differently the scenario says why, per engine.
import { execFileSync } from 'node:child_process'
import { ocBinaries, sayWhyNoOc } from './oc-binaries.js'

export interface EngineCase {
  readonly engine: 'skopeo' | 'oc'
  /** `skopeo`, `oc 4.13`, `oc 4.14`: used in test names. */
  readonly label: string
  readonly binary: string
  /** oc's minor version (`4.13`); undefined for skopeo. */
  readonly ocVersion?: string
  /** A number unique per case, for seeds and repository names that must not collide. */
  readonly index: number
}

function skopeoPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v skopeo'], { encoding: 'utf8' }).trim() || undefined
  } catch {
    return undefined
  }
}

/** skopeo first, then each oc client; logs why the oc cases are missing when they are. */
export function engineCases(what: string): EngineCase[] {
  sayWhyNoOc(what)
  const skopeo = skopeoPath()
  if (skopeo === undefined) throw new Error('skopeo is not installed (apt-get install skopeo)')
  return [
    { engine: 'skopeo', label: 'skopeo', binary: skopeo, index: 0 },
    ...ocBinaries().map((o, i) => ({
      engine: 'oc' as const,
      label: `oc ${o.version}`,
      binary: o.path,
      ocVersion: o.version,
      index: i + 1
    }))
  ]
}

/** The inputs that pick the engine (and the oc binary) for the action. */
export function engineInputs(c: EngineCase): Record<string, string> {
  return c.engine === 'oc' ? { engine: 'oc', oc: c.binary } : { engine: 'skopeo' }
}
