import { describe, expect, it } from 'vitest'
import { INPUT_SPECS } from '../../src/github/input-specs.js'
import {
  defaultRetryOn,
  FAILURE_CLASSES,
  parseDurationSeconds
} from '../../src/github/input-values.js'
import { readInputs, type Inputs } from '../../src/github/inputs.js'

function read(values: Record<string, string>): ReturnType<typeof readInputs> {
  return readInputs((name) => values[name] ?? '')
}

function ok(values: Record<string, string>): Inputs {
  const result = read({ mapping: 'mapping.txt', ...values })
  if (!result.ok) throw new Error(`unexpected errors: ${result.errors.join(' / ')}`)
  return result.inputs
}

function errors(values: Record<string, string>): string[] {
  const result = read({ mapping: 'mapping.txt', ...values })
  return result.ok ? [] : result.errors
}

describe('readInputs defaults', () => {
  it('gives the documented defaults for a bare mapping', () => {
    const i = ok({})
    expect(i).toMatchObject({
      mapping: ['mapping.txt'],
      mode: 'mirror',
      engine: 'oc',
      oc: 'oc',
      keepManifestList: false,
      insecure: false,
      skipMultipleScopes: false,
      skipMissing: false,
      maxPerRegistry: 6,
      maxRegistry: 4,
      skopeoShareBlobs: true,
      continueOnError: true,
      dryRun: false,
      extraArgs: [],
      maxAttempts: 3,
      retryDelaySeconds: 30,
      maxRetryDelaySeconds: 600,
      retryMaxPerRegistry: 1,
      forceOnRetry: 'auto',
      verify: 'auto',
      onFailure: 'fail',
      upload: true,
      artifactName: 'oc-mirror-log',
      retryArtifactName: 'oc-mirror-retry-mapping',
      retryFromMissing: 'skip',
      progressIntervalSeconds: 60
    })
    expect(i.retryOn).toEqual(defaultRetryOn())
    for (const key of [
      'registryConfig',
      'registryAuth',
      'dir',
      'fromDir',
      'filterByOs',
      'workingDirectory',
      'attemptTimeoutSeconds',
      'retentionDays',
      'retryFrom',
      'runId',
      'repository',
      'githubToken',
      'timeBudgetSeconds',
      'chunkSize'
    ] as const) {
      expect(i[key], key).toBeUndefined()
    }
  })

  it('every spec has a description; defaults in the spec are what readInputs uses', () => {
    const names = INPUT_SPECS.map((s) => s.name)
    expect(new Set(names).size).toBe(names.length)
    for (const s of INPUT_SPECS) expect(s.description.length, s.name).toBeGreaterThan(10)
    const spec = (n: string): string | undefined => INPUT_SPECS.find((s) => s.name === n)?.default
    expect(spec('max-per-registry')).toBe('6')
    expect(spec('artifact-name')).toBe('oc-mirror-log')
    // Expression defaults are the runner's job; an empty value stays unset.
    expect(spec('github-token')).toBe('${{ github.token }}')
  })

  it('reads every input when set to a good value', () => {
    const i = ok({
      mapping: ' a.txt \n\n b.txt \r\n',
      mode: 'validate',
      engine: 'skopeo',
      oc: '/usr/local/bin/oc',
      'registry-auth': '{"auths":{"quay.io":{"auth":"eDp5"}}}',
      dir: 'out',
      'from-dir': 'in',
      'filter-by-os': '(?i)linux/(amd64|arm64)',
      'keep-manifest-list': 'True',
      insecure: 'TRUE',
      'skip-multiple-scopes': 'true',
      'skip-missing': 'true',
      'max-per-registry': '100',
      'max-registry': '1',
      'skopeo-share-blobs': 'false',
      'continue-on-error': 'FALSE',
      'dry-run': 'true',
      'extra-args': '--skip-verification\n--filter-by-os=.*\n',
      'working-directory': 'sub',
      'max-attempts': '20',
      'retry-on': 'rate-limit, server\nnetwork',
      'retry-delay': '5s',
      'max-retry-delay': '2m',
      'retry-max-per-registry': '2',
      'attempt-timeout': '1h30m',
      'force-on-retry': 'true',
      verify: 'digest',
      'on-failure': 'warn',
      upload: 'false',
      'artifact-name': 'log',
      'retry-artifact-name': 'retry',
      'retention-days': '90',
      'retry-from': 'retry',
      'retry-from-missing': 'full',
      'run-id': '123456789',
      repository: 'octo/repo.js',
      'github-token': 'ghs_x',
      shard: ' 2/8 ',
      'time-budget': '5h40m',
      'progress-interval': '15s',
      'chunk-size': '500'
    })
    expect(i).toMatchObject({
      mapping: ['a.txt', 'b.txt'],
      mode: 'validate',
      engine: 'skopeo',
      oc: '/usr/local/bin/oc',
      dir: 'out',
      fromDir: 'in',
      filterByOs: '(?i)linux/(amd64|arm64)',
      keepManifestList: true,
      insecure: true,
      skipMultipleScopes: true,
      skipMissing: true,
      maxPerRegistry: 100,
      maxRegistry: 1,
      skopeoShareBlobs: false,
      continueOnError: false,
      dryRun: true,
      extraArgs: ['--skip-verification', '--filter-by-os=.*'],
      workingDirectory: 'sub',
      maxAttempts: 20,
      retryOn: ['rate-limit', 'server', 'network'],
      retryDelaySeconds: 5,
      maxRetryDelaySeconds: 120,
      retryMaxPerRegistry: 2,
      attemptTimeoutSeconds: 5400,
      forceOnRetry: 'true',
      verify: 'digest',
      onFailure: 'warn',
      upload: false,
      artifactName: 'log',
      retryArtifactName: 'retry',
      retentionDays: 90,
      retryFrom: 'retry',
      retryFromMissing: 'full',
      runId: 123456789,
      repository: 'octo/repo.js',
      githubToken: 'ghs_x',
      shard: { index: 2, count: 8 },
      timeBudgetSeconds: 5 * 3600 + 40 * 60,
      progressIntervalSeconds: 15,
      chunkSize: 500
    })
    expect(i.registryAuth).toContain('auths')
  })

  it('mode dry-run implies dryRun; mapping may be empty with retry-from', () => {
    expect(ok({ mode: 'dry-run' }).dryRun).toBe(true)
    const r = read({ 'retry-from': 'oc-mirror-retry-mapping' })
    expect(r.ok).toBe(true)
  })
})

