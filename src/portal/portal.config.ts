/** Settings of the portal, from the environment (documented in README.md). */
export interface PortalConfig {
  /** How often each instance writes its buffered view counts (ms). PORTAL_VIEW_FLUSH_MS. */
  viewFlushMs: number;
  /** How often scheduled articles are published (ms). PORTAL_PUBLISH_CHECK_MS. */
  publishCheckMs: number;
  /** How often each instance checks whether another one changed articles (ms). PORTAL_CACHE_CHECK_MS. */
  cacheCheckMs: number;
  /** Absolute base URL for canonical links and feeds, e.g. https://tuson.example.vn. PUBLIC_BASE_URL. */
  publicBaseUrl: string | null;
  /** The portal's name in page titles and feeds. PORTAL_SITE_NAME. */
  siteName: string;
}

function ms(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 50)
    throw new Error(`${name} must be an integer ≥ 50, got "${raw}"`);
  return value;
}

export function readPortalConfig(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  const base = env.PUBLIC_BASE_URL?.trim();
  return {
    viewFlushMs: ms(env, 'PORTAL_VIEW_FLUSH_MS', 3000),
    publishCheckMs: ms(env, 'PORTAL_PUBLISH_CHECK_MS', 15_000),
    cacheCheckMs: ms(env, 'PORTAL_CACHE_CHECK_MS', 2000),
    publicBaseUrl: base ? base.replace(/\/+$/, '') : null,
    siteName: env.PORTAL_SITE_NAME?.trim() || 'Cổng thông tin Giao Ban',
  };
}
