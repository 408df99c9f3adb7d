// Builds the argv for `oc image mirror` (never a shell string). Flags use the `--flag=value`
// form so a value can never be read as another flag.

export interface OcOptions {
  /** Path of the auth file (`-a`); the action writes secret content to a 0600 temp file first. */
  readonly registryConfig?: string
  readonly dir?: string
  readonly fromDir?: string
  readonly filterByOs?: string
  readonly keepManifestList?: boolean
  readonly insecure?: boolean
  readonly skipMultipleScopes?: boolean
  readonly skipMissing?: boolean
  readonly maxPerRegistry?: number
  readonly maxRegistry?: number
  readonly continueOnError?: boolean
  readonly dryRun?: boolean
  /** One argument per element, passed verbatim. */
  readonly extraArgs?: readonly string[]
}

export interface OcAttemptArgs {
  readonly mappingFile: string
  readonly force: boolean
  /** Overrides `OcOptions.maxPerRegistry` for this attempt (lowered after a rate limit). */
  readonly maxPerRegistry?: number
}

/**
 * oc reads `-f` as a list: pflag splits the value as one CSV record, so a path with a comma (a
 * mapping file `e,one.txt`, a RUNNER_TEMP with a comma) would become two files. A CSV-quoted
 * value is read back as exactly the path; other paths are passed as they are.
 */
export function ocListValue(path: string): string {
  return /[,"\r\n]/.test(path) ? `"${path.replace(/"/g, '""')}"` : path
}

export function buildOcArgs(opts: OcOptions, attempt: OcAttemptArgs): string[] {
  const args = ['image', 'mirror', '-f', ocListValue(attempt.mappingFile)]
  if (opts.registryConfig) args.push(`--registry-config=${opts.registryConfig}`)
  if (opts.dir) args.push(`--dir=${opts.dir}`)
  if (opts.fromDir) args.push(`--from-dir=${opts.fromDir}`)
  if (opts.filterByOs !== undefined && opts.filterByOs !== '') {
    args.push(`--filter-by-os=${opts.filterByOs}`)
  }
  if (opts.keepManifestList) args.push('--keep-manifest-list=true')
  if (opts.insecure) args.push('--insecure=true')
  if (opts.skipMultipleScopes) args.push('--skip-multiple-scopes=true')
  if (opts.skipMissing) args.push('--skip-missing=true')
  if (opts.maxRegistry !== undefined) args.push(`--max-registry=${opts.maxRegistry}`)
  if (opts.continueOnError) args.push('--continue-on-error=true')
  if (opts.dryRun) args.push('--dry-run=true')
  args.push(...(opts.extraArgs ?? []))
  // Attempt-specific flags come last: pflag keeps the last value, so the retry policy wins
  // over a conflicting extra-args entry.
  const perRegistry = attempt.maxPerRegistry ?? opts.maxPerRegistry
  if (perRegistry !== undefined) args.push(`--max-per-registry=${perRegistry}`)
  if (attempt.force) args.push('--force')
  return args
}
