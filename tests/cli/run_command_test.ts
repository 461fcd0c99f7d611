import assert from "node:assert/strict";
import { join } from "node:path";
import { runCommand } from "../../src/cli/run_command.ts";
import { presets } from "../../src/presets/presets.ts";
import { logSchedule } from "../../src/streams/log_schedule.ts";
import type { CliIo } from "../../src/cli/cli_io.ts";

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stderrIsTerminal: false,
    stdout(s: string) {
      io.out += s;
    },
    stderr(s: string) {
      io.err += s;
    },
  };
  return io;
}

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("runCommand() --json prints snapshot lines then a final line, and stores the run", async () => {
  await withTempDir(async (dir) => {
    const io = capture();
    const out = join(dir, "runs");
    assert.equal(
      await runCommand(["soudry-fig1", "--steps", "10000", "--json", "--out", out, "--backend", "cpu"], { io }),
      0,
    );
    const lines = io.out.trim().split("\n").map((l) => JSON.parse(l));
    const snaps = lines.filter((l) => l.type === "snapshot");
    const final = lines.at(-1);
    assert.equal(final.type, "final");
    assert.equal(snaps.length, lines.length - 1);
    assert.deepEqual(snaps.filter((l) => l.trigger !== "heartbeat").map((l) => l.step), logSchedule(10000, 20));
    const first = snaps[1];
    assert.deepEqual(Object.keys(first).slice(0, 5), ["type", "run", "step", "wall", "status"]);
    for (const k of ["loss", "norm", "margin", "cos_ref", "angle_gap", "margin_gap"]) {
      assert.equal(typeof first.metrics[k], "number", k);
    }
    assert.equal(final.step, 10000);
    assert.equal(final.status, "done");
    assert.deepEqual(final.predictor.shape, [2]);
    assert.equal(final.reference.kind, "max-margin-l2");
    assert.deepEqual(final.reference.shape, [2]);
    assert.ok(Math.abs(final.reference.data[0] - 0.5) < 1e-12);
    const [id] = [...Deno.readDirSync(out)].map((e) => e.name);
    assert.equal(id, final.run);
    const events = Deno.readTextFileSync(join(out, id!, "events.ndjson")).trim().split("\n");
    assert.equal(events.length, snaps.length);
    assert.deepEqual(JSON.parse(Deno.readTextFileSync(join(out, id!, "final.json"))), final);
    assert.equal(JSON.parse(Deno.readTextFileSync(join(out, id!, "spec.json"))).steps, 10000);
  });
});

Deno.test("runCommand() in human mode shows progress on stderr and a metrics table on stdout", async () => {
  await withTempDir(async (dir) => {
    const io = capture();
    assert.equal(await runCommand(["soudry-fig1", "--steps", "20000", "--out", dir], { io }), 0);
    assert.match(io.err, /^warning: Step size .* exceeds the classical stability bound/m);
    assert.match(io.err, /100%\s+20,000\/20,000 steps\s+[\d.]+[kM]? steps\/s\s+ETA/);
    assert.match(io.out, /^status\s+done$/m);
    assert.match(io.out, /^reference\s+\[0\.\d+, 0\.\d+\] \(max-margin-l2\)$/m);
    assert.match(io.out, /^angle_gap\s+\d/m);
    const quiet = capture();
    assert.equal(await runCommand(["soudry-fig1", "--steps", "100", "--out", dir, "--quiet"], { io: quiet }), 0);
    assert.equal(quiet.err, "");
  });
});

