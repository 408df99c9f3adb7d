// Root cause first: a failure that only follows another one (oc's `manifest blob unknown` after
// the line's blob failed, a manifest list refused because a child failed) never heads a verdict.
// Verdict classes and reasons list the root causes first; titles name only them.
import type { FailureClass } from './types.js'

/** Classes that describe a consequence of another failure, never a cause of their own. */
const CONSEQUENCES: ReadonlySet<FailureClass> = new Set<FailureClass>(['dependency'])

export function isConsequence(cls: FailureClass): boolean {
  return CONSEQUENCES.has(cls)
}

/** Said when a line shows only consequences: its cause was printed nowhere oc tied to it. */
export const ROOT_CAUSE_NOT_PRINTED =
  'root cause not printed in the log: oc reported only this consequence for the line (see the run-level errors and the log)'

/** `items` with the root causes first, each group in its original order (stable). */
export function rootCauseFirst<T extends { readonly class: FailureClass }>(
  items: readonly T[]
): T[] {
  return [
    ...items.filter((i) => !isConsequence(i.class)),
    ...items.filter((i) => isConsequence(i.class))
  ]
}

/** The root-cause classes of a verdict; empty when the log showed only consequences. */
export function rootCauses(classes: readonly FailureClass[]): FailureClass[] {
  return classes.filter((c) => !isConsequence(c))
}

/**
 * What a failed line is titled by: its root-cause classes; only when none was printed, the
 * consequence's class (the reasons then say that the root cause is missing from the log).
 */
export function verdictTitle(classes: readonly FailureClass[]): string {
  const causes = rootCauses(classes)
  if (causes.length > 0) return causes.join(', ')
  return classes.length > 0 ? classes.join(', ') : 'unconfirmed'
}
