// oc's stdout success line, `<digest> <destination repo>[:<tag>]` (docs/oc-behaviour.md §1.5), also
// what the skopeo engine writes: recognised without a regex, and from raw bytes with the
// parts interned, because a log of repeated attempts prints the same lines again and again.
import type { LogEvent } from './types.js'

export type SuccessEvent = Extract<LogEvent, { kind: 'success' }>

/** The parts of a success line; `tag` is absent for digest-only pushes and list children. */
export interface SuccessParts {
  readonly digest: string
  readonly destination: string
  readonly tag?: string
}

/** One character of `\s` (for the rare non-ASCII ones: exactly what the regex grammar means). */
const SPACE_RE = /\s/

/** Where the ref starts in `^((?:sha256|sha512):[0-9a-f]+) (\S+)$`, or -1 when no match. */
function refStart(line: string): number {
  if (line.charCodeAt(0) !== 115 /* s */) return -1
  if (!line.startsWith('sha256:') && !line.startsWith('sha512:')) return -1
  const space = line.indexOf(' ', 7)
  if (space <= 7 || space === line.length - 1) return -1
  for (let i = 7; i < space; i++) {
    const c = line.charCodeAt(i)
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return -1
  }
  for (let i = space + 1; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && SPACE_RE.test(line.charAt(i))) {
      return -1
    }
  }
  return space + 1
}

export function parseSuccessLine(line: string): SuccessParts | undefined {
  const at = refStart(line)
  if (at < 0) return undefined
  const digest = line.slice(0, at - 1)
  // The tag follows the last ':' only when it comes after the last '/' (127.0.0.1:5001/x/a:v1).
  const colon = line.lastIndexOf(':')
  if (colon >= at && colon > line.lastIndexOf('/') && colon < line.length - 1) {
    return { digest, destination: line.slice(at, colon), tag: line.slice(colon + 1) }
  }
  return { digest, destination: line.slice(at) }
}

export function successEvent(parts: SuccessParts, logLine: number): SuccessEvent {
  return parts.tag === undefined
    ? { kind: 'success', digest: parts.digest, destination: parts.destination, logLine }
    : {
        kind: 'success',
        digest: parts.digest,
        destination: parts.destination,
        tag: parts.tag,
        logLine
      }
}

interface Interned {
  /** Where the line's bytes are: an arena shared with other lines. */
  readonly arena: DataView<ArrayBufferLike>
  readonly at: number
  readonly length: number
  readonly parts: SuccessParts
}

/** Arena growth step: the remembered lines' bytes live in a few large buffers, not one each. */
const ARENA_BYTES = 1 << 18
/**
 * Longest line remembered (real ones are under 300 bytes): with the capacity, this bounds the
 * cache at a few MB whatever the log holds.
 */
const MAX_REMEMBERED = 512

/**
 * Success lines met before, by their bytes. Sharing the strings saves decoding and slicing
 * them, and lets Maps keyed by them reuse the hash V8 caches in each string. Bounded: lines
 * past `capacity` distinct ones, or longer than MAX_REMEMBERED, are parsed, not remembered.
 */
export class SuccessLineCache {
  private readonly byHash = new Map<number, Interned | Interned[]>()
  private size = 0
  private arena = Buffer.alloc(0)
  private arenaView: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0))
  private arenaUsed = 0
  /** A view of the last buffer looked up in (a chunk holds thousands of lines). */
  private lineBuf: Buffer | undefined
  private lineView: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0))

  constructor(
    private readonly decode: (buf: Buffer, start: number, end: number) => string,
    private readonly capacity = 1 << 15
  ) {}

  /** The parts of the line `buf[start..end)` (ASCII, no terminator), or undefined. */
  lookup(buf: Buffer, start: number, end: number): SuccessParts | undefined {
    if (end - start < 10 || buf[start + 1] !== 104 /* h */ || buf[start + 6] !== 58 /* : */) {
      return undefined
    }
    // Hashed: the digest's first bytes and the ref's last ones (the whole line is compared).
    let hash = 0x811c9dc5
    for (let i = start + 7, n = Math.min(end, start + 23); i < n; i++) {
      hash = Math.imul(hash ^ buf[i], 0x01000193)
    }
    for (let i = Math.max(start + 23, end - 16); i < end; i++) {
      hash = Math.imul(hash ^ buf[i], 0x01000193)
    }
    const found = this.byHash.get(hash)
    if (found !== undefined) {
      if (!Array.isArray(found)) {
        if (this.same(found, buf, start, end)) return found.parts
      } else {
        for (const f of found) if (this.same(f, buf, start, end)) return f.parts
      }
    }
    const parsed = parseSuccessLine(this.decode(buf, start, end))
    if (parsed === undefined || this.size >= this.capacity || end - start > MAX_REMEMBERED) {
      return parsed
    }
    const parts = this.flat(parsed, buf, start, end)
    const at = this.store(buf, start, end)
    const entry: Interned = { arena: this.arenaView, at, length: end - start, parts }
    if (found === undefined) this.byHash.set(hash, entry)
    else if (Array.isArray(found)) found.push(entry)
    else this.byHash.set(hash, [found, entry])
    this.size++
    return parts
  }

  /**
   * The parts as strings of their own, decoded from the line's bytes (ASCII: one byte per
   * character), rather than slices that keep the whole decoded line alive as well.
   */
  private flat(parts: SuccessParts, buf: Buffer, start: number, end: number): SuccessParts {
    const ref = start + parts.digest.length + 1
    const digest = this.decode(buf, start, ref - 1)
    const destination = this.decode(buf, ref, ref + parts.destination.length)
    return parts.tag === undefined
      ? { digest, destination }
      : { digest, destination, tag: this.decode(buf, end - parts.tag.length, end) }
  }

  private same(e: Interned, buf: Buffer, start: number, end: number): boolean {
    const n = e.length
    if (n !== end - start) return false
    // Four bytes at a time through DataViews (unaligned loads): a third of a byte loop's time,
    // and cheaper than Buffer.compare's call for lines this short.
    const line = this.viewOf(buf)
    const arena = e.arena
    const a = e.at
    let i = 0
    for (; i + 4 <= n; i += 4) if (arena.getInt32(a + i) !== line.getInt32(start + i)) return false
    for (; i < n; i++) if (arena.getUint8(a + i) !== line.getUint8(start + i)) return false
    return true
  }

  private viewOf(buf: Buffer): DataView {
    if (buf !== this.lineBuf) {
      this.lineBuf = buf
      this.lineView = new DataView(buf.buffer, buf.byteOffset, buf.length)
    }
    return this.lineView
  }

  /** Copies the bytes into the arena (a line is at most 64 KiB, see MAX_LINE_BYTES). */
  private store(buf: Buffer, start: number, end: number): number {
    const n = end - start
    if (this.arenaUsed + n > this.arena.length) {
      // A new arena; earlier entries keep a reference to theirs.
      this.arena = Buffer.allocUnsafe(Math.max(ARENA_BYTES, n))
      this.arenaView = new DataView(this.arena.buffer, this.arena.byteOffset, this.arena.length)
      this.arenaUsed = 0
    }
    const at = this.arenaUsed
    buf.copy(this.arena, at, start, end)
    this.arenaUsed += n
    return at
  }
}
