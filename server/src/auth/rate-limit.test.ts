import { describe, expect, it } from "vitest";
import { AttemptLimiter } from "./rate-limit.ts";

describe("AttemptLimiter", () => {
  it("refuses past the limit within the window and lets the key try again once the window has passed", () => {
    const limiter = new AttemptLimiter(2, 1_000);
    expect(limiter.tryAttempt("a", 0)).not.toBeNull();
    expect(limiter.tryAttempt("a", 10)).not.toBeNull();
    expect(limiter.tryAttempt("a", 20)).toBeNull();
    expect(limiter.isBlocked("a", 20)).toBe(true);
    expect(limiter.tryAttempt("a", 1_011)).not.toBeNull();
  });

  it("a refunded attempt no longer counts", () => {
    const limiter = new AttemptLimiter(1, 1_000);
    limiter.tryAttempt("a", 0)?.refund();
    expect(limiter.tryAttempt("a", 1)).not.toBeNull();
    expect(limiter.size).toBe(1);
  });

  it("forgets keys whose window has passed, so old attempts do not pile up", () => {
    const limiter = new AttemptLimiter(5, 1_000);
    for (let i = 0; i < 100; i++) limiter.tryAttempt(`key-${i}`, i);
    expect(limiter.size).toBe(100);
    limiter.tryAttempt("late", 5_000);
    expect(limiter.size).toBe(1);
  });

  it("never holds more than its cap of keys, dropping the one idle longest first", () => {
    const limiter = new AttemptLimiter(5, 60_000, 3);
    limiter.tryAttempt("a", 0);
    limiter.tryAttempt("b", 1);
    limiter.tryAttempt("c", 2);
    limiter.tryAttempt("a", 3);
    limiter.tryAttempt("d", 4);
    expect(limiter.size).toBe(3);
    // "b" was idle longest; "a" tried again after it and stays.
    expect(limiter.isBlocked("a", 5)).toBe(false);
    for (let i = 0; i < 3; i++) limiter.tryAttempt("a", 10 + i);
    expect(limiter.isBlocked("a", 20)).toBe(true);
  });
});
