// Runs the action the way the runner does, without mocking @actions/core: inputs as INPUT_*
// variables, outputs/state/summary as files, workflow commands read back from stdout.
// The stand-in oc (test/support/fake-oc.mjs) replays real transcripts per call.
import * as core from '@actions/core'
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, vi } from 'vitest'
import { unescapeProp } from '../support/runner-commands.js'
import { makeRunnerFiles, runnerEnv } from '../support/runner-files.js'

const HERE = dirname(fileURLToPath(import.meta.url))
export const ROOT = join(HERE, '..', '..')
export const TRANSCRIPTS = join(ROOT, 'test', 'fixtures', 'oc-transcripts')
export const SAMPLES = join(ROOT, 'test', 'fixtures', 'oc-dir-samples')
export const FAKE_OC = join(ROOT, 'test', 'support', 'fake-oc.mjs')

export interface FakeCall {
  readonly case: string
  readonly tree?: {
    readonly from: string
    readonly repos: Record<string, string>
    /** Success lines of the tree's repositories name the digests the tree holds. */
    readonly digestsFromTree?: boolean
  }
  readonly pauseAfterPlanningMs?: number
}

export interface Recorded {
  readonly argv: string[]
  readonly cwd: string
  readonly pid?: number
  readonly mapping: string
}

export interface Annotation {
  readonly level: string
  readonly props: Record<string, string>
  readonly message: string
}

/** A workspace with runner files and a stand-in `oc` that replays `calls`. */
export class ActionEnv {
  readonly dir: string
  readonly workspace: string
  readonly files: { output: string; summary: string; state: string; env: string }
  readonly oc: string
  readonly record: string
  readonly runnerTemp: string

  constructor(calls: readonly FakeCall[]) {
    ;({
      dir: this.dir,
      workspace: this.workspace,
      runnerTemp: this.runnerTemp,
      files: this.files
    } = makeRunnerFiles('mg-action-'))
    this.record = join(this.dir, 'oc-calls.jsonl')
    const script = join(this.dir, 'fake-oc.json')
    writeFileSync(
      script,
      JSON.stringify({ transcripts: TRANSCRIPTS, samples: SAMPLES, record: this.record, calls })
    )
    this.oc = join(this.dir, 'bin', 'oc')
    mkdirSync(dirname(this.oc))
    writeFileSync(
      this.oc,
      `#!/bin/sh\nFAKE_OC_SCRIPT='${script}' exec '${process.execPath}' '${FAKE_OC}' "$@"\n`
    )
    chmodSync(this.oc, 0o755)
  }

  /** Copies a transcript's mapping.txt into the workspace. */
  mappingFrom(caseName: string, as = 'mapping.txt'): string {
    cpSync(join(TRANSCRIPTS, caseName, 'mapping.txt'), join(this.workspace, as))
    return as
  }

  writeFile(name: string, text: string): string {
    writeFileSync(join(this.workspace, name), text)
    return name
  }

  /** The variables the runner sets for a step, plus INPUT_* for `inputs`. */
  env(inputs: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
    return runnerEnv(this, { oc: this.oc, ...inputs }, extra)
  }

  /** Stubs the env in-process (vitest restores it) and clears artifact/runtime variables. */
  stub(inputs: Record<string, string>, extra: Record<string, string> = {}): void {
    for (const v of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_SERVER_URL']) {
      vi.stubEnv(v, undefined)
    }
    for (const [k, v] of Object.entries(this.env(inputs, extra))) vi.stubEnv(k, v)
  }

  /** The mirror calls (not `oc version`). */
  calls(): Recorded[] {
    return this.allCalls().filter((c) => c.argv[0] !== 'version')
  }

  /** Every process the stand-in oc was started as, in order. */
  allCalls(): Recorded[] {
    try {
      return readFileSync(this.record, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Recorded)
    } catch {
      return []
    }
  }

  outputs(): Record<string, string> {
    const out: Record<string, string> = {}
    const text = readFileSync(this.files.output, 'utf8')
    for (const m of text.matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3]!
    return out
  }

  /** The step's saved state, as the runner passes it to the post step (last value wins). */
  state(): Record<string, string> {
    const out: Record<string, string> = {}
    const text = readFileSync(this.files.state, 'utf8')
    for (const m of text.matchAll(/^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm)) out[m[1]] = m[3]!
    return out
  }

  summary(): string {
    return readFileSync(this.files.summary, 'utf8')
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** Lines of a mapping text that oc would read (comments and blanks dropped). */
export function mappingLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l !== '')
}

/** Workflow-command annotations in captured stdout. */
export function annotations(stdout: string): Annotation[] {
  const out: Annotation[] = []
  for (const m of stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)) {
    const props: Record<string, string> = {}
    for (const p of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = p.indexOf('=')
      props[p.slice(0, eq)] = unescapeProp(p.slice(eq + 1))
    }
    out.push({ level: m[1], props, message: unescapeProp(m[3] ?? '') })
  }
  return out
}

/** Captures everything written to stdout (workflow commands included) until restored. */
export function captureStdout(): () => string {
  const chunks: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())
    return true
  })
  return () => chunks.join('')
}

/** @actions/core's summary is a singleton that caches its file path and buffer. */
export function resetCore(): void {
  core.summary.emptyBuffer()
  ;(core.summary as unknown as { _filePath?: string })._filePath = undefined
  process.exitCode = undefined
}

/** One ActionEnv per test, removed (and @actions/core's singletons reset) after it. */
export function actionEnvPerTest(): (calls: FakeCall[]) => ActionEnv {
  let env: ActionEnv | undefined
  afterEach(() => {
    env?.cleanup()
    env = undefined
    resetCore()
  })
  return (calls) => (env = new ActionEnv(calls))
}

/** Whether a process is still running (an unreaped zombie counts as gone). */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return !/^\d+ \(.*\) [ZX] /.test(stat)
  } catch {
    return false
  }
}
