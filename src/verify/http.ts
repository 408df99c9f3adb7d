// A minimal HTTP(S) client on node:http/https: one request, no redirects, bounded bodies,
// optional streaming sink, a hard timeout. Redirects and auth live in the registry client.
import http, { type IncomingHttpHeaders } from 'node:http'
import https from 'node:https'

export interface HttpRequest {
  readonly method: 'GET' | 'HEAD' | 'POST'
  readonly url: URL
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Idle timeout: no bytes for this long fails the request (big blobs may take longer overall). */
  readonly timeoutMs: number
  /** Bodies beyond this many bytes abort the request (unless a sink takes them). */
  readonly maxBody: number
  /** Receives the body instead of buffering it (blob hashing). Only for 2xx answers. */
  readonly sink?: (chunk: Buffer) => void
}

export interface HttpResponse {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  /** Empty when a sink consumed it or for HEAD. */
  readonly body: Buffer
}

/** Connection-level agents for one verification run; `close()` frees the sockets. */
export class HttpAgents {
  readonly http = new http.Agent({ keepAlive: true, maxSockets: 8 })
  /** `insecure` accepts self-signed certificates (oc's --insecure). */
  readonly https: https.Agent

  constructor(insecure: boolean) {
    this.https = new https.Agent({ keepAlive: true, maxSockets: 8, rejectUnauthorized: !insecure })
  }

  close(): void {
    this.http.destroy()
    this.https.destroy()
  }
}

export class HttpError extends Error {}

export function httpRequest(req: HttpRequest, agents: HttpAgents): Promise<HttpResponse> {
  return new Promise((resolvePromise, reject) => {
    const isHttps = req.url.protocol === 'https:'
    const mod = isHttps ? https : http
    const headers: Record<string, string> = { 'User-Agent': 'mirror-guard-verify', ...req.headers }
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body))
    let settled = false
    const fail = (err: Error): void => {
      if (settled) return
      settled = true
      request.destroy()
      reject(err)
    }
    const request = mod.request(
      req.url,
      { method: req.method, headers, agent: isHttps ? agents.https : agents.http },
      (res) => {
        const status = res.statusCode ?? 0
        const chunks: Buffer[] = []
        let size = 0
        const stream = req.sink !== undefined && status >= 200 && status < 300
        res.on('data', (chunk: Buffer) => {
          if (stream) {
            req.sink(chunk)
            return
          }
          size += chunk.length
          if (size > req.maxBody) {
            fail(
              new HttpError(
                `${req.method} ${req.url.href}: response larger than ${req.maxBody} bytes`
              )
            )
            return
          }
          chunks.push(chunk)
        })
        res.on('end', () => {
          if (settled) return
          settled = true
          resolvePromise({ status, headers: res.headers, body: Buffer.concat(chunks) })
        })
        res.on('error', fail)
        res.on('aborted', () => fail(new HttpError('connection closed before the response ended')))
      }
    )
    request.setTimeout(req.timeoutMs, () =>
      fail(new HttpError(`${req.method} ${req.url.href}: no data for ${req.timeoutMs} ms`))
    )
    request.on('error', fail)
    request.end(req.body)
  })
}
