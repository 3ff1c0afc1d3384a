import { justificationIssues, offerRuleIssues } from "@shared/tenders/offer-rules";

// The rules the offer form checks in the browser and the server decides with: one copy.
const criteria = [
  { id: "section_f", label: "Meeting section F" },
  { id: "staffing", label: "Staffing" },
];

describe("An offer's rules", () => {
  it("should ask for every criterion, refuse unknown ones, and want a fee", () => {
    const issues = offerRuleIssues({
      criteria,
      answers: { section_f: "Small classes", other: "x" },
      weeklyFeePence: 0,
      ceilingPence: 200_000,
      justification: "",
    });
    expect(issues).toEqual([
      { field: "criteria.staffing", message: "Say how you meet “Staffing”" },
      { field: "criteria.other", message: "This request has no such criterion" },
      { field: "fee", message: "Enter the weekly fee" },
    ]);
  });

  it("should want a justification only above the band's ceiling, naming both amounts", () => {
    expect(justificationIssues(200_000, 200_000, "")).toEqual([]);
    expect(justificationIssues(250_050, null, "")).toEqual([]);
    expect(justificationIssues(250_050, 200_000, "  ")).toEqual([
      { field: "justification", message: "Your weekly fee of £2,500.50 is above the band’s ceiling of £2,000.00: say why" },
    ]);
    expect(justificationIssues(250_050, 200_000, "Two to one staffing at night")).toEqual([]);
  });
});
