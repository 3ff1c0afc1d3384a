/** Primary and secondary need types, DfE school census / SEN2 (DOMAIN.md, verbatim). */
export const NEEDS = [
  { code: "SPLD", name: "Specific learning difficulty", area: "cognition_and_learning" },
  { code: "MLD", name: "Moderate learning difficulty", area: "cognition_and_learning" },
  { code: "SLD", name: "Severe learning difficulty", area: "cognition_and_learning" },
  { code: "PMLD", name: "Profound and multiple learning difficulty", area: "cognition_and_learning" },
  { code: "SEMH", name: "Social, emotional and mental health", area: "social_emotional_mental_health" },
  { code: "SLCN", name: "Speech, language and communication needs", area: "communication_and_interaction" },
  { code: "HI", name: "Hearing impairment", area: "sensory_and_physical" },
  { code: "VI", name: "Vision impairment", area: "sensory_and_physical" },
  { code: "MSI", name: "Multi-sensory impairment", area: "sensory_and_physical" },
  { code: "PD", name: "Physical disability", area: "sensory_and_physical" },
  { code: "ASD", name: "Autistic spectrum disorder", area: "communication_and_interaction" },
  { code: "OTH", name: "Other difficulty or disability", area: null },
  { code: "NSA", name: "SEN support but no specialist assessment", area: null },
] as const;

export type NeedCode = (typeof NEEDS)[number]["code"];
