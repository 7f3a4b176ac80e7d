// pngjs ships no type declarations; this covers the part scripts/make-icons.ts uses.
declare module "pngjs" {
  export class PNG {
    constructor(options: { width: number; height: number });
    readonly width: number;
    readonly height: number;
    /** RGBA, 4 bytes a pixel, row by row */
    data: Buffer;
    static sync: { write(png: PNG): Buffer };
  }
}
