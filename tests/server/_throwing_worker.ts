/// <reference lib="deno.worker" />
// A run Worker that crashes on start, for the runner's failure path.
self.onmessage = () => {
  throw new Error("Boom in the worker");
};
