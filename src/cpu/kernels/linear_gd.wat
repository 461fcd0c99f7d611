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
;; All offsets are multiples of 16.
(module
  (import "math" "exp" (func $exp (param f64) (result f64)))
  (memory (export "memory") 1)

  ;; exp of four float64 at p (two vectors, interleaved for instruction-level
  ;; parallelism), in place, correctly rounded.
  ;;
  ;; x = K ln2/128 + r with K = nearest(x 128/ln2), |r| <= 0.00271; r is
  ;; carried as r + dl (2Sum of x - K c_hi, which is exact, and -K c_lo).
  ;; exp(x) = 2^(K>>7) T exp(r) with T = 2^((K&127)/128) = T_hi + T_lo from
  ;; the table and exp(r) - 1 - r from a degree-6 Taylor polynomial
  ;; (truncation < 2^-72). T_hi r is formed exactly (Dekker's product), so
  ;; y + e = T (1 + r + s) has |error| < 2^-66 for T < 2 (each rounding left
  ;; is below 2^-69). When y + (e - 2^-64) and y + (e + 2^-64) round to the
  ;; same double, it is the correctly rounded exp(x) (Ziv's test; it fails for
  ;; about 1 x in 1000); otherwise, and for |x| > 707 or NaN, the lane calls
  ;; the imported exp. With fast = 0 every lane calls it.
  (func $exp4 (param $p i32) (param $fast i32)
    (local $xA v128) (local $xB v128) (local $okA v128) (local $okB v128) (local $xsA v128) (local $xsB v128)
    (local $kfA v128) (local $kfB v128) (local $kiA v128) (local $kiB v128) (local $rhA v128) (local $rhB v128)
    (local $bA v128) (local $bB v128) (local $rA v128) (local $rB v128) (local $bbA v128) (local $bbB v128)
    (local $dlA v128) (local $dlB v128) (local $sA v128) (local $sB v128) (local $t0A v128) (local $t0B v128)
    (local $t1A v128) (local $t1B v128) (local $thA v128) (local $thB v128) (local $tlA v128) (local $tlB v128)
    (local $cA v128) (local $cB v128) (local $thhA v128) (local $thhB v128) (local $thlA v128) (local $thlB v128)
    (local $rhhA v128) (local $rhhB v128) (local $rhlA v128) (local $rhlB v128) (local $ppA v128) (local $ppB v128)
    (local $perrA v128) (local $perrB v128) (local $y0A v128) (local $y0B v128) (local $tailA v128)
    (local $tailB v128) (local $yA v128) (local $yB v128) (local $eA v128) (local $eB v128) (local $loA v128)
    (local $loB v128)
    (if (i32.eqz (local.get $fast))
      (then
        (f64.store (local.get $p) (call $exp (f64.load (local.get $p))))
        (f64.store offset=8 (local.get $p) (call $exp (f64.load offset=8 (local.get $p))))
        (f64.store offset=16 (local.get $p) (call $exp (f64.load offset=16 (local.get $p))))
        (f64.store offset=24 (local.get $p) (call $exp (f64.load offset=24 (local.get $p))))
        (return)))
    (local.set $xA (v128.load (local.get $p)))
    (local.set $xB (v128.load offset=16 (local.get $p)))
    (local.set $okA (f64x2.le (f64x2.abs (local.get $xA)) (v128.load64_splat (i32.const 2064))))
    (local.set $okB (f64x2.le (f64x2.abs (local.get $xB)) (v128.load64_splat (i32.const 2064))))
    (local.set $xsA (v128.and (local.get $xA) (local.get $okA)))
    (local.set $xsB (v128.and (local.get $xB) (local.get $okB)))
    (local.set $kfA (f64x2.nearest (f64x2.mul (local.get $xsA) (v128.load64_splat (i32.const 2072)))))
    (local.set $kfB (f64x2.nearest (f64x2.mul (local.get $xsB) (v128.load64_splat (i32.const 2072)))))
    (local.set $kiA (i32x4.trunc_sat_f64x2_s_zero (local.get $kfA)))
    (local.set $kiB (i32x4.trunc_sat_f64x2_s_zero (local.get $kfB)))
    (local.set $rhA (f64x2.sub (local.get $xsA) (f64x2.mul (local.get $kfA) (v128.load64_splat (i32.const 2048)))))
    (local.set $rhB (f64x2.sub (local.get $xsB) (f64x2.mul (local.get $kfB) (v128.load64_splat (i32.const 2048)))))
    (local.set $bA (f64x2.neg (f64x2.mul (local.get $kfA) (v128.load64_splat (i32.const 2056)))))
    (local.set $bB (f64x2.neg (f64x2.mul (local.get $kfB) (v128.load64_splat (i32.const 2056)))))
    (local.set $rA (f64x2.add (local.get $rhA) (local.get $bA)))
    (local.set $rB (f64x2.add (local.get $rhB) (local.get $bB)))
    (local.set $bbA (f64x2.sub (local.get $rA) (local.get $rhA)))
    (local.set $bbB (f64x2.sub (local.get $rB) (local.get $rhB)))
    (local.set $dlA
      (f64x2.add
        (f64x2.sub (local.get $rhA) (f64x2.sub (local.get $rA) (local.get $bbA)))
        (f64x2.sub (local.get $bA) (local.get $bbA))))
    (local.set $dlB
      (f64x2.add
        (f64x2.sub (local.get $rhB) (f64x2.sub (local.get $rB) (local.get $bbB)))
        (f64x2.sub (local.get $bB) (local.get $bbB))))
    (local.set $sA
      (f64x2.add
        (local.get $dlA)
        (f64x2.mul
          (f64x2.mul (local.get $rA) (local.get $rA))
          (f64x2.add
            (v128.load64_splat (i32.const 2080))
            (f64x2.mul
              (local.get $rA)
              (f64x2.add
                (v128.load64_splat (i32.const 2088))
                (f64x2.mul
                  (local.get $rA)
                  (f64x2.add
                    (v128.load64_splat (i32.const 2096))
                    (f64x2.mul
                      (local.get $rA)
                      (f64x2.add
                        (v128.load64_splat (i32.const 2104))
                        (f64x2.mul (local.get $rA) (v128.load64_splat (i32.const 2112)))))))))))))
    (local.set $sB
      (f64x2.add
        (local.get $dlB)
        (f64x2.mul
          (f64x2.mul (local.get $rB) (local.get $rB))
          (f64x2.add
            (v128.load64_splat (i32.const 2080))
            (f64x2.mul
              (local.get $rB)
              (f64x2.add
                (v128.load64_splat (i32.const 2088))
                (f64x2.mul
                  (local.get $rB)
                  (f64x2.add
                    (v128.load64_splat (i32.const 2096))
                    (f64x2.mul
                      (local.get $rB)
                      (f64x2.add
                        (v128.load64_splat (i32.const 2104))
                        (f64x2.mul (local.get $rB) (v128.load64_splat (i32.const 2112)))))))))))))
    (local.set $t0A
      (v128.load (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $kiA)) (i32.const 127)) (i32.const 4))))
    (local.set $t0B
      (v128.load (i32.shl (i32.and (i32x4.extract_lane 0 (local.get $kiB)) (i32.const 127)) (i32.const 4))))
    (local.set $t1A
      (v128.load (i32.shl (i32.and (i32x4.extract_lane 1 (local.get $kiA)) (i32.const 127)) (i32.const 4))))
    (local.set $t1B
      (v128.load (i32.shl (i32.and (i32x4.extract_lane 1 (local.get $kiB)) (i32.const 127)) (i32.const 4))))
    (local.set $thA (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0A) (local.get $t1A)))
    (local.set $thB (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0B) (local.get $t1B)))
    (local.set $tlA (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0A) (local.get $t1A)))
    (local.set $tlB (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0B) (local.get $t1B)))
    (local.set $cA (f64x2.mul (local.get $thA) (v128.load64_splat (i32.const 2120))))
    (local.set $cB (f64x2.mul (local.get $thB) (v128.load64_splat (i32.const 2120))))
    (local.set $thhA (f64x2.sub (local.get $cA) (f64x2.sub (local.get $cA) (local.get $thA))))
    (local.set $thhB (f64x2.sub (local.get $cB) (f64x2.sub (local.get $cB) (local.get $thB))))
    (local.set $thlA (f64x2.sub (local.get $thA) (local.get $thhA)))
    (local.set $thlB (f64x2.sub (local.get $thB) (local.get $thhB)))
    (local.set $cA (f64x2.mul (local.get $rA) (v128.load64_splat (i32.const 2120))))
    (local.set $cB (f64x2.mul (local.get $rB) (v128.load64_splat (i32.const 2120))))
    (local.set $rhhA (f64x2.sub (local.get $cA) (f64x2.sub (local.get $cA) (local.get $rA))))
    (local.set $rhhB (f64x2.sub (local.get $cB) (f64x2.sub (local.get $cB) (local.get $rB))))
    (local.set $rhlA (f64x2.sub (local.get $rA) (local.get $rhhA)))
    (local.set $rhlB (f64x2.sub (local.get $rB) (local.get $rhhB)))
    (local.set $ppA (f64x2.mul (local.get $thA) (local.get $rA)))
    (local.set $ppB (f64x2.mul (local.get $thB) (local.get $rB)))
    (local.set $perrA
      (f64x2.add
        (f64x2.add
          (f64x2.add
            (f64x2.sub (f64x2.mul (local.get $thhA) (local.get $rhhA)) (local.get $ppA))
            (f64x2.mul (local.get $thhA) (local.get $rhlA)))
          (f64x2.mul (local.get $thlA) (local.get $rhhA)))
        (f64x2.mul (local.get $thlA) (local.get $rhlA))))
    (local.set $perrB
      (f64x2.add
        (f64x2.add
          (f64x2.add
            (f64x2.sub (f64x2.mul (local.get $thhB) (local.get $rhhB)) (local.get $ppB))
            (f64x2.mul (local.get $thhB) (local.get $rhlB)))
          (f64x2.mul (local.get $thlB) (local.get $rhhB)))
        (f64x2.mul (local.get $thlB) (local.get $rhlB))))
    (local.set $y0A (f64x2.add (local.get $thA) (local.get $ppA)))
    (local.set $y0B (f64x2.add (local.get $thB) (local.get $ppB)))
    (local.set $tailA
      (f64x2.add
        (f64x2.add (f64x2.sub (local.get $thA) (local.get $y0A)) (local.get $ppA))
        (f64x2.add
          (local.get $perrA)
          (f64x2.add
            (local.get $tlA)
            (f64x2.add (f64x2.mul (local.get $thA) (local.get $sA)) (f64x2.mul (local.get $tlA) (local.get $rA)))))))
    (local.set $tailB
      (f64x2.add
        (f64x2.add (f64x2.sub (local.get $thB) (local.get $y0B)) (local.get $ppB))
        (f64x2.add
          (local.get $perrB)
          (f64x2.add
            (local.get $tlB)
            (f64x2.add (f64x2.mul (local.get $thB) (local.get $sB)) (f64x2.mul (local.get $tlB) (local.get $rB)))))))
    (local.set $yA (f64x2.add (local.get $y0A) (local.get $tailA)))
    (local.set $yB (f64x2.add (local.get $y0B) (local.get $tailB)))
    (local.set $eA (f64x2.add (f64x2.sub (local.get $y0A) (local.get $yA)) (local.get $tailA)))
    (local.set $eB (f64x2.add (f64x2.sub (local.get $y0B) (local.get $yB)) (local.get $tailB)))
    (local.set $loA (f64x2.add (local.get $yA) (f64x2.sub (local.get $eA) (v128.load64_splat (i32.const 2128)))))
    (local.set $loB (f64x2.add (local.get $yB) (f64x2.sub (local.get $eB) (v128.load64_splat (i32.const 2128)))))
    (local.set $okA
      (v128.and
        (local.get $okA)
        (f64x2.eq
          (local.get $loA)
          (f64x2.add (local.get $yA) (f64x2.add (local.get $eA) (v128.load64_splat (i32.const 2128)))))))
    (local.set $okB
      (v128.and
        (local.get $okB)
        (f64x2.eq
          (local.get $loB)
          (f64x2.add (local.get $yB) (f64x2.add (local.get $eB) (v128.load64_splat (i32.const 2128)))))))
    (v128.store
      (local.get $p)
      (f64x2.mul
        (local.get $loA)
        (i64x2.shl
          (i64x2.add
            (i64x2.extend_low_i32x4_s (i32x4.shr_s (local.get $kiA) (i32.const 7)))
            (v128.load64_splat (i32.const 2136)))
          (i32.const 52))))
    (v128.store offset=16
      (local.get $p)
      (f64x2.mul
        (local.get $loB)
        (i64x2.shl
          (i64x2.add
            (i64x2.extend_low_i32x4_s (i32x4.shr_s (local.get $kiB) (i32.const 7)))
            (v128.load64_splat (i32.const 2136)))
          (i32.const 52))))
    (if (i32.eqz (i64x2.all_true (v128.and (local.get $okA) (local.get $okB))))
      (then
        (if (i64.eqz (i64x2.extract_lane 0 (local.get $okA)))
          (then (f64.store offset=0 (local.get $p) (call $exp (f64x2.extract_lane 0 (local.get $xA))))))
        (if (i64.eqz (i64x2.extract_lane 1 (local.get $okA)))
          (then (f64.store offset=8 (local.get $p) (call $exp (f64x2.extract_lane 1 (local.get $xA))))))
        (if (i64.eqz (i64x2.extract_lane 0 (local.get $okB)))
          (then (f64.store offset=16 (local.get $p) (call $exp (f64x2.extract_lane 0 (local.get $xB))))))
        (if (i64.eqz (i64x2.extract_lane 1 (local.get $okB)))
          (then (f64.store offset=24 (local.get $p) (call $exp (f64x2.extract_lane 1 (local.get $xB)))))))))

  ;; l'(u) of four float64 at p, in place: -1/(1 + e^u) (logistic) or -e^-u
  ;; (exponential).
  (func $dloss4 (param $p i32) (param $expLoss i32) (param $fast i32)
    (if (local.get $expLoss)
      (then
        (v128.store (local.get $p) (f64x2.neg (v128.load (local.get $p))))
        (v128.store offset=16 (local.get $p) (f64x2.neg (v128.load offset=16 (local.get $p))))
        (call $exp4 (local.get $p) (local.get $fast))
        (v128.store (local.get $p) (f64x2.neg (v128.load (local.get $p))))
        (v128.store offset=16 (local.get $p) (f64x2.neg (v128.load offset=16 (local.get $p)))))
      (else
        (call $exp4 (local.get $p) (local.get $fast))
        (v128.store (local.get $p)
          (f64x2.div (v128.load64_splat (i32.const 2144))
            (f64x2.add (v128.load64_splat (i32.const 2152)) (v128.load (local.get $p)))))
        (v128.store offset=16 (local.get $p)
          (f64x2.div (v128.load64_splat (i32.const 2144))
            (f64x2.add (v128.load64_splat (i32.const 2152)) (v128.load offset=16 (local.get $p))))))))

  ;; For tests: the exp above, on one number.
  (func (export "exp") (param $x f64) (param $fast i32) (result f64)
    (v128.store (i32.const 2160) (f64x2.splat (local.get $x)))
    (v128.store (i32.const 2176) (f64x2.splat (local.get $x)))
    (call $exp4 (i32.const 2160) (local.get $fast))
    (f64.load (i32.const 2160)))

  ;; g <- sum_n l'(<z_n, w>) z_n, rows in order, in chunks of cb blocks (small
  ;; enough to stay in L1): the chunk's margins, a block (16 rows, eight
  ;; accumulators) at a time; their loss derivatives, a throughput-bound loop
  ;; over independent fours; then the gradient terms, a block at a time.
  (func $gradient
    (param $blocks i32) (param $nb i32) (param $cb i32) (param $tail i32) (param $nt i32)
    (param $d i32) (param $dp i32) (param $w i32) (param $g i32) (param $sbuf i32)
    (param $expLoss i32) (param $fast i32)
    (local $zb i32) (local $zend i32) (local $cend i32) (local $bytes i32)
    (local $p i32) (local $q i32) (local $end i32) (local $sp i32) (local $send i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128) (local $wj v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $s4 v128) (local $s5 v128) (local $s6 v128) (local $s7 v128)
    (local $x0 v128) (local $x1 v128) (local $acc v128)
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

    (local.set $bytes (i32.shl (local.get $dp) (i32.const 7)))
    (local.set $zb (local.get $blocks))
    (local.set $zend (i32.add (local.get $blocks) (i32.mul (local.get $nb) (local.get $bytes))))
    (block $chunksDone
      (loop $chunk
        (br_if $chunksDone (i32.ge_u (local.get $zb) (local.get $zend)))
        (local.set $cend (i32.add (local.get $zb) (i32.mul (local.get $cb) (local.get $bytes))))
        (if (i32.gt_u (local.get $cend) (local.get $zend)) (then (local.set $cend (local.get $zend))))

        ;; margins, a block at a time
        (local.set $p (local.get $zb))
        (local.set $sp (local.get $sbuf))
        (loop $margins
            (local.set $a0 (v128.const i64x2 0 0))
            (local.set $a1 (v128.const i64x2 0 0))
            (local.set $a2 (v128.const i64x2 0 0))
            (local.set $a3 (v128.const i64x2 0 0))
            (local.set $a4 (v128.const i64x2 0 0))
            (local.set $a5 (v128.const i64x2 0 0))
            (local.set $a6 (v128.const i64x2 0 0))
            (local.set $a7 (v128.const i64x2 0 0))
          (local.set $q (local.get $w))
          (local.set $end (i32.add (local.get $p) (local.get $bytes)))
          (loop $dot
            (local.set $wj (v128.load64_splat (local.get $q)))
            (local.set $a0
              (f64x2.add (local.get $a0) (f64x2.mul (v128.load offset=0 (local.get $p)) (local.get $wj))))
            (local.set $a1
              (f64x2.add (local.get $a1) (f64x2.mul (v128.load offset=16 (local.get $p)) (local.get $wj))))
            (local.set $a2
              (f64x2.add (local.get $a2) (f64x2.mul (v128.load offset=32 (local.get $p)) (local.get $wj))))
            (local.set $a3
              (f64x2.add (local.get $a3) (f64x2.mul (v128.load offset=48 (local.get $p)) (local.get $wj))))
            (local.set $a4
              (f64x2.add (local.get $a4) (f64x2.mul (v128.load offset=64 (local.get $p)) (local.get $wj))))
            (local.set $a5
              (f64x2.add (local.get $a5) (f64x2.mul (v128.load offset=80 (local.get $p)) (local.get $wj))))
            (local.set $a6
              (f64x2.add (local.get $a6) (f64x2.mul (v128.load offset=96 (local.get $p)) (local.get $wj))))
            (local.set $a7
              (f64x2.add (local.get $a7) (f64x2.mul (v128.load offset=112 (local.get $p)) (local.get $wj))))
            (local.set $p (i32.add (local.get $p) (i32.const 128)))
            (local.set $q (i32.add (local.get $q) (i32.const 8)))
            (br_if $dot (i32.lt_u (local.get $p) (local.get $end))))
            (v128.store offset=0 (local.get $sp) (local.get $a0))
            (v128.store offset=16 (local.get $sp) (local.get $a1))
            (v128.store offset=32 (local.get $sp) (local.get $a2))
            (v128.store offset=48 (local.get $sp) (local.get $a3))
            (v128.store offset=64 (local.get $sp) (local.get $a4))
            (v128.store offset=80 (local.get $sp) (local.get $a5))
            (v128.store offset=96 (local.get $sp) (local.get $a6))
            (v128.store offset=112 (local.get $sp) (local.get $a7))
          (local.set $sp (i32.add (local.get $sp) (i32.const 128)))
          (br_if $margins (i32.lt_u (local.get $p) (local.get $cend))))

        ;; loss derivatives, in place
        (local.set $send (local.get $sp))
        (local.set $sp (local.get $sbuf))
        (loop $derivs
          (call $dloss4 (local.get $sp) (local.get $expLoss) (local.get $fast))
          (local.set $sp (i32.add (local.get $sp) (i32.const 32)))
          (br_if $derivs (i32.lt_u (local.get $sp) (local.get $send))))

        ;; g[j], g[j+1] += s0 z0, then s1 z1, ..., s15 z15, a block at a time
        (local.set $p (local.get $zb))
        (local.set $sp (local.get $sbuf))
        (loop $blockGrad
          (local.set $s0 (v128.load offset=0 (local.get $sp)))
          (local.set $s1 (v128.load offset=16 (local.get $sp)))
          (local.set $s2 (v128.load offset=32 (local.get $sp)))
          (local.set $s3 (v128.load offset=48 (local.get $sp)))
          (local.set $s4 (v128.load offset=64 (local.get $sp)))
          (local.set $s5 (v128.load offset=80 (local.get $sp)))
          (local.set $s6 (v128.load offset=96 (local.get $sp)))
          (local.set $s7 (v128.load offset=112 (local.get $sp)))
          (local.set $end (i32.add (local.get $p) (local.get $bytes)))
          (local.set $q (local.get $g))
          (loop $pair
            (local.set $acc (v128.load (local.get $q)))
            (local.set $x0 (f64x2.mul (v128.load offset=0 (local.get $p)) (local.get $s0)))
            (local.set $x1 (f64x2.mul (v128.load offset=128 (local.get $p)) (local.get $s0)))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (local.set $x0 (f64x2.mul (v128.load offset=16 (local.get $p)) (local.get $s1)))
            (local.set $x1 (f64x2.mul (v128.load offset=144 (local.get $p)) (local.get $s1)))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (local.set $x0 (f64x2.mul (v128.load offset=32 (local.get $p)) (local.get $s2)))
            (local.set $x1 (f64x2.mul (v128.load offset=160 (local.get $p)) (local.get $s2)))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (local.set $x0 (f64x2.mul (v128.load offset=48 (local.get $p)) (local.get $s3)))
            (local.set $x1 (f64x2.mul (v128.load offset=176 (local.get $p)) (local.get $s3)))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (local.set $x0 (f64x2.mul (v128.load offset=64 (local.get $p)) (local.get $s4)))
            (local.set $x1 (f64x2.mul (v128.load offset=192 (local.get $p)) (local.get $s4)))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (local.set $x0 (f64x2.mul (v128.load offset=80 (local.get $p)) (local.get $s5)))
            (local.set $x1 (f64x2.mul (v128.load offset=208 (local.get $p)) (local.get $s5)))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (local.set $x0 (f64x2.mul (v128.load offset=96 (local.get $p)) (local.get $s6)))
            (local.set $x1 (f64x2.mul (v128.load offset=224 (local.get $p)) (local.get $s6)))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (local.set $x0 (f64x2.mul (v128.load offset=112 (local.get $p)) (local.get $s7)))
            (local.set $x1 (f64x2.mul (v128.load offset=240 (local.get $p)) (local.get $s7)))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
            (local.set $acc (f64x2.add (local.get $acc)
              (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
            (v128.store (local.get $q) (local.get $acc))
            (local.set $p (i32.add (local.get $p) (i32.const 256)))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br_if $pair (i32.lt_u (local.get $p) (local.get $end))))
          (local.set $sp (i32.add (local.get $sp) (i32.const 128)))
          (br_if $blockGrad (i32.lt_u (local.get $p) (local.get $cend))))
        (local.set $zb (local.get $cend))
        (br $chunk)))

    ;; the last n mod 16 rows, one at a time
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
        (v128.store (i32.const 2160) (f64x2.splat (local.get $u)))
        (v128.store (i32.const 2176) (f64x2.splat (local.get $u)))
        (call $dloss4 (i32.const 2160) (local.get $expLoss) (local.get $fast))
        (local.set $sr (f64.load (i32.const 2160)))
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
