import { InputError } from "../../errors.js";
import type { Mediator, MediatorKind } from "../mediator.js";
import { HillClimbingMediator } from "./hill-climber.js";
import { ShuttleMediator } from "./shuttle.js";

export const MEDIATORS: readonly MediatorKind[] = [
  {
    name: "shuttle",
    description: "moves the text one issue towards each objecting party in turn",
    create: () => new ShuttleMediator(),
  },
  {
    name: "hill-climber",
    description: "random one-issue mutations, kept when no fewer parties accept (Klein et al. 2003)",
    create: () => new HillClimbingMediator(),
  },
];

export function createMediator(name: string): Mediator {
  const kind = MEDIATORS.find((m) => m.name === name.trim().toLowerCase());
  if (!kind)
    throw new InputError([
      {
        code: "mediator.unknown",
        message: `unknown mediator "${name}"`,
        hint: `known mediators: ${MEDIATORS.map((m) => m.name).join(", ")}`,
      },
    ]);
  return kind.create();
}
