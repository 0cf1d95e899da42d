import type { Phase } from '../model';

/** The French word a treasurer uses for each stage of a budget figure, as import messages say it. */
export const PHASE_WORDS: Record<Phase, string> = {
  original: 'prévu (primitif)',
  revised: 'prévu (définitif)',
  change: 'modifications',
  committed: 'engagé',
  liquidated: 'liquidé',
  ordered: 'mandaté',
  paid: 'payé',
  assessed: 'émis',
  collected: 'recouvré',
  executed: 'exécuté',
  remaining: 'reste',
};
