// oc's `--filter-by-os`: a Go (RE2) regular expression matched, unanchored, against each
// manifest-list entry's `os/arch[/variant]`. Compiled with re2js, a port of Go's regexp
// package, so what oc accepts (`(?P<name>…)`, `(?i)`, `\pL`, `[[:alpha:]]`) is accepted here
// and what oc refuses (`linux/(amd64`, lookarounds, backreferences) is refused with Go's words.
import { RE2JS } from 're2js'
import { errorMessage } from './text.js'

/** Go's compile error (`error parsing regexp: …`), or undefined when oc accepts the pattern. */
export function osFilterProblem(pattern: string): string | undefined {
  try {
    RE2JS.compile(pattern)
    return undefined
  } catch (e) {
    return errorMessage(e)
  }
}

/**
 * A matcher for `os/arch[/variant]` strings with oc's semantics (Go's `MatchString`: the
 * pattern may match anywhere). Throws on a pattern `osFilterProblem` refuses.
 */
export function osFilterMatcher(pattern: string): (platform: string) => boolean {
  const re = RE2JS.compile(pattern)
  return (platform) => re.matcher(platform).find()
}

/** The string oc matches: `os/arch`, plus `/variant` when the entry has one. */
export function platformString(p: { os: string; architecture: string; variant?: string }): string {
  return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`
}
