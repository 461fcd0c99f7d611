;; The rest of a step, and the one-thread run.

  ;; The last n mod 16 rows (row-major at tail), one at a time, after the
  ;; blocks: margin over every column, loss derivative, gradient terms.
  (func $tail
    (param $tail i32) (param $nt i32) (param $d i32) (param $w i32) (param $g i32)
    (param $expLoss i32) (param $fast i32)
    (local $r i32) (local $row i32) (local $j i32) (local $q i32) (local $u f64) (local $sr f64)
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

  ;; The update from the gradient g: returns 0, leaving w and buf as they
  ;; were, when the gradient (after the mean's 1/n) sums to a non-finite
  ;; number; else 1.
  (func $update
    (param $d i32) (param $w i32) (param $g i32) (param $buf i32)
    (param $mean i32) (param $scale f64) (param $rule i32) (param $lr f64) (param $mu f64)
    (result i32)
    (local $j i32) (local $a i32) (local $sum f64) (local $gj f64) (local $b f64)
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
    (if (f64.ne (f64.sub (local.get $sum) (local.get $sum)) (f64.const 0)) (then (return (i32.const 0))))
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
    (i32.const 1))

  ;; Takes up to k steps on one thread, in chunks of cb blocks (small enough
  ;; to stay in L1 from the margins to the gradient terms) with the chunk's
  ;; margins at sbuf; returns how many steps were taken.
  (func (export "run")
    (param $blocks i32) (param $nb i32) (param $cb i32) (param $tail i32) (param $nt i32) (param $d i32)
    (param $dp i32) (param $w i32) (param $g i32) (param $buf i32) (param $sbuf i32)
    (param $expLoss i32) (param $fast i32) (param $mean i32) (param $scale f64)
    (param $rule i32) (param $lr f64) (param $mu f64) (param $k i32)
    (result i32)
    (local $t i32) (local $bytes i32) (local $zb i32) (local $zend i32) (local $cend i32)
    (local.set $bytes (i32.shl (local.get $dp) (i32.const 7)))
    (local.set $zend (i32.add (local.get $blocks) (i32.mul (local.get $nb) (local.get $bytes))))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $t) (local.get $k)))
        (call $zero (local.get $g) (i32.add (local.get $g) (i32.shl (local.get $dp) (i32.const 3))))
        (local.set $zb (local.get $blocks))
        (block $chunksDone
          (loop $chunk
            (br_if $chunksDone (i32.ge_u (local.get $zb) (local.get $zend)))
            (local.set $cend (i32.add (local.get $zb) (i32.mul (local.get $cb) (local.get $bytes))))
            (if (i32.gt_u (local.get $cend) (local.get $zend)) (then (local.set $cend (local.get $zend))))
            (call $margins (local.get $zb) (local.get $cend) (local.get $bytes) (i32.const 0) (local.get $dp)
              (local.get $w) (local.get $sbuf) (i32.const 0))
            (call $derivs (local.get $sbuf)
              (i32.add (local.get $sbuf)
                (i32.shl (i32.div_u (i32.sub (local.get $cend) (local.get $zb)) (local.get $bytes)) (i32.const 7)))
              (local.get $expLoss) (local.get $fast))
            (call $grads (local.get $zb) (local.get $cend) (local.get $bytes) (i32.const 0)
              (i32.shr_u (local.get $dp) (i32.const 1)) (local.get $g) (local.get $sbuf))
            (local.set $zb (local.get $cend))
            (br $chunk)))
        (call $tail (local.get $tail) (local.get $nt) (local.get $d) (local.get $w) (local.get $g)
          (local.get $expLoss) (local.get $fast))
        (br_if $done (i32.eqz (call $update (local.get $d) (local.get $w) (local.get $g) (local.get $buf)
          (local.get $mean) (local.get $scale) (local.get $rule) (local.get $lr) (local.get $mu))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $step)))
    (local.get $t))
