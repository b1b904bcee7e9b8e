import type { DocumentEvidence } from "../evidence/extract.js";
import type { RunRecord } from "../negotiation/tournament.js";
import type { PeopleOf, ScenarioInput, SimulationEntry, Store, StoreAddress } from "./store.js";
import { Workspace } from "./workspace.js";

/** The embedded store: the SQLite workspace (WAL, one transaction per write) behind the shared interface. */
export class SqliteStore implements Store {
  readonly kind = "sqlite";
  readonly ws: Workspace;
  readonly address: StoreAddress;

  constructor(file: string) {
    this.ws = new Workspace(file, "write");
    this.address = { kind: "sqlite", file };
  }

  async addDocument(e: DocumentEvidence, duplicateOf: string | null = null, people: readonly string[] = []) {
    return this.ws.addDocument(e, duplicateOf, people);
  }
  async hasDocument(id: string) {
    return this.ws.hasDocument(id);
  }
  async documents() {
    return this.ws.documents();
  }
  async document(id: string) {
    return this.ws.document(id);
  }
  async documentPage(offset: number, limit: number) {
    return this.ws.documentPage(offset, limit);
  }
  async documentIndex() {
    return this.ws.documentIndex();
  }
  async evidenceCount(id: string) {
    return this.ws.evidenceCount(id);
  }
  async evidence(id: string) {
    return this.ws.evidence(id);
  }
  async storedPeople(compute: PeopleOf) {
    const missing = this.ws.documentsWithoutPeople();
    if (missing.length) {
      const names = await compute(missing);
      this.ws.setPeople(missing.map((d, i) => [d.id, names[i] ?? []]));
    }
    return this.ws.people();
  }
  async createScenario(s: ScenarioInput) {
    return this.ws.createScenario(s);
  }
  async putScenario(s: ScenarioInput) {
    return this.ws.putScenario(s);
  }
  async documentsVersion() {
    return this.ws.documentsVersion();
  }
  async scenarioVersion(id: string) {
    return this.ws.scenarioVersion(id);
  }
  async scenario(id: string) {
    return this.ws.scenario(id);
  }
  async scenarios() {
    return this.ws.scenarios();
  }
  async addSimulation(s: SimulationEntry) {
    this.ws.addSimulation(s);
  }
  async simulations(scenario: string) {
    return this.ws.simulations(scenario);
  }
  async openTournament(id: string, config: unknown) {
    return this.ws.openTournament(id, config);
  }
  async addRuns(id: string, records: readonly RunRecord[]) {
    this.ws.addRuns(id, records);
  }
  async runs(id: string) {
    return this.ws.runs(id);
  }
  async tournaments() {
    return this.ws.tournaments();
  }
  async close() {
    this.ws.close();
  }
}
