// The action's inputs as one value: readInputs turns the raw inputs (a getter, as
// `core.getInput`) into `Inputs`, or every problem at once; pure, tested without a runner.
// The table of inputs is input-specs.ts, the parsers of single values input-values.ts.
import { MAX_CHUNK_SIZE } from '../core/chunk-plan.js'
import type { ForceOnRetry } from '../core/repair-plan.js'
import type { ShardSpec } from '../core/shard-plan.js'
import type { FailureClass } from '../core/types.js'
import { INPUT_SPECS } from './input-specs.js'
import {
  aggregateShardCount,
  artifactNameProblem,
  defaultRetryOn,
  extraArgsProblems,
  filterByOsProblem,
  InputReader,
  parseRetryOn,
  registryAuthProblem,
  show
} from './input-values.js'

export type Mode = 'mirror' | 'validate' | 'dry-run' | 'aggregate'
export type EngineName = 'oc' | 'skopeo'
export type VerifyMode = 'auto' | 'off' | 'digest'
export type OnFailure = 'fail' | 'warn' | 'ignore'
export type RetryFromMissing = 'skip' | 'full' | 'fail'

export interface Inputs {
  /** Mapping files in order; empty only when `retryFrom` is set. */
  readonly mapping: readonly string[]
  readonly mode: Mode
  readonly engine: EngineName
  readonly oc: string
  readonly registryConfig?: string
  /** Secret docker config JSON content (validated to have an `auths` object). */
  readonly registryAuth?: string
  readonly dir?: string
  readonly fromDir?: string
  readonly filterByOs?: string
  readonly keepManifestList: boolean
  readonly insecure: boolean
  readonly skipMultipleScopes: boolean
  readonly skipMissing: boolean
  readonly maxPerRegistry: number
  readonly maxRegistry: number
  /** engine: skopeo orders copies by shared blobs (reads the source manifests first). */
  readonly skopeoShareBlobs: boolean
  readonly continueOnError: boolean
  /** The `dry-run` input, or `mode: dry-run`. */
  readonly dryRun: boolean
  readonly extraArgs: readonly string[]
  readonly workingDirectory?: string
  readonly maxAttempts: number
  readonly retryOn: readonly FailureClass[]
  readonly retryDelaySeconds: number
  readonly maxRetryDelaySeconds: number
  readonly retryMaxPerRegistry: number
  /** undefined = no per-attempt timeout. */
  readonly attemptTimeoutSeconds?: number
  readonly forceOnRetry: ForceOnRetry
  readonly verify: VerifyMode
  /** Lines verification could not read keep the engine's verdict (with a warning). */
  readonly allowUnverified: boolean
  readonly onFailure: OnFailure
  readonly upload: boolean
  /** Write the job summary (`summary: false` turns it off). */
  readonly summary: boolean
  readonly artifactName: string
  readonly retryArtifactName: string
  readonly retentionDays?: number
  readonly retryFrom?: string
  readonly retryFromMissing: RetryFromMissing
  readonly runId?: number
  /** `owner/name`; undefined = the current repository. */
  readonly repository?: string
  readonly githubToken?: string
  /** This job mirrors only shard `index` of `count` (a job matrix); undefined = every line. */
  readonly shard?: ShardSpec
  /** The step ends within this many seconds (core/time-budget.ts); undefined = no budget. */
  readonly timeBudgetSeconds?: number
  /** A progress line every this many seconds during an attempt; 0 = none. */
  readonly progressIntervalSeconds: number
  /** Each attempt runs as engine invocations of at most this many entries; undefined = one. */
  readonly chunkSize?: number
  /** mode: aggregate — how many shards the matrix ran (`shard: N`). */
  readonly shardCount?: number
}

export type ReadInputsResult =
  { readonly ok: true; readonly inputs: Inputs } | { readonly ok: false; readonly errors: string[] }

/**
 * Reads and validates every input. `get(name)` returns the raw input ('' when unset), like
 * `core.getInput(name)` without `required`. All problems are reported together.
 */
