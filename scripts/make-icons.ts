/**
 * Draws the add-in icon at 16, 32, 64 and 80 px into assets/icon-NN.png: a green rounded square
 * (Excel's green) with three white bars that fall from left to right and an amber arrow pointing down.
 *
 * The glyph is laid out on a 16-unit grid, so at every size edges land on whole pixels; each pixel is
 * supersampled to smooth the rounded corners and the arrow.
 */
import fs from "fs";
import path from "path";
import { PNG } from "pngjs";

type Rgba = readonly [number, number, number, number];

const GREEN: Rgba = [16, 124, 65, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const AMBER: Rgba = [255, 185, 0, 255];
const SIZES = [16, 32, 64, 80];
const SAMPLES = 4; // per axis, per pixel

/** Point (x, y) on the 16-unit grid → the colour painted there, or undefined for transparent. */
function paint(x: number, y: number): Rgba | undefined {
  let colour: Rgba | undefined;
  if (inRoundedSquare(x, y, 1, 15, 3)) colour = GREEN;
  const bars: [left: number, top: number][] = [
    [3, 6],
    [7, 8.5],
    [11, 11],
  ];
  for (const [left, top] of bars) if (x >= left && x < left + 2 && y >= top && y < 13) colour = WHITE;
  if (onSegment(x, y, [3.5, 2.5], [10.5, 6.5], 1.1) || inTriangle(x, y, [13.2, 8.4], [9.3, 8.3], [12.3, 4.6])) {
    colour = AMBER;
  }
  return colour;
}

function inRoundedSquare(x: number, y: number, from: number, to: number, radius: number): boolean {
  if (x < from || x >= to || y < from || y >= to) return false;
  const cx = Math.min(Math.max(x, from + radius), to - radius);
  const cy = Math.min(Math.max(y, from + radius), to - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

type Point = readonly [number, number];

function onSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point, width: number): boolean {
  const t = Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= width / 2;
}

function inTriangle(x: number, y: number, a: Point, b: Point, c: Point): boolean {
  const side = (p: Point, q: Point) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const [s1, s2, s3] = [side(a, b), side(b, c), side(c, a)];
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

function render(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const unit = 16 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average premultiplied colour over the samples, then un-premultiply.
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = paint((px + (sx + 0.5) / SAMPLES) * unit, (py + (sy + 0.5) / SAMPLES) * unit);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round(a / SAMPLES ** 2);
    }
  }
  return png;
}

const outDir = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(outDir, `icon-${size}.png`);
  fs.writeFileSync(file, PNG.sync.write(render(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
}
