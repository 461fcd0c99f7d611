;; The passes of one step over the blocks [p, pend) (a chunk), each a block
;; (16 rows) at a time, lanes over rows; the two-thread run calls them on its
;; share of the columns.

  ;; Margins: u[16 rows of each block] = init ? u + sum : sum over the columns
  ;; j in [j0, j1) (j0 < j1) of z[row][j] w[j], accumulated in order of j.
  (func $margins
    (param $p i32) (param $pend i32) (param $bytes i32) (param $j0 i32) (param $j1 i32)
    (param $w i32) (param $u i32) (param $init i32)
    (local $b i32) (local $q i32) (local $qend i32) (local $wj v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $qend (i32.add (local.get $w) (i32.shl (local.get $j1) (i32.const 3))))
    (loop $block
      (if (local.get $init)
        (then
          (local.set $a0 (v128.load offset=0 (local.get $u)))
          (local.set $a1 (v128.load offset=16 (local.get $u)))
          (local.set $a2 (v128.load offset=32 (local.get $u)))
          (local.set $a3 (v128.load offset=48 (local.get $u)))
          (local.set $a4 (v128.load offset=64 (local.get $u)))
          (local.set $a5 (v128.load offset=80 (local.get $u)))
          (local.set $a6 (v128.load offset=96 (local.get $u)))
          (local.set $a7 (v128.load offset=112 (local.get $u)))
        )
        (else
          (local.set $a0 (v128.const i64x2 0 0))
          (local.set $a1 (v128.const i64x2 0 0))
          (local.set $a2 (v128.const i64x2 0 0))
          (local.set $a3 (v128.const i64x2 0 0))
          (local.set $a4 (v128.const i64x2 0 0))
          (local.set $a5 (v128.const i64x2 0 0))
          (local.set $a6 (v128.const i64x2 0 0))
          (local.set $a7 (v128.const i64x2 0 0))
        ))
      (local.set $b (i32.add (local.get $p) (i32.shl (local.get $j0) (i32.const 7))))
      (local.set $q (i32.add (local.get $w) (i32.shl (local.get $j0) (i32.const 3))))
      (loop $dot
        (local.set $wj (v128.load64_splat (local.get $q)))
        (local.set $a0
          (f64x2.add (local.get $a0) (f64x2.mul (v128.load offset=0 (local.get $b)) (local.get $wj))))
        (local.set $a1
          (f64x2.add (local.get $a1) (f64x2.mul (v128.load offset=16 (local.get $b)) (local.get $wj))))
        (local.set $a2
          (f64x2.add (local.get $a2) (f64x2.mul (v128.load offset=32 (local.get $b)) (local.get $wj))))
        (local.set $a3
          (f64x2.add (local.get $a3) (f64x2.mul (v128.load offset=48 (local.get $b)) (local.get $wj))))
        (local.set $a4
          (f64x2.add (local.get $a4) (f64x2.mul (v128.load offset=64 (local.get $b)) (local.get $wj))))
        (local.set $a5
          (f64x2.add (local.get $a5) (f64x2.mul (v128.load offset=80 (local.get $b)) (local.get $wj))))
        (local.set $a6
          (f64x2.add (local.get $a6) (f64x2.mul (v128.load offset=96 (local.get $b)) (local.get $wj))))
        (local.set $a7
          (f64x2.add (local.get $a7) (f64x2.mul (v128.load offset=112 (local.get $b)) (local.get $wj))))
        (local.set $b (i32.add (local.get $b) (i32.const 128)))
        (local.set $q (i32.add (local.get $q) (i32.const 8)))
        (br_if $dot (i32.lt_u (local.get $q) (local.get $qend))))
      (v128.store offset=0 (local.get $u) (local.get $a0))
      (v128.store offset=16 (local.get $u) (local.get $a1))
      (v128.store offset=32 (local.get $u) (local.get $a2))
      (v128.store offset=48 (local.get $u) (local.get $a3))
      (v128.store offset=64 (local.get $u) (local.get $a4))
      (v128.store offset=80 (local.get $u) (local.get $a5))
      (v128.store offset=96 (local.get $u) (local.get $a6))
      (v128.store offset=112 (local.get $u) (local.get $a7))
      (local.set $u (i32.add (local.get $u) (i32.const 128)))
      (local.set $p (i32.add (local.get $p) (local.get $bytes)))
      (br_if $block (i32.lt_u (local.get $p) (local.get $pend)))))

  ;; Loss derivatives of the margins in [s, send), in place, four at a time
  ;; (s < send, a multiple of 32 bytes apart): a throughput-bound loop.
  (func $derivs (param $s i32) (param $send i32) (param $expLoss i32) (param $fast i32)
    (loop $four
      (call $dloss4 (local.get $s) (local.get $expLoss) (local.get $fast))
      (local.set $s (i32.add (local.get $s) (i32.const 32)))
      (br_if $four (i32.lt_u (local.get $s) (local.get $send)))))

  ;; Gradient terms: for the column pairs k in [k0, k1) (k0 < k1), g[2k],
  ;; g[2k+1] += s0 z0, then s1 z1, ..., s15 z15, block after block: each
  ;; entry's sum runs over the rows in order.
  (func $grads
    (param $p i32) (param $pend i32) (param $bytes i32) (param $k0 i32) (param $k1 i32)
    (param $g i32) (param $s i32)
    (local $b i32) (local $bend i32) (local $q i32) (local $x0 v128) (local $x1 v128) (local $acc v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $s4 v128) (local $s5 v128) (local $s6 v128) (local $s7 v128)
    (loop $block
      (local.set $s0 (v128.load offset=0 (local.get $s)))
      (local.set $s1 (v128.load offset=16 (local.get $s)))
      (local.set $s2 (v128.load offset=32 (local.get $s)))
      (local.set $s3 (v128.load offset=48 (local.get $s)))
      (local.set $s4 (v128.load offset=64 (local.get $s)))
      (local.set $s5 (v128.load offset=80 (local.get $s)))
      (local.set $s6 (v128.load offset=96 (local.get $s)))
      (local.set $s7 (v128.load offset=112 (local.get $s)))
      (local.set $b (i32.add (local.get $p) (i32.shl (local.get $k0) (i32.const 8))))
      (local.set $bend (i32.add (local.get $p) (i32.shl (local.get $k1) (i32.const 8))))
      (local.set $q (i32.add (local.get $g) (i32.shl (local.get $k0) (i32.const 4))))
      (loop $pair
        (local.set $acc (v128.load (local.get $q)))
        (local.set $x0 (f64x2.mul (v128.load offset=0 (local.get $b)) (local.get $s0)))
        (local.set $x1 (f64x2.mul (v128.load offset=128 (local.get $b)) (local.get $s0)))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
        (local.set $x0 (f64x2.mul (v128.load offset=16 (local.get $b)) (local.get $s1)))
        (local.set $x1 (f64x2.mul (v128.load offset=144 (local.get $b)) (local.get $s1)))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
        (local.set $x0 (f64x2.mul (v128.load offset=32 (local.get $b)) (local.get $s2)))
        (local.set $x1 (f64x2.mul (v128.load offset=160 (local.get $b)) (local.get $s2)))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
        (local.set $x0 (f64x2.mul (v128.load offset=48 (local.get $b)) (local.get $s3)))
        (local.set $x1 (f64x2.mul (v128.load offset=176 (local.get $b)) (local.get $s3)))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
        (local.set $x0 (f64x2.mul (v128.load offset=64 (local.get $b)) (local.get $s4)))
        (local.set $x1 (f64x2.mul (v128.load offset=192 (local.get $b)) (local.get $s4)))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
        (local.set $x0 (f64x2.mul (v128.load offset=80 (local.get $b)) (local.get $s5)))
        (local.set $x1 (f64x2.mul (v128.load offset=208 (local.get $b)) (local.get $s5)))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
        (local.set $x0 (f64x2.mul (v128.load offset=96 (local.get $b)) (local.get $s6)))
        (local.set $x1 (f64x2.mul (v128.load offset=224 (local.get $b)) (local.get $s6)))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
        (local.set $x0 (f64x2.mul (v128.load offset=112 (local.get $b)) (local.get $s7)))
        (local.set $x1 (f64x2.mul (v128.load offset=240 (local.get $b)) (local.get $s7)))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $x0) (local.get $x1))))
        (local.set $acc (f64x2.add (local.get $acc)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $x0) (local.get $x1))))
        (v128.store (local.get $q) (local.get $acc))
        (local.set $b (i32.add (local.get $b) (i32.const 256)))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br_if $pair (i32.lt_u (local.get $b) (local.get $bend))))
      (local.set $s (i32.add (local.get $s) (i32.const 128)))
      (local.set $p (i32.add (local.get $p) (local.get $bytes)))
      (br_if $block (i32.lt_u (local.get $p) (local.get $pend)))))

  ;; [q, end) <- 0, sixteen bytes at a time.
  (func $zero (param $q i32) (param $end i32)
    (block $zeroed
      (loop $zero
        (br_if $zeroed (i32.ge_u (local.get $q) (local.get $end)))
        (v128.store (local.get $q) (v128.const i64x2 0 0))
        (local.set $q (i32.add (local.get $q) (i32.const 16)))
        (br $zero))))
