// A real registry for tests: Debian's `docker-registry` (distribution 2.8) on 127.0.0.1 with a
// port chosen at run time, filesystem storage in a fresh temp dir, deletes enabled.
// `stop()` kills it and removes the temp dir; call it in afterAll/finally.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import http from 'node:http'
import https from 'node:https'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningRegistry {
  /** `127.0.0.1:<port>`: the registry part of image references. */
  readonly host: string
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Where the registry keeps its data (inside the temp dir). */
  readonly storageDir: string
  stop(): Promise<void>
}

export interface RegistryOptions {
  /** Binary to run (default `/usr/bin/docker-registry`, or $MG_DOCKER_REGISTRY). */
  readonly binary?: string
  /** An htpasswd file (bcrypt entries) to require basic auth. */
  readonly htpasswd?: string
  /** How long to wait for GET /v2/ to answer (default 20 s). */
  readonly readyTimeoutMs?: number
  /** Serve HTTPS with this certificate and key (PEM files); `url` is then https://. */
  readonly tls?: { readonly certificate: string; readonly key: string }
}

/** A port that was free a moment ago (the registry binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

function configYaml(
  storageDir: string,
  port: number,
  htpasswd?: string,
  tls?: RegistryOptions['tls']
): string {
  const tlsBlock = tls
    ? `  tls:\n    certificate: ${JSON.stringify(tls.certificate)}\n    key: ${JSON.stringify(tls.key)}\n`
    : ''
  const auth = htpasswd
    ? `auth:\n  htpasswd:\n    realm: mirror-guard-test\n    path: ${JSON.stringify(htpasswd)}\n`
    : ''
  return `version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: ${JSON.stringify(storageDir)}
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:${port}
  secret: ${randomBytes(16).toString('hex')}
  headers:
    X-Content-Type-Options: [nosniff]
${tlsBlock}${auth}`
}

function ping(url: string): Promise<number> {
  return new Promise((resolve) => {
    const get = url.startsWith('https:') ? https.get : http.get
    const req = get(`${url}/v2/`, { timeout: 1000, rejectUnauthorized: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(0))
  })
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  if (!(await waitExit(child, 3000))) {
    child.kill('SIGKILL')
    await waitExit(child, 3000)
  }
}

async function startOnce(opts: RegistryOptions, tmp: string): Promise<RunningRegistry | string> {
  const port = await freePort()
  const storageDir = join(tmp, 'storage')
  const configPath = join(tmp, 'config.yml')
  await writeFile(configPath, configYaml(storageDir, port, opts.htpasswd, opts.tls))
  const binary = opts.binary ?? process.env.MG_DOCKER_REGISTRY ?? '/usr/bin/docker-registry'
  const child = spawn(binary, ['serve', configPath], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString('utf8')).slice(-4000)
  })
  let spawnError: Error | undefined
  child.on('error', (e) => (spawnError = e))
  // If the test process dies without stop(), do not leave the registry running.
  const onExit = (): void => void child.kill('SIGKILL')
  process.once('exit', onExit)
  child.once('exit', () => process.removeListener('exit', onExit))
  const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 20_000)
  while (Date.now() < deadline) {
    if (spawnError) return `cannot run ${binary}: ${spawnError.message}`
    if (child.exitCode !== null || child.signalCode !== null) {
      return `${binary} exited (${child.exitCode ?? child.signalCode}): ${stderr.trim()}`
    }
    const status = await ping(url)
    // 200 without auth, 401 with htpasswd: either way the API answers.
    if (status === 200 || status === 401) {
      return {
        host: `127.0.0.1:${port}`,
        url,
        storageDir,
        stop: async () => {
          await kill(child)
          await rm(tmp, { recursive: true, force: true })
        }
      }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await kill(child)
  return `${binary} did not answer GET ${url}/v2/ in time: ${stderr.trim()}`
}

/** Starts a registry; retries with another port if the chosen one was taken meanwhile. */
export async function startRegistry(opts: RegistryOptions = {}): Promise<RunningRegistry> {
  const tmp = await mkdtemp(join(tmpdir(), 'mg-registry-'))
  const errors: string[] = []
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await startOnce(opts, tmp)
    if (typeof result !== 'string') return result
    errors.push(result)
    if (!/address already in use/.test(result)) break
  }
  await rm(tmp, { recursive: true, force: true })
  throw new Error(`startRegistry failed: ${errors.join(' | ')}`)
}
