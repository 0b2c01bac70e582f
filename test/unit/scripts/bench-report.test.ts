// The bench report flags a run on a loaded machine instead of passing or failing it silently,
// and writes each figure's ratio to its baseline.
import { describe, expect, it } from "vitest";
import {
  calibrationLoop,
  judgeCalibration,
  ratioToBaseline,
  describeCalibration,
} from "../../../test/bench/report";

describe("judgeCalibration", () => {
  it("calls a run quiet when both loops took about their CPU time", () => {
    const calibration = judgeCalibration({ wallMs: 210, cpuMs: 200 }, { wallMs: 260, cpuMs: 200 });
    expect(calibration.quiet).toBe(true);
    expect(calibration.slowdown).toBeCloseTo(1.3);
    expect(describeCalibration(calibration)).toContain("quiet: true");
  });

  it("flags a run as loaded when either end waited for a core", () => {
    const quietStart = { wallMs: 200, cpuMs: 200 };
    const loadedEnd = { wallMs: 900, cpuMs: 210 };
    expect(judgeCalibration(quietStart, loadedEnd).quiet).toBe(false);
    expect(judgeCalibration(loadedEnd, quietStart).quiet).toBe(false);
    expect(describeCalibration(judgeCalibration(loadedEnd, quietStart))).toContain("quiet: false");
  });

  it("times a real loop by the clock and by CPU time", () => {
    const loop = calibrationLoop();
    expect(loop.cpuMs).toBeGreaterThan(0);
    expect(loop.wallMs).toBeGreaterThan(0);
  });
});

describe("ratioToBaseline", () => {
  it("divides the figure by its baseline, and has none without one", () => {
    expect(ratioToBaseline({ id: "a", value: 300, unit: "MiB", baseline: 75 })).toBe(4);
    expect(ratioToBaseline({ id: "a", value: 300, unit: "MiB" })).toBeUndefined();
    expect(ratioToBaseline({ id: "a", value: 300, unit: "ms", baseline: 0 })).toBeUndefined();
  });
});
