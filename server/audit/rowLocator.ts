import { createHash } from 'node:crypto';

/**
 * What an anchor keeps, besides the head hash, to name the edited row when someone rewrites a
 * row and recomputes every hash after it. The head hash then only says "something before me
 * changed"; these digests say which row, for a single edited row:
 *
 *   leaf(n) = sha256(canonical JSON of row n)      (the row's own content, not chained)
 *   all     = XOR of every leaf up to the anchor's seq
 *   bits[b] = XOR of the leaves of rows whose seq has bit b set
 *
 * Rewriting row n changes `all` and exactly the `bits[b]` of n's set bits, by the same amount,
 * so the differences spell n in binary. Several edited rows do not spell one number; then the
 * verifier falls back to the last anchor that matched. Detection never rests on these XORs
 * (an attacker could steer them); it rests on the head hash, as before. Updating is O(log seq)
 * per row and the state is ~log2(seq) hashes, so anchors can be extended without re-reading
 * the trail.
 */
export interface RowLocator {
  all: string;
  bits: string[];
}

const ZERO = () => Buffer.alloc(32);

export function leafOf(canonical: string): Buffer {
  return createHash('sha256').update(canonical).digest();
}

function xorInto(target: Buffer, value: Buffer): void {
  for (let i = 0; i < 32; i++) target[i] = (target[i] ?? 0) ^ (value[i] ?? 0);
}

export class LocatorState {
  private readonly all: Buffer;
  private readonly bits: Buffer[];

  constructor(from?: RowLocator) {
    this.all = from ? Buffer.from(from.all, 'hex') : ZERO();
    this.bits = from ? from.bits.map((b) => Buffer.from(b, 'hex')) : [];
  }

  add(seq: number, leaf: Buffer): void {
    xorInto(this.all, leaf);
    for (let b = 0, rest = seq; rest > 0; b++, rest = Math.floor(rest / 2)) {
      if (rest % 2 === 0) continue;
      let bucket = this.bits[b];
      if (!bucket) {
        for (let i = this.bits.length; i <= b; i++) this.bits.push(ZERO());
        bucket = this.bits[b] as Buffer;
      }
      xorInto(bucket, leaf);
    }
  }

  snapshot(): RowLocator {
    return { all: this.all.toString('hex'), bits: this.bits.map((b) => b.toString('hex')) };
  }
}

/** The one row whose content differs between the two, or null when it is not a single row. */
export function locateEditedRow(anchored: RowLocator, current: RowLocator): number | null {
  const diff = (a: string | undefined, b: string | undefined) => {
    const out = Buffer.from(a ?? '0'.repeat(64), 'hex');
    xorInto(out, Buffer.from(b ?? '0'.repeat(64), 'hex'));
    return out;
  };
  const total = diff(anchored.all, current.all);
  if (total.equals(ZERO())) return null;
  let seq = 0;
  const width = Math.max(anchored.bits.length, current.bits.length);
  for (let b = 0; b < width; b++) {
    const d = diff(anchored.bits[b], current.bits[b]);
    if (d.equals(total)) seq += 2 ** b;
    else if (!d.equals(ZERO())) return null;
  }
  return seq > 0 ? seq : null;
}

export function isRowLocator(value: unknown): value is RowLocator {
  const v = value as Partial<RowLocator> | null;
  const hex = (s: unknown) => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);
  return !!v && hex(v.all) && Array.isArray(v.bits) && v.bits.length <= 53 && v.bits.every(hex);
}
