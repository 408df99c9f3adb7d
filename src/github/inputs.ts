// The action's inputs: one table (INPUT_SPECS) that action.yml and the README are checked
// against, and a pure reader that lists every problem at once.

import { CLASS_INFO } from '../core/classify.js'
import { osFilterProblem } from '../core/os-filter.js'
import { MAX_SHARDS, parseShardSpec, type ShardSpec } from '../core/shard-plan.js'
import type { FailureClass } from '../core/types.js'

export interface InputSpec {
  readonly name: string
  readonly description: string
  /** Written to action.yml. `${{ … }}` defaults are resolved by the runner, not by readInputs. */
  readonly default?: string
  readonly required?: boolean
  /** What the value may be and what is checked before anything runs (README's inputs table). */
  readonly accepts?: string
}

export type Mode = 'mirror' | 'validate' | 'dry-run' | 'aggregate'
export type EngineName = 'oc' | 'skopeo'
export type ForceOnRetry = 'auto' | 'true' | 'false'
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
  /** mode: aggregate — how many shards the matrix ran (`shard: N`). */
  readonly shardCount?: number
}

export type ReadInputsResult =
  { readonly ok: true; readonly inputs: Inputs } | { readonly ok: false; readonly errors: string[] }

// Exhaustive by construction: adding a FailureClass without listing it here fails to compile.
const CLASS_NAMES: Record<FailureClass, true> = {
  'rate-limit': true,
  'quota-exhausted': true,
  auth: true,
  'not-found': true,
  server: true,
  network: true,
  tls: true,
  integrity: true,
  usage: true,
  dependency: true,
  filtered: true,
  incomplete: true,
  'wrong-image': true,
  unverified: true,
  unconfirmed: true,
  unknown: true
}
export const FAILURE_CLASSES = Object.keys(CLASS_NAMES) as FailureClass[]

/** The classes `retry-on` defaults to: those CLASS_INFO marks retryable. */
export function defaultRetryOn(): FailureClass[] {
  return FAILURE_CLASSES.filter((c) => CLASS_INFO[c].retryable)
}

