// A forward proxy on loopback, like a corporate HTTPS_PROXY: CONNECT tunnels for https and
// absolute-URI requests for plain http. It resolves names of its own (`hosts`), so a registry
// named e.g. `registry.test` is reachable only through it. Records every request it served.
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'

export interface ForwardProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** `CONNECT host:port` or `GET http://…` per request, in order. */
  readonly seen: string[]
  stop(): Promise<void>
}

export async function startForwardProxy(
  hosts: Readonly<Record<string, string>> = {}
): Promise<ForwardProxy> {
  const seen: string[] = []
  const sockets = new Set<net.Socket>()
  const resolveHost = (h: string): string => hosts[h] ?? h
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`)
    let target: URL
    try {
      target = new URL(req.url ?? '')
    } catch {
      res.writeHead(400)
      res.end('absolute URI expected')
      return
    }
    const upstream = http.request(
      {
        host: resolveHost(target.hostname),
        port: target.port || 80,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    upstream.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  server.on('connect', (req, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`)
    const [host, port] = (req.url ?? '').split(':')
    const upstream = net.connect(Number(port), resolveHost(host ?? ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  server.on('connection', (s: net.Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
