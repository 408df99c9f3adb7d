// The GitHub Action: main (validate, run the attempts, report) and post (finish what a
// cancelled or killed main left behind), in one bundle like actions/checkout.
import * as core from '@actions/core'
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { isRunSummary } from './core/classify.js'
import { loadMappingFiles } from './core/mapping-files.js'
import { effectiveDestination } from './core/mapping.js'
import { buildReport, renderRetryMapping } from './core/report.js'
import type { RetryPolicy } from './core/retry-plan.js'
import type { LineVerdict, MappingFinding, MappingSet } from './core/types.js'
import { lintMappings } from './core/validate.js'
import type { Engine } from './engines/engine.js'
import { OcEngine } from './engines/oc.js'
import { SkopeoEngine } from './engines/skopeo.js'
import { emitAnnotations, planAnnotations } from './github/annotations.js'
import { downloadRetryMapping, uploadFiles } from './github/artifacts.js'
import { SafeEcho } from './github/echo.js'
import { readInputs, type Inputs } from './github/inputs.js'
import { isPost, loadRunState, markPost, saveRunState } from './github/state.js'
import { renderSummary, writeSummary } from './github/summary.js'
import { AttemptLog } from './run/attempt-log.js'
import { runJob, type JobResult } from './run/job.js'
import {
  annotatedRunLevel,
  attemptJson,
  attemptRow,
  dryRunVerdicts,
  lineResults,
  originOf
} from './run/present.js'
import { computeOutcome, failedByClass, type Outcome } from './run/outcome.js'
import { latestState, writeProgress, type RunState } from './run/run-state.js'
import { masksFor, masksForFile, removeFiles, writeAuthFile } from './run/secrets.js'
import { makeVerifier } from './run/verify-hook.js'

/** Entry point of the bundle: the post step when main has marked the state, else main. */
export async function run(): Promise<void> {
  if (isPost()) await runPost()
  else await runMain()
}

interface Ctx {
  readonly inputs: Inputs
  readonly cwd: string
  readonly workDir: string
  state: RunState
}

const OUTPUT_DEFAULTS = {
  outcome: 'failed',
  attempts: '0',
  mirrored: '0',
  failed: '0',
  'failed-by-class': '{}',
  'retry-mapping': '',
  report: '',
  log: '',
  'log-artifact-id': '',
  'retry-artifact-id': ''
}

type OutputName = keyof typeof OUTPUT_DEFAULTS

