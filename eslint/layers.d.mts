import type { ESLint, Linter, Rule } from 'eslint'

export interface Layer {
  /** Layers (src/<folder>/ or `entry`) this layer may import. */
  readonly imports: readonly string[]
  /** Allowed package prefixes besides `node:` built-ins; `*` allows any package. */
  readonly packages: readonly string[]
  /** `node:` modules this layer may not use. */
  readonly builtinsDenied?: readonly string[]
}

export declare const ROOT_DIR: string
export declare const LAYERS: Readonly<Record<string, Layer>>
export declare const ENTRY_FILES: readonly string[]
export declare const ENTRY_IMPORTS_ALLOWED: readonly { from: string; to: string }[]
export declare const EXCEPTIONS: readonly { from: string; to: string; until: string }[]
export declare function layerOf(file: string, srcDir: string): string | undefined
export declare function layerViolation(
  file: string,
  specifier: string,
  rootDir?: string
): string | undefined
export declare const layersRule: Rule.RuleModule
export declare const layersConfig: Linter.Config & {
  plugins: Record<string, ESLint.Plugin>
}
