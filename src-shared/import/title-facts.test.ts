import { describe, expect, it } from 'vitest';
import { isPlaceholder, readTitleFacts } from './title-facts';

describe('readTitleFacts', () => {
  it.each(['…..........', '________', 'XXXX', '. . . . .', '— -'])(
    'takes the form placeholder %s for no entity name',
    (placeholder) => {
      expect(isPlaceholder(placeholder)).toBe(true);
      expect(readTitleFacts([`Commune : ${placeholder}`]).entity).toBeNull();
    },
  );

  it('reads a real entity name after its word', () => {
    expect(readTitleFacts(['Commune : Kaloum']).entity?.name).toBe('Kaloum');
  });
});
