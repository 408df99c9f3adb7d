// The files an attempt leaves behind: oc's stdout and stderr each in their own file, and one
// combined log (both streams, line by line, in arrival order) with a header per attempt. The
// combined log is the log artifact and what the triage reads. Writes are synchronous appends
// so that whatever was received is on disk even if the step is killed mid-run.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { attemptHeader, chunkHeader } from '../core/attempt-header.js'
import { attemptStreamFile, WORK_FILES } from '../core/work-files.js'

export interface AttemptFiles {
  readonly stdout: string
  readonly stderr: string
}

export class AttemptLog {
  readonly combinedPath: string
  private combinedFd: number | undefined
  private streams: { stdout: number; stderr: number } | undefined
  private lines = 0
  private bytes = 0

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true })
    this.combinedPath = join(dir, WORK_FILES.log)
  }

  /** Lines written to the combined log so far. */
  get lineCount(): number {
    return this.lines
  }

  get byteCount(): number {
    return this.bytes
  }

  files(attempt: number): AttemptFiles {
    return {
      stdout: join(this.dir, attemptStreamFile(attempt, 'stdout')),
      stderr: join(this.dir, attemptStreamFile(attempt, 'stderr'))
    }
  }

  /**
   * Opens the attempt's stream files and writes the two header lines; returns them. `chunk`
   * (the second and later engine invocations of an attempt run in chunks) writes the chunk's
   * header instead of the attempt's; the stream files go on.
   */
  begin(
    attempt: number,
    command: readonly string[],
    startedAt: string,
    chunk?: { readonly index: number; readonly count: number }
  ): string[] {
    this.end()
    const f = this.files(attempt)
    this.streams = {
      stdout: openSync(f.stdout, 'a', 0o600),
      stderr: openSync(f.stderr, 'a', 0o600)
    }
    const header = [
      chunk !== undefined && chunk.index > 1
        ? chunkHeader(attempt, chunk.index, chunk.count)
        : attemptHeader(attempt),
      `==== command: ${command.map(quoteArg).join(' ')} ==== started: ${startedAt} ====`
    ]
    for (const h of header) this.appendCombined(h)
    return header
  }

  /** Appends one line of the child's output; returns its line number in the combined log. */
  line(stream: 'stdout' | 'stderr', text: string): number {
    if (this.streams) writeSync(this.streams[stream], text + '\n')
    return this.appendCombined(text)
  }

  /** Appends a line of our own (e.g. an attempt's end) to the combined log. */
  note(text: string): number {
    return this.appendCombined(text)
  }

  end(): void {
    if (!this.streams) return
    closeSync(this.streams.stdout)
    closeSync(this.streams.stderr)
    this.streams = undefined
  }

  close(): void {
    this.end()
    if (this.combinedFd !== undefined) closeSync(this.combinedFd)
    this.combinedFd = undefined
  }

  private appendCombined(text: string): number {
    this.combinedFd ??= openSync(this.combinedPath, 'a', 0o600)
    const data = text + '\n'
    writeSync(this.combinedFd, data)
    this.bytes += Buffer.byteLength(data)
    return ++this.lines
  }
}

/** Shell-like quoting for display only: the command is never run through a shell. */
export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}
