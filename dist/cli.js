#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/core/oc-messages.ts
const DIGEST = '[a-z0-9]+:[0-9a-f]+';
const g = (m, i) => m[i] ?? '';
/**
 * Order matters only where one prefix is a longer form of another (list child before digest).
 * Every pattern is anchored and ends at the `: ` that introduces the cause.
 */
const PREFIXES = [
    {
        // `error: file mapping.txt, line 6: all arguments must be valid SRC=DST mappings`
        re: /^file (.+?), line (\d+): /,
        subject: (m) => ({ kind: 'mapping-line', file: g(m, 1), line: Number(g(m, 2)) })
    },
    {
        // `unable to retrieve source image 127.0.0.1:5002/ns/alpha by tag v1: unauthorized: …`
        re: /^unable to retrieve source image (\S+) by tag ([^\s:]+): /,
        subject: (m) => ({ kind: 'source-tag', source: g(m, 1), tag: g(m, 2) })
    },
    {
        // `unable to retrieve source image <ref> manifest #1 from manifest list: …` (ref without file://)
        re: /^unable to retrieve source image (\S+) manifest #\d+ from manifest list: /,
        subject: (m) => ({ kind: 'source-list-child', sourceRef: g(m, 1) })
    },
    {
        // `unable to retrieve source image 127.0.0.1:5002/ns/alpha manifest sha256:0de5…: manifest unknown: …`
        re: new RegExp(`^unable to retrieve source image (\\S+) manifest (${DIGEST}): `),
        subject: (m) => ({ kind: 'source-digest', source: g(m, 1), digest: g(m, 2) })
    },
    {
        // `unable to filter source image %s manifest list[ (bad payload)]: %v` — same ref as the list child
        re: /^unable to filter source image (\S+) manifest list(?: \(bad payload\))?: /,
        subject: (m) => ({ kind: 'source-list-child', sourceRef: g(m, 1) })
    },
    {
        // `unable to access source image %s manifests: %v`
        re: /^unable to access source image (\S+) manifests: /,
        subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
    },
    {
        // `unable to access destination image %s manifests: %v` prints the source ref by mistake
        // (docs/oc-behaviour.md §1.4)
        re: /^unable to access destination image (\S+) manifests: /,
        subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
    },
    {
        // `unable to push 127.0.0.1:5002/ns/alpha: failed to retrieve blob sha256:fb9f…: toomanyrequests…`
        // Small-blob path: only the SOURCE repository is named.
        re: new RegExp(`^unable to push (\\S+): failed to (?:retrieve|upload) blob ${DIGEST}: `),
        subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
    },
    {
        // `unable to push %s: tried to copy|mount blob %s [source ]and got back a different digest %s`
        re: new RegExp(`^unable to push (\\S+): (?=tried to (?:copy|mount) blob ${DIGEST} )`),
        subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
    },
    {
        // `unable to open source layer sha256:6fe0… to copy to file://ns/alpha: …`
        re: new RegExp(`^unable to open source layer (${DIGEST}) to copy to (\\S+): `),
        subject: (m) => ({ kind: 'destination-repo', destination: g(m, 2), digest: g(m, 1) })
    },
    {
        // `unable to upload blob %s to %s: %v`
        re: new RegExp(`^unable to upload blob (${DIGEST}) to (\\S+): `),
        subject: (m) => ({ kind: 'destination-repo', destination: g(m, 2), digest: g(m, 1) })
    },
    {
        // `unable to copy layer sha256:6fe0… to file://ns/alpha: unexpected EOF`
        re: new RegExp(`^unable to copy layer (${DIGEST}) to (\\S+): `),
        subject: (m) => ({ kind: 'destination-repo', destination: g(m, 2), digest: g(m, 1) })
    },
    {
        // `failed to commit blob %s from manifest %s[ in manifest list %s] to %s: %v`
        re: new RegExp(`^failed to commit blob (${DIGEST}) from .+? to (\\S+): `),
        subject: (m) => ({ kind: 'destination-repo', destination: g(m, 2), digest: g(m, 1) })
    },
    {
        // `unable to push manifest to 127.0.0.1:5001/t412-x/alpha:v1: manifest blob unknown: …`
        re: /^unable to push manifest to (\S+): /,
        subject: (m) => destinationTag(g(m, 1))
    },
    {
        // `unable to create reference to repository %s: %v` (execution, destination side)
        re: /^unable to create reference to repository (\S+): /,
        subject: (m) => ({ kind: 'destination-repo', destination: g(m, 1) })
    },
    {
        // `unable to connect to %s: %v` — printed for both sides; only reference/S3 set-up errors
        // reach it (docs/oc-behaviour.md §2.5). Reported against the source side, which is where oc
        // prints it first.
        re: /^unable to connect to (\S+): /,
        subject: (m) => ({ kind: 'source-repo', source: g(m, 1) })
    },
    {
        // skopeo engine: `unable to copy <SRC> to <DST>: <skopeo error>`; DST is the entry's effective
        // destination (what oc would print on stdout), so it maps to a destination tag.
        re: /^unable to copy (\S+) to (\S+): /,
        subject: (m) => destinationTag(g(m, 2))
    }
];
/**
 * Splits `DST[:TAG]` the way oc prints it: the tag follows the last `:` only when that `:` comes
 * after the last `/` (so `127.0.0.1:5001/ns/a` has no tag). An `@digest` suffix is dropped.
 */
function splitDestination(printed) {
    const at = printed.indexOf('@');
    const ref = at >= 0 ? printed.slice(0, at) : printed;
    const colon = ref.lastIndexOf(':');
    if (colon > ref.lastIndexOf('/') && colon < ref.length - 1) {
        return { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) };
    }
    return { repo: ref };
}
function destinationTag(printed) {
    const { repo, tag } = splitDestination(printed);
    return tag === undefined
        ? { kind: 'destination-tag', destination: repo }
        : { kind: 'destination-tag', destination: repo, tag };
}
function withoutErrorPrefix(text) {
    return text.startsWith('error: ') ? text.slice('error: '.length) : text;
}
function matchPrefix(text) {
    const t = withoutErrorPrefix(text);
    for (const prefix of PREFIXES) {
        const m = prefix.re.exec(t);
        if (m)
            return { prefix, m };
    }
    return undefined;
}
/**
 * What an `error:` line (text after `error: `) is about, from oc's fixed prefix. Unrecognised
 * text, run summaries and panics → `{ kind: 'run' }`.
 */
function parseErrorSubject(text) {
    const hit = matchPrefix(text);
    return hit ? hit.prefix.subject(hit.m) : { kind: 'run' };
}
/** The underlying cause: the text after oc's prefix (the whole text when there is no prefix). */
function errorCause(text) {
    const t = withoutErrorPrefix(text);
    const hit = matchPrefix(t);
    return hit ? t.slice(hit.m[0].length) : t;
}
/** True when the text starts with one of oc's (or the skopeo engine's) per-item prefixes. */
function hasOcPrefix(text) {
    return matchPrefix(text) !== undefined;
}
/** A source reference as printed with its tag or digest → the matching source subject. */
function sourceSubject(ref) {
    const at = ref.indexOf('@');
    if (at > 0)
        return { kind: 'source-digest', source: ref.slice(0, at), digest: ref.slice(at + 1) };
    const { repo, tag } = splitDestination(ref);
    return tag === undefined
        ? { kind: 'source-repo', source: repo }
        : { kind: 'source-tag', source: repo, tag };
}
/**
 * `Image <ref> does not exist and will not be mirrored` (text after `warning: `). The ref is the
 * source with its tag; for digest sources with a non-JSON 404 body oc prints the error text in
 * its place (docs/oc-behaviour.md §1.4), which names nothing → `{ kind: 'run' }`. Other warnings →
 * undefined.
 */
function parseWarningSubject(text) {
    const m = /^(?:warning: )?Image (.+) does not exist and will not be mirrored$/.exec(text);
    if (!m)
        return undefined;
    const arg = g(m, 1);
    return /\s/.test(arg) ? { kind: 'run' } : sourceSubject(arg);
}
/** `Filtered all images from <src>, skipping` (text after `info: `) → the source it names. */
function parseFilteredSubject(text) {
    const m = /^(?:info: )?Filtered all images from (\S+), skipping$/.exec(text);
    return m ? sourceSubject(g(m, 1)) : undefined;
}

;// CONCATENATED MODULE: ./src/core/classify.ts
// Error text → failure class. One table; each row quotes the real text that motivated it
// (docs/oc-behaviour.md §2.2, §2.3, §2.6; transcripts in test/fixtures/oc-transcripts).

const CLASS_INFO = {
    'rate-limit': {
        retryable: true,
        meaning: 'The registry throttled requests (HTTP 429, TOOMANYREQUESTS or HTTP/2 ENHANCE_YOUR_CALM).',
        whatToDo: 'Retry later with backoff and fewer parallel requests (lower --max-per-registry).'
    },
    'quota-exhausted': {
        retryable: false,
        meaning: 'The pull quota of the account or address is used up (Docker Hub pull rate limit).',
        whatToDo: 'Authenticate with a paid account or retry after the quota window resets (hours, not minutes).'
    },
    auth: {
        retryable: false,
        meaning: 'The registry refused the credentials or the permission for this repository (401/403).',
        whatToDo: 'Fix the registry credentials (-a auth file) or the repository permissions, then rerun.'
    },
    'not-found': {
        retryable: false,
        meaning: 'The source image, tag, repository or blob does not exist where oc looked.',
        whatToDo: 'Check the source reference in the mapping line (and --from-dir for file:// sources).'
    },
    server: {
        retryable: true,
        meaning: 'The registry answered with a 5xx server error.',
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
        meaning: 'Verification found content missing or corrupt at the destination after oc reported it.',
        whatToDo: 'Retry the line: mirror-guard first removes the stale manifest entries of a file:// tree written by oc 4.13 or older (by hand: delete the tag link and manifests/<digest>), then only the missing blobs are fetched.'
    },
    'wrong-image': {
        retryable: true,
        meaning: 'The destination tag resolves to another image than the one the engine reported pushing (a cache or proxy that acknowledged without storing, or a concurrent writer).',
        whatToDo: 'Check what else writes to or sits in front of the destination; the reason names both digests.'
    },
    unverified: {
        retryable: true,
        meaning: 'The engine reported the line mirrored, but verification could not read the destination (unreachable, refused, timed out, cancelled).',
        whatToDo: 'Retry; with push-only credentials set `allow-unverified: true` to keep the engine’s verdict.'
    },
    unconfirmed: {
        retryable: true,
        meaning: 'oc printed neither a success line nor an error for this line (aborted phase or run).',
        whatToDo: 'Retry the line; look at the run-level errors for what stopped oc.'
    },
    unknown: {
        retryable: false,
        meaning: 'An error mirror-guard does not recognise.',
        whatToDo: 'Read the error text in the log; report it if it should be classified.'
    }
};
const MANIFEST_PUSH = /^unable to push manifest to \S+: /;
/**
 * First matching row wins. Rows run against the cause (oc's prefix removed, quoted strings —
 * URLs and `%q` response bodies — blanked), so repository names, tags and bodies cannot
 * trigger a row. Specific rows come before the general ones they overlap with.
 */
const RULES = [
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
];
const RUN_SUMMARIES = [
    // CheckErr after the first failing phase without --continue-on-error
    {
        re: /^one or more errors occurred while uploading images$/,
        reason: 'run summary: a phase failed'
    },
    // CheckErr with --continue-on-error (planning or execution failures)
    { re: /^one or more errors occurred$/, reason: 'run summary: errors occurred' },
    // CheckErr after planning errors without --continue-on-error: nothing was mirrored
    { re: /^an error occurred during planning$/, reason: 'run summary: planning failed' }
];
/** oc's final summary lines (with or without `error: `): run-level findings, not failures. */
function isRunSummary(text) {
    const t = stripPrefixes(text).trim();
    return RUN_SUMMARIES.some((s) => s.re.test(t));
}
// Go %q strings (URLs of *url.Error, quoted response bodies, quoted references) may contain
// anything, including words of other classes; rows never look inside them.
const QUOTED = /"(?:[^"\\\n]|\\.)*"/g;
function stripPrefixes(text) {
    let t = text.replace(/^(?:error|warning|info): /, '');
    if (t.startsWith('Warning: '))
        t = t.slice('Warning: '.length);
    return t;
}
/** Classify the text of an `error:`/`warning:` line (prefix optional). Never throws. */
function classify(text) {
    const whole = stripPrefixes(text);
    const summary = RUN_SUMMARIES.find((s) => s.re.test(whole.trim()));
    if (summary)
        return { class: 'unknown', reason: summary.reason, retryable: false };
    const cause = errorCause(whole).replace(QUOTED, '""');
    const bare = !hasOcPrefix(whole);
    for (const rule of RULES) {
        if (rule.bare && !bare)
            continue;
        if (rule.when && !rule.when.test(whole))
            continue;
        if (rule.re.test(rule.whole ? whole : cause)) {
            return { class: rule.class, reason: rule.reason, retryable: CLASS_INFO[rule.class].retryable };
        }
    }
    // `file F, line N: <anything else>`: oc rejected that mapping line.
    if (parseErrorSubject(whole).kind === 'mapping-line') {
        return { class: 'usage', reason: 'mapping line rejected', retryable: false };
    }
    return { class: 'unknown', reason: 'unrecognised error', retryable: false };
}

;// CONCATENATED MODULE: ./src/core/id-index.ts
// Entry ids by string key, as compact as a Map allows: most keys of a mapping's indexes name a
// single entry, kept as a bare number rather than a one-element array (a 20,000-line mapping's
// error indexes shrank by a third).
class IdIndex {
    map = new Map();
    add(key, id) {
        const known = this.map.get(key);
        if (known === undefined)
            this.map.set(key, id);
        else if (typeof known === 'number')
            this.map.set(key, [known, id]);
        else
            known.push(id);
    }
    get(key) {
        const known = this.map.get(key);
        return typeof known === 'number' ? [known] : known;
    }
    has(key) {
        return this.map.has(key);
    }
}

;// CONCATENATED MODULE: ./src/core/reference.ts
const DST_DIGEST_ERROR = 'you must specify a tag for DST or leave it blank to only push by digest';
const NAME_TOTAL_LENGTH_MAX = 255;
const TAG = /^\w[\w.-]{0,127}$/;
// The reference grammar's digest: algorithm, then at least 32 hex digits.
const REF_DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}$/;
// `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*` rewritten without the empty `[-]*` branch (same
// language, but no nested ambiguity, so no catastrophic backtracking).
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_LABEL = /^[a-zA-Z0-9-]+$/;
const PORT = /^[0-9]+$/;
// The character class of oc's `:([\w\d-\.*]+)$` (rePossibleExpandableReference).
const EXPANDABLE_TAG = /^[\w.*-]+$/;
const DIGEST_LENGTHS = { sha256: 64, sha384: 96, sha512: 128 };
function isHostLabel(label) {
    return HOST_LABEL.test(label) && !label.startsWith('-') && !label.endsWith('-');
}
function isHostname(host) {
    const colon = host.indexOf(':');
    let name = host;
    if (colon >= 0) {
        if (!PORT.test(host.slice(colon + 1)))
            return false;
        name = host.slice(0, colon);
    }
    return name.split('.').every(isHostLabel);
}
function isValidName(name) {
    const parts = name.split('/');
    const [first = ''] = parts;
    const firstOk = PATH_COMPONENT.test(first) || (parts.length > 1 && isHostname(first));
    return firstOk && parts.slice(1).every((p) => PATH_COMPONENT.test(p));
}
/** docker/distribution's anchored ReferenceRegexp: `name(:tag)?(@digest)?`. */
function matchReference(s) {
    let rest = s;
    let digest;
    const at = s.indexOf('@');
    if (at >= 0) {
        digest = s.slice(at + 1);
        rest = s.slice(0, at);
        if (!REF_DIGEST.test(digest))
            return undefined;
    }
    // A name holds a `:` only before a `/` (registry port), so a last `:` with no `/` after it
    // must start the tag.
    let name = rest;
    let tag;
    const colon = rest.lastIndexOf(':');
    if (colon >= 0 && !rest.includes('/', colon)) {
        tag = rest.slice(colon + 1);
        name = rest.slice(0, colon);
        if (!TAG.test(tag))
            return undefined;
    }
    if (!isValidName(name))
        return undefined;
    return { name, tag, digest };
}
/** Go's strings.ToLower uses simple case mapping: one code point to one code point. */
function goToLower(s) {
    let out = '';
    for (const ch of s) {
        const lower = ch.toLowerCase();
        if (lower.length === ch.length)
            out += lower;
        else
            out += ch === '\u0130' ? 'i' : ch;
    }
    return out;
}
/** go-digest Validate as vendored in library-go (hex already checked by the grammar). */
function digestError(digest) {
    const colon = digest.indexOf(':');
    const size = DIGEST_LENGTHS[digest.slice(0, colon)];
    if (size === undefined)
        return 'unsupported digest algorithm';
    if (digest.length - colon - 1 !== size)
        return 'invalid checksum digest length';
    return undefined;
}
/** library-go reference.Parse: the grammar, then the registry rule of docs/oc-behaviour.md §5. */
function parseDocker(s) {
    const m = matchReference(s);
    if (!m) {
        if (s === '')
            return { error: 'repository name must have at least one component' };
        if (matchReference(goToLower(s)))
            return { error: 'repository name must be lowercase' };
        return { error: 'invalid reference format' };
    }
    if (m.name.length > NAME_TOTAL_LENGTH_MAX) {
        return { error: `repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters` };
    }
    if (m.digest !== undefined) {
        const err = digestError(m.digest);
        if (err)
            return { error: err };
    }
    const slash = m.name.indexOf('/');
    if (slash < 0) {
        // library-go treats a lone component with a `.` (or starting with localhost) as a bare
        // registry: the tag is dropped and the whole text becomes the registry.
        if (m.name.includes('.') || m.name.startsWith('localhost')) {
            const whole = m.name + (m.tag !== undefined ? `:${m.tag}` : '');
            const registry = whole + (m.digest !== undefined ? `@${m.digest}` : '');
            return { ref: { registry, repository: '', digest: m.digest }, registryOnly: true };
        }
        return {
            ref: { registry: '', repository: m.name, tag: m.tag, digest: m.digest },
            registryOnly: false
        };
    }
    const first = m.name.slice(0, slash);
    const isRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
    const ref = isRegistry
        ? { registry: first, repository: m.name.slice(slash + 1), tag: m.tag, digest: m.digest }
        : { registry: '', repository: m.name, tag: m.tag, digest: m.digest };
    return { ref, registryOnly: false };
}
function prefixOf(kind) {
    return kind === 'file' ? 'file://' : kind === 's3' ? 's3://' : '';
}
/**
 * imagesource.ParseReference. Errors quote the reference as oc does: after removing `s3://`
 * or `file://` and, for file://, one leading `/`.
 */
function parseTyped(token) {
    let kind = 'registry';
    let rest = token;
    if (rest.startsWith('s3://')) {
        kind = 's3';
        rest = rest.slice('s3://'.length);
    }
    else if (rest.startsWith('file://')) {
        kind = 'file';
        rest = rest.slice('file://'.length);
        if (rest.startsWith('/'))
            rest = rest.slice(1);
    }
    const parsed = parseDocker(rest);
    if ('error' in parsed) {
        return { error: `${goQuote(rest)} is not a valid image reference: ${parsed.error}` };
    }
    return { kind, ref: parsed.ref, registryOnly: parsed.registryOnly };
}
function toImageRef(raw, kind, ref, registryOnly, tag) {
    // `printed` is oc's TypedImageReference.String() without tag or digest (Exact() of the
    // parsed reference), so `file:///ns/a` prints as `file://ns/a`: oc strips that slash before
    // parsing and never prints it. A bare registry prints with a trailing `/` (Exact()).
    const name = registryOnly
        ? `${ref.registry}/`
        : ref.registry
            ? `${ref.registry}/${ref.repository}`
            : ref.repository;
    return {
        raw,
        kind,
        registry: ref.registry,
        repository: ref.repository,
        ...(tag !== undefined ? { tag } : {}),
        ...(ref.digest !== undefined ? { digest: ref.digest } : {}),
        printed: prefixOf(kind) + name,
        diskPath: kind === 'file' ? ref.repository : ''
    };
}
/**
 * Parses one side of a mapping as oc does. Sources: a tag containing `*` is kept as a glob
 * tag and a source with neither tag nor digest has no tag (both are expanded by oc over the
 * network at run time). Destinations: a digest is oc's error.
 */
