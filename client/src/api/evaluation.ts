import type { z } from "zod";
import {
  type EvaluationDeclarationSchema,
  type EvaluationState,
  EvaluationStateResponseSchema,
  type ModerationSaveSchema,
} from "@shared/schemas/placement-requests";
import { apiRequest } from "./http";

const evaluationPath = (id: string, rest = "") => `/api/v1/placement-requests/${encodeURIComponent(id)}${rest}`;

async function stateAfter(path: string, method: "GET" | "POST" | "PUT", body?: unknown, signal?: AbortSignal): Promise<EvaluationState> {
  return (await apiRequest(path, EvaluationStateResponseSchema, method === "GET" ? { signal } : { method, body })).data;
}

/** The evaluation as this commissioner sees it: declarations, their own scores, everyone's once moderation has started. */
export const fetchEvaluation = (id: string, signal?: AbortSignal) => stateAfter(evaluationPath(id, "/evaluation"), "GET", undefined, signal);
export const declareInterest = (id: string, body: z.input<typeof EvaluationDeclarationSchema>) =>
  stateAfter(evaluationPath(id, "/evaluation/declaration"), "PUT", body);
export const startModeration = (id: string) => stateAfter(evaluationPath(id, "/evaluation/moderation"), "POST", {});
export const saveModeration = (id: string, body: z.input<typeof ModerationSaveSchema>) => stateAfter(evaluationPath(id, "/evaluation/moderation"), "PUT", body);
/** Where the browser downloads the report as CSV (the session cookie goes with it). */
export const evaluationReportCsvUrl = (id: string) => evaluationPath(id, "/evaluation-report.csv");
