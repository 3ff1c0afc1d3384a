import { verifyAuditChain } from "../modules/audit/verify-chain";
import { type CliCommand, withDatabase } from "./command";

export const auditVerifyCommand: CliCommand = {
  name: "audit verify",
  usage: "audit verify",
  summary: "check the audit log's hash chain; exits 1 naming the first broken row",
  async run() {
    const report = await withDatabase((handle) => verifyAuditChain(handle.db));
    // One JSON line on stdout for monitoring to parse; the sentence on stderr is for a person.
    console.log(JSON.stringify(report));
    if (report.ok) return 0;
    console.error(`The audit log is broken at row ${report.firstBrokenSeq}: ${report.reason}`);
    return 1;
  },
};