function parseImageRef(token, side) {
    if (side === 'source') {
        // ParseSourceReference: `:([\w\d-\.*]+)$` with a `*` → parse with the tag `tag`, then put
        // the glob back. Only the last `:` can start that match (`:` is not in the class).
        const colon = token.lastIndexOf(':');
        const glob = colon >= 0 ? token.slice(colon + 1) : '';
        if (glob.includes('*') && EXPANDABLE_TAG.test(glob)) {
            const parsed = parseTyped(`${token.slice(0, colon)}:tag`);
            if ('error' in parsed)
                return { error: parsed.error, code: 'invalid-reference' };
            if (parsed.ref.tag !== 'tag') {
                return { error: 'source expansion is only possible in tags', code: 'invalid-reference' };
            }
            return { ref: toImageRef(token, parsed.kind, parsed.ref, parsed.registryOnly, glob) };
        }
    }
    const parsed = parseTyped(token);
    if ('error' in parsed)
        return { error: parsed.error, code: 'invalid-reference' };
    if (side === 'destination' && parsed.ref.digest !== undefined) {
        return { error: DST_DIGEST_ERROR, code: 'digest-destination' };
    }
    return { ref: toImageRef(token, parsed.kind, parsed.ref, parsed.registryOnly, parsed.ref.tag) };
}
function isRegistryComponent(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
/**
 * Comparison key for a repository as oc prints it. `file://` refs fold to their directory on
 * disk (registry component dropped, docs/oc-behaviour.md §5); registry and s3 hosts compare
 * case-insensitively.
 */
function repoKey(printed) {
    if (printed.startsWith('file://')) {
        let path = printed.slice('file://'.length);
        if (path.startsWith('/'))
            path = path.slice(1);
        const slash = path.indexOf('/');
        if (slash > 0 && isRegistryComponent(path.slice(0, slash)))
            path = path.slice(slash + 1);
        return `file://${path}`;
    }
    const prefix = printed.startsWith('s3://') ? 's3://' : '';
    const path = printed.slice(prefix.length);
    const slash = path.indexOf('/');
    if (slash > 0 && isRegistryComponent(path.slice(0, slash))) {
        const host = path.slice(0, slash);
        const lower = host.toLowerCase();
        // Usually already lower case: then the key is `printed` itself, not a copy per entry.
        return lower === host ? printed : prefix + lower + path.slice(slash);
    }
    return printed;
}
/**
 * `printed` plus `:tag` (the given one, else the ref's) or `@digest`: oc's String() of the
 * reference. A digest wins over the ref's own tag, as in oc's NameString().
 */
function formatRef(ref, tag) {
    if (ref.repository === '')
        return ref.printed;
    if (tag !== undefined)
        return joinKey(ref.raw, ref.printed, ':', tag);
    if (ref.digest !== undefined)
        return joinKey(ref.raw, ref.printed, '@', ref.digest);
    if (ref.tag !== undefined)
        return joinKey(ref.raw, ref.printed, ':', ref.tag);
    return ref.printed;
}
/**
 * `${a}${sep}${b}`, but `spelled` itself when it is exactly that: a ref's own token usually is
 * the string wanted, and sharing it saves a copy per mapping line in keys and indexes.
 */
function joinKey(spelled, a, sep, b) {
    const same = spelled.length === a.length + sep.length + b.length &&
        spelled.startsWith(a) &&
        spelled.startsWith(sep, a.length) &&
        spelled.endsWith(b);
    return same ? spelled : `${a}${sep}${b}`;
}
/** True when oc expands this source over the network (tag-less, or a glob tag). */
function isExpandingSource(ref) {
    return ref.digest === undefined && (ref.tag === undefined || ref.tag.includes('*'));
}
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
/** Go's strconv.Quote (`%q`): how oc quotes references in its messages. */
function goQuote(s) {
    let out = '"';
    for (const ch of s) {
        const cp = ch.codePointAt(0) ?? 0;
        if (ch === '"' || ch === '\\')
            out += `\\${ch}`;
        else if (cp === 0x20 || (cp > 0x20 && cp < 0x7f))
            out += ch;
        else if (cp > 0x7f && !isSurrogate(cp) && PRINTABLE.test(ch))
            out += ch;
        else
            out += escapeRune(cp);
    }
    return `${out}"`;
}
function isSurrogate(cp) {
    return cp >= 0xd800 && cp <= 0xdfff;
}
const SHORT_ESCAPES = {
    7: '\\a',
    8: '\\b',
    9: '\\t',
    10: '\\n',
    11: '\\v',
    12: '\\f',
    13: '\\r'
};
function escapeRune(cp) {
    const short = SHORT_ESCAPES[cp];
    if (short)
        return short;
    if (cp < 0x20 || cp === 0x7f)
        return `\\x${cp.toString(16).padStart(2, '0')}`;
    if (cp < 0x10000)
        return `\\u${cp.toString(16).padStart(4, '0')}`;
    return `\\U${cp.toString(16).padStart(8, '0')}`;
}

;// CONCATENATED MODULE: ./src/core/root-cause.ts
/** Classes that describe a consequence of another failure, never a cause of their own. */
const CONSEQUENCES = new Set(['dependency']);
function isConsequence(cls) {
    return CONSEQUENCES.has(cls);
}
/** Said when a line shows only consequences: its cause was printed nowhere oc tied to it. */
const ROOT_CAUSE_NOT_PRINTED = 'root cause not printed in the log: oc reported only this consequence for the line (see the run-level errors and the log)';
/** `items` with the root causes first, each group in its original order (stable). */
function rootCauseFirst(items) {
    return [
        ...items.filter((i) => !isConsequence(i.class)),
        ...items.filter((i) => isConsequence(i.class))
    ];
}
/** The root-cause classes of a verdict; empty when the log showed only consequences. */
function rootCauses(classes) {
    return classes.filter((c) => !isConsequence(c));
}
/**
 * What a failed line is titled by: its root-cause classes; only when none was printed, the
 * consequence's class (the reasons then say that the root cause is missing from the log).
 */
function verdictTitle(classes) {
    const causes = rootCauses(classes);
    if (causes.length > 0)
        return causes.join(', ');
    return classes.length > 0 ? classes.join(', ') : 'unconfirmed';
}

;// CONCATENATED MODULE: ./src/core/attribute.ts
// Attribution: log events × mapping entries → one verdict per entry (docs/oc-behaviour.md §4.4).
// Streaming: events are folded into per-entry state as they arrive; nothing is kept per log line.





/**
 * Shared empty lists, never mutated: a 1 GB log of 30 attempts over 20,000 lines would
 * otherwise allocate (and promote to the old generation) fresh empty arrays per entry and attempt.
 */
const NONE = [];
/** Entry status in the compact per-entry state (0: nothing said about it yet). */
const MIRRORED = 1;
const FAILED = 2;
const DEFAULT_BOUNDS = {
    runLevel: 500,
    runLevelChars: 1 << 20,
    attempts: 100,
    failuresPerEntry: 20,
    successMemo: 1 << 15
};
/** Each index's key for an entry (undefined: not in that index). */
const ERROR_INDEX_KEYS = {
    sourceTag: (e) => !e.source.digest && e.source.tag !== undefined
        ? joinKey(e.source.raw, repoKey(e.source.printed), ':', e.source.tag)
        : undefined,
    sourceDigest: (e) => e.source.digest
        ? joinKey(e.source.raw, repoKey(e.source.printed), '@', e.source.digest)
        : undefined,
    sourceRepo: (e) => repoKey(e.source.printed),
    destRepo: (e) => repoKey(e.destination.printed),
    mappingLine: (e) => `${e.file}:${e.line}`
};
const MAX_REASONS = 5;
/** oc ≤4.13 on file:// / s3:// writes a manifest without its failed blob (docs/oc-behaviour.md §8) */
const SUCCESS_ANYWAY = 'oc printed a success line anyway: the manifest was written without the failed blob';
const MAX_EVIDENCE = 20;
/** Error texts remembered with their meaning, and the longest one remembered. */
const MAX_ERROR_MEMO = 4096;
const MAX_MEMO_TEXT = 4096;
/** Entries remembered per error text (more are resolved again each time). */
const MAX_MEMO_IDS = 64;
const NONE_IDS = [];
const splitRef = (ref) => {
    const at = ref.indexOf('@');
    if (at >= 0)
        return { repo: ref.slice(0, at), digest: ref.slice(at + 1) };
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    if (colon > slash)
        return { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) };
    return { repo: ref };
};
/** Destinations where a manifest push proves the blobs arrived (the registry refuses it otherwise). */
const pushProvesBlobs = (entry) => entry.destination.kind === 'registry';
class Attributor {
    entries;
    /** By entry id (ids are dense indexes of the mapping set: arrays, not Maps). */
    byId = [];
    /** Success lines are looked up here: the one index built up front. */
    byDestTag = new IdIndex();
    /** Tag-less and wildcard sources: oc expands them to tags the mapping never names. */
    expandingByDestRepo = new IdIndex();
    successMemo = new Map();
    successMemoSize = 0;
    errorIndexes = new Map();
    /** Error texts met before: their classification and subject (pure functions of the text). */
    errorMemo = new Map();
    /*
     * Per-entry state, in typed arrays indexed by entry id (a few dozen bytes per mapping line;
     * objects per entry were most of a 100,000-line mapping's memory). Only failed entries, and
     * mirrored ones with more than one success line, get an EntryDetail.
     */
    status;
    /** A mirrored entry's first success line (its evidence when it has no EntryDetail). */
    mirroredAt;
    /** 0: never failed; else the attempt of its latest failure. */
    lastFailedAttempt;
    /** 0: not recovered; else the attempt it failed in before a later one mirrored it. */
    recoveredAfter;
    detail = new Map();
    attempt = 0;
    eventsInAttempt = 0;
    sawPlan = false;
    /*
     * What the current attempt said about each entry: typed arrays reused across attempts (an
     * entry's mark is current when markEpoch[id] === epoch), so a log of many attempts allocates
     * nothing per entry and attempt; `touched` lists this attempt's entries, in order. The rare
     * lists (failures, success lines after the first) live in Maps emptied per attempt.
     */
    markEpoch;
    markSuccesses;
    markFirstSuccess;
    /** Success lines after the first, up to the evidence bound. */
    markMoreSuccess = new Map();
    markFailures = new Map();
    /** Failures that hit the entry only if the attempt printed no success line for it. */
    markDeferred = new Map();
    touched = [];
    epoch = 0;
    /** Untagged success lines per destination repository that has digest-only entries. */
    untaggedSuccess = new Map();
    digestOnly = new Map();
    runEnd = 'unknown';
    runLevel = [];
    runLevelChars = 0;
    runLevelMore = new Map();
    attempts = [];
    /** The latest attempt record once `bounds.attempts` are kept; earlier ones are summed. */
    latestAttempt;
    omitted;
    current = this.newStats(0, 1);
    bounds;
    constructor(set, scope, bounds = {}) {
        this.bounds = { ...DEFAULT_BOUNDS, ...bounds };
        const wanted = scope ? new Set(scope) : undefined;
        this.entries = set.entries.filter((e) => !wanted || wanted.has(e.id));
        const size = this.entries.reduce((n, e) => Math.max(n, e.id + 1), 0);
        this.status = new Uint8Array(size);
        this.mirroredAt = new Float64Array(size);
        this.lastFailedAttempt = new Int32Array(size);
        this.recoveredAfter = new Int32Array(size);
        this.markEpoch = new Int32Array(size).fill(-1);
        this.markSuccesses = new Float64Array(size);
        this.markFirstSuccess = new Float64Array(size);
        for (const e of this.entries) {
            this.byId[e.id] = e;
            const dst = repoKey(e.destination.printed);
            if (isExpandingSource(e.source))
                this.expandingByDestRepo.add(dst, e.id);
            else
                this.byDestTag.add(joinKey(e.destination.raw, dst, ':', e.destinationTag ?? ''), e.id);
        }
    }
    /**
     * An index only errors and warnings need, built on its first use: a clean log (and the
     * memory of a 200,000-line mapping) pays for none of them, most logs for two or three.
     */
    index(name) {
        let ix = this.errorIndexes.get(name);
        if (ix === undefined) {
            ix = new IdIndex();
            const keyOf = ERROR_INDEX_KEYS[name];
            for (const e of this.entries) {
                const key = keyOf(e);
                if (key !== undefined)
                    ix.add(key, e.id);
            }
            this.errorIndexes.set(name, ix);
        }
        return ix;
    }
    onEvent(e) {
        if (e.kind !== 'attempt-start') {
            this.current.lastLine = e.logLine;
            this.eventsInAttempt++;
        }
        switch (e.kind) {
            case 'attempt-start':
                this.closeAttempt();
                this.runEnd = 'unknown';
                this.sawPlan = false;
                this.attempt = e.attempt;
                this.current = this.newStats(e.attempt, e.logLine);
                return;
            case 'success':
                this.current.successLines++;
                this.onSuccess(e.destination, e.tag, e.digest, e.logLine);
                return;
            case 'error':
                if (e.inPlanTree)
                    return; // repeated later as a top-level error line
                this.current.errors++;
                this.onError(e.text, e.logLine);
                return;
            case 'klog':
                // oc-mirror v1 logs collected errors through klog.Errorf("error: %v").
                if (e.level === 'E' && e.text.startsWith('error: ')) {
                    this.current.errors++;
                    this.onError(e.text.slice('error: '.length), e.logLine);
                }
                return;
            case 'warning':
                this.current.warnings++;
                this.onWarning(e.text, e.logLine);
                return;
            case 'info':
                this.onInfo(e.text, e.logLine);
                return;
            case 'plan-blob':
            case 'plan-manifest':
                this.sawPlan = true;
                return;
            case 'planning-completed':
                this.sawPlan = true;
                this.current.planningSeconds = e.seconds;
                return;
            case 'mirroring-completed':
                this.current.mirroringSeconds = e.seconds;
                this.current.rate = e.rate;
                this.current.bytesPerSecond = e.bytesPerSecond;
                if (this.runEnd === 'unknown')
                    this.runEnd = 'complete';
                return;
            default:
                return;
        }
    }
    finish() {
        this.closeAttempt();
        // Shared by every entry with the same verdict (read-only): 100,000 confirmed lines need
        // no 200,000 empty arrays.
        const rejected = this.runEnd === 'rejected';
        const unconfirmedClasses = [rejected ? 'usage' : 'unconfirmed'];
        const unconfirmedReasons = [unconfirmedReason(this.runEnd)];
        const verdicts = this.entries.map((entry) => {
            const id = entry.id;
            const status = this.status[id];
            const d = this.detail.get(id);
            if (status === MIRRORED) {
                const recoveredAfter = this.recoveredAfter[id] ?? 0;
                return {
                    entryId: id,
                    status: 'mirrored',
                    classes: NONE,
                    reasons: NONE,
                    evidence: d ? [...d.evidence] : [this.mirroredAt[id] ?? 0],
                    retryable: false,
                    ...(recoveredAfter > 0 ? { recoveredAfter } : {})
                };
            }
            if (status === FAILED && d) {
                return {
                    entryId: id,
                    status: 'failed',
                    classes: d.classes,
                    reasons: d.reasons,
                    evidence: [...d.evidence],
                    retryable: classesRetryable(d.classes)
                };
            }
            return {
                entryId: id,
                status: 'failed',
                classes: unconfirmedClasses,
                reasons: unconfirmedReasons,
                evidence: NONE,
                retryable: !rejected
            };
        });
        const more = [...this.runLevelMore.values()].map((f) => ({
            severity: f.severity,
            class: f.class,
            reason: `${f.reason} (and ${f.count - 1} more ${f.severity}s of this class not listed)`,
            text: f.text,
            logLine: f.logLine,
            count: f.count
        }));
        const attempts = this.latestAttempt ? [...this.attempts, this.latestAttempt] : this.attempts;
        return {
            verdicts,
            runLevel: [...this.runLevel, ...more],
            attempts,
            ...(this.omitted ? { attemptsOmitted: { ...this.omitted } } : {})
        };
    }
    newStats(attempt, firstLine) {
        return { attempt, errors: 0, warnings: 0, successLines: 0, firstLine, lastLine: firstLine };
    }
    /** Makes the entry's mark current (reset from an earlier attempt) and lists it as touched. */
    mark(id) {
        if (this.markEpoch[id] === this.epoch)
            return;
        this.markEpoch[id] = this.epoch;
        this.markSuccesses[id] = 0;
        this.touched.push(id);
    }
    /** Success lines of the entry in the current attempt. */
    successes(id) {
        return this.markEpoch[id] === this.epoch ? (this.markSuccesses[id] ?? 0) : 0;
    }
    addSuccess(id, logLine) {
        this.mark(id);
        const n = this.markSuccesses[id] ?? 0;
        this.markSuccesses[id] = n + 1;
        if (n === 0)
            this.markFirstSuccess[id] = logLine;
        else if (n < MAX_EVIDENCE) {
            // Lines past the evidence bound could never be shown: counted, not kept.
            const more = this.markMoreSuccess.get(id);
            if (more)
                more.push(logLine);
            else
                this.markMoreSuccess.set(id, [logLine]);
        }
    }
    addFailure(id, failure) {
        this.mark(id);
        const list = this.markFailures.get(id);
        if (list === undefined)
            this.markFailures.set(id, [failure]);
        else if (this.keepFailure(list, failure))
            list.push(failure);
    }
    /**
     * Past `bounds.failuresPerEntry`, a failure is kept only when it adds a class, or a reason
     * while fewer than MAX_REASONS are known: the verdict (classes, first reasons, first
     * evidence lines) is the same as with every failure kept, and a million identical errors
     * on one line cost one list of a few dozen.
     */
    keepFailure(list, failure) {
        if (list.length < this.bounds.failuresPerEntry)
            return true;
        // Loops, not Sets: past the bound this runs for every further failure of the entry.
        let newClass = true;
        let newReason = true;
        for (const f of list) {
            if (f.class === failure.class)
                newClass = false;
            if (f.reason === failure.reason)
                newReason = false;
        }
        if (newClass)
            return true;
        if (!newReason)
            return false;
        const reasons = new Set();
        for (const f of list)
            reasons.add(f.reason);
        return reasons.size < MAX_REASONS;
    }
    addDeferred(id, failure) {
        const list = this.markDeferred.get(id);
        if (list === undefined)
            this.markDeferred.set(id, [failure]);
        else if (this.keepFailure(list, failure))
            list.push(failure);
    }
    fail(ids, failure) {
        for (const id of ids)
            this.addFailure(id, failure);
    }
    onSuccess(destination, tag, digest, logLine) {
        if (tag !== undefined) {
            for (const id of this.successIds(destination, tag))
                this.addSuccess(id, logLine);
            return;
        }
        const dst = repoKey(destination);
        // Untagged lines are manifest-list children or digest-only pushes: resolved at attempt end,
        // and only kept for repositories with digest-only entries (nothing else can use them).
        const wanted = this.digestOnlyDigests(dst);
        if (wanted === undefined)
            return;
        const lines = this.untaggedSuccess.get(dst);
        if (lines === undefined) {
            const byDigest = new Map();
            if (wanted.has(digest))
                byDigest.set(digest, logLine);
            this.untaggedSuccess.set(dst, { count: 1, first: logLine, byDigest });
            return;
        }
        lines.count++;
        if (wanted.has(digest) && !lines.byDigest.has(digest))
            lines.byDigest.set(digest, logLine);
    }
    /** Source digests of the digest-only entries pushed to `dst`; undefined when it has none. */
    digestOnlyDigests(dst) {
        let known = this.digestOnly.get(dst);
        if (known === undefined) {
            const ids = this.byDestTag.get(`${dst}:`);
            // Cached for repositories the mapping pushes digest-only to (bounded by the mapping).
            if (ids === undefined)
                return undefined;
            known = new Set(ids.map((id) => this.entry(id).source.digest));
            this.digestOnly.set(dst, known);
        }
        return known;
    }
    /**
     * The entries a tagged success line confirms, memoised by the line's own spelling: a log of
     * many attempts repeats the same lines, and this runs for each of them. Per destination a
     * short list of tags, a Map once it has many (a release repository holds hundreds).
     */
    successIds(destination, tag) {
        const known = this.successMemo.get(destination);
        if (known !== undefined) {
            if (Array.isArray(known)) {
                for (const k of known)
                    if (k.tag === tag)
                        return k.ids;
            }
            else {
                const ids = known.get(tag);
                if (ids !== undefined)
                    return ids;
            }
        }
        const dst = repoKey(destination);
        const ids = this.byDestTag.get(`${dst}:${tag}`) ?? this.expandingByDestRepo.get(dst) ?? NONE_IDS;
        // Bounded by the mapping: a log of endless distinct lines must not grow it.
        if (this.successMemoSize >= Math.min(2 * this.entries.length + 1024, this.bounds.successMemo)) {
            return ids;
        }
        this.successMemoSize++;
        if (known === undefined)
            this.successMemo.set(destination, [{ tag, ids }]);
        else if (!Array.isArray(known))
            known.set(tag, ids);
        else if (known.length < 8)
            known.push({ tag, ids });
        else {
            const byTag = new Map(known.map((k) => [k.tag, k.ids]));
            this.successMemo.set(destination, byTag.set(tag, ids));
        }
        return ids;
    }
    onError(text, logLine) {
        const meaning = this.errorMeaning(text);
        const { c, subject } = meaning;
        const failure = { class: c.class, reason: c.reason, retryable: c.retryable, logLine };
        if (meaning.runSummary) {
            if (/during planning/.test(text))
                this.runEnd = 'planning-aborted';
            else if (/while uploading images/.test(text))
                this.runEnd = 'phase-aborted';
            this.addRunLevel({ severity: 'error', class: c.class, reason: c.reason, text, logLine });
            return;
        }
        // A usage error before any plan output means oc rejected its arguments: nothing ran.
        if (c.class === 'usage' && !this.sawPlan)
            this.runEnd = 'rejected';
        if (!this.target(subject, failure, false, meaning.ids)) {
            this.addRunLevel({ severity: 'error', class: c.class, reason: c.reason, text, logLine });
        }
    }
    /**
     * classify and parseErrorSubject of an error text, remembered: a log of repeated attempts
     * prints the same errors again and again. Bounded in entries and in the length of a text.
     */
    errorMeaning(text) {
        const known = this.errorMemo.get(text);
        if (known !== undefined)
            return known;
        const subject = parseErrorSubject(text);
        const ids = this.resolve(subject);
        const meaning = {
            c: classify(text),
            subject,
            runSummary: isRunSummary(text),
            // The entries it names (resolve is a function of the subject), unless they are many.
            ...(ids.length <= MAX_MEMO_IDS ? { ids } : {})
        };
        if (text.length <= MAX_MEMO_TEXT && this.errorMemo.size < MAX_ERROR_MEMO) {
            this.errorMemo.set(text, meaning);
        }
        return meaning;
    }
    /**
     * The first findings are kept whole, up to `bounds.runLevel` of them and `bounds.runLevelChars`
     * of text (the first one always); later ones are counted per severity and class, so a log
     * of millions of unattributable lines, or of huge ones, cannot exhaust memory.
     */
    addRunLevel(f) {
        const { runLevel, runLevelChars } = this.bounds;
        const fits = this.runLevelChars + f.text.length <= runLevelChars || this.runLevel.length === 0;
        if (this.runLevel.length < runLevel && fits) {
            this.runLevel.push(f);
            this.runLevelChars += f.text.length;
            return;
        }
        const key = `${f.severity} ${f.class}`;
        const more = this.runLevelMore.get(key);
        if (more)
            more.count++;
        else
            this.runLevelMore.set(key, { ...f, count: 1 });
    }
    onWarning(text, logLine) {
        const subject = parseWarningSubject(text);
        if (subject) {
            const c = classify(text);
            if (this.target(subject, { ...c, logLine }))
                return;
        }
        const c = classify(text);
        this.addRunLevel({ severity: 'warning', class: c.class, reason: c.reason, text, logLine });
    }
    onInfo(text, logLine) {
        if (text.startsWith('Dry run complete'))
            this.runEnd = 'dry-run';
        const subject = parseFilteredSubject(text);
        if (!subject)
            return;
        const failure = {
            class: 'filtered',
            reason: 'no manifest in the list matched --filter-by-os; nothing was mirrored',
            retryable: false,
            logLine
        };
        if (!this.target(subject, failure, true)) {
            this.addRunLevel({
                severity: 'warning',
                class: failure.class,
                reason: failure.reason,
                text,
                logLine
            });
        }
    }
    /** Routes a failure to the entries its subject names. False when it names none. */
    target(subject, failure, onlyUnconfirmed = false, resolved) {
        const ids = resolved ?? this.resolve(subject);
        if (ids.length === 0)
            return false;
        const byRepo = subject.kind === 'destination-repo' || subject.kind === 'source-repo';
        const byResolvedDigest = subject.kind === 'source-digest' && !this.exactDigest(subject);
        if (onlyUnconfirmed || byResolvedDigest) {
            for (const id of ids)
                this.addDeferred(id, failure);
        }
        else if (byRepo && subject.kind === 'destination-repo') {
            // Blob failures name a repository, not a tag. On registries a tag that was pushed is
            // complete (the registry checked its blobs); on file:// and s3:// it proves nothing.
            const proven = ids.filter((id) => pushProvesBlobs(this.entry(id)));
            const unproven = ids.filter((id) => !pushProvesBlobs(this.entry(id)));
            for (const id of proven)
                this.addDeferred(id, failure);
            this.fail(unproven, failure);
        }
        else {
            this.fail(ids, failure);
        }
        return true;
    }
    exactDigest(subject) {
        return this.index('sourceDigest').has(`${repoKey(subject.source)}@${subject.digest}`);
    }
    entry(id) {
        return this.byId[id];
    }
    resolve(subject) {
        switch (subject.kind) {
            case 'mapping-line':
                return (this.index('mappingLine').get(`${subject.file}:${subject.line}`) ??
                    this.entries
                        .filter((e) => e.line === subject.line && sameFile(e.file, subject.file))
                        .map((e) => e.id));
            case 'source-tag': {
                const src = repoKey(subject.source);
                const exact = this.index('sourceTag').get(`${src}:${subject.tag}`);
                if (exact)
                    return exact;
                // Tag-less or wildcard sources expand to tags oc names one by one.
                return (this.index('sourceRepo').get(src) ?? []).filter((id) => {
                    const tag = this.entry(id).source.tag;
                    return tag === undefined || tag.includes('*');
                });
            }
            case 'source-digest': {
                const src = repoKey(subject.source);
                const exact = this.index('sourceDigest').get(`${src}@${subject.digest}`);
                if (exact)
                    return exact;
                // A tag resolved to this digest; without -v=3 oc does not say which tag.
                return (this.index('sourceRepo').get(src) ?? []).filter((id) => !this.entry(id).source.digest);
            }
            case 'source-list-child': {
                const { repo, tag, digest } = splitRef(subject.sourceRef);
                const parsed = parseImageRef(repo, 'source');
                const src = 'ref' in parsed ? repoKey(parsed.ref.printed) : repoKey(repo);
                const all = [
                    ...(this.index('sourceRepo').get(src) ?? []),
                    ...(this.index('sourceRepo').get(repoKey(`file://${repo}`)) ?? [])
                ];
                const narrowed = all.filter((id) => {
                    const s = this.entry(id).source;
                    return (digest && s.digest === digest) || (tag !== undefined && s.tag === tag);
                });
                return narrowed.length ? narrowed : all;
            }
            case 'source-repo':
                return this.index('sourceRepo').get(repoKey(subject.source)) ?? [];
            case 'destination-repo': {
                const ids = this.index('destRepo').get(repoKey(subject.destination)) ?? [];
                if (!subject.source)
                    return ids;
                const src = repoKey(subject.source);
                const narrowed = ids.filter((id) => repoKey(this.entry(id).source.printed) === src);
                return narrowed.length ? narrowed : ids;
            }
            case 'destination-tag': {
                const dst = repoKey(subject.destination);
                if (subject.tag !== undefined) {
                    return (this.byDestTag.get(`${dst}:${subject.tag}`) ?? this.expandingByDestRepo.get(dst) ?? []);
                }
                // A digest push failed: a list child or a digest-only line; the tags above it fail too.
                return this.index('destRepo').get(dst) ?? [];
            }
            case 'entry':
                return this.byId[subject.entryId] !== undefined ? [subject.entryId] : [];
            case 'run':
                return [];
        }
    }
    /** Folds the finished attempt into the per-entry state. */
    closeAttempt() {
        if (this.eventsInAttempt > 0) {
            this.resolveUntagged();
            for (const [id, failures] of this.markDeferred) {
                if (this.successes(id) > 0)
                    continue;
                for (const f of failures)
                    this.addFailure(id, f);
            }
            for (const id of this.touched)
                this.apply(id);
            this.recordAttempt();
        }
        this.touched.length = 0;
        this.epoch++;
        this.markMoreSuccess.clear();
        this.markFailures.clear();
        this.markDeferred.clear();
        this.untaggedSuccess.clear();
        this.eventsInAttempt = 0;
    }
    /**
     * The first `bounds.attempts` records are kept whole, and the latest; those between are
     * summed into `omitted` (a log of 100,000 concatenated runs keeps a hundred and one records).
     */
    recordAttempt() {
        const c = this.current;
        const record = {
            attempt: Math.max(c.attempt, 1),
            ...(c.planningSeconds !== undefined ? { planningSeconds: c.planningSeconds } : {}),
            ...(c.mirroringSeconds !== undefined ? { mirroringSeconds: c.mirroringSeconds } : {}),
            ...(c.rate !== undefined ? { rate: c.rate } : {}),
            ...(c.bytesPerSecond !== undefined ? { bytesPerSecond: c.bytesPerSecond } : {}),
            errors: c.errors,
            warnings: c.warnings,
            successLines: c.successLines,
            logLines: c.lastLine - c.firstLine + 1
        };
        if (this.attempts.length < this.bounds.attempts) {
            this.attempts.push(record);
            return;
        }
        const prev = this.latestAttempt;
        this.latestAttempt = record;
        if (prev === undefined)
            return;
        const o = this.omitted;
        if (o === undefined) {
            this.omitted = {
                count: 1,
                firstAttempt: prev.attempt,
                lastAttempt: prev.attempt,
                errors: prev.errors,
                warnings: prev.warnings,
                successLines: prev.successLines,
                logLines: prev.logLines
            };
            return;
        }
        o.count++;
        o.lastAttempt = prev.attempt;
        o.errors += prev.errors;
        o.warnings += prev.warnings;
        o.successLines += prev.successLines;
        o.logLines += prev.logLines;
    }
    resolveUntagged() {
        for (const [dst, lines] of this.untaggedSuccess) {
            const digestOnly = (this.byDestTag.get(`${dst}:`) ?? []).map((id) => this.entry(id));
            for (const e of digestOnly) {
                const exact = lines.byDigest.get(e.source.digest);
                // Filtered to one platform, oc pushes the child's digest: accept it only when unambiguous.
                const hit = exact ?? (digestOnly.length === 1 && lines.count === 1 ? lines.first : undefined);
                if (hit !== undefined)
                    this.addSuccess(e.id, hit);
            }
        }
    }
    apply(id) {
        if (this.byId[id] === undefined)
            return;
        const attempt = Math.max(this.attempt, 1);
        const marked = this.markFailures.get(id) ?? NONE;
        const successes = this.markSuccesses[id] ?? 0;
        if (marked.length) {
            this.status[id] = FAILED;
            // Root causes lead (a blob's 429 before the manifest push it made fail), whatever order
            // the errors were printed or resolved in; consequences stay as evidence after them.
            const failures = rootCauseFirst(marked);
            const classes = unique(failures.map((f) => f.class));
            const reasons = failures.map((f) => f.reason);
            if (rootCauses(classes).length === 0)
                reasons.push(ROOT_CAUSE_NOT_PRINTED);
            if (successes && !pushProvesBlobs(this.entry(id)))
                reasons.push(SUCCESS_ANYWAY);
            this.detail.set(id, {
                classes,
                reasons: unique(reasons).slice(0, MAX_REASONS),
                evidence: unique([...failures.map((f) => f.logLine), ...this.successList(id)]).slice(0, MAX_EVIDENCE)
            });
            this.lastFailedAttempt[id] = attempt;
            this.recoveredAfter[id] = 0;
        }
        else if (successes) {
            if (this.status[id] === FAILED && this.lastFailedAttempt[id] !== 0) {
                this.recoveredAfter[id] = this.lastFailedAttempt[id] ?? 0;
            }
            this.status[id] = MIRRORED;
            this.mirroredAt[id] = this.markFirstSuccess[id] ?? 0;
            // One success line (the usual case) needs no list: mirroredAt is the evidence.
            if (successes > 1)
                this.detail.set(id, { classes: NONE, reasons: NONE, evidence: this.successList(id) });
            else
                this.detail.delete(id);
        }
    }
    /** The entry's success lines in this attempt, up to the evidence bound. */
    successList(id) {
        if (this.successes(id) === 0)
            return [];
        return [this.markFirstSuccess[id] ?? 0, ...(this.markMoreSuccess.get(id) ?? NONE)];
    }
}
const unique = (items) => [...new Set(items)];
const sameFile = (a, b) => a === b || a.replace(/^\.\//, '') === b.replace(/^\.\//, '');
/** A failed line is retried only when every class is retryable; `dependency` follows its cause. */
function classesRetryable(classes) {
    if (classes.length === 0)
        return false;
    return classes.every((c) => CLASS_INFO[c].retryable);
}
function unconfirmedReason(end) {
    switch (end) {
        case 'planning-aborted':
            return 'not mirrored: planning stopped at another line’s error (run without --continue-on-error)';
        case 'phase-aborted':
            return 'not mirrored: an earlier phase failed and oc stopped (run without --continue-on-error)';
        case 'rejected':
            return 'not mirrored: oc rejected its arguments before mirroring anything';
        case 'dry-run':
            return 'not mirrored: a dry run only plans';
        default:
            return 'no success line and no error names this line (ping cache, oc ≤4.16 tag merge, or output cut short)';
    }
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/core/success-line.ts
/** One character of `\s` (for the rare non-ASCII ones: exactly what the regex grammar means). */
const SPACE_RE = /\s/;
/** Where the ref starts in `^((?:sha256|sha512):[0-9a-f]+) (\S+)$`, or -1 when no match. */
function refStart(line) {
    if (line.charCodeAt(0) !== 115 /* s */)
        return -1;
    if (!line.startsWith('sha256:') && !line.startsWith('sha512:'))
        return -1;
    const space = line.indexOf(' ', 7);
    if (space <= 7 || space === line.length - 1)
        return -1;
    for (let i = 7; i < space; i++) {
        const c = line.charCodeAt(i);
        if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102)))
            return -1;
    }
    for (let i = space + 1; i < line.length; i++) {
        const c = line.charCodeAt(i);
        if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && SPACE_RE.test(line.charAt(i))) {
            return -1;
        }
    }
    return space + 1;
}
function parseSuccessLine(line) {
    const at = refStart(line);
    if (at < 0)
        return undefined;
    const digest = line.slice(0, at - 1);
    // The tag follows the last ':' only when it comes after the last '/' (127.0.0.1:5001/x/a:v1).
    const colon = line.lastIndexOf(':');
    if (colon >= at && colon > line.lastIndexOf('/') && colon < line.length - 1) {
        return { digest, destination: line.slice(at, colon), tag: line.slice(colon + 1) };
    }
    return { digest, destination: line.slice(at) };
}
function successEvent(parts, logLine) {
    return parts.tag === undefined
        ? { kind: 'success', digest: parts.digest, destination: parts.destination, logLine }
        : {
            kind: 'success',
            digest: parts.digest,
            destination: parts.destination,
            tag: parts.tag,
            logLine
        };
}
/** Arena growth step: the remembered lines' bytes live in a few large buffers, not one each. */
const ARENA_BYTES = 1 << 18;
/**
 * Longest line remembered (real ones are under 300 bytes): with the capacity, this bounds the
 * cache at a few MB whatever the log holds.
 */
const MAX_REMEMBERED = 512;
/**
 * Success lines met before, by their bytes. Sharing the strings saves decoding and slicing
 * them, and lets Maps keyed by them reuse the hash V8 caches in each string. Bounded: lines
 * past `capacity` distinct ones, or longer than MAX_REMEMBERED, are parsed, not remembered.
 */
class SuccessLineCache {
    decode;
    capacity;
    byHash = new Map();
    size = 0;
    arena = Buffer.alloc(0);
    arenaUsed = 0;
    constructor(decode, capacity = 1 << 15) {
        this.decode = decode;
        this.capacity = capacity;
    }
    /** The parts of the line `buf[start..end)` (ASCII, no terminator), or undefined. */
    lookup(buf, start, end) {
        if (end - start < 10 || buf[start + 1] !== 104 /* h */ || buf[start + 6] !== 58 /* : */) {
            return undefined;
        }
        // Hashed: the digest's first bytes and the ref's last ones (the whole line is compared).
        let hash = 0x811c9dc5;
        for (let i = start + 7, n = Math.min(end, start + 23); i < n; i++) {
            hash = Math.imul(hash ^ buf[i], 0x01000193);
        }
        for (let i = Math.max(start + 23, end - 16); i < end; i++) {
            hash = Math.imul(hash ^ buf[i], 0x01000193);
        }
        const found = this.byHash.get(hash);
        if (found !== undefined) {
            if (!Array.isArray(found)) {
                if (this.same(found, buf, start, end))
                    return found.parts;
            }
            else {
                for (const f of found)
                    if (this.same(f, buf, start, end))
                        return f.parts;
            }
        }
        const parts = parseSuccessLine(this.decode(buf, start, end));
        if (parts === undefined || this.size >= this.capacity || end - start > MAX_REMEMBERED) {
            return parts;
        }
        const at = this.store(buf, start, end);
        const entry = { arena: this.arena, at, length: end - start, parts };
        if (found === undefined)
            this.byHash.set(hash, entry);
        else if (Array.isArray(found))
            found.push(entry);
        else
            this.byHash.set(hash, [found, entry]);
        this.size++;
        return parts;
    }
    same(e, buf, start, end) {
        // A loop, not Buffer.compare: lines are short (≤ MAX_REMEMBERED) and this runs per line.
        if (e.length !== end - start)
            return false;
        const arena = e.arena;
        for (let i = 0, a = e.at; i < e.length; i++)
            if (arena[a + i] !== buf[start + i])
                return false;
        return true;
    }
    /** Copies the bytes into the arena (a line is at most 64 KiB, see MAX_LINE_BYTES). */
    store(buf, start, end) {
        const n = end - start;
        if (this.arenaUsed + n > this.arena.length) {
            // A new arena; earlier entries keep a reference to theirs.
            this.arena = Buffer.allocUnsafe(Math.max(ARENA_BYTES, n));
            this.arenaUsed = 0;
        }
        const at = this.arenaUsed;
        buf.copy(this.arena, at, start, end);
        this.arenaUsed += n;
        return at;
    }
}

;// CONCATENATED MODULE: ./src/core/log-reader.ts
// oc's output (stderr, stdout or both combined) → LogEvents, one line at a time, in bounded
// memory (docs/oc-behaviour.md §1). The parser never throws: unknown lines become `other` events.



