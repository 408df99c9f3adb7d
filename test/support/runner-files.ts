// The files and folders a runner gives a step: a workspace, RUNNER_TEMP, and the files behind
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE and GITHUB_ENV — all in one temp dir.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunnerFiles {
  readonly dir: string
  readonly workspace: string
  readonly runnerTemp: string
  readonly files: { output: string; summary: string; state: string; env: string }
}

export function makeRunnerFiles(prefix: string): RunnerFiles {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const workspace = join(dir, 'ws')
  const runnerTemp = join(dir, 'runner-temp')
  mkdirSync(workspace)
  mkdirSync(runnerTemp)
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    state: join(dir, 'state'),
    env: join(dir, 'env')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  return { dir, workspace, runnerTemp, files }
}

/** The variables the runner sets for a step, plus INPUT_* for `inputs` (named as core reads them). */
export function runnerEnv(
  r: RunnerFiles,
  inputs: Record<string, string>,
  extra: Record<string, string> = {}
): Record<string, string> {
  const out: Record<string, string> = {
    GITHUB_OUTPUT: r.files.output,
    GITHUB_STEP_SUMMARY: r.files.summary,
    GITHUB_STATE: r.files.state,
    GITHUB_ENV: r.files.env,
    GITHUB_WORKSPACE: r.workspace,
    RUNNER_TEMP: r.runnerTemp,
    ...extra
  }
  for (const [k, v] of Object.entries(inputs))
    out[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  return out
}
