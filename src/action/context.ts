// What every part of the action shares: the validated inputs, where it works, the saved
// run state, and the few ways it reports (outputs, verdict).
import * as core from '@actions/core'
import { statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import type { Inputs } from '../github/inputs.js'
import { saveRunState } from '../github/state.js'
import { writeSummary } from '../github/summary.js'
import { writeProgress, type RunState } from '../run/run-state.js'

export interface Ctx {
  readonly inputs: Inputs
  readonly cwd: string
  readonly workDir: string
  state: RunState
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

export const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

export function saveState(ctx: Ctx): void {
  saveRunState(ctx.state)
  writeProgress(ctx.state)
}

/** Path for an annotation: relative to the repository checkout, where GitHub looks for it. */
export function annotationPath(ctx: Ctx, file: string): string {
  const abs = isAbsolute(file) ? file : resolve(ctx.cwd, file)
  const ws = process.env['GITHUB_WORKSPACE'] || process.cwd()
  const rel = relative(ws, abs)
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel)
    ? rel.split(sep).join('/')
    : file
}

/** The step's verdict for lines left failing, per on-failure. */
export function verdict(ctx: Ctx, text: string, always = false): void {
  const mode = always ? 'fail' : ctx.inputs.onFailure
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
export async function summarise(ctx: Ctx, render: () => string): Promise<void> {
  if (!ctx.inputs.summary) return
  const result = await writeSummary(render())
  if (!result.written) core.debug(`job summary not written: ${result.reason ?? 'unknown reason'}`)
}
