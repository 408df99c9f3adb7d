// Log files → lines: chunked reads and a byte splitter, in bounded memory (a line keeps at most
// MAX_LINE_BYTES). The parser sees strings; routine lines may be consumed from their bytes.
import { isAscii } from 'node:buffer'
import { open } from 'node:fs/promises'

/** Bytes of one physical line kept; the rest is counted and dropped. */
export const MAX_LINE_BYTES = 64 * 1024

/** Lines read and bytes read so far. */
export interface ReadStats {
  readonly lines: number
  readonly bytes: number
}

/** Consumes the line `buf[start..end)` from its bytes (true), or leaves it to be decoded. */
export type LineFold = (buf: Buffer, start: number, end: number) => boolean

type Latin1Slice = (this: Buffer, start: number, end: number) => string
/** Buffer's own latin1Slice skips toString's argument handling (measurable per line at 1 GB). */
const nativeLatin1 = (Buffer.prototype as unknown as { latin1Slice?: Latin1Slice }).latin1Slice
export const latin1 = (buf: Buffer, start: number, end: number): string =>
  nativeLatin1 ? nativeLatin1.call(buf, start, end) : buf.toString('latin1', start, end)

/**
 * Splits byte chunks into lines, in bounded memory: a line keeps at most MAX_LINE_BYTES (the
 * rest is dropped and noted), invalid UTF-8 becomes U+FFFD, NUL becomes U+FFFD, a trailing
 * CR is removed. `stats` is filled in as chunks arrive.
 */
export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false })
  private parts: Buffer[] = []
  private kept = 0
  private dropped = 0
  private pending = false

  constructor(private readonly stats: { lines: number; bytes: number }) {}

  /**
   * Calls `onLine` for every line the chunk completes, unless `fold` (given the line's bytes,
   * without terminator) consumed it undecoded. The chunk may be reused afterwards.
   */
  feed(chunk: Buffer, onLine: (line: string) => void, fold?: LineFold): void {
    this.stats.bytes += chunk.length
    // Fast path: in an ASCII chunk without NUL, latin1 is the exact UTF-8 decoding, so a line
    // wholly inside the chunk is one native slice (no concat, no TextDecoder, no replaceAll).
    const plain = isAscii(chunk) && chunk.indexOf(0) === -1
    let start = 0
    for (;;) {
      const nl = chunk.indexOf(10, start)
      if (plain && nl !== -1 && !this.pending && nl - start <= MAX_LINE_BYTES) {
        const end = nl > start && chunk[nl - 1] === 13 ? nl - 1 : nl
        this.stats.lines++
        if (fold === undefined || !fold(chunk, start, end)) onLine(latin1(chunk, start, end))
        start = nl + 1
        continue
      }
      const end = nl === -1 ? chunk.length : nl
      if (end > start) {
        this.pending = true
        const take = Math.min(end - start, MAX_LINE_BYTES - this.kept)
        // A copy: the caller reuses the chunk's memory for the next read.
        if (take > 0) this.parts.push(Buffer.from(chunk.subarray(start, start + take)))
        this.kept += take
        this.dropped += end - start - take
      }
      if (nl === -1) break
      onLine(this.finish())
      start = nl + 1
    }
  }

  /** The last line when the input does not end with a newline. */
  end(): string | undefined {
    return this.pending ? this.finish() : undefined
  }

  private finish(): string {
    let text = this.decoder.decode(Buffer.concat(this.parts, this.kept))
    if (text.endsWith('\r') && this.dropped === 0) text = text.slice(0, -1)
    text = text.replaceAll('\u0000', '\uFFFD')
    if (this.dropped > 0) text += ` …[line truncated, ${this.dropped} more bytes]`
    this.parts = []
    this.kept = 0
    this.dropped = 0
    this.pending = false
    this.stats.lines++
    return text
  }
}

/** Read size: large chunks keep the per-chunk cost (read, ASCII check) off the per-line path. */
const CHUNK_BYTES = 1 << 20

/**
 * The file's bytes in chunks, read into TWO buffers in turn: the next read runs while the
 * caller parses the current chunk (on a 1 GB log, waiting for each read cost half a second),
 * and a 1 GB log allocates no further memory for its bytes (fresh chunks per read would pile
 * up in the C heap between GCs). Each chunk is only valid until the next one is requested.
 */
export async function* chunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r')
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)] as const
  let which = 0
  let next = file.read(buffers[0], 0, CHUNK_BYTES, null)
  try {
    for (;;) {
      const { bytesRead, buffer } = await next
      if (bytesRead === 0) return
      which ^= 1
      // Reads at the file position: issued only after the previous one finished, so in order.
      next = file.read(buffers[which], 0, CHUNK_BYTES, null)
      yield buffer.subarray(0, bytesRead)
    }
  } finally {
    // A reader that stops early must not close the file under a read still in flight.
    await next.catch(() => undefined)
    await file.close()
  }
}

/** Lines of a file as strings (see LineSplitter); `stats` is filled in as the file is read. */
export async function* readLines(path: string, stats: { lines: number; bytes: number }) {
  const splitter = new LineSplitter(stats)
  const lines: string[] = []
  const collect = (line: string): void => void lines.push(line)
  for await (const chunk of chunks(path)) {
    splitter.feed(chunk, collect)
    yield* lines
    lines.length = 0
  }
  const last = splitter.end()
  if (last !== undefined) yield last
}
