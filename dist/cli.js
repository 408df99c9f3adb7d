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
        meaning: 'The registry failed on its side: a 5xx answer, a dropped upload session, or a blob it acknowledged and then lost.',
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
        meaning: 'An error no retry is expected to fix and no other class fits: named by its reason (a registry refusal, a full disk) or not recognised.',
        whatToDo: 'Act on the reason; for an "unrecognised error" read its text in the log and report it so it can be classified.'
    }
};
const MANIFEST_PUSH = /^unable to push manifest to \S+: /;
/**
 * An HTTP status (`code`: a regex fragment) however it is rendered: oc's `error parsing HTTP
 * <code> response body` and `received unexpected HTTP status: <code>`, skopeo's
 * `StatusCode: <code>` and `invalid status code from registry <code>`.
 */
const httpStatus = (code) => new RegExp(`\\bHTTP ${code} response body|unexpected HTTP status: ${code}\\b|\\bStatusCode: ${code}\\b|registry ${code}\\b`);
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
    /**
     * The ids of `key`. A single id becomes its array on the first get (kept, so a key looked up
     * again allocates nothing): only keys a log names pay for the array.
     */
    get(key) {
        const known = this.map.get(key);
        if (typeof known !== 'number')
            return known;
        const ids = [known];
        this.map.set(key, ids);
        return ids;
    }
    /** The ids of `key` as kept: a single id as a bare number (nothing allocated for it). */
    peek(key) {
        return this.map.get(key);
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
    return everyPart(name, '.', 0, isHostLabel);
}
const isPathComponent = (part) => PATH_COMPONENT.test(part);
/**
 * `ok` holds for every `sep`-separated part of `text` from `from` on. No split array: this runs
 * for both sides of every mapping line.
 */
function everyPart(text, sep, from, ok) {
    for (let start = from;;) {
        const at = text.indexOf(sep, start);
        const end = at < 0 ? text.length : at;
        if (!ok(text.slice(start, end)))
            return false;
        if (at < 0)
            return true;
        start = at + 1;
    }
}
function isValidName(name) {
    const slash = name.indexOf('/');
    const first = slash < 0 ? name : name.slice(0, slash);
    if (!isPathComponent(first) && !(slash >= 0 && isHostname(first)))
        return false;
    return slash < 0 || everyPart(name, '/', slash + 1, isPathComponent);
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
    // Built in place, not from spreads (two per mapping line); the key order is the report's.
    const out = { raw, kind, registry: ref.registry, repository: ref.repository };
    if (tag !== undefined)
        out.tag = tag;
    if (ref.digest !== undefined)
        out.digest = ref.digest;
    // Usually the token's own start (`ns/a` of `ns/a:v1`): then a slice of it, not a concatenation
    // that every later repoKey would flatten into a copy (per mapping line, both sides).
    const printed = prefixOf(kind) + name;
    out.printed = raw.startsWith(printed) ? raw.slice(0, printed.length) : printed;
    out.diskPath = kind === 'file' ? ref.repository : '';
    return out;
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
/** Docker Hub's names: library-go's IsRegistryDockerHub, distribution's legacy domain. */
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/**
 * A registry repository as the registry sees it (docs/oc-behaviour.md §4.6): host lower case,
 * `:443` dropped, no host or a Docker Hub alias → `docker.io`, a one-component Docker Hub
 * repository under `library/`. `registry` is the reference's registry component ('' when it
 * has none). A bare registry (no repository) is returned as given, host lower case.
 */
function canonicalRepository(registry, repository) {
    let host = registry.toLowerCase();
    if (host.endsWith(':443'))
        host = host.slice(0, -':443'.length);
    if (repository === '')
        return { registry: host, repository };
    if (host === '' || DOCKER_HUB_HOSTS.has(host)) {
        return {
            registry: 'docker.io',
            repository: repository.includes('/') ? repository : `library/${repository}`
        };
    }
    return { registry: host, repository };
}
/**
 * Comparison key for a repository as oc prints it. `file://` refs fold to their directory on
 * disk (registry component dropped, docs/oc-behaviour.md §5); s3 hosts compare
 * case-insensitively; registry refs are keyed by `canonicalRepository`, so every spelling of
 * one registry repository (`Quay.io/x`, `quay.io:443/x`; `x`, `docker.io/x`,
 * `index.docker.io/library/x`) has one key.
 */
function repoKey(printed) {
    if (printed.startsWith('file://')) {
        let path = printed.slice('file://'.length);
        if (path.startsWith('/'))
            path = path.slice(1);
        const slash = path.indexOf('/');
        if (slash > 0 && isRegistryComponent(path.slice(0, slash)))
            path = path.slice(slash + 1);
        // Usually already the key: then `printed` itself, not a copy per entry and index.
        return path.length === printed.length - 'file://'.length ? printed : `file://${path}`;
    }
    if (printed.startsWith('s3://')) {
        const path = printed.slice('s3://'.length);
        const slash = path.indexOf('/');
        if (slash <= 0 || !isRegistryComponent(path.slice(0, slash)))
            return printed;
        const host = path.slice(0, slash);
        const lower = host.toLowerCase();
        return lower === host ? printed : `s3://${lower}${path.slice(slash)}`;
    }
    const slash = printed.indexOf('/');
    const hasHost = slash > 0 && isRegistryComponent(printed.slice(0, slash));
    if (!hasHost && slash < 0 && isRegistryComponent(printed)) {
        // A bare registry (oc prints it with a trailing `/`, this is the form without it).
        return printed.toLowerCase();
    }
    const c = hasHost
        ? canonicalRepository(printed.slice(0, slash), printed.slice(slash + 1))
        : canonicalRepository('', printed);
    // Usually already canonical: then the key is `printed` itself, not a copy per entry.
    return joinKey(printed, c.registry, '/', c.repository);
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
    untaggedMemo = new Map();
    /** The digest-only entries per destination repository that has any (bounded by the mapping). */
    digestOnlyEntries = new Map();
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
            const ids = this.successIds(destination, tag);
            if (typeof ids === 'number')
                this.addSuccess(ids, logLine);
            else
                for (const id of ids)
                    this.addSuccess(id, logLine);
            return;
        }
        // Untagged lines are manifest-list children or digest-only pushes: resolved at attempt end,
        // and only kept for repositories with digest-only entries (nothing else can use them).
        const target = this.untaggedTarget(destination);
        if (target === null)
            return;
        const { dst, wanted } = target;
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
    /**
     * The repository key of an untagged success line's destination and the digests it may
     * confirm (null: no digest-only entry there), memoised by the line's own spelling as
     * successIds is: every attempt prints its manifest-list children again.
     */
    untaggedTarget(destination) {
        let known = this.untaggedMemo.get(destination);
        if (known === undefined) {
            const dst = repoKey(destination);
            const wanted = this.digestOnlyDigests(dst);
            known = wanted === undefined ? null : { dst, wanted };
            // Bounded like successMemo: a log of endless distinct lines must not grow it.
            if (this.untaggedMemo.size < this.memoBound())
                this.untaggedMemo.set(destination, known);
        }
        return known;
    }
    memoBound() {
        return Math.min(2 * this.entries.length + 1024, this.bounds.successMemo);
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
     * many attempts repeats the same lines, and this runs for each of them. Per destination one
     * tag (the usual case: no list, and a single id kept as a number), then a short list of
     * tags, a Map once it has many (a release repository holds hundreds).
     */
    successIds(destination, tag) {
        const known = this.successMemo.get(destination);
        if (known !== undefined) {
            if (known instanceof Map) {
                const ids = known.get(tag);
                if (ids !== undefined)
                    return ids;
            }
            else if (!Array.isArray(known)) {
                if (known.tag === tag)
                    return known.ids;
            }
            else {
                for (const k of known)
                    if (k.tag === tag)
                        return k.ids;
            }
        }
        const dst = repoKey(destination);
        const ids = this.byDestTag.peek(`${dst}:${tag}`) ?? this.expandingByDestRepo.peek(dst) ?? NONE_IDS;
        // Bounded by the mapping: a log of endless distinct lines must not grow it.
        if (this.successMemoSize >= this.memoBound()) {
            return ids;
        }
        this.successMemoSize++;
        const memo = { tag, ids };
        if (known === undefined)
            this.successMemo.set(destination, memo);
        else if (known instanceof Map)
            known.set(tag, ids);
        else if (!Array.isArray(known))
            this.successMemo.set(destination, [known, memo]);
        else if (known.length < 8)
            known.push(memo);
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
        // Only when not empty: Map.clear allocates a fresh table, and most attempts leave most
        // of these empty (a log of 170,000 runs closes as many attempts).
        if (this.markMoreSuccess.size > 0)
            this.markMoreSuccess.clear();
        if (this.markFailures.size > 0)
            this.markFailures.clear();
        if (this.markDeferred.size > 0)
            this.markDeferred.clear();
        if (this.untaggedSuccess.size > 0)
            this.untaggedSuccess.clear();
        this.eventsInAttempt = 0;
    }
    /**
     * The first `bounds.attempts` records are kept whole, and the latest; those between are
     * summed into `omitted` (a log of 100,000 concatenated runs keeps a hundred and one records).
     */
    recordAttempt() {
        const c = this.current;
        // Built in place, not from spreads (one object per attempt, not five); the key order is the
        // report's.
        const record = { attempt: Math.max(c.attempt, 1) };
        if (c.planningSeconds !== undefined)
            record.planningSeconds = c.planningSeconds;
        if (c.mirroringSeconds !== undefined)
            record.mirroringSeconds = c.mirroringSeconds;
        if (c.rate !== undefined)
            record.rate = c.rate;
        if (c.bytesPerSecond !== undefined)
            record.bytesPerSecond = c.bytesPerSecond;
        record.errors = c.errors;
        record.warnings = c.warnings;
        record.successLines = c.successLines;
        record.logLines = c.lastLine - c.firstLine + 1;
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
            let digestOnly = this.digestOnlyEntries.get(dst);
            if (digestOnly === undefined) {
                digestOnly = (this.byDestTag.get(`${dst}:`) ?? []).map((id) => this.entry(id));
                // Only repositories with digest-only entries reach untaggedSuccess: bounded by the mapping.
                this.digestOnlyEntries.set(dst, digestOnly);
            }
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

;// CONCATENATED MODULE: ./src/core/attempt-header.ts
// The lines mirror-guard writes before each attempt's output (and each later chunk's) in its
// combined log.
/** Line written by mirror-guard before each attempt's output. */
const ATTEMPT_HEADER_RE = /^==== mirror-guard attempt (\d+) ====$/;
function attemptHeader(attempt) {
    return `==== mirror-guard attempt ${attempt} ====`;
}
/**
 * Line written before the second and later chunks of an attempt (`chunk-size`): the same
 * attempt goes on with a new engine invocation, so the plan that follows is not a new attempt.
 */
const CHUNK_HEADER_RE = /^==== mirror-guard attempt (\d+), chunk (\d+) of (\d+) ====$/;
function chunkHeader(attempt, chunk, count) {
    return `==== mirror-guard attempt ${attempt}, chunk ${chunk} of ${count} ====`;
}

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/core/log-lines.ts
// Log files → lines: chunked reads and a byte splitter, in bounded memory (a line keeps at most
// MAX_LINE_BYTES). The parser sees strings; routine lines may be consumed from their bytes.


/** Bytes of one physical line kept; the rest is counted and dropped. */
const MAX_LINE_BYTES = 64 * 1024;
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

;// CONCATENATED MODULE: ./src/core/go-units.ts
// Go's printed units in oc's lines (docs/oc-behaviour.md §1, §1.7): time.Duration.String() and
// units.HumanSize (`info:` lines), units.BytesSize (plan tree, `uploading:`), both ways.
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
const BINARY_UNITS = (/* unused pure expression or super */ null && (['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB']));
/** Go's `units.BytesSize`: binary units, four significant digits. */
function bytesSize(n) {
    let v = n;
    let i = 0;
    while (v >= 1024 && i < BINARY_UNITS.length - 1) {
        v /= 1024;
        i++;
    }
    return `${Number(v.toPrecision(4))}${BINARY_UNITS[i] ?? 'B'}`;
}
/** `units.BytesSize` text → bytes (rounded: the text keeps four digits); undefined when not one. */
function parseBytesSize(text) {
    const m = /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)(B|KiB|MiB|GiB|TiB|PiB|EiB)$/.exec(text);
    if (!m)
        return undefined;
    return Math.round(Number(m[1]) * 1024 ** BINARY_UNITS.indexOf(m[2] ?? 'B'));
}
const DECIMAL_ABBRS = (/* unused pure expression or super */ null && (['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']));
/** Go's `units.HumanSize`: decimal units, four significant digits (oc's `(45.73kB/s)`). */
function humanSize(n) {
    let v = n;
    let i = 0;
    while (v >= 1000 && i < DECIMAL_ABBRS.length - 1) {
        v /= 1000;
        i++;
    }
    return `${Number(v.toPrecision(4))}${DECIMAL_ABBRS[i] ?? 'B'}`;
}

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
    arenaView = new DataView(new ArrayBuffer(0));
    arenaUsed = 0;
    /** A view of the last buffer looked up in (a chunk holds thousands of lines). */
    lineBuf;
    lineView = new DataView(new ArrayBuffer(0));
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
        const parsed = parseSuccessLine(this.decode(buf, start, end));
        if (parsed === undefined || this.size >= this.capacity || end - start > MAX_REMEMBERED) {
            return parsed;
        }
        const parts = this.flat(parsed, buf, start, end);
        const at = this.store(buf, start, end);
        const entry = { arena: this.arenaView, at, length: end - start, parts };
        if (found === undefined)
            this.byHash.set(hash, entry);
        else if (Array.isArray(found))
            found.push(entry);
        else
            this.byHash.set(hash, [found, entry]);
        this.size++;
        return parts;
    }
    /**
     * The parts as strings of their own, decoded from the line's bytes (ASCII: one byte per
     * character), rather than slices that keep the whole decoded line alive as well.
     */
    flat(parts, buf, start, end) {
        const ref = start + parts.digest.length + 1;
        const digest = this.decode(buf, start, ref - 1);
        const destination = this.decode(buf, ref, ref + parts.destination.length);
        return parts.tag === undefined
            ? { digest, destination }
            : { digest, destination, tag: this.decode(buf, end - parts.tag.length, end) };
    }
    same(e, buf, start, end) {
        const n = e.length;
        if (n !== end - start)
            return false;
        // Four bytes at a time through DataViews (unaligned loads): a third of a byte loop's time,
        // and cheaper than Buffer.compare's call for lines this short.
        const line = this.viewOf(buf);
        const arena = e.arena;
        const a = e.at;
        let i = 0;
        for (; i + 4 <= n; i += 4)
            if (arena.getInt32(a + i) !== line.getInt32(start + i))
                return false;
        for (; i < n; i++)
            if (arena.getUint8(a + i) !== line.getUint8(start + i))
                return false;
        return true;
    }
    viewOf(buf) {
        if (buf !== this.lineBuf) {
            this.lineBuf = buf;
            this.lineView = new DataView(buf.buffer, buf.byteOffset, buf.length);
        }
        return this.lineView;
    }
    /** Copies the bytes into the arena (a line is at most 64 KiB, see MAX_LINE_BYTES). */
    store(buf, start, end) {
        const n = end - start;
        if (this.arenaUsed + n > this.arena.length) {
            // A new arena; earlier entries keep a reference to theirs.
            this.arena = Buffer.allocUnsafe(Math.max(ARENA_BYTES, n));
            this.arenaView = new DataView(this.arena.buffer, this.arena.byteOffset, this.arena.length);
            this.arenaUsed = 0;
        }
        const at = this.arenaUsed;
        buf.copy(this.arena, at, start, end);
        this.arenaUsed += n;
        return at;
    }
}

;// CONCATENATED MODULE: ./src/core/log-parser.ts
// oc's output (stderr, stdout or both combined) → LogEvents, one line at a time, in bounded
// memory (docs/oc-behaviour.md §1). The parser never throws: unknown lines become `other` events.




/** Characters of one (multi-line) error kept. */
const MAX_ERROR_CHARS = 256 * 1024;
/** Lines of a Go panic message kept (the goroutine dump after it is only counted). */
const MAX_PANIC_LINES = 20;
const log_parser_DIGEST = '(?:sha256|sha512):[0-9a-f]+';
// stdout (docs/oc-behaviour.md §1.5): `<digest> <dest repo>[:<tag>]`; also what the skopeo engine
// writes.
const KLOG_RE = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [^\]\s]+\] ?(.*)$/;
const TRANSFER_RE = /^(uploading|mounted): (\S+) (\S+) (\S+)$/;
const PLAN_BLOB_RE = new RegExp(`^      (\\S+) (${log_parser_DIGEST})(?: (\\S+))?$`);
const PLAN_MANIFEST_RE = new RegExp(`^      (${log_parser_DIGEST})(?: -> (\\S+))?$`);
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
const UPLOADING = Buffer.from('uploading: ');
const MOUNTED = Buffer.from('mounted: ');
const BLOBS = Buffer.from('    blobs:');
const MANIFESTS = Buffer.from('    manifests:');
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
        if (line.charCodeAt(0) === 61 /* = */ && logLine > 1 && CHUNK_HEADER_RE.test(line)) {
            this.closeOpen(out);
            this.resetRun();
            out.push({ kind: 'other', text: line, logLine });
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
        else if (start === end) {
            // A blank line ends a section; nothing is open, so it is only that and an `other` event.
            if (!this.planEventInAttempt)
                return false;
            this.section = 'none';
        }
        else if (c0 === 112 /* p */) {
            // `phase N:` (a top-level line: once the run has ended it starts the next one, decoded).
            if (!this.planEventInAttempt || this.ended !== 'no' || !isPhaseHeader(buf, start, end)) {
                return false;
            }
            this.sawRunOutput = true;
            this.section = 'phase';
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
     * headers, `blobs:`/`manifests:` and their rows, the plan's `stats:` row. Lines ending in
     * white space may be blank (a blank line ends a section): decoded.
     */
    foldIndented(buf, start, end) {
        if (buf[end - 1] <= 32)
            return false;
        if (this.section === 'phase')
            return true;
        if (!this.planEventInAttempt)
            return false;
        // Outside a plan, an indented line with nothing open is only ever an `other` event.
        if (this.section !== 'plan')
            return true;
        // A blob or manifest row (six spaces, then text): most lines of a plan, so tested first.
        if (buf[start + 5] === 32 &&
            buf[start + 4] === 32 &&
            buf[start + 3] === 32 &&
            buf[start + 2] === 32 &&
            buf[start + 1] === 32) {
            return (end - start >= 7 &&
                buf[start + 6] > 32 &&
                this.planList !== 'none' &&
                (this.planRepo !== '' || this.planRepoPending >= 0));
        }
        if (bytesStartWith(buf, start, end, BLOBS, true)) {
            this.planList = 'blobs';
            return true;
        }
        if (bytesStartWith(buf, start, end, MANIFESTS, true)) {
            this.planList = 'manifests';
            return true;
        }
        if (buf[start + 1] === 32 && buf[start + 2] > 32) {
            for (let i = start + 3; i < end; i++) {
                if (buf[i] <= 32) {
                    // `  stats: shared=…` and other two-space rows with a blank in them: parsePlanRow
                    // makes them `other` events, after taking a pending repository header.
                    this.takePendingPlanRepo();
                    return true;
                }
            }
            // `  <repo>` (PLAN_REPO_RE): kept as bytes, decoded only if a later row needs it.
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
        return false;
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
        this.resetRun();
        out.push({ kind: 'attempt-start', attempt, logLine });
    }
    /** A new engine run begins (an attempt, or a chunk of the same attempt). */
    resetRun() {
        this.section = 'none';
        this.planList = 'none';
        this.inDump = false;
        this.ended = 'no';
        this.sawRunOutput = false;
        this.planEventInAttempt = false;
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
                    ...(blob[3] !== undefined ? { size: blob[3] } : {}),
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
const PHASE = Buffer.from('phase ');
/** `buf[start..end)` is `phase N:` (PHASE_RE). */
function isPhaseHeader(buf, start, end) {
    if (end - start < 8 || buf[end - 1] !== 58 /* : */)
        return false;
    if (!bytesStartWith(buf, start, end, PHASE))
        return false;
    for (let i = start + 6; i < end - 1; i++)
        if (buf[i] < 48 || buf[i] > 57)
            return false;
    return true;
}
/** Lines pushed directly (not via readLines) get the same bound and CR handling. */
function capLine(line) {
    // charCodeAt, not endsWith: this runs for every decoded line.
    const text = line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
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

;// CONCATENATED MODULE: ./src/core/log-reader.ts
// Log files → LogEvents: a combined capture (or stderr alone) through one LogParser, or
// separate stderr and stdout captures merged per attempt (docs/oc-behaviour.md §1.6).




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

;// CONCATENATED MODULE: ./src/core/log-kind.ts
// Logs that are not `oc image mirror` output but are often mistaken for it: a raw `skopeo
// copy` log and an oc-mirror v2 log (v2 copies with containers/image, not oc image mirror;
// oc-mirror v1 prints oc's own lines and is read as oc output). Recognised from their own
// fixed lines, so triage can say what the file is instead of only what it is not.
const SIGNATURES = [
    // containers/image progress lines, printed by `skopeo copy` without --quiet.
    { tool: 'skopeo', re: /^Getting image source signatures$/ },
    { tool: 'skopeo', re: /^Copying (blob|config) (sha256|sha512):[0-9a-f]{8,}/ },
    { tool: 'skopeo', re: /^Writing manifest to image destination$/ },
    { tool: 'skopeo', re: /^Storing signatures$/ },
    // skopeo 1.9's fatal line (logrus), and later versions' `Error: …` with skopeo's wording.
    { tool: 'skopeo', re: /^time="[^"]*" level=(fatal|error) msg="/ },
    { tool: 'skopeo', re: /^(FATA|ERRO)\[\d{4}\] / },
    // oc-mirror v2: `2025/01/01 12:00:00  [INFO]   : …`, its worker's errors and result lines.
    {
        tool: 'oc-mirror v2',
        re: /^(\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\s+)?\[(INFO|WARN|ERROR|DEBUG|TRACE)\]\s+: /
    },
    {
        tool: 'oc-mirror v2',
        re: /\[Worker\] (error mirroring image |some errors occurred during the mirroring)/
    },
    { tool: 'oc-mirror v2', re: /^error mirroring image \S+ (\(Operator bundles: .*\) )?error: / },
    { tool: 'oc-mirror v2', re: /^[✓✗]\s+\d+ \/ \d+ .*images mirrored/ }
];
const HINTS = {
    skopeo: 'mirror-guard reads oc image mirror output; to mirror with skopeo and get per-line ' +
        'verdicts, use the action with engine: skopeo (it writes oc-shaped lines), or run ' +
        '`mirror-guard verify` against the destination',
    'oc-mirror v2': 'oc-mirror v2 copies with containers/image, not oc image mirror; its failed images are ' +
        'listed in working-dir/logs/mirroring_errors_<timestamp>.txt, and ' +
        '`mirror-guard verify` can check the destination'
};
/** What tool wrote these lines, from its fixed lines (the tool with most of them wins). */
function recognizeForeignLog(lines) {
    const hits = new Map();
    for (const raw of lines) {
        const line = raw.trim();
        if (line === '')
            continue;
        const sig = SIGNATURES.find((s) => s.re.test(line));
        if (!sig)
            continue;
        const h = hits.get(sig.tool);
        if (h)
            h.count++;
        else
            hits.set(sig.tool, { count: 1, first: line });
    }
    let best;
    for (const entry of hits)
        if (!best || entry[1].count > best[1].count)
            best = entry;
    if (!best)
        return undefined;
    const [tool, { first }] = best;
    return {
        tool,
        evidence: first.length > 120 ? `${first.slice(0, 119)}…` : first,
        hint: HINTS[tool]
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
/** The entries of each physical mapping line, in mapping order (a fan-out line holds several). */
function entriesByLine(entries) {
    const byLine = new Map();
    for (const e of entries) {
        const key = `${e.file}\u0000${e.line}`;
        const list = byLine.get(key);
        if (list)
            list.push(e);
        else
            byLine.set(key, [e]);
    }
    return [...byLine.values()];
}
/**
 * Some entries of one physical line, re-feedable to oc: the line as written (only a line
 * terminator oc would strip removed) when all of its entries are wanted, else one `SRC=DST` each.
 */
function renderLinePart(line, wanted) {
    const first = wanted[0];
    if (first === undefined)
        return [];
    if (wanted.length === line.length)
        return [first.text.replace(/[\r\n]+$/, '')];
    return wanted.map((e) => `${e.source.raw}=${e.destination.raw}`);
}
function renderEntries(entries) {
    return entries.map((e) => `${e.source.raw}=${effectiveDestination(e)}`);
}

;// CONCATENATED MODULE: ./src/core/text.ts
// Small text helpers every layer shares: untrusted text kept on one line, counted nouns, and the
// message of a caught value. Untrusted text (registry bodies, mapping lines, tool output) ends up
// in log lines, tables, JSON and GitHub annotations: on one line without control characters it
// can never start a line of its own, so it cannot smuggle in a `::workflow-command::`.
// CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ST`), and two-byte `ESC x` sequences, plus
// their 8-bit C1 forms (0x9b CSI, 0x9d OSC).
/* eslint-disable no-control-regex -- matching control characters is the point */
const ANSI = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/g;
// C0 controls except TAB and LF, DEL, C1 controls, and the Unicode line/paragraph separators
// (some viewers break lines on them).
const CONTROL_BUT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
// Every C0 and C1 control, DEL and the Unicode line/paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// The characters that end a line (or jump a column) somewhere: each becomes one space.
const BREAK = /^[\t\n\r\u2028\u2029]$/;
/* eslint-enable no-control-regex */
/** Removes ANSI escape sequences and control characters; keeps TAB and LF. CR is dropped. */
function stripControl(text) {
    return text.replace(ANSI, '').replace(CONTROL_BUT_TAB_LF, '');
}
/**
 * Untrusted text on one line. Line breaks and TABs become a space each (`drop`: a run of LF
 * and TAB becomes one space, other breaks go); no control character is left, whatever the rule.
 */
function oneLine(text, options = {}) {
    const { control = 'mark', squeeze = false, max } = options;
    let flat = control === 'drop'
        ? stripControl(text).replace(/[\t\n]+/g, ' ')
        : text.replace(CONTROL, (c) => (BREAK.test(c) ? ' ' : control === 'mark' ? '?' : ' '));
    if (squeeze)
        flat = flat.replace(/\s+/g, ' ').trim();
    return max !== undefined && flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
/** Caps `text` at `max` UTF-16 units (not splitting a surrogate pair), marking the cut with `…`. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    let end = Math.max(0, max - 1);
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return text.slice(0, end) + '…';
}
/** `1 line`, `2 lines`; `many` for nouns that do not just add an `s` (`entry`, `entries`). */
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
/** `42s`, `3m07s`, `2h05m`: a duration in whole seconds for a table cell. */
function compactDuration(seconds) {
    const s = Math.round(seconds);
    if (s < 60)
        return `${s}s`;
    if (s < 3600)
        return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
    return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
/** The message of a caught value: an Error's message, anything else as a string. */
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
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
            const reason = errorMessage(err);
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

;// CONCATENATED MODULE: ./src/core/text-table.ts
// Plain-text tables for a terminal of a given width. When every row fits, one line per row.
// When not, the `detail` column (a reason, a problem) moves to an indented line of its own
// under its row, and the other columns give way, widest first, their cells cut with an
// ellipsis at the end or in the middle (references keep their tail: the tag). Full detail
// belongs in the JSON reports, not in a 237-character row.
const GAP = '  ';
const INDENT = '    ';
/** A shrinking column keeps at least this many characters (or its header's length). */
const MIN_WIDTH = 8;
function cutText(text, width, how) {
    if (text.length <= width)
        return text;
    if (width <= 1)
        return '…'.slice(0, Math.max(0, width));
    if (how === 'end')
        return `${text.slice(0, width - 1)}…`;
    const tail = Math.ceil((width - 1) / 2);
    return `${text.slice(0, width - 1 - tail)}…${text.slice(text.length - tail)}`;
}
function naturalWidths(columns, rows) {
    return columns.map((c, i) => Math.min(c.max ?? Infinity, Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length))));
}
/** Shrinks `widths` in place, widest shrinkable column first, until the row fits `width`. */
function shrink(columns, widths, width) {
    const floor = columns.map((c, i) => c.cut === 'none'
        ? (widths[i] ?? 0)
        : Math.min(widths[i] ?? 0, Math.max(MIN_WIDTH, c.header.length)));
    let excess = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1) - width;
    while (excess > 0) {
        let widest = -1;
        for (let i = 0; i < widths.length; i++) {
            const w = widths[i] ?? 0;
            if (w > (floor[i] ?? 0) && (widest < 0 || w > (widths[widest] ?? 0)))
                widest = i;
        }
        if (widest < 0)
            return;
        widths[widest] = (widths[widest] ?? 0) - 1;
        excess--;
    }
}
function renderLine(columns, widths, cells) {
    return columns
        .map((c, i) => {
        const w = widths[i] ?? 0;
        const cell = c.cut === 'none' ? (cells[i] ?? '') : cutText(cells[i] ?? '', w, c.cut);
        return i === columns.length - 1 ? cell : cell.padEnd(w);
    })
        .join(GAP)
        .trimEnd();
}
/** The table's lines (header first), each at most `width` characters when that is possible. */
function fitTable(columns, rows, width, layout = {}) {
    const widths = naturalWidths(columns, rows);
    const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (columns.length - 1);
    const detail = layout.detail;
    if (total <= width || detail === undefined) {
        shrink(columns, widths, width);
        return [columns.map((c) => c.header), ...rows].map((r) => renderLine(columns, widths, r));
    }
    const main = columns.filter((_, i) => i !== detail);
    const strip = (r) => r.filter((_, i) => i !== detail);
    const mainWidths = naturalWidths(main, rows.map(strip));
    shrink(main, mainWidths, width);
    const detailColumn = columns[detail];
    const out = [
        renderLine(main, mainWidths, main.map((c) => c.header)),
        `${INDENT}${detailColumn?.header ?? ''}`
    ];
    for (const r of rows) {
        // A continuation row (only a detail) adds just its detail line.
        if (strip(r).some((c) => c !== ''))
            out.push(renderLine(main, mainWidths, strip(r)));
        const text = r[detail] ?? '';
        if (text !== '')
            out.push(INDENT + cutText(text, Math.max(1, width - INDENT.length), 'end'));
    }
    return out;
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
/**
 * A comment or table cell on one line and free of anything but printable text: escape
 * sequences and control characters gone, white space runs one space, at most 300 characters.
 */
const commentText = (text) => oneLine(text, { control: 'drop', squeeze: true }).slice(0, 300);
const pad = (s, n) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const TABLE_COLUMNS = [
    { header: 'STATUS', cut: 'none' },
    { header: 'LINE', max: 40, cut: 'middle' },
    { header: 'SOURCE -> DESTINATION', max: 90, cut: 'middle' },
    { header: 'CLASS', max: 30, cut: 'end' },
    { header: 'REASON', max: 300, cut: 'end' }
];
/**
 * A plain-text table for people, fitted to the terminal: failed lines first, then a per-class
 * summary and the run-level messages, each distinct message once with its count.
 */
function renderTable(report, options = {}) {
    const width = Math.max(40, options.width ?? 80);
    const maxRows = options.maxRows ?? 200;
    const rows = [...report.lines].sort((a, b) => Number(a.status === 'mirrored') - Number(b.status === 'mirrored'));
    const shown = rows.slice(0, maxRows);
    const cells = shown.map((l) => [
        l.status === 'mirrored' ? (l.recoveredAfter ? 'recovered' : 'mirrored') : 'FAILED',
        `${l.file}:${l.line}`,
        `${l.source} -> ${l.destination}`,
        l.classes.join(','),
        commentText(l.reasons.join('; '))
    ]);
    const out = fitTable(TABLE_COLUMNS, cells, width, { detail: 4 });
    const hidden = rows.length - shown.length;
    if (hidden > 0) {
        out.push(options.more?.(hidden) ?? `… ${hidden} more line${hidden === 1 ? '' : 's'} not shown`);
    }
    const s = report.stats;
    out.push('');
    out.push(`${s.mirrored} of ${s.entries} mapping entries mirrored, ${s.failed} failed ` +
        `(${s.retryable} retryable, ${s.permanent} permanent)` +
        (s.recovered ? `, ${s.recovered} recovered after a retry` : ''));
    for (const [cls, n] of Object.entries(report.counts)) {
        out.push(cutText(`  ${pad(cls, 16)} ${pad(String(n), 5)} ${CLASS_INFO[cls].whatToDo}`, width, 'end'));
    }
    for (const g of groupRunLevel(report.runLevel)) {
        const where = g.count === 1 ? `log line ${g.firstLine}` : `${g.count}×, first at log line ${g.firstLine}`;
        out.push(cutText(`  run-level ${g.severity} (${where}): ${commentText(g.text)}`, width, 'end'));
    }
    return out.join('\n') + '\n';
}
/** Identical run-level messages (500 × `one or more errors occurred`) as one, with a count. */
function groupRunLevel(findings) {
    const groups = new Map();
    for (const f of findings) {
        const key = `${f.severity}\u0000${f.text}`;
        const g = groups.get(key);
        if (g)
            g.count += f.count ?? 1;
        else {
            groups.set(key, {
                severity: f.severity,
                text: f.text,
                count: f.count ?? 1,
                firstLine: f.logLine
            });
        }
    }
    return [...groups.values()];
}

;// CONCATENATED MODULE: ./src/core/retry-mapping.ts
// The retry mapping: the lines not mirrored, re-feedable to `oc image mirror -f` unchanged, each
// preceded by a `# <file>:<line> <classes>: <reason>` comment naming where it came from. The
// comment's writer and its parser live side by side here: a later job (retry-from) reads the
// origin back so that its annotations point at the user's own mapping line.




/**
 * The failed lines, re-feedable to `oc image mirror -f` unchanged: each physical line verbatim
 * when all of its entries failed, else `SRC=DST` for the failed part of a fan-out line. Each is
 * preceded by its origin comment (`originComment`).
 */
function renderRetryMapping(set, verdicts, options = {}) {
    const include = options.include ?? ((v) => v.status === 'failed');
    const failed = new Map(verdicts.filter(include).map((v) => [v.entryId, v]));
    if (failed.size === 0)
        return '';
    const out = retryMappingHeader(failed.size);
    for (const entries of entriesByLine(set.entries)) {
        const hit = entries.filter((e) => failed.has(e.id));
        if (hit.length === 0)
            continue;
        const first = hit[0];
        const verdict = failed.get(first.id);
        const classes = [...new Set(hit.flatMap((e) => failed.get(e.id)?.classes ?? []))];
        out.push(originComment(first.file, first.line, classes, verdict.reasons[0] ?? 'not mirrored'));
        out.push(...renderLinePart(entries, hit));
    }
    return out.join('\n') + '\n';
}
/** The first lines of every retry mapping: what it is, and how to use it. */
function retryMappingHeader(entries) {
    return [
        `# mirror-guard retry mapping: ${plural(entries, 'mapping entry', 'mapping entries')} not mirrored.`,
        '# Feed it back unchanged: oc image mirror -f <this file> …  (lines starting with # are comments to oc)'
    ];
}
/**
 * `# <file>:<line> <classes>: <reason>` on one line of printable text (the writer). Like an
 * annotation title, it names the root causes among `classes`, not what followed from them.
 */
function originComment(file, line, classes, reason) {
    const causes = rootCauses(classes);
    const named = causes.length > 0 ? causes : classes;
    return commentText(`# ${file}:${line} ${named.join(',')}: ${reason}`);
}
/**
 * The origin an `originComment` names (the parser). The file is the shortest prefix followed by
 * `:<line> <classes>: `, so a reason holding `host:5000 refused: …` cannot be taken for it.
 */
function parseOriginComment(text) {
    const m = /^# (.+?):(\d+) ([a-z-]+(?:,[a-z-]+)*): /.exec(text);
    return m ? { file: m[1], line: Number(m[2]) } : undefined;
}
/** Each file's lines, split once per mapping set: originOf runs for every line of it. */
const splitCache = new WeakMap();
function linesOf(texts, file) {
    let files = splitCache.get(texts);
    if (!files)
        splitCache.set(texts, (files = new Map()));
    let lines = files.get(file);
    if (lines === undefined) {
        const text = texts.get(file);
        if (text === undefined)
            return undefined;
        files.set(file, (lines = text.split(/\r?\n/)));
    }
    return lines;
}
/**
 * Where a line really comes from: in a retry mapping (retry-from) the origin comment before it;
 * undefined for a line of the user's own mapping.
 */
function originOf(texts, file, line) {
    if (line < 2)
        return undefined;
    return parseOriginComment(linesOf(texts, file)?.[line - 2] ?? '');
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/io.ts
// What a CLI command may touch (two output streams, the working directory, the terminal
// width), and the few things every command does the same way: flags, usage errors, exit
// codes, findings, output files.





/** Thrown for bad arguments or input: the command prints it and exits 2. */
class UsageError extends Error {
}
const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const DEFAULT_COLUMNS = 80;
/**
 * What a command prints after writing a retry mapping, on two short lines (80 columns). `--force`
 * only where a plain rerun can skip a broken image: a file:// or s3:// destination.
 */
function retryHint(path, entries, needsForce) {
    return (`retry mapping: ${path} (${plural(entries, 'entry', 'entries')})\n` +
        `  rerun with: oc image mirror -f ${path}${needsForce ? ' --force' : ''} …\n`);
}
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
const REASONS = {
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a component of the path is not a directory',
    EISDIR: 'is a directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    EEXIST: 'already exists',
    EINVAL: 'invalid argument',
    ENAMETOOLONG: 'file name too long',
    EIO: 'input/output error'
};
/** A Node system error's reason in words (`no such file or directory`), without its stack. */
function ioReason(e) {
    const code = e?.code;
    if (code !== undefined && REASONS[code] !== undefined)
        return REASONS[code];
    const message = errorMessage(e);
    return (message.split('\n')[0] ?? message).replace(/^[A-Z]+: /, '');
}
/**
 * Fails early, before any work, when an output file cannot be created: its directory is
 * missing or is not a directory. (Permission and similar problems surface at the write.)
 */
function checkOutputPath(path, cwd, what) {
    const target = (0,external_node_path_namespaceObject.resolve)(cwd, path);
    const dir = (0,external_node_path_namespaceObject.dirname)(target);
    let isDir;
    try {
        isDir = (0,external_node_fs_namespaceObject.statSync)(dir).isDirectory();
    }
    catch (e) {
        throw new UsageError(`cannot write ${what} ${path}: ${dir}: ${ioReason(e)}`);
    }
    if (!isDir)
        throw new UsageError(`cannot write ${what} ${path}: ${dir} is not a directory`);
    try {
        if ((0,external_node_fs_namespaceObject.statSync)(target).isDirectory()) {
            throw new UsageError(`cannot write ${what} ${path}: is a directory`);
        }
    }
    catch (e) {
        if (e instanceof UsageError)
            throw e;
        // Absent: it will be created.
    }
}
/** Writes an output file; any failure is a UsageError naming the path (exit 2, one line). */
async function writeOutput(path, text, cwd, what) {
    try {
        await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.resolve)(cwd, path), text);
    }
    catch (e) {
        throw new UsageError(`cannot write ${what} ${path}: ${ioReason(e)}`);
    }
}

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
  --json FILE        write the JSON report, every line in full (use - for stdout: then stdout
                     carries only the JSON and the table goes to stderr).
  -q, --quiet        print only the summary line.
  -h, --help         this text.

The table fits the terminal ($COLUMNS, 80 when not a terminal); --json has every detail.

Exit status: 0 every line mirrored, 1 some lines failed, 2 bad arguments, unreadable input
or an output file that cannot be written (one line naming the path).

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
/** The first lines of a file (up to 64 KiB), to tell what wrote it. */
async function headLines(path) {
    const handle = await (0,promises_namespaceObject.open)(path, 'r');
    try {
        const buf = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
        return buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/);
    }
    finally {
        await handle.close();
    }
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
    // Output files that cannot be created fail now, before any work (exit 2).
    if (opts.json !== undefined && opts.json !== '-')
        checkOutputPath(opts.json, io.cwd, 'JSON report');
    if (opts.retryOut !== undefined)
        checkOutputPath(opts.retryOut, io.cwd, 'retry mapping');
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
    let sawOcEvent = false;
    const onEvent = (e) => {
        // Only "none at all" matters: the Set is consulted until the first oc event.
        if (!sawOcEvent && OC_EVENT.has(e.kind))
            sawOcEvent = true;
        attributor.onEvent(e);
    };
    let read;
    try {
        read = stdoutPath
            ? await readSplitLogs(logPath, stdoutPath, onEvent)
            : await readLog(logPath, onEvent, { foldRoutine: true });
    }
    catch (e) {
        throw new UsageError(`cannot read log ${opts.log}: ${ioReason(e)}`);
    }
    const head = !sawOcEvent ? await headLines(logPath).catch(() => []) : [];
    const blank = head.filter((l) => l.trim() === '').length;
    const empty = read.bytes === 0 || (!sawOcEvent && blank === head.length && read.lines <= blank);
    if (!sawOcEvent && !empty) {
        const foreign = recognizeForeignLog(head);
        if (foreign) {
            throw new UsageError(`${opts.log}: this looks like a ${foreign.tool} log ("${foreign.evidence}"), not oc ` +
                `image mirror output; ${foreign.hint}`);
        }
        throw new UsageError(`${opts.log}: none of its ${read.lines} lines is oc image mirror output ` +
            '(no error:, info:, plan or success line); is this the right file?');
    }
    if (empty) {
        io.err(`warning: the log ${opts.log} is empty (${read.bytes === 0 ? '0 bytes' : 'blank lines only'}): ` +
            'oc printed nothing there (was its output redirected to this file?), so no line can be ' +
            'confirmed; every line is reported unconfirmed\n');
    }
    const result = attributor.finish();
    const summary = reportSummary(set, result);
    // The whole report (an object per mapping line) only for the table; -q and --json need none.
    if (!opts.quiet) {
        const jsonFile = opts.json !== undefined && opts.json !== '-' ? opts.json : undefined;
        io.out(renderTable(buildReport(set, result), {
            width: cli.columns ?? DEFAULT_COLUMNS,
            more: (n) => jsonFile !== undefined
                ? `… ${plural(n, 'more line')} in the JSON report ${jsonFile}`
                : opts.json === '-'
                    ? `… ${plural(n, 'more line')} in the JSON report on stdout`
                    : `… ${plural(n, 'more line')} not shown; add --json FILE for every line`
        }));
    }
    else {
        const s = summary.stats;
        io.out(`${s.mirrored} of ${s.entries} mapping entries mirrored, ${s.failed} failed\n`);
    }
    if (opts.json === '-')
        for (const chunk of reportJsonChunks(set, result))
            cli.out(chunk);
    else if (opts.json)
        await writeChunks(opts.json, io.cwd, reportJsonChunks(set, result));
    if (opts.retryOut) {
        const retry = renderRetryMapping(set, result.verdicts);
        if (retry) {
            await writeOutput(opts.retryOut, retry, io.cwd, 'retry mapping');
            // --force only where a half-written image can sit (file:// and s3:// trees, oc ≤4.13);
            // on a registry it would re-push every layer for nothing.
            const failed = new Set(result.verdicts.filter((v) => v.status !== 'mirrored').map((v) => v.entryId));
            const onDisk = set.entries.some((e) => failed.has(e.id) && e.destination.kind !== 'registry');
            io.out(retryHint(opts.retryOut, summary.stats.failed, onDisk));
        }
        else if (!opts.quiet)
            io.out('nothing to retry: every line was mirrored\n');
    }
    return summary.stats.failed > 0 ? EXIT_FAILED : EXIT_OK;
}
/**
 * Writes the chunks to a file as they come (a large report is never whole in memory); a
 * failure is one line naming the path (exit 2).
 */
async function writeChunks(path, cwd, chunks) {
    try {
        const file = await (0,promises_namespaceObject.open)((0,external_node_path_namespaceObject.resolve)(cwd, path), 'w');
        try {
            for (const chunk of chunks)
                await file.write(chunk);
        }
        finally {
            await file.close();
        }
    }
    catch (e) {
        throw new UsageError(`cannot write JSON report ${path}: ${ioReason(e)}`);
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

;// CONCATENATED MODULE: ./node_modules/re2js/build/index.js
/*!
* re2js
* RE2JS is the JavaScript port of RE2, a regular expression engine that provides linear time matching
*
* @version v2.10.0
* @author Oleksii Vasyliev
* @homepage https://github.com/le0pard/re2js#readme
* @repository [object Object]
* @license MIT
*/
// src/RE2Flags.js
var RE2Flags = class RE2Flags {
	static FOLD_CASE = 1;
	static LITERAL = 2;
	static CLASS_NL = 4;
	static DOT_NL = 8;
	static ONE_LINE = 16;
	static NON_GREEDY = 32;
	static PERL_X = 64;
	static UNICODE_GROUPS = 128;
	static WAS_DOLLAR = 256;
	static LOOKBEHIND = 512;
	static MATCH_NL = RE2Flags.CLASS_NL | RE2Flags.DOT_NL;
	static PERL = RE2Flags.CLASS_NL | RE2Flags.ONE_LINE | RE2Flags.PERL_X | RE2Flags.UNICODE_GROUPS;
	static POSIX = 0;
	static UNANCHORED = 0;
	static ANCHOR_START = 1;
	static ANCHOR_BOTH = 2;
};
// src/PublicFlags.js
/**
* Public flags for RE2JS and RE2Set compilation.
*/
const PublicFlags = {
	CASE_INSENSITIVE: 1,
	DOTALL: 2,
	MULTILINE: 4,
	DISABLE_UNICODE_GROUPS: 8,
	LONGEST_MATCH: 16,
	LOOKBEHINDS: 512
};
// src/Codepoint.js
/**
* Various constants and helper for unicode codepoints.
*/
const ASCII_SIZE = 128;
const ASCII_TO_UPPER = new Int32Array(ASCII_SIZE);
const ASCII_TO_LOWER = new Int32Array(ASCII_SIZE);
const MAX_BMP = 65535;
for (let i = 0; i < ASCII_SIZE; i++) {
	if (i >= 97 && i <= 122) ASCII_TO_UPPER[i] = i - 32;
	else ASCII_TO_UPPER[i] = i;
	if (i >= 65 && i <= 90) ASCII_TO_LOWER[i] = i + 32;
	else ASCII_TO_LOWER[i] = i;
}
var Codepoint = class {
	static CODES = Object.freeze({
		"\x07": 7,
		"\b": 8,
		"	": 9,
		"\n": 10,
		"\v": 11,
		"\f": 12,
		"\r": 13,
		" ": 32,
		"\"": 34,
		$: 36,
		"&": 38,
		"'": 39,
		"(": 40,
		")": 41,
		"*": 42,
		"+": 43,
		"-": 45,
		".": 46,
		0: 48,
		1: 49,
		2: 50,
		3: 51,
		4: 52,
		5: 53,
		6: 54,
		7: 55,
		8: 56,
		9: 57,
		":": 58,
		"<": 60,
		">": 62,
		"?": 63,
		A: 65,
		B: 66,
		C: 67,
		F: 70,
		P: 80,
		Q: 81,
		U: 85,
		Z: 90,
		"[": 91,
		"\\": 92,
		"]": 93,
		"^": 94,
		_: 95,
		"`": 96,
		a: 97,
		b: 98,
		f: 102,
		i: 105,
		m: 109,
		n: 110,
		r: 114,
		s: 115,
		t: 116,
		v: 118,
		x: 120,
		z: 122,
		"{": 123,
		"|": 124,
		"}": 125
	});
	static toUpperCase(codepoint) {
		if (codepoint < ASCII_SIZE) return ASCII_TO_UPPER[codepoint];
		const s = String.fromCodePoint(codepoint).toUpperCase();
		const expectedLen = s.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (s.length > expectedLen) return codepoint;
		const sOrigin = String.fromCodePoint(s.codePointAt(0)).toLowerCase();
		const originExpectedLen = sOrigin.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (sOrigin.length > originExpectedLen || sOrigin.codePointAt(0) !== codepoint) return codepoint;
		return s.codePointAt(0);
	}
	static toLowerCase(codepoint) {
		if (codepoint < ASCII_SIZE) return ASCII_TO_LOWER[codepoint];
		const s = String.fromCodePoint(codepoint).toLowerCase();
		const expectedLen = s.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (s.length > expectedLen) return codepoint;
		const sOrigin = String.fromCodePoint(s.codePointAt(0)).toUpperCase();
		const originExpectedLen = sOrigin.codePointAt(0) > MAX_BMP ? 2 : 1;
		if (sOrigin.length > originExpectedLen || sOrigin.codePointAt(0) !== codepoint) return codepoint;
		return s.codePointAt(0);
	}
};
// src/UnicodeRangeTable.js
var UnicodeRangeTable = class {
	/**
	* @param {Uint32Array | number[]} data
	* @param {boolean} isStride1
	*/
	constructor(data, isStride1 = false) {
		this.data = data;
		this.isStride1 = isStride1;
		this.SIZE = isStride1 ? 2 : 3;
	}
	getLo(index) {
		return this.data[index * this.SIZE];
	}
	getHi(index) {
		return this.data[index * this.SIZE + 1];
	}
	getStride(index) {
		return this.isStride1 ? 1 : this.data[index * this.SIZE + 2];
	}
	get length() {
		return this.data.length / this.SIZE;
	}
};
// src/UnicodeTables.js
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-";
const B64_MAP = /* @__PURE__ */ new Uint8Array(256);
for (let i = 0; i < 64; i++) B64_MAP[B64.charCodeAt(i)] = i;
const decodeVLQ = (str) => {
	const res = [];
	let value = 0;
	let shift = 0;
	for (let i = 0; i < str.length; i++) {
		const digit = B64_MAP[str.charCodeAt(i)];
		value |= (digit & 31) << shift;
		if ((digit & 32) === 0) {
			res.push(value);
			value = 0;
			shift = 0;
		} else shift += 5;
	}
	return res;
};
const decodeRanges = (str, isStride1) => {
	const res = decodeVLQ(str);
	const numRanges = isStride1 ? res.length / 2 : res.length / 3;
	const out = new Uint32Array(numRanges * 3);
	let current = 0;
	let resIdx = 0;
	for (let i = 0; i < numRanges; i++) {
		current += res[resIdx++];
		out[i * 3] = current;
		current += res[resIdx++];
		out[i * 3 + 1] = current;
		out[i * 3 + 2] = isStride1 ? 1 : res[resIdx++];
	}
	return out;
};
const decodeOrbit = (str) => {
	const res = decodeVLQ(str);
	const map = /* @__PURE__ */ new Map();
	let currentKey = 0;
	for (let i = 0; i < res.length; i += 2) {
		currentKey += res[i];
		const zz = res[i + 1];
		const delta = zz >>> 1 ^ -(zz & 1);
		map.set(currentKey, currentKey + delta);
	}
	return map;
};
var LazyMap = class {
	constructor(initializer) {
		this.initializer = initializer;
		this.cache = /* @__PURE__ */ new Map();
	}
	has(key) {
		return Object.hasOwn(this.initializer, key);
	}
	get(key) {
		if (this.cache.has(key)) return this.cache.get(key);
		const val = this.has(key) ? this.initializer[key]() : null;
		this.cache.set(key, val);
		return val;
	}
};
var UnicodeTables = class {
	static _CASE_ORBIT = null;
	static get CASE_ORBIT() {
		if (!this._CASE_ORBIT) this._CASE_ORBIT = decodeOrbit("rCgCIgCY+rQI4QiCuuBLgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCCgCBgCBgCBgCBgCBgCBgCB+7OB-BB-BB-BB-BB-BBskQB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BC-BB-BB-BB-BB-BB-BB-BByHBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBDCBBBCBBBCBBCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBxHBCBBBCBBBCBBB3SBmMBkNBCBBBCBBB8MBCBBB6MB6MBCBBC+EB0MB2MBCBBB6MB+MBiGBmNBiNBCBBBmKBikzCBmNBqNBkIBsNBCBBBCBBBCBBB0NBCBBB0NDCBBB0NBCBBByNByNBCBBBCBBB2NBCBBDCBBCwDFCBCBDBCBCBDBCBCBDBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBB9EBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCCBCBDBCBBBhGBvDBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBjICCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBH2iVBCBBBlKBwiVB+jVB+jVBCBBBlMBqEBuEBCBBBCBBBCBBBCBBBCBBB+hVB4hVB8hVBjNB7MC5MB5MCzMC1MB+0yCE5MB20yCC9MBu2yCBwyyCBo0yCChNBlNBo0yCBu-UBi0yCDlNC6-UBpNDrNIu+UDzNCm0yCBzNE0yyCBzNBpEBxNBxNBtEG1NLqxyCBkxyCnFoFrBCBBBCBBDCBBEkIBkIBkICoHHsCCqCBqCBqCCgEC+DB+DBmkOBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCC+BBgCBgCBgCBgCBgCBgCBgCBgCBrCBpCBpCBpCBmjOB-BB8BB-BB-BBgEB-BB-BByBBqgOBsDB-BBtwBB-BB-BB-BBsBBgDBCB-BB-BB-BBeB-BB-BB61OB-BB-BB-DB9DB9DBQB7DBmCE9CBrDBPBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBrFB-EBOBnHB3FB-FCCBBBNBCBBCjIBjIBjIBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgFBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB8kMB-BB6kMB-BB-BB-BB-BB-BB-BB-BB-BB-BBokMB-BB-BBkkMBkkMB-BB-BB-BB-BB-BB-BB-BB4jMB-BB-BB-BB-BB-BB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EB-EBCBBBCBoiMBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBJCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBeBCBBBCBBBCBBBCBBBCBBBCBBBCBBBdBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBCgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDL-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-C64CgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOBgmOCgmOGgmODg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FBg8FDg8FBg8FBg8FhVg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBg9rCBQBQBQBQBQBQDPBPBPBPBPBPjkC7mMB5mMBnmMBjmMBCBlmMB3lMBpiMBk8kCBCBBG-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FB-7FD-7FB-7FB-7F6FoglCEsuHRwjlCyDCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCB0DBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBG1DD97OCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQDPBPBPBPBPBPDQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQDPBPBPBPBPBPEQCQCQCQCPCPCPCPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPB0EB0EBsFBsFBsFBsFBoGBoGBgIBgIBgHBgHB8HB8HDQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQBQBQBQBQBQBQBPBPBPBPBPBPBPBPBQBQCSFPBPBzEBzEBRCxnOFSFrFBrFBrFBrFBREQBQClkOFPBPBnGBnGFQBQCljOCODPBPB-GB-GBNHSF-HB-HB7HB7HBRqJ53OE9tQBrmQH4Bc3BSgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBgBBfBfBfBfBfBfBfBfBfBfBfBfBfBfBfBfECBByZ0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BB0BBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzBBzB34BgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDBgDB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CB-CBCBBBt-UBruHBt+UB1iVBviVBCBBBCBBBCBBB3hVB5-UB9hVB7hVCCBBCCBBI9jVB9jVBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBICBBBCBBECBBN-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOB-lOC-lOG-lOzoeCBBBCBBBCBBBCBBBCBBBCBl8kCBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBTCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBnECBBBCBBBCBBBCBBBCBBBCBBBCBBDCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBKCBBBCBBBnglCBCBBBCBBBCBBBCBBBCBBECBBBvyyCDCBBBCBBBgDCCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBn0yCB90yCB10yCBh0yCBn0yCCjxyCBzyyCBpxyCBg6BBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBB-CBl0yCBvjlCBCBBBCBBBt2yCBCBBBCBBBCBBBCBBBCBBBCBBBCBBBCBBBhkzCZCBB9a-5Bd-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCB-8rCm6TCBB7gBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCH-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BmlBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvChDwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCBwCFvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvCBvC1DuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCCuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCBuCCuCBuCBuCBuCBuCBuCBuCCuCBuCCtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCCtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCBtCCtCBtCBtCBtCBtCBtCBtCCtCBtCk2BgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEBgEO-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-DB-D+CgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCL-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-B74CgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BhrVgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCBgCB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BB-BhB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BB2BD1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BB1BtxekCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBkCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjCBjC");
		return this._CASE_ORBIT;
	}
	static _Print = null;
	static get Print() {
		if (!this._Print) this._Print = new UnicodeRangeTable(decodeRanges("hB9CBjBLBCpWBDFBFGBCCCBSBCsMBClBBDxBBDCBC2BBJaBFFBSVBC-FBCvBBD6BBDkDBP6BBDwBBDOBCbBDCCBJBGfBIqCBCgFBCHBDBBDVBCGBCEEBCBDIBDBBDDBJFFBCCBDBDYBDCBCFBFBBDVBCGBCBBCBBCBBDCCBDBFBBDCBEIIBCBCIIBPBLCBCIBCCBCVBCGBCBBCEBDJBCCBCCBDQQBCBDLBIGBCCBCHBDBBDVBCGBCBBCEBDIBDBBDCBICBFBBCEBDRBLBBCFBECBCDBEBBCCCBEEBEEBBBELBFEBECBCDBDHHPUBGMBCCBCWBCPBDIBCCBCDBIBBCCBCBBDDBDJBIVBCCBCWBCJBCEBDIBCCBCDBIBBGCBCDBDJBCCBNMBCCBCyBBCCBCFBFPBDZBCCBCRBEXBCIBCDDBFBEFFBEBCCCBGBHJBDCBN5BBFcBmBBBCCCBDBCXBCCCBVBDEBCCCBFBCJBDDBhBnCBCjBBFmBBCjBBCOBCMBmBlGBCGGD4LBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBDfBEZBH1CBDFBD-TBCbBE4CBIVBKXBKTBNMBCCBCBBN9CBDJBHJBHNBCKBH4CBIqBBGlCBLeBCLBFLBFEEBoBBDEBMrBBFZBHKBE9BBDgCBCcBDKBHJBHNBDtBBDLBVsCBClFBJ7BBEOBE9BBGqBBDKBJqBBG1QBDFBDlBBDFBDHBCGCBdBD0BBCOBCNBDFBCSBDCBCIBSXBJuBBSBBDaBCMBEhBBPgBBQrEBF5UBXKBWz4BBD9LBGsBBCGGD3BBIBBPXBKGBCGBCGBCGBCGBCGBCGBCGBC9DBjBZBC4CBN1GBbPBC+BBC1CBDmDBGqBBC9CBC1CBKvBBCszcBE2BBK7KBV3FBJ8GBV7BBEJBH3BBJlCBJLBHzDBMdBEtCBCKBFgBBC2BBKNBDJBDmDBZbBLFBDFBDFBKGBCGBC7BBF9DBDJBHj9KBNWBFwBBloItLBDpDBnBGBNEBGZBCEBCCCBCCBCCBoUBhBpBBHyBBCSBCDBFEBCmEBF9FBEFBDFBDFBDCBEGBCGBOBBDLBCZBCSBCBBCOBDNBjB6DBGCBFsBBE3CBCMBEwBwBBsBBjEcBEwBBQbBFjBBKdBGqBBGdBCkBBFNBrB9EBDJBHjBBFjBBFnBBJzBBMLBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBCnCBJIBxBSBCBBGgBBEaBGaBnB3BBFTBDxBBCBBGHBCCBCcBDCBFJBIIBI-BBhBmBBFLBK1BBEcBDaBGZBIDBNGBxCoCB4ByBBOyBBItBBJJBHlBBEcBJBBxGeBCpBBCCBDBBRFBJIBiBtBBJpBBXZBnBbBVWBKtCBFjBBK9BBCEBOYBIJBH0BBCRBJmBBK-CBCTBMRBCuBB-BGBCCCBCBCOBCKBH6BBGJBHDBCHBDBBDVBCGBCBBCEBCJBDBBDCBDHHGGBDGBEEBMJBCDDClBBCJBCDDCDBCJBCBBJBBe7CBCEBfnCBJJBnF1BBDlBBjBkCBMJBHMBU5BBHJBHTBdaBDOBFWB6F7BBlDyCBNHBDDDBGBCBBCdBCBBDLBKJBnCHBDtBBDKBcnCBJyCBOoCBIJB3CHB5ChBBPJBHIBCsBBCNBLcBEfBDVBCNBqCGBCBBCrBBECCBCCBHBJJBHFBCBBCkBBCBBCFBIJBHrBBFJB3HYBIQBCoBBEcB2CQQBwBBO6cBnDuDBCEBMjGBtyCiDBOvhBBRVBL68DBGmSB61G5BBn2B4RBIeBCJBFwCBCJBHdBDFBLlCBLJBCGBCUBGSBxN5BBnG6CBGYBDYBtBqCBF4BBIQBhCEBMGBK1mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBDDBh7D8HBEzNBHWBQQBQtBBDWBKzDB9B1HBLmBBDpCBJvDBWlCB7DTBNTBN2CBKYBoE0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBD9VBQEBCOBxiBeBHFB2GGBCQBDGBCBBCEBG9BBiBxDxDBrBBENBDJBFBBhKeBS5BBGxOxOBoBB3GqBBFhGhGBdBCVBJBBhHGBCDBCBBCOBCkGBDPBqBrCBFJBFBByYjCBtC8BBjGDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBBvIrBBFjDBNOBDOBCOBCkBBLtFB5BcBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBCmDBmgB-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIBnkzVvHB", false));
		return this._Print;
	}
	static CATEGORIES = new LazyMap({
		C: () => new UnicodeRangeTable(decodeRanges("AfBgDgBBOrWrWBHHBCBICCVuMuMnBBBzBBBE4B4BBGBcDBHQBXhGhGxBBB8BBBmDNB8BBByBBBQddBCCMEBhBGBsCiFiFJBBDBBXIICCBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBPMMBEB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKMMBDBbEByBPBDBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBjoIBvLBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCB-FCBHBBHBBHBBECBIIIBLBDBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIB-BGGBLBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMBxhBPBXJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBF-6DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBrCHBxDUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIlkzVBxHvw-FB", false)),
		Cc: () => new UnicodeRangeTable(decodeRanges("AfgDgB", true)),
		Cf: () => new UnicodeRangeTable(decodeRanges("tFzqBzqBBEBXhGhGyBhMhMBxCxCs5D9-B9-BBDBbEByBEBCJBw03B6H6HBBBimEQQj7IPBhjiBDBwmFHBn0rYffB+CB", false)),
		Cn: () => new UnicodeRangeTable(decodeRanges("4bBBHDBICCVuMuMnBBBzBBBE4B4BBGBcDBHKBvI9B9BBmDmDBMB8BBByBBBQddBCCMEBjBEBuHJJBDDBXXICCBBBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBbFB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKmDmDNBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBDBvzIBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCC-FCBHBBHBBHBBECBIIIBIBGBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIBlCJBCBBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMB3iBJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBJ76DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBjGUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIm8yVBCdBhD-DBxHvw-BB---BBB---BBB", false)),
		Co: () => new UnicodeRangeTable(decodeRanges("gg4B-nGh4hc9--BD9--B", true)),
		Cs: () => new UnicodeRangeTable(decodeRanges("gg2B--B", true)),
		L: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBLLFGGBVBCeBCpOBFLBPEBICCiEEBCBBDDBCHHCCBCCCBSBCyCBCqEBJlFBClBBDHHBnBBoCaBFDBuBqBBkBBBCiDBCQQBIIBLLBBBDRRCdBe4CBMZZBfBKBBFGGBUBFKKEYYBXBIKBGXBCGBRpBB7B1BBETTIJBQPBFHBDBBDVBCGBCEEBCBERROBBCCBPBBLJJBEBFBBDVBCGBCBBCBBCBBgBDBCUUBBBRIBCCBCVBCGBCBBCEBETTQBBYMMBGBDBBDVBCGBCBBCEBEffBCCBBBQSSCFBECBCDBEBBCCCBEEBEEBBBELBX1B1BBGBCCBCWBCPBEbbBBBCBBDBBfFFBGBCCBCWBCJBCEBEffBBBCBBQBBSIBCCBCoBBDRRGCBJCBZFBGRBEXBCIBCDDBFB7BvBBCBBNGB7BBBCCCBDBCXBCCCBIBCBBKDDBDBCWWBCBhBgCgCBGBCjBBcEB0DqBBVRRBEBFDBEEEBIIBBBFMBNSSBkBBCGGDqBBCsKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPBR1CBDFBErTBDQBCZBGqCBHHBIRBOSBPRBPMBCCBQzBBkBFFkC4CBIEBDhBBCGGBkCBLeByBdBDEBMrBBFZB3BWBK0BBzC+C+CBtBBSHB3BdBOBBLrBBbjBBqBCBLjBBDKBGqBBDCBqBDBCFBCBBEGGB+FBhC1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGB1DOORMBmDFFDJBCEEBDBHGCBCBCKBDDBGEBF1B1BB8zC8zCBjHBHDBEBBNlBBCGGD3BBIRRBVBKGBCGBCGBCGBCGBCGBCGBCGBxC2O2OBrBrBBDBGBBF1CBHCBC5CBCDBGqBBC9CBSfBxBPBhQ-tGBhCs0VBkCtBBDsIBEPBLBBVuBBReBDlCByBIBDmDBDxCBVQBCCBCDBCWBezBBPxBB-BFBECCBMMBaBLWBacBIuBBdRRBDBCJBLEBCoBBYCBCHBVWBEEEBwBBCEEBDDBDBDCCZCBDKBICBNFBDFBDFBKGBCGBCqBBCNBHyDBej9KBNWBFwBBloItLBDpDBnBGBNEBGCCBIBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBlBZBHZBM4CBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmMcBEwBBwBfBOTBCHBHlBBLdBDjBBFHBxB9EBTjBBFjBBFnBBJzBBNKBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCQQBCBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4ByBBOyBBOjBBnBbBKWB7HpBBHBBRFB5BcBLJJBUBrBRBvBUBcWBN0BB6BBBDOOBrBBhBYBbjBBeDDJiBBENNBuBBPDBWCCkBRBCYBUBBgCGBCCCBCBCOBCJBIuBBnBHBDBBDVBCGBCBBCEBETTNEBfJBCDDClBBCaaCtBtBBzBBTDBVCBfvBBVBBC5F5FBtBBqBDBlBvBBV8B8BBpBBOoCoCBZBmBGB6FrBB1D-BBgBHBDDDBGBCBBCXBQCC-CHBDmBBRCCdLLBmBBIWWMtBBUTTBnCBoGgBBgBIBCkBBSyByBBcBxDGBCBBClBBWaaBEBCBBCfBPYYBqBBlISBQCCBLBChBB9DwCwCB4cBnHjGBtyCgDBQvhBBSFBa68DBGmSB61GdBj3B4RBIeBSuCBSdBTvBBRDBgBUBGSBxNsBB0G-BBhBYBDYBtBqCBGjCjCBLBhCBBCPPBNNB0mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBn7F0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BeBHFBmI9BBzEsBBLGBRiKiKBcBTrBBlPbBlHdBDwGwGBdBCCBCBBCGBDEBKBBhHGBCDBCBBCOBCkGB8BjCBI1lB1lBBCBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQBlqE-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		LC: () => new UnicodeRangeTable(decodeRanges("hCZBHZB7BLLBVBCeBCiGBCDBFvGBDZBhGDBDBBECBCHHCCBCCCBSBCyCBCqEBJlFBClBBKoBB44ClBBCGGDqBBDCBhV1CBDFBjkCKBGqBBDCBhCrBBgCMBChBBmD1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGBmIFFDJBCEEBDBHGCBCBCFBFDDBCBGEBF1B1BB8zC8zCB6DBDmDBHDBEBBNlBBCGGzoetBBTbBnEtCBCWBEDBCsCBZBBE2Z2ZBpBBGIBIvCBh6TGBNEBqgBZBHZBmlBvCBhDjBBFjBB1DKBCOBCGBCBBCKBCOBCGBCBBk2ByBBOyBB+CVBLVB74C-BBhrV-BBhBYBDYBtpZ0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BJBCTBHFB2uCjCB", false)),
		Ll: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBC2BCBQCBuBCDECBBBDCCDEEBFFDEEBBBDDDCCCDCCBCCDEECDDBDDBBBHGDCOCBSCBDDCEEC4BCBFBDDDBCCFICBjCBDZBiGCCEEEBBBTccBhBBCBBECBCWCBDBCGDB0B0BBuBBCgBCK0BCDMCBgDCxBoBBo6CqBBDCB5XFBjkCIBC2D2DBqBBgCMBChBBnD0ECBHBCgDCBHBJFBLHBJHBJFBLHBJHBJNBDHBJHBJHBJEBCBBHEEBBBCBBJDBDBBJHBLCBCBBzIEEBEEcKFDBBJDBF2B2Bs1CvBBCEEBGCFCCBCCBEBGiDCBIICFFNlBBCGG0oesBCUaCoEMCBBBC+BCBGBCCCDICFCCDCCBBBCSCGGGCMCFCCDOCbEE2ZqBBGIBIvCBh6TGBNEBqhBZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBnqZZBbGBCRBbZBbDBCCCBFBCKBbZBbZBbZBbZBbZBbZBbZBbZBbbBdYBCFBbYBCFBbYBCFBbYBCFBbYBCFBC15B15BBIBCTBHFB4vChBB", false)),
		Lm: () => new UnicodeRangeTable(decodeRanges("wVRBFLBPEBICCmEGG-OnHnHlFBBuIBBFgBgBKEEhFoFoF1mBgEgE2R72B72BsDkTkTxOFBvF+BBOjBjBBjBByVOORMBg-CBByHgGgG2OsBsBBDBGiDiDB+C+CBBB34bjnBjnBBEBvIzDzDdBB6DIBxCYYpDDBEBB2OXXqEtDtDWBBoDDBKngVngVuBBBh-BFBCpBBCIB0sBhBhB2K04D04DnrTDB9PCBpBBBnRMBhCBBCPPB9-P9-PBCBCGBCBByhM9BBqGGBud0Q0QsSAB", false)),
		Lo: () => new UnicodeRangeTable(decodeRanges("qFQQhIFFBCBxGBB7ZaBFDBuBfBCJBkBBBCiDBCZZBLLBBBDRRCdBe4CBMZZBfBWVBrBYBIKBGXBCGBRoBB8B1BBETTIJBROBFHBDBBDVBCGBCEEBCBERROBBCCBPBBLJJBEBFBBDVBCGBCBBCBBCBBgBDBCUUBBBRIBCCBCVBCGBCBBCEBETTQBBYMMBGBDBBDVBCGBCBBCEBEffBCCBBBQSSCFBECBCDBEBBCCCBEEBEEBBBELBX1B1BBGBCCBCWBCPBEbbBBBCBBDBBfFFBGBCCBCWBCJBCEBEffBBBCBBQBBSIBCCBCoBBDRRGCBJCBZFBGRBEXBCIBCDDBFB7BvBBCBBNFB8BBBCCCBDBCXBCCCBIBCBBKDDBDBYDBhBgCgCBGBCjBBcEB0DqBBVRRBEBFDBEEEBIIBBBFMBNyDyDBnKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPByDrTBDQBCZBGqCBHHBIRBOSBPRBPMBCCBQzBBpBkCkCBhBBC0BBIEBDhBBCGGBkCBLeByBdBDEBMrBBFZB3BWBK0BBxFuBBSHB3BdBOBBLrBBbjBBqBCBLdByDDBCFBCBBE7hB7hBBCB4-C3BBZWBKGBCGBCGBCGBCGBCGBCGBCGBoR2B2BF1CBJCCB4CBFGGBpBBC9CBSfBxBPBhQ-tGBhC0wUBC2jBBkCnBBJrIBFPBLBBjCyByBBkCBqFoDoDEGBCCBCDBCWBezBBPxBB-BFBECCBMMBaBLWBacBIuBBuBEBDIBLEBCoBBYCBCHBVPBCFBEEEBwBBCEEBDDBDBDCCZBBEKBIPPBEBDFBDFBKGBCGByEiBBej9KBNWBFwBBloItLBDpDBkCCCBIBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBqDJBCsBBDeBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmMcBEwBBwBfBOTBCHBHlBBLdBDjBBFHBhEtCBjDnBBJzBB9CzBBN2JBKVBLHB5EFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCQQBCBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4FjBBnBDBCxJxJBoBBHBBRCBCBB5BcBLJJBUBrBRBvBUBcWBN0BB6BBBDOOBrBBhBYBbjBBeDDJiBBENNBuBBPDBWCCkBRBCYBUBBgCGBCCCBCBCOBCJBIuBBnBHBDBBDVBCGBCBBCEBETTNEBfJBCDDClBBCaaCtBtBBzBBTDBVCBfvBBVBBC5F5FBtBBqBDBlBvBBV8B8BBpBBOoCoCBZBmBGB6FrBB0GHBDDDBGBCBBCXBQCC-CHBDmBBRCCdLLBmBBIWWMtBBUTTBnCBoGgBBgBIBCkBBSyByBBcBxDGBCBBClBBWaaBEBCBBCfBPYYBnBBCBBlISBQCCBLBChBB9DwCwCB4cBnHjGBtyCgDBQvhBBSFBa68DBGmSB61GdBj3B4RBIeBSuCBSdBTvBB0BUBGSB0NnBB2MqCBGwFwFB0mHBqBfBiDyDBuwIiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBxzI2P2PBrBBiBiKiKBcBTrBBlPaBmHdBDwGwGBdBCCBCBBCGBDEBKiHiHBFBCDBCBBCOBCkGB8pBDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQBlqE-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		Lt: () => new UnicodeRangeTable(decodeRanges("lOGDnB2sH2sHBGBJHBJHBNQQwBAB", false)),
		Lu: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiB2BCDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIJDCMCDQCDDDCCBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBDDBBBEWCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBpCDBNDBNDBNEBMDBnIFFECBDCBDEEBDBHGCBCBDDBLBBG+B+B9zCvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoqZZBbZBbZBbCCBGDBDDBCBCHBbZBbBBCDBDHBCGBcBBCDBCEBCEEBFBcZBbZBbZBbZBbZBbZBfYBiBYBiBYBiBYBiBYBiB2pE2pEBgBB", false)),
		M: () => new UnicodeRangeTable(decodeRanges("gYvDB0IGBoIsBBCCCBCCBCCpCKBxBUBRmDmDBFBDFBDBBCDBkBffBZB8CKB7BIBKZZBCBCIBCCBCEBsBCB8BIBrBXBCgBB3BCBCRBCGBLBBeCB5BCCBFBDBBDCBKLLBbbDCB5BCCBDBFBBDCBEffBEEMCB5BCCBGBCCBCCBVBBXFBCCB5BCCBFBDBBDCBICBLBBf8B8BBDBECBCDBKpBpBBDB4BCCBFBCCBCDBIBBMBBeCB5BCCBFBCCBCDBIBBMBBQNNBCB4BBBCGBCCBCDBKLLBeeBBBnCFFBEBCCCBGBTBB+BDDBFBNHBjDDDBHBMGBqCBBcECFBByBTBCBBGKBCjBBKlDlDBSBYDBFCBCCBDGBEDBOLBCLLBCBgWCBzdDBdCBeBBfBBhCfBKuBuBBBBC2D2DBjBjB3DLBFLB8GEB6BJBCcBDxBxBBsBBDLBVEBwBQBnBIBNCBfMB5BNBxBTB5ECBCUBFHHDCBnG-BBxWgBB--CCBuEhDhDBeBrRFBqDBB1udDBCJBhBBBxCBBxIEEFYYBDBF0C0CBzBzBBQBbRBOnBnBBGBaMBtBDBwBNBlBkCkCBMBNJJBuBuBBBBzBCCBBBDBBGBBCqBqBBDBGBBtHHBCBBx5TiXiXBOBRPBuejHjH2EEBn0BCBCBBGDBpBCBFmFmFB+R+RBCBiCEB+JBBuCFBnCKByBDB7DCB2BOBqBDDBLLBCBuBKBI+B+BBBBlBNBRBBtBNNBBBxBNBJDBCBB9CLBHDD+ELBWDB4BBBCGBDBBDCBKLLBDDBFBEEBkCIBCDDCDBCEBCPPBzCzCBQBYyCyCBSBsHGBDIBcBBzCQBrDMBmDOBhIOB2HFBCBBDDBCCCBuEuEBFBDGBEddBIBpBGBCDBJKKBJBvBPBnGHBoGHBCHBzCVBCNB7DFBECCBCCBFBCjCjCBDBCBBCEB8KDBKBBCxBxBBFBEEBYmnFmnFHOBpmLRBhuCEB8BGB5gBCCB1BBIDByCMMBslTslTBizEizEBsBBDWB-QEBEFBJHBDGBfDB1ECB89B2BBFxBBJPPXEBCOBxqBGBCQBDGBCBBCEBlDhFhFBFB4L+B+BBCB9PDB-HBB0HDDIBBG7O7OBFBuDGB29lYvHB", false)),
		Mc: () => new UnicodeRangeTable(decodeRanges("joC4B4BDCBJDBCBBzBBB7BCBHBBDBBLsBsB7BCBjC7B7BBBBJCCB2B2BB7B7BCHHBDDBLLnDBBCBBECBCCBLqBqBBBB+BDB+BBB7BCCBDBDBBCBBKBBdPPB7B7BBBBGCBCCBLrBrBBsCsCBBBHHBTBBrKBBgCsFsFBFFHDDBaaBLLBBBDGBWBBDFBDLLBBB5zBffiEIIBGBCBB7KDBDCBFBBCFBhHBB7BCCKCCBJJBEByExBxBGCCBDBCBB+BffFBBD9B9BDCBCEEBxBxBBGBJBBsFWW35EBB0-dBBD5C5CBzBzBBOBvEBBwBxBxBBFFBDDBBBvDBBDBBZuBuBCuDuDDBBGuHuHBCCBCCBCC0gZCCgEuBuBBBBFBB0DZZB8B8BxBCBKBBO+C+CBBBEBBCrFrFBBBgBBB7BBBCDBDBBDCBKLLB1C1CBBBIDDCDBCBBCmDmDBBBJBBErDrDBBBHCCBCBDuHuHBBBHDBDyDyDBBBJBBCuDuDCBBHoDoDCBBFmImIBBBK4H4HBEBCBBFDDCvEvEBBBJDBF1C1CeBB-BqGqGECCoGPPrDIID2G2GBDBFBBC-K-KBNNxBBBJBBCpvQpvQBBBlxD2BBpDBB0rYBBHFB", false)),
		Me: () => new UnicodeRangeTable(decodeRanges("okBBB1xF-wB-wBBCBCCBsshBCB", false)),
		Mn: () => new UnicodeRangeTable(decodeRanges("gYvDB0IEBqIsBBCCCBCCBCCpCKBxBUBRmDmDBFBDFBDBBCDBkBffBZB8CKB7BIBKZZBCBCIBCCBCEBsBCB8BIBrBXBCfB4BCCFHBFEEBFBLBBe7B7BFDBJVVBbbDBB6BFFBFFBDDBBBEffBEEMBB6BFFBDBCBBFVVBXXBEBC7B7BDCCBCBJIIBMMBff+BNNzBEE4BCCBBBGCBCDBIBBMBBe7B7BDHHGBBVBBdBB6BBBFDBJVVBeepCIIBBBC7C7CDGBNHBjDDDBHBMGBqCBBcEC4BNBCEBCBBGKBCjBBKnDnDBCBCFBCBBDBBaBBFCBRDBODDBHHQgWgWBBBzdCBeBBfBBfBBhCBBCGBJDDBJBKuBuBBBBC2D2DBjBjB3DCBFBBKHHBBB8GBBD7B7BCGBCCCDHBHJBDxBxBBMBCeBDLBVDBxBCCBDBCGGpBIBNBBhBDBDBBCCB5BCCBEECCB7BHBDBB5ECBCMBCGBFHHEBBnG-BBxWMBFEEBKB--CCBuEhDhDBeBrRDBsDBB1udFFBIBhBBBxCBBxIEEFaaBGG4EBBbRBOnBnBBGBaKBvBCBxBDDBCBDBBoBkCkCBEBDBBDBBNJJwB0B0BCCBDBBGBBCrBrBBJJvHDDFx5Tx5TiXPBRPBuejHjH2EEBn0BCBCBBGDBpBCBFmFmFB+R+RBCBiCEB+JBBuCFBnCKByBDB8D3B3BBNBqBDDBLLBBByBDBDBBI+B+BBBBlBEBCHB-BNNB1B1BBHBLDBDgDgDBBBDCCBHHD+E+EEHBWBB6BBBEmBmBBFBEEBnCFBOECPBB2CHBDCBCYY1CFBCFFBCCBvHvHBCBHBBCBBcBB2CHBDCCBrDrDCDDBEBCmDmDCDDBCBCEBkIIBCBBhIBBCFFxEDBDBBFhBhBBIBpBFBDDBJKKBEBDCBvBMBCBBnGCCBBBCqGqGBFBCFBCzCzCBUBDGBCBBCBB7DFBECCBCCBFBCpCpCBEEC8K8KBMMB1B1BBDBGCCYmnFmnFHOBpmLLBECBhuCEB8BGB5gBgCgCBCByC5lT5lTBizEizEBsBBDWBhRCBSHBDGBfDB1ECB89B2BBFxBBJPPXEBCOBxqBGBCQBDGBCBBCEBlDhFhFBFB4L+B+BBCB9PDB-HBB0HDDIBBG7O7OBFBuDGB29lYvHB", false)),
		N: () => new UnicodeRangeTable(decodeRanges("wBJB5DBBGDDBBBitBJBnEJBnGJB9MJB3DJBFFBtDJB3DJB3DJBDFBvDMB0DJBJGBoDJBpDGBISBuDJBhDJB3DJBnCTBtIJBnCJBwWTBybCBwHJBHJBXJBtJJBhEKBmFJBHJB3FJB3CJBnEJBHJB3gBEEBEBHJBnGyBBDEB3W7BBvCVB3TdBqrBqYqYaIBPCB4KDBrEJBfHBCOBhBJBoBOBh7cJB9FJBhKFB7EJBnBJBnGJBXJB3CJB3MJB34UJBuPsBBN4BBSBB2KaBlBDBeJJnEEBrGJBvdHBaGBoBIBsCEBXFBhFBBDPBDtBBhCIB1BBBfCBsCEBpDHBZHBqBGBrKFBxBJBHJB3IeB-EJBrBDBxDGBnEdBhEJB9BJBxEJBITB8HJB3KJB3DJB3LJBnDJBHTBtCLBlNSB+CJB3UJB3CcBkHJBnCJB3BJBnLJBnDUBshBuDBimPJBnpCJB3CJBnEJBCGBvQJBnIWB+KCB6nXJBnuBTBNTBtDYB2iBxBBhqCJBnNJB3PJB4HJBtWIBhEJB4Y6BBCCBCDBtCsBBCOBjeMBk3CJB", false)),
		Nd: () => new UnicodeRangeTable(decodeRanges("wBJnxBJnEJnGJ9MJ3DJ3DJ3DJ3DJ3DJ3DJ3DJ3DJ3DJhDJ3DJnCJ3IJnCJn6BJnBJtJJhEJnFJHJ3FJ3CJnEJHJnuiBJnVJnBJnGJXJ3CJ3MJ34UJnsBJnkCJHJ9YJhEJ9BJxEJ3IJ3KJ3DJ3LJnDJHTtCJnNJnDJ3UJ3CJ3HJnCJ3BJnLJ3uQJnpCJ3CJnEJ3QJ37XJ12CxBhqCJnNJ3PJ4HJ2aJ30EJ", true)),
		Nl: () => new UnicodeRangeTable(decodeRanges("u3FCBwzCiBBDDB-zDaaBHBPCBs1dJBxyW0BBtOJJnEEBrhIuDBm8SCB", false)),
		No: () => new UnicodeRangeTable(decodeRanges("yFBBGDDBBB2pCFB5LFB5DCBmEGB6GGBSIByNJB2hBTB0jBJBhP20B20BEFBHJBnGPBqB3W3WB6BBvCVB3TdBqrB1kB1kBBCBrEJBfHBCOBhBJBoBOBxrdFBymWsBBiCDBSBB2KaBlBDB1pBHBaGBoBIBsCEBXFBhFBBDPBDtBBhCIB1BBBfCBsCEBpDHBZHBqBGBrKFBhLeB-EJBrBDBxDGBnETB8LTBmqBBBvNIBobSB0aUBn8SGB-YWBqhZTBNTBtDYBvqFIBid6BBCCBCDBtCsBBCOBjeMB", false)),
		P: () => new UnicodeRangeTable(decodeRanges("hBCBCFBCDBLBBEBBbCBCccCkBkBGEELBBEEE-VJJzOFBqBBB0BCCDDDtBBBVBBCBBOCCBBBrCDBnDsBsBBMBqHCB3BOBgBmImIBLLtE5D5D6DnMnMNwLwL7CLLBpFpFBNBCmBmBBCBoCrCrCBDBFBBwDFBsFlTlTBHB4EuTuTtBBBvCCBoCBB+ECBCCBmBKB6JBB5GBBhEGBCFBhFBBLGBdCB9DDB8BEB-BBBhCHBM9Z9ZBWBJTBCMBCLBfBBPBB6TDBeBB+hBNBwCBBgBJB0MVBgCDBhBBB8XDBCBBxDwEwEBtBBCfBDLBkNCBFJBDLBRNNjD7C7CjgdBBuICBkDLL0DFB9LDB3CBBpBCBCyByBBwBwBiDMBRBB9DDB-DBBRBB6HzqUzqUBxGxGBIBXiBBCNBCFFCBB2ECBCFBCDBLBBEBBbCBCccCCCBFB7MCB9UxBxB-MoXoXoGgBgBxIIBnBxDxDBFBjCGB6CDByO-J-JjBlElEBDBtBDB+FGBuDBBCDB-DDBxBBBwCDBFOOCCB5CFBsDrJrJBCCBzDzDBDBLBBCpDpD7HWBqDCBdMBtCjEjEBBB9HpIpIBBB8E9C9CBGB0CCBCEB+CJB4GgDgDBDBrBBBmUBBrCMBwFxjBxjBBDB97CBB8zOBBmEiCiCBDBJpRpRBBBoJDBoK9lT9lTovHEB07C-a-aBAB", false)),
		Pc: () => new UnicodeRangeTable(decodeRanges("-Cg-Hg-HBUU-u3BBBZCBwHAB", false)),
		Pd: () => new UnicodeRangeTable(decodeRanges("tB9qB9qB0BiyDiyDmgBqgCqgCBEBiwDDDgBBBFdd-NUUwDxszBxszBBmBmBLqFqFhzD-J-J", false)),
		Pe: () => new UnicodeRangeTable(decodeRanges("pB0B0BgB+1D+1DC-6B-6BqtC4B4BQ7T7TCff-hBMCxChBhBCGC1MUChCCCiBmhBmhBCECtBGCtNICEGCDBB-ozB6G6GeOCESSCCCrF0B0BgBGD", false)),
		Pf: () => new UnicodeRangeTable(decodeRanges("7F+6H+6HEddpuDCCFDDQEE", false)),
		Pi: () => new UnicodeRangeTable(decodeRanges("rFt7Ht7HDBBDaapuDCCFDDQEE", false)),
		Po: () => new UnicodeRangeTable(decodeRanges("hBCBCCBDECBLLBEEBcclCGGPBBI-V-VJzOzOBEBqB3B3BDDDtBBBVBBCBBOCCBBBrCDBnDsBsBBMBqHCB3BOBgBmImIBLLtE5D5D6DnMnMNwLwL7CLLBpFpFBNBCxDxDrCEBFBBwDFBsFlTlTBHBmY9D9DBBBoCBB+ECBCCBmBFBCDB6JBB5GBBhEGBCFBhFBBLGBdCB9DDB8BEB-BBBhCHBMjajaBJJBGBJIBDDBDCBEKBCCCBIB7kDDBCBBxDwEwEBFFBBBDDDBHBCBBCDDBLLBDBCJBDDBCCCBLBDCBtNCB6B+F+FjgdBBuICBkDLL0DFB9LDB3CBBpBCBCyByBBwBwBiDMBRBB9DDB-DBBRBB6HlxUlxUBFBDXXVBBDDBECBCDBICBHCCB2E2EBBBCCBDECBLLBEEBcclBDDB7M7MBBB9UxBxB-MoXoXoGgBgBxIIBnBxDxDBFBjCGB6CDB0ZlElEBDBtBDB+FGBuDBBCDB-DDBxBBBwCDBFOOCCB5CFBsDrJrJBCCBzDzDBDBLBBCpDpD7HWBqDCBdMBtCjEjEBBB9HpIpIBBB8E9C9CBGB0CCBCEB+CJB4GgDgDBDBrBBBmUBBrCMBwFxjBxjBBDB97CBB8zOBBmEiCiCBDBJpRpRBBBoJDBoK9lT9lTovHEB07C-a-aBAB", false)),
		Ps: () => new UnicodeRangeTable(decodeRanges("oBzBzBgB-1D-1DC-6B-6B-rCEEnB4B4BQ7T7TCff-hBMCxChBhBCGC1MUChCCCiBmhBmhBCECaTTCECtNICEGCDipzBipzB4GeeCMCESSCCCrFzBzBgBEEDAB", false)),
		S: () => new UnicodeRangeTable(decodeRanges("kBHHRCBgBCCcCCkBEBCBBDCCBCBDEEfgBgBrODBNNBGGBCCCBPB2DPPBxDxDsErIrIBBB3DCBDDDBvGvGLUUB4H4HIBBpEqLqLBHHB2H2H-DjEjEBGBlEwGwGqBmGmGiGCBQCCBBBDFBVECmEHBCFBCBBGDBmGBBxXJB0WuLuLlL+E+EBgBBiLJBKIBhiBCCBBBMCBOCBOCBOBBmCOOoBCBOCBUhBB-BBBCDBCBBLCCBBBGFBCECFMMBFFBDBGDBC7B7BBFFB2LBFcBD+HBXKByCtCBXnTBtBwBBDeBLyMBX+BBFfBD1LBDpEBmHFBmLBBvBZBC4CBN1GBbPBFOOBNNWBBHBB8CBB0HBBFJBhBlBBKRRBdBMdBJQQBeBLmBBQ-JBhuG-BBx0V2BB6RWBKBBoDBB+EDBLDB+RCBiHPPB+9T+9TpEgBBuLPBhCBB3BHBtBDBjDCCBBBD7E7EHRRBBBgBCCcCCiEGBCGBOBB6JIB6BQBDCBCMBEwBwBBrBB7zBBBwSmWmWBiKiKBGBnjC2kC2kCBbBr6SDBG3qU3qUk7DvHBLCBEzNBHWBQQBgDzDB9B1HBLmBBD7BBGCBXBBIdBF8BBWhCBE7F7FB1CBrbaagBaagBaagBaagBaa9B-PB4BDBzBHBCNBCBBp2BwNwNttCEE+DiOiOBvIvIBqBBFjDBNOBDOBCOBCkBBYgFB5BcBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBC7CBLAB", false)),
		Sc: () => new UnicodeRangeTable(decodeRanges("kB+D+DBCBqnB8D8DzPBBzPBBI2H2HoImSmS8sClmClmCBgBB37hBkuVkuVtD7E7E8GBBEBB3-HDB-4wBxtCxtC", false)),
		Sk: () => new UnicodeRangeTable(decodeRanges("+CCCoCHHFEEqQDBNNBGGBCCCBPB2DPPBjoBjoB15FCCBBBMCBOCBOCBOBB9kEBBkzdWBKBBoDBBxePPBniUniUBPB8bCCjF4g9B4g9BBDB", false)),
		Sm: () => new UnicodeRangeTable(decodeRanges("rBRRBBB+BCCuBFFmBgBgB-XwQwQBBB8xGOOoBCBOCBsEoBoBBDBHlClCBDBGBBFGDIgBgBBDDCgBgBBqIBhBBB7CffBXBpBFB2OKK3BHBwDxKxKBDBDeBLPBhIiEBX+BBFfBDhIBxBUBDFB9+zB5Z5ZCCBlFRRBBB+BCCkEHHBCBitDBBhrwBx+Bx+BagBgBagBgBagBgBagBgBat5Ft5FB-uC-uCBHB", false)),
		So: () => new UnicodeRangeTable(decodeRanges("mFDDFCCyerIrIBgEgEBvGvGLUUB4H4HkQ2L2LjEFBClElEwGqBqBoMCBQCCBBBDFBVECmEHBCFBCBBGDBmGBBxXJB0WzWzW+EhBBiLJBKIBksBBBCDBCBBLCCBHHBEBCECFMMBPPCBBC7B7BBKKBDBDDBCBBCBBCGBCeBDBBCCCBdBtIHBFTBDGBDwCBCdBanBBHnCBXKByCtCBX2FBCIBC1BBJuDBC3HBtBrBBhC-HBhQvBBWBBHmBBDpEBmHFBmLBBvBZBC4CBN1GBbPBFOOBNNWBBHBBxKBBFJBhBlBBKRRBdBMdBJQQBeBLmBBQ-JBhuG-BBx0V2BBibDBLBBC+R+RBBBqqUPBuLPBhCBB3BHBuBCBlPEEFBBOBB6JIB6BQBDCBCMBEwBwBBrBB7zBBBwSpgBpgBBGBnjC2kC2kCBGBFQBr6SDBG3qU3qUk7DvHBLCBEzNBHWBQPBhDzDB9B1HBLmBBD7BBGCBXBBIdBF8BBWhCBE7F7FB1CBqlB-PB4BDBzBHBCNBCBBp2B96C96CiEyWyWBqBBFjDBNOBDOBCOBCkBBYgFB5BcBOrBBFIBIBBPFB7E6HBG4WBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBB-B3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBC7CBLAB", false)),
		Z: () => new UnicodeRangeTable(decodeRanges("gBgEgEgvFgsCgsCBJBeBBGwBwBh9DAB", false)),
		Zl: () => new UnicodeRangeTable(decodeRanges("ohIA", true)),
		Zp: () => new UnicodeRangeTable(decodeRanges("phIA", true)),
		Zs: () => new UnicodeRangeTable(decodeRanges("gBgEgEgvFgsCgsCBJBlBwBwBh9DAB", false)),
		ASCII_Hex_Digit: () => new UnicodeRangeTable(decodeRanges("wBJIFbF", true)),
		Alphabetic: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBLLFGGBVBCeBCpOBFLBPEBICC3CeeBQBCBBDDBCHHCCBCCCBSBCyCBCqEBJlFBClBBDHHBnBBoBNBCCCBCCBCCJaBFDBeKBG3BBCGBPlDBCHBFHBFCBLCBDRRBuBBOkDBZgBBKBBFGGBWBDSBUYBIKBGXBCGBIJJBoBBLLBEGBHrCBCPBCCBFOBOSBCHBDBBDVBCGBCEEBCBEHBDBBDBBCJJFBBCEBNBBLFFBBBCFBFBBDVBCGBCBBCBBCBBFEBFBBDBBFIIBCBCSSBEBMCBCIBCCBCVBCGBCBBCEBEIBCCBCBBEQQBCBWDBFCBCHBDBBDVBCGBCBBCEBEHBDBBDBBKBBFBBCEBORRBCCBEBECBCDBEBBCCCBEEBEEBBBELBFEBECBCCBEHHpBMBCCBCWBCPBEHBCCBCCBJBBCCBCBBDDBdDBCHBCCBCWBCJBCEBEHBCCBCCBJBBGCBCDBOCBNMBCCBCoBBDHBCCBCCBCGGBCBIEBXFBCCBCRBEXBCIBCDDBFBJFBCCCBGBTBBO5BBGGBH0B0BBECBDBCXBCCCBRBCCBDEBCHHPDBhBgCgCBGBCjBBFSBFPBCjBBkC2BBCDDBDBR-BBLDBDlBBCGGDqBBCsKBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBmBPBR1CBDFBErTBDQBCZBGqCBEKBITBMUBNTBNMBCCBCBBNzBBDSBPFFkC4CBIqBBGlCBLeBCLBFIBYdBDEBMrBBFZB3BbBF+BBDTBzBYYBMMBBByBzBBCOBCHB0BpBBDDBLrBBCKBP2BBXCBLjBBDKBGqBBDCBqBDBCFBCBBEGGB+FBUhBBM1IBDFBDlBBDFBDHBCGCBdBD0BBCGBCEEBBBCGBEDBDFBFMBGCBCGB1DOORMBmDFFDJBCEEBDBHGCBCBCKBDDBGEBFSSBnBBuZzBB34BkHBHDBEBBNlBBCGGD3BBIRRBVBKGBCGBCGBCGBCGBCGBCGBCGBCfBwB2O2OBBBaIBIEBDEBF1CBHCBC5CBCDBGqBBC9CBSfBxBPBhQ-tGBhCs0VBkCtBBDsIBEPBLBBVuBBGHBEwDBoBIBDmDBDxCBVUBCgBBZzBBNjCBCtBtBBEBECCBBBLgBBGiBBOcBEyBBCLBQRRBOBLEBC2BBKNBTWBEkCBCCCZCBDPBDDBMFBDFBDFBKGBCGBCqBBCNBH6DBWj9KBNWBFwBBloItLBDpDBnBGBNEBGLBCMBCEBCCCBCCBCCBqDBiBqLBT-BBD1BBpBLB1DEBCmEBlBZBHZBM4CBEFBDFBDFBDCBkBLBCZBCSBCBBCOBDNBjB6DBmC0BBsIcBEwBBwBfBOdBGqBBGdBDjBBFHBCEBrB9EBTjBBFjBBFnBBJzBBNKBCOBCGBCBBCKBCOBCGBCBBEzBBN2JBKVBLHBZFBCpBBCIBmCFBDCCBqBBCBBEDDBVBLWBKeBiCSBCBBLVBLZBHZBnB3BBHBBhCDBCBBGHBCCBCcBrBcBEcBkBHBCbBc1BBLVBLSBORBvDoCB4ByBBOyBBOnBBjBbBEGGBVB7HpBBCBBEBBRFBzBCBEcBLJJBUBrBRBvBUBcWBKlCBsBEBL4BBKOOBXBYyBBSDBJiBBEKKB+BBCDBKBBLCCkBRBChBBDHHBCB-BGBCCCBCBCOBCJBI4BBYDBCHBDBBDVBCGBCBBCEBEHBDBBDBBEHHGGBdJBCDDClBBCJBCDDCDBCBBECCtBhCBCCBCDBVCBfhCBDBBC5F5FB0BBDGBaFBjB+BBCEE8B1BBDoCoCBZBDNBWGB6F4BBoD-BBgBHBDDDBGBCBBCdBCBBDBBDDB+CHBDtBBDFBCCCBccBxBBDJBSnCBGTTBnCBoDHB5CgBBgBIBCsBBCGBCyByBBcBDVBCNBqCGBCBBCrBBECCBCCBBBCDDBZZBEBCBBCkBBCBBCDBCYYBqBBlIWBKQBCoBBECBwDwCwCB4cBnDuDBSjGBtyCgDBQvhBBSFBa68DBGmSB61GuBBy2B4RBIeBSuCBSdBTvBBRDBgBUBGSBxNsBB0G-BBhBYBDYBtBqCBF4BBIQBhCBBCNNBFBK1mHBqBfBiDyDB+vIDBCGBCBBCiJBQeeBBBDPPBCBJrMBloCqDBGMBEIBIJBFi7Fi7FBzCBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDYBCYBCeBCYBCeBCYBCeBCYBCeBCYBCHB15BeBHFB2GGBCQBDGBCBBCEBG9BBiBxDxDBrBBLGBRiKiKBcBTrBBlPbBlHdBDwGwGBdBCVBJBBhHGBCDBCBBCOBCkGB8BjCBEEE1lBDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1TZBHZBHZB3zD-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		Dash: () => new UnicodeRangeTable(decodeRanges("tB9qB9qB0BiyDiyDmgBqgCqgCBEB+BoBoBQnMnMlgDDDgBBBFdd-NUUwDxszBxszBBmBmBLqFqFhzD-J-J", false)),
		Emoji: () => new UnicodeRangeTable(decodeRanges("jBHHGJBwDFFu8HNN5GXX7CFBQBBwLBBNnFnFaKBFCBoGoHoHBLLK7B7BBCBCEBKGDBDDFDDCBBDIEBJJBBBGCCGLBMBBDCCBCCTDDBTTBEBCCCBEEBGGDBBFBBMBBGBBDGGBECBVVBGGBEBCDBDFFDDDBEBCDDCCCHEEHLLBQQDFFCFFBBBCMMBxBxBBBBKeP1LBBwOCBUBB0BFF7mBNN6SCCrrvDrGrGhFBBNBBPDDBIBsCZBCBBYVVDIBWBBvFhBBDvDBDBBCCBDyCBDCBCmIBC+BBMFBCXBIBBDHBNDDBCBDFFBOOBDDJBBKGGBBBNCBJCBDCCFHHEHHB0CBxBlCBGHBDDBEJBECCBEEDJBkHLBF8I8IBtBBCJBC4FBxDMBEKBE4BBCFFBOBDLBFJB", false)),
		Emoji_Component: () => new UnicodeRangeTable(decodeRanges("jBHHGJB0+H2G2Gsp3B3+8B3+8BBYB8PEBxtBDBtzhY-CB", false)),
		Emoji_Modifier: () => new UnicodeRangeTable(decodeRanges("7-8DE", true)),
		Emoji_Modifier_Base: () => new UnicodeRangeTable(decodeRanges("9wJ8G8GRDB4jzD9B9BBBBDDDBBB2DBBDKBWSBEFFBBBCCBICCZqGqGBFFWFFBvFvFBBBEEB0CRRBBBKMMgSDDJHBHKKBIBDCB5B+B+BBCCBCCSCBCMBmHCBrBIB", false)),
		Emoji_Presentation: () => new UnicodeRangeTable(decodeRanges("64IBBuGDBEDDqQBBWBBzBLBsBUUOJJBSSBGGBJJGWWIBBCFFDIIFBBdkBkBCFFBBBC+B+BBBBZPP8aBB0BFFvlxDrGrG-FDDBIBsCZBCZZVDDBDBCCBWBBvFgBBNIBClCBCVBNqBBFEBNQBEEEBlCBCCCB5FBD+BBODBCXBTbbBOO3C0CBxBlCBHEEBBBDDBEDBMBBIIBkHLBF8I8IBtBBCJBC4FBxDMBEKBE4BBCFFBOBDLBFJB", false)),
		Extended_Pictographic: () => new UnicodeRangeTable(decodeRanges("pFFFu8HNN5GXX7CFBQBBwLBBNnFnFaKBFCBoGoHoHBLLK7B7BBCBCEBKGDBDDFDDCBBDIEBJJBBBGCCGLBMBBDCCBCCTDDBTTBEBCCCBEEBGGDBBFBBMBBGBBDGGBECBVVBGGBEBCDBDFFDDDBEBCDDCCCHEEHLLBQQDFFCFFBBBCMMBxBxBBBBKeP1LBBwOCBUBB0BFF7mBNN6SCCrrvDoBoBBCBlDLBQBBQPPBmBmBBIBxDBBNBBPDDBIBU3BBcOBLVVDIBCDBKWBH7FBDvDBDBBCCBDyCBDCBCDBG9HBC+BBMFBCXBIBBDHBNDDBCBDFFBOOBDDJBBKGGBBBNCBJCBDCCFHHEHHB0CBxBlCBGHBDQBECCBEBDMB7GlBBNDB5BHBLFBpBHBfBBNDBDNBKmBBNuBBCJBC4FB5CHBPxEBhI9fB", false)),
		Hex_Digit: () => new UnicodeRangeTable(decodeRanges("wBJIFbFq1-BJIFbF", true)),
		Lowercase: () => new UnicodeRangeTable(decodeRanges("hDZBwBLLFlBlBBWBCHBC2BCBQCBuBCDECBBBDCCDEEBFFDEEBBBDDDCCCDCCBCCDEECDDBDDBBBHGDCOCBSCBDDCEEC4BCBFBDDDBCCFICBjCBDiBBIBBfEBhDsBsBCEEDDBTccBhBBCBBECBCWCBDBCGDB0B0BBuBBCgBCK0BCDMCBgDCxBoBBo6CqBBCDB5XFBjkCIBC2D2DB+FBiC0ECBHBCgDCBHBJFBLHBJHBJFBLHBJHBJNBDHBJHBJHBJEBCBBHEEBBBCBBJDBDBBJHBLCBCBB6DOORMBuDEEBEEcKFDBBJDBFiBiBBOBFsasaBYBn6BvBBCEEBGCFCCBCCBGBEiDCBIICFFNlBBCGG0oesBCUaCBBBmEMCBBBC8BCBIBCCCDICFCCDCCBBBCSCGGGCMCFCCDOCWDBCCCBBB2ZqBBCNBHvCBh6TGBNEBqhBZBumBnBBpEjBB8EKBCOBCGBCBBkODDBBBCpBBCIBmoByBB+DVB75CfBhsVfB8BYBnqZZBbGBCRBbZBbDBCCCBFBCKBbZBbZBbZBbZBbZBbZBbZBbZBbbBdYBCFBbYBCFBbYBCFBbYBCFBbYBCFBC15B15BBIBCTBHFBmI9BB1lChBB", false)),
		Math: () => new UnicodeRangeTable(decodeRanges("rBRRBBBgBeeCuBuBFmBmBgB5W5WBBBDbbBDDBBBwQCBuwGccBBBMEEOPPBCBWEBMEBiCMBFEEBFFBDBTFFDJBCDDBEBHEEBDDBCCBBBCFBENBClClCBWBCFBCBBFBBFfBCHHBPPBqIBJDBVBB7CffBZBCZZMGB+NBBNJBFFBFBBDBBEEBPCCDFBMHBGBB6BCCeDBKCBxK-BBhI-PBxBUBDFB9+zB4Z4ZBEBCjFjFRCBeCCeCCkEHHBCBitDBBhrwBwoBwoBBzCBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBDxBBhwFDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBB-uCIB", false)),
		Quotation_Mark: () => new UnicodeRangeTable(decodeRanges("iBFFkEQQ96HHBaBBowDqOqOBCBOCBixzBDB+FFF7CBB", false)),
		Terminal_Punctuation: () => new UnicodeRangeTable(decodeRanges("hBLLCMMBEE-ZJJiQ6B6BpCPPCCB1FsBsBBJBCsHsHB3B3BBEBCHBgBmImIB1nB1nBBtFtFFFB4JBB2YHBmY9D9DBBBoCBB+ECBEoBoBBCBDBB7JBBjLDBjFBBLBBCCBeCB8FEB-BBBldYYBKKBBBwlDCBzJOOFLLCBBEBBtNBB8ndBBuICBkHEB-LBB3CBBgD4E4EBBB0ECBgERRB6H6HnxUDDB6B6BBBBCDBqFLLCMMBEEiCDD7hBxBxBnkBoGoG3JBB5EFBlCFB6CDB5dEBtBDB+FGBxDDBgECBiEBBHRRB5C5CBDBtDrJrJB2D2DBBBNBBnLDBEOBqDBB6HCBmQCC8HBB4CBBFBB-MCBuBmUmUBrCrCBspBspBBDB6vRBBmEiCiCBBBLqRqRBoJoJBnwTnwTovHDB", false)),
		Uppercase: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiB2BCDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIJDCMCDQCDDDCCBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBDDBBBEWCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBpCDBNDBNDBNEBMDBnIFFECBDCBDEEBDBHGCBCBDDBLBBGbbBOBUzZzZBYBx5BvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoqZZBbZBbZBbCCBGDBDDBCBCHBbZBbBBCDBDHBCGBcBBCDBCEBCEEBFBcZBbZBbZBbZBbZBbZBfYBiBYBiBYBiBYBiBYBiB2pE2pEBgBBvgCZBHZBHZB", false)),
		White_Space: () => new UnicodeRangeTable(decodeRanges("JEBTlDlDbgvFgvFgsCKBeBBGwBwBh9DAB", false))
	});
	static SCRIPTS = new LazyMap({
		Adlam: () => new UnicodeRangeTable(decodeRanges("go6DrCFJFB", true)),
		Ahom: () => new UnicodeRangeTable(decodeRanges("g4lCaDOFW", true)),
		Anatolian_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("ggxCmS", true)),
		Arabic: () => new UnicodeRangeTable(decodeRanges("gwBEBCFBCNBCCBCfBCJBMZBCrDBChBBxCvBBxHhBBGqCBCcBxy8BtPBDvEBhBPBxDEBCmEBk7DeBkCFBJIBiBFBh43BDBCaBCBBCDDCJBCDBCCCHFFCECBBBCBBCDDCICBCCDDBCGBCDBCDBCCCBIBCQBGCBCEBCQB1BBB", false)),
		Armenian: () => new UnicodeRangeTable(decodeRanges("xpBlBDxBDCks9BE", true)),
		Avestan: () => new UnicodeRangeTable(decodeRanges("g4iC1BEG", true)),
		Balinese: () => new UnicodeRangeTable(decodeRanges("g4GsCCxB", true)),
		Bamum: () => new UnicodeRangeTable(decodeRanges("g1pB3CpowB4R", true)),
		Bassa_Vah: () => new UnicodeRangeTable(decodeRanges("w26CdDF", true)),
		Batak: () => new UnicodeRangeTable(decodeRanges("g+GzBJD", true)),
		Bengali: () => new UnicodeRangeTable(decodeRanges("gsCDBCHBDBBDVBCGBCEEBCBDIBDBBDDBJFFBCCBDBDYB", false)),
		Beria_Erfe: () => new UnicodeRangeTable(decodeRanges("g17CYDY", true)),
		Bhaiksuki: () => new UnicodeRangeTable(decodeRanges("ggnCICsBCNLc", true)),
		Bopomofo: () => new UnicodeRangeTable(decodeRanges("qXB6wLqBxDf", true)),
		Brahmi: () => new UnicodeRangeTable(decodeRanges("ggkCtCFjBKA", true)),
		Braille: () => new UnicodeRangeTable(decodeRanges("ggK-H", true)),
		Buginese: () => new UnicodeRangeTable(decodeRanges("gwGbDB", true)),
		Buhid: () => new UnicodeRangeTable(decodeRanges("g6FT", true)),
		Canadian_Aboriginal: () => new UnicodeRangeTable(decodeRanges("ggF-TxRlC7tgCP", true)),
		Carian: () => new UnicodeRangeTable(decodeRanges("g1gCwB", true)),
		Caucasian_Albanian: () => new UnicodeRangeTable(decodeRanges("wphCzBMA", true)),
		Chakma: () => new UnicodeRangeTable(decodeRanges("gokC0BCR", true)),
		Cham: () => new UnicodeRangeTable(decodeRanges("gwqB2BKNDJDD", true)),
		Cherokee: () => new UnicodeRangeTable(decodeRanges("g9E1CDFz7lBvC", true)),
		Chorasmian: () => new UnicodeRangeTable(decodeRanges("w9jCb", true)),
		Common: () => new UnicodeRangeTable(decodeRanges("AgCBbFBbuBBCOBCEBYgBgBiOmBBGEBDTB1DKKHCC+THHPEEhB9E9ElQiEiEB6mB6mB2MDBjJwvBwvBBBBoCBBsGBBCumBumBOIIBCBCFBCCBDmYmYBKBD2CBCKBEKBCOBShBB-BlBBCCBDFBCaBCQBqBCBF5UBXKBW-cBhIzTBDpEBhQ9CBzMUBCCCBXBQHBFDB8CBBE7C7CB0E0EBOBhBlBBKxBxBB+BBgBwCBwB5C5CBmFBhuG-BBhoWhBBnDCBmFJB1HhFhFsMPPBzuUzuUBxGxGBIBXiBBCSBCDB0ECCBeBbFBbKBLuBuBBhChCBFBCGBLEBjICBFsBBEIBxCMB0BsBBlHaBltuBDB96D8HBEzNBHWBQQBgDzDB9B1HBLmBBD9BBEQBJBBIdBF8BB2GTBNTBN2CBKYBoE0CBCmCBCBBDDDBDDBCBCLBCCCBFBCgCBCDBDHBCGBCbBCDBCEBCEEBFBCzKBDjJBDxBByjFjCBtC8BBjWrBBFjDBNOBDOBCOBCkBBLtFB5BZBCBBOrBBFIBIBBPFB7E4eBEQBEMBE5GBHLBFQQBKBF3BBJJBHnBBJdBDLBFBBPIBoB3KBJNBDMBEKBE4BBCFFBOBDLBFJBIyEBCmDBnghYffB+CB", false)),
		Coptic: () => new UnicodeRangeTable(decodeRanges("ifNxkKzDGG", true)),
		Cuneiform: () => new UnicodeRangeTable(decodeRanges("ggoC5cnDuDCEMjG", true)),
		Cypriot: () => new UnicodeRangeTable(decodeRanges("ggiCFBDCCBqBBCBBEDD", false)),
		Cypro_Minoan: () => new UnicodeRangeTable(decodeRanges("w8rCiD", true)),
		Cyrillic: () => new UnicodeRangeTable(decodeRanges("ggBkEBDoFBx6FKBhFtCtCojEfBhie-CBv8VBBhw4B9BBiBAB", false)),
		Deseret: () => new UnicodeRangeTable(decodeRanges("gghCvC", true)),
		Devanagari: () => new UnicodeRangeTable(decodeRanges("goCwCFODZh7nBfhwcJ", true)),
		Dives_Akuru: () => new UnicodeRangeTable(decodeRanges("gomCGBDDDBGBCBBCdBCBBDLBKJB", false)),
		Dogra: () => new UnicodeRangeTable(decodeRanges("ggmC7B", true)),
		Duployan: () => new UnicodeRangeTable(decodeRanges("ggvDqDGMEIIJDD", true)),
		Egyptian_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("ggsC1iBL68D", true)),
		Elbasan: () => new UnicodeRangeTable(decodeRanges("gohCnB", true)),
		Elymaic: () => new UnicodeRangeTable(decodeRanges("g-jCW", true)),
		Ethiopic: () => new UnicodeRangeTable(decodeRanges("gwEoCBCDBDGBCCCBCBDoBBCDBDgBBCDBDGBCCCBCBDOBC4BBCDBDiCBDfBEZBnvGWBKGBCGBCGBCGBCGBCGBCGBCGBjpfFBDFBDFBKGBCGBylvCGBCDBCBBCOB", false)),
		Garay: () => new UnicodeRangeTable(decodeRanges("gqjClBEcJB", true)),
		Georgian: () => new UnicodeRangeTable(decodeRanges("glElBBCGGDqBBCDBx8CqBBDCBhiElBBCGG", false)),
		Glagolitic: () => new UnicodeRangeTable(decodeRanges("ggL-Ch9sDGCQDGCBCE", true)),
		Gothic: () => new UnicodeRangeTable(decodeRanges("w5gCa", true)),
		Grantha: () => new UnicodeRangeTable(decodeRanges("g4kCDBCHBDBBDVBCGBCBBCEBDIBDBBDCBDHHGGBDGBEEB", false)),
		Greek: () => new UnicodeRangeTable(decodeRanges("wbDBCCBDDBCFFCCCBBBCCCBSBC+BBPPBnpGEBzBEBFEB1ChKhKBUBDFBDlBBDFBDHBCGCBdBD0BBCOBCNBDFBCSBDCBCIBoJ-xiB-xiB7uVuCBSgj0Bgj0BBkCB", false)),
		Gujarati: () => new UnicodeRangeTable(decodeRanges("h0CCBCIBCCBCVBCGBCBBCEBDJBCCBCCBDQQBCBDLBIGB", false)),
		Gunjala_Gondi: () => new UnicodeRangeTable(decodeRanges("grnCFCBCkBCBCFIJ", true)),
		Gurmukhi: () => new UnicodeRangeTable(decodeRanges("hwCCBCFBFBBDVBCGBCBBCBBCBBDCCBDBFBBDCBEIIBCBCIIBPB", false)),
		Gurung_Khema: () => new UnicodeRangeTable(decodeRanges("go4C5B", true)),
		Han: () => new UnicodeRangeTable(decodeRanges("g0LZBC4CBN1GBwBCCaIBPDBle-tGBhC-vUBhoWtLBDpDBpodBBNGBqgkB-2pBBhB9oEBDt0FBDwpHBQtTBjtC9QBjvBq6EBGppIB", false)),
		Hangul: () => new UnicodeRangeTable(decodeRanges("goE-HvxHBiI9CyDeiCei3dckUj9KNWFwBl9JeEFDFDFDC", true)),
		Hanifi_Rohingya: () => new UnicodeRangeTable(decodeRanges("gojCnBJJ", true)),
		Hanunoo: () => new UnicodeRangeTable(decodeRanges("g5FU", true)),
		Hatran: () => new UnicodeRangeTable(decodeRanges("gniCSCBGE", true)),
		Hebrew: () => new UnicodeRangeTable(decodeRanges("xsB2BBJaBFFBpp9BZBCEBCCCBCCBCCBIB", false)),
		Hiragana: () => new UnicodeRangeTable(decodeRanges("hiM1CBHCBi7-C+IBTeeBBBulQAB", false)),
		Imperial_Aramaic: () => new UnicodeRangeTable(decodeRanges("giiCVCI", true)),
		Inherited: () => new UnicodeRangeTable(decodeRanges("gYvDB2IBBlOKBbhXhXBCB8qEtBBDLBlPCBCMBCGBFHHEBBnG-BBtQBBjGgBB65DDBsDBBmrzBPBRNBwejHjH7iEl+uBl+uBBsBBDWBhRCBSHBDGBfDBz6rYvHB", false)),
		Inscriptional_Pahlavi: () => new UnicodeRangeTable(decodeRanges("g7iCSGH", true)),
		Inscriptional_Parthian: () => new UnicodeRangeTable(decodeRanges("g6iCVDH", true)),
		Javanese: () => new UnicodeRangeTable(decodeRanges("gsqBtCDJFB", true)),
		Kaithi: () => new UnicodeRangeTable(decodeRanges("gkkCiCLA", true)),
		Kannada: () => new UnicodeRangeTable(decodeRanges("gkDMCCCWCJCEDICCCDIBGCCDDJCC", true)),
		Katakana: () => new UnicodeRangeTable(decodeRanges("hlM5CBDCBxHPBxGuBBC3CBvgzBJBCsBBzisBDBCGBCBBCgJgJBBBzBPPBCB", false)),
		Kawi: () => new UnicodeRangeTable(decodeRanges("g4nCQCoBEc", true)),
		Kayah_Li: () => new UnicodeRangeTable(decodeRanges("goqBtBCA", true)),
		Kharoshthi: () => new UnicodeRangeTable(decodeRanges("gwiCDCBGHCCCcDCFJII", true)),
		Khitan_Small_Script: () => new UnicodeRangeTable(decodeRanges("k-7C84G84GB0OBqBAB", false)),
		Khmer: () => new UnicodeRangeTable(decodeRanges("g8F9CDJHJnPf", true)),
		Khojki: () => new UnicodeRangeTable(decodeRanges("gwkCRCuB", true)),
		Khudawadi: () => new UnicodeRangeTable(decodeRanges("w1kC6BGJ", true)),
		Kirat_Rai: () => new UnicodeRangeTable(decodeRanges("gq7C5B", true)),
		Lao: () => new UnicodeRangeTable(decodeRanges("h0DBBCCCBDBCXBCCCBVBDEBCCCBFBCJBDDB", false)),
		Latin: () => new UnicodeRangeTable(decodeRanges("hCZBHZBwBQQGWBCeBCgOBoBEB8wGlBBHwBBGDBGMBClCBiC-HByLOORMBuEBBHccSoBB42CfBj1elDBExCBVOBxZqBBCIBCDB38TGB7gBZBHZBmhCFBCpBBCIBm61BeBHFB", false)),
		Lepcha: () => new UnicodeRangeTable(decodeRanges("ggH3BEOEC", true)),
		Limbu: () => new UnicodeRangeTable(decodeRanges("goGeBCLBFLBFEEBKB", false)),
		Linear_A: () => new UnicodeRangeTable(decodeRanges("gwhC2JKVLH", true)),
		Linear_B: () => new UnicodeRangeTable(decodeRanges("gggCLCZCSCBCODNjB6D", true)),
		Lisu: () => new UnicodeRangeTable(decodeRanges("wmpBvBx1eA", true)),
		Lycian: () => new UnicodeRangeTable(decodeRanges("g0gCc", true)),
		Lydian: () => new UnicodeRangeTable(decodeRanges("gpiCZGA", true)),
		Mahajani: () => new UnicodeRangeTable(decodeRanges("wqkCmB", true)),
		Makasar: () => new UnicodeRangeTable(decodeRanges("g3nCY", true)),
		Malayalam: () => new UnicodeRangeTable(decodeRanges("goDMCCCyBCCCFFPDZ", true)),
		Mandaic: () => new UnicodeRangeTable(decodeRanges("giCbDA", true)),
		Manichaean: () => new UnicodeRangeTable(decodeRanges("g2iCmBFL", true)),
		Marchen: () => new UnicodeRangeTable(decodeRanges("wjnCfDVCN", true)),
		Masaram_Gondi: () => new UnicodeRangeTable(decodeRanges("gonCGBCBBCrBBECCBCCBHBJJB", false)),
		Medefaidrin: () => new UnicodeRangeTable(decodeRanges("gy7C6C", true)),
		Meetei_Mayek: () => new UnicodeRangeTable(decodeRanges("g3qBWqGtBDJ", true)),
		Mende_Kikakui: () => new UnicodeRangeTable(decodeRanges("gg6DkGDP", true)),
		Meroitic_Cursive: () => new UnicodeRangeTable(decodeRanges("gtiCXFTDtB", true)),
		Meroitic_Hieroglyphs: () => new UnicodeRangeTable(decodeRanges("gsiCf", true)),
		Miao: () => new UnicodeRangeTable(decodeRanges("g47CqCF4BIQ", true)),
		Modi: () => new UnicodeRangeTable(decodeRanges("gwlCkCMJ", true)),
		Mongolian: () => new UnicodeRangeTable(decodeRanges("ggGBBDCCBSBH4CBIqBB2t-BMB", false)),
		Mro: () => new UnicodeRangeTable(decodeRanges("gy6CeCJFB", true)),
		Multani: () => new UnicodeRangeTable(decodeRanges("g0kCGBCCCBCBCOBCKB", false)),
		Myanmar: () => new UnicodeRangeTable(decodeRanges("ggE-EhqmBeiDfxibT", true)),
		Nabataean: () => new UnicodeRangeTable(decodeRanges("gkiCeJI", true)),
		Nag_Mundari: () => new UnicodeRangeTable(decodeRanges("wm5DpB", true)),
		Nandinagari: () => new UnicodeRangeTable(decodeRanges("gtmCHDtBDK", true)),
		New_Tai_Lue: () => new UnicodeRangeTable(decodeRanges("gsGrBFZHKEB", true)),
		Newa: () => new UnicodeRangeTable(decodeRanges("gglC7CCE", true)),
		Nko: () => new UnicodeRangeTable(decodeRanges("g+B6BDC", true)),
		Nushu: () => new UnicodeRangeTable(decodeRanges("h-7CvsQvsQBqMB", false)),
		Nyiakeng_Puachue_Hmong: () => new UnicodeRangeTable(decodeRanges("go4DsBENDJFB", true)),
		Ogham: () => new UnicodeRangeTable(decodeRanges("g0Fc", true)),
		Ol_Chiki: () => new UnicodeRangeTable(decodeRanges("wiHvB", true)),
		Ol_Onal: () => new UnicodeRangeTable(decodeRanges("wu5DqBFA", true)),
		Old_Hungarian: () => new UnicodeRangeTable(decodeRanges("gkjCyBOyBIF", true)),
		Old_Italic: () => new UnicodeRangeTable(decodeRanges("g4gCjBKC", true)),
		Old_North_Arabian: () => new UnicodeRangeTable(decodeRanges("g0iCf", true)),
		Old_Permic: () => new UnicodeRangeTable(decodeRanges("w6gCqB", true)),
		Old_Persian: () => new UnicodeRangeTable(decodeRanges("g9gCjBFN", true)),
		Old_Sogdian: () => new UnicodeRangeTable(decodeRanges("g4jCnB", true)),
		Old_South_Arabian: () => new UnicodeRangeTable(decodeRanges("gziCf", true)),
		Old_Turkic: () => new UnicodeRangeTable(decodeRanges("ggjCoC", true)),
		Old_Uyghur: () => new UnicodeRangeTable(decodeRanges("w7jCZ", true)),
		Oriya: () => new UnicodeRangeTable(decodeRanges("h4CCCHDBDVCGCBCEDIDBDCICFBCEDR", true)),
		Osage: () => new UnicodeRangeTable(decodeRanges("wlhCjBFjB", true)),
		Osmanya: () => new UnicodeRangeTable(decodeRanges("gkhCdDJ", true)),
		Pahawh_Hmong: () => new UnicodeRangeTable(decodeRanges("g46ClCLJCGCUGS", true)),
		Palmyrene: () => new UnicodeRangeTable(decodeRanges("gjiCf", true)),
		Pau_Cin_Hau: () => new UnicodeRangeTable(decodeRanges("g2mC4B", true)),
		Phags_Pa: () => new UnicodeRangeTable(decodeRanges("giqB3B", true)),
		Phoenician: () => new UnicodeRangeTable(decodeRanges("goiCbEA", true)),
		Psalter_Pahlavi: () => new UnicodeRangeTable(decodeRanges("g8iCRIDNG", true)),
		Rejang: () => new UnicodeRangeTable(decodeRanges("wpqBjBMA", true)),
		Runic: () => new UnicodeRangeTable(decodeRanges("g1FqCEK", true)),
		Samaritan: () => new UnicodeRangeTable(decodeRanges("ggCtBDO", true)),
		Saurashtra: () => new UnicodeRangeTable(decodeRanges("gkqBlCJL", true)),
		Sharada: () => new UnicodeRangeTable(decodeRanges("gskC-ChsCH", true)),
		Shavian: () => new UnicodeRangeTable(decodeRanges("wihCvB", true)),
		Siddham: () => new UnicodeRangeTable(decodeRanges("gslC1BDlB", true)),
		Sidetic: () => new UnicodeRangeTable(decodeRanges("gqiCZ", true)),
		SignWriting: () => new UnicodeRangeTable(decodeRanges("gg2DrUQECO", true)),
		Sinhala: () => new UnicodeRangeTable(decodeRanges("hsDCBCRBEXBCIBCDDBFBEFFBEBCCCBGBHJBDCBt-gCTB", false)),
		Sogdian: () => new UnicodeRangeTable(decodeRanges("w5jCpB", true)),
		Sora_Sompeng: () => new UnicodeRangeTable(decodeRanges("wmkCYIJ", true)),
		Soyombo: () => new UnicodeRangeTable(decodeRanges("wymCyC", true)),
		Sundanese: () => new UnicodeRangeTable(decodeRanges("g8G-BhIH", true)),
		Sunuwar: () => new UnicodeRangeTable(decodeRanges("g+mChBPJ", true)),
		Syloti_Nagri: () => new UnicodeRangeTable(decodeRanges("ggqBsB", true)),
		Syriac: () => new UnicodeRangeTable(decodeRanges("g4BNC7BDCxIK", true)),
		Tagalog: () => new UnicodeRangeTable(decodeRanges("g4FVKA", true)),
		Tagbanwa: () => new UnicodeRangeTable(decodeRanges("g7FMCCCB", true)),
		Tai_Le: () => new UnicodeRangeTable(decodeRanges("wqGdDE", true)),
		Tai_Tham: () => new UnicodeRangeTable(decodeRanges("gxG+BCcDKHJHN", true)),
		Tai_Viet: () => new UnicodeRangeTable(decodeRanges("g0qBiCZE", true)),
		Tai_Yo: () => new UnicodeRangeTable(decodeRanges("g25DeCVJB", true)),
		Takri: () => new UnicodeRangeTable(decodeRanges("g0lC5BHJ", true)),
		Tamil: () => new UnicodeRangeTable(decodeRanges("i8CBBCFBECBCDBEBBCCCBEEBEEBBBELBFEBECBCDBDHHPUBm+kCxBBOAB", false)),
		Tangsa: () => new UnicodeRangeTable(decodeRanges("wz6CuCCJ", true)),
		Tangut: () => new UnicodeRangeTable(decodeRanges("g-7CgBgBB+3GBhQeBiDyDB", false)),
		Telugu: () => new UnicodeRangeTable(decodeRanges("ggDMCCCWCPDICCCDIBCCCBDDDJII", true)),
		Thaana: () => new UnicodeRangeTable(decodeRanges("g8BxB", true)),
		Thai: () => new UnicodeRangeTable(decodeRanges("hwD5BGb", true)),
		Tibetan: () => new UnicodeRangeTable(decodeRanges("g4DnCCjBFmBCjBCOCGFB", true)),
		Tifinagh: () => new UnicodeRangeTable(decodeRanges("wpL3BIBPA", true)),
		Tirhuta: () => new UnicodeRangeTable(decodeRanges("gklCnCJJ", true)),
		Todhri: () => new UnicodeRangeTable(decodeRanges("guhCzB", true)),
		Tolong_Siki: () => new UnicodeRangeTable(decodeRanges("wtnCrBFJ", true)),
		Toto: () => new UnicodeRangeTable(decodeRanges("w04De", true)),
		Tulu_Tigalari: () => new UnicodeRangeTable(decodeRanges("g8kCJBCDDClBBCJBCDDCDBCJBCBBJBB", false)),
		Ugaritic: () => new UnicodeRangeTable(decodeRanges("g8gCdCA", true)),
		Unknown: () => new UnicodeRangeTable(decodeRanges("4bBBHDBICCVuMuMnBBBzBBBE4B4BBGBcDBHKBvI9B9BBmDmDBMB8BBByBBBQddBCCMEBjBEBuHJJBDDBXXICCBBBFBBKBBDBBFHBCDBDGGBaaBEEHDBDBBXIIDGDBCCGDBDBBECBCGBFCCBFBSJBEKKEXXIDDGBBLIEBCCBNBFBBNGBIEEJBBDBBXIIDGGBKKBDDBEEBFBEDBDGGBTTBIBDHHBBBEFFBBBDCCDCBDCBECBNDBGCBEFFBCCBEBCNBWEBOEEYRRBKKEFFBFBDEEDBBFBBLGBXEEYLLGBBKEEFGBDEBEFFBLLELBOEE0BEEHDBRBBbEETCBZKKCBBICBCDBHCCJFBLBBELB7BDBekBBDCCGZZCYYBGGCIILBBFfBpClBlBBCBoBlBlBQOOBjBBnGCCBDBCBB6LFFBIICFFBqBqBFBBiBFFBIICFFBQQ6BFFBkCkCBhBhBBBBbFB3CBBHBB+UCB6CGBXIBZIBVLBOEEDLB-CBBLFBLFBbFB6CGBsBEBnCJBgBNNBCBNDBCCBrBBBGKBtBDBbFBMCB-BBBiCeeBMMBEBLFBPBBvBBBNTBuCnFnFBGB9BCBQCB-BEBsBBBMHBsBEB3QBBHBBnBBBHBBJGCgBBB2BQQPBBHUUBEEKmDmDNBBcOOBBBjBNBiBOBtEDB7UVBMUB14BBB-LEBuBCCBDBCBB5BGBDNBZIBI4BI-DhBBb6C6CBKB3GZBxC3C3CBoDoDBDBsB-C-C3CIBxBuzcuzcBBB4BIB9KTB5FHB+GTB9BCBLFB5BHBnCHBNFB1DKBfCBvCMMBCBiB4B4BBHBPBBLBBoDXBdJBHBBHBBHIBIII9BDB-DBBLFBl9KLBYDByBjoIBvLBBrDlBBILBGEBbGGCGDrUfBrBFB0BUUFDBGoEoEBCC-FCBHBBHBBHBBECBIIIBIBGBBNbbUDDQBBPhBB8DEBEDBuBCB5COOBBBCuBBvBhEBeCByBOBdDBlBIBfEBsBEBfmBmBBCBPpBB-EBBLFBlBDBlBDBpBHB1BKBNQQIDDMQQIDDBBB1BLB4JIBXJBJXBHrBrBKkCBHBBCtBtBDCBCBBYpCpCBGBKvBBUDDBDBiBCBcEBclBB5BDBVBBzBDDBDBJEEeBBEDBLGBKGBhCfBoBDBNIB3BCBeBBcEBbGBFLBIvCBqC2BB0BMB0BGBvBHBLFBnBCBeHBDvGBgBrBrBEBBDPBHHBKgBBvBHBrBVBblBBdTBYIBvCDBlBIBlCJBCBBaGBLFB2BTTBGBoBIBhDVVBJBTwBwBB8BBICCFQQMFB8BEBLFBFJJBDDBXXIDDGLLBDDBEEBCCBEBCEBIBBICBGKBLCCBCCnBLLCBBCFFLDDBGBDcB9CGGBcBpCHBLlFB3BBBnBhBBmCKBLFBOSB7BFBLFBVbBcBBQDBY4FB9BjDB0CLBJBBCBBJDDfDDBNNBHBLlCBJBBvBBBMaBpCHB0CMBqCGBL1CBJ3CBjBNBLFBKuBuBPJBeCBhBBBXPPBnCBIDDtBCBCDDKHBLFBHDDmBDDHGBLFBtBDBL1HBaGBSqBqBBBBe0CBCOBzBMB8clDBwDGGBJBlGryCBkDMB3iBJB88DEBoS41GB7Bl2BB6RGBgBLLBCByCLLBEBfBBHJBnCJBLIIWEBUvNB7BlGB8CEBaBBarBBsCDB6BGBS-BBGKBIIB3mHoBBhBgDB0D8vIBFIIDkJkJBNBCcBEBBCNBFHBtMjoCBsDEBOCBKGBLBBJ76DB+HCB1NFBYOBSOBvBBBYIB1D7BB3HJBoBBBjGUBnC5DBVLBVLB4CIBamEB2CoCoCDBBCBBDBBFNNCIIiCFFBJJIddFGGCCBI1K1KBlJlJB-V-VBNBGQQBuiBBgBFBH0GBISSBIIDGGBDB-BgBBCvDBuBCBPBBLDBD-JBgBQB7BEBCvOBrB1GBsBDBC-FBgBXXBGBD-GBIFFDQQmGBBRoBBtCDBLDBDwYBlCrCB+BhGBFccDCCBCCLFFCCCBEBCDBCECEDDCBBCICDCCBFFIKFCLLSEBEGGSzBBDtIBtBDBlDLBQBBQQQmBJBvF3BBeMBtBDBKGBDNBH5EB6eCBSCBOCB7GFBNDBCOBNDB5BHBLFBpBHBfBBNDBDNBKmBB5KHBPBBOCBMCB6BCCBCBRBBNDBLGB0EoDoDBjgBBh3pBfB-oEBBv0FBBypHOBvThtCB-QhvBBs6EEBrpIm8yVBCdBhD-DBxHvw-FB", false)),
		Vai: () => new UnicodeRangeTable(decodeRanges("gopBrJ", true)),
		Vithkuqi: () => new UnicodeRangeTable(decodeRanges("wrhCKCOCGCBCKCOCGCB", true)),
		Wancho: () => new UnicodeRangeTable(decodeRanges("g24D5BGA", true)),
		Warang_Citi: () => new UnicodeRangeTable(decodeRanges("glmCyCNA", true)),
		Yezidi: () => new UnicodeRangeTable(decodeRanges("g0jCpBCCDB", true)),
		Yi: () => new UnicodeRangeTable(decodeRanges("ggoBskBE2B", true)),
		Zanabazar_Square: () => new UnicodeRangeTable(decodeRanges("gwmCnC", true))
	});
	static FOLD_CATEGORIES = new LazyMap({
		L: () => new UnicodeRangeTable(decodeRanges("laA", true)),
		LC: () => new UnicodeRangeTable(decodeRanges("laA", true)),
		Ll: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiBuBCEECDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIBBCBBCBBCOCDQCDBBCCCBBBC4BCIBBCBBDCCBCBCGC3HrBrBCEEJHHCCBCCCBCCBPBCIBkBJJCUCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBZHBJHBJHBJEBMEBMDBNEBMEBqJEEBHHxC9zC9zCBuBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoyehBB", false)),
		Lt: () => new UnicodeRangeTable(decodeRanges("kOCCBCCBCClBCCtsHHBJHBJHBMQQwBAB", false)),
		Lu: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBCuBCEECDOCDsBCDECBBBDCCDEEGDDECBDDDCCCDFFDEECDDECCGBBCBBCBBCOCBSCDBBCEECkBCEQCJDDBCCFICBEBCBBCCCBEEBCCBCBCEBDCCBDDIDDCBBEFBGLLBnFnFsBCCEEEBBBvBDBCdBCBBECBCWCBDBCGD1BvBBCgBCK0BCDMCBgDCyBlBBq6CqBBDCB5XFBjkCIBCvHvHERRzD0ECGGGC8CCBHBJFBLHBJHBJFBMGCJHBJNBzBBBNSSBPPBEEpL2B2Bs1CvBBCEEBGCHDDLiDCJCCFNNBkBBCGG0oesBCUaCoEMCE8BCLCCDICFFFCBBDSCMOCFCCDOCb9a9advCBi8UZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBvyehBB", false)),
		M: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false)),
		Mn: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false)),
		Emoji: () => new UnicodeRangeTable(decodeRanges("8mJA", true)),
		Extended_Pictographic: () => new UnicodeRangeTable(decodeRanges("8mJA", true)),
		Lowercase: () => new UnicodeRangeTable(decodeRanges("hCZBmDWBCGBiBuBCEECDOCDuBCBECEBBCCCBCCBBBDDBCBBCCBEBBCBBCECBCCDCCBCCBBBCCCBEEIBBCBBCBBCOCDQCDBBCCCBBBC4BCIBBCBBDCCBCBCGCiJCCEJJHCCBBBCCCBCCBPBCIBkBJJCUCGDDCBBDyBBxBgBCK2BCBMCD+CCDlBBq6ClBBCGGzW1CB0kCHHBpBBDCBhK0ECKgDCKHBJFBLHBJHBJFBMGCJHBZHBJHBJHBJEBMEBMDBNEBMEBqJEEBHHuBPBUzZzZBYBx5BvBBxBCCBBBDGCBCBCDDJCBCgDCJCCFuqeuqeCqBCUaCoEMCE8BCLECBICFCCDCCEUCBDBCEBCOCBCBCCCBQCZs5Vs5VBYBmmBnBBpEjBB9EKBCOBCGBCBBr3ByBB+EVB75CfBhsVfBhCYBoyehBB", false)),
		Math: () => new UnicodeRangeTable(decodeRanges("ycGDCHHFMMDDDCHHFAB", false)),
		Uppercase: () => new UnicodeRangeTable(decodeRanges("hDZB7BqBqBBWBCHBCuBCEECDOCDsBCDECBBBDCCDEEGDDECBDDDCCCDFFDEECDDECCGBBCBBCBBCOCBSCDBBCEECkBCEQCJDDBCCFICBEBCBBCCCBEEBCCBCBCEBDCCBDDIDDCBBEFBGLLBnFnFsBCCEEEBBBvBDBCdBCBBECBCWCBDBCGD1BvBBCgBCK0BCDMCBgDCyBlBBq6CqBBDCB5XFBjkCIBCvHvHERRzD0ECGGGC8CCBHBJFBLHBJHBJFBMGCJHBJNBzBBBNSSBPPBEEpLiBiBBOBFsasaBYBn6BvBBCEEBGCHDDLiDCJCCFNNBkBBCGG0oesBCUaCoEMCE8BCLCCDICFFFCBBDSCMOCFCCDOCb9a9advCBi8UZBumBnBBpEjBB8EKBCOBCGBCBBk4ByBB+DVB75CfBhsVfB8BYBvyehBB", false))
	});
	static FOLD_SCRIPT = new LazyMap({
		Common: () => new UnicodeRangeTable(decodeRanges("8cgBgB", false)),
		Greek: () => new UnicodeRangeTable(decodeRanges("1FwUwU", false)),
		Inherited: () => new UnicodeRangeTable(decodeRanges("5cgBgBlgHAB", false))
	});
};
// src/Unicode.js
/**
* Utilities for dealing with Unicode better than JS does.
*/
var Unicode = class Unicode {
	static MAX_RUNE = 1114111;
	static RUNE_ERROR = 65533;
	static isUnsearchable(r) {
		return r === Unicode.RUNE_ERROR || r >= Unicode.MIN_HIGH_SURROGATE && r <= Unicode.MAX_LOW_SURROGATE;
	}
	static MAX_ASCII = 127;
	static MAX_LATIN1 = 255;
	static MAX_BMP = 65535;
	static MIN_FOLD = 65;
	static MAX_FOLD = 125251;
	static MIN_HIGH_SURROGATE = 55296;
	static MAX_HIGH_SURROGATE = 56319;
	static MIN_LOW_SURROGATE = 56320;
	static MAX_LOW_SURROGATE = 57343;
	static MIN_SUPPLEMENTARY_CODE_POINT = 65536;
	static is32(ranges, r) {
		let lo = 0;
		let hi = ranges.length;
		while (lo < hi) {
			const m = lo + Math.floor((hi - lo) / 2);
			const rlo = ranges.getLo(m);
			const rhi = ranges.getHi(m);
			if (rlo <= r && r <= rhi) {
				const stride = ranges.getStride(m);
				return (r - rlo) % stride === 0;
			}
			if (r < rlo) hi = m;
			else lo = m + 1;
		}
		return false;
	}
	static is(ranges, r) {
		if (r <= Unicode.MAX_LATIN1) {
			for (let i = 0; i < ranges.length; i++) {
				if (r > ranges.getHi(i)) continue;
				const rlo = ranges.getLo(i);
				if (r < rlo) return false;
				const stride = ranges.getStride(i);
				return (r - rlo) % stride === 0;
			}
			return false;
		}
		return ranges.length > 0 && r >= ranges.getLo(0) && Unicode.is32(ranges, r);
	}
	static isPrint(r) {
		if (r <= Unicode.MAX_LATIN1) return r >= 32 && r < Unicode.MAX_ASCII || r >= 161 && r !== 173;
		return Unicode.is(UnicodeTables.Print, r);
	}
	static simpleFold(r) {
		if (UnicodeTables.CASE_ORBIT.has(r)) return UnicodeTables.CASE_ORBIT.get(r);
		if (r <= Unicode.MAX_ASCII) {
			const l = Codepoint.toLowerCase(r);
			return l !== r ? l : Codepoint.toUpperCase(r);
		}
		return r;
	}
	static equalsIgnoreCase(r1, r2) {
		if (r1 === r2) return true;
		if (r1 < 0 || r2 < 0) return false;
		if (r1 <= Unicode.MAX_ASCII && r2 <= Unicode.MAX_ASCII) {
			if (65 <= r1 && r1 <= 90) r1 |= 32;
			if (65 <= r2 && r2 <= 90) r2 |= 32;
			return r1 === r2;
		}
		for (let r = Unicode.simpleFold(r1); r !== r1; r = Unicode.simpleFold(r)) if (r === r2) return true;
		return false;
	}
};
// src/exceptions.js
var RE2JSException = class extends Error {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSException";
	}
};
/**
* An exception thrown by the parser if the pattern was invalid.
*/
var RE2JSSyntaxException = class extends RE2JSException {
	/**
	* @param {string} error
	* @param {string|null} [input=null]
	*/
	constructor(error, input = null) {
		let message = `error parsing regexp: ${error}`;
		if (input) message += `: \`${input}\``;
		super(message);
		this.name = "RE2JSSyntaxException";
		this.message = message;
		/** @type {string} */
		this.error = error;
		/** @type {string|null} */
		this.input = input;
	}
	/**
	* Retrieves the description of the error.
	* @returns {string}
	*/
	getDescription() {
		return this.error;
	}
	/**
	* Retrieves the erroneous regular-expression pattern.
	* @returns {string|null}
	*/
	getPattern() {
		return this.input;
	}
};
/**
* An exception thrown by the compiler
*/
var RE2JSCompileException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSCompileException";
	}
};
/**
* An exception thrown by using groups
*/
var RE2JSGroupException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSGroupException";
	}
};
/**
* An exception thrown by flags
*/
var RE2JSFlagsException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSFlagsException";
	}
};
/**
* An exception thrown for internal engine errors, such as corrupted bytecodes.
*/
var RE2JSInternalException = class extends RE2JSException {
	/** @param {string} message */
	constructor(message) {
		super(message);
		this.name = "RE2JSInternalException";
	}
};
// src/Utils.js
/**
* Size of the precomputed single-byte lookup table.
* Covers standard ASCII and Latin-1 characters for fast-path execution.
*/
const FAST_PATH_TABLE_SIZE = 256;
/**
* Precomputed lookup table for Word Boundary (\b, \B) assertions.
* * By precomputing the boolean results for standard ASCII word ranges
* ('a'-'z', 'A'-'Z', '0'-'9', '_'), we completely eliminate 4 logical
* branches from the NFA's hot execution loop. This prevents costly
* CPU branch mispredictions when scanning large strings.
*/
const WORD_RUNE_TABLE = new Uint8Array(FAST_PATH_TABLE_SIZE);
for (let i = 0; i < FAST_PATH_TABLE_SIZE; i++) WORD_RUNE_TABLE[i] = 97 <= i && i <= 122 || 65 <= i && i <= 90 || 48 <= i && i <= 57 || i === 95 ? 1 : 0;
let cachedNativeEncoder = null;
let cachedNativeDecoder = null;
/**
* Various constants and helper utilities.
*/
var Utils = class Utils {
	static METACHARACTERS = "\\.+*?()|[]{}^$";
	static EMPTY_BEGIN_LINE = 1;
	static EMPTY_END_LINE = 2;
	static EMPTY_BEGIN_TEXT = 4;
	static EMPTY_END_TEXT = 8;
	static EMPTY_WORD_BOUNDARY = 16;
	static EMPTY_NO_WORD_BOUNDARY = 32;
	static EMPTY_ALL = -1;
	static emptyInts() {
		return [];
	}
	static isString(value) {
		return typeof value === "string" || Object.prototype.toString.call(value) === "[object String]";
	}
	static typeName(value) {
		if (value === null || typeof value !== "object" && typeof value !== "function") return value === null ? "null" : typeof value;
		return Object.prototype.toString.call(value).slice(8, -1);
	}
	static checkPattern(pattern) {
		if (!Utils.isString(pattern)) throw new TypeError(`The pattern must be a string, not ${Utils.typeName(pattern)} (RE2JS.translateRegExp() converts a RegExp)`);
	}
	static checkInput(input) {
		if (!Utils.isString(input) && !Utils.isByteArray(input)) throw new TypeError(`The input must be a string or a byte array (Uint8Array or number[]), not ${Utils.typeName(input)}`);
	}
	static checkFlags(flags) {
		const known = PublicFlags.MULTILINE | PublicFlags.DOTALL | PublicFlags.CASE_INSENSITIVE | PublicFlags.DISABLE_UNICODE_GROUPS | PublicFlags.LONGEST_MATCH | PublicFlags.LOOKBEHINDS;
		if (!Number.isInteger(flags) || (flags & ~known) !== 0) throw new RE2JSFlagsException("Flags should only be a combination of MULTILINE, DOTALL, CASE_INSENSITIVE, DISABLE_UNICODE_GROUPS, LONGEST_MATCH, LOOKBEHINDS");
	}
	static isByteArray(input) {
		return Array.isArray(input) || Object.prototype.toString.call(input) === "[object Uint8Array]";
	}
	static isalnum(c) {
		return Codepoint.CODES["0"] <= c && c <= Codepoint.CODES["9"] || Codepoint.CODES["a"] <= c && c <= Codepoint.CODES["z"] || Codepoint.CODES["A"] <= c && c <= Codepoint.CODES["Z"];
	}
	static unhex(c) {
		if (Codepoint.CODES["0"] <= c && c <= Codepoint.CODES["9"]) return c - Codepoint.CODES["0"];
		if (Codepoint.CODES["a"] <= c && c <= Codepoint.CODES["f"]) return c - Codepoint.CODES["a"] + 10;
		if (Codepoint.CODES["A"] <= c && c <= Codepoint.CODES["F"]) return c - Codepoint.CODES["A"] + 10;
		return -1;
	}
	static escapeRune(rune) {
		let out = "";
		if (Unicode.isPrint(rune)) {
			if (Utils.METACHARACTERS.indexOf(String.fromCodePoint(rune)) >= 0) out += "\\";
			out += String.fromCodePoint(rune);
		} else switch (rune) {
			case Codepoint.CODES["\""]:
				out += "\\\"";
				break;
			case Codepoint.CODES["\\"]:
				out += "\\\\";
				break;
			case Codepoint.CODES["	"]:
				out += "\\t";
				break;
			case Codepoint.CODES["\n"]:
				out += "\\n";
				break;
			case Codepoint.CODES["\r"]:
				out += "\\r";
				break;
			case Codepoint.CODES["\b"]:
				out += "\\b";
				break;
			case Codepoint.CODES["\f"]:
				out += "\\f";
				break;
			default: {
				let s = rune.toString(16);
				if (rune < 256) {
					out += "\\x";
					if (s.length === 1) out += "0";
					out += s;
				} else out += `\\x{${s}}`;
				break;
			}
		}
		return out;
	}
	static stringToRunes(str) {
		const string = String(str);
		const runes = [];
		let i = 0;
		while (i < string.length) {
			const cp = string.codePointAt(i);
			runes.push(cp);
			i += cp > Unicode.MAX_BMP ? 2 : 1;
		}
		return new Int32Array(runes);
	}
	static runeToString(r) {
		return String.fromCodePoint(r);
	}
	static isWordRune(r) {
		return r < FAST_PATH_TABLE_SIZE ? WORD_RUNE_TABLE[r] === 1 : false;
	}
	static emptyOpContext(r1, r2) {
		let op = 0;
		if (r1 < 0) op |= Utils.EMPTY_BEGIN_TEXT | Utils.EMPTY_BEGIN_LINE;
		if (r1 === 10) op |= Utils.EMPTY_BEGIN_LINE;
		if (r2 < 0) op |= Utils.EMPTY_END_TEXT | Utils.EMPTY_END_LINE;
		if (r2 === 10) op |= Utils.EMPTY_END_LINE;
		if (Utils.isWordRune(r1) !== Utils.isWordRune(r2)) op |= Utils.EMPTY_WORD_BOUNDARY;
		else op |= Utils.EMPTY_NO_WORD_BOUNDARY;
		return op;
	}
	/**
	* Returns a string that quotes all regular expression metacharacters inside the argument text;
	* the returned string is a regular expression matching the literal text. For example,
	* {@code quoteMeta("[foo]").equals("\\[foo\\]")}.
	* @param {string} str
	* @returns {string}
	*/
	static quoteMeta(str) {
		return str.split("").map((s) => {
			if (Utils.METACHARACTERS.indexOf(s) >= 0) return `\\${s}`;
			return s;
		}).join("");
	}
	static charCount(codePoint) {
		return codePoint > Unicode.MAX_BMP ? 2 : 1;
	}
	/**
	* High-speed conversion from TypedArrays to standard JS Arrays.
	* Bypasses the expensive Symbol.iterator overhead of Array.from()
	*/
	static toArray(typedArray) {
		const len = typedArray.length;
		const res = new Array(len);
		for (let i = 0; i < len; i++) res[i] = typedArray[i];
		return res;
	}
	static stringToUtf8ByteArray(str) {
		if (globalThis.TextEncoder) {
			if (!cachedNativeEncoder) cachedNativeEncoder = new TextEncoder();
			return cachedNativeEncoder.encode(str);
		} else {
			let out = [], p = 0;
			for (let i = 0; i < str.length; i++) {
				let c = str.charCodeAt(i);
				if (c < 128) out[p++] = c;
				else if (c < 2048) {
					out[p++] = c >> 6 | 192;
					out[p++] = c & 63 | 128;
				} else if ((c & 64512) === Unicode.MIN_HIGH_SURROGATE && i + 1 < str.length && (str.charCodeAt(i + 1) & 64512) === Unicode.MIN_LOW_SURROGATE) {
					c = Unicode.MIN_SUPPLEMENTARY_CODE_POINT + ((c & 1023) << 10) + (str.charCodeAt(++i) & 1023);
					out[p++] = c >> 18 | 240;
					out[p++] = c >> 12 & 63 | 128;
					out[p++] = c >> 6 & 63 | 128;
					out[p++] = c & 63 | 128;
				} else {
					out[p++] = c >> 12 | 224;
					out[p++] = c >> 6 & 63 | 128;
					out[p++] = c & 63 | 128;
				}
			}
			return out;
		}
	}
	static utf8ByteArrayToString(bytes) {
		if (globalThis.TextDecoder) {
			if (!cachedNativeDecoder) cachedNativeDecoder = new TextDecoder("utf-8");
			const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
			return cachedNativeDecoder.decode(view);
		} else {
			let out = [], pos = 0, c = 0;
			while (pos < bytes.length) {
				let c1 = bytes[pos++];
				if (c1 < 128) out[c++] = String.fromCharCode(c1);
				else if (c1 > 191 && c1 < 224) {
					let c2 = bytes[pos++];
					out[c++] = String.fromCharCode((c1 & 31) << 6 | c2 & 63);
				} else if (c1 > 239 && c1 < 365) {
					let c2 = bytes[pos++];
					let c3 = bytes[pos++];
					let c4 = bytes[pos++];
					let u = ((c1 & 7) << 18 | (c2 & 63) << 12 | (c3 & 63) << 6 | c4 & 63) - Unicode.MIN_SUPPLEMENTARY_CODE_POINT;
					out[c++] = String.fromCharCode(Unicode.MIN_HIGH_SURROGATE + (u >> 10));
					out[c++] = String.fromCharCode(Unicode.MIN_LOW_SURROGATE + (u & 1023));
				} else {
					let c2 = bytes[pos++];
					let c3 = bytes[pos++];
					out[c++] = String.fromCharCode((c1 & 15) << 12 | (c2 & 63) << 6 | c3 & 63);
				}
			}
			return out.join("");
		}
	}
};
// src/helpers.js
const createEnum = (values = [], initNum = 0) => {
	const enumObject = Object.create(null);
	for (let i = 0; i < values.length; i++) {
		const val = values[i];
		const keyVal = initNum + i;
		enumObject[val] = keyVal;
		enumObject[keyVal] = val;
	}
	return Object.freeze(enumObject);
};
// src/MatcherInput.js
/**
* Abstract the representations of input text supplied to Matcher.
*/
var MatcherInputBase = class MatcherInputBase {
	static Encoding = createEnum(["UTF_16", "UTF_8"]);
	getEncoding() {
		throw Error("not implemented");
	}
	/** @returns {string} */
	asCharSequence() {
		throw Error("not implemented");
	}
	/** @returns {Uint8Array|number[]|null} */
	asBytes() {
		throw Error("not implemented");
	}
	/** @returns {number} */
	length() {
		throw Error("not implemented");
	}
	/**
	*
	* @returns {boolean}
	*/
	isUTF8Encoding() {
		return this.getEncoding() === MatcherInputBase.Encoding.UTF_8;
	}
	/**
	*
	* @returns {boolean}
	*/
	isUTF16Encoding() {
		return this.getEncoding() === MatcherInputBase.Encoding.UTF_16;
	}
};
var Utf8MatcherInput = class extends MatcherInputBase {
	/** @param {Uint8Array|number[]|null} bytes */
	constructor(bytes = null) {
		super();
		this.bytes = bytes;
	}
	getEncoding() {
		return MatcherInputBase.Encoding.UTF_8;
	}
	/**
	*
	* @returns {string}
	*/
	asCharSequence() {
		return Utils.utf8ByteArrayToString(this.bytes);
	}
	/**
	*
	* @returns {Uint8Array|number[]|null}
	*/
	asBytes() {
		return this.bytes;
	}
	/**
	*
	* @returns {number}
	*/
	length() {
		return this.bytes.length;
	}
};
var Utf16MatcherInput = class extends MatcherInputBase {
	/** @param {string|null} charSequence */
	constructor(charSequence = null) {
		super();
		this.charSequence = charSequence;
	}
	getEncoding() {
		return MatcherInputBase.Encoding.UTF_16;
	}
	/**
	*
	* @returns {string}
	*/
	asCharSequence() {
		return this.charSequence;
	}
	/**
	*
	* @returns {number[]}
	*/
	asBytes() {
		return Utils.stringToUtf8ByteArray(this.charSequence.toString());
	}
	/**
	*
	* @returns {number}
	*/
	length() {
		return this.charSequence.length;
	}
};
var MatcherInput = class {
	/**
	* Return the MatcherInput for UTF_16 encoding.
	* @returns {Utf16MatcherInput}
	*/
	static utf16(charSequence) {
		Utils.checkInput(charSequence);
		return new Utf16MatcherInput(charSequence);
	}
	/**
	* Return the MatcherInput for UTF_8 encoding.
	* @returns {Utf8MatcherInput}
	*/
	static utf8(input) {
		if (Utils.isByteArray(input)) return new Utf8MatcherInput(input);
		return new Utf8MatcherInput(Utils.stringToUtf8ByteArray(input));
	}
};
// src/MachineInput.js
/**
* MachineInput abstracts different representations of the input text supplied to the Machine. It
* provides one-character lookahead.
*/
var MachineInputBase = class {
	static EOF() {
		return -8;
	}
	constructor() {
		this.start = 0;
		this.end = 0;
	}
	canCheckPrefix() {
		return true;
	}
	endPos() {
		return this.end - this.start;
	}
	hasString() {
		return false;
	}
	hasAnyString() {
		return false;
	}
	prefixLength() {
		return 0;
	}
};
var MachineUTF8Input = class MachineUTF8Input extends MachineInputBase {
	static RUNE_ERROR_STEP = Unicode.RUNE_ERROR << 3 | 1;
	constructor(bytes, start = 0, end = bytes.length) {
		super();
		this.bytes = bytes;
		this.start = start;
		this.end = end;
	}
	hasString(prefilter, pos) {
		const target = prefilter.bytes;
		if (target.length === 0) return true;
		const idx = this.indexOf(this.bytes, target, this.start + pos);
		return idx !== -1 && idx <= this.end - target.length;
	}
	hasAnyString(prefilter, pos) {
		return prefilter.automaton8().searchUTF8(this.bytes, this.start + pos, this.end);
	}
	step(pos) {
		pos += this.start;
		if (pos >= this.end) return MachineInputBase.EOF();
		const c = this.bytes[pos] & 255;
		if (c < 128) return c << 3 | 1;
		let size;
		let rune;
		let lo = 128;
		let hi = 191;
		if (c >= 194 && c <= 223) {
			size = 2;
			rune = c & 31;
		} else if (c >= 224 && c <= 239) {
			size = 3;
			rune = c & 15;
			if (c === 224) lo = 160;
			else if (c === 237) hi = 159;
		} else if (c >= 240 && c <= 244) {
			size = 4;
			rune = c & 7;
			if (c === 240) lo = 144;
			else if (c === 244) hi = 143;
		} else return MachineUTF8Input.RUNE_ERROR_STEP;
		if (pos + size > this.end) return MachineUTF8Input.RUNE_ERROR_STEP;
		const c1 = this.bytes[pos + 1] & 255;
		if (c1 < lo || c1 > hi) return MachineUTF8Input.RUNE_ERROR_STEP;
		rune = rune << 6 | c1 & 63;
		if (size > 2) {
			const c2 = this.bytes[pos + 2] & 255;
			if ((c2 & 192) !== 128) return MachineUTF8Input.RUNE_ERROR_STEP;
			rune = rune << 6 | c2 & 63;
			if (size > 3) {
				const c3 = this.bytes[pos + 3] & 255;
				if ((c3 & 192) !== 128) return MachineUTF8Input.RUNE_ERROR_STEP;
				rune = rune << 6 | c3 & 63;
			}
		}
		return rune << 3 | size;
	}
	index(re2, pos) {
		pos += this.start;
		const i = this.indexOf(this.bytes, re2.prefixUTF8, pos);
		return i < 0 ? i : i - pos;
	}
	context(pos) {
		pos += this.start;
		let r1 = -1;
		if (pos > this.start && pos <= this.end) {
			let start = pos - 1;
			r1 = this.bytes[start--];
			if (r1 >= 128) {
				let lim = pos - 4;
				if (lim < this.start) lim = this.start;
				while (start >= lim && (this.bytes[start] & 192) === 128) start--;
				if (start < this.start) start = this.start;
				const r = this.step(start - this.start);
				r1 = start + (r & 7) === pos ? r >> 3 : Unicode.RUNE_ERROR;
			}
		}
		const r2 = pos < this.end ? this.step(pos - this.start) >> 3 : -1;
		return Utils.emptyOpContext(r1, r2);
	}
	indexOf(source, target, fromIndex = 0) {
		let targetLength = target.length;
		if (targetLength === 0) return fromIndex <= this.end ? fromIndex : -1;
		const firstByte = target[0];
		let limit = this.end - targetLength;
		const hasNativeIndexOf = typeof source.indexOf === "function";
		let i = fromIndex;
		while (i <= limit) {
			if (hasNativeIndexOf) {
				i = source.indexOf(firstByte, i);
				if (i === -1 || i > limit) return -1;
			} else {
				while (i <= limit && source[i] !== firstByte) i++;
				if (i > limit) return -1;
			}
			let match = true;
			for (let j = 1; j < targetLength; j++) if (source[i + j] !== target[j]) {
				match = false;
				break;
			}
			if (match) return i;
			i++;
		}
		return -1;
	}
	prefixLength(re2) {
		return re2.prefixUTF8.length;
	}
};
var MachineUTF16Input = class extends MachineInputBase {
	constructor(charSequence, start = 0, end = charSequence.length) {
		super();
		this.charSequence = charSequence;
		this.start = start;
		this.end = end;
	}
	hasString(prefilter, pos) {
		const idx = this.charSequence.indexOf(prefilter.str, this.start + pos);
		return idx !== -1 && idx <= this.end - prefilter.str.length;
	}
	hasAnyString(prefilter, pos) {
		return prefilter.automaton16().searchUTF16(this.charSequence, this.start + pos, this.end);
	}
	step(pos) {
		pos += this.start;
		if (pos >= this.end) return MachineInputBase.EOF();
		const c1 = this.charSequence.charCodeAt(pos);
		if (c1 < Unicode.MIN_HIGH_SURROGATE || c1 > Unicode.MAX_HIGH_SURROGATE || pos + 1 >= this.end) return c1 << 3 | 1;
		const c2 = this.charSequence.charCodeAt(pos + 1);
		if (c2 >= Unicode.MIN_LOW_SURROGATE && c2 <= Unicode.MAX_LOW_SURROGATE) return (c1 - Unicode.MIN_HIGH_SURROGATE) * 1024 + (c2 - Unicode.MIN_LOW_SURROGATE) + Unicode.MIN_SUPPLEMENTARY_CODE_POINT << 3 | 2;
		return c1 << 3 | 1;
	}
	index(re2, pos) {
		pos += this.start;
		const i = this.charSequence.indexOf(re2.prefix, pos);
		if (i < 0 || i > this.end - re2.prefix.length) return -1;
		return i - pos;
	}
	context(pos) {
		pos += this.start;
		const r1 = pos > this.start && pos <= this.end ? this.charSequence.charCodeAt(pos - 1) : -1;
		const r2 = pos < this.end ? this.charSequence.charCodeAt(pos) : -1;
		return Utils.emptyOpContext(r1, r2);
	}
	prefixLength(re2) {
		return re2.prefix.length;
	}
};
var MachineInput = class {
	static fromUTF8(bytes, start = 0, end = bytes.length) {
		return new MachineUTF8Input(bytes, start, end);
	}
	static fromUTF16(charSequence, start = 0, end = void 0) {
		Utils.checkInput(charSequence);
		return new MachineUTF16Input(charSequence, start, end ?? charSequence.length);
	}
};
// src/Matcher.js
/**
* A stateful iterator that interprets a regex {@code RE2JS} on a specific input.
*
* Conceptually, a Matcher consists of four parts:
* <ol>
* <li>A compiled regular expression {@code RE2JS}, set at construction and fixed for the lifetime
* of the matcher.</li>
*
* <li>The remainder of the input string, set at construction or {@link #reset()} and advanced by
* each match operation such as {@link #find}, {@link #matches} or {@link #lookingAt}.</li>
*
* <li>The current match information, accessible via {@link #start}, {@link #end}, and
* {@link #group}, and updated by each match operation.</li>
*
* <li>The append position, used and advanced by {@link #appendReplacement} and {@link #appendTail}
* if performing a search and replace from the input to an external {@code StringBuffer}.
*
* </ol>
*
*
* @author rsc@google.com (Russ Cox)
*/
var Matcher = class Matcher {
	/**
	* V8 and WebKit have historical hard limits on the number of arguments
	* that can be passed to a function. We cap replacer arguments to prevent
	* Call Stack Overflow (DoS) vulnerabilities on massive ASTs.
	*/
	static MAX_REPLACER_ARGS = 65535;
	/**
	* Quotes '\' and '$' in {@code s}, so that the returned string could be used in
	* {@link #appendReplacement} as a literal replacement of {@code s}.
	*
	* @param {string} str the string to be quoted
	* @param {boolean} [javaMode=false] whether the replacement will be used in javaMode
	* @returns {string} the quoted string
	*/
	static quoteReplacement(str, javaMode = false) {
		if (javaMode) {
			if (str.indexOf("\\") < 0 && str.indexOf("$") < 0) return str;
			return str.split("").map((s) => {
				const c = s.codePointAt(0);
				if (c === Codepoint.CODES["\\"] || c === Codepoint.CODES["$"]) return `\\${s}`;
				return s;
			}).join("");
		}
		if (str.indexOf("$") < 0) return str;
		return str.split("").map((s) => {
			if (s.codePointAt(0) === Codepoint.CODES["$"]) return "$$";
			return s;
		}).join("");
	}
	/**
	*
	* @param {import('./index.js').RE2JS} pattern
	* @param {string|number[]|Uint8Array|MatcherInputBase} input
	*/
	constructor(pattern, input) {
		if (pattern === null) throw new Error("pattern is null");
		/**
		* The pattern being matched.
		* @type {import('./index.js').RE2JS}
		*/
		this.patternInput = pattern;
		const re2 = this.patternInput.re2();
		/** @type {number} */
		this.patternGroupCount = re2.numberOfCapturingGroups();
		/** @type {number[]} */
		this.groups = [];
		/** @type {Record<string, number>} */
		this.namedGroups = re2.namedGroups;
		/** @type {boolean} */
		this.hasNamedGroups = Object.keys(this.namedGroups).length > 0;
		/** @type {number} */
		this.numberOfInstructions = re2.numberOfInstructions();
		/** @type {import('./Machine.js').LookbehindState|null} */
		this.lookbehindState = null;
		if (input instanceof MatcherInputBase) this.resetMatcherInput(input);
		else if (Utils.isByteArray(input)) this.resetMatcherInput(MatcherInput.utf8(input));
		else this.resetMatcherInput(MatcherInput.utf16(input));
	}
	/**
	* Returns the {@code RE2JS} associated with this {@code Matcher}.
	* @returns {import('./index.js').RE2JS}
	*/
	pattern() {
		return this.patternInput;
	}
	/**
	* Resets the {@code Matcher}, rewinding input and discarding any match information.
	*
	* @returns {Matcher} the {@code Matcher} itself, for chained method calls
	*/
	reset() {
		/** @type {number} */
		this.matcherInputLength = this.matcherInput.length();
		/** @type {number} */
		this.appendPos = 0;
		this.hasMatch = false;
		this.hasGroups = false;
		this.anchorFlag = 0;
		return this;
	}
	/**
	* Resets the {@code Matcher} and changes the input.
	* @param {string|number[]|Uint8Array|MatcherInputBase} input
	* @returns {Matcher} the {@code Matcher} itself, for chained method calls
	*/
	resetMatcherInput(input) {
		if (input === null) throw new Error("input is null");
		if (!(input instanceof MatcherInputBase)) {
			if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
			else input = MatcherInput.utf16(input);
		}
		this.matcherInput = input;
		if (this.lookbehindState !== null) this.lookbehindState.reset();
		else this.lookbehindState = this.patternInput.re2().createLookbehindState();
		this.reset();
		return this;
	}
	/**
	* Returns the start of the named group of the most recent match, or -1 if the group was not
	* matched.
	* @param {string|number} [group=0]
	* @returns {number}
	*/
	start(group = 0) {
		if (typeof group === "string") {
			const groupInt = this.namedGroups[group];
			if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
			group = groupInt;
		}
		this.loadGroup(group);
		return this.groups[2 * group];
	}
	/**
	* Returns the end of the named group of the most recent match, or -1 if the group was not
	* matched.
	* @param {string|number} [group=0]
	* @returns {number}
	*/
	end(group = 0) {
		if (typeof group === "string") {
			const groupInt = this.namedGroups[group];
			if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
			group = groupInt;
		}
		this.loadGroup(group);
		return this.groups[2 * group + 1];
	}
	/**
	* Returns the program size of this pattern.
	*
	* <p>
	* Similar to the C++ implementation, the program size is a very approximate measure of a regexp's
	* "cost". Larger numbers are more expensive than smaller numbers.
	* </p>
	*
	* @returns {number} the program size of this pattern
	*/
	programSize() {
		return this.numberOfInstructions;
	}
	/**
	* Returns the named group of the most recent match, or {@code null} if the group was not matched.
	* @param {string|number} [group=0]
	* @returns {string|null}
	*/
	group(group = 0) {
		if (typeof group === "string") {
			const groupInt = this.namedGroups[group];
			if (!Number.isFinite(groupInt)) throw new RE2JSGroupException(`group '${group}' not found`);
			group = groupInt;
		}
		const start = this.start(group);
		const end = this.end(group);
		if (start < 0 && end < 0) return null;
		return this.substring(start, end);
	}
	/**
	* Returns a dictionary map of all named capturing groups and their matched values.
	* If a group was not matched, its value will be `null`.
	* @returns {Record<string, string|null>}
	*/
	getNamedGroups() {
		if (!this.hasMatch) throw new RE2JSGroupException("perhaps no match attempted");
		const result = Object.create(null);
		for (const name of Object.keys(this.namedGroups)) result[name] = this.group(name);
		return result;
	}
	/**
	* Returns the number of subgroups in this pattern.
	*
	* @returns {number} the number of subgroups; the overall match (group 0) does not count
	*/
	groupCount() {
		return this.patternGroupCount;
	}
	/**
	* Helper: finds subgroup information if needed for group.
	* @param {number} group
	* @private
	*/
	loadGroup(group) {
		if (!Number.isInteger(group) || group < 0 || group > this.patternGroupCount) throw new RE2JSGroupException(`Group index out of bounds: ${group}`);
		if (!this.hasMatch) throw new RE2JSGroupException("perhaps no match attempted");
		if (group === 0 || this.hasGroups) return;
		const end = this.matcherInputLength;
		const res = this.patternInput.re2().matchMachineInput(this.matcherInput, this.groups[0], end, this.anchorFlag, 1 + this.patternGroupCount, this.lookbehindState);
		if (!res[0]) throw new RE2JSGroupException("inconsistency in matching group data");
		this.groups = res[1];
		this.hasGroups = true;
	}
	/**
	* Matches the entire input against the pattern (anchored start and end). If there is a match,
	* {@code matches} sets the match state to describe it.
	*
	* @returns {boolean} true if the entire input matches the pattern
	*/
	matches() {
		return this.genMatch(0, RE2Flags.ANCHOR_BOTH);
	}
	/**
	* Matches the beginning of input against the pattern (anchored start). If there is a match,
	* {@code lookingAt} sets the match state to describe it.
	*
	* @returns {boolean} true if the beginning of the input matches the pattern
	*/
	lookingAt() {
		return this.genMatch(0, RE2Flags.ANCHOR_START);
	}
	/**
	* Matches the input against the pattern (unanchored), starting at a specified position. If there
	* is a match, {@code find} sets the match state to describe it.
	*
	* @param {number|null} [start=null] the input position where the search begins
	* @returns {boolean} if it finds a match
	* @throws IndexOutOfBoundsException if start is not a valid input position
	*/
	find(start = null) {
		if (start !== null) {
			if (!Number.isInteger(start) || start < 0 || start > this.matcherInputLength) throw new RE2JSGroupException(`start index out of bounds: ${start}`);
			this.reset();
			return this.genMatch(start, 0);
		}
		start = 0;
		if (this.hasMatch) {
			start = this.groups[1];
			if (this.groups[0] === this.groups[1]) {
				const r = (this.matcherInput.isUTF16Encoding() ? MachineInput.fromUTF16(this.matcherInput.asCharSequence(), 0, this.matcherInputLength) : MachineInput.fromUTF8(this.matcherInput.asBytes(), 0, this.matcherInputLength)).step(start);
				if (r < 0) start++;
				else start += r & 7;
			}
		}
		return this.genMatch(start, RE2Flags.UNANCHORED);
	}
	/**
	* Helper: does match starting at start, with RE2 anchor flag.
	* @param {number} startByte
	* @param {number} anchor
	* @returns {boolean}
	* @private
	*/
	genMatch(startByte, anchor) {
		const res = this.patternInput.re2().matchMachineInput(this.matcherInput, startByte, this.matcherInputLength, anchor, 1, this.lookbehindState);
		if (!res[0]) {
			this.hasMatch = false;
			return false;
		}
		this.groups = res[1];
		this.hasMatch = true;
		this.hasGroups = this.patternGroupCount === 0;
		this.anchorFlag = anchor;
		return true;
	}
	/**
	* Helper: return substring for [start, end).
	* @param {number} start
	* @param {number} end
	* @returns {string}
	*/
	substring(start, end) {
		if (this.matcherInput.isUTF8Encoding()) return Utils.utf8ByteArrayToString(this.matcherInput.asBytes().slice(start, end));
		return this.matcherInput.asCharSequence().substring(start, end).toString();
	}
	/**
	* Helper for Pattern: return input length.
	* @returns {number}
	*/
	inputLength() {
		return this.matcherInputLength;
	}
	/**
	* Appends to result two strings: the text from the append position up to the beginning of the
	* most recent match, and then the replacement with submatch groups substituted for references to
	* them. It advances the append position to where the most recent match ended.
	*
	* By default the replacement is expanded as by String.prototype.replace (see
	* appendReplacementInternalJs). In Java mode it follows re2j / java.util.regex: $n takes as
	* many digits as still form a valid group number, ${name} is a named group, and a backslash
	* escapes the next character (so "\\$" in a JS string literal inserts a literal $).
	*
	* @param {string} replacement the replacement string
	* @param {boolean} [javaMode=false] activate java mode (different behaviour for capture groups and special characters)
	* @returns {string}
	* @throws IllegalStateException if there was no most recent match
	* @throws IndexOutOfBoundsException in Java mode, if replacement refers to an invalid group
	* @private
	*/
	appendReplacement(replacement, javaMode = false) {
		let res = "";
		const s = this.start();
		const e = this.end();
		if (this.appendPos < s) res += this.substring(this.appendPos, s);
		this.appendPos = e;
		res += javaMode ? this.appendReplacementInternalJava(replacement) : this.appendReplacementInternalJs(replacement);
		return res;
	}
	/**
	* @param {string} replacement - the replacement string
	* @returns {string}
	* @private
	*/
	appendReplacementInternalJava(replacement) {
		let res = "";
		let last = 0;
		const m = replacement.length;
		let i = 0;
		while (i < m) {
			const cCode = replacement.codePointAt(i);
			if (cCode === Codepoint.CODES["\\"]) {
				if (last < i) res += replacement.substring(last, i);
				i++;
				if (i >= m) throw new RE2JSGroupException("character to be escaped is missing");
				last = i;
				i++;
				continue;
			}
			if (cCode === Codepoint.CODES["$"]) {
				if (last < i) res += replacement.substring(last, i);
				if (i + 1 >= m) throw new RE2JSGroupException("Illegal group reference: group index is missing");
				const nextCode = replacement.codePointAt(i + 1);
				if (Codepoint.CODES["0"] <= nextCode && nextCode <= Codepoint.CODES["9"]) {
					let n = nextCode - Codepoint.CODES["0"];
					let j = i + 2;
					for (; j < m; j++) {
						const digit = replacement.codePointAt(j);
						if (digit < Codepoint.CODES["0"] || digit > Codepoint.CODES["9"] || n * 10 + digit - Codepoint.CODES["0"] > this.patternGroupCount) break;
						n = n * 10 + digit - Codepoint.CODES["0"];
					}
					if (n > this.patternGroupCount) throw new RE2JSGroupException(`n > number of groups: ${n}`);
					const group = this.group(n);
					if (group !== null) res += group;
					i = j;
					last = i;
				} else if (nextCode === Codepoint.CODES["{"]) {
					let j = i + 2;
					while (j < m && replacement.codePointAt(j) !== Codepoint.CODES["}"]) j++;
					if (j >= m) throw new RE2JSGroupException("named capture group is missing trailing '}'");
					const groupName = replacement.substring(i + 2, j);
					const groupVal = this.group(groupName);
					if (groupVal !== null) res += groupVal;
					i = j + 1;
					last = i;
				} else throw new RE2JSGroupException("Illegal group reference");
				continue;
			}
			i++;
		}
		if (last < m) res += replacement.substring(last, m);
		return res;
	}
	/**
	* Expands |replacement| for the current match by the rules of String.prototype.replace
	* (ECMAScript GetSubstitution): $$ is "$", $& the match, $` the text before it, $' the text
	* after it, $n and $nn a group (two digits only when they form a valid group number, so with
	* one group "$10" is group 1 then "0"; an unmatched group is empty), and $<name> a named group
	* (empty when no such group), only when the pattern has named groups. Anything else, such as
	* "$0" or "$<" without a closing ">", is kept as is.
	* @param {string} replacement - the replacement string
	* @returns {string}
	* @private
	*/
	appendReplacementInternalJs(replacement) {
		const isDigit = (c) => c >= 48 && c <= 57;
		const groupCount = this.patternGroupCount;
		let res = "";
		let i = 0;
		while (i < replacement.length) {
			const dollar = replacement.indexOf("$", i);
			if (dollar < 0) break;
			res += replacement.substring(i, dollar);
			i = dollar;
			const c = replacement.charCodeAt(i + 1);
			if (c === Codepoint.CODES["$"]) {
				res += "$";
				i += 2;
			} else if (c === Codepoint.CODES["&"]) {
				res += this.group(0);
				i += 2;
			} else if (c === Codepoint.CODES["`"]) {
				res += this.substring(0, this.start(0));
				i += 2;
			} else if (c === Codepoint.CODES["'"]) {
				res += this.substring(this.end(0), this.matcherInputLength);
				i += 2;
			} else if (isDigit(c)) {
				let digits = 1;
				let index = c - 48;
				const c2 = replacement.charCodeAt(i + 2);
				if (isDigit(c2) && index * 10 + c2 - 48 <= groupCount) {
					digits = 2;
					index = index * 10 + c2 - 48;
				}
				if (index >= 1 && index <= groupCount) {
					const group = this.group(index);
					if (group !== null) res += group;
				} else res += replacement.substring(i, i + 1 + digits);
				i += 1 + digits;
			} else if (c === Codepoint.CODES["<"] && this.hasNamedGroups) {
				const gt = replacement.indexOf(">", i + 2);
				if (gt < 0) {
					res += "$<";
					i += 2;
				} else {
					const name = replacement.substring(i + 2, gt);
					if (Object.hasOwn(this.namedGroups, name)) {
						const group = this.group(name);
						if (group !== null) res += group;
					}
					i = gt + 1;
				}
			} else {
				res += "$";
				i += 1;
			}
		}
		return res + replacement.substring(i);
	}
	/**
	* Return the substring of the input from the append position to the end of the
	* input.
	* @returns {string}
	*/
	appendTail() {
		return this.substring(this.appendPos, this.matcherInputLength);
	}
	/**
	* Returns the input with all matches replaced by {@code replacement}, interpreted as for
	* {@code appendReplacement}.
	*
	* @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
	* @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
	* @returns {string} the input string with the matches replaced
	* @throws IndexOutOfBoundsException if replacement refers to an invalid group and javaMode is true
	*/
	replaceAll(replacement, javaMode = false) {
		return this.replace(replacement, true, javaMode);
	}
	/**
	* Returns the input with the first match replaced by {@code replacement}, interpreted as for
	* {@code appendReplacement}.
	*
	* @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
	* @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
	* @returns {string} the input string with the first match replaced
	* @throws IndexOutOfBoundsException if replacement refers to an invalid group and javaMode is true
	*/
	replaceFirst(replacement, javaMode = false) {
		return this.replace(replacement, false, javaMode);
	}
	/**
	* Helper: replaceAll/replaceFirst hybrid.
	* @param {string|((...args: any[]) => string)} replacement - the replacement string or a replacer function
	* @param {boolean} [all=true] - replace all matches
	* @param {boolean} [javaMode=false] - activate java mode (different behaviour for capture groups and special characters)
	* @returns {string}
	* @private
	*/
	replace(replacement, all = true, javaMode = false) {
		let res = "";
		this.reset();
		const isFunc = typeof replacement === "function";
		let originalInput = null;
		if (isFunc) {
			if (this.groupCount() >= Matcher.MAX_REPLACER_ARGS) throw new RE2JSGroupException("Too many capture groups to safely invoke replacer function");
			originalInput = this.matcherInput.isUTF8Encoding() ? this.matcherInput.asBytes() : this.matcherInput.asCharSequence();
		}
		while (this.find()) {
			res += isFunc ? this.appendReplacementFunc(replacement, originalInput) : this.appendReplacement(replacement, javaMode);
			if (!all) break;
		}
		res += this.appendTail();
		return res;
	}
	/**
	* Evaluates a replacer function for the current match and appends the result,
	* along with any un-matched preceding text, advancing the append position.
	* @param {Function} replacer - the replacer function
	* @param {string|Uint8Array|number[]} originalInput - the cached original input reference
	* @returns {string} the evaluated string to append
	* @private
	*/
	appendReplacementFunc(replacer, originalInput) {
		let res = "";
		const s = this.start();
		const e = this.end();
		if (this.appendPos < s) res += this.substring(this.appendPos, s);
		this.appendPos = e;
		/** @type {unknown[]} */
		const args = this.matchArray();
		args.push(s, originalInput);
		if (this.hasNamedGroups) args.push(this.namedGroupsObject());
		res += String(replacer(...args));
		return res;
	}
	/**
	* The match and its groups, as the elements of a JS RegExpExecArray: undefined for a group that
	* did not take part in the match. Used by exec(), matchAll() and replacer functions.
	* @returns {Array<string|undefined>}
	* @private
	*/
	matchArray() {
		const result = [this.group(0)];
		for (let i = 1; i <= this.patternGroupCount; i++) {
			const group = this.group(i);
			result.push(group === null ? void 0 : group);
		}
		return result;
	}
	/**
	* The named groups, as the groups property of a JS RegExpExecArray: an object without a
	* prototype mapping each name to its group (undefined when it did not take part in the match),
	* or undefined when the pattern has no named groups.
	* @returns {Record<string, string|undefined>|undefined}
	* @private
	*/
	namedGroupsObject() {
		if (!this.hasNamedGroups) return;
		const result = this.getNamedGroups();
		for (const name in result) if (result[name] === null) result[name] = void 0;
		return result;
	}
};
// src/Inst.js
/**
* A single instruction in the regular expression virtual machine.
*
* @see http://swtch.com/~rsc/regexp/regexp2.html
*/
var Inst = class Inst {
	static ALT = 1;
	static ALT_MATCH = 2;
	static CAPTURE = 3;
	static EMPTY_WIDTH = 4;
	static FAIL = 5;
	static MATCH = 6;
	static NOP = 7;
	static RUNE = 8;
	static RUNE1 = 9;
	static RUNE_ANY = 10;
	static RUNE_ANY_NOT_NL = 11;
	static LB_WRITE = 12;
	static LB_CHECK = 13;
	static isRuneOp(op) {
		return Inst.RUNE <= op && op <= Inst.RUNE_ANY_NOT_NL;
	}
	static escapeRunes(runes) {
		let out = "\"";
		for (let rune of runes) out += Utils.escapeRune(rune);
		out += "\"";
		return out;
	}
	constructor(op) {
		this.op = op;
		this.out = 0;
		this.arg = 0;
		/** @type {Int32Array} */
		this.runes = /* @__PURE__ */ new Int32Array(0);
		/** @type {Uint32Array | number[] | null} */
		this.next = null;
	}
	matchRune(r) {
		if (this.runes.length === 1) {
			const r0 = this.runes[0];
			if ((this.arg & RE2Flags.FOLD_CASE) !== 0) return Unicode.equalsIgnoreCase(r0, r);
			return r === r0;
		}
		const len = this.runes.length;
		if (len === 0) return false;
		if (len === 2 || len === 4 || len === 6 || len === 8) {
			for (let j = 0; j < len; j += 2) {
				if (r < this.runes[j]) return false;
				if (r <= this.runes[j + 1]) return true;
			}
			return false;
		}
		let base = 0;
		let n = len >> 1;
		while (n > 1) {
			const half = n >> 1;
			base += this.runes[base + half << 1] <= r ? half : 0;
			n -= half;
		}
		base += this.runes[base << 1] <= r ? 1 : 0;
		const m = base - 1;
		return m >= 0 && r <= this.runes[m << 1 | 1];
	}
	matchRunePos(r) {
		if (this.runes.length === 1) {
			const r0 = this.runes[0];
			if ((this.arg & RE2Flags.FOLD_CASE) !== 0) return Unicode.equalsIgnoreCase(r0, r) ? 0 : -1;
			return r === r0 ? 0 : -1;
		}
		const len = this.runes.length;
		if (len === 0) return -1;
		if (len === 2 || len === 4 || len === 6 || len === 8) {
			for (let j = 0; j < len; j += 2) {
				if (r < this.runes[j]) return -1;
				if (r <= this.runes[j + 1]) return Math.floor(j / 2);
			}
			return -1;
		}
		let base = 0;
		let n = len >> 1;
		while (n > 1) {
			const half = n >> 1;
			base += this.runes[base + half << 1] <= r ? half : 0;
			n -= half;
		}
		base += this.runes[base << 1] <= r ? 1 : 0;
		const m = base - 1;
		return m >= 0 && r <= this.runes[m << 1 | 1] ? m : -1;
	}
	/**
	*
	* @returns {string}
	*/
	toString() {
		switch (this.op) {
			case Inst.ALT: return `alt -> ${this.out}, ${this.arg}`;
			case Inst.ALT_MATCH: return `altmatch -> ${this.out}, ${this.arg}`;
			case Inst.CAPTURE: return `cap ${this.arg} -> ${this.out}`;
			case Inst.EMPTY_WIDTH: return `empty ${this.arg} -> ${this.out}`;
			case Inst.MATCH: return `match${this.arg !== 0 ? ` ${this.arg}` : ""}`;
			case Inst.FAIL: return "fail";
			case Inst.NOP: return `nop -> ${this.out}`;
			case Inst.LB_WRITE: return `lbwrite ${this.arg} -> ${this.out}`;
			case Inst.LB_CHECK: return `lbcheck ${this.arg} -> ${this.out}`;
			case Inst.RUNE:
				if (this.runes === null) return "rune <null>";
				return [
					"rune ",
					Inst.escapeRunes(this.runes),
					(this.arg & RE2Flags.FOLD_CASE) !== 0 ? "/i" : "",
					" -> ",
					this.out
				].join("");
			case Inst.RUNE1: return `rune1 ${Inst.escapeRunes(this.runes)} -> ${this.out}`;
			case Inst.RUNE_ANY: return `any -> ${this.out}`;
			case Inst.RUNE_ANY_NOT_NL: return `anynotnl -> ${this.out}`;
			default: throw new Error("unhandled case in Inst.toString");
		}
	}
};
// src/Machine.js
var Queue = class Queue {
	constructor(numInst) {
		this.sparse = new Int32Array(numInst);
		this.densePcs = new Int32Array(numInst);
		this.denseCaps = null;
		this.size = 0;
		this.ncap = 0;
		this.mainThreads = 0;
	}
	static INITIAL_THREADS = 32;
	init(ncap) {
		this.ncap = ncap;
		const needed = Math.min(this.densePcs.length, Queue.INITIAL_THREADS) * ncap;
		if (!this.denseCaps || this.denseCaps.length < needed) this.denseCaps = new Int32Array(needed);
	}
	growCaps(needed) {
		const limit = this.densePcs.length * this.ncap;
		const grown = new Int32Array(Math.min(limit, Math.max(needed, 2 * this.denseCaps.length)));
		grown.set(this.denseCaps);
		this.denseCaps = grown;
	}
	contains(pc) {
		const j = this.sparse[pc];
		return j < this.size && this.densePcs[j] === pc;
	}
	isEmpty() {
		return this.size === 0;
	}
	add(pc) {
		const j = this.size++;
		this.sparse[pc] = j;
		this.densePcs[j] = pc;
		return j;
	}
	clear() {
		this.size = 0;
		this.mainThreads = 0;
	}
	toString() {
		let out = "{";
		for (let i = 0; i < this.size; i++) {
			if (i !== 0) out += ", ";
			out += this.densePcs[i];
		}
		out += "}";
		return out;
	}
};
var LookbehindState = class {
	constructor(prog) {
		this.pos = -1;
		this.pcs = new Int32Array(prog.numInst());
		this.size = 0;
		this.lbTable = new Int32Array(prog.numLb + 1);
	}
	reset() {
		this.pos = -1;
		this.size = 0;
	}
};
var Machine = class Machine {
	static fromRE2(re2) {
		const m = new Machine();
		m.prog = re2.prog;
		m.re2 = re2;
		m.q0 = new Queue(m.prog.numInst());
		m.q1 = new Queue(m.prog.numInst());
		m.addStack = new Int32Array(2 * (m.prog.numInst() + 1));
		m.matched = false;
		m.matchcap = new Int32Array(m.prog.numCap < 2 ? 2 : m.prog.numCap);
		m.ncap = 0;
		return m;
	}
	constructor() {
		this.prog = null;
		this.re2 = null;
		this.q0 = null;
		this.q1 = null;
		this.addStack = null;
		this.matched = false;
		this.matchcap = null;
		this.ncap = 0;
		this.lbTable = null;
	}
	init(ncap) {
		this.ncap = ncap;
		if (ncap > this.matchcap.length) this.matchcap = new Int32Array(ncap).fill(-1);
		else this.matchcap.fill(-1);
		this.q0.init(ncap);
		this.q1.init(ncap);
		if (this.prog.numLb > 0) {
			if (!this.lbTable || this.lbTable.length < this.prog.numLb + 1) this.lbTable = new Int32Array(this.prog.numLb + 1);
			this.lbTable.fill(-1);
		}
	}
	submatches() {
		if (this.ncap === 0) return Utils.emptyInts();
		return Utils.toArray(this.matchcap.subarray(0, this.ncap));
	}
	match(input, pos, anchor, lbState = null) {
		const startCond = this.re2.cond;
		if (startCond === Utils.EMPTY_ALL) return false;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return false;
		this.matched = false;
		this.matchcap.fill(-1);
		const hasLookbehinds = this.prog.numLb > 0;
		const matchStartPos = pos;
		let currentPos = pos;
		let resumeLookbehinds = false;
		if (hasLookbehinds) {
			if (lbState !== null && lbState.pos >= 0 && lbState.pos <= pos) {
				currentPos = lbState.pos;
				resumeLookbehinds = true;
			} else currentPos = 0;
		}
		let saveLookbehinds = hasLookbehinds && lbState !== null;
		let runq = this.q0;
		let nextq = this.q1;
		let r = input.step(currentPos);
		let rune = r >> 3;
		let width = r & 7;
		let rune1 = -1;
		let width1 = 0;
		if (r !== MachineInputBase.EOF()) {
			r = input.step(currentPos + width);
			rune1 = r >> 3;
			width1 = r & 7;
		}
		let flag;
		if (currentPos === 0) flag = Utils.emptyOpContext(-1, rune);
		else flag = input.context(currentPos);
		if (hasLookbehinds) {
			if (resumeLookbehinds) this.restoreLookbehinds(lbState, runq, flag);
			else this.spawnLookbehinds(runq, currentPos, flag);
		}
		while (true) {
			if (runq.mainThreads === 0) {
				if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && currentPos !== 0) break;
				if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && currentPos !== 0) break;
				if (this.matched) break;
				if (this.prog.numLb === 0 && runq.isEmpty() && !(this.re2.prefix.length === 0) && rune1 !== this.re2.prefixRune && input.canCheckPrefix()) {
					const advance = input.index(this.re2, currentPos);
					if (advance < 0) break;
					currentPos += advance;
					r = input.step(currentPos);
					rune = r >> 3;
					width = r & 7;
					r = input.step(currentPos + width);
					rune1 = r >> 3;
					width1 = r & 7;
					flag = input.context(currentPos);
				}
			}
			if (currentPos >= matchStartPos) {
				if (saveLookbehinds) {
					this.saveLookbehinds(lbState, runq, currentPos);
					saveLookbehinds = false;
				}
				if (!this.matched && (currentPos === 0 || anchor === RE2Flags.UNANCHORED)) {
					if (this.ncap > 0) this.matchcap[0] = currentPos;
					this.add(runq, this.prog.start, currentPos, this.matchcap, 0, flag);
				}
			}
			const nextPos = currentPos + width;
			flag = input.context(nextPos);
			this.step(runq, nextq, currentPos, nextPos, rune, flag, anchor, currentPos === input.endPos());
			if (width === 0) break;
			if (this.ncap === 0 && this.matched) break;
			currentPos += width;
			rune = rune1;
			width = width1;
			if (rune !== -1) {
				r = input.step(currentPos + width);
				rune1 = r >> 3;
				width1 = r & 7;
			}
			const tmpq = runq;
			runq = nextq;
			nextq = tmpq;
		}
		runq.clear();
		nextq.clear();
		return this.matched;
	}
	matchSet(input, pos, anchor) {
		const startCond = this.re2.cond;
		if (startCond === Utils.EMPTY_ALL) return [];
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return [];
		let currentPos = this.prog.numLb > 0 ? 0 : pos;
		let matchStartPos = pos;
		let runq = this.q0;
		let nextq = this.q1;
		let r = input.step(currentPos);
		let rune = r >> 3;
		let width = r & 7;
		let rune1 = -1;
		let width1 = 0;
		if (r !== MachineInputBase.EOF()) {
			r = input.step(currentPos + width);
			rune1 = r >> 3;
			width1 = r & 7;
		}
		let flag = currentPos === 0 ? Utils.emptyOpContext(-1, rune) : input.context(currentPos);
		const matches = /* @__PURE__ */ new Set();
		if (this.prog.numLb > 0) this.spawnLookbehinds(runq, currentPos, flag);
		while (true) {
			if (runq.mainThreads === 0) {
				if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && currentPos !== 0) break;
				if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && currentPos !== 0) break;
			}
			if (currentPos === 0 || anchor === RE2Flags.UNANCHORED) {
				if (currentPos >= matchStartPos) this.add(runq, this.prog.start, currentPos, this.matchcap, 0, flag);
			}
			const nextPos = currentPos + width;
			flag = input.context(nextPos);
			for (let j = 0; j < runq.size; j++) {
				const pc = runq.densePcs[j];
				const i = this.prog.inst[pc];
				const capOffset = j * this.ncap;
				let add = false;
				switch (i.op) {
					case Inst.MATCH:
						if (anchor === RE2Flags.ANCHOR_BOTH && currentPos !== input.endPos()) break;
						matches.add(i.arg);
						break;
					case Inst.RUNE:
						add = i.matchRune(rune);
						break;
					case Inst.RUNE1:
						add = rune === i.runes[0];
						break;
					case Inst.RUNE_ANY:
						add = true;
						break;
					case Inst.RUNE_ANY_NOT_NL:
						add = rune !== 10;
						break;
					default: continue;
				}
				if (add) this.add(nextq, i.out, nextPos, runq.denseCaps, capOffset, flag);
			}
			runq.clear();
			if (width === 0) break;
			currentPos += width;
			rune = rune1;
			width = width1;
			if (rune !== -1) {
				r = input.step(currentPos + width);
				rune1 = r >> 3;
				width1 = r & 7;
			}
			const tmpq = runq;
			runq = nextq;
			nextq = tmpq;
		}
		nextq.clear();
		return Array.from(matches).sort((a, b) => a - b);
	}
	step(runq, nextq, pos, nextPos, c, nextCond, anchor, atEnd) {
		const longest = this.re2.longest;
		for (let j = 0; j < runq.size; j++) {
			const pc = runq.densePcs[j];
			const capOffset = j * this.ncap;
			if (longest && this.matched && this.ncap > 0 && this.matchcap[0] < runq.denseCaps[capOffset]) continue;
			const i = this.prog.inst[pc];
			let add = false;
			switch (i.op) {
				case Inst.MATCH:
					if (anchor === RE2Flags.ANCHOR_BOTH && !atEnd) break;
					if (this.ncap > 0 && (!longest || !this.matched || this.matchcap[1] < pos)) {
						runq.denseCaps[capOffset + 1] = pos;
						for (let k = 0; k < this.ncap; k++) this.matchcap[k] = runq.denseCaps[capOffset + k];
					}
					if (!longest) runq.size = 0;
					this.matched = true;
					break;
				case Inst.RUNE:
					add = i.matchRune(c);
					break;
				case Inst.RUNE1:
					add = c === i.runes[0];
					break;
				case Inst.RUNE_ANY:
					add = true;
					break;
				case Inst.RUNE_ANY_NOT_NL:
					add = c !== 10;
					break;
				default: continue;
			}
			if (add) this.add(nextq, i.out, nextPos, runq.denseCaps, capOffset, nextCond);
		}
		runq.clear();
	}
	spawnLookbehinds(q, pos, flag) {
		for (let i = 0; i < this.prog.lbStarts.length; i++) this.add(q, this.prog.lbStarts[i], pos, this.matchcap, 0, flag);
	}
	restoreLookbehinds(lbState, q, flag) {
		this.lbTable.set(lbState.lbTable);
		for (let j = 0; j < lbState.size; j++) this.add(q, lbState.pcs[j], lbState.pos, this.matchcap, 0, flag);
	}
	saveLookbehinds(lbState, q, pos) {
		let size = 0;
		for (let j = 0; j < q.size; j++) {
			const pc = q.densePcs[j];
			if (this.prog.lbInst[pc] === 1 && Inst.isRuneOp(this.prog.inst[pc].op)) lbState.pcs[size++] = pc;
		}
		lbState.size = size;
		lbState.pos = pos;
		lbState.lbTable.set(this.lbTable);
	}
	add(q, pc, pos, capArray, capOffset, cond) {
		const stk = this.addStack;
		let nstk = 0;
		for (;;) {
			while (pc !== 0 && !q.contains(pc)) {
				const d = q.add(pc);
				const inst = this.prog.inst[pc];
				switch (inst.op) {
					case Inst.FAIL:
						pc = 0;
						break;
					case Inst.ALT:
					case Inst.ALT_MATCH:
						stk[nstk++] = inst.arg;
						stk[nstk++] = 0;
						pc = inst.out;
						break;
					case Inst.EMPTY_WIDTH:
						pc = (inst.arg & ~cond) === 0 ? inst.out : 0;
						break;
					case Inst.NOP:
						pc = inst.out;
						break;
					case Inst.CAPTURE:
						if (inst.arg < this.ncap) {
							stk[nstk++] = -inst.arg - 1;
							stk[nstk++] = capArray[capOffset + inst.arg];
							capArray[capOffset + inst.arg] = pos;
						}
						pc = inst.out;
						break;
					case Inst.LB_WRITE:
						this.lbTable[Math.abs(inst.arg)] = pos;
						pc = inst.out;
						break;
					case Inst.LB_CHECK:
						if (inst.arg > 0) pc = this.lbTable[inst.arg] === pos ? inst.out : 0;
						else pc = this.lbTable[-inst.arg] !== pos ? inst.out : 0;
						break;
					case Inst.MATCH:
					case Inst.RUNE:
					case Inst.RUNE1:
					case Inst.RUNE_ANY:
					case Inst.RUNE_ANY_NOT_NL:
						if (this.prog.lbInst[pc] === 0) q.mainThreads++;
						if (this.ncap > 0) {
							const destOffset = d * this.ncap;
							if (destOffset + this.ncap > q.denseCaps.length) q.growCaps(destOffset + this.ncap);
							for (let c = 0; c < this.ncap; c++) q.denseCaps[destOffset + c] = capArray[capOffset + c];
						}
						pc = 0;
						break;
					default: throw new RE2JSInternalException("unhandled");
				}
			}
			if (nstk === 0) return;
			nstk -= 2;
			const entry = stk[nstk];
			if (entry < 0) {
				capArray[capOffset - entry - 1] = stk[nstk + 1];
				pc = 0;
			} else pc = entry;
		}
	}
};
// src/DFA.js
const hashState = (pcs, flag, ids) => {
	let h = -2128831035;
	for (let i = 0; i < pcs.length; i++) {
		h ^= pcs[i];
		h = Math.imul(h, 16777619);
	}
	h ^= flag;
	h = Math.imul(h, 16777619);
	for (let i = 0; i < ids.length; i++) {
		h ^= ids[i];
		h = Math.imul(h, 16777619);
	}
	return h;
};
const arraysEqual = (a, b) => {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
};
const isState = (state, pcs, flag, ids) => state.flag === flag && arraysEqual(state.nfaStates, pcs) && arraysEqual(state.matchIDs, ids);
const NO_IDS = [];
const END_TEXT = -1;
var DFAState = class {
	constructor(nfaStates, flag, matchIDs) {
		this.nfaStates = nfaStates;
		this.flag = flag;
		this.isMatch = (flag & DFA.FLAG_MATCH) !== 0;
		this.matchIDs = matchIDs;
		this.next = null;
		this.nextAnchored = null;
	}
};
var DFA = class DFA {
	static FLAG_EMPTY_MASK = 255;
	static FLAG_MATCH = 256;
	static FLAG_LAST_WORD = 512;
	static FLAG_NEED_SHIFT = 16;
	static STATE_OVERHEAD = 150;
	static ARRAY_OVERHEAD = 40;
	static ELEMENT_SIZE = 8;
	static TABLE_OVERHEAD = 48;
	static PROGRESS_PER_STATE = 10;
	constructor(prog, maxMem = 8388608) {
		this.prog = prog;
		this.maxMem = maxMem;
		this.stateCache = /* @__PURE__ */ new Map();
		this.stateCount = 0;
		this.startStates = /* @__PURE__ */ new Map();
		this.failed = false;
		for (let pc = 0; pc < prog.numInst(); pc++) {
			const op = prog.getInst(pc).op;
			if (op === Inst.LB_WRITE || op === Inst.LB_CHECK) {
				this.failed = true;
				break;
			}
		}
		this.computeRuneClasses();
		this.stateBudget = maxMem;
		this.memBudget = maxMem;
	}
	computeRuneClasses() {
		const bounds = /* @__PURE__ */ new Set();
		const addRange = (lo, hi) => {
			bounds.add(lo);
			bounds.add(hi + 1);
		};
		for (let pc = 0; pc < this.prog.numInst(); pc++) {
			const inst = this.prog.getInst(pc);
			switch (inst.op) {
				case Inst.RUNE:
				case Inst.RUNE1:
					if (inst.runes.length === 1) {
						addRange(inst.runes[0], inst.runes[0]);
						if ((inst.arg & RE2Flags.FOLD_CASE) !== 0) for (let f = Unicode.simpleFold(inst.runes[0]); f !== inst.runes[0]; f = Unicode.simpleFold(f)) addRange(f, f);
					} else for (let j = 0; j < inst.runes.length; j += 2) addRange(inst.runes[j], inst.runes[j + 1]);
					break;
				case Inst.RUNE_ANY_NOT_NL:
					addRange(10, 10);
					break;
				case Inst.EMPTY_WIDTH:
					if ((inst.arg & (Utils.EMPTY_BEGIN_LINE | Utils.EMPTY_END_LINE)) !== 0) addRange(10, 10);
					if ((inst.arg & (Utils.EMPTY_WORD_BOUNDARY | Utils.EMPTY_NO_WORD_BOUNDARY)) !== 0) {
						addRange(48, 57);
						addRange(65, 90);
						addRange(95, 95);
						addRange(97, 122);
					}
			}
		}
		bounds.delete(0);
		this.classBounds = Int32Array.from(bounds).sort();
		this.numClasses = this.classBounds.length + 1;
		const latin1Class = new Int32Array(Unicode.MAX_LATIN1 + 1);
		for (let r = 0; r <= Unicode.MAX_LATIN1; r++) latin1Class[r] = this.searchClass(r);
		this.latin1Class = latin1Class;
	}
	runeClass(r) {
		if (r <= Unicode.MAX_LATIN1) return this.latin1Class[r];
		return this.searchClass(r);
	}
	searchClass(r) {
		const bounds = this.classBounds;
		let lo = 0;
		let hi = bounds.length;
		while (lo < hi) {
			const mid = lo + hi >> 1;
			if (bounds[mid] <= r) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
	closure(pcs, flag) {
		const closure = /* @__PURE__ */ new Set();
		const stack = Array.from(pcs);
		let needflags = 0;
		while (stack.length > 0) {
			const pc = stack.pop();
			if (pc === 0 || closure.has(pc)) continue;
			closure.add(pc);
			const inst = this.prog.getInst(pc);
			switch (inst.op) {
				case Inst.ALT:
				case Inst.ALT_MATCH:
					stack.push(inst.out);
					stack.push(inst.arg);
					break;
				case Inst.NOP:
				case Inst.CAPTURE:
					stack.push(inst.out);
					break;
				case Inst.EMPTY_WIDTH:
					needflags |= inst.arg;
					if ((inst.arg & ~flag) === 0) stack.push(inst.out);
			}
		}
		return {
			pcs: Array.from(closure).sort((a, b) => a - b),
			needflags
		};
	}
	getState(pcs, flag, ids) {
		const hash = hashState(pcs, flag, ids);
		const cached = this.stateCache.get(hash);
		if (cached instanceof DFAState) {
			if (isState(cached, pcs, flag, ids)) return cached;
		} else if (cached !== void 0) {
			for (let i = 0; i < cached.length; i++) if (isState(cached[i], pcs, flag, ids)) return cached[i];
		}
		const cost = DFA.stateCost(pcs, ids);
		if (this.memBudget < cost) return null;
		this.memBudget -= cost;
		const state = new DFAState(pcs, flag, ids);
		if (cached === void 0) this.stateCache.set(hash, state);
		else if (cached instanceof DFAState) this.stateCache.set(hash, [cached, state]);
		else cached.push(state);
		this.stateCount++;
		return state;
	}
	static stateCost(pcs, ids) {
		const idsCost = ids.length === 0 ? 0 : DFA.ARRAY_OVERHEAD + DFA.ELEMENT_SIZE * ids.length;
		return DFA.STATE_OVERHEAD + DFA.ELEMENT_SIZE * pcs.length + idsCost;
	}
	*cachedStates() {
		for (const cached of this.stateCache.values()) if (cached instanceof DFAState) yield cached;
		else yield* cached;
	}
	makeState(pcs, flag, ids) {
		const closure = this.closure(pcs, flag & DFA.FLAG_EMPTY_MASK);
		let stateFlag = flag;
		if (closure.needflags === 0) stateFlag &= DFA.FLAG_MATCH;
		stateFlag |= closure.needflags << DFA.FLAG_NEED_SHIFT;
		return this.getState(closure.pcs, stateFlag, ids);
	}
	allocTable(state, anchor) {
		const size = this.numClasses + 1;
		const cost = DFA.TABLE_OVERHEAD + DFA.ELEMENT_SIZE * size;
		if (this.memBudget < cost) return null;
		this.memBudget -= cost;
		const table = new Array(size).fill(null);
		if (anchor === RE2Flags.UNANCHORED) state.next = table;
		else state.nextAnchored = table;
		return table;
	}
	clearCache() {
		this.stateCache.clear();
		this.stateCount = 0;
		this.startStates.clear();
		this.memBudget = this.stateBudget;
	}
	resetCache(current) {
		this.clearCache();
		return this.getState(current.nfaStates, current.flag, current.matchIDs);
	}
	step(state, cls, rune, anchor) {
		let table = anchor === RE2Flags.UNANCHORED ? state.next : state.nextAnchored;
		if (table !== null) {
			const cached = table[cls];
			if (cached !== null) return cached;
		} else {
			table = this.allocTable(state, anchor);
			if (table === null) return null;
		}
		const needflag = state.flag >>> DFA.FLAG_NEED_SHIFT;
		const oldbeforeflag = state.flag & DFA.FLAG_EMPTY_MASK;
		let beforeflag = oldbeforeflag;
		let afterflag = 0;
		if (rune === 10) {
			beforeflag |= Utils.EMPTY_END_LINE;
			afterflag |= Utils.EMPTY_BEGIN_LINE;
		}
		if (rune === END_TEXT) beforeflag |= Utils.EMPTY_END_LINE | Utils.EMPTY_END_TEXT;
		const islastword = (state.flag & DFA.FLAG_LAST_WORD) !== 0;
		const isword = rune !== END_TEXT && Utils.isWordRune(rune);
		beforeflag |= isword === islastword ? Utils.EMPTY_NO_WORD_BOUNDARY : Utils.EMPTY_WORD_BOUNDARY;
		let pcs = state.nfaStates;
		if ((beforeflag & ~oldbeforeflag & needflag) !== 0) pcs = this.closure(pcs, beforeflag).pcs;
		const nextPCs = [];
		let ismatch = false;
		let ids = NO_IDS;
		for (let i = 0; i < pcs.length; i++) {
			const inst = this.prog.getInst(pcs[i]);
			if (inst.op === Inst.MATCH) {
				if (!ismatch) {
					ismatch = true;
					ids = [];
				}
				ids.push(inst.arg);
			} else if (rune !== END_TEXT && Inst.isRuneOp(inst.op) && inst.matchRune(rune)) nextPCs.push(inst.out);
		}
		if (ids.length > 1) ids.sort((a, b) => a - b);
		if (anchor === RE2Flags.UNANCHORED && rune !== END_TEXT) nextPCs.push(this.prog.start);
		let flag = afterflag;
		if (ismatch) flag |= DFA.FLAG_MATCH;
		if (isword) flag |= DFA.FLAG_LAST_WORD;
		const nextState = this.makeState(nextPCs, flag, ids);
		if (nextState === null) return null;
		table[cls] = nextState;
		return nextState;
	}
	start(input, pos) {
		const context = input.context(pos);
		let flags;
		if ((context & Utils.EMPTY_BEGIN_TEXT) !== 0) flags = Utils.EMPTY_BEGIN_TEXT | Utils.EMPTY_BEGIN_LINE;
		else if ((context & Utils.EMPTY_BEGIN_LINE) !== 0) flags = Utils.EMPTY_BEGIN_LINE;
		else {
			const r = input.step(pos);
			const nextIsWord = r >= 0 && Utils.isWordRune(r >> 3);
			flags = (context & Utils.EMPTY_WORD_BOUNDARY) !== 0 !== nextIsWord ? DFA.FLAG_LAST_WORD : 0;
		}
		let state = this.startStates.get(flags);
		if (state === void 0) {
			state = this.makeState([this.prog.start], flags, NO_IDS);
			if (state === null) {
				this.clearCache();
				state = this.makeState([this.prog.start], flags, NO_IDS);
				if (state === null) return null;
			}
			this.startStates.set(flags, state);
		}
		return state;
	}
	stepOrReset(state, cls, rune, anchor, pos, search) {
		let next = this.step(state, cls, rune, anchor);
		if (next !== null) return next;
		if (search.resetPos >= 0 && pos - search.resetPos < DFA.PROGRESS_PER_STATE * this.stateCount) return null;
		search.resetPos = pos;
		const restored = this.resetCache(state);
		if (restored === null) return null;
		next = this.step(restored, cls, rune, anchor);
		return next;
	}
	run(input, pos, anchor, state, onMatch) {
		const endPos = input.endPos();
		const latin1Class = this.latin1Class;
		const unanchored = anchor === RE2Flags.UNANCHORED;
		const search = { resetPos: -1 };
		let i = pos;
		while (i < endPos) {
			const r = input.step(i);
			const rune = r >> 3;
			const width = r & 7;
			if (width === 0) break;
			const cls = rune <= Unicode.MAX_LATIN1 ? latin1Class[rune] : this.runeClass(rune);
			let next = unanchored && state.next !== null ? state.next[cls] : null;
			if (next === null) {
				next = this.stepOrReset(state, cls, rune, anchor, i, search);
				if (next === null) return null;
			}
			state = next;
			if (state.isMatch && onMatch(state, false)) return true;
			if (!unanchored && state.nfaStates.length === 0) return false;
			i += width;
		}
		state = this.stepOrReset(state, this.numClasses, END_TEXT, anchor, i, search);
		if (state === null) return null;
		return state.isMatch && onMatch(state, true);
	}
	match(input, pos, anchor) {
		if (this.failed) return null;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return false;
		const startState = this.start(input, pos);
		if (startState === null) return null;
		return this.run(input, pos, anchor, startState, (state, atEnd) => anchor !== RE2Flags.ANCHOR_BOTH || atEnd);
	}
	matchSet(input, pos, anchor) {
		if (this.failed) return null;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return [];
		const startState = this.start(input, pos);
		if (startState === null) return null;
		const matches = /* @__PURE__ */ new Set();
		const collect = (state, atEnd) => {
			if (anchor !== RE2Flags.ANCHOR_BOTH || atEnd) for (let k = 0; k < state.matchIDs.length; k++) matches.add(state.matchIDs[k]);
			return false;
		};
		if (this.run(input, pos, anchor, startState, collect) === null) return null;
		return Array.from(matches).sort((a, b) => a - b);
	}
};
// src/Backtracker.js
const VISITED_BITS = 32;
const MAX_BACKTRACK_PROG = 500;
const INITIAL_JOB_CAPACITY = 256;
const MAX_BACKTRACK_VECTOR = 262144;
var BitState = class {
	constructor() {
		this.end = 0;
		this.cap = /* @__PURE__ */ new Int32Array(0);
		this.matchcap = /* @__PURE__ */ new Int32Array(0);
		this.ncap = 0;
		this.jobPc = new Int32Array(INITIAL_JOB_CAPACITY);
		this.jobArg = new Uint8Array(INITIAL_JOB_CAPACITY);
		this.jobPos = new Int32Array(INITIAL_JOB_CAPACITY);
		this.jobLen = 0;
		this.visited = /* @__PURE__ */ new Uint32Array(0);
	}
	reset(prog, end, ncap) {
		this.end = end;
		this.jobLen = 0;
		this.ncap = ncap;
		const visitedSize = prog.numInst() * (end + 1) + VISITED_BITS - 1 >>> 5;
		if (this.visited.length < visitedSize) this.visited = new Uint32Array(visitedSize);
		else this.visited.fill(0, 0, visitedSize);
		if (this.cap.length < ncap) this.cap = new Int32Array(ncap).fill(-1);
		else this.cap.fill(-1, 0, ncap);
		if (this.matchcap.length < ncap) this.matchcap = new Int32Array(ncap).fill(-1);
		else this.matchcap.fill(-1, 0, ncap);
	}
	shouldVisit(pc, pos) {
		const n = pc * (this.end + 1) + pos;
		const idx = n >>> 5;
		const mask = 1 << (n & 31);
		if ((this.visited[idx] & mask) !== 0) return false;
		this.visited[idx] |= mask;
		return true;
	}
	push(re2, pc, pos, arg) {
		if (re2.prog.getInst(pc).op !== Inst.FAIL && (arg || this.shouldVisit(pc, pos))) {
			if (this.jobLen >= this.jobPc.length) {
				const newSize = this.jobPc.length * 2;
				const newPc = new Int32Array(newSize);
				newPc.set(this.jobPc);
				this.jobPc = newPc;
				const newArg = new Uint8Array(newSize);
				newArg.set(this.jobArg);
				this.jobArg = newArg;
				const newPos = new Int32Array(newSize);
				newPos.set(this.jobPos);
				this.jobPos = newPos;
			}
			this.jobPc[this.jobLen] = pc;
			this.jobArg[this.jobLen] = arg ? 1 : 0;
			this.jobPos[this.jobLen] = pos;
			this.jobLen++;
		}
	}
	tryBacktrack(re2, input, pc, pos, anchor) {
		const longest = re2.longest;
		this.push(re2, pc, pos, false);
		while (this.jobLen > 0) {
			this.jobLen--;
			let currentPc = this.jobPc[this.jobLen];
			let arg = this.jobArg[this.jobLen] === 1;
			let currentPos = this.jobPos[this.jobLen];
			let skipShouldVisit = true;
			while (true) {
				if (!skipShouldVisit) {
					if (!this.shouldVisit(currentPc, currentPos)) break;
				}
				skipShouldVisit = false;
				const inst = re2.prog.getInst(currentPc);
				switch (inst.op) {
					case Inst.FAIL: break;
					case Inst.ALT: if (arg) {
						arg = false;
						currentPc = inst.arg;
						continue;
					} else {
						this.push(re2, currentPc, currentPos, true);
						currentPc = inst.out;
						continue;
					}
					case Inst.ALT_MATCH: {
						const outInst = re2.prog.getInst(inst.out);
						if (Inst.isRuneOp(outInst.op)) {
							this.push(re2, inst.arg, currentPos, false);
							currentPc = inst.arg;
							currentPos = this.end;
							continue;
						}
						this.push(re2, inst.out, this.end, false);
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						if (!inst.matchRune(r >> 3)) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE1: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						if (r >> 3 !== inst.runes[0]) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE_ANY_NOT_NL: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						if (r >> 3 === 10) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.RUNE_ANY: {
						const r = input.step(currentPos);
						if (r === MachineInputBase.EOF()) break;
						currentPos += r & 7;
						currentPc = inst.out;
						continue;
					}
					case Inst.CAPTURE: if (arg) {
						this.cap[inst.arg] = currentPos;
						break;
					} else {
						if (inst.arg < this.ncap) {
							this.push(re2, currentPc, this.cap[inst.arg], true);
							this.cap[inst.arg] = currentPos;
						}
						currentPc = inst.out;
						continue;
					}
					case Inst.EMPTY_WIDTH: {
						const flag = input.context(currentPos);
						if ((inst.arg & ~flag) !== 0) break;
						currentPc = inst.out;
						continue;
					}
					case Inst.NOP:
						currentPc = inst.out;
						continue;
					case Inst.MATCH: {
						if (anchor === RE2Flags.ANCHOR_BOTH && currentPos !== this.end) break;
						if (this.ncap === 0) return true;
						if (this.ncap > 1) this.cap[1] = currentPos;
						const old = this.matchcap[1];
						if (old === -1 || longest && currentPos > 0 && currentPos > old) this.matchcap.set(this.cap);
						if (!longest) return true;
						if (currentPos === this.end) return true;
						break;
					}
					case Inst.LB_WRITE:
					case Inst.LB_CHECK: throw new RE2JSInternalException("Backtracker cannot evaluate Lookbehind instructions");
					default: throw new RE2JSInternalException("bad inst");
				}
				break;
			}
		}
		return longest && this.matchcap.length > 1 && this.matchcap[1] >= 0;
	}
};
const bitStatePool = [];
var Backtracker = class Backtracker {
	static shouldBacktrack(prog) {
		return prog.numInst() <= MAX_BACKTRACK_PROG;
	}
	static maxBitStateLen(prog) {
		if (!Backtracker.shouldBacktrack(prog)) return 0;
		return Math.floor(MAX_BACKTRACK_VECTOR / prog.numInst());
	}
	static execute(re2, input, pos, anchor, ncap) {
		const startCond = re2.cond;
		if (startCond === Utils.EMPTY_ALL) return null;
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return null;
		if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 && pos !== 0) return null;
		const b = bitStatePool.length > 0 ? bitStatePool.pop() : new BitState();
		const end = input.endPos();
		b.reset(re2.prog, end, ncap);
		let matched = false;
		if ((startCond & Utils.EMPTY_BEGIN_TEXT) !== 0 || anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) {
			if (b.ncap > 0) b.cap[0] = pos;
			if (b.tryBacktrack(re2, input, re2.prog.start, pos, anchor)) matched = true;
		} else {
			let width = -1;
			for (; pos <= end && width !== 0; pos += width) {
				if (re2.prefix.length > 0) {
					const advance = input.index(re2, pos);
					if (advance < 0) break;
					pos += advance;
				}
				if (b.ncap > 0) b.cap[0] = pos;
				if (b.tryBacktrack(re2, input, re2.prog.start, pos, anchor)) {
					matched = true;
					break;
				}
				const r = input.step(pos);
				width = r === MachineInputBase.EOF() ? 0 : r & 7;
			}
		}
		if (!matched) {
			bitStatePool.push(b);
			return null;
		}
		const result = ncap === 0 ? [] : Utils.toArray(b.matchcap.subarray(0, ncap));
		bitStatePool.push(b);
		return result;
	}
};
// src/OnePass.js
var QueueOnePass = class {
	constructor(size) {
		this.sparse = new Uint32Array(size);
		this.dense = new Uint32Array(size);
		this.size = 0;
		this.nextIndex = 0;
	}
	empty() {
		return this.nextIndex >= this.size;
	}
	next() {
		return this.dense[this.nextIndex++];
	}
	clear() {
		this.size = 0;
		this.nextIndex = 0;
	}
	contains(u) {
		return u < this.sparse.length && this.sparse[u] < this.size && this.dense[this.sparse[u]] === u;
	}
	insert(u) {
		if (!this.contains(u)) this.insertNew(u);
	}
	insertNew(u) {
		if (u >= this.sparse.length) return;
		this.sparse[u] = this.size;
		this.dense[this.size] = u;
		this.size++;
	}
};
const mergeRuneSets = (leftRunes, rightRunes, leftPC, rightPC) => {
	const leftLen = leftRunes.length;
	const rightLen = rightRunes.length;
	let lx = 0, rx = 0;
	const merged = [];
	const next = [];
	let ok = true;
	let ix = -1;
	const extend = (isLeft) => {
		const newArray = isLeft ? leftRunes : rightRunes;
		const low = isLeft ? lx : rx;
		const pc = isLeft ? leftPC : rightPC;
		if (ix > 0 && newArray[low] <= merged[ix]) return false;
		merged.push(newArray[low], newArray[low + 1]);
		if (isLeft) lx += 2;
		else rx += 2;
		ix += 2;
		next.push(pc);
		return true;
	};
	while (lx < leftLen || rx < rightLen) {
		if (rx >= rightLen) ok = extend(true);
		else if (lx >= leftLen) ok = extend(false);
		else if (rightRunes[rx] < leftRunes[lx]) ok = extend(false);
		else ok = extend(true);
		if (!ok) return null;
	}
	return {
		merged,
		next
	};
};
var OnePassProg = class {
	constructor(prog) {
		this.start = prog.start;
		this.numCap = prog.numCap;
		this.inst = new Array(prog.inst.length);
		for (let i = 0; i < prog.inst.length; i++) {
			const orig = prog.inst[i];
			const inst = new Inst(orig.op);
			inst.out = orig.out;
			inst.arg = orig.arg;
			inst.runes = orig.runes ? new Int32Array(orig.runes) : /* @__PURE__ */ new Int32Array(0);
			inst.next = null;
			this.inst[i] = inst;
		}
	}
};
const onePassCopy = (prog) => {
	const p = new OnePassProg(prog);
	for (let pc = 0; pc < p.inst.length; pc++) {
		const inst = p.inst[pc];
		if (inst.op !== Inst.ALT && inst.op !== Inst.ALT_MATCH) continue;
		let pAOther = "out";
		let pAAlt = "arg";
		let instAlt = p.inst[inst[pAAlt]];
		if (instAlt.op !== Inst.ALT && instAlt.op !== Inst.ALT_MATCH) {
			pAOther = "arg";
			pAAlt = "out";
			instAlt = p.inst[inst[pAAlt]];
			if (instAlt.op !== Inst.ALT && instAlt.op !== Inst.ALT_MATCH) continue;
		}
		const instOther = p.inst[inst[pAOther]];
		if (instOther.op === Inst.ALT || instOther.op === Inst.ALT_MATCH) continue;
		let pBAlt = "out";
		let pBOther = "arg";
		let patch = false;
		if (instAlt.out === pc) patch = true;
		else if (instAlt.arg === pc) {
			patch = true;
			pBAlt = "arg";
			pBOther = "out";
		}
		if (patch) instAlt[pBAlt] = inst[pAOther];
		if (inst[pAOther] === instAlt[pBAlt]) inst[pAAlt] = instAlt[pBOther];
	}
	return p;
};
const makeOnePass = (p) => {
	if (p.inst.length >= 1e3) return null;
	const instQueue = new QueueOnePass(p.inst.length);
	const visitQueue = new QueueOnePass(p.inst.length);
	const onePassRunes = new Array(p.inst.length);
	const m = new Array(p.inst.length).fill(false);
	const check = (pc) => {
		let ok = true;
		const inst = p.inst[pc];
		if (visitQueue.contains(pc)) return true;
		visitQueue.insert(pc);
		switch (inst.op) {
			case Inst.ALT:
			case Inst.ALT_MATCH: {
				ok = check(inst.out) && check(inst.arg);
				let matchOut = m[inst.out];
				let matchArg = m[inst.arg];
				if (matchOut && matchArg) return false;
				if (matchArg) {
					const tempOut = inst.out;
					inst.out = inst.arg;
					inst.arg = tempOut;
					const tempMatch = matchOut;
					matchOut = matchArg;
					matchArg = tempMatch;
				}
				if (matchOut) {
					m[pc] = true;
					inst.op = Inst.ALT_MATCH;
				}
				const leftRunes = onePassRunes[inst.out] || [];
				const rightRunes = onePassRunes[inst.arg] || [];
				const mergeRes = mergeRuneSets(leftRunes, rightRunes, inst.out, inst.arg);
				if (!mergeRes) return false;
				onePassRunes[pc] = new Int32Array(mergeRes.merged);
				inst.next = new Uint32Array(mergeRes.next);
				break;
			}
			case Inst.CAPTURE:
			case Inst.EMPTY_WIDTH:
			case Inst.NOP:
				ok = check(inst.out);
				m[pc] = m[inst.out];
				onePassRunes[pc] = onePassRunes[inst.out] ? new Int32Array(onePassRunes[inst.out]) : /* @__PURE__ */ new Int32Array(0);
				inst.next = new Uint32Array(Math.floor(onePassRunes[pc].length / 2) + 1).fill(inst.out);
				break;
			case Inst.MATCH:
			case Inst.FAIL:
				m[pc] = inst.op === Inst.MATCH;
				break;
			case Inst.RUNE: {
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				if (!inst.runes || inst.runes.length === 0) {
					onePassRunes[pc] = /* @__PURE__ */ new Int32Array(0);
					inst.next = new Uint32Array([inst.out]);
					break;
				}
				let runes = [];
				if (inst.runes.length === 1 && (inst.arg & RE2Flags.FOLD_CASE) !== 0) {
					const r0 = inst.runes[0];
					runes.push(r0, r0);
					for (let r1 = Unicode.simpleFold(r0); r1 !== r0; r1 = Unicode.simpleFold(r1)) runes.push(r1, r1);
					runes.sort((a, b) => a - b);
				} else for (let j = 0; j < inst.runes.length; j++) runes.push(inst.runes[j]);
				onePassRunes[pc] = new Int32Array(runes);
				inst.next = new Uint32Array(Math.floor(runes.length / 2) + 1).fill(inst.out);
				inst.op = Inst.RUNE;
				break;
			}
			case Inst.RUNE1: {
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				let runes = [];
				if ((inst.arg & RE2Flags.FOLD_CASE) !== 0) {
					const r0 = inst.runes[0];
					runes.push(r0, r0);
					for (let r1 = Unicode.simpleFold(r0); r1 !== r0; r1 = Unicode.simpleFold(r1)) runes.push(r1, r1);
					runes.sort((a, b) => a - b);
				} else runes.push(inst.runes[0], inst.runes[0]);
				onePassRunes[pc] = new Int32Array(runes);
				inst.next = new Uint32Array(Math.floor(runes.length / 2) + 1).fill(inst.out);
				inst.op = Inst.RUNE;
				break;
			}
			case Inst.RUNE_ANY:
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				onePassRunes[pc] = new Int32Array([0, Unicode.MAX_RUNE]);
				inst.next = new Uint32Array([inst.out]);
				break;
			case Inst.RUNE_ANY_NOT_NL:
				m[pc] = false;
				if (inst.next && inst.next.length > 0) break;
				instQueue.insert(inst.out);
				onePassRunes[pc] = new Int32Array([
					0,
					9,
					11,
					Unicode.MAX_RUNE
				]);
				inst.next = new Uint32Array(Math.floor(onePassRunes[pc].length / 2) + 1).fill(inst.out);
		}
		return ok;
	};
	instQueue.clear();
	instQueue.insert(p.start);
	while (!instQueue.empty()) {
		visitQueue.clear();
		if (!check(instQueue.next())) return null;
	}
	for (let i = 0; i < p.inst.length; i++) if (onePassRunes[i]) p.inst[i].runes = onePassRunes[i];
	return p;
};
const cleanupOnePass = (p, original) => {
	for (let ix = 0; ix < original.inst.length; ix++) {
		const instOriginal = original.inst[ix];
		switch (instOriginal.op) {
			case Inst.ALT:
			case Inst.ALT_MATCH:
			case Inst.RUNE: break;
			case Inst.CAPTURE:
			case Inst.EMPTY_WIDTH:
			case Inst.NOP:
			case Inst.MATCH:
			case Inst.FAIL:
				p.inst[ix].next = null;
				break;
			case Inst.RUNE1:
			case Inst.RUNE_ANY:
			case Inst.RUNE_ANY_NOT_NL:
				p.inst[ix].next = null;
				p.inst[ix].op = instOriginal.op;
				p.inst[ix].runes = instOriginal.runes ? new Int32Array(instOriginal.runes) : /* @__PURE__ */ new Int32Array(0);
		}
	}
};
var OnePass = class OnePass {
	static compile(prog) {
		if (prog.start === 0) return null;
		if (prog.numLb > 0) return null;
		const startInst = prog.inst[prog.start];
		if (startInst.op !== Inst.EMPTY_WIDTH || (startInst.arg & Utils.EMPTY_BEGIN_TEXT) === 0) return null;
		let hasAlt = false;
		for (let i = 0; i < prog.inst.length; i++) if (prog.inst[i].op === Inst.ALT || prog.inst[i].op === Inst.ALT_MATCH) {
			hasAlt = true;
			break;
		}
		for (let i = 0; i < prog.inst.length; i++) {
			const inst = prog.inst[i];
			const opOut = prog.inst[inst.out].op;
			switch (inst.op) {
				case Inst.ALT:
				case Inst.ALT_MATCH:
					if (opOut === Inst.MATCH || prog.inst[inst.arg].op === Inst.MATCH) return null;
					break;
				case Inst.EMPTY_WIDTH:
					if (opOut === Inst.MATCH) {
						if ((inst.arg & Utils.EMPTY_END_TEXT) === Utils.EMPTY_END_TEXT) continue;
						return null;
					}
					break;
				default: if (opOut === Inst.MATCH && hasAlt) return null;
			}
		}
		let p = onePassCopy(prog);
		p = makeOnePass(p);
		if (p !== null) cleanupOnePass(p, prog);
		return p;
	}
	static next(inst, r) {
		const nextIdx = inst.matchRunePos(r);
		if (nextIdx >= 0) return inst.next[nextIdx];
		if (inst.op === Inst.ALT_MATCH) return inst.out;
		return 0;
	}
	static execute(re2, input, pos, anchor, ncap) {
		const onepass = re2.onepass;
		if (!onepass) return null;
		const matchcap = new Int32Array(ncap).fill(-1);
		let matched = false;
		let r = input.step(pos);
		let rune = r >> 3;
		let width = r & 7;
		let r1 = MachineInputBase.EOF();
		let rune1 = -1;
		let width1 = 0;
		if (r !== MachineInputBase.EOF()) {
			r1 = input.step(pos + width);
			if (r1 !== MachineInputBase.EOF()) {
				rune1 = r1 >> 3;
				width1 = r1 & 7;
			}
		}
		let flag = pos === 0 ? Utils.emptyOpContext(-1, rune) : input.context(pos);
		let pc = onepass.start;
		let inst;
		while (true) {
			inst = onepass.inst[pc];
			pc = inst.out;
			switch (inst.op) {
				case Inst.MATCH:
					if (anchor === RE2Flags.ANCHOR_BOTH && pos !== input.endPos()) return null;
					matched = true;
					if (matchcap.length > 0) {
						matchcap[0] = 0;
						matchcap[1] = pos;
					}
					return ncap === 0 ? [] : Utils.toArray(matchcap);
				case Inst.RUNE:
					if (!inst.matchRune(rune)) return null;
					break;
				case Inst.RUNE1:
					if (rune !== inst.runes[0]) return null;
					break;
				case Inst.RUNE_ANY: break;
				case Inst.RUNE_ANY_NOT_NL:
					if (rune === 10) return null;
					break;
				case Inst.ALT:
				case Inst.ALT_MATCH:
					pc = OnePass.next(inst, rune);
					continue;
				case Inst.FAIL: return null;
				case Inst.NOP: continue;
				case Inst.EMPTY_WIDTH:
					if ((inst.arg & ~flag) !== 0) return null;
					continue;
				case Inst.CAPTURE:
					if (inst.arg < matchcap.length) matchcap[inst.arg] = pos;
					continue;
				default: throw new RE2JSInternalException("bad inst");
			}
			if (width === 0) break;
			flag = Utils.emptyOpContext(rune, rune1);
			pos += width;
			rune = rune1;
			width = width1;
			if (rune !== -1) {
				r1 = input.step(pos + width);
				if (r1 !== MachineInputBase.EOF()) {
					rune1 = r1 >> 3;
					width1 = r1 & 7;
				} else {
					rune1 = -1;
					width1 = 0;
				}
			}
		}
		if (!matched) return null;
		return ncap === 0 ? [] : Utils.toArray(matchcap);
	}
};
// src/Regexp.js
/**
* Regular expression abstract syntax tree. Produced by parser, used by compiler. NB, this
* corresponds to {@code syntax.regexp} in the Go implementation; Go's {@code regexp} is called
* {@code RE2} in Java.
*/
var Regexp = class Regexp {
	static Op = createEnum([
		"NO_MATCH",
		"EMPTY_MATCH",
		"LITERAL",
		"CHAR_CLASS",
		"ANY_CHAR_NOT_NL",
		"ANY_CHAR",
		"BEGIN_LINE",
		"END_LINE",
		"BEGIN_TEXT",
		"END_TEXT",
		"WORD_BOUNDARY",
		"NO_WORD_BOUNDARY",
		"CAPTURE",
		"STAR",
		"PLUS",
		"QUEST",
		"REPEAT",
		"CONCAT",
		"ALTERNATE",
		"PLB",
		"NLB",
		"LEFT_PAREN",
		"VERTICAL_BAR"
	]);
	static isPseudoOp(op) {
		return op >= Regexp.Op.LEFT_PAREN;
	}
	static emptySubs() {
		return [];
	}
	static quoteIfHyphen(rune) {
		if (rune === Codepoint.CODES["-"]) return "\\";
		return "";
	}
	static fromRegexp(re) {
		const regex = new Regexp(re.op);
		regex.flags = re.flags;
		regex.subs = re.subs;
		regex.runes = re.runes;
		regex.cap = re.cap;
		regex.min = re.min;
		regex.max = re.max;
		regex.name = re.name;
		regex.namedGroups = re.namedGroups;
		regex.lb = re.lb;
		return regex;
	}
	constructor(op) {
		this.op = op;
		this.flags = 0;
		this.subs = Regexp.emptySubs();
		this.runes = /* @__PURE__ */ new Int32Array(0);
		this.min = 0;
		this.max = 0;
		this.cap = 0;
		this.name = null;
		this.namedGroups = Object.create(null);
		this.lb = 0;
	}
	reinit() {
		this.flags = 0;
		this.subs = Regexp.emptySubs();
		this.runes = /* @__PURE__ */ new Int32Array(0);
		this.cap = 0;
		this.min = 0;
		this.max = 0;
		this.name = null;
		this.namedGroups = Object.create(null);
		this.lb = 0;
	}
	toString() {
		return this.appendTo();
	}
	appendTo() {
		let out = "";
		switch (this.op) {
			case Regexp.Op.NO_MATCH:
				out += "[^\\x00-\\x{10FFFF}]";
				break;
			case Regexp.Op.EMPTY_MATCH:
				out += "(?:)";
				break;
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST:
			case Regexp.Op.REPEAT: {
				const sub = this.subs[0];
				if (sub.op > Regexp.Op.CAPTURE || sub.op === Regexp.Op.LITERAL && sub.runes.length > 1) out += `(?:${sub.appendTo()})`;
				else out += sub.appendTo();
				switch (this.op) {
					case Regexp.Op.STAR:
						out += "*";
						break;
					case Regexp.Op.PLUS:
						out += "+";
						break;
					case Regexp.Op.QUEST:
						out += "?";
						break;
					case Regexp.Op.REPEAT:
						out += `{${this.min}`;
						if (this.min !== this.max) {
							out += ",";
							if (this.max >= 0) out += this.max;
						}
						out += "}";
				}
				if ((this.flags & RE2Flags.NON_GREEDY) !== 0) out += "?";
				break;
			}
			case Regexp.Op.CONCAT:
				for (let sub of this.subs) if (sub.op === Regexp.Op.ALTERNATE) out += `(?:${sub.appendTo()})`;
				else out += sub.appendTo();
				break;
			case Regexp.Op.ALTERNATE: {
				let sep = "";
				for (let sub of this.subs) {
					out += sep;
					sep = "|";
					out += sub.appendTo();
				}
				break;
			}
			case Regexp.Op.LITERAL:
				if ((this.flags & RE2Flags.FOLD_CASE) !== 0) out += "(?i:";
				for (let rune of this.runes) out += Utils.escapeRune(rune);
				if ((this.flags & RE2Flags.FOLD_CASE) !== 0) out += ")";
				break;
			case Regexp.Op.ANY_CHAR_NOT_NL:
				out += "(?-s:.)";
				break;
			case Regexp.Op.ANY_CHAR:
				out += "(?s:.)";
				break;
			case Regexp.Op.PLB:
				out += `(?<=${this.subs[0].appendTo()})`;
				break;
			case Regexp.Op.NLB:
				out += `(?<!${this.subs[0].appendTo()})`;
				break;
			case Regexp.Op.CAPTURE:
				if (this.name === null || this.name.length === 0) out += "(";
				else out += `(?P<${this.name}>`;
				if (this.subs[0].op !== Regexp.Op.EMPTY_MATCH) out += this.subs[0].appendTo();
				out += ")";
				break;
			case Regexp.Op.BEGIN_TEXT:
				out += "\\A";
				break;
			case Regexp.Op.END_TEXT:
				if ((this.flags & RE2Flags.WAS_DOLLAR) !== 0) out += "(?-m:$)";
				else out += "\\z";
				break;
			case Regexp.Op.BEGIN_LINE:
				out += "^";
				break;
			case Regexp.Op.END_LINE:
				out += "$";
				break;
			case Regexp.Op.WORD_BOUNDARY:
				out += "\\b";
				break;
			case Regexp.Op.NO_WORD_BOUNDARY:
				out += "\\B";
				break;
			case Regexp.Op.CHAR_CLASS:
				if (this.runes.length % 2 !== 0) {
					out += "[invalid char class]";
					break;
				}
				out += "[";
				if (this.runes.length === 0) out += "^\\x00-\\x{10FFFF}";
				else if (this.runes[0] === 0 && this.runes[this.runes.length - 1] === Unicode.MAX_RUNE) {
					out += "^";
					for (let i = 1; i < this.runes.length - 1; i += 2) {
						const lo = this.runes[i] + 1;
						const hi = this.runes[i + 1] - 1;
						out += Regexp.quoteIfHyphen(lo);
						out += Utils.escapeRune(lo);
						if (lo !== hi) {
							out += "-";
							out += Regexp.quoteIfHyphen(hi);
							out += Utils.escapeRune(hi);
						}
					}
				} else for (let i = 0; i < this.runes.length; i += 2) {
					const lo = this.runes[i];
					const hi = this.runes[i + 1];
					out += Regexp.quoteIfHyphen(lo);
					out += Utils.escapeRune(lo);
					if (lo !== hi) {
						out += "-";
						out += Regexp.quoteIfHyphen(hi);
						out += Utils.escapeRune(hi);
					}
				}
				out += "]";
				break;
			default: out += this.op;
		}
		return out;
	}
	maxCap() {
		let m = 0;
		if (this.op === Regexp.Op.CAPTURE) m = this.cap;
		if (this.subs !== null) for (let sub of this.subs) {
			const n = sub.maxCap();
			if (m < n) m = n;
		}
		return m;
	}
	equals(that) {
		if (!(that !== null && that instanceof Regexp)) return false;
		if (this.op !== that.op) return false;
		switch (this.op) {
			case Regexp.Op.END_TEXT:
				if ((this.flags & RE2Flags.WAS_DOLLAR) !== (that.flags & RE2Flags.WAS_DOLLAR)) return false;
				break;
			case Regexp.Op.LITERAL:
			case Regexp.Op.CHAR_CLASS:
				if ((this.flags & RE2Flags.FOLD_CASE) !== (that.flags & RE2Flags.FOLD_CASE)) return false;
				if (this.runes === null && that.runes === null) break;
				if (this.runes === null || that.runes === null) return false;
				if (this.runes.length !== that.runes.length) return false;
				for (let i = 0; i < this.runes.length; i++) if (this.runes[i] !== that.runes[i]) return false;
				break;
			case Regexp.Op.ALTERNATE:
			case Regexp.Op.CONCAT:
				if (this.subs.length !== that.subs.length) return false;
				for (let i = 0; i < this.subs.length; ++i) if (!this.subs[i].equals(that.subs[i])) return false;
				break;
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST:
				if ((this.flags & RE2Flags.NON_GREEDY) !== (that.flags & RE2Flags.NON_GREEDY) || !this.subs[0].equals(that.subs[0])) return false;
				break;
			case Regexp.Op.REPEAT:
				if ((this.flags & RE2Flags.NON_GREEDY) !== (that.flags & RE2Flags.NON_GREEDY) || this.min !== that.min || this.max !== that.max || !this.subs[0].equals(that.subs[0])) return false;
				break;
			case Regexp.Op.CAPTURE:
				if (this.cap !== that.cap || (this.name === null ? that.name !== null : this.name !== that.name) || !this.subs[0].equals(that.subs[0])) return false;
				break;
			case Regexp.Op.PLB:
			case Regexp.Op.NLB: if (this.lb !== that.lb || !this.subs[0].equals(that.subs[0])) return false;
		}
		return true;
	}
};
// src/RegexpWalker.js
/**
* Walks a Regexp tree without recursion, visiting nodes in the same order a recursive walk
* would (RE2: re2/walker-inl.h, "Helper class for traversing Regexps without recursion").
*
* The handler sees a node without subexpressions once, through `leaf(re)`, which returns its
* result. Any other node is seen up to three times:
* - `enter(re)` before its children. It returns the state kept for `re` while its children are
*   visited; a state whose `result` is already set skips the children.
* - `child(re, state, result, i)` after child `i` produced `result`. Setting `state.result`
*   stops visiting the remaining children.
* - `leave(re, state)` after the last child; it returns the result for `re`.
*
* Counted repetitions expand into one nesting level per copy, so the simplified tree can be
* thousands of levels deep; recursion over it would overflow the JS stack, which has no fixed
* relation to the parser's nesting limit. This walk keeps its frames on the heap instead.
*/
var RegexpWalker = class {
	static walk(root, handler) {
		const stack = [];
		let re = root;
		let result;
		for (;;) {
			if (re.subs.length === 0) result = handler.leaf(re);
			else {
				const state = handler.enter(re);
				if (state.result === void 0) {
					stack.push({
						re,
						state,
						i: 0
					});
					re = re.subs[0];
					continue;
				}
				result = state.result;
			}
			for (;;) {
				if (stack.length === 0) return result;
				const frame = stack[stack.length - 1];
				handler.child(frame.re, frame.state, result, frame.i);
				frame.i++;
				if (frame.state.result === void 0 && frame.i < frame.re.subs.length) {
					re = frame.re.subs[frame.i];
					break;
				}
				stack.pop();
				result = frame.state.result !== void 0 ? frame.state.result : handler.leave(frame.re, frame.state);
			}
		}
	}
};
// src/Prefilter.js
var AhoCorasick = class {
	constructor(words, alphabetSize) {
		const edges = /* @__PURE__ */ new Map();
		const parent = [0];
		const unit = [0];
		const depth = [0];
		const terminal = [0];
		for (const word of words) {
			let node = 0;
			for (let i = 0; i < word.length; i++) {
				const key = node * alphabetSize + word[i];
				let child = edges.get(key);
				if (child === void 0) {
					child = parent.length;
					edges.set(key, child);
					parent.push(node);
					unit.push(word[i]);
					depth.push(depth[node] + 1);
					terminal.push(0);
				}
				node = child;
			}
			terminal[node] = 1;
		}
		const numNodes = parent.length;
		const children = new Int32Array(numNodes - 1);
		for (let c = 1; c < numNodes; c++) children[c - 1] = c;
		children.sort((a, b) => parent[a] - parent[b] || unit[a] - unit[b]);
		const childStart = new Int32Array(numNodes + 1);
		for (let c = 1; c < numNodes; c++) childStart[parent[c] + 1]++;
		for (let n = 0; n < numNodes; n++) childStart[n + 1] += childStart[n];
		const childUnit = new Int32Array(numNodes - 1);
		for (let k = 0; k < children.length; k++) childUnit[k] = unit[children[k]];
		this.childStart = childStart;
		this.childUnit = childUnit;
		this.childNode = children;
		const byDepth = new Int32Array(numNodes);
		for (let n = 0; n < numNodes; n++) byDepth[n] = n;
		byDepth.sort((a, b) => depth[a] - depth[b]);
		const fail = new Int32Array(numNodes);
		const match = Uint8Array.from(terminal);
		for (let k = 1; k < numNodes; k++) {
			const c = byDepth[k];
			const p = parent[c];
			if (p !== 0) {
				let f = fail[p];
				let next = this.next(f, unit[c]);
				while (next < 0 && f !== 0) {
					f = fail[f];
					next = this.next(f, unit[c]);
				}
				fail[c] = next >= 0 ? next : 0;
			}
			match[c] |= match[fail[c]];
		}
		this.fail = fail;
		this.match = match;
	}
	next(node, u) {
		let lo = this.childStart[node];
		let hi = this.childStart[node + 1];
		const units = this.childUnit;
		while (lo < hi) {
			const mid = lo + hi >> 1;
			const m = units[mid];
			if (m === u) return this.childNode[mid];
			if (m < u) lo = mid + 1;
			else hi = mid;
		}
		return -1;
	}
	advance(node, u) {
		for (;;) {
			const next = this.next(node, u);
			if (next >= 0) return next;
			if (node === 0) return 0;
			node = this.fail[node];
		}
	}
	searchUTF16(charSeq, start, end) {
		let node = 0;
		for (let i = start; i < end; i++) {
			node = this.advance(node, charSeq.charCodeAt(i));
			if (this.match[node] === 1) return true;
		}
		return false;
	}
	searchUTF8(bytes, start, end) {
		let node = 0;
		for (let i = start; i < end; i++) {
			node = this.advance(node, bytes[i]);
			if (this.match[node] === 1) return true;
		}
		return false;
	}
};
var Prefilter = class Prefilter {
	static Type = {
		NONE: 0,
		EXACT: 1,
		AND: 2,
		OR: 3
	};
	static MAX_SCANS = 32;
	static MAX_AC_UNITS = 1 << 18;
	constructor(type) {
		this.type = type;
		this.subs = [];
		this.str = "";
		this.bytes = null;
		this.cost = type === Prefilter.Type.EXACT ? 1 : 0;
		this.allExact = false;
		this.ac16 = null;
		this.ac8 = null;
	}
	automaton16() {
		if (this.ac16 === null) {
			const words = this.subs.map((s) => {
				const arr = new Array(s.str.length);
				for (let i = 0; i < s.str.length; i++) arr[i] = s.str.charCodeAt(i);
				return arr;
			});
			this.ac16 = new AhoCorasick(words, 65536);
		}
		return this.ac16;
	}
	automaton8() {
		if (this.ac8 === null) this.ac8 = new AhoCorasick(this.subs.map((s) => s.bytes), 256);
		return this.ac8;
	}
	eval(input, pos) {
		switch (this.type) {
			case Prefilter.Type.NONE: return true;
			case Prefilter.Type.EXACT: return input.hasString(this, pos);
			case Prefilter.Type.AND:
				for (let i = 0; i < this.subs.length; i++) if (!this.subs[i].eval(input, pos)) return false;
				return true;
			case Prefilter.Type.OR:
				if (this.allExact) return input.hasAnyString(this, pos);
				for (let i = 0; i < this.subs.length; i++) if (this.subs[i].eval(input, pos)) return true;
				return false;
			default: return true;
		}
	}
};
var PrefilterTree = class PrefilterTree {
	static build(re) {
		if (!re) return new Prefilter(Prefilter.Type.NONE);
		return RegexpWalker.walk(re, PrefilterTree.WALKER);
	}
	static WALKER = {
		leaf: (re) => PrefilterTree.leaf(re),
		enter: (re) => PrefilterTree.enter(re),
		child: (re, state, result) => PrefilterTree.child(re, state, result),
		leave: (re, state) => PrefilterTree.leave(re, state)
	};
	static leaf(re) {
		if (re.op !== Regexp.Op.LITERAL) return new Prefilter(Prefilter.Type.NONE);
		if (re.runes.length === 0 || (re.flags & RE2Flags.FOLD_CASE) !== 0) return new Prefilter(Prefilter.Type.NONE);
		let str = "";
		for (let i = 0; i < re.runes.length; i++) {
			if (Unicode.isUnsearchable(re.runes[i])) return new Prefilter(Prefilter.Type.NONE);
			str += String.fromCodePoint(re.runes[i]);
		}
		const pf = new Prefilter(Prefilter.Type.EXACT);
		pf.str = str;
		pf.bytes = Utils.stringToUtf8ByteArray(pf.str);
		return pf;
	}
	static enter(re) {
		switch (re.op) {
			case Regexp.Op.CAPTURE:
			case Regexp.Op.PLUS: return { sub: null };
			case Regexp.Op.REPEAT:
				if (re.min >= 1) return { sub: null };
				return { result: new Prefilter(Prefilter.Type.NONE) };
			case Regexp.Op.CONCAT: return {
				pf: new Prefilter(Prefilter.Type.AND),
				subs: []
			};
			case Regexp.Op.ALTERNATE: return {
				pf: new Prefilter(Prefilter.Type.OR),
				subs: []
			};
			default: return { result: new Prefilter(Prefilter.Type.NONE) };
		}
	}
	static child(re, state, s) {
		if (state.subs === void 0) {
			state.sub = s;
			return;
		}
		if (state.pf.type === Prefilter.Type.AND) {
			if (s.type === Prefilter.Type.NONE) return;
			if (s.type === Prefilter.Type.AND) {
				for (let j = 0; j < s.subs.length; j++) state.subs.push(s.subs[j]);
				return;
			}
			state.subs.push(s);
			return;
		}
		if (s.type === Prefilter.Type.NONE) {
			state.result = new Prefilter(Prefilter.Type.NONE);
			return;
		}
		if (s.type === Prefilter.Type.OR) {
			for (let j = 0; j < s.subs.length; j++) state.subs.push(s.subs[j]);
			return;
		}
		state.subs.push(s);
	}
	static leave(re, state) {
		if (state.subs === void 0) return state.sub;
		const pf = state.pf;
		const seen = /* @__PURE__ */ new Set();
		const subs = [];
		for (const sub of state.subs) {
			if (sub.type === Prefilter.Type.EXACT) {
				if (seen.has(sub.str)) continue;
				seen.add(sub.str);
			}
			subs.push(sub);
		}
		if (pf.type === Prefilter.Type.AND) {
			const kept = [];
			let cost = 0;
			for (const sub of subs) {
				if (cost + sub.cost > Prefilter.MAX_SCANS) continue;
				kept.push(sub);
				cost += sub.cost;
			}
			if (kept.length === 0) return new Prefilter(Prefilter.Type.NONE);
			if (kept.length === 1) return kept[0];
			pf.subs = kept;
			pf.cost = cost;
			return pf;
		}
		if (subs.length === 0) return new Prefilter(Prefilter.Type.NONE);
		if (subs.length === 1) return subs[0];
		pf.subs = subs;
		let allExact = true;
		let cost = 0;
		let units = 0;
		for (const sub of subs) {
			if (sub.type !== Prefilter.Type.EXACT) allExact = false;
			else units += sub.bytes.length;
			cost += sub.cost;
		}
		if (allExact) {
			if (units > Prefilter.MAX_AC_UNITS) return new Prefilter(Prefilter.Type.NONE);
			pf.allExact = true;
			pf.cost = 1;
			return pf;
		}
		if (cost > Prefilter.MAX_SCANS) return new Prefilter(Prefilter.Type.NONE);
		pf.cost = cost;
		return pf;
	}
};
// src/Prog.js
/**
* A list of instruction pointers waiting to be patched.
* Tracks both `head` and `tail` to allow O(1) appending during compilation.
* * Values are encoded integers, not standard memory pointers:
* - Program instruction index: `l >> 1`
* - Patch `.out` field if: `(l & 1) === 0`
* - Patch `.arg` field if: `(l & 1) === 1`
* - `0` denotes an empty list.
* * @see https://swtch.com/~rsc/regexp/regexp1.html
*/
var PatchList = class {
	/**
	* @param {number} head - Encoded pointer to the start of the patch list.
	* @param {number} tail - Encoded pointer to the end of the patch list.
	*/
	constructor(head = 0, tail = 0) {
		this.head = head;
		this.tail = tail;
	}
};
/**
* A Prog is a compiled regular expression program.
*/
var Prog = class {
	constructor() {
		this.inst = [];
		this.start = 0;
		this.numCap = 2;
		this.lbStarts = [];
		this.numLb = 0;
		this.lbInst = null;
	}
	getInst(pc) {
		return this.inst[pc];
	}
	numInst() {
		return this.inst.length;
	}
	addInst(op) {
		this.inst.push(new Inst(op));
	}
	markLookbehindInsts() {
		const lbInst = new Uint8Array(this.inst.length);
		const pending = this.lbStarts.slice();
		while (pending.length > 0) {
			const pc = pending.pop();
			if (pc === 0 || lbInst[pc] === 1) continue;
			lbInst[pc] = 1;
			const i = this.inst[pc];
			switch (i.op) {
				case Inst.ALT:
				case Inst.ALT_MATCH:
					pending.push(i.out, i.arg);
					break;
				case Inst.MATCH:
				case Inst.FAIL: break;
				default: pending.push(i.out);
			}
		}
		this.lbInst = lbInst;
	}
	skipNop(pc) {
		let i = this.inst[pc];
		while (i.op === Inst.NOP || i.op === Inst.CAPTURE) {
			i = this.inst[pc];
			pc = i.out;
		}
		return i;
	}
	/** @returns {[boolean, string]} */
	prefix() {
		let prefix = "";
		let i = this.skipNop(this.start);
		if (!Inst.isRuneOp(i.op) || i.runes.length !== 1) return [i.op === Inst.MATCH, prefix];
		while (Inst.isRuneOp(i.op) && i.runes.length === 1 && (i.arg & RE2Flags.FOLD_CASE) === 0 && !Unicode.isUnsearchable(i.runes[0])) {
			prefix += String.fromCodePoint(i.runes[0]);
			i = this.skipNop(i.out);
		}
		return [i.op === Inst.MATCH, prefix];
	}
	startCond() {
		let flag = 0;
		let pc = this.start;
		loop: for (;;) {
			const i = this.inst[pc];
			switch (i.op) {
				case Inst.EMPTY_WIDTH:
					flag |= i.arg;
					break;
				case Inst.FAIL: return -1;
				case Inst.CAPTURE:
				case Inst.NOP: break;
				default: break loop;
			}
			pc = i.out;
		}
		return flag;
	}
	patch(l, val) {
		let head = l.head;
		while (head !== 0) {
			const i = this.inst[head >> 1];
			if ((head & 1) === 0) {
				head = i.out;
				i.out = val;
			} else {
				head = i.arg;
				i.arg = val;
			}
		}
	}
	append(l1, l2) {
		if (l1.head === 0) return l2;
		if (l2.head === 0) return l1;
		const i = this.inst[l1.tail >> 1];
		if ((l1.tail & 1) === 0) i.out = l2.head;
		else i.arg = l2.head;
		return new PatchList(l1.head, l2.tail);
	}
	/**
	*
	* @returns {string}
	*/
	toString() {
		let out = "";
		for (let pc = 0; pc < this.inst.length; pc++) {
			const len = out.length;
			out += pc;
			if (pc === this.start) out += "*";
			out += "        ".substring(out.length - len);
			out += this.inst[pc];
			out += "\n";
		}
		return out;
	}
};
// src/Compiler.js
const ANY_RUNE_NOT_NL = new Int32Array([
	0,
	Codepoint.CODES["\n"] - 1,
	Codepoint.CODES["\n"] + 1,
	Unicode.MAX_RUNE
]);
const ANY_RUNE = new Int32Array([0, Unicode.MAX_RUNE]);
/**
* A fragment of a compiled regular expression program.
*
* @see http://swtch.com/~rsc/regexp/regexp1.html
* @class
*/
var Frag = class {
	constructor(i = 0, out = new PatchList(), nullable = false) {
		this.i = i;
		this.out = out;
		this.nullable = nullable;
	}
};
/**
* Compiler from {@code Regexp} (RE2 abstract syntax) to {@code RE2} (compiled regular expression).
*
* The only entry point is {@link #compileRegexp}.
*/
var Compiler = class Compiler {
	static compileRegexp(re) {
		const c = new Compiler();
		const f = c.compile(re);
		c.prog.patch(f.out, c.newInst(Inst.MATCH).i);
		c.prog.start = f.i;
		c.prog.markLookbehindInsts();
		return c.prog;
	}
	static compileSet(regexps) {
		const c = new Compiler();
		if (regexps.length === 0) {
			c.prog.start = c.newInst(Inst.FAIL).i;
			c.prog.markLookbehindInsts();
			return c.prog;
		}
		let starts = [];
		for (let i = 0; i < regexps.length; i++) {
			c.lbOffset = c.prog.numLb;
			const f = c.compile(regexps[i]);
			const m = c.newInst(Inst.MATCH);
			c.prog.getInst(m.i).arg = i;
			c.prog.patch(f.out, m.i);
			starts.push(f.i);
		}
		let start = starts[0];
		for (let i = 1; i < starts.length; i++) {
			const f = c.newInst(Inst.ALT);
			const inst = c.prog.getInst(f.i);
			inst.out = start;
			inst.arg = starts[i];
			start = f.i;
		}
		c.prog.start = start;
		c.prog.markLookbehindInsts();
		return c.prog;
	}
	constructor() {
		this.prog = new Prog();
		this.newInst(Inst.FAIL);
		this.lbOffset = 0;
		this.runeCache = /* @__PURE__ */ new Map();
		this.walker = {
			leaf: (re) => this.leaf(re),
			enter: (re) => this.enter(re),
			child: (re, state, result) => this.child(re, state, result),
			leave: (re, state) => this.leave(re, state)
		};
	}
	newInst(op) {
		this.prog.addInst(op);
		return new Frag(this.prog.numInst() - 1, new PatchList(), true);
	}
	nop() {
		const f = this.newInst(Inst.NOP);
		f.out = new PatchList(f.i << 1, f.i << 1);
		return f;
	}
	fail() {
		return new Frag();
	}
	cap(arg) {
		const f = this.newInst(Inst.CAPTURE);
		f.out = new PatchList(f.i << 1, f.i << 1);
		this.prog.getInst(f.i).arg = arg;
		if (this.prog.numCap < arg + 1) this.prog.numCap = arg + 1;
		return f;
	}
	cat(f1, f2) {
		if (f1.i === 0 || f2.i === 0) {
			this.prog.patch(f1.out, 0);
			this.prog.patch(f2.out, 0);
			return this.fail();
		}
		this.prog.patch(f1.out, f2.i);
		return new Frag(f1.i, f2.out, f1.nullable && f2.nullable);
	}
	alt(f1, f2) {
		if (f1.i === 0) return f2;
		if (f2.i === 0) return f1;
		const f = this.newInst(Inst.ALT);
		const i = this.prog.getInst(f.i);
		i.out = f1.i;
		i.arg = f2.i;
		f.out = this.prog.append(f1.out, f2.out);
		f.nullable = f1.nullable || f2.nullable;
		return f;
	}
	loop(f1, nongreedy) {
		const f = this.newInst(Inst.ALT);
		const i = this.prog.getInst(f.i);
		if (nongreedy) {
			i.arg = f1.i;
			f.out = new PatchList(f.i << 1, f.i << 1);
		} else {
			i.out = f1.i;
			f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
		}
		this.prog.patch(f1.out, f.i);
		return f;
	}
	quest(f1, nongreedy) {
		if (f1.i === 0) return this.nop();
		const f = this.newInst(Inst.ALT);
		const i = this.prog.getInst(f.i);
		if (nongreedy) {
			i.arg = f1.i;
			f.out = new PatchList(f.i << 1, f.i << 1);
		} else {
			i.out = f1.i;
			f.out = new PatchList(f.i << 1 | 1, f.i << 1 | 1);
		}
		f.out = this.prog.append(f.out, f1.out);
		return f;
	}
	star(f1, nongreedy) {
		if (f1.i === 0) return this.nop();
		if (f1.nullable) return this.quest(this.plus(f1, nongreedy), nongreedy);
		return this.loop(f1, nongreedy);
	}
	plus(f1, nongreedy) {
		if (f1.i === 0) return this.fail();
		return new Frag(f1.i, this.loop(f1, nongreedy).out, f1.nullable);
	}
	empty(op) {
		const f = this.newInst(Inst.EMPTY_WIDTH);
		this.prog.getInst(f.i).arg = op;
		f.out = new PatchList(f.i << 1, f.i << 1);
		return f;
	}
	rune(runes, flags) {
		const f = this.newInst(Inst.RUNE);
		f.nullable = false;
		const i = this.prog.getInst(f.i);
		i.runes = runes;
		flags &= RE2Flags.FOLD_CASE;
		if (runes.length !== 1 || Unicode.simpleFold(runes[0]) === runes[0]) flags &= ~RE2Flags.FOLD_CASE;
		i.arg = flags;
		f.out = new PatchList(f.i << 1, f.i << 1);
		if ((flags & RE2Flags.FOLD_CASE) === 0 && runes.length === 1 || runes.length === 2 && runes[0] === runes[1]) i.op = Inst.RUNE1;
		else if (runes.length === 2 && runes[0] === 0 && runes[1] === Unicode.MAX_RUNE) i.op = Inst.RUNE_ANY;
		else if (runes.length === 4 && runes[0] === 0 && runes[1] === Codepoint.CODES["\n"] - 1 && runes[2] === Codepoint.CODES["\n"] + 1 && runes[3] === Unicode.MAX_RUNE) i.op = Inst.RUNE_ANY_NOT_NL;
		return f;
	}
	lookBehind(a, parsedLb) {
		const lb = Math.sign(parsedLb) * (Math.abs(parsedLb) + this.lbOffset);
		const id = this.newInst(Inst.LB_WRITE);
		this.prog.getInst(id.i).arg = lb;
		const any = this.rune(ANY_RUNE, 0);
		const dotStar = this.star(any, true);
		const lbAutomaton = this.cat(dotStar, a);
		this.prog.patch(lbAutomaton.out, id.i);
		const checkId = this.newInst(Inst.LB_CHECK);
		this.prog.getInst(checkId.i).arg = lb;
		this.prog.lbStarts.push(lbAutomaton.i);
		if (Math.abs(lb) > this.prog.numLb) this.prog.numLb = Math.abs(lb);
		checkId.out = new PatchList(checkId.i << 1, checkId.i << 1);
		return checkId;
	}
	compile(re) {
		return RegexpWalker.walk(re, this.walker);
	}
	leaf(re) {
		switch (re.op) {
			case Regexp.Op.NO_MATCH: return this.fail();
			case Regexp.Op.EMPTY_MATCH: return this.nop();
			case Regexp.Op.LITERAL: {
				if (re.runes.length === 0) return this.nop();
				let f = null;
				for (let r of re.runes) {
					let singleRune = this.runeCache.get(r);
					if (singleRune === void 0) {
						singleRune = new Int32Array([r]);
						this.runeCache.set(r, singleRune);
					}
					const f1 = this.rune(singleRune, re.flags);
					f = f === null ? f1 : this.cat(f, f1);
				}
				return f;
			}
			case Regexp.Op.CHAR_CLASS: return this.rune(re.runes, re.flags);
			case Regexp.Op.ANY_CHAR_NOT_NL: return this.rune(ANY_RUNE_NOT_NL, 0);
			case Regexp.Op.ANY_CHAR: return this.rune(ANY_RUNE, 0);
			case Regexp.Op.BEGIN_LINE: return this.empty(Utils.EMPTY_BEGIN_LINE);
			case Regexp.Op.END_LINE: return this.empty(Utils.EMPTY_END_LINE);
			case Regexp.Op.BEGIN_TEXT: return this.empty(Utils.EMPTY_BEGIN_TEXT);
			case Regexp.Op.END_TEXT: return this.empty(Utils.EMPTY_END_TEXT);
			case Regexp.Op.WORD_BOUNDARY: return this.empty(Utils.EMPTY_WORD_BOUNDARY);
			case Regexp.Op.NO_WORD_BOUNDARY: return this.empty(Utils.EMPTY_NO_WORD_BOUNDARY);
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return this.nop();
			default: throw new RE2JSCompileException("regexp: unhandled case in compile");
		}
	}
	enter(re) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST: return { sub: null };
			case Regexp.Op.CAPTURE: return {
				bra: this.cap(re.cap << 1),
				sub: null
			};
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return { f: null };
			default: throw new RE2JSCompileException("regexp: unhandled case in compile");
		}
	}
	child(re, state, f1) {
		if (re.op === Regexp.Op.CONCAT) state.f = state.f === null ? f1 : this.cat(state.f, f1);
		else if (re.op === Regexp.Op.ALTERNATE) state.f = state.f === null ? f1 : this.alt(state.f, f1);
		else state.sub = f1;
	}
	leave(re, state) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB: return this.lookBehind(state.sub, re.lb);
			case Regexp.Op.CAPTURE: {
				const ket = this.cap(re.cap << 1 | 1);
				return this.cat(this.cat(state.bra, state.sub), ket);
			}
			case Regexp.Op.STAR: return this.star(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
			case Regexp.Op.PLUS: return this.plus(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
			case Regexp.Op.QUEST: return this.quest(state.sub, (re.flags & RE2Flags.NON_GREEDY) !== 0);
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return state.f;
			default: throw new RE2JSCompileException("regexp: unhandled case in compile");
		}
	}
};
// src/Simplify.js
var Simplify = class Simplify {
	static simplify(re) {
		if (re === null) return null;
		return RegexpWalker.walk(re, Simplify.WALKER);
	}
	static WALKER = {
		leaf: (re) => Simplify.leaf(re),
		enter: (re) => Simplify.enter(re),
		child: (re, state, result, i) => Simplify.child(re, state, result, i),
		leave: (re, state) => Simplify.leave(re, state)
	};
	static leaf(re) {
		if (re.op === Regexp.Op.CHAR_CLASS) {
			if (re.runes === null) return re;
			if (re.runes.length === 0) return new Regexp(Regexp.Op.NO_MATCH);
			if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === Unicode.MAX_RUNE) return new Regexp(Regexp.Op.ANY_CHAR);
			if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === Codepoint.CODES["\n"] - 1 && re.runes[2] === Codepoint.CODES["\n"] + 1 && re.runes[3] === Unicode.MAX_RUNE) return new Regexp(Regexp.Op.ANY_CHAR_NOT_NL);
		}
		return re;
	}
	static enter(re) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.CAPTURE:
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST: return { sub: null };
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE: return {
				subs: [],
				changed: false
			};
			case Regexp.Op.REPEAT:
				if (re.min === 0 && re.max === 0) return { result: new Regexp(Regexp.Op.EMPTY_MATCH) };
				return { sub: null };
			default: return { result: re };
		}
	}
	static child(re, state, nsub, i) {
		if (state.subs === void 0) {
			state.sub = nsub;
			return;
		}
		if (nsub !== re.subs[i]) state.changed = true;
		if (re.op === Regexp.Op.CONCAT) {
			if (nsub.op === Regexp.Op.NO_MATCH) {
				state.result = new Regexp(Regexp.Op.NO_MATCH);
				return;
			}
			if (nsub.op === Regexp.Op.EMPTY_MATCH) {
				state.changed = true;
				return;
			}
			if (nsub.op === Regexp.Op.CONCAT) {
				state.changed = true;
				for (let j = 0; j < nsub.subs.length; j++) state.subs.push(nsub.subs[j]);
				return;
			}
		} else {
			if (nsub.op === Regexp.Op.NO_MATCH) {
				state.changed = true;
				return;
			}
			if (nsub.op === Regexp.Op.ALTERNATE) {
				state.changed = true;
				for (let j = 0; j < nsub.subs.length; j++) state.subs.push(nsub.subs[j]);
				return;
			}
		}
		state.subs.push(nsub);
	}
	static leave(re, state) {
		switch (re.op) {
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.CAPTURE: {
				const sub = state.sub;
				if (sub !== re.subs[0]) {
					const nre = Regexp.fromRegexp(re);
					nre.runes = /* @__PURE__ */ new Int32Array(0);
					nre.subs = [sub];
					return nre;
				}
				return re;
			}
			case Regexp.Op.CONCAT:
			case Regexp.Op.ALTERNATE:
				if (state.changed) {
					const newSubs = state.subs;
					if (newSubs.length === 0) return new Regexp(re.op === Regexp.Op.CONCAT ? Regexp.Op.EMPTY_MATCH : Regexp.Op.NO_MATCH);
					if (newSubs.length === 1) return newSubs[0];
					const nre = Regexp.fromRegexp(re);
					nre.runes = /* @__PURE__ */ new Int32Array(0);
					nre.subs = newSubs;
					return nre;
				}
				return re;
			case Regexp.Op.STAR:
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST: return Simplify.simplify1(re.op, re.flags, state.sub, re);
			case Regexp.Op.REPEAT: return Simplify.simplifyRepeat(re, state.sub);
			default: return re;
		}
	}
	static simplifyRepeat(re, sub) {
		if (re.max === -1) {
			if (re.min === 0) return Simplify.simplify1(Regexp.Op.STAR, re.flags, sub, null);
			if (re.min === 1) return Simplify.simplify1(Regexp.Op.PLUS, re.flags, sub, null);
			const subs = [];
			for (let i = 0; i < re.min - 1; i++) subs.push(sub);
			subs.push(Simplify.simplify1(Regexp.Op.PLUS, re.flags, sub, null));
			return Simplify.concat(subs);
		}
		if (re.min === 1 && re.max === 1) return sub;
		let prefixSubs = null;
		if (re.min > 0) {
			prefixSubs = [];
			for (let i = 0; i < re.min; i++) prefixSubs.push(sub);
		}
		if (re.max > re.min) {
			let suffix = Simplify.simplify1(Regexp.Op.QUEST, re.flags, sub, null);
			for (let i = re.min + 1; i < re.max; i++) suffix = Simplify.simplify1(Regexp.Op.QUEST, re.flags, Simplify.concat([sub, suffix]), null);
			if (prefixSubs === null) return suffix;
			prefixSubs.push(suffix);
		}
		if (prefixSubs !== null) return Simplify.concat(prefixSubs);
		return new Regexp(Regexp.Op.NO_MATCH);
	}
	static concat(subs) {
		const newSubs = [];
		for (let i = 0; i < subs.length; i++) {
			const sub = subs[i];
			if (sub.op === Regexp.Op.NO_MATCH) return new Regexp(Regexp.Op.NO_MATCH);
			if (sub.op === Regexp.Op.EMPTY_MATCH) continue;
			if (sub.op === Regexp.Op.CONCAT) {
				for (let j = 0; j < sub.subs.length; j++) newSubs.push(sub.subs[j]);
				continue;
			}
			newSubs.push(sub);
		}
		if (newSubs.length === 0) return new Regexp(Regexp.Op.EMPTY_MATCH);
		if (newSubs.length === 1) return newSubs[0];
		const nre = new Regexp(Regexp.Op.CONCAT);
		nre.subs = newSubs;
		return nre;
	}
	static simplify1(op, flags, sub, re) {
		if (sub.op === Regexp.Op.EMPTY_MATCH) return sub;
		if (sub.op === Regexp.Op.NO_MATCH) {
			if (op === Regexp.Op.PLUS) return sub;
			return new Regexp(Regexp.Op.EMPTY_MATCH);
		}
		if (op === sub.op && (flags & RE2Flags.NON_GREEDY) === (sub.flags & RE2Flags.NON_GREEDY)) return sub;
		if (re !== null && re.op === op && (re.flags & RE2Flags.NON_GREEDY) === (flags & RE2Flags.NON_GREEDY) && sub === re.subs[0]) return re;
		const nre = new Regexp(op);
		nre.flags = flags;
		nre.subs = [sub];
		return nre;
	}
};
// src/CharGroup.js
var CharGroup = class {
	constructor(sign, cls) {
		this.sign = sign;
		this.cls = cls;
	}
};
const code1 = [48, 57];
const code2 = [
	9,
	10,
	12,
	13,
	32,
	32
];
const code3 = [
	48,
	57,
	65,
	90,
	95,
	95,
	97,
	122
];
const PERL_GROUPS = /* @__PURE__ */ new Map([
	["\\d", new CharGroup(1, code1)],
	["\\D", new CharGroup(-1, code1)],
	["\\s", new CharGroup(1, code2)],
	["\\S", new CharGroup(-1, code2)],
	["\\w", new CharGroup(1, code3)],
	["\\W", new CharGroup(-1, code3)]
]);
const code4 = [
	48,
	57,
	65,
	90,
	97,
	122
];
const code5 = [
	65,
	90,
	97,
	122
];
const code6 = [0, 127];
const code7 = [
	9,
	9,
	32,
	32
];
const code8 = [
	0,
	31,
	127,
	127
];
const code9 = [48, 57];
const code10 = [33, 126];
const code11 = [97, 122];
const code12 = [32, 126];
const code13 = [
	33,
	47,
	58,
	64,
	91,
	96,
	123,
	126
];
const code14 = [
	9,
	13,
	32,
	32
];
const code15 = [65, 90];
const code16 = [
	48,
	57,
	65,
	90,
	95,
	95,
	97,
	122
];
const code17 = [
	48,
	57,
	65,
	70,
	97,
	102
];
const POSIX_GROUPS = /* @__PURE__ */ new Map([
	["[:alnum:]", new CharGroup(1, code4)],
	["[:^alnum:]", new CharGroup(-1, code4)],
	["[:alpha:]", new CharGroup(1, code5)],
	["[:^alpha:]", new CharGroup(-1, code5)],
	["[:ascii:]", new CharGroup(1, code6)],
	["[:^ascii:]", new CharGroup(-1, code6)],
	["[:blank:]", new CharGroup(1, code7)],
	["[:^blank:]", new CharGroup(-1, code7)],
	["[:cntrl:]", new CharGroup(1, code8)],
	["[:^cntrl:]", new CharGroup(-1, code8)],
	["[:digit:]", new CharGroup(1, code9)],
	["[:^digit:]", new CharGroup(-1, code9)],
	["[:graph:]", new CharGroup(1, code10)],
	["[:^graph:]", new CharGroup(-1, code10)],
	["[:lower:]", new CharGroup(1, code11)],
	["[:^lower:]", new CharGroup(-1, code11)],
	["[:print:]", new CharGroup(1, code12)],
	["[:^print:]", new CharGroup(-1, code12)],
	["[:punct:]", new CharGroup(1, code13)],
	["[:^punct:]", new CharGroup(-1, code13)],
	["[:space:]", new CharGroup(1, code14)],
	["[:^space:]", new CharGroup(-1, code14)],
	["[:upper:]", new CharGroup(1, code15)],
	["[:^upper:]", new CharGroup(-1, code15)],
	["[:word:]", new CharGroup(1, code16)],
	["[:^word:]", new CharGroup(-1, code16)],
	["[:xdigit:]", new CharGroup(1, code17)],
	["[:^xdigit:]", new CharGroup(-1, code17)]
]);
// src/CharClass.js
/**
* A "builder"-style helper class for manipulating character classes represented as an array of
* pairs of runes [lo, hi], each denoting an inclusive interval.
*
* All methods mutate the internal state and return {@code this}, allowing operations to be chained.
*/
var CharClass = class CharClass {
	static charClassToString(r, len) {
		let result = "[";
		for (let i = 0; i < len; i += 2) {
			if (i > 0) result += " ";
			const lo = r[i];
			const hi = r[i + 1];
			if (lo === hi) result += `0x${lo.toString(16)}`;
			else result += `0x${lo.toString(16)}-0x${hi.toString(16)}`;
		}
		result += "]";
		return result;
	}
	static sortRanges(array, len) {
		const n = len >> 1;
		const order = new Array(n);
		for (let i = 0; i < n; i++) order[i] = i;
		order.sort((a, b) => array[2 * a] - array[2 * b] || array[2 * b + 1] - array[2 * a + 1]);
		const sorted = array.slice(0, len);
		for (let i = 0; i < n; i++) {
			array[2 * i] = sorted[2 * order[i]];
			array[2 * i + 1] = sorted[2 * order[i] + 1];
		}
	}
	/**
	* @param {number[]|Int32Array} [r]
	*/
	constructor(r = Utils.emptyInts()) {
		/** @type {number[]|Int32Array} */
		this.r = r;
		this.len = r.length;
	}
	toArray() {
		if (this.r instanceof Int32Array) return this.len === this.r.length ? this.r : this.r.subarray(0, this.len);
		return new Int32Array(this.len === this.r.length ? this.r : this.r.slice(0, this.len));
	}
	toGrowableArray() {
		if (Array.isArray(this.r)) {
			this.r.length = this.len;
			return this.r;
		}
		return Array.from(this.r.subarray(0, this.len));
	}
	cleanClass() {
		if (this.len < 4) return this;
		CharClass.sortRanges(this.r, this.len);
		let w = 2;
		for (let i = 2; i < this.len; i += 2) {
			const lo = this.r[i];
			const hi = this.r[i + 1];
			if (lo <= this.r[w - 1] + 1) {
				if (hi > this.r[w - 1]) this.r[w - 1] = hi;
				continue;
			}
			this.r[w] = lo;
			this.r[w + 1] = hi;
			w += 2;
		}
		this.len = w;
		return this;
	}
	appendLiteral(x, flags) {
		return (flags & RE2Flags.FOLD_CASE) !== 0 ? this.appendFoldedRange(x, x) : this.appendRange(x, x);
	}
	appendRange(lo, hi) {
		if (this.len > 0) {
			for (let i = 2; i <= 4; i += 2) if (this.len >= i) {
				const rlo = this.r[this.len - i];
				const rhi = this.r[this.len - i + 1];
				if (lo <= rhi + 1 && rlo <= hi + 1) {
					if (lo < rlo) this.r[this.len - i] = lo;
					if (hi > rhi) this.r[this.len - i + 1] = hi;
					return this;
				}
			}
		}
		this.r[this.len++] = lo;
		this.r[this.len++] = hi;
		return this;
	}
	appendFoldedRange(lo, hi) {
		if (lo <= Unicode.MIN_FOLD && hi >= Unicode.MAX_FOLD) return this.appendRange(lo, hi);
		if (hi < Unicode.MIN_FOLD || lo > Unicode.MAX_FOLD) return this.appendRange(lo, hi);
		if (lo < Unicode.MIN_FOLD) {
			this.appendRange(lo, Unicode.MIN_FOLD - 1);
			lo = Unicode.MIN_FOLD;
		}
		if (hi > Unicode.MAX_FOLD) {
			this.appendRange(Unicode.MAX_FOLD + 1, hi);
			hi = Unicode.MAX_FOLD;
		}
		for (let c = lo; c <= hi; c++) {
			this.appendRange(c, c);
			for (let f = Unicode.simpleFold(c); f !== c; f = Unicode.simpleFold(f)) this.appendRange(f, f);
		}
		return this;
	}
	appendClass(x) {
		for (let i = 0; i < x.length; i += 2) this.appendRange(x[i], x[i + 1]);
		return this;
	}
	appendFoldedClass(x) {
		for (let i = 0; i < x.length; i += 2) this.appendFoldedRange(x[i], x[i + 1]);
		return this;
	}
	appendNegatedClass(x) {
		let nextLo = 0;
		for (let i = 0; i < x.length; i += 2) {
			const lo = x[i];
			const hi = x[i + 1];
			if (nextLo <= lo - 1) this.appendRange(nextLo, lo - 1);
			nextLo = hi + 1;
		}
		if (nextLo <= Unicode.MAX_RUNE) this.appendRange(nextLo, Unicode.MAX_RUNE);
		return this;
	}
	appendTable(table) {
		for (let i = 0; i < table.length; ++i) {
			const lo = table.getLo(i);
			const hi = table.getHi(i);
			const stride = table.getStride(i);
			if (stride === 1) {
				this.appendRange(lo, hi);
				continue;
			}
			for (let c = lo; c <= hi; c += stride) this.appendRange(c, c);
		}
		return this;
	}
	appendNegatedTable(table) {
		let nextLo = 0;
		for (let i = 0; i < table.length; ++i) {
			const lo = table.getLo(i);
			const hi = table.getHi(i);
			const stride = table.getStride(i);
			if (stride === 1) {
				if (nextLo <= lo - 1) this.appendRange(nextLo, lo - 1);
				nextLo = hi + 1;
				continue;
			}
			for (let c = lo; c <= hi; c += stride) {
				if (nextLo <= c - 1) this.appendRange(nextLo, c - 1);
				nextLo = c + 1;
			}
		}
		if (nextLo <= Unicode.MAX_RUNE) this.appendRange(nextLo, Unicode.MAX_RUNE);
		return this;
	}
	appendTableWithSign(table, sign) {
		return sign < 0 ? this.appendNegatedTable(table) : this.appendTable(table);
	}
	negateClass() {
		let nextLo = 0;
		let w = 0;
		for (let i = 0; i < this.len; i += 2) {
			const lo = this.r[i];
			const hi = this.r[i + 1];
			if (nextLo <= lo - 1) {
				this.r[w] = nextLo;
				this.r[w + 1] = lo - 1;
				w += 2;
			}
			nextLo = hi + 1;
		}
		this.len = w;
		if (nextLo <= Unicode.MAX_RUNE) {
			this.r[this.len++] = nextLo;
			this.r[this.len++] = Unicode.MAX_RUNE;
		}
		return this;
	}
	appendClassWithSign(x, sign) {
		return sign < 0 ? this.appendNegatedClass(x) : this.appendClass(x);
	}
	appendGroup(g, foldCase) {
		let cls = g.cls;
		if (foldCase) cls = new CharClass().appendFoldedClass(cls).cleanClass().toArray();
		return this.appendClassWithSign(cls, g.sign);
	}
	toString() {
		return CharClass.charClassToString(this.r, this.len);
	}
};
// src/Parser.js
var StringIterator = class {
	constructor(str) {
		this.str = str;
		this.position = 0;
	}
	pos() {
		return this.position;
	}
	rewindTo(pos) {
		this.position = pos;
	}
	more() {
		return this.position < this.str.length;
	}
	peek() {
		return this.str.codePointAt(this.position);
	}
	skip(n) {
		this.position += n;
	}
	skipString(s) {
		this.position += s.length;
	}
	pop() {
		const r = this.str.codePointAt(this.position);
		this.position += Utils.charCount(r);
		return r;
	}
	lookingAt(s) {
		return this.str.startsWith(s, this.position);
	}
	rest() {
		return this.str.substring(this.position);
	}
	from(beforePos) {
		return this.str.substring(beforePos, this.position);
	}
	toString() {
		return this.rest();
	}
};
/**
* A parser of regular expression patterns.
*
* The only public entry point is {@link #parse(String pattern, int flags)}.
*/
var Parser = class Parser {
	static ERR_INTERNAL_ERROR = "regexp/syntax: internal error";
	static ERR_INVALID_CHAR_RANGE = "invalid character class range";
	static ERR_INVALID_ESCAPE = "invalid escape sequence";
	static ERR_INVALID_NAMED_CAPTURE = "invalid named capture";
	static ERR_INVALID_PERL_OP = "invalid or unsupported Perl syntax";
	static ERR_INVALID_REPEAT_OP = "invalid nested repetition operator";
	static ERR_INVALID_REPEAT_SIZE = "invalid repeat count";
	static ERR_MISSING_BRACKET = "missing closing ]";
	static ERR_MISSING_PAREN = "missing closing )";
	static ERR_MISSING_REPEAT_ARGUMENT = "missing argument to repetition operator";
	static ERR_TRAILING_BACKSLASH = "trailing backslash at end of expression";
	static ERR_DUPLICATE_NAMED_CAPTURE = "duplicate capture group name";
	static ERR_UNEXPECTED_PAREN = "unexpected )";
	static ERR_NESTING_DEPTH = "expression nests too deeply";
	static ERR_LARGE = "expression too large";
	static ERR_INVALID_CAPTURE_IN_LOOKBEHIND = "invalid capture in lookbehind";
	static MAX_HEIGHT = 1e3;
	static MAX_SIZE = 1398101;
	static MAX_RUNES = 33554432;
	static ANY_TABLE = new UnicodeRangeTable(new Uint32Array([
		0,
		Unicode.MAX_RUNE,
		1
	]));
	static ASCII_TABLE = new UnicodeRangeTable(new Uint32Array([
		0,
		127,
		1
	]));
	static ASCII_FOLD_TABLE = new UnicodeRangeTable(new Uint32Array([
		0,
		127,
		1,
		383,
		383,
		1,
		8490,
		8490,
		1
	]));
	static unicodeTable(name) {
		if (name === "Any") return {
			tab: Parser.ANY_TABLE,
			fold: Parser.ANY_TABLE,
			sign: 1
		};
		if (name === "Ascii") return {
			tab: Parser.ASCII_TABLE,
			fold: Parser.ASCII_FOLD_TABLE,
			sign: 1
		};
		if (name === "Assigned") return {
			tab: UnicodeTables.CATEGORIES.get("Cn"),
			fold: UnicodeTables.CATEGORIES.get("Cn"),
			sign: -1
		};
		if (name === "Lc") return {
			tab: UnicodeTables.CATEGORIES.get("LC"),
			fold: UnicodeTables.FOLD_CATEGORIES.get("LC"),
			sign: 1
		};
		if (UnicodeTables.CATEGORIES.has(name)) return {
			tab: UnicodeTables.CATEGORIES.get(name),
			fold: UnicodeTables.FOLD_CATEGORIES.get(name),
			sign: 1
		};
		if (UnicodeTables.SCRIPTS.has(name)) return {
			tab: UnicodeTables.SCRIPTS.get(name),
			fold: UnicodeTables.FOLD_SCRIPT.get(name),
			sign: 1
		};
		return null;
	}
	static minFoldRune(r) {
		if (r < Unicode.MIN_FOLD || r > Unicode.MAX_FOLD) return r;
		let min = r;
		const r0 = r;
		for (r = Unicode.simpleFold(r); r !== r0; r = Unicode.simpleFold(r)) if (min > r) min = r;
		return min;
	}
	static leadingRegexp(re) {
		if (re.op === Regexp.Op.EMPTY_MATCH) return null;
		if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
			const sub = re.subs[0];
			if (sub.op === Regexp.Op.EMPTY_MATCH) return null;
			return sub;
		}
		return re;
	}
	static literalRegexp(s, flags) {
		const re = new Regexp(Regexp.Op.LITERAL);
		re.flags = flags;
		re.runes = Utils.stringToRunes(s);
		return re;
	}
	/**
	* Parse regular expression pattern {@code pattern} with mode flags {@code flags}.
	* @param {string} pattern
	* @param {number} flags
	*/
	static parse(pattern, flags) {
		return new Parser(pattern, flags).parseInternal();
	}
	static parseRepeat(t) {
		const start = t.pos();
		if (!t.more() || !t.lookingAt("{")) return -1;
		t.skip(1);
		const min = Parser.parseInt(t);
		if (min === -1) return -1;
		if (!t.more()) return -1;
		let max;
		if (!t.lookingAt(",")) max = min;
		else {
			t.skip(1);
			if (!t.more()) return -1;
			if (t.lookingAt("}")) max = -1;
			else if ((max = Parser.parseInt(t)) === -1) return -1;
		}
		if (!t.more() || !t.lookingAt("}")) return -1;
		t.skip(1);
		if (min < 0 || min > 1e3 || max === -2 || max > 1e3 || max >= 0 && min > max) throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_SIZE, t.from(start));
		return min << 16 | max & Unicode.MAX_BMP;
	}
	static isValidCaptureName(name) {
		if (name.length === 0) return false;
		for (let i = 0; i < name.length; i++) {
			const c = name.codePointAt(i);
			if (c !== Codepoint.CODES["_"] && !Utils.isalnum(c)) return false;
		}
		return true;
	}
	static parseInt(t) {
		const start = t.pos();
		while (t.more() && t.peek() >= Codepoint.CODES["0"] && t.peek() <= Codepoint.CODES["9"]) t.skip(1);
		const n = t.from(start);
		if (n.length === 0 || n.length > 1 && n.codePointAt(0) === Codepoint.CODES["0"]) return -1;
		if (n.length > 8) return -2;
		return parseInt(n, 10);
	}
	static isCharClass(re) {
		return re.op === Regexp.Op.LITERAL && re.runes.length === 1 || re.op === Regexp.Op.CHAR_CLASS || re.op === Regexp.Op.ANY_CHAR_NOT_NL || re.op === Regexp.Op.ANY_CHAR;
	}
	static matchRune(re, r) {
		switch (re.op) {
			case Regexp.Op.LITERAL: return re.runes.length === 1 && re.runes[0] === r;
			case Regexp.Op.CHAR_CLASS:
				for (let i = 0; i < re.runes.length; i += 2) if (re.runes[i] <= r && r <= re.runes[i + 1]) return true;
				return false;
			case Regexp.Op.ANY_CHAR_NOT_NL: return r !== Codepoint.CODES["\n"];
			case Regexp.Op.ANY_CHAR: return true;
		}
		return false;
	}
	static mergeCharClass(dst, src) {
		switch (dst.op) {
			case Regexp.Op.ANY_CHAR: break;
			case Regexp.Op.ANY_CHAR_NOT_NL:
				if (Parser.matchRune(src, Codepoint.CODES["\n"])) dst.op = Regexp.Op.ANY_CHAR;
				break;
			case Regexp.Op.CHAR_CLASS: {
				const cc = new CharClass(Array.isArray(dst.runes) ? dst.runes : Array.from(dst.runes));
				if (src.op === Regexp.Op.LITERAL) cc.appendLiteral(src.runes[0], src.flags);
				else cc.appendClass(src.runes);
				dst.runes = cc.toGrowableArray();
				break;
			}
			case Regexp.Op.LITERAL:
				if (src.runes[0] === dst.runes[0] && src.flags === dst.flags) break;
				dst.op = Regexp.Op.CHAR_CLASS;
				dst.runes = new CharClass().appendLiteral(dst.runes[0], dst.flags).appendLiteral(src.runes[0], src.flags).toGrowableArray();
		}
	}
	static parseEscape(t) {
		const startPos = t.pos();
		t.skip(1);
		if (!t.more()) throw new RE2JSSyntaxException(Parser.ERR_TRAILING_BACKSLASH);
		let c = t.pop();
		bigswitch: switch (c) {
			case Codepoint.CODES["1"]:
			case Codepoint.CODES["2"]:
			case Codepoint.CODES["3"]:
			case Codepoint.CODES["4"]:
			case Codepoint.CODES["5"]:
			case Codepoint.CODES["6"]:
			case Codepoint.CODES["7"]: if (!t.more() || t.peek() < Codepoint.CODES["0"] || t.peek() > Codepoint.CODES["7"]) break;
			case Codepoint.CODES["0"]: {
				let r = c - Codepoint.CODES["0"];
				for (let i = 1; i < 3; i++) {
					if (!t.more() || t.peek() < Codepoint.CODES["0"] || t.peek() > Codepoint.CODES["7"]) break;
					r = r * 8 + t.peek() - Codepoint.CODES["0"];
					t.skip(1);
				}
				return r;
			}
			case Codepoint.CODES["x"]: {
				if (!t.more()) break;
				c = t.pop();
				if (c === Codepoint.CODES["{"]) {
					let nhex = 0;
					let r = 0;
					while (true) {
						if (!t.more()) break bigswitch;
						c = t.pop();
						if (c === Codepoint.CODES["}"]) break;
						const v = Utils.unhex(c);
						if (v < 0) break bigswitch;
						r = r * 16 + v;
						if (r > Unicode.MAX_RUNE) break bigswitch;
						nhex++;
					}
					if (nhex === 0) break bigswitch;
					return r;
				}
				const x = Utils.unhex(c);
				if (!t.more()) break;
				c = t.pop();
				const y = Utils.unhex(c);
				if (x < 0 || y < 0) break;
				return x * 16 + y;
			}
			case Codepoint.CODES["a"]: return Codepoint.CODES["\x07"];
			case Codepoint.CODES["f"]: return Codepoint.CODES["\f"];
			case Codepoint.CODES["n"]: return Codepoint.CODES["\n"];
			case Codepoint.CODES["r"]: return Codepoint.CODES["\r"];
			case Codepoint.CODES["t"]: return Codepoint.CODES["	"];
			case Codepoint.CODES["v"]: return Codepoint.CODES["\v"];
			default: if (c <= Unicode.MAX_ASCII && !Utils.isalnum(c)) return c;
		}
		throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, t.from(startPos));
	}
	static parseClassChar(t, wholeClassPos) {
		if (!t.more()) throw new RE2JSSyntaxException(Parser.ERR_MISSING_BRACKET, t.from(wholeClassPos));
		if (t.lookingAt("\\")) return Parser.parseEscape(t);
		return t.pop();
	}
	static hasCapture(re) {
		if (re === null) return false;
		if (re.op === Regexp.Op.CAPTURE) return true;
		if (re.subs) {
			for (let sub of re.subs) if (Parser.hasCapture(sub)) return true;
		}
		return false;
	}
	constructor(wholeRegexp, flags = 0) {
		this.wholeRegexp = wholeRegexp;
		this.flags = flags;
		this.numCap = 0;
		this.namedGroups = Object.create(null);
		this.stack = [];
		this.free = null;
		this.numRegexp = 0;
		this.numRunes = 0;
		this.repeats = 0;
		this.height = null;
		this.size = null;
		this.nlb = 0;
	}
	newRegexp(op) {
		let re = this.free;
		if (re !== null && re.subs !== null && re.subs.length > 0) {
			this.free = re.subs[0];
			re.reinit();
			re.op = op;
		} else {
			re = new Regexp(op);
			this.numRegexp += 1;
		}
		return re;
	}
	reuse(re) {
		if (this.height !== null && this.height.has(re)) this.height.delete(re);
		if (re.subs !== null && re.subs.length > 0) re.subs[0] = this.free;
		this.free = re;
	}
	checkLimits(re) {
		if (this.numRunes > Parser.MAX_RUNES) throw new RE2JSSyntaxException(Parser.ERR_LARGE);
		this.checkSize(re);
		this.checkHeight(re);
	}
	checkSize(re) {
		if (this.size === null) {
			if (this.repeats === 0) this.repeats = 1;
			if (re.op === Regexp.Op.REPEAT) {
				let n = re.max;
				if (n === -1) n = re.min;
				if (n <= 0) n = 1;
				if (n > Math.floor(Parser.MAX_SIZE / this.repeats)) this.repeats = Parser.MAX_SIZE;
				else this.repeats *= n;
			}
			if (this.numRegexp < Math.floor(Parser.MAX_SIZE / this.repeats)) return;
			this.size = /* @__PURE__ */ new Map();
			for (let reEx of this.stack) this.checkSize(reEx);
		}
		if (this.calcSize(re, true) > Parser.MAX_SIZE) throw new RE2JSSyntaxException(Parser.ERR_LARGE);
	}
	calcSize(re, force = false) {
		if (!force && this.size !== null) {
			if (this.size.has(re)) return this.size.get(re);
		}
		let size = 0;
		switch (re.op) {
			case Regexp.Op.LITERAL:
				size = re.runes.length;
				break;
			case Regexp.Op.PLB:
			case Regexp.Op.NLB:
			case Regexp.Op.CAPTURE:
			case Regexp.Op.STAR:
				size = 2 + this.calcSize(re.subs[0]);
				break;
			case Regexp.Op.PLUS:
			case Regexp.Op.QUEST:
				size = 1 + this.calcSize(re.subs[0]);
				break;
			case Regexp.Op.CONCAT:
				for (let sub of re.subs) size = size + this.calcSize(sub);
				break;
			case Regexp.Op.ALTERNATE:
				for (let sub of re.subs) size = size + this.calcSize(sub);
				if (re.subs.length > 1) size = size + re.subs.length - 1;
				break;
			case Regexp.Op.REPEAT: {
				let sub = this.calcSize(re.subs[0]);
				if (re.max === -1) {
					if (re.min === 0) size = 2 + sub;
					else size = 1 + re.min * sub;
					break;
				}
				size = re.max * sub + (re.max - re.min);
				break;
			}
		}
		size = Math.max(1, size);
		if (this.size === null) this.size = /* @__PURE__ */ new Map();
		this.size.set(re, size);
		return size;
	}
	checkHeight(re) {
		if (this.numRegexp < Parser.MAX_HEIGHT) return;
		if (this.height === null) {
			this.height = /* @__PURE__ */ new Map();
			for (let reEx of this.stack) this.checkHeight(reEx);
		}
		if (this.calcHeight(re, true) > Parser.MAX_HEIGHT) throw new RE2JSSyntaxException(Parser.ERR_NESTING_DEPTH);
	}
	calcHeight(re, force = false) {
		if (!force && this.height !== null) {
			if (this.height.has(re)) return this.height.get(re);
		}
		let h = 1;
		for (let sub of re.subs) {
			const hsub = this.calcHeight(sub);
			if (h < 1 + hsub) h = 1 + hsub;
		}
		if (this.height === null) this.height = /* @__PURE__ */ new Map();
		this.height.set(re, h);
		return h;
	}
	pop() {
		return this.stack.pop();
	}
	popToPseudo() {
		const n = this.stack.length;
		let i = n;
		while (i > 0 && !Regexp.isPseudoOp(this.stack[i - 1].op)) i--;
		return this.stack.splice(i, n - i);
	}
	push(re) {
		this.numRunes += re.runes.length;
		if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] === re.runes[1]) {
			if (this.maybeConcat(re.runes[0], this.flags & ~RE2Flags.FOLD_CASE)) return null;
			re.op = Regexp.Op.LITERAL;
			re.runes = [re.runes[0]];
			re.flags = this.flags & ~RE2Flags.FOLD_CASE;
		} else if (re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 4 && re.runes[0] === re.runes[1] && re.runes[2] === re.runes[3] && Unicode.simpleFold(re.runes[0]) === re.runes[2] && Unicode.simpleFold(re.runes[2]) === re.runes[0] || re.op === Regexp.Op.CHAR_CLASS && re.runes.length === 2 && re.runes[0] + 1 === re.runes[1] && Unicode.simpleFold(re.runes[0]) === re.runes[1] && Unicode.simpleFold(re.runes[1]) === re.runes[0]) {
			if (this.maybeConcat(re.runes[0], this.flags | RE2Flags.FOLD_CASE)) return null;
			re.op = Regexp.Op.LITERAL;
			re.runes = [re.runes[0]];
			re.flags = this.flags | RE2Flags.FOLD_CASE;
		} else this.maybeConcat(-1, 0);
		this.stack.push(re);
		this.checkLimits(re);
		return re;
	}
	maybeConcat(r, flags) {
		const n = this.stack.length;
		if (n < 2) return false;
		const re1 = this.stack[n - 1];
		const re2 = this.stack[n - 2];
		if (re1.op !== Regexp.Op.LITERAL || re2.op !== Regexp.Op.LITERAL || (re1.flags & RE2Flags.FOLD_CASE) !== (re2.flags & RE2Flags.FOLD_CASE)) return false;
		if (!Array.isArray(re2.runes)) re2.runes = Array.from(re2.runes);
		for (let i = 0; i < re1.runes.length; i++) re2.runes.push(re1.runes[i]);
		if (r >= 0) {
			re1.runes = [r];
			re1.flags = flags;
			return true;
		}
		this.pop();
		this.reuse(re1);
		return false;
	}
	newLiteral(r, flags) {
		const re = this.newRegexp(Regexp.Op.LITERAL);
		re.flags = flags;
		if ((flags & RE2Flags.FOLD_CASE) !== 0) r = Parser.minFoldRune(r);
		re.runes = [r];
		return re;
	}
	literal(r) {
		this.push(this.newLiteral(r, this.flags));
	}
	op(op) {
		const re = this.newRegexp(op);
		re.flags = this.flags;
		return this.push(re);
	}
	repeat(op, min, max, beforePos, t, lastRepeatPos) {
		let flags = this.flags;
		if ((flags & RE2Flags.PERL_X) !== 0) {
			if (t.more() && t.lookingAt("?")) {
				t.skip(1);
				flags ^= RE2Flags.NON_GREEDY;
			}
			if (lastRepeatPos !== -1) throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_OP, t.from(lastRepeatPos));
		}
		const n = this.stack.length;
		if (n === 0) throw new RE2JSSyntaxException(Parser.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
		const sub = this.stack[n - 1];
		if (Regexp.isPseudoOp(sub.op)) throw new RE2JSSyntaxException(Parser.ERR_MISSING_REPEAT_ARGUMENT, t.from(beforePos));
		const re = this.newRegexp(op);
		re.min = min;
		re.max = max;
		re.flags = flags;
		re.subs = [sub];
		this.stack[n - 1] = re;
		this.checkLimits(re);
		if (op === Regexp.Op.REPEAT && (min >= 2 || max >= 2) && !this.repeatIsValid(re, 1e3)) throw new RE2JSSyntaxException(Parser.ERR_INVALID_REPEAT_SIZE, t.from(beforePos));
	}
	repeatIsValid(re, n) {
		if (re.op === Regexp.Op.REPEAT) {
			let m = re.max;
			if (m === 0) return true;
			if (m < 0) m = re.min;
			if (m > n) return false;
			if (m > 0) n = Math.trunc(n / m);
		}
		for (let sub of re.subs) if (!this.repeatIsValid(sub, n)) return false;
		return true;
	}
	concat() {
		this.maybeConcat(-1, 0);
		const subs = this.popToPseudo();
		if (subs.length === 0) return this.push(this.newRegexp(Regexp.Op.EMPTY_MATCH));
		return this.push(this.collapse(subs, Regexp.Op.CONCAT));
	}
	alternate() {
		const subs = this.popToPseudo();
		if (subs.length > 0) this.cleanAlt(subs[subs.length - 1]);
		if (subs.length === 0) return this.push(this.newRegexp(Regexp.Op.NO_MATCH));
		return this.push(this.collapse(subs, Regexp.Op.ALTERNATE));
	}
	cleanAlt(re) {
		if (re.op === Regexp.Op.CHAR_CLASS) {
			re.runes = new CharClass(Array.from(re.runes)).cleanClass().toArray();
			if (re.runes.length === 2 && re.runes[0] === 0 && re.runes[1] === Unicode.MAX_RUNE) {
				re.runes = /* @__PURE__ */ new Int32Array(0);
				re.op = Regexp.Op.ANY_CHAR;
			} else if (re.runes.length === 4 && re.runes[0] === 0 && re.runes[1] === Codepoint.CODES["\n"] - 1 && re.runes[2] === Codepoint.CODES["\n"] + 1 && re.runes[3] === Unicode.MAX_RUNE) {
				re.runes = /* @__PURE__ */ new Int32Array(0);
				re.op = Regexp.Op.ANY_CHAR_NOT_NL;
			}
		}
	}
	collapse(subs, op) {
		if (subs.length === 1) return subs[0];
		let len = 0;
		for (let sub of subs) len += sub.op === op ? sub.subs.length : 1;
		let newsubs = new Array(len).fill(null);
		let i = 0;
		for (let sub of subs) if (sub.op === op) {
			for (let j = 0; j < sub.subs.length; j++) newsubs[i++] = sub.subs[j];
			this.reuse(sub);
		} else newsubs[i++] = sub;
		let re = this.newRegexp(op);
		re.subs = newsubs;
		if (op === Regexp.Op.ALTERNATE) {
			re.subs = this.factor(re.subs);
			if (re.subs.length === 1) {
				const old = re;
				re = re.subs[0];
				this.reuse(old);
			}
		}
		return re;
	}
	factor(array) {
		if (array.length < 2) return array;
		let s = 0;
		let lensub = array.length;
		let lenout = 0;
		let str = null;
		let strlen = 0;
		let strflags = 0;
		let start = 0;
		for (let i = 0; i <= lensub; i++) {
			let istr = null;
			let istrlen = 0;
			let iflags = 0;
			if (i < lensub) {
				let re = array[s + i];
				if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) re = re.subs[0];
				if (re.op === Regexp.Op.LITERAL) {
					istr = re.runes;
					istrlen = re.runes.length;
					iflags = re.flags & RE2Flags.FOLD_CASE;
				}
				if (iflags === strflags) {
					let same = 0;
					while (same < strlen && same < istrlen && str[same] === istr[same]) same++;
					if (same > 0) {
						strlen = same;
						continue;
					}
				}
			}
			if (i === start) {} else if (i === start + 1) array[lenout++] = array[s + start];
			else {
				const prefix = this.newRegexp(Regexp.Op.LITERAL);
				prefix.flags = strflags;
				prefix.runes = str.slice(0, strlen);
				for (let j = start; j < i; j++) {
					array[s + j] = this.removeLeadingString(array[s + j], strlen);
					this.checkLimits(array[s + j]);
				}
				const suffix = this.collapse(array.slice(s + start, s + i), Regexp.Op.ALTERNATE);
				const re = this.newRegexp(Regexp.Op.CONCAT);
				re.subs = [prefix, suffix];
				array[lenout++] = re;
			}
			start = i;
			str = istr;
			strlen = istrlen;
			strflags = iflags;
		}
		lensub = lenout;
		s = 0;
		start = 0;
		lenout = 0;
		let first = null;
		for (let i = 0; i <= lensub; i++) {
			let ifirst = null;
			if (i < lensub) {
				ifirst = Parser.leadingRegexp(array[s + i]);
				if (first !== null && first.equals(ifirst) && (Parser.isCharClass(first) || first.op === Regexp.Op.REPEAT && first.min === first.max && Parser.isCharClass(first.subs[0]))) continue;
			}
			if (i === start) {} else if (i === start + 1) array[lenout++] = array[s + start];
			else {
				const prefix = first;
				for (let j = start; j < i; j++) {
					const reuse = j !== start;
					array[s + j] = this.removeLeadingRegexp(array[s + j], reuse);
					this.checkLimits(array[s + j]);
				}
				const suffix = this.collapse(array.slice(s + start, s + i), Regexp.Op.ALTERNATE);
				const re = this.newRegexp(Regexp.Op.CONCAT);
				re.subs = [prefix, suffix];
				array[lenout++] = re;
			}
			start = i;
			first = ifirst;
		}
		lensub = lenout;
		s = 0;
		start = 0;
		lenout = 0;
		for (let i = 0; i <= lensub; i++) {
			if (i < lensub && Parser.isCharClass(array[s + i])) continue;
			if (i === start) {} else if (i === start + 1) array[lenout++] = array[s + start];
			else {
				let max = start;
				for (let j = start + 1; j < i; j++) {
					const subMax = array[s + max];
					const subJ = array[s + j];
					if (subMax.op < subJ.op || subMax.op === subJ.op && (subMax.runes !== null ? subMax.runes.length : 0) < (subJ.runes !== null ? subJ.runes.length : 0)) max = j;
				}
				const tmp = array[s + start];
				array[s + start] = array[s + max];
				array[s + max] = tmp;
				for (let j = start + 1; j < i; j++) {
					Parser.mergeCharClass(array[s + start], array[s + j]);
					this.reuse(array[s + j]);
				}
				this.cleanAlt(array[s + start]);
				array[lenout++] = array[s + start];
			}
			if (i < lensub) array[lenout++] = array[s + i];
			start = i + 1;
		}
		lensub = lenout;
		s = 0;
		start = 0;
		lenout = 0;
		for (let i = 0; i < lensub; ++i) {
			if (i + 1 < lensub && array[s + i].op === Regexp.Op.EMPTY_MATCH && array[s + i + 1].op === Regexp.Op.EMPTY_MATCH) continue;
			array[lenout++] = array[s + i];
		}
		lensub = lenout;
		s = 0;
		return array.slice(s, lensub);
	}
	removeLeadingString(re, n) {
		if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
			const sub = this.removeLeadingString(re.subs[0], n);
			re.subs[0] = sub;
			if (sub.op === Regexp.Op.EMPTY_MATCH) {
				this.reuse(sub);
				switch (re.subs.length) {
					case 0:
					case 1:
						re.op = Regexp.Op.EMPTY_MATCH;
						re.subs = Regexp.emptySubs();
						break;
					case 2: {
						const old = re;
						re = re.subs[1];
						this.reuse(old);
						break;
					}
					default: re.subs = re.subs.slice(1, re.subs.length);
				}
			}
			return re;
		}
		if (re.op === Regexp.Op.LITERAL) {
			re.runes = re.runes.slice(n, re.runes.length);
			if (re.runes.length === 0) re.op = Regexp.Op.EMPTY_MATCH;
		}
		return re;
	}
	removeLeadingRegexp(re, reuse) {
		if (re.op === Regexp.Op.CONCAT && re.subs.length > 0) {
			if (reuse) this.reuse(re.subs[0]);
			re.subs = re.subs.slice(1, re.subs.length);
			switch (re.subs.length) {
				case 0:
					re.op = Regexp.Op.EMPTY_MATCH;
					re.subs = Regexp.emptySubs();
					break;
				case 1: {
					const old = re;
					re = re.subs[0];
					this.reuse(old);
					break;
				}
			}
			return re;
		}
		if (reuse) this.reuse(re);
		return this.newRegexp(Regexp.Op.EMPTY_MATCH);
	}
	parseInternal() {
		if ((this.flags & RE2Flags.LITERAL) !== 0) return Parser.literalRegexp(this.wholeRegexp, this.flags);
		let lastRepeatPos = -1;
		let min = -1;
		let max = -1;
		const t = new StringIterator(this.wholeRegexp);
		while (t.more()) {
			let repeatPos = -1;
			bigswitch: switch (t.peek()) {
				case Codepoint.CODES["("]:
					if ((this.flags & RE2Flags.LOOKBEHIND) !== 0) {
						if (t.lookingAt("(?<=")) {
							this.parsePosLookBehind();
							t.skip(4);
							break;
						}
						if (t.lookingAt("(?<!")) {
							this.parseNegLookBehind();
							t.skip(4);
							break;
						}
					}
					if ((this.flags & RE2Flags.PERL_X) !== 0 && t.lookingAt("(?")) {
						this.parsePerlFlags(t);
						break;
					}
					this.op(Regexp.Op.LEFT_PAREN).cap = ++this.numCap;
					t.skip(1);
					break;
				case Codepoint.CODES["|"]:
					this.parseVerticalBar();
					t.skip(1);
					break;
				case Codepoint.CODES[")"]:
					this.parseRightParen();
					t.skip(1);
					break;
				case Codepoint.CODES["^"]:
					if ((this.flags & RE2Flags.ONE_LINE) !== 0) this.op(Regexp.Op.BEGIN_TEXT);
					else this.op(Regexp.Op.BEGIN_LINE);
					t.skip(1);
					break;
				case Codepoint.CODES["$"]:
					if ((this.flags & RE2Flags.ONE_LINE) !== 0) this.op(Regexp.Op.END_TEXT).flags |= RE2Flags.WAS_DOLLAR;
					else this.op(Regexp.Op.END_LINE);
					t.skip(1);
					break;
				case Codepoint.CODES["."]:
					if ((this.flags & RE2Flags.DOT_NL) !== 0) this.op(Regexp.Op.ANY_CHAR);
					else this.op(Regexp.Op.ANY_CHAR_NOT_NL);
					t.skip(1);
					break;
				case Codepoint.CODES["["]:
					this.parseClass(t);
					break;
				case Codepoint.CODES["*"]:
				case Codepoint.CODES["+"]:
				case Codepoint.CODES["?"]: {
					repeatPos = t.pos();
					let op = null;
					switch (t.pop()) {
						case Codepoint.CODES["*"]:
							op = Regexp.Op.STAR;
							break;
						case Codepoint.CODES["+"]:
							op = Regexp.Op.PLUS;
							break;
						case Codepoint.CODES["?"]: op = Regexp.Op.QUEST;
					}
					this.repeat(op, min, max, repeatPos, t, lastRepeatPos);
					break;
				}
				case Codepoint.CODES["{"]: {
					const before = t.pos();
					const minMax = Parser.parseRepeat(t);
					if (minMax < 0) {
						t.rewindTo(before);
						this.literal(t.pop());
						break;
					}
					repeatPos = before;
					min = minMax >> 16;
					max = (minMax & Unicode.MAX_BMP) << 16 >> 16;
					this.repeat(Regexp.Op.REPEAT, min, max, repeatPos, t, lastRepeatPos);
					break;
				}
				case Codepoint.CODES["\\"]: {
					const savedPos = t.pos();
					t.skip(1);
					if ((this.flags & RE2Flags.PERL_X) !== 0 && t.more()) switch (t.pop()) {
						case Codepoint.CODES["A"]:
							this.op(Regexp.Op.BEGIN_TEXT);
							break bigswitch;
						case Codepoint.CODES["b"]:
							this.op(Regexp.Op.WORD_BOUNDARY);
							break bigswitch;
						case Codepoint.CODES["B"]:
							this.op(Regexp.Op.NO_WORD_BOUNDARY);
							break bigswitch;
						case Codepoint.CODES["C"]: throw new RE2JSSyntaxException(Parser.ERR_INVALID_ESCAPE, "\\C");
						case Codepoint.CODES["Q"]: {
							let lit = t.rest();
							const i = lit.indexOf("\\E");
							if (i >= 0) {
								lit = lit.substring(0, i);
								t.skipString(lit);
								t.skipString("\\E");
							} else t.skipString(lit);
							let j = 0;
							while (j < lit.length) {
								const codepoint = lit.codePointAt(j);
								this.literal(codepoint);
								j += Utils.charCount(codepoint);
							}
							break bigswitch;
						}
						case Codepoint.CODES["z"]:
							this.op(Regexp.Op.END_TEXT);
							break bigswitch;
						default: t.rewindTo(savedPos);
					}
					else t.rewindTo(savedPos);
					const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
					re.flags = this.flags;
					if (t.lookingAt("\\p") || t.lookingAt("\\P")) {
						const cc = new CharClass();
						if (this.parseUnicodeClass(t, cc)) {
							re.runes = cc.toArray();
							this.push(re);
							break bigswitch;
						}
					}
					const cc = new CharClass();
					if (this.parsePerlClassEscape(t, cc)) {
						re.runes = cc.toArray();
						this.push(re);
						break bigswitch;
					}
					t.rewindTo(savedPos);
					this.reuse(re);
					this.literal(Parser.parseEscape(t));
					break;
				}
				default: this.literal(t.pop());
			}
			lastRepeatPos = repeatPos;
		}
		this.concat();
		if (this.swapVerticalBar()) this.pop();
		this.alternate();
		if (this.stack.length !== 1) throw new RE2JSSyntaxException(Parser.ERR_MISSING_PAREN, this.wholeRegexp);
		this.stack[0].namedGroups = this.namedGroups;
		return this.stack[0];
	}
	parsePerlFlags(t) {
		const startPos = t.pos();
		const s = t.rest();
		if (s.startsWith("(?P<") || s.startsWith("(?<")) {
			const begin = s.charAt(2) === "P" ? 4 : 3;
			const end = s.indexOf(">");
			if (end < 0) throw new RE2JSSyntaxException(Parser.ERR_INVALID_NAMED_CAPTURE, s);
			const name = s.substring(begin, end);
			t.skipString(name);
			t.skip(begin + 1);
			if (!Parser.isValidCaptureName(name)) throw new RE2JSSyntaxException(Parser.ERR_INVALID_NAMED_CAPTURE, s.substring(0, end + 1));
			const re = this.op(Regexp.Op.LEFT_PAREN);
			re.cap = ++this.numCap;
			if (this.namedGroups[name]) throw new RE2JSSyntaxException(Parser.ERR_DUPLICATE_NAMED_CAPTURE, name);
			this.namedGroups[name] = this.numCap;
			re.name = name;
			return;
		}
		t.skip(2);
		let flags = this.flags;
		let sign = 1;
		let sawFlag = false;
		loop: while (t.more()) {
			const c = t.pop();
			switch (c) {
				case Codepoint.CODES["i"]:
					flags |= RE2Flags.FOLD_CASE;
					sawFlag = true;
					break;
				case Codepoint.CODES["m"]:
					flags &= ~RE2Flags.ONE_LINE;
					sawFlag = true;
					break;
				case Codepoint.CODES["s"]:
					flags |= RE2Flags.DOT_NL;
					sawFlag = true;
					break;
				case Codepoint.CODES["U"]:
					flags |= RE2Flags.NON_GREEDY;
					sawFlag = true;
					break;
				case Codepoint.CODES["-"]:
					if (sign < 0) break loop;
					sign = -1;
					flags = ~flags;
					sawFlag = false;
					break;
				case Codepoint.CODES[":"]:
				case Codepoint.CODES[")"]:
					if (sign < 0) {
						if (!sawFlag) break loop;
						flags = ~flags;
					}
					if (c === Codepoint.CODES[":"]) this.op(Regexp.Op.LEFT_PAREN);
					this.flags = flags;
					return;
				default: break loop;
			}
		}
		throw new RE2JSSyntaxException(Parser.ERR_INVALID_PERL_OP, t.from(startPos));
	}
	parsePosLookBehind() {
		const re = this.newRegexp(Regexp.Op.LEFT_PAREN);
		re.flags = this.flags;
		re.lb = ++this.nlb;
		return this.push(re);
	}
	parseNegLookBehind() {
		const re = this.newRegexp(Regexp.Op.LEFT_PAREN);
		re.flags = this.flags;
		re.lb = -++this.nlb;
		return this.push(re);
	}
	parseVerticalBar() {
		this.concat();
		if (!this.swapVerticalBar()) this.op(Regexp.Op.VERTICAL_BAR);
	}
	swapVerticalBar() {
		const n = this.stack.length;
		if (n >= 3 && this.stack[n - 2].op === Regexp.Op.VERTICAL_BAR && Parser.isCharClass(this.stack[n - 1]) && Parser.isCharClass(this.stack[n - 3])) {
			let re1 = this.stack[n - 1];
			let re3 = this.stack[n - 3];
			if (re1.op > re3.op) {
				const tmp = re3;
				re3 = re1;
				re1 = tmp;
				this.stack[n - 3] = re3;
			}
			Parser.mergeCharClass(re3, re1);
			this.reuse(re1);
			this.pop();
			return true;
		}
		if (n >= 2) {
			const re1 = this.stack[n - 1];
			const re2 = this.stack[n - 2];
			if (re2.op === Regexp.Op.VERTICAL_BAR) {
				if (n >= 3) this.cleanAlt(this.stack[n - 3]);
				this.stack[n - 2] = re1;
				this.stack[n - 1] = re2;
				return true;
			}
		}
		return false;
	}
	parseRightParen() {
		this.concat();
		if (this.swapVerticalBar()) this.pop();
		this.alternate();
		if (this.stack.length < 2) throw new RE2JSSyntaxException(Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
		const re1 = this.pop();
		const re2 = this.pop();
		if (re2.op !== Regexp.Op.LEFT_PAREN) throw new RE2JSSyntaxException(Parser.ERR_UNEXPECTED_PAREN, this.wholeRegexp);
		this.flags = re2.flags;
		if (re2.lb !== 0) {
			if (Parser.hasCapture(re1)) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CAPTURE_IN_LOOKBEHIND, this.wholeRegexp);
			if (re2.lb > 0) re2.op = Regexp.Op.PLB;
			else re2.op = Regexp.Op.NLB;
			re2.subs = [re1];
			this.push(re2);
			return;
		}
		if (re2.cap === 0) this.push(re1);
		else {
			re2.op = Regexp.Op.CAPTURE;
			re2.subs = [re1];
			this.push(re2);
		}
	}
	parsePerlClassEscape(t, cc) {
		const beforePos = t.pos();
		if ((this.flags & RE2Flags.PERL_X) === 0 || !t.more() || t.pop() !== Codepoint.CODES["\\"] || !t.more()) return false;
		t.pop();
		const p = t.from(beforePos);
		const g = PERL_GROUPS.has(p) ? PERL_GROUPS.get(p) : null;
		if (g === null) return false;
		cc.appendGroup(g, (this.flags & RE2Flags.FOLD_CASE) !== 0);
		return true;
	}
	parseNamedClass(t, cc) {
		const cls = t.rest();
		const i = cls.indexOf(":]");
		if (i < 0) return false;
		const name = cls.substring(0, i + 2);
		t.skipString(name);
		const g = POSIX_GROUPS.has(name) ? POSIX_GROUPS.get(name) : null;
		if (g === null) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, name);
		cc.appendGroup(g, (this.flags & RE2Flags.FOLD_CASE) !== 0);
		return true;
	}
	parseUnicodeClass(t, cc) {
		const startPos = t.pos();
		if ((this.flags & RE2Flags.UNICODE_GROUPS) === 0 || !t.lookingAt("\\p") && !t.lookingAt("\\P")) return false;
		t.skip(1);
		let sign = 1;
		let c = t.pop();
		if (c === Codepoint.CODES["P"]) sign = -1;
		if (!t.more()) {
			t.rewindTo(startPos);
			throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
		}
		c = t.pop();
		let name;
		if (c !== Codepoint.CODES["{"]) name = Utils.runeToString(c);
		else {
			const rest = t.rest();
			const end = rest.indexOf("}");
			if (end < 0) {
				t.rewindTo(startPos);
				throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
			}
			name = rest.substring(0, end);
			t.skipString(name);
			t.skip(1);
		}
		if (!(name.length === 0) && name.codePointAt(0) === Codepoint.CODES["^"]) {
			sign = 0 - sign;
			name = name.substring(1);
		}
		const pair = Parser.unicodeTable(name);
		if (pair === null) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.from(startPos));
		if (pair.sign < 0) sign = 0 - sign;
		const tab = pair.tab;
		const fold = pair.fold;
		if ((this.flags & RE2Flags.FOLD_CASE) === 0 || fold === null) cc.appendTableWithSign(tab, sign);
		else {
			const tmp = new CharClass().appendTable(tab).appendTable(fold).cleanClass().toArray();
			cc.appendClassWithSign(Array.from(tmp), sign);
		}
		return true;
	}
	parseClass(t) {
		const startPos = t.pos();
		t.skip(1);
		const re = this.newRegexp(Regexp.Op.CHAR_CLASS);
		re.flags = this.flags;
		const cc = new CharClass();
		let sign = 1;
		if (t.more() && t.lookingAt("^")) {
			sign = -1;
			t.skip(1);
			if ((this.flags & RE2Flags.CLASS_NL) === 0) cc.appendRange(Codepoint.CODES["\n"], Codepoint.CODES["\n"]);
		}
		let first = true;
		while (!t.more() || t.peek() !== Codepoint.CODES["]"] || first) {
			if (t.more() && t.lookingAt("-") && (this.flags & RE2Flags.PERL_X) === 0 && !first) {
				const s = t.rest();
				if (s === "-" || !s.startsWith("-]")) {
					t.rewindTo(startPos);
					throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.rest());
				}
			}
			first = false;
			const beforePos = t.pos();
			if (t.lookingAt("[:")) {
				if (this.parseNamedClass(t, cc)) continue;
				t.rewindTo(beforePos);
			}
			if (this.parseUnicodeClass(t, cc)) continue;
			if (this.parsePerlClassEscape(t, cc)) continue;
			t.rewindTo(beforePos);
			const lo = Parser.parseClassChar(t, startPos);
			let hi = lo;
			if (t.more() && t.lookingAt("-")) {
				t.skip(1);
				if (t.more() && t.lookingAt("]")) t.skip(-1);
				else {
					hi = Parser.parseClassChar(t, startPos);
					if (hi < lo) throw new RE2JSSyntaxException(Parser.ERR_INVALID_CHAR_RANGE, t.from(beforePos));
				}
			}
			if ((this.flags & RE2Flags.FOLD_CASE) === 0) cc.appendRange(lo, hi);
			else cc.appendFoldedRange(lo, hi);
		}
		t.skip(1);
		cc.cleanClass();
		if (sign < 0) cc.negateClass();
		re.runes = cc.toArray();
		this.push(re);
	}
};
// src/RE2.js
/**
* An RE2 class instance is a compiled representation of an RE2 regular expression, independent of
* the public Java-like Pattern/Matcher API.
*
* This class also contains various implementation helpers for RE2 regular expressions.
*
* Use the {@link #quoteMeta(String)} utility function to quote all regular expression
* metacharacters in an arbitrary string.
*
*/
var RE2 = class RE2 {
	static initTest(expr) {
		const re2 = RE2.compile(expr);
		const res = new RE2(re2.expr, re2.prog, re2.numSubexp, re2.longest);
		res.cond = re2.cond;
		res.prefix = re2.prefix;
		res.prefixUTF8 = re2.prefixUTF8;
		res.prefixComplete = re2.prefixComplete;
		res.prefixRune = re2.prefixRune;
		res.prefilter = re2.prefilter;
		res.namedGroups = re2.namedGroups;
		return res;
	}
	/**
	* Parses a regular expression and returns, if successful, an {@code RE2} instance that can be
	* used to match against text.
	*
	* When matching against text, the regexp returns a match that begins as early as possible in the
	* input (leftmost), and among those it chooses the one that a backtracking search would have
	* found first. This so-called leftmost-first matching is the same semantics that Perl, Python,
	* and other implementations use, although this package implements it without the expense of
	* backtracking. For POSIX leftmost-longest matching, see {@link #compilePOSIX}.
	*/
	static compile(expr) {
		return RE2.compileImpl(expr, RE2Flags.PERL, false);
	}
	/**
	* {@code compilePOSIX} is like {@link #compile} but restricts the regular expression to POSIX ERE
	* (egrep) syntax and changes the match semantics to leftmost-longest.
	*
	* That is, when matching against text, the regexp returns a match that begins as early as
	* possible in the input (leftmost), and among those it chooses a match that is as long as
	* possible. This so-called leftmost-longest matching is the same semantics that early regular
	* expression implementations used and that POSIX specifies.
	*
	* However, there can be multiple leftmost-longest matches, with different submatch choices, and
	* here this package diverges from POSIX. Among the possible leftmost-longest matches, this
	* package chooses the one that a backtracking search would have found first, while POSIX
	* specifies that the match be chosen to maximize the length of the first subexpression, then the
	* second, and so on from left to right. The POSIX rule is computationally prohibitive and not
	* even well-defined. See http://swtch.com/~rsc/regexp/regexp2.html#posix
	*/
	static compilePOSIX(expr) {
		return RE2.compileImpl(expr, RE2Flags.POSIX, true);
	}
	static compileImpl(expr, mode, longest) {
		let re = Parser.parse(expr, mode);
		const maxCap = re.maxCap();
		const namedGroups = re.namedGroups;
		re = Simplify.simplify(re);
		const prefilter = PrefilterTree.build(re);
		const prog = Compiler.compileRegexp(re);
		const re2 = new RE2(expr, prog, maxCap, longest);
		re2.prefilter = prefilter.type === Prefilter.Type.NONE ? null : prefilter;
		const [prefixCompl, prefixStr] = prog.prefix();
		re2.prefixComplete = prefixCompl;
		re2.prefix = prefixStr;
		re2.prefixUTF8 = Utils.stringToUtf8ByteArray(re2.prefix);
		if (re2.prefix.length > 0) re2.prefixRune = re2.prefix.codePointAt(0);
		re2.namedGroups = namedGroups;
		return re2;
	}
	/**
	* Returns true iff textual regular expression {@code pattern} matches string {@code s}.
	*
	* More complicated queries need to use {@link #compile} and the full {@code RE2} interface.
	*/
	static match(pattern, s) {
		return RE2.compile(pattern).match(s);
	}
	constructor(expr, prog, numSubexp = 0, longest = 0) {
		this.expr = expr;
		this.prog = prog;
		this.numSubexp = numSubexp;
		this.longest = longest;
		this.cond = prog.startCond();
		this.prefix = null;
		this.prefixUTF8 = null;
		this.prefixComplete = false;
		this.prefixRune = 0;
		/** @type {Record<string, number>} */
		this.namedGroups = Object.create(null);
		this.machinePool = [];
		this.lazyDFA = null;
		this.onepass = OnePass.compile(this.prog);
		this.prefilter = null;
	}
	get dfa() {
		if (this.lazyDFA === null) this.lazyDFA = new DFA(this.prog);
		return this.lazyDFA;
	}
	matchPrefixComplete(input, pos, anchor, ncap) {
		if ((anchor === RE2Flags.ANCHOR_START || anchor === RE2Flags.ANCHOR_BOTH) && pos !== 0) return null;
		let matchStart = -1;
		let matchEnd = -1;
		const pLen = input.prefixLength(this);
		if (anchor === RE2Flags.UNANCHORED) {
			const idx = input.index(this, pos);
			if (idx < 0) return null;
			matchStart = pos + idx;
			matchEnd = matchStart + pLen;
		} else if (anchor === RE2Flags.ANCHOR_BOTH) {
			if (input.endPos() !== pLen) return null;
			if (input.index(this, 0) !== 0) return null;
			matchStart = 0;
			matchEnd = pLen;
		} else if (anchor === RE2Flags.ANCHOR_START) {
			if (input.index(this, 0) !== 0) return null;
			matchStart = 0;
			matchEnd = pLen;
		}
		if (matchStart < 0) return null;
		if (ncap > 0) {
			const matchcap = new Int32Array(ncap).fill(-1);
			matchcap[0] = matchStart;
			matchcap[1] = matchEnd;
			return Array.from(matchcap);
		}
		return [];
	}
	createLookbehindState() {
		return this.prog.numLb > 0 ? new LookbehindState(this.prog) : null;
	}
	executeEngine(input, pos, anchor, ncap, lbState = null) {
		if (this.prefixComplete && (ncap === 0 || this.numSubexp === 0)) return this.matchPrefixComplete(input, pos, anchor, ncap);
		if (this.prefilter !== null && anchor === RE2Flags.UNANCHORED) {
			if (!this.prefilter.eval(input, pos)) return null;
		}
		if (this.onepass !== null) return OnePass.execute(this, input, pos, anchor, ncap);
		if (ncap > 0) {
			if (this.prog.numLb === 0 && input.endPos() <= Backtracker.maxBitStateLen(this.prog)) return Backtracker.execute(this, input, pos, anchor, ncap);
			return this.doExecuteNFA(input, pos, anchor, ncap, lbState);
		}
		if (this.prog.numLb === 0) {
			const dfaResult = this.dfa.match(input, pos, anchor);
			if (dfaResult !== null) return dfaResult ? [] : null;
			if (input.endPos() <= Backtracker.maxBitStateLen(this.prog)) return Backtracker.execute(this, input, pos, anchor, ncap);
		}
		return this.doExecuteNFA(input, pos, anchor, ncap, lbState);
	}
	/**
	* Returns the number of parenthesized subexpressions in this regular expression.
	*/
	numberOfCapturingGroups() {
		return this.numSubexp;
	}
	/**
	* Returns the number of instructions in this compiled regular expression program.
	*/
	numberOfInstructions() {
		return this.prog.numInst();
	}
	get() {
		return this.machinePool.length > 0 ? this.machinePool.pop() : null;
	}
	reset() {
		this.machinePool.length = 0;
	}
	put(m) {
		this.machinePool.push(m);
	}
	toString() {
		return this.expr;
	}
	doExecuteNFA(input, pos, anchor, ncap, lbState = null) {
		let m = this.get();
		if (!m) m = Machine.fromRE2(this);
		m.init(ncap);
		const cap = m.match(input, pos, anchor, lbState) ? m.submatches() : null;
		this.put(m);
		return cap;
	}
	match(s) {
		return this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 0) !== null;
	}
	/**
	* Matches the regular expression against input starting at position start and ending at position
	* end, with the given anchoring. Records the submatch boundaries in group, which is [start, end)
	* pairs of byte offsets. The number of boundaries needed is inferred from the size of the group
	* array. It is most efficient not to ask for submatch boundaries.
	*
	* @param input the input byte array
	* @param start the beginning position in the input
	* @param end the end position in the input
	* @param anchor the anchoring flag (UNANCHORED, ANCHOR_START, ANCHOR_BOTH)
	* @param group the array to fill with submatch positions
	* @param ngroup the number of array pairs to fill in
	* @param lbState optional state carried between successive matches over the same input (see
	*   createLookbehindState); omit it to evaluate lookbehinds from the beginning of the input
	* @returns true if a match was found
	*/
	matchWithGroup(input, start, end, anchor, ngroup, lbState = null) {
		if (!(input instanceof MatcherInputBase)) {
			if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
			else input = MatcherInput.utf16(input);
		}
		return this.matchMachineInput(input, start, end, anchor, ngroup, lbState);
	}
	matchMachineInput(input, start, end, anchor, ngroup, lbState = null) {
		if (start > end) return [false, null];
		const machineInput = input.isUTF16Encoding() ? MachineInput.fromUTF16(input.asCharSequence(), 0, end) : MachineInput.fromUTF8(input.asBytes(), 0, end);
		const groupMatch = this.executeEngine(machineInput, start, anchor, 2 * ngroup, lbState);
		if (groupMatch === null) return [false, null];
		return [true, groupMatch];
	}
	/**
	* Returns true iff this regexp matches the UTF-8 byte array {@code b}.
	*/
	matchUTF8(b) {
		return this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 0) !== null;
	}
	/**
	* Returns a copy of {@code src} in which all matches for this regexp have been replaced by
	* {@code repl}. No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
	* replacement string.
	*/
	replaceAll(src, repl) {
		return this.replaceAllFunc(src, () => repl, 2 * src.length + 1);
	}
	/**
	* Returns a copy of {@code src} in which only the first match for this regexp has been replaced
	* by {@code repl}. No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
	* replacement string.
	*/
	replaceFirst(src, repl) {
		return this.replaceAllFunc(src, () => repl, 1);
	}
	/**
	* Returns a copy of {@code src} in which at most {@code maxReplaces} matches for this regexp have
	* been replaced by the return value of of function {@code repl} (whose first argument is the
	* matched string). No support is provided for expressions (e.g. {@code \1} or {@code $1}) in the
	* replacement string.
	*/
	replaceAllFunc(src, replFunc, maxReplaces) {
		let lastMatchEnd = 0;
		let searchPos = 0;
		let out = "";
		const input = MachineInput.fromUTF16(src);
		const lbState = this.createLookbehindState();
		let numReplaces = 0;
		while (searchPos <= src.length) {
			const a = this.executeEngine(input, searchPos, RE2Flags.UNANCHORED, 2, lbState);
			if (a === null || a.length === 0) break;
			out += src.substring(lastMatchEnd, a[0]);
			if (a[1] > lastMatchEnd || a[0] === 0) {
				out += replFunc(src.substring(a[0], a[1]));
				numReplaces++;
			}
			lastMatchEnd = a[1];
			const width = input.step(searchPos) & 7;
			if (searchPos + width > a[1]) searchPos += width;
			else if (searchPos + 1 > a[1]) searchPos++;
			else searchPos = a[1];
			if (numReplaces >= maxReplaces) break;
		}
		out += src.substring(lastMatchEnd);
		return out;
	}
	pad(a) {
		if (a === null) return null;
		let n = (1 + this.numSubexp) * 2;
		if (a.length < n) {
			let a2 = new Array(n).fill(-1);
			for (let i = 0; i < a.length; i++) a2[i] = a[i];
			a = a2;
		}
		return a;
	}
	allMatches(input, n, deliverFun = (v) => v) {
		let result = [];
		const end = input.endPos();
		if (n < 0) n = end + 1;
		let pos = 0;
		let i = 0;
		let prevMatchEnd = -1;
		const lbState = this.createLookbehindState();
		while (i < n && pos <= end) {
			const matches = this.executeEngine(input, pos, RE2Flags.UNANCHORED, this.prog.numCap, lbState);
			if (matches === null || matches.length === 0) break;
			let accept = true;
			if (matches[1] === pos) {
				if (matches[0] === prevMatchEnd) accept = false;
				const r = input.step(pos);
				if (r < 0) pos = end + 1;
				else pos += r & 7;
			} else pos = matches[1];
			prevMatchEnd = matches[1];
			if (accept) {
				result.push(deliverFun(this.pad(matches)));
				i++;
			}
		}
		return result;
	}
	/**
	* Returns an array holding the text of the leftmost match in {@code b} of this regular
	* expression.
	*
	* A return value of null indicates no match.
	*/
	findUTF8(b) {
		const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 2);
		if (a === null) return null;
		return b.slice(a[0], a[1]);
	}
	/**
	* Returns a two-element array of integers defining the location of the leftmost match in
	* {@code b} of this regular expression. The match itself is at {@code b[loc[0]...loc[1]]}.
	*
	* A return value of null indicates no match.
	*/
	findUTF8Index(b) {
		const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, 2);
		if (a === null) return null;
		return a.slice(0, 2);
	}
	/**
	* Returns a string holding the text of the leftmost match in {@code s} of this regular
	* expression.
	*
	* If there is no match, the return value is an empty string, but it will also be empty if the
	* regular expression successfully matches an empty string. Use {@link #findIndex} or
	* {@link #findSubmatch} if it is necessary to distinguish these cases.
	*/
	find(s) {
		const a = this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 2);
		if (a === null) return "";
		return s.substring(a[0], a[1]);
	}
	/**
	* Returns a two-element array of integers defining the location of the leftmost match in
	* {@code s} of this regular expression. The match itself is at
	* {@code s.substring(loc[0], loc[1])}.
	*
	* A return value of null indicates no match.
	*/
	findIndex(s) {
		return this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, 2);
	}
	/**
	* Returns an array of arrays the text of the leftmost match of the regular expression in
	* {@code b} and the matches, if any, of its subexpressions, as defined by the <a
	* href='#submatch'>Submatch</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findUTF8Submatch(b) {
		const a = this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, this.prog.numCap);
		if (a === null) return null;
		const ret = new Array(1 + this.numSubexp).fill(null);
		for (let i = 0; i < ret.length; i++) if (2 * i < a.length && a[2 * i] >= 0) ret[i] = b.slice(a[2 * i], a[2 * i + 1]);
		return ret;
	}
	/**
	* Returns an array holding the index pairs identifying the leftmost match of this regular
	* expression in {@code b} and the matches, if any, of its subexpressions, as defined by the the
	* <a href='#submatch'>Submatch</a> and <a href='#index'>Index</a> descriptions above.
	*
	* A return value of null indicates no match.
	*/
	findUTF8SubmatchIndex(b) {
		return this.pad(this.executeEngine(MachineInput.fromUTF8(b), 0, RE2Flags.UNANCHORED, this.prog.numCap));
	}
	/**
	* Returns an array of strings holding the text of the leftmost match of the regular expression in
	* {@code s} and the matches, if any, of its subexpressions, as defined by the <a
	* href='#submatch'>Submatch</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findSubmatch(s) {
		const a = this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, this.prog.numCap);
		if (a === null) return null;
		const ret = new Array(1 + this.numSubexp).fill(null);
		for (let i = 0; i < ret.length; i++) if (2 * i < a.length && a[2 * i] >= 0) ret[i] = s.substring(a[2 * i], a[2 * i + 1]);
		return ret;
	}
	/**
	* Returns an array holding the index pairs identifying the leftmost match of this regular
	* expression in {@code s} and the matches, if any, of its subexpressions, as defined by the <a
	* href='#submatch'>Submatch</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findSubmatchIndex(s) {
		return this.pad(this.executeEngine(MachineInput.fromUTF16(s), 0, RE2Flags.UNANCHORED, this.prog.numCap));
	}
	/**
	* {@code findAllUTF8()} is the <a href='#all'>All</a> version of {@link #findUTF8}; it returns a
	* list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*
	* TODO(adonovan): think about defining a byte slice view class, like a read-only Go slice backed
	* by |b|.
	*/
	findAllUTF8(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => b.slice(match[0], match[1]));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllUTF8Index} is the <a href='#all'>All</a> version of {@link #findUTF8Index}; it
	* returns a list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllUTF8Index(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => match.slice(0, 2));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAll} is the <a href='#all'>All</a> version of {@link #find}; it returns a list of up
	* to {@code n} successive matches of the expression, as defined by the <a href='#all'>All</a>
	* description above.
	*
	* A return value of null indicates no match.
	*/
	findAll(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => s.substring(match[0], match[1]));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllIndex} is the <a href='#all'>All</a> version of {@link #findIndex}; it returns a
	* list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllIndex(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => match.slice(0, 2));
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllUTF8Submatch} is the <a href='#all'>All</a> version of {@link #findUTF8Submatch};
	* it returns a list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllUTF8Submatch(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n, (match) => {
			let slice = new Array(match.length / 2 | 0).fill(null);
			for (let j = 0; j < slice.length; j++) if (match[2 * j] >= 0) slice[j] = b.slice(match[2 * j], match[2 * j + 1]);
			return slice;
		});
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllUTF8SubmatchIndex} is the <a href='#all'>All</a> version of
	* {@link #findUTF8SubmatchIndex}; it returns a list of up to {@code n} successive matches of the
	* expression, as defined by the <a href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllUTF8SubmatchIndex(b, n) {
		const result = this.allMatches(MachineInput.fromUTF8(b), n);
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllSubmatch} is the <a href='#all'>All</a> version of {@link #findSubmatch}; it
	* returns a list of up to {@code n} successive matches of the expression, as defined by the <a
	* href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllSubmatch(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n, (match) => {
			let slice = new Array(match.length / 2 | 0).fill(null);
			for (let j = 0; j < slice.length; j++) if (match[2 * j] >= 0) slice[j] = s.substring(match[2 * j], match[2 * j + 1]);
			return slice;
		});
		if (result.length === 0) return null;
		return result;
	}
	/**
	* {@code findAllSubmatchIndex} is the <a href='#all'>All</a> version of
	* {@link #findSubmatchIndex}; it returns a list of up to {@code n} successive matches of the
	* expression, as defined by the <a href='#all'>All</a> description above.
	*
	* A return value of null indicates no match.
	*/
	findAllSubmatchIndex(s, n) {
		const result = this.allMatches(MachineInput.fromUTF16(s), n);
		if (result.length === 0) return null;
		return result;
	}
};
// src/Set.js
var RE2Set = class RE2Set {
	/** @type {number} */
	static UNANCHORED = RE2Flags.UNANCHORED;
	/** @type {number} */
	static ANCHOR_START = RE2Flags.ANCHOR_START;
	/** @type {number} */
	static ANCHOR_BOTH = RE2Flags.ANCHOR_BOTH;
	/**
	* Constructs a new RE2Set with the specified anchor mode and flags.
	* @param {number} [anchor=RE2Set.UNANCHORED] - The anchoring mode (e.g., RE2Set.UNANCHORED).
	* @param {number} [flags=0] - The public flags to apply to all patterns in the set.
	* @param {number} [maxMem=8388608] - The maximum memory in bytes to use for the DFA (default 8MB).
	*/
	constructor(anchor = RE2Set.UNANCHORED, flags = 0, maxMem = 8388608) {
		if (![
			RE2Set.UNANCHORED,
			RE2Set.ANCHOR_START,
			RE2Set.ANCHOR_BOTH
		].includes(anchor)) throw new RE2JSFlagsException("The anchor should be RE2Set.UNANCHORED, RE2Set.ANCHOR_START or RE2Set.ANCHOR_BOTH");
		Utils.checkFlags(flags);
		this.anchor = anchor;
		this.jsFlags = flags;
		this.maxMem = maxMem;
		let re2Flags = RE2Flags.PERL;
		if ((flags & PublicFlags.DISABLE_UNICODE_GROUPS) !== 0) re2Flags &= ~RE2Flags.UNICODE_GROUPS;
		if ((flags & PublicFlags.LOOKBEHINDS) !== 0) re2Flags |= RE2Flags.LOOKBEHIND;
		this.re2Flags = re2Flags;
		this.regexps = [];
		this.prog = null;
		this.dfa = null;
		this.dummyRe2 = null;
	}
	/**
	* Adds a new regular expression pattern to the set.
	* Patterns cannot be added after the set has been compiled.
	* @param {string} pattern - The regular expression pattern to add.
	* @returns {number} The integer index assigned to the added pattern.
	* @throws {RE2JSCompileException} If patterns are added after compilation.
	*/
	add(pattern) {
		if (this.prog) throw new RE2JSCompileException("Cannot add patterns after compile");
		Utils.checkPattern(pattern);
		let fregex = pattern;
		if ((this.jsFlags & PublicFlags.CASE_INSENSITIVE) !== 0) fregex = `(?i)${fregex}`;
		if ((this.jsFlags & PublicFlags.DOTALL) !== 0) fregex = `(?s)${fregex}`;
		if ((this.jsFlags & PublicFlags.MULTILINE) !== 0) fregex = `(?m)${fregex}`;
		const re = Parser.parse(fregex, this.re2Flags);
		this.regexps.push(Simplify.simplify(re));
		return this.regexps.length - 1;
	}
	/**
	* Compiles the added patterns into a single state machine.
	* This is automatically called on the first match if not called explicitly.
	* @returns {void}
	*/
	compile() {
		if (this.prog) return;
		const prog = Compiler.compileSet(this.regexps);
		if (prog.numInst() > Parser.MAX_SIZE) throw new RE2JSCompileException(`${Parser.ERR_LARGE}: the set compiles to ${prog.numInst()} instructions, more than ${Parser.MAX_SIZE}`);
		this.prog = prog;
		this.dfa = new DFA(this.prog, this.maxMem);
		this.dummyRe2 = {
			prog: this.prog,
			cond: this.prog.startCond(),
			prefix: "",
			prefixRune: 0,
			longest: false
		};
	}
	/**
	* Matches the input against the compiled set of regular expressions.
	* @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to match against.
	* @returns {number[]} An array of indices representing the patterns that successfully matched the input.
	*/
	match(input) {
		if (!this.prog) this.compile();
		const machineInput = Utils.isByteArray(input) ? MachineInput.fromUTF8(input) : MachineInput.fromUTF16(input);
		let internalAnchor = RE2Flags.UNANCHORED;
		if (this.anchor === RE2Set.ANCHOR_START) internalAnchor = RE2Flags.ANCHOR_START;
		else if (this.anchor === RE2Set.ANCHOR_BOTH) internalAnchor = RE2Flags.ANCHOR_BOTH;
		const dfaResult = this.dfa.matchSet(machineInput, 0, internalAnchor);
		if (dfaResult !== null) return dfaResult;
		const machine = Machine.fromRE2(this.dummyRe2);
		machine.init(0);
		return machine.matchSet(machineInput, 0, internalAnchor);
	}
};
// src/TranslateRegExpString.js
/**
* Transform JS regex string to RE2 regex string
*/
var TranslateRegExpString = class TranslateRegExpString {
	static isHexadecimal(ch) {
		return "0" <= ch && ch <= "9" || "A" <= ch && ch <= "F" || "a" <= ch && ch <= "f";
	}
	static translate(data) {
		let prefixFlags = "";
		if (Object.prototype.toString.call(data) === "[object RegExp]") {
			if (data.ignoreCase) prefixFlags += "i";
			if (data.multiline) prefixFlags += "m";
			if (data.dotAll) prefixFlags += "s";
			data = data.source;
		}
		if (typeof data !== "string") return data;
		let result = "";
		let changed = false;
		let size = data.length;
		if (size === 0) {
			result = "(?:)";
			changed = true;
		}
		let inCharClass = false;
		let i = 0;
		while (i < size) {
			let ch = data[i];
			if (ch === "\\") {
				if (i + 1 < size) {
					ch = data[i + 1];
					switch (ch) {
						case "\\":
							result += "\\\\";
							i += 2;
							continue;
						case "c":
							if (i + 2 < size) {
								let code = data[i + 2].charCodeAt(0);
								if (code >= 65 && code <= 90 || code >= 97 && code <= 122) {
									let val = code % 32;
									result += "\\x";
									result += (val >> 4).toString(16).toUpperCase();
									result += (val & 15).toString(16).toUpperCase();
									i += 3;
									changed = true;
									continue;
								}
							}
							result += "c";
							i += 2;
							changed = true;
							continue;
						case "u":
							if (i + 2 < size) {
								if (data[i + 2] === "{") {
									let j = i + 3;
									let hasHex = false;
									let closed = false;
									while (j < size) {
										const hexChar = data[j];
										if (hexChar === "}") {
											closed = true;
											break;
										}
										if (!TranslateRegExpString.isHexadecimal(hexChar)) break;
										hasHex = true;
										j++;
									}
									if (closed && hasHex) {
										result += "\\x";
										i += 2;
										changed = true;
										continue;
									}
								} else if (i + 5 < size) {
									let isHex4 = true;
									for (let j = 0; j < 4; j++) if (!TranslateRegExpString.isHexadecimal(data[i + 2 + j])) {
										isHex4 = false;
										break;
									}
									if (isHex4) {
										result += "\\x{" + data.substring(i + 2, i + 6) + "}";
										i += 6;
										changed = true;
										continue;
									}
								}
							}
							result += "u";
							i += 2;
							changed = true;
							continue;
						case "x": {
							let isValidHex = false;
							if (i + 2 < size && data[i + 2] === "{") {
								let j = i + 3;
								let hasHex = false;
								let closed = false;
								while (j < size) {
									const hexChar = data[j];
									if (hexChar === "}") {
										closed = true;
										break;
									}
									if (!TranslateRegExpString.isHexadecimal(hexChar)) break;
									hasHex = true;
									j++;
								}
								if (closed && hasHex) isValidHex = true;
							} else if (i + 3 < size && TranslateRegExpString.isHexadecimal(data[i + 2]) && TranslateRegExpString.isHexadecimal(data[i + 3])) isValidHex = true;
							if (isValidHex) {
								result += "\\x";
								i += 2;
							} else {
								result += "x";
								i += 2;
								changed = true;
							}
							continue;
						}
						case "n":
						case "r":
						case "t":
						case "a":
						case "f":
						case "v":
						case "d":
						case "D":
						case "s":
						case "S":
						case "w":
						case "W":
						case "b":
						case "B":
						case "p":
						case "P":
						case "A":
						case "z":
						case "Q":
						case "E":
						case "0":
						case "1":
						case "2":
						case "3":
						case "4":
						case "5":
						case "6":
						case "7":
							result += "\\" + ch;
							i += 2;
							continue;
						default: {
							let cp = data.codePointAt(i + 1);
							if (cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122) {
								let symSize = Utils.charCount(cp);
								result += data.substring(i + 1, i + 1 + symSize);
								i += symSize + 1;
								changed = true;
							} else {
								result += "\\";
								let symSize = Utils.charCount(cp);
								result += data.substring(i + 1, i + 1 + symSize);
								i += symSize + 1;
							}
							continue;
						}
					}
				}
			} else if (ch === "/") {
				result += "\\/";
				i += 1;
				changed = true;
				continue;
			} else if (ch === "[") {
				if (!inCharClass && data[i + 1] === "]") {
					result += "[^\\x00-\\x{10FFFF}]";
					i += 2;
					changed = true;
					continue;
				}
				if (!inCharClass && data[i + 1] === "^" && data[i + 2] === "]") {
					result += "[\\x00-\\x{10FFFF}]";
					i += 3;
					changed = true;
					continue;
				}
				inCharClass = true;
			} else if (ch === "]") inCharClass = false;
			else if (!inCharClass && ch === "(" && i + 2 < size && data[i + 1] === "?" && data[i + 2] === "<") {
				if (i + 3 < size && !"=!>)".includes(data[i + 3])) {
					result += "(?P<";
					i += 3;
					changed = true;
					continue;
				}
			}
			let cp = data.codePointAt(i);
			let symSize = Utils.charCount(cp);
			result += data.substring(i, i + symSize);
			i += symSize;
		}
		const finalResult = changed ? result : data;
		if (prefixFlags.length > 0) return `(?${prefixFlags})${finalResult}`;
		return finalResult;
	}
};
// src/index.js
const execResult = (m, input) => {
	const result = m.matchArray();
	result.index = m.start(0);
	result.input = input;
	result.groups = m.namedGroupsObject();
	return result;
};
/**
* A compiled representation of an RE2 regular expression
*
* The matching functions take {@code String} arguments instead of the more general Java
* {@code CharSequence} since the latter doesn't provide UTF-16 decoding.
*
*
* @author rsc@google.com (Russ Cox)
* @class
*/
var build_RE2JS = class RE2JS {
	/**
	* Flag: case insensitive matching.
	*/
	static CASE_INSENSITIVE = PublicFlags.CASE_INSENSITIVE;
	/**
	* Flag: dot ({@code .}) matches all characters, including newline.
	*/
	static DOTALL = PublicFlags.DOTALL;
	/**
	* Flag: multiline matching: {@code ^} and {@code $} match at beginning and end of line, not just
	* beginning and end of input.
	*/
	static MULTILINE = PublicFlags.MULTILINE;
	/**
	* Flag: Unicode groups (e.g. {@code \p\ Greek\} ) will be syntax errors.
	*/
	static DISABLE_UNICODE_GROUPS = PublicFlags.DISABLE_UNICODE_GROUPS;
	/**
	* Flag: matches longest possible string.
	*/
	static LONGEST_MATCH = PublicFlags.LONGEST_MATCH;
	/**
	* Flag: enable linear-time captureless lookbehinds.
	*/
	static LOOKBEHINDS = PublicFlags.LOOKBEHINDS;
	/**
	* Returns a literal pattern string for the specified string.
	*
	* This method produces a string that can be used to create a <code>RE2JS</code> that would
	* match the string <code>s</code> as if it were a literal pattern.
	*
	* Metacharacters or escape sequences in the input sequence will be given no special meaning.
	*
	* @param {string} str The string to be literalized
	* @returns {string} A literal string replacement
	*/
	static quote(str) {
		return Utils.quoteMeta(str);
	}
	/**
	* Quotes '\' and '$' in {@code str}, so that the returned string could be used in
	* replacement methods as a literal replacement of {@code str}.
	*
	* This is a convenience delegation to {@link Matcher.quoteReplacement}.
	*
	* @param {string} str the string to be quoted
	* @param {boolean} [javaMode=false] whether the replacement will be used in javaMode
	* @returns {string} the quoted string
	*/
	static quoteReplacement(str, javaMode = false) {
		return Matcher.quoteReplacement(str, javaMode);
	}
	/**
	* Translates a given regular expression string to ensure compatibility with RE2JS.
	*
	* This function preprocesses the input regex string by applying necessary transformations,
	* such as escaping special characters (e.g., `/`), converting named capture groups to
	* RE2JS-compatible syntax, and handling Unicode sequences properly. It ensures that the
	* resulting regex is safe and properly formatted before compilation.
	*
	* @param {string|RegExp} expr - The regular expression string to be translated.
	* @returns {string} - The transformed regular expression string, ready for compilation.
	*/
	static translateRegExp(expr) {
		return TranslateRegExpString.translate(expr);
	}
	/**
	* Helper: create new RE2JS with given regex and flags. Flregex is the regex with flags applied.
	* @param {string} regex
	* @param {number} [flags=0]
	* @returns {RE2JS}
	*/
	static compile(regex, flags = 0) {
		Utils.checkPattern(regex);
		Utils.checkFlags(flags);
		let fregex = regex;
		if ((flags & RE2JS.CASE_INSENSITIVE) !== 0) fregex = `(?i)${fregex}`;
		if ((flags & RE2JS.DOTALL) !== 0) fregex = `(?s)${fregex}`;
		if ((flags & RE2JS.MULTILINE) !== 0) fregex = `(?m)${fregex}`;
		let re2Flags = RE2Flags.PERL;
		if ((flags & RE2JS.DISABLE_UNICODE_GROUPS) !== 0) re2Flags &= ~RE2Flags.UNICODE_GROUPS;
		if ((flags & RE2JS.LOOKBEHINDS) !== 0) re2Flags |= RE2Flags.LOOKBEHIND;
		const p = new RE2JS(regex, flags);
		p.re2Input = RE2.compileImpl(fregex, re2Flags, (flags & RE2JS.LONGEST_MATCH) !== 0);
		return p;
	}
	/**
	* Matches a string against a regular expression.
	*
	* @param {string} regex the regular expression
	* @param {string|number[]|Uint8Array} input the input
	* @returns {boolean} true if the regular expression matches the entire input
	* @throws RE2JSSyntaxException if the regular expression is malformed
	*/
	static matches(regex, input) {
		return RE2JS.compile(regex).testExact(input);
	}
	/**
	* This is visible for testing.
	* @private
	*/
	static initTest(pattern, flags, re2) {
		if (pattern == null) throw new Error("pattern is null");
		if (re2 == null) throw new Error("re2 is null");
		const p = new RE2JS(pattern, flags);
		p.re2Input = re2;
		return p;
	}
	/**
	*
	* @param {string} pattern
	* @param {number} flags
	*/
	constructor(pattern, flags) {
		this.patternInput = pattern;
		this.flagsInput = flags;
		/** @type {import('./RE2.js').RE2} */
		this.re2Input = null;
	}
	/**
	* Releases memory used by internal caches associated with this pattern. Does not change the
	* observable behaviour. Useful for tests that detect memory leaks via allocation tracking.
	*/
	reset() {
		this.re2Input.reset();
	}
	/**
	* Returns the flags used in the constructor.
	* @returns {number}
	*/
	flags() {
		return this.flagsInput;
	}
	/**
	* Returns the pattern used in the constructor.
	* @returns {string}
	*/
	pattern() {
		return this.patternInput;
	}
	re2() {
		return this.re2Input;
	}
	/**
	* Matches a string against a regular expression.
	*
	* @param {string|number[]|Uint8Array} input the input
	* @returns {boolean} true if the regular expression matches the entire input
	*/
	matches(input) {
		return this.testExact(input);
	}
	/**
	* Creates a new {@code Matcher} matching the pattern against the input.
	*
	* @param {string|number[]|Uint8Array|MatcherInputBase} input the input string
	* @returns {Matcher}
	*/
	matcher(input) {
		if (Utils.isByteArray(input)) input = MatcherInput.utf8(input);
		return new Matcher(this, input);
	}
	/**
	* Tests whether the regular expression matches any part of the input string.
	* Performance Note: This method is highly optimized. Because it only returns
	* a boolean and does not extract capture groups, it bypasses the `Matcher` overhead
	* and guarantees execution on the high-speed DFA engine whenever possible.
	*
	* @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to test against.
	* @returns {boolean} `true` if the pattern is found anywhere in the input, `false` otherwise.
	*/
	test(input) {
		if (Utils.isByteArray(input)) return this.re2Input.matchUTF8(input);
		return this.re2Input.match(input);
	}
	/**
	* Tests whether the regular expression matches the ENTIRE input string.
	* * **Performance Note:** This operates identically to `.matches()`, but is significantly
	* faster because it does not request capture group data. By requesting 0 capture groups,
	* it securely routes execution through the DFA fast-path.
	*
	* @param {string|number[]|Uint8Array} input - The input string or UTF-8 byte array to test against.
	* @returns {boolean} `true` if the exact input string fully matches the pattern, `false` otherwise.
	*/
	testExact(input) {
		const machineInput = Utils.isByteArray(input) ? MachineInput.fromUTF8(input) : MachineInput.fromUTF16(input);
		return this.re2Input.executeEngine(machineInput, 0, RE2Flags.ANCHOR_BOTH, 0) !== null;
	}
	/**
	* Executes a search for a match in a specified string.
	* Returns a result array, or null if no match is found.
	* The returned array perfectly mirrors standard JavaScript `RegExpExecArray`,
	* including `.index`, `.input`, and `.groups` properties.
	*
	* @param {string|number[]|Uint8Array} input the input string or byte array
	* @returns {Array|null} the match array with index, input, and groups properties, or null
	*/
	exec(input) {
		const m = this.matcher(input);
		return m.find() ? execResult(m, input) : null;
	}
	/**
	* Splits input around instances of the regular expression. It returns an array giving the strings
	* that occur before, between, and after instances of the regular expression.
	*
	* If {@code limit <= 0}, there is no limit on the size of the returned array. If
	* {@code limit == 0}, empty strings that would occur at the end of the array are omitted. If
	* {@code limit > 0}, at most limit strings are returned. The final string contains the remainder
	* of the input, possibly including additional matches of the pattern.
	*
	* @param {string} input the input string to be split
	* @param {number} [limit=0] the limit
	* @returns {string[]} the split strings
	*/
	split(input, limit = 0) {
		const m = this.matcher(input);
		const result = [];
		let emptiesSkipped = 0;
		let last = 0;
		while (m.find()) {
			if (last === 0 && m.end() === 0) {
				last = m.end();
				continue;
			}
			if (limit > 0 && result.length === limit - 1) break;
			if (last === m.start()) {
				if (limit === 0) {
					emptiesSkipped += 1;
					last = m.end();
					continue;
				}
			} else while (emptiesSkipped > 0) {
				result.push("");
				emptiesSkipped -= 1;
			}
			result.push(m.substring(last, m.start()));
			last = m.end();
		}
		if (limit === 0 && last !== m.inputLength()) {
			while (emptiesSkipped > 0) {
				result.push("");
				emptiesSkipped -= 1;
			}
			result.push(m.substring(last, m.inputLength()));
		}
		if (limit !== 0 || result.length === 0 && !(last === m.inputLength() && last > 0)) result.push(m.substring(last, m.inputLength()));
		return result;
	}
	/**
	* Returns an iterator of all results matching a string against the regular expression,
	* including capturing groups.
	*
	* @param {string|number[]|Uint8Array} input the input string or byte array
	* @returns {IterableIterator<RegExpMatchArray>}
	*/
	*matchAll(input) {
		const m = this.matcher(input);
		while (m.find()) yield execResult(m, input);
	}
	/**
	*
	* @returns {string}
	*/
	toString() {
		return this.patternInput;
	}
	/**
	* Returns the program size of this pattern.
	*
	* <p>
	* Similar to the C++ implementation, the program size is a very approximate measure of a regexp's
	* "cost". Larger numbers are more expensive than smaller numbers.
	* </p>
	*
	* @returns {number} the program size of this pattern
	*/
	programSize() {
		return this.re2Input.numberOfInstructions();
	}
	/**
	* Returns the number of capturing groups in this matcher's pattern. Group zero denotes the entire
	* pattern and is excluded from this count.
	*
	* @returns {number} the number of capturing groups in this pattern
	*/
	groupCount() {
		return this.re2Input.numberOfCapturingGroups();
	}
	/**
	* Return a map of the capturing groups in this matcher's pattern, where key is the name and value
	* is the index of the group in the pattern.
	* @returns {Record<string, number>}
	*/
	namedGroups() {
		return this.re2Input.namedGroups;
	}
	/**
	*
	* @param {*} other
	* @returns {boolean}
	*/
	equals(other) {
		if (this === other) return true;
		if (other === null || this.constructor !== other.constructor) return false;
		return this.flagsInput === other.flagsInput && this.patternInput === other.patternInput;
	}
};
/**
* Creates an RE2JS regex directly from a template literal.
* @overload
* @param {TemplateStringsArray} stringsOrFlags - The raw string segments of the template literal.
* @param {...any} values - The interpolated values.
* @returns {RE2JS}
*/
/**
* Creates a template literal tag function with specific RE2JS flags.
* @overload
* @param {number} stringsOrFlags - The RE2JS flags to apply (e.g., RE2JS.CASE_INSENSITIVE).
* @returns {(strings: TemplateStringsArray, ...tagValues: any[]) => RE2JS}
*/
/**
* Implementation signature
* @param {TemplateStringsArray | number} stringsOrFlags
* @param {...any} values
* @returns {RE2JS | ((strings: TemplateStringsArray, ...tagValues: any[]) => RE2JS)}
*/
function re(stringsOrFlags, ...values) {
	if (Array.isArray(stringsOrFlags) && "raw" in stringsOrFlags) {
		const pattern = String.raw(stringsOrFlags, ...values);
		return build_RE2JS.compile(pattern);
	}
	const flags = typeof stringsOrFlags === "number" ? stringsOrFlags : 0;
	return (strings, ...tagValues) => {
		const pattern = String.raw(strings, ...tagValues);
		return build_RE2JS.compile(pattern, flags);
	};
}


;// CONCATENATED MODULE: ./src/core/os-filter.ts
// oc's `--filter-by-os`: a Go (RE2) regular expression matched, unanchored, against each
// manifest-list entry's `os/arch[/variant]`. Compiled with re2js, a port of Go's regexp
// package, so what oc accepts (`(?P<name>…)`, `(?i)`, `\pL`, `[[:alpha:]]`) is accepted here
// and what oc refuses (`linux/(amd64`, lookarounds, backreferences) is refused with Go's words.


/** Go's compile error (`error parsing regexp: …`), or undefined when oc accepts the pattern. */
function osFilterProblem(pattern) {
    try {
        build_RE2JS.compile(pattern);
        return undefined;
    }
    catch (e) {
        return errorMessage(e);
    }
}
/**
 * A matcher for `os/arch[/variant]` strings with oc's semantics (Go's `MatchString`: the
 * pattern may match anywhere). Throws on a pattern `osFilterProblem` refuses.
 */
function osFilterMatcher(pattern) {
    const re = RE2JS.compile(pattern);
    return (platform) => re.matcher(platform).find();
}
/** The string oc matches: `os/arch`, plus `/variant` when the entry has one. */
function platformString(p) {
    return p.variant ? `${p.os}/${p.architecture}/${p.variant}` : `${p.os}/${p.architecture}`;
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
 * Warnings, not errors: oc runs such a line (it lists the repository's tags while reading the
 * mapping and mirrors each match), so a PR check must not reject it. What it mirrors is only
 * known at run time: an empty listing mirrors nothing (the run then leaves the line
 * unconfirmed), and several matches into a tagged destination make oc fail the mapping.
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
            finding(e, 'warning', 'tagless-source', `source ${src} has neither tag nor digest: oc lists the repository's tags over the ` +
                `network while reading the mapping and mirrors every tag it finds (none found: ` +
                `nothing is mirrored)${taggedDst}`)
        ];
    }
    return [
        finding(e, 'warning', 'wildcard-source', `source tag ${JSON.stringify(e.source.tag)} of ${src} is a wildcard: oc lists the ` +
            `repository's tags over the network while reading the mapping and mirrors each match ` +
            `(no match: nothing is mirrored)${taggedDst}`)
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
 * registry component share a directory (docs/oc-behaviour.md §5); registry spellings of one
 * repository (host case, `:443`, Docker Hub's names, `library/`: docs/oc-behaviour.md §4.6)
 * share a key.
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
                `(host case, port 443, Docker Hub's names and library/ name one repository): one push ` +
                `overwrites the other`));
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
/** One warning per file (at its first line), with the number of lines it concerns. */
function platformFindings(entries, opts) {
    if ((opts.filterByOs ?? '') !== '' || opts.keepManifestList === true)
        return [];
    const perFile = new Map();
    for (const e of entries) {
        const seen = perFile.get(e.file);
        if (seen)
            seen.lines.add(e.line);
        else
            perFile.set(e.file, { first: e, lines: new Set([e.line]) });
    }
    return [...perFile.values()].map(({ first, lines }) => finding(first, 'warning', 'no-platform-filter', `neither --filter-by-os nor keep-manifest-list is set (applies to all ` +
        `${plural(lines.size, 'mapping line')} of this file): oc then keeps only the ` +
        'manifest-list entry for the platform of the machine running it (e.g. linux/amd64) and ' +
        'pushes that single image by its own digest; on a macOS or Windows runner nothing ' +
        'matches, oc prints "info: Filtered all images from …, skipping" and exits 0 having ' +
        "mirrored nothing. Set filter-by-os (e.g. '.*' or 'linux/amd64') or keep-manifest-list"));
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
        ...platformFindings(set.entries, opts)
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
  --filter-by-os RE       the --filter-by-os you pass to oc (silences the platform warning);
                          checked with Go's regular expression syntax, as oc checks it
  --keep-manifest-list    you pass --keep-manifest-list to oc (silences the platform warning)
  --json FILE             write the findings as JSON (- for stdout: then stdout carries only
                          the JSON and the findings for people go to stderr)
  -h, --help              this text

Tag-less and wildcard sources are warnings: oc lists the repository's tags and mirrors them.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments, an invalid
--filter-by-os, an unreadable mapping file or a JSON file that cannot be written.
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
    const filterByOs = values['filter-by-os'];
    const filterProblem = filterByOs !== undefined ? osFilterProblem(filterByOs) : undefined;
    if (filterByOs !== undefined && filterProblem !== undefined) {
        // oc refuses it before reading the mapping: `--filter-by-os was not a valid regular expression`.
        io.err(`mirror-guard validate: --filter-by-os ${JSON.stringify(filterByOs)} is not a valid regular expression: ${filterProblem}\n`);
        return EXIT_USAGE;
    }
    const json = values.json;
    if (json === '') {
        io.err('mirror-guard validate: --json needs a value\n');
        return EXIT_USAGE;
    }
    try {
        if (json !== undefined && json !== '-')
            checkOutputPath(json, io.cwd, 'JSON report');
    }
    catch (e) {
        io.err(`mirror-guard validate: ${e.message}\n`);
        return EXIT_USAGE;
    }
    // With --json - stdout carries only the JSON; the findings for people go to stderr.
    const say = json === '-' ? io.err : io.out;
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
            ...(filterByOs !== undefined ? { filterByOs } : {}),
            keepManifestList: values['keep-manifest-list'] ?? false
        })
    ].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    for (const f of findings)
        say(`${f.file}:${f.line}: ${f.severity}: ${f.message} [${f.code}]\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.length - errors;
    // Lines oc rejects hold no entry but were checked: count lines, as the findings name lines.
    const lines = checkedLines(set, findings, texts).length;
    say(`${plural(lines, 'mapping line')} checked (` +
        `${plural(set.entries.length, 'entry', 'entries')}): ${errors} error(s), ${warnings} warning(s)\n`);
    if (json !== undefined) {
        const text = JSON.stringify({ version: 1, lines, entries: set.entries.length, errors, warnings, findings }, null, 2) + '\n';
        if (json === '-')
            io.out(text);
        else {
            try {
                await writeOutput(json, text, io.cwd, 'JSON report');
            }
            catch (e) {
                io.err(`mirror-guard validate: ${e.message}\n`);
                return EXIT_USAGE;
            }
        }
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
class Redactor {
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
/** Thrown when a read is given up because the run was stopped. */
class ReadStopped extends Error {
}
/** The stop's reason, as `verification stopped (<reason>)`. */
function stoppedMessage(signal) {
    const r = signal.reason;
    return `verification stopped${r instanceof Error && r.message !== '' ? ` (${r.message})` : ''}`;
}
/**
 * Hashes a file with the algorithm of `expected`, streaming (never the whole file in memory).
 * A stop (`signal`) ends the read at the next 1 MiB chunk at the latest: a multi-gigabyte
 * layer must not keep a cancelled run alive. Throws `ReadStopped` then.
 */
async function hashFile(path, expected, signal) {
    if (signal?.aborted)
        throw new ReadStopped(stoppedMessage(signal));
    const algo = expected.slice(0, expected.indexOf(':'));
    const hash = (0,external_node_crypto_namespaceObject.createHash)(algo);
    const stream = (0,external_node_fs_namespaceObject.createReadStream)(path, { highWaterMark: 1 << 20 });
    const stop = () => {
        stream.destroy(new ReadStopped(stoppedMessage(signal)));
    };
    signal?.addEventListener('abort', stop, { once: true });
    try {
        for await (const chunk of stream) {
            if (signal?.aborted)
                throw new ReadStopped(stoppedMessage(signal));
            hash.update(chunk);
        }
    }
    finally {
        signal?.removeEventListener('abort', stop);
        stream.destroy();
    }
    return `${algo}:${hash.digest('hex')}`;
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
    return parts.length > 0 ? oneLine(parts.join('/'), { max: 80 }) : `manifest #${index + 1}`;
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
                    : `unsupported manifest media type ${oneLine(mediaType, { max: 120 })}`
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
        const text = oneLine(message, { max: 1000 });
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
        signal: opts.signal,
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
    // Entries still queued when the run stops are not looked at at all.
    if (!ctx.signal?.aborted) {
        try {
            await checkEntry(entry, ctx, f);
        }
        catch (err) {
            // An unexpected I/O error (EACCES, EIO…) is a failed check, never a crash.
            f.add('unreadable', `cannot check the mirror tree: ${err.message}`);
        }
    }
    if (ctx.signal?.aborted) {
        // Half a check proves nothing either way: the entry counts as not checked.
        const ref = refOf(entry, ctx.side);
        return {
            entryId: entry.id,
            complete: false,
            problems: [
                {
                    kind: 'cancelled',
                    message: oneLine(`${ref.raw}: ${stoppedMessage(ctx.signal)}`, { max: 1000 })
                }
            ]
        };
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
    const actual = await hashFile(path, blob.digest, ctx.signal);
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
                message: oneLine(`leftover partial download${size}${ref ? ' of a blob that is complete now' : ' of a blob this line does not reference'}: ${path}`, { max: 1000 })
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
            throw new AuthError(`bearer realm "${oneLine(realm, { max: 200 })}" is not a URL`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
            throw new AuthError(`bearer realm "${oneLine(realm, { max: 200 })}" is not http(s)`);
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
            throw new AuthError(`token request to ${url.origin}${url.pathname} answered HTTP ${res.status}: ${oneLine(res.body.toString('utf8'), { max: 200 })}`);
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

;// CONCATENATED MODULE: ./src/verify/registry-blobs.ts
// Whether a blob a manifest names is in the registry: a HEAD (status, content-length against the
// descriptor's size), and with `digest` a GET hashing every byte under a deadline that grows with
// the blob's size. A blob shared by many lines is checked once.

class BlobChecker {
    client;
    digest;
    #blobs = new Map();
    constructor(client, 
    /** Read and hash every byte (GET), not only HEAD. */
    digest) {
        this.client = client;
        this.digest = digest;
    }
    /** The blob's outcome in `repo` of `h`, checked once per verification. */
    check(h, repo, blob) {
        const key = `${h.host}\0${repo}\0${blob.digest}\0${blob.size ?? ''}`;
        let p = this.#blobs.get(key);
        if (p === undefined) {
            p = this.#check(h, repo, blob);
            this.#blobs.set(key, p);
        }
        return p;
    }
    async #check(h, repo, blob) {
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
            deadlineMs: this.client.env.deadlineMs + Math.ceil((bytes / this.client.env.minBytesPerSecond) * 1000),
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

;// CONCATENATED MODULE: ./src/verify/registry-client.ts
// The registry client of verification: the Registry HTTP API v2 as verification reads it. One
// RegistryHost per registry learns its scheme with a ping (https, or http too under --insecure),
// answers auth challenges (basic from the registry config, bearer tokens per repository scope,
// one fresh token after a 401), follows redirects (never sending credentials to another origin)
// and turns transport failures into `Unreachable` and a stop into `Stopped`.





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
/**
 * Where the API of a registry lives and how a repository is named there: Docker Hub under any
 * of its names (none, `docker.io`, `index.docker.io`, `registry-1.docker.io`, any case) is
 * served by registry-1.docker.io with official images under `library/`
 * (`canonicalRepository`); any other host as written (its auth and certs.d entries use it).
 */
function apiLocation(registry, repository) {
    const c = canonicalRepository(registry, repository);
    if (c.registry === 'docker.io')
        return { host: 'registry-1.docker.io', repo: c.repository };
    return { host: registry, repo: repository };
}
/** The first error of a registry error document (`CODE: message`), else the body, one line. */
function registryMessage(res) {
    const text = res.body.toString('utf8');
    try {
        const doc = JSON.parse(text);
        const first = doc.errors?.[0];
        if (first)
            return oneLine(`${String(first.code)}: ${String(first.message)}`, { max: 200 });
    }
    catch {
        // not a registry error document; fall through to the raw text
    }
    return text === '' ? '(empty body)' : oneLine(text, { max: 200 });
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
/** The hosts of one verification, each created on first use. */
class RegistryClient {
    env;
    #hosts = new Map();
    constructor(env) {
        this.env = env;
    }
    host(name) {
        let h = this.#hosts.get(name);
        if (h === undefined) {
            h = new RegistryHost(name, this.env);
            this.#hosts.set(name, h);
        }
        return h;
    }
}

;// CONCATENATED MODULE: ./src/verify/registry-verify.ts
// Completeness of registry destinations through the Registry HTTP API v2: the manifest by tag
// (or digest), each child of a list, then a HEAD per config and layer blob. A registry refuses
// manifests whose blobs are missing, but blobs can vanish later (garbage collection, deletes,
// storage faults), and a tag can be absent although oc printed nothing wrong (the tag merge of
// docs/oc-behaviour.md §4.5).








/** One mapping line's destination: its manifest(s) by tag or digest, each list child, each blob. */
class RegistryVerifier {
    client;
    digest;
    #blobs;
    constructor(client, digest) {
        this.client = client;
        this.digest = digest;
        this.#blobs = new BlobChecker(client, digest);
    }
    async verify(entry) {
        const problems = [];
        const resolved = [];
        const { host, repo } = apiLocation(entry.destination.registry, entry.destination.repository);
        const h = this.client.host(host);
        const name = `${host}/${repo}`;
        try {
            const reference = entry.destinationTag ?? entry.source.digest;
            const refs = reference !== undefined ? [reference] : await this.#tags(h, repo, problems);
            for (const ref of refs) {
                await this.#manifest(h, repo, name, ref, ref.includes(':') ? `${name}@${ref}` : `tag ${ref}`, undefined, problems, resolved);
            }
        }
        catch (e) {
            const kind = e instanceof Stopped || this.client.env.signal?.aborted
                ? 'cancelled'
                : e instanceof Unreachable
                    ? 'unreachable'
                    : e instanceof AuthError
                        ? 'unauthorized'
                        : 'registry-error';
            problems.push({ kind, message: oneLine(`${name}: ${e.message}`, { max: 1000 }) });
        }
        // Every message may carry registry text; keep each on one line, whatever built it.
        const clean = problems.map((p) => ({ ...p, message: oneLine(p.message, { max: 1000 }) }));
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
            message: oneLine(`${what}: GET ${res.url} answered HTTP ${res.status}${detail}`, {
                max: 1000
            })
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
                    message: oneLine(`manifest ${via} of ${name}: Docker-Content-Digest says ${served}, content hashes to ${actual}`, { max: 1000 })
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
                message: oneLine(`manifest ${digest} (${via}) of ${name} cannot be read: ${parsed.error}`, {
                    max: 1000
                })
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
        const outcomes = await Promise.all(blobsOf(m).map((b) => this.#blobs.check(h, repo, b)));
        for (const [i, blob] of blobsOf(m).entries()) {
            const o = outcomes[i];
            if (o.ok)
                continue;
            const size = blob.size !== undefined ? ` (${blob.size} bytes)` : '';
            problems.push({
                kind: o.kind,
                digest: blob.digest,
                path: o.url,
                message: oneLine(`${blob.role} ${blob.digest}${size} of manifest ${digest} (${via}) ${o.detail}`, { max: 1000 })
            });
        }
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
        const message = oneLine(e.message, { max: 1000 });
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
        const verifier = new RegistryVerifier(new RegistryClient(env), opts.digest);
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
    const signal = opts.network?.signal;
    const file = { digest: opts.digest, ...(signal !== undefined ? { signal } : {}) };
    const [dest, src, reg] = await Promise.all([
        verifyFileEntries(entries, opts.dir ?? '.', { ...file, side: 'destination' }),
        opts.fromDir !== undefined
            ? verifyFileEntries(entries, opts.fromDir, { ...file, side: 'source' })
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

;// CONCATENATED MODULE: ./src/core/secret-values.ts
// Which strings of a registry credential document are secret: the values of its credential
// keys (and the decoded password of a base64 `auth`), and what to mask for the whole document.
// Pure: the action masks them before anything prints, the CLI's verify redacts them.
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

;// CONCATENATED MODULE: ./src/cli/verify.ts
// `mirror-guard verify`: prove that every mapping line really landed (file:// trees on disk,
// registries over the HTTP API), instead of trusting oc's success lines.













const VERIFY_HELP = `Usage: mirror-guard verify -f MAPPING [-f MAPPING…] [--dir DIR] [--from-dir DIR] [--digest]
                           [--registry-config FILE] [--insecure] [--json FILE] [--retry-out FILE]

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

Each line is "complete", "INCOMPLETE" (something it needs is missing or wrong: the problem
is named), or "NOT CHECKED" with the reason (registry unreachable, credentials refused, an
unreadable file, s3://): nothing was proven either way.

Options:
  -f, --filename MAPPING     a mapping file as given to oc image mirror -f (repeat for several)
  --dir DIR                  oc's --dir: root of file:// destinations (default: current directory)
  --from-dir DIR             oc's --from-dir: also check file:// sources under DIR
  --digest                   also check sizes and sha256 of every blob (reads all data; slow)
  -a, --registry-config FILE registry credentials (docker config.json or podman auth.json)
  --insecure                 registries may use plain http or self-signed certificates
  --json FILE                write the result as JSON (- for stdout: then stdout carries only
                             the JSON and the table goes to stderr)
  --retry-out FILE           write the lines not proven complete (incomplete or not checked),
                             verbatim, each after a "# file:line status: reason" comment, ready
                             for oc image mirror -f FILE (add --force for file:// destinations)
  -h, --help                 this text

With --digest, progress goes to stderr every few seconds. The table fits the terminal
($COLUMNS, 80 when not a terminal); --json has every problem in full.

Exit status: 0 every line complete, 1 a line incomplete or not checked,
             2 bad arguments (a --dir or --from-dir that does not exist), an unreadable or
             invalid mapping file, or an output file that cannot be written.

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
        'retry-out': { type: 'string' },
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
        ['--json', values.json],
        ['--retry-out', values['retry-out']]
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
        ...(values.json !== undefined ? { json: values.json } : {}),
        ...(values['retry-out'] !== undefined ? { retryOut: values['retry-out'] } : {})
    };
}
/** A directory flag must name an existing directory: a typo is a usage error, not 5 INCOMPLETE rows. */
function checkDirectory(flag, path, cwd) {
    let isDir;
    try {
        isDir = (0,external_node_fs_namespaceObject.statSync)((0,external_node_path_namespaceObject.resolve)(cwd, path)).isDirectory();
    }
    catch (e) {
        throw new UsageError(`${flag} ${path}: ${ioReason(e)}`);
    }
    if (!isDir)
        throw new UsageError(`${flag} ${path}: not a directory`);
}
const NOT_CHECKED_S3 = 's3:// destinations cannot be checked by mirror-guard; rely on oc or check the bucket';
/** Problems that say the check could not be made, not that something is missing or wrong. */
const COULD_NOT_CHECK = new Set([
    'cancelled',
    'unreachable',
    'unauthorized',
    'registry-error',
    'unreadable'
]);
function statusOf(r) {
    if (r === undefined)
        return { status: 'not-checked', reason: NOT_CHECKED_S3 };
    if (r.complete)
        return { status: 'complete' };
    const [first] = r.problems;
    if (first !== undefined && r.problems.every((p) => COULD_NOT_CHECK.has(p.kind))) {
        return { status: 'not-checked', reason: `${first.kind}: ${first.message}` };
    }
    return { status: 'incomplete' };
}
function buildVerifyReport(entries, results) {
    const byId = new Map(results.map((r) => [r.entryId, r]));
    const lines = entries.map((e) => {
        const r = byId.get(e.id);
        const { status, reason } = statusOf(r);
        return {
            file: e.file,
            line: e.line,
            source: e.source.raw,
            destination: effectiveDestination(e),
            status,
            complete: status === 'complete',
            checked: status !== 'not-checked',
            ...(reason !== undefined ? { reason } : {}),
            problems: r?.problems ?? [],
            warnings: r?.warnings ?? []
        };
    });
    const counts = { complete: 0, incomplete: 0, 'not-checked': 0 };
    for (const l of lines)
        counts[l.status]++;
    return { version: 1, complete: counts.complete === lines.length, counts, lines };
}
const LABEL = {
    complete: 'complete',
    incomplete: 'INCOMPLETE',
    'not-checked': 'NOT CHECKED'
};
const VERIFY_COLUMNS = [
    { header: 'STATUS', cut: 'none' },
    { header: 'LINE', max: 60, cut: 'middle' },
    { header: 'DESTINATION', max: 90, cut: 'middle' },
    { header: 'PROBLEM', max: 2000, cut: 'end' }
];
/**
 * A plain-text table fitted to `width`: one row per problem, the line's columns on its first
 * row only (problems on lines of their own when the rows do not fit).
 */
function renderVerifyTable(report, width = DEFAULT_COLUMNS) {
    const rows = [];
    for (const l of report.lines) {
        const notes = l.status === 'not-checked'
            ? [`not checked: ${l.reason ?? ''}`]
            : [
                ...l.problems.map((p) => `${p.kind}: ${p.message}`),
                ...l.warnings.map((w) => `warning ${w.kind}: ${w.message}`)
            ];
        const first = notes.shift() ?? '';
        rows.push([LABEL[l.status], `${l.file}:${l.line}`, l.destination, first].map((c) => oneLine(c, { max: 2000 })));
        for (const n of notes)
            rows.push(['', '', '', oneLine(n, { max: 2000 })]);
    }
    const text = fitTable(VERIFY_COLUMNS, rows, Math.max(40, width), { detail: 3 }).join('\n');
    const n = report.lines.length;
    const summary = `${report.counts.complete} of ${plural(n, 'mapping entry', 'mapping entries')} complete` +
        (report.counts.incomplete ? `, ${report.counts.incomplete} incomplete` : '') +
        (report.counts['not-checked'] ? `, ${report.counts['not-checked']} not checked` : '');
    return `${text}\n\n${summary}\n`;
}
/** The lines verify did not prove complete, as a mapping oc can rerun (verbatim lines). */
function retryMapping(set, report) {
    const verdicts = [];
    set.entries.forEach((e, i) => {
        const l = report.lines[i];
        if (l === undefined || l.status === 'complete')
            return;
        const reason = l.status === 'not-checked'
            ? `not checked: ${l.reason ?? ''}`
            : l.problems.map((p) => `${p.kind}: ${p.message}`).join('; ');
        verdicts.push({
            entryId: e.id,
            status: 'failed',
            classes: [l.status === 'incomplete' ? 'incomplete' : 'unconfirmed'],
            reasons: [reason],
            evidence: [],
            retryable: true
        });
    });
    return renderRetryMapping(set, verdicts);
}
/** Entries per verification round: progress is reported between rounds. */
const PROGRESS_CHUNK = 16;
const PROGRESS_EVERY_MS = 5000;
async function verifyCommand(args, given) {
    // Everything printed or written passes the redactor: registries echo credentials in errors.
    const redaction = new Redactor();
    const io = {
        ...given,
        out: (s) => given.out(redaction.text(s)),
        err: (s) => given.err(redaction.text(s))
    };
    const usage = (message) => {
        io.err(`mirror-guard verify: ${oneLine(message, { max: 2000 })}\nRun "mirror-guard verify --help" for usage.\n`);
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
    try {
        if (opts.dir !== undefined)
            checkDirectory('--dir', opts.dir, cwd);
        if (opts.fromDir !== undefined)
            checkDirectory('--from-dir', opts.fromDir, cwd);
        if (opts.json !== undefined && opts.json !== '-')
            checkOutputPath(opts.json, cwd, 'JSON report');
        if (opts.retryOut !== undefined)
            checkOutputPath(opts.retryOut, cwd, 'retry mapping');
    }
    catch (e) {
        return usage(e.message);
    }
    const { set } = await loadMappingFiles(opts.mappings, cwd);
    for (const f of set.findings)
        io.err(oneLine(describeFinding(f), { max: 2000 }) + '\n');
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
    const verifyOptions = {
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
    };
    let results;
    if (!opts.digest) {
        results = await verifyEntries(set.entries, verifyOptions);
    }
    else {
        // --digest reads every byte: rounds of entries, with a progress line on stderr now and then.
        const started = Date.now();
        let said = started;
        results = [];
        const total = set.entries.length;
        io.err(`verify: reading and hashing every blob of ${plural(total, 'mapping entry', 'mapping entries')}…\n`);
        for (let i = 0; i < total; i += PROGRESS_CHUNK) {
            results.push(...(await verifyEntries(set.entries.slice(i, i + PROGRESS_CHUNK), verifyOptions)));
            const done = Math.min(total, i + PROGRESS_CHUNK);
            const now = Date.now();
            if (now - said >= PROGRESS_EVERY_MS && done < total) {
                said = now;
                io.err(`verify: ${done} of ${total} entries checked (${Math.round((now - started) / 1000)}s)\n`);
            }
        }
    }
    const report = redaction.deep(buildVerifyReport(set.entries, results));
    const json = JSON.stringify(report, null, 2) + '\n';
    try {
        if (opts.json === '-') {
            io.out(json);
            io.err(renderVerifyTable(report, io.columns));
        }
        else {
            io.out(renderVerifyTable(report, io.columns));
            if (opts.json !== undefined)
                await writeOutput(opts.json, json, cwd, 'JSON report');
        }
        if (opts.retryOut !== undefined) {
            const retry = redaction.text(retryMapping(set, report));
            if (retry !== '') {
                await writeOutput(opts.retryOut, retry, cwd, 'retry mapping');
                const n = report.lines.length - report.counts.complete;
                const say = opts.json === '-' ? io.err : io.out;
                say(`retry mapping: ${opts.retryOut} (${plural(n, 'entry', 'entries')} not proven complete)\n`);
            }
        }
    }
    catch (e) {
        if (e instanceof UsageError) {
            io.err(`mirror-guard verify: ${e.message}\n`);
            return EXIT_USAGE;
        }
        throw e;
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
/**
 * Groups `entries` (step 1 of the algorithm above): same destination repository or same
 * physical line, transitively. Groups come in the order of their first entry.
 */
function groupEntries(entries) {
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
    // The root is the smallest position of its group, and Map keeps insertion order.
    return [...groups.values()];
}
/** The split of `entries` into `count` shards (see the algorithm above). */
function planShards(entries, count) {
    if (!Number.isInteger(count) || count < 1 || count > MAX_SHARDS) {
        throw new RangeError(`shard count ${count} is not from 1 to ${MAX_SHARDS}`);
    }
    const groups = groupEntries(entries);
    const ordered = [...groups].sort((a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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
    // oc's `info: Mirroring completed in 2.1s (16.16MB/s)` per attempt: rate × time. Engines
    // that print no such line (skopeo) leave the bytes unknown.
    let bytes;
    for (const a of attempts.filter(shard_merge_isObject)) {
        const st = shard_merge_isObject(a['stats']) ? a['stats'] : {};
        const rate = st['bytesPerSecond'];
        const secs = st['mirroringSeconds'];
        if (typeof rate === 'number' && typeof secs === 'number' && rate >= 0 && secs >= 0) {
            bytes = (bytes ?? 0) + Math.round(rate * secs);
        }
    }
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
        ...(bytes !== undefined ? { bytes } : {}),
        ...(typeof run['outcome'] === 'string' ? { outcome: run['outcome'] } : {})
    };
}
const describeFiles = (files) => files.map((f) => `${f.file} (sha256 ${f.sha256.slice(0, 12)})`).join(', ');
const sameFiles = (a, b) => a.length === b.length && a.every((f, i) => f.sha256 === b[i]?.sha256);
/**
 * Merges shard reports; with `mapping`, lines no report holds are failed `unconfirmed`. With
 * `expected` (the aggregate knows N from its input), every report must be a shard of that many,
 * and no report at all is a merge too: every line is then unconfirmed.
 */
function mergeShardReports(inputs, mapping, expected) {
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
    if (reports.length === 0 && !(mapping && expected)) {
        return { ok: false, errors: ['no report to merge'] };
    }
    // One split: the same N, each index once, the same mapping files.
    const first = reports[0];
    const count = expected?.count ?? first.shard.count;
    const byIndex = new Map();
    for (const r of reports) {
        if (expected && r.shard.count !== count) {
            errors.push(`${r.name} is shard ${r.shard.index}/${r.shard.count}, not one of ${count} shards (the shard count given): the matrix and the aggregate disagree on N`);
            continue;
        }
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
            ...(r.bytes !== undefined ? { bytes: r.bytes } : {}),
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
    const out = retryMappingHeader(failed.length);
    for (const l of failed) {
        // Text from other jobs' reports: one short printable line.
        const reason = oneLine(l.reasons[0] ?? 'not mirrored', { control: 'space', squeeze: true });
        out.push(originComment(l.file, l.line, l.classes, truncate(reason, 300)));
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
        const notMirrored = report.lines.filter((l) => l.status !== 'mirrored');
        const onDisk = notMirrored.some((l) => /^(file|s3):\/\//.test(l.destination));
        io.out(retryHint(opts.retryOut, s.failed, onDisk));
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
const duration = (seconds) => seconds === undefined ? '-' : compactDuration(seconds);
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
/**
 * A stream whose reader went away (`| head -1`: EPIPE) is dropped quietly: the command goes on
 * (its files are still written) and exits with its own status, without a stack trace.
 */
function quietWriter(stream) {
    let closed = false;
    // EPIPE, or any other failure of the stream itself: there is nowhere left to say it.
    stream.on('error', () => {
        closed = true;
    });
    return (text) => {
        if (!closed)
            stream.write(text);
    };
}
/** Terminal width for tables: the terminal's, else $COLUMNS, else 80. */
function terminalColumns() {
    if (process.stdout.isTTY && process.stdout.columns > 0)
        return process.stdout.columns;
    const env = Number(process.env['COLUMNS']);
    return Number.isInteger(env) && env > 0 ? env : DEFAULT_COLUMNS;
}
async function main(argv) {
    const io = {
        out: quietWriter(process.stdout),
        err: quietWriter(process.stderr),
        cwd: process.cwd(),
        columns: terminalColumns()
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
    // A file that could not be read or written: one line naming it, exit 2 like other input errors.
    const sys = e;
    if (sys?.code !== undefined && typeof sys.path === 'string') {
        process.stderr.write(`mirror-guard: ${sys.path}: ${ioReason(e)}\n`);
        process.exitCode = EXIT_USAGE;
        return;
    }
    process.stderr.write(`mirror-guard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
});

