// The names of the files the action and the attempt loop leave in the run's work directory
// (RUNNER_TEMP/mirror-guard-*): one place, so the writer, the uploader, the post step and the
// summary's wording cannot drift apart.
export const WORK_FILES = {
  /** Both streams of every attempt, with a header per attempt: the log artifact. */
  log: 'oc-mirror.log',
  /** The action's JSON report (report.schema.json). */
  report: 'report.json',
  /** Every line not mirrored, re-feedable to oc: the retry artifact and `retry-mapping` output. */
  retryMapping: 'retry-mapping.txt',
  /** The run state for the post step, rewritten after every attempt. */
  progress: 'progress.json',
  /** The `registry-auth` input's content (0600, removed after the run). */
  authFile: 'registry-auth.json',
  /** Several mapping files joined for attempt 1 (oc reads one `-f` file). */
  combinedMapping: 'mapping-combined.txt',
  /** Where a `retry-from` artifact is downloaded. */
  retryFromDir: 'retry-from'
} as const

/** The mapping a retry runs: just its lines, each with its origin comment. */
export const attemptMappingFile = (attempt: number): string =>
  `retry-mapping-attempt-${attempt}.txt`

/** One attempt's stdout or stderr, as the engine printed it. */
export const attemptStreamFile = (attempt: number, stream: 'stdout' | 'stderr'): string =>
  `attempt-${attempt}.${stream}.log`

/** A shard's generated mapping for attempt 1. */
export const shardMappingFile = (index: number, count: number): string =>
  `mapping-shard-${index}-of-${count}.txt`
