import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CLASS_INFO, classify, isRunSummary } from '../../src/core/classify.js'
import type { FailureClass } from '../../src/core/types.js'
import { errorWrites, listCases, readCase, splitLines } from '../support/transcripts.js'

type Expected = FailureClass | 'summary'

/**
 * Expected class of every `error:` line of every transcript, in order, from its proxy-rules.json:
 * the injected fault decides the first class; registry destinations then refuse the manifest
 * (`manifest blob unknown` → dependency); the run ends with oc's summary.
 */
const EXPECTED: Readonly<Record<string, readonly Expected[]>> = {
  '4.12/401-blob-file': ['auth', 'summary'], // 401 on a layer GET
  '4.12/401-manifest-file': ['auth', 'summary'], // 401 on manifests
  '4.12/401-manifest-reg': ['auth', 'summary'],
  '4.12/403-blob-file': ['auth', 'summary'], // 403 on a layer GET
  '4.12/403-manifest-file': ['auth', 'summary'],
  '4.12/403-manifest-reg': ['auth', 'summary'],
  '4.12/404-blob-unknown-file': ['not-found', 'summary'], // 404 BLOB_UNKNOWN
  '4.12/404-image-missing-file': ['not-found', 'summary'], // no rule: ns/missing does not exist
  '4.12/404-image-missing-reg': ['not-found', 'summary'],
  '4.12/404-manifest-unknown-file': ['not-found', 'summary'], // MANIFEST_UNKNOWN by digest
  '4.12/429-empty-blob-file': ['rate-limit', 'summary'],
  '4.12/429-empty-blob-reg': ['rate-limit', 'dependency', 'summary'],
  '4.12/429-empty-manifest-always-file': ['rate-limit', 'summary'],
  '4.12/429-empty-manifest-digest-once-file': [], // oc's own retry absorbed it
  '4.12/429-json-blob-file': ['rate-limit', 'summary'],
  '4.12/429-json-blob-file-no-coe': ['rate-limit', 'summary'],
  '4.12/429-json-blob-reg': ['rate-limit', 'dependency', 'summary'],
  '4.12/429-json-blob-reg-no-coe': ['rate-limit', 'summary'], // phase aborted before the manifest
  '4.12/429-json-config-blob-file': ['rate-limit', 'summary'],
  '4.12/429-json-manifest-digest-once-file': ['rate-limit', 'summary'],
  '4.12/429-manifest-always-file': ['rate-limit', 'summary'],
  '4.12/429-manifest-always-file-no-coe': ['rate-limit', 'summary'],
  '4.12/429-manifest-always-reg': ['rate-limit', 'summary'],
  '4.12/429-manifest-once-file': [], // HEAD 429 is invisible: oc falls back to GET
  '4.12/429-retry-after-30-empty-manifest-always-file': ['rate-limit', 'summary'],
  '4.12/429-retry-after-blob-file': ['rate-limit', 'summary'],
  '4.12/500-blob-file': ['server', 'summary'],
  '4.12/500-blob-reg': ['server', 'dependency', 'summary'],
  '4.12/502-blob-file': ['server', 'summary'],
  '4.12/502-blob-reg': ['server', 'dependency', 'summary'],
  '4.12/503-blob-file': ['server', 'summary'],
  '4.12/503-blob-reg': ['server', 'dependency', 'summary'],
  '4.12/503-manifest-always-file': ['server', 'summary'],
  '4.12/bug-429-file-1-initial': ['rate-limit', 'summary'],
  '4.12/bug-429-file-2-rerun': [],
  '4.12/bug-429-file-3-fromdir-push': ['not-found', 'dependency', 'summary'], // layer absent on disk
  '4.12/bug-429-file-4-rerun-force': [],
  '4.12/bug-429-file-5-rerun-after-force': [],
  '4.12/bug-429-reg-1-initial': ['rate-limit', 'dependency', 'summary'],
  '4.12/bug-429-reg-2-rerun': [],
  '4.12/bug-truncated-file-1-initial': ['network', 'summary'], // truncated body
  '4.12/bug-truncated-file-2-rerun': [],
  '4.12/clean-file': [],
  '4.12/clean-file-no-dir': [],
  '4.12/clean-reg': [],
  '4.12/dry-run-file': [],
  '4.12/dry-run-reg': [],
  '4.12/fromdir-clean-reg': [],
  '4.12/fromdir-dry-run-reg': [],
  '4.12/fromdir-missing-dir': [
    'not-found',
    'not-found',
    'not-found',
    'not-found',
    'not-found',
    'summary'
  ],
  '4.12/malformed-mapping-bad-ref': ['usage'],
  '4.12/malformed-mapping-empty-dst': ['usage'],
  '4.12/malformed-mapping-line': ['usage'],
  '4.12/missing-mapping-file': ['usage'],
  '4.12/reset-blob-file': [], // oc's REFUSED_STREAM/connection retry recovered
  '4.12/reset-blob-reg': [],
  '4.12/slow-blob-file': [],
  '4.12/truncated-blob-file': ['network', 'summary'],
  '4.14/bug-429-file-1-initial': ['rate-limit', 'summary'],
  '4.14/bug-429-file-2-rerun': [],
  '4.14/bug-429-file-3-fromdir-push': [],
  '4.14/bug-429-file-4-rerun-force': [],
  '4.14/bug-429-file-5-rerun-after-force': [],
  '4.14/bug-429-reg-1-initial': ['rate-limit', 'dependency', 'summary'],
  '4.14/bug-429-reg-2-rerun': [],
  '4.14/bug-truncated-file-1-initial': ['network', 'summary'],
  '4.14/bug-truncated-file-2-rerun': [],
  // Captured with oc 4.13 and 4.14 against test/support/bed.* (README.md in the fixtures).
  ...Object.fromEntries(
    ['4.13', '4.14'].flatMap((v) =>
      Object.entries({
        '429-json-blob-reg': ['rate-limit', 'dependency', 'summary'],
        '404-blob-reg': ['not-found', 'dependency', 'summary'],
        '503-blob-always-reg': ['server', 'dependency', 'summary'],
        '502-manifest-tag-reg': ['server', 'summary'],
        'reset-manifest-head-reg': ['network', 'summary'],
        '429-json-blob-file': ['rate-limit', 'summary'],
        // Faults at the destination registry (the proxy in front of it): the upload's failure
        // leads; the manifest the registry then refuses (an `errors:` list when several blobs
        // are missing) follows.
        'push-429-blob-upload-reg': [
          'rate-limit',
          'rate-limit',
          'rate-limit',
          'dependency',
          'summary'
        ],
        'push-401-blob-upload-reg': ['auth', 'auth', 'auth', 'dependency', 'summary'],
        'push-413-blob-upload-reg': ['unknown', 'unknown', 'unknown', 'dependency', 'summary'],
        'push-400-manifest-invalid-reg': ['unknown', 'summary'],
        'push-500-manifest-put-reg': ['server', 'summary'],
        // The registry lost the upload session; acknowledged a blob and then did not have it.
        'push-404-blob-upload-patch-reg': ['server', 'server', 'server', 'dependency', 'summary'],
        'push-blob-put-lost-reg': ['server', 'server', 'server', 'dependency', 'summary'],
        // A source answering one byte wrong (the proxy's `corrupt`): oc checks every digest.
        'corrupt-blob-file': ['integrity', 'summary'],
        'corrupt-blob-reg': ['integrity', 'dependency', 'summary'],
        'corrupt-manifest-reg': ['integrity', 'summary']
      } satisfies Record<string, Expected[]>).map(([name, e]) => [`${v}/${name}`, e])
    )
  ),
  // 4.13 cannot read the OCI index; 4.14 fails the amd64 child's layer, then the child and the
  // index pushes are refused.
  '4.13/429-json-child-blob-list-reg': ['not-found', 'summary'],
  '4.14/429-json-child-blob-list-reg': ['rate-limit', 'dependency', 'dependency', 'summary']
}

