import assert from "node:assert/strict";
import { encodeNpy, writeNpy } from "../../src/store/write_npy.ts";

Deno.test("encodeNpy() writes NumPy's v1.0 header (64-byte aligned) and little-endian float64 data", () => {
  const data = new Float64Array([1.5, -2, Math.PI, 1e-300, 7]);
  for (const shape of [[5], [1, 5]]) {
    const bytes = encodeNpy({ shape, data });
    assert.deepEqual(Array.from(bytes.subarray(0, 8)), [0x93, 78, 85, 77, 80, 89, 1, 0]); // \x93NUMPY 1.0
    const headerLength = new DataView(bytes.buffer).getUint16(8, true);
    assert.equal((10 + headerLength) % 64, 0);
    const header = new TextDecoder().decode(bytes.subarray(10, 10 + headerLength));
    const want = shape.length === 1 ? "(5,)" : "(1, 5)";
    assert.equal(header.trimEnd(), `{'descr': '<f8', 'fortran_order': False, 'shape': ${want}, }`);
    assert.ok(header.endsWith("\n"));
    const body = new DataView(bytes.buffer, 10 + headerLength);
    assert.deepEqual(Array.from(data, (_, i) => body.getFloat64(8 * i, true)), Array.from(data));
    assert.equal(bytes.length, 10 + headerLength + 8 * data.length);
  }
});

Deno.test("writeNpy() replaces the file atomically, leaving no temporary file", () => {
  const dir = Deno.makeTempDirSync();
  try {
    writeNpy(`${dir}/params.npy`, { shape: [1], data: new Float64Array([1]) });
    writeNpy(`${dir}/params.npy`, { shape: [2], data: new Float64Array([2, 3]) });
    assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["params.npy"]);
    assert.equal(Deno.readFileSync(`${dir}/params.npy`).length, 128 + 16);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
