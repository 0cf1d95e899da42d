import { RULES } from '../../../src-shared/analysis/rules/registry';
import type { Flag, Severity } from '../../../src-shared/model';

export interface FlagGroup {
  rule: string;
  severity: Severity;
  flags: Flag[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.id, index]));

/**
 * Flags grouped by rule and severity, worst severity first and then in the registry's order of
 * rules; a rule the registry no longer knows goes last, under its own id.
 */
export function groupFlags(flags: Flag[]): FlagGroup[] {
  const groups = new Map<string, FlagGroup>();
  for (const flag of flags) {
    const key = `${flag.rule}\u0000${flag.severity}`;
    const group = groups.get(key) ?? { rule: flag.rule, severity: flag.severity, flags: [] };
    group.flags.push(flag);
    groups.set(key, group);
  }
  const rank = (rule: string) => RULE_ORDER.get(rule) ?? RULES.length;
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rank(a.rule) - rank(b.rule),
  );
}
