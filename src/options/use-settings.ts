/** Preact hook: the current settings, kept live (another tab or the popup may change them), and a save function. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { QuotaError } from '../shared/storage';
import { loadSettings, onSettingsChanged, resetSettings, updateSettings, type Settings } from '../shared/settings';

export interface SettingsHandle {
  settings: Settings | null;
  /** Merge a change and save it; resolves to an error message, or null once saved. */
  save(change: Partial<Settings>): Promise<string | null>;
  reset(): Promise<string | null>;
}

function describe(error: unknown): string {
  if (error instanceof QuotaError) return 'Not saved: the browser’s sync storage is full. Remove some muted words or sites.';
  return `Not saved: ${error instanceof Error ? error.message : String(error)}`;
}

export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void loadSettings().then((loaded) => live && setSettings(loaded));
    const stop = onSettingsChanged((next) => live && setSettings(next));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const save = useCallback(async (change: Partial<Settings>) => {
    try {
      setSettings(await updateSettings(change));
      return null;
    } catch (error) {
      return describe(error);
    }
  }, []);
  const reset = useCallback(async () => {
    try {
      setSettings(await resetSettings());
      return null;
    } catch (error) {
      return describe(error);
    }
  }, []);
  return { settings, save, reset };
}
