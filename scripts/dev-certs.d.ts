// Types for scripts/dev-certs.js (CommonJS, because webpack.config.js requires it).
export declare const certificateFiles: { ca: string; cert: string; key: string };
export declare function ensureDevCertificates(): Promise<{ generated: boolean; files: typeof certificateFiles }>;
export declare function devHttpsOptions(): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }>;