/** Line written by mirror-guard before each attempt's output. */
const ATTEMPT_HEADER_RE = /^==== mirror-guard attempt (\d+) ====$/;
function attemptHeader(attempt) {
    return `==== mirror-guard attempt ${attempt} ====`;
}
/** Bytes of one physical line kept; the rest is counted and dropped. */
const MAX_LINE_BYTES = 64 * 1024;
/** Characters of one (multi-line) error kept. */
const MAX_ERROR_CHARS = 256 * 1024;
/** Lines of a Go panic message kept (the goroutine dump after it is only counted). */
const MAX_PANIC_LINES = 20;
const log_reader_DIGEST = '(?:sha256|sha512):[0-9a-f]+';
// stdout (docs/oc-behaviour.md §1.5): `<digest> <dest repo>[:<tag>]`; also what the skopeo engine
// writes.
const KLOG_RE = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [^\]\s]+\] ?(.*)$/;
const TRANSFER_RE = /^(uploading|mounted): (\S+) (\S+) (\S+)$/;
const PLAN_BLOB_RE = new RegExp(`^      (\\S+) (${log_reader_DIGEST})(?: \\S+)?$`);
const PLAN_MANIFEST_RE = new RegExp(`^      (${log_reader_DIGEST})(?: -> (\\S+))?$`);
const REGISTRY_HEADER_RE = /^[^\s/]+\/$/;
const ERROR_RE = /^(?:error|Error): (.*)$/s;
const WARNING_RE = /^(?:warning|Warning): (.*)$/s;
const PANIC_RE = /^(?:panic|fatal error): /;
const GOROUTINE_RE = /^goroutine \d+ \[/;
const PHASE_RE = /^phase \d+:$/;
const PLAN_REPO_RE = /^ {2}(\S+)$/;
const TOP_LEVEL_RE = /^(?:(?:error|warning|info|uploading|mounted): |Error: |Warning: |panic: |fatal error: |phase \d+:|<dir>$|s3:\/\/$)/;
// Errors CheckErr prints before any work starts (docs/oc-behaviour.md §1.4, §4): each ends the run.
const PRE_RUN_RE = /^(?:file .+, line \d+: |open \S+: no such file or directory$|unable to load --registry-config|failed to read registry ca bundle|--filter-by-os was not a valid|--keep-manifest-list=true cannot|you must specify|SRC and DST may not be the same|each destination tag may only be specified once|unknown (?:shorthand )?flag|bufio\.Scanner: token too long|"[^"]*" is not a valid image reference)/;
const FINAL_ERROR_RE = /^(?:one or more errors occurred(?: while uploading images)?|an error occurred during planning)$/;
const isDigit = (c) => c >= 48 && c <= 57;
/**
 * Go's time.Duration.String() (`110ms`, `6.15s`, `2h33m43.97s`, `0s`) → seconds: one or more
 * `<digits>[.<digits>]<unit>` with unit h, m, s, ms, us, µs, μs or ns. Hand-parsed (it runs for
 * every attempt of a log of many), adding the parts in order as the regex form did.
 */
function parseGoDuration(text) {
    const n = text.length;
    if (n === 0)
        return undefined;
    let total = 0;
    let i = 0;
    while (i < n) {
        const from = i;
        while (i < n && isDigit(text.charCodeAt(i)))
            i++;
        if (i === from)
            return undefined;
        if (text.charCodeAt(i) === 46 /* . */) {
            const fraction = ++i;
            while (i < n && isDigit(text.charCodeAt(i)))
                i++;
            if (i === fraction)
                return undefined;
        }
        const value = Number(text.slice(from, i));
        const c = text.charCodeAt(i);
        const s = text.charCodeAt(i + 1) === 115; /* s */
        let unit;
        if (c === 104 /* h */)
            unit = 3600;
        else if (c === 109 /* m */)
            unit = s ? 1e-3 : 60;
        else if (c === 115 /* s */)
            unit = 1;
        else if ((c === 117 /* u */ || c === 0xb5 /* µ */ || c === 0x3bc) /* μ */ && s)
            unit = 1e-6;
        else if (c === 110 /* n */ && s)
            unit = 1e-9;
        else
            return undefined;
        i += unit < 1 ? 2 : 1;
        total += value * unit;
    }
    return Math.round(total * 1e9) / 1e9;
}
const DECIMAL_UNITS = ['', 'k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
/** units.HumanSize (decimal: `16.81MB`, `0B`, `950kB`) → bytes. */
function parseHumanSize(text) {
    const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)([kMGTPEZY]?)B$/.exec(text);
    if (!m)
        return undefined;
    return Math.round(Number(m[1]) * 1000 ** DECIMAL_UNITS.indexOf(m[2] ?? ''));
}
const UPLOADING = Buffer.from('uploading: ');
const MOUNTED = Buffer.from('mounted: ');
const BLOBS = Buffer.from('    blobs:');
const MANIFESTS = Buffer.from('    manifests:');
const BLANK6 = Buffer.from('      ');
/** `buf[start..end)` starts with `prefix` (or equals it, with `exact`). */
function bytesStartWith(buf, start, end, prefix, exact = false) {
    const n = prefix.length;
    if (exact ? end - start !== n : end - start < n)
        return false;
    for (let i = 0; i < n; i++)
        if (buf[start + i] !== prefix[i])
            return false;
    return true;
}
class LogParser {
    options;
    lineNo = 0;
    folded = 0;
    attempt = 0;
    section = 'none';
    planPrefix = '';
    planRepo = '';
    /** Length of a folded repository header in planRepoBytes, -1 when none is pending. */
    planRepoPending = -1;
    planRepoBytes = Buffer.alloc(0);
    planList = 'none';
    open;
    inDump = false;
    ended = 'no';
    sawRunOutput = false;
    planEventInAttempt = false;
    routineLines = 0;
    routineLast = 0;
    successLines = new SuccessLineCache(latin1);
    constructor(options = {}) {
        this.options = options;
    }
    get stats() {
        return { lines: this.lineNo, folded: this.folded, attempt: this.attempt };
    }
    /** Feed one line (without its line terminator). Returns the events it completed. */
    push(rawLine) {
        const out = [];
        this.pushInto(rawLine, out);
        return out;
    }
    /** As push, handing the events to `out` (an array, or readLog's direct callback). */
    pushInto(rawLine, out) {
        if (this.routineLines > 0)
            this.flushRoutine(out);
        const logLine = ++this.lineNo;
        const line = capLine(rawLine);
        // Cheap first-character gates keep the regexes off the hot path (plan rows, uploads).
        const header = line.charCodeAt(0) === 61 /* = */ ? ATTEMPT_HEADER_RE.exec(line) : null;
        if (header) {
            this.closeOpen(out);
            this.startAttempt(out, Number(header[1]), logLine);
            this.folded++;
            return;
        }
        if (logLine === 1)
            this.startAttempt(out, 1, 1);
        const parts = parseSuccessLine(line);
        const success = parts && successEvent(parts, logLine);
        const topLevel = success !== undefined || isTopLevel(line);
        if (this.absorb(line, topLevel, out))
            return;
        // After a run's final line, the next line oc would print at top level starts a new run.
        // stdout lines (in a combined capture they can trail the end) and stray text do not.
        if (this.ended !== 'no' && topLevel && success === undefined) {
            const summary = line.startsWith('error: ') && FINAL_ERROR_RE.test(line.slice(7));
            if (!(this.ended === 'soft' && summary))
                this.startAttempt(out, this.attempt + 1, logLine);
        }
        this.parseLine(line, logLine, out, success);
    }
    /**
     * The byte-level fast path of foldRoutine: consumes the line `buf[start..end)` (ASCII, no
     * terminator) and returns true when it is routine (folded) or a success line (emitted from
     * interned parts) and nothing is open that it could continue or close; otherwise returns
     * false and the caller decodes it and calls pushInto.
     */
    tryFold(buf, start, end, out) {
        if (!this.options.foldRoutine || this.open || this.inDump || this.lineNo === 0)
            return false;
        const c0 = buf[start];
        if (c0 === 115 /* s */) {
            // A success line: never top level for run boundaries, never continues anything.
            const parts = this.successLines.lookup(buf, start, end);
            if (parts === undefined)
                return false;
            if (this.routineLines > 0)
                this.flushRoutine(out);
            this.sawRunOutput = true;
            out.push(successEvent(parts, ++this.lineNo));
            return true;
        }
        if (c0 === 32 /* space */) {
            if (!this.foldIndented(buf, start, end))
                return false;
        }
        else if (c0 === 117 /* u */ || c0 === 109 /* m */) {
            // Top level: after a run's end it would start the next run, so it is decoded then.
            if (this.ended !== 'no' || !this.sawRunOutput)
                return false;
            if (!bytesStartWith(buf, start, end, c0 === 117 ? UPLOADING : MOUNTED))
                return false;
        }
        else {
            return false;
        }
        this.routineLast = ++this.lineNo;
        this.routineLines++;
        this.folded++;
        return true;
    }
    /**
     * Indented lines are never top level (they cannot start a run, whatever `ended` says) and,
     * with nothing open, only ever become plan or `other` events: phase-table rows, repository
     * headers, `blobs:`/`manifests:` and their rows. Blank lines end a section: decoded.
     */
    foldIndented(buf, start, end) {
        if (buf[end - 1] <= 32)
            return false;
        if (this.section === 'phase')
            return true;
        if (this.section !== 'plan' || !this.planEventInAttempt)
            return false;
        if (bytesStartWith(buf, start, end, BLOBS, true)) {
            this.planList = 'blobs';
            return true;
        }
        if (bytesStartWith(buf, start, end, MANIFESTS, true)) {
            this.planList = 'manifests';
            return true;
        }
        if (buf[start + 1] === 32 && buf[start + 2] > 32) {
            // `  <repo>` (PLAN_REPO_RE): kept as bytes, decoded only if a later row needs it.
            for (let i = start + 3; i < end; i++)
                if (buf[i] <= 32)
                    return false;
            const n = end - start - 2;
            if (this.planRepoBytes.length < n)
                this.planRepoBytes = Buffer.allocUnsafe(Math.max(256, n));
            // A loop, not Buffer.copy: repository names are short, and this runs for every header.
            const to = this.planRepoBytes;
            for (let i = 0, from = start + 2; i < n; i++)
                to[i] = buf[from + i];
            this.planRepoPending = n;
            this.planList = 'none';
            return true;
        }
        return (this.planList !== 'none' &&
            (this.planRepo !== '' || this.planRepoPending >= 0) &&
            end - start >= 7 &&
            bytesStartWith(buf, start, start + 6, BLANK6) &&
            buf[start + 6] > 32);
    }
    /** The plan repository of a header line folded from its bytes, as parsePlanRow would set it. */
    takePendingPlanRepo() {
        if (this.planRepoPending < 0)
            return;
        this.planRepo = this.planPrefix + latin1(this.planRepoBytes, 0, this.planRepoPending);
        this.planRepoPending = -1;
    }
    flushRoutine(out) {
        // The event stands for one of the lines; the others are folded into it.
        this.folded--;
        out.push({ kind: 'routine', lines: this.routineLines, logLine: this.routineLast });
        this.routineLines = 0;
    }
    /** Flush what is still open at the end of the input. */
    end() {
        const out = [];
        if (this.routineLines > 0)
            this.flushRoutine(out);
        this.closeOpen(out);
        if (this.lineNo === 0 && this.attempt === 0)
            this.startAttempt(out, 1, 1);
        return out;
    }
    startAttempt(out, attempt, logLine) {
        this.attempt = attempt;
        this.section = 'none';
        this.planList = 'none';
        this.inDump = false;
        this.ended = 'no';
        this.sawRunOutput = false;
        this.planEventInAttempt = false;
        out.push({ kind: 'attempt-start', attempt, logLine });
    }
    /** Continuation lines (docs/oc-behaviour.md §1.6). True when the line joined an open event. */
    absorb(line, topLevel, out) {
        const open = this.open;
        if (open?.panic) {
            if (topLevel) {
                this.closeOpen(out);
                return false;
            }
            if (isBlank(line))
                open.keep = false;
            else if (open.keep && open.lines.length < MAX_PANIC_LINES)
                this.append(open, line);
            this.folded++;
            return true;
        }
        if (open) {
            if (line === '') {
                if (open.depth === 0) {
                    this.closeOpen(out);
                    return false;
                }
                this.append(open, '');
                this.folded++;
                if (--open.depth === 0)
                    this.closeOpen(out);
                return true;
            }
            if (topLevel || (open.inPlanTree && line.startsWith(' '))) {
                this.closeOpen(out);
                return false;
            }
            this.append(open, line);
            if (line.endsWith('errors:'))
                open.depth++;
            this.folded++;
            return true;
        }
        if (this.inDump) {
            if (topLevel) {
                this.inDump = false;
                return false;
            }
            this.folded++;
            return true;
        }
        return false;
    }
    append(open, line) {
        if (open.truncated)
            return;
        if (open.chars + line.length + 1 > MAX_ERROR_CHARS) {
            open.truncated = true;
            open.lines.push('…[error text truncated]');
            return;
        }
        open.lines.push(line);
        open.chars += line.length + 1;
    }
    closeOpen(out) {
        const open = this.open;
        if (!open)
            return;
        this.open = undefined;
        out.push({
            kind: 'error',
            text: open.lines.length === 1 ? open.lines[0] : open.lines.join('\n'),
            logLine: open.logLine,
            inPlanTree: open.inPlanTree
        });
    }
    openError(text, logLine, inPlanTree, panic = false) {
        this.open = {
            lines: [text],
            chars: text.length,
            truncated: false,
            logLine,
            inPlanTree,
            depth: !panic && text.endsWith('errors:') ? 1 : 0,
            panic,
            keep: panic
        };
    }
    parseLine(line, logLine, out, success) {
        // (No per-line closure or regex literal here: this runs for every line of a 1 GB log.)
        if (isBlank(line)) {
            this.section = 'none';
            out.push({ kind: 'other', text: line, logLine });
            return;
        }
        if (success) {
            this.sawRunOutput = true;
            out.push(success);
            return;
        }
        const c0 = line.charCodeAt(0);
        const err = c0 === 101 /* e */ || c0 === 69 /* E */ ? ERROR_RE.exec(line) : null;
        if (err) {
            const text = err[1] ?? '';
            this.section = 'none';
            if (FINAL_ERROR_RE.test(text) || (!this.sawRunOutput && PRE_RUN_RE.test(text))) {
                this.ended = 'hard';
            }
            this.openError(text, logLine, false);
            return;
        }
        if ((c0 === 112 /* p */ || c0 === 102) /* f */ && PANIC_RE.test(line)) {
            // A crashed oc (exit 2): one run-level error; the goroutine dump is folded into it.
            this.openError(line, logLine, false, true);
            this.ended = 'hard';
            return;
        }
        if (c0 === 103 /* g */ && GOROUTINE_RE.test(line)) {
            // Stack dump after a klog F line (4.8–4.10 with -v>=6): count it, do not emit it.
            this.inDump = true;
            out.push({ kind: 'other', text: line, logLine });
            return;
        }
        const warning = c0 === 119 /* w */ || c0 === 87 /* W */ ? WARNING_RE.exec(line) : null;
        if (warning) {
            out.push({ kind: 'warning', text: warning[1] ?? '', logLine });
            return;
        }
        if (line.startsWith('info: ')) {
            this.sawRunOutput = true;
            this.parseInfo(line.slice(6), logLine, out);
            return;
        }
        const transfer = c0 === 117 /* u */ || c0 === 109 /* m */ ? TRANSFER_RE.exec(line) : null;
        if (transfer) {
            this.sawRunOutput = true;
            out.push({
                kind: 'transfer',
                op: transfer[1] === 'mounted' ? 'mounted' : 'uploading',
                destination: transfer[2] ?? '',
                digest: transfer[3] ?? '',
                size: transfer[4] ?? '',
                logLine
            });
            return;
        }
        const klog = c0 === 73 || c0 === 87 || c0 === 69 || c0 === 70 /* IWEF */ ? KLOG_RE.exec(line) : null;
        if (klog) {
            const level = (klog[1] ?? 'I');
            // klog Fatal ends the process (4.8–4.10 print the final error this way under -v>=6).
            if (level === 'F')
                this.ended = 'hard';
            out.push({ kind: 'klog', level, text: klog[2] ?? '', logLine });
            return;
        }
        if (c0 === 112 /* p */ && PHASE_RE.test(line)) {
            this.sawRunOutput = true;
            this.section = 'phase';
            out.push({ kind: 'other', text: line, logLine });
            return;
        }
        const planPrefix = line === '<dir>'
            ? 'file://'
            : line === 's3://'
                ? 's3://'
                : line.charCodeAt(line.length - 1) === 47 /* / */ && REGISTRY_HEADER_RE.test(line)
                    ? line
                    : undefined;
        if (planPrefix !== undefined) {
            this.sawRunOutput = true;
            this.section = 'plan';
            this.planPrefix = planPrefix;
            this.planRepo = '';
            this.planRepoPending = -1;
            this.planList = 'none';
            out.push({ kind: 'other', text: line, logLine });
            return;
        }
        if (this.section === 'plan')
            return this.parsePlanRow(line, logLine, out);
        out.push({ kind: 'other', text: line, logLine });
    }
    parseInfo(text, logLine, out) {
        const planning = /^Planning completed in (\S+)$/.exec(text);
        const planningSeconds = planning ? parseGoDuration(planning[1] ?? '') : undefined;
        if (planningSeconds !== undefined) {
            out.push({ kind: 'planning-completed', seconds: planningSeconds, logLine });
            return;
        }
        const mirroring = /^Mirroring completed in (\S+) \((\S+)\/s\)$/.exec(text);
        if (mirroring) {
            const seconds = parseGoDuration(mirroring[1] ?? '');
            const bytesPerSecond = parseHumanSize(mirroring[2] ?? '');
            if (seconds !== undefined && bytesPerSecond !== undefined) {
                this.ended = 'soft';
                out.push({
                    kind: 'mirroring-completed',
                    seconds,
                    rate: `${mirroring[2] ?? ''}/s`,
                    bytesPerSecond,
                    logLine
                });
                return;
            }
        }
        if (text === 'Dry run complete')
            this.ended = 'hard';
        out.push({ kind: 'info', text, logLine });
    }
    parsePlanRow(line, logLine, out) {
        this.takePendingPlanRepo();
        const repo = PLAN_REPO_RE.exec(line);
        if (repo) {
            // `<dir>` + `ns/alpha` → `file://ns/alpha`; `127.0.0.1:5001/` + `x/alpha` → `127.0.0.1:5001/x/alpha`
            this.planRepo = this.planPrefix + (repo[1] ?? '');
            this.planList = 'none';
        }
        else if (line === '    blobs:') {
            this.planList = 'blobs';
        }
        else if (line === '    manifests:') {
            this.planList = 'manifests';
        }
        else if (line.startsWith('    error: ')) {
            this.openError(line.slice('    error: '.length), logLine, true);
            return;
        }
        else if (this.planList === 'blobs' && this.planRepo !== '') {
            const blob = PLAN_BLOB_RE.exec(line);
            if (blob) {
                this.planEventInAttempt = true;
                out.push({
                    kind: 'plan-blob',
                    destination: this.planRepo,
                    source: blob[1] ?? '',
                    digest: blob[2] ?? '',
                    logLine
                });
                return;
            }
        }
        else if (this.planList === 'manifests' && this.planRepo !== '') {
            const manifest = PLAN_MANIFEST_RE.exec(line);
            if (manifest) {
                this.planEventInAttempt = true;
                const tag = manifest[2];
                out.push({
                    kind: 'plan-manifest',
                    destination: this.planRepo,
                    digest: manifest[1] ?? '',
                    ...(tag === undefined ? {} : { tag }),
                    logLine
                });
                return;
            }
        }
        out.push({ kind: 'other', text: line, logLine });
    }
}
/** Lines pushed directly (not via readLines) get the same bound and CR handling. */
function capLine(line) {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    // readLines already cut to MAX_LINE_BYTES plus a short note; leave such lines alone.
    if (text.length <= MAX_LINE_BYTES + 256)
        return text;
    return `${text.slice(0, MAX_LINE_BYTES)} …[line truncated, ${text.length - MAX_LINE_BYTES} more characters]`;
}
/** `line.trim() === ''` without allocating for the common case of a printable last character. */
function isBlank(line) {
    if (line === '')
        return true;
    const last = line.charCodeAt(line.length - 1);
    if (last > 32 && last < 127)
        return false;
    return line.trim() === '';
}
/** Top level other than a success line (pushInto checks that first). */
function isTopLevel(line) {
    // Every top-level form starts with a non-blank character; plan and phase rows start with one.
    const c0 = line.charCodeAt(0);
    if (c0 === 32 || c0 === 9 || line === '')
        return false;
    return (TOP_LEVEL_RE.test(line) ||
        KLOG_RE.test(line) ||
        ATTEMPT_HEADER_RE.test(line) ||
        REGISTRY_HEADER_RE.test(line));
}
/** Buffer's own latin1Slice skips toString's argument handling (measurable per line at 1 GB). */
const nativeLatin1 = Buffer.prototype.latin1Slice;
const latin1 = (buf, start, end) => nativeLatin1 ? nativeLatin1.call(buf, start, end) : buf.toString('latin1', start, end);
/**
 * Splits byte chunks into lines, in bounded memory: a line keeps at most MAX_LINE_BYTES (the
 * rest is dropped and noted), invalid UTF-8 becomes U+FFFD, NUL becomes U+FFFD, a trailing
 * CR is removed. `stats` is filled in as chunks arrive.
 */
class LineSplitter {
    stats;
    decoder = new TextDecoder('utf-8', { fatal: false });
    parts = [];
    kept = 0;
    dropped = 0;
    pending = false;
    constructor(stats) {
        this.stats = stats;
    }
    /**
     * Calls `onLine` for every line the chunk completes, unless `fold` (given the line's bytes,
     * without terminator) consumed it undecoded. The chunk may be reused afterwards.
     */
    feed(chunk, onLine, fold) {
        this.stats.bytes += chunk.length;
        // Fast path: in an ASCII chunk without NUL, latin1 is the exact UTF-8 decoding, so a line
        // wholly inside the chunk is one native slice (no concat, no TextDecoder, no replaceAll).
        const plain = (0,external_node_buffer_namespaceObject.isAscii)(chunk) && chunk.indexOf(0) === -1;
        let start = 0;
        for (;;) {
            const nl = chunk.indexOf(10, start);
            if (plain && nl !== -1 && !this.pending && nl - start <= MAX_LINE_BYTES) {
                const end = nl > start && chunk[nl - 1] === 13 ? nl - 1 : nl;
                this.stats.lines++;
                if (fold === undefined || !fold(chunk, start, end))
                    onLine(latin1(chunk, start, end));
                start = nl + 1;
                continue;
            }
            const end = nl === -1 ? chunk.length : nl;
            if (end > start) {
                this.pending = true;
                const take = Math.min(end - start, MAX_LINE_BYTES - this.kept);
                // A copy: the caller reuses the chunk's memory for the next read.
                if (take > 0)
                    this.parts.push(Buffer.from(chunk.subarray(start, start + take)));
                this.kept += take;
                this.dropped += end - start - take;
            }
            if (nl === -1)
                break;
            onLine(this.finish());
            start = nl + 1;
        }
    }
    /** The last line when the input does not end with a newline. */
    end() {
        return this.pending ? this.finish() : undefined;
    }
    finish() {
        let text = this.decoder.decode(Buffer.concat(this.parts, this.kept));
        if (text.endsWith('\r') && this.dropped === 0)
            text = text.slice(0, -1);
        text = text.replaceAll('\u0000', '\uFFFD');
        if (this.dropped > 0)
            text += ` …[line truncated, ${this.dropped} more bytes]`;
        this.parts = [];
        this.kept = 0;
        this.dropped = 0;
        this.pending = false;
        this.stats.lines++;
        return text;
    }
}
/** Read size: large chunks keep the per-chunk cost (read, ASCII check) off the per-line path. */
const CHUNK_BYTES = 1 << 20;
/**
 * The file's bytes in chunks, read into TWO buffers in turn: the next read runs while the
 * caller parses the current chunk (on a 1 GB log, waiting for each read cost half a second),
 * and a 1 GB log allocates no further memory for its bytes (fresh chunks per read would pile
 * up in the C heap between GCs). Each chunk is only valid until the next one is requested.
 */
async function* chunks(path) {
    const file = await (0,promises_namespaceObject.open)(path, 'r');
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    let which = 0;
    let next = file.read(buffers[0], 0, CHUNK_BYTES, null);
    try {
        for (;;) {
            const { bytesRead, buffer } = await next;
            if (bytesRead === 0)
                return;
            which ^= 1;
            // Reads at the file position: issued only after the previous one finished, so in order.
            next = file.read(buffers[which], 0, CHUNK_BYTES, null);
            yield buffer.subarray(0, bytesRead);
        }
    }
    finally {
        // A reader that stops early must not close the file under a read still in flight.
        await next.catch(() => undefined);
        await file.close();
    }
}
/** Lines of a file as strings (see LineSplitter); `stats` is filled in as the file is read. */
async function* readLines(path, stats) {
    const splitter = new LineSplitter(stats);
    const lines = [];
    const collect = (line) => void lines.push(line);
    for await (const chunk of chunks(path)) {
        splitter.feed(chunk, collect);
        yield* lines;
        lines.length = 0;
    }
    const last = splitter.end();
    if (last !== undefined)
        yield last;
}
/** Streams a log file (a combined `2>&1` capture, or stderr alone) through a LogParser. */
async function readLog(path, onEvent, options = {}) {
    const parser = new LogParser(options);
    const stats = { lines: 0, bytes: 0 };
    const splitter = new LineSplitter(stats);
    // Lines go straight from the chunk to the parser and its events straight to onEvent: no
    // per-line promise, generator step or array.
    const sink = { push: onEvent };
    const onLine = (line) => parser.pushInto(line, sink);
    const fold = options.foldRoutine
        ? (buf, start, end) => parser.tryFold(buf, start, end, sink)
        : undefined;
    for await (const chunk of chunks(path))
        splitter.feed(chunk, onLine, fold);
    const last = splitter.end();
    if (last !== undefined)
        onLine(last);
    for (const e of parser.end())
        onEvent(e);
    return stats;
}
async function hasAttemptHeaders(path) {
    for await (const line of readLines(path, { lines: 0, bytes: 0 })) {
        if (ATTEMPT_HEADER_RE.test(line))
            return true;
    }
    return false;
}
/**
 * Separate captures. stdout's success lines of an attempt are emitted after that attempt's
 * stderr events (their true interleaving is lost between two pipes: docs/oc-behaviour.md §1.6),
 * with stdout line numbers. stdout is split into attempts by the same
 * `==== mirror-guard attempt N ====` headers; a stdout without headers is attributed after the last
 * stderr attempt.
 */
async function readSplitLogs(stderrPath, stdoutPath, onEvent) {
    const segmented = await hasAttemptHeaders(stdoutPath);
    const errStats = { lines: 0, bytes: 0 };
    const outStats = { lines: 0, bytes: 0 };
    const stdout = readLines(stdoutPath, outStats);
    let lookahead;
    let outLine = 0;
    let outDone = false;
    // Emits stdout lines up to (not including) the header of an attempt after `upTo`.
    const flushStdout = async (upTo) => {
        while (!outDone) {
            let line = lookahead;
            lookahead = undefined;
            if (line === undefined) {
                const next = await stdout.next();
                if (next.done) {
                    outDone = true;
                    return;
                }
                line = next.value;
                outLine++;
            }
            const header = ATTEMPT_HEADER_RE.exec(line);
            if (header) {
                if (Number(header[1]) > upTo) {
                    lookahead = line;
                    return;
                }
                continue;
            }
            const success = parseSuccessLine(line);
            onEvent(success ? successEvent(success, outLine) : { kind: 'other', text: line, logLine: outLine });
        }
    };
    const parser = new LogParser();
    let current;
    const emit = async (events) => {
        for (const e of events) {
            if (e.kind === 'attempt-start') {
                if (segmented && current !== undefined)
                    await flushStdout(current);
                current = e.attempt;
            }
            onEvent(e);
        }
    };
    for await (const line of readLines(stderrPath, errStats))
        await emit(parser.push(line));
    await emit(parser.end());
    await flushStdout(Number.POSITIVE_INFINITY);
    return {
        lines: errStats.lines + outStats.lines,
        bytes: errStats.bytes + outStats.bytes,
        stderr: errStats,
        stdout: outStats
    };
}

;// CONCATENATED MODULE: ./src/core/mapping.ts
// oc's `-f` mapping grammar (docs/oc-behaviour.md §4.1–4.2: parseFile / parseArgs), line by line.
// Findings carry oc's own wording for what oc rejects, plus warnings for what oc silently
// misreads. A line with an error yields no entries: oc would abort the whole run on it.


/** bufio.Scanner's default buffer (64 KiB) must hold the line and its `\n`. */
const SCANNER_MAX_TOKEN = 64 * 1024;
const SCANNER_TOO_LONG = 'bufio.Scanner: token too long';
const EMPTY_SIDE = 'all arguments must be valid SRC=DST mappings';
const ONE_TOKEN = 'all arguments must be valid SRC=DST mappings, or you must specify one SRC argument and one or more DST arguments';
/** Our own explanations quote at most this much of a token. */
const QUOTE_LIMIT = 120;
/** Go's unicode.IsSpace, the set strings.TrimSpace removes (JS trim() differs: U+FEFF, U+0085). */
function isGoSpace(c) {
    if (c <= 0x20)
        return c === 0x20 || (c >= 0x09 && c <= 0x0d);
    if (c < 0x85)
        return false;
    return (c === 0x85 ||
        c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000);
}
/** strings.TrimSpace. */
function goTrimSpace(s) {
    let a = 0;
    let b = s.length;
    while (a < b && isGoSpace(s.charCodeAt(a)))
        a++;
    while (b > a && isGoSpace(s.charCodeAt(b - 1)))
        b--;
    return s.slice(a, b);
}
function shortQuote(token) {
    if (token.length <= QUOTE_LIMIT)
        return goQuote(token);
    return `${goQuote(token.slice(0, QUOTE_LIMIT))}…`;
}
/** The first whitespace character inside a token (only ' ' separates tokens). */
function innerSpace(token) {
    for (let i = 0; i < token.length; i++) {
        const c = token.charCodeAt(i);
        if (isGoSpace(c))
            return c;
    }
    return undefined;
}
function spaceName(c) {
    if (c === 0x09)
        return 'a tab';
    if (c === 0x0d)
        return 'a carriage return (\\r; old Mac line endings?)';
    return `the whitespace character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}
/**
 * An error oc raises for `token`; when a BOM or a non-space separator inside the token is the
 * cause, the code says so and the message adds why, after oc's own words.
 */
function tokenError(code, ocMessage, token) {
    const bom = token.indexOf('\ufeff');
    if (bom >= 0) {
        const where = bom === 0
            ? 'the line starts with a UTF-8 byte order mark (U+FEFF)'
            : 'the line contains U+FEFF (a byte order mark)';
        return {
            code: 'bom',
            message: `${ocMessage} (${where}, which oc does not strip: save the file as UTF-8 without BOM)`
        };
    }
    const space = innerSpace(token);
    if (space !== undefined) {
        return {
            code: space === 0x09 ? 'tab-separator' : 'whitespace-separator',
            message: `${ocMessage} (the tokens are separated by ${spaceName(space)}: oc splits a line only ` +
                `on single spaces, so it reads ${shortQuote(token)} as one token)`
        };
    }
    return { code, message: ocMessage };
}
/** parseArgs' first half: `SRC=DST` tokens, else `SRC DST [DST…]`. */
function splitArgs(tokens) {
    const pairs = [];
    const remaining = [];
    for (const token of tokens) {
        const eq = token.indexOf('=');
        if (eq < 0) {
            remaining.push(token);
            continue;
        }
        const src = token.slice(0, eq);
        const dst = token.slice(eq + 1);
        if (!src || !dst) {
            return {
                pairs: [],
                ignored: [],
                error: { code: src ? 'missing-destination' : 'missing-source', message: EMPTY_SIDE }
            };
        }
        pairs.push([src, dst]);
    }
    if (pairs.length > 0)
        return { pairs, ignored: remaining.filter((t) => t !== '') };
    const [src = '', ...dsts] = remaining;
    if (dsts.length === 0) {
        return { pairs: [], ignored: [], error: tokenError('missing-destination', ONE_TOKEN, src) };
    }
    return { pairs: dsts.filter((d) => d !== '').map((d) => [src, d]), ignored: [] };
}
function ignoredWarning(ignored, pairs) {
    const list = ignored.map(shortQuote).join(', ');
    if (ignored.some((t) => t.includes('\ufeff'))) {
        return {
            code: 'bom',
            message: `oc silently ignores ${list}: the line starts with a UTF-8 byte order mark (U+FEFF), ` +
                'which oc reads as a token of its own; save the file as UTF-8 without BOM'
        };
    }
    const what = pairs === 1 ? 'the SRC=DST pair' : `the ${pairs} SRC=DST pairs`;
    const spaced = ignored.map(innerSpace).find((c) => c !== undefined);
    if (spaced !== undefined) {
        return {
            code: spaced === 0x09 ? 'tab-separator' : 'whitespace-separator',
            message: `oc silently ignores ${list}: it splits a line only on single spaces, so text joined ` +
                `by ${spaceName(spaced)} is one token, and on a line with a SRC=DST pair every token ` +
                `without "=" is dropped without a message; only ${what} on this line will be mirrored`
        };
    }
    return {
        code: 'ignored-token',
        message: `oc silently ignores ${list}: on a line with a SRC=DST pair every token without "=" is ` +
            `dropped without a message, so only ${what} on this line will be mirrored`
    };
}
/**
 * Parses mapping files in order, sharing oc's duplicate-destination check across them.
 * Ids run on across files.
 */
class MappingSetBuilder {
    entries = [];
    findings = [];
    /** oc's `overlap` map: destination String() after tag inheritance. */
    destinations = new Set();
    nextId;
    constructor(firstId = 0) {
        this.nextId = firstId;
    }
    addFinding(finding) {
        this.findings.push(finding);
    }
    /** One file's text (as read: keep any BOM). Processes it one physical line at a time. */
    addText(file, text) {
        let pos = 0;
        let lineNo = 0;
        while (pos < text.length) {
            const nl = text.indexOf('\n', pos);
            const end = nl < 0 ? text.length : nl;
            lineNo++;
            const physical = text.slice(pos, end);
            pos = end + 1;
            if (tooLongForScanner(physical)) {
                // oc stops reading the file here and prints the raw scanner error, with no line.
                this.problem(file, lineNo, 'error', {
                    code: 'line-too-long',
                    message: `${SCANNER_TOO_LONG} (line ${lineNo} is 64 KiB or longer; oc's line reader cannot hold it and stops reading ${shortQuote(file)} there)`
                });
                return;
            }
            this.addLine(file, lineNo, physical.endsWith('\r') ? physical.slice(0, -1) : physical);
        }
    }
    build() {
        return { entries: [...this.entries], findings: [...this.findings] };
    }
    problem(file, line, severity, p) {
        this.findings.push({ file, line, severity, code: p.code, message: p.message });
    }
    addLine(file, line, text) {
        const hash = text.indexOf('#');
        const content = goTrimSpace(hash >= 0 ? text.slice(0, hash) : text);
        if (content === '')
            return;
        const split = splitArgs(content.split(' '));
        if (content.includes('  ')) {
            this.problem(file, line, 'warning', {
                code: 'double-space',
                message: 'several spaces in a row between tokens: oc splits on each single space and skips ' +
                    'the empty tokens in between, so the line still reads as written'
            });
        }
        if (split.ignored.length > 0) {
            this.problem(file, line, 'warning', ignoredWarning(split.ignored, split.pairs.length));
        }
        if (split.error) {
            this.problem(file, line, 'error', split.error);
            return;
        }
        const pending = [];
        const keys = new Set();
        for (const [src, dst] of split.pairs) {
            const s = parseImageRef(src, 'source');
            if ('error' in s)
                return this.problem(file, line, 'error', tokenError(s.code, s.error, src));
            const d = parseImageRef(dst, 'destination');
            if ('error' in d)
                return this.problem(file, line, 'error', tokenError(d.code, d.error, dst));
            const expanding = isExpandingSource(s.ref);
            // Tag inheritance happens per expanded tag for tag-less and glob sources (run time).
            const tag = d.ref.tag ?? (expanding ? undefined : s.ref.tag);
            const destination = withTag(d.ref, tag);
            if (!expanding || d.ref.tag !== undefined) {
                const key = formatRef(destination, tag);
                if (this.destinations.has(key) || keys.has(key)) {
                    return this.problem(file, line, 'error', {
                        code: 'duplicate-destination',
                        message: `each destination tag may only be specified once: ${key}`
                    });
                }
                keys.add(key);
            }
            pending.push({
                id: this.nextId + pending.length,
                file,
                line,
                text,
                source: s.ref,
                destination,
                ...(tag !== undefined ? { destinationTag: tag } : {})
            });
        }
        for (const key of keys)
            this.destinations.add(key);
        for (const entry of pending)
            this.entries.push(entry);
        this.nextId += pending.length;
    }
}
function withTag(ref, tag) {
    if (ref.tag === tag)
        return ref;
    const { raw, kind, registry, repository, printed, diskPath } = ref;
    const base = { raw, kind, registry, repository, printed, diskPath };
    return tag === undefined ? base : { ...base, tag };
}
function tooLongForScanner(line) {
    // A UTF-16 unit is at most 3 UTF-8 bytes: skip the byte count for ordinary lines.
    if (line.length * 3 < SCANNER_MAX_TOKEN)
        return false;
    return external_node_buffer_namespaceObject.Buffer.byteLength(line, 'utf8') >= SCANNER_MAX_TOKEN;
}
/** One file, oc's grammar exactly. `file` is the `-f` argument as given. */
function parseMappingText(text, file, firstId = 0) {
    const builder = new MappingSetBuilder(firstId);
    builder.addText(file, text);
    return builder.build();
}
/** Several files in order; duplicate destinations are checked across all of them. */
function parseMappings(files) {
    const builder = new MappingSetBuilder();
    for (const { file, text } of files)
        builder.addText(file, text);
    return builder.build();
}
/** The destination as oc prints it on stdout: repository plus the effective tag. */
function effectiveDestination(entry) {
    return formatRef(entry.destination, entry.destinationTag);
}
/** `SRC=DST` lines re-feedable to `oc image mirror -f`, one per entry. */
function renderEntries(entries) {
    return entries.map((e) => `${e.source.raw}=${effectiveDestination(e)}`);
}

