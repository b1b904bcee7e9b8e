import { availableParallelism } from "node:os";
import type { FastifyInstance } from "fastify";
import { InputError } from "../errors.js";
import { loadFollowSources } from "../formats/follow-file.js";
import { openStoreAt, storeAddress, storeLocation } from "../store/open-store.js";
import type { Store } from "../store/store.js";
import { buildApp } from "./app.js";
import { CaseFollower } from "./case-follower.js";
import type { ServerContext } from "./context.js";
import { HeavyWork } from "./heavy-work.js";
import { Jobs } from "./jobs.js";
import { limitsFromEnvironment } from "./limits.js";
import { caseIdOf, openCase, readCaseFile } from "./open-case.js";
import { originPolicy } from "./request-origin.js";

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly db?: string;
  /** A case folder to open on start (scenario.yaml + corpus/), or none. */
  readonly caseDir?: string;
  readonly token?: string;
  /** Threads for heavy work (analysis, ingest); default: cores − 1, at least 1. */
  readonly threads?: number;
  readonly redis?: string;
  readonly log?: (line: string) => void;
  readonly logger?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly store: Store;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** A workspace server ready to answer (`app.inject` answers without a socket), not yet listening. */
export interface OpenServer {
  readonly app: FastifyInstance;
  readonly ctx: ServerContext;
  close(): Promise<void>;
}

/** The store, the pool, the case and the app: everything but the listening socket. */
export async function openServer(o: Omit<ServeOptions, "host" | "port"> & { host?: string }): Promise<OpenServer> {
  if (o.host !== undefined && !o.host.trim())
    throw new InputError([
      {
        code: "serve.host",
        field: "--host",
        message: "the address to listen on is empty",
        hint: "give an address of this machine, e.g. --host 127.0.0.1 (or leave HOST unset)",
      },
    ]);
  if (o.host !== undefined && !LOOPBACK.has(o.host) && !o.token)
    throw new InputError([
      {
        code: "serve.token",
        field: "--host",
        message: `listening on ${o.host} (beyond this machine) needs a token for writes`,
        hint: "set PARLEY_TOKEN to a long random secret, or listen on 127.0.0.1",
      },
    ]);
  const log = o.log ?? (() => undefined);
  const cores = availableParallelism();
  const address = storeAddress(o.db);
  const store = await openStoreAt(address);
  // The case's knowledge goes with every task: its evidence is read with the case's watch list and names.
  const caseFile = o.caseDir ? readCaseFile(o.caseDir) : undefined;
  const limits = limitsFromEnvironment();
  const work = new HeavyWork(o.threads ?? Math.max(1, cores - 1), caseFile, {
    perClient: limits.queuePerClient,
    queue: limits.queue,
  });
  const ctx: ServerContext = {
    store,
    address,
    work,
    jobs: new Jobs(),
    limits,
    tournamentWorkers: Math.max(1, Math.min(cores - 1, 4)),
    ...(o.caseDir ? { caseId: caseIdOf(o.caseDir) } : {}),
    ...(o.redis ? { redis: o.redis } : {}),
  };
  const closeAll = async () => {
    ctx.follower?.close();
    await work.close();
    await store.close();
  };
  try {
    if (o.caseDir) {
      const c = await openCase(ctx, o.caseDir);
      log(
        `case ${c.id}: ${c.stored ? `${c.stored} document(s) stored` : "documents stored already"}; scenario ${c.created ? "loaded" : "kept as it is in the workspace"}`,
      );
      const follower = new CaseFollower(ctx, c.id, loadFollowSources(o.caseDir), caseFile);
      ctx.follower = follower;
      await follower.start();
      const followed = follower.sources.feeds.length + follower.sources.folders.length;
      if (followed)
        log(
          `case ${c.id}: following ${follower.sources.feeds.length} feed(s) and ${follower.sources.folders.length} folder(s)`,
        );
    }
    const app = await buildApp(ctx, {
      ...(o.token ? { token: o.token } : {}),
      ...(o.logger ? { logger: true } : {}),
      origins: originPolicy(o.host ?? "127.0.0.1"),
    });
    return {
      app,
      ctx,
      close: async () => {
        await app.close();
        await closeAll();
      },
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

/** Starts the workspace server: the store, the pool, the case, then the listening socket. */
export async function serve(o: ServeOptions): Promise<RunningServer> {
  const server = await openServer(o);
  const { app, ctx } = server;
  try {
    try {
      await app.listen({ host: o.host, port: o.port });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE")
        throw new InputError([
          {
            code: "serve.port",
            field: "--port",
            message: `port ${o.port} on ${o.host} is in use (another Parley server?)`,
            hint: "stop it, or give another --port (PORT)",
          },
        ]);
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
        throw new InputError([
          {
            code: "serve.host",
            field: "--host",
            message: `cannot listen on ${o.host}`,
            hint: "give an address of this machine (HOST), e.g. 127.0.0.1",
          },
        ]);
      throw e;
    }
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : o.port;
    const url = `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${port}`;
    (o.log ?? (() => undefined))(`workspace ${storeLocation(o.db)} (${ctx.store.kind})`);
    return { url, store: ctx.store, close: () => server.close() };
  } catch (e) {
    await server.close();
    throw e;
  }
}
