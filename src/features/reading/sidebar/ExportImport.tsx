/** Export the reading list and settings to a JSON file, or merge one in, with the summary or the error in words. */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { describeImport, exportAll, exportFileName, ImportError, importMerge } from '../export-import';

export function ExportImport() {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean; details?: string[] } | null>(null);

  const download = async () => {
    try {
      const text = await exportAll();
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = exportFileName();
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ text: t('reading_exported'), error: false });
    } catch (error) {
      setMessage({ text: t('reading_export_failed', error instanceof Error ? error.message : String(error)), error: true });
    }
  };

  const chosen = async () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    try {
      const summary = await importMerge(await file.text());
      setMessage({ text: describeImport(summary), error: false, details: summary.problems });
    } catch (error) {
      setMessage({ text: error instanceof ImportError ? error.message : t('reading_import_failed', String(error)), error: true });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="export-import">
      <div className="row">
        <button type="button" data-reading-action="export" onClick={() => void download()}>
          {t('reading_export')}
        </button>
        <button type="button" data-reading-action="import" onClick={() => input.current?.click()}>
          {t('reading_import')}
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          data-reading-import
          hidden
          onChange={() => void chosen()}
          aria-label={t('reading_import_label')}
        />
      </div>
      {message && (
        <div className={`reading-message${message.error ? ' is-error' : ''}`} role={message.error ? 'alert' : 'status'} data-reading-import-result>
          <p>{message.text}</p>
          {message.details && message.details.length > 0 && (
            <ul>
              {message.details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
