import type { MappingEntry } from '../core/types.js'
export interface AttemptRequest {
  attempt: number
  mappingFile: string
  entries: readonly MappingEntry[]
  force: boolean
  maxPerRegistry?: number
  timeoutMs?: number
  signal?: AbortSignal
}
export type OutputSink = (stream: 'stdout' | 'stderr', line: string) => void
export interface AttemptResult {
  exitCode: number | null
  signal?: string
  timedOut: boolean
  aborted: boolean
  command: string[]
  startedAt: string
  endedAt: string
}
export interface Engine {
  readonly name: 'oc' | 'skopeo'
  /** The tool's version text; a stop (`signal`) ends the probe at once and rejects. */
  version(signal?: AbortSignal): Promise<string>
  runAttempt(req: AttemptRequest, sink: OutputSink): Promise<AttemptResult>
  /** The command an attempt will run, for the log header (optional: display only). */
  command?(req: AttemptRequest): string[]
}
