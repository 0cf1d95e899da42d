/**
 * The first index each text was seen at, in an open-addressing table of typed arrays. A
 * `Map` of a million distinct codes costs about a second to grow; this costs a tenth of that,
 * and nearly all codes of a budget are distinct.
 */
export class FirstSeen {
  // Per slot, the entry (index in texts, -1 when free) then its text's hash, side by side so
  // that one probe reads one cache line, and a probe that meets another text nearly always
  // stops at its hash without comparing two strings that share their first digits.
  private readonly slots: Int32Array;
  private readonly texts: string[] = [];
  private readonly indices: number[] = [];
  private readonly mask: number;

  /** `capacity`: how many texts may be recorded at most. */
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 2).fill(-1);
    this.mask = size - 1;
  }

  /** The index `text` was first seen at, or -1 after recording `index` as its first. */
  firstOf(text: string, index: number): number {
    const hash = hashOf(text) | 0;
    let slot = hash & this.mask;
    for (;;) {
      const entry = this.slots[2 * slot] as number;
      if (entry === -1) break;
      if (this.slots[2 * slot + 1] === hash && this.texts[entry] === text) {
        return this.indices[entry] as number;
      }
      slot = (slot + 1) & this.mask;
    }
    this.slots[2 * slot] = this.texts.length;
    this.slots[2 * slot + 1] = hash;
    this.texts.push(text);
    this.indices.push(index);
    return -1;
  }
}

/** FNV-1a over the UTF-16 units, then mixed so that codes in sequence spread over the table. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
