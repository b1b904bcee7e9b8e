import { describe, expect, it } from "vitest";
import { hostName, originPolicy, refusal } from "../../src/server/request-origin.js";

const loopback = originPolicy("127.0.0.1", {});
const code = (p: ReturnType<typeof refusal>) => (p ? `${p.status} ${p.code}` : "allowed");

describe("who may talk to the server", () => {
  it("on loopback, answers only for loopback names (DNS rebinding), reads and writes alike", () => {
    expect(code(refusal("GET", { host: "attacker.example" }, loopback))).toBe("421 request.host");
    expect(code(refusal("GET", { host: "attacker.example:8080" }, loopback))).toBe("421 request.host");
    expect(code(refusal("POST", { host: "rebind.attacker.example:8080" }, loopback))).toBe("421 request.host");
    for (const host of ["127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080"])
      expect(code(refusal("GET", { host }, loopback)), host).toBe("allowed");
    expect(code(refusal("GET", {}, loopback))).toBe("421 request.host");
  });

  it("beyond loopback, any host unless PARLEY_ALLOWED_HOSTS lists them; extra names on loopback too", () => {
    expect(code(refusal("GET", { host: "parley.team.example" }, originPolicy("0.0.0.0", {})))).toBe("allowed");
    const listed = originPolicy("0.0.0.0", { PARLEY_ALLOWED_HOSTS: "parley.team.example" });
    expect(code(refusal("GET", { host: "parley.team.example:443" }, listed))).toBe("allowed");
    expect(code(refusal("GET", { host: "other.example" }, listed))).toBe("421 request.host");
    const named = originPolicy("localhost", { PARLEY_ALLOWED_HOSTS: "my-laptop.local" });
    expect(code(refusal("GET", { host: "my-laptop.local:8080" }, named))).toBe("allowed");
  });

  it("refuses writes another site's page sends: by Origin, or by Sec-Fetch-Site when no Origin is sent", () => {
    const host = "127.0.0.1:8080";
    expect(code(refusal("POST", { host, origin: "http://evil.example" }, loopback))).toBe("403 request.cross-site");
    expect(code(refusal("PUT", { host, origin: "http://127.0.0.1:9999" }, loopback))).toBe("403 request.cross-site");
    expect(code(refusal("POST", { host, origin: "null" }, loopback))).toBe("403 request.cross-site");
    expect(code(refusal("POST", { host, "sec-fetch-site": "cross-site" }, loopback))).toBe("403 request.cross-site");
    expect(code(refusal("POST", { host, "sec-fetch-site": "same-site" }, loopback))).toBe("403 request.cross-site");
    // Reads from other sites are the browser's to block (no CORS headers are sent).
    expect(code(refusal("GET", { host, origin: "http://evil.example" }, loopback))).toBe("allowed");
  });

  it("lets the server's own pages, clients without a browser, and listed origins write", () => {
    const host = "127.0.0.1:8080";
    expect(
      code(refusal("POST", { host, origin: "http://127.0.0.1:8080", "sec-fetch-site": "same-origin" }, loopback)),
    ).toBe("allowed");
    expect(code(refusal("POST", { host }, loopback))).toBe("allowed");
    expect(code(refusal("POST", { host, "sec-fetch-site": "none" }, loopback))).toBe("allowed");
    const listed = originPolicy("127.0.0.1", { PARLEY_ALLOWED_ORIGINS: "http://localhost:5173/" });
    expect(
      code(refusal("POST", { host, origin: "http://localhost:5173", "sec-fetch-site": "same-site" }, listed)),
    ).toBe("allowed");
  });

  it("reads a Host header's name without its port, IPv6 without brackets", () => {
    expect(hostName("Example.COM:8080")).toBe("example.com");
    expect(hostName("[::1]:8080")).toBe("::1");
    expect(hostName("localhost")).toBe("localhost");
  });
});
