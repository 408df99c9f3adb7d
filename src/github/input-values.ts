// Raw input text → values. Each parser reports a problem in the action's wording (`Input <name>:
// <value> is not …`); InputReader applies them to one getter and collects every problem, so
// readInputs (inputs.ts) lists them all at once. Pure: no @actions/* here.
import { CLASS_INFO } from '../core/classify.js'
import { osFilterProblem } from '../core/os-filter.js'
import { MAX_SHARDS, parseShardSpec, type ShardSpec } from '../core/shard-plan.js'
import type { FailureClass } from '../core/types.js'
import type { InputSpec } from './input-specs.js'

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

export function show(value: string): string {
  const flat = JSON.stringify(value)
  return flat.length > MAX_SHOWN_VALUE ? flat.slice(0, MAX_SHOWN_VALUE - 4) + '…"' : flat
}

export function ownedFlag(arg: string): { flag: string; input: string } | undefined {
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

export function artifactNameProblem(name: string): string | undefined {
  const bad = [...new Set(name.match(/["\\/:<>|*?\r\n]/g) ?? [])]
  if (bad.length === 0) return undefined
  return `must not contain ${bad.map((c) => JSON.stringify(c)).join(', ')} (forbidden: " : < > | * ? \\ / CR LF)`
}

const BOOLEAN_TRUE = ['true', 'True', 'TRUE']
const BOOLEAN_FALSE = ['false', 'False', 'FALSE']

/**
 * Reads inputs through `get(name)` (the raw value, '' when unset, like `core.getInput(name)`
 * without `required`); an empty value falls back to the table's default, except `${{ … }}`
 * defaults the runner resolves. Every problem lands in `errors`, in the order of the reads.
 */
export class InputReader {
  readonly errors: string[] = []
  readonly #defaults: ReadonlyMap<string, string | undefined>

  constructor(
    private readonly get: (name: string) => string,
    specs: readonly InputSpec[]
  ) {
    this.#defaults = new Map(specs.map((s) => [s.name, s.default]))
  }

  /** The trimmed value, or the table's default. */
  raw(name: string): string {
    const value = this.get(name).trim()
    if (value !== '') return value
    const fallback = this.#defaults.get(name)
    return fallback === undefined || fallback.startsWith('${{') ? '' : fallback
  }

  optional(name: string): string | undefined {
    return this.raw(name) || undefined
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.raw(name)
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.errors.push(`Input ${name}: ${show(value)} is not one of ${allowed.join(', ')}.`)
    return allowed[0]
  }

  bool(name: string): boolean {
    const value = this.raw(name)
    if (BOOLEAN_TRUE.includes(value)) return true
    if (BOOLEAN_FALSE.includes(value)) return false
    this.errors.push(
      `Input ${name}: ${show(value)} is not a boolean; use true or false (also True/TRUE/False/FALSE).`
    )
    return false
  }

  /** A whole number in [min, max] (`max` undefined: no upper bound); undefined when empty or bad. */
  int(name: string, min: number, max: number | undefined): number | undefined {
    const value = this.raw(name)
    if (value === '') return undefined
    const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`
    if (!/^\d+$/.test(value) || Number(value) < min || (max !== undefined && Number(value) > max)) {
      this.errors.push(`Input ${name}: ${show(value)} is not a whole number ${range}.`)
      return undefined
    }
    return Number(value)
  }

  /** Seconds, from plain seconds or a Go-style duration; undefined when empty, bad or too long. */
  duration(name: string): number | undefined {
    const value = this.raw(name)
    if (value === '') return undefined
    const seconds = parseDurationSeconds(value)
    if (seconds === undefined && /^-\d/.test(value)) {
      this.errors.push(
        `Input ${name}: ${show(value)} is negative; use a positive duration like 45s, 90m, 5h40m.`
      )
      return undefined
    }
    if (seconds === undefined) {
      this.errors.push(
        `Input ${name}: ${show(value)} is not a duration; use seconds (30) or a duration like 90s, 30m, 2h, 1h30m.`
      )
    } else if (seconds * 1000 > MAX_TIMER_MS) {
      // Node's timers hold 2^31-1 ms; a longer one would fire after 1 ms.
      this.errors.push(
        `Input ${name}: ${show(value)} is longer than the longest wait a timer can hold (${MAX_TIMER_SECONDS}s, about 596h or 24.8 days); use at most 596h.`
      )
      return undefined
    }
    return seconds
  }

  /** `I/N` (core/shard-plan.ts); undefined when empty or bad. */
  shard(name: string): ShardSpec | undefined {
    const text = this.optional(name)
    if (text === undefined) return undefined
    const parsed = parseShardSpec(text)
    if (!('error' in parsed)) return parsed.spec
    if (/^\s*\d+\s*$/.test(text)) {
      this.errors.push(
        `Input ${name}: ${show(text)} is a shard count; a shard job takes I/N (e.g. \`\${{ matrix.shard }}/${text.trim()}\`), only mode: aggregate takes N alone.`
      )
    } else this.errors.push(`Input ${name}: ${parsed.error}.`)
    return undefined
  }

  /** One value per non-empty line, trimmed. */
  lines(name: string): string[] {
    return this.raw(name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
  }
}

/** The problem of a `registry-auth` value; never the value or the parser's message (a secret). */
export function registryAuthProblem(json: string): string | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return 'Input registry-auth: not valid JSON (value not shown, it is a secret); expected docker config JSON like {"auths":{"registry.example.com":{"auth":"…"}}}.'
  }
  const auths: unknown =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)['auths']
      : undefined
  if (typeof auths !== 'object' || auths === null || Array.isArray(auths)) {
    return 'Input registry-auth: JSON has no "auths" object (value not shown, it is a secret); expected {"auths":{"registry.example.com":{"auth":"…"}}}.'
  }
  return undefined
}

/** Go's compile error of a `filter-by-os` pattern, as an input problem. */
export function filterByOsProblem(pattern: string): string | undefined {
  const problem = osFilterProblem(pattern)
  return problem === undefined
    ? undefined
    : `Input filter-by-os: ${show(pattern)} is not a valid regular expression: ${problem}.`
}

/** One problem per `extra-args` argument that sets a flag the action controls. */
export function extraArgsProblems(args: readonly string[]): string[] {
  const problems: string[] = []
  for (const arg of args) {
    const owned = ownedFlag(arg)
    if (owned !== undefined) {
      problems.push(
        `Input extra-args: ${show(arg)} sets ${owned.flag}, which the action controls; use the input ${owned.input} instead.`
      )
    }
  }
  return problems
}

/** `retry-on`: class names, comma or newline separated; unknown names are left out and named. */
export function parseRetryOn(text: string): { classes: FailureClass[]; error?: string } {
  const names = text
    .split(/[,\n]/)
    .map((n) => n.trim())
    .filter((n) => n !== '')
  const unknown = names.filter((n) => !(FAILURE_CLASSES as string[]).includes(n))
  const classes = [...new Set(names.filter((n): n is FailureClass => !unknown.includes(n)))]
  return unknown.length > 0
    ? {
        classes,
        error: `Input retry-on: unknown class ${unknown.map(show).join(', ')}; classes are ${FAILURE_CLASSES.join(', ')}.`
      }
    : { classes }
}

/**
 * mode: aggregate's `shard`: the count N alone. The aggregate also needs the mapping (it names
 * every line, also those of a shard that sent no report) and N (the shards' reports cannot tell
 * it when none arrived); it merges this run's shards, so `retry-from` makes no sense.
 */
export function aggregateShardCount(
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
