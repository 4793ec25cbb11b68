import { z } from 'zod';

/**
 * Clicking the expiry notification opens that identity. Main sends the event when a window can receive it and
 * keeps the request until the renderer takes it, so a click that starts or restores the window is not lost.
 */
export const expiryChannels = {
  /** the identity the user last clicked in an expiry notification, handed out once (null: none waiting) */
  'studio:expiry.takeOpenRequest': { args: z.tuple([]) },
} as const;

export const expiryEvents = {
  /** the user clicked an expiry notification: show this identity */
  'studio:expiry.openIdentity': z.strictObject({ id: z.string().uuid() }),
} as const;

export interface ExpiryChannelResults {
  'studio:expiry.takeOpenRequest': { id: string } | null;
}
