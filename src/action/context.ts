// What every part of the action's main step shares (ActionStep: the validated inputs, where it
// works, the run state for the post step) and the few ways it reports (outputs, the exit code
// per on-failure, the job summary).
import * as core from '@actions/core'
import { statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { removeStaleArtifact, uploadFiles, type UploadResult } from '../github/artifacts.js'
import type { Inputs } from '../github/inputs.js'
import { writeSummary } from '../github/summary.js'
import type { RunStateStore } from './run-state.js'

/** One run of the action's main step. */
export interface ActionStep {
  readonly inputs: Inputs
  readonly cwd: string
  readonly workDir: string
  /** What the post step needs; saved on every update. */
  readonly runState: RunStateStore
  /** When the step started (epoch ms): the time budget counts from it. Default: now. */
  readonly startedMs?: number
}

const OUTPUT_DEFAULTS = {
  outcome: 'failed',
  attempts: '0',
  mirrored: '0',
  failed: '0',
  'failed-by-class': '{}',
  unverified: '0',
  'retry-mapping': '',
  report: '',
  log: '',
  'log-artifact-id': '',
  'retry-artifact-id': ''
}

export type OutputName = keyof typeof OUTPUT_DEFAULTS

export function setOutputs(values: Partial<Record<OutputName, string>>): void {
  for (const [k, v] of Object.entries({ ...OUTPUT_DEFAULTS, ...values })) core.setOutput(k, v)
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** Path for an annotation: relative to the repository checkout, where GitHub looks for it. */
export function annotationPath(step: ActionStep, file: string): string {
  const abs = isAbsolute(file) ? file : resolve(step.cwd, file)
  const ws = process.env['GITHUB_WORKSPACE'] || process.cwd()
  const rel = relative(ws, abs)
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel)
    ? rel.split(sep).join('/')
    : file
}

/**
 * Lines left failing end the step per on-failure: exit code 1 (`fail`, or `always`), a warning
 * (`warn`), or a log line (`ignore`).
 */
export function failStepPerOnFailure(step: ActionStep, text: string, always = false): void {
  const mode = always ? 'fail' : step.inputs.onFailure
  // The lines are annotated already; a summary error annotation would only take one of the
  // ten error slots GitHub shows, so the step fails through its exit code.
  if (mode === 'fail') {
    process.exitCode = 1
    core.info(`mirror-guard: ${text}`)
  } else if (mode === 'warn') core.warning(text, { title: 'mirror-guard' })
  else core.info(text)
}

/**
 * Writes the job summary unless the `summary` input is false. The Markdown is rendered only
 * when it is written.
 */
export async function summarise(step: ActionStep, render: () => string): Promise<void> {
  if (!step.inputs.summary) return
  const result = await writeSummary(render())
  if (!result.written) core.debug(`job summary not written: ${result.reason ?? 'unknown reason'}`)
}

/**
 * What an artifact request came back with, said on the runner: a failure as a warning, a
 * replaced or removed artifact of an earlier attempt as a log line (skipped uploads are the
 * caller's: they become a notice once, not per artifact).
 */
export function sayArtifactResult(r: {
  warning?: string
  replaced?: string
  removed?: string
}): void {
  if (r.warning !== undefined) core.warning(r.warning, { title: 'artifact upload' })
  if (r.replaced !== undefined) core.info(r.replaced)
  if (r.removed !== undefined) core.info(r.removed)
}

/**
 * The retry-mapping artifact `name`: the file at `path` uploaded, or, with nothing left to
 * retry (`path` undefined), the one an earlier attempt of this run uploaded removed; what came
 * of it said on the runner.
 */
export async function syncRetryArtifact(
  name: string,
  path: string | undefined,
  workDir: string,
  options: Parameters<typeof uploadFiles>[3]
): Promise<UploadResult> {
  if (path === undefined) {
    sayArtifactResult(await removeStaleArtifact(name, options))
    return {}
  }
  const r = await uploadFiles(name, [path], workDir, options)
  sayArtifactResult(r)
  return r
}
