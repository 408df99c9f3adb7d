// A loopback stand-in of the GitHub Actions results service, enough for the real, unmocked
// @actions/artifact 6: the Twirp JSON ArtifactService, Azure-style block-blob PUTs and GETs,
// and the public REST endpoints used with `findBy` (list, get by name, 302 zip download,
// delete). Requests can be answered with injected faults to exercise the client's retries.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StoredArtifact {
  readonly id: number
  readonly name: string
  readonly runBackendId: string
  readonly jobBackendId: string
  readonly createdAt: Date
  readonly expiresAt?: string
  readonly mimeType?: string
  finalized: boolean
  size: number
  /** `sha256:<hex>` as sent by FinalizeArtifact. */
  hash?: string
  /** The committed blob (the zip, or the raw file with skipArchive). */
  data: Buffer
}

export interface Fault {
  /** Only requests whose path (without query) matches are answered with the fault. */
  readonly path?: RegExp
  readonly status: number
  /** How many matching requests to fail. */
  remaining: number
}

export interface RequestRecord {
  readonly method: string
  readonly path: string
  readonly status: number
}

export interface ResultsServiceOptions {
  /** The repository the REST endpoints serve (`owner/name`). */
  readonly repository?: string
  /** When set, REST calls must carry this token. */
  readonly apiToken?: string
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}

