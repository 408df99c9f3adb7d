// The oc engine: one `oc image mirror` process per attempt, no shell, whole process group
// stopped on timeout or cancel.
import type { AttemptRequest, AttemptResult, Engine, OutputSink } from './engine.js'
import { buildOcArgs, type OcOptions } from './oc-args.js'
import { childEnv, runInGroup } from './spawn-group.js'

export interface OcEngineOptions {
  /** Path or name of the oc binary. */
  readonly binary: string
  readonly cwd: string
  readonly options: OcOptions
  readonly env?: NodeJS.ProcessEnv
  readonly killGraceMs?: number
}

export class OcEngine implements Engine {
  readonly name = 'oc' as const

  constructor(private readonly opts: OcEngineOptions) {}

  /**
   * `oc version --client`, trimmed; the first line is `Client Version: …`. A stop (`signal`)
   * kills its process group at once (SIGKILL after 1 s) and rejects: a hung oc (a stale NFS
   * mount, a wrapper script waiting on something) must not hold a cancelled run.
   */
  async version(signal?: AbortSignal): Promise<string> {
    const lines: string[] = []
    const res = await runInGroup(
      this.opts.binary,
      ['version', '--client'],
      (_s, l) => {
        if (lines.length < 20) lines.push(l)
      },
      {
        cwd: this.opts.cwd,
        env: this.env(),
        timeoutMs: 60_000,
        killGraceMs: 1000,
        ...(signal !== undefined ? { signal } : {})
      }
    )
    const text = lines.join('\n').trim()
    if (res.aborted) {
      throw new Error(`${this.opts.binary} version --client was stopped: the run was cancelled`)
    }
    if (res.timedOut) {
      throw new Error(`${this.opts.binary} version --client did not answer within 60 s`)
    }
    if (res.exitCode !== 0) {
      throw new Error(
        `${this.opts.binary} version --client failed (exit ${res.exitCode ?? res.signal}): ${text}`
      )
    }
    return text
  }

  command(req: AttemptRequest): string[] {
    return [this.opts.binary, ...this.args(req)]
  }

  async runAttempt(req: AttemptRequest, sink: OutputSink): Promise<AttemptResult> {
    const args = this.args(req)
    const startedAt = new Date().toISOString()
    const res = await runInGroup(this.opts.binary, args, sink, {
      cwd: this.opts.cwd,
      env: this.env(),
      timeoutMs: req.timeoutMs,
      signal: req.signal,
      killGraceMs: this.opts.killGraceMs
    })
    return {
      exitCode: res.exitCode,
      signal: res.signal,
      timedOut: res.timedOut,
      aborted: res.aborted,
      command: [this.opts.binary, ...args],
      startedAt,
      endedAt: new Date().toISOString()
    }
  }

  private args(req: AttemptRequest): string[] {
    return buildOcArgs(this.opts.options, {
      mappingFile: req.mappingFile,
      force: req.force,
      ...(req.maxPerRegistry !== undefined ? { maxPerRegistry: req.maxPerRegistry } : {})
    })
  }

  private env(): NodeJS.ProcessEnv {
    return childEnv(this.opts.env ?? process.env)
  }
}
