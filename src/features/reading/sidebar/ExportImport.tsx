/** Export the reading list and settings to a JSON file, or merge one in, with the summary or the error in words. */
import { useRef, useState } from 'preact/hooks';
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
      setMessage({ text: 'Exported your saved items and settings.', error: false });
    } catch (error) {
      setMessage({ text: `Could not export: ${error instanceof Error ? error.message : String(error)}`, error: true });
    }
  };

  const chosen = async () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    try {
      const summary = await importMerge(await file.text());
      setMessage({ text: describeImport(summary), error: false, details: summary.problems });
    } catch (error) {
      setMessage({ text: error instanceof ImportError ? error.message : `Could not import: ${String(error)}`, error: true });
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="export-import">
      <div className="row">
        <button type="button" data-reading-action="export" onClick={() => void download()}>
          Export…
        </button>
        <button type="button" data-reading-action="import" onClick={() => input.current?.click()}>
          Import…
        </button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          data-reading-import
          hidden
          onChange={() => void chosen()}
          aria-label="Import a Threadline export file"
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
