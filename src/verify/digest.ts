// Content digests: validation, the file names oc gives them, and streamed hashing.
import { createHash, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'

const ALGOS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 }

/** `algo:hex` with a known algorithm and the right hex length (what oc/distribution accept). */
export function isDigest(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = /^([a-z0-9]+):([a-f0-9]+)$/.exec(value)
  return m !== null && ALGOS[m[1]] === m[2].length
}

/** Same check without narrowing, for values already typed as string. */
export function isValidDigest(value: string): boolean {
  return isDigest(value)
}

/** oc on Windows writes `sha256-<hex>` instead of `sha256:<hex>` (`file_windows.go`). */
export function digestFileNames(digest: string): [string, string] {
  return [digest, digest.replace(':', '-')]
}

/** The digest a file name stands for (`sha256:<hex>` or the Windows `sha256-<hex>`), if any. */
export function digestFromFileName(name: string): string | undefined {
  if (isValidDigest(name)) return name
  const colon = name.replace(/^([a-z0-9]+)-/, '$1:')
  return isValidDigest(colon) ? colon : undefined
}

export function newHasher(digest: string): Hash {
  return createHash(digest.slice(0, digest.indexOf(':')))
}

export function digestOf(bytes: Uint8Array, algo = 'sha256'): string {
  return `${algo}:${createHash(algo).update(bytes).digest('hex')}`
}

/** Thrown when a read is given up because the run was stopped. */
export class ReadStopped extends Error {}

/** The stop's reason, as `verification stopped (<reason>)`. */
export function stoppedMessage(signal: AbortSignal): string {
  const r: unknown = signal.reason
  return `verification stopped${r instanceof Error && r.message !== '' ? ` (${r.message})` : ''}`
}

/**
 * Hashes a file with the algorithm of `expected`, streaming (never the whole file in memory).
 * A stop (`signal`) ends the read at the next 1 MiB chunk at the latest: a multi-gigabyte
 * layer must not keep a cancelled run alive. Throws `ReadStopped` then.
 */
export async function hashFile(
  path: string,
  expected: string,
  signal?: AbortSignal
): Promise<string> {
  if (signal?.aborted) throw new ReadStopped(stoppedMessage(signal))
  const algo = expected.slice(0, expected.indexOf(':'))
  const hash = createHash(algo)
  const stream = createReadStream(path, { highWaterMark: 1 << 20 })
  const stop = (): void => {
    stream.destroy(new ReadStopped(stoppedMessage(signal!)))
  }
  signal?.addEventListener('abort', stop, { once: true })
  try {
    for await (const chunk of stream) {
      if (signal?.aborted) throw new ReadStopped(stoppedMessage(signal))
      hash.update(chunk as Buffer)
    }
  } finally {
    signal?.removeEventListener('abort', stop)
    stream.destroy()
  }
  return `${algo}:${hash.digest('hex')}`
}
