// The GitHub Action: main (validate, run the attempts, report) and post (finish what a
// cancelled or killed main left behind), in one bundle like actions/checkout.
import * as core from '@actions/core'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { aggregateMode } from './action/aggregate-mode.js'
import { isDirectory, setOutputs, type ActionStep } from './action/context.js'
import { mirrorMode } from './action/mirror-mode.js'
import { runPost } from './action/post.js'
import { validateMode } from './action/validate-mode.js'
import { shardArtifactName } from './core/shard-plan.js'
import { readInputs } from './github/inputs.js'
import { isPost, markPost } from './github/state.js'
import { masksFor } from './core/secret-values.js'
import { WORK_FILES } from './core/work-files.js'
import { RunStateStore } from './action/run-state.js'
import { removeFiles } from './action/secrets.js'
import { errorMessage, plural } from './core/text.js'

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

/**
 * When the step started (epoch ms), the time budget's zero: the runner started this process
 * for the step, so its start; a process that has run for a while already (tests calling run())
 * starts its step now.
 */
function stepStartedMs(): number {
  return process.uptime() < 30 ? Date.now() - process.uptime() * 1000 : Date.now()
}

export async function runMain(): Promise<void> {
  const startedMs = stepStartedMs()
  markPost()
  const abort = new AbortController()
  const onSignal = (sig: NodeJS.Signals): void => {
    stopped = true
    if (!abort.signal.aborted) abort.abort(new Error(`received ${sig}`))
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  let step: ActionStep | undefined
  let completed = false
  try {
    // Masked before anything else runs, even when the input turns out to be invalid.
    const rawAuth = core.getInput('registry-auth')
    if (rawAuth.trim() !== '') for (const m of masksFor(rawAuth)) core.setSecret(m)
    const read = readInputs((name) => core.getInput(name))
    if (!read.ok) {
      for (const e of read.errors) core.error(e, { title: 'mirror-guard input' })
      core.setFailed(`${plural(read.errors.length, 'invalid input')}; nothing was run.`)
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
    const runState = new RunStateStore({
      version: 1,
      finished: false,
      workDir,
      cwd,
      secretFiles: [],
      logPath: join(workDir, WORK_FILES.log),
      mappingFiles: [],
      scopeIds: [],
      confirmedIds: [],
      upload: inputs.upload,
      artifactName: inputs.artifactName,
      retryArtifactName: inputs.retryArtifactName,
      ...(inputs.retentionDays !== undefined ? { retentionDays: inputs.retentionDays } : {}),
      uploaded: [],
      progressFile: join(workDir, WORK_FILES.progress)
    })
    step = { inputs, cwd, workDir, runState, startedMs }
    if (inputs.mode === 'validate') await validateMode(step)
    else if (inputs.mode === 'aggregate') await aggregateMode(step, abort.signal)
    else await mirrorMode(step, abort.signal)
    completed = true
  } catch (e) {
    core.setFailed(`mirror-guard: ${errorMessage(e)}`)
    setOutputs({})
  } finally {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
    if (step) {
      removeFiles(step.runState.state.secretFiles)
      // "finished" = main wrote its report and artifacts (also after a handled cancel);
      // otherwise the post step uploads what exists.
      step.runState.update({ finished: completed })
    }
  }
}