/** A JWT-shaped runtime token whose `scp` claim names the run and job backend ids (unsigned: the library only decodes it). */
export function fakeRuntimeToken(run: string, job: string): string {
  return [
    b64url(JSON.stringify({ alg: 'none', typ: 'JWT' })),
    b64url(JSON.stringify({ scp: `Actions.GenericRead:0 Actions.Results:${run}:${job}` })),
    'x'
  ].join('.')
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

type Json = Record<string, unknown>

/** Proto JSON field, by proto name or lowerCamel name. */
function field(body: Json, protoName: string): unknown {
  const camel = protoName.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
  return body[protoName] ?? body[camel]
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  if (v !== null && typeof v === 'object' && 'value' in v) return str(v.value)
  return undefined
}

export class ResultsService {
  private readonly stored: StoredArtifact[] = []
  private readonly blocks = new Map<number, Map<string, Buffer>>()
  private readonly faults: Fault[] = []
  private nextId = 1000
  /** Every request, in order (path without query string). */
  readonly requests: RequestRecord[] = []
  readonly repository: string

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: ResultsServiceOptions
  ) {
    this.repository = options.repository ?? 'octo/repo'
  }

  static async start(options: ResultsServiceOptions = {}): Promise<ResultsService> {
    // The handler needs the service, which needs the listening server's port.
    const holder: { service?: ResultsService } = {}
    const server = createServer((req, res) => {
      const service = holder.service
      if (service === undefined) {
        res.writeHead(503).end()
        return
      }
      service.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' })
        }
        res.end(JSON.stringify({ code: 'internal', msg: String(e) }))
      })
    })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    const { port } = server.address() as AddressInfo
    const service = new ResultsService(server, `http://127.0.0.1:${port}`, options)
    holder.service = service
    return service
  }

  /** The environment @actions/artifact needs to talk to this service as job `job` of run `run`. */
  env(run = '101', job = 'job-1'): Record<string, string> {
    return {
      ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(run, job),
      ACTIONS_RESULTS_URL: `${this.url}/`,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: this.url,
      GITHUB_REPOSITORY: this.repository
    }
  }

  /** Finalized artifacts (and, with `all`, unfinished ones). */
  artifacts(all = false): StoredArtifact[] {
    return this.stored.filter((a) => all || a.finalized)
  }

  /** Answers the next `count` requests matching `path` with `status` (Twirp-style JSON body). */
  failNext(count: number, status = 503, path?: RegExp): void {
    this.faults.push({ path, status, remaining: count })
  }

  /** Stores a finalized artifact directly, e.g. one "uploaded" by an earlier run. */
  seed(a: {
    name: string
    run: string
    job?: string
    data: Buffer
    hash?: string
  }): StoredArtifact {
    const artifact: StoredArtifact = {
      id: this.nextId++,
      name: a.name,
      runBackendId: a.run,
      jobBackendId: a.job ?? 'job-0',
      createdAt: new Date(),
      finalized: true,
      size: a.data.length,
      hash: a.hash,
      data: a.data
    }
    this.stored.push(artifact)
    return artifact
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private blobUrl(id: number): string {
    return `${this.url}/blob/${id}?sig=fake-signature-${id}&sv=2024-01-01`
  }

  private injectedFault(path: string): Fault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (f.path?.test(path) ?? true))
    if (fault !== undefined) fault.remaining -= 1
    return fault
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const method = req.method ?? 'GET'
    const body = await readBody(req)
    const send = (
      status: number,
      payload?: unknown,
      headers: Record<string, string> = {}
    ): void => {
      this.requests.push({ method, path: url.pathname, status })
      if (payload === undefined) {
        res.writeHead(status, headers).end()
      } else if (Buffer.isBuffer(payload)) {
        res.writeHead(status, headers).end(payload)
      } else {
        res.writeHead(status, { 'content-type': 'application/json', ...headers })
        res.end(JSON.stringify(payload))
      }
    }

    const fault = this.injectedFault(url.pathname)
    if (fault !== undefined) {
      // Twirp clients parse every body as JSON, errors included.
      send(fault.status, { code: 'unavailable', msg: `injected fault ${fault.status}` })
      return
    }
    if (url.pathname.startsWith(TWIRP) && method === 'POST') {
      this.twirp(url.pathname.slice(TWIRP.length), req, body, send)
      return
    }
    if (url.pathname.startsWith('/blob/')) {
      this.blob(url, method, body, send)
      return
    }
    if (url.pathname.startsWith('/repos/')) {
      this.rest(url, method, req, send)
      return
    }
    send(404, { message: 'Not Found' })
  }

  private twirp(
    rpc: string,
    req: IncomingMessage,
    raw: Buffer,
    send: (status: number, payload?: unknown) => void
  ): void {
    const auth = req.headers.authorization ?? ''
    const token = auth.replace(/^Bearer /, '')
    if (!/Actions\.Results:/.test(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())) {
      send(401, { code: 'unauthenticated', msg: 'missing or invalid runtime token' })
      return
    }
    let body: Json
    try {
      body = JSON.parse(raw.toString('utf8')) as Json
    } catch {
      send(400, { code: 'malformed', msg: 'body is not JSON' })
      return
    }
    const run = str(field(body, 'workflow_run_backend_id')) ?? ''
    const job = str(field(body, 'workflow_job_run_backend_id')) ?? ''
    const name = str(field(body, 'name'))
    const inRun = this.stored.filter((a) => a.runBackendId === run)

    switch (rpc) {
      case 'CreateArtifact': {
        if (name === undefined || name === '') {
          send(400, { code: 'invalid_argument', msg: 'name is required' })
          return
        }
        if (inRun.some((a) => a.name === name)) {
          send(409, {
            code: 'already_exists',
            msg: `an artifact with this name already exists on the workflow run`
          })
          return
        }
        const artifact: StoredArtifact = {
          id: this.nextId++,
          name,
          runBackendId: run,
          jobBackendId: job,
          createdAt: new Date(),
          expiresAt: str(field(body, 'expires_at')),
          mimeType: str(field(body, 'mime_type')),
          finalized: false,
          size: 0,
          data: Buffer.alloc(0)
        }
        this.stored.push(artifact)
        send(200, { ok: true, signed_upload_url: this.blobUrl(artifact.id) })
        return
      }
      case 'FinalizeArtifact': {
        const artifact = inRun.find((a) => a.name === name && !a.finalized)
        if (artifact === undefined) {
          send(404, { code: 'not_found', msg: `no artifact ${name ?? ''} to finalize` })
          return
        }
        const size = Number(str(field(body, 'size')) ?? '0')
        if (size !== artifact.data.length) {
          send(400, {
            code: 'invalid_argument',
            msg: `size ${size} != uploaded ${artifact.data.length}`
          })
          return
        }
        artifact.finalized = true
        artifact.size = size
        artifact.hash = str(field(body, 'hash'))
        send(200, { ok: true, artifact_id: String(artifact.id) })
        return
      }
      case 'ListArtifacts': {
        const nameFilter = str(field(body, 'name_filter'))
        const idFilter = str(field(body, 'id_filter'))
        const list = inRun.filter(
          (a) =>
            a.finalized &&
            (nameFilter === undefined || a.name === nameFilter) &&
            (idFilter === undefined || String(a.id) === idFilter)
        )
        send(200, {
          artifacts: list.map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt.toISOString(),
            ...(a.hash !== undefined ? { digest: a.hash } : {})
          }))
        })
        return
      }
      case 'GetSignedArtifactURL': {
        const artifact = inRun.find((a) => a.name === name && a.finalized)
        if (artifact === undefined) {
          send(404, { code: 'not_found', msg: `artifact ${name ?? ''} not found` })
          return
        }
        send(200, { signed_url: this.blobUrl(artifact.id) })
        return
      }
      case 'DeleteArtifact': {
        const index = this.stored.findIndex((a) => a.runBackendId === run && a.name === name)
        if (index < 0) {
          send(404, { code: 'not_found', msg: `artifact ${name ?? ''} not found` })
          return
        }
        const [removed] = this.stored.splice(index, 1)
        send(200, { ok: true, artifact_id: String(removed?.id ?? 0) })
        return
      }
      default:
        send(404, { code: 'bad_route', msg: `no handler for ${rpc}` })
    }
  }

  private blob(
    url: URL,
    method: string,
    body: Buffer,
    send: (status: number, payload?: unknown, headers?: Record<string, string>) => void
  ): void {
    const id = Number(url.pathname.slice('/blob/'.length))
    const artifact = this.stored.find((a) => a.id === id)
    if (artifact === undefined || !url.searchParams.get('sig')?.startsWith('fake-signature-')) {
      send(404, Buffer.from('BlobNotFound'), { 'content-type': 'text/plain' })
      return
    }
    const azure = { 'x-ms-request-id': `req-${this.requests.length}`, 'x-ms-version': '2024-01-01' }
    if (method === 'GET') {
      const type = artifact.mimeType ?? 'application/zip'
      send(200, artifact.data, {
        ...azure,
        'content-type': type,
        'content-length': String(artifact.data.length)
      })
      return
    }
    if (method !== 'PUT' || artifact.finalized) {
      send(405, Buffer.from('not allowed'), { 'content-type': 'text/plain' })
      return
    }
    const comp = url.searchParams.get('comp')
    const blocks = this.blocks.get(id) ?? new Map<string, Buffer>()
    this.blocks.set(id, blocks)
    if (comp === 'block') {
      blocks.set(url.searchParams.get('blockid') ?? '', body)
      send(201, undefined, { ...azure, 'content-md5': '' })
      return
    }
    if (comp === 'blocklist') {
      const ids = [
        ...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)
      ].map((m) => m[1] ?? '')
      const missing = ids.filter((b) => !blocks.has(b))
      if (missing.length > 0) {
        send(400, Buffer.from(`InvalidBlockList: ${missing.join(',')}`), {
          'content-type': 'text/plain'
        })
        return
      }
      artifact.data = Buffer.concat(ids.map((b) => blocks.get(b) as Buffer))
      this.blocks.delete(id)
      send(201, undefined, {
        ...azure,
        etag: `"${id}-${artifact.data.length}"`,
        'last-modified': new Date().toUTCString()
      })
      return
    }
    // Single-shot Put Blob.
    artifact.data = body
    send(201, undefined, { ...azure, etag: `"${id}"`, 'last-modified': new Date().toUTCString() })
  }

  private rest(
    url: URL,
    method: string,
    req: IncomingMessage,
    send: (status: number, payload?: unknown, headers?: Record<string, string>) => void
  ): void {
    const m = /^\/repos\/([^/]+)\/([^/]+)\/actions\/(.*)$/.exec(url.pathname)
    if (m === null || `${m[1]}/${m[2]}` !== this.repository) {
      send(404, { message: 'Not Found' })
      return
    }
    const auth = (req.headers.authorization ?? '').replace(/^(token|bearer) /i, '')
    if (auth === '' || (this.options.apiToken !== undefined && auth !== this.options.apiToken)) {
      send(401, { message: 'Bad credentials' })
      return
    }
    const rest = m[3] ?? ''
    const restArtifact = (a: StoredArtifact): Json => ({
      id: a.id,
      node_id: `A_${a.id}`,
      name: a.name,
      size_in_bytes: a.size,
      url: `${this.url}/repos/${this.repository}/actions/artifacts/${a.id}`,
      archive_download_url: `${this.url}/repos/${this.repository}/actions/artifacts/${a.id}/zip`,
      expired: false,
      created_at: a.createdAt.toISOString(),
      updated_at: a.createdAt.toISOString(),
      expires_at: a.expiresAt ?? null,
      ...(a.hash !== undefined ? { digest: a.hash } : {}),
      workflow_run: { id: Number(a.runBackendId) }
    })

    const runMatch = /^runs\/(\d+)\/artifacts$/.exec(rest)
    if (runMatch !== null && method === 'GET') {
      const name = url.searchParams.get('name')
      const perPage = Number(url.searchParams.get('per_page') ?? '30')
      const page = Number(url.searchParams.get('page') ?? '1')
      const all = this.stored.filter(
        (a) => a.finalized && a.runBackendId === runMatch[1] && (name === null || a.name === name)
      )
      send(200, {
        total_count: all.length,
        artifacts: all.slice((page - 1) * perPage, page * perPage).map(restArtifact)
      })
      return
    }
    const idMatch = /^artifacts\/(\d+)(\/zip)?$/.exec(rest)
    const artifact =
      idMatch !== null
        ? this.stored.find((a) => a.finalized && a.id === Number(idMatch[1]))
        : undefined
    if (idMatch === null || artifact === undefined) {
      send(404, { message: 'Not Found' })
      return
    }
    if (idMatch[2] === '/zip' && method === 'GET') {
      send(302, undefined, { location: this.blobUrl(artifact.id) })
      return
    }
    if (idMatch[2] === undefined && method === 'DELETE') {
      this.stored.splice(this.stored.indexOf(artifact), 1)
      send(204)
      return
    }
    if (idMatch[2] === undefined && method === 'GET') {
      send(200, restArtifact(artifact))
      return
    }
    send(404, { message: 'Not Found' })
  }
}
