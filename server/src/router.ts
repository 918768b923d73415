import { authRouter } from "./auth/router.ts";
import { adaptersRouter } from "./directory/adapters-router.ts";
import { directoryRouter } from "./directory/router.ts";
import { figuresRouter } from "./figures/router.ts";
import { rightsRouter } from "./rights/router.ts";
import { syncRouter } from "./sync/router.ts";
import { publicProcedure, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  sync: syncRouter,
  directory: directoryRouter,
  adapters: adaptersRouter,
  rights: rightsRouter,
  figures: figuresRouter,
  /** Does nothing: the benchmarks measure the framework's own cost with it. */
  ping: publicProcedure.query(() => "pong" as const),
});

/** The extension's and the tests' API type: imported as a type only. */
export type AppRouter = typeof appRouter;