export const INPUT_SPECS: readonly InputSpec[] = [
  {
    name: 'mapping',
    accepts:
      "One path per line; required unless `retry-from` is set. Each file must exist and be readable; every line is parsed with oc's grammar, and an error (`file:line`) stops the run before oc starts.",
    description:
      'Mapping file(s) for `oc image mirror -f`, one path per line, read in order. Required unless `retry-from` is set.'
  },
  {
    name: 'mode',
    accepts:
      '`mirror`, `validate`, `dry-run` or `aggregate`; `aggregate` needs `mapping` and `shard: N`, and takes no `retry-from`.',
    description:
      '`mirror` runs the mirror; `validate` only checks the mapping files; `dry-run` plans and writes nothing (`oc image mirror --dry-run`; with `engine: skopeo` every source is read with `skopeo inspect`); `aggregate` (a final job after a `shard` matrix) downloads the report of every shard from this run and reports them as one run (see Shards).',
    default: 'mirror'
  },
  {
    name: 'engine',
    accepts:
      '`oc` or `skopeo`; the binary must exist and be executable (an install hint otherwise).',
    description: '`oc` (`oc image mirror`) or `skopeo` (`skopeo copy --all` per mapping entry).',
    default: 'oc'
  },
  {
    name: 'oc',
    accepts:
      'A name on the PATH or a path; missing or not executable → a clear error with the install hint.',
    description: 'Path or name of the `oc` binary.',
    default: 'oc'
  },
  {
    name: 'registry-config',
    accepts:
      'A path to an existing file; not together with `registry-auth`; its secrets are masked.',
    description: 'Path to a registry credentials file (`oc image mirror -a`).'
  },
  {
    name: 'registry-auth',
    accepts:
      'JSON with an `auths` object; never echoed in an error; not together with `registry-config`.',
    description:
      'Registry credentials as docker config JSON content (`{"auths":{…}}`), e.g. from a secret. Written to a private temporary file and masked. Use instead of `registry-config`.'
  },
  {
    name: 'dir',
    accepts: 'A directory (created by oc).',
    description: 'Directory for `file://` destinations (`--dir`).'
  },
  {
    name: 'from-dir',
    accepts: 'A directory; incomplete source images are reported and left out of the push.',
    description: 'Directory for `file://` sources (`--from-dir`).'
  },
  {
    name: 'filter-by-os',
    accepts:
      'A Go (RE2) regular expression that compiles; lookaround and backreferences are rejected as oc would.',
    description: 'Regular expression selecting platforms of manifest lists (`--filter-by-os`).'
  },
  {
    name: 'keep-manifest-list',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description: 'Keep manifest lists when filtering by OS (`--keep-manifest-list`).',
    default: 'false'
  },
  {
    name: 'insecure',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description: 'Allow plain HTTP and invalid TLS (`--insecure`).',
    default: 'false'
  },
  {
    name: 'skip-multiple-scopes',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description: 'Request one auth scope per token (`--skip-multiple-scopes`).',
    default: 'false'
  },
  {
    name: 'skip-missing',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description: 'Skip source images that do not exist (`--skip-missing`).',
    default: 'false'
  },
  {
    name: 'max-per-registry',
    accepts: 'Whole number 1–100.',
    description: 'Parallel requests per registry, 1–100 (`--max-per-registry`).',
    default: '6'
  },
  {
    name: 'max-registry',
    accepts: 'Whole number 1–100.',
    description: 'Registries contacted in parallel, 1–100 (`--max-registry`).',
    default: '4'
  },
  {
    name: 'skopeo-share-blobs',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description:
      'With `engine: skopeo`: read each source manifest first (one extra manifest request per image) and never copy two images at once that need the same not-yet-pushed layer, so it is pulled once and mounted by the others. Set `false` where manifest requests count as pulls (Docker Hub).',
    default: 'true'
  },
  {
    name: 'continue-on-error',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description: 'Keep mirroring other images after an error (`--continue-on-error`).',
    default: 'true'
  },
  {
    name: 'dry-run',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description:
      'Plan without writing anything (oc `--dry-run`; skopeo only reads the sources); same as `mode: dry-run`.',
    default: 'false'
  },
  {
    name: 'extra-args',
    accepts:
      'One argument per line, never through a shell; flags the action owns (`-f`, `--force`, `--continue-on-error`, `--max-per-registry`, `--dry-run`, `-a`, `--dir`, `--from-dir`) are rejected with the input to use instead.',
    description:
      'Extra arguments for the engine (`oc image mirror`, or `skopeo copy` with `engine: skopeo`), one per line, never through a shell. Flags the action sets itself are rejected.'
  },
  {
    name: 'working-directory',
    accepts: 'A directory; relative mapping and tree paths resolve from it.',
    description: 'Directory that relative paths (mapping, dir, from-dir) are resolved against.'
  },
  {
    name: 'max-attempts',
    accepts: 'Whole number 1–20.',
    description: 'Attempts in total, 1–20; retries run only the lines that failed retryably.',
    default: '3'
  },
  {
    name: 'retry-on',
    accepts:
      'Class names, comma or newline separated; each must be a known class (listed in the error).',
    description: `Failure classes worth a retry, comma or newline separated. Default: the retryable classes (${FAILURE_CLASSES.filter((c) => CLASS_INFO[c].retryable).join(', ')}).`
  },
  {
    name: 'retry-delay',
    accepts:
      'Seconds (`30`) or a duration (`90s`, `30m`, `1h30m`), at most 596h (the longest wait a timer holds).',
    description: 'Delay before the first retry (seconds, or `30s`/`2m`); doubles per retry.',
    default: '30'
  },
  {
    name: 'max-retry-delay',
    accepts:
      'Seconds or a duration, at least `retry-delay` (the default cap rises with `retry-delay`) and at most 596h.',
    description: 'Upper bound of the retry delay (seconds, or a duration); at least `retry-delay`.',
    default: '600'
  },
  {
    name: 'retry-max-per-registry',
    accepts: 'Whole number ≥ 1.',
    description: '`--max-per-registry` for retries after rate limiting (at least 1).',
    default: '1'
  },
  {
    name: 'attempt-timeout',
    accepts:
      'Seconds or a duration, > 0 and at most 596h (`600h` is refused, never turned into 1 ms); empty: none. Bounds each verification pass too.',
    description:
      'Time limit per attempt (`90s`, `30m`, `2h`, `1h30m` or plain seconds). Empty: no limit.'
  },
  {
    name: 'force-on-retry',
    accepts: '`auto`, `true` or `false`.',
    description:
      '`auto`: before a retry, remove the stale manifest entries oc ≤ 4.13 left in a `file://` tree (a manifest without its layer, inside `dir` only) and rerun without `--force`, so only missing blobs are fetched; plain reruns with oc ≥ 4.14; `--force` only where nothing else works (`s3://` with oc ≤ 4.13, a tree that cannot be edited, a registry that kept a partial image). `true`: `--force` on every retry (re-downloads every layer). `false`: plain reruns, nothing removed.',
    default: 'auto'
  },
  {
    name: 'verify',
    accepts: '`auto`, `off` or `digest`.',
    description:
      '`auto` checks every mirrored line (file layout or registry manifests); `digest` also re-hashes blobs; `off` trusts oc.',
    default: 'auto'
  },
  {
    name: 'allow-unverified',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description:
      '`true` keeps the engine’s verdict, with a warning, for lines whose verification could not read the destination (push-only credentials); `false` counts them as `unverified` (failed, retried).',
    default: 'false'
  },
  {
    name: 'on-failure',
    accepts: '`fail`, `warn` or `ignore`.',
    description:
      'When lines still fail: `fail` the step, `warn` (annotations only) or `ignore` (outputs only).',
    default: 'fail'
  },
  {
    name: 'upload',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description: 'Upload the log, JSON report and retry mapping as artifacts.',
    default: 'true'
  },
  {
    name: 'summary',
    accepts: 'boolean (`true`/`True`/`TRUE`/`false`/`False`/`FALSE`).',
    description:
      'Write the job summary (outcome, failure classes, lines, retry mapping, attempts); `false` turns it off. Annotations, outputs and artifacts are not affected.',
    default: 'true'
  },
  {
    name: 'artifact-name',
    accepts:
      'An artifact name: not empty, none of `" : < > | * ? \\ /`, CR or LF; different from `retry-artifact-name`.',
    description: 'Name of the artifact with logs and the JSON report.',
    default: 'oc-mirror-log'
  },
  {
    name: 'retry-artifact-name',
    accepts: 'An artifact name, as `artifact-name`.',
    description: 'Name of the artifact holding the retry mapping (lines still failing).',
    default: 'oc-mirror-retry-mapping'
  },
  {
    name: 'shard',
    accepts:
      '`I/N` with whole numbers 1 ≤ I ≤ N ≤ 256; `0/3`, `4/3`, `a/b` are errors naming what is wrong. Empty: every line. With `mode: aggregate`: the count `N` alone, required, and `I/N` is an error.',
    description:
      '`I/N` (1 ≤ I ≤ N ≤ 256): mirror only shard I of N of the mapping lines, for a job matrix. All lines of one destination repository stay in one shard; the split is deterministic (see Shards). Artifacts get the suffix `-I-of-N`. Empty: every line. With `mode: aggregate`: `N`, the number of shards the matrix ran (known even when no shard reported).'
  },
  {
    name: 'retention-days',
    accepts: 'Whole number 1–90.',
    description: 'Artifact retention, 1–90 days. Empty: the repository default.'
  },
  {
    name: 'retry-from',
    accepts: 'An artifact name, as `artifact-name`.',
    description:
      'Name of a retry-mapping artifact from an earlier job or run; when set, only its lines are mirrored.'
  },
  {
    name: 'retry-from-missing',
    accepts: '`skip`, `full` or `fail`.',
    description:
      'When the `retry-from` artifact does not exist: `skip` (nothing to retry), `full` (mirror `mapping`) or `fail`.',
    default: 'skip'
  },
  {
    name: 'run-id',
    accepts: 'A workflow run id: whole number ≥ 1.',
    description: 'Workflow run that holds the `retry-from` artifact. Empty: this run.'
  },
  {
    name: 'repository',
    accepts: '`owner/name`.',
    description: 'Repository (`owner/name`) of `run-id`.',
    default: '${{ github.repository }}'
  },
  {
    name: 'github-token',
    accepts: 'A token (masked); needs `actions: read` to download from another run.',
    description: 'Token with `actions:read` to download `retry-from` from another run.',
    default: '${{ github.token }}'
  }
]