Deno.test("runCommand() rejects bad input with exit 2, one line on stderr and nothing created", async () => {
  await withTempDir(async (dir) => {
    const good = {
      problem: { kind: "linear-classification", data: { kind: "points", x: [[1, 2], [-1, -1]], y: [1, -1] } },
      steps: 10,
    };
    const write = (name: string, value: unknown) => {
      const p = join(dir, name);
      Deno.writeTextFileSync(p, typeof value === "string" ? value : JSON.stringify(value));
      return p;
    };
    const cases: [string[], RegExp][] = [
      [
        [write("labels.json", { ...good, problem: { ...good.problem, data: { ...good.problem.data, y: [1, 2] } } })],
        /problem\.data\.y\[1\]: expected a label of -1 or 1 \(saw 2\)/,
      ],
      [
        [write("ragged.json", {
          ...good,
          problem: { ...good.problem, data: { kind: "points", x: [[1, 2], [1]], y: [1, -1] } },
        })],
        /problem\.data\.x\[1\].*ragged/,
      ],
      [
        [write("empty.json", { ...good, problem: { ...good.problem, data: { kind: "points", x: [], y: [] } } })],
        /n = 0/,
      ],
      [[write("steps.json", { ...good, steps: 0 })], /at steps: expected at least 1 step \(saw 0\)/],
      [
        [write("kind.json", { ...good, optimizer: { kind: "adamw" } })],
        /optimizer\.kind: unknown kind.*\(saw "adamw"\)/,
      ],
      [
        [write("csv.json", {
          ...good,
          problem: { kind: "linear-classification", data: { kind: "csv", path: "missing.csv" } },
        })],
        /problem\.data\.path: cannot read CSV .*missing\.csv/,
      ],
      [
        [write("badcsv.json", {
          ...good,
          problem: { kind: "linear-classification", data: { kind: "csv", path: write("bad.csv", "1,2,1\n1,2\n") } },
        })],
        /line 2 has 2 fields/,
      ],
      [[write("types.json", { ...good, steps: "many" })], /at steps: expected number, received string \(saw "many"\)/],
      [[write("notjson.json", "{ steps: 1")], /is not valid JSON/],
      [[join(dir, "absent.json")], /cannot read spec file .*absent\.json: No such file/],
      [["no-such-preset"], /unknown preset or spec file "no-such-preset"; deno task run --list prints the presets$/m],
      [["soudry-fig"], /unknown preset or spec file "soudry-fig"; did you mean soudry-fig1\?$/m],
      [["soudry_fig1"], /unknown preset or spec file "soudry_fig1"; did you mean soudry-fig1\?$/m],
      [["matrix-sensng"], /unknown preset or spec file "matrix-sensng"; did you mean matrix-sensing\?$/m],
      [["soudry-fig1", "--lr", "0.5"], /unknown option --lr; did you mean --set optimizer\.lr=0\.5\?/],
      [["soudry-fig1", "--stpes", "10"], /unknown option --stpes; did you mean --steps\?/],
      [["soudry-fig1", "--set", "optimizer.lr"], /at --set: expected --set path=value.*\(saw "optimizer\.lr"\)/],
      [["soudry-fig1", "--set", "optimizer..lr=1"], /at --set: cannot parse the field path "optimizer\.\.lr"/],
      [
        ["soudry-fig1", "--set", "optimizer.lr=abc"],
        /at optimizer\.lr: expected number, received string \(saw "abc"\)/,
      ],
      [["soudry-fig1", "--set", "optimizer.lrr=1"], /at optimizer: unknown field lrr; did you mean optimizer\.lr\?$/m],
      [["soudry-fig1", "--set", "record.perdecade=3"], /unknown field perdecade; did you mean record\.perDecade\?$/m],
      [[write("ok.json", good), "--steps=-3"], /at steps: expected at least 1 step \(saw -3\)/],
      [[write("ok2.json", good), "--steps", "abc"], /--steps: expected a number of steps \(saw "abc"\)/],
      [[write("ok5.json", good), "--steps", "0x10"], /--steps: expected a number of steps \(saw "0x10"\)/],
      [[write("ok3.json", good), "--backend", "gpu"], /at backend: .*\(saw "gpu"\)/],
      [
        [write("ok4.json", good), "--frobnicate"],
        /unknown option --frobnicate; the options are --list, --set, --steps, /,
      ],
      [[write("ok5.json", good), "--steps", "-3"], /option --steps needs a value \(saw "-3"\); write --steps=-3/],
      [[write("ok6.json", good), "--steps"], /option --steps needs a value \(saw nothing\)/],
      [[write("ok9.json", good), "--steps", "--json"], /option --steps needs a value \(saw "--json"\); run with/],
      [[write("ok7.json", good), "--json=yes"], /option --json takes no value \(saw "yes"\)/],
      [[write("ok8.json", good), "-x"], /unknown option -x; /],
      [[], /expected one spec file or preset name but got 0 \(saw nothing\)/],
      [["soudry-fig1", "extra"], /expected one spec file or preset name but got 2 \(saw "soudry-fig1", "extra"\)/],
    ];
    const out = join(dir, "runs");
    for (const [args, re] of cases) {
      const io = capture();
      const code = await runCommand(["--out", out, ...args], { io });
      assert.equal(code, 2, `${args.join(" ")}: exit ${code}, stderr ${io.err}`);
      assert.match(
        io.err,
        /^error: [^\n]*\n$/,
        `${args.join(" ")}: exactly one line on stderr, got ${JSON.stringify(io.err)}`,
      );
      assert.match(io.err, re, args.join(" "));
      assert.equal(io.out, "");
    }
    assert.throws(() => Deno.statSync(out), Deno.errors.NotFound, "nothing created under runs/");
  });
});