;// CONCATENATED MODULE: ./src/core/mapping-files.ts
// Reads `-f` mapping files and parses them. Read failures become findings (line 0) worded
// like oc's own `os.Open` / read errors, so callers report them like any other finding.



const NO_MAPPINGS = 'you must specify at least one source image to pull and the destination to push to as ' +
    'SRC=DST or SRC DST [DST2 DST3 ...]';
function errnoCode(err) {
    if (typeof err === 'object' && err !== null && 'code' in err) {
        const code = err.code;
        return typeof code === 'string' ? code : undefined;
    }
    return undefined;
}
function readFailure(path, err) {
    const code = errnoCode(err);
    const base = { file: path, line: 0, severity: 'error' };
    switch (code) {
        case 'ENOENT':
            return { ...base, code: 'file-missing', message: `open ${path}: no such file or directory` };
        case 'ENOTDIR':
            return { ...base, code: 'file-missing', message: `open ${path}: not a directory` };
        case 'EISDIR':
            // os.Open succeeds on a directory; the scanner's first read fails.
            return { ...base, code: 'file-unreadable', message: `read ${path}: is a directory` };
        case 'EACCES':
        case 'EPERM':
            return { ...base, code: 'file-unreadable', message: `open ${path}: permission denied` };
        default: {
            const reason = err instanceof Error ? err.message : String(err);
            return { ...base, code: 'file-unreadable', message: `open ${path}: ${reason}` };
        }
    }
}
/**
 * Reads the files (paths relative to `cwd`, reported as given), then parses them in order.
 * A BOM is kept in the text: oc does not strip it, and the parser reports it.
 */
async function loadMappingFiles(paths, cwd) {
    const builder = new MappingSetBuilder();
    const texts = new Map();
    for (const path of paths) {
        if (path === '-') {
            builder.addFinding({
                file: path,
                line: 0,
                severity: 'error',
                code: 'stdin-unsupported',
                message: 'reading the mapping from standard input ("-f -") is not supported: ' +
                    'mirror-guard must read the file itself to attribute results to its lines; pass a file path'
            });
            continue;
        }
        let text;
        try {
            // Buffer#toString keeps a leading U+FEFF (TextDecoder would drop it).
            text = (await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.resolve)(cwd, path))).toString('utf8');
        }
        catch (err) {
            builder.addFinding(readFailure(path, err));
            continue;
        }
        texts.set(path, text);
        builder.addText(path, text);
    }
    const set = builder.build();
    const [first] = paths;
    if (first !== undefined && set.entries.length === 0 && set.findings.length === 0) {
        // Only comments and blank lines: oc refuses to run (no file or line in its message).
        return {
            set: {
                entries: [],
                findings: [
                    {
                        file: first,
                        line: 0,
                        severity: 'error',
                        code: 'no-mappings',
                        message: NO_MAPPINGS
                    }
                ]
            },
            texts
        };
    }
    return { set, texts };
}

;// CONCATENATED MODULE: ./src/core/report.ts
// Verdicts → the three outputs of a triage: JSON report, retry mapping, table for people.



/** Each verdict with its mapping entry (verdicts naming no entry are skipped). */
function* verdictEntries(set, triage) {
    // Ids are the entries' indexes in their set; a Map only for sets built otherwise.
    const dense = set.entries.every((e, i) => e.id === i);
    const byId = dense ? undefined : new Map(set.entries.map((e) => [e.id, e]));
    for (const v of triage.verdicts) {
        const entry = byId ? byId.get(v.entryId) : set.entries[v.entryId];
        if (entry)
            yield [entry, v];
    }
}
function reportSummary(set, triage) {
    const counts = {};
    let entries = 0;
    let failed = 0;
    let retryable = 0;
    let recovered = 0;
    for (const [, v] of verdictEntries(set, triage)) {
        entries++;
        if (v.recoveredAfter !== undefined)
            recovered++;
        if (v.status !== 'failed')
            continue;
        failed++;
        if (v.retryable)
            retryable++;
        for (const c of v.classes)
            counts[c] = (counts[c] ?? 0) + 1;
    }
    return {
        version: 1,
        counts,
        runLevel: triage.runLevel,
        findings: set.findings,
        stats: {
            entries,
            mirrored: entries - failed,
            failed,
            retryable,
            permanent: failed - retryable,
            recovered,
            runLevelErrors: triage.runLevel
                .filter((f) => f.severity === 'error')
                .reduce((n, f) => n + (f.count ?? 1), 0),
            attempts: triage.attempts.length + (triage.attemptsOmitted?.count ?? 0)
        },
        attempts: triage.attempts,
        ...(triage.attemptsOmitted ? { attemptsOmitted: triage.attemptsOmitted } : {})
    };
}
function buildReport(set, triage) {
    const lines = [];
    for (const [entry, v] of verdictEntries(set, triage))
        lines.push(reportLine(entry, v));
    const { version, ...rest } = reportSummary(set, triage);
    return { version, lines, ...rest };
}
/** Text handed out per chunk by reportJsonChunks. */
const JSON_CHUNK_CHARS = 1 << 16;
/**
 * `JSON.stringify(buildReport(set, triage), null, 2) + '\n'`, character for character, in
 * chunks of about 64 KiB, one report line at a time: a 200,000-line mapping's report is
 * written without its lines' objects or its whole text ever being in memory.
 */
