import type { DocumentEvidence } from "../evidence/extract.js";
import type { RunRecord } from "../negotiation/tournament.js";
import type { Store } from "./store.js";
import { Workspace } from "./workspace.js";

/** The embedded store: the SQLite workspace (WAL, one transaction per write) behind the shared interface. */
export class SqliteStore implements Store {
  readonly kind = "sqlite";
  private readonly ws: Workspace;

  constructor(file: string) {
    this.ws = new Workspace(file, "write");
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
  async evidenceCount(id: string) {
    return this.ws.evidenceCount(id);
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
  async close() {
    this.ws.close();
  }
}
