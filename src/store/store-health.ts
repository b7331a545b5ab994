/** Readiness of the store: what /readyz asks before saying the bot can serve. */
export interface StoreHealth {
  /** Resolves when the store answers, takes writes and its schema is fully migrated; rejects saying why otherwise. */
  ping(): Promise<void>;
}
