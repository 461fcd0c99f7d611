/**
 * An independent float64 MLP for tests: nested arrays, one example at a time,
 * the textbook chain rule, log-sum-exp with a max shift. Same flat layout as
 * `mlp` (W out×in row-major, then b, per layer).
 */
export interface ReferenceNet {
  widths: readonly number[];
  activation: "relu" | "linear";
  bias: boolean;
  loss: "cross-entropy" | "logistic" | "exp";
  outputs: number;
  reduction: "sum" | "mean";
}

function unpack(net: ReferenceNet, d: number, theta: ArrayLike<number>): { W: number[][][]; b: number[][] } {
  const dims = [d, ...net.widths, net.outputs];
  const W: number[][][] = [], b: number[][] = [];
  let o = 0;
  for (let l = 1; l < dims.length; l++) {
    const rows: number[][] = [];
    for (let i = 0; i < dims[l]!; i++) {
      const row: number[] = [];
      for (let j = 0; j < dims[l - 1]!; j++) row.push(theta[o++]!);
      rows.push(row);
    }
    W.push(rows);
    const bl: number[] = [];
    for (let i = 0; i < dims[l]!; i++) bl.push(net.bias ? theta[o++]! : 0);
    b.push(bl);
  }
  return { W, b };
}

/** Loss (with the net's reduction) and its gradient, in the flat layout. */
export function referenceLossGrad(
  net: ReferenceNet,
  x: number[][],
  y: number[],
  theta: ArrayLike<number>,
): { loss: number; grad: number[] } {
  const d = x[0]!.length;
  const { W, b } = unpack(net, d, theta);
  const L = W.length;
  const gW = W.map((m) => m.map((r) => r.map(() => 0)));
  const gb = b.map((v) => v.map(() => 0));
  let loss = 0;
  const act = (v: number) => net.activation === "relu" ? Math.max(0, v) : v;
  const dact = (z: number) => net.activation === "relu" ? (z > 0 ? 1 : 0) : 1;
  x.forEach((xi, n) => {
    const zs: number[][] = [], as: number[][] = [xi];
    for (let l = 0; l < L; l++) {
      const z = W[l]!.map((row, i) => row.reduce((s, wij, j) => s + wij * as[l]![j]!, 0) + b[l]![i]!);
      zs.push(z);
      as.push(l < L - 1 ? z.map(act) : z);
    }
    const f = as[L]!;
    let delta: number[];
    if (net.loss === "cross-entropy") {
      const mx = Math.max(...f);
      const lse = mx + Math.log(f.reduce((s, v) => s + Math.exp(v - mx), 0));
      loss += lse - f[y[n]!]!;
      delta = f.map((v, c) => Math.exp(v - lse) - (c === y[n] ? 1 : 0));
    } else {
      const u = y[n]! * f[0]!;
      if (net.loss === "logistic") {
        loss += Math.log(1 + Math.exp(-u));
        delta = [-y[n]! * Math.exp(-u) / (1 + Math.exp(-u))];
      } else {
        loss += Math.exp(-u);
        delta = [-y[n]! * Math.exp(-u)];
      }
    }
    for (let l = L - 1; l >= 0; l--) {
      for (let i = 0; i < W[l]!.length; i++) {
        gb[l]![i]! += delta[i]!;
        for (let j = 0; j < W[l]![i]!.length; j++) gW[l]![i]![j]! += delta[i]! * as[l]![j]!;
      }
      if (l === 0) break;
      delta = as[l]!.map((_, j) => W[l]!.reduce((s, row, i) => s + row[j]! * delta[i]!, 0) * dact(zs[l - 1]![j]!));
    }
  });
  const grad: number[] = [];
  for (let l = 0; l < L; l++) {
    for (const row of gW[l]!) grad.push(...row);
    if (net.bias) grad.push(...gb[l]!);
  }
  const c = net.reduction === "mean" ? 1 / x.length : 1;
  return { loss: loss * c, grad: grad.map((g) => g * c) };
}

/** The network's outputs f(x) for one example. */
export function referenceForward(net: ReferenceNet, xi: number[], theta: ArrayLike<number>): number[] {
  const { W, b } = unpack(net, xi.length, theta);
  let a = xi;
  W.forEach((m, l) => {
    const z = m.map((row, i) => row.reduce((s, wij, j) => s + wij * a[j]!, 0) + b[l]![i]!);
    a = l < W.length - 1 && net.activation === "relu" ? z.map((v) => Math.max(0, v)) : z;
  });
  return a;
}
