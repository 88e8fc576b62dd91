/** What other features may use of the corrections: the export and import of the reading list carry them. */
export { loadAllCorrections, mergeCorrections, type Correction, type CorrectionMerge } from './store';
