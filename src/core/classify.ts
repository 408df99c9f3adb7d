// Error text → failure class. One table; each row quotes the real text that motivated it
// (docs/oc-behaviour.md §2.2, §2.3, §2.6; transcripts in test/fixtures/oc-transcripts).
import { errorCause, hasOcPrefix, parseErrorSubject } from './oc-messages.js'
import type { Classification, FailureClass } from './types.js'

export interface ClassInfo {
  readonly retryable: boolean
  /** One sentence: what the class means. */
  readonly meaning: string
  /** One sentence: what the user should do about it. */
  readonly whatToDo: string
}

export const CLASS_INFO: Readonly<Record<FailureClass, ClassInfo>> = {
  'rate-limit': {
    retryable: true,
    meaning:
      'The registry throttled requests (HTTP 429, TOOMANYREQUESTS or HTTP/2 ENHANCE_YOUR_CALM).',
    whatToDo: 'Retry later with backoff and fewer parallel requests (lower --max-per-registry).'
  },
  'quota-exhausted': {
    retryable: false,
    meaning: 'The pull quota of the account or address is used up (Docker Hub pull rate limit).',
    whatToDo:
      'Authenticate with a paid account or retry after the quota window resets (hours, not minutes).'
  },
  auth: {
    retryable: false,
    meaning:
      'The registry refused the credentials or the permission for this repository (401/403).',
    whatToDo:
      'Fix the registry credentials (-a auth file) or the repository permissions, then rerun.'
  },
  'not-found': {
    retryable: false,
    meaning: 'The source image, tag, repository or blob does not exist where oc looked.',
    whatToDo: 'Check the source reference in the mapping line (and --from-dir for file:// sources).'
  },
  server: {
    retryable: true,
    meaning:
      'The registry failed on its side: a 5xx answer, a dropped upload session, or a blob it acknowledged and then lost.',
    whatToDo: 'Retry later; if it persists, check the registry or its CDN status.'
  },
  network: {
    retryable: true,
    meaning: 'The connection failed or was cut (reset, refused, timeout, DNS, truncated transfer).',
    whatToDo: 'Retry; if it persists, check DNS, proxies and connectivity from the runner.'
  },
  tls: {
    retryable: false,
    meaning: 'TLS failed: the certificate is not trusted or the registry does not speak HTTPS.',
    whatToDo: 'Trust the registry CA on the runner or, for a plain-HTTP registry, pass --insecure.'
  },
  integrity: {
    retryable: true,
    meaning: 'Content arrived corrupted: its digest or size did not match.',
    whatToDo: 'Retry; repeated mismatches point at a broken proxy or a corrupt registry blob.'
  },
  usage: {
    retryable: false,
    meaning: 'oc rejected the mapping file, an argument or a flag before mirroring anything.',
    whatToDo: 'Fix the named mapping line, file or flag; rerunning unchanged fails the same way.'
  },
  dependency: {
    retryable: true,
    meaning: 'A manifest could not be pushed because something it depends on failed first.',
    whatToDo: 'Fix or retry the failure it depends on; it is retried together with it.'
  },
  filtered: {
    retryable: false,
    meaning: 'oc skipped a manifest list because no entry matched --filter-by-os.',
    whatToDo: 'Pass --filter-by-os matching the wanted platforms or --keep-manifest-list=true.'
  },
  incomplete: {
    retryable: true,
    meaning:
      'Verification found content missing or corrupt at the destination after oc reported it.',
    whatToDo:
      'Retry the line: mirror-guard first removes the stale manifest entries of a file:// tree written by oc 4.13 or older (by hand: delete the tag link and manifests/<digest>), then only the missing blobs are fetched.'
  },
  'wrong-image': {
    retryable: true,
    meaning:
      'The destination tag resolves to another image than the one the engine reported pushing (a cache or proxy that acknowledged without storing, or a concurrent writer).',
    whatToDo:
      'Check what else writes to or sits in front of the destination; the reason names both digests.'
  },
  unverified: {
    retryable: true,
    meaning:
      'The engine reported the line mirrored, but verification could not read the destination (unreachable, refused, timed out, cancelled).',
    whatToDo:
      'Retry; with push-only credentials set `allow-unverified: true` to keep the engine’s verdict.'
  },
  unconfirmed: {
    retryable: true,
    meaning: 'oc printed neither a success line nor an error for this line (aborted phase or run).',
    whatToDo: 'Retry the line; look at the run-level errors for what stopped oc.'
  },
  unknown: {
    retryable: false,
    meaning:
      'An error no retry is expected to fix and no other class fits: named by its reason (a registry refusal, a full disk) or not recognised.',
    whatToDo:
      'Act on the reason; for an "unrecognised error" read its text in the log and report it so it can be classified.'
  }
}

