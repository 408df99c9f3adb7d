// Registry verification reaches what oc reaches: a TLS registry signed by its own CA, trusted
// through a certs.d directory (roots injected here; /etc/containers/certs.d and
// /etc/docker/certs.d by default), and registries only reachable through a loopback proxy
// (HTTPS_PROXY with CONNECT, HTTP_PROXY with absolute URIs, NO_PROXY exceptions).
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyRegistryEntries } from '../../src/verify/registry-verify.js'
import { startForwardProxy, type ForwardProxy } from '../support/forward-proxy.js'
import { buildImages, pushImages, type BuiltImages } from '../support/images.mjs'
import { startRegistry, type RunningRegistry } from '../support/registry.js'
import { entry, registryRef } from './entries.js'

const sh = promisify(execFile)
let dir: string
let tlsReg: RunningRegistry
let plainReg: RunningRegistry
let proxy: ForwardProxy
let built: BuiltImages
let containersRoot: string
let dockerRoot: string

/** A CA and a server certificate for registry.test and 127.0.0.1, made with openssl. */
async function makeCerts(d: string): Promise<{ ca: string; cert: string; key: string }> {
  const f = (n: string) => join(d, n)
  const subj = (cn: string) => ['-subj', `/CN=${cn}`]
  await sh('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.crt'),
    ...subj('mirror-guard test CA')
  ])
  await sh('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('srv.key'),
    '-out',
    f('srv.csr'),
    ...subj('registry.test')
  ])
  await writeFile(f('san.ext'), 'subjectAltName=DNS:registry.test,IP:127.0.0.1\n')
  await sh('openssl', [
    'x509',
    '-req',
    '-in',
    f('srv.csr'),
    '-CA',
    f('ca.crt'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    f('srv.crt'),
    '-extfile',
    f('san.ext')
  ])
  return { ca: f('ca.crt'), cert: f('srv.crt'), key: f('srv.key') }
}

const portOf = (host: string) => host.slice(host.lastIndexOf(':') + 1)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mg-network-'))
  const certs = await makeCerts(dir)
  tlsReg = await startRegistry({ tls: { certificate: certs.cert, key: certs.key } })
  plainReg = await startRegistry()
  built = await buildImages([{ repo: 'ns/img', tag: 'v1', layers: [{ seed: 14_004, size: 2048 }] }])
  await pushImages(built, tlsReg.host)
  await pushImages(built, plainReg.host)
  // The CA goes in the second root (docker's), under both names the registry is reached by.
  containersRoot = join(dir, 'containers-certs.d')
  dockerRoot = join(dir, 'docker-certs.d')
  await mkdir(containersRoot, { recursive: true })
  for (const name of [tlsReg.host, `registry.test:${portOf(tlsReg.host)}`]) {
    await mkdir(join(dockerRoot, name), { recursive: true })
    await sh('cp', [certs.ca, join(dockerRoot, name, 'ca.crt')])
  }
  proxy = await startForwardProxy({ 'registry.test': '127.0.0.1' })
}, 120_000)

afterAll(async () => {
  await proxy?.stop()
  await tlsReg?.stop()
  await plainReg?.stop()
  if (built) await rm(built.layoutDir, { recursive: true, force: true })
  if (dir) await rm(dir, { recursive: true, force: true })
})

const at = (host: string) =>
  entry(0, registryRef('src.example', 'ns/img', 'v1'), registryRef(host, 'ns/img', 'v1'))

describe('a TLS registry with its own CA', () => {
  it('is verified with the CA from a certs.d directory, without --insecure', async () => {
    const [r] = await verifyRegistryEntries([at(tlsReg.host)], {
      insecure: false,
      digest: true,
      certRoots: [containersRoot, dockerRoot],
      env: {}
    })
    expect(r).toMatchObject({ complete: true, problems: [] })
  })

  it('cannot be verified without that CA: unreachable, naming the certificate problem', async () => {
    const [r] = await verifyRegistryEntries([at(tlsReg.host)], {
      insecure: false,
      digest: false,
      certRoots: [containersRoot],
      env: {}
    })
    expect(r.complete).toBe(false)
    expect(r.problems[0]?.kind).toBe('unreachable')
    expect(r.problems[0]?.message).toMatch(/certificate/i)
  })
})

describe('through a loopback proxy', () => {
  it('HTTPS_PROXY: a CONNECT tunnel to a registry only the proxy can resolve, TLS to the end', async () => {
    proxy.seen.length = 0
    const host = `registry.test:${portOf(tlsReg.host)}`
    const [r] = await verifyRegistryEntries([at(host)], {
      insecure: false,
      digest: true,
      certRoots: [dockerRoot],
      env: { HTTPS_PROXY: proxy.url, NO_PROXY: 'example.com,.internal' }
    })
    expect(r).toMatchObject({ complete: true, problems: [] })
    expect(proxy.seen).toContain(`CONNECT ${host}`)
  })

  it('NO_PROXY names the registry: no proxy, so the name does not resolve', async () => {
    proxy.seen.length = 0
    const host = `registry.test:${portOf(tlsReg.host)}`
    const [r] = await verifyRegistryEntries([at(host)], {
      insecure: false,
      digest: false,
      certRoots: [dockerRoot],
      env: { https_proxy: proxy.url, no_proxy: 'registry.test' }
    })
    expect(r.problems[0]?.kind).toBe('unreachable')
    expect(proxy.seen).toEqual([])
  })

  it('HTTP_PROXY: plain http (insecure) as absolute-URI requests', async () => {
    proxy.seen.length = 0
    const host = `registry.test:${portOf(plainReg.host)}`
    const [r] = await verifyRegistryEntries([at(host)], {
      insecure: true,
      digest: true,
      certRoots: [],
      env: { HTTP_PROXY: proxy.url }
    })
    expect(r).toMatchObject({ complete: true, problems: [] })
    expect(proxy.seen).toContain(`GET http://${host}/v2/ns/img/manifests/v1`)
  })

  it('loopback registries are never proxied (as in oc)', async () => {
    const [r] = await verifyRegistryEntries([at(plainReg.host)], {
      insecure: true,
      digest: false,
      env: { HTTPS_PROXY: 'http://127.0.0.1:1', HTTP_PROXY: 'http://127.0.0.1:1' }
    })
    expect(r).toMatchObject({ complete: true, problems: [] })
  })
})