// Flags of `oc image mirror` the action sets itself, and the input to use instead.
const OWNED_FLAGS: readonly { readonly flags: readonly string[]; readonly input: string }[] = [
  { flags: ['-f', '--filename'], input: 'mapping' },
  { flags: ['--force'], input: 'force-on-retry' },
  { flags: ['--continue-on-error'], input: 'continue-on-error' },
  { flags: ['--max-per-registry'], input: 'max-per-registry' },
  { flags: ['--dry-run'], input: 'dry-run (or mode: dry-run)' },
  { flags: ['-a', '--registry-config'], input: 'registry-config or registry-auth' },
  { flags: ['--dir'], input: 'dir' },
  { flags: ['--from-dir'], input: 'from-dir' }
]

const MAX_SHOWN_VALUE = 80

function show(value: string): string {
  const flat = JSON.stringify(value)
  return flat.length > MAX_SHOWN_VALUE ? flat.slice(0, MAX_SHOWN_VALUE - 4) + '…"' : flat
}

function ownedFlag(arg: string): { flag: string; input: string } | undefined {
  for (const owned of OWNED_FLAGS) {
    for (const flag of owned.flags) {
      const isShort = !flag.startsWith('--')
      // pflag accepts `--flag=v`, `-f=v` and `-fv` (shorthand with the value attached).
      if (arg === flag || arg.startsWith(flag + '=') || (isShort && arg.startsWith(flag))) {
        return { flag, input: owned.input }
      }
    }
  }
  return undefined
}