function* reportJsonChunks(set, triage) {
    const { version, ...rest } = reportSummary(set, triage);
    let buf = `{\n  "version": ${JSON.stringify(version)},\n  "lines": [`;
    let any = false;
    for (const [entry, v] of verdictEntries(set, triage)) {
        buf += `${any ? ',' : ''}\n    ${indent(JSON.stringify(reportLine(entry, v), null, 2), 4)}`;
        any = true;
        if (buf.length >= JSON_CHUNK_CHARS) {
            yield buf;
            buf = '';
        }
    }
    buf += any ? '\n  ]' : ']';
    for (const [key, value] of Object.entries(rest)) {
        buf += `,\n  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), 2)}`;
    }
    yield buf + '\n}\n';
}
const indent = (json, spaces) => json.replaceAll('\n', '\n' + ' '.repeat(spaces));
function reportLine(entry, v) {
    return {
        file: entry.file,
        line: entry.line,
        source: entry.source.raw,
        destination: effectiveDestination(entry),
        status: v.status,
        classes: v.classes,
        reasons: v.reasons,
        evidence: v.evidence,
        retryable: v.retryable,
        ...(v.recoveredAfter !== undefined ? { recoveredAfter: v.recoveredAfter } : {})
    };
}
/** Keeps a comment on one line and free of anything but printable text. */
const oneLine = (text) => text
    // eslint-disable-next-line no-control-regex -- removing terminal escapes is the point
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    // eslint-disable-next-line no-control-regex -- and so is removing control characters
    .replace(/[\x00-\x1f\x7f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
/**
 * The failed lines, re-feedable to `oc image mirror -f` unchanged: each physical line verbatim
 * when all of its entries failed, else `SRC=DST` for the failed part of a fan-out line. Each is
 * preceded by a `#` comment with its origin, classes and reason.
 */
function renderRetryMapping(set, verdicts, options = {}) {
    const include = options.include ?? ((v) => v.status === 'failed');
    const failed = new Map(verdicts.filter(include).map((v) => [v.entryId, v]));
    if (failed.size === 0)
        return '';
    const byLine = new Map();
    for (const e of set.entries) {
        const key = `${e.file}\u0000${e.line}`;
        const list = byLine.get(key);
        if (list)
            list.push(e);
        else
            byLine.set(key, [e]);
    }
    const out = [
        `# mirror-guard retry mapping: ${failed.size} mapping entr${failed.size === 1 ? 'y' : 'ies'} not mirrored.`,
        '# Feed it back unchanged: oc image mirror -f <this file> …  (lines starting with # are comments to oc)'
    ];
    for (const entries of byLine.values()) {
        const hit = entries.filter((e) => failed.has(e.id));
        if (hit.length === 0)
            continue;
        const first = hit[0];
        const verdict = failed.get(first.id);
        const classes = [...new Set(hit.flatMap((e) => failed.get(e.id)?.classes ?? []))];
        // Like an annotation title: the root cause, not what followed from it.
        const causes = rootCauses(classes);
        out.push(oneLine(`# ${first.file}:${first.line} ${(causes.length > 0 ? causes : classes).join(',')}: ${verdict.reasons[0] ?? 'not mirrored'}`));
        if (hit.length === entries.length)
            out.push(verbatim(first.text));
        else
            for (const e of hit)
                out.push(`${e.source.raw}=${e.destination.raw}`);
    }
    return out.join('\n') + '\n';
}
/** The physical line as written; only a line terminator oc would strip is removed. */
const verbatim = (text) => text.replace(/[\r\n]+$/, '');
const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
/** A plain-text table for people: failed lines first, then a per-class summary. */
function renderTable(report, maxRows = 200) {
    const rows = [...report.lines].sort((a, b) => Number(a.status === 'mirrored') - Number(b.status === 'mirrored'));
    const shown = rows.slice(0, maxRows);
    const cells = shown.map((l) => [
        l.status === 'mirrored' ? (l.recoveredAfter ? 'recovered' : 'mirrored') : 'FAILED',
        `${l.file}:${l.line}`,
        `${l.source} -> ${l.destination}`,
        l.classes.join(','),
        oneLine(l.reasons.join('; '))
    ]);
    const head = ['STATUS', 'LINE', 'SOURCE -> DESTINATION', 'CLASS', 'REASON'];
    const widths = head.map((h, i) => Math.min(i === 2 ? 90 : 40, Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length))));
    const fmt = (c) => c
        .map((v, i) => (i === c.length - 1 ? v : pad(v, widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    const out = [fmt(head), ...cells.map(fmt)];
    if (rows.length > shown.length)
        out.push(`… ${rows.length - shown.length} more lines in the JSON report`);
    const s = report.stats;
    out.push('');
    out.push(`${s.mirrored} of ${s.entries} mapping entries mirrored, ${s.failed} failed ` +
        `(${s.retryable} retryable, ${s.permanent} permanent)` +
        (s.recovered ? `, ${s.recovered} recovered after a retry` : ''));
    for (const [cls, n] of Object.entries(report.counts)) {
        out.push(`  ${pad(cls, 16)} ${pad(String(n), 5)} ${CLASS_INFO[cls].whatToDo}`);
    }
    for (const f of report.runLevel) {
        out.push(`  run-level ${f.severity} (log line ${f.logLine}): ${oneLine(f.text)}`);
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/io.ts
// What a CLI command may touch (two output streams and the working directory), and the few
// things every command does the same way: flags, usage errors, exit codes, findings.

/** Thrown for bad arguments or input: the command prints it and exits 2. */
class UsageError extends Error {
}
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
/** Strict flag parsing (no positionals); any problem becomes a UsageError. */
function parseFlags(args, options) {
    try {
        return (0,external_node_util_namespaceObject.parseArgs)({ args, options, strict: true, allowPositionals: false }).values;
    }
    catch (e) {
        throw new UsageError(e.message);
    }
}
/** `file:line: severity: message`, or `file: …` for problems with the file itself. */
const describeFinding = (f) => f.line > 0
    ? `${f.file}:${f.line}: ${f.severity}: ${f.message}`
    : `${f.file}: ${f.severity}: ${f.message}`;

;// CONCATENATED MODULE: ./src/cli/triage.ts
// `mirror-guard triage`: an oc log and its mapping → per-line verdicts, retry mapping, report.








const TRIAGE_HELP = `Usage: mirror-guard triage --log FILE [--stdout FILE] -f MAPPING [-f MAPPING…] [options]

Reads the output of \`oc image mirror\` and tells, for every line of the mapping file(s),
whether it was mirrored or failed and why (rate-limit, auth, not-found, server, network, …).
A line counts as mirrored only when oc printed its success line and no error names it.

  --log FILE         oc's output: stderr, or stdout and stderr together (\`> log 2>&1\`).
                     Several attempts concatenated in one file are understood.
  --stdout FILE      oc's stdout, when it was kept apart from --log (stderr).
  -f, --filename M   the mapping file given to oc with -f (repeat for several files, same order).
  --retry-out FILE   where to write the retry mapping: the failed lines, verbatim, each after a
                     "# file:line class: reason" comment (default: mirror-guard-retry.txt).
                     Rerun them with: oc image mirror -f FILE … (plus --force when a
                     destination is file:// or s3://: oc ≤4.13 may have left a manifest
                     there without its layers, and skips it without --force).
  --no-retry-out     do not write a retry mapping.
  --json FILE        write the JSON report (use - for stdout).
  -q, --quiet        print only the summary line.
  -h, --help         this text.

Exit status: 0 every line mirrored, 1 some lines failed, 2 bad arguments or unreadable input.

Example:
  oc image mirror -f mapping.txt --continue-on-error > mirror.log 2>&1
  mirror-guard triage --log mirror.log -f mapping.txt
  oc image mirror -f mirror-guard-retry.txt --continue-on-error   # --force for file://
`;
function parse(args) {
    const values = parseFlags(args, {
        log: { type: 'string' },
        stdout: { type: 'string' },
        filename: { type: 'string', short: 'f', multiple: true },
        'retry-out': { type: 'string' },
        'no-retry-out': { type: 'boolean' },
        json: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' }
    });
    if (values.help)
        return 'help';
    if (!values.log)
        throw new UsageError('missing --log FILE (the oc image mirror output to read)');
    if (!values.filename?.length) {
        throw new UsageError('missing -f MAPPING (the mapping file given to oc image mirror)');
    }
    const retryOut = values['no-retry-out']
        ? undefined
        : (values['retry-out'] ?? 'mirror-guard-retry.txt');
    return {
        log: values.log,
        ...(values.stdout ? { stdout: values.stdout } : {}),
        mappings: values.filename,
        ...(retryOut ? { retryOut } : {}),
        ...(values.json ? { json: values.json } : {}),
        quiet: values.quiet ?? false
    };
}
function checkReadable(path, what) {
    if (!(0,external_node_fs_namespaceObject.existsSync)(path))
        throw new UsageError(`${what} ${path}: no such file`);
    if (!(0,external_node_fs_namespaceObject.statSync)(path).isFile())
        throw new UsageError(`${what} ${path}: not a regular file`);
}
/** Kinds of events that only oc output produces; a log without any is not an oc log. */
const OC_EVENT = new Set([
    'error',
    'warning',
    'info',
    'success',
    'transfer',
    'routine',
    'plan-blob',
    'plan-manifest',
    'planning-completed',
    'mirroring-completed',
    'klog'
]);
async function triageCommand(args, io) {
    let opts;
    try {
        opts = parse(args);
    }
    catch (e) {
        io.err(`mirror-guard triage: ${e.message}\nRun "mirror-guard triage --help" for usage.\n`);
        return EXIT_USAGE;
    }
    if (opts === 'help') {
        io.out(TRIAGE_HELP);
        return EXIT_OK;
    }
    try {
        return await triage(opts, io);
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.err(`mirror-guard triage: ${e.message}\n`);
            return EXIT_USAGE;
        }
        throw e;
    }
}
async function triage(opts, cli) {
    // With --json - stdout carries only the JSON; people's text moves to stderr.
    const io = opts.json === '-' ? { ...cli, out: cli.err } : cli;
    const logPath = (0,external_node_path_namespaceObject.resolve)(io.cwd, opts.log);
    checkReadable(logPath, 'log');
    const stdoutPath = opts.stdout ? (0,external_node_path_namespaceObject.resolve)(io.cwd, opts.stdout) : undefined;
    if (stdoutPath)
        checkReadable(stdoutPath, 'stdout log');
    const { set } = await loadMappingFiles(opts.mappings, io.cwd);
    const errors = set.findings.filter((f) => f.severity === 'error');
    for (const f of set.findings)
        io.err(describeFinding(f) + '\n');
    if (errors.length) {
        throw new UsageError(`${errors.length} error(s) in the mapping; oc would refuse it too. Fix the line(s) above.`);
    }
    if (set.entries.length === 0)
        throw new UsageError('the mapping holds no SRC=DST line');
    const attributor = new Attributor(set);
    let ocEvents = 0;
    const onEvent = (e) => {
        if (OC_EVENT.has(e.kind))
            ocEvents++;
        attributor.onEvent(e);
    };
    const read = stdoutPath
        ? await readSplitLogs(logPath, stdoutPath, onEvent)
        : await readLog(logPath, onEvent, { foldRoutine: true });
    if (ocEvents === 0 && read.lines > 0) {
        throw new UsageError(`${opts.log}: none of its ${read.lines} lines is oc image mirror output ` +
            '(no error:, info:, plan or success line); is this the right file?');
    }
    const result = attributor.finish();
    const summary = reportSummary(set, result);
    // The whole report (an object per mapping line) only for the table; -q and --json need none.
    if (!opts.quiet)
        io.out(renderTable(buildReport(set, result)));
    else {
        const s = summary.stats;
        io.out(`${s.mirrored} of ${s.entries} mapping entries mirrored, ${s.failed} failed\n`);
    }
    if (opts.json === '-')
        for (const chunk of reportJsonChunks(set, result))
            cli.out(chunk);
    else if (opts.json)
        await writeChunks((0,external_node_path_namespaceObject.resolve)(io.cwd, opts.json), reportJsonChunks(set, result));
    if (opts.retryOut) {
        const retry = renderRetryMapping(set, result.verdicts);
        if (retry) {
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(io.cwd, opts.retryOut), retry);
            // --force only where a half-written image can sit (file:// and s3:// trees, oc ≤4.13);
            // on a registry it would re-push every layer for nothing.
            const failed = new Set(result.verdicts.filter((v) => v.status !== 'mirrored').map((v) => v.entryId));
            const onDisk = set.entries.some((e) => failed.has(e.id) && e.destination.kind !== 'registry');
            io.out(`retry mapping: ${opts.retryOut} (${summary.stats.failed} entr${summary.stats.failed === 1 ? 'y' : 'ies'}); ` +
                `rerun with: oc image mirror -f ${opts.retryOut}${onDisk ? ' --force' : ''} …\n`);
        }
        else if (!opts.quiet)
            io.out('nothing to retry: every line was mirrored\n');
    }
    if (summary.stats.entries === 0 && read.lines === 0)
        io.err('warning: the log is empty\n');
    return summary.stats.failed > 0 ? EXIT_FAILED : EXIT_OK;
}
/** Writes the chunks to a file as they come (a large report is never whole in memory). */
async function writeChunks(path, chunks) {
    const file = await (0,promises_namespaceObject.open)(path, 'w');
    try {
        for (const chunk of chunks)
            await file.write(chunk);
    }
    finally {
        await file.close();
    }
}

;// CONCATENATED MODULE: ./src/core/checked-lines.ts
/**
 * Every mapping line that holds an entry or a finding, in file order (files as first seen, then
 * line number). File-level findings (line 0, e.g. an unreadable file) belong to no line.
 * `texts` (file → content, as loadMappingFiles returns) supplies the text of rejected lines.
 */
function checkedLines(set, findings, texts) {
    const fileOrder = new Map();
    const rows = new Map();
    const rowOf = (file, line) => {
        if (!fileOrder.has(file))
            fileOrder.set(file, fileOrder.size);
        const key = `${line}\u0000${file}`;
        let r = rows.get(key);
        if (r === undefined)
            rows.set(key, (r = { file, line, entries: [], findings: [] }));
        return r;
    };
    for (const e of set.entries)
        rowOf(e.file, e.line).entries.push(e);
    for (const f of findings)
        if (f.line > 0)
            rowOf(f.file, f.line).findings.push(f);
    const split = new Map();
    const textOf = (file, line) => {
        let lines = split.get(file);
        if (lines === undefined) {
            const text = texts?.get(file);
            if (text === undefined)
                return undefined;
            split.set(file, (lines = text.split(/\r?\n/)));
        }
        return lines[line - 1];
    };
    return [...rows.values()]
        .sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.line - b.line)
        .map((r) => {
        const severity = r.findings.some((f) => f.severity === 'error')
            ? 'error'
            : r.findings.length > 0
                ? 'warning'
                : undefined;
        const text = r.entries[0]?.text ?? textOf(r.file, r.line);
        return {
            ...r,
            ...(text !== undefined ? { text } : {}),
            ...(severity !== undefined ? { severity } : {})
        };
    });
}

;// CONCATENATED MODULE: ./src/core/validate.ts
// The extra checks of `mode: validate`, on top of the parse findings: things oc accepts at
// parse time but that fail, collide or silently do less than asked at run time.


const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
function finding(e, severity, code, message) {
    return { file: e.file, line: e.line, severity, code, message };
}
function where(e) {
    return `${e.file}, line ${e.line}`;
}
/** library-go DockerClientDefaults: registry docker.io, namespace library on Docker Hub. */
function defaultedRepo(ref) {
    const registry = ref.registry || 'docker.io';
    const repository = DOCKER_HUB.has(registry) && !ref.repository.includes('/')
        ? `library/${ref.repository}`
        : ref.repository;
    return `${ref.kind}|${registry}|${repository}`;
}
/** oc's `mapping.Source.Equal(mapping.Destination)` (checked after parsing, no line number). */
function sourceEqualsDestination(e) {
    if (e.source.digest !== undefined)
        return false;
    if (defaultedRepo(e.source) !== defaultedRepo(e.destination))
        return false;
    // An expanded source gives each tag to an untagged destination: always the same image.
    if (isExpandingSource(e.source))
        return e.destinationTag === undefined;
    return (e.source.tag ?? 'latest') === (e.destinationTag ?? 'latest');
}
/**
 * Errors in validate mode: what such a line mirrors is decided by a tag listing at run time,
 * so it cannot be checked, verified or retried line by line.
 */
function expansionFindings(e) {
    if (!isExpandingSource(e.source))
        return [];
    const src = e.source.printed;
    const taggedDst = e.destinationTag !== undefined
        ? `; the destination has a tag, so if more than one tag matches oc fails with ` +
            `"when source contains wildcards, the destination must be a repository"`
        : '';
    if (e.source.tag === undefined) {
        return [
            finding(e, 'error', 'tagless-source', `source ${src} has neither tag nor digest: oc lists the repository's tags over the ` +
                `network while reading the mapping and mirrors every tag it finds (none found: ` +
                `nothing is mirrored, silently)${taggedDst}`)
        ];
    }
    return [
        finding(e, 'error', 'wildcard-source', `source tag ${JSON.stringify(e.source.tag)} of ${src} is a wildcard: oc lists the ` +
            `repository's tags over the network while reading the mapping and mirrors each match ` +
            `(no match: nothing is mirrored, silently)${taggedDst}`)
    ];
}
function registryOnlyFindings(e) {
    const out = [];
    for (const [side, ref] of [
        ['source', e.source],
        ['destination', e.destination]
    ]) {
        if (ref.repository === '') {
            out.push(finding(e, 'error', 'no-repository', `${side} ${JSON.stringify(ref.raw)} has no repository: oc reads a single name ` +
                `containing "." (or starting with "localhost") as a bare registry host`));
        }
    }
    return out;
}
/**
 * Destinations oc keeps apart but that land on one place: file:// refs differing only in the
 * registry component share a directory (docs/oc-behaviour.md §5); registry hosts are
 * case-insensitive.
 */
function aliasFindings(entries) {
    const out = [];
    const seen = new Map();
    for (const e of entries) {
        if (e.destinationTag === undefined)
            continue;
        const key = `${repoKey(e.destination.printed)}:${e.destinationTag}`;
        const first = seen.get(key);
        if (!first) {
            seen.set(key, e);
            continue;
        }
        const a = effectiveDestination(first);
        const b = effectiveDestination(e);
        if (a === b)
            continue;
        if (e.destination.kind === 'file') {
            out.push(finding(e, 'error', 'disk-collision', `${b} lands in the same directory as ${a} (${where(first)}): on disk oc drops the ` +
                `registry component, so both write <dir>/v2/${e.destination.diskPath}/manifests/` +
                `${e.destinationTag} and one overwrites the other`));
        }
        else {
            out.push(finding(e, 'warning', 'destination-alias', `${b} is the same destination as ${a} (${where(first)}) written differently ` +
                `(registry hosts are case-insensitive): one push overwrites the other`));
        }
    }
    return out;
}
function sourceKey(ref) {
    const key = repoKey(ref.printed);
    if (ref.digest !== undefined)
        return `${key}@${ref.digest}`;
    return ref.tag !== undefined ? `${key}:${ref.tag}` : key;
}
/** One source on several lines (a fan-out on one line is deliberate and not reported). */
function sameSourceFindings(entries) {
    const out = [];
    const first = new Map();
    for (const e of entries) {
        const key = sourceKey(e.source);
        const seen = first.get(key);
        if (!seen) {
            first.set(key, e);
            continue;
        }
        if (seen.file === e.file && seen.line === e.line)
            continue;
        out.push(finding(e, 'warning', 'same-source-twice', `${formatRef(e.source)} is also mirrored by ${where(seen)} (to ` +
            `${effectiveDestination(seen)}): check that both destinations are intended; ` +
            `to mirror one source to several destinations, list them on one line: SRC DST1 DST2`));
    }
    return out;
}
/**
 * oc ≤4.16 (docs/oc-behaviour.md §4.5, OCPBUGS-39375): two source tags that resolve to one digest
 * and go to one destination repository lose the second destination tag, silently.
 */
function tagMergeFindings(entries) {
    const out = [];
    const firstByTag = new Map();
    for (const e of entries) {
        const tag = e.source.tag;
        if (tag === undefined || e.source.digest !== undefined || tag.includes('*'))
            continue;
        const pairKey = `${repoKey(e.source.printed)}\n${repoKey(e.destination.printed)}`;
        let byTag = firstByTag.get(pairKey);
        if (!byTag)
            firstByTag.set(pairKey, (byTag = new Map()));
        if (byTag.has(tag))
            continue;
        const other = [...byTag.values()][0];
        byTag.set(tag, e);
        if (!other)
            continue;
        out.push(finding(e, 'warning', 'tag-merge-risk', `${formatRef(e.source)} and ${formatRef(other.source)} (${where(other)}) go to the ` +
            `same destination repository ${e.destination.printed}: if both tags point to the same ` +
            `image, oc 4.16 and older push only one of ${effectiveDestination(other)} and ` +
            `${effectiveDestination(e)} and print nothing about the other (OCPBUGS-39375)`));
    }
    return out;
}
function platformFinding(entries, opts) {
    const [first] = entries;
    if (!first || (opts.filterByOs ?? '') !== '' || opts.keepManifestList === true)
        return [];
    return [
        finding(first, 'warning', 'no-platform-filter', 'neither --filter-by-os nor keep-manifest-list is set: oc then keeps only the ' +
            'manifest-list entry for the platform of the machine running it (e.g. linux/amd64) and ' +
            'pushes that single image by its own digest; on a macOS or Windows runner nothing ' +
            'matches, oc prints "info: Filtered all images from …, skipping" and exits 0 having ' +
            "mirrored nothing. Set filter-by-os (e.g. '.*' or 'linux/amd64') or keep-manifest-list")
    ];
}
/** The extra checks of `mode: validate`; the parse findings are not repeated. */
function lintMappings(set, opts) {
    const perEntry = [];
    for (const e of set.entries) {
        if (sourceEqualsDestination(e)) {
            perEntry.push(finding(e, 'error', 'src-equals-dst', 'SRC and DST may not be the same'));
        }
        perEntry.push(...registryOnlyFindings(e), ...expansionFindings(e));
    }
    const all = [
        ...perEntry,
        ...aliasFindings(set.entries),
        ...sameSourceFindings(set.entries),
        ...tagMergeFindings(set.entries),
        ...platformFinding(set.entries, opts)
    ];
    // Stable order for reports: by file appearance, then line.
    const fileOrder = new Map();
    for (const e of set.entries)
        if (!fileOrder.has(e.file))
            fileOrder.set(e.file, fileOrder.size);
    return all
        .map((f, i) => ({ f, i }))
        .sort((a, b) => (fileOrder.get(a.f.file) ?? 0) - (fileOrder.get(b.f.file) ?? 0) ||
        a.f.line - b.f.line ||
        a.i - b.i)
        .map(({ f }) => f);
}

;// CONCATENATED MODULE: ./src/cli/validate.ts
// `mirror-guard validate`: what oc would reject or silently misread, without oc or network.






const VALIDATE_HELP = `Usage: mirror-guard validate -f MAPPING [-f MAPPING…] [--filter-by-os RE] [--keep-manifest-list] [--json FILE]

Checks mapping files offline (no oc, no network, no credentials — safe on pull requests)
for what \`oc image mirror\` would reject (bad references, digest destinations, a destination
given twice, SRC equal to DST, …) or silently misread (tab separators, a BOM, double spaces,
tokens ignored after SRC=DST, two file:// destinations landing in one directory, …).

  -f, --filename M        a mapping file (repeat for several)
  --filter-by-os RE       the --filter-by-os you pass to oc (silences the platform warning)
  --keep-manifest-list    you pass --keep-manifest-list to oc (silences the platform warning)
  --json FILE             write the findings as JSON (- for stdout)
  -h, --help              this text

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments or unreadable file.
`;
async function validateCommand(args, io) {
    let values;
    try {
        values = parseFlags(args, {
            filename: { type: 'string', short: 'f', multiple: true },
            'filter-by-os': { type: 'string' },
            'keep-manifest-list': { type: 'boolean' },
            json: { type: 'string' },
            help: { type: 'boolean', short: 'h' }
        });
    }
    catch (e) {
        io.err(`mirror-guard validate: ${e.message}\n`);
        return EXIT_USAGE;
    }
    if (values.help) {
        io.out(VALIDATE_HELP);
        return EXIT_OK;
    }
    if (!values.filename?.length) {
        io.err('mirror-guard validate: missing -f MAPPING\n');
        return EXIT_USAGE;
    }
    const { set, texts } = await loadMappingFiles(values.filename, io.cwd);
    if (set.findings.some((f) => f.code === 'file-missing')) {
        for (const f of set.findings.filter((f) => f.code === 'file-missing')) {
            io.err(`mirror-guard validate: ${f.message}\n`);
        }
        return EXIT_USAGE;
    }
    const findings = [
        ...set.findings,
        ...lintMappings(set, {
            ...(values['filter-by-os'] !== undefined ? { filterByOs: values['filter-by-os'] } : {}),
            keepManifestList: values['keep-manifest-list'] ?? false
        })
    ].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    for (const f of findings)
        io.out(`${f.file}:${f.line}: ${f.severity}: ${f.message} [${f.code}]\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    // Lines oc rejects hold no entry but were checked: count lines, as the findings name lines.
    const lines = checkedLines(set, findings, texts).length;
    io.out(`${lines} mapping line${lines === 1 ? '' : 's'} checked (${set.entries.length} entr${set.entries.length === 1 ? 'y' : 'ies'}): ${errors} error(s), ${findings.length - errors} warning(s)\n`);
    if (values.json) {
        const text = JSON.stringify({ version: 1, entries: set.entries.length, lines, findings }, null, 2) + '\n';
        if (values.json === '-')
            io.out(text);
        else
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(io.cwd, values.json), text);
    }
    return errors > 0 ? EXIT_FAILED : EXIT_OK;
}

;// CONCATENATED MODULE: ./src/core/redact.ts
// The one redactor for everything that leaves the process: engine output, verification
// messages, the report, the summary, annotations, outputs and the CLI's text and JSON. It knows
// every credential of the run (the auth file's values and the tokens obtained at run time) and
// each spelling a registry or a serializer could give it back in.
/** Shorter values are too likely to be ordinary text ("a", "ok") to be hidden everywhere. */
const MIN_LENGTH = 4;
/** A value as it may come back: verbatim, base64, URL- or form-encoded, or escaped inside JSON. */
function spellings(value) {
    const out = new Set([value]);
    out.add(Buffer.from(value, 'utf8').toString('base64'));
    out.add(Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, ''));
    out.add(encodeURIComponent(value));
    // Form encoding (query strings): spaces as `+`.
    out.add(new URLSearchParams({ v: value }).toString().slice(2));
    out.add(JSON.stringify(value).slice(1, -1));
    return [...out].filter((s) => s.length >= MIN_LENGTH);
}
class redact_Redactor {
    #values = [];
    #known = new Set();
    #listeners = [];
    constructor(values = []) {
        this.add(...values);
    }
    /** Called with every spelling added from now on (e.g. to mask it in the job log too). */
    onAdd(listener) {
        this.#listeners.push(listener);
        for (const v of this.#values)
            listener(v);
    }
    add(...values) {
        let changed = false;
        for (const value of values) {
            if (value.trim().length < MIN_LENGTH)
                continue;
            for (const s of spellings(value)) {
                if (this.#known.has(s))
                    continue;
                this.#known.add(s);
                this.#values.push(s);
                changed = true;
                for (const l of this.#listeners)
                    l(s);
            }
        }
        // Longest first, so no tail of a long credential survives a shorter one's replacement.
        if (changed)
            this.#values.sort((a, b) => b.length - a.length);
    }
    get size() {
        return this.#values.length;
    }
    text = (text) => {
        let out = text;
        for (const v of this.#values)
            if (out.includes(v))
                out = out.split(v).join('***');
        return out;
    };
    /** Every string inside a JSON-like value (keys too), redacted; the shape stays. */
    deep(value) {
        return this.#deep(value);
    }
    #deep(value) {
        if (typeof value === 'string')
            return this.text(value);
        if (Array.isArray(value))
            return value.map((v) => this.#deep(v));
        if (value instanceof Map) {
            return new Map([...value.entries()].map(([k, v]) => [this.#deep(k), this.#deep(v)]));
        }
        if (typeof value === 'object' && value !== null) {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [
                this.text(k),
                this.#deep(v)
            ]));
        }
        return value;
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/verify/digest.ts
// Content digests: validation, the file names oc gives them, and streamed hashing.


const ALGOS = { sha256: 64, sha384: 96, sha512: 128 };
/** `algo:hex` with a known algorithm and the right hex length (what oc/distribution accept). */
function isDigest(value) {
    if (typeof value !== 'string')
        return false;
    const m = /^([a-z0-9]+):([a-f0-9]+)$/.exec(value);
    return m !== null && ALGOS[m[1]] === m[2].length;
}
/** Same check without narrowing, for values already typed as string. */
function isValidDigest(value) {
    return isDigest(value);
}
/** oc on Windows writes `sha256-<hex>` instead of `sha256:<hex>` (`file_windows.go`). */
function digestFileNames(digest) {
    return [digest, digest.replace(':', '-')];
}
/** The digest a file name stands for (`sha256:<hex>` or the Windows `sha256-<hex>`), if any. */
function digestFromFileName(name) {
    if (isValidDigest(name))
        return name;
    const colon = name.replace(/^([a-z0-9]+)-/, '$1:');
    return isValidDigest(colon) ? colon : undefined;
}
function newHasher(digest) {
    return (0,external_node_crypto_namespaceObject.createHash)(digest.slice(0, digest.indexOf(':')));
}
function digestOf(bytes, algo = 'sha256') {
    return `${algo}:${(0,external_node_crypto_namespaceObject.createHash)(algo).update(bytes).digest('hex')}`;
}
/** Hashes a file with the algorithm of `expected`, streaming (never the whole file in memory). */
async function hashFile(path, expected) {
    const algo = expected.slice(0, expected.indexOf(':'));
    const hash = (0,external_node_crypto_namespaceObject.createHash)(algo);
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(path, { highWaterMark: 1 << 20 })) {
        hash.update(chunk);
    }
    return `${algo}:${hash.digest('hex')}`;
}

;// CONCATENATED MODULE: ./src/verify/text.ts
// Untrusted text (mapping lines, registry bodies, error messages) ends up in tables, JSON and
// GitHub annotations. Keeping it on one line without control characters means it can never
// start a line of its own, so it cannot smuggle in a `::workflow-command::`.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
function text_oneLine(text, max = 400) {
    const flat = text.replace(CONTROL, (c) => (/[\n\r\t\u2028\u2029]/.test(c) ? ' ' : '?'));
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

;// CONCATENATED MODULE: ./src/verify/manifest.ts
// Image manifests as oc writes and registries serve them: Docker schema 2, OCI manifest,
// Docker manifest list, OCI index (and legacy schema 1, which still exists in old mirrors).


const MEDIA_TYPES = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    dockerSchema1: 'application/vnd.docker.distribution.manifest.v1+json',
    dockerSchema1Signed: 'application/vnd.docker.distribution.manifest.v1+prettyjws'
};
/** Accept header for manifest GETs: every manifest kind we can check. */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.dockerManifest,
    MEDIA_TYPES.dockerList,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.ociIndex,
    MEDIA_TYPES.dockerSchema1Signed,
    MEDIA_TYPES.dockerSchema1
].join(', ');
/** Manifests are small; anything bigger is not a manifest (and is not read into memory). */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function descriptor(raw, role, needSize) {
    if (!isObject(raw))
        return `${role} is not an object`;
    const digest = raw.digest;
    if (!isDigest(digest))
        return `${role} has no valid digest`;
    const size = raw.size;
    if (size !== undefined &&
        !(typeof size === 'number' && Number.isSafeInteger(size) && size >= 0)) {
        return `${role} has an invalid size`;
    }
    if (needSize && size === undefined)
        return `${role} has no size`;
    const mediaType = typeof raw.mediaType === 'string' ? raw.mediaType : undefined;
    return { digest, size, mediaType, role };
}
function platformName(raw, index) {
    if (!isObject(raw) || !isObject(raw.platform))
        return `manifest #${index + 1}`;
    const p = raw.platform;
    const parts = [p.os, p.architecture, p.variant].filter((x) => typeof x === 'string' && x !== '');
    // Platform strings come from the registry: keep them short and on one line.
    return parts.length > 0 ? text_oneLine(parts.join('/'), 80) : `manifest #${index + 1}`;
}
function kindOf(doc, contentType) {
    const declared = typeof doc.mediaType === 'string' ? doc.mediaType : undefined;
    const header = contentType?.split(';')[0]?.trim();
    // OCI allows omitting mediaType; fall back to the header, then to the shape.
    const mediaType = declared ?? (header && header !== 'application/json' ? header : undefined);
    if (mediaType)
        return mediaType;
    if (doc.schemaVersion === 1)
        return MEDIA_TYPES.dockerSchema1;
    if (Array.isArray(doc.manifests))
        return MEDIA_TYPES.ociIndex;
    if (isObject(doc.config))
        return MEDIA_TYPES.ociManifest;
    return undefined;
}
function parseManifest(bytes, contentType) {
    let doc;
    try {
        doc = JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch {
        return { error: 'not valid JSON' };
    }
    if (!isObject(doc))
        return { error: 'not a JSON object' };
    const mediaType = kindOf(doc, contentType);
    switch (mediaType) {
        case MEDIA_TYPES.dockerList:
        case MEDIA_TYPES.ociIndex: {
            if (!Array.isArray(doc.manifests))
                return { error: `${mediaType} without a manifests array` };
            const manifests = [];
            for (const [i, raw] of doc.manifests.entries()) {
                const d = descriptor(raw, platformName(raw, i), true);
                if (typeof d === 'string')
                    return { error: d };
                manifests.push(d);
            }
            return { manifest: { kind: 'index', mediaType, manifests } };
        }
        case MEDIA_TYPES.dockerManifest:
        case MEDIA_TYPES.ociManifest: {
            const config = descriptor(doc.config, 'config', true);
            if (typeof config === 'string')
                return { error: config };
            if (!Array.isArray(doc.layers))
                return { error: `${mediaType} without a layers array` };
            const layers = [];
            for (const [i, raw] of doc.layers.entries()) {
                const d = descriptor(raw, `layer[${i}]`, true);
                if (typeof d === 'string')
                    return { error: d };
                layers.push(d);
            }
            return { manifest: { kind: 'image', mediaType, config, layers } };
        }
        case MEDIA_TYPES.dockerSchema1:
        case MEDIA_TYPES.dockerSchema1Signed: {
            if (!Array.isArray(doc.fsLayers))
                return { error: 'schema 1 manifest without fsLayers' };
            const layers = [];
            const seen = new Set();
            for (const [i, raw] of doc.fsLayers.entries()) {
                const digest = isObject(raw) ? raw.blobSum : undefined;
                if (!isDigest(digest))
                    return { error: `fsLayers[${i}] has no valid blobSum` };
                // Schema 1 repeats the empty layer; one check per blob is enough.
                if (!seen.has(digest))
                    layers.push({ digest, role: `fsLayers[${i}]` });
                seen.add(digest);
            }
            return { manifest: { kind: 'image', mediaType, layers } };
        }
        default:
            return {
                error: mediaType === undefined
                    ? 'unknown manifest format (no mediaType, no config or manifests)'
                    : `unsupported manifest media type ${text_oneLine(mediaType, 120)}`
            };
    }
}
/** Config first, then layers: the blobs an image manifest needs. */
function blobsOf(m) {
    return m.config ? [m.config, ...m.layers] : [...m.layers];
}
function shortDigest(digest) {
    const i = digest.indexOf(':');
    return i < 0 ? digest : digest.slice(0, i + 13);
}

;// CONCATENATED MODULE: ./src/verify/pool.ts
// Bounded concurrency without dependencies.
/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i], i);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return results;
}
/** A counting semaphore: `run` waits for a free slot. Never nest `run` calls (deadlock). */
class Limiter {
    #free;
    #waiting = [];
    constructor(slots) {
        this.#free = Math.max(1, slots);
    }
    async run(fn) {
        if (this.#free > 0)
            this.#free--;
        else
            await new Promise((resolve) => this.#waiting.push(resolve));
        try {
            return await fn();
        }
        finally {
            const wake = this.#waiting.shift();
            if (wake)
                wake();
            else
                this.#free++;
        }
    }
}

;// CONCATENATED MODULE: ./src/verify/file-layout.ts






/** A tag name as distribution accepts it; anything else cannot name a file safely. */
const file_layout_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** A git checkout without symlink support turns a tag symlink into a file holding the target. */
const MAX_TAG_FILE_BYTES = 256;
/** Problems that make removing files unsafe or pointless (the repair then falls back to --force). */
const UNREPAIRABLE = new Set(['unsafe-path', 'unreadable']);
/** Per-entry state: what was found and which blobs the entry's manifests reference. */
class Findings {
    problems = [];
    warnings = [];
    /** What each tag checked resolves to (compared with the engine's pushed digest). */
    resolved = [];
    /** digest → (role, size, whether the final blob is fine) */
    referenced = new Map();
    /** For the repair planner (destination side only). */
    repoPath;
    tags = [];
    manifests = new Map();
    unrepairable;
    add(kind, message, digest, path) {
        const text = text_oneLine(message, 1000);
        this.problems.push({ kind, message: text, digest, path });
        if (UNREPAIRABLE.has(kind))
            this.unrepairable ??= text;
    }
    tree() {
        if (this.repoPath === undefined)
            return undefined;
        return {
            repoPath: this.repoPath,
            tags: this.tags,
            manifests: [...this.manifests.values()],
            ...(this.unrepairable !== undefined ? { unrepairable: this.unrepairable } : {})
        };
    }
}
async function verifyFileEntries(entries, root, opts) {
    const mine = entries.filter((e) => refOf(e, opts.side).kind === 'file');
    const ctx = {
        root,
        rootReal: await (0,promises_namespaceObject.realpath)(root).catch(() => undefined),
        digest: opts.digest,
        side: opts.side,
        blobs: new Map(),
        leftovers: new Map()
    };
    return mapLimit(mine, opts.concurrency ?? 4, (entry) => verifyEntry(entry, ctx));
}
function refOf(entry, side) {
    return side === 'destination' ? entry.destination : entry.source;
}
/** What the entry names on this side: a tag, a digest, or (tag-less source) every tag. */
function wanted(entry, side) {
    if (side === 'destination') {
        // A digest-only push (source by digest, DST without tag) lands as manifests/<source digest>.
        return entry.destinationTag !== undefined
            ? { tag: entry.destinationTag }
            : { digest: entry.source.digest };
    }
    // For sources the digest wins over the tag (oc 064c83ece).
    return entry.source.digest !== undefined
        ? { digest: entry.source.digest }
        : { tag: entry.source.tag };
}
function inside(child, parent) {
    const rel = (0,external_node_path_namespaceObject.relative)(parent, child);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${external_node_path_namespaceObject.sep}`) && !(0,external_node_path_namespaceObject.isAbsolute)(rel));
}
/** Why a repository path from mapping text cannot be used as a directory under `v2/`. */
function unsafeRepoPath(diskPath) {
    if (diskPath === '')
        return 'the repository path is empty';
    if (diskPath.includes('\0'))
        return 'the repository path contains a NUL byte';
    if (diskPath.includes('\\'))
        return 'the repository path contains a backslash';
    if (diskPath.startsWith('/') || /^[A-Za-z]:/.test(diskPath)) {
        return 'the repository path is absolute';
    }
    for (const part of diskPath.split('/')) {
        if (part === '' || part === '.' || part === '..') {
            return `the repository path has a "${part === '' ? '//' : part}" component`;
        }
    }
    return undefined;
}
function errCode(err) {
    return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}
async function lstatOrUndefined(path) {
    try {
        return await (0,promises_namespaceObject.lstat)(path);
    }
    catch (err) {
        if (errCode(err) === 'ENOENT' || errCode(err) === 'ENOTDIR')
            return undefined;
        throw err;
    }
}
/** realpath, or undefined when the path (or a link on the way) does not resolve. */
async function realpathOrUndefined(path) {
    try {
        return await (0,promises_namespaceObject.realpath)(path);
    }
    catch (err) {
        const code = errCode(err);
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP')
            return undefined;
        throw err;
    }
}
/** Reads at most `max` bytes; returns undefined when the file is larger. */
async function readSmall(path, max) {
    const fh = await (0,promises_namespaceObject.open)(path, 'r');
    try {
        const buf = Buffer.alloc(max + 1);
        let total = 0;
        for (;;) {
            const { bytesRead } = await fh.read(buf, total, buf.length - total, null);
            if (bytesRead === 0)
                break;
            total += bytesRead;
            if (total > max)
                return undefined;
        }
        return buf.subarray(0, total);
    }
    finally {
        await fh.close();
    }
}
async function verifyEntry(entry, ctx) {
    const f = new Findings();
    try {
        await checkEntry(entry, ctx, f);
    }
    catch (err) {
        // An unexpected I/O error (EACCES, EIO…) is a failed check, never a crash.
        f.add('unreadable', `cannot check the mirror tree: ${err.message}`);
    }
    // Only an incomplete entry needs repairing.
    const tree = ctx.side === 'destination' && f.problems.length > 0 ? f.tree() : undefined;
    return {
        entryId: entry.id,
        complete: f.problems.length === 0,
        problems: f.problems,
        ...(f.warnings.length > 0 ? { warnings: f.warnings } : {}),
        ...(f.resolved.length > 0 ? { resolved: f.resolved } : {}),
        ...(tree !== undefined ? { tree } : {})
    };
}
async function checkEntry(entry, ctx, f) {
    const ref = refOf(entry, ctx.side);
    const { tag, digest } = wanted(entry, ctx.side);
    const unsafe = unsafeRepoPath(ref.diskPath);
    if (unsafe !== undefined) {
        f.add('unsafe-path', `${ref.raw}: ${unsafe}; refusing to look outside ${ctx.root}`);
        return;
    }
    if (tag !== undefined && !file_layout_TAG.test(tag)) {
        f.add('unsafe-path', `${ref.raw}: "${tag}" is not a valid tag name; not used as a file name`);
        return;
    }
    if (digest !== undefined && !isValidDigest(digest)) {
        f.add('unsafe-path', `${ref.raw}: "${digest}" is not a valid digest; not used as a file name`);
        return;
    }
    const repoDir = (0,external_node_path_namespaceObject.join)(ctx.root, 'v2', ...ref.diskPath.split('/'));
    if (!inside((0,external_node_path_namespaceObject.resolve)(repoDir), (0,external_node_path_namespaceObject.resolve)(ctx.root))) {
        f.add('unsafe-path', `${ref.raw}: ${repoDir} is outside ${ctx.root}`);
        return;
    }
    if (ctx.rootReal === undefined) {
        f.add('missing-manifest', `the mirror directory ${ctx.root} does not exist`, digest, ctx.root);
        return;
    }
    const repoReal = await realpathOrUndefined(repoDir);
    if (repoReal === undefined) {
        f.add('missing-manifest', `nothing was written for ${ref.raw}: ${repoDir} does not exist`, digest, repoDir);
        return;
    }
    if (!inside(repoReal, ctx.rootReal)) {
        f.add('unsafe-path', `${repoDir} resolves to ${repoReal}, outside ${ctx.root}; not followed`);
        return;
    }
    const repo = await openRepo(repoDir, repoReal, f);
    if (repo === undefined)
        return;
    f.repoPath = ['v2', ...ref.diskPath.split('/')].join('/');
    if (digest !== undefined) {
        await checkManifest(repo, ctx, f, digest, `${ref.printed}@${digest}`, undefined);
    }
    else if (tag !== undefined) {
        const d = await resolveTag(repo, ctx, f, tag);
        f.tags.push(d !== undefined ? { name: tag, digest: d } : { name: tag });
        if (d !== undefined) {
            f.resolved.push({ tag, digest: d });
            await checkManifest(repo, ctx, f, d, `tag ${tag}`, undefined);
        }
    }
    else {
        // A tag-less source means every tag of the repository (oc lists the tag symlinks).
        const tags = await listTags(repo);
        if (tags.length === 0) {
            f.add('missing-tag', `no tags under ${repo.manifestsDir}`, undefined, repo.manifestsDir);
        }
        for (const t of tags) {
            const d = await resolveTag(repo, ctx, f, t);
            f.tags.push(d !== undefined ? { name: t, digest: d } : { name: t });
            if (d !== undefined) {
                f.resolved.push({ tag: t, digest: d });
                await checkManifest(repo, ctx, f, d, `tag ${t}`, undefined);
            }
        }
    }
    await checkLeftovers(repo, ctx, f);
}
async function openRepo(repoDir, repoReal, f) {
    const manifestsDir = (0,external_node_path_namespaceObject.join)(repoDir, 'manifests');
    const blobsDir = (0,external_node_path_namespaceObject.join)(repoDir, 'blobs');
    const manifestsReal = await realpathOrUndefined(manifestsDir);
    const blobsReal = await realpathOrUndefined(blobsDir);
    for (const [shown, real] of [
        [manifestsDir, manifestsReal],
        [blobsDir, blobsReal]
    ]) {
        if (real !== undefined && !inside(real, repoReal)) {
            f.add('unsafe-path', `${shown} resolves to ${real}, outside ${repoDir}; not followed`);
            return undefined;
        }
    }
    return {
        manifestsDir,
        blobsDir,
        manifestsReal,
        blobsReal,
        repoReal
    };
}
/** Tag names under manifests/: symlinks (oc) or flattened links, never digest files. */
async function listTags(repo) {
    if (repo.manifestsReal === undefined)
        return [];
    const names = await (0,promises_namespaceObject.readdir)(repo.manifestsReal, { withFileTypes: true });
    return names
        .filter((d) => (d.isSymbolicLink() || d.isFile()) && file_layout_TAG.test(d.name))
        .filter((d) => digestFromFileName(d.name) === undefined)
        .map((d) => d.name)
        .sort();
}
/** The manifest digest a tag points to, or undefined after recording why there is none. */
async function resolveTag(repo, ctx, f, tag) {
    const tagPath = (0,external_node_path_namespaceObject.join)(repo.manifestsDir, tag);
    if (repo.manifestsReal === undefined) {
        f.add('missing-tag', `tag ${tag} was never written: ${repo.manifestsDir} does not exist`, undefined, tagPath);
        return undefined;
    }
    const realTagPath = (0,external_node_path_namespaceObject.join)(repo.manifestsReal, tag);
    const st = await lstatOrUndefined(realTagPath);
    if (st === undefined) {
        f.add('missing-tag', `tag ${tag} was never written: ${tagPath} does not exist`, undefined, tagPath);
        return undefined;
    }
    if (st.isSymbolicLink()) {
        const target = await (0,promises_namespaceObject.readlink)(realTagPath);
        // Judge the link text first: an absolute or `..` target is never followed at all.
        if (!inside((0,external_node_path_namespaceObject.resolve)(repo.manifestsReal, target), repo.manifestsReal)) {
            f.add('unsafe-path', `tag ${tag} is a symlink to ${target}, outside ${repo.manifestsDir}; not followed`, undefined, tagPath);
            return undefined;
        }
        const real = await realpathOrUndefined(realTagPath);
        if (real === undefined) {
            const d = digestFromFileName(target);
            f.add('dangling-tag', d !== undefined
                ? `tag ${tag} points to manifest ${d}, which is missing: ${(0,external_node_path_namespaceObject.join)(repo.manifestsDir, target)} does not exist`
                : `tag ${tag} is a dangling symlink to ${target}`, d, tagPath);
            return undefined;
        }
        if (!inside(real, repo.manifestsReal)) {
            f.add('unsafe-path', `tag ${tag} resolves to ${real}, outside ${repo.manifestsDir}; not followed`, undefined, tagPath);
            return undefined;
        }
        const d = digestFromFileName((0,external_node_path_namespaceObject.basename)(real));
        if (d === undefined) {
            f.add('dangling-tag', `tag ${tag} points to ${target}, which is not a manifest digest`, undefined, tagPath);
        }
        return d;
    }
    if (st.isFile() && st.size <= MAX_TAG_FILE_BYTES) {
        const text = (await readSmall(realTagPath, MAX_TAG_FILE_BYTES))?.toString('utf8').trim();
        const d = text === undefined ? undefined : digestFromFileName(text);
        if (d !== undefined) {
            // oc reads tags only through symlinks; a push from this tree fails with "not a symlink".
            if (ctx.side === 'source') {
                f.add('dangling-tag', `tag ${tag} is a regular file holding "${d}", not a symlink (a copy without symlink support?); oc fails to read it: not a symlink`, d, tagPath);
            }
            return d;
        }
    }
    f.add('dangling-tag', `tag ${tag} is not a symlink to a manifest: ${tagPath}`, undefined, tagPath);
    return undefined;
}
/** The first existing name of a digest in a directory (`sha256:<hex>`, then Windows `sha256-<hex>`). */
async function findDigestFile(dirReal, digest) {
    for (const name of digestFileNames(digest)) {
        const path = (0,external_node_path_namespaceObject.join)(dirReal, name);
        const st = await lstatOrUndefined(path);
        if (st !== undefined)
            return { path, st };
    }
    return undefined;
}
async function checkManifest(repo, ctx, f, digest, via, parent) {
    const shown = (0,external_node_path_namespaceObject.join)(repo.manifestsDir, digest);
    const found = repo.manifestsReal && (await findDigestFile(repo.manifestsReal, digest));
    if (!found) {
        if (parent) {
            f.manifests.get(parent.list)?.missingChildren.push(digest);
            f.add('missing-child', `child manifest ${digest} (${parent.child.role}) of manifest list ${parent.list} is missing: ${shown} does not exist`, digest, shown);
        }
        else {
            // By digest, oc may have pushed one platform of a filtered list under its own digest.
            const hint = via.startsWith('tag ')
                ? ''
                : ' (if oc filtered a manifest list to one platform, that manifest has another digest)';
            f.add('missing-manifest', `manifest ${digest} (${via}) is missing: ${shown} does not exist${hint}`, digest, shown);
        }
        return;
    }
    let path = found.path;
    if (found.st.isSymbolicLink()) {
        const real = await realpathOrUndefined(found.path);
        if (real === undefined || !inside(real, repo.repoReal)) {
            f.add(real === undefined ? 'missing-manifest' : 'unsafe-path', real === undefined
                ? `manifest ${digest} (${via}) is a dangling symlink: ${shown}`
                : `manifest ${digest} (${via}) is a symlink to ${real}, outside the repository; not followed`, digest, shown);
            return;
        }
        path = real;
    }
    const state = {
        digest,
        file: (0,external_node_path_namespaceObject.basename)(found.path),
        kind: 'image',
        ...(parent ? { parent: parent.list } : {}),
        missingBlobs: [],
        corruptBlobs: [],
        missingChildren: [],
        corrupt: false
    };
    f.manifests.set(digest, state);
    if (!(await (0,promises_namespaceObject.lstat)(path)).isFile()) {
        f.unrepairable ??= `${shown} is not a regular file`;
        f.add('bad-manifest', `manifest ${digest} (${via}) is not a regular file: ${shown}`, digest, shown);
        return;
    }
    const bytes = await readSmall(path, MAX_MANIFEST_BYTES);
    if (bytes === undefined) {
        state.corrupt = true;
        f.add('bad-manifest', `manifest ${digest} (${via}) is larger than ${MAX_MANIFEST_BYTES} bytes: ${shown}`, digest, shown);
        return;
    }
    if (ctx.digest) {
        if (parent?.child.size !== undefined && parent.child.size !== bytes.length) {
            state.corrupt = true;
            f.add('size-mismatch', `child manifest ${digest} (${parent.child.role}) of manifest list ${parent.list} has ${bytes.length} bytes, the list says ${parent.child.size}: ${shown}`, digest, shown);
            return;
        }
        const actual = digestOf(bytes, digest.slice(0, digest.indexOf(':')));
        if (actual !== digest) {
            state.corrupt = true;
            f.add('digest-mismatch', `manifest ${digest} (${via}) has content with digest ${actual}: ${shown}`, digest, shown);
            return;
        }
    }
    const parsed = parseManifest(bytes);
    if ('error' in parsed) {
        state.corrupt = true;
        f.add('bad-manifest', `manifest ${digest} (${via}) cannot be read: ${parsed.error}: ${shown}`, digest, shown);
        return;
    }
    await checkParsed(repo, ctx, f, state, via, parsed.manifest, parent !== undefined);
}
async function checkParsed(repo, ctx, f, ms, via, m, isChild) {
    const digest = ms.digest;
    if (m.kind === 'index') {
        ms.kind = 'list';
        if (isChild) {
            f.add('bad-manifest', `manifest ${digest} (${via}) is a list nested in a list; not supported`, digest);
            return;
        }
        // The tag points at the list, so oc kept it: every child it names must be on disk.
        for (const child of m.manifests) {
            await checkManifest(repo, ctx, f, child.digest, `${via} → ${child.role}`, {
                list: digest,
                child
            });
        }
        return;
    }
    for (const blob of blobsOf(m)) {
        const state = await blobState(repo, ctx, blob);
        const prior = f.referenced.get(blob.digest);
        f.referenced.set(blob.digest, {
            role: blob.role,
            size: blob.size,
            ok: (prior?.ok ?? true) && state.state === 'ok'
        });
        const what = `${blob.role} ${blob.digest}${blob.size !== undefined ? ` (${blob.size} bytes)` : ''} of manifest ${digest} (${via})`;
        switch (state.state) {
            case 'ok':
                break;
            case 'missing':
                ms.missingBlobs.push(blob.digest);
                f.add('missing-blob', `${what} is missing: ${shownBlob(repo, state.path)} does not exist`, blob.digest, shownBlob(repo, state.path));
                break;
            case 'not-file':
                f.unrepairable ??= `${shownBlob(repo, state.path)} is not a regular file`;
                f.add('missing-blob', `${what} is not a regular file: ${shownBlob(repo, state.path)}`, blob.digest, shownBlob(repo, state.path));
                break;
            case 'unsafe':
                f.add('unsafe-path', `${what} is a symlink to ${state.target}, outside the mirror directory; not followed`, blob.digest, shownBlob(repo, state.path));
                break;
            case 'size':
                ms.corruptBlobs.push({ digest: blob.digest, file: (0,external_node_path_namespaceObject.basename)(state.path) });
                f.add('size-mismatch', `${what} has ${state.actual} bytes on disk (truncated or wrong file): ${shownBlob(repo, state.path)}`, blob.digest, shownBlob(repo, state.path));
                break;
            case 'hash':
                ms.corruptBlobs.push({ digest: blob.digest, file: (0,external_node_path_namespaceObject.basename)(state.path) });
                f.add('digest-mismatch', `${what} has content with digest ${state.actual}: ${shownBlob(repo, state.path)}`, blob.digest, shownBlob(repo, state.path));
                break;
        }
    }
}
function shownBlob(repo, realPath) {
    return repo.blobsReal !== undefined && (0,external_node_path_namespaceObject.dirname)(realPath) === repo.blobsReal
        ? (0,external_node_path_namespaceObject.join)(repo.blobsDir, (0,external_node_path_namespaceObject.basename)(realPath))
        : realPath;
}
function blobState(repo, ctx, blob) {
    const dir = repo.blobsReal ?? (0,external_node_path_namespaceObject.join)(repo.repoReal, 'blobs');
    const key = `${ctx.digest ? 'd' : 'e'}\0${dir}\0${blob.digest}\0${blob.size ?? ''}`;
    let p = ctx.blobs.get(key);
    if (p === undefined) {
        p = computeBlobState(dir, ctx, blob);
        ctx.blobs.set(key, p);
    }
    return p;
}
async function computeBlobState(dir, ctx, blob) {
    const found = await findDigestFile(dir, blob.digest);
    if (found === undefined)
        return { state: 'missing', path: (0,external_node_path_namespaceObject.join)(dir, blob.digest) };
    let path = found.path;
    if (found.st.isSymbolicLink()) {
        // Shared blobs are hard links in oc's tree; a symlink is accepted only inside the mirror.
        const real = await realpathOrUndefined(found.path);
        if (real === undefined)
            return { state: 'missing', path };
        if (ctx.rootReal === undefined || !inside(real, ctx.rootReal))
            return { state: 'unsafe', path, target: real };
        path = real;
    }
    const st = await (0,promises_namespaceObject.lstat)(path);
    if (!st.isFile())
        return { state: 'not-file', path: found.path };
    if (!ctx.digest)
        return { state: 'ok' };
    if (blob.size !== undefined && st.size !== blob.size) {
        return { state: 'size', path: found.path, actual: st.size };
    }
    const actual = await hashFile(path, blob.digest);
    return actual === blob.digest ? { state: 'ok' } : { state: 'hash', path: found.path, actual };
}
/** `*.download` files are oc's unfinished streaming writes (file.go:418-436). */
async function checkLeftovers(repo, ctx, f) {
    const dir = repo.blobsReal;
    if (dir === undefined)
        return;
    let listing = ctx.leftovers.get(dir);
    if (listing === undefined) {
        listing = (0,promises_namespaceObject.readdir)(dir).then((names) => names.filter((n) => n.endsWith('.download')).sort());
        ctx.leftovers.set(dir, listing);
    }
    for (const name of await listing) {
        const real = (0,external_node_path_namespaceObject.join)(dir, name);
        const path = (0,external_node_path_namespaceObject.join)(repo.blobsDir, name);
        const st = await lstatOrUndefined(real);
        const size = st?.isFile() ? ` (${st.size} bytes)` : '';
        const digest = digestFromFileName(name.slice(0, -'.download'.length));
        const ref = digest === undefined ? undefined : f.referenced.get(digest);
        if (ref !== undefined && !ref.ok) {
            f.add('leftover-download', `partial download of ${ref.role} ${digest} (${st?.isFile() ? st.size : '?'} of ${ref.size ?? '?'} bytes) left by a failed write: ${path}`, digest, path);
        }
        else {
            f.warnings.push({
                kind: 'leftover-download',
                digest,
                path,
                message: text_oneLine(`leftover partial download${size}${ref ? ' of a blob that is complete now' : ' of a blob this line does not reference'}: ${path}`, 1000)
            });
        }
    }
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
var external_node_tls_default = /*#__PURE__*/__nccwpck_require__.n(external_node_tls_namespaceObject);
;// CONCATENATED MODULE: ./src/verify/cert-dirs.ts
// Per-registry TLS material, read the way oc and podman read it: in each certs.d root, the
// directory named after the registry (`host[:port]`) holds CA certificates (`*.crt`, added to the
// system roots) and a client certificate pair (`*.cert` with the `*.key` of the same name).



/** Where oc (containers/image) and docker look, in this order. */
const DEFAULT_CERT_ROOTS = [
    '/etc/containers/certs.d',
    '/etc/docker/certs.d'
];
function filesOf(dir) {
    try {
        return (0,external_node_fs_namespaceObject.readdirSync)(dir).sort();
    }
    catch {
        return [];
    }
}
/** TLS options for `host` (as written in the mapping, with its port) from the first root that has them. */
function hostTls(host, roots) {
    // A host name cannot climb out of the root; refuse anything that could.
    if (host === '' || host.includes('/') || host.includes('\\') || host.startsWith('.'))
        return {};
    const cas = [];
    let cert;
    let key;
    for (const root of roots) {
        const dir = (0,external_node_path_namespaceObject.join)(root, host);
        for (const name of filesOf(dir)) {
            try {
                if (name.endsWith('.crt'))
                    cas.push((0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, name), 'utf8'));
                else if (name.endsWith('.cert') && cert === undefined) {
                    const keyName = `${name.slice(0, -'.cert'.length)}.key`;
                    const pairKey = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, keyName), 'utf8');
                    cert = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(dir, name), 'utf8');
                    key = pairKey;
                }
            }
            catch {
                // unreadable or unpaired file: the connection will say what is missing
            }
        }
    }
    return {
        ...(cas.length > 0 ? { ca: [...external_node_tls_namespaceObject.rootCertificates, ...cas] } : {}),
        ...(cert !== undefined && key !== undefined ? { cert, key } : {})
    };
}

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
;// CONCATENATED MODULE: ./src/verify/proxy-env.ts
// Which proxy a registry request goes through, by the same environment variables and rules as
// oc (Go's net/http ProxyFromEnvironment): HTTPS_PROXY for https, HTTP_PROXY for http, NO_PROXY
// for exceptions, upper case before lower case, and loopback hosts never proxied.

const pick = (env, name) => env[name] ?? env[name.toLowerCase()] ?? '';
/** `host` without brackets and port, lower case. */
function bareHost(hostname) {
    return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}
function isLoopback(host) {
    if (host === 'localhost' || host.endsWith('.localhost'))
        return true;
    if ((0,external_node_net_namespaceObject.isIP)(host) === 4)
        return host.startsWith('127.');
    if ((0,external_node_net_namespaceObject.isIP)(host) === 6)
        return host === '::1' || host === '0:0:0:0:0:0:0:1';
    return false;
}
function ipv4Number(ip) {
    return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}
/** One NO_PROXY entry against a host and port (Go's rules: CIDR, IP, `*`, domain, `.domain`). */
function matchesNoProxy(entry, host, port) {
    let e = entry.trim().toLowerCase();
    if (e === '')
        return false;
    if (e === '*')
        return true;
    const slash = e.indexOf('/');
    if (slash > 0 && (0,external_node_net_namespaceObject.isIP)(e.slice(0, slash)) === 4 && (0,external_node_net_namespaceObject.isIP)(host) === 4) {
        const bits = Number(e.slice(slash + 1));
        if (!Number.isInteger(bits) || bits < 0 || bits > 32)
            return false;
        const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
        return (ipv4Number(host) & mask) >>> 0 === (ipv4Number(e.slice(0, slash)) & mask) >>> 0;
    }
    let entryPort = '';
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(e);
    if (m) {
        e = m[1];
        entryPort = m[2];
    }
    if (entryPort !== '' && entryPort !== port)
        return false;
    e = bareHost(e);
    if ((0,external_node_net_namespaceObject.isIP)(e) !== 0)
        return e === host;
    if (e.startsWith('*.'))
        e = e.slice(1);
    // `.example.com` matches subdomains only; `example.com` the name and its subdomains.
    if (e.startsWith('.'))
        return host.endsWith(e);
    return host === e || host.endsWith(`.${e}`);
}
/** The proxy URL for a request to `url`, or undefined for a direct connection. */
function proxyFor(url, env) {
    const host = bareHost(url.hostname);
    if (isLoopback(host))
        return undefined;
    const raw = url.protocol === 'https:' ? pick(env, 'HTTPS_PROXY') : pick(env, 'HTTP_PROXY');
    if (raw === '')
        return undefined;
    const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
    for (const entry of pick(env, 'NO_PROXY').split(',')) {
        if (matchesNoProxy(entry, host, port))
            return undefined;
    }
    try {
        // Like Go: a proxy without a scheme is an http:// proxy.
        const proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
        return proxy.protocol === 'http:' || proxy.protocol === 'https:' ? proxy : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/verify/http.ts
// A minimal HTTP(S) client on node:http/https: one request, no redirects, bounded bodies,
// optional streaming sink. Every exchange is bounded twice: an idle timeout (no byte for a
// while) and a total deadline (a registry that drips one byte a second still ends), and it
// stops at once when the caller's signal aborts. Connections follow the proxy variables and the
// per-registry certs.d directories, as oc's do. Redirects and auth live in the registry client.





/** Connection-level state of one verification run; `close()` frees the sockets. */
class HttpAgents {
    http = new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: 8 });
    #https = new Map();
    #tls = new Map();
    #tunnels = new Set();
    insecure;
    #roots;
    env;
    constructor(opts) {
        const o = typeof opts === 'boolean' ? { insecure: opts } : opts;
        this.insecure = o.insecure;
        this.#roots = o.certRoots ?? DEFAULT_CERT_ROOTS;
        this.env = o.env ?? process.env;
    }
    /** TLS options for a registry host (`host[:port]` as in the URL). */
    tlsFor(url) {
        let t = this.#tls.get(url.host);
        if (t === undefined) {
            t = hostTls(url.host, this.#roots);
            this.#tls.set(url.host, t);
        }
        return {
            rejectUnauthorized: !this.insecure,
            ...(t.ca ? { ca: [...t.ca] } : {}),
            ...(t.cert !== undefined && t.key !== undefined ? { cert: t.cert, key: t.key } : {})
        };
    }
    httpsAgent(url) {
        let a = this.#https.get(url.host);
        if (a === undefined) {
            a = new (external_node_https_default()).Agent({ keepAlive: true, maxSockets: 8, ...this.tlsFor(url) });
            this.#https.set(url.host, a);
        }
        return a;
    }
    track(socket) {
        this.#tunnels.add(socket);
        socket.once('close', () => this.#tunnels.delete(socket));
    }
    close() {
        this.http.destroy();
        for (const a of this.#https.values())
            a.destroy();
        for (const s of this.#tunnels)
            s.destroy();
    }
}
class HttpError extends Error {
}
/** Seconds or milliseconds, whichever reads better. */
function showMs(ms) {
    return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
async function httpRequest(req, agents) {
    const what = `${req.method} ${req.url.href}`;
    if (req.signal?.aborted)
        throw new HttpError(`${what}: ${reasonOf(req.signal)}`);
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(new HttpError(`${what}: no complete answer within ${showMs(req.deadlineMs)} (deadline)`)), req.deadlineMs);
    const onAbort = () => stop.abort(new HttpError(`${what}: ${reasonOf(req.signal)}`));
    req.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        return await exchange(req, agents, stop.signal, what);
    }
    finally {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
    }
}
function reasonOf(signal) {
    const r = signal.reason;
    return r instanceof Error && r.message !== '' ? `stopped (${r.message})` : 'stopped';
}
function abortError(signal) {
    const r = signal.reason;
    return r instanceof Error ? r : new HttpError('stopped');
}
/** A TLS connection to `url` through an HTTP CONNECT tunnel of `proxy`. */
function tunnel(url, proxy, agents, signal) {
    return new Promise((resolvePromise, reject) => {
        const port = url.port !== '' ? url.port : '443';
        const target = `${url.hostname}:${port}`;
        const headers = { Host: target };
        if (proxy.username !== '') {
            const user = decodeURIComponent(proxy.username);
            const pass = decodeURIComponent(proxy.password);
            headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
        }
        const mod = proxy.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
        const connect = mod.request({
            host: proxy.hostname,
            port: proxy.port !== '' ? proxy.port : proxy.protocol === 'https:' ? 443 : 80,
            method: 'CONNECT',
            path: target,
            headers,
            agent: false
        });
        const onAbort = () => {
            connect.destroy();
            reject(abortError(signal));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        connect.once('connect', (res, socket) => {
            signal.removeEventListener('abort', onAbort);
            if (res.statusCode !== 200) {
                socket.destroy();
                reject(new HttpError(`proxy ${proxy.host} refused CONNECT ${target}: HTTP ${res.statusCode}`));
                return;
            }
            const servername = /^[\d.]+$|:/.test(url.hostname) ? undefined : url.hostname;
            const secure = external_node_tls_default().connect({
                socket,
                ...(servername !== undefined ? { servername } : {}),
                ...agents.tlsFor(url)
            });
            agents.track(secure);
            const failTls = (e) => {
                secure.destroy();
                reject(e);
            };
            const onAbortTls = () => failTls(abortError(signal));
            signal.addEventListener('abort', onAbortTls, { once: true });
            secure.once('error', failTls);
            secure.once('secureConnect', () => {
                signal.removeEventListener('abort', onAbortTls);
                secure.off('error', failTls);
                resolvePromise(secure);
            });
        });
        connect.once('error', (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(new HttpError(`proxy ${proxy.host}: ${e.message}`));
        });
        connect.end();
    });
}
async function exchange(req, agents, signal, what) {
    const isHttps = req.url.protocol === 'https:';
    const headers = { 'User-Agent': 'mirror-guard-verify', ...req.headers };
    if (req.body !== undefined)
        headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const proxy = proxyFor(req.url, agents.env);
    const path = `${req.url.pathname}${req.url.search}`;
    let options;
    let mod = isHttps ? (external_node_https_default()) : (external_node_http_default());
    if (proxy === undefined) {
        options = { agent: isHttps ? agents.httpsAgent(req.url) : agents.http };
    }
    else if (isHttps) {
        const socket = await tunnel(req.url, proxy, agents, signal);
        const agent = new (external_node_http_default()).Agent({ keepAlive: false });
        agent.createConnection = () => socket;
        mod = (external_node_http_default());
        options = {
            host: req.url.hostname,
            port: req.url.port !== '' ? req.url.port : 443,
            path,
            agent
        };
        headers.Host = req.url.host;
    }
    else {
        // Plain http through a proxy: the absolute URL as the request target.
        options = {
            host: proxy.hostname,
            port: proxy.port !== '' ? proxy.port : 80,
            path: req.url.href,
            agent: agents.http
        };
        headers.Host = req.url.host;
        if (proxy.username !== '') {
            const user = decodeURIComponent(proxy.username);
            const pass = decodeURIComponent(proxy.password);
            headers['Proxy-Authorization'] = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
        }
    }
    return new Promise((resolvePromise, reject) => {
        let settled = false;
        const fail = (err) => {
            if (settled)
                return;
            settled = true;
            signal.removeEventListener('abort', onAbort);
            request.destroy();
            reject(err);
        };
        const onAbort = () => fail(abortError(signal));
        const request = proxy === undefined
            ? mod.request(req.url, { ...options, method: req.method, headers }, onResponse)
            : mod.request({ ...options, method: req.method, headers }, onResponse);
        function onResponse(res) {
            const status = res.statusCode ?? 0;
            const chunks = [];
            let size = 0;
            const stream = req.sink !== undefined && status >= 200 && status < 300;
            res.on('data', (chunk) => {
                if (settled)
                    return;
                if (stream) {
                    req.sink(chunk);
                    return;
                }
                size += chunk.length;
                if (size > req.maxBody) {
                    fail(new HttpError(`${what}: response larger than ${req.maxBody} bytes`));
                    return;
                }
                chunks.push(chunk);
            });
            res.on('end', () => {
                if (settled)
                    return;
                settled = true;
                signal.removeEventListener('abort', onAbort);
                resolvePromise({ status, headers: res.headers, body: Buffer.concat(chunks) });
            });
            res.on('error', fail);
            res.on('aborted', () => fail(new HttpError('connection closed before the response ended')));
        }
        signal.addEventListener('abort', onAbort, { once: true });
        request.setTimeout(req.timeoutMs, () => fail(new HttpError(`${what}: no data for ${showMs(req.timeoutMs)}`)));
        request.on('error', fail);
        request.end(req.body);
    });
}

;// CONCATENATED MODULE: ./src/verify/registry-auth.ts
// Registry credentials and the auth handshake: docker/podman registry config files
// (`auths.<host>.auth` = base64 "user:pass", `username`/`password`, `identitytoken`,
// `registrytoken`), WWW-Authenticate challenges, and the bearer token flow.



const registry_auth_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
const registry_auth_DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];
/** `https://index.docker.io/v1/`, `quay.io/ns/repo/` → `index.docker.io`, `quay.io/ns/repo`. */
function normalizeAuthKey(key) {
    let k = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    k = k.replace(/\/+$/, '').replace(/\/v[12]$/, '');
    const slash = k.indexOf('/');
    const host = (slash < 0 ? k : k.slice(0, slash)).toLowerCase();
    return slash < 0 ? host : host + k.slice(slash);
}
function credentialOf(entry, key, file) {
    let username = str(entry.username);
    let password = str(entry.password);
    const auth = str(entry.auth);
    if (auth !== undefined) {
        const decoded = Buffer.from(auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new Error(`${file}: auths."${key}".auth is not base64 of "user:password"`);
        }
        username = decoded.slice(0, colon);
        password = decoded.slice(colon + 1);
    }
    return {
        ...(username !== undefined ? { username } : {}),
        ...(password !== undefined ? { password } : {}),
        ...(str(entry.identitytoken) !== undefined ? { identityToken: str(entry.identitytoken) } : {}),
        ...(str(entry.registrytoken) !== undefined ? { registryToken: str(entry.registrytoken) } : {})
    };
}
class RegistryConfig {
    #byKey;
    constructor(byKey) {
        this.#byKey = byKey;
    }
    static empty() {
        return new RegistryConfig(new Map());
    }
    /** Parses the JSON text of a registry config; throws an Error naming the file and the key. */
    static parse(text, file) {
        let doc;
        try {
            doc = JSON.parse(text);
        }
        catch (e) {
            throw new Error(`${file}: not valid JSON (${e.message})`, { cause: e });
        }
        if (!registry_auth_isObject(doc))
            throw new Error(`${file}: not a JSON object`);
        const auths = doc.auths ?? {};
        if (!registry_auth_isObject(auths))
            throw new Error(`${file}: "auths" is not an object`);
        const map = new Map();
        for (const [key, value] of Object.entries(auths)) {
            if (!registry_auth_isObject(value))
                throw new Error(`${file}: auths."${key}" is not an object`);
            map.set(normalizeAuthKey(key), credentialOf(value, key, file));
        }
        return new RegistryConfig(map);
    }
    static async load(file) {
        let text;
        try {
            text = await (0,promises_namespaceObject.readFile)(file, 'utf8');
        }
        catch (e) {
            throw new Error(`cannot read registry config ${file}: ${e.message}`, { cause: e });
        }
        return RegistryConfig.parse(text, file);
    }
    /** Every credential value and the headers built from them, for the redactor. */
    secrets() {
        const out = [];
        for (const c of this.#byKey.values()) {
            for (const v of [c.password, c.identityToken, c.registryToken])
                if (v !== undefined)
                    out.push(v);
            const basic = basicHeader(c);
            if (basic !== undefined)
                out.push(basic.slice('Basic '.length));
        }
        return out;
    }
    /**
     * Credentials for a repository: the most specific key wins (podman allows `host/ns/repo`
     * keys), then the bare host; Docker Hub's aliases are one registry.
     */
    lookup(host, repository = '') {
        const h = host.toLowerCase();
        const hosts = registry_auth_DOCKER_HUB.includes(h) ? [h, ...registry_auth_DOCKER_HUB.filter((x) => x !== h)] : [h];
        for (const candidate of hosts) {
            const parts = repository.split('/').filter((p) => p !== '');
            for (let n = parts.length; n >= 0; n--) {
                const key = n === 0 ? candidate : `${candidate}/${parts.slice(0, n).join('/')}`;
                const found = this.#byKey.get(key);
                if (found !== undefined)
                    return found;
            }
        }
        return undefined;
    }
}
/**
 * Parses a WWW-Authenticate header (RFC 7235): one or more challenges, each a scheme and
 * `key=value` / `key="quoted, value"` parameters.
 */
function parseChallenges(header) {
    const text = Array.isArray(header) ? header.join(', ') : (header ?? '');
    const out = [];
    const token = /\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)/y;
    let i = 0;
    while (i < text.length) {
        // Skip separators between challenges / parameters.
        while (i < text.length && /[\s,]/.test(text[i]))
            i++;
        token.lastIndex = i;
        const m = token.exec(text);
        if (!m)
            break;
        i = token.lastIndex;
        const name = m[1];
        let j = i;
        while (j < text.length && text[j] === ' ')
            j++;
        if (text[j] === '=') {
            // A parameter of the current challenge.
            j++;
            while (j < text.length && text[j] === ' ')
                j++;
            let value = '';
            if (text[j] === '"') {
                j++;
                while (j < text.length && text[j] !== '"') {
                    if (text[j] === '\\' && j + 1 < text.length)
                        j++;
                    value += text[j];
                    j++;
                }
                j++;
            }
            else {
                while (j < text.length && text[j] !== ',' && !/\s/.test(text[j]))
                    value += text[j++];
            }
            i = j;
            const current = out[out.length - 1];
            if (current)
                current.params[name.toLowerCase()] = value;
        }
        else {
            out.push({ scheme: name.toLowerCase(), params: {} });
        }
    }
    return out;
}
function basicHeader(cred) {
    if (cred.username === undefined || cred.password === undefined)
        return undefined;
    return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
}
class AuthError extends Error {
}
class TokenSource {
    agents;
    limits;
    #cache = new Map();
    constructor(agents, limits) {
        this.agents = agents;
        this.limits = limits;
    }
    /** The Authorization header value for a bearer challenge and scope. */
    token(challenge, scope, cred) {
        if (cred?.registryToken !== undefined)
            return Promise.resolve(`Bearer ${cred.registryToken}`);
        const realm = challenge.params.realm;
        if (realm === undefined)
            return Promise.reject(new AuthError('bearer challenge without realm'));
        const service = challenge.params.service ?? '';
        const key = `${realm}\0${service}\0${scope}`;
        let p = this.#cache.get(key);
        if (p === undefined) {
            p = this.#fetch(realm, service, scope, cred);
            this.#cache.set(key, p);
            // A failed fetch must not poison the cache for a later retry.
            p.catch(() => this.#cache.delete(key));
        }
        return p;
    }
    /** Forget a token the registry refused (expired). */
    invalidate(challenge, scope) {
        this.#cache.delete(`${challenge.params.realm}\0${challenge.params.service ?? ''}\0${scope}`);
    }
    async #fetch(realm, service, scope, cred) {
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            throw new AuthError(`bearer realm "${text_oneLine(realm, 200)}" is not a URL`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
            throw new AuthError(`bearer realm "${text_oneLine(realm, 200)}" is not http(s)`);
        }
        const form = new URLSearchParams();
        if (service !== '')
            form.set('service', service);
        if (scope !== '')
            form.set('scope', scope);
        try {
            return await this.#request(url, form, cred);
        }
        catch (e) {
            if (e instanceof AuthError)
                throw e;
            throw new AuthError(`token request to ${url.origin}${url.pathname} failed: ${e.message}`);
        }
    }
    async #request(url, form, cred) {
        let res;
        if (cred?.identityToken !== undefined) {
            // OAuth2 refresh-token grant, as docker does with an identity token.
            form.set('grant_type', 'refresh_token');
            form.set('refresh_token', cred.identityToken);
            form.set('client_id', 'mirror-guard');
            res = await httpRequest({
                method: 'POST',
                url,
                headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
                body: form.toString(),
                ...this.#limits(),
                maxBody: 1 << 20
            }, this.agents);
        }
        else {
            if (cred?.username !== undefined)
                form.set('account', cred.username);
            for (const [k, v] of form)
                url.searchParams.set(k, v);
            const basic = cred ? basicHeader(cred) : undefined;
            res = await httpRequest({
                method: 'GET',
                url,
                headers: basic ? { Authorization: basic } : {},
                ...this.#limits(),
                maxBody: 1 << 20
            }, this.agents);
        }
        if (res.status !== 200) {
            throw new AuthError(`token request to ${url.origin}${url.pathname} answered HTTP ${res.status}: ${text_oneLine(res.body.toString('utf8'), 200)}`);
        }
        let doc;
        try {
            doc = JSON.parse(res.body.toString('utf8'));
        }
        catch {
            throw new AuthError(`token response from ${url.origin}${url.pathname} is not JSON`);
        }
        const token = registry_auth_isObject(doc) ? (str(doc.token) ?? str(doc.access_token)) : undefined;
        if (token === undefined) {
            throw new AuthError(`token response from ${url.origin}${url.pathname} has no token`);
        }
        this.limits.onSecret?.(token);
        return `Bearer ${token}`;
    }
    #limits() {
        const { timeoutMs, deadlineMs, signal } = this.limits;
        return { timeoutMs, deadlineMs, ...(signal ? { signal } : {}) };
    }
}

;// CONCATENATED MODULE: ./src/verify/registry.ts






const DEFAULT_REQUEST_DEADLINE_MS = 30_000;
const DEFAULT_IDLE_TIMEOUT_MS = 20_000;
/** 256 KiB/s: a blob read slower than this is a stalled registry, not a large blob. */
const DEFAULT_MIN_BYTES_PER_SECOND = 256 * 1024;
/** The registry could not be reached: DNS, connect, TLS, reset, timeout. */
class Unreachable extends Error {
}
/** The verification was stopped from outside (cancel, time limit). */
class Stopped extends Error {
}
const registry_DOCKER_HUB = new Set(['', 'docker.io', 'index.docker.io']);
/** Where the API of a registry lives and how a repository is named there. */
function apiLocation(registry, repository) {
    if (registry_DOCKER_HUB.has(registry.toLowerCase())) {
        return {
            host: 'registry-1.docker.io',
            repo: repository.includes('/') ? repository : `library/${repository}`
        };
    }
    return { host: registry, repo: repository };
}
function registryMessage(res) {
    const text = res.body.toString('utf8');
    try {
        const doc = JSON.parse(text);
        const first = doc.errors?.[0];
        if (first)
            return text_oneLine(`${String(first.code)}: ${String(first.message)}`, 200);
    }
    catch {
        // not a registry error document; fall through to the raw text
    }
    return text === '' ? '(empty body)' : text_oneLine(text, 200);
}
/** Throws when the run was stopped: nothing after that point may count as checked. */
function checkStopped(env) {
    if (env.signal?.aborted) {
        const r = env.signal.reason;
        throw new Stopped(`verification stopped${r instanceof Error && r.message !== '' ? ` (${r.message})` : ''}`);
    }
}
/** One registry: its scheme (learned by a ping), its auth challenge, tokens per scope. */
class RegistryHost {
    host;
    env;
    #ping;
    #auth = new Map();
    constructor(host, env) {
        this.host = host;
        this.env = env;
    }
    ready() {
        this.#ping ??= this.#doPing();
        return this.#ping;
    }
    async #doPing() {
        // --insecure means "http is fine too": try TLS without verification first, then plain http.
        const origins = this.env.insecure
            ? [`https://${this.host}`, `http://${this.host}`]
            : [`https://${this.host}`];
        const errors = [];
        for (const origin of origins) {
            try {
                const res = await this.env.limiter.run(() => httpRequest({
                    method: 'GET',
                    url: new URL('/v2/', origin),
                    timeoutMs: this.env.timeoutMs,
                    deadlineMs: this.env.deadlineMs,
                    maxBody: 1 << 16,
                    ...(this.env.signal ? { signal: this.env.signal } : {})
                }, this.env.agents));
                const challenge = res.status === 401
                    ? parseChallenges(res.headers['www-authenticate']).find((c) => c.scheme === 'bearer' || c.scheme === 'basic')
                    : undefined;
                return challenge ? { origin, challenge } : { origin };
            }
            catch (e) {
                checkStopped(this.env);
                errors.push(`${origin}: ${e.message}`);
            }
        }
        throw new Unreachable(`cannot reach ${this.host}: ${errors.join('; ')}`);
    }
    credential(repo) {
        return this.env.config.lookup(this.host, repo);
    }
    async #authorization(challenge, scope, repo) {
        if (challenge === undefined)
            return undefined;
        const cred = this.credential(repo);
        if (challenge.scheme === 'basic') {
            const header = cred ? basicHeader(cred) : undefined;
            if (header === undefined) {
                throw new AuthError(`${this.host} wants a user name and password; none in the registry config`);
            }
            return header;
        }
        return this.env.tokens.token(challenge, scope, cred);
    }
    /** GET/HEAD on the registry with auth (challenge → token → retry once) and redirects. */
    async request(method, path, repo, opts) {
        checkStopped(this.env);
        const { origin, challenge } = await this.ready();
        const scope = `repository:${repo}:pull`;
        return this.env.limiter.run(async () => {
            let current = challenge;
            let auth = this.#auth.get(scope);
            if (auth === undefined && current !== undefined) {
                auth = this.#authorization(current, scope, repo);
                this.#auth.set(scope, auth);
                auth.catch(() => this.#auth.delete(scope));
            }
            for (let attempt = 0;; attempt++) {
                const header = await auth;
                const res = await this.#follow(method, new URL(path, origin), header, opts);
                if (res.status !== 401 || attempt > 0)
                    return res;
                const fresh = parseChallenges(res.headers['www-authenticate']).find((c) => c.scheme === 'bearer' || c.scheme === 'basic');
                if (fresh === undefined)
                    return res;
                // The token was refused or the scope needs one of its own: fetch a new one once.
                if (current !== undefined)
                    this.env.tokens.invalidate(current, scope);
                this.env.tokens.invalidate(fresh, scope);
                current = fresh;
                auth = this.#authorization(fresh, scope, repo);
                this.#auth.set(scope, auth);
                auth.catch(() => this.#auth.delete(scope));
            }
        });
    }
    async #follow(method, start, authorization, opts) {
        let url = start;
        for (let hop = 0; hop < 6; hop++) {
            const headers = {};
            if (opts.accept)
                headers.Accept = opts.accept;
            // Blob storage redirects (S3, CDN) must not receive the registry's credentials.
            if (authorization && url.origin === start.origin)
                headers.Authorization = authorization;
            let res;
            try {
                res = await httpRequest({
                    method,
                    url,
                    headers,
                    timeoutMs: this.env.timeoutMs,
                    deadlineMs: opts.deadlineMs ?? this.env.deadlineMs,
                    maxBody: opts.maxBody,
                    sink: opts.sink,
                    ...(this.env.signal ? { signal: this.env.signal } : {})
                }, this.env.agents);
            }
            catch (e) {
                checkStopped(this.env);
                throw new Unreachable(`${method} ${url.href}: ${e.message}`);
            }
            const location = res.headers.location;
            if ([301, 302, 303, 307, 308].includes(res.status) && location) {
                url = new URL(location, url);
                continue;
            }
            return { ...res, url: url.href };
        }
        throw new Unreachable(`${method} ${start.href}: too many redirects`);
    }
}
class RegistryVerifier {
    env;
    digest;
    #hosts = new Map();
    #blobs = new Map();
    constructor(env, digest) {
        this.env = env;
        this.digest = digest;
    }
    host(name) {
        let h = this.#hosts.get(name);
        if (h === undefined) {
            h = new RegistryHost(name, this.env);
            this.#hosts.set(name, h);
        }
        return h;
    }
    async verify(entry) {
        const problems = [];
        const resolved = [];
        const { host, repo } = apiLocation(entry.destination.registry, entry.destination.repository);
        const h = this.host(host);
        const name = `${host}/${repo}`;
        try {
            const reference = entry.destinationTag ?? entry.source.digest;
            const refs = reference !== undefined ? [reference] : await this.#tags(h, repo, problems);
            for (const ref of refs) {
                await this.#manifest(h, repo, name, ref, ref.includes(':') ? `${name}@${ref}` : `tag ${ref}`, undefined, problems, resolved);
            }
        }
        catch (e) {
            const kind = e instanceof Stopped || this.env.signal?.aborted
                ? 'cancelled'
                : e instanceof Unreachable
                    ? 'unreachable'
                    : e instanceof AuthError
                        ? 'unauthorized'
                        : 'registry-error';
            problems.push({ kind, message: text_oneLine(`${name}: ${e.message}`, 1000) });
        }
        // Every message may carry registry text; keep each on one line, whatever built it.
        const clean = problems.map((p) => ({ ...p, message: text_oneLine(p.message, 1000) }));
        return {
            entryId: entry.id,
            complete: clean.length === 0,
            problems: clean,
            ...(resolved.length > 0 ? { resolved } : {})
        };
    }
    /** A repository-only destination (tag-less source): every tag the registry lists. */
    async #tags(h, repo, problems) {
        const res = await h.request('GET', `/v2/${repo}/tags/list`, repo, { maxBody: 16 << 20 });
        if (res.status !== 200) {
            problems.push(this.#statusProblem(res, `tags of ${h.host}/${repo}`, 'missing-tag'));
            return [];
        }
        let tags;
        try {
            tags = JSON.parse(res.body.toString('utf8')).tags;
        }
        catch {
            tags = undefined;
        }
        const list = Array.isArray(tags) ? tags.filter((t) => typeof t === 'string') : [];
        if (list.length === 0) {
            problems.push({
                kind: 'missing-tag',
                path: res.url,
                message: `${h.host}/${repo} has no tags`
            });
        }
        return list;
    }
    #statusProblem(res, what, notFound, digest) {
        const kind = res.status === 404
            ? notFound
            : res.status === 401 || res.status === 403
                ? 'unauthorized'
                : 'registry-error';
        const detail = res.body.length > 0 ? `: ${registryMessage(res)}` : '';
        return {
            kind,
            digest,
            path: res.url,
            message: text_oneLine(`${what}: GET ${res.url} answered HTTP ${res.status}${detail}`, 1000)
        };
    }
    async #manifest(h, repo, name, reference, via, parent, problems, resolved) {
        const isDigest = reference.includes(':');
        const res = await h.request('GET', `/v2/${repo}/manifests/${reference}`, repo, {
            accept: MANIFEST_ACCEPT,
            maxBody: MAX_MANIFEST_BYTES
        });
        if (res.status !== 200) {
            const what = parent
                ? `child manifest ${reference} (${parent.child.role}) of manifest list ${parent.list} in ${name}`
                : isDigest
                    ? `manifest ${reference} of ${name}`
                    : `tag ${reference} of ${name}`;
            problems.push(this.#statusProblem(res, what, parent ? 'missing-child' : isDigest ? 'missing-manifest' : 'missing-tag', isDigest ? reference : undefined));
            return;
        }
        const algo = isDigest ? reference.slice(0, reference.indexOf(':')) : 'sha256';
        const actual = digestOf(res.body, algo);
        const header = res.headers['docker-content-digest'];
        const served = typeof header === 'string' ? header.trim() : undefined;
        const digest = isDigest ? reference : (served ?? actual);
        // What the tag resolves to: the hash of the bytes served, not a header that could lie.
        if (!isDigest && parent === undefined)
            resolved?.push({ tag: reference, digest: actual });
        if (this.digest) {
            if (isDigest && actual !== reference) {
                problems.push({
                    kind: 'digest-mismatch',
                    digest: reference,
                    path: res.url,
                    message: `manifest ${reference} (${via}) served by ${name} has content with digest ${actual}`
                });
                return;
            }
            if (served !== undefined && served.startsWith(`${algo}:`) && served !== actual) {
                problems.push({
                    kind: 'digest-mismatch',
                    digest: served,
                    path: res.url,
                    message: text_oneLine(`manifest ${via} of ${name}: Docker-Content-Digest says ${served}, content hashes to ${actual}`, 1000)
                });
                return;
            }
            if (parent?.child.size !== undefined && parent.child.size !== res.body.length) {
                problems.push({
                    kind: 'size-mismatch',
                    digest: reference,
                    path: res.url,
                    message: `child manifest ${reference} (${parent.child.role}) of manifest list ${parent.list} has ${res.body.length} bytes, the list says ${parent.child.size}`
                });
                return;
            }
        }
        const contentType = res.headers['content-type'];
        const parsed = parseManifest(res.body, typeof contentType === 'string' ? contentType : undefined);
        if ('error' in parsed) {
            problems.push({
                kind: 'bad-manifest',
                digest,
                path: res.url,
                message: text_oneLine(`manifest ${digest} (${via}) of ${name} cannot be read: ${parsed.error}`, 1000)
            });
            return;
        }
        const m = parsed.manifest;
        if (m.kind === 'index') {
            if (parent) {
                problems.push({
                    kind: 'bad-manifest',
                    digest,
                    path: res.url,
                    message: `manifest ${digest} (${via}) is a list nested in a list; not supported`
                });
                return;
            }
            for (const child of m.manifests) {
                await this.#manifest(h, repo, name, child.digest, `${via} → ${child.role}`, { list: digest, child }, problems);
            }
            return;
        }
        const outcomes = await Promise.all(blobsOf(m).map((b) => this.#blob(h, repo, b)));
        for (const [i, blob] of blobsOf(m).entries()) {
            const o = outcomes[i];
            if (o.ok)
                continue;
            const size = blob.size !== undefined ? ` (${blob.size} bytes)` : '';
            problems.push({
                kind: o.kind,
                digest: blob.digest,
                path: o.url,
                message: text_oneLine(`${blob.role} ${blob.digest}${size} of manifest ${digest} (${via}) ${o.detail}`, 1000)
            });
        }
    }
    #blob(h, repo, blob) {
        const key = `${h.host}\0${repo}\0${blob.digest}\0${blob.size ?? ''}`;
        let p = this.#blobs.get(key);
        if (p === undefined) {
            p = this.#checkBlob(h, repo, blob);
            this.#blobs.set(key, p);
        }
        return p;
    }
    async #checkBlob(h, repo, blob) {
        const path = `/v2/${repo}/blobs/${blob.digest}`;
        const name = `${h.host}/${repo}`;
        const head = await h.request('HEAD', path, repo, { maxBody: 1 << 16 });
        if (head.status === 404) {
            return {
                ok: false,
                kind: 'missing-blob',
                url: head.url,
                detail: `is missing from ${name}: HEAD ${head.url} answered HTTP 404`
            };
        }
        if (head.status !== 200) {
            const kind = head.status === 401 || head.status === 403 ? 'unauthorized' : 'registry-error';
            return {
                ok: false,
                kind,
                url: head.url,
                detail: `could not be checked in ${name}: HEAD ${head.url} answered HTTP ${head.status}`
            };
        }
        const length = Number(head.headers['content-length']);
        if (blob.size !== undefined &&
            head.headers['content-length'] !== undefined &&
            length !== blob.size) {
            return {
                ok: false,
                kind: 'size-mismatch',
                url: head.url,
                detail: `has ${length} bytes in ${name} (HEAD content-length)`
            };
        }
        if (!this.digest)
            return { ok: true };
        const hash = newHasher(blob.digest);
        let received = 0;
        const bytes = blob.size ?? (Number.isFinite(length) ? length : 0);
        const get = await h.request('GET', path, repo, {
            maxBody: 1 << 16,
            deadlineMs: this.env.deadlineMs + Math.ceil((bytes / this.env.minBytesPerSecond) * 1000),
            sink: (chunk) => {
                received += chunk.length;
                hash.update(chunk);
            }
        });
        if (get.status !== 200) {
            return {
                ok: false,
                kind: get.status === 404 ? 'missing-blob' : 'registry-error',
                url: get.url,
                detail: `could not be read from ${name}: GET ${get.url} answered HTTP ${get.status}`
            };
        }
        const actual = `${blob.digest.slice(0, blob.digest.indexOf(':'))}:${hash.digest('hex')}`;
        if (actual !== blob.digest) {
            return {
                ok: false,
                kind: 'digest-mismatch',
                url: get.url,
                detail: `served by ${name} has content with digest ${actual} (${received} bytes)`
            };
        }
        return { ok: true };
    }
}
/**
 * Verifies every entry whose destination is a registry. Entries with file:// or s3://
 * destinations get no result. Never throws for registry trouble: it becomes a problem.
 */
