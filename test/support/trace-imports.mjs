// `node --import ./test/support/trace-imports.mjs SCRIPT`: writes every module URL the process
// loads to the file named by PARLEY_TRACE_IMPORTS, one per line, when it exits.

import { writeFileSync } from "node:fs";
import { register } from "node:module";
import { MessageChannel } from "node:worker_threads";

const urls = [];
const { port1, port2 } = new MessageChannel();
port1.on("message", (url) => urls.push(url));
port1.unref();
const hooks = `
let port;
export function initialize(data) { port = data.port; }
export async function load(url, context, next) { port.postMessage(url); return next(url, context); }
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });
process.on("exit", () => writeFileSync(process.env.PARLEY_TRACE_IMPORTS, `${urls.join("\n")}\n`));
