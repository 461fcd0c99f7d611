;; The two-thread run: runA on the host's thread, runB on a helper thread
;; (a Worker with this module and this memory), started together by the host.
;;
;; Each chunk of cb blocks is done in two phases with a barrier between:
;;   1. rows: A takes the chunk's first half of the blocks (rounded up), B the
;;      rest; each computes its rows' margins over every column and their loss
;;      derivatives, exactly as run() does, A into ua, B into ub;
;;   2. columns: A adds the gradient terms of the column pairs [0, pa) into g,
;;      B those of [pa, dp/2) into gb, over all the chunk's rows in order
;;      (reading ua, then ub).
;; So every margin is one sum in order of j and every g[j] one sum over the
;; rows in order: the iterates are run()'s, bit for bit. Phase 2 of a chunk
;; and phase 1 of the next touch different rows, so one barrier a chunk
;; suffices. After the last chunk B copies its entries from gb into g, and a
;; barrier lets A add the tail rows, check the gradient and update w and buf
;; alone; a last barrier hands the new w to B. What each thread writes lies a
;; page away from what the other writes (ua/ub, g/gb, laid out by the host):
;; on adjacent lines the cores slowed each other by 30%.
;;
;; The barrier: each thread counts its arrivals in a word of its own and
;; waits until the other's count has caught up. Control words (each on its
;; own 64-byte line, zeroed by the host before a run):
;;   2304 A      A's arrivals
;;   2368 B      B's arrivals
;;   2496 STOP   1 once runA returns (A, or the host, writes); B returns
;;   2560 STALL  1 when A gave up waiting for B (after cap milliseconds)
;; [2624, 3072) is the host's (the job handshake and runB's arguments).
;; Atomics are sequentially consistent, so what one thread wrote before it
;; arrived is visible to the other once it sees the arrival.

  ;; A arrives: raises its count to n, then spins until B's count reaches n
  ;; (1), or until it has waited more than cap milliseconds (raises STALL,
  ;; returns 0); the clock is read every 1024 spins, once a wait is long.
  (func $arriveA (param $n i32) (param $cap f64) (result i32)
    (local $spins i32) (local $start f64)
    (i32.atomic.store (global.get $CTRL_A) (local.get $n))
    (block $reached
      (loop $spin
        (br_if $reached (i32.ge_s (i32.atomic.load (global.get $CTRL_B)) (local.get $n)))
        (local.set $spins (i32.add (local.get $spins) (i32.const 1)))
        (if (i32.eqz (i32.and (local.get $spins) (i32.const 1023)))
          (then
            (if (i32.eq (local.get $spins) (i32.const 1024))
              (then (local.set $start (call $now)))
              (else
                (if (f64.gt (f64.sub (call $now) (local.get $start)) (local.get $cap))
                  (then
                    (i32.atomic.store (global.get $CTRL_STALL) (i32.const 1))
                    (return (i32.const 0))))))))
        (br $spin)))
    (i32.const 1))

  ;; B arrives: raises its count to n, then spins until A's count reaches n
  ;; (1), or STOP is raised (0).
  (func $arriveB (param $n i32) (result i32)
    (i32.atomic.store (global.get $CTRL_B) (local.get $n))
    (block $reached
      (loop $spin
        (br_if $reached (i32.ge_s (i32.atomic.load (global.get $CTRL_A)) (local.get $n)))
        (if (i32.atomic.load (global.get $CTRL_STOP)) (then (return (i32.const 0))))
        (br $spin)))
    (i32.const 1))