async function verifyRegistryEntries(entries, opts) {
    const mine = entries.filter((e) => e.destination.kind === 'registry');
    if (mine.length === 0)
        return [];
    let config;
    try {
        config =
            opts.authFile !== undefined
                ? await RegistryConfig.load(opts.authFile)
                : RegistryConfig.empty();
    }
    catch (e) {
        const message = text_oneLine(e.message, 1000);
        return mine.map((e) => ({
            entryId: e.id,
            complete: false,
            problems: [{ kind: 'unauthorized', path: opts.authFile, message }]
        }));
    }
    const timeoutMs = opts.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    const deadlineMs = opts.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS;
    const agents = new HttpAgents({
        insecure: opts.insecure,
        ...(opts.certRoots !== undefined ? { certRoots: opts.certRoots } : {}),
        ...(opts.env !== undefined ? { env: opts.env } : {})
    });
    for (const s of config.secrets())
        opts.onSecret?.(s);
    try {
        const env = {
            agents,
            tokens: new TokenSource(agents, {
                timeoutMs,
                deadlineMs,
                ...(opts.signal ? { signal: opts.signal } : {}),
                ...(opts.onSecret ? { onSecret: opts.onSecret } : {})
            }),
            config,
            insecure: opts.insecure,
            timeoutMs,
            deadlineMs,
            minBytesPerSecond: opts.minBytesPerSecond ?? DEFAULT_MIN_BYTES_PER_SECOND,
            ...(opts.signal ? { signal: opts.signal } : {}),
            limiter: new Limiter(opts.concurrency ?? 4)
        };
        const verifier = new RegistryVerifier(env, opts.digest);
        return await Promise.all(mine.map((e) => verifier.verify(e)));
    }
    finally {
        agents.close();
    }
}

