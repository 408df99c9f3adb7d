// What main leaves for the post step (through core.saveState and a progress file): paths,
// the mapping, and which entries are confirmed mirrored so far. Never a secret value.
import { readFileSync, writeFileSync } from 'node:fs'
import { saveRunState } from '../github/state.js'

export interface RunState {
  readonly version: 1
  /** True once main finished normally (post then only removes secret files). */
  readonly finished: boolean
  readonly workDir: string
  readonly cwd: string
  readonly secretFiles: readonly string[]
  readonly logPath: string
  /** Mapping files as given (relative to cwd) or absolute (retry-from downloads). */
  readonly mappingFiles: readonly string[]
  /** Entries the run set out to mirror. */
  readonly scopeIds: readonly number[]
  /** Entries confirmed mirrored so far. */
  readonly confirmedIds: readonly number[]
  readonly upload: boolean
  readonly artifactName: string
  readonly retryArtifactName: string
  readonly retentionDays?: number
  /** Artifacts main already uploaded (a name can be used once per run). */
  readonly uploaded: readonly string[]
  /** Where later progress is written (the saved state itself is written once). */
  readonly progressFile: string
}

export function writeProgress(state: RunState): void {
  writeFileSync(state.progressFile, JSON.stringify(state), { mode: 0o600 })
}

/** The newest of the saved state and the progress file. */
export function latestState(saved: RunState): RunState {
  try {
    const p = JSON.parse(readFileSync(saved.progressFile, 'utf8')) as RunState
    return p.version === 1 ? p : saved
  } catch {
    return saved
  }
}

/**
 * The run state of this main step, changed only through `update`, which saves it for the post
 * step at once (core.saveState and the progress file): like actions/checkout's state helper.
 */
export class RunStateStore {
  constructor(private current: RunState) {
    this.save()
  }

  get state(): RunState {
    return this.current
  }

  update(patch: Partial<Omit<RunState, 'version'>>): void {
    this.current = { ...this.current, ...patch }
    this.save()
  }

  private save(): void {
    saveRunState(this.current)
    writeProgress(this.current)
  }
}
