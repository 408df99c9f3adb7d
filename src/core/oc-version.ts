// `oc version --client` → the client's version, and what mirror-guard does differently per
// version. Release builds print `Client Version: 4.13.0-202404020000.p0.gd192e90.assembly.stream-d192e90`,
// builds from a source branch `Client Version: v4.13.0-release-4.13-d192e901e`, builds from a
// client tag `Client Version: openshift-clients-4.12.0-202208031327-171-gd69125734`; old
// clients (≤ 4.5) printed a Go struct (`Client Version: version.Info{…, GitVersion:"v4.5.0-…"}`).

export interface OcClientVersion {
  readonly major: number
  readonly minor: number
  readonly patch: number
  /** The version token as printed (`4.13.0-2024…` or `v4.13.0-release-4.13-…`). */
  readonly raw: string
}

const MAX_SCANNED_CHARS = 64 * 1024

/** The `Client Version:` line's version, or undefined when the text has none we can read. */
export function parseOcClientVersion(text: string): OcClientVersion | undefined {
  for (const line of text.slice(0, MAX_SCANNED_CHARS).split(/\r?\n/)) {
    const m = /^\s*Client Version:\s*(.*)$/i.exec(line)
    if (!m?.[1]) continue
    const rest = m[1].trim()
    // The old struct form: take GitVersion, which holds the full semver.
    const git = /GitVersion:"([^"]*)"/.exec(rest)
    const token = (git?.[1] ?? rest.split(/\s+/)[0] ?? '').trim()
    // The first version-like number of the token (after a `v` or an `openshift-clients-` prefix).
    const v = /(?:^|[^\d.])v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?(?![\d])/.exec(token)
    if (!v?.[1] || !v[2]) continue
    return {
      major: Number(v[1]),
      minor: Number(v[2]),
      patch: v[3] !== undefined ? Number(v[3]) : 0,
      raw: token.slice(0, 200)
    }
  }
  return undefined
}

/** `4.13.0`: the numbers only, for summaries. */
export function formatOcVersion(v: OcClientVersion): string {
  return `${v.major}.${v.minor}.${v.patch}`
}

/**
 * oc 4.14 and later plan every layer of a `file://` or `s3://` destination on each run and skip
 * those already there, so a rerun repairs a manifest left without its layer. oc ≤ 4.13 trusts
 * the manifest's presence and plans no layers (the stale-manifest bug). Unknown → false: the
 * ≤ 4.13 handling is correct on every version.
 */
export function replansFileLayers(v: OcClientVersion | undefined): boolean {
  if (v === undefined) return false
  return v.major > 4 || (v.major === 4 && v.minor >= 14)
}

/** One sentence for the log and the summary: the version and what it changes for retries. */
export function ocVersionNote(v: OcClientVersion | undefined): string {
  if (v === undefined) {
    return 'oc client version unknown (no readable `Client Version:` line): retries treat file:// trees as oc ≤ 4.13 writes them.'
  }
  return replansFileLayers(v)
    ? `oc client ${formatOcVersion(v)}: oc ≥ 4.14 replans every layer of a file:// or s3:// destination, so a retry reruns those lines as is.`
    : `oc client ${formatOcVersion(v)}: oc ≤ 4.13 keeps a file:// manifest whose layer failed and plans no layers for it again, so a retry first removes the stale manifest entries.`
}
