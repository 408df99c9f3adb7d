// Whether a blob a manifest names is in the registry: a HEAD (status, content-length against the
// descriptor's size), and with `digest` a GET hashing every byte under a deadline that grows with
// the blob's size. A blob shared by many lines is checked once.
import { newHasher } from './digest.js'
import type { Descriptor } from './manifest.js'
import type { RegistryClient, RegistryHost } from './registry-client.js'
import type { VerifyProblem } from './types.js'

export type BlobOutcome =
  { ok: true } | { ok: false; kind: VerifyProblem['kind']; detail: string; url: string }

export class BlobChecker {
  readonly #blobs = new Map<string, Promise<BlobOutcome>>()

  constructor(
    private readonly client: RegistryClient,
    /** Read and hash every byte (GET), not only HEAD. */
    private readonly digest: boolean
  ) {}

  /** The blob's outcome in `repo` of `h`, checked once per verification. */
  check(h: RegistryHost, repo: string, blob: Descriptor): Promise<BlobOutcome> {
    const key = `${h.host}\0${repo}\0${blob.digest}\0${blob.size ?? ''}`
    let p = this.#blobs.get(key)
    if (p === undefined) {
      p = this.#check(h, repo, blob)
      this.#blobs.set(key, p)
    }
    return p
  }

  async #check(h: RegistryHost, repo: string, blob: Descriptor): Promise<BlobOutcome> {
    const path = `/v2/${repo}/blobs/${blob.digest}`
    const name = `${h.host}/${repo}`
    const head = await h.request('HEAD', path, repo, { maxBody: 1 << 16 })
    if (head.status === 404) {
      return {
        ok: false,
        kind: 'missing-blob',
        url: head.url,
        detail: `is missing from ${name}: HEAD ${head.url} answered HTTP 404`
      }
    }
    if (head.status !== 200) {
      const kind = head.status === 401 || head.status === 403 ? 'unauthorized' : 'registry-error'
      return {
        ok: false,
        kind,
        url: head.url,
        detail: `could not be checked in ${name}: HEAD ${head.url} answered HTTP ${head.status}`
      }
    }
    const length = Number(head.headers['content-length'])
    if (
      blob.size !== undefined &&
      head.headers['content-length'] !== undefined &&
      length !== blob.size
    ) {
      return {
        ok: false,
        kind: 'size-mismatch',
        url: head.url,
        detail: `has ${length} bytes in ${name} (HEAD content-length)`
      }
    }
    if (!this.digest) return { ok: true }
    const hash = newHasher(blob.digest)
    let received = 0
    const bytes = blob.size ?? (Number.isFinite(length) ? length : 0)
    const get = await h.request('GET', path, repo, {
      maxBody: 1 << 16,
      deadlineMs:
        this.client.env.deadlineMs + Math.ceil((bytes / this.client.env.minBytesPerSecond) * 1000),
      sink: (chunk) => {
        received += chunk.length
        hash.update(chunk)
      }
    })
    if (get.status !== 200) {
      return {
        ok: false,
        kind: get.status === 404 ? 'missing-blob' : 'registry-error',
        url: get.url,
        detail: `could not be read from ${name}: GET ${get.url} answered HTTP ${get.status}`
      }
    }
    const actual = `${blob.digest.slice(0, blob.digest.indexOf(':'))}:${hash.digest('hex')}`
    if (actual !== blob.digest) {
      return {
        ok: false,
        kind: 'digest-mismatch',
        url: get.url,
        detail: `served by ${name} has content with digest ${actual} (${received} bytes)`
      }
    }
    return { ok: true }
  }
}
