/** The notes of `version` (1.2.3 or v1.2.3) in a Keep a Changelog text, or what is missing. */
export declare function releaseNotes(changelog: string, version: string): string | Error
