/** A running training run writes a heartbeat this often; one silent for the stale time was cut off. */
export const HEARTBEAT_MS = 3000;
export const HEARTBEAT_STALE_MS = 15_000;