const DURATION_UNITS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 }

/** The longest delay Node's setTimeout honours (2^31-1 ms); longer ones fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1
export const MAX_TIMER_SECONDS = Math.floor(MAX_TIMER_MS / 1000)

/** Go-style duration (`90s`, `1h30m`, `500ms`) or plain seconds; undefined when malformed. */
export function parseDurationSeconds(text: string): number | undefined {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text)
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) return undefined
  let total = 0
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(m[1]) * (DURATION_UNITS[m[2] ?? 's'] ?? 1)
  }
  return total
}

function artifactNameProblem(name: string): string | undefined {
  const bad = [...new Set(name.match(/["\\/:<>|*?\r\n]/g) ?? [])]
  if (bad.length === 0) return undefined
  return `must not contain ${bad.map((c) => JSON.stringify(c)).join(', ')} (forbidden: " : < > | * ? \\ / CR LF)`
}

/**
 * mode: aggregate needs the mapping (it names every line, also those of a shard that sent no
 * report) and the shard count `N` (the shards' reports cannot tell it when none arrived).
 */
function aggregateProblem(
  shardText: string | undefined,
  mappingFiles: number,
  retryFrom: string | undefined
): { count: number } | string {
  if (retryFrom !== undefined) {
    return 'Input retry-from: not with mode: aggregate, which merges the shard reports of this run; retry its retry mapping in a later job.'
  }
  if (mappingFiles === 0) {
    return 'Input mapping: mode: aggregate needs the mapping files the shards were cut from (the same `mapping` as the shard jobs).'
  }
  if (shardText === undefined) {
    return 'Input shard: mode: aggregate needs the number of shards the matrix ran, e.g. `shard: 8`.'
  }
  const m = /^\s*(\d{1,4})\s*$/.exec(shardText)
  if (!m) {
    return /\//.test(shardText)
      ? `Input shard: ${show(shardText)} is one shard; mode: aggregate takes the shard count N alone (e.g. \`shard: 8\`).`
      : `Input shard: ${show(shardText)} is not a shard count; mode: aggregate takes N alone (e.g. \`shard: 8\`).`
  }
  const count = Number(m[1])
  if (count < 1 || count > MAX_SHARDS) {
    return `Input shard: ${show(shardText)}: the shard count must be from 1 to ${MAX_SHARDS}.`
  }
  return { count }
}

const BOOLEAN_TRUE = ['true', 'True', 'TRUE']
const BOOLEAN_FALSE = ['false', 'False', 'FALSE']

/**
 * Reads and validates every input. `get(name)` returns the raw input ('' when unset), like
 * `core.getInput(name)` without `required`. All problems are reported together.
 */
export function readInputs(get: (name: string) => string): ReadInputsResult {
  const errors: string[] = []
  const specs = new Map(INPUT_SPECS.map((s) => [s.name, s]))

  const raw = (name: string): string => {
    const value = get(name).trim()
    if (value !== '') return value
    const fallback = specs.get(name)?.default
    return fallback === undefined || fallback.startsWith('${{') ? '' : fallback
  }
  const optional = (name: string): string | undefined => raw(name) || undefined

  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = raw(name)
    if ((allowed as readonly string[]).includes(value)) return value as T
    errors.push(`Input ${name}: ${show(value)} is not one of ${allowed.join(', ')}.`)
    return allowed[0]
  }

  const bool = (name: string): boolean => {
    const value = raw(name)
    if (BOOLEAN_TRUE.includes(value)) return true
    if (BOOLEAN_FALSE.includes(value)) return false
    errors.push(
      `Input ${name}: ${show(value)} is not a boolean; use true or false (also True/TRUE/False/FALSE).`
    )
    return false
  }

  const int = (name: string, min: number, max: number | undefined): number | undefined => {
    const value = raw(name)
    if (value === '') return undefined
    const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`
    if (!/^\d+$/.test(value) || Number(value) < min || (max !== undefined && Number(value) > max)) {
      errors.push(`Input ${name}: ${show(value)} is not a whole number ${range}.`)
      return undefined
    }
    return Number(value)
  }

  const duration = (name: string): number | undefined => {
    const value = raw(name)
    if (value === '') return undefined
    const seconds = parseDurationSeconds(value)
    if (seconds === undefined) {
      errors.push(
        `Input ${name}: ${show(value)} is not a duration; use seconds (30) or a duration like 90s, 30m, 2h, 1h30m.`
      )
    } else if (seconds * 1000 > MAX_TIMER_MS) {
      // Node's timers hold 2^31-1 ms; a longer one would fire after 1 ms.
      errors.push(
        `Input ${name}: ${show(value)} is longer than the longest wait a timer can hold (${MAX_TIMER_SECONDS}s, about 596h or 24.8 days); use at most 596h.`
      )
      return undefined
    }
    return seconds
  }

  const lines = (name: string): string[] =>
    raw(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')

  // --- what and how to mirror
  const retryFrom = optional('retry-from')
  const mapping = lines('mapping')
  const mode = oneOf<Mode>('mode', ['mirror', 'validate', 'dry-run', 'aggregate'])
  // mode: aggregate says itself what it needs (aggregateProblem).
  if (mapping.length === 0 && retryFrom === undefined && mode !== 'aggregate') {
    errors.push('Input mapping: required (one mapping file per line) unless retry-from is set.')
  }
  const engine = oneOf<EngineName>('engine', ['oc', 'skopeo'])
  const oc = raw('oc')

  const registryConfig = optional('registry-config')
  const registryAuth = optional('registry-auth')
  if (registryAuth !== undefined) {
    // Never echo the value or the parser's message: both would print the secret.
    let parsed: unknown
    try {
      parsed = JSON.parse(registryAuth)
    } catch {
      errors.push(
        'Input registry-auth: not valid JSON (value not shown, it is a secret); expected docker config JSON like {"auths":{"registry.example.com":{"auth":"…"}}}.'
      )
    }
    if (parsed !== undefined) {
      const auths: unknown =
        typeof parsed === 'object' && parsed !== null
          ? (parsed as Record<string, unknown>)['auths']
          : undefined
      if (typeof auths !== 'object' || auths === null || Array.isArray(auths)) {
        errors.push(
          'Input registry-auth: JSON has no "auths" object (value not shown, it is a secret); expected {"auths":{"registry.example.com":{"auth":"…"}}}.'
        )
      }
    }
    if (registryConfig !== undefined) {
      errors.push(
        'Inputs registry-config and registry-auth are both set; set only one (oc takes a single -a file).'
      )
    }
  }

  const filterByOs = optional('filter-by-os')
  if (filterByOs !== undefined) {
    const problem = osFilterProblem(filterByOs)
    if (problem !== undefined) {
      errors.push(
        `Input filter-by-os: ${show(filterByOs)} is not a valid regular expression: ${problem}.`
      )
    }
  }

  const extraArgs = lines('extra-args')
  for (const arg of extraArgs) {
    const owned = ownedFlag(arg)
    if (owned !== undefined) {
      errors.push(
        `Input extra-args: ${show(arg)} sets ${owned.flag}, which the action controls; use the input ${owned.input} instead.`
      )
    }
  }

  // --- retries
  const retryOnRaw = raw('retry-on')
  let retryOn: FailureClass[] = defaultRetryOn()
  if (retryOnRaw !== '') {
    const names = retryOnRaw
      .split(/[,\n]/)
      .map((n) => n.trim())
      .filter((n) => n !== '')
    const unknown = names.filter((n) => !(FAILURE_CLASSES as string[]).includes(n))
    if (unknown.length > 0) {
      errors.push(
        `Input retry-on: unknown class ${unknown.map(show).join(', ')}; classes are ${FAILURE_CLASSES.join(', ')}.`
      )
    }
    retryOn = [...new Set(names.filter((n): n is FailureClass => !unknown.includes(n)))]
  }

  const retryDelay = duration('retry-delay')
  const maxRetryDelay = duration('max-retry-delay')
  const retryDelaySeconds = retryDelay ?? 30
  // The default cap never undercuts a longer first wait the user asked for.
  const maxRetryDelaySeconds = maxRetryDelay ?? Math.max(600, retryDelaySeconds)
  // Compared only when both parsed: a bad value is already reported on its own.
  if (retryDelay !== undefined && maxRetryDelay !== undefined && maxRetryDelay < retryDelay) {
    errors.push(
      `Input max-retry-delay: ${show(raw('max-retry-delay'))} is shorter than retry-delay ${show(raw('retry-delay'))}; it must be at least retry-delay.`
    )
  }
  const attemptTimeoutSeconds = duration('attempt-timeout')
  if (attemptTimeoutSeconds === 0) {
    errors.push(
      `Input attempt-timeout: ${show(raw('attempt-timeout'))} must be more than zero; leave it empty for no limit.`
    )
  }

  // --- artifacts
  const artifactName = raw('artifact-name')
  const retryArtifactName = raw('retry-artifact-name')
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

  const shardText = optional('shard')
  let shard: ShardSpec | undefined
  let shardCount: number | undefined
  if (mode === 'aggregate') {
    const problem = aggregateProblem(shardText, mapping.length, retryFrom)
    if (typeof problem === 'string') errors.push(problem)
    else shardCount = problem.count
  } else if (shardText !== undefined) {
    const parsed = parseShardSpec(shardText)
    if (!('error' in parsed)) shard = parsed.spec
    else if (/^\s*\d+\s*$/.test(shardText)) {
      errors.push(
        `Input shard: ${show(shardText)} is a shard count; a shard job takes I/N (e.g. \`\${{ matrix.shard }}/${shardText.trim()}\`), only mode: aggregate takes N alone.`
      )
    } else errors.push(`Input shard: ${parsed.error}.`)
  }

  const repository = optional('repository')
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
    dir: optional('dir'),
    fromDir: optional('from-dir'),
    filterByOs,
    keepManifestList: bool('keep-manifest-list'),
    insecure: bool('insecure'),
    skipMultipleScopes: bool('skip-multiple-scopes'),
    skipMissing: bool('skip-missing'),
    maxPerRegistry: int('max-per-registry', 1, 100) ?? 6,
    maxRegistry: int('max-registry', 1, 100) ?? 4,
    skopeoShareBlobs: bool('skopeo-share-blobs'),
    continueOnError: bool('continue-on-error'),
    dryRun: bool('dry-run') || mode === 'dry-run',
    extraArgs,
    workingDirectory: optional('working-directory'),
    maxAttempts: int('max-attempts', 1, 20) ?? 3,
    retryOn,
    retryDelaySeconds,
    maxRetryDelaySeconds,
    retryMaxPerRegistry: int('retry-max-per-registry', 1, undefined) ?? 1,
    attemptTimeoutSeconds,
    forceOnRetry: oneOf<ForceOnRetry>('force-on-retry', ['auto', 'true', 'false']),
    verify: oneOf<VerifyMode>('verify', ['auto', 'off', 'digest']),
    allowUnverified: bool('allow-unverified'),
    onFailure: oneOf<OnFailure>('on-failure', ['fail', 'warn', 'ignore']),
    upload: bool('upload'),
    summary: bool('summary'),
    artifactName,
    retryArtifactName,
    retentionDays: int('retention-days', 1, 90),
    retryFrom,
    retryFromMissing: oneOf<RetryFromMissing>('retry-from-missing', ['skip', 'full', 'fail']),
    runId: int('run-id', 1, undefined),
    repository,
    githubToken: optional('github-token'),
    shard,
    shardCount
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, inputs }
}
