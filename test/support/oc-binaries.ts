// The real oc clients the oc scenarios run against, found the way a user's runner finds oc:
// `MIRROR_GUARD_TEST_OC` (colon-separated paths, set by .ci/run after it unpacks the clients),
// else `oc` on the PATH. Where neither exists (a contributor's laptop) the scenarios skip with a
// printed reason; where .ci/run asked for them (`MIRROR_GUARD_REQUIRE_OC=1`) a missing client
// is an error, never a skip.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter } from 'node:path'

export interface OcBinary {
  /** `4.13`, `4.14`, … from `oc version --client`. */
  readonly version: string
  readonly path: string
}

function onPath(binary: string): string | undefined {
  try {
    const out = execFileSync('sh', ['-c', 'command -v "$0"', binary], { encoding: 'utf8' })
    return out.trim() || undefined
  } catch {
    return undefined
  }
}

/** `Client Version: v4.13.0-release-4.13-…` or `Client Version: 4.13.0-2024…` → `4.13`. */
function minorOf(path: string): string {
  const out = execFileSync(path, ['version', '--client'], { encoding: 'utf8', timeout: 30_000 })
  const m = /Client Version:\s*v?(\d+\.\d+)/.exec(out)
  if (!m?.[1]) throw new Error(`${path} version --client printed no client version: ${out}`)
  return m[1]
}

let cached: readonly OcBinary[] | undefined

export function ocBinaries(): readonly OcBinary[] {
  if (cached) return cached
  const listed = (process.env['MIRROR_GUARD_TEST_OC'] ?? '').split(delimiter).filter(Boolean)
  const paths = listed.length > 0 ? listed : [onPath('oc')].filter((p) => p !== undefined)
  const missing = listed.filter((p) => !existsSync(p))
  if (missing.length > 0)
    throw new Error(`MIRROR_GUARD_TEST_OC names missing files: ${missing.join(', ')}`)
  if (paths.length === 0 && process.env['MIRROR_GUARD_REQUIRE_OC'] === '1') {
    throw new Error('MIRROR_GUARD_REQUIRE_OC=1 but no oc was found (MIRROR_GUARD_TEST_OC, PATH)')
  }
  cached = paths.map((path) => ({ path, version: minorOf(path) }))
  return cached
}

/** Logs why oc scenarios do not run here; call once per test file that needs oc. */
export function sayWhyNoOc(what: string): void {
  if (ocBinaries().length === 0) {
    console.log(
      `Skipping ${what}: no oc client (set MIRROR_GUARD_TEST_OC or put oc on the PATH; .ci/run unpacks ../shared/tools/oc).`
    )
  }
}
