// The post step (post-if: always()): after a cancelled or killed main, upload what exists.
import * as core from '@actions/core'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadMappingFiles } from '../core/mapping-files.js'
import { renderRetryMapping } from '../core/retry-mapping.js'
import type { LineVerdict } from '../core/types.js'
import { uploadFiles } from '../github/artifacts.js'
import { loadRunState } from '../github/state.js'
import { errorMessage } from '../core/text.js'
import { WORK_FILES } from '../core/work-files.js'
import { sayArtifactResult } from './context.js'
import { latestState, type RunState } from './run-state.js'
import { removeFiles } from './secrets.js'

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
        retryPath = join(state.workDir, WORK_FILES.retryMapping)
        writeFileSync(retryPath, text)
      }
      core.info(
        `${confirmed.size} of ${scope.size} mapping entries were confirmed mirrored before the stop.`
      )
    }
    if (!state.upload) return
    const opts = state.retentionDays !== undefined ? { retentionDays: state.retentionDays } : {}
    if (!state.uploaded.includes(state.artifactName) && existsSync(state.logPath)) {
      const files = [state.logPath, join(state.workDir, WORK_FILES.report)].filter((p) =>
        existsSync(p)
      )
      const up = await uploadFiles(state.artifactName, files, state.workDir, opts)
      if (up.skipped !== undefined) core.notice(up.skipped, { title: 'artifacts' })
      sayArtifactResult(up)
    }
    if (retryPath !== undefined && !state.uploaded.includes(state.retryArtifactName)) {
      sayArtifactResult(
        await uploadFiles(state.retryArtifactName, [retryPath], state.workDir, opts)
      )
    }
  } catch (e) {
    core.warning(`mirror-guard post: ${errorMessage(e)}`)
  }
}