;; [p, end) -> [to, ...), sixteen bytes at a time (p < end).
  (func $copy (param $p i32) (param $end i32) (param $to i32)
    (loop $copy
      (v128.store (local.get $to) (v128.load (local.get $p)))
      (local.set $p (i32.add (local.get $p) (i32.const 16)))
      (local.set $to (i32.add (local.get $to) (i32.const 16)))
      (br_if $copy (i32.lt_u (local.get $p) (local.get $end)))))

  ;; The end of the chunk that starts at zb: cb blocks on, or zend.
  (func $chunkEnd (param $zb i32) (param $chunk i32) (param $zend i32) (result i32)
    (select (local.get $zend) (i32.add (local.get $zb) (local.get $chunk))
      (i32.gt_u (i32.add (local.get $zb) (local.get $chunk)) (local.get $zend))))

  ;; Where A's rows of the chunk [zb, cend) end and B's begin.
  (func $chunkMid (param $zb i32) (param $cend i32) (param $bytes i32) (result i32)
    (i32.add (local.get $zb)
      (i32.mul (local.get $bytes)
        (i32.shr_u (i32.add (i32.div_u (i32.sub (local.get $cend) (local.get $zb)) (local.get $bytes)) (i32.const 1))
          (i32.const 1)))))

  ;; Where in u the rows of the block at zb go.
  (func $rowsAt (param $zb i32) (param $blocks i32) (param $bytes i32) (param $u i32) (result i32)
    (i32.add (local.get $u)
      (i32.shl (i32.div_u (i32.sub (local.get $zb) (local.get $blocks)) (local.get $bytes)) (i32.const 7))))

  ;; Phase 1 on the rows [p, pend) (nothing when empty): margins and loss
  ;; derivatives into u.
  (func $rows
    (param $p i32) (param $pend i32) (param $blocks i32) (param $bytes i32) (param $dp i32) (param $w i32)
    (param $u i32) (param $expLoss i32) (param $fast i32)
    (local $at i32)
    (if (i32.ge_u (local.get $p) (local.get $pend)) (then (return)))
    (local.set $at (call $rowsAt (local.get $p) (local.get $blocks) (local.get $bytes) (local.get $u)))
    (call $margins (local.get $p) (local.get $pend) (local.get $bytes) (i32.const 0) (local.get $dp) (local.get $w)
      (local.get $at) (i32.const 0))
    (call $derivs (local.get $at) (call $rowsAt (local.get $pend) (local.get $blocks) (local.get $bytes) (local.get $u))
      (local.get $expLoss) (local.get $fast)))

  ;; Phase 2 on the chunk [zb, cend) for the column pairs [k0, k1): its
  ;; first rows' loss derivatives are in ua (A's), the rest from mid on in ub.
  (func $gradsOf
    (param $zb i32) (param $mid i32) (param $cend i32) (param $blocks i32) (param $bytes i32)
    (param $k0 i32) (param $k1 i32) (param $g i32) (param $ua i32) (param $ub i32)
    (call $grads (local.get $zb) (local.get $mid) (local.get $bytes) (local.get $k0) (local.get $k1) (local.get $g)
      (call $rowsAt (local.get $zb) (local.get $blocks) (local.get $bytes) (local.get $ua)))
    (if (i32.lt_u (local.get $mid) (local.get $cend))
      (then
        (call $grads (local.get $mid) (local.get $cend) (local.get $bytes) (local.get $k0) (local.get $k1)
          (local.get $g) (call $rowsAt (local.get $mid) (local.get $blocks) (local.get $bytes) (local.get $ub))))))

  ;; A's part; takes up to k steps and returns how many were taken (fewer
  ;; when a gradient was not finite, or when B stalled: then STALL is 1).
  ;; Needs nb >= 1 and 0 < pa < dp/2; k times (chunks + 2) < 2^31.
  (func (export "runA")
    (param $blocks i32) (param $nb i32) (param $cb i32) (param $tail i32) (param $nt i32) (param $d i32)
    (param $dp i32) (param $w i32) (param $g i32) (param $buf i32) (param $ua i32) (param $ub i32)
    (param $expLoss i32) (param $fast i32) (param $mean i32) (param $scale f64)
    (param $rule i32) (param $lr f64) (param $mu f64) (param $k i32) (param $pa i32) (param $cap f64)
    (result i32)
    (local $t i32) (local $n i32) (local $bytes i32) (local $chunk i32) (local $zend i32) (local $zb i32)
    (local $cend i32) (local $mid i32)
    (local.set $bytes (i32.shl (local.get $dp) (i32.const 7)))
    (local.set $chunk (i32.mul (local.get $cb) (local.get $bytes)))
    (local.set $zend (i32.add (local.get $blocks) (i32.mul (local.get $nb) (local.get $bytes))))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $t) (local.get $k)))
        (call $zero (local.get $g) (i32.add (local.get $g) (i32.shl (local.get $pa) (i32.const 4))))
        (local.set $zb (local.get $blocks))
        (loop $chunkLoop
          (local.set $cend (call $chunkEnd (local.get $zb) (local.get $chunk) (local.get $zend)))
          (local.set $mid (call $chunkMid (local.get $zb) (local.get $cend) (local.get $bytes)))
          (call $rows (local.get $zb) (local.get $mid)
            (local.get $blocks) (local.get $bytes) (local.get $dp) (local.get $w) (local.get $ua)
            (local.get $expLoss) (local.get $fast))
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (br_if $done (i32.eqz (call $arriveA (local.get $n) (local.get $cap))))
          (call $gradsOf (local.get $zb) (local.get $mid) (local.get $cend) (local.get $blocks) (local.get $bytes)
            (i32.const 0) (local.get $pa) (local.get $g) (local.get $ua) (local.get $ub))
          (local.set $zb (local.get $cend))
          (br_if $chunkLoop (i32.lt_u (local.get $zb) (local.get $zend))))
        ;; B's gradient terms are in
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $done (i32.eqz (call $arriveA (local.get $n) (local.get $cap))))
        (call $tail (local.get $tail) (local.get $nt) (local.get $d) (local.get $w) (local.get $g)
          (local.get $expLoss) (local.get $fast))
        (br_if $done (i32.eqz (call $update (local.get $d) (local.get $w) (local.get $g) (local.get $buf)
          (local.get $mean) (local.get $scale) (local.get $rule) (local.get $lr) (local.get $mu))))
        ;; the new w is out
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $done (i32.eqz (call $arriveA (local.get $n) (local.get $cap))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $step)))
    (i32.atomic.store (global.get $CTRL_STOP) (i32.const 1))
    (local.get $t))

  ;; B's part of the same k steps; returns when they are done or STOP rises.
  ;; B sums its gradient entries at gb (laid out like g, a page away from
  ;; it) and copies them into g at the end of each step.
  (func (export "runB")
    (param $blocks i32) (param $nb i32) (param $cb i32) (param $dp i32) (param $w i32) (param $g i32)
    (param $gb i32) (param $ua i32) (param $ub i32) (param $expLoss i32) (param $fast i32) (param $k i32) (param $pa i32)
    (local $t i32) (local $n i32) (local $bytes i32) (local $chunk i32) (local $zend i32) (local $zb i32)
    (local $cend i32) (local $mid i32)
    (local.set $bytes (i32.shl (local.get $dp) (i32.const 7)))
    (local.set $chunk (i32.mul (local.get $cb) (local.get $bytes)))
    (local.set $zend (i32.add (local.get $blocks) (i32.mul (local.get $nb) (local.get $bytes))))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $t) (local.get $k)))
        (call $zero (i32.add (local.get $gb) (i32.shl (local.get $pa) (i32.const 4)))
          (i32.add (local.get $gb) (i32.shl (local.get $dp) (i32.const 3))))
        (local.set $zb (local.get $blocks))
        (loop $chunkLoop
          (local.set $cend (call $chunkEnd (local.get $zb) (local.get $chunk) (local.get $zend)))
          (local.set $mid (call $chunkMid (local.get $zb) (local.get $cend) (local.get $bytes)))
          (call $rows (local.get $mid) (local.get $cend)
            (local.get $blocks) (local.get $bytes) (local.get $dp) (local.get $w) (local.get $ub)
            (local.get $expLoss) (local.get $fast))
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (br_if $done (i32.eqz (call $arriveB (local.get $n))))
          (call $gradsOf (local.get $zb) (local.get $mid) (local.get $cend) (local.get $blocks) (local.get $bytes)
            (local.get $pa) (i32.shr_u (local.get $dp) (i32.const 1)) (local.get $gb) (local.get $ua) (local.get $ub))
          (local.set $zb (local.get $cend))
          (br_if $chunkLoop (i32.lt_u (local.get $zb) (local.get $zend))))
        (call $copy (i32.add (local.get $gb) (i32.shl (local.get $pa) (i32.const 4)))
          (i32.add (local.get $gb) (i32.shl (local.get $dp) (i32.const 3)))
          (i32.add (local.get $g) (i32.shl (local.get $pa) (i32.const 4))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $done (i32.eqz (call $arriveB (local.get $n))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br_if $done (i32.eqz (call $arriveB (local.get $n))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $step))))
