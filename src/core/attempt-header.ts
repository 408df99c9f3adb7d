// The lines mirror-guard writes before each attempt's output (and each later chunk's) in its
// combined log.

/** Line written by mirror-guard before each attempt's output. */
export const ATTEMPT_HEADER_RE = /^==== mirror-guard attempt (\d+) ====$/

export function attemptHeader(attempt: number): string {
  return `==== mirror-guard attempt ${attempt} ====`
}

/**
 * Line written before the second and later chunks of an attempt (`chunk-size`): the same
 * attempt goes on with a new engine invocation, so the plan that follows is not a new attempt.
 */
export const CHUNK_HEADER_RE = /^==== mirror-guard attempt (\d+), chunk (\d+) of (\d+) ====$/

export function chunkHeader(attempt: number, chunk: number, count: number): string {
  return `==== mirror-guard attempt ${attempt}, chunk ${chunk} of ${count} ====`
}
