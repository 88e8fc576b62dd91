/** Options: put every setting back to its default (after a confirmation); enabled sites and saved items are kept. */
import { useState } from 'preact/hooks';
import { Section } from './Section';

export function ResetSection({ reset }: { reset(): void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Section
      id="reset"
      title="Reset"
      description="Sets every option above back to its default. Your saved comments, glossary terms and enabled sites stay."
    >
      {confirming ? (
        <div className="row" role="group" aria-label="Confirm reset">
          <button
            type="button"
            data-action="confirm-reset"
            onClick={() => {
              setConfirming(false);
              reset();
            }}
          >
            Yes, reset to defaults
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" data-action="reset" onClick={() => setConfirming(true)}>
          Reset to defaults
        </button>
      )}
    </Section>
  );
}
