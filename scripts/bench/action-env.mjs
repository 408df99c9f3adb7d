// The runner files and INPUT_* variables the runner sets for a step, for running the action
// bundle directly in the benchmarks.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * @param {string} dir the step's workspace and home; runner files are created in it
 * @param {Record<string, string>} inputs
 */
export function actionEnv(dir, inputs) {
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  mkdirSync(join(dir, 'runner-temp'), { recursive: true })
  /** @type {Record<string, string>} */
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    ...files,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: join(dir, 'runner-temp')
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return { env, files }
}
