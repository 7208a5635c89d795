// The export's link is sized before the grant, from the provisioned size at a cautious rate (the used bytes are
// only known once the link exists and the page ranges are listed). When the transfer turns out slower than the
// link allows, we ask for a new link shortly before the old one runs out, rather than letting every request in
// flight hit 403 at the expiry and renewing then (lost bytes, a burst of retries, and a moment with no link).

export interface AccessWindow {
  /** When the current link was asked for (ms since epoch). */
  readonly grantedAtMs: number;
  /** When it stops working (ms since epoch). */
  readonly expiresAtMs: number;
}

export interface RenewalSituation {
  readonly nowMs: number;
  readonly window: AccessWindow;
  readonly bytesRemaining: number;
  /** Measured throughput; 0 while unknown. */
  readonly bytesPerSecond: number;
}

/** The last part of a link's life in which a renewal is asked for: a minute, or half a short link. */
export function renewalLeadMs(window: AccessWindow): number {
  return Math.min(60_000, (window.expiresAtMs - window.grantedAtMs) / 2);
}

/** True when the link ends within its renewal lead and the rest of the transfer would outlast it. */
export function shouldRenewLinkEarly(s: RenewalSituation): boolean {
  const leftMs = s.window.expiresAtMs - s.nowMs;
  if (s.bytesRemaining <= 0 || leftMs > renewalLeadMs(s.window)) return false;
  if (s.bytesPerSecond <= 0) return true; // no measurement yet and the link is about to end: renew
  return (s.bytesRemaining / s.bytesPerSecond) * 1000 > leftMs;
}
