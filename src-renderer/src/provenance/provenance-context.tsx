import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ProvenanceDialog } from './ProvenanceDialog';

/** The figure whose origin is asked for: a line's amount, or a total of the budget. */
export interface ProvenanceTarget {
  budgetId: number;
  /** What the figure is, as the screen named it ("Exécuté — 7011 Impôts…"). */
  title: string;
  /** The line it belongs to; absent for a total. */
  lineId?: number;
}

const OpenContext = createContext<((target: ProvenanceTarget) => void) | null>(null);

/** Holds the one provenance dialog of the window; any figure can ask it to open. */
export function ProvenanceProvider({ children }: { children: ReactNode }) {
  const [target, setTarget] = useState<ProvenanceTarget | null>(null);
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const open = useCallback((next: ProvenanceTarget) => {
    setOpener(document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setTarget(next);
  }, []);
  const close = useCallback(() => {
    setTarget(null);
    // Focus goes back where the question was asked, so the keyboard user keeps their place.
    opener?.focus();
  }, [opener]);
  const value = useMemo(() => open, [open]);

  return (
    <OpenContext.Provider value={value}>
      {children}
      {target && <ProvenanceDialog target={target} onClose={close} />}
    </OpenContext.Provider>
  );
}

export function useProvenance(): (target: ProvenanceTarget) => void {
  const open = useContext(OpenContext);
  if (!open) throw new Error('useProvenance needs a ProvenanceProvider above it');
  return open;
}