;// CONCATENATED MODULE: ./src/verify/index.ts




/**
 * Verifies what can be verified and returns one result per such entry, in entry order:
 * - file:// destinations under `dir` (default `.`, like oc),
 * - file:// sources under `fromDir` when it is set,
 * - registry destinations when `registries` is true.
 * An entry checked on both sides gets one merged result. Entries with nothing checkable
 * (s3:// destinations, registry destinations with `registries: false`) get NO result: the
 * caller keeps oc's own verdict for them.
 */
async function verifyEntries(entries, opts) {
    const [dest, src, reg] = await Promise.all([
        verifyFileEntries(entries, opts.dir ?? '.', { digest: opts.digest, side: 'destination' }),
        opts.fromDir !== undefined
            ? verifyFileEntries(entries, opts.fromDir, { digest: opts.digest, side: 'source' })
            : Promise.resolve([]),
        opts.registries
            ? verifyRegistryEntries(entries, {
                ...opts.network,
                insecure: opts.insecure,
                digest: opts.digest,
                ...(opts.authFile !== undefined ? { authFile: opts.authFile } : {})
            })
            : Promise.resolve([])
    ]);
    const merged = new Map();
    const byId = new Map(entries.map((e) => [e.id, e]));
    // Source findings say which side they are about; destination findings are the default.
    const tagSource = (id, p) => ({
        ...p,
        message: `source ${byId.get(id)?.source.raw ?? ''}: ${p.message}`
    });
    for (const [results, isSource] of [
        [src, true],
        [dest, false],
        [reg, false]
    ]) {
        for (const r of results) {
            const m = merged.get(r.entryId) ?? { problems: [], warnings: [], resolved: [] };
            m.problems.push(...(isSource ? r.problems.map((p) => tagSource(r.entryId, p)) : r.problems));
            if (r.resolved && !isSource)
                m.resolved.push(...r.resolved);
            m.warnings.push(...(isSource ? (r.warnings ?? []).map((p) => tagSource(r.entryId, p)) : (r.warnings ?? [])));
            if (!isSource && r.tree !== undefined)
                m.tree = r.tree;
            merged.set(r.entryId, m);
        }
    }
    return entries
        .filter((e) => merged.has(e.id))
        .map((e) => {
        const m = merged.get(e.id);
        return {
            entryId: e.id,
            complete: m.problems.length === 0,
            problems: m.problems,
            ...(m.warnings.length > 0 ? { warnings: m.warnings } : {}),
            ...(m.resolved.length > 0 ? { resolved: m.resolved } : {}),
            ...(m.tree !== undefined ? { tree: m.tree } : {})
        };
    });
}

;// CONCATENATED MODULE: ./src/run/secrets.ts
// Registry credentials: every secret value is masked before anything could print it, secret
// content goes to a private (0600) temp file, and the file is removed after the run (and by the
// post step when main was killed).



/** Keys of a docker/podman auth file whose values are credentials. */
const SECRET_KEYS = new Set(['auth', 'password', 'identitytoken', 'registrytoken']);
/**
 * Every credential in an auth file's JSON: the values of `auth`, `password`, `identitytoken`,
 * `registrytoken` at any depth, plus the password half of a base64 `auth` (`user:password`),
 * which a tool may print decoded.
 */
function secretValues(json) {
    let parsed;
    try {
        parsed = JSON.parse(json);
    }
    catch {
        return [];
    }
    const out = new Set();
    const walk = (node) => {
        if (Array.isArray(node)) {
            for (const n of node)
                walk(n);
            return;
        }
        if (typeof node !== 'object' || node === null)
            return;
        for (const [k, v] of Object.entries(node)) {
            if (typeof v === 'string' && SECRET_KEYS.has(k.toLowerCase())) {
                if (v.trim() !== '')
                    out.add(v);
                if (k.toLowerCase() === 'auth') {
                    const decoded = Buffer.from(v, 'base64').toString('utf8');
                    const colon = decoded.indexOf(':');
                    if (colon > 0 && colon < decoded.length - 1) {
                        out.add(decoded);
                        out.add(decoded.slice(colon + 1));
                    }
                }
            }
            else
                walk(v);
        }
    };
    walk(parsed);
    return [...out];
}
/**
 * What to mask for a secret document: the whole text, each of its non-trivial lines (the
 * runner masks a multi-line secret only line by line) and each credential value inside.
 */
function masksFor(content) {
    const out = new Set();
    if (content.trim() !== '')
        out.add(content);
    for (const line of content.split(/\r?\n/)) {
        const t = line.trim();
        // Lines like `{` or `},` are structure, not secrets; masking them would garble the log.
        if (t.length >= 8)
            out.add(t);
    }
    for (const v of secretValues(content))
        out.add(v);
    return [...out];
}
/** Writes registry-auth content to a 0600 file in `dir`; returns its path. */
function writeAuthFile(dir, content) {
    const path = join(dir, 'registry-auth.json');
    writeFileSync(path, content, { mode: 0o600 });
    return path;
}
/** Masks the credentials inside an existing auth file (registry-config input). */
function masksForFile(path) {
    if (!existsSync(path))
        return [];
    try {
        return secretValues(readFileSync(path, 'utf8'));
    }
    catch {
        return [];
    }
}
/**
 * Replaces every secret value (and its base64, URL and JSON spellings) in a line with `***`:
 * see Redactor. Applied to tool output before it is written to the log files, echoed or
 * triaged: the runner masks the job log, nothing masks the log artifact, the report or the
 * retry mapping.
 */
function redactor(values) {
    return new Redactor(values).text;
}
function removeFiles(paths) {
    for (const p of paths)
        rmSync(p, { force: true });
}

;// CONCATENATED MODULE: ./src/cli/verify.ts
// `mirror-guard verify`: prove that every mapping line really landed (file:// trees on disk,
// registries over the HTTP API), instead of trusting oc's success lines.










const VERIFY_HELP = `Usage: mirror-guard verify -f MAPPING [-f MAPPING…] [--dir DIR] [--from-dir DIR] [--digest]
                           [--registry-config FILE] [--insecure] [--json FILE]

Checks that what each mapping line should have mirrored is really there — not just its
manifest. oc 4.13 and older can write a manifest to a file:// mirror, print its success
line, and still be missing a layer (a failed download, e.g. after HTTP 429); later runs
without --force never repair it. verify finds such holes and names the missing blob.

What is checked, per mapping line:
  file:// destination  under --dir: the tag symlink  v2/<repo>/manifests/<tag>, the manifest
                       it points to, for a manifest list every child, and every config and
                       layer blob in v2/<repo>/blobs/. Leftover *.download files (unfinished
                       writes) are reported too.
  registry destination over the Registry HTTP API v2: the manifest by tag (or digest), every
                       child of a list, and a HEAD request for every config and layer blob.
  file:// source       only with --from-dir: the image a push from that directory will read.
  s3:// destination    cannot be checked here; shown as "not checked".

Options:
  -f, --filename MAPPING     a mapping file as given to oc image mirror -f (repeat for several)
  --dir DIR                  oc's --dir: root of file:// destinations (default: current directory)
  --from-dir DIR             oc's --from-dir: also check file:// sources under DIR
  --digest                   also check sizes and sha256 of every blob (reads all data; slow)
  -a, --registry-config FILE registry credentials (docker config.json or podman auth.json)
  --insecure                 registries may use plain http or self-signed certificates
  --json FILE                write the result as JSON (- for stdout)
  -h, --help                 this text

Exit status: 0 every line complete, 1 something missing (or not checkable),
             2 bad arguments, unreadable or invalid mapping file.

Example:
  oc image mirror -f mapping.txt --dir /mirror --continue-on-error
  mirror-guard verify -f mapping.txt --dir /mirror
`;
function verify_parse(args) {
    const values = parseFlags(args, {
        filename: { type: 'string', short: 'f', multiple: true },
        dir: { type: 'string' },
        'from-dir': { type: 'string' },
        digest: { type: 'boolean' },
        'registry-config': { type: 'string', short: 'a' },
        insecure: { type: 'boolean' },
        json: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
    });
    if (values.help)
        return 'help';
    if (!values.filename?.length) {
        throw new UsageError('missing -f MAPPING (the mapping file given to oc image mirror)');
    }
    for (const [flag, v] of [
        ['--dir', values.dir],
        ['--from-dir', values['from-dir']],
        ['--registry-config', values['registry-config']],
        ['--json', values.json]
    ]) {
        if (v === '')
            throw new UsageError(`${flag} needs a value`);
    }
    return {
        mappings: values.filename,
        ...(values.dir !== undefined ? { dir: values.dir } : {}),
        ...(values['from-dir'] !== undefined ? { fromDir: values['from-dir'] } : {}),
        digest: values.digest ?? false,
        ...(values['registry-config'] !== undefined ? { authFile: values['registry-config'] } : {}),
        insecure: values.insecure ?? false,
        ...(values.json !== undefined ? { json: values.json } : {})
    };
}
const NOT_CHECKED = 's3:// destinations cannot be checked by mirror-guard; rely on oc or check the bucket';
function buildVerifyReport(entries, results) {
    const byId = new Map(results.map((r) => [r.entryId, r]));
    const lines = entries.map((e) => {
        const r = byId.get(e.id);
        return {
            file: e.file,
            line: e.line,
            source: e.source.raw,
            destination: effectiveDestination(e),
            complete: r?.complete ?? false,
            checked: r !== undefined,
            problems: r?.problems ?? [],
            warnings: r?.warnings ?? []
        };
    });
    return { version: 1, complete: lines.every((l) => l.complete), lines };
}
/** A plain-text table: one row per problem, the line's columns on its first row only. */
function renderVerifyTable(report) {
    const rows = [['STATUS', 'LINE', 'DESTINATION', 'PROBLEM']];
    for (const l of report.lines) {
        const status = !l.checked ? 'not checked' : l.complete ? 'complete' : 'INCOMPLETE';
        const notes = !l.checked
            ? [NOT_CHECKED]
            : [
                ...l.problems.map((p) => `${p.kind}: ${p.message}`),
                ...l.warnings.map((w) => `warning ${w.kind}: ${w.message}`)
            ];
        const first = notes.shift() ?? '';
        rows.push([status, `${l.file}:${l.line}`, l.destination, first].map((c) => text_oneLine(c, 2000)));
        for (const n of notes)
            rows.push(['', '', '', text_oneLine(n, 2000)]);
    }
    const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
    const text = rows
        .map((r) => r
        .map((c, i) => (i < 3 ? c.padEnd(width[i]) : c))
        .join('  ')
        .trimEnd())
        .join('\n');
    const complete = report.lines.filter((l) => l.complete).length;
    const unchecked = report.lines.filter((l) => !l.checked).length;
    const incomplete = report.lines.length - complete - unchecked;
    const summary = `${complete} of ${report.lines.length} mapping entr${report.lines.length === 1 ? 'y' : 'ies'} complete` +
        (incomplete ? `, ${incomplete} incomplete` : '') +
        (unchecked ? `, ${unchecked} not checked` : '');
    return `${text}\n\n${summary}\n`;
}
async function verifyCommand(args, given) {
    // Everything printed or written passes the redactor: registries echo credentials in errors.
    const redaction = new redact_Redactor();
    const io = {
        ...given,
        out: (s) => given.out(redaction.text(s)),
        err: (s) => given.err(redaction.text(s))
    };
    const usage = (message) => {
        io.err(`mirror-guard verify: ${text_oneLine(message, 2000)}\nRun "mirror-guard verify --help" for usage.\n`);
        return EXIT_USAGE;
    };
    let opts;
    try {
        opts = verify_parse(args);
    }
    catch (e) {
        return usage(e.message);
    }
    if (opts === 'help') {
        io.out(VERIFY_HELP);
        return EXIT_OK;
    }
    const cwd = io.cwd ?? process.cwd();
    const { set } = await loadMappingFiles(opts.mappings, cwd);
    for (const f of set.findings)
        io.err(text_oneLine(describeFinding(f), 2000) + '\n');
    const errors = set.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
        return usage(`${errors.length} error(s) in the mapping (see above); fix them first`);
    }
    if (set.entries.length === 0)
        return usage('the mapping holds no SRC=DST line');
    const authFile = opts.authFile !== undefined ? (0,external_node_path_namespaceObject.resolve)(cwd, opts.authFile) : undefined;
    if (authFile !== undefined) {
        try {
            redaction.add(...(await RegistryConfig.load(authFile)).secrets());
            redaction.add(...secretValues(await (0,promises_namespaceObject.readFile)(authFile, 'utf8')));
        }
        catch (e) {
            return usage(e.message);
        }
    }
    // Paths in messages read best as the user gave them: relative to where they run the command.
    const shown = (p) => {
        const abs = (0,external_node_path_namespaceObject.resolve)(cwd, p);
        const rel = (0,external_node_path_namespaceObject.relative)(process.cwd(), abs);
        return rel === '' ? '.' : rel.startsWith('..') || (0,external_node_path_namespaceObject.isAbsolute)(rel) ? abs : rel;
    };
    const results = await verifyEntries(set.entries, {
        dir: shown(opts.dir ?? '.'),
        ...(opts.fromDir !== undefined ? { fromDir: shown(opts.fromDir) } : {}),
        digest: opts.digest,
        ...(authFile !== undefined ? { authFile } : {}),
        insecure: opts.insecure,
        registries: true,
        network: {
            onSecret: (v) => redaction.add(v),
            ...(io.signal ? { signal: io.signal } : {})
        }
    });
    const report = redaction.deep(buildVerifyReport(set.entries, results));
    if (opts.json === '-') {
        io.out(JSON.stringify(report, null, 2) + '\n');
    }
    else {
        io.out(renderVerifyTable(report));
        if (opts.json !== undefined) {
            const target = (0,external_node_path_namespaceObject.resolve)(cwd, opts.json);
            try {
                await (0,promises_namespaceObject.writeFile)(target, JSON.stringify(report, null, 2) + '\n');
            }
            catch (e) {
                io.err(`mirror-guard verify: cannot write ${target}: ${e.message}\n`);
                return EXIT_USAGE;
            }
        }
    }
    return report.complete ? EXIT_OK : EXIT_FAILED;
}

;// CONCATENATED MODULE: ./src/core/shard-plan.ts
// Splitting a mapping into N shards for a job matrix: which entries shard I of N mirrors.
//
// The algorithm (documented in README "Shards"; change it only with a major version, since
// shards of one run must agree on it):
// 1. Entries are grouped so that a group is never split: entries with the same destination
//    repository (repoKey: a file:// repository by its directory on disk, a registry host
//    case-insensitively) and the entries of one physical line (a fan-out `SRC D1 D2`) are in
//    one group, transitively. Layers of one repository are then pushed by one shard only.
// 2. A group's weight is its number of entries; its key is the smallest repository key in it.
// 3. Groups are sorted by weight (largest first), then key; each goes to the least-loaded
//    shard, ties to the lowest index (longest-processing-time-first greedy).
// The split depends only on the entries (their destinations and lines) and N: the same files
// and N always give the same split, whatever machine computes it.

