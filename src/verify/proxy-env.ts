// Which proxy a registry request goes through, by the same environment variables and rules as
// oc (Go's net/http ProxyFromEnvironment): HTTPS_PROXY for https, HTTP_PROXY for http, NO_PROXY
// for exceptions, upper case before lower case, and loopback hosts never proxied.
import { isIP } from 'node:net'

export type ProxyEnv = Readonly<Record<string, string | undefined>>

const pick = (env: ProxyEnv, name: string): string => env[name] ?? env[name.toLowerCase()] ?? ''

/** `host` without brackets and port, lower case. */
function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase()
}

function isLoopback(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1'
  return false
}

function ipv4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0)
}

/** One NO_PROXY entry against a host and port (Go's rules: CIDR, IP, `*`, domain, `.domain`). */
function matchesNoProxy(entry: string, host: string, port: string): boolean {
  let e = entry.trim().toLowerCase()
  if (e === '') return false
  if (e === '*') return true
  const slash = e.indexOf('/')
  if (slash > 0 && isIP(e.slice(0, slash)) === 4 && isIP(host) === 4) {
    const bits = Number(e.slice(slash + 1))
    if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
    return (ipv4Number(host) & mask) >>> 0 === (ipv4Number(e.slice(0, slash)) & mask) >>> 0
  }
  let entryPort = ''
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(e)
  if (m) {
    e = m[1]!
    entryPort = m[2]!
  }
  if (entryPort !== '' && entryPort !== port) return false
  e = bareHost(e)
  if (isIP(e) !== 0) return e === host
  if (e.startsWith('*.')) e = e.slice(1)
  // `.example.com` matches subdomains only; `example.com` the name and its subdomains.
  if (e.startsWith('.')) return host.endsWith(e)
  return host === e || host.endsWith(`.${e}`)
}

/** The proxy URL for a request to `url`, or undefined for a direct connection. */
export function proxyFor(url: URL, env: ProxyEnv): URL | undefined {
  const host = bareHost(url.hostname)
  if (isLoopback(host)) return undefined
  const raw = url.protocol === 'https:' ? pick(env, 'HTTPS_PROXY') : pick(env, 'HTTP_PROXY')
  if (raw === '') return undefined
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80'
  for (const entry of pick(env, 'NO_PROXY').split(',')) {
    if (matchesNoProxy(entry, host, port)) return undefined
  }
  try {
    // Like Go: a proxy without a scheme is an http:// proxy.
    const proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`)
    return proxy.protocol === 'http:' || proxy.protocol === 'https:' ? proxy : undefined
  } catch {
    return undefined
  }
}