export function readInputs(get: (name: string) => string): ReadInputsResult {
  const read = new InputReader(get, INPUT_SPECS)
  const errors = read.errors

  // --- what and how to mirror
  const retryFrom = read.optional('retry-from')
  const mapping = read.lines('mapping')
  const mode = read.oneOf<Mode>('mode', ['mirror', 'validate', 'dry-run', 'aggregate'])
  // mode: aggregate says itself what it needs (aggregateShardCount).
  if (mapping.length === 0 && retryFrom === undefined && mode !== 'aggregate') {
    errors.push('Input mapping: required (one mapping file per line) unless retry-from is set.')
  }
  const engine = read.oneOf<EngineName>('engine', ['oc', 'skopeo'])
  const oc = read.raw('oc')

  const registryConfig = read.optional('registry-config')
  const registryAuth = read.optional('registry-auth')
  if (registryAuth !== undefined) {
    const problem = registryAuthProblem(registryAuth)
    if (problem !== undefined) errors.push(problem)
    if (registryConfig !== undefined) {
      errors.push(
        'Inputs registry-config and registry-auth are both set; set only one (oc takes a single -a file).'
      )
    }
  }

  const filterByOs = read.optional('filter-by-os')
  if (filterByOs !== undefined) {
    const problem = filterByOsProblem(filterByOs)
    if (problem !== undefined) errors.push(problem)
  }

  const extraArgs = read.lines('extra-args')
  errors.push(...extraArgsProblems(extraArgs))

  // --- retries
  const retryOnRaw = read.raw('retry-on')
  let retryOn: FailureClass[] = defaultRetryOn()
  if (retryOnRaw !== '') {
    const parsed = parseRetryOn(retryOnRaw)
    if (parsed.error !== undefined) errors.push(parsed.error)
    retryOn = parsed.classes
  }

  const retryDelay = read.duration('retry-delay')
  const maxRetryDelay = read.duration('max-retry-delay')
  const retryDelaySeconds = retryDelay ?? 30
  // The default cap never undercuts a longer first wait the user asked for.
  const maxRetryDelaySeconds = maxRetryDelay ?? Math.max(600, retryDelaySeconds)
  // Compared only when both parsed: a bad value is already reported on its own.
  if (retryDelay !== undefined && maxRetryDelay !== undefined && maxRetryDelay < retryDelay) {
    errors.push(
      `Input max-retry-delay: ${show(read.raw('max-retry-delay'))} is shorter than retry-delay ${show(read.raw('retry-delay'))}; it must be at least retry-delay.`
    )
  }
  const attemptTimeoutSeconds = read.duration('attempt-timeout')
  if (attemptTimeoutSeconds === 0) {
    errors.push(
      `Input attempt-timeout: ${show(read.raw('attempt-timeout'))} must be more than zero; leave it empty for no limit.`
    )
  }

  // --- artifacts
  const artifactName = read.raw('artifact-name')
  const retryArtifactName = read.raw('retry-artifact-name')
  for (const [name, value] of [
    ['artifact-name', artifactName],
    ['retry-artifact-name', retryArtifactName],
    ['retry-from', retryFrom ?? '']
  ] as const) {
    const problem = artifactNameProblem(value)
    if (problem !== undefined) errors.push(`Input ${name}: ${show(value)} ${problem}.`)
  }
  if (artifactName === '') errors.push('Input artifact-name: must not be empty.')
  if (retryArtifactName === '') errors.push('Input retry-artifact-name: must not be empty.')
  if (artifactName !== '' && artifactName === retryArtifactName) {
    errors.push(
      `Inputs artifact-name and retry-artifact-name are both ${show(artifactName)}; an artifact name can be used once per run.`
    )
  }

  let shard: ShardSpec | undefined
  let shardCount: number | undefined
  if (mode === 'aggregate') {
    const counted = aggregateShardCount(read.optional('shard'), mapping.length, retryFrom)
    if (typeof counted === 'string') errors.push(counted)
    else shardCount = counted.count
  } else shard = read.shard('shard')

  const timeBudgetSeconds = read.duration('time-budget')
  if (timeBudgetSeconds === 0) {
    errors.push(
      `Input time-budget: ${show(read.raw('time-budget'))} must be more than zero; leave it empty for no budget.`
    )
  }
  const progressIntervalSeconds = read.duration('progress-interval')
  if (
    progressIntervalSeconds !== undefined &&
    progressIntervalSeconds > 0 &&
    progressIntervalSeconds < 1
  ) {
    errors.push(
      `Input progress-interval: ${show(read.raw('progress-interval'))} is shorter than 1s; use at least 1s, or 0 for no progress lines.`
    )
  }
  const chunkSize = read.int('chunk-size', 1, MAX_CHUNK_SIZE)

  const repository = read.optional('repository')
  if (repository !== undefined && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    errors.push(`Input repository: ${show(repository)} is not of the form owner/name.`)
  }

  const inputs: Inputs = {
    mapping,
    mode,
    engine,
    oc,
    registryConfig,
    registryAuth,
    dir: read.optional('dir'),
    fromDir: read.optional('from-dir'),
    filterByOs,
    keepManifestList: read.bool('keep-manifest-list'),
    insecure: read.bool('insecure'),
    skipMultipleScopes: read.bool('skip-multiple-scopes'),
    skipMissing: read.bool('skip-missing'),
    maxPerRegistry: read.int('max-per-registry', 1, 100) ?? 6,
    maxRegistry: read.int('max-registry', 1, 100) ?? 4,
    skopeoShareBlobs: read.bool('skopeo-share-blobs'),
    continueOnError: read.bool('continue-on-error'),
    dryRun: read.bool('dry-run') || mode === 'dry-run',
    extraArgs,
    workingDirectory: read.optional('working-directory'),
    maxAttempts: read.int('max-attempts', 1, 20) ?? 3,
    retryOn,
    retryDelaySeconds,
    maxRetryDelaySeconds,
    retryMaxPerRegistry: read.int('retry-max-per-registry', 1, undefined) ?? 1,
    attemptTimeoutSeconds,
    forceOnRetry: read.oneOf<ForceOnRetry>('force-on-retry', ['auto', 'true', 'false']),
    verify: read.oneOf<VerifyMode>('verify', ['auto', 'off', 'digest']),
    allowUnverified: read.bool('allow-unverified'),
    onFailure: read.oneOf<OnFailure>('on-failure', ['fail', 'warn', 'ignore']),
    upload: read.bool('upload'),
    summary: read.bool('summary'),
    artifactName,
    retryArtifactName,
    retentionDays: read.int('retention-days', 1, 90),
    retryFrom,
    retryFromMissing: read.oneOf<RetryFromMissing>('retry-from-missing', ['skip', 'full', 'fail']),
    runId: read.int('run-id', 1, undefined),
    repository,
    githubToken: read.optional('github-token'),
    shard,
    ...(timeBudgetSeconds !== undefined ? { timeBudgetSeconds } : {}),
    progressIntervalSeconds: progressIntervalSeconds ?? 60,
    ...(chunkSize !== undefined ? { chunkSize } : {}),
    shardCount
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs }
}
