import type { Rule } from './context';
import { revisedChangeMismatch, largeRevision, statedRateMismatch } from './arithmetic';
import { imbalance, transferMismatch } from './balance';
import { duplicateLine, repeatedAmount } from './duplicates';
import { lowExecution, overExecution, unbudgetedExecution, zeroExecution } from './execution';
import { revenueShortfall } from './revenue-shortfall';
import { benfordFirstDigit, benfordFirstTwoDigits, outlierRate, roundAmounts } from './statistics';
import { subtotalMismatch } from './subtotal-mismatch';

/** Every rule that judges one budget, in the order their flags are listed. */
export const RULES: readonly Rule[] = [
  overExecution,
  unbudgetedExecution,
  zeroExecution,
  lowExecution,
  revenueShortfall,
  subtotalMismatch,
  statedRateMismatch,
  revisedChangeMismatch,
  imbalance,
  transferMismatch,
  duplicateLine,
  repeatedAmount,
  largeRevision,
  outlierRate,
  roundAmounts,
  benfordFirstDigit,
  benfordFirstTwoDigits,
];

export const RULE_IDS = RULES.map((rule) => rule.id);
