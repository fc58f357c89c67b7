import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { API_PREFIX } from './bootstrap';

/**
 * Serves the built portal at `/`: its files as they are (hashed bundles cached for a year), and `index.html` for
 * every other page address so that the portal's own router can take it. Paths under `/api` are never touched, so
 * an unknown API route stays a JSON 404 and API errors keep their status.
 *
 * @returns whether a built portal was found
 */
export function servePortal(app: NestExpressApplication, portalDir: string): boolean {
  const index = join(portalDir, 'index.html');
  if (!existsSync(index)) return false;
  const isApi = (path: string) => path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`);
  const files = express.static(portalDir, {
    index: false,
    setHeaders: (res, path) => {
      const hashed = /-[A-Z0-9]{8}\.(js|css)$/.test(path);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Mounted before Nest's routes (which are added when the app starts), so an API request is let through at once:
  // express.static would look for the path on disk first, a file system call on every API request.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApi(req.path)) return next();
    files(req, res, (error?: unknown) => {
      if (error) return next(error);
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
  return true;
}
