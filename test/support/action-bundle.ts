// The action as the runner starts it, for end-to-end and hardening tests: `node dist/index.js`
// (or, when src/ is newer than dist/, a fresh ncc build cached per source hash so parallel test
// files build it once), a workspace with the runner's files, and what the runner would read
// back: exit code, stdout, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, the RUNNER_TEMP tree.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeRunnerFiles, runnerEnv } from './runner-files.js'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
    .sort()
}

function runNode(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

/**
 * Path of an action bundle built from the current src/: dist/index.js when it is newer than
 * every source file, else an ncc build under node_modules/.cache keyed by the sources' hash.
 */
export async function actionBundle(): Promise<string> {
  const dist = join(ROOT, 'dist', 'index.js')
  const sources = filesUnder(join(ROOT, 'src'))
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs))
  if (existsSync(dist) && statSync(dist).mtimeMs > newest) return dist
  const hash = createHash('sha256')
  for (const f of sources) hash.update(f).update(readFileSync(f))
  const cache = join(ROOT, 'node_modules', '.cache', 'mirror-guard-bundle')
  const out = join(cache, hash.digest('hex').slice(0, 16))
  const bundle = join(out, 'index.js')
  if (existsSync(bundle)) return bundle
  mkdirSync(cache, { recursive: true })
  // Build next to the target and rename: a concurrent build of the same hash either wins the
  // rename or finds the finished directory.
  const tmp = mkdtempSync(join(cache, 'build-'))
  const ncc = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')
  const built = await runNode([ncc, 'build', 'src/index.ts', '-o', tmp, '-q'])
  if (built.code !== 0) {
    rmSync(tmp, { recursive: true, force: true })
    throw new Error(`ncc build failed: ${built.stderr}`)
  }
  try {
    renameSync(tmp, out)
  } catch {
    rmSync(tmp, { recursive: true, force: true })
  }
  if (!existsSync(bundle)) throw new Error(`bundle missing after build: ${bundle}`)
  return bundle
}

export interface BundleRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/** A workspace, runner files and RUNNER_TEMP for one run of the action. */
export class Workspace {
  readonly dir: string
  readonly workspace: string
  readonly runnerTemp: string
  readonly files: { output: string; summary: string; state: string; env: string }

  constructor(prefix = 'mg-e2e-') {
    ;({
      dir: this.dir,
      workspace: this.workspace,
      runnerTemp: this.runnerTemp,
      files: this.files
    } = makeRunnerFiles(prefix))
  }

  write(name: string, text: string | Buffer): string {
    const path = join(this.workspace, name)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    return name
  }

  read(name: string): string {
    return readFileSync(join(this.workspace, name), 'utf8')
  }

  /** The runner's variables for a step plus INPUT_* for `inputs`; nothing else leaks in. */
  env(inputs: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
    return runnerEnv(this, inputs, {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? tmpdir(),
      ...extra
    })
  }

  outputs(): Record<string, string> {
    return heredocs(readFileSync(this.files.output, 'utf8'))
  }

  state(): Record<string, string> {
    return heredocs(readFileSync(this.files.state, 'utf8'))
  }

  summary(): string {
    return readFileSync(this.files.summary, 'utf8')
  }

  /** Every file the run left in RUNNER_TEMP. */
  tempFiles(): string[] {
    return filesUnder(this.runnerTemp)
  }

  /** The run's own work directory (RUNNER_TEMP/mirror-guard-*). */
  workDir(): string {
    const dirs = readdirSync(this.runnerTemp).filter((d) => d.startsWith('mirror-guard-'))
    if (dirs.length !== 1) throw new Error(`expected one work dir, found ${dirs.join(', ')}`)
    return join(this.runnerTemp, dirs[0])
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

function heredocs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3]!
  return out
}

/** Starts the bundle; `started` lets a test signal it. Resolves when it exits. */
export function startBundle(
  bundle: string,
  env: Record<string, string>,
  opts: { timeoutMs?: number; started?: (child: ChildProcess) => void } = {}
): Promise<BundleRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle], { env, cwd: ROOT, detached: false })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
    opts.started?.(child)
  })
}

export function runBundle(
  bundle: string,
  env: Record<string, string>,
  timeoutMs?: number
): Promise<BundleRun> {
  return startBundle(bundle, env, timeoutMs !== undefined ? { timeoutMs } : {})
}