/** Cases whose proxy rule never fired (see their notes.txt): the first error has another cause. */
const UNREACHED_FAULT = new Set(['4.13/429-json-child-blob-list-reg'])

/** The class a proxy fault action stands for. */
const ACTION_CLASS: Readonly<Record<string, FailureClass>> = {
  '401': 'auth',
  '403': 'auth',
  '404-blob': 'not-found',
  '404-manifest': 'not-found',
  '429-empty': 'rate-limit',
  '429-json': 'rate-limit',
  '429-retry-after': 'rate-limit',
  '500': 'server',
  '502': 'server',
  '503': 'server',
  truncate: 'network',
  corrupt: 'integrity'
}

const ALL_CLASSES: readonly FailureClass[] = [
  'rate-limit',
  'quota-exhausted',
  'auth',
  'not-found',
  'server',
  'network',
  'tls',
  'integrity',
  'usage',
  'dependency',
  'filtered',
  'incomplete',
  'wrong-image',
  'unverified',
  'unconfirmed',
  'unknown'
]

function classOf(text: string): Expected {
  return isRunSummary(text) ? 'summary' : classify(text).class
}

describe('every error and warning of every transcript', () => {
  const cases = listCases()

  it('has an expectation for every case', () => {
    expect(cases.map((c) => `${c.version}/${c.name}`).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(cases)('$version/$name', ({ version, name }) => {
    const c = readCase(version, name)
    const lines = errorWrites(splitLines(c.stderr))
    const expected = EXPECTED[`${version}/${name}`] ?? []
    expect(lines.map(classOf)).toEqual(expected)
    // The fault injected by the proxy is what the first failure says (when oc got that far:
    // oc 4.13 stops at an OCI index before any blob GET).
    const rule = UNREACHED_FAULT.has(`${version}/${name}`) ? undefined : c.proxyRules[0]
    const faultClass = rule ? ACTION_CLASS[rule.action] : undefined
    if (faultClass && expected.length > 0) expect(expected[0]).toBe(faultClass)
    for (const l of lines) {
      const r = classify(l)
      expect(r.retryable).toBe(CLASS_INFO[r.class].retryable)
      expect(r.reason.length).toBeGreaterThan(0)
    }
  })
})

/** Realistic oc prefixes (docs/oc-behaviour.md §1.4, §2.4) in front of the texts of §2.2/§2.3. */
const PREFIXES = [
  'unable to retrieve source image quay.io/ns/app by tag v1: ',
  'unable to retrieve source image quay.io/ns/app manifest sha256:0de504a533fe843a08cbc73020360dbf9af94841e30b25a54d7e21d928af8195: ',
  'unable to retrieve source image quay.io/ns/app:v1 manifest #2 from manifest list: ',
  'unable to push quay.io/ns/app: failed to retrieve blob sha256:fb9fb1bec7a7cc642cc0a75c59f6ee44d3b983ffdfbad35d67f1551123961903: ',
  'unable to open source layer sha256:6fe0e458f056027caacfaeba29b235e04bd5f6b29b144fb9fa902fa592613f5d to copy to file://ns/app: ',
  'unable to upload blob sha256:6fe0e458f056027caacfaeba29b235e04bd5f6b29b144fb9fa902fa592613f5d to 127.0.0.1:5001/ns/app: ',
  'file mapping.txt, line 4: ',
  'unable to retrieve source image quay.io/ns/app by tag v1: Head "https://quay.io/v2/ns/app/manifests/v1": '
]

/** docs/oc-behaviour.md §2.2: every HTTP answer (row number, text after the prefix, class). */
const HTTP_ROWS: readonly (readonly [number, string, FailureClass])[] = [
  [1, 'error parsing HTTP 429 response body: unexpected end of JSON input: ""', 'rate-limit'],
  [
    2,
    `error parsing HTTP 429 response body: invalid character '<' looking for beginning of value: "<html><body>401 unauthorized denied 503 Service Unavailable</body></html>\\n"`,
    'rate-limit'
  ],
  [
    3,
    `error parsing HTTP 429 response body: invalid character 'T' looking for beginning of value: "Too Many Requests (HAP429).\\n"`,
    'rate-limit'
  ],
  [
    4,
    'error parsing HTTP 429 response body: no error details found in HTTP response body: "{}"',
    'rate-limit'
  ],
  [
    5,
    'toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
    'quota-exhausted'
  ],
  [6, 'toomanyrequests', 'rate-limit'],
  [7, 'toomanyrequests: too many requests', 'rate-limit'],
  [8, 'toomanyrequests: too many requests: rate limit exceeded', 'rate-limit'],
  [9, 'toomanyrequests: rate limit exceeded', 'rate-limit'],
  [10, 'unauthorized: authentication required', 'auth'],
  [11, 'unauthorized: authentication required', 'auth'], // JSON body with detail renders the same
  [12, 'unauthorized', 'auth'],
  [13, 'unauthorized: access to the requested resource is not authorized', 'auth'],
  [14, 'unauthorized: incorrect username or password', 'auth'],
  [15, 'errors:\nunauthorized: authentication required\nunauthorized\n', 'auth'],
  [
    16,
    'errors:\nunauthorized: authentication required\nerror parsing HTTP 401 response body: unexpected end of JSON input: ""\n',
    'auth'
  ],
  [
    17,
    'errors:\ndenied: requested access to the resource is denied\nerror parsing HTTP 401 response body: unexpected end of JSON input: ""\n',
    'auth'
  ],
  [18, 'denied', 'auth'],
  [19, 'denied: requested access to the resource is denied', 'auth'],
  [20, 'error parsing HTTP 403 response body: unexpected end of JSON input: ""', 'auth'],
  [21, 'denied: forbidden by policy', 'auth'],
  [22, 'manifest unknown: manifest unknown', 'not-found'],
  [23, 'manifest unknown', 'not-found'],
  [24, 'manifest unknown: tag v9 was deleted', 'not-found'],
  [25, 'name unknown: repository name not known to registry', 'not-found'],
  [26, 'unknown blob', 'not-found'],
  [27, 'blob upload unknown', 'server'],
  [
    28,
    `error parsing HTTP 404 response body: invalid character 'N' looking for beginning of value: "Not found\\n"`,
    'not-found'
  ],
  // a manifest PUT that references a blob that never arrived: follows the blob's own failure
  [29, 'manifest blob unknown: blob unknown to registry', 'dependency'],
  [29, 'manifest blob unknown', 'dependency'],
  [30, 'unknown: something odd happened', 'unknown'],
  [31, 'received unexpected HTTP status: 500 Internal Server Error', 'server'],
  [31, 'received unexpected HTTP status: 502 Bad Gateway', 'server'],
  [31, 'received unexpected HTTP status: 503 Service Unavailable', 'server'],
  [31, 'received unexpected HTTP status: 504 Gateway Timeout', 'server'],
  [
    32,
    'endpoint "https://quay.io" does not support v2 API (got 429 Too Many Requests)',
    'rate-limit'
  ],
  [
    32,
    'endpoint "https://quay.io" does not support v2 API (got 503 Service Unavailable)',
    'server'
  ],
  [
    33,
    'Head "https://quay.io/v2/ns/app/manifests/v1": error parsing HTTP 429 response body: unexpected end of JSON input: ""',
    'rate-limit'
  ],
  [34, 'toomanyrequests: too many requests: rate limit exceeded', 'rate-limit'],
  [
    35,
    `error parsing HTTP 413 response body: invalid character '<' looking for beginning of value: "<html>\\r\\n<head><title>413 Request Entity Too Large</title></head>\\r\\n</html>\\r\\n"`,
    'unknown'
  ],
  [36, 'manifest invalid: manifest invalid', 'unknown'],
  [37, 'name invalid: invalid repository name', 'unknown'],
  [37, 'tag invalid: manifest tag did not match URI', 'unknown'],
  [37, 'unsupported: The operation is unsupported.', 'unknown'],
  [37, 'size invalid: provided length did not match content length', 'integrity'],
  [37, 'digest invalid: provided digest did not match uploaded content', 'integrity'],
  [37, 'blob upload invalid', 'server'],
  [38, 'error parsing HTTP 405 response body: unexpected end of JSON input: ""', 'unknown'],
  [38, 'error parsing HTTP 408 response body: unexpected end of JSON input: ""', 'network'],
  [
    38,
    'error parsing HTTP 400 response body: invalid character \'B\' looking for beginning of value: "Bad Request"',
    'unknown'
  ]
]

/** docs/oc-behaviour.md §2.3: network-level errors. */
const NET_ROWS: readonly (readonly [string, FailureClass])[] = [
  [
    'Head "http://127.0.0.1:34529/v2/ns/img/blobs/sha256:abc": dial tcp 127.0.0.1:34529: connect: connection refused',
    'network'
  ],
  ['Get "http://127.0.0.1:35973/v2/": EOF', 'network'],
  [
    'Get "http://127.0.0.1:35973/v2/": read tcp 127.0.0.1:52818->127.0.0.1:34035: read: connection reset by peer',
    'network'
  ],
  [
    'Get "https://quay.io/v2/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    'network'
  ],
  ['Get "https://quay.io/v2/": dial tcp 1.2.3.4:443: i/o timeout', 'network'],
  ['Get "https://quay.io/v2/": net/http: TLS handshake timeout', 'network'],
  [
    'Get "http://Quay.io/v2/": dial tcp: lookup Quay.io on 10.255.255.53:53: no such host',
    'network'
  ],
  ['Get "https://quay.io/v2/": x509: certificate signed by unknown authority', 'tls'],
  [
    'Get "https://quay.io/v2/": tls: failed to verify certificate: x509: certificate signed by unknown authority',
    'tls'
  ],
  ['Get "https://quay.io/v2/": http: server gave HTTP response to HTTPS client', 'tls'],
  [
    'Get "https://quay.io/v2/ns/a/blobs/sha256:abc": stream error: stream ID 3; REFUSED_STREAM',
    'network'
  ],
  [
    'Get "https://quay.io/v2/ns/a/blobs/sha256:abc": http2: server sent GOAWAY and closed the connection; LastStreamID=1999, ErrCode=NO_ERROR, debug=""',
    'network'
  ],
  [
    'Get "https://quay.io/v2/ns/a/blobs/sha256:abc": http2: server sent GOAWAY and closed the connection; LastStreamID=1999, ErrCode=ENHANCE_YOUR_CALM, debug=""',
    'rate-limit'
  ],
  ['unexpected EOF', 'network'],
  [
    'Patch "http://127.0.0.1:5001/v2/ns/a/blobs/uploads/123": write tcp 1.2.3.4:5->6.7.8.9:10: write: broken pipe',
    'network'
  ],
  [
    'content integrity error: the blob streamed from digest sha256:aa does not match the digest calculated from the content sha256:bb',
    'integrity'
  ],
  [
    'content integrity error: the manifest retrieved with digest sha256:aa does not match the digest calculated from the content sha256:bb',
    'integrity'
  ]
]

describe('docs/oc-behaviour.md §2.2 HTTP renderings inside realistic oc prefixes', () => {
  // Behind an upload's prefix an `unknown blob` is the destination's answer after the upload
  // (row 26: the blob was acknowledged, then not there), not a missing source blob.
  const UPLOAD = /^unable to upload blob /
  const cases = HTTP_ROWS.flatMap(([row, text, cls]) =>
    PREFIXES.map((prefix) => ({
      row,
      text: prefix + text,
      cls: row === 26 && UPLOAD.test(prefix) ? ('server' as const) : cls
    }))
  )
  it.each(cases)('row $row: $text', ({ text, cls }) => {
    expect(classify(text).class).toBe(cls)
    expect(classify(`error: ${text}`).class).toBe(cls)
  })

  it('names the 429 body shape in the reason', () => {
    const p = PREFIXES[4] ?? ''
    expect(classify(p + (HTTP_ROWS[0]?.[1] ?? '')).reason).toBe('HTTP 429 with empty body')
    expect(classify(p + (HTTP_ROWS[2]?.[1] ?? '')).reason).toBe('HTTP 429 with non-JSON body')
    expect(classify(p + 'toomanyrequests').reason).toBe('HTTP 429 TOOMANYREQUESTS')
  })
})

describe('docs/oc-behaviour.md §2.3 network errors inside realistic oc prefixes', () => {
  const cases = NET_ROWS.flatMap(([text, cls]) =>
    PREFIXES.map((prefix) => ({ text: prefix + text, cls }))
  )
  it.each(cases)('$text', ({ text, cls }) => {
    expect(classify(text).class).toBe(cls)
  })
})

describe('precedence: the innermost cause decides', () => {
  it.each([
    [
      'unable to push manifest to 127.0.0.1:5001/x/alpha:v1: manifest blob unknown: blob unknown to registry',
      'dependency'
    ],
    [
      'unable to push manifest to 127.0.0.1:5001/x/alpha: blob unknown: blob unknown to registry',
      'dependency'
    ],
    [
      'unable to retrieve source image quay.io/ns/a by tag v1: Head "https://quay.io/v2/ns/a/manifests/v1": error parsing HTTP 429 response body: unexpected end of JSON input: ""',
      'rate-limit'
    ],
    ['unable to retrieve source image file://ns/alpha by tag v1: unknown blob', 'not-found'],
    [
      'unable to open source layer sha256:6f to copy to 127.0.0.1:5001/x/a: open mirror/v2/ns/alpha/blobs/sha256:6f: no such file or directory',
      'not-found'
    ],
    ['open mapping.txt: no such file or directory', 'usage'],
    ['unable to load --registry-config: stat /x/auth.json: no such file or directory', 'usage'],
    ['file wildnone.txt, line 1: name unknown: repository name not known to registry', 'not-found'],
    ['file m.txt, line 2: toomanyrequests: too many requests', 'rate-limit'],
    ['file m.txt, line 3: something oc said about the line', 'usage'],
    [
      'toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit',
      'quota-exhausted'
    ],
    // Names and quoted strings never decide: repository `denied`, tag `unauthorized`, URL words.
    ['unable to retrieve source image quay.io/denied/unauthorized by tag denied: EOF', 'network'],
    [
      'unable to push manifest to quay.io/ns/timeout:unauthorized: received unexpected HTTP status: 502 Bad Gateway',
      'server'
    ],
    [
      'unable to retrieve source image q/ns/a by tag v1: Get "https://q/v2/ns/denied/manifests/manifest unknown": connection refused',
      'network'
    ],
    [
      'unable to push quay.io/ns/a: tried to copy blob sha256:aa and got back a different digest sha256:bb',
      'integrity'
    ],
    ['Layer size mismatch for sha256:aa: had 1048576, wrote 524288', 'integrity'],
    [
      'circular dependency in manifest lists, unable to upload all: []string{"sha256:aa"}',
      'dependency'
    ],
    [
      'unable to upload all manifests, some dependencies not uploaded: []string{"sha256:aa"}',
      'dependency'
    ]
  ] as const)('%s → %s', (text, cls) => {
    expect(classify(text).class).toBe(cls)
  })

  it('quota is not retryable, burst rate limits are', () => {
    const quota = classify(HTTP_ROWS[4]?.[1] ?? '')
    expect(quota).toEqual({
      class: 'quota-exhausted',
      reason: 'Docker Hub pull quota exhausted',
      retryable: false
    })
    expect(classify('toomanyrequests: too many requests').retryable).toBe(true)
  })
})

describe('other renderings', () => {
  it.each([
    // skopeo engine: `unable to copy SRC to DST: <skopeo error>`
    [
      'unable to copy quay.io/ns/a:v1 to file://ns/a:v1: reading blob sha256:aa: fetching blob: StatusCode: 429, "too many requests"',
      'rate-limit'
    ],
    [
      'unable to copy quay.io/ns/a:v1 to file://ns/a:v1: initializing source docker://quay.io/ns/a:v1: reading manifest v1 in quay.io/ns/a: too many requests',
      'rate-limit'
    ],
    [
      'unable to copy quay.io/ns/a:v1 to file://ns/a:v1: reading blob sha256:aa: fetching blob: StatusCode: 503, ""',
      'server'
    ],
    [
      'unable to copy quay.io/ns/a:v1 to file://ns/a:v1: initializing source docker://quay.io/ns/a:v1: reading manifest v1 in quay.io/ns/a: manifest unknown',
      'not-found'
    ],
    [
      'unable to copy quay.io/ns/a:v1 to file://ns/a:v1: initializing source docker://quay.io/ns/a:v1: reading manifest v1 in quay.io/ns/a: requested access to the resource is denied',
      'auth'
    ],
    [
      'unable to copy quay.io/ns/a:v1 to file://ns/a:v1: Digest did not match, expected sha256:aa, got sha256:bb',
      'integrity'
    ],
    // other registries' and clients' wording (docs/oc-behaviour.md §2.6)
    ['toomanyrequests: Rate exceeded', 'rate-limit'],
    ['429 Too Many Requests', 'rate-limit'],
    ['received unexpected HTTP status: 429 Too Many Requests', 'rate-limit'],
    ['MANIFEST_UNKNOWN', 'not-found'],
    ['unavailable: service unavailable', 'server'],
    ['insufficient_scope', 'auth'],
    ['invalid_token', 'auth'],
    ['no basic auth credentials', 'auth'],
    ['not a symlink', 'not-found'],
    ['Image quay.io/ns/missing:v1 does not exist and will not be mirrored', 'not-found'],
    ['warning: Image quay.io/ns/missing:v1 does not exist and will not be mirrored', 'not-found'],
    ['Filtered all images from quay.io/ns/multi, skipping', 'filtered'],
    ['info: Filtered all images from quay.io/ns/multi, skipping', 'filtered'],
    // usage (docs/oc-behaviour.md §1.4 pre-run, §4)
    ['file mapping.txt, line 6: all arguments must be valid SRC=DST mappings', 'usage'],
    [
      'file dup.txt, line 2: each destination tag may only be specified once: file://ns/a:v1',
      'usage'
    ],
    ['SRC and DST may not be the same', 'usage'],
    [
      'you must specify at least one source image to pull and the destination to push to as SRC=DST or SRC DST [DST2 DST3 ...]',
      'usage'
    ],
    [
      'file m.txt, line 1: you must specify a tag for DST or leave it blank to only push by digest',
      'usage'
    ],
    [
      '--filter-by-os was not a valid regular expression: error parsing regexp: missing closing ): `(`',
      'usage'
    ],
    [
      '--keep-manifest-list=true cannot be passed with --filter-by-os, unless --filter-by-os=.*',
      'usage'
    ],
    ['unknown flag: --bogus', 'usage'],
    ['bufio.Scanner: token too long', 'usage'],
    [
      'file bom.txt, line 1: "\\ufeff127.0.0.1:5000/ns/alpha:v1" is not a valid image reference: invalid reference format',
      'usage'
    ],
    ['panic: empty source manifest for file://ns/a', 'unknown'],
    // the runner's disk, not the registry
    [
      `unable to copy layer sha256:aa to file://ns/a: open mirror/v2/ns/a/blobs/sha256:aa.download: permission denied`,
      'unknown'
    ],
    [
      'unable to copy layer sha256:aa to file://ns/a: write mirror/v2/x: no space left on device',
      'unknown'
    ],
    // …while a registry saying `denied` about a permission is auth (Artifact Registry wording)
    [
      'unable to retrieve source image r/ns/a by tag v1: denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource',
      'auth'
    ]
  ] as const)('%s → %s', (text, cls) => {
    expect(classify(text).class).toBe(cls)
  })

  it('unknown text stays unknown, not retryable, with a reason', () => {
    for (const text of [
      '',
      'the moon is made of cheese',
      'errors:\n\n',
      'unable to push x:v1: ???'
    ]) {
      expect(classify(text)).toEqual({
        class: 'unknown',
        reason: 'unrecognised error',
        retryable: false
      })
    }
    // 4.8–4.13 render a legacy 403 `{"details":"forbidden by policy"}` body as an UNKNOWN code
    expect(classify('unknown: forbidden by policy')).toEqual({
      class: 'unknown',
      reason: 'registry error code UNKNOWN',
      retryable: false
    })
  })

  it('recognises run summaries', () => {
    expect(isRunSummary('one or more errors occurred')).toBe(true)
    expect(isRunSummary('one or more errors occurred while uploading images')).toBe(true)
    expect(isRunSummary('an error occurred during planning')).toBe(true)
    expect(isRunSummary('unable to push manifest to x: one or more errors occurred')).toBe(false)
    expect(classify('an error occurred during planning')).toMatchObject({
      class: 'unknown',
      retryable: false
    })
    expect(classify('one or more errors occurred').reason).toMatch(/^run summary/)
  })
})

describe('real skopeo 1.9.3 errors (test/fixtures/skopeo, written by the skopeo engine)', () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'skopeo')
  // The fault mode in the file name decides the class.
  const byMode: readonly (readonly [RegExp, FailureClass])[] = [
    [/^40[13]-/, 'auth'],
    [/^404-/, 'not-found'],
    [/^429-/, 'rate-limit'],
    [/^5\d\d-/, 'server'],
    [/^(?:reset|truncate)-/, 'network'],
    // Refused by the destination: 413 (a body size limit), MANIFEST_INVALID, 405.
    [/^push-(?:413|400|405)-/, 'unknown']
  ]
  const files = readdirSync(dir).filter((f) => f.endsWith('.stderr.txt'))

  it('covers every fault mode', () => {
    expect(files.length).toBeGreaterThanOrEqual(20)
  })

  it.each(files)('%s', (file) => {
    const expected = byMode.find(([re]) => re.test(file))?.[1]
    const text = readFileSync(join(dir, file), 'utf8').trimEnd()
    expect(expected).toBeDefined()
    expect(classify(text).class).toBe(expected)
    if (file.startsWith('push-')) expect(classify(text).reason).not.toBe('unrecognised error')
  })
})

describe('CLASS_INFO', () => {
  it('describes every class with one sentence each', () => {
    expect(Object.keys(CLASS_INFO).sort()).toEqual([...ALL_CLASSES].sort())
    for (const info of Object.values(CLASS_INFO)) {
      for (const sentence of [info.meaning, info.whatToDo]) {
        expect(sentence).toMatch(/^[A-Za-z].*\.$/)
        expect(sentence.split(/\.\s/)).toHaveLength(1)
      }
    }
  })

  it('has the agreed retry defaults', () => {
    const retryable = ALL_CLASSES.filter((c) => CLASS_INFO[c].retryable).sort()
    expect(retryable).toEqual(
      [
        'dependency',
        'incomplete',
        'integrity',
        'network',
        'rate-limit',
        'server',
        'unconfirmed',
        'unverified',
        'wrong-image'
      ].sort()
    )
  })
})

describe('property', () => {
  it('classify never throws and always answers a known class', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = classify(text)
        expect(ALL_CLASSES).toContain(r.class)
        expect(r.retryable).toBe(CLASS_INFO[r.class].retryable)
      }),
      { numRuns: 1000 }
    )
  })
})
