/** Per-post filter state in storage.local, for readers who turn on "remember filters". */
import { normalizeFilterState, type FilterState } from '../../threads/filters';
import { readKey, removeKeys, writeKeys } from '../../shared/storage';

export function rememberedFiltersKey(postKey: string): string {
  return `filters:${postKey}`;
}

export async function loadRememberedFilters(postKey: string): Promise<FilterState | null> {
  const stored = await readKey('local', rememberedFiltersKey(postKey));
  return stored === undefined ? null : normalizeFilterState(stored);
}

export async function saveRememberedFilters(postKey: string, state: FilterState): Promise<void> {
  await writeKeys('local', { [rememberedFiltersKey(postKey)]: { ...state, updatedAt: Date.now() } });
}

export async function forgetRememberedFilters(postKey: string): Promise<void> {
  await removeKeys('local', [rememberedFiltersKey(postKey)]);
}
