import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root (this file sits in test/ or dist/test/). */
export const ROOT = resolve(
  dirname(fileURLToPath(import.meta.url)),
  fileURLToPath(import.meta.url).includes("/dist/") ? "../.." : "..",
);

/** `../shared` beside the checkout, or where PARLEY_SHARED points. */
export const SHARED = resolve(process.env["PARLEY_SHARED"] ?? join(ROOT, "..", "shared"));
if (!existsSync(join(SHARED, "scenarios", "genius")))
  throw new Error(`shared data not found at ${SHARED}: put shared/ beside the checkout or set PARLEY_SHARED`);

export interface GeniusCase {
  readonly name: string;
  readonly domain: string;
  readonly profiles: readonly string[];
}

const g = (name: string, domain: string, profiles: string[]): GeniusCase => ({
  name,
  domain: join(SHARED, "scenarios", "genius", name, domain),
  profiles: profiles.map((p) => join(SHARED, "scenarios", "genius", name, p)),
});

/** Every linear-additive GENIUS domain of the shared set (10issues is non-linear). */
export const GENIUS: Record<string, GeniusCase> = {
  LaptopC: g("LaptopC", "Laptop-C-domain.xml", ["Laptop-C-prof1.xml", "Laptop-C-prof2.xml"]),
  ItexvsCypress: g("ItexvsCypress", "ItexvsCypress_domain.xml", [
    "ItexvsCypress_Itex.xml",
    "ItexvsCypress_Cypress.xml",
  ]),
  EnglandZimbabwe: g("EnglandZimbabwe", "EnglandZimbabwe_domain.xml", ["England.xml", "Zimbabwe.xml"]),
  CameraB: g("CameraB", "Camera-B-domain.xml", ["Camera-B-prof1.xml", "Camera-B-prof2.xml"]),
  partydomain: g("partydomain", "party_domain.xml", ["party1_utility.xml", "party2_utility.xml", "party3_utility.xml"]),
  "group2-politics": g("group2-politics", "Politics.xml", [
    "Politics_util1.xml",
    "Politics_util2.xml",
    "Politics_util3.xml",
  ]),
  Travel: g("Travel", "travel_domain.xml", ["travel_chox.xml", "travel_fanny.xml"]),
  "group9-killer_robot": g(
    "group9-killer_robot",
    "KillerRobot.xml",
    [1, 2, 3, 4, 5].map((i) => `KillerRobot_util${i}.xml`),
  ),
  Energy: g("Energy", "energy_domain.xml", ["energy_consumer.xml", "energy_distributor.xml"]),
  SON: g("SON", "son_domain.xml", ["son_buyer.xml", "son_seller.xml"]),
};

export const NONLINEAR = g("10issues", "10issues-domain.xml", ["profile-1.xml", "profile-2.xml"]);

/** The `parley` command as users run it (the bundled CLI that `npm run build` writes). */
export const CLI = join(ROOT, "dist", "cli", "main.js");

/** The case shipped with Parley (`npm start` serves it). */
export const MOSCOW_CASE = join(ROOT, "cases", "moscow-2025-12");
