import { describe, expect, it } from 'vitest'
import { explainNextAttempt } from '../../src/core/retry-explain.js'
import { planNextAttempt, type RetryPolicy } from '../../src/core/retry-plan.js'
import type {
  FailureClass,
  ImageRef,
  LineVerdict,
  MappingEntry,
  RefKind
} from '../../src/core/types.js'

const ref = (raw: string, kind: RefKind): ImageRef => ({
  raw,
  kind,
  registry: kind === 'registry' ? raw.split('/')[0] : '',
  repository: raw,
  tag: 'v1',
  printed: raw,
  diskPath: ''
})
const entry = (id: number, kind: RefKind = 'registry'): MappingEntry => ({
  id,
  file: 'mapping.txt',
  line: id + 1,
  text: '',
  source: ref(`quay.io/ns/i${id}`, 'registry'),
  destination: ref(kind === 'registry' ? `reg.local/ns/i${id}` : `ns/i${id}`, kind),
  destinationTag: 'v1'
})
const verdict = (entryId: number, ...classes: FailureClass[]): LineVerdict => ({
  entryId,
  status: classes.length === 0 ? 'mirrored' : 'failed',
  classes,
  reasons: [],
  evidence: [],
  retryable: classes.length > 0
})
const policy: RetryPolicy = {
  maxAttempts: 3,
  retryOn: ['rate-limit', 'network', 'incomplete', 'unconfirmed'],
  retryDelaySeconds: 10,
  maxRetryDelaySeconds: 60,
  retryMaxPerRegistry: 1,
  forceOnRetry: 'auto'
}

describe('explainNextAttempt', () => {
  it('names what is retried and why, what stays failed, the delay, --force and concurrency', () => {
    const progress = {
      attemptsDone: 1,
      entries: [entry(0, 'file'), entry(1), entry(2), entry(3)],
      verdicts: [verdict(0, 'rate-limit'), verdict(1, 'auth'), verdict(2), verdict(3, 'network')],
      rateLimited: true
    }
    const next = planNextAttempt(progress, policy, () => 0)
    const lines = explainNextAttempt(progress, policy, next)
    expect(lines).toEqual([
      '1 line stay failed, a class not in retry-on (auth ×1); retry-on is rate-limit, network, incomplete, unconfirmed',
      'attempt 2 of 3: retrying 2 lines (rate-limit ×1, network ×1)',
      'delay 5.0s: retry-delay 10s doubled per retry (10s, capped at max-retry-delay 60s), half of it random jitter',
      // The file:// line was never inspected (no tree state), so only --force can repair it.
      'with --force: force-on-retry is auto; of the lines retried 0 with stale files to remove first, 1 rerun as is, 1 needing --force (the file:// tree was not inspected, and an oc of unknown version trusts a manifest already on disk)',
      '--max-per-registry 1: a rate limit was seen, so retries use retry-max-per-registry 1 (at most max-per-registry)'
    ])
  })

  it('says why the run ends', () => {
    const done = {
      attemptsDone: 1,
      entries: [entry(0)],
      verdicts: [verdict(0)],
      rateLimited: false
    }
    expect(explainNextAttempt(done, policy, undefined)).toEqual([
      'no further attempt: every line is mirrored'
    ])
    const out = {
      attemptsDone: 3,
      entries: [entry(0)],
      verdicts: [verdict(0, 'network')],
      rateLimited: false
    }
    expect(planNextAttempt(out, policy)).toBeUndefined()
    expect(explainNextAttempt(out, policy, undefined)).toEqual([
      'no further attempt: 3 of max-attempts 3 used; 1 line retryable left (network ×1)'
    ])
    const permanent = { ...out, attemptsDone: 1, verdicts: [verdict(0, 'auth')] }
    expect(explainNextAttempt(permanent, policy, undefined)).toEqual([
      '1 line stay failed, a class not in retry-on (auth ×1); retry-on is rate-limit, network, incomplete, unconfirmed',
      'no further attempt: no failed line is retryable'
    ])
  })
})
