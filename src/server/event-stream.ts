import type { ServerResponse } from "node:http";
import type { FastifyReply } from "fastify";

/** An open Server-Sent Events stream: events as JSON, and the response to end it. */
export interface EventStream {
  send(event: string, data: unknown): void;
  readonly res: ServerResponse;
}

/**
 * Takes the reply over as a Server-Sent Events stream: no caching, kept alive, and not buffered
 * by a proxy in front (nginx's `X-Accel-Buffering`), so each event reaches the client as sent.
 */
export function openEventStream(reply: FastifyReply): EventStream {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  return { res, send: (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`) };
}
