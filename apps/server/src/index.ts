// The public API of @seam/server: start the server; run it in the foreground as `seam serve` and `npm start` do.
export { defaultWebDist, startServer, type RunningServer, type ServerOptions } from './start-server.js';
export { runServer, type RunServerOptions } from './run-server.js';
export { createServerLogger, type ServerLogger } from './server-logger.js';
export { catalogJson, type CatalogEntry } from './catalog-json.js';
