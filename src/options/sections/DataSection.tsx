/** Options: export everything (saved items and settings) to a JSON file, and import one, merging, with a summary. */
import { useRef, useState } from 'preact/hooks';
import { Section } from './Section';

export interface DataTransfer {
  exportAll(): Promise<Blob | string>;
  /** Merge an export into what is stored; resolves to a short human summary. */
  importMerge(text: string): Promise<string>;
}

function download(content: Blob | string, name: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type: 'application/json' }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DataSection({ transfer }: { transfer: DataTransfer }) {
  const [message, setMessage] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const date = new Date().toISOString().slice(0, 10);
  return (
    <Section id="data" title="Export and import" description="Import merges with what you have: nothing is replaced or lost.">
      <div className="row">
        <button
          type="button"
          onClick={() =>
            void transfer
              .exportAll()
              .then((content) => {
                download(content, `threadline-${date}.json`);
                setMessage('Exported.');
              })
              .catch((error: unknown) => setMessage(`Export failed: ${String(error)}`))
          }
        >
          Export to a file
        </button>
        <label className="file">
          <span>Import a file</span>
          <input
            ref={fileInput}
            type="file"
            name="import"
            accept="application/json,.json"
            onChange={async (event) => {
              const file = event.currentTarget.files?.[0];
              if (!file) return;
              try {
                setMessage(await transfer.importMerge(await file.text()));
              } catch (error) {
                setMessage(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
              } finally {
                if (fileInput.current) fileInput.current.value = '';
              }
            }}
          />
        </label>
      </div>
      <p className="status" role="status" data-status="data">
        {message}
      </p>
    </Section>
  );
}
