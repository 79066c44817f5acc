/** How a reader wants to hear about new stories. */
export const ALERT_MODES = ["instant", "digest", "off"] as const;
export type AlertMode = (typeof ALERT_MODES)[number];
