import { useState } from "react";
import type { ShortlistEntry } from "@shared/schemas/children";
import { changeShortlist, useShortlist } from "../../api/children";
import { errorsFromApi } from "../../components/form-errors";

/** A child's shortlist as loaded, then as each add or remove leaves it; one change at a time. */
export function useShortlistEditor(childId: string) {
  const loaded = useShortlist(childId);
  const [changed, setChanged] = useState<ShortlistEntry[]>();
  const [busy, setBusy] = useState<string>();
  const [problem, setProblem] = useState<{ text: string; attempt: number }>();
  const entries = changed ?? (loaded.status === "success" ? loaded.data : undefined);

  async function toggle(settingId: string) {
    if (busy || !entries) return;
    setBusy(settingId);
    try {
      setChanged(await changeShortlist(childId, settingId, entries.some((e) => e.settingId === settingId) ? "remove" : "add"));
      setProblem(undefined);
    } catch (error) {
      const text = errorsFromApi({}, error).summary[0]?.text ?? "";
      setProblem((p) => ({ text, attempt: (p?.attempt ?? 0) + 1 }));
    } finally {
      setBusy(undefined);
    }
  }

  return { loaded, entries, busy, problem, toggle };
}
