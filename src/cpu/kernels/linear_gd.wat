;; Fused full-batch gradient descent for linear classification, in float64.
;;
;; run(...) takes up to k steps of w <- w - lr * grad L(w) (optionally with
;; PyTorch's heavy-ball or Nesterov momentum), L(w) = sum_n l(<z_n, w>) or its
;; mean, and returns the number of steps taken: fewer than k only when a
;; gradient was not finite; w and the momentum buffer then hold the values from
;; before that step.
;;
;; The iterates are bit-identical to the scalar reference loop
;; (src/problems/linear_classification.ts, src/optimizers/_apply_update.ts):
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
;;   [2048, 2064)  ln2/128 as (hi, lo), hi with 35 significant bits
;;   blocks:       floor(n/4) blocks of 4 rows; block b holds, for
;;                 j = 0 .. dp-1, z[4b][j], z[4b+1][j], z[4b+2][j], z[4b+3][j]
;;                 (dp = d rounded up to even; the padding column is 0)
;;   tail:         the last n mod 4 rows, row-major with stride d
;;   w, g, buf:    dp float64 each (w's padding entry is 0)
;; All offsets are multiples of 16.
(module
  (import "math" "exp" (func $exp (param f64) (result f64)))
  (memory (export "memory") 1)

  ;; exp of both lanes, correctly rounded.
  ;;
  ;; x = K ln2/128 + r with K = nearest(x 128/ln2), |r| <= 0.00271; r is
  ;; carried as r + dl (2Sum of x - K c_hi, which is exact, and -K c_lo).
  ;; exp(x) = 2^(K>>7) T exp(r) with T = 2^((K&127)/128) = T_hi + T_lo from
  ;; the table and exp(r) - 1 - r from a degree-6 Taylor polynomial
  ;; (truncation < 2^-72). T_hi r is formed exactly (Dekker's product), so
  ;; y + e = T (1 + r + s) has |error| < 2^-66 for T < 2 (each rounding left
  ;; is below 2^-69). When y + (e - 2^-64) and y + (e + 2^-64) round to the
  ;; same double, it is the correctly rounded exp(x) (Ziv's test; it fails for
  ;; about 1 x in 1500); otherwise, and for |x| > 707 or NaN, the lane calls
  ;; the imported exp.
  (func $exp2 (param $x v128) (param $fast i32) (result v128)
    (local $ok v128) (local $xs v128) (local $kf v128) (local $ki v128)
    (local $rh v128) (local $b v128) (local $r v128) (local $bb v128) (local $dl v128)
    (local $s v128) (local $t0 v128) (local $t1 v128) (local $th v128) (local $tl v128)
    (local $c v128) (local $thh v128) (local $thl v128) (local $rhh v128) (local $rhl v128)
    (local $p v128) (local $perr v128) (local $y0 v128) (local $tail v128)
    (local $y v128) (local $e v128) (local $lo v128) (local $res v128)
    (if (i32.eqz (local.get $fast))
      (then
        (return (f64x2.replace_lane 1
          (f64x2.splat (call $exp (f64x2.extract_lane 0 (local.get $x))))
          (call $exp (f64x2.extract_lane 1 (local.get $x)))))))
    (local.set $ok (f64x2.le (f64x2.abs (local.get $x)) (v128.const f64x2 707 707)))
    (local.set $xs (v128.and (local.get $x) (local.get $ok)))
    (local.set $kf (f64x2.nearest (f64x2.mul (local.get $xs) (v128.const f64x2 184.6649652337873 184.6649652337873))))
    (local.set $ki (i32x4.trunc_sat_f64x2_s_zero (local.get $kf)))
    ;; r + dl = (x - K c_hi) + (-K c_lo)
    (local.set $rh (f64x2.sub (local.get $xs) (f64x2.mul (local.get $kf) (v128.load64_splat (i32.const 2048)))))
    (local.set $b (f64x2.neg (f64x2.mul (local.get $kf) (v128.load64_splat (i32.const 2056)))))
    (local.set $r (f64x2.add (local.get $rh) (local.get $b)))
    (local.set $bb (f64x2.sub (local.get $r) (local.get $rh)))
    (local.set $dl (f64x2.add
      (f64x2.sub (local.get $rh) (f64x2.sub (local.get $r) (local.get $bb)))
      (f64x2.sub (local.get $b) (local.get $bb))))
    ;; s = dl + r^2 (1/2 + r (1/6 + r (1/24 + r (1/120 + r/720))))
    (local.set $s (f64x2.add (local.get $dl)
      (f64x2.mul (f64x2.mul (local.get $r) (local.get $r))
        (f64x2.add (v128.const f64x2 0.5 0.5) (f64x2.mul (local.get $r)
          (f64x2.add (v128.const f64x2 0.16666666666666666 0.16666666666666666) (f64x2.mul (local.get $r)
            (f64x2.add (v128.const f64x2 0.041666666666666664 0.041666666666666664) (f64x2.mul (local.get $r)
              (f64x2.add (v128.const f64x2 0.008333333333333333 0.008333333333333333)
                (f64x2.mul (local.get $r) (v128.const f64x2 0.001388888888888889 0.001388888888888889))))))))))))
    ;; T, one (hi, lo) pair per lane
    (local.set $t0 (v128.load (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $ki)) (i32.const 127)) (i32.const 4))))
    (local.set $t1 (v128.load (i32.shl (i32.and (i32x4.extract_lane 1 (local.get $ki)) (i32.const 127)) (i32.const 4))))
    (local.set $th (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
    (local.set $tl (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1)))
    ;; p + perr = T_hi r exactly (Veltkamp splits at 2^27 + 1)
    (local.set $c (f64x2.mul (local.get $th) (v128.const f64x2 134217729 134217729)))
    (local.set $thh (f64x2.sub (local.get $c) (f64x2.sub (local.get $c) (local.get $th))))
    (local.set $thl (f64x2.sub (local.get $th) (local.get $thh)))
    (local.set $c (f64x2.mul (local.get $r) (v128.const f64x2 134217729 134217729)))
    (local.set $rhh (f64x2.sub (local.get $c) (f64x2.sub (local.get $c) (local.get $r))))
    (local.set $rhl (f64x2.sub (local.get $r) (local.get $rhh)))
    (local.set $p (f64x2.mul (local.get $th) (local.get $r)))
    (local.set $perr (f64x2.add
      (f64x2.add
        (f64x2.add (f64x2.sub (f64x2.mul (local.get $thh) (local.get $rhh)) (local.get $p))
          (f64x2.mul (local.get $thh) (local.get $rhl)))
        (f64x2.mul (local.get $thl) (local.get $rhh)))
      (f64x2.mul (local.get $thl) (local.get $rhl))))
    ;; y0 + e1 = T_hi + p (Fast2Sum); then the small terms
    (local.set $y0 (f64x2.add (local.get $th) (local.get $p)))
    (local.set $tail (f64x2.add
      (f64x2.add (f64x2.sub (local.get $th) (local.get $y0)) (local.get $p))
      (f64x2.add (local.get $perr)
        (f64x2.add (local.get $tl)
          (f64x2.add (f64x2.mul (local.get $th) (local.get $s)) (f64x2.mul (local.get $tl) (local.get $r)))))))
    (local.set $y (f64x2.add (local.get $y0) (local.get $tail)))
    (local.set $e (f64x2.add (f64x2.sub (local.get $y0) (local.get $y)) (local.get $tail)))
    (local.set $lo (f64x2.add (local.get $y) (f64x2.sub (local.get $e) (v128.const f64x2 0x1p-64 0x1p-64))))
    (local.set $ok (v128.and (local.get $ok)
      (f64x2.eq (local.get $lo)
        (f64x2.add (local.get $y) (f64x2.add (local.get $e) (v128.const f64x2 0x1p-64 0x1p-64))))))
    ;; times 2^(K>>7), exact: the result stays normal for |x| <= 707
    (local.set $res (f64x2.mul (local.get $lo)
      (i64x2.shl
        (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.shr_s (local.get $ki) (i32.const 7))) (v128.const i64x2 1023 1023))
        (i32.const 52))))
    (if (i32.eqz (i64x2.all_true (local.get $ok)))
      (then
        (if (i64.eqz (i64x2.extract_lane 0 (local.get $ok)))
          (then (local.set $res (f64x2.replace_lane 0 (local.get $res)
            (call $exp (f64x2.extract_lane 0 (local.get $x)))))))
        (if (i64.eqz (i64x2.extract_lane 1 (local.get $ok)))
          (then (local.set $res (f64x2.replace_lane 1 (local.get $res)
            (call $exp (f64x2.extract_lane 1 (local.get $x)))))))))
    (local.get $res))

  ;; l'(u) of both lanes: -1/(1 + e^u) (logistic) or -e^-u (exponential).
  (func $dloss2 (param $u v128) (param $expLoss i32) (param $fast i32) (result v128)
    (if (result v128) (local.get $expLoss)
      (then (f64x2.neg (call $exp2 (f64x2.neg (local.get $u)) (local.get $fast))))
      (else (f64x2.div (v128.const f64x2 -1 -1)
        (f64x2.add (v128.const f64x2 1 1) (call $exp2 (local.get $u) (local.get $fast)))))))

  ;; For tests: the exp above, on one number.
  (func (export "exp") (param $x f64) (param $fast i32) (result f64)
    (f64x2.extract_lane 0 (call $exp2 (f64x2.splat (local.get $x)) (local.get $fast))))

  ;; g <- sum_n l'(<z_n, w>) z_n, rows in order, in chunks of cb blocks (small
  ;; enough to stay in L1): the chunk's margins, eight rows at a time; then
  ;; their loss derivatives, a throughput-bound loop over independent pairs;
  ;; then the gradient terms, block by block.
  (func $gradient
    (param $blocks i32) (param $nb i32) (param $cb i32) (param $tail i32) (param $nt i32)
    (param $d i32) (param $dp i32) (param $w i32) (param $g i32) (param $sbuf i32)
    (param $expLoss i32) (param $fast i32)
    (local $zb i32) (local $zend i32) (local $cend i32) (local $bytes i32)
    (local $p i32) (local $p2 i32) (local $q i32) (local $end i32) (local $sp i32) (local $send i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128) (local $wj v128)
    (local $s01 v128) (local $s23 v128) (local $x0 v128) (local $x1 v128) (local $acc v128)
    (local $r i32) (local $row i32) (local $j i32) (local $u f64) (local $sr f64)

    ;; g <- 0
    (local.set $q (local.get $g))
    (local.set $end (i32.add (local.get $g) (i32.shl (local.get $dp) (i32.const 3))))
    (block $zeroed
      (loop $zero
        (br_if $zeroed (i32.ge_u (local.get $q) (local.get $end)))
        (v128.store (local.get $q) (v128.const i64x2 0 0))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $zero)))

    (local.set $bytes (i32.shl (local.get $dp) (i32.const 5)))
    (local.set $zb (local.get $blocks))
    (local.set $zend (i32.add (local.get $blocks) (i32.mul (local.get $nb) (local.get $bytes))))
    (block $chunksDone
      (loop $chunk
        (br_if $chunksDone (i32.ge_u (local.get $zb) (local.get $zend)))
        (local.set $cend (i32.add (local.get $zb) (i32.mul (local.get $cb) (local.get $bytes))))
        (if (i32.gt_u (local.get $cend) (local.get $zend)) (then (local.set $cend (local.get $zend))))

        ;; margins: two blocks (eight rows, four accumulators) at a time
        (local.set $p (local.get $zb))
        (local.set $sp (local.get $sbuf))
        (block $marginsDone
          (loop $margins
            (br_if $marginsDone (i32.ge_u (local.get $p) (local.get $cend)))
            (local.set $p2 (i32.add (local.get $p) (local.get $bytes)))
            (if (i32.ge_u (local.get $p2) (local.get $cend)) (then (local.set $p2 (local.get $p))))
            (local.set $end (local.get $p2))
            (if (i32.eq (local.get $p2) (local.get $p))
              (then (local.set $end (i32.add (local.get $p) (local.get $bytes)))))
            (local.set $a0 (v128.const i64x2 0 0))
            (local.set $a1 (v128.const i64x2 0 0))
            (local.set $a2 (v128.const i64x2 0 0))
            (local.set $a3 (v128.const i64x2 0 0))
            (local.set $q (local.get $w))
            (loop $dot
              (local.set $wj (v128.load64_splat (local.get $q)))
              (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load (local.get $p)) (local.get $wj))))
              (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load offset=16 (local.get $p)) (local.get $wj))))
              (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load (local.get $p2)) (local.get $wj))))
              (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (v128.load offset=16 (local.get $p2)) (local.get $wj))))
              (local.set $p (i32.add (local.get $p) (i32.const 32)))
              (local.set $p2 (i32.add (local.get $p2) (i32.const 32)))
              (local.set $q (i32.add (local.get $q) (i32.const 8)))
              (br_if $dot (i32.lt_u (local.get $p) (local.get $end))))
            (v128.store (local.get $sp) (local.get $a0))
            (v128.store offset=16 (local.get $sp) (local.get $a1))
            (local.set $sp (i32.add (local.get $sp) (i32.const 32)))
            ;; a lone last block computed itself twice; keep one copy
            (if (i32.ne (local.get $p) (local.get $p2))
              (then
                (v128.store (local.get $sp) (local.get $a2))
                (v128.store offset=16 (local.get $sp) (local.get $a3))
                (local.set $sp (i32.add (local.get $sp) (i32.const 32)))
                (local.set $p (local.get $p2))))
            (br $margins)))

        ;; loss derivatives, in place
        (local.set $send (local.get $sp))
        (local.set $sp (local.get $sbuf))
        (loop $derivs
          (v128.store (local.get $sp) (call $dloss2 (v128.load (local.get $sp)) (local.get $expLoss) (local.get $fast)))
          (local.set $sp (i32.add (local.get $sp) (i32.const 16)))
          (br_if $derivs (i32.lt_u (local.get $sp) (local.get $send))))

        ;; g[j], g[j+1] += s0 z0, then s1 z1, s2 z2, s3 z3, block by block
        (local.set $p (local.get $zb))
        (local.set $sp (local.get $sbuf))
        (loop $blockGrad
          (local.set $s01 (v128.load (local.get $sp)))
          (local.set $s23 (v128.load offset=16 (local.get $sp)))
          (local.set $end (i32.add (local.get $p) (local.get $bytes)))
          (local.set $q (local.get $g))
          (loop $pair
            (local.set $x0 (f64x2.mul (v128.load (local.get $p)) (local.get $s01)))
            (local.set $x1 (f64x2.mul (v128.load offset=32 (local.get $p)) (local.get $s01)))
            (local.set $acc (f64x2.add (v128.load (local.get $q))
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (local.set $x0 (f64x2.mul (v128.load offset=16 (local.get $p)) (local.get $s23)))
            (local.set $x1 (f64x2.mul (v128.load offset=48 (local.get $p)) (local.get $s23)))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (v128.store (local.get $q) (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (local.set $p (i32.add (local.get $p) (i32.const 64)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br_if $pair (i32.lt_u (local.get $p) (local.get $end))))
          (local.set $sp (i32.add (local.get $sp) (i32.const 32)))
          (br_if $blockGrad (i32.lt_u (local.get $p) (local.get $cend))))
        (local.set $zb (local.get $cend))
        (br $chunk)))

    ;; the last n mod 4 rows, one at a time
    (local.set $r (i32.const 0))
    (block $tailDone
      (loop $tailRow
        (br_if $tailDone (i32.ge_u (local.get $r) (local.get $nt)))
        (local.set $row (i32.add (local.get $tail) (i32.shl (i32.mul (local.get $r) (local.get $d)) (i32.const 3))))
        (local.set $u (f64.const 0))
        (local.set $j (i32.const 0))
        (block $dotDone
          (loop $dot1
            (br_if $dotDone (i32.ge_u (local.get $j) (local.get $d)))
            (local.set $u (f64.add (local.get $u)
              (f64.mul
                (f64.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3))))
                (f64.load (i32.add (local.get $w) (i32.shl (local.get $j) (i32.const 3)))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $dot1)))
        (local.set $sr (f64x2.extract_lane 0
          (call $dloss2 (f64x2.splat (local.get $u)) (local.get $expLoss) (local.get $fast))))
        (local.set $j (i32.const 0))
        (block $axpyDone
          (loop $axpy
            (br_if $axpyDone (i32.ge_u (local.get $j) (local.get $d)))
            (local.set $q (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store (local.get $q) (f64.add (f64.load (local.get $q))
              (f64.mul (local.get $sr) (f64.load (i32.add (local.get $row) (i32.shl (local.get $j) (i32.const 3)))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $axpy)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $tailRow))))

  ;; Takes up to k steps; returns how many were taken.
  (func (export "run")
    (param $blocks i32) (param $nb i32) (param $cb i32) (param $tail i32) (param $nt i32) (param $d i32)
    (param $dp i32) (param $w i32) (param $g i32) (param $buf i32) (param $sbuf i32)
    (param $expLoss i32) (param $fast i32) (param $mean i32) (param $scale f64)
    (param $rule i32) (param $lr f64) (param $mu f64) (param $k i32)
    (result i32)
    (local $t i32) (local $j i32) (local $a i32) (local $sum f64) (local $gj f64) (local $b f64)
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $t) (local.get $k)))
        (call $gradient (local.get $blocks) (local.get $nb) (local.get $cb) (local.get $tail) (local.get $nt)
          (local.get $d) (local.get $dp) (local.get $w) (local.get $g) (local.get $sbuf)
          (local.get $expLoss) (local.get $fast))
        ;; mean reduction: g <- g * (1/n)
        (if (local.get $mean)
          (then
            (local.set $j (i32.const 0))
            (block $scaled
              (loop $scale
                (br_if $scaled (i32.ge_u (local.get $j) (local.get $d)))
                (local.set $a (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 3))))
                (f64.store (local.get $a) (f64.mul (f64.load (local.get $a)) (local.get $scale)))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $scale)))))
        ;; a step whose gradient sums to a non-finite number is not taken
        (local.set $sum (f64.const 0))
        (local.set $j (i32.const 0))
        (block $summed
          (loop $sumLoop
            (br_if $summed (i32.ge_u (local.get $j) (local.get $d)))
            (local.set $sum (f64.add (local.get $sum)
              (f64.load (i32.add (local.get $g) (i32.shl (local.get $j) (i32.const 3))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $sumLoop)))
        (br_if $done (f64.ne (f64.sub (local.get $sum) (local.get $sum)) (f64.const 0)))
        ;; the update: rule 0 plain, 1 heavy ball, 2 Nesterov
        (local.set $j (i32.const 0))
        (block $updated
          (loop $update
            (br_if $updated (i32.ge_u (local.get $j) (local.get $d)))
            (local.set $a (i32.shl (local.get $j) (i32.const 3)))
            (local.set $gj (f64.load (i32.add (local.get $g) (local.get $a))))
            (if (i32.eqz (local.get $rule))
              (then
                (f64.store (i32.add (local.get $w) (local.get $a))
                  (f64.sub (f64.load (i32.add (local.get $w) (local.get $a)))
                    (f64.mul (local.get $lr) (local.get $gj)))))
              (else
                (local.set $b (f64.add
                  (f64.mul (local.get $mu) (f64.load (i32.add (local.get $buf) (local.get $a))))
                  (local.get $gj)))
                (f64.store (i32.add (local.get $buf) (local.get $a)) (local.get $b))
                (f64.store (i32.add (local.get $w) (local.get $a))
                  (f64.sub (f64.load (i32.add (local.get $w) (local.get $a)))
                    (f64.mul (local.get $lr)
                      (if (result f64) (i32.eq (local.get $rule) (i32.const 2))
                        (then (f64.add (local.get $gj) (f64.mul (local.get $mu) (local.get $b))))
                        (else (local.get $b))))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $update)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $step)))
    (local.get $t)))
