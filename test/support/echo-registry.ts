// A hostile registry for redaction tests: every error it gives echoes the credentials it was
// sent, in every shape a client may print. `auth: 'basic'` challenges for basic auth; `'bearer'`
// sends clients to its own token endpoint (which takes basic credentials and hands out a fresh
// token per request, so the token is a secret only known at run time). The repository name
// picks the error shape of its manifest GET:
//   json-500   registry error document, HTTP 500, echoing the Authorization header and the
//              decoded "user:password"
//   text-502   the same as plain text, HTTP 502
//   json-404   MANIFEST_UNKNOWN whose message echoes them (HTTP 404)
//   redirect   a 307 to a closed port whose query string holds the credentials
//   tags-403   a tag-less destination: tags/list answers 403 echoing them
// The token endpoint itself fails with an echo for user `echo-token`.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface EchoRegistry {
  /** `127.0.0.1:<port>` */
  readonly host: string
  /** Every Authorization header received (to check what the client really sent). */
  readonly seen: string[]
  stop(): Promise<void>
}

function echoText(auth: string): string {
  const m = /^Basic\s+(\S+)/i.exec(auth)
  const decoded = m ? Buffer.from(m[1], 'base64').toString('utf8') : ''
  const password = decoded.slice(decoded.indexOf(':') + 1)
  return `you sent Authorization: ${auth}; user:password ${decoded}; password ${password}; json ${JSON.stringify(password)}`
}

export async function startEchoRegistry(opts: { auth: 'basic' | 'bearer' }): Promise<EchoRegistry> {
  const seen: string[] = []
  let origin = ''
  const server = http.createServer((req, res) => {
    const auth = String(req.headers.authorization ?? '')
    if (auth !== '') seen.push(auth)
    const url = new URL(req.url ?? '/', origin)
    const json = (status: number, code: string, message: string): void => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-echo': auth })
      res.end(JSON.stringify({ errors: [{ code, message, detail: { echo: auth } }] }))
    }
    if (url.pathname === '/token') {
      const m = /^Basic\s+(\S+)/i.exec(auth)
      const user = m ? Buffer.from(m[1], 'base64').toString('utf8').split(':')[0] : ''
      if (!m || user === 'echo-token') return json(401, 'UNAUTHORIZED', echoText(auth))
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ token: `tok-${Math.random().toString(36).slice(2)}-secret` }))
      return
    }
    const wanted = opts.auth === 'basic' ? /^Basic /i : /^Bearer /i
    if (!wanted.test(auth)) {
      res.writeHead(401, {
        'content-type': 'application/json',
        'www-authenticate':
          opts.auth === 'basic'
            ? 'Basic realm="echo"'
            : `Bearer realm="${origin}/token",service="echo"`
      })
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'auth required' }] }))
      return
    }
    if (url.pathname === '/v2/') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{}')
      return
    }
    const shape = /^\/v2\/([^/]+)\//.exec(url.pathname)?.[1] ?? ''
    const text = echoText(auth)
    if (shape === 'json-500') return json(500, 'UNKNOWN', text)
    if (shape === 'json-404') return json(404, 'MANIFEST_UNKNOWN', text)
    if (shape === 'tags-403') return json(403, 'DENIED', text)
    if (shape === 'text-502') {
      res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(text)
      return
    }
    if (shape === 'redirect') {
      const q = new URLSearchParams({ auth, creds: text })
      res.writeHead(307, { location: `http://127.0.0.1:1/blob?${q.toString()}` })
      res.end()
      return
    }
    json(404, 'NAME_UNKNOWN', text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  origin = `http://${host}`
  return {
    host,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
