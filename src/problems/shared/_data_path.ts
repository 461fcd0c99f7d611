/**
 * A spec's CSV path resolved against the spec file's folder: absolute paths
 * (`/…`, `C:\…`) as they are, relative ones under `baseDir` when given. Written
 * without `node:path` so that the spec schema (which reaches the data loaders
 * through the problem-kind registry) bundles for the browser: the viewer
 * validates specs with it.
 */
export function dataPath(path: string, baseDir: string | undefined): string {
  const absolute = path.startsWith("/") || path.startsWith("\\") || /^[A-Za-z]:[\\/]/.test(path);
  return absolute || !baseDir ? path : `${baseDir.replace(/[\\/]+$/, "")}/${path}`;
}
