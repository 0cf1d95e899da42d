import type { Messages } from './messages';

/** Number and date formatting for reports, in the report's language. */
export interface Formatter {
  /** An amount in minor units as the currency's major units, grouped ("52 393 467 652"). */
  amount(minor: number | null): string;
  /** The same with the currency code ("52 393 467 652 GNF"). */
  money(minor: number | null): string;
  /** A compact amount for chart axes ("52 Md", "1,2 M"). */
  compact(major: number): string;
  /** A rate in percent with one decimal ("63,5 %"); a dash when undefined. */
  rate(percent: number | null): string;
  /** A plain count or integer ("1 500"). */
  integer(n: number): string;
  /** A calendar date in words, read in UTC so that it does not depend on the machine. */
  date(iso: string): string;
  /** A date and time, UTC, for the provenance annex. */
  dateTime(iso: string): string;
}

const DASH = '–';

export function createFormatter(m: Messages, currency: string, exponent: number): Formatter {
  const scale = 10 ** exponent;
  const amountFormat = new Intl.NumberFormat(m.locale, {
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  const compactFormat = new Intl.NumberFormat(m.locale, {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const rateFormat = new Intl.NumberFormat(m.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const integerFormat = new Intl.NumberFormat(m.locale, { maximumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat(m.locale, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(m.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  // French puts a no-break space before the percent sign, English none.
  const percentSuffix = m.locale.startsWith('fr') ? '\u00a0%' : '%';

  const amount = (minor: number | null) =>
    minor === null ? DASH : amountFormat.format(minor / scale);

  return {
    amount,
    money: (minor) => (minor === null ? DASH : `${amount(minor)}\u00a0${currency}`),
    compact: (major) => compactFormat.format(major),
    rate: (percent) =>
      percent === null || !Number.isFinite(percent)
        ? DASH
        : `${rateFormat.format(percent)}${percentSuffix}`,
    integer: (n) => integerFormat.format(n),
    date: (iso) => dateFormat.format(new Date(iso)),
    dateTime: (iso) => `${dateTimeFormat.format(new Date(iso))} UTC`,
  };
}
