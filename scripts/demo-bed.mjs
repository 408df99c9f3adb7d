// The demo's registry bed on bare Node (no TypeScript at run time): Debian's docker-registry
// on 127.0.0.1 with a free port and tmp storage, wrapped by test/support/bed.mjs.
// test/support/registry.ts does the same for the tests; this copy exists only because the
// demo must run without a TypeScript toolchain.
import { spawn } from 'node:child_process'
import http from 'node:http'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { startBedWith } from '../test/support/bed.mjs'

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      s.close(() => resolve(port))
    })
  })
}

/** @param {string} url @returns {Promise<boolean>} */
function ping(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 1000 }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(false))
  })
}

/** Binary name: `docker-registry` on Debian/Ubuntu, `registry` upstream. */
export const registryBinary = () => process.env.REGISTRY_BIN || 'docker-registry'

/** @returns {Promise<import('../test/support/bed.d.mts').RegistryHandle>} */
export async function startRegistry() {
  const dir = await mkdtemp(join(tmpdir(), 'mg-demo-registry-'))
  // The port is picked then released, so another process may take it first: retry.
  for (let tries = 0; tries < 5; tries++) {
    const port = await freePort()
    const config = join(dir, 'config.yml')
    await writeFile(
      config,
      [
        'version: 0.1',
        'log: { level: error, accesslog: { disabled: true } }',
        `storage: { filesystem: { rootdirectory: ${JSON.stringify(join(dir, 'data'))} }, delete: { enabled: true } }`,
        `http: { addr: "127.0.0.1:${port}" }`,
        ''
      ].join('\n')
    )
    const child = spawn(registryBinary(), ['serve', config], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: false
    })
    let stderr = ''
    child.stderr.on('data', (c) => (stderr = (stderr + String(c)).slice(-4000)))
    /** @type {Error | undefined} */
    let failed
    child.once('error', (e) => (failed = e))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    const host = `127.0.0.1:${port}`
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await Promise.race([exited, sleep(5000)])
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      }
      await rm(dir, { recursive: true, force: true })
    }
    for (let i = 0; i < 100; i++) {
      if (failed) {
        await rm(dir, { recursive: true, force: true })
        throw new Error(`cannot start ${registryBinary()}: ${failed.message}`)
      }
      if (child.exitCode !== null) break
      const ok = await ping(`http://${host}/v2/`)
      if (ok) return { host, url: `http://${host}`, stop }
      await sleep(100)
    }
    child.kill('SIGKILL')
    await exited
    if (tries === 4) {
      await rm(dir, { recursive: true, force: true })
      throw new Error(`${registryBinary()} did not come up on ${host}: ${stderr.trim()}`)
    }
  }
  throw new Error('unreachable')
}

/** @param {import('../test/support/bed.d.mts').BedOptions} opts */
export const startDemoBed = (opts) => startBedWith(startRegistry, opts)

/**
 * The demo's scenario, shared by `npm run demo` and the repository's own workflow: three images
 * (one multi-arch), HTTP 429 on the first GETs of two layers, and a mapping of the three.
 * @param {'oc' | 'skopeo'} engine
 */
export async function startDemoScenario(engine) {
  const bed = await startDemoBed({
    images: [
      {
        repo: 'demo/alpha',
        tag: 'v1',
        layers: [
          { seed: 1, size: 300_000 },
          { seed: 2, size: 200_000 }
        ]
      },
      {
        repo: 'demo/beta',
        tag: 'v1',
        layers: [
          { seed: 1, size: 300_000 },
          { seed: 3, size: 50_000 }
        ]
      },
      {
        repo: 'demo/multi',
        tag: 'v1',
        // A Docker manifest list for oc: oc 4.13 cannot read OCI image indexes at all.
        format: engine === 'oc' ? 'docker' : 'oci',
        platforms: [
          { architecture: 'amd64', layers: [{ seed: 4, size: 100_000 }] },
          { architecture: 'arm64', layers: [{ seed: 5, size: 100_000 }] }
        ]
      }
    ]
  })
  const [alpha, , multi] = bed.images.images
  // skopeo retries a 429 five times by itself (honouring Retry-After, here 0 s); oc's blob
  // GETs are not retried. Either way the layer is refused for the whole first attempt.
  const first = engine === 'skopeo' ? 5 : 1
  const limited = [
    { repo: 'demo/alpha', digest: alpha.manifests[0].layerDigests[1] },
    { repo: 'demo/multi', digest: multi.manifests[0].layerDigests[0] }
  ]
  bed.proxy.setRules(
    limited.map((l) => ({
      name: `429 on ${l.repo} layer ${l.digest.slice(7, 19)}`,
      method: 'GET',
      path: `^/v2/${l.repo}/blobs/${l.digest}`,
      first,
      action: '429-json',
      retryAfter: 0
    }))
  )
  const S = bed.sourceHost
  const D = bed.destination.host
  const mapping = [
    '# mirror-guard demo mapping (SRC=DST or SRC DST, one per line)',
    `${S}/demo/alpha:v1=${D}/mirror/alpha:v1`,
    `${S}/demo/beta:v1 ${D}/mirror/beta:v1`,
    `${S}/demo/multi:v1 ${D}/mirror/multi:v1`,
    ''
  ].join('\n')
  return { bed, limited, first, mapping }
}
