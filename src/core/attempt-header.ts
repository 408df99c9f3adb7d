// The line mirror-guard writes before each attempt's output in its combined log.

/** Line written by mirror-guard before each attempt's output. */
export const ATTEMPT_HEADER_RE = /^==== mirror-guard attempt (\d+) ====$/

export function attemptHeader(attempt: number): string {
  return `==== mirror-guard attempt ${attempt} ====`
}
