/**
 * GET /healthz: liveness — 200 while the process serves HTTP, and nothing else is checked, so
 * Docker restarts a hung process but never one whose database is full or whose posting an
 * editor paused (a restart fixes neither). GET /readyz: readiness — 200 {"ready":true,…} or
 * 503 {"ready":false,"problems":[…]} with one plain sentence per problem, from the health checks.
 */
import type { HealthMonitor } from "../ops/health/health-monitor.js";
import { sendJson, type Route } from "./create-server.js";

export function createHealthRoutes(deps: { monitor: Pick<HealthMonitor, "evaluate"> }): Route[] {
  return [
    { method: "GET", path: "/healthz", handler: (_req, res) => sendJson(res, 200, { ok: true }) },
    {
      method: "GET",
      path: "/readyz",
      handler: async (_req, res) => {
        const report = await deps.monitor.evaluate();
        const ready = report.problems.length === 0;
        sendJson(res, ready ? 200 : 503, { ready, checkedAt: report.checkedAt.toISOString(), problems: report.problems.map((p) => p.sentence) });
      },
    },
  ];
}
