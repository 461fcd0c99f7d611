/**
 * The viewer's entry point, bundled for the browser by the server
 * (`deno bundle --platform browser`): routes `#/` to the runs list and
 * `#/run/<id>[,<id>…]` to the run view.
 *
 * This module is browser compatible.
 *
 * @module
 */
/// <reference lib="dom" />
import { type ApiClient, createApiClient } from "./api_client.ts";
import { createRunsList } from "./runs_list.ts";
import { createRunView } from "./run_view.ts";

let current: { node: HTMLElement; destroy(): void } | null = null;
let generation = 0;

async function route(api: ApiClient, app: HTMLElement): Promise<void> {
  const mine = ++generation;
  current?.destroy();
  current = null;
  app.replaceChildren();
  app.setAttribute("aria-busy", "true");
  try {
    const hash = location.hash;
    const view = hash.startsWith("#/run/")
      ? await createRunView(api, decodeURIComponent(hash.slice(6).split("?")[0]!).split(",").filter((s) => s !== ""))
      : await createRunsList(api);
    if (mine !== generation) return view.destroy();
    current = view;
    app.replaceChildren(view.node);
  } catch (e) {
    const p = document.createElement("p");
    p.className = "error";
    p.textContent = `Cannot show this page: ${(e as Error).message}`;
    app.replaceChildren(p);
  } finally {
    app.setAttribute("aria-busy", "false");
  }
}

if (typeof document !== "undefined") {
  const api = createApiClient(location.origin, new URLSearchParams(location.search).get("token"));
  const app = document.getElementById("app")!;
  addEventListener("hashchange", () => route(api, app));
  route(api, app);
}
