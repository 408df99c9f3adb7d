// The action's inputs as one table: name, description and default (action.yml is checked against
// it), and `accepts`, what a value may be and what is checked before anything runs (the README's
// inputs table). A new input is an entry here, with its `accepts`, plus its line in readInputs
// (inputs.ts).
import { CLASS_INFO } from '../core/classify.js'
import { FAILURE_CLASSES } from './input-values.js'

export interface InputSpec {
  readonly name: string
  readonly description: string
  /** Written to action.yml. `${{ … }}` defaults are resolved by the runner, not by readInputs. */
  readonly default?: string
  readonly required?: boolean
  /** What the value may be and what is checked before anything runs (README's inputs table). */
  readonly accepts?: string
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
    name: 'time-budget',
    accepts:
      'A duration (`5h40m`, `90m`, `45s`) or seconds, > 0 and at most 596h; `-5m`, `0` and words are errors. Empty: no budget.',
    description:
      'The step (attempts, waits, verification, report and artifacts) ends within this time, counted from its start. The engine is stopped early enough to keep 5 % of the budget (5 s to 2 min) for the report, summary and artifacts; no attempt or chunk starts without the time to make progress; lines not confirmed go to the retry mapping and the outcome is `out-of-time`. Empty: no budget.'
  },
  {
    name: 'progress-interval',
    accepts: 'A duration or seconds, at least 1s and at most 596h, or `0` for none.',
    description:
      'During an attempt, a progress line every interval: lines done of the total, bytes copied and the rate from oc’s own lines, errors so far by class, an ETA. `0`: none.',
    default: '60s'
  },
  {
    name: 'chunk-size',
    accepts: 'Whole number 1–1000000. Empty: one engine invocation per attempt.',
    description:
      'Run each attempt as consecutive engine invocations of at most this many mapping entries, never splitting a destination repository or a line, so that no single oc process holds a huge plan. Progress and `time-budget` act per chunk. Empty: one invocation.'
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
