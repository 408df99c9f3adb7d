// Per-registry TLS material, read the way oc and podman read it: in each certs.d root, the
// directory named after the registry (`host[:port]`) holds CA certificates (`*.crt`, added to the
// system roots) and a client certificate pair (`*.cert` with the `*.key` of the same name).
import { readdirSync, readFileSync } from 'node:fs'
import { rootCertificates } from 'node:tls'
import { join } from 'node:path'

/** Where oc (containers/image) and docker look, in this order. */
export const DEFAULT_CERT_ROOTS: readonly string[] = [
  '/etc/containers/certs.d',
  '/etc/docker/certs.d'
]

export interface HostTls {
  /** System roots plus the host's own CAs; undefined when the host has none. */
  readonly ca?: readonly string[]
  readonly cert?: string
  readonly key?: string
}

function filesOf(dir: string): string[] {
  try {
    return readdirSync(dir).sort()
  } catch {
    return []
  }
}

/** TLS options for `host` (as written in the mapping, with its port) from the first root that has them. */
export function hostTls(host: string, roots: readonly string[]): HostTls {
  // A host name cannot climb out of the root; refuse anything that could.
  if (host === '' || host.includes('/') || host.includes('\\') || host.startsWith('.')) return {}
  const cas: string[] = []
  let cert: string | undefined
  let key: string | undefined
  for (const root of roots) {
    const dir = join(root, host)
    for (const name of filesOf(dir)) {
      try {
        if (name.endsWith('.crt')) cas.push(readFileSync(join(dir, name), 'utf8'))
        else if (name.endsWith('.cert') && cert === undefined) {
          const keyName = `${name.slice(0, -'.cert'.length)}.key`
          const pairKey = readFileSync(join(dir, keyName), 'utf8')
          cert = readFileSync(join(dir, name), 'utf8')
          key = pairKey
        }
      } catch {
        // unreadable or unpaired file: the connection will say what is missing
      }
    }
  }
  return {
    ...(cas.length > 0 ? { ca: [...rootCertificates, ...cas] } : {}),
    ...(cert !== undefined && key !== undefined ? { cert, key } : {})
  }
}
