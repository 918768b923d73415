/**
 * Where the content script runs and what the extension may read tab URLs of: the demo portals on
 * loopback. A real EPD portal is added as an adapter on the server and its host here.
 */
export const portalHosts = ["http://127.0.0.1/*", "http://localhost/*"];
