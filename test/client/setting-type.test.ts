import { settingTypeLabel } from "../../client/src/components/setting-labels";

// The "Type" a commissioner and a provider read on a setting's page.
describe("A setting's type", () => {
  it("should name a school by its type from Get Information About Schools", () => {
    expect(settingTypeLabel({ establishmentType: { name: "Non-maintained special school" }, residentialTypes: ["38_week"] })).toBe(
      "Non-maintained special school",
    );
  });

  it("should name a children's home by how it accommodates children, not 'Not given'", () => {
    expect(settingTypeLabel({ establishmentType: null, residentialTypes: ["38_week", "52_week"] })).toBe(
      "Children’s home or residential setting (38-week residential, 52-week residential), not a school listed by the Department for Education",
    );
  });

  it("should say 'Not given' only for a day setting with no school type", () => {
    expect(settingTypeLabel({ establishmentType: null, residentialTypes: ["day"] })).toBe("Not given");
  });
});
