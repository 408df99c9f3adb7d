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
