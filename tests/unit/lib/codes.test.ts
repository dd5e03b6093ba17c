import { describe, expect, it } from "vitest";
import {
  ancestorCodes,
  commonAncestor,
  isVillageCommittee,
  levelOfCode,
  parentCode,
  subtreeRange,
} from "../../../src/lib/codes.ts";

describe("division codes", () => {
  it("reads the level from the length", () => {
    expect(levelOfCode("45")).toBe("province");
    expect(levelOfCode("4504")).toBe("city");
    expect(levelOfCode("450422")).toBe("county");
    expect(levelOfCode("450422104")).toBe("township");
    expect(levelOfCode("450422104211")).toBe("village");
    expect(levelOfCode("45042")).toBeNull();
    expect(levelOfCode("45a4")).toBeNull();
  });
  it("finds parents and ancestors", () => {
    expect(parentCode("450422104211")).toBe("450422104");
    expect(parentCode("45")).toBeNull();
    expect(ancestorCodes("450422104211")).toEqual(["45", "4504", "450422", "450422104"]);
  });
  it("tells village committees (200-399) from communities", () => {
    expect(isVillageCommittee("450422104211")).toBe(true);
    expect(isVillageCommittee("450422104200")).toBe(true);
    expect(isVillageCommittee("450422104399")).toBe(true);
    expect(isVillageCommittee("450422104199")).toBe(false);
    expect(isVillageCommittee("450422104400")).toBe(false);
    expect(isVillageCommittee("450422104")).toBe(false);
  });
  it("bounds a subtree so that every descendant and nothing else falls inside", () => {
    const [low, high] = subtreeRange("4504");
    const inside = (code: string) => code >= low && code < high;
    expect(inside("4504")).toBe(true);
    expect(inside("450422104211")).toBe(true);
    expect(inside("4505")).toBe(false);
    expect(inside("450")).toBe(false);
  });
  it("finds the deepest region that holds every code, at least the province", () => {
    expect(commonAncestor(["450422104211"])).toBe("450422104211");
    expect(commonAncestor(["450422104211", "450422104212"])).toBe("450422104");
    expect(commonAncestor(["450422104211", "450422105201", "450422"])).toBe("450422");
    expect(commonAncestor(["450422104211", "450481100200"])).toBe("4504");
    expect(commonAncestor(["450422104211", "451000000000"])).toBe("45");
    expect(commonAncestor(["450422104211", "520000000000"])).toBe("45");
  });
});
