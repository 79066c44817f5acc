import { describe, expect, it } from "vitest";

import { parseRedirectPath } from "../../src/server/reader-routes.js";

describe("parseRedirectPath", () => {
  it("reads the post id of /r/<id>", () => {
    expect(parseRedirectPath("/r/1")).toBe(1);
    expect(parseRedirectPath("/r/2147483647/")).toBe(2147483647);
  });

  it("refuses anything that is not a plain post id", () => {
    for (const path of ["/r/", "/r/0", "/r/01", "/r/-1", "/r/1.5", "/r/abc", "/r/1/2", "/r/2147483648", "/r//evil.example", "/x/1"]) {
      expect(parseRedirectPath(path), path).toBeNull();
    }
  });
});
