/** Options: export everything (saved items and settings) to a JSON file, and import one, merging, with a summary. */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
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
    <Section id="data" title={t('options_data_title')} description={t('options_data_description')}>
      <div className="row">
        <button
          type="button"
          onClick={() =>
            void transfer
              .exportAll()
              .then((content) => {
                download(content, `threadline-${date}.json`);
                setMessage(t('options_data_exported'));
              })
              .catch((error: unknown) => setMessage(t('options_data_export_failed', String(error))))
          }
        >
          {t('options_data_export')}
        </button>
        <label className="file">
          <span>{t('options_data_import')}</span>
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
                setMessage(t('options_data_import_failed', error instanceof Error ? error.message : String(error)));
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
