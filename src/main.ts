// The GitHub Action: main (validate, run the attempts, report) and post (finish what a
// cancelled or killed main left behind), in one bundle like actions/checkout.
import * as core from '@actions/core'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { aggregateMode } from './action/aggregate-mode.js'
import { isDirectory, message, saveState, setOutputs, type Ctx } from './action/context.js'
import { mirrorMode } from './action/mirror-mode.js'
import { runPost } from './action/post.js'
import { validateMode } from './action/validate-mode.js'
import { shardArtifactName } from './core/shard-plan.js'
import { readInputs } from './github/inputs.js'
import { isPost, markPost } from './github/state.js'
import type { RunState } from './run/run-state.js'
import { masksFor, removeFiles } from './run/secrets.js'

export { runPost }

let stopped = false

/** True once SIGTERM or SIGINT arrived: the bundle then exits as soon as main has reported. */
export function stopRequested(): boolean {
  return stopped
}

/** Entry point of the bundle: the post step when main has marked the state, else main. */
export async function run(): Promise<void> {
  if (isPost()) await runPost()
  else await runMain()
}

export async function runMain(): Promise<void> {
  markPost()
  const abort = new AbortController()
  const onSignal = (sig: NodeJS.Signals): void => {
    stopped = true
    if (!abort.signal.aborted) abort.abort(new Error(`received ${sig}`))
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  let ctx: Ctx | undefined
  let completed = false
  try {
    // Masked before anything else runs, even when the input turns out to be invalid.
    const rawAuth = core.getInput('registry-auth')
    if (rawAuth.trim() !== '') for (const m of masksFor(rawAuth)) core.setSecret(m)
    const read = readInputs((name) => core.getInput(name))
    if (!read.ok) {
      for (const e of read.errors) core.error(e, { title: 'mirror-guard input' })
      core.setFailed(
        `${read.errors.length} invalid input${read.errors.length === 1 ? '' : 's'}; nothing was run.`
      )
      setOutputs({})
      return
    }
    // A shard uploads under its own names: the matrix's jobs share one run's artifact namespace.
    const shard = read.inputs.shard
    const inputs = shard
      ? {
          ...read.inputs,
          artifactName: shardArtifactName(read.inputs.artifactName, shard),
          retryArtifactName: shardArtifactName(read.inputs.retryArtifactName, shard)
        }
      : read.inputs
    const cwd = resolve(
      process.env['GITHUB_WORKSPACE'] || process.cwd(),
      inputs.workingDirectory ?? '.'
    )
    if (!isDirectory(cwd)) {
      core.setFailed(`Input working-directory: ${cwd} is not a directory; nothing was run.`)
      setOutputs({})
      return
    }
    const tempRoot = process.env['RUNNER_TEMP'] || tmpdir()
    mkdirSync(tempRoot, { recursive: true })
    const workDir = mkdtempSync(join(tempRoot, 'mirror-guard-'))
    const state: RunState = {
      version: 1,
      finished: false,
      workDir,
      cwd,
      secretFiles: [],
      logPath: join(workDir, 'oc-mirror.log'),
      mappingFiles: [],
      scopeIds: [],
      confirmedIds: [],
      upload: inputs.upload,
      artifactName: inputs.artifactName,
      retryArtifactName: inputs.retryArtifactName,
      ...(inputs.retentionDays !== undefined ? { retentionDays: inputs.retentionDays } : {}),
      uploaded: [],
      progressFile: join(workDir, 'progress.json')
    }
    ctx = { inputs, cwd, workDir, state }
    saveState(ctx)
    if (inputs.mode === 'validate') await validateMode(ctx)
    else if (inputs.mode === 'aggregate') await aggregateMode(ctx, abort.signal)
    else await mirrorMode(ctx, abort.signal)
    completed = true
  } catch (e) {
    core.setFailed(`mirror-guard: ${message(e)}`)
    setOutputs({})
  } finally {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
    if (ctx) {
      removeFiles(ctx.state.secretFiles)
      // "finished" = main wrote its report and artifacts (also after a handled cancel);
      // otherwise the post step uploads what exists.
      ctx.state = { ...ctx.state, finished: completed }
      saveState(ctx)
    }
  }
}
