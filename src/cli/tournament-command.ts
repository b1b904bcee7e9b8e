import type { Command } from "commander";
export function registerTournament(_program: Command): void {}