function setOutputs(values: Partial<Record<OutputName, string>>): void {
  for (const [k, v] of Object.entries({ ...OUTPUT_DEFAULTS, ...values })) core.setOutput(k, v)
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

export async function runMain(): Promise<void> {
  markPost()
  const abort = new AbortController()
  const onSignal = (sig: NodeJS.Signals): void => {
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
    const inputs = read.inputs
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

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function saveState(ctx: Ctx): void {
  saveRunState(ctx.state)
  writeProgress(ctx.state)
}

// ---------------------------------------------------------------- mapping + annotations paths

/** Path for an annotation: relative to the repository checkout, where GitHub looks for it. */
function annotationPath(ctx: Ctx, file: string): string {
  const abs = isAbsolute(file) ? file : resolve(ctx.cwd, file)
  const ws = process.env['GITHUB_WORKSPACE'] || process.cwd()
  const rel = relative(ws, abs)
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel)
    ? rel.split(sep).join('/')
    : file
}

// ---------------------------------------------------------------- validate

async function validateMode(ctx: Ctx): Promise<void> {
  const { set } = await loadMappingFiles(ctx.inputs.mapping, ctx.cwd)
  const lint = lintMappings(set, {
    ...(ctx.inputs.filterByOs !== undefined ? { filterByOs: ctx.inputs.filterByOs } : {}),
    keepManifestList: ctx.inputs.keepManifestList
  })
  const findings = [...set.findings, ...lint].map((f) => ({
    ...f,
    file: annotationPath(ctx, f.file)
  }))
  const errors = findings.filter((f) => f.severity === 'error')
  emitAnnotations(planAnnotations({ lines: [], findings, moreAt: 'the job summary' }))
  const outcome: Outcome = errors.length > 0 ? 'failed' : 'success'
  const markdown = renderSummary({
    title: 'mirror-guard: validate',
    mode: 'validate',
    lines: set.entries.map((e) => ({
      file: annotationPath(ctx, e.file),
      line: e.line,
      source: e.source.raw,
      destination: effectiveDestination(e),
      status: 'mirrored' as const,
      classes: [],
      reasons: [],
      retryable: false
    })),
    findings,
    notes: [
      `${set.entries.length} mapping entr${set.entries.length === 1 ? 'y' : 'ies'} in ${ctx.inputs.mapping.length} file(s): ${errors.length} error(s), ${findings.length - errors.length} warning(s). Nothing was run.`
    ]
  })
  // The summary's line table speaks of mirroring; in validate mode a listed line was parsed.
  await writeSummary(markdown.replaceAll('| ✅ mirrored |', '| ✅ parsed |'))
  const reportPath = join(ctx.workDir, 'report.json')
  writeFileSync(
    reportPath,
    JSON.stringify({ version: 1, mode: 'validate', entries: set.entries.length, findings }, null, 2)
  )
  setOutputs({
    outcome,
    report: reportPath,
    failed: String(new Set(errors.map((f) => `${f.file}:${f.line}`)).size)
  })
  if (errors.length > 0) {
    verdict(ctx, `${errors.length} mapping error${errors.length === 1 ? '' : 's'} found`)
  }
}

// ---------------------------------------------------------------- mirror / dry-run

async function mirrorMode(ctx: Ctx, signal: AbortSignal): Promise<void> {
  const { inputs } = ctx
  // 1. Secrets first: masked before anything else can print them.
  let authFile: string | undefined
  if (inputs.registryAuth !== undefined) {
    authFile = writeAuthFile(ctx.workDir, inputs.registryAuth)
    ctx.state = { ...ctx.state, secretFiles: [authFile] }
    saveState(ctx)
  } else if (inputs.registryConfig !== undefined) {
    authFile = resolve(ctx.cwd, inputs.registryConfig)
    if (!existsSync(authFile)) {
      core.setFailed(
        `Input registry-config: file ${inputs.registryConfig} not found (looked in ${ctx.cwd}).`
      )
      setOutputs({})
      return
    }
    for (const m of masksForFile(authFile)) core.setSecret(m)
  }

  // 2. The mapping: a retry mapping from an artifact, or the mapping input.
  let mappingFiles = [...inputs.mapping]
  const notes: string[] = []
  if (inputs.retryFrom !== undefined) {
    const got = await downloadRetryMapping({
      name: inputs.retryFrom,
      path: join(ctx.workDir, 'retry-from'),
      ...(inputs.runId !== undefined ? { runId: inputs.runId } : {}),
      ...(inputs.repository !== undefined ? { repository: inputs.repository } : {}),
      ...(inputs.githubToken !== undefined ? { token: inputs.githubToken } : {})
    })
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
        await writeSummary(
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
  const { set, texts } = await loadMappingFiles(mappingFiles, ctx.cwd)
  const locate = (file: string, line: number): { file: string; line: number } => {
    const origin = originOf(texts, file, line)
    return origin ?? { file: annotationPath(ctx, file), line }
  }
  const findings = set.findings.map((f) => ({ ...f, ...locate(f.file, f.line) }))
  const parseErrors = findings.filter((f) => f.severity === 'error')
  if (parseErrors.length > 0) {
    // oc would stop at the first of these; nothing is spawned.
    emitAnnotations(planAnnotations({ lines: [], findings, moreAt: 'the job summary' }))
    await writeSummary(
      renderSummary({
        title: 'mirror-guard',
        mode: inputs.dryRun ? 'dry-run' : 'mirror',
        lines: [],
        findings,
        notes: [...notes, `The mapping has ${parseErrors.length} error(s); oc was not started.`]
      })
    )
    setOutputs({ outcome: 'failed', failed: String(set.entries.length) })
    verdict(
      ctx,
      `mapping has ${parseErrors.length} error${parseErrors.length === 1 ? '' : 's'}; oc was not started`,
      true
    )
    return
  }

  // 3. Engine and version.
  const engine = makeEngine(ctx, authFile)
  let toolVersion: string
  try {
    toolVersion = await engine.version()
  } catch (e) {
    core.setFailed(`Cannot run ${engine.name}: ${message(e)}`)
    setOutputs({})
    return
  }
  core.info(`${engine.name}: ${toolVersion.split('\n')[0] ?? ''}`)

  // 4. Attempts.
  const firstMappingFile =
    mappingFiles.length === 1 ? mappingFiles[0] : writeCombinedMapping(ctx, mappingFiles, texts)
  ctx.state = {
    ...ctx.state,
    mappingFiles,
    scopeIds: set.entries.map((e) => e.id)
  }
  saveState(ctx)
  const log = new AttemptLog(ctx.workDir)
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
  let job: JobResult
  try {
    job = await runJob({
      engine,
      set,
      scope: set.entries,
      firstMappingFile,
      workDir: ctx.workDir,
      log,
      policy,
      ...(inputs.attemptTimeoutSeconds !== undefined
        ? { timeoutMs: inputs.attemptTimeoutSeconds * 1000 }
        : {}),
      ...(inputs.verify !== 'off' && !inputs.dryRun
        ? {
            verify: makeVerifier({
              inputs,
              cwd: ctx.cwd,
              ...(authFile !== undefined ? { authFile } : {})
            })
          }
        : {}),
      echo: (_stream, line) => echo.line(line),
      info: (m) => {
        echo.end()
        core.info(m)
      },
      signal,
      onProgress: (r) => {
        echo.end()
        ctx.state = {
          ...ctx.state,
          confirmedIds: r.triage.verdicts
            .filter((v) => v.status === 'mirrored')
            .map((v) => v.entryId)
        }
        saveState(ctx)
      }
    })
  } finally {
    echo.end()
    log.close()
  }
  if (job.aborted) notes.push('The run was cancelled: lines not confirmed by then count as failed.')
  if (job.fatal !== undefined) notes.push(`The run stopped: ${job.fatal}`)
  await finish(ctx, {
    set,
    texts,
    job,
    toolVersion,
    engine: engine.name,
    logPath: log.combinedPath,
    notes,
    locate
  })
}

function writeCombinedMapping(
  ctx: Ctx,
  files: readonly string[],
  texts: ReadonlyMap<string, string>
): string {
  const path = join(ctx.workDir, 'mapping-combined.txt')
  writeFileSync(path, files.map((f) => (texts.get(f) ?? '').replace(/\n?$/, '\n')).join(''), {
    mode: 0o600
  })
  return path
}

function makeEngine(ctx: Ctx, authFile: string | undefined): Engine {
  const i = ctx.inputs
  if (i.engine === 'skopeo') {
    return new SkopeoEngine({
      options: {
        insecure: i.insecure,
        ...(authFile !== undefined ? { authFile } : {}),
        extraArgs: i.extraArgs
      },
      maxPerRegistry: i.maxPerRegistry,
      cwd: ctx.cwd,
      tmpDir: ctx.workDir
    })
  }
  return new OcEngine({
    binary: i.oc,
    cwd: ctx.cwd,
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
    }
  })
}

// ---------------------------------------------------------------- report, outputs, artifacts

interface FinishInput {
  readonly set: MappingSet
  readonly texts: ReadonlyMap<string, string>
  readonly job: JobResult
  readonly toolVersion: string
  readonly engine: string
  readonly logPath: string
  readonly notes: string[]
  readonly locate: (file: string, line: number) => { file: string; line: number }
}

async function finish(ctx: Ctx, f: FinishInput): Promise<void> {
  const { inputs } = ctx
  const triage = inputs.dryRun ? dryRunVerdicts(f.job.triage) : f.job.triage
  const verdicts = triage.verdicts
  const report = buildReport(f.set, triage)
  const outcome = computeOutcome(verdicts, f.job.fatal !== undefined || f.job.aborted)

  // Retry mapping: every line not mirrored (also the permanent ones, so a later job sees them).
  const retryText = inputs.dryRun ? '' : renderRetryMapping(f.set, verdicts)
  const retryPath = join(ctx.workDir, 'retry-mapping.txt')
  if (retryText !== '') writeFileSync(retryPath, retryText)

  const reportPath = join(ctx.workDir, 'report.json')
  const mirrored = verdicts.filter((v) => v.status === 'mirrored').length
  const failed = verdicts.length - mirrored
  writeFileSync(
    reportPath,
    JSON.stringify(
      {
        ...report,
        run: {
          mode: inputs.dryRun ? 'dry-run' : 'mirror',
          engine: f.engine,
          toolVersion: f.toolVersion,
          outcome,
          aborted: f.job.aborted,
          ...(f.job.fatal !== undefined ? { fatal: f.job.fatal } : {}),
          attempts: f.job.attempts.map(attemptJson)
        }
      },
      null,
      2
    )
  )

  // Annotations on the mapping lines.
  const lines = lineResults(f.set, verdicts, f.job, f.locate)
  const findings: MappingFinding[] = f.set.findings.map((x) => ({
    ...x,
    ...f.locate(x.file, x.line)
  }))
  emitAnnotations(
    planAnnotations({
      lines: inputs.onFailure === 'ignore' ? lines.filter((l) => l.status === 'mirrored') : lines,
      findings,
      runLevel: annotatedRunLevel(triage, f.job.attempts),
      moreAt: inputs.upload ? `the ${inputs.artifactName} artifact` : 'the JSON report'
    })
  )

  // Artifacts.
  let logArtifactId = ''
  let retryArtifactId = ''
  const uploaded: string[] = []
  if (inputs.upload) {
    const files = [
      f.logPath,
      reportPath,
      ...f.job.attempts.flatMap((a) => [a.stdoutFile, a.stderrFile])
    ].filter((p) => existsSync(p))
    const opts = inputs.retentionDays !== undefined ? { retentionDays: inputs.retentionDays } : {}
    const up = await uploadFiles(inputs.artifactName, files, ctx.workDir, opts)
    if (up.id !== undefined) {
      logArtifactId = String(up.id)
      uploaded.push(inputs.artifactName)
    }
    let skipped = up.skipped
    if (up.warning !== undefined) core.warning(up.warning, { title: 'artifact upload' })
    if (retryText !== '') {
      const r = await uploadFiles(inputs.retryArtifactName, [retryPath], ctx.workDir, opts)
      if (r.id !== undefined) {
        retryArtifactId = String(r.id)
        uploaded.push(inputs.retryArtifactName)
      }
      if (r.warning !== undefined) core.warning(r.warning, { title: 'artifact upload' })
      skipped ??= r.skipped
    }
    if (skipped !== undefined && up.id === undefined) {
      const note = `${skipped} The files are still on the runner: ${ctx.workDir}`
      core.notice(note, { title: 'artifacts' })
      f.notes.push(note)
    }
  }
  ctx.state = {
    ...ctx.state,
    uploaded,
    confirmedIds: verdicts.filter((v) => v.status === 'mirrored').map((v) => v.entryId)
  }

  // Summary.
  await writeSummary(
    renderSummary({
      title: inputs.dryRun ? 'mirror-guard: dry run' : 'mirror-guard',
      mode: inputs.dryRun ? 'dry-run' : 'mirror',
      lines,
      findings,
      runLevel: triage.runLevel.filter((r) => !isRunSummary(r.text)),
      attempts: f.job.attempts.map(attemptRow),
      toolVersion: f.toolVersion.split('\n')[0] ?? f.toolVersion,
      artifactName: inputs.artifactName,
      notes: f.notes
    })
  )

  setOutputs({
    outcome,
    attempts: String(f.job.attempts.length),
    mirrored: String(mirrored),
    failed: String(failed),
    'failed-by-class': JSON.stringify(failedByClass(verdicts)),
    'retry-mapping': retryText !== '' ? retryPath : '',
    report: reportPath,
    log: f.logPath,
    'log-artifact-id': logArtifactId,
    'retry-artifact-id': retryArtifactId
  })

  if (f.job.fatal !== undefined) {
    core.setFailed(`mirror-guard: ${f.job.fatal}`)
  } else if (outcome !== 'success') {
    const what = inputs.dryRun ? 'have planning errors' : 'not mirrored'
    verdict(
      ctx,
      `${failed} of ${verdicts.length} mapping entr${verdicts.length === 1 ? 'y' : 'ies'} ${what} (outcome: ${outcome})`
    )
  } else {
    core.info(
      inputs.dryRun
        ? `Dry run: all ${verdicts.length} mapping entries planned without errors.`
        : `All ${verdicts.length} mapping entries mirrored in ${f.job.attempts.length} attempt(s).`
    )
  }
}

/** The step's verdict for lines left failing, per on-failure. */
function verdict(ctx: Ctx, text: string, always = false): void {
  const mode = always ? 'fail' : ctx.inputs.onFailure
  // The lines are annotated already; a summary error annotation would only take one of the
  // ten error slots GitHub shows, so the step fails through its exit code.
  if (mode === 'fail') {
    process.exitCode = 1
    core.info(`mirror-guard: ${text}`)
  } else if (mode === 'warn') core.warning(text, { title: 'mirror-guard' })
  else core.info(text)
}

// ---------------------------------------------------------------- post

/**
 * The post step. After a normal main it only removes temp secrets. After a cancelled or killed
 * main it uploads whatever log exists and a retry mapping of every line not confirmed mirrored.
 */
export async function runPost(): Promise<void> {
  const saved = loadRunState<RunState>()
  if (!saved || saved.version !== 1) return
  const state = latestState(saved)
  removeFiles(state.secretFiles)
  if (state.finished) return
  core.warning(
    'The main step did not finish (cancelled or killed); uploading the log and a retry mapping of every line not confirmed mirrored.',
    { title: 'mirror-guard post' }
  )
  try {
    const confirmed = new Set(state.confirmedIds)
    let retryPath: string | undefined
    if (state.mappingFiles.length > 0) {
      const { set } = await loadMappingFiles(state.mappingFiles, state.cwd)
      const scope = new Set(state.scopeIds)
      const verdicts: LineVerdict[] = set.entries
        .filter((e) => scope.has(e.id) && !confirmed.has(e.id))
        .map((e) => ({
          entryId: e.id,
          status: 'failed',
          classes: ['unconfirmed'],
          reasons: ['the run was cancelled or killed before this line was confirmed mirrored'],
          evidence: [],
          retryable: true
        }))
      const text = renderRetryMapping(set, verdicts)
      if (text !== '') {
        retryPath = join(state.workDir, 'retry-mapping.txt')
        writeFileSync(retryPath, text)
      }
      core.info(
        `${confirmed.size} of ${scope.size} mapping entries were confirmed mirrored before the stop.`
      )
    }
    if (!state.upload) return
    const opts = state.retentionDays !== undefined ? { retentionDays: state.retentionDays } : {}
    if (!state.uploaded.includes(state.artifactName) && existsSync(state.logPath)) {
      const files = [state.logPath, join(state.workDir, 'report.json')].filter((p) => existsSync(p))
      const up = await uploadFiles(state.artifactName, files, state.workDir, opts)
      if (up.skipped !== undefined) core.notice(up.skipped, { title: 'artifacts' })
      if (up.warning !== undefined) core.warning(up.warning, { title: 'artifact upload' })
    }
    if (retryPath !== undefined && !state.uploaded.includes(state.retryArtifactName)) {
      const up = await uploadFiles(state.retryArtifactName, [retryPath], state.workDir, opts)
      if (up.warning !== undefined) core.warning(up.warning, { title: 'artifact upload' })
    }
  } catch (e) {
    core.warning(`mirror-guard post: ${message(e)}`)
  }
}
