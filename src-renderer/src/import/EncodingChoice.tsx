import type { ImportPreview } from '../../../src-shared/model';
import { visibleText } from '../format';
import { useLanguage } from '../shell/language';

/**
 * The encodings offered, as WHATWG labels the reader's TextDecoder takes. Browsers and Node
 * read ISO-8859-1 as Windows-1252 (its superset), so the preview then reports Windows-1252.
 */
const ENCODINGS = [
  { value: 'utf-8', name: 'UTF-8' },
  { value: 'windows-1252', name: 'Windows-1252' },
  { value: 'macintosh', name: 'Mac Roman' },
  { value: 'utf-16le', name: 'UTF-16 LE' },
  { value: 'utf-16be', name: 'UTF-16 BE' },
  { value: 'iso-8859-1', name: 'ISO-8859-1' },
];
const SHOWN_LABELS = 5;

const nameOf = (encoding: string) => ENCODINGS.find((e) => e.value === encoding)?.name ?? encoding;

interface Props {
  preview: ImportPreview;
  /** The encoding asked for, or undefined when the reader guesses. */
  chosen: string | undefined;
  /** True when `chosen` came from an earlier preview of a file of the same name. */
  remembered: boolean;
  busy: boolean;
  onChange(encoding: string | undefined): void;
}

/** How a text file was decoded, with a few of its labels, so that wrong accents show at once. */
export function EncodingChoice({ preview, chosen, remembered, busy, onChange }: Props) {
  const { t } = useLanguage();
  const { encoding, delimiter } = preview.file;
  const labels = [...new Set(preview.rows.map((r) => r.label?.trim() ?? '').filter(Boolean))];
  const delimiterName = delimiter === '\t' ? t('import.delimiterTab') : `« ${delimiter ?? ''} »`;

  // The fieldset shares the look of the import target above it: one bordered row of blocks.
  return (
    <fieldset className="import-target encoding-choice">
      <legend>{t('import.textReading')}</legend>
      <div>
        <p className="encoding-read">
          {t('import.encodingRead', { encoding: encoding ? nameOf(encoding) : t('common.none') })}
          {delimiter ? ` · ${t('import.delimiterRead', { delimiter: delimiterName })}` : ''}
        </p>
        {labels.length > 0 && (
          <>
            <p>{t('import.sampleLabels')}</p>
            <ul className="sample-labels">
              {labels.slice(0, SHOWN_LABELS).map((label) => (
                <li key={label}>{visibleText(label)}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div>
        <label>
          <span>{t('import.encodingChoice')}</span>
          <select
            name="encoding"
            value={chosen ?? ''}
            disabled={busy}
            onChange={(event) => onChange(event.target.value || undefined)}
          >
            <option value="">{t('import.encodingAuto')}</option>
            {ENCODINGS.map((e) => (
              <option key={e.value} value={e.value}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <p className="encoding-note">
          {chosen
            ? t(remembered ? 'import.encodingRemembered' : 'import.encodingKept', {
                file: visibleText(preview.file.name),
              })
            : t('import.encodingHint')}
        </p>
      </div>
    </fieldset>
  );
}