const MAX_SHARDS = 256;
/** `I/N` with 1 ≤ I ≤ N ≤ 256; the error says what is wrong with `text`. */
function parseShardSpec(text) {
    const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
    if (!m)
        return { error: `${JSON.stringify(text)} is not of the form I/N (e.g. 2/8)` };
    const index = Number(m[1]);
    const count = Number(m[2]);
    if (count < 1 || count > MAX_SHARDS) {
        return { error: `${JSON.stringify(text)}: the shard count must be from 1 to ${MAX_SHARDS}` };
    }
    if (index < 1 || index > count) {
        return { error: `${JSON.stringify(text)}: the shard index must be from 1 to ${count}` };
    }
    return { spec: { index, count } };
}
/** Union-find over entry positions, by path halving. */
function root(parent, i) {
    while (parent[i] !== i) {
        const p = parent[parent[i]];
        parent[i] = p;
        i = p;
    }
    return i;
}
/** The split of `entries` into `count` shards (see the algorithm above). */
function planShards(entries, count) {
    if (!Number.isInteger(count) || count < 1 || count > MAX_SHARDS) {
        throw new RangeError(`shard count ${count} is not from 1 to ${MAX_SHARDS}`);
    }
    const parent = entries.map((_, i) => i);
    const keys = entries.map((e) => repoKey(e.destination.printed));
    const firstOf = new Map();
    const union = (a, b) => {
        const ra = root(parent, a);
        const rb = root(parent, b);
        if (ra !== rb)
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
    };
    entries.forEach((e, i) => {
        for (const k of [`r\u0000${keys[i]}`, `l\u0000${e.file}\u0000${e.line}`]) {
            const first = firstOf.get(k);
            if (first === undefined)
                firstOf.set(k, i);
            else
                union(first, i);
        }
    });
    const groups = new Map();
    entries.forEach((_, i) => {
        const r = root(parent, i);
        const key = keys[i];
        const g = groups.get(r);
        if (!g)
            groups.set(r, { key, members: [i], repos: new Set([key]) });
        else {
            g.members.push(i);
            g.repos.add(key);
            if (key < g.key)
                g.key = key;
        }
    });
    const ordered = [...groups.values()].sort((a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const load = new Array(count).fill(0);
    const repositories = new Array(count).fill(0);
    const shardOfPos = new Array(entries.length).fill(0);
    for (const g of ordered) {
        let best = 0;
        for (let s = 1; s < count; s++)
            if (load[s] < load[best])
                best = s;
        load[best] = load[best] + g.members.length;
        repositories[best] = repositories[best] + g.repos.size;
        for (const i of g.members)
            shardOfPos[i] = best;
    }
    const shards = Array.from({ length: count }, () => []);
    const shardOf = new Map();
    entries.forEach((e, i) => {
        const s = shardOfPos[i];
        shards[s].push(e.id);
        shardOf.set(e.id, s + 1);
    });
    return { count, shards, shardOf, repositories };
}
/** The entries of shard `spec.index` of `spec.count`, in mapping order. */
function shardEntries(entries, spec) {
    const plan = planShards(entries, spec.count);
    const ids = new Set(plan.shards[spec.index - 1]);
    return entries.filter((e) => ids.has(e.id));
}
/**
 * A mapping file of one shard's entries for `oc image mirror -f`: each physical line verbatim
 * (a shard always holds whole lines), in mapping order, after a `# <header>` comment and a
 * `# from <file>` comment where the file changes.
 */
function renderShardMapping(entries, header) {
    const out = [`# ${header}`];
    let file;
    let last = '';
    for (const e of entries) {
        const k = `${e.file}\u0000${e.line}`;
        if (k === last)
            continue;
        last = k;
        if (e.file !== file) {
            file = e.file;
            out.push(`# from ${file}`);
        }
        out.push(e.text.replace(/[\r\n]+$/, ''));
    }
    return out.join('\n') + '\n';
}
/** The artifact name of one shard: `<name>-<I>-of-<N>`, so a matrix's uploads never collide. */
const shardArtifactName = (name, spec) => `${name}-${spec.index}-of-${spec.count}`;

;// CONCATENATED MODULE: ./src/core/shard-merge.ts
// Shard reports → one report and one retry mapping, as if one job had mirrored the whole
// mapping. Used by `mirror-guard merge` (and meant for the action's aggregate job). Every line
// not confirmed by a report — also every line of a shard that reported nothing, when the
// mapping is given — is failed `unconfirmed` and lands in the retry mapping: nothing is lost.




function mappingDigests(files) {
    return files.map((f) => ({
        file: f.file,
        sha256: (0,external_node_crypto_namespaceObject.createHash)('sha256').update(f.text).digest('hex')
    }));
}
const shard_merge_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function parseReport(input) {
    const j = input.json;
    if (!shard_merge_isObject(j) || j['version'] !== 1 || !Array.isArray(j['lines'])) {
        return `${input.name}: not a mirror-guard report (no "version": 1 with "lines")`;
    }
    if (shard_merge_isObject(j['merged']))
        return `${input.name}: is a merged report already; merge shard reports`;
    const lines = [];
    for (const [i, l] of j['lines'].entries()) {
        if (!shard_merge_isObject(l) ||
            typeof l['file'] !== 'string' ||
            typeof l['line'] !== 'number' ||
            typeof l['source'] !== 'string' ||
            typeof l['destination'] !== 'string' ||
            (l['status'] !== 'mirrored' && l['status'] !== 'failed')) {
            return `${input.name}: lines[${i}] is not a report line (file, line, source, destination, status)`;
        }
        // They become retry mapping lines: one token each, nothing that could start another line.
        if (/\s/.test(l['source']) || /\s/.test(l['destination'])) {
            return `${input.name}: lines[${i}] has white space in its source or destination`;
        }
        lines.push(l);
    }
    let shard = { index: 1, count: 1 };
    const s = j['shard'];
    if (s !== undefined) {
        const index = shard_merge_isObject(s) ? s['index'] : undefined;
        const count = shard_merge_isObject(s) ? s['count'] : undefined;
        if (typeof index !== 'number' ||
            typeof count !== 'number' ||
            !Number.isInteger(index) ||
            !Number.isInteger(count) ||
            index < 1 ||
            index > count) {
            return `${input.name}: "shard" is not {"index": I, "count": N} with 1 ≤ I ≤ N`;
        }
        shard = { index, count };
    }
    const mapping = j['mapping'];
    const rawFiles = shard_merge_isObject(mapping) ? mapping['files'] : undefined;
    const files = Array.isArray(rawFiles)
        ? rawFiles.filter((f) => shard_merge_isObject(f) && typeof f['file'] === 'string' && typeof f['sha256'] === 'string')
        : undefined;
    const run = shard_merge_isObject(j['run']) ? j['run'] : {};
    const attempts = Array.isArray(run['attempts']) ? run['attempts'] : [];
    const times = attempts
        .filter(shard_merge_isObject)
        .flatMap((a) => [Date.parse(String(a['startedAt'])), Date.parse(String(a['endedAt']))])
        .filter((t) => Number.isFinite(t));
    return {
        name: input.name,
        shard,
        lines,
        ...(files !== undefined ? { files } : {}),
        runLevel: Array.isArray(j['runLevel']) ? j['runLevel'] : [],
        attempts: attempts.length,
        ...(times.length > 0
            ? { durationSeconds: Math.round((Math.max(...times) - Math.min(...times)) / 1000) }
            : {}),
        ...(typeof run['outcome'] === 'string' ? { outcome: run['outcome'] } : {})
    };
}
const describeFiles = (files) => files.map((f) => `${f.file} (sha256 ${f.sha256.slice(0, 12)})`).join(', ');
const sameFiles = (a, b) => a.length === b.length && a.every((f, i) => f.sha256 === b[i]?.sha256);
/** Merges shard reports; with `mapping`, lines no report holds are failed `unconfirmed`. */
function mergeShardReports(inputs, mapping) {
    const errors = [];
    const reports = [];
    for (const input of inputs) {
        const r = parseReport(input);
        if (typeof r === 'string')
            errors.push(r);
        else
            reports.push(r);
    }
    if (errors.length > 0)
        return { ok: false, errors };
    if (reports.length === 0)
        return { ok: false, errors: ['no report to merge'] };
    // One split: the same N, each index once, the same mapping files.
    const first = reports[0];
    const count = first.shard.count;
    const byIndex = new Map();
    for (const r of reports) {
        if (r.shard.count !== count) {
            errors.push(`${r.name} is shard ${r.shard.index}/${r.shard.count} but ${first.name} is shard ${first.shard.index}/${count}: shards of different splits overlap and cannot be merged`);
            continue;
        }
        const twin = byIndex.get(r.shard.index);
        if (twin)
            errors.push(`${twin.name} and ${r.name} are both shard ${r.shard.index}/${count}`);
        else
            byIndex.set(r.shard.index, r);
        const ref = mapping?.files ?? reports.find((x) => x.files !== undefined)?.files;
        if (r.files !== undefined && ref !== undefined && !sameFiles(r.files, ref)) {
            errors.push(`${r.name} was made from other mapping files: ${describeFiles(r.files)}, not ${describeFiles(ref)}`);
        }
    }
    if (errors.length > 0)
        return { ok: false, errors };
    return mapping
        ? mergeWithMapping(reports, count, mapping)
        : mergeReportsOnly(reports, count, byIndex);
}
const lineKey = (file, line, destination) => `${file}\u0000${line}\u0000${destination}`;
function mergeWithMapping(reports, count, mapping) {
    const errors = [];
    const { set } = mapping;
    const plan = planShards(set.entries, count);
    const entryByKey = new Map(set.entries.map((e) => [lineKey(e.file, e.line, effectiveDestination(e)), e]));
    const fileNames = set.entries.length > 0 ? [...new Set(set.entries.map((e) => e.file))] : [];
    const reported = new Map();
    for (const r of reports) {
        // A report names files as its job saw them; map them to ours by position when it lists them.
        const rename = new Map(r.files?.map((f, i) => [f.file, mapping.files[i]?.file ?? f.file]));
        for (const l of r.lines) {
            const file = rename.get(l.file) ?? l.file;
            const entry = entryByKey.get(lineKey(file, l.line, l.destination));
            if (!entry || entry.source.raw !== l.source) {
                errors.push(`${r.name}: ${l.file}:${l.line} (${l.source} -> ${l.destination}) is not a line of ${fileNames.join(', ') || 'the given mapping'}`);
                continue;
            }
            const twin = reported.get(entry.id);
            if (twin) {
                errors.push(`${file}:${l.line} is in both ${twin.report.name} and ${r.name}`);
                continue;
            }
            const planned = plan.shardOf.get(entry.id);
            if (planned !== r.shard.index) {
                errors.push(`${r.name}: ${file}:${l.line} belongs to shard ${planned ?? '?'}/${count} of this mapping, not ${r.shard.index}/${count} (other mapping files or another split)`);
                continue;
            }
            reported.set(entry.id, { line: { ...l, file }, report: r });
        }
        if (errors.length >= 20)
            break;
    }
    if (errors.length > 0)
        return { ok: false, errors };
    const lines = [];
    const verdicts = [];
    for (const e of set.entries) {
        const got = reported.get(e.id);
        const shard = plan.shardOf.get(e.id) ?? 0;
        const line = got
            ? got.line
            : {
                file: e.file,
                line: e.line,
                source: e.source.raw,
                destination: effectiveDestination(e),
                status: 'failed',
                classes: ['unconfirmed'],
                reasons: [
                    reports.some((r) => r.shard.index === shard)
                        ? `not in the report of shard ${shard}/${count}`
                        : `shard ${shard}/${count} sent no report`
                ],
                evidence: [],
                retryable: true
            };
        lines.push(line);
        verdicts.push({
            entryId: e.id,
            status: line.status,
            classes: line.classes,
            reasons: line.reasons,
            evidence: line.evidence,
            retryable: line.retryable
        });
    }
    const rows = shardRows(reports, count, (index) => plan.shards[index - 1]?.length);
    const report = assemble(lines, reports, count, rows);
    return {
        ok: true,
        report,
        retryMapping: renderRetryMapping(set, verdicts),
        notes: rows
            .filter((r) => r.report === undefined)
            .map((r) => `shard ${r.index}/${count} sent no report: its ${r.entries ?? 0} line(s) are unconfirmed and in the retry mapping`),
        complete: report.stats.failed === 0
    };
}
function mergeReportsOnly(reports, count, byIndex) {
    const seen = new Map();
    const errors = [];
    for (const r of reports) {
        for (const l of r.lines) {
            const k = lineKey(l.file, l.line, l.destination);
            const twin = seen.get(k);
            if (twin)
                errors.push(`${l.file}:${l.line} is in both ${twin.name} and ${r.name}`);
            else
                seen.set(k, r);
        }
    }
    if (errors.length > 0)
        return { ok: false, errors: errors.slice(0, 20) };
    const fileOrder = new Map();
    for (const r of [...reports].sort((a, b) => a.shard.index - b.shard.index)) {
        for (const l of r.lines)
            if (!fileOrder.has(l.file))
                fileOrder.set(l.file, fileOrder.size);
    }
    const lines = reports
        .flatMap((r) => r.lines)
        .sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
        a.line - b.line ||
        (a.destination < b.destination ? -1 : 1));
    const rows = shardRows(reports, count, () => undefined);
    const missing = rows.filter((r) => !byIndex.has(r.index));
    const report = assemble(lines, reports, count, rows);
    return {
        ok: true,
        report,
        retryMapping: renderReportRetryMapping(lines),
        notes: missing.map((r) => `shard ${r.index}/${count} sent no report; without the mapping (-f) its lines are unknown and NOT in the retry mapping`),
        complete: report.stats.failed === 0 && missing.length === 0
    };
}
function shardRows(reports, count, plannedEntries) {
    const byIndex = new Map(reports.map((r) => [r.shard.index, r]));
    return Array.from({ length: count }, (_, i) => {
        const index = i + 1;
        const r = byIndex.get(index);
        const planned = plannedEntries(index);
        if (!r) {
            return {
                index,
                count,
                ...(planned !== undefined ? { entries: planned } : {}),
                mirrored: 0,
                failed: planned ?? 0,
                attempts: 0
            };
        }
        const mirrored = r.lines.filter((l) => l.status === 'mirrored').length;
        return {
            index,
            count,
            report: r.name,
            entries: r.lines.length,
            mirrored,
            failed: r.lines.length - mirrored,
            attempts: r.attempts,
            ...(r.durationSeconds !== undefined ? { durationSeconds: r.durationSeconds } : {}),
            ...(r.outcome !== undefined ? { outcome: r.outcome } : {})
        };
    });
}
function assemble(lines, reports, count, shards) {
    const counts = {};
    const failed = lines.filter((l) => l.status === 'failed');
    for (const l of failed)
        for (const c of l.classes)
            counts[c] = (counts[c] ?? 0) + 1;
    return {
        version: 1,
        merged: { count, shards },
        lines,
        counts,
        runLevel: [...reports]
            .sort((a, b) => a.shard.index - b.shard.index)
            .flatMap((r) => r.runLevel.map((f) => ({ ...f, shard: r.shard.index }))),
        stats: {
            entries: lines.length,
            mirrored: lines.length - failed.length,
            failed: failed.length,
            retryable: failed.filter((l) => l.retryable).length,
            permanent: failed.filter((l) => !l.retryable).length,
            recovered: lines.filter((l) => l.recoveredAfter !== undefined).length,
            missingShards: shards.filter((s) => s.report === undefined).length
        }
    };
}
/** Without the mapping files: `SRC=DST` per failed report line, after its origin comment. */
function renderReportRetryMapping(lines) {
    const failed = lines.filter((l) => l.status === 'failed');
    if (failed.length === 0)
        return '';
    const out = [
        `# mirror-guard retry mapping: ${failed.length} mapping entr${failed.length === 1 ? 'y' : 'ies'} not mirrored.`,
        '# Feed it back unchanged: oc image mirror -f <this file> …  (lines starting with # are comments to oc)'
    ];
    for (const l of failed) {
        const reason = (l.reasons[0] ?? 'not mirrored')
            // eslint-disable-next-line no-control-regex -- a comment must stay one printable line
            .replace(/[\x00-\x1f\x7f\s]+/g, ' ')
            .slice(0, 300);
        out.push(`# ${l.file}:${l.line} ${l.classes.join(',')}: ${reason}`);
        out.push(`${l.source}=${l.destination}`);
    }
    return out.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/cli/operands.ts
// Flags plus operands (`mirror-guard merge … REPORT…`): the same strict parser as parseFlags in
// io.ts, with positional arguments allowed; any problem becomes a UsageError.


function parseFlagsAndOperands(args, options) {
    try {
        const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({
            args,
            options,
            strict: true,
            allowPositionals: true
        });
        return { values, operands: positionals };
    }
    catch (e) {
        throw new UsageError(e.message);
    }
}

;// CONCATENATED MODULE: ./src/cli/merge.ts
// `mirror-guard merge`: shard reports (report.json of each `shard: I/N` job) → one report, one
// table and one retry mapping, as if a single job had mirrored the whole mapping.







const MERGE_HELP = `Usage: mirror-guard merge [--json FILE] [--retry-out FILE] [-f MAPPING…] REPORT…

Merges the JSON reports of the shards of one mapping (the report.json of each job run with
\`shard: I/N\`) into one verdict, as if one job had mirrored every line.

  -f, --filename M   the mapping file(s) the shards were cut from (repeat, same order as the
                     action's mapping input). With it, every line no report holds — all the
                     lines of a shard that reported nothing — is failed "unconfirmed" and goes
                     into the retry mapping, and each report is checked against the mapping.
  --retry-out FILE   where to write the retry mapping (default: mirror-guard-retry.txt).
  --json FILE        write the merged JSON report (- for stdout).
  -q, --quiet        print only the summary line.
  -h, --help         this text.

Exit status: 0 every line mirrored, 1 some lines not mirrored (or a shard missing),
2 bad arguments or input (reports of other mapping files, overlapping shards, …).

Example:
  mirror-guard merge -f mapping.txt shard-*/report.json
  oc image mirror -f mirror-guard-retry.txt --force --continue-on-error
`;
async function mergeCommand(args, io) {
    try {
        const { values, operands } = parseFlagsAndOperands(args, {
            filename: { type: 'string', short: 'f', multiple: true },
            'retry-out': { type: 'string' },
            json: { type: 'string' },
            quiet: { type: 'boolean', short: 'q' },
            help: { type: 'boolean', short: 'h' }
        });
        if (values.help) {
            io.out(MERGE_HELP);
            return EXIT_OK;
        }
        if (operands.length === 0)
            throw new UsageError('missing REPORT (the shard reports to merge)');
        return await merge({
            reports: operands,
            mappings: values.filename ?? [],
            retryOut: values['retry-out'] ?? 'mirror-guard-retry.txt',
            ...(values.json !== undefined ? { json: values.json } : {}),
            quiet: values.quiet ?? false
        }, io);
    }
    catch (e) {
        if (!(e instanceof UsageError))
            throw e;
        io.err(`mirror-guard merge: ${e.message}\nRun "mirror-guard merge --help" for usage.\n`);
        return EXIT_USAGE;
    }
}
async function readReport(path, cwd) {
    let text;
    try {
        text = await (0,promises_namespaceObject.readFile)((0,external_node_path_namespaceObject.resolve)(cwd, path), 'utf8');
    }
    catch (e) {
        throw new UsageError(`${path}: ${e.code ?? e.message}`);
    }
    try {
        return { name: path, json: JSON.parse(text) };
    }
    catch (e) {
        throw new UsageError(`${path}: not JSON (${e.message})`);
    }
}
async function merge(opts, cli) {
    const io = opts.json === '-' ? { ...cli, out: cli.err } : cli;
    const inputs = await Promise.all(opts.reports.map((r) => readReport(r, io.cwd)));
    let mapping;
    if (opts.mappings.length > 0) {
        const { set, texts } = await loadMappingFiles(opts.mappings, io.cwd);
        const errors = set.findings.filter((f) => f.severity === 'error');
        if (errors.length > 0) {
            for (const f of errors)
                io.err(describeFinding(f) + '\n');
            throw new UsageError(`${errors.length} error(s) in the mapping`);
        }
        mapping = {
            set,
            files: mappingDigests(opts.mappings.map((file) => ({ file, text: texts.get(file) ?? '' })))
        };
    }
    const result = mergeShardReports(inputs, mapping);
    if (!result.ok) {
        for (const e of result.errors)
            io.err(`mirror-guard merge: ${e}\n`);
        return EXIT_USAGE;
    }
    const { report } = result;
    const s = report.stats;
    if (opts.quiet) {
        io.out(`${s.mirrored} of ${s.entries} mapping entries mirrored, ${s.failed} not` +
            (s.missingShards ? `; ${s.missingShards} shard(s) sent no report` : '') +
            '\n');
    }
    else {
        io.out(renderShardTable(report) + '\n');
        io.out(renderTable(asTriageReport(report)));
    }
    for (const n of result.notes)
        io.err(`warning: ${n}\n`);
    if (opts.json !== undefined) {
        const text = JSON.stringify(report, null, 2) + '\n';
        if (opts.json === '-')
            cli.out(text);
        else
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(io.cwd, opts.json), text);
    }
    if (result.retryMapping !== '') {
        await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(io.cwd, opts.retryOut), result.retryMapping);
        io.out(`retry mapping: ${opts.retryOut} (${s.failed} entr${s.failed === 1 ? 'y' : 'ies'}); ` +
            `rerun with: oc image mirror -f ${opts.retryOut} --force …\n`);
    }
    else if (!opts.quiet && result.complete)
        io.out('nothing to retry: every line was mirrored\n');
    return result.complete ? EXIT_OK : EXIT_FAILED;
}
/** The merged report in the shape renderTable reads. */
function asTriageReport(m) {
    return {
        version: 1,
        lines: m.lines,
        counts: m.counts,
        runLevel: m.runLevel,
        findings: [],
        stats: {
            ...m.stats,
            runLevelErrors: m.runLevel.filter((f) => f.severity === 'error').length,
            attempts: Math.max(0, ...m.merged.shards.map((r) => r.attempts))
        },
        attempts: []
    };
}
const duration = (seconds) => seconds === undefined
    ? '-'
    : seconds < 60
        ? `${seconds}s`
        : seconds < 3600
            ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`
            : `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
/** One row per shard, at most 80 columns (long report paths are shortened from the left). */
function renderShardTable(m) {
    const head = ['SHARD', 'LINES', 'MIRRORED', 'FAILED', 'ATTEMPTS', 'TIME', 'REPORT'];
    const rows = m.merged.shards.map((r) => [
        `${r.index}/${r.count}`,
        r.entries === undefined ? '?' : String(r.entries),
        String(r.mirrored),
        String(r.failed),
        r.report === undefined ? '-' : String(r.attempts),
        duration(r.durationSeconds),
        r.report ?? '(no report)'
    ]);
    const widths = head
        .slice(0, -1)
        .map((h, i) => Math.max(h.length, ...rows.map((c) => c[i].length)));
    const room = Math.max(12, 80 - widths.reduce((a, w) => a + w + 2, 0));
    const fmt = (c) => c
        .map((v, i) => {
        if (i === c.length - 1)
            return v.length > room ? '…' + v.slice(v.length - room + 1) : v;
        return i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]);
    })
        .join('  ');
    return [fmt(head), ...rows.map(fmt)].join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/cli/shard.ts
// `mirror-guard shard`: the split the action's `shard: I/N` uses, for people and plain oc: a
// table of the N shards, or one shard's mapping file.





const SHARD_HELP = `Usage: mirror-guard shard -f MAPPING [-f MAPPING…] --count N [--index I [--out FILE]]

Splits the mapping the way the action's \`shard: I/N\` input does: all lines of one destination
repository stay in one shard (file:// repositories by their directory on disk), shards are
balanced by their number of entries, and the same files and N always give the same split.

  -f, --filename M   a mapping file (repeat for several, same order as the action's input)
  --count N          the number of shards, 1 to ${MAX_SHARDS}
  --index I          print (or with --out write) the mapping of shard I only, for
                     \`oc image mirror -f\`; without it, print the split as a table
  --out FILE         where to write shard I's mapping (default: stdout)
  -h, --help         this text

Exit status: 0 done, 2 bad arguments or a mapping with errors.

Example:
  mirror-guard shard -f mapping.txt --count 8
  mirror-guard shard -f mapping.txt --count 8 --index 3 --out shard-3.txt
  oc image mirror -f shard-3.txt --continue-on-error
`;
const wholeNumber = (flag, text, min, max) => {
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
        throw new UsageError(`${flag} ${JSON.stringify(text)} is not a whole number from ${min} to ${max}`);
    }
    return Number(text);
};
async function shardCommand(args, io) {
    try {
        const values = parseFlags(args, {
            filename: { type: 'string', short: 'f', multiple: true },
            count: { type: 'string' },
            index: { type: 'string' },
            out: { type: 'string' },
            help: { type: 'boolean', short: 'h' }
        });
        if (values.help) {
            io.out(SHARD_HELP);
            return EXIT_OK;
        }
        if (!values.filename?.length)
            throw new UsageError('missing -f MAPPING');
        if (values.count === undefined)
            throw new UsageError('missing --count N');
        const count = wholeNumber('--count', values.count, 1, MAX_SHARDS);
        const index = values.index === undefined ? undefined : wholeNumber('--index', values.index, 1, count);
        if (values.out !== undefined && index === undefined) {
            throw new UsageError('--out needs --index I (which shard to write)');
        }
        const { set } = await loadMappingFiles(values.filename, io.cwd);
        const errors = set.findings.filter((f) => f.severity === 'error');
        for (const f of errors)
            io.err(describeFinding(f) + '\n');
        if (errors.length > 0) {
            throw new UsageError(`${errors.length} error(s) in the mapping; oc would refuse it too`);
        }
        const plan = planShards(set.entries, count);
        if (index === undefined) {
            io.out(renderSplit(plan, set.entries.length));
            return EXIT_OK;
        }
        const ids = new Set(plan.shards[index - 1]);
        const entries = set.entries.filter((e) => ids.has(e.id));
        const text = renderShardMapping(entries, `mirror-guard shard ${index} of ${count}: ${entries.length} of ${set.entries.length} mapping entries of ${values.filename.join(', ')}`);
        if (values.out === undefined)
            io.out(text);
        else {
            await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(io.cwd, values.out), text);
            io.err(`shard ${index}/${count}: ${entries.length} mapping entries written to ${values.out}\n`);
        }
        return EXIT_OK;
    }
    catch (e) {
        if (!(e instanceof UsageError))
            throw e;
        io.err(`mirror-guard shard: ${e.message}\nRun "mirror-guard shard --help" for usage.\n`);
        return EXIT_USAGE;
    }
}
/** The split as a table: one row per shard, well within 80 columns. */
function renderSplit(plan, total) {
    const head = ['SHARD', 'ENTRIES', 'SHARE', 'REPOSITORIES'];
    const rows = plan.shards.map((ids, i) => [
        `${i + 1}/${plan.count}`,
        String(ids.length),
        total === 0 ? '-' : `${((100 * ids.length) / total).toFixed(1)}%`,
        String(plan.repositories[i] ?? 0)
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
    const fmt = (c) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
    const sizes = plan.shards.map((s) => s.length);
    const empty = sizes.filter((n) => n === 0).length;
    return ([fmt(head), ...rows.map(fmt)].join('\n') +
        `\n\n${total} mapping entries in ${plan.count} shard(s): largest ${Math.max(...sizes)}, smallest ${Math.min(...sizes)}` +
        (empty > 0 ? `; ${empty} empty (fewer repository groups than shards)` : '') +
        '\n');
}

;// CONCATENATED MODULE: ./src/cli.ts
// The mirror-guard command line: triage a log, verify a mirror, validate a mapping.







const HELP = `mirror-guard — make \`oc image mirror\` failures visible, retryable and provable.

Usage: mirror-guard <command> [options]

Commands:
  triage    read an oc image mirror log: which mapping lines failed and why, plus a retry mapping
  verify    check that a mirror is complete (file:// trees on disk, or registries over HTTP)
  validate  check mapping files for what oc would reject or silently misread (no network)
  shard     split a mapping into N shards (print the split, or write one shard's mapping)
  merge     merge the JSON reports of a mapping's shards: one verdict, one retry mapping

Options:
  -h, --help     this text
  -V, --version  print "mirror-guard <version>"

Run "mirror-guard <command> --help" for the options of a command.

${TRIAGE_HELP.split('\n').slice(-5).join('\n')}`;
/**
 * The version of the installed package. dist/cli.js and src/cli.ts both sit one level below the
 * package root (dist/package.json only sets the module type, hence '..'). `base` is a parameter
 * so the bundler cannot resolve the URL at build time and swap in a copied asset.
 */
function packageVersion(base = import.meta.url) {
    const url = new URL('../package.json', base);
    const pkg = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(url, 'utf8'));
    if (typeof pkg.version !== 'string')
        throw new Error(`${url.pathname} has no "version"`);
    return pkg.version;
}
async function main(argv) {
    const io = {
        out: (s) => void process.stdout.write(s),
        err: (s) => void process.stderr.write(s),
        cwd: process.cwd()
    };
    const [command, ...rest] = argv;
    switch (command) {
        case 'triage':
            return triageCommand(rest, io);
        case 'verify': {
            // A stop ends the registry requests at once; the report of what was checked is printed.
            const stop = new AbortController();
            const onSignal = (sig) => stop.abort(new Error(`received ${sig}`));
            process.once('SIGINT', onSignal);
            process.once('SIGTERM', onSignal);
            try {
                return await verifyCommand(rest, { ...io, signal: stop.signal });
            }
            finally {
                process.off('SIGINT', onSignal);
                process.off('SIGTERM', onSignal);
            }
        }
        case 'validate':
            return validateCommand(rest, io);
        case 'shard':
            return shardCommand(rest, io);
        case 'merge':
            return mergeCommand(rest, io);
        case '-V':
        case '--version':
            io.out(`mirror-guard ${packageVersion()}\n`);
            return EXIT_OK;
        case undefined:
        case '-h':
        case '--help':
        case 'help':
            io.out(HELP);
            return command === undefined ? EXIT_USAGE : EXIT_OK;
        default:
            io.err(`mirror-guard: unknown command "${command}"\n\n${HELP}`);
            return EXIT_USAGE;
    }
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`mirror-guard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
});

