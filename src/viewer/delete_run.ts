/// <reference lib="dom" />

/**
 * Deletes an ended run (`DELETE /api/runs/:id`), with the page's token when it
 * has one (`?token=` in its URL).
 *
 * This module is browser compatible.
 *
 * @param id The run.
 * @param origin The server (default: the page's origin).
 * @returns Resolves once deleted.
 * @throws {Error} with the server's message (e.g. 409 while the run is running).
 *
 * @example Usage
 * ```ts ignore
 * await deleteRun("soudry-fig1-20261207-101500-ab12");
 * ```
 */
export async function deleteRun(id: string, origin: string = location.origin): Promise<void> {
  const token = typeof location === "undefined" ? null : new URLSearchParams(location.search).get("token");
  const res = await fetch(new URL(`/api/runs/${encodeURIComponent(id)}`, origin), {
    method: "DELETE",
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) {
    const body = await res.json().catch(() => ({ error: res.statusText }));
    throw new Error(body.error ?? `Cannot delete ${id}: HTTP ${res.status}`);
  }
  await res.body?.cancel();
}