Deno.test("runCommand() ends a diverging run with status diverged and exit code 3", async () => {
  await withTempDir(async (dir) => {
    const spec = join(dir, "div.json");
    Deno.writeTextFileSync(
      spec,
      JSON.stringify({
        problem: { kind: "linear-classification", loss: "exp", data: { kind: "points", x: [[2], [1]], y: [1, -1] } },
        optimizer: { kind: "gd", lr: 1000 },
        steps: 100,
      }),
    );
    const io = capture();
    assert.equal(await runCommand([spec, "--json", "--out", join(dir, "runs")], { io }), 3);
    const final = JSON.parse(io.out.trim().split("\n").at(-1)!);
    assert.equal(final.status, "diverged");
    assert.equal(final.step, 1);
    assert.match(final.message, /not finite at step 1/);
    assert.match(io.err, /^error: the run diverged at step 1: /m);
    assert.ok(Object.values(final.metrics).every((v) => v === null || Number.isFinite(v)));
  });
});

Deno.test("runCommand() --help prints the usage and mentions --list and --set", async () => {
  const io = capture();
  assert.equal(await runCommand(["--help"], { io }), 0);
  assert.match(io.out, /Usage: deno task run <spec\.json \| preset>/);
  assert.match(io.out, /--list\s+print the presets/);
  assert.match(io.out, /--set PATH=VALUE/);
});

Deno.test("runCommand() --list prints every preset on its own line with description and source", async () => {
  const io = capture();
  assert.equal(await runCommand(["--list"], { io }), 0);
  const lines = io.out.trimEnd().split("\n");
  assert.equal(lines.length, Object.keys(presets()).length);
  for (const [name, p] of Object.entries(presets())) {
    const line = lines.find((l) => l.startsWith(`${name} `));
    assert.ok(line, name);
    assert.ok(line.includes(p.description) && line.endsWith(`[${p.source}]`), line);
  }
  assert.equal(io.err, "");
});

Deno.test("runCommand() --set changes fields of the stored spec (JSON values, else strings; later wins)", async () => {
  await withTempDir(async (dir) => {
    const io = capture();
    const args = ["soudry-fig1", "--steps", "100", "--out", dir, "--quiet", "--set", "optimizer.lr=0.5"];
    args.push("--set", "optimizer.momentum=0.25", "--set", 'record={"perDecade":3}', "--set", "optimizer.lr=0.4");
    args.push("--set", "name=my run");
    assert.equal(await runCommand(args, { io }), 0, io.err);
    const [id] = [...Deno.readDirSync(dir)].map((e) => e.name);
    const spec = JSON.parse(Deno.readTextFileSync(join(dir, id!, "spec.json")));
    assert.equal(spec.optimizer.lr, 0.4);
    assert.equal(spec.optimizer.momentum, 0.25);
    assert.equal(spec.record.perDecade, 3);
    assert.equal(spec.name, "my run");
    assert.equal(spec.steps, 100);
  });
});
