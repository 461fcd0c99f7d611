;; Fused full-batch gradient descent for linear classification, in float64.
;;
;; run(...) (one thread) and runA(...) with runB(...) (two threads sharing
;; this memory, see threads.wat) take up to k steps of w <- w - lr * grad L(w) (optionally with
;; PyTorch's heavy-ball or Nesterov momentum), L(w) = sum_n l(<z_n, w>) or its
;; mean, and returns the number of steps taken: fewer than k only when a
;; gradient was not finite; w and the momentum buffer then hold the values from
;; before that step.
;;
;; The iterates are bit-identical to the scalar reference loop
;; (src/problems/linear_classification/linear_classification.ts, src/optimizers/_apply_update.ts):
;; every float64 operation happens in the same order.
;;   - SIMD lanes run over rows, never along a sum: each row's margin is
;;     accumulated over j = 0, 1, ... in its own lane;
;;   - each gradient entry g[j] is accumulated over rows n = 0, 1, ... in order;
;;   - exp is correctly rounded, like the host's Math.exp (V8's is; the host
;;     checks this before turning the fast path on, else every exp calls the
;;     imported Math.exp).
;;
;; Memory (byte offsets):
;;   [0, 2048)     2^(j/128), j = 0..127, as double-double (hi, lo) pairs
;;   [2048, 2160)  constants, written by the host (_exp_table.ts): ln2/128 as
;;                 hi (35 significant bits) + lo, 707, 128/ln2, 1/2, 1/6, 1/24,
;;                 1/120, 1/720, 2^27 + 1, 2^-64, the int64 1023, -1, 1
;;                 (constant addresses need no bounds check, unlike v128.const
;;                 needs three instructions to build)
;;   [2160, 2192)  scratch for four float64
;;   blocks:       floor(n/16) blocks of 16 rows; block b holds, for
;;                 j = 0 .. dp-1, z[16b][j], z[16b+1][j], ..., z[16b+15][j]
;;                 (dp = d rounded up to even; the padding column is 0)
;;   tail:         the last n mod 16 rows, row-major with stride d
;;   w, g, buf:    dp float64 each (w's padding entry is 0)
;;   sbuf:         one chunk's margins, then in place their loss derivatives
;;                 (run(); it sits between the header and the blocks)
;;   ua, ub, gb:   the two-thread run's: floor(n/16)*16 float64 each for the
;;                 margins and loss derivatives of A's and B's rows, and dp
;;                 float64 for B's share of the gradient, each a page apart
;;   control:      [2304, 2624), words that the two threads of runA/runB
;;                 share (see threads.wat), each on its own 64-byte line
;; All offsets are multiples of 16.
;;
;; The build (_build_wasm.ts) wraps the files of this folder, in name order,
;; in one (module ...).
  (import "math" "exp" (func $exp (param f64) (result f64)))
  (import "math" "now" (func $now (result f64)))
  (import "env" "memory" (memory 1 32768 shared))

  ;; The control addresses, exported so that the host reads them from here
  ;; (_linear_gd_module.ts, kernelAddresses) instead of keeping copies.
  (global $CTRL_A (export "ctrl_a") i32 (i32.const 2304)) ;; A's arrivals
  (global $CTRL_B (export "ctrl_b") i32 (i32.const 2368)) ;; B's arrivals
  (global $CTRL_STOP (export "ctrl_stop") i32 (i32.const 2496)) ;; 1 once runA returns
  (global $CTRL_STALL (export "ctrl_stall") i32 (i32.const 2560)) ;; 1 when A gave up waiting for B
  (global (export "host_job") i32 (i32.const 2624)) ;; the host's: jobs started
  (global (export "host_ack") i32 (i32.const 2688)) ;; the helper's: jobs finished
  (global (export "host_ready") i32 (i32.const 2752)) ;; the helper's: 1 once waiting for jobs
  (global (export "host_args") i32 (i32.const 2816)) ;; runB's float64 arguments from here
  (global (export "header_bytes") i32 (i32.const 3072)) ;; where the host's data may start
