import type { KindRun } from "../shared/problem_kind.ts";
import type { LeastSquares } from "./least_squares.ts";
import { normOrder } from "../../optimizers/norm_order.ts";
import { minLpInterpolant } from "../../reference/min_lp_interpolant.ts";
import { minNormLeastSquares } from "../../reference/min_norm_least_squares.ts";
import type { ReferenceResult } from "../../reference/reference.ts";
import { formatOrder } from "../../reference/_format_order.ts";

/**
 * The limit a theorem predicts for a least-squares run:
 * - GD (any momentum), SGD, normalized GD, steepest ℓ2 and mirror descent with
 *   p = 2 stay in w₀ + rowspace(X): w₀ + X⁺(y − Xw₀);
 * - mirror descent with ½‖w‖²_p from w₀ = 0: the minimum-ℓp interpolant
 *   (Gunasekar et al. 2018);
 * - AdaGrad, RMSProp, Adam from 0 when u = sign(Xᵀy) has no zero (but on
 *   all-zero columns) and Xu = c·y: u/c (Wilson et al. 2017, Lemma 3.1; exact
 *   for eps → 0);
 * - otherwise none: the limit depends on the step size (steepest ℓp, p ≠ 2;
 *   coordinate descent; adaptive methods in general).
 */
export function leastSquaresReference(problem: LeastSquares, run: KindRun): Promise<ReferenceResult> {
  const { x, y } = problem.data;
  const opt = run.spec.optimizer;
  const fromZero = run.init.every((v) => v === 0);
  const none = (error: string) => Promise.resolve<ReferenceResult>({ kind: "none", predictor: null, error });
  switch (opt.kind) {
    case "gd":
    case "sgd":
    case "normalized-gd":
      return Promise.resolve(minNormLeastSquares(x, y, run.init));
    case "steepest": {
      const p = normOrder(opt.norm);
      if (p === 2) return Promise.resolve(minNormLeastSquares(x, y, run.init));
      return none(
        `Steepest descent w.r.t. ℓ${
          formatOrder(p)
        } on least squares has a step-size-dependent limit, not the minimum-ℓ${
          formatOrder(p)
        } interpolant (Gunasekar et al. 2018)`,
      );
    }
    case "mirror":
      if (opt.p === 2) return Promise.resolve(minNormLeastSquares(x, y, run.init));
      if (!fromZero) {
        return none(
          `Mirror descent converges to the Bregman projection of w₀; only w₀ = 0 (the minimum-ℓ${
            formatOrder(opt.p)
          } interpolant) is built in`,
        );
      }
      return minLpInterpolant(x, y, opt.p);
    case "coordinate":
      return none(
        "Coordinate descent on least squares has a step-size-dependent limit (related to the Lasso/LARS path)",
      );
    case "adagrad":
    case "rmsprop":
    case "adam": {
      const why = `${opt.kind} on least squares converges to a limit that depends on its step size and initialization`;
      if (!fromZero) return none(why);
      const sign = signSolution(x, y, problem.data.d);
      return sign === null
        ? none(`${why}; sign(Xᵀy) does not interpolate here, so no closed form is known`)
        : Promise.resolve({
          kind: "sign-interpolant",
          predictor: { shape: [problem.data.d], data: sign },
        });
    }
    default:
      return none(`No theorem is built in for ${(opt as { kind: string }).kind} on least squares`);
  }
}

/**
 * u/c with u = sign(Xᵀy) when Xu = c·y (c ≠ 0, to 1e-12 relative) and u has no
 * zero entry except on all-zero columns (which no method moves), else null.
 */
function signSolution(x: Float64Array, y: Float64Array, d: number): Float64Array | null {
  const n = y.length;
  const u = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let s = 0, used = false;
    for (let i = 0; i < n; i++) {
      s += x[i * d + j]! * y[i]!;
      used ||= x[i * d + j] !== 0;
    }
    if (s === 0 && used) return null;
    u[j] = Math.sign(s);
  }
  let yy = 0, uy = 0;
  const xu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += x[i * d + j]! * u[j]!;
    xu[i] = s;
    yy += y[i]! * y[i]!;
    uy += s * y[i]!;
  }
  if (yy === 0) return null;
  const c = uy / yy;
  if (c === 0) return null;
  for (let i = 0; i < n; i++) {
    if (Math.abs(xu[i]! - c * y[i]!) > 1e-12 * Math.abs(c) * Math.sqrt(yy)) return null;
  }
  return u.map((v) => v / c);
}