describe('readInputs rejects bad values, naming input, value and what is accepted', () => {
  const table: [string, Record<string, string>, RegExp][] = [
    ['mapping missing', { mapping: '' }, /^Input mapping: required .*retry-from/],
    ['mode', { mode: 'mirrors' }, /^Input mode: "mirrors" is not one of mirror, validate, dry-run/],
    ['engine', { engine: 'crane' }, /^Input engine: "crane" is not one of oc, skopeo/],
    [
      'keep-manifest-list',
      { 'keep-manifest-list': 'yes' },
      /^Input keep-manifest-list: "yes" is not a boolean/
    ],
    ['insecure', { insecure: '1' }, /^Input insecure: "1" is not a boolean/],
    ['skopeo-share-blobs', { 'skopeo-share-blobs': 'no' }, /^Input skopeo-share-blobs: "no"/],
    ['skip-multiple-scopes', { 'skip-multiple-scopes': 'on' }, /^Input skip-multiple-scopes: "on"/],
    ['skip-missing', { 'skip-missing': 'tRUE' }, /^Input skip-missing: "tRUE" is not a boolean/],
    ['continue-on-error', { 'continue-on-error': 'no' }, /^Input continue-on-error: "no"/],
    ['dry-run', { 'dry-run': 'y' }, /^Input dry-run: "y" is not a boolean/],
    ['upload', { upload: 'off' }, /^Input upload: "off" is not a boolean/],
    [
      'max-per-registry 0',
      { 'max-per-registry': '0' },
      /^Input max-per-registry: "0" is not a whole number from 1 to 100/
    ],
    ['max-per-registry 101', { 'max-per-registry': '101' }, /^Input max-per-registry: "101"/],
    [
      'max-registry',
      { 'max-registry': '2.5' },
      /^Input max-registry: "2.5" is not a whole number from 1 to 100/
    ],
    [
      'max-attempts',
      { 'max-attempts': '21' },
      /^Input max-attempts: "21" is not a whole number from 1 to 20/
    ],
    [
      'retry-max-per-registry',
      { 'retry-max-per-registry': '0' },
      /^Input retry-max-per-registry: "0" is not a whole number at least 1/
    ],
    [
      'retention-days',
      { 'retention-days': '91' },
      /^Input retention-days: "91" is not a whole number from 1 to 90/
    ],
    ['run-id', { 'run-id': 'abc' }, /^Input run-id: "abc" is not a whole number/],
    [
      'retry-delay',
      { 'retry-delay': '-1' },
      /^Input retry-delay: "-1" is negative; use a positive duration/
    ],
    ['shard 0/3', { shard: '0/3' }, /^Input shard: "0\/3": the shard index must be from 1 to 3\.$/],
    ['shard 4/3', { shard: '4/3' }, /^Input shard: "4\/3": the shard index must be from 1 to 3\.$/],
    [
      'shard a/b',
      { shard: 'a/b' },
      /^Input shard: "a\/b" is not of the form I\/N \(e\.g\. 2\/8\)\.$/
    ],
    [
      'shard 1/257',
      { shard: '1/257' },
      /^Input shard: "1\/257": the shard count must be from 1 to 256\.$/
    ],
    [
      'time-budget negative',
      { 'time-budget': '-5m' },
      /^Input time-budget: "-5m" is negative; use a positive duration like 45s, 90m, 5h40m\.$/
    ],
    [
      'time-budget zero',
      { 'time-budget': '0s' },
      /^Input time-budget: "0s" must be more than zero; leave it empty for no budget\.$/
    ],
    ['time-budget word', { 'time-budget': 'soon' }, /^Input time-budget: "soon" is not a duration/],
    [
      'time-budget beyond a timer',
      { 'time-budget': '600h' },
      /^Input time-budget: "600h" is longer than the longest wait/
    ],
    [
      'chunk-size 0',
      { 'chunk-size': '0' },
      /^Input chunk-size: "0" is not a whole number from 1 to 1000000\.$/
    ],
    ['chunk-size word', { 'chunk-size': 'big' }, /^Input chunk-size: "big" is not a whole number/],
    [
      'progress-interval word',
      { 'progress-interval': 'x' },
      /^Input progress-interval: "x" is not a duration; use seconds/
    ],
    [
      'progress-interval below 1s',
      { 'progress-interval': '500ms' },
      /^Input progress-interval: "500ms" is shorter than 1s; use at least 1s, or 0 for no progress lines\.$/
    ],
    [
      'attempt-timeout unit',
      { 'attempt-timeout': '5d' },
      /^Input attempt-timeout: "5d" is not a duration; use seconds/
    ],
    [
      'attempt-timeout beyond what a timer holds',
      { 'attempt-timeout': '600h' },
      /^Input attempt-timeout: "600h" is longer than the longest wait a timer can hold \(2147483s, about 596h or 24\.8 days\); use at most 596h\.$/
    ],
    [
      'max-retry-delay beyond what a timer holds',
      { 'max-retry-delay': '2147484' },
      /^Input max-retry-delay: "2147484" is longer than the longest wait a timer can hold/
    ],
    [
      'attempt-timeout zero',
      { 'attempt-timeout': '0s' },
      /^Input attempt-timeout: "0s" must be more than zero/
    ],
    [
      'max-retry-delay < retry-delay',
      { 'retry-delay': '60', 'max-retry-delay': '30s' },
      /^Input max-retry-delay: "30s" is shorter than retry-delay "60"/
    ],
    [
      'force-on-retry',
      { 'force-on-retry': 'always' },
      /^Input force-on-retry: "always" is not one of auto, true, false/
    ],
    ['verify', { verify: 'full' }, /^Input verify: "full" is not one of auto, off, digest/],
    [
      'on-failure',
      { 'on-failure': 'error' },
      /^Input on-failure: "error" is not one of fail, warn, ignore/
    ],
    [
      'retry-from-missing',
      { 'retry-from-missing': 'ignore' },
      /^Input retry-from-missing: "ignore" is not one of skip, full, fail/
    ],
    [
      'retry-on',
      { 'retry-on': 'rate-limit, flaky' },
      /^Input retry-on: unknown class "flaky"; classes are rate-limit, /
    ],
    [
      'filter-by-os',
      { 'filter-by-os': 'linux/(amd64' },
      /^Input filter-by-os: "linux\/\(amd64" is not a valid regular expression: error parsing regexp: missing closing \)/
    ],
    [
      'filter-by-os backreference',
      { 'filter-by-os': '(linux)/\\1' },
      /^Input filter-by-os: .*invalid escape sequence/
    ],
    [
      'filter-by-os lookahead',
      { 'filter-by-os': 'linux(?!/arm)' },
      /^Input filter-by-os: .*invalid or unsupported Perl syntax: `\(\?!`/
    ],
    [
      'artifact-name slash',
      { 'artifact-name': 'logs/oc' },
      /^Input artifact-name: "logs\/oc" must not contain "\/"/
    ],
    [
      'retry-artifact-name backslash',
      { 'retry-artifact-name': 'a\\b' },
      /^Input retry-artifact-name: .* must not contain "\\\\"/
    ],
    ['retry-from colon', { 'retry-from': 'a:b' }, /^Input retry-from: "a:b" must not contain ":"/],
    [
      'same artifact names',
      { 'artifact-name': 'x', 'retry-artifact-name': 'x' },
      /^Inputs artifact-name and retry-artifact-name are both "x"/
    ],
    [
      'repository',
      { repository: 'just-a-name' },
      /^Input repository: "just-a-name" is not of the form owner\/name/
    ],
    [
      'registry-auth and config',
      { 'registry-auth': '{"auths":{}}', 'registry-config': 'a.json' },
      /^Inputs registry-config and registry-auth are both set/
    ]
  ]
  it.each(table)('%s', (_label, values, expected) => {
    const found = errors(values)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(expected)
  })

  it('accepts filter-by-os patterns that are valid Go but not JavaScript', () => {
    for (const pattern of ['(?P<os>linux)/amd64', '(?i)LINUX/.*', '\\Qlinux/amd64\\E']) {
      expect(errors({ 'filter-by-os': pattern }), pattern).toEqual([])
    }
  })

  it('rejects every flag the action owns in extra-args and points at the input to use', () => {
    const cases: [string, string][] = [
      ['-f', 'mapping'],
      ['-fother.txt', 'mapping'],
      ['--filename=x', 'mapping'],
      ['--force', 'force-on-retry'],
      ['--continue-on-error=false', 'continue-on-error'],
      ['--max-per-registry=2', 'max-per-registry'],
      ['--dry-run', 'dry-run (or mode: dry-run)'],
      ['-a', 'registry-config or registry-auth'],
      ['--registry-config=/x', 'registry-config or registry-auth'],
      ['--dir=/d', 'dir'],
      ['--from-dir', 'from-dir']
    ]
    for (const [arg, input] of cases) {
      const found = errors({ 'extra-args': `--skip-verification\n${arg}` })
      expect(found, arg).toHaveLength(1)
      expect(found[0]).toContain(`Input extra-args: ${JSON.stringify(arg)}`)
      expect(found[0]).toContain(`use the input ${input} instead`)
    }
    // Flags that merely start like owned ones are fine.
    expect(errors({ 'extra-args': '--filter-by-os=linux/.*\n--force-something\n--dirx' })).toEqual(
      []
    )
  })

  it('never prints a secret registry-auth value, even when it is not JSON', () => {
    const secret = 'hunter2-super-secret'
    const notJson = errors({ 'registry-auth': `{"auths": ${secret}` })
    expect(notJson).toHaveLength(1)
    expect(notJson[0]).toMatch(/^Input registry-auth: not valid JSON/)
    expect(notJson[0]).not.toContain(secret)
    const noAuths = errors({ 'registry-auth': JSON.stringify({ creds: secret }) })
    expect(noAuths[0]).toMatch(/^Input registry-auth: JSON has no "auths" object/)
    expect(noAuths[0]).not.toContain(secret)
    expect(errors({ 'registry-auth': '{"auths":[]}' })[0]).toMatch(/no "auths" object/)
  })

  it('lists all problems at once', () => {
    const result = read({
      mapping: '',
      mode: 'x',
      upload: 'maybe',
      'max-attempts': '0',
      'retry-on': 'nope',
      'artifact-name': 'a/b',
      'extra-args': '--force'
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    const inputs = result.errors.map((e) => /^Inputs? ([a-z-]+)/.exec(e)?.[1])
    expect(inputs.sort()).toEqual(
      [
        'artifact-name',
        'extra-args',
        'mapping',
        'max-attempts',
        'mode',
        'retry-on',
        'upload'
      ].sort()
    )
  })

  it('a bad retry-delay is reported once, not also as longer than max-retry-delay', () => {
    expect(errors({ 'retry-delay': 'soon', 'max-retry-delay': '10' })).toEqual([
      expect.stringMatching(/^Input retry-delay: "soon" is not a duration/) as string
    ])
  })

  it('shows long values shortened', () => {
    const [e] = errors({ mode: 'x'.repeat(500) })
    expect(e).toBeDefined()
    expect(e?.length ?? 0).toBeLessThan(200)
  })
})

describe('retry-on and durations', () => {
  it('defaults to exactly the retryable classes, and every class name is accepted', () => {
    expect(defaultRetryOn().length).toBeGreaterThan(0)
    expect(ok({ 'retry-on': FAILURE_CLASSES.join(',') }).retryOn).toEqual(FAILURE_CLASSES)
    expect(ok({ 'retry-on': 'auth,auth' }).retryOn).toEqual(['auth'])
  })

  it('parses Go-style durations and plain seconds', () => {
    expect(parseDurationSeconds('90')).toBe(90)
    expect(parseDurationSeconds('90s')).toBe(90)
    expect(parseDurationSeconds('30m')).toBe(1800)
    expect(parseDurationSeconds('2h')).toBe(7200)
    expect(parseDurationSeconds('1h30m10s')).toBe(5410)
    expect(parseDurationSeconds('1.5s')).toBe(1.5)
    expect(parseDurationSeconds('500ms')).toBe(0.5)
    expect(parseDurationSeconds('')).toBeUndefined()
    expect(parseDurationSeconds('10 m')).toBeUndefined()
    expect(parseDurationSeconds('m')).toBeUndefined()
  })
})

describe('durations and timers', () => {
  it('accepts the longest duration a timer holds (596h), in milliseconds that fit 2^31-1', () => {
    const inputs = ok({ mapping: 'm.txt', 'attempt-timeout': '596h' })
    expect(inputs.attemptTimeoutSeconds).toBe(596 * 3600)
    expect(inputs.attemptTimeoutSeconds! * 1000).toBeLessThanOrEqual(2 ** 31 - 1)
  })
})
