/**
 * Stable ids derived from data, never random: the same people give the same id on every run
 * and in every host, so tabs and logs find their pair again after renames.
 */
export function stableHash(text: string): string {
  // FNV-1a, 64-bit, in two 32-bit halves (no BigInt needed in Apps Script's V8 either).
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    low ^= text.charCodeAt(i);
    // Multiply by the FNV prime 0x100000001b3 = 2^40 + 0x1b3.
    const lowTimes = low * 0x1b3;
    const carry = Math.floor(lowTimes / 0x100000000);
    const newLow = lowTimes >>> 0;
    high = (high * 0x1b3 + carry + ((low << 8) >>> 0)) >>> 0;
    low = newLow;
  }
  return high.toString(36).padStart(7, "0") + low.toString(36).padStart(7, "0");
}

/** A pair's id: mentee and mentor identities, order-sensitive (mentee first). */
export function pairId(menteeId: string, mentorId: string): string {
  return `p-${stableHash(`${menteeId}\u0000${mentorId}`)}`;
}

/** A mentee's team id, for programs that give a mentee several mentors. */
export function teamId(menteeId: string): string {
  return `t-${stableHash(menteeId)}`;
}
