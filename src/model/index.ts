/** The calculation module: pure functions, numbers in, numbers (or typed errors) out. */
export * from "./errors";
export * from "./exposure";
export * from "./growth";
export * from "./market";
export * from "./substitution";
export * from "./derive";
export * from "./case";
export * from "./risk";
export * from "./distributions";