interface Rule {
  readonly re: RegExp
  readonly class: FailureClass
  readonly reason: string
  /** Match the whole text instead of the cause after oc's prefix. */
  readonly whole?: boolean
  /** Only when the whole text matches this too (e.g. oc's manifest-push prefix). */
  readonly when?: RegExp
  /** Only when the text carries no oc per-item prefix (a bare, pre-run error). */
  readonly bare?: boolean
}

const MANIFEST_PUSH = /^unable to push manifest to \S+: /

/**
 * An HTTP status (`code`: a regex fragment) however it is rendered: oc's `error parsing HTTP
 * <code> response body` and `received unexpected HTTP status: <code>`, skopeo's
 * `StatusCode: <code>` and `invalid status code from registry <code>`.
 */
const httpStatus = (code: string): RegExp =>
  new RegExp(
    `\\bHTTP ${code} response body|unexpected HTTP status: ${code}\\b|\\bStatusCode: ${code}\\b|registry ${code}\\b`
  )

/**
 * First matching row wins. Rows run against the cause (oc's prefix removed, quoted strings —
 * URLs and `%q` response bodies — blanked), so repository names, tags and bodies cannot
 * trigger a row. Specific rows come before the general ones they overlap with.
 */
const RULES: readonly Rule[] = [
  // --- run-level oddities ---------------------------------------------------------------
  // `panic: empty source manifest for …` + goroutine dump (exit 2, docs/oc-behaviour.md §7)
  {
    re: /^(?:panic|fatal error): /,
    class: 'unknown',
    reason: 'oc crashed (Go panic)',
    whole: true
  },

  // --- quota before any rate-limit row: same 429, other remedy (docs/oc-behaviour.md §2.6) ---
  // `toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit`
  // Matched on the whole text: a non-JSON body quoting the same sentence means the same.
  {
    re: /You have reached your (?:\w+ )?pull rate limit/i,
    class: 'quota-exhausted',
    reason: 'Docker Hub pull quota exhausted',
    whole: true
  },

  // --- rate limit -------------------------------------------------------------------------
  // `http2: server sent GOAWAY and closed the connection; LastStreamID=1999, ErrCode=ENHANCE_YOUR_CALM, debug=""` (quay.io bursts)
  { re: /ENHANCE_YOUR_CALM/, class: 'rate-limit', reason: 'HTTP/2 GOAWAY ENHANCE_YOUR_CALM' },
  // `error parsing HTTP 429 response body: unexpected end of JSON input: ""` (429-empty-blob-file; every HEAD 429)
  {
    re: /error parsing HTTP 429 response body: unexpected end of JSON input/,
    class: 'rate-limit',
    reason: 'HTTP 429 with empty body'
  },
  // `error parsing HTTP 429 response body: no error details found in HTTP response body: "{}"`
  {
    re: /error parsing HTTP 429 response body: no error details found/,
    class: 'rate-limit',
    reason: 'HTTP 429 with empty error list'
  },
  // `error parsing HTTP 429 response body: invalid character 'T' looking for beginning of value: "Too Many Requests (HAP429).\n"`
  {
    re: /error parsing HTTP 429 response body/,
    class: 'rate-limit',
    reason: 'HTTP 429 with non-JSON body'
  },
  // `endpoint "https://quay.io" does not support v2 API (got 429 Too Many Requests)` (ping, cached for the run)
  { re: /\(got 429 /, class: 'rate-limit', reason: 'HTTP 429 on the registry ping' },
  // `toomanyrequests: too many requests: rate limit exceeded` (429-json-blob-file), bare `toomanyrequests`,
  // `toomanyrequests: Rate exceeded` (ECR)
  { re: /\btoomanyrequests\b/i, class: 'rate-limit', reason: 'HTTP 429 TOOMANYREQUESTS' },
  // skopeo: `reading blob sha256:…: fetching blob: StatusCode: 429, "…"`
  { re: /\bStatusCode: 429\b/, class: 'rate-limit', reason: 'HTTP 429' },
  // skopeo (containers/image): `Error fetching blob: invalid status code from registry 429 (Too Many Requests)`
  { re: /invalid status code from registry 429\b/, class: 'rate-limit', reason: 'HTTP 429' },
  // `received unexpected HTTP status: 429 Too Many Requests`, `Too Many Requests (HAP429)`, skopeo `too many requests`
  { re: /\btoo many requests\b/i, class: 'rate-limit', reason: 'HTTP 429 Too Many Requests' },

  // --- usage: oc refused the input before doing anything (docs/oc-behaviour.md §1.4, §4) ----
  // `unable to load --registry-config: stat /x/auth.json: no such file or directory`
  {
    re: /unable to load --registry-config/,
    class: 'usage',
    reason: 'registry config file unusable'
  },
  // `failed to read registry ca bundle: …` (--certificate-authority, 4.16+)
  { re: /failed to read registry ca bundle/, class: 'usage', reason: 'CA bundle unreadable' },
  // `--filter-by-os was not a valid regular expression: …`
  { re: /--filter-by-os was not a valid/, class: 'usage', reason: 'invalid --filter-by-os' },
  // `--keep-manifest-list=true cannot be passed with --filter-by-os, unless --filter-by-os=.*` (≤4.13)
  {
    re: /--keep-manifest-list=true cannot be passed/,
    class: 'usage',
    reason: '--keep-manifest-list conflicts with --filter-by-os'
  },
  // `all arguments must be valid SRC=DST mappings[, or you must specify one SRC argument …]`
  { re: /all arguments must be valid/, class: 'usage', reason: 'malformed mapping' },
  // `each destination tag may only be specified once: file://ns/a:v1`
  {
    re: /each destination tag may only be specified once/,
    class: 'usage',
    reason: 'duplicate destination'
  },
  // `SRC and DST may not be the same`
  { re: /SRC and DST may not be the same/, class: 'usage', reason: 'source equals destination' },
  // `you must specify at least one source image …`, `you must specify a tag for DST or leave it blank …`
  { re: /\byou must specify\b/, class: 'usage', reason: 'missing or invalid mapping part' },
  // `"127.0.0.1:5002/ns/Delta:v1" is not a valid image reference: repository name must be lowercase`
  {
    re: /is not a valid image reference|invalid reference format|repository name must be lowercase/,
    class: 'usage',
    reason: 'invalid image reference'
  },
  // `source expansion is only possible in tags`, `when source contains wildcards, the destination must be a repository`
  {
    re: /source expansion is only possible in tags|when source contains wildcards/,
    class: 'usage',
    reason: 'invalid wildcard mapping'
  },
  // `unknown flag: --foo`, `unknown shorthand flag: 'z' in -z`
  { re: /\bunknown (?:shorthand )?flag\b/, class: 'usage', reason: 'unknown flag' },
  // `bufio.Scanner: token too long` (mapping line over 64 KiB, no file/line context)
  { re: /bufio\.Scanner: token too long/, class: 'usage', reason: 'mapping line too long' },
  // `open mapping.txt: no such file or directory` (the -f file itself; no oc prefix)
  {
    re: /^open .+: no such file or directory$/,
    class: 'usage',
    reason: 'mapping file not found',
    whole: true,
    bare: true
  },

  // --- TLS (before network: `tls: …` texts are configuration, not transient) ------------------
  // `x509: certificate signed by unknown authority`; Go ≥1.20: `tls: failed to verify certificate: x509: …`
  {
    re: /\bx509: |\btls: failed to verify certificate/,
    class: 'tls',
    reason: 'untrusted certificate'
  },
  // `http: server gave HTTP response to HTTPS client` (plain-HTTP registry without --insecure)
  {
    re: /server gave HTTP response to HTTPS client/,
    class: 'tls',
    reason: 'registry speaks plain HTTP'
  },
  // `remote error: tls: bad certificate`, `tls: first record does not look like a TLS handshake`
  { re: /\btls: /, class: 'tls', reason: 'TLS error' },

  // --- dependency: follows another failure (before not-found's `blob unknown`) ----------------
  // `unable to push manifest to 127.0.0.1:5001/t412-500-blob-reg/alpha:v1: manifest blob unknown: blob unknown to registry`
  { re: /manifest blob unknown/, class: 'dependency', reason: 'manifest pushed before its blobs' },
  // a manifest PUT answered with a plain BLOB_UNKNOWN means the same
  {
    re: /\bblob unknown\b/,
    class: 'dependency',
    reason: 'manifest pushed before its blobs',
    when: MANIFEST_PUSH
  },
  // `circular dependency in manifest lists, unable to upload all: …` (≤4.13)
  {
    re: /circular dependency in manifest lists/,
    class: 'dependency',
    reason: 'manifest list children not uploaded'
  },
  // `unable to upload all manifests, some dependencies not uploaded: …` (4.14+)
  {
    re: /some dependencies not uploaded/,
    class: 'dependency',
    reason: 'manifest list children not uploaded'
  },

  // --- integrity ---------------------------------------------------------------------------
  // `content integrity error: the blob streamed from digest sha256:… does not match the digest calculated from the content sha256:…`
  { re: /content integrity error/, class: 'integrity', reason: 'digest mismatch' },
  // `unable to push …: tried to copy blob sha256:… and got back a different digest sha256:…`
  { re: /got back a different digest/, class: 'integrity', reason: 'digest mismatch' },
  // `warning: Layer size mismatch for sha256:…: had 1048576, wrote 524288`
  { re: /Layer size mismatch/, class: 'integrity', reason: 'layer size mismatch' },
  // skopeo: `Digest did not match, expected sha256:…, got sha256:…`
  { re: /digest did not match/i, class: 'integrity', reason: 'digest mismatch' },
  // `size invalid: provided length did not match content length` (SIZE_INVALID on an upload)
  { re: /\bsize invalid\b|SIZE_INVALID/, class: 'integrity', reason: 'size mismatch on upload' },

  // --- local file system (file:// trees): not the registry's doing, so before auth/not-found ---
  // `open mirror/v2/ns/a/blobs/sha256:…: permission denied` (runner directory not writable)
  {
    re: /\b(?:open|mkdir|stat|lstat|rename|link|symlink|remove|unlinkat) \S+: permission denied/,
    class: 'unknown',
    reason: 'file system permission denied'
  },
  // `write mirror/v2/ns/a/blobs/sha256:….download: no space left on device`
  { re: /no space left on device/, class: 'unknown', reason: 'disk full' },

  // --- auth ----------------------------------------------------------------------------------
  // `error parsing HTTP 403 response body: unexpected end of JSON input: ""` (every HEAD 403)
  {
    re: /error parsing HTTP 40[13] response body/,
    class: 'auth',
    reason: 'HTTP 401/403 with non-JSON body'
  },
  // `errors:\ndenied: requested access to the resource is denied\n…` (bearer error="insufficient_scope")
  { re: /insufficient_scope/, class: 'auth', reason: 'insufficient scope' },
  { re: /invalid_token/, class: 'auth', reason: 'invalid token' },
  // `unauthorized: incorrect username or password` (token server 401)
  {
    re: /incorrect username or password|no basic auth credentials/,
    class: 'auth',
    reason: 'bad or missing credentials'
  },
  // `unauthorized: authentication required` (401-blob-file), bare `unauthorized`,
  // `unauthorized: access to the requested resource is not authorized` (Quay)
  {
    re: /(?:^|[\s:])unauthorized(?=$|[:\s])|authentication required/,
    class: 'auth',
    reason: 'unauthorized'
  },
  // `denied` (403-blob-file), `denied: requested access to the resource is denied`, 4.14+ `denied: forbidden by policy`
  {
    re: /(?:^|[\s:])denied(?=$|[:\s])|requested access to the resource is denied/,
    class: 'auth',
    reason: 'access denied'
  },
  // skopeo: `StatusCode: 401`, `StatusCode: 403`
  { re: /\bStatusCode: 40[13]\b/, class: 'auth', reason: 'HTTP 401/403' },
  // skopeo: `Error fetching blob: invalid status code from registry 403 (Forbidden)`,
  // `unable to retrieve auth token: invalid username/password: unauthorized`
  {
    re: /invalid status code from registry 40[13]\b|invalid username\/password/,
    class: 'auth',
    reason: 'HTTP 401/403'
  },

  // --- not found -------------------------------------------------------------------------------
  // `warning: Image 127.0.0.1:5002/ns/missing:v1 does not exist and will not be mirrored` (--skip-missing)
  {
    re: /does not exist and will not be mirrored/,
    class: 'not-found',
    reason: 'source image missing (skipped)'
  },
  // `error parsing HTTP 404 response body: invalid character 'N' looking for beginning of value: "Not found\n"`
  { re: /error parsing HTTP 404 response body/, class: 'not-found', reason: 'HTTP 404' },
  // oc 4.13 asks registries for Docker and OCI manifests but not OCI indexes (4.13/429-json-child-blob-list-reg):
  // `manifest unknown: OCI index found, but accept header does not support OCI indexes`
  {
    re: /OCI index found, but accept header does not support OCI indexes/,
    class: 'not-found',
    reason: 'the source is an OCI image index, which this oc cannot read (oc 4.14 and later can)'
  },
  // `manifest unknown: manifest unknown` (404-image-missing-reg), `MANIFEST_UNKNOWN`
  { re: /\bmanifest unknown\b|MANIFEST_UNKNOWN/, class: 'not-found', reason: 'manifest unknown' },
  // `name unknown: repository name not known to registry`
  {
    re: /\bname unknown\b|NAME_UNKNOWN|repository name not known to registry/,
    class: 'not-found',
    reason: 'repository unknown'
  },
  // `blob upload unknown`: the upload session vanished (404 on PATCH/PUT) — transient, not missing content
  { re: /blob upload unknown/, class: 'server', reason: 'upload session lost' },
  // `blob upload invalid: blob upload invalid` (BLOB_UPLOAD_INVALID): the registry gave up on an
  // upload session (a chunk out of order, a session it dropped); a new session usually works
  {
    re: /blob upload invalid|BLOB_UPLOAD_INVALID/,
    class: 'server',
    reason: 'upload session rejected'
  },
  // `unable to push <src>: failed to upload blob <d>: unknown blob`, `failed to commit blob <d>
  // from manifest <m> to <dst>: unknown blob` (push-blob-put-lost-reg): the destination answered
  // the upload and then did not have the blob (storage not yet consistent, a proxy that
  // swallowed it). The source is fine; another upload usually sticks.
  {
    re: /\bunknown blob\b|\bblob unknown\b|BLOB_UNKNOWN/,
    when: /^(?:unable to push \S+: failed to upload blob |failed to commit blob |unable to upload blob )/,
    class: 'server',
    reason: 'the destination lost a blob after its upload'
  },
  // `unknown blob` (404-blob-unknown-file; file:// source without the tag: fromdir-missing-dir),
  // `blob unknown: blob unknown to registry`
  {
    re: /\bunknown blob\b|\bblob unknown\b|BLOB_UNKNOWN/,
    class: 'not-found',
    reason: 'blob unknown'
  },
  // `open mirror/v2/ns/alpha/blobs/sha256:6fe0…: no such file or directory` (bug-429-file-3-fromdir-push)
  {
    re: /\bopen \S+: no such file or directory/,
    class: 'not-found',
    reason: 'file missing in the source directory'
  },
  // file:// source tag that is a regular file instead of a symlink (docs/oc-behaviour.md §5)
  { re: /\bnot a symlink\b/, class: 'not-found', reason: 'tag is not a symlink' },
  // skopeo: `StatusCode: 404`
  { re: /\bStatusCode: 404\b/, class: 'not-found', reason: 'HTTP 404' },
  // skopeo: `Error fetching blob: invalid status code from registry 404 (Not Found)`
  { re: /invalid status code from registry 404\b/, class: 'not-found', reason: 'HTTP 404' },

  // --- refused by the destination: a 4xx that no retry changes -----------------------------------
  // `error parsing HTTP 413 response body: invalid character '<' looking for beginning of value:
  // "<html>…413 Request Entity Too Large…"` (push-413-blob-upload-reg: nginx in front of a
  // registry); skopeo: `uploading layer chunked: StatusCode: 413, <html>…`
  {
    re: httpStatus('413'),
    class: 'unknown',
    reason: 'HTTP 413: request too large for the registry or a proxy before it'
  },
  // `manifest invalid: manifest invalid` (push-400-manifest-invalid-reg: MANIFEST_INVALID on the
  // manifest PUT, as a registry answers a manifest type or schema it does not take)
  {
    re: /\bmanifest invalid\b|MANIFEST_INVALID/,
    class: 'unknown',
    reason: 'the destination registry rejected the manifest (MANIFEST_INVALID)'
  },
  // `name invalid: invalid repository name` (NAME_INVALID: too many path components, bad characters)
  {
    re: /\bname invalid\b|NAME_INVALID/,
    class: 'unknown',
    reason: 'the destination registry refuses the repository name (NAME_INVALID)'
  },
  // `tag invalid: manifest tag did not match URI` (TAG_INVALID)
  {
    re: /\btag invalid\b|TAG_INVALID/,
    class: 'unknown',
    reason: 'the destination registry refuses the tag (TAG_INVALID)'
  },
  // `unsupported: The operation is unsupported.` (UNSUPPORTED: e.g. a read-only mirror or a
  // registry without OCI index support)
  {
    re: /^unsupported(?::|$)|\sunsupported: The operation is unsupported|UNSUPPORTED\b/m,
    class: 'unknown',
    reason: 'the registry does not support the operation (UNSUPPORTED)'
  },
  // `error parsing HTTP 408 response body: …`: the server (or a proxy) gave up waiting for the
  // request — a timeout, which a retry may get past
  {
    re: httpStatus('408'),
    class: 'network',
    reason: 'timeout (HTTP 408)'
  },
  // `error parsing HTTP 400 response body: …`, `… 405 …`, `… 409 …`, skopeo's `StatusCode: 405, `:
  // any other 4xx (401, 403, 404 and 429 are matched above)
  {
    re: httpStatus('4\\d\\d'),
    class: 'unknown',
    reason: 'the registry refused the request (HTTP 4xx)'
  },

  // --- server ----------------------------------------------------------------------------------
  // `received unexpected HTTP status: 500 Internal Server Error` / `502 Bad Gateway` / `503 Service Unavailable`
  { re: /received unexpected HTTP status: 5\d\d/, class: 'server', reason: 'HTTP 5xx' },
  // `endpoint "https://x" does not support v2 API (got 503 Service Unavailable)`; skopeo `StatusCode: 502`
  { re: /\(got 5\d\d |\bStatusCode: 5\d\d\b/, class: 'server', reason: 'HTTP 5xx' },
  // skopeo: `Error fetching blob: invalid status code from registry 502 (Bad Gateway)`
  { re: /invalid status code from registry 5\d\d\b/, class: 'server', reason: 'HTTP 5xx' },
  // `unavailable: service unavailable` (errcode UNAVAILABLE), `504 Gateway Timeout` in other wrappers
  {
    re: /service unavailable|\b50\d (?:Internal Server Error|Bad Gateway|Gateway Timeout)\b/i,
    class: 'server',
    reason: 'HTTP 5xx'
  },

  // --- network ---------------------------------------------------------------------------------
  // `read tcp 127.0.0.1:52818->127.0.0.1:34035: read: connection reset by peer`
  { re: /connection reset by peer/, class: 'network', reason: 'connection reset' },
  // `dial tcp 127.0.0.1:34529: connect: connection refused`
  { re: /connection refused/, class: 'network', reason: 'connection refused' },
  // `net/http: TLS handshake timeout`, `dial tcp 1.2.3.4:443: i/o timeout`
  {
    re: /TLS handshake timeout|i\/o timeout|timeout awaiting response headers/,
    class: 'network',
    reason: 'timeout'
  },
  // `context deadline exceeded (Client.Timeout exceeded while awaiting headers)`
  {
    re: /context deadline exceeded|Client\.Timeout exceeded/,
    class: 'network',
    reason: 'timeout'
  },
  // `dial tcp: lookup Quay.io on 10.255.255.53:53: no such host`
  {
    re: /no such host|server misbehaving|temporary failure in name resolution/i,
    class: 'network',
    reason: 'DNS lookup failed'
  },
  // `stream error: stream ID 3; REFUSED_STREAM`
  { re: /REFUSED_STREAM/, class: 'network', reason: 'HTTP/2 stream refused' },
  // `http2: server sent GOAWAY and closed the connection; … ErrCode=NO_ERROR` (calm variant matched above)
  { re: /GOAWAY/, class: 'network', reason: 'HTTP/2 GOAWAY' },
  // `unable to copy layer sha256:6fe0… to file://ns/alpha: unexpected EOF` (truncated-blob-file)
  { re: /unexpected EOF/, class: 'network', reason: 'transfer truncated' },
  // `Get "http://127.0.0.1:35973/v2/": EOF`
  { re: /(?:^|[\s:])EOF$/m, class: 'network', reason: 'connection closed' },
  // `write tcp …: write: broken pipe`, `network is unreachable`, `no route to host`
  {
    re: /broken pipe|network is unreachable|no route to host|use of closed network connection|client connection lost/,
    class: 'network',
    reason: 'connection failed'
  },

  // S3 before 4.21: `unable to upload blob sha256:… to s3://…: blob already exists in the target location`
  // is a successful server-side copy misreported as a failure (--s3-source-bucket,
  // docs/oc-behaviour.md §6.7).
  {
    re: /blob already exists in the target location/,
    class: 'unknown',
    reason: 'S3 copy misreported as failure (oc < 4.21)'
  },
  // `unknown: forbidden by policy` (4.8–4.13 legacy 403 body), `unknown: <message>` for unregistered codes
  { re: /^unknown(?::|$)/, class: 'unknown', reason: 'registry error code UNKNOWN' },

  // --- informational lines classified for completeness ---------------------------------------
  // `info: Filtered all images from 127.0.0.1:5002/ns/multi, skipping`
  {
    re: /^Filtered all images from \S+, skipping$/,
    class: 'filtered',
    reason: 'no manifest matched --filter-by-os',
    whole: true
  },
  // `warning: Expected to mount sha256:… from ns/a/ns/b but mount was ignored`
  {
    re: /^Expected to mount .* but mount was ignored$/,
    class: 'unknown',
    reason: 'mount ignored',
    whole: true
  },
  // 4.12/4.13: `Warning: the default reading order of registry auth file will be changed from …`
  {
    re: /reading order of registry auth file/,
    class: 'unknown',
    reason: 'auth file notice',
    whole: true
  }
]

const RUN_SUMMARIES: readonly { re: RegExp; reason: string }[] = [
  // CheckErr after the first failing phase without --continue-on-error
  {
    re: /^one or more errors occurred while uploading images$/,
    reason: 'run summary: a phase failed'
  },
  // CheckErr with --continue-on-error (planning or execution failures)
  { re: /^one or more errors occurred$/, reason: 'run summary: errors occurred' },
  // CheckErr after planning errors without --continue-on-error: nothing was mirrored
  { re: /^an error occurred during planning$/, reason: 'run summary: planning failed' }
]

/** oc's final summary lines (with or without `error: `): run-level findings, not failures. */
export function isRunSummary(text: string): boolean {
  const t = stripPrefixes(text).trim()
  return RUN_SUMMARIES.some((s) => s.re.test(t))
}

// Go %q strings (URLs of *url.Error, quoted response bodies, quoted references) may contain
// anything, including words of other classes; rows never look inside them.
const QUOTED = /"(?:[^"\\\n]|\\.)*"/g

function stripPrefixes(text: string): string {
  let t = text.replace(/^(?:error|warning|info): /, '')
  if (t.startsWith('Warning: ')) t = t.slice('Warning: '.length)
  return t
}

/** Classify the text of an `error:`/`warning:` line (prefix optional). Never throws. */
export function classify(text: string): Classification {
  const whole = stripPrefixes(text)
  const summary = RUN_SUMMARIES.find((s) => s.re.test(whole.trim()))
  if (summary) return { class: 'unknown', reason: summary.reason, retryable: false }
  const cause = errorCause(whole).replace(QUOTED, '""')
  const bare = !hasOcPrefix(whole)
  for (const rule of RULES) {
    if (rule.bare && !bare) continue
    if (rule.when && !rule.when.test(whole)) continue
    if (rule.re.test(rule.whole ? whole : cause)) {
      return { class: rule.class, reason: rule.reason, retryable: CLASS_INFO[rule.class].retryable }
    }
  }
  // `file F, line N: <anything else>`: oc rejected that mapping line.
  if (parseErrorSubject(whole).kind === 'mapping-line') {
    return { class: 'usage', reason: 'mapping line rejected', retryable: false }
  }
  return { class: 'unknown', reason: 'unrecognised error', retryable: false }
}
