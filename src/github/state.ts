// main/post split in one bundle, as actions/checkout does: the main step marks the state,
// the `post:` step (same file) sees it and only uploads/finishes what main left behind.

import * as core from '@actions/core'

const IS_POST = 'isPost'
const RUN_STATE = 'runState'

/** True when running as the `post:` step (main has already called {@link markPost}). */
export function isPost(): boolean {
  return core.getState(IS_POST) === 'true'
}

/** Called early in main so that the post step knows it is the post step. */
export function markPost(): void {
  core.saveState(IS_POST, 'true')
}

/** Saves a JSON-serialisable object for the post step. */
export function saveRunState(state: unknown): void {
  core.saveState(RUN_STATE, JSON.stringify(state))
}

/** The object main saved, or undefined when none was saved or it cannot be parsed. */
export function loadRunState<T = unknown>(): T | undefined {
  const text = core.getState(RUN_STATE)
  if (text === '') return undefined
  try {
    return JSON.parse(text) as T
  } catch {
    return undefined
  }
}
