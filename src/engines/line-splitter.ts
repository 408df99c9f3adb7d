// Splits a child's output stream into lines without holding more than one line (capped) in
// memory. Unlike the log reader's splitter (src/core/log-lines.ts), which may cut a runaway
// line for triage, this one never drops a byte: everything the tool printed reaches the log.
import { StringDecoder } from 'node:string_decoder'

/** A longer line is emitted in pieces so a runaway child cannot exhaust memory. */
export const MAX_LINE_CHARS = 1024 * 1024

export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8')
  private pending = ''

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk)
    let nl = this.pending.indexOf('\n')
    while (nl !== -1) {
      this.emit(this.pending.slice(0, nl))
      this.pending = this.pending.slice(nl + 1)
      nl = this.pending.indexOf('\n')
    }
    while (this.pending.length > MAX_LINE_CHARS) {
      this.onLine(this.pending.slice(0, MAX_LINE_CHARS))
      this.pending = this.pending.slice(MAX_LINE_CHARS)
    }
  }

  end(): void {
    this.pending += this.decoder.end()
    if (this.pending !== '') this.emit(this.pending)
    this.pending = ''
  }

  private emit(line: string): void {
    this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line)
  }
}
