// mode: mirror / dry-run — secrets, the mapping (or a retry mapping from an artifact), the
// engine, the attempts; then finish() reports.
import * as core from '@actions/core'
import { existsSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { loadMappingFiles } from '../core/mapping-files.js'
import { ocVersionNote, parseOcClientVersion } from '../core/oc-version.js'
import type { RetryPolicy } from '../core/retry-plan.js'
import { mappingDigests } from '../core/shard-merge.js'
import { renderShardMapping, shardEntries, type ShardSpec } from '../core/shard-plan.js'
import { BUDGET_KILL_GRACE_MS, formatSeconds, makeTimeBudget } from '../core/time-budget.js'
import { originOf } from '../core/retry-mapping.js'
import { masksFor } from '../core/secret-values.js'
import type { MappingEntry } from '../core/types.js'
import { shardMappingFile, WORK_FILES } from '../core/work-files.js'
import type { Engine } from '../engines/engine.js'
import { OcEngine } from '../engines/oc.js'
import { SkopeoEngine } from '../engines/skopeo.js'
import { emitAnnotations, planAnnotations } from '../github/annotations.js'
import { downloadRetryMapping } from '../github/artifacts.js'
import { SafeEcho } from '../github/echo.js'
import { renderSummary } from '../github/summary.js'
import { AttemptLog } from '../run/attempt-log.js'
import { runJob, type JobResult } from '../run/job.js'
import { Redactor } from '../core/redact.js'
import { masksForFile, writeAuthFile } from './secrets.js'
import { removeFromTree } from '../run/tree-repair.js'
import { makeVerifier } from './verify-hook.js'
import { verifyFileEntries } from '../verify/index.js'
import {
  annotationPath,
  failStepPerOnFailure,
  setOutputs,
  summarise,
  type ActionStep
} from './context.js'
import { finish } from './finish.js'
import { errorMessage, plural } from '../core/text.js'

export async function mirrorMode(step: ActionStep, signal: AbortSignal): Promise<void> {
  const { inputs } = step
  // 1. Secrets first: masked before anything else can print them.
  let authFile: string | undefined
  // What the log files, the report and the retry mapping must never hold (masked in main).
  let secrets: string[] = []
  if (inputs.registryAuth !== undefined) {
    secrets = masksFor(inputs.registryAuth)
    authFile = writeAuthFile(step.workDir, inputs.registryAuth)
    step.runState.update({ secretFiles: [authFile] })
  } else if (inputs.registryConfig !== undefined) {
    authFile = resolve(step.cwd, inputs.registryConfig)
    if (!existsSync(authFile)) {
      core.setFailed(
        `Input registry-config: file ${inputs.registryConfig} not found (looked in ${step.cwd}).`
      )
      setOutputs({})
      return
    }
    secrets = masksForFile(authFile)
    for (const m of secrets) core.setSecret(m)
  }

  // The one redactor for everything this run writes; tokens obtained later join it (and the
  // runner's masks).
  const redaction = new Redactor(secrets)
  redaction.onAdd((v) => core.setSecret(v))

  // 2. The mapping: a retry mapping from an artifact, or the mapping input.
  let mappingFiles = [...inputs.mapping]
  const notes: string[] = []
  if (inputs.retryFrom !== undefined) {
    const got = await downloadRetryMapping({
      name: inputs.retryFrom,
      path: join(step.workDir, WORK_FILES.retryFromDir),
      ...(inputs.runId !== undefined ? { runId: inputs.runId } : {}),
      ...(inputs.repository !== undefined ? { repository: inputs.repository } : {}),
      ...(inputs.githubToken !== undefined ? { token: inputs.githubToken } : {}),
      signal
    })
    if (got.cancelled === true) {
      // Stopped before the lines to retry were known: the artifact is still there for a rerun.
      core.setFailed(`${got.reason ?? 'The run was stopped'}; nothing was mirrored.`)
      setOutputs({})
      return
    }
    if (got.found && got.files.length > 0) {
      mappingFiles = got.files.filter((f) => f.endsWith('.txt'))
      if (mappingFiles.length === 0) mappingFiles = got.files
      core.info(
        `Retrying the lines of artifact ${inputs.retryFrom}: ${mappingFiles.map((f) => basename(f)).join(', ')}`
      )
    } else {
      const why = `Retry mapping ${inputs.retryFrom} not available: ${got.reason ?? 'no files'}.`
      core.notice(why, { title: 'retry-from' })
      notes.push(why)
      if (inputs.retryFromMissing === 'fail') {
        core.setFailed(`${why} (retry-from-missing: fail)`)
        setOutputs({})
        return
      }
      if (inputs.retryFromMissing === 'skip' || mappingFiles.length === 0) {
        if (inputs.retryFromMissing === 'full') {
          core.setFailed(`${why} retry-from-missing is full, but the mapping input is empty.`)
          setOutputs({})
          return
        }
        await summarise(step, () =>
          renderSummary({
            title: 'mirror-guard',
            mode: 'mirror',
            lines: [],
            notes: [...notes, 'Nothing to retry.']
          })
        )
        setOutputs({ outcome: 'success' })
        return
      }
    }
  }
  const { set, texts } = await loadMappingFiles(mappingFiles, step.cwd)
  const locate = (file: string, line: number): { file: string; line: number } => {
    const origin = originOf(texts, file, line)
    return origin ?? { file: annotationPath(step, file), line }
  }
  const findings = set.findings.map((f) => ({ ...f, ...locate(f.file, f.line) }))
  const parseErrors = findings.filter((f) => f.severity === 'error')
  if (parseErrors.length > 0) {
    // oc would stop at the first of these; nothing is spawned.
    emitAnnotations(planAnnotations({ lines: [], findings, moreAt: 'the job summary' }))
    await summarise(step, () =>
      renderSummary({
        title: 'mirror-guard',
        mode: inputs.dryRun ? 'dry-run' : 'mirror',
        lines: [],
        findings,
        notes: [...notes, `The mapping has ${parseErrors.length} error(s); oc was not started.`]
      })
    )
    setOutputs({ outcome: 'failed', failed: String(set.entries.length) })
    failStepPerOnFailure(
      step,
      `mapping has ${plural(parseErrors.length, 'error')}; oc was not started`,
      true
    )
    return
  }

  // A shard mirrors only its share: whole destination repositories (src/core/shard-plan.ts).
  const shard = inputs.shard
  const scope = shard ? shardEntries(set.entries, shard) : set.entries
  const files = mappingDigests(mappingFiles.map((file) => ({ file, text: texts.get(file) ?? '' })))
  if (shard) {
    core.info(
      `Shard ${shard.index}/${shard.count}: ${scope.length} of ${set.entries.length} mapping entries.`
    )
    notes.push(
      `Shard ${shard.index} of ${shard.count}: ${scope.length} of the ${set.entries.length} mapping entries.`
    )
  }
  if (scope.length === 0) {
    // More shards than destination repositories: this one has nothing to do, and says so.
    await finish(step, {
      set,
      texts,
      job: {
        triage: { verdicts: [], runLevel: [], attempts: [] },
        attempts: [],
        aborted: false,
        ranIds: [],
        lastFailure: new Map(),
        unprovenIds: [],
        keptUnverifiedIds: []
      },
      toolVersion: '',
      engine: inputs.engine,
      logPath: join(step.workDir, WORK_FILES.log),
      notes: [...notes, 'Nothing to mirror in this shard.'],
      locate,
      files
    })
    return
  }

  // 3. Engine and version.
  const engine = makeEngine(step, authFile)
  let toolVersion: string
  try {
    toolVersion = await engine.version(signal)
  } catch (e) {
    // A stop during the probe is not a broken install: the attempt loop sees the stop and every
    // line goes to the retry mapping unconfirmed.
    if (signal.aborted) toolVersion = `version not read (the run was stopped)`
    else {
      core.setFailed(
        `Cannot run ${engine.name}: ${errorMessage(e)}${installHint(engine.name, errorMessage(e))}`
      )
      setOutputs({})
      return
    }
  }
  core.info(`${engine.name}: ${toolVersion.split('\n')[0] ?? ''}`)
  const ocVersion = engine.name === 'oc' ? parseOcClientVersion(toolVersion) : undefined
  if (engine.name === 'oc') core.info(ocVersionNote(ocVersion))
  const mirrorRoot = resolve(step.cwd, inputs.dir ?? '.')

  // 4. Attempts.
  const firstMappingFile = shard
    ? writeShardMapping(step, scope, shard)
    : mappingFiles.length === 1
      ? mappingFiles[0]
      : writeCombinedMapping(step, mappingFiles, texts)
  step.runState.update({ mappingFiles, scopeIds: scope.map((e) => e.id) })
  const log = new AttemptLog(step.workDir)
  const echo = new SafeEcho()
  const policy: RetryPolicy = {
    maxAttempts: inputs.dryRun ? 1 : inputs.maxAttempts,
    retryOn: inputs.retryOn,
    retryDelaySeconds: inputs.retryDelaySeconds,
    maxRetryDelaySeconds: inputs.maxRetryDelaySeconds,
    retryMaxPerRegistry: inputs.retryMaxPerRegistry,
    forceOnRetry: inputs.forceOnRetry,
    maxPerRegistry: inputs.maxPerRegistry
  }
  // The budget counts from the step's start: what ran before the attempts (inputs, download of
  // retry-from, the engine's version) is part of it.
  const budget =
    inputs.timeBudgetSeconds !== undefined
      ? makeTimeBudget(step.startedMs ?? Date.now(), inputs.timeBudgetSeconds * 1000)
      : undefined
  let job: JobResult
  try {
    job = await runJob({
      engine,
      set,
      scope,
      firstMappingFile,
      workDir: step.workDir,
      log,
      policy,
      ...(inputs.attemptTimeoutSeconds !== undefined
        ? { timeoutMs: inputs.attemptTimeoutSeconds * 1000 }
        : {}),
      ...(inputs.verify !== 'off' && !inputs.dryRun
        ? {
            verify: makeVerifier({
              inputs,
              cwd: step.cwd,
              ...(authFile !== undefined ? { authFile } : {}),
              onSecret: (v) => redaction.add(v)
            })
          }
        : {}),
      allowUnverified: inputs.allowUnverified,
      redact: redaction.text,
      echo: (_stream, line) => echo.line(line),
      info: (m) => {
        echo.end()
        core.info(redaction.text(m))
      },
      warn: (m) => {
        echo.end()
        core.warning(redaction.text(m), { title: 'allow-unverified' })
      },
      debug: (m) => {
        echo.end()
        core.debug(m)
      },
      // Each attempt's output folds into a group, opened outside the stop-commands block.
      attemptStarted: (attempt, lines) =>
        echo.group(
          `${engine.name} attempt ${attempt} of ${policy.maxAttempts}: ${plural(lines, 'mapping entry', 'mapping entries')}`
        ),
      attemptEnded: () => echo.endGroup(),
      signal,
      tool: { engine: engine.name, ...(ocVersion !== undefined ? { ocVersion } : {}) },
      // A dry run never edits the tree.
      ...(!inputs.dryRun
        ? {
            removeStale: (paths: readonly string[]) => removeFromTree(mirrorRoot, paths),
            inspectFiles: (entries: readonly MappingEntry[]) =>
              verifyFileEntries(entries, mirrorRoot, { digest: false, side: 'destination' })
          }
        : {}),
      ...(budget ? { budget } : {}),
      ...(inputs.chunkSize !== undefined ? { chunkSize: inputs.chunkSize } : {}),
      ...(inputs.progressIntervalSeconds > 0
        ? { progressIntervalMs: inputs.progressIntervalSeconds * 1000 }
        : {}),
      progress: (line) => {
        echo.end()
        core.info(redaction.text(line))
      },
      onProgress: (r) => {
        echo.end()
        // The post step trusts these: a line waiting for verification is not confirmed yet.
        const unproven = new Set(r.unprovenIds)
        step.runState.update({
          confirmedIds: r.triage.verdicts
            .filter((v) => v.status === 'mirrored' && !unproven.has(v.entryId))
            .map((v) => v.entryId)
        })
      }
    })
  } finally {
    echo.endGroup()
    log.close()
  }
  if (job.aborted) notes.push('The run was cancelled: lines not confirmed by then count as failed.')
  if (job.fatal !== undefined) notes.push(`The run stopped: ${job.fatal}`)
  if (job.budgetNote !== undefined && inputs.timeBudgetSeconds !== undefined) {
    notes.push(
      `⏱ Time budget ${formatSeconds(inputs.timeBudgetSeconds * 1000)}: ${job.budgetNote}. Every line not confirmed is in the retry mapping (outcome: out-of-time).`
    )
  }
  await finish(step, {
    set,
    texts,
    job,
    toolVersion,
    ...(ocVersion !== undefined ? { ocVersion } : {}),
    engine: engine.name,
    logPath: log.combinedPath,
    notes,
    locate,
    files,
    redaction,
    signal,
    ...(budget ? { budget } : {})
  })
}

function writeShardMapping(
  step: ActionStep,
  scope: readonly MappingEntry[],
  shard: ShardSpec
): string {
  const path = join(step.workDir, shardMappingFile(shard.index, shard.count))
  const header = `mirror-guard shard ${shard.index} of ${shard.count}: ${scope.length} mapping entries`
  writeFileSync(path, renderShardMapping(scope, header), { mode: 0o600 })
  return path
}

function writeCombinedMapping(
  step: ActionStep,
  files: readonly string[],
  texts: ReadonlyMap<string, string>
): string {
  const path = join(step.workDir, WORK_FILES.combinedMapping)
  writeFileSync(path, files.map((f) => (texts.get(f) ?? '').replace(/\n?$/, '\n')).join(''), {
    mode: 0o600
  })
  return path
}

function makeEngine(step: ActionStep, authFile: string | undefined): Engine {
  const i = step.inputs
  if (i.engine === 'skopeo') {
    return new SkopeoEngine({
      options: {
        insecure: i.insecure,
        ...(authFile !== undefined ? { authFile } : {}),
        extraArgs: i.extraArgs
      },
      maxPerRegistry: i.maxPerRegistry,
      shareBlobs: i.skopeoShareBlobs,
      dryRun: i.dryRun,
      cwd: step.cwd,
      tmpDir: step.workDir,
      ...(i.timeBudgetSeconds !== undefined ? { killGraceMs: BUDGET_KILL_GRACE_MS } : {})
    })
  }
  return new OcEngine({
    binary: i.oc,
    cwd: step.cwd,
    options: {
      ...(authFile !== undefined ? { registryConfig: authFile } : {}),
      ...(i.dir !== undefined ? { dir: i.dir } : {}),
      ...(i.fromDir !== undefined ? { fromDir: i.fromDir } : {}),
      ...(i.filterByOs !== undefined ? { filterByOs: i.filterByOs } : {}),
      keepManifestList: i.keepManifestList,
      insecure: i.insecure,
      skipMultipleScopes: i.skipMultipleScopes,
      skipMissing: i.skipMissing,
      maxPerRegistry: i.maxPerRegistry,
      maxRegistry: i.maxRegistry,
      continueOnError: i.continueOnError,
      dryRun: i.dryRun,
      extraArgs: i.extraArgs
    },
    // With a time budget the stop must be quick: oc exits on SIGTERM at once.
    ...(i.timeBudgetSeconds !== undefined ? { killGraceMs: BUDGET_KILL_GRACE_MS } : {})
  })
}

/** How to get the engine's binary, when it could not be started at all. */
function installHint(engine: Engine['name'], why: string): string {
  if (!/ENOENT|EACCES|EPERM|not found|permission denied/i.test(why)) return ''
  return engine === 'oc'
    ? ' Install the OpenShift CLI (oc, from https://mirror.openshift.com/pub/openshift-v4/clients/ocp/) on the runner, make it executable and put it on the PATH or set the `oc` input to its path; or use `engine: skopeo`.'
    : ' Install skopeo on the runner (e.g. `apt-get install skopeo`) and put it on the PATH; or use `engine: oc`.'
}
