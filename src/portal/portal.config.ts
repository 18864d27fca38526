/** Settings of the portal, read from the environment by src/config.ts (documented in README.md). */
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
