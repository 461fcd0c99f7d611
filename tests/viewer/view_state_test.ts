import assert from "node:assert/strict";
import { formatViewState } from "../../src/viewer/format_view_state.ts";
import { parseViewState, type ViewState } from "../../src/viewer/view_state.ts";

Deno.test("parseViewState() and formatViewState() round-trip, leaving defaults out", () => {
  const states: ViewState[] = [
    { x: "log", zoom: null, theory: true, y: {} },
    { x: "linear", zoom: [10, 100000], theory: false, y: { loss: "linear", nuclear_gap: "symlog" } },
  ];
  for (const s of states) assert.deepEqual(parseViewState(formatViewState(s)), s);
  assert.equal(formatViewState(states[0]!), "");
});

Deno.test("parseViewState() ignores malformed parts", () => {
  assert.deepEqual(parseViewState("x=sideways&zoom=5,1&theory=yes&y=loss:cubic,norm:log,:log"), {
    x: "log",
    zoom: null,
    theory: true,
    y: { norm: "log" },
  });
  assert.equal(parseViewState("zoom=a,b").zoom, null);
});
