// A stand-in engine for the attempt loop's tests: each attempt prints what the test's script
// says, in oc's line shapes (success lines on stdout, `error: …` on stderr), and ends as told
// (exit code, timed out, cancelled, or a start failure).
import type { AttemptRequest, AttemptResult, Engine, OutputSink } from '../../src/engines/engine.js'
import type { MappingEntry } from '../../src/core/types.js'

export const digest = (c: string): string => `sha256:${c.repeat(64)}`

/** What one attempt does: lines to print, and how it ends. */
export interface ScriptedAttempt {
  readonly lines: readonly (readonly ['stdout' | 'stderr', string])[]
  readonly end?: Partial<AttemptResult>
  /** Thrown instead of running (the engine could not be started). */
  readonly startFailure?: string
}

/** oc's success line for an entry's destination tag. */
export const successLine = (e: MappingEntry, d = digest('a')): ['stdout', string] => [
  'stdout',
  `${d} ${e.destination.printed}:${e.destinationTag ?? ''}`
]

/** oc's blob 429 line for an entry (rate-limit, retryable). */
export const rateLimitLine = (e: MappingEntry): ['stderr', string] => [
  'stderr',
  `error: unable to open source layer ${digest('b')} to copy to ${e.destination.printed}: toomanyrequests: too many requests`
]

export class FakeEngine implements Engine {
  readonly requests: AttemptRequest[] = []

  constructor(
    private readonly script: (req: AttemptRequest) => ScriptedAttempt,
    readonly name: 'oc' | 'skopeo' = 'oc'
  ) {}

  version(): Promise<string> {
    return Promise.resolve('Client Version: 4.14.0')
  }

  runAttempt(req: AttemptRequest, sink: OutputSink): Promise<AttemptResult> {
    this.requests.push(req)
    const step = this.script(req)
    if (step.startFailure !== undefined) return Promise.reject(new Error(step.startFailure))
    for (const [stream, line] of step.lines) sink(stream, line)
    const now = new Date().toISOString()
    return Promise.resolve({
      exitCode: 0,
      timedOut: false,
      aborted: false,
      command: [this.name, 'image', 'mirror', '-f', req.mappingFile],
      startedAt: now,
      endedAt: now,
      ...step.end
    })
  }
}
