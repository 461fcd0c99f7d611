import assert from "node:assert/strict";
import { join } from "node:path";
import { DOMParser } from "linkedom";
import { runCommand } from "../../src/cli/run_command.ts";
import { plotCommand } from "../../src/plot/plot_command.ts";
import { OKABE_ITO } from "../../src/viewer/colors.ts";

const quiet = { stdout() {}, stderr() {}, stderrIsTerminal: false };

function capture() {
  const io = {
    out: "",
    err: "",
    stderrIsTerminal: false,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
}

/** A finished soudry-fig1 run of 10⁶ steps in a temporary store. */
async function storedRun(): Promise<{ dir: string; id: string }> {
  const dir = await Deno.makeTempDir();
  const args = ["soudry-fig1", "--steps", "1000000", "--backend", "cpu", "--quiet", "--out", dir];
  assert.equal(await runCommand(args, { io: quiet }), 0);
  return { dir, id: [...Deno.readDirSync(dir)][0]!.name };
}

/** The numbers of a path's last point ("…L x,y"). */
function lastPoint(d: string): [number, number] {
  const nums = d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
  return [nums.at(-2)!, nums.at(-1)!];
}

Deno.test("`deno task plot` writes the run's key charts as SVG: text as <text>, theory layer with class theory", async () => {
  const { dir, id } = await storedRun();
  const out = join(dir, "fig.svg");
  const io = capture();
  assert.equal(await plotCommand([id, "--runs", dir, "--out", out], { io }), 0, io.err);
  assert.equal(io.out, `wrote ${out}\n`);
  const doc = new DOMParser().parseFromString(Deno.readTextFileSync(out), "image/svg+xml");
  const svg = doc.querySelector("svg")!;
  assert.equal(svg.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  assert.equal(svg.getAttribute("width"), "720");
  const panels = [...doc.querySelectorAll("g.panel")].map((g) => g.getAttribute("data-metric"));
  assert.deepEqual(panels, ["loss", "norm", "margin", "angle_gap"]);
  const texts = [...doc.querySelectorAll("text")].map((t) => t.textContent);
  for (const title of ["loss L(w) (nats)", "‖w‖₂", "min margin / ‖w‖", "1 − cos(w, ŵ)"]) {
    assert.ok(texts.includes(title), `title ${title}`);
  }
  assert.ok(texts.includes("step (iterations, log scale)"));
  assert.ok(texts.filter((t) => /^10[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(t ?? "")).length >= 4, "log ticks as 10ⁿ text");
  // Every panel of this run has a theory curve and a legend entry saying what it is.
  for (const panel of doc.querySelectorAll("g.panel")) {
    assert.equal(panel.querySelectorAll("path.theory").length, 1, panel.getAttribute("data-metric")!);
    assert.equal(panel.querySelectorAll("g.theory.legend text").length, 1);
  }
  const legend = (m: string) => doc.querySelector(`g.panel[data-metric="${m}"] g.theory.legend text`)!.textContent!;
  assert.match(legend("norm"), /^‖ŵ‖·ln t \+ c \(theorem\), ‖ŵ‖ = 0\.7071/);
  assert.match(legend("loss"), /^‖ŵ‖²\/\(η t\), η = 0\.08488 \(theorem\)$/);
  assert.match(legend("margin"), /^γ̂ = 1\.414 /);
  assert.match(legend("angle_gap"), /fitted guide/);
  assert.equal(
    doc.querySelector('g.panel[data-metric="angle_gap"] path.theory')!.getAttribute("class"),
    "theory guide",
  );
  // The theorem's ‖w‖ line meets the data at the last step (offset fitted on the last decade): same pixel ±1.
  const norm = doc.querySelector('g.panel[data-metric="norm"]')!;
  const [dx, dy] = lastPoint(norm.querySelector("path.line")!.getAttribute("d")!);
  const [tx, ty] = lastPoint(norm.querySelector("path.theory")!.getAttribute("d")!);
  assert.ok(Math.abs(dx - tx) < 0.5 && Math.abs(dy - ty) < 1, `data ends at ${dx},${dy}, theory at ${tx},${ty}`);
  // Colour-blind-safe: data lines from Okabe–Ito, theory in neutral grey.
  for (const p of doc.querySelectorAll("path.line")) assert.ok(OKABE_ITO.includes(p.getAttribute("stroke")!));
  for (const p of doc.querySelectorAll("path.theory")) assert.equal(p.getAttribute("stroke"), "#444444");
});

Deno.test("`deno task plot` takes a run folder, --metric, --width/--height, --no-theory, and writes PNG", async () => {
  const { dir, id } = await storedRun();
  const svgOut = join(dir, "a.svg");
  const args = [join(dir, id), "--metric", "grad_norm", "--metric", "margin", "--width", "500", "--height", "300"];
  assert.equal(await plotCommand([...args, "--no-theory", "--out", svgOut], { io: quiet }), 0);
  const doc = new DOMParser().parseFromString(Deno.readTextFileSync(svgOut), "image/svg+xml");
  assert.deepEqual([...doc.querySelectorAll("g.panel")].map((g) => g.getAttribute("data-metric")), [
    "grad_norm",
    "margin",
  ]);
  assert.equal(doc.querySelector("svg")!.getAttribute("viewBox"), "0 0 500 300");
  assert.equal(doc.querySelectorAll(".theory").length, 0);

  const pngOut = join(dir, "a.png");
  assert.equal(await plotCommand([...args, "--out", pngOut], { io: quiet }), 0);
  const png = Deno.readFileSync(pngOut);
  assert.deepEqual([...png.slice(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
  const view = new DataView(png.buffer);
  assert.deepEqual([view.getUint32(16), view.getUint32(20)], [1000, 600], "2 px per SVG unit");
  assert.ok(png.length > 20_000, `${png.length} bytes: text and lines drawn`);
});

Deno.test("`deno task plot` solves the reference of an unfinished run (no final.json) to draw its theory layer", async () => {
  const { dir, id } = await storedRun();
  Deno.removeSync(join(dir, id, "final.json"));
  const out = join(dir, "u.svg");
  assert.equal(await plotCommand([id, "--runs", dir, "--metric", "norm", "--out", out], { io: quiet }), 0);
  const doc = new DOMParser().parseFromString(Deno.readTextFileSync(out), "image/svg+xml");
  assert.match(doc.querySelector("g.theory.legend text")!.textContent!, /‖ŵ‖ = 0\.7071/);
});

Deno.test("`deno task plot` refuses bad input with exit 2, one line naming it, and writes nothing", async () => {
  const { dir, id } = await storedRun();
  const out = join(dir, "x.svg");
  const cases: [string[], RegExp][] = [
    [[id.slice(0, -1), "--runs", dir, "--out", out], new RegExp(`no run .* did you mean ${id}\\?`)],
    [[id, "--runs", dir, "--metric", "los", "--out", out], /has no metric "los"; did you mean loss\?/],
    [[id, "--runs", dir, "--out", join(dir, "x.pdf")], /--out must end in \.svg or \.png/],
    [[id, "--runs", dir, "--width", "abc", "--out", out], /--width must be 100 to 10000 px \(saw abc\)/],
    [[id, "--runs", dir, "--metrics", "loss"], /unknown option --metrics; did you mean --metric\?/],
    [[], /expected one run id or run directory but got 0/],
  ];
  for (const [args, re] of cases) {
    const io = capture();
    assert.equal(await plotCommand(args, { io }), 2, args.join(" "));
    assert.match(io.err, /^error: [^\n]*\n$/);
    assert.match(io.err, re);
  }
  assert.throws(() => Deno.statSync(out), Deno.errors.NotFound);
  const help = capture();
  assert.equal(await plotCommand(["--help"], { io: help }), 0);
  assert.match(help.out, /--metric NAME/);
});
