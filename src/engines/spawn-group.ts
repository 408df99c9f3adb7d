// Runs a child in its own process group so a timeout or cancel stops oc *and* anything it
// started. @actions/exec cannot do this (it kills only the direct child, and only through its
// own API), hence node:child_process with `detached: true` and `process.kill(-pid)`.
import { spawn } from 'node:child_process'
import { LineSplitter } from './line-splitter.js'
import type { OutputSink } from './engine.js'

export interface GroupRunOptions {
  readonly cwd?: string
  readonly env?: NodeJS.ProcessEnv
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
  /** Time between SIGTERM and SIGKILL. */
  readonly killGraceMs?: number
  /** Receives stdout as raw bytes instead of lines (for output whose exact bytes matter). */
  readonly stdoutBytes?: (chunk: Buffer) => void
}

export interface GroupRunResult {
  readonly exitCode: number | null
  readonly signal?: string
  readonly timedOut: boolean
  readonly aborted: boolean
}

/** Environment for a child: without the action's inputs (they may hold secrets) or runtime tokens. */
export function childEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(env)) {
    if (k.startsWith('INPUT_') || k.startsWith('STATE_')) continue
    if (k === 'ACTIONS_RUNTIME_TOKEN' || k.startsWith('ACTIONS_ID_TOKEN_REQUEST')) continue
    out[k] = v
  }
  return out
}

export function runInGroup(
  command: string,
  args: readonly string[],
  sink: OutputSink,
  opts: GroupRunOptions = {}
): Promise<GroupRunResult> {
  return new Promise((resolve, reject) => {
    let timedOut = false
    let aborted = false
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ?? childEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: false
    })
    const out = new LineSplitter((l) => sink('stdout', l))
    const err = new LineSplitter((l) => sink('stderr', l))
    const onStdout = opts.stdoutBytes
    child.stdout.on('data', (c: Buffer) => (onStdout ? onStdout(c) : out.push(c)))
    child.stderr.on('data', (c: Buffer) => err.push(c))

    let killTimer: NodeJS.Timeout | undefined
    const killGroup = (): void => {
      if (child.pid === undefined || child.exitCode !== null) return
      signalGroup(child.pid, 'SIGTERM')
      killTimer = setTimeout(() => {
        if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL')
      }, opts.killGraceMs ?? 5000)
      killTimer.unref()
    }
    const timer =
      opts.timeoutMs !== undefined && opts.timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true
            killGroup()
          }, opts.timeoutMs)
        : undefined
    const onAbort = (): void => {
      aborted = true
      killGroup()
    }
    if (opts.signal?.aborted) onAbort()
    else opts.signal?.addEventListener('abort', onAbort, { once: true })

    const cleanup = (): void => {
      if (timer) clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
    }
    child.on('error', (e) => {
      cleanup()
      if (killTimer) clearTimeout(killTimer)
      reject(new Error(`cannot start ${command}: ${e.message}`))
    })
    // 'close' waits for both pipes to drain, so no line is lost.
    child.on('close', (code, signal) => {
      cleanup()
      out.end()
      err.end()
      // Children of oc may outlive it and keep the group; make sure nothing is left behind.
      if ((timedOut || aborted) && child.pid !== undefined) signalGroup(child.pid, 'SIGKILL')
      if (killTimer) clearTimeout(killTimer)
      resolve({ exitCode: code, signal: signal ?? undefined, timedOut, aborted })
    })
  })
}

function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig)
  } catch {
    // The group is already gone.
  }
}
