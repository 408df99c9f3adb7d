/** The parts of a webpack stats JSON that say which source files went into a bundle. */
export interface StatsModule {
  readonly nameForCondition?: string
  readonly modules?: readonly StatsModule[]
}
export interface BundleStats {
  readonly modules?: readonly StatsModule[]
  readonly chunks?: readonly { readonly modules?: readonly StatsModule[] }[]
}

export declare function modulePaths(stats: BundleStats): string[]
export declare function packageDirOf(file: string): string | undefined
export declare function bundledPackageDirs(statsList: readonly BundleStats[]): string[]
export declare function licenseBlock(dir: string): { key: string; text: string }
export declare function licensesText(packageDirs: readonly string[]): string
