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
